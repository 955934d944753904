"""``python -m redaction`` runs the same entry point as the ``redaction`` command."""

import sys

from redaction.cli import main

if __name__ == "__main__":
    sys.exit(main())
