"""Where registry credentials come from, and the `WWW-Authenticate` challenge.

Order, first hit wins: LAYERGUARD_REGISTRY_TOKEN or LAYERGUARD_REGISTRY_USER/_PASSWORD (for the
registries named in LAYERGUARD_REGISTRY_HOST, or every registry when it is unset); podman's
auth.json ($REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json, else
$XDG_CONFIG_HOME/containers/auth.json); Docker's config.json ($DOCKER_CONFIG or ~/.docker):
`credHelpers`, then `credsStore`, then `auths`. This is the order podman follows; Docker reads only
its own file.

Credential helpers: https://github.com/docker/docker-credential-helpers (`get`, server URL on stdin,
JSON with Username/Secret on stdout; the Username `<token>` marks an identity token).
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from layerguard.reference import DOCKER_HUB
from layerguard.registry.model import RegistryError

# The key Docker has always used for Docker Hub in config.json and with credential helpers.
HUB_SERVER_URL = "https://index.docker.io/v1/"
_HUB_KEYS = ("docker.io", "index.docker.io", "registry-1.docker.io")
_HELPER_TIMEOUT = 30.0


@dataclass(frozen=True, repr=False)
class Credentials:
    """A username and secret (or a ready bearer token), and where they came from.

    `source` names the file, helper or variable for error messages; the secret is never shown.
    """

    source: str
    username: str = ""
    password: str = ""
    identity_token: str = ""
    registry_token: str = ""

    def __repr__(self) -> str:
        return f"Credentials(source={self.source!r}, secret=<hidden>)"

    __str__ = __repr__

    @property
    def basic(self) -> str:
        """The value of a Basic Authorization header."""
        raw = f"{self.username}:{self.password}".encode()
        return "Basic " + base64.b64encode(raw).decode("ascii")


@dataclass(frozen=True)
class Challenge:
    scheme: str  # "basic" or "bearer", lowercased
    params: Mapping[str, str]


_PARAM = re.compile(r'\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?')


def parse_challenges(header: str) -> list[Challenge]:
    """Parse WWW-Authenticate (RFC 7235): `Bearer realm="...",service="...",scope="..."`."""
    challenges: list[Challenge] = []
    rest = header.strip()
    while rest:
        match = re.match(r"([A-Za-z][A-Za-z0-9_-]*)\s*", rest)
        if not match:
            break
        scheme = match.group(1).lower()
        rest = rest[match.end() :]
        params: dict[str, str] = {}
        while True:
            param = _PARAM.match(rest)
            if not param:
                break
            quoted, bare = param.group(2), param.group(3)
            params[param.group(1).lower()] = (
                re.sub(r"\\(.)", r"\1", quoted) if quoted is not None else bare
            )
            rest = rest[param.end() :]
        challenges.append(Challenge(scheme, params))
        rest = rest.lstrip(", ")
    return challenges


def _host_of(key: str) -> str:
    """A config key (`https://host:5000/v1/`, `host:5000`, `quay.io/org/repo`) -> host[/path]."""
    key = re.sub(r"^[a-z]+://", "", key.strip().lower()).rstrip("/")
    host, _, path = key.partition("/")
    if host in _HUB_KEYS:
        host = DOCKER_HUB
    if path in ("v1", "v2"):
        path = ""
    return f"{host}/{path}" if path else host


def _lookup_keys(registry: str, repository: str) -> list[str]:
    """Keys to try, most specific first: host/org/repo, host/org, host (podman allows paths)."""
    parts = repository.split("/")
    keys = [f"{registry}/{'/'.join(parts[:n])}" for n in range(len(parts), 0, -1)]
    return [*keys, registry]


def _find_entry(auths: Mapping[str, Any], registry: str, repository: str) -> Any:
    by_key = {_host_of(key): value for key, value in auths.items()}
    for key in _lookup_keys(registry, repository):
        if key in by_key:
            return by_key[key]
    return None


def _from_auth_entry(entry: Any, source: str) -> Credentials | None:
    if not isinstance(entry, Mapping):
        return None
    token = entry.get("identitytoken") or ""
    registry_token = entry.get("registrytoken") or ""
    username, password = entry.get("username") or "", entry.get("password") or ""
    if entry.get("auth"):
        try:
            decoded = base64.b64decode(str(entry["auth"]), validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            raise RegistryError(f"{source}: an `auth` entry is not valid base64") from None
        username, sep, password = decoded.partition(":")
        if not sep:
            raise RegistryError(f"{source}: an `auth` entry is not user:password")
    if not (username or token or registry_token):
        return None
    return Credentials(source, str(username), str(password), str(token), str(registry_token))


def _read_json(path: Path) -> Mapping[str, Any] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise RegistryError(f"cannot read {path}: {exc.strerror}") from None
    try:
        data = json.loads(text)
    except ValueError:
        raise RegistryError(f"{path} is not valid JSON") from None
    return data if isinstance(data, Mapping) else None


def run_helper(name: str, server_url: str) -> Credentials | None:
    """`docker-credential-NAME get`; None when it has nothing for `server_url`."""
    program = shutil.which(f"docker-credential-{name}")
    source = f"credential helper docker-credential-{name}"
    if program is None:
        raise RegistryError(f"{source} is configured but not found on PATH")
    try:
        done = subprocess.run(
            [program, "get"],
            input=server_url.encode(),
            capture_output=True,
            timeout=_HELPER_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RegistryError(f"{source} did not answer within {_HELPER_TIMEOUT:g}s") from None
    except OSError as exc:
        raise RegistryError(f"{source} could not run: {exc.strerror}") from None
    if done.returncode != 0:
        # The helpers' "not found" is this fixed text on stdout; anything else is a failure.
        if b"credentials not found" in done.stdout.lower() + done.stderr.lower():
            return None
        raise RegistryError(f"{source} failed (exit {done.returncode})")
    try:
        answer = json.loads(done.stdout)
        username, secret = str(answer["Username"]), str(answer["Secret"])
    except (ValueError, KeyError, TypeError):
        raise RegistryError(f"{source} gave an answer that is not its JSON format") from None
    if username == "<token>":
        return Credentials(source, identity_token=secret)
    return Credentials(source, username, secret)


def _docker_config(registry: str, repository: str, env: Mapping[str, str]) -> Credentials | None:
    directory = Path(env["DOCKER_CONFIG"]) if env.get("DOCKER_CONFIG") else _home(env) / ".docker"
    path = directory / "config.json"
    config = _read_json(path)
    if not config:
        return None
    server_url = HUB_SERVER_URL if registry == DOCKER_HUB else registry
    helpers = config.get("credHelpers") or {}
    if isinstance(helpers, Mapping):
        name = _find_entry(helpers, registry, repository)
        if isinstance(name, str) and name:
            return run_helper(name, server_url)
    store = config.get("credsStore")
    if isinstance(store, str) and store:
        found = run_helper(store, server_url)
        if found:
            return found
    auths = config.get("auths") or {}
    if isinstance(auths, Mapping):
        return _from_auth_entry(_find_entry(auths, registry, repository), str(path))
    return None


def _home(env: Mapping[str, str]) -> Path:
    return Path(env["HOME"]) if env.get("HOME") else Path.home()


def _auth_files(env: Mapping[str, str]) -> list[Path]:
    if env.get("REGISTRY_AUTH_FILE"):
        return [Path(env["REGISTRY_AUTH_FILE"])]
    files = []
    if env.get("XDG_RUNTIME_DIR"):
        files.append(Path(env["XDG_RUNTIME_DIR"]) / "containers" / "auth.json")
    config_home = (
        Path(env["XDG_CONFIG_HOME"]) if env.get("XDG_CONFIG_HOME") else _home(env) / ".config"
    )
    files.append(config_home / "containers" / "auth.json")
    return files


def _from_env(registry: str, env: Mapping[str, str]) -> Credentials | None:
    hosts = [h.strip().lower() for h in env.get("LAYERGUARD_REGISTRY_HOST", "").split(",")]
    hosts = [_host_of(h) for h in hosts if h]
    if hosts and registry not in hosts:
        return None
    if env.get("LAYERGUARD_REGISTRY_TOKEN"):
        return Credentials(
            "LAYERGUARD_REGISTRY_TOKEN", registry_token=env["LAYERGUARD_REGISTRY_TOKEN"]
        )
    if env.get("LAYERGUARD_REGISTRY_USER"):
        return Credentials(
            "LAYERGUARD_REGISTRY_USER/_PASSWORD",
            env["LAYERGUARD_REGISTRY_USER"],
            env.get("LAYERGUARD_REGISTRY_PASSWORD", ""),
        )
    return None


def find_credentials(
    registry: str, repository: str, env: Mapping[str, str] | None = None
) -> Credentials | None:
    """The credentials for `registry` (as in ImageRef.registry), or None for anonymous access."""
    env = os.environ if env is None else env
    found = _from_env(registry, env)
    if found:
        return found
    for path in _auth_files(env):
        data = _read_json(path)
        if data and isinstance(data.get("auths"), Mapping):
            found = _from_auth_entry(_find_entry(data["auths"], registry, repository), str(path))
            if found:
                return found
    return _docker_config(registry, repository, env)
