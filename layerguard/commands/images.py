"""`layerguard inspect`, `compare` and `images`: the commands that read images, not Dockerfiles.

They import the registry stack (requests); `layerguard check` without --registry never does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from layerguard.errors import EXIT_CLEAN, UsageError
from layerguard.reference import ImageRef, parse_reference

if TYPE_CHECKING:
    from layerguard.registry import Client


def _refs(texts: list[str]) -> list[ImageRef]:
    refs = []
    for text in texts:
        try:
            refs.append(parse_reference(text))
        except ValueError as exc:
            raise UsageError(f"{text}: {exc}") from None
    return refs


def _client(args: argparse.Namespace) -> Client:
    from layerguard.registry import Client

    return Client(insecure=args.insecure, timeout=args.timeout)


def inspect(args: argparse.Namespace) -> int:
    from layerguard.image.deep import Indexer
    from layerguard.image.measure import compare as compare_images
    from layerguard.image.report import inspect_record, inspect_text

    (ref,) = _refs([args.ref])
    with _client(args) as client:
        image = client.image(ref, args.platform)
        indexer = Indexer.for_cli(client, quiet=args.quiet) if args.deep else None
        indexes = indexer(image) if indexer else None
        (row,) = compare_images([image], indexer)
        if args.format == "html":
            from layerguard.image import html

            out = html.render(html.records([image], [row], indexer), "inspect")
    if args.format == "json":
        import json

        out = json.dumps(inspect_record(image, row, indexes), indent=2) + "\n"
    elif args.format != "html":
        out = inspect_text(image, row, indexes)
    _write(args, out)
    return EXIT_CLEAN


def compare(args: argparse.Namespace) -> int:
    from layerguard.image.deep import Indexer
    from layerguard.image.measure import compare as compare_images
    from layerguard.image.report import compare_json, compare_text

    refs = _refs(args.refs)
    with _client(args) as client:
        images = [client.image(ref, args.platform) for ref in refs]
        indexer = Indexer.for_cli(client, quiet=args.quiet) if args.deep else None
        rows = compare_images(images, indexer)
        if args.format == "html":
            from layerguard.image import html

            # The indexer remembers every layer compare_images read: nothing is read twice.
            out = html.render(html.records(images, rows, indexer), "compare")
    if args.format == "json":
        out = compare_json(rows)
    elif args.format != "html":
        out = compare_text(rows, args.deep)
    _write(args, out)
    return EXIT_CLEAN


def _write(args: argparse.Namespace, text: str) -> None:
    """To --output as check writes it (a regular file atomically, `-` and devices as they
    are), else stdout."""
    if getattr(args, "output", None):
        from layerguard.formatters import write_output

        write_output(args.output, text)
    else:
        sys.stdout.write(text)


def images(args: argparse.Namespace) -> int:
    """Where each Dockerfile's image comes from: config, compose, bake, workflow, Makefile."""
    from layerguard.image.report import table
    from layerguard.project.config import load_config
    from layerguard.project.sources import discover

    cfg = load_config(args.config)
    root = cfg.root
    rows = []
    for dockerfile, ref in cfg.images.items():
        line = cfg.image_lines.get(dockerfile, 1)
        rows.append((_show(dockerfile), ref.familiar, f"{_show(cfg.path)}:{line}"))
    configured = set(cfg.images)
    for source in discover(Path(root)):
        if source.dockerfile in configured or source.image is None:
            continue  # (a build without an image name maps no image, only its context)
        rows.append(
            (
                _show(source.dockerfile),
                source.image.familiar,
                f"{_show(source.origin)}:{source.line}",
            )
        )
    if not rows:
        print("no image mappings found (see `images:` in .layerguard.yaml)", file=sys.stderr)
        return EXIT_CLEAN
    sys.stdout.write(table(("DOCKERFILE", "IMAGE", "SOURCE"), rows, set()))
    return EXIT_CLEAN


def _show(path: Path | None) -> str:
    if path is None:
        return "-"
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
