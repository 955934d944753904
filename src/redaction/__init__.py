"""redaction: a desktop editorial workstation for a newsroom."""

__version__ = "0.1.0"
APP_NAME = "redaction"
