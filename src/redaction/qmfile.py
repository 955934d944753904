"""Compile a Qt Linguist ``.ts`` file into the binary ``.qm`` that QTranslator loads, without Qt.

The packaged app is built with ``pyside6-lrelease`` (packaging/build.sh). This module writes the
same bytes as ``lrelease`` does by default (every message stored with its context, source text
and disambiguation: lrelease's "save everything" mode) so that the ``.qm`` can be produced where
lrelease cannot run: in the wheel build hook (hatch_build.py, whose isolated environment has no
PySide6) and at start-up from a source checkout when the ``.qm`` is missing or stale. It uses
only the standard library and never imports Qt or the rest of redaction.

Format (qttools ``src/linguist/shared/qm.cpp``): a 16-byte magic, then sections ``tag (u8),
length (u32 BE), data``: Language, Hashes (sorted ``(elf hash of source+comment, offset)``
pairs), Messages (tagged fields per message), NumerusRules (how a count picks a plural form).
"""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

MAGIC = bytes(
    [0x3C, 0xB8, 0x64, 0x18, 0xCA, 0xEF, 0x9C, 0x95, 0xCD, 0x21, 0x1C, 0xBF, 0x60, 0xA1, 0xBD, 0xDD]
)
_HASHES, _MESSAGES, _NUMERUS_RULES, _LANGUAGE = 0x42, 0x69, 0x88, 0xA7
_TAG_END, _TAG_TRANSLATION, _TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT = 1, 3, 6, 7, 8

# Plural rules, as QTranslator evaluates them (qtranslator_p.h): Q_EQ = 0x01, Q_LEQ = 0x03.
# English style: form 0 when n == 1; French style: form 0 when n <= 1 (« 0 article », « 1 article »).
_ENGLISH_STYLE, _FRENCH_STYLE = bytes([0x01, 1]), bytes([0x03, 1])
NUMERUS_RULES = {"en": _ENGLISH_STYLE, "de": _ENGLISH_STYLE, "es": _ENGLISH_STYLE, "it": _ENGLISH_STYLE,
                 "nl": _ENGLISH_STYLE, "fr": _FRENCH_STYLE}  # fmt: skip


class QmError(ValueError):
    """The .ts file cannot be compiled here (unreadable, or a language without known plural rules)."""


@dataclass(frozen=True, slots=True)
class TsMessage:
    context: str
    source: str
    comment: str
    translations: tuple[str, ...]
    kind: str  # "" (finished), "unfinished", "vanished" or "obsolete"
    numerus: bool


@dataclass(frozen=True, slots=True)
class TsFile:
    language: str
    messages: tuple[TsMessage, ...]


def _text(element: ET.Element | None) -> str:
    return "" if element is None else "".join(element.itertext())


def read_ts(path: Path) -> TsFile:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise QmError(f"{path}: {exc}") from None
    messages = []
    for context in root.iter("context"):
        name = _text(context.find("name"))
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation is None:
                forms: tuple[str, ...] = ("",)
            elif numerus:
                forms = tuple(_text(form) for form in translation.iter("numerusform")) or ("",)
            else:
                forms = (_text(translation),)
            messages.append(
                TsMessage(
                    context=name,
                    source=_text(message.find("source")),
                    comment=_text(message.find("comment")),
                    translations=forms,
                    kind="" if translation is None else translation.get("type", ""),
                    numerus=numerus,
                )
            )
    return TsFile(root.get("language", ""), tuple(messages))


def elf_hash(data: bytes) -> int:
    h = 0
    for byte in data:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


def _bytes_field(tag: int, value: bytes) -> bytes:
    return struct.pack(">BI", tag, len(value)) + value


def _string_field(tag: int, value: str) -> bytes:
    return _bytes_field(tag, value.encode("utf-16-be"))


def numerus_rules(language: str) -> bytes:
    base = language.replace("-", "_").split("_")[0].lower()
    if base not in NUMERUS_RULES:
        raise QmError(f"no plural rules known for language {language!r}; compile with pyside6-lrelease")
    return NUMERUS_RULES[base]


def compile_ts(ts: TsFile) -> bytes:
    """The .qm bytes for ``ts``: finished and unfinished-but-translated messages, like lrelease."""
    rules = numerus_rules(ts.language) if ts.language else b""
    stripped = {(m.context, m.source) for m in ts.messages if not m.comment}
    chosen: dict[tuple[bytes, bytes, bytes], tuple[str, ...]] = {}
    for m in ts.messages:
        if m.kind in ("vanished", "obsolete"):
            continue
        if m.kind == "unfinished" and not m.translations[0]:
            continue  # untranslated: Qt falls back to the source text
        context, source, comment = (s.encode() for s in (m.context, m.source, m.comment))
        # lrelease drops a disambiguation that is not needed to tell two messages apart.
        keep_comment = not m.comment or not m.context or (m.context, m.source) in stripped
        key = (context, source, comment if keep_comment else b"")
        if not keep_comment and key in chosen:
            key = (context, source, comment)
        chosen[key] = m.translations
    body = bytearray()
    offsets = []
    for (context, source, comment), translations in sorted(chosen.items()):
        offsets.append((elf_hash(source + comment), len(body)))
        for translation in translations:
            body += _string_field(_TAG_TRANSLATION, translation)
        body += _bytes_field(_TAG_COMMENT, comment)
        body += _bytes_field(_TAG_SOURCE, source)
        body += _bytes_field(_TAG_CONTEXT, context)
        body.append(_TAG_END)
    out = bytearray(MAGIC)
    if ts.language:
        out += _bytes_field(_LANGUAGE, ts.language.encode())
    if offsets:
        out += _bytes_field(_HASHES, b"".join(struct.pack(">II", h, o) for h, o in sorted(offsets)))
        out += _bytes_field(_MESSAGES, bytes(body))
    if rules:
        out += _bytes_field(_NUMERUS_RULES, rules)
    return bytes(out)


def compile_file(ts_path: Path, qm_path: Path) -> Path:
    """Compile ``ts_path`` to ``qm_path`` (written whole, then renamed into place)."""
    data = compile_ts(read_ts(ts_path))
    qm_path.parent.mkdir(parents=True, exist_ok=True)
    partial = qm_path.with_name(qm_path.name + ".partial")
    partial.write_bytes(data)
    partial.replace(qm_path)
    return qm_path
