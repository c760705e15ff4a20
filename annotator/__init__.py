"""annotator: annotate Persian news articles right-to-left."""

from typing import Any


def __getattr__(name: str) -> Any:
    # __version__ is looked up on first use: importlib.metadata costs ~30 ms of every start-up
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("annotator")
        except PackageNotFoundError:  # running from a source tree that was never installed
            found = "0.0.0+source"
        globals()["__version__"] = found
        return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
