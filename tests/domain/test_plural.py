"""English counts read as a person writes them."""

from redaction.domain.plural import counted


def test_one_is_singular_everything_else_plural() -> None:
    assert counted(1, "change") == "1 change"
    assert counted(0, "change") == "0 changes"
    assert counted(2, "change") == "2 changes"
    assert counted(3, "reply", "replies") == "3 replies"
