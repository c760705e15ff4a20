"""Subcommands of the `annotator` command, one module each."""
