"""CSL formatting: style lookup, the citeproc-py wrapper and its corrections."""
