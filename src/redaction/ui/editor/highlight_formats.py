"""The character formats of the Markdown highlighter, derived from a palette.

Every colour is a blend of the palette's own roles (text, base, link, highlight), so the editor
reads the same in a light and a dark theme and follows the user's accent colour. Headings are
bold and larger (levels 1 to 3), Markdown punctuation and HTML are dimmed, code is tinted, and
no-break spaces get a faint background so a copy editor can see them without being distracted.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat

from redaction.domain import markup_spans as ms

HEADING_SCALES = (1.5, 1.3, 1.15, 1.05, 1.0, 1.0)


def blend(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0..1) of the way to ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def _format(
    foreground: QColor | None = None,
    background: QColor | None = None,
    bold: bool = False,
    italic: bool = False,
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if foreground is not None:
        fmt.setForeground(foreground)
    if background is not None:
        fmt.setBackground(background)
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    return fmt


class Formats:
    """All the formats for one palette; rebuilt when the palette changes."""

    def __init__(self, palette: QPalette, font: QFont | None = None) -> None:
        role = QPalette.ColorRole
        text, base = palette.color(role.Text), palette.color(role.Base)
        link, accent = palette.color(role.Link), palette.color(role.Highlight)
        self.dark = base.lightnessF() < 0.5
        dim = blend(text, base, 0.5)
        self.markup = _format(dim)
        self.code = _format(blend(text, link, 0.55), blend(base, text, 0.07))
        self.code_block = _format(blend(text, link, 0.45), blend(base, text, 0.05))
        self.fence = _format(dim, blend(base, text, 0.05))
        self.quote = _format(blend(text, base, 0.3), italic=True)
        self.list_marker = _format(link, bold=True)
        self.link_text = _format(link)
        self.url = _format(link)
        self.url.setFontUnderline(True)
        self.link_target = _format(blend(link, base, 0.35))
        self.html = _format(blend(text, base, 0.55))
        self.footnote = _format(link)
        self.footnote.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
        self.strong = _format(bold=True)
        self.emphasis = _format(italic=True)
        self.strike = QTextCharFormat()
        self.strike.setFontStrikeOut(True)
        self.no_break_space = _format(background=blend(base, accent, 0.25))
        self.misspelled = QTextCharFormat()
        self.misspelled.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.misspelled.setUnderlineColor(QColor("#ff6b6b") if self.dark else QColor("#d11a1a"))
        size = font.pointSizeF() if font is not None and font.pointSizeF() > 0 else 11.0
        self.headings: list[QTextCharFormat] = []
        self.heading_marks: list[QTextCharFormat] = []
        for scale in HEADING_SCALES:
            heading = _format(bold=True)
            heading.setFontPointSize(size * scale)
            self.headings.append(heading)
            marks = QTextCharFormat(heading)
            marks.setForeground(dim)
            self.heading_marks.append(marks)
        self._by_kind = {
            ms.CODE: self.code,
            ms.URL: self.url,
            ms.EMAIL: self.url,
            ms.AUTOLINK: self.url,
            ms.LINK_TARGET: self.link_target,
            ms.HTML: self.html,
            ms.ENTITY: self.html,
            ms.FOOTNOTE: self.footnote,
            ms.IMAGE_MARK: self.link_text,
            ms.REFERENCE: self.link_target,
            ms.TABLE_RULE: self.markup,
        }

    def for_span(self, kind: str) -> QTextCharFormat:
        return self._by_kind.get(kind, self.markup)
