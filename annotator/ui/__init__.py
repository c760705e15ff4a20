"""The window: PySide6 only, thin, driven by the model."""
