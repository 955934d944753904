"""Moderating reader comments: per-article lists and the status move every decision goes through
(``comments``), the desk's queue and bulk decisions (``queue``), a comment in full (``detail``),
a commenter's dossier, the audit log, dashboard figures, rules, and comments arriving in bulk
(``incoming``)."""
