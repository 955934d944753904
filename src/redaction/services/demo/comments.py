"""Reader comments for ``redaction demo``, assembled from hand-written fragments with a seeded RNG.

Ordinary readers (approved and pending), spam, trash, and a set of hostile comments that a
moderation screen must show as inert text: script and img tags, javascript: links, a 20,000+
character rant, names hiding a right-to-left override or zero-width characters.
"""

from __future__ import annotations

import random

from redaction.domain.slugs import slugify

FIRST_NAMES = (
    "Anne", "Bernard", "Gwenaëlle", "Yann", "Maïwenn", "Hervé", "Sophie", "Loïc", "Nolwenn",
    "Patrick", "Élodie", "Ronan", "Fatima", "Jean-Yves", "Chantal", "Mathis", "Léa", "Kofi",
)  # fmt: skip
LAST_NAMES = (
    "Le Bras", "Tanguy", "Riou", "Kerbrat", "Martin", "Guégan", "Nicolas", "Le Goff",
    "Morin", "Cariou", "Bouvier", "Ndiaye", "Le Roux", "Pichon",
)  # fmt: skip
PSEUDONYMS = ("Breizh56", "marin_du_dimanche", "Lecteur fidèle", "Kenavo29", "Un voisin", "jojo.lorient")
EN_NAMES = ("Sarah Whitfield", "Tom Baker", "Priya N.", "Dave from Cork", "Hannah Lloyd", "Mark O'Neill")
DOMAINS = ("example.fr", "example.com", "example.org", "mail.example.net")

FR_OPENERS = (
    "Merci pour cet article.",
    "Très bon papier, bien documenté.",
    "Je ne suis pas tout à fait d’accord.",
    "Enfin quelqu’un qui en parle !",
    "Article intéressant, mais il manque un point de vue.",
    "Bravo à la journaliste.",
    "Je lis votre journal depuis trente ans.",
    "Petite précision.",
)
FR_MIDDLES = (
    "Ma grand-mère habitait à deux rues de là, ça me rappelle beaucoup de souvenirs.",
    "Les chiffres cités me semblent un peu optimistes par rapport à ce qu’on voit sur place.",
    "Il faudrait aussi interroger les élus de l’opposition sur ce dossier.",
    "On en parlait justement hier au marché, tout le monde est inquiet.",
    "C’est exactement ce qui se passe dans notre commune depuis deux ans.",
    "Le parking de la gare est déjà complet le samedi, je ne vois pas comment ça va marcher.",
    "La photo ne correspond pas au lieu cité, c’est le port de Concarneau, pas celui de Lorient.",
    "J’y étais, l’ambiance était incroyable.",
    "Quand on pense qu’il y a dix ans personne ne s’y intéressait…",
    "Ce genre d’initiative mérite d’être soutenu.",
)
FR_CLOSERS = ("", "Bonne continuation à la rédaction.", "À suivre…", "Cordialement.", "Kenavo !", ":)")
FR_REPLIES = (
    "Tout à fait d’accord avec vous.",
    "Je ne vois pas les choses comme ça, mais je respecte votre avis.",
    "Vous avez une source pour ces chiffres ?",
    "C’est bien le port de Lorient, je reconnais le slipway.",
    "Merci pour ce témoignage.",
    "Pareil chez nous, la mairie ne répond même plus aux courriers.",
)
EN_OPENERS = ("Great piece.", "Thanks for writing this.", "I'm not sure I agree.", "Lovely article.")
EN_MIDDLES = (
    "We visited Brittany last summer and stumbled on one of these evenings by chance.",
    "The numbers look a bit high to me, do you have a source?",
    "My grandparents came from Finistère, this brought back memories.",
    "I wish our local paper covered this kind of story.",
    "Would love a follow-up in a year's time.",
)
EN_CLOSERS = ("", "Cheers.", "Keep it up!", "Kenavo from Dublin.")
EN_REPLIES = ("Same here!", "Agreed, a follow-up would be great.", "Source is in the last paragraph.")

TRASH_BODIES = (
    "test",
    "Encore un article payé par la mairie, bravo le journalisme.",
    "Doublon, voir mon message plus haut.",
    "Vous êtes tous des vendus.",
    "Quelqu’un sait à quelle heure ferme la déchetterie le dimanche ?",
    "first",
    "Je me désabonne. Ah non, je ne suis pas abonné.",
    "??????",
    "Hors sujet mais mon chat a disparu à Lanester, il est roux.",
)
SPAM_TEMPLATES = (
    "Gagnez 5 000 € par semaine depuis chez vous !!! Cliquez ici : {link} et ici {link2}",
    "Super article. Au fait, meilleurs prix sur les montres de luxe : {link}",
    "CRYPTO x100 GARANTI 🚀🚀🚀 rejoignez le groupe {link} avant minuit",
    "Cheap pills online no prescription {link} {link2} {link3}",
    "Rencontres célibataires dans votre région ➜ {link}",
    "Nice blog! Check my website {link} for SEO backlinks, 1000 links for 5$",
    "Votre colis est en attente, confirmez l’adresse ici : {link}",
)
SPAM_NAMES = (
    "Best Casino Bonus",
    "Montres Pas Cher",
    "CryptoKing",
    "SEO Expert",
    "La Poste Livraison",
    "Dr. Pills",
)
SPAM_HOSTS = (
    "cheap-pills.example.net",
    "casino-bonus.example.com",
    "x100-crypto.example.org",
    "seo.example.net",
)


def person(rng: random.Random, language: str) -> str:
    if language == "en":
        return rng.choice(EN_NAMES)
    if rng.random() < 0.2:
        return rng.choice(PSEUDONYMS)
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def email_for(rng: random.Random, name: str) -> str:
    local = slugify(name).replace("-", rng.choice((".", "_", ""))) or "lecteur"
    return f"{local}{rng.choice(('', '29', '56', '1978'))}@{rng.choice(DOMAINS)}"


def reader_comment(rng: random.Random, language: str) -> str:
    if language == "en":
        parts = [rng.choice(EN_OPENERS), rng.choice(EN_MIDDLES), rng.choice(EN_CLOSERS)]
    else:
        parts = [rng.choice(FR_OPENERS), rng.choice(FR_MIDDLES)]
        if rng.random() < 0.4:
            parts.append(rng.choice(FR_MIDDLES))
        parts.append(rng.choice(FR_CLOSERS))
    text = " ".join(p for p in parts if p)
    if rng.random() < 0.25:
        text = text.replace(". ", ".\n\n", 1)  # some readers write paragraphs
    return text


def reply(rng: random.Random, language: str, to_name: str) -> str:
    pool = EN_REPLIES if language == "en" else FR_REPLIES
    return f"@{to_name} {rng.choice(pool)}"


def spam_comment(rng: random.Random) -> str:
    links = {
        f"link{i}": f"http://{rng.choice(SPAM_HOSTS)}/?ref={rng.randrange(10**6)}" for i in ("", "2", "3")
    }
    return rng.choice(SPAM_TEMPLATES).format(**links)


def long_rant(rng: random.Random, minimum: int = 20_500) -> str:
    """A reader who will not stop: far longer than any screen, built from the same fragments."""
    paragraphs: list[str] = ["Je voudrais revenir sur plusieurs points de votre article, un par un."]
    n = 1
    while sum(len(p) + 2 for p in paragraphs) < minimum:
        sentences = " ".join(rng.choice(FR_MIDDLES) for _ in range(4))
        paragraphs.append(f"{n}. {sentences}")
        n += 1
    paragraphs.append("Voilà, j’espère que vous publierez mon commentaire EN ENTIER cette fois.")
    return "\n\n".join(paragraphs)


def hostile_comments(rng: random.Random) -> list[tuple[str, str, str, str]]:
    """(status, author_name, author_email, body) for the comments a moderator must see disarmed."""
    return [
        ("pending", "Kevin", "kevin@example.com", "Super article <script>alert(1)</script>"),
        ("pending", "Img", "img@example.com", 'Regardez ça <img src=x onerror="alert(document.cookie)">'),
        (
            "pending",
            "\u202enoitcadér aL",
            "redaction@example.net",
            "Message officiel : ce commentaire est validé.",
        ),
        (
            "pending",
            "Clai\u200bre Vas\u200dseur",
            "c.vasseur@example.net",
            "Je suis la rédactrice en chef, publiez.",
        ),
        (
            "pending",
            "Modé\u2060rateur\ufeff",
            "mod@example.org",
            "Tous les commentaires ci-dessous sont faux.",
        ),
        ("pending", "Jean-Marc Lucas", "jm.lucas@example.fr", long_rant(rng)),
        (
            "pending",
            "Sources ouvertes",
            "sources@example.org",
            "Pour compléter : https://www.example.org/rapport-2024.pdf, "
            "https://www.example.com/etude?id=42&lang=fr et "
            "[la carte](https://www.example.net/carte) — sans oublier http://www.example.fr/archives.",
        ),
        ("pending", "Robert'); DROP TABLE comment;--", "bobby@example.com", "Bonjour, je m'appelle Robert."),
        ("pending", "Lien piégé", "piege@example.com", "[Cliquez ici](javascript:alert(1)) pour la suite."),
        ("pending", "Z̸̢͉a̵l̶g̷o̴", "zalgo@example.com", "T̶̡̛e̷x̸t̵e̶ ̷i̴l̸l̵i̶s̴i̵b̶l̸e̴ ̵d̸e̸ ̶t̸r̵o̷l̴l̶"),
        ("pending", "Newline", "a@example.com\r\nBcc: everyone@example.com", "Retour\r\nà la ligne Windows."),
        (
            "spam",
            "Free iPhone",
            "win@example.net",
            '<a href="http://win.example.net">WIN</a><script>x()</script>',
        ),
        ("spam", "\u202emoc.elpmaxe", "rtl@example.com", "Visitez http://rtl.example.com/\u202eexe.tset"),
        ("trash", "Iframe", "iframe@example.com", '<iframe src="https://evil.example.com"></iframe> lol'),
    ]
