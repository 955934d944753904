"""Hand-written sample articles for ``redaction demo``: a Breton regional news site, mostly in French.

Each entry: title, rubric, language, status, author, tags, standfirst, body, and how many days
before "now" it was written (and published, for published and archived ones).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DemoArticle:
    title: str
    rubric: str
    language: str
    status: str
    author: str
    tags: tuple[str, ...]
    standfirst: str
    body: str
    days_ago: int
    published_days_ago: int | None = None


PEOPLE = (
    ("Claire Vasseur", "editor"),
    ("Julien Moreau", "editor"),
    ("Aïcha Benali", "journalist"),
    ("Thomas Le Gall", "journalist"),
    ("Marion Desrosiers", "journalist"),
    ("Emma Clarke", "journalist"),
)

RUBRICS = ("Portrait", "Économie", "Culture", "Sport")

ARTICLES: tuple[DemoArticle, ...] = (
    DemoArticle(
        title="À 92 ans, Lucienne Morvan tient toujours l’épicerie de Saint-Aubin",
        rubric="Portrait",
        language="fr",
        status="published",
        author="Aïcha Benali",
        tags=("commerce de proximité", "Saint-Aubin", "aînés"),
        standfirst=(
            "Elle ouvre à 7 h 30, six jours sur sept, depuis 1958. Rencontre avec la doyenne "
            "des commerçantes du canton, qui refuse de baisser le rideau."
        ),
        body="""Il est 7 h 25 et la clochette de la porte a déjà tinté trois fois. Derrière son comptoir en chêne, Lucienne Morvan rend la monnaie sans calculatrice, « parce que la tête, ça s’entretient ».

## Une vie derrière le comptoir

Lucienne a repris l’épicerie de ses parents à vingt-cinq ans, l’année où le bourg a eu l’eau courante. Depuis, elle a vu passer trois curés, sept maires et « au moins quarante livreurs de journaux ».

Ce qu’on trouve chez elle :

- du pain livré chaque matin par la boulangerie de Plouay ;
- les œufs de la ferme de Kerlann, à deux kilomètres ;
- des timbres, des piles, de la ficelle à rôti et des conseils gratuits.

## « Tant que les jambes suivent »

> Les gens croient que je reste ouverte pour l’argent. Je reste ouverte pour qu’on se dise bonjour.

Sa petite-nièce, Gaëlle, passe tous les samedis faire les commandes sur internet. Le reste du temps, Lucienne tient ses comptes dans un cahier à spirale, « comme en 1958 ».

## Et après ?

La mairie réfléchit à un [multiple rural](https://www.example.org/multiple-rural) pour prendre le relais le jour venu. Lucienne, elle, ne fixe pas de date : « Le jour où je ne pourrai plus monter sur l’escabeau, on en reparlera. »
""",
        days_ago=6,
        published_days_ago=5,
    ),
    DemoArticle(
        title="Port de Lorient : la pêche artisanale face à la flambée du gazole",
        rubric="Économie",
        language="fr",
        status="published",
        author="Thomas Le Gall",
        tags=("pêche", "Lorient", "carburant", "économie maritime"),
        standfirst=(
            "Le prix du litre a pris 38 centimes en un an. Sur le quai de Keroman, "
            "les patrons de chalutiers font leurs comptes et certains restent à quai."
        ),
        body="""Sur le quai de Keroman, le *Men Gwenn* n’a pas quitté son poste d’amarrage depuis mardi. « Sortir trois jours pour rentrer à perte, non merci », tranche son patron, Erwan Guillou.

## Des marges rognées

Le gazole représente désormais près d’un tiers du chiffre d’affaires d’un chalutier côtier, contre un cinquième il y a deux ans.

| Mois          | Prix du litre (HT) | Sorties par semaine |
|---------------|-------------------:|--------------------:|
| janvier 2024  | 0,71 €             | 4                   |
| juin 2024     | 0,86 €             | 3                   |
| janvier 2025  | 1,09 €             | 2                   |

*Source : coopérative maritime de Lorient, moyennes mensuelles.*

## Les pistes sur la table

1. Regrouper les débarques pour réduire les allers-retours.
2. Tester le bridage des moteurs à 8 nœuds, déjà adopté par deux armements.
3. Obtenir une aide d’urgence, que le comité régional des pêches réclame depuis l’automne.

> Un bateau à quai, c’est aussi un mareyeur et un transporteur qui ne travaillent pas.

Le comité des pêches doit rencontrer la préfecture maritime le 3 du mois prochain. Le détail des mesures est consultable sur [le site du comité](https://www.example.org/comite-peches/gazole).
""",
        days_ago=4,
        published_days_ago=3,
    ),
    DemoArticle(
        title="Festival des arts de la rue : quarante compagnies attendues à Quimperlé",
        rubric="Culture",
        language="fr",
        status="published",
        author="Marion Desrosiers",
        tags=("festival", "Quimperlé", "spectacle vivant"),
        standfirst="Trois jours, douze lieux, une programmation gratuite à 90 % : le festival fête ses vingt ans.",
        body="""Du vendredi soir au dimanche, la basse ville de Quimperlé appartiendra aux jongleurs, aux acrobates et aux fanfares.

## Le programme en bref

- **Vendredi** : parade d’ouverture depuis les halles, à 19 h.
- **Samedi** : spectacles en continu sur les quais de la Laïta.
- **Dimanche** : grand final sous le chapiteau du Bel-Air.

## Vingt ans et toujours bénévole

Le festival tourne grâce à 230 bénévoles. Leur coordinatrice, Soizic Le Floch, se souvient de la première édition : « On avait trois compagnies et une remorque en guise de scène. »

> Ce qui n’a pas changé, c’est l’idée : le spectacle va chercher les gens là où ils sont.

## Pratique

Parkings relais gratuits à la gare et au lycée de Kerneuzec, navettes toutes les vingt minutes. Le programme complet est en ligne sur [le site du festival](https://www.example.org/festival-rue-quimperle).
""",
        days_ago=9,
        published_days_ago=8,
    ),
    DemoArticle(
        title="Brittany’s fest-noz tradition draws a new generation of dancers",
        rubric="Culture",
        language="en",
        status="published",
        author="Emma Clarke",
        tags=("fest-noz", "Breton culture", "music"),
        standfirst=(
            "Once the preserve of village halls and grandparents, the Breton night dance "
            "is packing out student bars in Rennes and Brest."
        ),
        body="""On a wet Thursday in Rennes, two hundred people hold little fingers and move in a slow spiral to the sound of a bombarde. Most of them are under thirty.

## What is a fest-noz?

A *fest-noz* ("night festival") is a gathering where traditional Breton music accompanies group dances. It was added to UNESCO's list of intangible cultural heritage in 2012.

You will typically hear:

- the **kan ha diskan**, a call-and-response song with no instruments;
- the **bombarde** and **biniou**, a shawm and bagpipe pair;
- more and more, electric guitars and synthesisers.

## Why now?

> It is the only night out where nobody is looking at their phone, because both your hands are taken.

Organisers say the dances are easy to pick up. Many evenings start with a short lesson, and the [Dastum archive](https://www.example.org/dastum) has put hundreds of recordings online for those who want to learn the tunes.
""",
        days_ago=12,
        published_days_ago=11,
    ),
    DemoArticle(
        title="Le FC Lorient s’impose 2-1 face à Rodez dans les arrêts de jeu",
        rubric="Sport",
        language="fr",
        status="ready",
        author="Julien Moreau",
        tags=("football", "FC Lorient", "Ligue 2"),
        standfirst="Menés à la pause, les Merlus ont renversé la rencontre grâce à un doublé de leur capitaine.",
        body="""Le Moustoir a retenu son souffle jusqu’à la 93e minute. Sur un corner mal renvoyé, le capitaine lorientais a crucifié le gardien aveyronnais d’une demi-volée.

## Le film du match

- **27e** : ouverture du score de Rodez sur penalty.
- **61e** : égalisation de la tête après un centre venu de la droite.
- **90e + 3** : le but de la victoire, au bout d’une fin de match étouffante.

## Ce qu’ils ont dit

> On n’a jamais lâché. Ce groupe a du caractère, on l’a vu ce soir.

Avec ce succès, Lorient remonte à la troisième place. Prochain rendez-vous samedi à Grenoble. Le résumé vidéo est disponible sur [la page du club](https://www.example.org/fc-lorient/resume).
""",
        days_ago=1,
    ),
    DemoArticle(
        title="Taxe foncière : ce que la hausse de 2025 change pour les propriétaires",
        rubric="Économie",
        language="fr",
        status="in_review",
        author="Thomas Le Gall",
        tags=("fiscalité", "logement", "collectivités"),
        standfirst=(
            "Revalorisation des bases, hausses de taux votées par certaines communes : "
            "on a fait les calculs pour trois profils de propriétaires.\nNos exemples sont arrondis à l’euro."
        ),
        body="""Les avis arriveront dans les boîtes aux lettres fin août. Pour beaucoup, la note sera plus salée que l’an dernier.

## Deux mécanismes qui s’additionnent

1. La **revalorisation forfaitaire** des valeurs locatives, fixée par l’État.
2. Les **hausses de taux** votées par les conseils municipaux et intercommunaux.

## Trois exemples

- Une maison de 90 m² à Vannes : + 64 € sur l’année.
- Un T3 à Lorient : + 41 €.
- Une longère à rénover dans le Kreiz-Breizh : + 18 €.

> Les communes n’ont plus beaucoup d’autres leviers depuis la suppression de la taxe d’habitation.

Les contribuables peuvent vérifier les bases de calcul sur [leur espace fiscal en ligne](https://www.example.org/impots/espace-particulier).
""",
        days_ago=2,
    ),
    DemoArticle(
        title="Une exposition inédite consacrée à Paul Sérusier s’installe à Pont-Aven",
        rubric="Culture",
        language="fr",
        status="draft",
        author="Marion Desrosiers",
        tags=("exposition", "Pont-Aven", "peinture"),
        standfirst="",
        body="""*Brouillon — vérifier les dates avec le musée avant relecture.*

## Le Talisman, et tout le reste

Le musée présentera une soixantaine d’œuvres, dont plusieurs jamais montrées au public, prêtées par des collections privées.

## À vérifier

- dates exactes d’ouverture et de clôture ;
- tarif réduit pour les moins de 26 ans ;
- nom de la commissaire (orthographe).

> Citation de la commissaire à récupérer mardi.
""",
        days_ago=0,
    ),
    DemoArticle(
        title="Why Breton cider makers are betting on exports to Japan",
        rubric="Économie",
        language="en",
        status="draft",
        author="Emma Clarke",
        tags=("cider", "exports", "agriculture"),
        standfirst="Small producers from Cornouaille found an unexpected market: Tokyo's craft bars.",
        body="""Ten years ago, Yann Kerhervé sold his cider at the Saturday market in Fouesnant. Today a third of his bottles leave for Japan.

## A taste for the traditional

Japanese importers look for what they call "cider with a story": single-orchard, naturally sparkling, labelled by hand.

- Exports of Breton cider to Japan have doubled in five years.
- The average bottle sells for three times its French price.

## The catch

> Shipping is long and expensive; one broken pallet wipes out a month of margin.

More figures in the [regional agriculture report](https://www.example.org/agriculture/cidre-export).
""",
        days_ago=3,
    ),
    DemoArticle(
        title="Tour de Bretagne cycliste : la dernière étape neutralisée par la tempête",
        rubric="Sport",
        language="fr",
        status="archived",
        author="Julien Moreau",
        tags=("cyclisme", "météo", "Tour de Bretagne"),
        standfirst="Des rafales à 110 km/h ont contraint les organisateurs à arrêter la course au kilomètre 64.",
        body="""La décision est tombée à 14 h 12, au sommet de la côte de Ménez-Hom : course neutralisée, classement figé.

## Une décision unanime

Les directeurs sportifs, les commissaires et la préfecture se sont réunis dans une voiture d’organisation. « La sécurité d’abord », résume le directeur de l’épreuve.

## Le classement final

1. Le leader conserve son maillot pour onze secondes.
2. Son dauphin, très déçu, aurait voulu « au moins tenter ».
3. Le meilleur régional termine septième.

> Une course qui se termine sans vainqueur d’étape, c’est frustrant, mais personne n’a envie de voir un coureur au fossé.

Retrouvez [notre galerie photo](https://www.example.org/photos/tour-de-bretagne) de l’étape.
""",
        days_ago=320,
        published_days_ago=319,
    ),
    DemoArticle(
        title="Le dernier sabotier de Haute-Cornouaille range ses outils",
        rubric="Portrait",
        language="fr",
        status="archived",
        author="Aïcha Benali",
        tags=("artisanat", "patrimoine", "métiers anciens"),
        standfirst="Quarante-sept ans à creuser le hêtre et le bouleau. Yves Riou ferme son atelier, sans repreneur.",
        body="""L’atelier sent encore le bois vert. Sur l’établi, une dernière paire attend d’être noircie au feu.

## Un métier appris à douze ans

Yves a appris avec son oncle, « à coups de cuillère et de patience ». Il lui fallait alors une journée pour une paire ; il en faut toujours une.

Ses outils, tous fabriqués par un forgeron de Carhaix :

- la **cuillère**, pour creuser l’intérieur ;
- le **paroir**, pour dégrossir ;
- la **rouanne**, pour le talon.

## Sans repreneur

> Les jeunes viennent, regardent, trouvent ça beau. Et puis ils repartent.

Le musée des métiers de Spézet a proposé de reconstituer son atelier. Le projet est présenté sur [le site de l’écomusée](https://www.example.org/ecomusee/sabotier).
""",
        days_ago=400,
        published_days_ago=398,
    ),
    DemoArticle(
        title="Lorient sailors get ready for the Transat Jacques Vabre",
        rubric="Sport",
        language="en",
        status="in_review",
        author="Emma Clarke",
        tags=("sailing", "Lorient", "ocean racing"),
        standfirst="Four crews from the Lorient La Base pontoons will cross the Atlantic this autumn.",
        body="""At Lorient La Base, the former submarine base, the pontoons hum with grinders and sanders. Departure is eight weeks away.

## The crews

- Two crews in the Class40 fleet, both on their first transatlantic race.
- One IMOCA, returning after a dismasting two years ago.
- A multihull crew chasing the course record.

## Training in the Bay of Biscay

> Every night at sea now is one less surprise out there.

The race village opens on the quay the week before the start; details on [the organisers' site](https://www.example.org/transat/village).
""",
        days_ago=5,
    ),
    DemoArticle(
        title="Une coopérative laitière rachète l’usine de Guingamp : « On a sauvé 120 emplois »",
        rubric="Économie",
        language="fr",
        status="ready",
        author="Claire Vasseur",
        tags=("industrie", "agriculture", "emploi", "Guingamp"),
        standfirst="Le tribunal de commerce a validé l’offre de reprise. Les éleveurs deviennent propriétaires de l’outil.",
        body="""Dans la salle d’audience, les applaudissements ont éclaté avant même la fin de la lecture du jugement.

## Une reprise portée par les éleveurs

La coopérative réunit 340 exploitations des Côtes-d’Armor. Chacune a apporté en moyenne 3 000 € au capital.

- **120** salariés conservés sur 134.
- **8 millions d’euros** d’investissements annoncés sur trois ans.
- Un objectif : doubler la part de lait bio transformé sur place.

## Le plus dur commence

> Racheter, c’est bien. Maintenant il faut vendre nos yaourts.

Le plan de reprise complet est [consultable en ligne](https://www.example.org/tribunal/guingamp-reprise).
""",
        days_ago=1,
    ),
)
