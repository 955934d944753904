<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New Article</source>
        <translation>&amp;Nouvel article</translation>
    </message>
    <message>
        <source>Create a new draft article</source>
        <translation>Créer un nouvel article en brouillon</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save the article and keep a revision</source>
        <translation>Enregistrer l’article et en garder une version</translation>
    </message>
    <message>
        <source>Restore from &amp;Backup…</source>
        <translation>Restaurer une &amp;sauvegarde…</translation>
    </message>
    <message>
        <source>Back up the database, or go back to an earlier backup</source>
        <translation>Sauvegarder la base de données, ou revenir à une sauvegarde antérieure</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Your name and role, languages, theme and shortcuts</source>
        <translation>Votre nom et votre rôle, les langues, le thème et les raccourcis</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Save and quit</source>
        <translation>Enregistrer et quitter</translation>
    </message>
    <message>
        <source>&amp;Filter Articles</source>
        <translation>&amp;Filtrer les articles</translation>
    </message>
    <message>
        <source>Type to filter the article list</source>
        <translation>Taper pour filtrer la liste des articles</translation>
    </message>
    <message>
        <source>&amp;Next Article</source>
        <translation>Article &amp;suivant</translation>
    </message>
    <message>
        <source>Open the next article in the list</source>
        <translation>Ouvrir l’article suivant de la liste</translation>
    </message>
    <message>
        <source>&amp;Previous Article</source>
        <translation>Article pré&amp;cédent</translation>
    </message>
    <message>
        <source>Open the previous article</source>
        <translation>Ouvrir l’article précédent</translation>
    </message>
    <message>
        <source>Send to &amp;Review</source>
        <translation>Envoyer en &amp;relecture</translation>
    </message>
    <message>
        <source>Move the article to review</source>
        <translation>Passer l’article en relecture</translation>
    </message>
    <message>
        <source>Mark &amp;Ready</source>
        <translation>&amp;Marquer prêt</translation>
    </message>
    <message>
        <source>Mark the article ready to publish</source>
        <translation>Marquer l’article comme prêt à publier</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publier</translation>
    </message>
    <message>
        <source>Publish the article</source>
        <translation>Publier l’article</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>A&amp;pprouver</translation>
    </message>
    <message>
        <source>Approve the selected comments</source>
        <translation>Approuver les commentaires sélectionnés</translation>
    </message>
    <message>
        <source>Mark as &amp;Spam</source>
        <translation>Marquer comme &amp;indésirable</translation>
    </message>
    <message>
        <source>Mark the selected comments as spam</source>
        <translation>Marquer les commentaires sélectionnés comme indésirables</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>Indésirable</translation>
    </message>
    <message>
        <source>&amp;Trash</source>
        <translation>Mettre à la &amp;corbeille</translation>
    </message>
    <message>
        <source>Move the selected comments to the trash</source>
        <translation>Mettre les commentaires sélectionnés à la corbeille</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Back to &amp;Pending</source>
        <translation>Remettre en a&amp;ttente</translation>
    </message>
    <message>
        <source>Send the selected comments back to pending</source>
        <translation>Remettre les commentaires sélectionnés en attente</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>&amp;Go to Comments</source>
        <translation>&amp;Aller aux commentaires</translation>
    </message>
    <message>
        <source>Move the keyboard to the comment queue</source>
        <translation>Placer le clavier dans la file des commentaires</translation>
    </message>
    <message>
        <source>&amp;Moderation Desk</source>
        <translation>Bureau de &amp;modération</translation>
    </message>
    <message>
        <source>Open the moderation desk: every comment queue across articles</source>
        <translation>Ouvrir le bureau de modération : toutes les files de commentaires, tous articles confondus</translation>
    </message>
    <message>
        <source>Approve &amp;Marked</source>
        <translation>Approuver les &amp;marqués</translation>
    </message>
    <message>
        <source>Approve the marked (or selected) comments</source>
        <translation>Approuver les commentaires marqués (ou sélectionnés)</translation>
    </message>
    <message>
        <source>Mark the marked (or selected) comments as spam</source>
        <translation>Classer en indésirables les commentaires marqués (ou sélectionnés)</translation>
    </message>
    <message>
        <source>Move the marked (or selected) comments to the trash</source>
        <translation>Mettre à la corbeille les commentaires marqués (ou sélectionnés)</translation>
    </message>
    <message>
        <source>Marked Back to P&amp;ending</source>
        <translation>Remettre les marqués en att&amp;ente</translation>
    </message>
    <message>
        <source>Send the marked (or selected) comments back to pending</source>
        <translation>Remettre en attente les commentaires marqués (ou sélectionnés)</translation>
    </message>
    <message>
        <source>&amp;Undo Decision</source>
        <translation>A&amp;nnuler la décision</translation>
    </message>
    <message>
        <source>Undo the last decision (several levels, bulk decisions included)</source>
        <translation>Annuler la dernière décision (plusieurs niveaux, décisions groupées comprises)</translation>
    </message>
    <message>
        <source>&amp;Reply as the Newsroom…</source>
        <translation>&amp;Répondre au nom de la rédaction…</translation>
    </message>
    <message>
        <source>Publish a reply under this comment, signed with your name</source>
        <translation>Publier une réponse sous ce commentaire, signée de votre nom</translation>
    </message>
    <message>
        <source>Commenter &amp;Dossier…</source>
        <translation>&amp;Dossier du commentateur…</translation>
    </message>
    <message>
        <source>Everything this reader wrote, across articles</source>
        <translation>Tout ce que ce lecteur a écrit, sur tous les articles</translation>
    </message>
    <message>
        <source>&amp;Next Comment</source>
        <translation>Commentaire &amp;suivant</translation>
    </message>
    <message>
        <source>Go to the next comment</source>
        <translation>Aller au commentaire suivant</translation>
    </message>
    <message>
        <source>&amp;Previous Comment</source>
        <translation>Commentaire &amp;précédent</translation>
    </message>
    <message>
        <source>Go to the previous comment</source>
        <translation>Aller au commentaire précédent</translation>
    </message>
    <message>
        <source>&amp;Mark / Unmark</source>
        <translation>&amp;Marquer / démarquer</translation>
    </message>
    <message>
        <source>Mark or unmark this comment for a decision on the marked ones</source>
        <translation>Marquer ou démarquer ce commentaire pour une décision sur les marqués</translation>
    </message>
    <message>
        <source>Mark &amp;All Matching</source>
        <translation>Marquer &amp;tous ceux du filtre</translation>
    </message>
    <message>
        <source>Mark every comment of this queue and filter, loaded or not</source>
        <translation>Marquer tous les commentaires de cette file et de ce filtre, affichés ou non</translation>
    </message>
    <message>
        <source>&amp;Clear Marks</source>
        <translation>&amp;Effacer les marques</translation>
    </message>
    <message>
        <source>Unmark every comment</source>
        <translation>Démarquer tous les commentaires</translation>
    </message>
    <message>
        <source>&amp;Search Comments</source>
        <translation>&amp;Rechercher dans les commentaires</translation>
    </message>
    <message>
        <source>Type words of the comments to find</source>
        <translation>Tapez des mots des commentaires à trouver</translation>
    </message>
    <message>
        <source>Pending &amp;Queue</source>
        <translation>File « en &amp;attente »</translation>
    </message>
    <message>
        <source>&amp;Approved Queue</source>
        <translation>File « a&amp;pprouvés »</translation>
    </message>
    <message>
        <source>&amp;Spam Queue</source>
        <translation>File « &amp;indésirables »</translation>
    </message>
    <message>
        <source>&amp;Trash Queue</source>
        <translation>File « &amp;corbeille »</translation>
    </message>
    <message>
        <source>A&amp;ll Comments</source>
        <translation>&amp;Tous les commentaires</translation>
    </message>
    <message>
        <source>All Articles / &amp;This Article</source>
        <translation>Tous les articles / &amp;cet article</translation>
    </message>
    <message>
        <source>Switch between every article and the article open in the main window</source>
        <translation>Passer de tous les articles à l’article ouvert dans la fenêtre principale, et inversement</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Read the queue and its counts again</source>
        <translation>Relire la file et ses compteurs</translation>
    </message>
    <message>
        <source>Decision &amp;Log</source>
        <translation>&amp;Journal des décisions</translation>
    </message>
    <message>
        <source>Every moderation decision, who took it and when; undo from there</source>
        <translation>Toutes les décisions de modération, qui les a prises et quand ; annulables de là</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Tableau de bord</translation>
    </message>
    <message>
        <source>Comments per day, backlog, time to decision, most-commented articles</source>
        <translation>Commentaires par jour, en attente, délai de décision, articles les plus commentés</translation>
    </message>
    <message>
        <source>&amp;Rules…</source>
        <translation>&amp;Règles…</translation>
    </message>
    <message>
        <source>Edit the moderation rules and try them on the pending queue</source>
        <translation>Modifier les règles de modération et les essayer sur la file en attente</translation>
    </message>
    <message>
        <source>Show every shortcut of the desk</source>
        <translation>Afficher tous les raccourcis du bureau</translation>
    </message>
    <message>
        <source>Revision &amp;History…</source>
        <translation>&amp;Historique des versions…</translation>
    </message>
    <message>
        <source>Compare and restore earlier versions of the article</source>
        <translation>Comparer et restaurer les versions antérieures de l’article</translation>
    </message>
    <message>
        <source>Length &amp;Target…</source>
        <translation>C&amp;alibrage…</translation>
    </message>
    <message>
        <source>How long the article should be, in signs or words</source>
        <translation>La longueur visée pour l’article, en signes ou en mots</translation>
    </message>
    <message>
        <source>Edit House &amp;Rules…</source>
        <translation>Modifier les &amp;règles maison…</translation>
    </message>
    <message>
        <source>Required fields, headline length and banned phrases, for the whole newsroom</source>
        <translation>Champs obligatoires, longueur du titre et expressions proscrites, pour toute la rédaction</translation>
    </message>
    <message>
        <source>Check &amp;House Rules</source>
        <translation>&amp;Vérifier les règles maison</translation>
    </message>
    <message>
        <source>List what must be fixed before the article can be ready</source>
        <translation>Lister ce qu’il faut corriger avant que l’article soit prêt</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>Find in the article text</source>
        <translation>Rechercher dans le texte de l’article</translation>
    </message>
    <message>
        <source>Find and &amp;Replace…</source>
        <translation>Rechercher et r&amp;emplacer…</translation>
    </message>
    <message>
        <source>Replace in the article text</source>
        <translation>Remplacer dans le texte de l’article</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Rechercher le &amp;suivant</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>Rechercher le pré&amp;cédent</translation>
    </message>
    <message>
        <source>Apply &amp;Typography</source>
        <translation>Appliquer la &amp;typographie</translation>
    </message>
    <message>
        <source>No-break spaces, typographic quotes and apostrophes, ellipses</source>
        <translation>Espaces insécables, guillemets et apostrophes typographiques, points de suspension</translation>
    </message>
    <message>
        <source>Insert &amp;Image…</source>
        <translation>Insérer une &amp;image…</translation>
    </message>
    <message>
        <source>Insert a picture from a file</source>
        <translation>Insérer une image depuis un fichier</translation>
    </message>
    <message>
        <source>&amp;Focus Mode</source>
        <translation>&amp;Mode concentration</translation>
    </message>
    <message>
        <source>Hide everything but the text</source>
        <translation>Tout masquer sauf le texte</translation>
    </message>
    <message>
        <source>&amp;Typewriter Scrolling</source>
        <translation>Défilement &amp;machine à écrire</translation>
    </message>
    <message>
        <source>In focus mode, keep the line being typed in the middle of the screen</source>
        <translation>En mode concentration, garder la ligne en cours d’écriture au milieu de l’écran</translation>
    </message>
    <message>
        <source>&amp;Dim Other Paragraphs</source>
        <translation>&amp;Estomper les autres paragraphes</translation>
    </message>
    <message>
        <source>In focus mode, fade every paragraph but the one being written</source>
        <translation>En mode concentration, estomper tous les paragraphes sauf celui en cours d’écriture</translation>
    </message>
    <message>
        <source>&amp;Outline</source>
        <translation>P&amp;lan</translation>
    </message>
    <message>
        <source>Show the article's headings beside the editor</source>
        <translation>Afficher les intertitres de l’article à côté de l’éditeur</translation>
    </message>
    <message>
        <source>&amp;Article List</source>
        <translation>Liste des &amp;articles</translation>
    </message>
    <message>
        <source>&amp;Comments</source>
        <translation>&amp;Commentaires</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>A&amp;perçu</translation>
    </message>
    <message>
        <source>Si&amp;te…</source>
        <translation>Si&amp;te web…</translation>
    </message>
    <message>
        <source>Connect the newsroom's WordPress site, or see the connected one</source>
        <translation>Connecter le site WordPress de la rédaction, ou voir celui qui est connecté</translation>
    </message>
    <message>
        <source>S&amp;ync with Site</source>
        <translation>S&amp;ynchroniser avec le site</translation>
    </message>
    <message>
        <source>Send what waits for the site, then receive new comments</source>
        <translation>Envoyer ce qui attend le site, puis recevoir les nouveaux commentaires</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>&amp;Unpublish from Site</source>
        <translation>Retirer du si&amp;te</translation>
    </message>
    <message>
        <source>Take the article off the site (back to draft, here and there)</source>
        <translation>Retirer l’article du site (retour en brouillon, ici et là-bas)</translation>
    </message>
    <message>
        <source>Publish at a &amp;Date…</source>
        <translation>Publier à une &amp;date…</translation>
    </message>
    <message>
        <source>Publish on the site at a date and time (a future date schedules it)</source>
        <translation>Publier sur le site à une date et une heure (une date à venir le programme)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Spam Mar&amp;ked</source>
        <translation>Marqués en indésira&amp;bles</translation>
    </message>
    <message>
        <source>Tras&amp;h Marked</source>
        <translation>Marqués à la corbei&amp;lle</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>&amp;Ouvrir une base…</translation>
    </message>
    <message>
        <source>Work on another newsroom database file</source>
        <translation>Travailler sur un autre fichier de base de la rédaction</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>Import Markdown files, a WordPress export or a comment CSV file</source>
        <translation>Importer des fichiers Markdown, un export WordPress ou un fichier CSV de commentaires</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>Export articles as Markdown or HTML files</source>
        <translation>Exporter les articles en fichiers Markdown ou HTML</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Couper</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Co&amp;pier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
        <source>&amp;Bold</source>
        <translation>&amp;Gras</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>&amp;Italique</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Lien</translation>
    </message>
    <message>
        <source>Heading &amp;1</source>
        <translation>Intertitre &amp;1</translation>
    </message>
    <message>
        <source>Heading &amp;2</source>
        <translation>Intertitre &amp;2</translation>
    </message>
    <message>
        <source>Heading &amp;3</source>
        <translation>Intertitre &amp;3</translation>
    </message>
    <message>
        <source>&amp;Paragraph</source>
        <translation>&amp;Paragraphe</translation>
    </message>
    <message>
        <source>&amp;Quote</source>
        <translation>&amp;Citation</translation>
    </message>
    <message>
        <source>Bulleted &amp;List</source>
        <translation>Liste à p&amp;uces</translation>
    </message>
    <message>
        <source>&amp;Numbered List</source>
        <translation>Liste &amp;numérotée</translation>
    </message>
    <message>
        <source>&amp;Toolbar</source>
        <translation>&amp;Barre d’outils</translation>
    </message>
    <message>
        <source>Show or hide the toolbar</source>
        <translation>Afficher ou masquer la barre d’outils</translation>
    </message>
    <message>
        <source>&amp;About redaction</source>
        <translation>À &amp;propos de redaction</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Cannot open the database</source>
        <translation>Impossible d’ouvrir la base de données</translation>
    </message>
    <message>
        <source>redaction could not open {0}.

{1}

The file was not changed.</source>
        <translation>redaction n’a pas pu ouvrir {0}.

{1}

Le fichier n’a pas été modifié.</translation>
    </message>
</context>
<context>
    <name>ArticleListPanel</name>
    <message>
        <source>Filter by title, rubric, author…</source>
        <translation>Filtrer par titre, rubrique, auteur…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les états</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>Rubrique</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Modifié le</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>À modérer</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
</context>
<context>
    <name>BackgroundBackups</name>
    <message>
        <source>Backup copy saved: %1</source>
        <translation>Copie de sauvegarde enregistrée : %1</translation>
    </message>
    <message>
        <source>The backup copy was not written</source>
        <translation>La copie de sauvegarde n’a pas été écrite</translation>
    </message>
    <message>
        <source>%1

The operation itself went ahead and is in the decision log: Z at the desk, or Undo in the log, takes it back.</source>
        <translation>%1

L’opération elle-même a eu lieu et figure dans le journal des décisions : Z au bureau de modération, ou Annuler dans le journal, la défait.</translation>
    </message>
    <message>
        <source>Finishing the backup copy of the database…</source>
        <translation>Fin de la copie de sauvegarde de la base…</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurer…</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Show &amp;Folder</source>
        <translation>Afficher le &amp;dossier</translation>
    </message>
    <message>
        <source>This newsroom's database is on a server ({0}). redaction does not back up server databases: the server's administrator does, with the server's own tools (pg_dump for PostgreSQL). Ask them to restore an earlier state if you need one.</source>
        <translation>La base de données de cette rédaction est sur un serveur ({0}). redaction ne sauvegarde pas les bases sur serveur : c’est l’administrateur du serveur qui s’en charge, avec les outils du serveur (pg_dump pour PostgreSQL). Demandez-lui de restaurer un état antérieur si vous en avez besoin.</translation>
    </message>
    <message>
        <source>Backups of {0} are kept in {1}: one before every upgrade of redaction and every bulk operation, and one whenever you ask. The newest {2} are kept.</source>
        <translation>Les sauvegardes de {0} sont rangées dans {1} : une avant chaque mise à jour de redaction et chaque opération groupée, et une chaque fois que vous le demandez. Les {2} plus récentes sont conservées.</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Faite le</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>Asked for</source>
        <translation>À la demande</translation>
    </message>
    <message>
        <source>Before restoring a backup</source>
        <translation>Avant la restauration d’une sauvegarde</translation>
    </message>
    <message>
        <source>Before upgrading to schema {0}</source>
        <translation>Avant la mise à jour vers le schéma {0}</translation>
    </message>
    <message>
        <source>Before approving comments in bulk</source>
        <translation>Avant une approbation groupée de commentaires</translation>
    </message>
    <message>
        <source>Before marking comments as spam in bulk</source>
        <translation>Avant un classement groupé en indésirables</translation>
    </message>
    <message>
        <source>Before trashing comments in bulk</source>
        <translation>Avant une mise à la corbeille groupée</translation>
    </message>
    <message>
        <source>Before sending comments back to pending in bulk</source>
        <translation>Avant une remise en attente groupée</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>Avant une importation</translation>
    </message>
    <message>
        <source>Before: {0}</source>
        <translation>Avant : {0}</translation>
    </message>
    <message>
        <source>No backup was made</source>
        <translation>Aucune sauvegarde n’a été faite</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Go back to the database as it was on {0}?</source>
        <translation>Revenir à la base de données telle qu’elle était le {0} ?</translation>
    </message>
    <message>
        <source>Everything written since then will be replaced. The database as it is now is backed up first, so you can come back to it from this list.</source>
        <translation>Tout ce qui a été écrit depuis sera remplacé. La base actuelle est d’abord sauvegardée : vous pourrez y revenir depuis cette liste.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <source>Would become</source>
        <translation>Deviendrait</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Held (pending)</source>
        <translation>Retenu (en attente)</translation>
    </message>
</context>
<context>
    <name>CommentDetailView</name>
    <message>
        <source>Only this article</source>
        <translation>Cet article seulement</translation>
    </message>
    <message>
        <source>Dossier…</source>
        <translation>Dossier…</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>Indésirable</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Select a comment to read it in full.</source>
        <translation>Choisissez un commentaire pour le lire en entier.</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <source>Your reply, published under this comment and signed with your name</source>
        <translation>Votre réponse, publiée sous ce commentaire et signée de votre nom</translation>
    </message>
    <message>
        <source>Publish Reply</source>
        <translation>Publier la réponse</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>(anonyme)</translation>
    </message>
    <message>
        <source>Reply from the newsroom</source>
        <translation>Réponse de la rédaction</translation>
    </message>
    <message>
        <source>Deleted on the site on %1 (kept here)</source>
        <translation>Supprimé du site le %1 (conservé ici)</translation>
    </message>
    <message>
        <source>Moved to %1 by %2, %3</source>
        <translation>Classé « %1 » par %2, %3</translation>
    </message>
    <message>
        <source>Held by the rules: %1</source>
        <translation>Retenu par les règles : %1</translation>
    </message>
    <message>
        <source>New comment, waiting for a decision</source>
        <translation>Nouveau commentaire, en attente d’une décision</translation>
    </message>
    <message>
        <source>Arrived as %1</source>
        <translation>Arrivé comme « %1 »</translation>
    </message>
    <message>
        <source>Pingback</source>
        <translation>Pingback</translation>
    </message>
    <message>
        <source>Trackback</source>
        <translation>Rétrolien</translation>
    </message>
    <message>
        <source>site: %1</source>
        <translation>site : %1</translation>
    </message>
    <message>
        <source>link: %1</source>
        <translation>lien : %1</translation>
    </message>
    <message>
        <source>IP %1</source>
        <translation>IP %1</translation>
    </message>
    <message numerus="yes">
        <source>%n reply(ies)</source>
        <translation>
            <numerusform>%n réponse</numerusform>
            <numerusform>%n réponses</numerusform>
        </translation>
    </message>
    <message>
        <source>a script</source>
        <translation>un script</translation>
    </message>
    <message>
        <source>a style sheet</source>
        <translation>une feuille de style</translation>
    </message>
    <message>
        <source>an embedded frame or object</source>
        <translation>un cadre ou un objet incrusté</translation>
    </message>
    <message>
        <source>an event handler</source>
        <translation>un gestionnaire d’événement</translation>
    </message>
    <message>
        <source>a javascript: or data: address</source>
        <translation>une adresse javascript: ou data:</translation>
    </message>
    <message>
        <source>invisible or direction characters</source>
        <translation>des caractères invisibles ou de direction</translation>
    </message>
    <message>
        <source>markup the site removes</source>
        <translation>du balisage que le site supprime</translation>
    </message>
    <message>
        <source>⚠ This comment contains %1: shown as text, never run.</source>
        <translation>⚠ Ce commentaire contient %1 : affiché comme texte, jamais exécuté.</translation>
    </message>
    <message>
        <source>In reply to %1 · %2 · %3</source>
        <translation>En réponse à %1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 more characters not shown yet (the comment has %2).</source>
        <translation>%1 caractères pas encore affichés (le commentaire en compte %2).</translation>
    </message>
    <message>
        <source>Publishing also approves this comment.</source>
        <translation>Publier approuve aussi ce commentaire.</translation>
    </message>
    <message>
        <source>Ctrl+Enter to publish</source>
        <translation>Ctrl+Entrée pour publier</translation>
    </message>
    <message>
        <source>Approve and Reply</source>
        <translation>Approuver et répondre</translation>
    </message>
</context>
<context>
    <name>CommentQueue</name>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>Indésirable</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>No comment matches these filters.</source>
        <translation>Aucun commentaire ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>Nothing is waiting for a decision. Time for coffee.</source>
        <translation>Rien n’attend de décision. C’est l’heure du café.</translation>
    </message>
    <message>
        <source>This queue is empty.</source>
        <translation>Cette file est vide.</translation>
    </message>
    <message>
        <source>The reply was not published</source>
        <translation>La réponse n’a pas été publiée</translation>
    </message>
    <message>
        <source>Reply published under the comment, signed %1.</source>
        <translation>Réponse publiée sous le commentaire, signée %1.</translation>
    </message>
    <message>
        <source>Finding every matching comment…</source>
        <translation>Recherche de tous les commentaires correspondants…</translation>
    </message>
    <message numerus="yes">
        <source>%n marked · Shift+A, S, D or U decides them</source>
        <translation>
            <numerusform>%n marqué · Maj+A, S, D ou U tranche</numerusform>
            <numerusform>%n marqués · Maj+A, S, D ou U les tranche</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing marked (%1 marks)</source>
        <translation>Rien de marqué (%1 pour marquer)</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <source>Open an article to see its readers' comments.</source>
        <translation>Ouvrez un article pour voir les commentaires de ses lecteurs.</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Settle with the Site</source>
        <translation>Régler avec le site</translation>
    </message>
    <message>
        <source>Keep the Site's Decisions</source>
        <translation>Garder les décisions du site</translation>
    </message>
    <message>
        <source>These changed on the site and here. Nothing was overwritten: choose what stays.</source>
        <translation>Ceci a changé sur le site et ici. Rien n’a été écrasé : choisissez ce qui reste.</translation>
    </message>
    <message>
        <source>Nothing to settle.</source>
        <translation>Rien à régler.</translation>
    </message>
    <message>
        <source>“%1” was deleted on the site after it was published from here.</source>
        <translation>« %1 » a été supprimé du site après sa publication depuis ici.</translation>
    </message>
    <message>
        <source>Publish Again</source>
        <translation>Publier à nouveau</translation>
    </message>
    <message>
        <source>“%1” was edited on the site since it was published from here.</source>
        <translation>« %1 » a été modifié sur le site depuis sa publication depuis ici.</translation>
    </message>
    <message>
        <source>Compare and Merge…</source>
        <translation>Comparer et fusionner…</translation>
    </message>
    <message>
        <source>Keep the Site's Version</source>
        <translation>Garder la version du site</translation>
    </message>
    <message>
        <source>Comment by %1 on “%2”: marked %3 on the site after it was marked %4 here.</source>
        <translation>Commentaire de %1 sur « %2 » : classé « %3 » sur le site après avoir été classé « %4 » ici.</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>(anonyme)</translation>
    </message>
    <message>
        <source>Keep the Site's Decision</source>
        <translation>Garder la décision du site</translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation>Garder ma version</translation>
    </message>
    <message>
        <source>Your version goes to the site.</source>
        <translation>Votre version part vers le site.</translation>
    </message>
    <message>
        <source>The site's version is kept, here too.</source>
        <translation>La version du site est gardée, ici aussi.</translation>
    </message>
    <message>
        <source>Your decision goes to the site.</source>
        <translation>Votre décision part vers le site.</translation>
    </message>
    <message>
        <source>The site's decision stays.</source>
        <translation>La décision du site reste.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>less than a minute</source>
        <translation>moins d’une minute</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 et %2</translation>
    </message>
</context>
<context>
    <name>DashboardDialog</name>
    <message>
        <source>Moderation Dashboard</source>
        <translation>Tableau de bord de la modération</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>90 derniers jours</translation>
    </message>
    <message>
        <source>Waiting for a decision</source>
        <translation>En attente d’une décision</translation>
    </message>
    <message>
        <source>Median time to decision</source>
        <translation>Délai médian de décision</translation>
    </message>
    <message>
        <source>Comments in the period</source>
        <translation>Commentaires sur la période</translation>
    </message>
    <message>
        <source>Comments per day, by status</source>
        <translation>Commentaires par jour, par statut</translation>
    </message>
    <message>
        <source>Most-commented articles</source>
        <translation>Articles les plus commentés</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <source>oldest waiting for %1</source>
        <translation>le plus ancien attend depuis %1</translation>
    </message>
    <message>
        <source>nothing waiting</source>
        <translation>rien en attente</translation>
    </message>
    <message numerus="yes">
        <source>over %n decided comment(s)</source>
        <translation>
            <numerusform>sur %n commentaire tranché</numerusform>
            <numerusform>sur %n commentaires tranchés</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 a day on average</source>
        <translation>%1 par jour en moyenne</translation>
    </message>
</context>
<context>
    <name>DecisionLogDialog</name>
    <message>
        <source>Decision Log</source>
        <translation>Journal des décisions</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>Any decision</source>
        <translation>Toute décision</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>Vers « %1 »</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Toute date</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Dernières 24 heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Words of the reason, the commenter or the comment</source>
        <translation>Mots du motif, du commentateur ou du commentaire</translation>
    </message>
    <message>
        <source>Undo This Decision</source>
        <translation>Annuler cette décision</translation>
    </message>
    <message>
        <source>This decision is no longer in the log.</source>
        <translation>Cette décision n’est plus dans le journal.</translation>
    </message>
    <message>
        <source>Not undone: the comment has been moved to %1 since, and that later decision stands.</source>
        <translation>Non annulée : le commentaire a été classé « %1 » depuis, et cette décision plus récente prévaut.</translation>
    </message>
    <message>
        <source>Undone: the comment is back in %1.</source>
        <translation>Annulée : le commentaire est revenu dans « %1 ».</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>The backup was not restored</source>
        <translation>La sauvegarde n’a pas été restaurée</translation>
    </message>
    <message>
        <source>{0}

The database was not changed.</source>
        <translation>{0}

La base de données n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Impossible d’ouvrir la base de données</translation>
    </message>
    <message>
        <source>redaction could not open {0}.

{1}

The file was not changed.</source>
        <translation>redaction n’a pas pu ouvrir {0}.

{1}

Le fichier n’a pas été modifié.</translation>
    </message>
    <message>
        <source>Backup restored: {0}</source>
        <translation>Sauvegarde restaurée : {0}</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <source>Moderation Desk — redaction</source>
        <translation>Bureau de modération — redaction</translation>
    </message>
    <message>
        <source>Press ? for the keyboard shortcuts.</source>
        <translation>Appuyez sur ? pour voir les raccourcis clavier.</translation>
    </message>
</context>
<context>
    <name>DossierDialog</name>
    <message>
        <source>Commenter Dossier</source>
        <translation>Dossier du commentateur</translation>
    </message>
    <message>
        <source>Comments:</source>
        <translation>Commentaires :</translation>
    </message>
    <message>
        <source>Names used:</source>
        <translation>Noms utilisés :</translation>
    </message>
    <message>
        <source>Addresses:</source>
        <translation>Adresses :</translation>
    </message>
    <message>
        <source>Sites:</source>
        <translation>Sites :</translation>
    </message>
    <message>
        <source>IP addresses:</source>
        <translation>Adresses IP :</translation>
    </message>
    <message>
        <source>Seen:</source>
        <translation>Vu :</translation>
    </message>
    <message>
        <source>Approve All Pending</source>
        <translation>Approuver tout ce qui attend</translation>
    </message>
    <message>
        <source>Trash Everything</source>
        <translation>Tout mettre à la corbeille</translation>
    </message>
    <message>
        <source>Block This Address</source>
        <translation>Bloquer cette adresse</translation>
    </message>
    <message>
        <source>Add the address to the blocked emails of the moderation rules</source>
        <translation>Ajouter l’adresse aux courriels bloqués des règles de modération</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>(anonyme)</translation>
    </message>
    <message numerus="yes">
        <source>%1 on %Ln article(s) — </source>
        <translation>
            <numerusform>%1 sur %Ln article — </numerusform>
            <numerusform>%1 sur %Ln articles — </numerusform>
        </translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <source>Approving this reader's pending comments…</source>
        <translation>Approbation des commentaires en attente de ce lecteur…</translation>
    </message>
    <message>
        <source>Trash everything</source>
        <translation>Tout mettre à la corbeille</translation>
    </message>
    <message>
        <source>Move all %1 comments of this reader to the trash?</source>
        <translation>Mettre à la corbeille les %1 commentaires de ce lecteur ?</translation>
    </message>
    <message>
        <source>Trashing this reader's comments…</source>
        <translation>Mise à la corbeille des commentaires de ce lecteur…</translation>
    </message>
    <message>
        <source>The operation did not finish</source>
        <translation>L’opération n’a pas abouti</translation>
    </message>
    <message>
        <source>The address was not blocked</source>
        <translation>L’adresse n’a pas été bloquée</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloquée</translation>
    </message>
</context>
<context>
    <name>DurationTexts</name>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n an</numerusform>
            <numerusform>%n ans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n mois</numerusform>
            <numerusform>%n mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n semaine</numerusform>
            <numerusform>%n semaines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditorPanel</name>
    <message>
        <source>Headline</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>Rubrique</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Mots-clés, séparés par des virgules</translation>
    </message>
    <message>
        <source>Standfirst: the paragraph under the headline</source>
        <translation>Chapô : le paragraphe sous le titre</translation>
    </message>
    <message>
        <source>Write the article in Markdown. ## starts a sub-heading.</source>
        <translation>Écrivez l’article en Markdown. ## commence un intertitre.</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>T&amp;itre</translation>
    </message>
    <message>
        <source>&amp;Rubric</source>
        <translation>Ru&amp;brique</translation>
    </message>
    <message>
        <source>A&amp;uthor</source>
        <translation>A&amp;uteur</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>É&amp;tat</translation>
    </message>
    <message>
        <source>Stan&amp;dfirst</source>
        <translation>Cha&amp;pô</translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation>&amp;Mots-clés</translation>
    </message>
    <message>
        <source>Select an article in the list, or press %1 to write a new one.</source>
        <translation>Choisissez un article dans la liste, ou appuyez sur %1 pour en écrire un nouveau.</translation>
    </message>
    <message>
        <source>This text is {0} characters long, ten times the longest article: syntax colours and spell checking are off, and the preview shows its beginning.</source>
        <translation>Ce texte compte {0} caractères, dix fois le plus long des articles : la coloration et la vérification orthographique sont désactivées, et l’aperçu n’en montre que le début.</translation>
    </message>
</context>
<context>
    <name>ExchangeDialogs</name>
    <message>
        <source>Open a redaction Database</source>
        <translation>Ouvrir une base de données redaction</translation>
    </message>
    <message>
        <source>redaction databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>Bases redaction (*.db *.sqlite *.sqlite3);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import into the Newsroom</source>
        <translation>Importer dans la rédaction</translation>
    </message>
    <message>
        <source>Everything redaction imports (*.md *.markdown *.xml *.csv);;Markdown articles (*.md *.markdown);;WordPress exports (*.xml);;Reader comments (*.csv)</source>
        <translation>Tout ce que redaction importe (*.md *.markdown *.xml *.csv);;Articles Markdown (*.md *.markdown);;Exports WordPress (*.xml);;Commentaires de lecteurs (*.csv)</translation>
    </message>
    <message>
        <source>Imported, with a warning</source>
        <translation>Importé, avec un avertissement</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Rien n’a été importé</translation>
    </message>
    <message>
        <source>{0}

The newsroom was not changed.</source>
        <translation>{0}

La rédaction n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importation…</translation>
    </message>
    <message>
        <source>The export did not finish</source>
        <translation>L’export n’a pas abouti</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export…</translation>
    </message>
</context>
<context>
    <name>ExchangeTexts</name>
    <message numerus="yes">
        <source>Imported: %n article(s)</source>
        <translation>
            <numerusform>Importé : %n article</numerusform>
            <numerusform>Importé : %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n comment(s)</source>
        <translation>
            <numerusform>, %n commentaire</numerusform>
            <numerusform>, %n commentaires</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n article(s) to %1.</source>
        <translation>
            <numerusform>%n article exporté dans %1.</numerusform>
            <numerusform>%n articles exportés dans %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Articles</source>
        <translation>Exporter les articles</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>Markdown with front matter (.md)</source>
        <translation>Markdown avec en-tête (.md)</translation>
    </message>
    <message>
        <source>Web pages like the preview (.html)</source>
        <translation>Pages web comme l’aperçu (.html)</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>Tous les articles</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier :</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat :</translation>
    </message>
    <message>
        <source>&amp;Articles:</source>
        <translation>&amp;Articles :</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>Export into</source>
        <translation>Exporter dans</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All articles</source>
        <translation>Tous les articles</translation>
    </message>
    <message>
        <source>Reader comments</source>
        <translation>Commentaires des lecteurs</translation>
    </message>
    <message>
        <source>Pingbacks and trackbacks</source>
        <translation>Pingbacks et rétroliens</translation>
    </message>
    <message>
        <source>Links from other sites are kept apart from what readers wrote</source>
        <translation>Les liens venus d’autres sites sont tenus à part de ce qu’écrivent les lecteurs</translation>
    </message>
    <message>
        <source>Search comments (/)</source>
        <translation>Rechercher dans les commentaires (/)</translation>
    </message>
    <message>
        <source>Author or email</source>
        <translation>Auteur ou courriel</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Toute date</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Dernières 24 heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Older than 30 days</source>
        <translation>Plus de 30 jours</translation>
    </message>
    <message>
        <source>Between…</source>
        <translation>Entre…</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>Article: %1</source>
        <translation>Article : %1</translation>
    </message>
</context>
<context>
    <name>FindOptions</name>
    <message>
        <source>Match &amp;case</source>
        <translation>Respecter la &amp;casse</translation>
    </message>
    <message>
        <source>&amp;Whole words</source>
        <translation>&amp;Mots entiers</translation>
    </message>
    <message>
        <source>Regular e&amp;xpression</source>
        <translation>E&amp;xpression régulière</translation>
    </message>
    <message>
        <source>Search options</source>
        <translation>Options de recherche</translation>
    </message>
    <message>
        <source>Options (%1)</source>
        <translation>Options (%1)</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Remplacer par</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Résultat précédent (Maj+F3)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Résultat précédent</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Résultat suivant (F3)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Résultat suivant</translation>
    </message>
    <message>
        <source>R&amp;eplace</source>
        <translation>R&amp;emplacer</translation>
    </message>
    <message>
        <source>Replace &amp;All</source>
        <translation>&amp;Tout remplacer</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>R&amp;eplace…</source>
        <translation>R&amp;emplacer…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Rechercher le &amp;suivant</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>Rechercher le pré&amp;cédent</translation>
    </message>
    <message>
        <source>Invalid regular expression: %1</source>
        <translation>Expression régulière non valide : %1</translation>
    </message>
    <message>
        <source>Invalid replacement: %1</source>
        <translation>Remplacement non valide : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n remplacement</numerusform>
            <numerusform>%n remplacements</numerusform>
        </translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to redaction</source>
        <translation>Bienvenue dans redaction</translation>
    </message>
    <message>
        <source>redaction keeps the newsroom's articles, their revisions and the readers' comments in one database file. Say who you are, then choose where to start.</source>
        <translation>redaction conserve les articles de la rédaction, leurs versions successives et les commentaires des lecteurs dans un seul fichier de base de données. Dites qui vous êtes, puis choisissez par où commencer.</translation>
    </message>
    <message>
        <source>The database you used last, {0}, cannot be found. Is its disk connected?</source>
        <translation>La base de données utilisée la dernière fois, {0}, est introuvable. Son disque est-il branché ?</translation>
    </message>
    <message>
        <source>First name Last name</source>
        <translation>Prénom Nom</translation>
    </message>
    <message>
        <source>Journalist: I write articles</source>
        <translation>Journaliste : j’écris des articles</translation>
    </message>
    <message>
        <source>Editor: I review, publish and moderate</source>
        <translation>Secrétaire de rédaction : je relis, publie et modère</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom :</translation>
    </message>
    <message>
        <source>Your &amp;role:</source>
        <translation>Votre &amp;rôle :</translation>
    </message>
    <message>
        <source>Create an empty newsroom database</source>
        <translation>Créer une base de rédaction vide</translation>
    </message>
    <message>
        <source>Start from a blank page. The file is created at {0}.</source>
        <translation>Partir d’une page blanche. Le fichier est créé ici : {0}.</translation>
    </message>
    <message>
        <source>Open an existing database…</source>
        <translation>Ouvrir une base existante…</translation>
    </message>
    <message>
        <source>A redaction database file from a colleague or from another computer.</source>
        <translation>Un fichier de base redaction venu d’un collègue ou d’un autre ordinateur.</translation>
    </message>
    <message>
        <source>Open the demo content</source>
        <translation>Ouvrir le contenu de démonstration</translation>
    </message>
    <message>
        <source>A sample newsroom to try things out: articles at every stage and reader comments to moderate. It is kept apart from real work, in {0}.</source>
        <translation>Une rédaction d’exemple pour se faire la main : des articles à chaque étape et des commentaires de lecteurs à modérer. Elle reste à l’écart du vrai travail, dans {0}.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Open a redaction Database</source>
        <translation>Ouvrir une base de données redaction</translation>
    </message>
    <message>
        <source>redaction databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>Bases redaction (*.db *.sqlite *.sqlite3);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Impossible d’ouvrir la base de données</translation>
    </message>
    <message>
        <source>redaction could not open {0}.

{1}

The file was not changed.</source>
        <translation>redaction n’a pas pu ouvrir {0}.

{1}

Le fichier n’a pas été modifié.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>created</source>
        <translation>création</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>enregistrement</translation>
    </message>
    <message>
        <source>autosaved</source>
        <translation>enregistrement automatique</translation>
    </message>
    <message>
        <source>saved on switching</source>
        <translation>enregistrement au changement d’article</translation>
    </message>
    <message>
        <source>saved on closing</source>
        <translation>enregistrement à la fermeture</translation>
    </message>
    <message>
        <source>status changed</source>
        <translation>changement d’état</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>restauration</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>fusion</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importation</translation>
    </message>
    <message>
        <source>Revision History</source>
        <translation>Historique des versions</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Mots</translation>
    </message>
    <message>
        <source>Restore This Revision</source>
        <translation>Restaurer cette version</translation>
    </message>
    <message>
        <source>From this revision to the text on screen</source>
        <translation>De cette version au texte à l’écran</translation>
    </message>
    <message>
        <source>From the older to the newer selected revision</source>
        <translation>De la plus ancienne à la plus récente des versions sélectionnées</translation>
    </message>
    <message>
        <source>{0}: {1} words added, {2} removed</source>
        <translation>{0} : {1} mots ajoutés, {2} supprimés</translation>
    </message>
</context>
<context>
    <name>HouseRulesDialog</name>
    <message>
        <source>House Rules</source>
        <translation>Règles maison</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>Rubrique</translation>
    </message>
    <message>
        <source>Standfirst</source>
        <translation>Chapô</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> caractères</translation>
    </message>
    <message>
        <source>One phrase per line. Matched as whole words, ignoring case and accents.</source>
        <translation>Une expression par ligne. Recherchée en mots entiers, sans tenir compte de la casse ni des accents.</translation>
    </message>
    <message>
        <source>Required before Ready</source>
        <translation>Obligatoires avant « Prêt »</translation>
    </message>
    <message>
        <source>&amp;Headline at most</source>
        <translation>&amp;Titre au plus</translation>
    </message>
    <message>
        <source>&amp;Banned phrases</source>
        <translation>&amp;Expressions proscrites</translation>
    </message>
</context>
<context>
    <name>HouseRulesView</name>
    <message>
        <source>headline</source>
        <translation>titre</translation>
    </message>
    <message>
        <source>rubric</source>
        <translation>rubrique</translation>
    </message>
    <message>
        <source>standfirst</source>
        <translation>chapô</translation>
    </message>
    <message>
        <source>body</source>
        <translation>corps du texte</translation>
    </message>
    <message>
        <source>The %1 is missing.</source>
        <translation>Champ manquant : %1.</translation>
    </message>
    <message>
        <source>The headline is %1 characters long; the limit is %2.</source>
        <translation>Le titre fait %1 signes ; la limite est de %2.</translation>
    </message>
    <message>
        <source>Image not found: “%1” (body).</source>
        <translation>Image introuvable : « %1 » (corps du texte).</translation>
    </message>
    <message>
        <source>Avoid “%1” (%2).</source>
        <translation>À éviter : « %1 » (%2).</translation>
    </message>
    <message>
        <source>The article follows the house rules.</source>
        <translation>L’article respecte les règles maison.</translation>
    </message>
    <message>
        <source>Activate to go there</source>
        <translation>Activer pour s’y rendre</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>En relecture</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publié</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approuvé</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>Indésirable</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Commenter</source>
        <translation>Commentateur</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>Cannot open the article</source>
        <translation>Impossible d’ouvrir l’article</translation>
    </message>
    <message>
        <source>Cannot create the article</source>
        <translation>Impossible de créer l’article</translation>
    </message>
    <message>
        <source>Another program is writing to the database (an import, perhaps). The article will be saved as soon as it has finished; your text stays in the editor meanwhile.</source>
        <translation>Un autre programme écrit dans la base de données (une importation, peut-être). L’article sera enregistré dès qu’il aura fini ; votre texte reste dans l’éditeur en attendant.</translation>
    </message>
    <message>
        <source>Not saved: you stopped waiting for the other program. Your text is still in the editor.</source>
        <translation>Non enregistré : vous avez cessé d’attendre l’autre programme. Votre texte est toujours dans l’éditeur.</translation>
    </message>
    <message>
        <source>The article was not saved</source>
        <translation>L’article n’a pas été enregistré</translation>
    </message>
    <message>
        <source>{0}

Your text is still in the editor.</source>
        <translation>{0}

Votre texte est toujours dans l’éditeur.</translation>
    </message>
    <message>
        <source>An article that is {0} cannot go straight to {1}.</source>
        <translation>Un article à l’état « {0} » ne peut pas passer directement à l’état « {1} ».</translation>
    </message>
    <message>
        <source>This article was deleted elsewhere.</source>
        <translation>Cet article a été supprimé ailleurs.</translation>
    </message>
    <message>
        <source>Someone else saved this article; saving will offer to merge the two texts.</source>
        <translation>Quelqu’un d’autre a enregistré cet article ; enregistrer proposera de fusionner les deux textes.</translation>
    </message>
    <message>
        <source>This article was updated elsewhere.</source>
        <translation>Cet article a été mis à jour ailleurs.</translation>
    </message>
    <message>
        <source>Autosave failed</source>
        <translation>Échec de l’enregistrement automatique</translation>
    </message>
    <message>
        <source>Autosave failed: {0} Your text is still in the editor.</source>
        <translation>Échec de l’enregistrement automatique : {0} Votre texte est toujours dans l’éditeur.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <source>{0} words · {1} signs · {2} without spaces · {3} paragraphs · {4} min read</source>
        <translation>{0} mots · {1} signes · {2} sans espaces · {3} paragraphes · {4} min de lecture</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Enregistré à {0}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>About redaction</source>
        <translation>À propos de redaction</translation>
    </message>
    <message>
        <source>redaction {0}
The newsroom's desk: write, review, publish, moderate.

Database: {1}</source>
        <translation>redaction {0}
Le poste de travail de la rédaction : écrire, relire, publier, modérer.

Base de données : {1}</translation>
    </message>
</context>
<context>
    <name>MarkdownEdit</name>
    <message>
        <source>pasted image.png</source>
        <translation>image collée.png</translation>
    </message>
    <message>
        <source>Insert Image</source>
        <translation>Insérer une image</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Images (%1)</translation>
    </message>
    <message>
        <source>Images can be added only to an open article.</source>
        <translation>On ne peut ajouter des images qu’à un article ouvert.</translation>
    </message>
    <message>
        <source>The text to paste is %1; the limit is %2. Nothing was pasted.</source>
        <translation>Le texte à coller fait %1 ; la limite est de %2. Rien n’a été collé.</translation>
    </message>
    <message>
        <source>What you tried to paste is binary data, not text. Nothing was pasted.</source>
        <translation>Le contenu à coller est binaire, ce n’est pas du texte. Rien n’a été collé.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>F&amp;ormat</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>A&amp;rticle</translation>
    </message>
    <message>
        <source>&amp;Comments</source>
        <translation>&amp;Commentaires</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Comment</source>
        <translation>&amp;Commentaire</translation>
    </message>
    <message>
        <source>&amp;Moderation</source>
        <translation>&amp;Modération</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Barre principale</translation>
    </message>
    <message>
        <source>Moderation Desk</source>
        <translation>Bureau de modération</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Changed Elsewhere</source>
        <translation>Modifié ailleurs</translation>
    </message>
    <message>
        <source>{0} saved this article while you were editing it. Nothing is lost: compare, merge and save.</source>
        <translation>{0} a enregistré cet article pendant que vous le modifiiez. Rien n’est perdu : comparez, fusionnez et enregistrez.</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Quelqu’un</translation>
    </message>
    <message numerus="yes">
        <source>%n paragraph(s) changed on both sides are marked between &lt;&lt;&lt;&lt;&lt;&lt;&lt; and &gt;&gt;&gt;&gt;&gt;&gt;&gt;.</source>
        <translation>
            <numerusform>%n paragraphe modifié des deux côtés est signalé entre &lt;&lt;&lt;&lt;&lt;&lt;&lt; et &gt;&gt;&gt;&gt;&gt;&gt;&gt;.</numerusform>
            <numerusform>%n paragraphes modifiés des deux côtés sont signalés entre &lt;&lt;&lt;&lt;&lt;&lt;&lt; et &gt;&gt;&gt;&gt;&gt;&gt;&gt;.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two versions merge cleanly.</source>
        <translation>Les deux versions se fusionnent sans conflit.</translation>
    </message>
    <message>
        <source>Their version compared with yours</source>
        <translation>Leur version comparée à la vôtre</translation>
    </message>
    <message>
        <source>Merged text (editable)</source>
        <translation>Texte fusionné (modifiable)</translation>
    </message>
    <message>
        <source>Save Merged</source>
        <translation>Enregistrer la fusion</translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation>Garder ma version</translation>
    </message>
    <message>
        <source>Take Theirs</source>
        <translation>Prendre la leur</translation>
    </message>
    <message>
        <source>Conflicts left</source>
        <translation>Conflits restants</translation>
    </message>
    <message>
        <source>The merged text still has conflict markers. Save it anyway?</source>
        <translation>Le texte fusionné contient encore des marques de conflit. L’enregistrer quand même ?</translation>
    </message>
</context>
<context>
    <name>ModerationController</name>
    <message numerus="yes">
        <source>%n comment(s) moved to %1.</source>
        <translation>
            <numerusform>%n commentaire déplacé vers %1.</numerusform>
            <numerusform>%n commentaires déplacés vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Another program is writing to the database (an import, perhaps). The decision will be recorded as soon as it has finished.</source>
        <translation>Un autre programme écrit dans la base de données (une importation, peut-être). La décision sera enregistrée dès qu’il aura fini.</translation>
    </message>
    <message>
        <source>Not recorded: you stopped waiting for the other program.</source>
        <translation>Non enregistrée : vous avez cessé d’attendre l’autre programme.</translation>
    </message>
    <message>
        <source>The decision was not recorded</source>
        <translation>La décision n’a pas été enregistrée</translation>
    </message>
    <message numerus="yes">
        <source>Moving %n comment(s) to %1…</source>
        <translation>
            <numerusform>Déplacement de %n commentaire vers « %1 »…</numerusform>
            <numerusform>Déplacement de %n commentaires vers « %1 »…</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: %1 of %2 comments were moved (Z undoes them).</source>
        <translation>Interrompu : %1 commentaires sur %2 ont été déplacés (Z les remet en place).</translation>
    </message>
    <message numerus="yes">
        <source>Z undoes: %n moved to %1</source>
        <translation>
            <numerusform>Z annule : %n déplacé vers « %1 »</numerusform>
            <numerusform>Z annule : %n déplacés vers « %1 »</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Rien à annuler.</translation>
    </message>
    <message numerus="yes">
        <source>Undone: %n comment(s) put back.</source>
        <translation>
            <numerusform>Annulé : %n commentaire remis en place.</numerusform>
            <numerusform>Annulé : %n commentaires remis en place.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left alone: moved again since.</source>
        <translation>
            <numerusform>%n laissé tel quel : déplacé depuis.</numerusform>
            <numerusform>%n laissés tels quels : déplacés depuis.</numerusform>
        </translation>
    </message>
    <message>
        <source>The undo was not recorded</source>
        <translation>L’annulation n’a pas été enregistrée</translation>
    </message>
    <message numerus="yes">
        <source>Undoing the decision on %n comment(s)…</source>
        <translation>
            <numerusform>Annulation de la décision sur %n commentaire…</numerusform>
            <numerusform>Annulation de la décision sur %n commentaires…</numerusform>
        </translation>
    </message>
    <message>
        <source>The operation did not finish</source>
        <translation>L’opération n’a pas abouti</translation>
    </message>
</context>
<context>
    <name>ModerationDesk</name>
    <message>
        <source>Moving</source>
        <translation>Se déplacer</translation>
    </message>
    <message>
        <source>Deciding</source>
        <translation>Décider</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Files d’attente</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Marquer</translation>
    </message>
    <message>
        <source>The commenter</source>
        <translation>Le commentateur</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>Who is at the desk?</source>
        <translation>Qui êtes-vous ?</translation>
    </message>
    <message>
        <source>Your name is written on your saves and moderation decisions. It is asked once; Preferences can change it later.</source>
        <translation>Votre nom signe vos enregistrements et vos décisions de modération. Il n’est demandé qu’une fois ; les Préférences permettent de le changer ensuite.</translation>
    </message>
    <message>
        <source>First name Last name</source>
        <translation>Prénom Nom</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom :</translation>
    </message>
    <message>
        <source>&amp;Skip</source>
        <translation>&amp;Passer</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Travail en cours…</translation>
    </message>
    <message>
        <source>Waiting for the database</source>
        <translation>En attente de la base de données</translation>
    </message>
    <message>
        <source>&amp;Stop waiting</source>
        <translation>&amp;Cesser d’attendre</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
</context>
<context>
    <name>OutboxBadge</name>
    <message>
        <source>What waits for the site: click to see the list</source>
        <translation>Ce qui attend le site : cliquez pour voir la liste</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Changes for the Site</source>
        <translation>Modifications pour le site</translation>
    </message>
    <message>
        <source>Retry Refused</source>
        <translation>Réessayer les refusées</translation>
    </message>
    <message>
        <source>Dismiss Refused</source>
        <translation>Écarter les refusées</translation>
    </message>
    <message>
        <source>Put the refused changes aside: the site will not take them</source>
        <translation>Mettre de côté les modifications refusées : le site ne les acceptera pas</translation>
    </message>
    <message>
        <source>Settle…</source>
        <translation>Régler…</translation>
    </message>
    <message>
        <source>Sync Now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Nothing waits for the site.</source>
        <translation>Rien n’attend le site.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) back in the queue.</source>
        <translation>
            <numerusform>%n modification remise dans la file.</numerusform>
            <numerusform>%n modifications remises dans la file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused change(s) put aside.</source>
        <translation>
            <numerusform>%n modification refusée mise de côté.</numerusform>
            <numerusform>%n modifications refusées mises de côté.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Essais</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>(anonyme)</translation>
    </message>
    <message>
        <source>%1: comment by %2 on “%3” → %4</source>
        <translation>%1 : commentaire de %2 sur « %3 » → %4</translation>
    </message>
    <message>
        <source>%1 to %2 on “%3”</source>
        <translation>%1 à %2 sur « %3 »</translation>
    </message>
</context>
<context>
    <name>OutlineView</name>
    <message>
        <source>Outline</source>
        <translation>Plan</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <source>&amp;Language and Theme</source>
        <translation>&amp;Langue et thème</translation>
    </message>
    <message>
        <source>&amp;Shortcuts</source>
        <translation>Raccour&amp;cis</translation>
    </message>
    <message>
        <source>Journalist</source>
        <translation>Journaliste</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Secrétaire de rédaction</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> caractères</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom :</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle :</translation>
    </message>
    <message>
        <source>Your name is written on your saves and moderation decisions.</source>
        <translation>Votre nom signe vos enregistrements et vos décisions de modération.</translation>
    </message>
    <message>
        <source>New articles &amp;in:</source>
        <translation>Nouveaux articles &amp;en :</translation>
    </message>
    <message>
        <source>&amp;Autosave every:</source>
        <translation>Enregistrement &amp;automatique toutes les :</translation>
    </message>
    <message>
        <source>Check spelling in:</source>
        <translation>Vérifier l’orthographe en :</translation>
    </message>
    <message>
        <source>&amp;Focus mode column:</source>
        <translation>Colonne du mode &amp;concentration :</translation>
    </message>
    <message>
        <source>How wide the text stands in focus mode (F11), centred on the screen.</source>
        <translation>La largeur du texte en mode concentration (F11), centré à l’écran.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>Langue de l’&amp;interface :</translation>
    </message>
    <message>
        <source>Menus, dates and numbers follow this language. The window is rebuilt at once.</source>
        <translation>Les menus, les dates et les nombres suivent cette langue. La fenêtre est reconstruite aussitôt.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>The preview stops here, at {0} of the text's {1} characters.</source>
        <translation>L’aperçu s’arrête ici, à {0} des {1} caractères du texte.</translation>
    </message>
</context>
<context>
    <name>PublicLinkButton</name>
    <message>
        <source>Open in the Browser</source>
        <translation>Ouvrir dans le navigateur</translation>
    </message>
    <message>
        <source>Copy the Address</source>
        <translation>Copier l’adresse</translation>
    </message>
    <message>
        <source>Scheduled on the site</source>
        <translation>Programmé sur le site</translation>
    </message>
    <message>
        <source>On the site</source>
        <translation>Sur le site</translation>
    </message>
</context>
<context>
    <name>PublishAtDialog</name>
    <message>
        <source>Publish at a Date</source>
        <translation>Publier à une date</translation>
    </message>
    <message>
        <source>The article goes to the site now; the site shows it from this moment. A date in the past publishes it at once, dated then.</source>
        <translation>L’article part vers le site maintenant ; le site le montre à partir de ce moment. Une date passée le publie tout de suite, daté de ce jour-là.</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publier</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>(anonyme)</translation>
    </message>
    <message>
        <source>Marked for a decision on the selection (X)</source>
        <translation>Marqué pour une décision groupée (X)</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>held: duplicate of an earlier comment</source>
        <translation>retenu : doublon d’un commentaire précédent</translation>
    </message>
    <message>
        <source>approved: author previously approved</source>
        <translation>approuvé : auteur déjà approuvé</translation>
    </message>
    <message>
        <source>held: dangerous markup</source>
        <translation>retenu : balisage dangereux</translation>
    </message>
    <message>
        <source>spam: dangerous markup</source>
        <translation>indésirable : balisage dangereux</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>annulation</translation>
    </message>
    <message>
        <source>dossier: approve all pending</source>
        <translation>dossier : approbation de tous ses commentaires en attente</translation>
    </message>
    <message>
        <source>dossier: trash all</source>
        <translation>dossier : tous ses commentaires à la corbeille</translation>
    </message>
    <message>
        <source>approved with a reply</source>
        <translation>approuvé avec une réponse</translation>
    </message>
    <message>
        <source>reply from the newsroom</source>
        <translation>réponse de la rédaction</translation>
    </message>
    <message>
        <source>moderated on the site</source>
        <translation>modéré sur le site</translation>
    </message>
    <message>
        <source>kept over the site's decision</source>
        <translation>maintenu malgré la décision du site</translation>
    </message>
    <message>
        <source>held: moderation word “%1”</source>
        <translation>retenu : mot à retenir « %1 »</translation>
    </message>
    <message>
        <source>trash: blocked word “%1”</source>
        <translation>corbeille : mot bloqué « %1 »</translation>
    </message>
    <message>
        <source>trash: blocked email domain “%1”</source>
        <translation>corbeille : domaine de courriel bloqué « %1 »</translation>
    </message>
    <message>
        <source>trash: blocked email “%1”</source>
        <translation>corbeille : courriel bloqué « %1 »</translation>
    </message>
    <message>
        <source>trash: blocked IP “%1”</source>
        <translation>corbeille : adresse IP bloquée « %1 »</translation>
    </message>
    <message>
        <source>undo of decision %1</source>
        <translation>annulation de la décision %1</translation>
    </message>
    <message numerus="yes">
        <source>held: flood, another comment from the same email or IP less than %n second(s) before</source>
        <translation>
            <numerusform>retenu : rafale, un autre commentaire du même courriel ou de la même IP moins de %n seconde avant</numerusform>
            <numerusform>retenu : rafale, un autre commentaire du même courriel ou de la même IP moins de %n secondes avant</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>held: %n link(s), the limit is %1</source>
        <translation>
            <numerusform>retenu : %n lien, la limite est %1</numerusform>
            <numerusform>retenu : %n liens, la limite est %1</numerusform>
        </translation>
    </message>
    <message>
        <source>deleted on the site on %1</source>
        <translation>supprimé sur le site le %1</translation>
    </message>
</context>
<context>
    <name>RecoveryBanner</name>
    <message>
        <source>Discard Recovered Text</source>
        <translation>Abandonner le texte récupéré</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>Recovered text you had not saved, autosaved at {0}. Save to keep it.</source>
        <translation>Texte récupéré que vous n’aviez pas enregistré, sauvegardé automatiquement à {0}. Enregistrez pour le garder.</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) more than the saved version</source>
        <translation>
            <numerusform>%n mot de plus que la version enregistrée</numerusform>
            <numerusform>%n mots de plus que la version enregistrée</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) fewer than the saved version</source>
        <translation>
            <numerusform>%n mot de moins que la version enregistrée</numerusform>
            <numerusform>%n mots de moins que la version enregistrée</numerusform>
        </translation>
    </message>
    <message>
        <source>Recovered text you had not saved, autosaved at {0} ({1}). Save to keep it.</source>
        <translation>Texte récupéré que vous n’aviez pas enregistré, sauvegardé automatiquement à {0} ({1}). Enregistrez pour le garder.</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Moderation Rules</source>
        <translation>Règles de modération</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>Whole words, ignoring case and accents</source>
        <translation>Mots entiers, sans tenir compte de la casse ni des accents</translation>
    </message>
    <message>
        <source>Anywhere in a word</source>
        <translation>N’importe où dans un mot</translation>
    </message>
    <message>
        <source>Hold duplicates</source>
        <translation>Retenir les doublons</translation>
    </message>
    <message>
        <source>Approve authors already approved</source>
        <translation>Approuver les auteurs déjà approuvés</translation>
    </message>
    <message>
        <source>Hold comments with this many links:</source>
        <translation>Retenir les commentaires ayant au moins ce nombre de liens :</translation>
    </message>
    <message>
        <source>Hold a comment sent within:</source>
        <translation>Retenir un commentaire envoyé dans un délai de :</translation>
    </message>
    <message>
        <source>Words match:</source>
        <translation>Les mots correspondent :</translation>
    </message>
    <message>
        <source>Hold for a moderator</source>
        <translation>Retenir pour un modérateur</translation>
    </message>
    <message>
        <source>Mark as spam</source>
        <translation>Classer en indésirable</translation>
    </message>
    <message>
        <source>Let it through</source>
        <translation>Laisser passer</translation>
    </message>
    <message>
        <source>Scripts, event handlers, javascript: links, invisible or direction-changing characters. The comment is always shown as plain text.</source>
        <translation>Scripts, gestionnaires d’événements, liens javascript:, caractères invisibles ou qui inversent le sens du texte. Le commentaire est toujours affiché en texte brut.</translation>
    </message>
    <message>
        <source>Dangerous markup:</source>
        <translation>Balisage dangereux :</translation>
    </message>
    <message>
        <source>Hold words</source>
        <translation>Mots à retenir</translation>
    </message>
    <message>
        <source>One word or phrase a line: the comment waits.</source>
        <translation>Un mot ou une expression par ligne : le commentaire attend.</translation>
    </message>
    <message>
        <source>Blocked words</source>
        <translation>Mots bloqués</translation>
    </message>
    <message>
        <source>One word or phrase a line: to the trash.</source>
        <translation>Un mot ou une expression par ligne : à la corbeille.</translation>
    </message>
    <message>
        <source>Blocked emails</source>
        <translation>Courriels bloqués</translation>
    </message>
    <message>
        <source>One address a line: to the trash.</source>
        <translation>Une adresse par ligne : à la corbeille.</translation>
    </message>
    <message>
        <source>Blocked domains</source>
        <translation>Domaines bloqués</translation>
    </message>
    <message>
        <source>example.com blocks its addresses and subdomains.</source>
        <translation>example.com bloque ses adresses et ses sous-domaines.</translation>
    </message>
    <message>
        <source>Blocked IPs</source>
        <translation>IP bloquées</translation>
    </message>
    <message>
        <source>10.0.0.7, 10.0.0.0/8 or a prefix like 10.0.</source>
        <translation>10.0.0.7, 10.0.0.0/8 ou un préfixe comme 10.0.</translation>
    </message>
    <message>
        <source>Dry Run on the Pending Queue</source>
        <translation>Essai à blanc sur la file en attente</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Save and Apply to Pending</source>
        <translation>Enregistrer et appliquer à la file en attente</translation>
    </message>
    <message>
        <source>The rules cannot be used</source>
        <translation>Les règles ne peuvent pas être utilisées</translation>
    </message>
    <message>
        <source>Trying the rules on the pending queue…</source>
        <translation>Essai des règles sur la file en attente…</translation>
    </message>
    <message>
        <source>Dry run stopped.</source>
        <translation>Essai à blanc interrompu.</translation>
    </message>
    <message>
        <source>Of %1 pending comments, these rules would hold %2, send %3 to the trash and approve %4; %5 would wait without a reason. Nothing has been changed yet.</source>
        <translation>Sur %1 commentaires en attente, ces règles en retiendraient %2, en mettraient %3 à la corbeille et en approuveraient %4 ; %5 attendraient sans motif. Rien n’a encore été modifié.</translation>
    </message>
    <message>
        <source>The rules were not saved</source>
        <translation>Les règles n’ont pas été enregistrées</translation>
    </message>
    <message>
        <source>Applying the rules to the pending queue…</source>
        <translation>Application des règles à la file en attente…</translation>
    </message>
</context>
<context>
    <name>ShortcutEditor</name>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>Reset Selected</source>
        <translation>Rétablir la sélection</translation>
    </message>
    <message>
        <source>Reset All</source>
        <translation>Tout rétablir</translation>
    </message>
    <message>
        <source>Click a shortcut, then press the new keys. Empty means no shortcut.</source>
        <translation>Cliquez sur un raccourci, puis appuyez sur les nouvelles touches. Vide : pas de raccourci.</translation>
    </message>
    <message>
        <source>{0} is kept for editing text (copy, paste, undo…). Choose another shortcut.</source>
        <translation>{0} est réservé à l’édition du texte (copier, coller, annuler…). Choisissez un autre raccourci.</translation>
    </message>
    <message>
        <source>{0} is already the shortcut of “{1}”. Choose another one, or change that one first.</source>
        <translation>{0} est déjà le raccourci de « {1} ». Choisissez-en un autre, ou modifiez d’abord celui-là.</translation>
    </message>
</context>
<context>
    <name>ShortcutOverlay</name>
    <message>
        <source>Keyboard shortcuts of the moderation desk</source>
        <translation>Raccourcis clavier du bureau de modération</translation>
    </message>
    <message>
        <source>Press any key to close</source>
        <translation>Appuyez sur une touche pour fermer</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Search commands and keys</source>
        <translation>Chercher une commande ou une touche</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <source>No command matches.</source>
        <translation>Aucune commande ne correspond.</translation>
    </message>
</context>
<context>
    <name>Site</name>
    <message>
        <source>The site cannot be reached.</source>
        <translation>Le site est injoignable.</translation>
    </message>
    <message>
        <source>The site failed to answer.</source>
        <translation>Le site n’a pas su répondre.</translation>
    </message>
    <message>
        <source>The site asks to wait before trying again.</source>
        <translation>Le site demande d’attendre avant de réessayer.</translation>
    </message>
    <message>
        <source>The site sent an answer that cannot be used.</source>
        <translation>Le site a envoyé une réponse inutilisable.</translation>
    </message>
    <message>
        <source>The site sends the request elsewhere.</source>
        <translation>Le site renvoie la demande ailleurs.</translation>
    </message>
    <message>
        <source>This is not a WordPress site.</source>
        <translation>Ce n’est pas un site WordPress.</translation>
    </message>
    <message>
        <source>The site's REST API is switched off.</source>
        <translation>L’API REST du site est désactivée.</translation>
    </message>
    <message>
        <source>The site refused the user name or the password.</source>
        <translation>Le site a refusé le nom d’utilisateur ou le mot de passe.</translation>
    </message>
    <message>
        <source>This is not allowed.</source>
        <translation>Ce n’est pas permis.</translation>
    </message>
    <message>
        <source>The application password is missing.</source>
        <translation>Le mot de passe d’application manque.</translation>
    </message>
    <message>
        <source>No site is connected.</source>
        <translation>Aucun site n’est connecté.</translation>
    </message>
    <message>
        <source>The site could not be used.</source>
        <translation>Le site n’a pas pu être utilisé.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting for the site</source>
        <translation>
            <numerusform>%n modification en attente pour le site</numerusform>
            <numerusform>%n modifications en attente pour le site</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to settle</source>
        <translation>
            <numerusform>%n à régler</numerusform>
            <numerusform>%n à régler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused by the site</source>
        <translation>
            <numerusform>%n refusée par le site</numerusform>
            <numerusform>%n refusées par le site</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) sent</source>
        <translation>
            <numerusform>%n modification envoyée</numerusform>
            <numerusform>%n modifications envoyées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new comment(s)</source>
        <translation>
            <numerusform>%n nouveau commentaire</numerusform>
            <numerusform>%n nouveaux commentaires</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) moderated on the site</source>
        <translation>
            <numerusform>%n commentaire modéré sur le site</numerusform>
            <numerusform>%n commentaires modérés sur le site</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) deleted on the site</source>
        <translation>
            <numerusform>%n commentaire supprimé du site</numerusform>
            <numerusform>%n commentaires supprimés du site</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to settle</source>
        <translation>
            <numerusform>%n conflit à régler</numerusform>
            <numerusform>%n conflits à régler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the site</source>
        <translation>
            <numerusform>%n modification refusée par le site</numerusform>
            <numerusform>%n modifications refusées par le site</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) still waiting</source>
        <translation>
            <numerusform>%n modification toujours en attente</numerusform>
            <numerusform>%n modifications toujours en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>stopped before the end</source>
        <translation>arrêtée avant la fin</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>rien de nouveau</translation>
    </message>
    <message>
        <source>Synced with %1: %2.</source>
        <translation>Synchronisé avec %1 : %2.</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Synchronisation impossible : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) kept for the next sync.</source>
        <translation>
            <numerusform>%n modification gardée pour la prochaine synchronisation.</numerusform>
            <numerusform>%n modifications gardées pour la prochaine synchronisation.</numerusform>
        </translation>
    </message>
    <message>
        <source>The password comes from $REDACTION_SITE_PASSWORD; it is stored nowhere.</source>
        <translation>Le mot de passe vient de $REDACTION_SITE_PASSWORD ; il n’est enregistré nulle part.</translation>
    </message>
    <message>
        <source>The password is kept in the system keyring.</source>
        <translation>Le mot de passe est gardé dans le trousseau du système.</translation>
    </message>
    <message>
        <source>The password is kept for this session only, never written to disk.</source>
        <translation>Le mot de passe est gardé pour cette session seulement, jamais écrit sur le disque.</translation>
    </message>
    <message>
        <source>No password in this session: type it below to sync.</source>
        <translation>Pas de mot de passe dans cette session : tapez-le ci-dessous pour synchroniser.</translation>
    </message>
    <message>
        <source>publish posts</source>
        <translation>publier des articles</translation>
    </message>
    <message>
        <source>moderate comments</source>
        <translation>modérer les commentaires</translation>
    </message>
    <message>
        <source>upload images</source>
        <translation>envoyer des images</translation>
    </message>
    <message>
        <source>create categories</source>
        <translation>créer des catégories</translation>
    </message>
    <message>
        <source>May %1</source>
        <translation>Peut %1</translation>
    </message>
    <message>
        <source>may not %1</source>
        <translation>ne peut pas %1</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publier</translation>
    </message>
    <message>
        <source>Unpublish</source>
        <translation>Retrait</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>To settle</source>
        <translation>À régler</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusée</translation>
    </message>
</context>
<context>
    <name>SiteControls</name>
    <message>
        <source>A sync is already running.</source>
        <translation>Une synchronisation est déjà en cours.</translation>
    </message>
    <message>
        <source>Public address: %1</source>
        <translation>Adresse publique : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) published on the site.</source>
        <translation>
            <numerusform>%n article publié sur le site.</numerusform>
            <numerusform>%n articles publiés sur le site.</numerusform>
        </translation>
    </message>
    <message>
        <source>Click the waiting changes to settle them.</source>
        <translation>Cliquez sur les modifications en attente pour les régler.</translation>
    </message>
</context>
<context>
    <name>SiteDialog</name>
    <message>
        <source>The Newsroom's Site</source>
        <translation>Le site de la rédaction</translation>
    </message>
    <message>
        <source>WordPress: Users ▸ Profile ▸ Application Passwords</source>
        <translation>WordPress : Comptes ▸ Profil ▸ Mots de passe d’application</translation>
    </message>
    <message>
        <source>Remember the password in the system keyring</source>
        <translation>Retenir le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <source>This computer has no system keyring: the password is kept for this session only.</source>
        <translation>Cet ordinateur n’a pas de trousseau système : le mot de passe est gardé pour cette session seulement.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connecter</translation>
    </message>
    <message>
        <source>Site address:</source>
        <translation>Adresse du site :</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nom d’utilisateur :</translation>
    </message>
    <message>
        <source>Application password:</source>
        <translation>Mot de passe d’application :</translation>
    </message>
    <message>
        <source>The database cannot be read.</source>
        <translation>La base de données est illisible.</translation>
    </message>
    <message>
        <source>Connect the newsroom's WordPress site</source>
        <translation>Connecter le site WordPress de la rédaction</translation>
    </message>
    <message>
        <source>Connect again, or another site</source>
        <translation>Se reconnecter, ou connecter un autre site</translation>
    </message>
    <message>
        <source>Connect Again</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <source>Checking the site…</source>
        <translation>Vérification du site…</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Connecté à %1.</translation>
    </message>
    <message>
        <source>The site could not be connected.</source>
        <translation>Le site n’a pas pu être connecté.</translation>
    </message>
    <message>
        <source>Changes still wait for the site: sync them first.</source>
        <translation>Des modifications attendent encore le site : synchronisez d’abord.</translation>
    </message>
    <message>
        <source>The site was not disconnected.</source>
        <translation>Le site n’a pas été déconnecté.</translation>
    </message>
    <message>
        <source>The site is disconnected.</source>
        <translation>Le site est déconnecté.</translation>
    </message>
</context>
<context>
    <name>SiteMergeDialog</name>
    <message>
        <source>Changed on the Site</source>
        <translation>Modifié sur le site</translation>
    </message>
    <message>
        <source>“%1” was edited on the site %2 since it was published from here. Nothing was overwritten: compare, merge, and publish the merged text — or take the site's.</source>
        <translation>« %1 » a été modifié sur le site %2 depuis sa publication depuis ici. Rien n’a été écrasé : comparez, fusionnez et publiez le texte fusionné — ou prenez celui du site.</translation>
    </message>
    <message>
        <source>Keep the Site's Version</source>
        <translation>Garder la version du site</translation>
    </message>
    <message>
        <source>Publish Merged</source>
        <translation>Publier la fusion</translation>
    </message>
    <message>
        <source>Publish Mine</source>
        <translation>Publier la mienne</translation>
    </message>
</context>
<context>
    <name>SitePanel</name>
    <message>
        <source>Connected site</source>
        <translation>Site connecté</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <source>Rights:</source>
        <translation>Droits :</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>Dernière synchro :</translation>
    </message>
    <message>
        <source>Waiting:</source>
        <translation>En attente :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Sync Now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Waiting Changes…</source>
        <translation>Modifications en attente…</translation>
    </message>
    <message>
        <source>Disconnect…</source>
        <translation>Déconnecter…</translation>
    </message>
    <message>
        <source>Forget this site here? Articles and comments stay; the password is forgotten and which post is which article is no longer known.</source>
        <translation>Oublier ce site ici ? Les articles et les commentaires restent ; le mot de passe est oublié, et le lien entre articles et billets du site est perdu.</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Stay Connected</source>
        <translation>Rester connecté</translation>
    </message>
    <message>
        <source>nothing waits for the site</source>
        <translation>rien n’attend le site</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
</context>
<context>
    <name>SitePublishing</name>
    <message>
        <source>The article was not published</source>
        <translation>L’article n’a pas été publié</translation>
    </message>
    <message>
        <source>Scheduled for %1; sending it to the site…</source>
        <translation>Programmé pour le %1 ; envoi au site…</translation>
    </message>
    <message>
        <source>Published here; sending it to the site…</source>
        <translation>Publié ici ; envoi au site…</translation>
    </message>
    <message>
        <source>No site is connected: File ▸ Site… connects one.</source>
        <translation>Aucun site n’est connecté : Fichier ▸ Site web… en connecte un.</translation>
    </message>
    <message>
        <source>The article was not unpublished</source>
        <translation>L’article n’a pas été retiré</translation>
    </message>
    <message>
        <source>Back to draft here; taking it off the site…</source>
        <translation>Retour en brouillon ici ; retrait du site…</translation>
    </message>
</context>
<context>
    <name>SpellingMenu</name>
    <message>
        <source>No suggestions</source>
        <translation>Aucune suggestion</translation>
    </message>
    <message>
        <source>&amp;Add “%1” to Dictionary</source>
        <translation>Ajouter « %1 » au &amp;dictionnaire</translation>
    </message>
    <message>
        <source>&amp;Ignore “%1”</source>
        <translation>I&amp;gnorer « %1 »</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Syncing with the site…</source>
        <translation>Synchronisation avec le site…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the sync; what was sent stays sent</source>
        <translation>Arrêter la synchronisation ; ce qui est envoyé reste envoyé</translation>
    </message>
    <message>
        <source>Stopping the sync…</source>
        <translation>Arrêt de la synchronisation…</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Length Target</source>
        <translation>Calibrage</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>Aucun calibrage</translation>
    </message>
    <message>
        <source>signs (characters with spaces)</source>
        <translation>signes (espaces comprises)</translation>
    </message>
    <message>
        <source>words</source>
        <translation>mots</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>&amp;Longueur</translation>
    </message>
    <message>
        <source>&amp;Counted in</source>
        <translation>&amp;Compter en</translation>
    </message>
</context>
<context>
    <name>TargetGauge</name>
    <message>
        <source>signs</source>
        <translation>signes</translation>
    </message>
    <message>
        <source>words</source>
        <translation>mots</translation>
    </message>
    <message>
        <source>{0} over the target</source>
        <translation>{0} au-delà du calibrage</translation>
    </message>
    <message>
        <source>{0} to go</source>
        <translation>Encore {0}</translation>
    </message>
</context>
<context>
    <name>WritingCommands</name>
    <message>
        <source>House Rules</source>
        <translation>Règles maison</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Another program is writing to the database (an import, perhaps). The merged article will be saved as soon as it has finished.</source>
        <translation>Un autre programme écrit dans la base de données (une importation, peut-être). L’article fusionné sera enregistré dès qu’il aura fini.</translation>
    </message>
    <message>
        <source>The article was not saved</source>
        <translation>L’article n’a pas été enregistré</translation>
    </message>
    <message>
        <source>Cannot read the history</source>
        <translation>Impossible de lire l’historique</translation>
    </message>
    <message>
        <source>The target was not saved</source>
        <translation>Le calibrage n’a pas été enregistré</translation>
    </message>
    <message numerus="yes">
        <source>Typography: %n line(s) corrected.</source>
        <translation>
            <numerusform>Typographie : %n ligne corrigée.</numerusform>
            <numerusform>Typographie : %n lignes corrigées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Typography: nothing to correct.</source>
        <translation>Typographie : rien à corriger.</translation>
    </message>
    <message>
        <source>The article cannot be ready yet: fix the listed problems.</source>
        <translation>L’article ne peut pas encore être prêt : corrigez les problèmes listés.</translation>
    </message>
    <message>
        <source>Cannot read the house rules</source>
        <translation>Impossible de lire les règles maison</translation>
    </message>
    <message>
        <source>The house rules were not saved</source>
        <translation>Les règles maison n’ont pas été enregistrées</translation>
    </message>
</context>
</TS>