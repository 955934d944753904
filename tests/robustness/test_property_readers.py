"""The importers' readers never crash on bytes hypothesis makes up: random bytes, real files
with bytes flipped, cut short or spliced, and near-valid CSV. Each gives a result or a clear
refusal (ImportRefusedError naming the file), never another exception."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from redaction.services.exchange.csv_import import read_comments_csv
from redaction.services.exchange.importing import ImportRefusedError
from redaction.services.exchange.markdown_import import read_markdown
from redaction.services.exchange.wxr_import import read_wordpress

FIXTURES = Path(__file__).parents[1] / "fixtures" / "wxr"
WXR = (FIXTURES / "wxr-1.2-https.xml").read_bytes()
CSV_HEADER = b"article_uuid,author_name,author_email,created_at,body,status,parent_source_id,source_id\n"
CSV_ROW = b'3f2504e0-4f89-11d3-9a0c-0305e82c3301,Anne,anne@example.fr,2025-04-19T08:30:00Z,"Bonjour, ""oui""",pending,,s1\n'
MARKDOWN = "---\ntitle: Marée\ntags: [a, b]\ndate: 2025-04-19\n---\n\n## Texte\n\nLe port.\n".encode()


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """``original`` with a few bytes flipped, inserted or deleted, or cut short."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["flip", "insert", "delete", "cut"]))
        if action == "flip" and position < len(data):
            data[position] = draw(st.integers(0, 255))
        elif action == "insert":
            data[position:position] = draw(
                st.binary(max_size=8)
                | st.sampled_from(
                    [b"<", b">", b"&", b'"', b"\n", b"\x00", b"<![CDATA[", b"]]>", b"<!DOCTYPE x [", b"&x;"]
                )
            )
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 16))]
        else:
            del data[position:]
    return bytes(data)


def outcome(reader: Callable[[Path], Any], suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fichier{suffix}"
        path.write_bytes(data)
        try:
            reader(path)
        except ImportRefusedError as refusal:
            message = str(refusal)
            assert message.startswith(f"cannot import {path}") and "\n" not in message


QUICK = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@QUICK
@given(st.binary(max_size=2000) | mutated(WXR))
def test_the_wxr_reader_gives_a_result_or_a_refusal(data: bytes) -> None:
    outcome(read_wordpress, ".xml", data)


@QUICK
@given(
    st.binary(max_size=2000)
    | mutated(CSV_HEADER + CSV_ROW * 3)
    | st.lists(
        st.sampled_from(
            [b",", b";", b'"', b"\n", b"\r\n", b"\r", b" ", b"x", b"\xc3\xa9", b"2025-04-19", b"\xef\xbb\xbf"]
        ),
        max_size=60,
    ).map(lambda parts: CSV_HEADER + b"".join(parts))
)
def test_the_csv_reader_gives_a_result_or_a_refusal(data: bytes) -> None:
    outcome(read_comments_csv, ".csv", data)


@QUICK
@given(st.binary(max_size=2000) | mutated(MARKDOWN))
@example(b"---\n\x01\n---")  # found: YAML's two-line message about "<unicode string>"
def test_the_markdown_reader_gives_a_result_or_a_refusal(data: bytes) -> None:
    outcome(read_markdown, ".md", data)
