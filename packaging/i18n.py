"""Extract, check and compile redaction's translations. One command per step:

    python packaging/i18n.py update    # re-extract every UI string from src/redaction into
                                       # resources/translations/*.ts, keeping the translations
    python packaging/i18n.py todo      # list the messages still to translate
    python packaging/i18n.py check     # exit 1 if a string is not extracted, not translated, or
                                       # its translation lost a placeholder ({0}, %1, %n)
    python packaging/i18n.py compile   # .ts -> .qm beside them (packaging/build.sh does this too)

After ``update``, translate the new entries (Qt Linguist: ``pyside6-linguist
resources/translations/redaction_fr.ts``, or edit the XML), then run ``check``. The test
``tests/ui/test_i18n.py::test_every_string_is_extracted_and_translated`` runs ``check``.

``redaction_fr.ts`` holds every message; ``redaction_en.ts`` holds only the plural messages
(``-pluralonly``), so that English says "1 comment" and "2 comments" from "%n comment(s)".
Locations are not stored (``-locations none``): line numbers would change with every edit of
the code and make every branch conflict on the .ts file; the context (class name) stays.

pyside6-lupdate extracts ``self.tr("…")``, ``SomeClass.tr("…")`` and ``translate("Context",
"…")`` / ``QCoreApplication.translate("Context", "…")`` / ``t("Context", "…")`` (with ``t =
QCoreApplication.translate``) with literal strings. It cannot see a string passed through a
one-argument helper (``_tr(text)``), ``parent.tr(…)`` (filed under the context "parent") or a
string built at run time; ``check`` flags each such call with its file and line.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "redaction"
TRANSLATIONS = ROOT / "resources" / "translations"
FULL_LANGUAGES = ("fr",)  # every message translated
PLURAL_ONLY = ("en",)  # the source language: only plural forms
TRANSLATE_ALIAS = "t"  # t = QCoreApplication.translate; t("Context", "...") is extracted too
PLACEHOLDER = re.compile(r"\{\d*\}|%n|%L?\d")

sys.path.insert(0, str(ROOT / "src"))
from redaction.qmfile import TsMessage, compile_file, read_ts  # noqa: E402


def tool(name: str) -> str:
    """A Qt tool from the running interpreter's environment, else from PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / f"pyside6-{name}", here / f"pyside6-{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        sys.exit(f"i18n.py: pyside6-{name} not found: install PySide6 in this environment")
    return found


def ts_files() -> list[tuple[Path, bool]]:
    """(path, plural_only) for every translation we maintain."""
    return [(TRANSLATIONS / f"redaction_{lang}.ts", False) for lang in FULL_LANGUAGES] + [
        (TRANSLATIONS / f"redaction_{lang}.ts", True) for lang in PLURAL_ONLY
    ]


def lupdate(ts: Path, plural_only: bool) -> None:
    language = ts.stem.split("_", 1)[1]
    args = [tool("lupdate"), "-silent", "-extensions", "py", "-recursive", "-no-obsolete"]
    args += ["-locations", "none", "-source-language", "en", "-target-language", language]
    args += ["-tr-function-alias", f"translate+={TRANSLATE_ALIAS}"]
    if plural_only:
        args.append("-pluralonly")
    subprocess.run([*args, str(SOURCES), "-ts", str(ts)], check=True)


def unfinished(message: TsMessage) -> bool:
    return message.kind == "unfinished" or not all(message.translations)


def placeholder_problems(message: TsMessage) -> list[str]:
    expected = sorted(set(PLACEHOLDER.findall(message.source)))
    problems = []
    for form in message.translations:
        found = sorted(set(PLACEHOLDER.findall(form)))
        # A singular form may spell the number out ("un commentaire"), so %n may go missing there.
        if message.numerus and form is message.translations[0] and "%n" not in found:
            found = sorted({*found, "%n"} & set(expected)) if "%n" in expected else found
        if found != expected:
            problems.append(f"placeholders {expected} became {found} in {form!r}")
        if "&" in message.source.replace("&&", "") and "&" not in form.replace("&&", ""):
            problems.append(f"the keyboard accelerator (&) is missing in {form!r}")
    return problems


def _translation_call(node: ast.AST) -> ast.expr | None:
    """The text argument of a tr()/translate() call, else None."""
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    index = {"tr": 0, "translate": 1}.get(name)
    if index is None or len(node.args) <= index or (name == "translate" and not _is_translate(func)):
        return None
    return node.args[index]


def helper_calls() -> list[str]:
    """Strings lupdate cannot extract: tr()/translate() of a variable, typically inside a helper
    such as ``def _tr(text): return QCoreApplication.translate("Ctx", text)``, and every call of
    such a helper."""
    found = []
    for path in sorted(SOURCES.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        relative = path.relative_to(ROOT)
        helpers = set()
        for node in ast.walk(tree):
            text = _translation_call(node)
            if text is not None and not isinstance(text, ast.Constant):
                found.append(f"{relative}:{node.lineno}: tr/translate of a variable is invisible to lupdate")
            func = getattr(node, "func", None)
            if (
                text is not None
                and isinstance(func, ast.Attribute)
                and func.attr == "tr"
                and isinstance(func.value, ast.Name)
                and func.value.id not in ("self", "cls")
                and func.value.id[:1].islower()
            ):
                # lupdate files parent.tr("x") under the context "parent"; at run time the context
                # is the class of the object, so the translation is never found.
                found.append(
                    f"{relative}:{node.lineno}: {func.value.id}.tr(...) is extracted under the context "
                    f"'{func.value.id}'; use self.tr or translate(\"ClassName\", ...)"
                )
        for node in ast.walk(tree):
            # t = QCoreApplication.translate: lupdate knows only the names translate and tr.
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr in ("translate", "tr")
            ):
                helpers.update(
                    t.id
                    for t in node.targets
                    if isinstance(t, ast.Name) and t.id not in ("translate", "tr", TRANSLATE_ALIAS)
                )
            if isinstance(node, ast.FunctionDef) and any(
                (t := _translation_call(n)) is not None and not isinstance(t, ast.Constant)
                for n in ast.walk(node)
            ):
                helpers.add(node.name)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in helpers:
                found.append(
                    f"{relative}:{node.lineno}: {node.func.id}(...) hides its string from lupdate; "
                    'write translate("Context", "...") or self.tr("...") at the call'
                )
    return found


def _is_translate(func: ast.expr) -> bool:
    # translate(...) or QCoreApplication.translate(...), not str.translate(table)
    return isinstance(func, ast.Name) or (
        isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id.startswith("Q")
    )


def cmd_update(_args: argparse.Namespace) -> int:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for ts, plural_only in ts_files():
        lupdate(ts, plural_only)
        messages = read_ts(ts).messages
        todo = sum(unfinished(m) for m in messages)
        print(f"{ts.relative_to(ROOT)}: {len(messages)} messages, {todo} to translate")
    return 0


def cmd_todo(_args: argparse.Namespace) -> int:
    for ts, _plural_only in ts_files():
        for m in read_ts(ts).messages:
            if unfinished(m):
                print(f"{ts.name}\t{m.context}\t{m.source!r}" + (f"\t({m.comment})" if m.comment else ""))
    return 0


def cmd_check(_args: argparse.Namespace) -> int:
    problems = helper_calls()
    with tempfile.TemporaryDirectory() as tmp:
        for ts, plural_only in ts_files():
            if not ts.is_file():
                problems.append(f"{ts.relative_to(ROOT)} is missing: run `python packaging/i18n.py update`")
                continue
            committed = {(m.context, m.source, m.comment) for m in read_ts(ts).messages}
            fresh = Path(tmp) / ts.name
            shutil.copy(ts, fresh)
            lupdate(fresh, plural_only)
            for m in read_ts(fresh).messages:
                label = f"{ts.name}: [{m.context}] {m.source!r}"
                if (m.context, m.source, m.comment) not in committed:
                    problems.append(f"{label} is not extracted yet: run `python packaging/i18n.py update`")
                elif unfinished(m):
                    problems.append(f"{label} is not translated")
                else:
                    problems += [f"{label}: {p}" for p in placeholder_problems(m)]
    for problem in problems:
        print(problem)
    print(f"i18n check: {len(problems)} problem(s)" if problems else "i18n check: every string is translated")
    return 1 if problems else 0


def cmd_compile(_args: argparse.Namespace) -> int:
    lrelease = shutil.which("pyside6-lrelease") or None
    for ts, _plural_only in ts_files():
        qm = ts.with_suffix(".qm")
        if lrelease:
            subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
        else:
            compile_file(ts, qm)
        print(f"{qm.relative_to(ROOT)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = {"update": cmd_update, "todo": cmd_todo, "check": cmd_check, "compile": cmd_compile}
    parser.add_argument("command", choices=commands)
    args = parser.parse_args(argv)
    return commands[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
