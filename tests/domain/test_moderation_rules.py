"""The moderation rules engine: each rule, their order, whole-word accent-insensitive matching,
and the reason every decision gives."""

from __future__ import annotations

import pytest

from redaction.domain.moderation_rules import (
    IncomingComment,
    KnownFacts,
    Outcome,
    RuleSet,
    count_links,
    decide,
)
from redaction.domain.wordmatch import WordList, fold

NOTHING = KnownFacts()


def comment(body: str = "Bel article, merci.", **fields: str) -> IncomingComment:
    defaults = {"author_name": "Anne", "author_email": "anne@example.org", "author_ip": "203.0.113.7"}
    return IncomingComment(id=1, body=body, **{**defaults, **fields})


def test_a_plain_comment_stays_pending_without_a_reason() -> None:
    verdict = decide(RuleSet(), comment(), NOTHING)
    assert (verdict.outcome, verdict.status, verdict.reason) == (Outcome.PENDING, "pending", "")


def test_two_links_are_held_by_default_and_the_reason_says_how_many() -> None:
    body = "Voir http://a.example et https://b.example et <a href='http://c.example'>ici</a>"
    verdict = decide(RuleSet(), comment(body), NOTHING)
    assert verdict.outcome == Outcome.HELD
    assert verdict.status == "pending"
    assert verdict.reason == "held: 3 links ≥ 2"


def test_a_link_whose_text_is_its_url_counts_once() -> None:
    assert count_links('<a href="http://a.example">http://a.example</a>') == 1
    assert count_links("<A HREF=x>un</A> <a href=y>deux</a> http://z.example") == 3
    assert count_links("pas de lien, juste http sans deux-points") == 0
    assert decide(RuleSet(), comment("Source : https://insee.fr"), NOTHING).outcome == Outcome.PENDING


def test_max_links_zero_turns_the_link_rule_off() -> None:
    body = "http://a.example http://b.example http://c.example"
    assert decide(RuleSet(max_links=0), comment(body), NOTHING).outcome == Outcome.PENDING
    assert decide(RuleSet(max_links=4), comment(body), NOTHING).outcome == Outcome.PENDING


def test_moderation_words_hold_whole_words_ignoring_case_and_accents() -> None:
    rules = RuleSet(moderation_words=("élu", "press"))
    assert decide(rules, comment("Notre ELU ment"), NOTHING).reason == "held: moderation word “élu”"
    assert decide(rules, comment("Notre elu ment"), NOTHING).outcome == Outcome.HELD
    # whole words only: not inside longer words
    assert decide(rules, comment("Fait avec WordPress"), NOTHING).outcome == Outcome.PENDING
    assert decide(rules, comment("Les élus votent"), NOTHING).outcome == Outcome.PENDING
    assert decide(rules, comment("Freedom of the PRESS!"), NOTHING).outcome == Outcome.HELD


def test_substring_mode_matches_inside_words() -> None:
    rules = RuleSet(moderation_words=("press",), match_mode="substring")
    assert decide(rules, comment("Fait avec WordPress"), NOTHING).reason == "held: moderation word “press”"


def test_words_are_also_looked_for_in_name_email_website_and_ip() -> None:
    rules = RuleSet(blocked_words=("casino",))
    assert decide(rules, comment(author_name="Casino Royal"), NOTHING).outcome == Outcome.TRASH
    assert decide(rules, comment(author_email="win.casino@spam.example"), NOTHING).outcome == Outcome.TRASH
    assert decide(rules, comment(author_url="http://best-casino.example"), NOTHING).outcome == Outcome.TRASH
    held_ip = decide(RuleSet(moderation_words=("198.51.100.4",)), comment(author_ip="198.51.100.4"), NOTHING)
    assert held_ip.outcome == Outcome.HELD


def test_blocked_words_trash_with_the_word_as_the_rule_spells_it() -> None:
    rules = RuleSet(blocked_words=("connard", "Casino en ligne"))
    assert decide(rules, comment("Quel Connard."), NOTHING).reason == "trash: blocked word “connard”"
    verdict = decide(rules, comment("Le meilleur CASINO   EN LIGNE"), NOTHING)
    assert (verdict.outcome, verdict.status) == (Outcome.TRASH, "trash")
    assert verdict.reason == "trash: blocked word “Casino en ligne”"


def test_blocked_emails_domains_and_ips() -> None:
    rules = RuleSet(
        blocked_emails=("Troll@Example.org",),
        blocked_domains=("spam.example",),
        blocked_ips=("192.0.2.1", "10.0.0.0/8", "172.16."),
    )
    cases = {
        "trash: blocked email “troll@example.org”": comment(author_email="TROLL@example.org"),
        "trash: blocked email domain “spam.example”": comment(author_email="x@mail.spam.example"),
        "trash: blocked IP “192.0.2.1”": comment(author_ip="192.0.2.1"),
        "trash: blocked IP “10.0.0.0/8”": comment(author_ip="10.20.30.40"),
        "trash: blocked IP “172.16.”": comment(author_ip="172.16.5.5"),
    }
    for reason, c in cases.items():
        assert decide(rules, c, NOTHING).reason == reason
    assert decide(rules, comment(author_email="x@notspam.example"), NOTHING).outcome == Outcome.PENDING
    assert decide(rules, comment(author_ip="192.0.2.10"), NOTHING).outcome == Outcome.PENDING


def test_previously_approved_authors_are_approved_but_only_with_an_email() -> None:
    facts = KnownFacts(approved_authors=frozenset({("Anne", "anne@example.org"), ("Anon", "")}))
    verdict = decide(RuleSet(), comment(author_email="Anne@Example.org"), facts)
    assert (verdict.outcome, verdict.status) == (Outcome.APPROVED, "approved")
    assert verdict.reason == "approved: author previously approved"
    assert decide(RuleSet(), comment(author_name="Anne B."), facts).outcome == Outcome.PENDING
    assert decide(RuleSet(), comment(author_name="Anon", author_email=""), facts).outcome == Outcome.PENDING
    off = RuleSet(approve_known_authors=False)
    assert decide(off, comment(), facts).outcome == Outcome.PENDING


def test_duplicates_and_floods_are_held_first() -> None:
    rules = RuleSet(blocked_words=("casino",))
    dup = KnownFacts(duplicates=frozenset({1}))
    flood = KnownFacts(floods=frozenset({1}))
    assert decide(rules, comment("casino"), dup).reason == "held: duplicate of an earlier comment"
    assert decide(rules, comment(), flood).reason.startswith(
        "held: flood, another comment from the same email or IP"
    )
    assert decide(RuleSet(hold_duplicates=False), comment(), dup).outcome == Outcome.PENDING
    assert decide(RuleSet(flood_seconds=0), comment(), flood).outcome == Outcome.PENDING


def test_rules_apply_in_the_documented_order() -> None:
    rules = RuleSet(moderation_words=("gratuit",), blocked_words=("casino",))
    facts = KnownFacts(approved_authors=frozenset({("Anne", "anne@example.org")}))
    links = "http://a.example http://b.example"
    assert decide(rules, comment(f"casino gratuit {links}"), facts).reason == "held: 2 links ≥ 2"
    assert decide(rules, comment("casino gratuit"), facts).reason == "held: moderation word “gratuit”"
    assert decide(rules, comment("casino"), facts).outcome == Outcome.TRASH
    assert decide(rules, comment("bonjour"), facts).outcome == Outcome.APPROVED


def test_rule_sets_are_checked_and_tidied() -> None:
    rules = RuleSet(
        moderation_words=("  buy   now ", "", "buy now"),
        blocked_emails=(" A@B.example ",),
        blocked_domains=("@Spam.Example",),
        blocked_ips=("10.0.0.0/8", "2001:db8::1"),
    ).normalized()
    assert rules.moderation_words == ("buy now",)
    assert rules.blocked_emails == ("a@b.example",)
    assert rules.blocked_domains == ("spam.example",)
    for bad in (
        RuleSet(max_links=-1),
        RuleSet(blocked_emails=("not an email",)),
        RuleSet(blocked_ips=("999.1.1.1",)),
        RuleSet(match_mode="fuzzy"),
    ):
        with pytest.raises(ValueError):
            bad.normalized()


def test_rule_sets_round_trip_through_plain_data() -> None:
    rules = RuleSet(
        max_links=3, blocked_words=("casino",), blocked_ips=("192.0.2.1",), match_mode="substring"
    )
    assert RuleSet.from_dict(rules.to_dict()) == rules.normalized()
    assert RuleSet.from_dict({"max_links": 5, "from_a_newer_version": True}) == RuleSet(max_links=5)
    with pytest.raises(ValueError):
        RuleSet.from_dict({"blocked_words": "casino"})


def test_blocking_an_email_adds_it_once() -> None:
    rules = RuleSet().with_blocked_email("Troll@Example.org").with_blocked_email("troll@example.org")
    assert rules.blocked_emails == ("troll@example.org",)


def test_word_lists_fold_ligatures_and_decomposed_accents() -> None:
    words = WordList(["cœur", "Straße", "élu"])
    assert words.find("mon COEUR") == "cœur"
    assert words.find("strasse") == "Straße"
    assert words.find("e\u0301lu") == "élu"  # é written as e + combining accent
    assert fold("  Élu   Œuvre ") == "elu oeuvre"
    assert not WordList(["", "  "])
