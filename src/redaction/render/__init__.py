"""Markdown to HTML, and the article page around it (preview and export share it)."""
