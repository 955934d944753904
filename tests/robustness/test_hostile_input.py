"""Hostile files given to ``redaction import``: each is refused in one clear line on stderr, exit
status 2, and nothing is written to the database (its content and its file are as before).

Entity bombs and external entities, wrong or unknown encodings, a 1 GB file (sparse: it costs no
disk), deep nesting, huge attributes and fields, NUL bytes, a YAML alias bomb, and file names
holding control characters (which must not reach the terminal as such).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from redaction.cli import main
from redaction.services.articles.editing import create_article
from redaction.services.articles.values import ArticleFields
from redaction.storage.database import Database

WXR_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/">\n<channel>\n<wp:wxr_version>1.2</wp:wxr_version>\n'
)
WXR_ITEM = (
    "<item><title>Titre</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>"
    "<content:encoded>{body}</content:encoded></item>\n"
)
WXR_TAIL = "</channel>\n</rss>\n"
CSV_HEADER = "article_uuid,author_name,created_at,body\n"
GIGABYTE = 1024**3


def _sparse(path: Path, size: int, head: bytes = b"") -> None:
    with path.open("wb") as fh:
        fh.write(head)
        fh.truncate(size)  # a hole: no disk used


def xml_bomb(folder: Path) -> Path:
    return Path(__file__).parents[1] / "fixtures" / "wxr" / "billion-laughs.xml"


def xml_external_entity(folder: Path) -> Path:
    path = folder / "xxe.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
        + WXR_HEAD.split("\n", 1)[1]
        + WXR_ITEM.format(body="&secret;")
        + WXR_TAIL
    )
    return path


def xml_external_dtd(folder: Path) -> Path:
    path = folder / "dtd.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">\n'
        + WXR_HEAD.split("\n", 1)[1]
        + WXR_TAIL
    )
    return path


def xml_parameter_entities(folder: Path) -> Path:
    path = folder / "param.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>\n<rss/>\n'
    )
    return path


def xml_unknown_encoding(folder: Path) -> Path:
    path = folder / "klingon.xml"
    path.write_bytes(
        WXR_HEAD.replace("UTF-8", "x-klingon").encode()
        + WXR_ITEM.format(body="a").encode()
        + WXR_TAIL.encode()
    )
    return path


def xml_utf16_without_bom(folder: Path) -> Path:
    path = folder / "utf16.xml"
    path.write_bytes((WXR_HEAD + WXR_TAIL).encode("utf-16-le"))
    return path


def xml_latin1_says_utf8(folder: Path) -> Path:
    path = folder / "latin1.xml"
    path.write_bytes((WXR_HEAD + WXR_ITEM.format(body="Été à Noël") + WXR_TAIL).encode("latin-1"))
    return path


def xml_nul_bytes(folder: Path) -> Path:
    path = folder / "nul.xml"
    path.write_bytes((WXR_HEAD + WXR_ITEM.format(body="a\0b") + WXR_TAIL).encode())
    return path


def xml_gigabyte(folder: Path) -> Path:
    path = folder / "huge.xml"
    _sparse(path, GIGABYTE, WXR_HEAD.encode())
    return path


def xml_deep_nesting(folder: Path) -> Path:
    path = folder / "deep.xml"
    depth = 200_000
    item = WXR_ITEM.format(body="<![CDATA[x]]>").replace("<title>", "<title>" + "<b>" * depth, 1)
    item = item.replace("</title>", "</b>" * depth + "</title>", 1)
    path.write_text(WXR_HEAD + item + WXR_TAIL)
    return path


def xml_huge_attribute(folder: Path) -> Path:
    path = folder / "attribute.xml"
    attribute = "x" * (64 * 1024 * 1024)
    path.write_text(
        WXR_HEAD + f'<category domain="{attribute}">a</category>\n' + "<item><wp:post_type>" + WXR_TAIL
    )
    return path


def xml_truncated(folder: Path) -> Path:
    path = folder / "cut.xml"
    path.write_text((WXR_HEAD + WXR_ITEM.format(body="texte") + WXR_TAIL)[:-40])
    return path


def xml_empty(folder: Path) -> Path:
    path = folder / "empty.xml"
    path.write_bytes(b"")
    return path


def csv_nul_bytes(folder: Path) -> Path:
    path = folder / "nul.csv"
    path.write_bytes(CSV_HEADER.encode() + b"a,b,2025-04-19,\0\n")
    return path


def csv_latin1(folder: Path) -> Path:
    path = folder / "latin1.csv"
    path.write_bytes((CSV_HEADER + "u,Hélène,2025-04-19,Très bien\n").encode("latin-1"))
    return path


def csv_gigabyte(folder: Path) -> Path:
    path = folder / "huge.csv"
    _sparse(path, GIGABYTE, CSV_HEADER.encode())
    return path


def csv_three_gigabytes(folder: Path) -> Path:
    path = folder / "bigger.csv"
    _sparse(path, 3 * GIGABYTE, CSV_HEADER.encode())
    return path


def csv_huge_field(folder: Path) -> Path:
    path = folder / "field.csv"
    path.write_text(CSV_HEADER + "u,Anne,2025-04-19," + "x" * (8 * 1024 * 1024) + "\n")
    return path


def csv_unclosed_quote(folder: Path) -> Path:
    path = folder / "quote.csv"
    path.write_text(CSV_HEADER + 'u,Anne,2025-04-19,"jamais fermé\n' * 3)
    return path


def csv_million_columns(folder: Path) -> Path:
    path = folder / "columns.csv"
    path.write_text(CSV_HEADER.strip() + ",body" * 1_000_000 + "\n")
    return path


def md_yaml_alias_bomb(folder: Path) -> Path:
    path = folder / "bomb.md"
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    path.write_text("---\ntitle: Bombe\n" + "\n".join(lines) + "\n---\n\nTexte\n")
    return path


def md_deep_nesting(folder: Path) -> Path:
    path = folder / "deep.md"
    path.write_text("---\ntitle: " + "[" * 100_000 + "]" * 100_000 + "\n---\n\nTexte\n")
    return path


def md_nul_bytes(folder: Path) -> Path:
    path = folder / "nul.md"
    path.write_bytes(b"---\ntitle: Titre\n---\n\nTexte\0\n")
    return path


def md_utf16(folder: Path) -> Path:
    path = folder / "utf16.md"
    path.write_bytes("---\ntitle: Titre\n---\n\nTexte\n".encode("utf-16"))
    return path


def md_gigabyte(folder: Path) -> Path:
    path = folder / "huge.md"
    _sparse(path, GIGABYTE, b"---\ntitle: Titre\n---\n\n")
    return path


def md_control_character_in_name(folder: Path) -> Path:
    path = folder / "\x1b]0;pwned\x07\x1b[31mrouge\n.md"
    path.write_text("---\ntitle: [pas, du, texte]\n---\n\nTexte\n")
    return path


def md_name_with_carriage_return(folder: Path) -> Path:
    path = folder / "a\rredaction: imported 99 articles.md"
    path.write_text("pas de front matter\n")
    return path


CASES: dict[str, Callable[[Path], Path]] = {
    f.__name__: f
    for f in (
        xml_bomb,
        xml_external_entity,
        xml_external_dtd,
        xml_parameter_entities,
        xml_unknown_encoding,
        xml_utf16_without_bom,
        xml_latin1_says_utf8,
        xml_nul_bytes,
        xml_gigabyte,
        xml_deep_nesting,
        xml_huge_attribute,
        xml_truncated,
        xml_empty,
        csv_nul_bytes,
        csv_latin1,
        csv_gigabyte,
        csv_three_gigabytes,
        csv_huge_field,
        csv_unclosed_quote,
        csv_million_columns,
        md_yaml_alias_bomb,
        md_deep_nesting,
        md_nul_bytes,
        md_utf16,
        md_gigabyte,
        md_control_character_in_name,
        md_name_with_carriage_return,
    )
}
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _fingerprint(path: Path) -> str:
    digest = hashlib.sha256()
    for part in sorted(path.parent.glob(path.name + "*")):
        digest.update(part.name.encode() + part.read_bytes())
    return digest.hexdigest()


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_file_is_one_line_exit_2_and_nothing_written(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_file = tmp_path / "newsroom.db"
    db = Database.open(db_file)
    create_article(db, ArticleFields(title="Déjà là", body="Rien ne doit changer."))
    db.close()
    before = _fingerprint(db_file)
    hostile = CASES[case](tmp_path)
    capsys.readouterr()

    status = main(["import", str(hostile), "--db", str(db_file)])

    out, err = capsys.readouterr()
    assert status == 2, err
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("redaction: error: cannot import "), err
    assert not CONTROL.search(err), err  # nothing a terminal would act on
    assert len(err) < 600, err
    assert _fingerprint(db_file) == before
    assert not (tmp_path / "backups").exists()
