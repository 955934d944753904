"""Replaces PyInstaller's hook for PySide6.QtGui: the same collection, minus the plugins that
``qt_trim`` drops, removed here so that PyInstaller never follows their library dependencies."""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies
from qt_trim import keep_entry  # on sys.path: redaction.spec puts packaging/ there

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [entry for entry in binaries if keep_entry(entry)]
datas = [entry for entry in datas if keep_entry(entry)]
