"""Word-level differences between two versions of a text, and a three-way merge by paragraph.

The diff aligns paragraphs first and compares words only inside paragraphs that changed, so two
50,000-word versions compare in milliseconds instead of difflib's quadratic worst case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

_TOKENS = re.compile(r"\s+|[\w’'-]+|[^\w\s]", re.UNICODE)

Op = Literal["equal", "insert", "delete"]


@dataclass(frozen=True, slots=True)
class Piece:
    op: Op
    text: str


def paragraphs(text: str) -> list[str]:
    """Paragraphs with their trailing blank lines, so that joining them gives ``text`` back."""
    return re.findall(r".*?(?:\n\s*\n|\Z)", text, re.S)[:-1] or ([text] if text else [])


def _words(text: str) -> list[str]:
    return _TOKENS.findall(text)


def _merge_pieces(pieces: list[Piece]) -> list[Piece]:
    merged: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        if merged and merged[-1].op == piece.op:
            merged[-1] = Piece(piece.op, merged[-1].text + piece.text)
        else:
            merged.append(piece)
    return merged


def word_diff(old: str, new: str) -> list[Piece]:
    """Pieces that rebuild ``old`` (equal + delete) and ``new`` (equal + insert)."""
    old_paras, new_paras = paragraphs(old), paragraphs(new)
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_paras, new_paras, autojunk=False).get_opcodes():
        if tag == "equal":
            pieces.append(Piece("equal", "".join(old_paras[i1:i2])))
        elif tag == "delete":
            pieces.append(Piece("delete", "".join(old_paras[i1:i2])))
        elif tag == "insert":
            pieces.append(Piece("insert", "".join(new_paras[j1:j2])))
        else:
            a, b = _words("".join(old_paras[i1:i2])), _words("".join(new_paras[j1:j2]))
            for wtag, a1, a2, b1, b2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
                if wtag == "equal":
                    pieces.append(Piece("equal", "".join(a[a1:a2])))
                else:
                    pieces.append(Piece("delete", "".join(a[a1:a2])))
                    pieces.append(Piece("insert", "".join(b[b1:b2])))
    return _merge_pieces(pieces)


def diff_counts(pieces: list[Piece]) -> tuple[int, int]:
    """(words added, words removed)."""
    added = sum(len(re.findall(r"\w+", p.text)) for p in pieces if p.op == "insert")
    removed = sum(len(re.findall(r"\w+", p.text)) for p in pieces if p.op == "delete")
    return added, removed


@dataclass(frozen=True, slots=True)
class MergeResult:
    text: str
    conflicts: int


CONFLICT_MINE = "<<<<<<< mine\n"
CONFLICT_SEPARATOR = "=======\n"
CONFLICT_THEIRS = ">>>>>>> theirs\n"


def _changes(base: list[str], other: list[str]) -> list[tuple[int, int, list[str]]]:
    """(base start, base end, replacement) for every region ``other`` changed."""
    out = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, base, other, autojunk=False).get_opcodes():
        if tag != "equal":
            out.append((i1, i2, other[j1:j2]))
    return out


def three_way_merge(base: str, mine: str, theirs: str) -> MergeResult:
    """Merge two edits of ``base`` paragraph by paragraph. Paragraphs changed on one side only
    take that side; paragraphs both changed differently are kept both, between conflict markers."""
    b = paragraphs(base)
    mine_changes, their_changes = _changes(b, paragraphs(mine)), _changes(b, paragraphs(theirs))
    out: list[str] = []
    conflicts = 0
    pos = 0
    mi = ti = 0
    while mi < len(mine_changes) or ti < len(their_changes):
        m = mine_changes[mi] if mi < len(mine_changes) else None
        t = their_changes[ti] if ti < len(their_changes) else None
        # Take the earliest change; overlapping changes (or two insertions at one place) conflict.
        # Changes touching the same base paragraphs, or both starting at one place, conflict;
        # changes to neighbouring paragraphs do not.
        if m and t and ((m[0] < t[1] and t[0] < m[1]) or m[0] == t[0]):
            start, end = min(m[0], t[0]), max(m[1], t[1])
            # grow the region while further changes on either side overlap it
            mine_part, their_part = [m], [t]
            mi += 1
            ti += 1
            grew = True
            while grew:
                grew = False
                if mi < len(mine_changes) and mine_changes[mi][0] < end:
                    mine_part.append(mine_changes[mi])
                    end = max(end, mine_changes[mi][1])
                    mi += 1
                    grew = True
                if ti < len(their_changes) and their_changes[ti][0] < end:
                    their_part.append(their_changes[ti])
                    end = max(end, their_changes[ti][1])
                    ti += 1
                    grew = True
            out.extend(b[pos:start])
            mine_text = _apply_region(b, start, end, mine_part)
            their_text = _apply_region(b, start, end, their_part)
            if mine_text == their_text:
                out.append(mine_text)
            else:
                conflicts += 1
                out.append(
                    CONFLICT_MINE
                    + _ensure_newline(mine_text)
                    + CONFLICT_SEPARATOR
                    + _ensure_newline(their_text)
                    + CONFLICT_THEIRS
                    + "\n"
                )
            pos = end
            continue
        change = m if t is None or (m is not None and m[0] < t[0]) else t
        if change is m:
            mi += 1
        else:
            ti += 1
        assert change is not None
        out.extend(b[pos : change[0]])
        out.extend(change[2])
        pos = change[1]
    out.extend(b[pos:])
    return MergeResult("".join(out), conflicts)


def _apply_region(base: list[str], start: int, end: int, changes: list[tuple[int, int, list[str]]]) -> str:
    out: list[str] = []
    pos = start
    for c_start, c_end, replacement in changes:
        out.extend(base[pos:c_start])
        out.extend(replacement)
        pos = c_end
    out.extend(base[pos:end])
    return "".join(out)


def _ensure_newline(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"
