"""The newsroom's WordPress site in the window (issue 10): File ▸ Site…, Sync (F9, the toolbar
and in the background), publishing and unpublishing from the Article menu, "N changes waiting
for the site" in the status bar, and settling conflicts. :mod:`.controls` composes it for the
main window; the work is done by :mod:`redaction.services.site`, on worker threads.
"""
