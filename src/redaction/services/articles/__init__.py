"""Writing articles: open, create, save with revisions and conflicts (``editing``), autosave
buffers (``autosave``), the newsroom's house rules (``house_rules``) and images (``images``)."""
