from tests.cli.conftest import run as cli_run

run = cli_run  # the command line, run in-process (tests/cli/conftest.py)
