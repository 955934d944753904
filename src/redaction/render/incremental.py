"""A body being edited: re-split and re-render only around what changed.

``IncrementalBody.update(new_text)`` finds the edited span (common prefix and suffix), re-cuts
segments from just before it until the cutting falls back in step with the old segments, renders
the new segments, and returns a :class:`BodyPatch` naming exactly which segments to replace.
After any sequence of updates the state equals a fresh render of the same text (tests check
this on random edits), and ``html()`` is byte-for-byte ``render_body(text)``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from redaction.render.blocks import (
    _FOOTNOTE,
    BlockRenderer,
    _unique_heading_ids,
    context_of,
    heading_ids_pass,
    iter_segments,
    normalize_newlines,
)

_ID = re.compile(r'<h[1-6][^>]*\bid="([^"]*)"')
_DEFINITION_LIKE = re.compile(r"^(?: {0,3}\[|\*\[)", re.M)
_DEFINITION_LIST = re.compile(r"^ {0,3}:[ \t]", re.M)  # a definition (Python-Markdown's def_list)


def _trimmed(start: int, old: list[str], new: list[str], changed: dict[int, str] | None = None) -> BodyPatch:
    """The patch without the segments at either end whose HTML did not change."""
    head = 0
    while head < len(old) and head < len(new) and old[head] == new[head]:
        head += 1
    tail = 0
    while (
        tail < len(old) - head
        and tail < len(new) - head
        and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]
    ):
        tail += 1
    return BodyPatch(start + head, len(old) - head - tail, new[head : len(new) - tail], changed or {})


@dataclass(frozen=True, slots=True)
class BodyPatch:
    """Replace segments ``start .. start+removed`` by ``added``; then set ``changed`` (index in
    the new list -> HTML) for segments outside that range whose HTML moved (heading ids)."""

    start: int
    removed: int
    added: list[str]
    changed: dict[int, str] = field(default_factory=dict)


def common_prefix(a: str, b: str, guess: int = 0) -> int:
    """Length of the common prefix. Slices compare at memcmp speed, so probe the ``guess``
    (where the last edit was) first, then widen in doubling steps, then bisect."""
    n = min(len(a), len(b))
    lo = guess if 0 < guess <= n and a[:guess] == b[:guess] else 0
    step = 64
    hi = n
    while lo < n:
        hi = min(n, lo + step)
        if a[lo:hi] != b[lo:hi]:
            break
        lo = hi
        step *= 2
    else:
        return n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def common_suffix(a: str, b: str, limit: int) -> int:
    """Length of the common suffix, at most ``limit``; an insertion or deletion (the usual
    edit) is settled by the first comparison."""
    if a[len(a) - limit :] == b[len(b) - limit :]:
        return limit
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid :] == b[len(b) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    return lo


class IncrementalBody:
    def __init__(self, renderer: BlockRenderer | None = None) -> None:
        self._renderer = renderer or BlockRenderer()
        self.text = ""
        self.segments: list[str] = []
        self.starts: list[int] = []
        self._raw: list[str] = []
        self.htmls: list[str] = []  # final HTML per segment, with its trailing separator
        self._footnotes: list[bool] = []
        self.context = ""
        self._last_edit = 0
        self._ids: Counter[str] = Counter()  # generated-or-explicit heading ids, as rendered alone

    @property
    def whole(self) -> bool:
        """True when the body has footnotes and must be rendered in one piece."""
        return any(self._footnotes)

    def reset(self, text: str) -> None:
        text = normalize_newlines(text)
        self.text = text
        pairs = list(iter_segments(text))
        self.segments = [s for s, _ in pairs]
        self.starts = [o for _, o in pairs]
        self.context = context_of(text)
        self._footnotes = [bool(_FOOTNOTE.search(s)) for s in self.segments]
        self._raw = [self._renderer._segment_html(s, self.context) for s in self.segments]
        self.htmls = _unique_heading_ids(self.segments, self._raw)
        self._ids = Counter(i for h in self._raw if "<h" in h for i in _ids_in(h))

    def html(self) -> str:
        if self.whole:
            from redaction.render.markdown import convert_whole

            return convert_whole(self.text)
        return "".join(self.htmls).strip()

    def segment_html(self, index: int) -> str:
        """What the preview shows for one segment (its HTML without the separator)."""
        return self.htmls[index].strip("\n")

    def update(self, new_text: str) -> BodyPatch | None:
        """Apply an edit; None when nothing changed."""
        new_text = normalize_newlines(new_text)
        old_text = self.text
        if new_text == old_text:
            return None
        prefix = common_prefix(old_text, new_text, self._last_edit)
        self._last_edit = prefix
        suffix = common_suffix(old_text, new_text, min(len(old_text), len(new_text)) - prefix)
        delta = len(new_text) - len(old_text)
        first = max(0, bisect.bisect_right(self.starts, prefix) - 2)
        # A definition list runs on across blank lines (a term, its definitions, the next term):
        # where it is near, the segmentation may start further up, so read from before it.
        while first > 0 and (
            _DEFINITION_LIST.search(self.segments[first]) or _DEFINITION_LIST.search(self.segments[first - 1])
        ):
            first -= 1
        # An edit among the blank lines before the first segment starts before it: read from the top.
        resume_from = self.starts[first] if self.segments and self.starts[first] <= prefix else 0
        suffix_start_old = len(old_text) - suffix

        mid: list[str] = []
        mid_starts: list[int] = []
        stop = len(self.segments)
        for segment, offset in iter_segments(new_text, resume_from):
            old_offset = offset - delta
            if old_offset >= suffix_start_old and old_offset > prefix:
                k = bisect.bisect_left(self.starts, old_offset)
                if k < len(self.starts) and self.starts[k] == old_offset and k > first:
                    stop = k
                    break
            mid.append(segment)
            mid_starts.append(offset)

        removed_segments = self.segments[first:stop]
        self.text = new_text
        self.segments[first:stop] = mid
        self.starts[first:] = mid_starts + [x + delta for x in self.starts[stop:]]
        self._footnotes[first:stop] = [bool(_FOOTNOTE.search(s)) for s in mid]

        touched = removed_segments + mid
        if any(_DEFINITION_LIKE.search(s) for s in touched):
            context = context_of(new_text)
            if context != self.context:
                self.context = context
                old_htmls = self.htmls[:first] + [""] * len(mid) + self.htmls[stop:]
                self._raw = [self._renderer._segment_html(s, context) for s in self.segments]
                self.htmls = _unique_heading_ids(self.segments, self._raw)
                self._ids = Counter(i for h in self._raw if "<h" in h for i in _ids_in(h))
                added_end = first + len(mid)
                changed = {
                    i: h for i, h in enumerate(self.htmls) if not first <= i < added_end and h != old_htmls[i]
                }
                return BodyPatch(first, stop - first, self.htmls[first:added_end], changed)

        old_raw_mid = self._raw[first:stop]
        old_final_mid = self.htmls[first:stop]
        new_raw_mid = [self._renderer._segment_html(s, self.context) for s in mid]
        self._raw[first:stop] = new_raw_mid
        self.htmls[first:stop] = new_raw_mid
        old_ids = [i for h in old_raw_mid if "<h" in h for i in _ids_in(h)]
        new_ids = [i for h in new_raw_mid if "<h" in h for i in _ids_in(h)]
        if not old_ids and not new_ids:
            return _trimmed(first, old_final_mid, new_raw_mid)
        had_duplicates = any(self._ids[i] > 1 for i in self._ids)
        self._ids.subtract(old_ids)
        self._ids.update(new_ids)
        self._ids = +self._ids  # drop zero counts
        if not had_duplicates and all(n == 1 for n in self._ids.values()):
            return _trimmed(first, old_final_mid, new_raw_mid)  # every id unique: nothing renamed
        # Headings came or went: ids of later headings may shift (x, x_1, x_2…). Only segments
        # holding headings can change, so only those are compared.
        renamed = heading_ids_pass(self.segments, self._raw)
        added_end = first + len(mid)
        changed = {}
        for index, html in enumerate(self._raw):
            if "<h" not in html:
                continue
            final = renamed.get(index, html)
            if first <= index < added_end:
                self.htmls[index] = final
            elif final != self.htmls[index]:
                self.htmls[index] = final
                changed[index] = final
        return _trimmed(first, old_final_mid, self.htmls[first:added_end], changed)


def _ids_in(html: str) -> list[str]:
    return _ID.findall(html)
