"""The registry client: images (index -> platform manifest -> config), blobs, tags.

API: https://github.com/opencontainers/distribution-spec/blob/main/spec.md
Everything fetched is verified against its digest before it is used or cached; content addressed
by digest is cached on disk, so a digest-pinned reference costs no request the second time.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO

import requests

from layerguard import __version__
from layerguard.reference import ImageRef
from layerguard.registry.cache import DigestCache, default_cache_dir
from layerguard.registry.model import (
    DEFAULT_PLATFORM,
    INDEX_TYPES,
    MANIFEST_ACCEPT,
    MANIFEST_TYPES,
    MAX_CONFIG_BYTES,
    MAX_MANIFEST_BYTES,
    Descriptor,
    Image,
    RegistryError,
    check_digest,
    compute_digest,
    format_platform,
    layers_of,
    matches,
    media_type_of,
    parse_json,
    parse_platform,
    platform_matches,
    select_platform,
    string_map,
)
from layerguard.registry.schema import check_config, check_index, check_manifest
from layerguard.registry.stream import VerifiedStream
from layerguard.registry.transport import Transport, join_url

_MAX_TAG_PAGES = 1000
_LINK_NEXT = re.compile(r'<([^>]*)>\s*;\s*rel="?next"?')


def _frozen(value: Any) -> Any:
    if isinstance(value, Mapping):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


class Client:
    """Reads images from OCI distribution registries over HTTP(S); no daemon involved.

    `insecure` allows plain HTTP to any registry (loopback registries always get plain HTTP).
    `timeout` bounds every connect and read, and each request as a whole (a blob's body gets
    more by its size); `retries` bounds the retries of one call, and all its attempts and waits
    stay within (retries + 1) such budgets.
    """

    def __init__(
        self,
        *,
        insecure: bool = False,
        timeout: float = 30.0,
        cache_dir: Path | None = None,
        retries: int = 3,
        user_agent: str = f"layerguard/{__version__}",
        backoff: float = 0.5,
        max_retry_after: float = 30.0,
        session: requests.Session | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self._transport = Transport(
            insecure=insecure,
            timeout=timeout,
            retries=retries,
            backoff=backoff,
            max_retry_after=max_retry_after,
            user_agent=user_agent,
            session=session,
            env=env,
        )
        self.cache = DigestCache(cache_dir if cache_dir is not None else default_cache_dir(env))

    def on_retry(self, notify: Callable[[str], None] | None) -> None:
        """Have `notify` told, in one line, of each retry that waits 5 s or more first."""
        self._transport.notify = notify

    @property
    def requests_made(self) -> int:
        """How many HTTP requests this client has sent (redirect hops and token requests count)."""
        return self._transport.requests_made

    def close(self) -> None:
        self._transport.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Client(requests_made={self.requests_made})"

    # Manifests ----------------------------------------------------------------------------------

    def _resolve(self, ref: ImageRef) -> str:
        """The digest `ref` names: its own, or what the registry says its tag points at (HEAD)."""
        if ref.digest:
            return check_digest(ref.digest)
        what = f"manifest {ref.repository}:{ref.tag}"
        response = self._transport.request(
            "HEAD",
            ref.registry,
            f"/v2/{ref.repository}/manifests/{ref.tag}",
            repository=ref.repository,
            what=what,
            headers={"Accept": MANIFEST_ACCEPT},
        )
        response.close()
        digest = response.headers.get("Docker-Content-Digest", "")
        if digest:
            return check_digest(digest)
        # Registries need not send the header on HEAD; then GET by tag and hash what came.
        data, _ = self._get_manifest(ref, str(ref.tag), None)
        digest = compute_digest(data)
        self.cache.put(digest, data)
        return digest

    def _get_manifest(
        self, ref: ImageRef, reference: str, digest: str | None
    ) -> tuple[bytes, str | None]:
        what = f"manifest {ref.repository}@{reference}" if digest else f"manifest {reference}"
        response, data = self._transport.get_bytes(
            ref.registry,
            f"/v2/{ref.repository}/manifests/{reference}",
            repository=ref.repository,
            what=what,
            limit=MAX_MANIFEST_BYTES,
            headers={"Accept": MANIFEST_ACCEPT},
        )
        expected = digest or response.headers.get("Docker-Content-Digest")
        if expected and not matches(data, check_digest(expected)):
            raise RegistryError(
                f"{ref.registry}: {what}: content does not match its digest {expected}; refused"
            )
        return data, response.headers.get("Content-Type")

    def manifest(self, ref: ImageRef, digest: str) -> tuple[dict[str, Any], str]:
        """The manifest or index with `digest` (from the cache when there) and its media type."""
        data = self.cache.get(digest)
        content_type = None
        if data is None:
            data, content_type = self._get_manifest(ref, digest, digest)
            self.cache.put(digest, data)
        what = f"{ref.registry}: {ref}: manifest {digest}"
        manifest = parse_json(data, what)
        try:
            media_type = media_type_of(manifest, content_type)
        except RegistryError as exc:
            raise RegistryError(f"{what}: {exc}") from None
        if media_type in INDEX_TYPES:
            check_index(manifest, what)
        else:
            check_manifest(manifest, what)
        return manifest, media_type

    def image(self, ref: ImageRef, platform: str | None = None) -> Image:
        """The image `ref` names for `platform` (`os/arch[/variant]`).

        From an index, `platform` defaults to linux/amd64 and attestation entries are skipped. A
        single-platform manifest is taken as it is when no platform is given, and refused when its
        config says another platform than the one asked for.
        """
        if platform is not None:
            parse_platform(platform)
        top_digest = self._resolve(ref)
        manifest, media_type = self.manifest(ref, top_digest)
        digest, entry_annotations = top_digest, {}
        if media_type in INDEX_TYPES:
            chosen, entry = select_platform(manifest, platform or DEFAULT_PLATFORM)
            entry_annotations = string_map(entry.get("annotations"))
            digest = chosen.digest
            manifest, media_type = self.manifest(ref, digest)
            if media_type in INDEX_TYPES:
                raise RegistryError(
                    f"{ref.registry}: {ref}: nested image indexes are not supported"
                )
        if media_type not in MANIFEST_TYPES:
            raise RegistryError(f"{ref.registry}: {ref}: unsupported manifest type {media_type!r}")
        config_descriptor, layers = layers_of(manifest)
        what = f"{ref.registry}: {ref}: image config {config_descriptor.digest}"
        config = parse_json(self.small_blob(ref, config_descriptor, MAX_CONFIG_BYTES), what)
        check_config(config, what)
        actual = format_platform(config)
        if platform is not None and digest == top_digest and not platform_matches(platform, config):
            raise RegistryError(f"{ref.registry}: {ref}: the image is for {actual}, not {platform}")
        annotations = {**entry_annotations, **string_map(manifest.get("annotations"))}
        return Image(
            reference=ref,
            digest=digest,
            platform=actual,
            media_type=media_type,
            manifest=_frozen(manifest),
            config=_frozen(config),
            config_descriptor=config_descriptor,
            layers=layers,
            annotations=MappingProxyType(annotations),
        )

    # Blobs --------------------------------------------------------------------------------------

    def small_blob(self, ref: ImageRef, descriptor: Descriptor, limit: int) -> bytes:
        """A small blob (an image config) whole, verified, and cached by digest."""
        cached = self.cache.get(descriptor.digest)
        if cached is not None:
            return cached
        if descriptor.size > limit:
            raise RegistryError(
                f"{ref.registry}: blob {descriptor.digest}: {descriptor.size} bytes is more "
                f"than the {limit} allowed"
            )
        with self.open_blob(ref, descriptor) as stream:
            data = stream.read()
        self.cache.put(descriptor.digest, data)
        return data

    @contextmanager
    def open_blob(self, ref: ImageRef, descriptor: Descriptor) -> Iterator[BinaryIO]:
        """Stream a blob, verifying its size and digest as it is read.

        Reading past the end raises RegistryError if the bytes do not match; leaving the `with`
        block normally reads any unread rest and verifies it, so a mismatch is never missed. A
        read that fails is retried (resumed with Range where the registry allows it) within the
        client's retries and the blob's deadline.
        """
        digest = check_digest(descriptor.digest)
        raw = VerifiedStream(
            self._transport,
            ref.registry,
            f"/v2/{ref.repository}/blobs/{digest}",
            ref.repository,
            descriptor,
        )
        try:
            yield io.BufferedReader(raw, buffer_size=256 * 1024)
            raw.finish()
        finally:
            raw.close()

    def blob_size(self, ref: ImageRef, digest: str) -> int | None:
        """The size of blob `digest` in `ref`'s repository (a HEAD request), or None if absent."""
        response = self._transport.request(
            "HEAD",
            ref.registry,
            f"/v2/{ref.repository}/blobs/{check_digest(digest)}",
            repository=ref.repository,
            what=f"blob {digest}",
            expect=(200, 404),
        )
        response.close()
        if response.status_code == 404:
            return None
        length = response.headers.get("Content-Length")
        if length is None or not length.isdigit():
            raise RegistryError(f"{ref.registry}: blob {digest}: HEAD gave no Content-Length")
        return int(length)

    # Tags ---------------------------------------------------------------------------------------

    def tags(self, ref: ImageRef, *, page_size: int | None = None) -> list[str]:
        """Every tag of `ref`'s repository, following `Link: <...>; rel="next"` pagination."""
        base = self._transport.base_url(ref.registry)
        url = f"{base}/v2/{ref.repository}/tags/list"
        if page_size:
            url += f"?n={page_size}"
        tags: list[str] = []
        for _ in range(_MAX_TAG_PAGES):
            response, data = self._transport.get_bytes(
                ref.registry,
                "",
                repository=ref.repository,
                what=f"tags of {ref.repository}",
                limit=MAX_MANIFEST_BYTES,
                url=url,
            )
            page = parse_json(data, f"{ref.registry}: tag list")
            names = page.get("tags") or []
            if not isinstance(names, list):
                raise RegistryError(f"{ref.registry}: tag list of {ref.repository} is malformed")
            tags.extend(str(name) for name in names)
            link = _LINK_NEXT.search(response.headers.get("Link", ""))
            if not link:
                return tags
            url = join_url(url, link.group(1), ref.registry, f"tags of {ref.repository}")
            if not url.startswith(base + "/"):
                raise RegistryError(f"{ref.registry}: tag list points to another host; refused")
        raise RegistryError(f"{ref.registry}: tags of {ref.repository}: too many pages")
