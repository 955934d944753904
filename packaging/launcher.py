"""PyInstaller entry script: the frozen app runs the same ``main()`` as the ``redaction`` command."""

import sys

from redaction.cli import main

if __name__ == "__main__":
    sys.exit(main())
