"""What can go wrong with the site, each as one sentence a person can act on.

Every error raised by the site services is a :class:`SiteError` whose ``str()`` is one line
naming the site (and the request, where that helps) and the reason. Those the person can fix by
typing something else — an address that is not a WordPress site, a refused password, a user
without the rights — are also :class:`RefusedError` (the command line exits 2 for them, 1 for
the others). ``transient`` tells the outbox whether trying again later may succeed.
"""

from __future__ import annotations

from redaction.services.errors import RefusedError


class SiteError(Exception):
    """Something went wrong with the site; nothing was half-written locally."""

    transient = False  # True: the site may answer later (network, 5xx, rate limit)


class NotConnectedError(SiteError, RefusedError):
    """No site is connected to this database."""


class SiteUnreachableError(SiteError):
    """No answer: no network, connection refused, DNS, timeout."""

    transient = True


class SiteServerError(SiteError):
    """The site answered 5xx (after the retries)."""

    transient = True


class SiteRateLimitedError(SiteError):
    """The site answered 429 and asked to wait longer than we will."""

    transient = True


class SiteBadResponseError(SiteError):
    """An answer we cannot use: an HTML page, broken JSON, invalid UTF-8, far too big."""

    transient = True  # typically a broken plugin or proxy; a later sync may fare better


class SiteTooLargeError(SiteBadResponseError):
    """The answer was bigger than :data:`redaction.services.site.http.MAX_RESPONSE_BYTES`."""


class SiteRedirectError(SiteError):
    """The site sent us elsewhere (another address, or its login page)."""


class SiteLoginRedirectError(SiteRedirectError):
    """The site redirected an API request to its login page."""


class NotWordPressError(SiteError, RefusedError):
    """The address answers, but it is not a WordPress site."""


class RestDisabledError(SiteError):
    """A WordPress site whose REST API is switched off or blocked."""


class BadCredentialsError(SiteError, RefusedError):
    """The site refused the user name or the application password."""


class NotAllowedError(SiteError, RefusedError):
    """The user may not do what redaction needs (publish, moderate), or this one request."""


class SiteNotFoundError(SiteError):
    """A post, comment or media item the site no longer has (404)."""


class SiteRejectedError(SiteError):
    """The site refused a request as invalid (4xx other than the above)."""

    def __init__(self, message: str, code: str = "", data: object = None) -> None:
        super().__init__(message)
        self.code = code
        self.data = data


class NoPasswordError(SiteError, RefusedError):
    """No application password: not in the environment, not in a keyring, none typed."""
