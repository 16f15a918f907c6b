"""The sample images the registry tests push, and how tests name them."""

from __future__ import annotations

import io
import tarfile
from dataclasses import dataclass

from layerguard.reference import ImageRef, parse_reference

APP_DOCKERFILE = """\
FROM localhost/base:1
COPY hello.txt /hello.txt
COPY data.bin /data.bin
RUN echo built > /built.txt && rm /hello.txt
"""
APP_FILES = {"hello.txt": "hello\n", "data.bin": bytes(range(256)) * 512}


OCI_TAR = "application/vnd.oci.image.layer.v1.tar"


def _tar(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size, info.mtime = len(data), 1_700_000_000
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


PLAIN_LAYER = _tar({"plain.txt": b"plain tar layer\n"})


@dataclass(frozen=True)
class SampleImages:
    """What was pushed to `registry`: repository:tag -> manifest digest."""

    host: str
    digests: dict[str, str]

    def ref(self, name: str, host: str | None = None) -> ImageRef:
        return parse_reference(f"{host or self.host}/{name}")
