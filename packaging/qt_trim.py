"""Which Qt files the frozen app leaves out: plugins it never loads, Qt translations for languages
it does not ship, and libraries only those need.

Shared by ``redaction.spec`` (a last filter over everything collected) and
``hooks/hook-PySide6.QtGui.py`` (which drops plugins *before* PyInstaller follows their library
dependencies: dropping the GTK theme afterwards would still leave GTK's dozen libraries behind).
Paths are PyInstaller destination paths such as ``PySide6/Qt/plugins/platforms/libqxcb.so``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path, PurePath

# Plugin folder -> regular expression matched against the plugin file name.
DROP_PLUGINS: dict[str, str] = {
    # Embedded-device and remote platforms; xcb, wayland, offscreen (headless CI), minimal,
    # windows and cocoa stay.
    "platforms": r"(eglfs|linuxfb|minimalegl|vnc|vkkhrdisplay)",
    "egldeviceintegrations": r".*",
    "generic": r".*",  # evdev/tslib/tuio input for eglfs and linuxfb only
    # PDF thumbnails drag in QtPdf; the rest are formats a newsroom desk never opens.
    "imageformats": r"(pdf|tiff|webp|tga|wbmp)",
    "platforminputcontexts": r"virtualkeyboard",  # needs QtQuick; compose and ibus stay (accents!)
    # The GTK 3 theme would bundle the build machine's GLib, cairo, Pango and GDK next to the
    # user's GTK, a classic source of crashes; Qt follows the desktop's colour scheme through the
    # xdgdesktopportal theme instead.
    "platformthemes": r"gtk3",
    "vectorimageformats": r".*",  # Lottie: needs QtQuick
    "networkinformation": r".*",
    "tls": r".*",
    "sqldrivers": r".*",  # SQLAlchemy talks to the databases, not QtSql
    "qmltooling": r".*",
    "wayland-graphics-integration-server": r".*",  # compositor side; the app is a client
}

# Qt libraries that only excluded modules and dropped plugins link to: lib*.so on Linux, *.dll on
# Windows, *.framework on macOS. build.sh checks with ldd that nothing left behind needs one.
DROP_LIBS = re.compile(
    r"^(lib)?Qt6?(Pdf\w*|Quick\w*|Qml\w*|VirtualKeyboard\w*|EglFS\w*|EglFs\w*|VncServer|"
    r"Network\w*|WaylandCompositor\w*|Sql|Multimedia\w*|WebEngine\w*|WebChannel\w*|"
    r"Positioning\w*|SvgWidgets|ShaderTools|LabsAnimation|StateMachine\w*)(\.|$)"
)

# Linux libraries the desktop always provides and that must match it: the ones the PySide6 wheel
# itself takes from the system (X11, fontconfig and freetype, which read the host's font
# configuration; GLib, whose copy beside the host's GTK is a classic crash; D-Bus, which must
# speak the host's bus), what only those pull in (systemd's client, libgcrypt, PCRE2 for GLib,
# PNG and Brotli for freetype), and libxcb's own dependencies left behind when PyInstaller skips
# libxcb itself. The xcb helper libraries a fresh Debian lacks (libxcb-cursor, -icccm,
# -keysyms…) stay bundled. Matched by file name at the top of the folder, Linux names only.
HOST_LIBS = re.compile(
    r"^lib(X11|X11-xcb|Xau|Xdmcp|bsd|md|fontconfig|freetype|expat|png16|brotlidec|brotlicommon|"
    r"glib-2\.0|gthread-2\.0|pcre2-8|dbus-1|systemd|gcrypt|gpg-error|lz4|cap)\.so(\.[\d.]+)?$"
)

QT_TRANSLATION = re.compile(r"qt\w*?_([a-z]{2,3}(?:_[A-Z]{2})?)\.qm$")


def shipped_languages(translations_dir: Path) -> set[str]:
    """English plus every language with an app translation (``redaction_fr.ts`` -> ``fr``)."""
    languages = {"en", "fr"}  # French is the newsroom's working language even before its .ts exists
    for ts in translations_dir.glob("*.ts"):
        match = re.search(r"_([a-z]{2,3}(?:_[A-Z]{2})?)\.ts$", ts.name)
        if match:
            languages.add(match.group(1))
    return languages


def keep(dest: str, languages: Iterable[str] = ("en", "fr")) -> bool:
    """False for a collected file, by destination path, that the app never loads."""
    parts = PurePath(dest.replace("\\", "/")).parts
    if "Qt" in parts:
        sub = parts[parts.index("Qt") + 1 :]
        if len(sub) >= 3 and sub[0] == "plugins":
            pattern = DROP_PLUGINS.get(sub[1])
            if pattern and re.search(pattern, sub[-1]):
                return False
        if len(sub) == 2 and sub[0] == "translations":
            match = QT_TRANSLATION.match(sub[1])
            wanted = set(languages)
            if match and match.group(1) not in wanted and match.group(1).split("_")[0] not in wanted:
                return False
    if len(parts) == 1 and HOST_LIBS.match(parts[0]):
        return False
    return not any(DROP_LIBS.match(part) for part in parts)


def keep_entry(entry: tuple[str, ...], languages: Iterable[str] = ("en", "fr")) -> bool:
    """:func:`keep` for a hook's ``(source, destination folder)`` pair."""
    source, dest_dir = entry[0], entry[1]
    return keep(f"{dest_dir}/{Path(source).name}", languages)
