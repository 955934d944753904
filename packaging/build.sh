#!/usr/bin/env bash
# Build the redaction desktop app with PyInstaller, in one command:
#
#     bash packaging/build.sh
#
# 1. finds a Python >= 3.12 (PySide6 6.12 on 3.11 crashes in long runs): $REDACTION_BUILD_PYTHON,
#    else python3.12/3.13/3.14 on PATH, else a pyenv-installed 3.12+, else python3;
# 2. makes (or reuses) the build venv build/venv and installs ".[build,postgres]" into it;
# 3. compiles resources/translations/*.ts to .qm with pyside6-lrelease, and shiboken's support
#    modules to build/shiboken-files (packaging/shiboken_files.py); starts the installed app
#    twice, offscreen, to list the modules it imports before its first paint, which ship
#    outside the archive (packaging/first_screen.py);
# 4. runs PyInstaller on packaging/redaction.spec -> dist/redaction/ (and dist/Redaction.app on macOS);
# 5. on Linux, checks with ldd that every bundled library finds its dependencies;
# 6. writes dist/redaction-<version>-<os>-<arch>.tar.gz (.zip on Windows) with install.sh inside,
#    and prints the unpacked size.
#
# Environment: REDACTION_BUILD_PYTHON (interpreter to use), REDACTION_BUILD_EXTRAS (default
# "build,postgres"), REDACTION_BUILD_VENV (default build/venv).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="${REDACTION_BUILD_VENV:-$ROOT/build/venv}"
EXTRAS="${REDACTION_BUILD_EXTRAS:-build,postgres}"

say() { printf '==> %s\n' "$*"; }
die() { printf 'build.sh: error: %s\n' "$*" >&2; exit 1; }

is_py312() {  # true when "$1" runs and is Python >= 3.12
    "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1
}

find_python() {
    local candidate
    if [[ -n "${REDACTION_BUILD_PYTHON:-}" ]]; then
        is_py312 "$REDACTION_BUILD_PYTHON" || die "REDACTION_BUILD_PYTHON=$REDACTION_BUILD_PYTHON is not a Python >= 3.12"
        echo "$REDACTION_BUILD_PYTHON"; return
    fi
    for candidate in python3.12 python3.13 python3.14; do  # CI builds with 3.12: prefer it
        if command -v "$candidate" >/dev/null && is_py312 "$candidate"; then echo "$candidate"; return; fi
    done
    # pyenv's interpreters, even when pyenv is not initialised in this shell (CI, cron).
    local root version
    root="$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")"
    if [[ -d "$root/versions" ]]; then
        # Oldest installed 3.12+ first: 3.12 is what CI builds with.
        for version in $(for dir in "$root"/versions/3.*; do basename "$dir"; done | grep -E '^3\.(1[2-9]|[2-9][0-9])(\.[0-9]+)?$' | sort -t. -k1,1n -k2,2n -k3,3n); do
            candidate="$root/versions/$version/bin/python"
            if is_py312 "$candidate"; then echo "$candidate"; return; fi
        done
    fi
    for candidate in python3 python py; do
        if command -v "$candidate" >/dev/null && is_py312 "$candidate"; then echo "$candidate"; return; fi
    done
    die "no Python >= 3.12 found. Install one (e.g. 'pyenv install 3.12') or point REDACTION_BUILD_PYTHON at it.
PySide6 6.12 on Python 3.11 aborts in long runs, so the app is only built with 3.12 or newer."
}

venv_bin() {  # the venv's script folder: bin/ on POSIX, Scripts/ on Windows
    if [[ -d "$VENV/Scripts" ]]; then echo "$VENV/Scripts"; else echo "$VENV/bin"; fi
}

# Two builds in one tree (two test runs at once) would clobber each other's venv and dist/.
mkdir -p "$ROOT/build"
if command -v flock >/dev/null; then
    exec 9>"$ROOT/build/.build.lock"
    flock 9 || die "could not lock build/.build.lock"
fi

PYTHON="$(find_python)"
say "build Python: $PYTHON ($("$PYTHON" -c 'import sys; print(sys.version.split()[0])'))"

if [[ -d "$VENV" ]] && ! is_py312 "$(venv_bin)/python"; then
    say "build venv $VENV is not Python >= 3.12: recreating it"
    rm -rf "$VENV"
fi
if [[ ! -d "$VENV" ]]; then
    say "creating build venv $VENV"
    "$PYTHON" -m venv "$VENV"
fi
BIN="$(venv_bin)"
VPY="$BIN/python"

say "installing .[$EXTRAS] into the build venv"
"$VPY" -m pip install --quiet --disable-pip-version-check --upgrade ".[$EXTRAS]"

shopt -s nullglob
TS_FILES=(resources/translations/*.ts)
if (( ${#TS_FILES[@]} )); then
    say "compiling ${#TS_FILES[@]} translation(s)"
    for ts in "${TS_FILES[@]}"; do
        "$BIN/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
    done
fi

say "compiling shiboken's support modules (shipped as shiboken6/files.dir)"
"$VPY" packaging/shiboken_files.py "$ROOT/build/shiboken-files"

say "listing the modules a start imports before its first paint (packaging/first_screen.py)"
"$VPY" packaging/first_screen.py "$ROOT/build/first-screen-modules.txt"

say "running PyInstaller (a few minutes)"
"$VPY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" packaging/redaction.spec

read -r VERSION TAG < <("$VPY" - <<'PY'
import platform, sys, tomllib
version = tomllib.load(open("pyproject.toml", "rb"))["project"]["version"]
system = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
machine = platform.machine().lower().replace("amd64", "x86_64").replace("aarch64", "arm64")
print(version, f"{system}-{machine}")
PY
)
APP_DIR="$ROOT/dist/redaction"
[[ -d "$APP_DIR" ]] || die "PyInstaller did not produce $APP_DIR"

if [[ "$(uname -s)" == Linux ]] && command -v ldd >/dev/null; then
    say "checking bundled libraries with ldd"
    INTERNAL="$APP_DIR/_internal"
    missing="$(find "$INTERNAL" -name '*.so*' -type f -print0 \
        | LD_LIBRARY_PATH="$INTERNAL:$INTERNAL/PySide6/Qt/lib:$INTERNAL/PySide6" xargs -0 -n 50 ldd 2>/dev/null \
        | grep -E '^\s*lib\S*(Qt6|pyside6|shiboken6|icu)\S* => not found' | sort -u || true)"
    [[ -z "$missing" ]] || die "bundled libraries need files the spec dropped:
$missing"
fi

cp packaging/install.sh "$APP_DIR/install.sh"
chmod +x "$APP_DIR/install.sh"

case "$TAG" in
    windows-*)
        ARCHIVE="dist/redaction-$VERSION-$TAG.zip"
        "$VPY" -c 'import shutil, sys; shutil.make_archive(sys.argv[1][:-4], "zip", "dist", "redaction")' "$ARCHIVE"
        ;;
    macos-*)
        ARCHIVE="dist/redaction-$VERSION-$TAG.tar.gz"
        tar -C dist -czf "$ARCHIVE" Redaction.app
        ;;
    *)
        ARCHIVE="dist/redaction-$VERSION-$TAG.tar.gz"
        tar -C dist -czf "$ARCHIVE" redaction
        ;;
esac

SIZE="$(du -sh "$APP_DIR" | cut -f1)"
say "built $APP_DIR ($SIZE unpacked)"
say "archive $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1))"
