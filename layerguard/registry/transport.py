"""HTTP to registries: schemes, timeouts, retries, redirects and authentication.

- Plain HTTP only for loopback registries (as Docker allows) or when asked to be insecure.
- Every call has a timeout per read and a budget per request (connect, headers and body: see
  budget.py); connection errors, 5xx, 429 and bodies cut short are retried a bounded number of
  times with exponential backoff, honouring (a capped) Retry-After, and every wait and retry of
  one call stays within its deadline: (retries + 1) request budgets from its first attempt.
- Redirects are followed here, not by requests, so that Authorization is dropped as soon as the
  origin changes (blob storage redirects to S3/CDN hosts are common).
- Auth: Basic, or the bearer token flow of https://distribution.github.io/distribution/spec/auth/token/
  with tokens cached per registry and scope until they expire.
"""

from __future__ import annotations

import email.utils
import ipaddress
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import NoReturn, TypeVar
from urllib.parse import urlencode, urljoin, urlsplit

import requests
import urllib3.exceptions

from layerguard.reference import DOCKER_HUB
from layerguard.registry.auth import Challenge, Credentials, find_credentials, parse_challenges
from layerguard.registry.budget import Watch, WatchedAdapter
from layerguard.registry.model import RegistryError, parse_json

HUB_API_HOST = "registry-1.docker.io"
_REDIRECTS = (301, 302, 303, 307, 308)
_MAX_REDIRECTS = 10
_RETRY_STATUS = (429, 500, 502, 503, 504)
_TOKEN_MARGIN = 10.0  # seconds: refresh a token this long before it expires
_MAX_TOKEN_BYTES = 1024 * 1024
_NOTIFY_WAIT = 5.0  # seconds: a shorter wait passes unannounced
# A blob body gets the request budget plus its size at this rate, and must not stay below
# LOW_SPEED for a whole --timeout (curl's --speed-limit/--speed-time).
BLOB_RATE = 64 * 1024
LOW_SPEED = 1024
T = TypeVar("T")


def is_loopback(host: str) -> bool:
    """`localhost`, 127.0.0.0/8 or ::1, with or without a port."""
    name = host.lower()
    if name.startswith("["):
        name = name[1:].split("]", 1)[0]
    elif name.count(":") == 1:
        name = name.split(":", 1)[0]
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def join_url(base: str, reference: str, registry: str, what: str) -> str:
    """`reference` (a Location or Link header) resolved against `base`; RegistryError if it is
    not a URL (urllib raises ValueError for a bad IPv6 host)."""
    try:
        url = urljoin(base, reference)
        urlsplit(url)
    except ValueError:
        raise RegistryError(f"{registry}: {what}: the registry points to an invalid URL") from None
    return url


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc.lower()


def _no_netrc(request: requests.PreparedRequest) -> requests.PreparedRequest:
    # An explicit auth callable stops requests from adding ~/.netrc credentials, which would
    # override our Authorization header and follow us to any host listed there.
    return request


class _Retry(Exception):
    def __init__(self, problem: str, delay: float | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.delay = delay


@dataclass
class _Token:
    value: str
    expires: float  # time.monotonic()


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def describe_exception(exc: BaseException, timeout: float) -> str:
    """A short, credential-free description of a network error (never the URL)."""
    if isinstance(exc, requests.ConnectTimeout):
        return f"connection timed out after {timeout:g}s"
    if isinstance(exc, (requests.ReadTimeout, urllib3.exceptions.ReadTimeoutError)):
        return f"no response within {timeout:g}s"
    if isinstance(exc, requests.exceptions.SSLError):
        return "TLS handshake or certificate verification failed"
    text = repr(exc).lower()
    if "incompleteread" in text or "chunkedencoding" in text or "prematurely" in text:
        return "response cut short"
    for needle, problem in (
        ("refused", "connection refused"),
        ("reset", "connection reset"),
        ("aborted", "connection reset"),
        ("name or service not known", "host not found"),
        ("nodename nor servname", "host not found"),
        ("failed to resolve", "host not found"),
        ("remotedisconnected", "connection closed without a response"),
    ):
        if needle in text:
            return problem
    return f"connection failed ({exc.__class__.__name__})"


def _retryable_exception(exc: BaseException) -> bool:
    if isinstance(exc, requests.exceptions.SSLError):
        return False
    return isinstance(
        exc,
        (
            requests.ConnectionError,
            requests.Timeout,
            requests.exceptions.ChunkedEncodingError,
            urllib3.exceptions.HTTPError,
            ConnectionError,
        ),
    ) and "host not found" not in describe_exception(exc, 0)


def retry_after(value: str | None, cap: float) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP date), capped at `cap`."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), cap)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, min(when.timestamp() - time.time(), cap))


def status_problem(response: requests.Response, body: bytes | None = None) -> str:
    """`HTTP 404 MANIFEST_UNKNOWN (manifest unknown)` from a registry error response."""
    problem = f"HTTP {response.status_code}"
    if body is None:
        try:
            body = next(response.iter_content(4096), b"")
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError):
            body = b""
    try:
        errors = parse_json(body, "error body").get("errors")
        first = errors[0] if isinstance(errors, list) and errors else {}
        code, message = str(first.get("code", "")), str(first.get("message", ""))
    except (RegistryError, AttributeError):
        code = message = ""
    if code:
        problem += f" {_one_line(code, 40)}"
    if message:
        problem += f" ({_one_line(message, 120)})"
    return problem


class Transport:
    """Sends requests to registries on behalf of Client; counts every request it sends."""

    def __init__(
        self,
        *,
        insecure: bool,
        timeout: float,
        retries: int,
        backoff: float,
        max_retry_after: float,
        user_agent: str,
        session: requests.Session | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.insecure = insecure
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self.max_retry_after = max_retry_after
        self.requests_made = 0
        self._env = env
        if session is None:
            session = requests.Session()
            for prefix in ("http://", "https://"):
                session.mount(prefix, WatchedAdapter())
        self._session = session
        self._session.headers["User-Agent"] = user_agent
        self._challenges: dict[str, Challenge] = {}
        self._credentials: dict[tuple[str, str], Credentials | None] = {}
        self._tokens: dict[tuple[str, str, str, str], _Token] = {}
        self.sleep: Callable[[float], None] = time.sleep
        self.clock: Callable[[], float] = time.monotonic
        # Told of a retry before a long wait (Retry-After), which must not leave a log silent.
        self.notify: Callable[[str], None] | None = None

    def close(self) -> None:
        self._session.close()

    # URLs ---------------------------------------------------------------------------------------

    def allows_plain_http(self, host: str) -> bool:
        # --insecure is for the user's own registries without TLS; Docker Hub always has TLS.
        return is_loopback(host) or (self.insecure and not host.endswith(".docker.io"))

    def base_url(self, registry: str) -> str:
        host = HUB_API_HOST if registry == DOCKER_HUB else registry
        scheme = "http" if self.allows_plain_http(host) else "https"
        return f"{scheme}://{host}"

    def _check_scheme(self, url: str, registry: str, what: str) -> None:
        parts = urlsplit(join_url(url, "", registry, what))
        if parts.scheme == "https":
            return
        if parts.scheme == "http" and self.allows_plain_http(parts.netloc):
            return
        raise RegistryError(
            f"{registry}: {what}: refusing to follow {parts.scheme}://{parts.netloc} "
            "(plain HTTP only for loopback hosts or with --insecure)"
        )

    # Sending ------------------------------------------------------------------------------------

    def _follow(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        registry: str,
        what: str,
        watch: Watch,
    ) -> requests.Response:
        """One request and its redirects, without Authorization once the origin has changed."""
        headers = dict(headers)
        origin = _origin(url)
        for _ in range(_MAX_REDIRECTS + 1):
            try:
                response = self._send(method, url, headers, watch)
            except ValueError as exc:
                if isinstance(exc, requests.RequestException):
                    raise  # InvalidURL, InvalidHeader: worded by _attempts
                # requests parses a redirect's Location even when it does not follow it, and
                # urllib raises a plain ValueError on a bad IPv6 host there.
                raise RegistryError(
                    f"{registry}: {what}: the registry points to an invalid URL"
                ) from None
            location = response.headers.get("Location")
            if response.status_code not in _REDIRECTS or not location:
                return response
            response.close()
            url = join_url(url, location, registry, what)
            self._check_scheme(url, registry, what)
            if _origin(url) != origin:
                headers.pop("Authorization", None)
            if response.status_code == 303:
                method = "GET"
        raise RegistryError(f"{registry}: {what}: more than {_MAX_REDIRECTS} redirects")

    def _send(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        watch: Watch,
        data: Mapping[str, str] | None = None,
    ) -> requests.Response:
        """Send one request and read its headers within `watch`'s budget."""
        self.requests_made += 1
        try:
            with watch:
                response = self._session.request(
                    method,
                    url,
                    headers=headers,
                    data=data,
                    stream=True,
                    timeout=(self.timeout, self.timeout),
                    allow_redirects=False,
                    auth=_no_netrc,
                )
        except Exception:
            if watch.expired:
                raise _Retry(watch.problem) from None
            raise
        if watch.expired:
            response.close()
            raise _Retry(watch.problem)
        return response

    def deadline(self, budget: float | None = None) -> float:
        """When a call that starts now must stop retrying: (retries + 1) request budgets."""
        return self.clock() + (budget or self.timeout) * (self.retries + 1)

    def wait_or_give_up(
        self,
        registry: str,
        what: str,
        problem: str,
        delay: float | None,
        failures: int,
        deadline: float,
    ) -> None:
        """After the `failures`-th failed attempt of a call: wait before the next, or raise."""
        suffix = f" (after {failures} attempts)" if failures > 1 else ""
        if failures > self.retries:
            raise RegistryError(f"{registry}: {what}: {problem}{suffix}")
        if delay is None:
            wait = self.backoff * 2 ** (failures - 1)
        else:
            wait = min(delay, self.max_retry_after)
        left = deadline - self.clock()
        if wait >= left:
            if delay:
                raise RegistryError(
                    f"{registry}: {what}: {problem}; the registry asks to wait {delay:g}s, more "
                    f"than the {max(left, 0):.3g}s left of the time limit{suffix}"
                )
            tries = f" after {failures} attempts" if failures > 1 else ""
            raise RegistryError(f"{registry}: {what}: {problem} (time limit reached{tries})")
        if self.notify is not None and wait >= _NOTIFY_WAIT:
            self.notify(f"{registry}: {what}: {problem}; retrying in {wait:.2g}s")
        self.sleep(wait)

    def _attempts(
        self, registry: str, what: str, attempt: Callable[[], T], deadline: float | None = None
    ) -> T:
        """Run `attempt`; retry network errors and _Retry with backoff, boundedly."""
        deadline = self.deadline() if deadline is None else deadline
        failures = 0
        while True:
            try:
                return attempt()
            except _Retry as retry:
                problem, delay = retry.problem, retry.delay
            except Exception as exc:
                if isinstance(exc, RegistryError) or not _retryable_exception(exc):
                    if isinstance(exc, (requests.RequestException, urllib3.exceptions.HTTPError)):
                        problem = describe_exception(exc, self.timeout)
                        raise RegistryError(f"{registry}: {what}: {problem}") from None
                    raise
                problem, delay = describe_exception(exc, self.timeout), None
            failures += 1
            self.wait_or_give_up(registry, what, problem, delay, failures, deadline)

    def _checked(self, response: requests.Response) -> requests.Response:
        if response.status_code in _RETRY_STATUS:
            problem = status_problem(response)
            delay = retry_after(response.headers.get("Retry-After"), float("inf"))
            response.close()
            raise _Retry(problem, delay)
        return response

    # Authentication -----------------------------------------------------------------------------

    def credentials(self, registry: str, repository: str) -> Credentials | None:
        key = (registry, repository)
        if key not in self._credentials:
            self._credentials[key] = find_credentials(registry, repository, self._env)
        return self._credentials[key]

    def _no_credentials(self, registry: str, what: str, status: int) -> NoReturn:
        raise RegistryError(
            f"{registry}: {what}: HTTP {status}, the registry requires authentication and no "
            "credentials were found (docker login, podman login, or LAYERGUARD_REGISTRY_USER "
            "and LAYERGUARD_REGISTRY_PASSWORD)"
        )

    def _authorization(
        self, registry: str, repository: str, scope: str | None, what: str, fresh: bool
    ) -> str | None:
        """The Authorization value for a request, from the challenge this registry last gave."""
        challenge = self._challenges.get(registry)
        if challenge is None:
            return None
        creds = self.credentials(registry, repository)
        if challenge.scheme == "basic":
            if creds is None:
                if fresh:
                    self._no_credentials(registry, what, 401)
                return None
            if creds.registry_token and not creds.username:
                return f"Bearer {creds.registry_token}"
            return creds.basic
        if creds is not None and creds.registry_token:
            return f"Bearer {creds.registry_token}"
        scope = scope or challenge.params.get("scope")
        return f"Bearer {self._token(registry, challenge, scope, creds, what, fresh)}"

    def _token(
        self,
        registry: str,
        challenge: Challenge,
        scope: str | None,
        creds: Credentials | None,
        what: str,
        fresh: bool,
    ) -> str:
        realm, service = challenge.params.get("realm", ""), challenge.params.get("service", "")
        if not realm:
            raise RegistryError(f"{registry}: {what}: bearer challenge without a realm")
        key = (registry, realm, service, scope or "")
        cached = self._tokens.get(key)
        if cached and not fresh and cached.expires > time.monotonic():
            return cached.value
        self._check_scheme(realm, registry, "token request")
        token_host = urlsplit(realm).netloc
        params = {"service": service} if service else {}
        if scope:
            params["scope"] = scope
        headers = {"Accept": "application/json"}
        method, data = "GET", None
        if creds is not None and creds.identity_token:
            # OAuth2 refresh-token grant, as Docker does with an identity token.
            method = "POST"
            data = {**params, "grant_type": "refresh_token", "client_id": "layerguard"}
            data["refresh_token"] = creds.identity_token
        elif creds is not None and creds.username:
            headers["Authorization"] = creds.basic
        token_what = f"token from {token_host}"

        def attempt() -> tuple[int, bytes]:
            url = realm
            if method == "GET" and params:
                url = realm + ("&" if "?" in realm else "?") + urlencode(params)
            watch = Watch(self.timeout)
            try:
                response = self._send(method, url, headers, watch, data)
                with response:
                    self._checked(response)
                    body = read_limited(response, _MAX_TOKEN_BYTES, registry, token_what, watch)
                    return response.status_code, body
            finally:
                watch.finish()

        status, body = self._attempts(registry, token_what, attempt)
        if status in (401, 403):
            if creds is None:
                self._no_credentials(registry, what, 401)
            raise RegistryError(
                f"{registry}: {what}: the token server {token_host} rejected the credentials "
                f"from {creds.source} (HTTP {status})"
            )
        if status != 200:
            raise RegistryError(f"{registry}: {token_what}: HTTP {status}")
        answer = parse_json(body, f"{registry}: token response")
        value = answer.get("token") or answer.get("access_token")
        if not isinstance(value, str) or not value:
            raise RegistryError(f"{registry}: {token_what}: the response holds no token")
        expires_in = answer.get("expires_in")
        # The spec's default lifetime is 60 seconds.
        lifetime = float(expires_in) if isinstance(expires_in, (int, float)) else 60.0
        expires = time.monotonic() + max(0.0, lifetime - _TOKEN_MARGIN)
        self._tokens[key] = _Token(value, expires)
        return value

    # The one entry point ------------------------------------------------------------------------

    def _once(
        self,
        method: str,
        registry: str,
        url: str,
        repository: str,
        what: str,
        headers: Mapping[str, str] | None,
        expect: tuple[int, ...],
        watch: Callable[[], Watch],
    ) -> tuple[requests.Response, Watch]:
        """One attempt: send, answer a 401 challenge once, check the status.

        Returns the response with the Watch over it; the caller finishes both.
        """
        scope = f"repository:{repository}:pull" if repository else None

        def send(fresh: bool) -> tuple[requests.Response, Watch, bool]:
            authorization = self._authorization(registry, repository, scope, what, fresh)
            all_headers = dict(headers or {})
            if authorization:
                all_headers["Authorization"] = authorization
            made = watch()
            try:
                response = self._follow(method, url, all_headers, registry, what, made)
            except BaseException:
                made.finish()
                raise
            return response, made, bool(authorization)

        response, made, authorized = send(fresh=False)
        try:
            if response.status_code == 401:
                challenges = parse_challenges(response.headers.get("WWW-Authenticate", ""))
                response.close()
                made.finish()
                usable = sorted(
                    (c for c in challenges if c.scheme in ("bearer", "basic")),
                    key=lambda c: c.scheme != "bearer",
                )
                if not usable:
                    raise RegistryError(
                        f"{registry}: {what}: HTTP 401 without a Basic or Bearer challenge"
                    )
                self._challenges[registry] = usable[0]
                response, made, authorized = send(fresh=True)
            if response.status_code in (401, 403) and authorized:
                response.close()
                creds = self.credentials(registry, repository)
                source = f" from {creds.source}" if creds else ""
                verb = (
                    "rejected the credentials" if response.status_code == 401 else "denied access"
                )
                raise RegistryError(
                    f"{registry}: {what}: HTTP {response.status_code}, the registry {verb}{source}"
                )
            if response.status_code == 401:
                response.close()
                self._no_credentials(registry, what, 401)
            self._checked(response)
            if response.status_code not in expect:
                with response:
                    problem = status_problem(response)
                raise RegistryError(f"{registry}: {what}: {problem}")
        except BaseException:
            made.finish()
            raise
        return response, made

    def request(
        self,
        method: str,
        registry: str,
        path: str,
        *,
        repository: str,
        what: str,
        headers: Mapping[str, str] | None = None,
        expect: tuple[int, ...] = (200,),
    ) -> requests.Response:
        """Send a request whose body is not wanted (HEAD), authenticating and retrying as needed.

        Returns the response (the caller closes it) if its status is in `expect`; raises
        RegistryError on anything else.
        """
        full = self.base_url(registry) + path

        def attempt() -> requests.Response:
            response, watch = self._once(
                method, registry, full, repository, what, headers, expect, self._watch
            )
            watch.finish()
            return response

        return self._attempts(registry, what, attempt)

    def _watch(self) -> Watch:
        return Watch(self.timeout)

    def stream(
        self,
        registry: str,
        path: str,
        *,
        repository: str,
        what: str,
        size: int,
        offset: int,
        deadline: float,
    ) -> tuple[requests.Response, Watch]:
        """GET a blob from byte `offset` on (asking with Range when offset > 0), retrying the
        request until its headers arrive; the body is the caller's to read, within the Watch:
        the request budget plus the bytes left at BLOB_RATE, never below LOW_SPEED for long."""
        full = self.base_url(registry) + path
        headers = {"Accept-Encoding": "identity"}
        if offset:
            headers["Range"] = f"bytes={offset}-"
        budget = self.timeout + (size - offset) / BLOB_RATE

        def watch() -> Watch:
            return Watch(budget, self.timeout, int(LOW_SPEED * self.timeout))

        return self._attempts(
            registry,
            what,
            lambda: self._once("GET", registry, full, repository, what, headers, (200, 206), watch),
            deadline=deadline,
        )

    def get_bytes(
        self,
        registry: str,
        path: str,
        *,
        repository: str,
        what: str,
        limit: int,
        headers: Mapping[str, str] | None = None,
        url: str | None = None,
    ) -> tuple[requests.Response, bytes]:
        """GET a small body whole (at most `limit` bytes); a body cut short is retried too."""
        full = url or self.base_url(registry) + path

        def attempt() -> tuple[requests.Response, bytes]:
            response, watch = self._once(
                "GET", registry, full, repository, what, headers, (200,), self._watch
            )
            try:
                with response:
                    return response, read_limited(response, limit, registry, what, watch)
            finally:
                watch.finish()

        return self._attempts(registry, what, attempt)


def read_limited(
    response: requests.Response, limit: int, registry: str, what: str, watch: Watch
) -> bytes:
    """The whole body, refusing more than `limit` bytes, within `watch`'s budget."""
    chunks: list[bytes] = []
    total = 0
    try:
        for chunk in response.iter_content(64 * 1024):
            total += len(chunk)
            if total > limit:
                raise RegistryError(f"{registry}: {what}: response larger than {limit} bytes")
            if watch.expired:
                break
            chunks.append(chunk)
    except (requests.RequestException, urllib3.exceptions.HTTPError, OSError):
        if not watch.expired:
            raise
    if watch.expired:
        raise _Retry(watch.problem)
    return b"".join(chunks)
