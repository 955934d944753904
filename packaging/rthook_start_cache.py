"""PyInstaller runtime hook, run before the hooks of the collected packages (PyInstaller runs
custom runtime hooks first): PySide6's hook imports Qt next, and with it shiboken's signature
parser and stub generator, whose regular expressions are the start's largest (15-30 ms to
compile). Begun here, redaction.start_cache serves them too; the window ends it at its first
paint, and the command line's other commands at once, keeping nothing (redaction.cli)."""

from redaction import start_cache

start_cache.begin()
