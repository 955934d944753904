"""The menu entry, AppStream metainfo and icons agree with each other and with pyproject.toml:
a wrong Icon= or id shows a blank icon or no entry at all in the user's menu and software centre."""

from __future__ import annotations

import configparser
import struct
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as ET

from tests.packaging.conftest import APP_ID, RESOURCES

DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
ICONS = RESOURCES / "icons"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def desktop_entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_desktop_entry_launches_the_installed_command_in_english_and_french(project: dict[str, Any]) -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] in project["scripts"]
    assert entry["Name"] and entry["Name[fr]"] == "Rédaction"
    assert entry["Comment"] and entry["Comment[fr]"]
    assert entry["Comment[fr]"] != entry["Comment"]
    categories = entry["Categories"].split(";")
    assert categories[-1] == "", "the Categories list must end with ';'"
    assert {"Office", "News"} <= set(categories)


def test_desktop_entry_icon_exists_as_svg_and_every_png_size() -> None:
    icon = desktop_entry()["Icon"]
    assert "/" not in icon and not icon.endswith((".png", ".svg")), "Icon= must be a theme name"
    assert (ICONS / f"{icon}.svg").is_file()
    for size in (16, 32, 48, 64, 128, 256, 512):
        png = ICONS / f"{icon}-{size}.png"
        assert png_size(png) == (size, size), png.name


def test_windows_icon_holds_every_size_from_16_to_256() -> None:
    data = (ICONS / "redaction.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {(data[6 + 16 * i] or 256) for i in range(count)}  # width byte; 0 means 256
    assert {16, 32, 48, 256} <= sizes


def test_macos_icon_is_an_icns_file() -> None:
    data = (ICONS / "redaction.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)


def test_metainfo_names_the_desktop_entry_icon_and_current_release(project: dict[str, Any]) -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("icon[@type='stock']") == desktop_entry()["Icon"]
    assert root.findtext("provides/binary") in project["scripts"]
    assert root.findtext("project_license") == project["license"]
    french = [el.text for el in root.findall("summary") if el.get(XML_LANG) == "fr"]
    assert french and french[0]
    releases = [el.get("version") for el in root.findall("releases/release")]
    assert project["version"] in releases, "add a <release> for the version in pyproject.toml"
