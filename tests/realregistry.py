"""Pytest plugin: real registries (Debian's `docker-registry`) and real images (`buildah`).

Fixtures, all session-scoped; when the tools or root are missing they skip, or fail under CI=true
(tests/realparts.py):
- `registry`: a plain registry on a free 127.0.0.1 port, temp storage, delete enabled.
- `basic_registry`: the same storage behind htpasswd basic auth (bcrypt entry).
- `token_registry`: the same storage behind token auth, with a threaded token server here that
  signs RS256 JWTs with a self-signed certificate (see ../shared/notes/registry-test-recipes.md).
- `fault_proxy` (per test, over a session server): a proxy in front of `registry` that injects
  faults (5xx, 429, resets and truncation before or inside a body, slowness, responses dribbled
  byte by byte, corruption, cross-host redirects, ignored Range, answers of its own) and logs
  every request with its Range header and the fault applied.
- `buildah_images`: builds images from a busybox-static base and pushes them; every build is done
  once per session, in a temp storage root, so nothing touches the machine's container storage.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import http.client
import json
import os
import shutil
import socket
import struct
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from realparts import require_tools

BUSYBOX_APPLETS = ("sh", "ls", "rm", "cat", "echo", "mkdir", "cp", "mv", "touch", "dd", "head")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class RunningRegistry:
    """A `docker-registry serve` process; `host` is what goes into image references."""

    host: str
    storage: Path
    process: subprocess.Popen[bytes]
    log: Path
    username: str = ""
    password: str = ""
    token_server: TokenServer | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_registry(
    workdir: Path, storage: Path, auth: Mapping[str, Any] | None = None
) -> RunningRegistry:
    """Start `docker-registry serve` and wait until GET /v2/ answers (200, or 401 with auth)."""
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    config: dict[str, Any] = {
        "version": 0.1,
        "log": {"level": "warn", "accesslog": {"disabled": True}},
        "storage": {"filesystem": {"rootdirectory": str(storage)}, "delete": {"enabled": True}},
        "http": {"addr": f"127.0.0.1:{port}", "secret": uuid.uuid4().hex},
    }
    if auth:
        config["auth"] = dict(auth)
    config_path = workdir / "config.yml"
    config_path.write_text(json.dumps(config))  # JSON is YAML
    log = workdir / "registry.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            ["docker-registry", "serve", str(config_path)], stdout=out, stderr=subprocess.STDOUT
        )
    host = f"127.0.0.1:{port}"
    deadline = time.monotonic() + 15
    while True:
        try:
            if requests.get(f"http://{host}/v2/", timeout=1).status_code in (200, 401):
                return RunningRegistry(host, storage, process, log)
        except requests.ConnectionError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"docker-registry did not start: {log.read_text()[-2000:]}")
        time.sleep(0.05)


class TokenServer:
    """A minimal token server (https://distribution.github.io/distribution/spec/auth/token/)."""

    def __init__(self, workdir: Path, users: Mapping[str, str], service: str) -> None:
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import rsa
        from cryptography.x509.oid import NameOID

        self.users = dict(users)
        self.service = service
        self.issuer = "layerguard-test-issuer"
        self.field = "token"  # or "access_token"
        self.expires_in = 300
        self.requests: list[dict[str, Any]] = []
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "layerguard test token signer")])
        now = datetime.datetime.now(datetime.timezone.utc)
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(self._key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=30))
            .sign(self._key, hashes.SHA256())
        )
        self.bundle = workdir / "token-signer.pem"
        self.bundle.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        self._x5c = base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode()
        self._pem = self._key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.realm = f"http://127.0.0.1:{self._httpd.server_address[1]}/token"
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        import jwt

        query = parse_qs(urlsplit(request.path).query)
        user = None
        header = request.headers.get("Authorization", "")
        if header.startswith("Basic "):
            name, _, password = base64.b64decode(header[6:]).decode().partition(":")
            if self.users.get(name) == password:
                user = name
        self.requests.append({"user": user, "authorization": bool(header), "query": query})
        if user is None:
            request.send_response(401)
            request.send_header("Content-Length", "0")
            request.end_headers()
            return
        access = []
        for scope in query.get("scope", []):
            kind, _, rest = scope.partition(":")
            name, _, actions = rest.rpartition(":")
            access.append({"type": kind, "name": name, "actions": actions.split(",")})
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": self.service,
            "sub": user,
            "iat": now,
            "nbf": now - 5,
            "exp": now + self.expires_in,
            "jti": uuid.uuid4().hex,
            "access": access,
        }
        token = jwt.encode(claims, self._pem, algorithm="RS256", headers={"x5c": [self._x5c]})
        body = json.dumps({self.field: token, "expires_in": self.expires_in}).encode()
        request.send_response(200)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def upload_blob(
    registry_url: str, repository: str, data: bytes, auth: tuple[str, str] | None = None
) -> dict[str, Any]:
    """Monolithic blob upload (POST then PUT ?digest=); returns its descriptor fields."""
    digest = f"sha256:{hashlib.sha256(data).hexdigest()}"
    start = requests.post(f"{registry_url}/v2/{repository}/blobs/uploads/", auth=auth, timeout=10)
    start.raise_for_status()
    location = requests.compat.urljoin(registry_url, start.headers["Location"])
    separator = "&" if "?" in location else "?"
    done = requests.put(
        f"{location}{separator}digest={digest}",
        data=data,
        headers={"Content-Type": "application/octet-stream"},
        auth=auth,
        timeout=10,
    )
    done.raise_for_status()
    return {"digest": digest, "size": len(data)}


def upload_manifest(
    registry_url: str,
    repository: str,
    reference: str,
    manifest: Mapping[str, Any],
    auth: tuple[str, str] | None = None,
) -> str:
    """PUT a manifest or index (JSON-encoded here); returns its digest."""
    body = json.dumps(manifest).encode()
    response = requests.put(
        f"{registry_url}/v2/{repository}/manifests/{reference}",
        data=body,
        headers={"Content-Type": str(manifest["mediaType"])},
        auth=auth,
        timeout=10,
    )
    response.raise_for_status()
    return f"sha256:{hashlib.sha256(body).hexdigest()}"


def upload_image(
    registry_url: str,
    repository: str,
    tag: str,
    layers: Sequence[tuple[bytes, str]],
    *,
    config: Mapping[str, Any] | None = None,
    annotations: Mapping[str, str] | None = None,
) -> str:
    """Push an OCI image made of raw `layers` ((blob, mediaType) pairs) through the API alone.

    For what buildah will not make: plain-tar layers (`buildah push --disable-compression` still
    sends gzip to a registry), hand-made indexes, odd annotations. Returns the manifest digest.
    """
    config = config or {
        "architecture": "amd64",
        "os": "linux",
        "rootfs": {"type": "layers", "diff_ids": []},
        "history": [],
    }
    config_descriptor = upload_blob(registry_url, repository, json.dumps(config).encode())
    manifest: dict[str, Any] = {
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", **config_descriptor},
        "layers": [
            {"mediaType": media_type, **upload_blob(registry_url, repository, blob)}
            for blob, media_type in layers
        ],
    }
    if annotations:
        manifest["annotations"] = dict(annotations)
    return upload_manifest(registry_url, repository, tag, manifest)


@pytest.fixture(scope="session")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningRegistry]:
    """A plain registry on 127.0.0.1 with temp storage (shared by the auth registries)."""
    require_tools("docker-registry")
    work = tmp_path_factory.mktemp("registry")
    running = start_registry(work, work / "storage")
    yield running
    running.stop()


@pytest.fixture(scope="session")
def basic_registry(
    registry: RunningRegistry, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningRegistry]:
    """`registry`'s storage behind htpasswd basic auth; `.username`/`.password` are valid."""
    import bcrypt

    work = tmp_path_factory.mktemp("basic-registry")
    username, password = "alice", "s3cret-basic"
    hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=5)).decode()
    htpasswd = work / "htpasswd"
    htpasswd.write_text(f"{username}:{hashed}\n")
    auth = {"htpasswd": {"realm": "layerguard-test", "path": str(htpasswd)}}
    running = start_registry(work, registry.storage, auth)
    running.username, running.password = username, password
    yield running
    running.stop()


@pytest.fixture(scope="session")
def token_registry(
    registry: RunningRegistry, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningRegistry]:
    """`registry`'s storage behind token auth; `.token_server` issues tokens to `.username`."""
    work = tmp_path_factory.mktemp("token-registry")
    username, password = "bob", "s3cret-token"
    server = TokenServer(work, {username: password}, service="layerguard-test-registry")
    auth = {
        "token": {
            "realm": server.realm,
            "service": server.service,
            "issuer": server.issuer,
            "rootcertbundle": str(server.bundle),
        }
    }
    running = start_registry(work, registry.storage, auth)
    running.username, running.password, running.token_server = username, password, server
    yield running
    running.stop()
    server.stop()


@dataclass
class Buildah:
    """buildah with its own storage root; builds are remembered, so each runs once a session."""

    workdir: Path
    built: dict[str, str] = field(default_factory=dict)
    _unshare: bool | None = None

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "STORAGE_DRIVER": "vfs", "BUILDAH_ISOLATION": "chroot"}

    def _wrapper(self) -> list[str]:
        # c/image keeps a blob-info cache in /var/lib/containers/cache for root and reuses gzip
        # blobs for a zstd push through it. A private mount namespace with a tmpfs over
        # /var/lib keeps that cache per command and out of the machine's default storage.
        if self._unshare is None:
            probe = subprocess.run(
                ["unshare", "--mount", "--propagation", "private", "true"],
                capture_output=True,
                check=False,
            )
            self._unshare = probe.returncode == 0 and shutil.which("unshare") is not None
        if not self._unshare:
            return []
        script = 'mount -t tmpfs tmpfs /var/lib && exec "$@"'
        return ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh"]

    def run(self, *args: str, cwd: Path | None = None) -> str:
        command = [
            *self._wrapper(),
            "buildah",
            "--root",
            str(self.workdir / "root"),
            "--runroot",
            str(self.workdir / "runroot"),
            "--storage-driver",
            "vfs",
            *args,
        ]
        done = subprocess.run(
            command, cwd=cwd, env=self.env, capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
        return done.stdout.strip()

    def base(self, name: str = "localhost/base:1") -> str:
        """A base image: busybox-static at /bin/busybox with symlinks for common applets."""
        if name in self.built:
            return name
        busybox = shutil.which("busybox") or "/bin/busybox"
        rootfs = self.workdir / "base-rootfs"
        (rootfs / "bin").mkdir(parents=True, exist_ok=True)
        shutil.copy2(busybox, rootfs / "bin" / "busybox")
        for applet in BUSYBOX_APPLETS:
            link = rootfs / "bin" / applet
            if not link.is_symlink():
                link.symlink_to("busybox")
        container = self.run("from", "scratch")
        self.run("copy", container, str(rootfs), "/")
        self.run("config", "--cmd", "/bin/sh", container)
        self.run("commit", "--quiet", "--rm", container, name)
        self.built[name] = name
        return name

    def build(
        self, name: str, dockerfile: str, files: Mapping[str, bytes | str] | None = None
    ) -> str:
        """`buildah bud --layers` of `dockerfile` with a context holding `files`; once per name."""
        if name in self.built:
            return name
        self.base()
        context = self.workdir / "contexts" / hashlib.sha256(name.encode()).hexdigest()[:16]
        context.mkdir(parents=True, exist_ok=True)
        for path, content in (files or {}).items():
            target = context / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content.encode() if isinstance(content, str) else content)
        (context / "Dockerfile").write_text(dockerfile)
        self.run(
            "bud",
            "--quiet",
            "--layers",
            "--pull=never",
            "--isolation",
            "chroot",
            "-f",
            str(context / "Dockerfile"),
            "-t",
            name,
            str(context),
        )
        self.built[name] = name
        return name

    def scratch_image(
        self, name: str, files: Mapping[str, bytes | str], platform: str = "linux/amd64"
    ) -> str:
        """A one-layer image of `files` claiming `platform` (no RUN, so any arch works)."""
        if name in self.built:
            return name
        context = self.workdir / "scratch" / hashlib.sha256(name.encode()).hexdigest()[:16]
        context.mkdir(parents=True, exist_ok=True)
        for path, content in files.items():
            (context / path).write_bytes(content.encode() if isinstance(content, str) else content)
        os_, arch, *variant = platform.split("/")
        container = self.run("from", "scratch")
        self.run("copy", container, str(context), "/")
        config = ["config", "--os", os_, "--arch", arch]
        if variant:
            config += ["--variant", variant[0]]
        self.run(*config, container)
        self.run("commit", "--quiet", "--rm", container, name)
        self.built[name] = name
        return name

    def push(
        self,
        image: str,
        destination: str,
        *,
        creds: str | None = None,
        options: Sequence[str] = (),
    ) -> str:
        """Push to `destination` (host/repo:tag); return the pushed manifest's digest.

        `options`: e.g. ("--format", "v2s2"), ("--compression-format", "zstd"),
        ("--disable-compression",).
        """
        digestfile = self.workdir / f"digest-{uuid.uuid4().hex}"
        args = ["push", "--quiet", "--tls-verify=false", "--digestfile", str(digestfile)]
        if creds:
            args += ["--creds", creds]
        self.run(*args, *options, image, f"docker://{destination}")
        return digestfile.read_text().strip()

    def push_index(self, name: str, images: Sequence[str], destination: str) -> str:
        """`buildah manifest create/add/push --all`: an index of `images`; return its digest."""
        if name not in self.built:
            self.run("manifest", "create", name)
            for image in images:
                self.run("manifest", "add", name, image)
            self.built[name] = name
        digestfile = self.workdir / f"digest-{uuid.uuid4().hex}"
        self.run(
            "manifest",
            "push",
            "--quiet",
            "--all",
            "--tls-verify=false",
            "--digestfile",
            str(digestfile),
            name,
            f"docker://{destination}",
        )
        return digestfile.read_text().strip()


@pytest.fixture(scope="session")
def buildah_images(tmp_path_factory: pytest.TempPathFactory) -> Buildah:
    """A Buildah helper with a private storage root for this session."""
    require_tools("buildah", "busybox")
    return Buildah(tmp_path_factory.mktemp("buildah"))


# A fault-injecting proxy -------------------------------------------------------------------------


@dataclass
class Fault:
    """What the proxy does to the next `times` requests whose path contains `path`.

    kind: "status" (answer `status` with `headers`), "reset" (RST the connection, after sending
    the headers and `after` bytes of the body when `after` > 0), "slow" (wait `delay` seconds,
    then forward), "dribble" (forward the whole response, headers included, one byte every
    `delay` seconds), "truncate" (forward `after` bytes of the body, or half, then close),
    "corrupt" (forward with one byte changed), "redirect" (307 to the capture server on
    `localhost`), "serve" (answer 200 with `body` and `headers`, and its Docker-Content-Digest),
    "norange" (forward without the request's Range header, as registries without Range do).
    """

    kind: str
    path: str = "/v2/"
    times: int = 1
    method: str | None = None
    status: int = 500
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    after: int = 0
    body: bytes = b""


class Logged(NamedTuple):
    """One request the proxy received, and the fault it applied ("" for none)."""

    method: str
    path: str
    had_auth: bool
    range: str | None
    fault: str


_PASS_HEADERS = (
    "content-type",
    "content-length",
    "content-range",
    "accept-ranges",
    "docker-content-digest",
    "www-authenticate",
    "link",
    "location",
)


def _forward(
    upstream: str, handler: BaseHTTPRequestHandler, send_range: bool = True
) -> tuple[int, list[tuple[str, str]], bytes]:
    connection = http.client.HTTPConnection(upstream, timeout=10)
    wanted = ("authorization", "accept", "range") if send_range else ("authorization", "accept")
    headers = {k: v for k, v in handler.headers.items() if k.lower() in wanted}
    connection.request(handler.command, handler.path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    kept = [(k, v) for k, v in response.getheaders() if k.lower() in _PASS_HEADERS]
    connection.close()
    return response.status, kept, body


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # injected resets and cut connections are the point, not noise to print


class _Server:
    def __init__(self, handle: Any) -> None:
        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                handle(self)

            do_HEAD = do_GET

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = int(self.httpd.server_address[1])
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class FaultProxy:
    """Forwards to `upstream`, applying the first matching Fault; logs every request."""

    def __init__(self, upstream: str, redirect_upstream: str) -> None:
        self.upstream = upstream
        self.faults: list[Fault] = []
        self.log: list[Logged] = []
        self.capture_log: list[tuple[str, str, str | None]] = []
        self._proxy = _Server(self._handle)
        self._capture = _Server(self._handle_capture)
        self.redirect_upstream = redirect_upstream
        self.host = f"127.0.0.1:{self._proxy.port}"

    def reset(self, upstream: str) -> None:
        self.upstream = upstream
        self.faults.clear()
        self.log.clear()
        self.capture_log.clear()

    def requests_to(self, fragment: str) -> int:
        return sum(1 for entry in self.log if fragment in entry.path)

    def sent(self, fragment: str) -> list[Logged]:
        """The requests whose path contains `fragment`, in order."""
        return [entry for entry in self.log if fragment in entry.path]

    def _fault_for(self, handler: BaseHTTPRequestHandler) -> Fault | None:
        for fault in self.faults:
            if (
                fault.times > 0
                and fault.path in handler.path
                and fault.method in (None, handler.command)
            ):
                fault.times -= 1
                return fault
        return None

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        fault = self._fault_for(handler)
        kind = fault.kind if fault else "pass"
        self.log.append(
            Logged(
                handler.command,
                handler.path,
                "Authorization" in handler.headers,
                handler.headers.get("Range"),
                fault.kind if fault else "",
            )
        )
        if fault and kind == "status":
            body = json.dumps({"errors": [{"code": "UNAVAILABLE", "message": "injected"}]})
            _respond(handler, fault.status, list(fault.headers.items()), body.encode())
            return
        if fault and kind == "serve":
            digest = "sha256:" + hashlib.sha256(fault.body).hexdigest()
            headers = [("Docker-Content-Digest", digest), *fault.headers.items()]
            _respond(handler, 200, headers, fault.body, head=handler.command == "HEAD")
            return
        if fault and kind == "reset" and not fault.after:
            _reset(handler)
            return
        if fault and kind == "slow":
            time.sleep(fault.delay)
        if kind == "redirect":
            location = f"http://localhost:{self._capture.port}{handler.path}"
            _respond(handler, 307, [("Location", location)], b"")
            return
        status, headers, body = _forward(self.upstream, handler, send_range=kind != "norange")
        if kind == "corrupt" and body:
            body = body[:-1] + bytes([body[-1] ^ 0xFF])
        if fault and kind in ("truncate", "reset"):
            handler.send_response(status)
            for key, value in headers:
                handler.send_header(key, value)
            handler.end_headers()
            handler.wfile.write(body[: fault.after or len(body) // 2])
            handler.wfile.flush()
            handler.close_connection = True
            if kind == "reset":
                time.sleep(0.2)  # let the client take what was sent: a RST discards unread data
                _reset(handler)
            else:
                handler.connection.shutdown(socket.SHUT_RDWR)
            return
        if fault and kind == "dribble":
            _dribble(handler, status, headers, body, fault.delay)
            return
        _respond(handler, status, headers, body, head=handler.command == "HEAD")

    def _handle_capture(self, handler: BaseHTTPRequestHandler) -> None:
        self.capture_log.append(
            (handler.command, handler.path, handler.headers.get("Authorization"))
        )
        status, headers, body = _forward(self.redirect_upstream, handler)
        _respond(handler, status, headers, body, head=handler.command == "HEAD")

    def stop(self) -> None:
        self._proxy.stop()
        self._capture.stop()


def _reset(handler: BaseHTTPRequestHandler) -> None:
    handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    handler.connection.close()
    handler.close_connection = True


def _dribble(
    handler: BaseHTTPRequestHandler,
    status: int,
    headers: list[tuple[str, str]],
    body: bytes,
    delay: float,
) -> None:
    """The response, status line and headers included, one byte at a time (a slowloris)."""
    lines = [f"HTTP/1.1 {status} OK", *(f"{k}: {v}" for k, v in headers), "Connection: close"]
    data = ("\r\n".join(lines) + "\r\n\r\n").encode()
    if handler.command != "HEAD":
        data += body
    handler.close_connection = True
    try:
        for i in range(len(data)):
            handler.wfile.write(data[i : i + 1])
            handler.wfile.flush()
            time.sleep(delay)
    except OSError:
        pass  # the client gave up: what a slowloris test waits for


def _respond(
    handler: BaseHTTPRequestHandler,
    status: int,
    headers: list[tuple[str, str]],
    body: bytes,
    head: bool = False,
) -> None:
    handler.send_response(status)
    has_length = False
    for key, value in headers:
        handler.send_header(key, value)
        has_length = has_length or key.lower() == "content-length"
    if not has_length:
        handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    if not head:
        handler.wfile.write(body)


@pytest.fixture(scope="session")
def fault_proxy_server(registry: RunningRegistry) -> Iterator[FaultProxy]:
    proxy = FaultProxy(registry.host, registry.host)
    yield proxy
    proxy.stop()


@pytest.fixture
def fault_proxy(fault_proxy_server: FaultProxy, registry: RunningRegistry) -> FaultProxy:
    """The proxy in front of the plain registry, with no faults; tests add to `.faults`."""
    fault_proxy_server.reset(registry.host)
    return fault_proxy_server
