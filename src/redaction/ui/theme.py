"""Light and dark themes: the system's look by default, or a palette the person chose.

"system" gives back exactly what the application started with (style and palette, following the
desktop). "light" and "dark" set a palette on the Fusion style, the one Qt style that draws
everything from the palette on every platform. Applying a theme takes effect at once.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = ("system", "light", "dark")

_original: dict[int, tuple[str, QPalette]] = {}


def dark_palette() -> QPalette:
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#2b2b2e",
        role.WindowText: "#e8e6e3",
        role.Base: "#1f1f22",
        role.AlternateBase: "#2a2a2e",
        role.ToolTipBase: "#3a3a3f",
        role.ToolTipText: "#f0f0f0",
        role.PlaceholderText: "#8d8b88",
        role.Text: "#e8e6e3",
        role.Button: "#35353a",
        role.ButtonText: "#e8e6e3",
        role.BrightText: "#ff6b6b",
        role.Light: "#4a4a50",
        role.Midlight: "#3f3f45",
        role.Mid: "#2f2f34",
        role.Dark: "#18181b",
        role.Shadow: "#0c0c0e",
        role.Highlight: "#3d7bd9",
        role.HighlightedText: "#ffffff",
        role.Link: "#7fb2ff",
        role.LinkVisited: "#c39bff",
    }
    for colour_role, value in colours.items():
        palette.setColor(colour_role, QColor(value))
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, colour_role, QColor("#77767a"))
    palette.setColor(group.Disabled, role.Highlight, QColor("#4a4a50"))
    return palette


def _remember(app: QApplication) -> tuple[str, QPalette]:
    key = id(app)
    if key not in _original:
        _original[key] = (app.style().name(), QPalette(app.palette()))
    return _original[key]


def apply_theme(app: QApplication, theme: str) -> None:
    """Switch the whole application to ``theme`` ("system", "light" or "dark") now."""
    if theme not in ("light", "dark") and id(app) not in _original:
        # Never themed: the app still has the look it started with. (Asking for the style's
        # name would also build QStyle's Python enums, 20 ms of the start.)
        return
    style_name, palette = _remember(app)
    if theme not in ("light", "dark"):
        if app.style().name().lower() != style_name.lower():
            app.setStyle(style_name)
        app.setPalette(palette)
        return
    styles = [name.lower() for name in QStyleFactory.keys()]  # noqa: SIM118 - a static list, not a dict
    if app.style().name().lower() != "fusion" and "fusion" in styles:
        app.setStyle("Fusion")
    app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())
