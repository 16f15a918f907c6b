"""The filesystem model: what each layer leaves, and which earlier bytes each change reaches."""

from __future__ import annotations

from pathlib import Path

import pytest

from layerguard.dockerfile.effects import CACHE, CHOWN, PURGE, REMOVE
from layerguard.dockerfile.filesystem import BASE, DIR, EXACT, FILE, HEAVY, TREE, Layer, layers
from layerguard.dockerfile.parser import parse
from layerguard.project.chain import Graph, Source
from layerguard.reference import parse_reference


def model(
    dockerfile: str, context: str | None = None, base: str | None = None
) -> tuple[Layer, ...]:
    source = Source("Dockerfile", parse(dockerfile), None, context or "/no/build/context")
    image = parse_reference(base) if base else None
    return layers(Graph({"k": source}, {}, None).steps("k"), None, image)


def reached(layer: Layer) -> list[tuple[str, str, int, bool]]:
    """(change kind, path named, writer index, whole) of every hit of a layer."""
    return [
        (change.kind, hit.path, hit.entry.layer, hit.whole)
        for change in layer.changes
        for hit in change.hits
    ]


def test_entries_say_what_each_write_leaves() -> None:
    copy, mkdir, curl = model(
        "FROM debian\nCOPY app.tgz /opt/\nRUN mkdir -p /srv/data\n"
        "RUN curl -fsSLo /opt/x.bin https://x/x.bin && apt-get update\n"
    )
    assert [(e.path, e.kind, e.role) for e in copy.entries] == [("/opt/app.tgz", FILE, "archive")]
    assert [(e.path, e.kind, e.weighs) for e in mkdir.entries] == [("/srv/data", DIR, False)]
    assert [(e.path, e.content, e.role) for e in curl.entries] == [
        ("/opt/x.bin", HEAVY, ""),
        ("/var/lib/apt/lists", HEAVY, CACHE),
    ]


def test_listed_context_gives_exact_sizes(tmp_path: Path) -> None:
    (tmp_path / "big.bin").write_bytes(b"x" * 1234)
    copy, remove = model("FROM debian\nCOPY big.bin /opt/\nRUN rm /opt/big.bin\n", str(tmp_path))
    assert [(e.path, e.content, e.size) for e in copy.entries] == [("/opt/big.bin", EXACT, 1234)]
    assert reached(remove) == [(REMOVE, "/opt/big.bin", 0, True)]


def test_a_removal_reaches_the_whole_earlier_write_whatever_the_run_did_there() -> None:
    *_, run = model(
        "FROM debian\nCOPY vendor/ /opt/vendor/\n"
        "RUN make -C /opt/vendor install && rm -rf /opt/vendor /opt/vendor-build\n"
    )
    assert reached(run) == [(REMOVE, "/opt/vendor", 0, True)]


def test_inside_a_tree_only_what_this_run_did_not_make() -> None:
    *_, run = model(
        "FROM node\nWORKDIR /app\nCOPY . .\n"
        "RUN npm ci && rm -rf node_modules/.cache && rm -rf /app/tests\n"
    )
    assert reached(run) == [(REMOVE, "/app/tests", 0, False)]


def test_what_this_run_made_and_removed_is_neither_left_nor_reached() -> None:
    (run,) = model(
        "FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*"
        " && curl -o /tmp/a https://x/a && rm /tmp/a\n"
    )
    assert not [e for e in run.entries if e.role == CACHE or e.path == "/tmp/a"]
    assert run.changes == ()


def test_a_cache_an_earlier_run_left_is_what_a_later_cleanup_reaches() -> None:
    update, clean = model(
        "FROM debian\nRUN apt-get update && apt-get install -y curl\n"
        "RUN rm -rf /var/lib/apt/lists/*\n"
    )
    assert [e.path for e in update.entries if e.role == CACHE] == ["/var/lib/apt/lists"]
    assert reached(clean) == [(REMOVE, "/var/lib/apt/lists/*", 0, True)]


def test_base_paths_count_only_when_a_class_shows_bytes() -> None:
    (docs,) = model("FROM debian\nRUN rm -rf /usr/share/doc /etc/motd /srv/nothing\n")
    assert reached(docs) == [(REMOVE, "/usr/share/doc", BASE, True)]
    # What this RUN installs adds docs beside the base image's, which stay in its layer...
    (after_install,) = model("FROM debian\nRUN apt-get install -y x && rm -rf /usr/share/doc\n")
    assert reached(after_install) == [(REMOVE, "/usr/share/doc", BASE, True)]
    # ...but a package's own directory may be all the install's.
    (own,) = model("FROM debian\nRUN apt-get install -y x && rm -rf /usr/share/doc/x\n")
    assert own.changes == ()
    # Alpine, BusyBox and distroless images ship no docs.
    for base in ("alpine:3.20", "python:3.12-alpine", "gcr.io/distroless/base-debian12"):
        (bare,) = model(f"FROM {base}\nRUN rm -rf /usr/share/doc /usr/share/man/*\n", base=base)
        assert bare.changes == (), base


class _Listing:
    """What `check --registry` shows of the base: path -> (size, layer)."""

    def __init__(self, files: dict[str, tuple[int, int]]) -> None:
        self.files = files

    def under(self, path: str) -> tuple[int, int]:
        found = [s for p, (s, _) in self.files.items() if p == path or p.startswith(path + "/")]
        return len(found), sum(found)


def test_with_the_registry_the_base_listing_decides() -> None:
    steps = Graph(
        {"k": Source("D", parse("FROM debian\nRUN rm -rf /srv/x /usr/share/doc\n"), None, None)},
        {},
        None,
    ).steps("k")
    listing = _Listing({"/srv/x/a": (10, 0), "/srv/x/b": (5, 0)})
    (run,) = layers(steps, listing)
    ((kind, hits),) = [(c.kind, c.hits) for c in run.changes]
    assert kind == REMOVE
    # /srv/x holds 2 files of 15 bytes; /usr/share/doc holds nothing in this base.
    assert [(h.path, h.files, h.entry.size) for h in hits] == [("/srv/x", 2, 15)]


def test_non_recursive_changes_of_directories_reach_nothing() -> None:
    *_, run = model(
        "FROM debian\nCOPY app/ /app/\nWORKDIR /data\n"
        "RUN chown app /app /data && chmod +x /app/run.sh\n"
    )
    assert reached(run) == [(CHOWN, "/app/run.sh", 0, False)]


def test_a_copy_up_removed_in_the_same_run_never_lands() -> None:
    *_, run = model(
        "FROM debian\nCOPY install.sh /tmp/\n"
        "RUN chmod +x /tmp/install.sh && /tmp/install.sh && rm /tmp/install.sh\n"
    )
    assert reached(run) == [(REMOVE, "/tmp/install.sh", 0, True)]


def test_package_removal_reaches_earlier_installs_not_its_own() -> None:
    _, purge, own = model(
        "FROM debian\nRUN apt-get install -y gcc\nRUN apt-get purge -y gcc\n"
        "RUN apt-get install -y make && make && apt-get purge -y make\n"
    )
    assert reached(purge) == [(PURGE, "packages", 0, True)]
    assert own.changes == ()


def test_unpacking_reaches_the_archive_a_copy_wrote() -> None:
    _, _, run = model(
        "FROM debian\nCOPY p1.zip p2.zip /u01/\nCOPY wheels /opt/wheels\n"
        "RUN for f in /u01/p*.zip; do unzip -o $f -d /opt; done && pip install /opt/wheels/*.whl\n"
    )
    assert [(h.path, h.entry.layer) for h in run.unpacked] == [
        ("/u01/p*.zip", 0),
        ("/u01/p*.zip", 0),
        ("/opt/wheels/*.whl", 1),
    ]


@pytest.mark.parametrize(
    ("dockerfile", "kind"),
    [
        pytest.param("FROM debian\nCOPY a.conf /etc/app/a.conf\n", FILE, id="named-file"),
        pytest.param("FROM debian\nCOPY src/ /app/\n", TREE, id="directory"),
        pytest.param(
            "FROM debian\nCOPY --from=build /usr/local/lib/lua/5.1 /x\n", "either", id="version"
        ),
    ],
)
def test_an_unlisted_copy_is_a_file_a_tree_or_either(dockerfile: str, kind: str) -> None:
    (copy,) = model(dockerfile)
    assert [e.kind for e in copy.entries] == [kind]


def test_mv_reaches_only_what_a_layer_is_known_to_have_written_there() -> None:
    *_, run = model(
        "FROM debian\nCOPY app.bin /opt/app.bin\nRUN curl -o /tmp/x.tgz https://x/x.tgz"
        " && tar -C /srv -xzf /tmp/x.tgz && rm /tmp/x.tgz\n"
        "RUN mv /opt/app.bin /usr/local/bin/app && mv /srv/data /data\n"
    )
    # The copied file moves away (its bytes still ship below); what lies inside the extracted
    # tree may be empty directories: not reached.
    assert reached(run) == [(REMOVE, "/opt/app.bin", 0, True)]
