"""packaging/shiboken_files.py: shiboken's support modules, compiled ahead for the frozen app,
load in place of the sources zipped in libshiboken (which are compiled at every start)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.packaging.conftest import PACKAGING

PROBE = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import shiboken_files
out = Path(sys.argv[2])
written = shiboken_files.write_compiled(out)
print("written", *sorted(path.relative_to(out).as_posix() for path in written))
for name in [name for name in sys.modules if name.split(".")[0] == "shibokensupport"]:
    del sys.modules[name]
sys.path.insert(0, str(out))  # as shiboken does with files.dir
import shibokensupport.signature.loader as loader
print("loaded", loader.__file__)
print("shipped", len(shiboken_files.datas(out)))
(out / shiboken_files.STAMP).write_text("shiboken6 0.0.1 cpython-30")  # as from an older build
print("stale", len(shiboken_files.datas(out)))
"""


def test_the_support_modules_are_written_compiled_and_load_from_there(tmp_path: Path) -> None:
    out = tmp_path / "files.dir"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(PACKAGING), str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines())
    written = lines["written"].split()
    assert "shibokensupport/signature/loader.pyc" in written
    assert "shibokensupport/feature.pyc" in written
    assert all(name.endswith(".pyc") for name in written)  # sourceless: nothing left to compile
    assert not list(out.rglob("*.py"))
    assert Path(lines["loaded"]) == out / "shibokensupport" / "signature" / "loader.pyc"
    # the spec ships them, but not a folder made for another shiboken or Python
    assert int(lines["shipped"]) == len(written)
    assert int(lines["stale"]) == 0
