"""Files: the JSON annotation format, atomic saving, projects, importers and exporters."""
