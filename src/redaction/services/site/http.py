"""The HTTP side of the site: WordPress's REST API through httpx, answers checked before use.

Contract: :class:`SiteClient` sends one request and returns an :class:`Answer` holding parsed
JSON, or raises a :class:`~redaction.services.site.errors.SiteError` whose message is one line
naming the site, the request and the reason. Nothing it returns is half-read:

- network errors and 5xx answers are retried with back-off (:data:`RETRY_DELAYS`), but a request
  that may have reached the site (anything but a refused connection) is retried only when it
  is safe to send twice (GET, or ``idempotent=True``);
- 429 waits for ``Retry-After`` (up to :data:`MAX_RETRY_AFTER` seconds), then tries again;
- redirects are never followed: a login page, or another address, is named in the error;
- an HTML page where JSON was expected (a PHP fatal error, a maintenance page, a proxy), broken
  JSON, invalid UTF-8 and answers over :data:`MAX_RESPONSE_BYTES` (read as a stream, so a 50 MB
  answer is cut off, not loaded) are each a :class:`SiteBadResponseError`.

The client is safe to share between threads (:meth:`SiteClient.map` sends requests side by side
on several connections, for endpoints WordPress cannot batch).
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from html import unescape
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx

from redaction import __version__
from redaction.services.site import errors

MAX_RESPONSE_BYTES = 16 * 1024 * 1024
RETRY_DELAYS: tuple[float, ...] = (0.5, 1.5)  # before the 2nd and 3rd attempts
MAX_RETRY_AFTER = 30.0
TIMEOUT = httpx.Timeout(30.0, connect=5.0)
CONNECTIONS = 6
USER_AGENT = f"redaction/{__version__}"

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Answer:
    """A successful answer: status, parsed JSON and headers."""

    status: int
    data: Any
    headers: httpx.Headers

    @property
    def total(self) -> int | None:
        """``X-WP-Total``: how many items the whole collection holds (all pages)."""
        return _int_header(self.headers, "X-WP-Total")

    @property
    def total_pages(self) -> int | None:
        return _int_header(self.headers, "X-WP-TotalPages")


def _int_header(headers: httpx.Headers, name: str) -> int | None:
    try:
        return int(headers[name])
    except (KeyError, ValueError):
        return None


class SiteClient:
    """Requests to one site's REST API, authenticated with an application password."""

    def __init__(
        self,
        api_root: str,
        user: str = "",
        password: str = "",
        *,
        label: str | None = None,
        timeout: httpx.Timeout = TIMEOUT,
        connections: int = CONNECTIONS,
    ) -> None:
        self.api_root = api_root
        self.label = label or _origin(api_root)
        self.connections = connections
        self.sent = 0  # requests sent, retries included (benchmarks print it)
        self._lock = threading.Lock()
        self._client = httpx.Client(
            auth=httpx.BasicAuth(user, password) if user else None,
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
        )

    def __enter__(self) -> SiteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # -- requests -----------------------------------------------------------------------------------
    def get(self, route: str, params: dict[str, Any] | None = None) -> Answer:
        return self.request("GET", route, params=params, idempotent=True)

    def post(
        self,
        route: str,
        body: Any = None,
        *,
        params: dict[str, Any] | None = None,
        idempotent: bool = False,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        return self.request(
            "POST", route, params=params, body=body, content=content, headers=headers, idempotent=idempotent
        )

    def delete(self, route: str, params: dict[str, Any] | None = None) -> Answer:
        return self.request("DELETE", route, params=params, idempotent=True)

    def map(self, call: Callable[[T], R], items: Iterable[T]) -> list[R]:
        """``call`` over ``items`` on several connections at once; results in order. The first
        error is raised once every call has finished (none is left running)."""
        items = list(items)
        if len(items) <= 1:
            return [call(item) for item in items]
        with ThreadPoolExecutor(max_workers=min(self.connections, len(items))) as pool:
            futures = [pool.submit(call, item) for item in items]
        return [f.result() for f in futures]

    def request(
        self,
        method: str,
        route: str,
        *,
        params: dict[str, Any] | None = None,
        body: Any = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        idempotent: bool = False,
    ) -> Answer:
        url, params = self._address(route, params)
        what = f"{method} /{route.lstrip('/')}"
        attempts = len(RETRY_DELAYS) + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            with self._lock:
                self.sent += 1
            try:
                with self._client.stream(
                    method, url, params=params, json=body, content=content, headers=headers
                ) as response:
                    if response.is_redirect:
                        raise self._redirected(response, what)
                    if response.status_code == 429:
                        delay = _retry_after(response)
                        if last or delay > MAX_RETRY_AFTER:
                            raise errors.SiteRateLimitedError(
                                f"the site {self.label} is limiting requests (429 to {what}): "
                                f"it asks to wait {delay:.0f} s; try again later"
                            )
                        time.sleep(delay)
                        continue
                    raw = self._read(response, what)
                    if response.status_code >= 500 and idempotent and not last:
                        time.sleep(RETRY_DELAYS[attempt])
                        continue
                    return self._answer(response, raw, what)
            except httpx.TransportError as exc:
                # A refused connection never reached the site: safe to try again whatever it was.
                if last or not (idempotent or isinstance(exc, httpx.ConnectError)):
                    raise errors.SiteUnreachableError(
                        f"the site {self.label} cannot be reached ({what}): {_network_reason(exc)}"
                    ) from None
                time.sleep(RETRY_DELAYS[attempt])
        raise AssertionError("unreachable")  # every path above returns, continues or raises

    # -- answers ------------------------------------------------------------------------------------
    def _address(self, route: str, params: dict[str, Any] | None) -> tuple[str, dict[str, Any]]:
        params = dict(params or {})
        if "rest_route=" in self.api_root:  # sites without pretty permalinks
            params["rest_route"] = "/" + route.lstrip("/")
            return self.api_root.split("?", 1)[0], params
        return self.api_root.rstrip("/") + "/" + route.lstrip("/"), params

    def _read(self, response: httpx.Response, what: str) -> bytes:
        declared = _int_header(response.headers, "Content-Length")
        if declared is not None and declared > MAX_RESPONSE_BYTES:
            raise self._too_large(what, declared)
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > MAX_RESPONSE_BYTES:
                raise self._too_large(what, size)
            chunks.append(chunk)
        return b"".join(chunks)

    def _too_large(self, what: str, size: int) -> errors.SiteTooLargeError:
        return errors.SiteTooLargeError(
            f"the site {self.label} sent more than {MAX_RESPONSE_BYTES // (1024 * 1024)} MB in answer to "
            f"{what}{f' ({size / 1024 / 1024:.0f} MB announced)' if size > MAX_RESPONSE_BYTES * 1.5 else ''}; "
            "nothing was taken from it"
        )

    def _redirected(self, response: httpx.Response, what: str) -> errors.SiteRedirectError:
        target = response.headers.get("Location", "")
        if "wp-login.php" in target or "/login" in target:
            return errors.SiteLoginRedirectError(
                f"the site {self.label} answered {what} with a redirect to its login page: it does not "
                "accept application passwords for this request (a security plugin, or the REST API "
                "limited to logged-in browsers)"
            )
        return errors.SiteRedirectError(
            f"the site {self.label} redirects {what} to {target or 'another address'}: "
            "connect with the site's current address"
        )

    def _answer(self, response: httpx.Response, raw: bytes, what: str) -> Answer:
        status = response.status_code
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise errors.SiteBadResponseError(
                f"the site {self.label} answered {what} with text that is not valid UTF-8 "
                f"(byte 0x{raw[exc.start]:02x} at {exc.start}); nothing was taken from it"
            ) from None
        stripped = text.lstrip("\ufeff \t\r\n")
        if stripped.startswith("<") or "html" in response.headers.get("Content-Type", "").lower():
            raise errors.SiteBadResponseError(
                f"the site {self.label} answered {what} with a web page{_title(stripped)} "
                f"(HTTP {status}) instead of data: a plugin, the server or a proxy failed"
            )
        try:
            data = json.loads(stripped) if stripped else None
        except json.JSONDecodeError as exc:
            raise errors.SiteBadResponseError(
                f"the site {self.label} answered {what} with broken JSON (HTTP {status}, {exc.msg} at "
                f"line {exc.lineno} column {exc.colno}); nothing was taken from it"
            ) from None
        if 200 <= status < 300:
            return Answer(status, data, response.headers)
        raise self._refusal(status, data, what)

    def _refusal(self, status: int, data: Any, what: str) -> errors.SiteError:
        code = message = ""
        if isinstance(data, dict):
            code = str(data.get("code", ""))
            message = _plain(str(data.get("message", "")))
        said = f": {message}" if message else ""
        where = f"the site {self.label}"
        if status >= 500:
            return errors.SiteServerError(
                f"{where} failed on {what} (HTTP {status}{f', {code}' if code else ''}){said}"
            )
        if code in {"rest_disabled", "rest_cannot_access", "rest_login_required", "rest_api_disabled"}:
            return errors.RestDisabledError(f"{where} has its REST API switched off ({code}){said}")
        if status == 401:
            return errors.BadCredentialsError(
                f"{where} refused the user name or application password ({code or 'HTTP 401'}){said}"
            )
        if status == 403:
            return errors.NotAllowedError(f"{where} does not allow {what} ({code or 'HTTP 403'}){said}")
        if status == 404 or status == 410:
            return errors.SiteNotFoundError(
                f"{where} has no {_object(what)} ({code or f'HTTP {status}'}){said}"
            )
        return errors.SiteRejectedError(
            f"{where} refused {what} ({code or f'HTTP {status}'}){said}",
            code,
            data.get("data") if isinstance(data, dict) else None,
        )


def _origin(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path.split("/wp-json", 1)[0].rstrip("/")
    return f"{parts.scheme}://{parts.netloc}{path}"


def _object(what: str) -> str:
    """``GET /wp/v2/posts/12`` → ``post 12``; otherwise the request itself."""
    match = re.search(r"/wp/v2/(\w+?)s?/(\d+)$", what)
    return f"{match.group(1)} {match.group(2)}" if match else f"such address ({what})"


def _title(html: str) -> str:
    match = re.search(r"<title[^>]*>(.*?)</title>", html, re.IGNORECASE | re.DOTALL)
    title = _plain(match.group(1)) if match else ""
    return f" «{title[:80]}»" if title else ""


def _plain(text: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", text)).split())


def _retry_after(response: httpx.Response) -> float:
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return RETRY_DELAYS[0]
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError):
        return RETRY_DELAYS[0]


def _network_reason(exc: httpx.TransportError) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return "no answer in time"
    text = re.sub(r"^\[Errno -?\d+\]\s*", "", str(exc)).strip() or type(exc).__name__
    return text[:1].lower() + text[1:]
