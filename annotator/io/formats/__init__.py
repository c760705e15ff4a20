"""Importers and exporters, one module a format, registered by name."""
