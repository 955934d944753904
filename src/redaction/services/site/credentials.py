"""Where the site's application password comes from, and where it is kept.

Never in the database, never in Qt's settings. In order:

1. ``$REDACTION_SITE_PASSWORD``, when set (scripts, CI): used as it is, stored nowhere;
2. the system keyring through the ``keyring`` package — Secret Service (GNOME Keyring, KWallet)
   on Linux, the Keychain on macOS, the Credential Manager on Windows — under the service name
   ``redaction`` and the account ``USER@SITE`` (``admin@courrier.example``);
3. otherwise the caller asks the person (the command line prompts without echo; the window shows
   a password field) and may keep it in this process's memory for the session (:func:`remember`).

Where no keyring backend exists (a server without a desktop session), nothing is written to disk:
the password must come from the environment or be typed again in each new process. We do not
fall back to a plain-text file: a file readable by the user is what the keyring is there to avoid.
"""

from __future__ import annotations

import contextlib
import os

import keyring
from keyring.errors import KeyringError

from redaction.services.exchange.wxr_read import site_key

ENV_VAR = "REDACTION_SITE_PASSWORD"
SERVICE = "redaction"

_memory: dict[str, str] = {}


def account(url: str, user: str) -> str:
    """The keyring account name of ``user`` on the site at ``url``."""
    return f"{user}@{site_key(url)}"


def keyring_available() -> bool:
    """Whether this machine has a real keyring backend (not the "fail" or null one)."""
    try:
        backend = keyring.get_keyring()
    except Exception:
        return False
    # keyring's placeholders when nothing usable was found have priority 0 or less.
    return float(getattr(backend, "priority", 0) or 0) > 0 and "fail" not in type(backend).__module__


def find_password(url: str, user: str) -> str | None:
    """The password from the environment, this session's memory or the keyring; None if nowhere."""
    env = os.environ.get(ENV_VAR)
    if env:
        return env
    key = account(url, user)
    if key in _memory:
        return _memory[key]
    if not keyring_available():
        return None
    try:
        return keyring.get_password(SERVICE, key)
    except KeyringError:
        return None


def remember(url: str, user: str, password: str) -> None:
    """Keep ``password`` in this process's memory until it exits (no keyring here)."""
    _memory[account(url, user)] = password


def store_password(url: str, user: str, password: str) -> str:
    """Keep ``password`` for later sessions; returns where, in words, for the person.

    From the environment: not stored (it is already where it comes from). Otherwise in the
    system keyring when there is one, else only in this process's memory."""
    remember(url, user, password)
    if os.environ.get(ENV_VAR) == password:
        return f"not stored: it comes from ${ENV_VAR}"
    if keyring_available():
        try:
            keyring.set_password(SERVICE, account(url, user), password)
        except KeyringError as exc:
            return f"not stored: the system keyring refused it ({exc}); set ${ENV_VAR} or type it each time"
        return f"in the system keyring ({type(keyring.get_keyring()).__name__}), as {account(url, user)}"
    return f"not stored: this machine has no system keyring; set ${ENV_VAR} or type it each time"


def forget_password(url: str, user: str) -> None:
    """Remove the password from this session's memory and from the keyring."""
    _memory.pop(account(url, user), None)
    if keyring_available():
        with contextlib.suppress(KeyringError):  # it was not there
            keyring.delete_password(SERVICE, account(url, user))


def password_source(url: str, user: str) -> str:
    """Where :func:`find_password` finds the password now, for the window to say: ``"environment"``,
    ``"session"`` (typed in this process, no keyring), ``"keyring"``, or ``""`` (nowhere: it must
    be typed again)."""
    if os.environ.get(ENV_VAR):
        return "environment"
    if keyring_available():
        with contextlib.suppress(KeyringError):
            if keyring.get_password(SERVICE, account(url, user)):
                return "keyring"
    return "session" if account(url, user) in _memory else ""
