"""`check --registry`: the facts rules get from the registry about base and built images.

Imported only when the registry is asked for, so `layerguard check` alone never loads requests.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from layerguard.image.deep import Indexer
from layerguard.image.layers import analyze
from layerguard.image.measure import base_image, compare, instruction_of, layer_history
from layerguard.image.reclaim import layer_figures
from layerguard.reference import ImageRef, parse_reference
from layerguard.registry import Client, Image, RegistryError
from layerguard.rules.base import BaseFacts, BuiltFacts, BuiltLayers

MAX_CHAIN = 32
MAX_TAGS_SCANNED = 30
_PRERELEASE = re.compile(r"(?:rc|alpha|beta|a|b|pre|dev)?[.]?\d*", re.IGNORECASE)
_VERSION = re.compile(r"v?(\d+(?:\.\d+)*)(?:[-+.]?(.*))?")


def version_key(tag: str) -> tuple[int, tuple[int, ...], str]:
    """Sort key: version-like tags by their numbers (pre-releases before the release), then text."""
    match = _VERSION.fullmatch(tag)
    if not match:
        return (0, (), tag)
    numbers = tuple(int(n) for n in match.group(1).split("."))
    # a release sorts after its pre-releases: "~" is after any text a pre-release suffix holds
    return (1, numbers, match.group(2) or "~")


def _variant(tag: str) -> str:
    """`alpine` of `1.2.4-alpine`; empty for plain versions and pre-releases (`1.0.0-rc1`)."""
    match = _VERSION.fullmatch(tag)
    suffix = (match.group(2) or "") if match else ""
    return "" if _PRERELEASE.fullmatch(suffix) else suffix


def previous_tag(tags: list[str], tag: str) -> str | None:
    """The highest tag that sorts before `tag` (semver-aware, then lexical); never `latest`.

    A variant stays a variant: before `1.2.4-alpine` comes `1.2.3-alpine`, not `1.2.3`.
    """
    key = version_key(tag)
    earlier = [t for t in tags if t != "latest" and t != tag and version_key(t) < key]
    if key[0] == 1:
        variant = _variant(tag)
        earlier = [t for t in earlier if version_key(t)[0] == 1 and _variant(t) == variant]
    return max(earlier, key=version_key) if earlier else None


class RegistryMeasurer:
    """Answers the engine's questions from the registry; in optional mode, failures are notices."""

    def __init__(
        self,
        client: Client,
        indexer: Indexer,
        *,
        platform: str | None,
        optional: bool,
        previous: Mapping[str, ImageRef],
        budgets: frozenset[str],
    ) -> None:
        """`budgets`: the codes of the budget rules with a limit set; none, no built-image work."""
        self.client = client
        self.indexer = indexer
        self.platform = platform
        self.optional = optional
        self.previous = previous
        self.budgets = budgets
        self.notices: list[str] = []
        self._images: dict[str, Image | None] = {}
        self._failed: set[str] = set()  # refs that failed in optional mode (noticed already)
        self._guesses: dict[str, Image | None] = {}
        self._tags: dict[str, list[str]] = {}
        self.built_images: list[Image] = []  # the images the checked files build, as measured

    def _not_measured(self, exc: RegistryError) -> None:
        """A registry fault: an error, or under `--registry=optional` a notice."""
        if not self.optional:
            raise exc
        self.notices.append(f"not measured: {exc}")

    def _image(self, ref: ImageRef, missing_ok: bool = False) -> Image | None:
        key = str(ref)
        if key not in self._images:
            try:
                self._images[key] = self.client.image(ref, self.platform)
            except RegistryError as exc:
                if missing_ok and _is_missing(exc):
                    self._images[key] = None
                elif self.optional:
                    self.notices.append(f"not measured: {exc}")
                    self._images[key] = None
                    self._failed.add(key)
                else:
                    raise
        return self._images[key]

    def base(self, image: ImageRef) -> BaseFacts | None:
        found = self._image(image)
        if found is None:
            return None
        try:
            analysis = analyze(self.indexer(found))
            chain = self._chain(found)
        except RegistryError as exc:
            self._not_measured(exc)
            return None
        return BaseFacts(
            image,
            analysis.visible,
            tuple(i.reference for i in chain),
            tuple(len(i.layers) for i in chain),
            tuple(d.size for d in found.layers),
        )

    def built(self, image: ImageRef) -> BuiltFacts | None:
        if not self.budgets:
            return None
        try:
            return self._built(image)
        except RegistryError as exc:
            self._not_measured(exc)
            return None

    def _built(self, image: ImageRef) -> BuiltFacts | None:
        found = self._image(image, missing_ok=True)
        if found is None:
            if str(image) not in self._failed:  # a failure has its own notice, not this one
                self.notices.append(f"{image.familiar} is not in the registry: budgets not checked")
            return None
        previous = previous_ref = None
        if "LG103" in self.budgets:
            previous_ref = self.previous.get(str(image)) or self._previous_ref(image)
            previous = self._image(previous_ref, missing_ok=True) if previous_ref else None
        failed = previous_ref is not None and str(previous_ref) in self._failed
        if previous is None and "LG103" in self.budgets and not failed:
            self.notices.append(
                f"no previous version of {image.familiar} found: update budget not checked"
            )
        images = [previous, found] if previous is not None else [found]
        rows = compare(images, self.indexer if "LG102" in self.budgets else None)
        row = rows[-1]
        old = {d.digest for d in previous.layers} if previous is not None else set()
        fresh = sorted(
            (i for i, d in enumerate(found.layers) if d.digest not in old),
            key=lambda i: -found.layers[i].size,
        )
        new_layers = [
            {
                "digest": found.layers[i].digest,
                "size": found.layers[i].size,
                "instruction": instruction_of(found, i),
            }
            for i in fresh
        ]
        record: Mapping[str, Any] = row.as_json() if row.analysis else {}
        return BuiltFacts(
            image,
            row.layer_count,
            row.compressed_size,
            row.uncompressed_size or 0,
            row.analysis.wasted_bytes if row.analysis else 0,
            tuple(w for w in record.get("wasted", ()) if w["reason"] in ("deleted", "overwritten")),
            previous.reference if previous is not None else None,
            row.download_cached if previous is not None else None,
            tuple(new_layers),
        )

    def records(self) -> list[dict[str, Any]]:
        """The built images measured so far, as `inspect --format json` records (for the
        drawn report of `check --registry --format html`)."""
        from layerguard.image.html import records

        return records(self.built_images, compare(self.built_images, self.indexer), self.indexer)

    def layers(self, image: ImageRef) -> BuiltLayers | None:
        """The built image layer by layer, for the bytes of each static finding."""
        try:
            found = self._image(image, missing_ok=True)
            if found is not None and all(found.digest != i.digest for i in self.built_images):
                self.built_images.append(found)
            if found is None:
                if str(image) not in self._failed:
                    self.notices.append(
                        f"{image.familiar} is not in the registry: findings not measured"
                    )
                return None
            indexes = self.indexer(found)
            figures = layer_figures(indexes, analyze(indexes))
        except RegistryError as exc:
            self._not_measured(exc)
            return None
        return BuiltLayers(
            image,
            tuple(layer_history(found)),
            tuple(
                {
                    "hidden": f.hidden,
                    "replaced": f.replaced,
                    "cache": f.cache,
                    "archives": f.archives,
                }
                for f in figures
            ),
        )

    def _previous_ref(self, image: ImageRef) -> ImageRef | None:
        if image.tag is None:
            return None
        tag = previous_tag(self._tags_of(image), image.tag)
        return ImageRef(image.registry, image.repository, tag, None) if tag else None

    def _chain(self, image: Image) -> list[Image]:
        """The image and the images it was built from, newest first, as far as they resolve."""
        chain = [image]
        seen = {image.digest}
        while len(chain) < MAX_CHAIN:
            parent = self._parent(chain[-1])
            if parent is None or parent.digest in seen:
                break
            seen.add(parent.digest)
            chain.append(parent)
        return chain

    def _parent(self, image: Image) -> Image | None:
        """The base an image records (when it resolves), else the repository's own tag whose
        layers are the longest proper prefix of the image's layers."""
        layers = [d.digest for d in image.layers]
        name, _ = base_image(image)
        for ref in self._named_base_candidates(image, name):
            parent = self._guess(ref)
            if parent is not None and _is_prefix(parent, layers):
                return parent
        if image.reference.name.startswith("docker.io/library/"):
            return None  # official images are never built on their own earlier versions
        best: Image | None = None
        tags = sorted(self._tags_of(image.reference), key=version_key, reverse=True)
        for tag in tags[:MAX_TAGS_SCANNED]:
            ref = ImageRef(image.reference.registry, image.reference.repository, tag, None)
            candidate = self._guess(ref)
            if candidate is None or not _is_prefix(candidate, layers):
                continue
            if best is None or len(candidate.layers) > len(best.layers):
                best = candidate
        return best

    def _guess(self, ref: ImageRef) -> Image | None:
        """A candidate parent: any failure (missing, other platform, denied) means "not it"."""
        key = str(ref)
        if key not in self._guesses:
            try:
                self._guesses[key] = self.client.image(ref, self.platform)
            except RegistryError:
                self._guesses[key] = None
        return self._guesses[key]

    def _tags_of(self, ref: ImageRef) -> list[str]:
        if ref.name not in self._tags:
            try:
                self._tags[ref.name] = self.client.tags(ref)
            except RegistryError:
                self._tags[ref.name] = []
        return self._tags[ref.name]

    @staticmethod
    def _named_base_candidates(image: Image, name: str | None) -> list[ImageRef]:
        if not name:
            return []
        try:
            ref = parse_reference(name)
        except ValueError:
            return []
        here = ImageRef(image.reference.registry, ref.repository, ref.tag, ref.digest)
        # buildah records the local name the base had (`localhost/app:0.0.3`); the same
        # repository on the image's own registry is where a pushed base would be.
        return [here] if ref.registry == "localhost" else [ref, here]


def _is_prefix(parent: Image, layers: list[str]) -> bool:
    own = [d.digest for d in parent.layers]
    return 0 < len(own) < len(layers) and layers[: len(own)] == own


def _is_missing(exc: RegistryError) -> bool:
    text = str(exc)  # the transport words statuses as `HTTP 404 MANIFEST_UNKNOWN (...)`
    return "HTTP 404" in text or "MANIFEST_UNKNOWN" in text or "NAME_UNKNOWN" in text
