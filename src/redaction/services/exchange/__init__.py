"""Files in and out: imports (Markdown, WordPress WXR, comment CSV) registered by suffix in
``importing``, exports to Markdown and HTML, and listings for scripts."""
