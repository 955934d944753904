"""``redaction demo``: a realistic sample newsroom (``fill``) from hand-written articles and
generated reader comments."""
