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
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import cast

from redaction.render.blocks import (
    _FOOTNOTE,
    WHOLE,
    BlockRenderer,
    _unique_heading_ids,
    context_of,
    heading_ids_pass,
    iter_segments,
    may_hold_heading,
    normalize_newlines,
)

_ID = re.compile(r'<h[1-6][^>]*\bid="([^"]*)"')
_DEFINITION_LIKE = re.compile(r"^(?: {0,3}\[|\*\[)", re.M)
_DEFINITION_LIST = re.compile(r"^ {0,3}:[ \t]", re.M)  # a definition (Python-Markdown's def_list)


def _trimmed(
    start: int, old: Sequence[str | None], new: list[str], changed: dict[int, str] | None = None
) -> BodyPatch:
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
    """A body's segments and their HTML, rendered as they are needed.

    A segment that may hold a heading is rendered at once (heading ids are made unique across
    the whole body, see blocks.heading_ids_pass); any other one waits until it is asked for
    (:meth:`segment_html`, :attr:`htmls`, :meth:`html`), so opening a long body costs its
    splitting, not its rendering: the preview renders the segments as it lays them in.
    """

    def __init__(self, renderer: BlockRenderer | None = None) -> None:
        self._renderer = renderer or BlockRenderer()
        self.text = ""
        self.segments: list[str] = []
        self.starts: list[int] = []
        self._raw: list[str | None] = []  # as rendered alone; None: not rendered yet
        self._htmls: list[str | None] = []  # final HTML per segment, with its trailing separator
        self._footnotes: list[bool] = []
        self.context = ""
        self._last_edit = 0
        self._ids: Counter[str] = Counter()  # generated-or-explicit heading ids, as rendered alone

    @property
    def renderer(self) -> BlockRenderer:
        return self._renderer

    @property
    def whole(self) -> bool:
        """True when the body has footnotes and must be rendered in one piece."""
        return any(self._footnotes)

    @property
    def htmls(self) -> list[str]:
        """The final HTML of every segment, with its trailing separator (renders what waits)."""
        self.render_all()
        return cast(list[str], self._htmls)  # none waits any more

    def _render(self, segment: str) -> str:
        return self._renderer._segment_html(segment, self.context)

    def _render_now(self, segment: str) -> str | None:
        """A segment's HTML if it must be rendered at once (it may hold a heading), else None."""
        return self._render(segment) if may_hold_heading(segment) else None

    def reset(self, text: str) -> None:
        text = normalize_newlines(text)
        self.text = text
        pairs = list(iter_segments(text))
        self.segments = [s for s, _ in pairs]
        self.starts = [o for _, o in pairs]
        self.context = context_of(text)
        self._footnotes = (
            [bool(_FOOTNOTE.search(s)) for s in self.segments] if "[^" in text else [False] * len(pairs)
        )
        self._raw = [self._render_now(s) for s in self.segments]
        self._htmls = _unique_heading_ids(self.segments, self._raw)
        self._ids = _all_ids(self._raw)

    def render_all(self) -> None:
        """Render every segment still waiting."""
        for index in range(len(self.segments)):
            if self._htmls[index] is None:
                self._fill_in(index)

    def _fill_in(self, index: int) -> str:
        html = self._render(self.segments[index])
        self._raw[index] = self._htmls[index] = html  # no heading: its final HTML as rendered
        return html

    def html(self) -> str:
        if self.whole:
            return self._renderer.whole_html(self.text)
        return "".join(self.htmls).strip()

    def remembered(self, max_chars: int) -> dict[tuple[str, str], str]:
        """What to keep for the next session (:mod:`redaction.render.kept`), up to
        ``max_chars`` of Markdown: the HTML of every segment that may hold a heading (those are
        rendered when the body is opened), then of the rendered ones that open the page; and a
        body with footnotes whole, if it fits."""
        kept: dict[tuple[str, str], str] = {}
        room = max_chars
        if self.whole:
            html = self._renderer.remembered(self.text, WHOLE)
            if html is None or len(self.text) > room:
                return {}
            kept[(self.text, WHOLE)] = html
            room -= len(self.text)
        headings_first = sorted(
            range(len(self.segments)), key=lambda i: not may_hold_heading(self.segments[i])
        )
        for index in headings_first:
            segment = self.segments[index]
            html = self._raw[index]
            if html is None or len(segment) > room:
                continue
            kept[(segment, self.context)] = html
            room -= len(segment)
        return kept

    def segment_html(self, index: int) -> str:
        """What the preview shows for one segment (its HTML without the separator)."""
        html = self._htmls[index]
        if html is None:
            html = self._fill_in(index)
        return html.strip("\n")

    def update(self, new_text: str) -> BodyPatch | None:
        """Apply an edit; None when nothing changed. The patch's ``added`` are rendered; an entry
        of ``changed`` is given only for a segment already rendered."""
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
                added_end = first + len(mid)
                old_htmls = self._htmls[:first] + [None] * len(mid) + self._htmls[stop:]
                # What was rendered is rendered again (the definitions apply everywhere); what
                # waits will be rendered with the new definitions when it is asked for.
                self._raw = [
                    self._render(seg)
                    if first <= i < added_end or old_htmls[i] is not None
                    else self._render_now(seg)
                    for i, seg in enumerate(self.segments)
                ]
                self._htmls = _unique_heading_ids(self.segments, self._raw)
                self._ids = _all_ids(self._raw)
                moved = {
                    i: h
                    for i, h in enumerate(self._htmls)
                    if not first <= i < added_end
                    and h is not None
                    and old_htmls[i] is not None
                    and h != old_htmls[i]
                }
                added = cast(list[str], self._htmls[first:added_end])  # rendered just above
                return BodyPatch(first, stop - first, added, moved)

        # The re-cut segments at either end whose Markdown did not change keep their HTML (and
        # stay unrendered if they were): only the core in between is rendered again.
        head = 0
        while head < len(removed_segments) and head < len(mid) and removed_segments[head] == mid[head]:
            head += 1
        tail = 0
        while (
            tail < len(removed_segments) - head
            and tail < len(mid) - head
            and removed_segments[-1 - tail] == mid[-1 - tail]
        ):
            tail += 1
        core, core_stop = first + head, stop - tail
        old_raw_core = self._raw[core:core_stop]
        old_final_core = self._htmls[core:core_stop]
        new_raw_core = [self._render(s) for s in mid[head : len(mid) - tail]]
        self._raw[core:core_stop] = new_raw_core
        self._htmls[core:core_stop] = new_raw_core
        core_end = core + len(new_raw_core)
        old_ids = [i for h in old_raw_core if h is not None and "<h" in h for i in _ids_in(h)]
        new_ids = [i for h in new_raw_core if "<h" in h for i in _ids_in(h)]
        if not old_ids and not new_ids:
            return _trimmed(core, old_final_core, new_raw_core)
        had_duplicates = any(self._ids[i] > 1 for i in self._ids)
        self._ids.subtract(old_ids)
        self._ids.update(new_ids)
        self._ids = +self._ids  # drop zero counts
        if not had_duplicates and all(n == 1 for n in self._ids.values()):
            return _trimmed(core, old_final_core, new_raw_core)  # every id unique: nothing renamed
        # Headings came or went: ids of later headings may shift (x, x_1, x_2…). Only segments
        # holding headings can change, so only those are compared (all of them are rendered).
        renamed = heading_ids_pass(self.segments, self._raw)
        changed: dict[int, str] = {}
        for index, html in enumerate(self._raw):
            if html is None or "<h" not in html:
                continue
            final = renamed.get(index, html)
            if core <= index < core_end:
                self._htmls[index] = final
            elif final != self._htmls[index]:
                self._htmls[index] = final
                changed[index] = final
        final_core = cast(list[str], self._htmls[core:core_end])  # the core was rendered above
        return _trimmed(core, old_final_core, final_core, changed)


def _all_ids(raw: list[str | None]) -> Counter[str]:
    return Counter(i for h in raw if h is not None and "<h" in h for i in _ids_in(h))


def _ids_in(html: str) -> list[str]:
    return _ID.findall(html)
