"""From annotations to findings: claims as records, actor networks, chart series, study
figures. Qt-free: the window (ui/analysis_dialog.py) and the `annotator export` and
`annotator stats` commands share it."""
