"""Word diffs rebuild both versions; merges keep both people's work."""

from __future__ import annotations

from redaction.domain.diff import diff_counts, paragraphs, three_way_merge, word_diff


def rebuild(pieces, side: str) -> str:
    keep = {"old": ("equal", "delete"), "new": ("equal", "insert")}[side]
    return "".join(p.text for p in pieces if p.op in keep)


def test_word_diff_marks_changed_words_only() -> None:
    old = "Le maire a inauguré la médiathèque.\n\nLa foule était là."
    new = "Le maire a inauguré la nouvelle médiathèque.\n\nLa foule était là."
    pieces = word_diff(old, new)
    assert rebuild(pieces, "old") == old and rebuild(pieces, "new") == new
    assert [p.text for p in pieces if p.op == "insert"] == ["nouvelle "]
    assert diff_counts(pieces) == (1, 0)


def test_diff_of_long_texts_rebuilds_both() -> None:
    old = "\n\n".join(f"Paragraphe {i} avec quelques mots." for i in range(3000))
    new = old.replace("Paragraphe 1500 avec", "Paragraphe 1500 sans").replace("Paragraphe 10 ", "Para 10 ")
    pieces = word_diff(old, new)
    assert rebuild(pieces, "old") == old and rebuild(pieces, "new") == new
    assert diff_counts(pieces) == (2, 2)


def test_paragraphs_join_back() -> None:
    text = "a\n\n\nb\nc\n\nd"
    assert "".join(paragraphs(text)) == text


def test_merge_takes_each_side_where_only_one_changed() -> None:
    base = "Un.\n\nDeux.\n\nTrois.\n\nQuatre."
    mine = "Un, modifié par moi.\n\nDeux.\n\nTrois.\n\nQuatre."
    theirs = "Un.\n\nDeux.\n\nTrois.\n\nQuatre, modifié par eux."
    result = three_way_merge(base, mine, theirs)
    assert result.conflicts == 0
    assert result.text == "Un, modifié par moi.\n\nDeux.\n\nTrois.\n\nQuatre, modifié par eux."


def test_merge_marks_paragraphs_both_changed() -> None:
    base = "Un.\n\nDeux.\n\nTrois."
    mine = "Un.\n\nDeux selon moi.\n\nTrois."
    theirs = "Un.\n\nDeux selon eux.\n\nTrois."
    result = three_way_merge(base, mine, theirs)
    assert result.conflicts == 1
    assert (
        "<<<<<<< mine\nDeux selon moi." in result.text and "Deux selon eux.\n\n>>>>>>> theirs" in result.text
    )
    assert result.text.startswith("Un.\n\n") and result.text.endswith("Trois.")


def test_merge_of_identical_edits_is_clean() -> None:
    base = "A.\n\nB."
    same = "A.\n\nB modifié."
    assert three_way_merge(base, same, same).text == same


def test_edits_of_neighbouring_paragraphs_do_not_conflict() -> None:
    base = "## Le port\n\nDes bateaux."
    mine = "## Le port\n\nDes bateaux. Et des mouettes."
    theirs = "## Le port de pêche\n\nDes bateaux."
    result = three_way_merge(base, mine, theirs)
    assert result.conflicts == 0
    assert result.text == "## Le port de pêche\n\nDes bateaux. Et des mouettes."
