"""The PyInstaller spec, run against stand-ins for PyInstaller's build classes: it takes name and
version from pyproject.toml, ships the migrations as files, keeps the Qt modules the app needs
and drops the ones it does not. Runs in milliseconds, without PyInstaller installed."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from tests.packaging.conftest import APP_ID, PACKAGING, ROOT

NEEDED_QT = ["QtCore", "QtGui", "QtWidgets", "QtSvg", "QtCharts", "QtPrintSupport"]


class Recorder:
    """Collects what the spec hands to Analysis, EXE, COLLECT and BUNDLE."""

    def __init__(self) -> None:
        self.calls: dict[str, list[dict[str, Any]]] = {}

    def factory(self, name: str) -> Any:
        def build(*args: Any, **kwargs: Any) -> types.SimpleNamespace:
            self.calls.setdefault(name, []).append({"args": args, **kwargs})
            return types.SimpleNamespace(**{"binaries": [], "datas": [], "pure": [], "scripts": [], **kwargs})

        return build

    def one(self, name: str) -> dict[str, Any]:
        (call,) = self.calls[name]
        return call


def run_spec(spec: Path, monkeypatch: pytest.MonkeyPatch, platform: str | None = None) -> Recorder:
    recorder = Recorder()
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package, filter=None: [f"{package}.collected"]  # type: ignore[attr-defined]
    hooks.collect_data_files = lambda package, includes=None: [  # type: ignore[attr-defined]
        (f"{package}/{pattern}", package) for pattern in includes or ["*"]
    ]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    for helper in ("first_screen", "qt_trim", "shiboken_files"):  # the spec's helpers, beside the real spec
        helper_spec = importlib.util.spec_from_file_location(helper, PACKAGING / f"{helper}.py")
        assert helper_spec and helper_spec.loader
        module = importlib.util.module_from_spec(helper_spec)
        helper_spec.loader.exec_module(module)
        monkeypatch.setitem(sys.modules, helper, module)
    monkeypatch.setattr(sys, "path", list(sys.path))
    if platform:
        monkeypatch.setattr(sys, "platform", platform)
    namespace = {
        "SPECPATH": str(spec.parent),
        **{name: recorder.factory(name) for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")},
    }
    exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), namespace)
    return recorder


@pytest.fixture
def spec_copy(tmp_path: Path) -> Path:
    """The spec in a tree of its own whose pyproject.toml says name "newsdesk", version 9.8.7."""
    (tmp_path / "packaging").mkdir()
    shutil.copy(PACKAGING / "redaction.spec", tmp_path / "packaging")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "newsdesk"\nversion = "9.8.7"\n')
    return tmp_path / "packaging" / "redaction.spec"


def test_name_and_version_come_from_pyproject(spec_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = run_spec(spec_copy, monkeypatch, platform="darwin")
    assert [call["name"] for call in built.calls["EXE"]] == ["newsdesk"]
    assert built.one("COLLECT")["name"] == "newsdesk"
    bundle = built.one("BUNDLE")
    assert bundle["version"] == "9.8.7"
    assert bundle["info_plist"]["CFBundleShortVersionString"] == "9.8.7"
    assert bundle["bundle_identifier"] == APP_ID
    assert bundle["icon"].endswith("redaction.icns")


def test_windows_gets_a_windowed_app_and_a_console_twin(
    spec_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = run_spec(spec_copy, monkeypatch, platform="win32")
    exes = {call["name"]: call for call in built.calls["EXE"]}
    assert exes["newsdesk"]["console"] is False
    assert exes["newsdesk-cli"]["console"] is True
    assert all(call["icon"].endswith("redaction.ico") for call in exes.values())
    assert "BUNDLE" not in built.calls


def test_real_spec_ships_resources_and_migration_files(monkeypatch: pytest.MonkeyPatch) -> None:
    analysis = run_spec(PACKAGING / "redaction.spec", monkeypatch).one("Analysis")
    ours = [(src, dest) for src, dest in analysis["datas"] if Path(src).is_absolute()]
    datas = {(Path(src).relative_to(ROOT).as_posix(), Path(dest).as_posix()) for src, dest in ours}
    # the spell checker's word lists come from its package (collected by PyInstaller's hook helper)
    assert ("spellchecker/resources/fr.json.gz", "spellchecker") in analysis["datas"]
    assert ("spellchecker/resources/en.json.gz", "spellchecker") in analysis["datas"]
    assert ("resources/preview.css", "resources") in datas
    assert (f"resources/{APP_ID}.desktop", "resources") in datas
    assert ("resources/icons/redaction.svg", "resources/icons") in datas
    migrations = ROOT / "src/redaction/storage/migrations"
    for script in [migrations / "env.py", *sorted((migrations / "versions").glob("[0-9]*.py"))]:
        dest = Path("redaction/storage", script.parent.relative_to(migrations.parent)).as_posix()
        assert (script.relative_to(ROOT).as_posix(), dest) in datas, script.name
    assert not any("__pycache__" in src or src.endswith(".ts") for src, _ in datas)
    # The only compiled files shipped as data: shiboken's support modules (build.sh makes them).
    compiled = {(src, dest) for src, dest in datas if src.endswith(".pyc")}
    assert all(
        src.startswith("build/shiboken-files/") and dest.startswith("shiboken6/files.dir")
        for src, dest in compiled
    ), compiled
    assert analysis["args"][0] == [str(PACKAGING / "launcher.py")]


def test_real_spec_keeps_needed_qt_and_excludes_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    analysis = run_spec(PACKAGING / "redaction.spec", monkeypatch).one("Analysis")
    excludes = set(analysis["excludes"])
    for module in ["QtWebEngineCore", "QtQml", "QtQuick", "Qt3DCore", "QtMultimedia", "QtPdf", "QtNetwork"]:
        assert f"PySide6.{module}" in excludes
    assert not {f"PySide6.{module}" for module in NEEDED_QT} & excludes
    hidden = set(analysis["hiddenimports"])
    assert {
        "redaction.collected",
        "alembic.ddl.sqlite",
        "sqlalchemy.dialects.sqlite",
        "PySide6.QtSvg",
    } <= hidden
    assert analysis["hookspath"] == [str(PACKAGING / "hooks")]


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/translations/qtbase_fr.qm", True),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_help_pt_BR.qm", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6Svg.so.6", True),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt6Network.dll", False),
        ("PySide6/Qt/lib/QtQml.framework/Versions/A/QtQml", False),
        ("resources/translations/redaction_fr.qm", True),
        # The desktop's own libraries come from the desktop; the xcb helpers it may lack stay.
        ("libfontconfig.so.1", False),
        ("libglib-2.0.so.0", False),
        ("libdbus-1.so.3", False),
        ("libxcb-cursor.so.0", True),
        ("libxcb-icccm.so.4", True),
        ("libzstd.so.1", True),  # Qt Core needs it, and a minimal system may not have it
        ("libstdc++.so.6", True),
        ("PySide6/Qt/lib/libicudata.so.73", True),
    ],
)
def test_qt_trim_rules(dest: str, kept: bool) -> None:
    trim_spec = importlib.util.spec_from_file_location("qt_trim", PACKAGING / "qt_trim.py")
    assert trim_spec and trim_spec.loader
    qt_trim = importlib.util.module_from_spec(trim_spec)
    trim_spec.loader.exec_module(qt_trim)
    assert qt_trim.keep(dest, {"en", "fr"}) is kept
