from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from rawregistry import Release
from realparts import in_ci, require_shared

pytest_plugins = ["realregistry"]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Under CI=true no test skips: a skip (a marker, an empty parameter set, a stray
    pytest.skip) fails with its reason. Real parts go through realparts.missing()."""
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    if report.skipped and in_ci() and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"CI=true and the test skipped ({reason}): CI must run every test"


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Any:
    """The same for a whole module skipped at collection (pytest.importorskip and the like)."""
    outcome = yield
    report: pytest.CollectReport = outcome.get_result()
    if report.skipped and in_ci():
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"CI=true and {collector.nodeid} skipped ({reason}): CI must run it"


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--format auto` follows GITHUB_ACTIONS; tests expect the plain text default."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture
def shared() -> Path:
    """../shared beside the repo (see realparts.missing for what happens when it is absent)."""
    return require_shared()


@dataclass(frozen=True)
class Seeds:
    """The seeds' two strategies, built by buildah and pushed to a real registry."""

    host: str
    base: str  # <host>/seed/base:1
    chained: list[str]  # <host>/app:0.0.1 .. 0.0.4, each FROM the previous
    based: list[str]  # <host>/svc:0.0.1 .. 0.0.4, each FROM base
    test_sizes: list[int]  # size of test.txt in 0.0.1 .. 0.0.3
    packages_size: int


def _random(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)  # incompressible, so layer sizes are predictable


@pytest.fixture(scope="session")
def seeds(registry: Any, buildah_images: Any) -> Seeds:
    """seed/app:0.0.1 = base + COPY src . (packages/ and test.txt); 0.0.2 and 0.0.3 FROM the
    previous with packages/ gone from src and test.txt doubled; 0.0.4 FROM 0.0.3 + RUN rm -rf
    test.txt.
    svc:0.0.N: every version FROM base + COPY src ., packages kept (0.0.4 without test.txt)."""
    buildah = buildah_images
    host = registry.host
    # Own repositories under seed/, so other tests' tag listings of the shared registry hold.
    base = buildah.base("localhost/seed/base:1")
    buildah.push(base, f"{host}/seed/base:1")
    packages = {f"src/packages/lib{i}.bin": _random(400_000, i) for i in range(3)}
    sizes = [300_000, 600_000, 1_200_000]
    chained, based = [], []
    for n in range(1, 5):
        local = f"localhost/seed/app:0.0.{n}"
        if n == 1:
            files: dict[str, bytes | str] = {**packages, "src/test.txt": _random(sizes[0], 10)}
            dockerfile = f"FROM {base}\nCOPY src .\n"
        elif n < 4:
            files = {"src/test.txt": _random(sizes[n - 1], 10 + n)}
            dockerfile = f"FROM localhost/seed/app:0.0.{n - 1}\nCOPY src .\n"
        else:
            files = {}
            dockerfile = "FROM localhost/seed/app:0.0.3\nRUN rm -rf test.txt\n"
        buildah.build(local, dockerfile, files)
        chained.append(f"{host}/seed/app:0.0.{n}")
        buildah.push(local, chained[-1])
        svc_files: dict[str, bytes | str] = dict(packages)
        if n < 4:
            svc_files["src/test.txt"] = _random(sizes[n - 1], 10 + n)
        buildah.build(f"localhost/seed/svc:0.0.{n}", f"FROM {base}\nCOPY src .\n", svc_files)
        based.append(f"{host}/seed/svc:0.0.{n}")
        buildah.push(f"localhost/seed/svc:0.0.{n}", based[-1])
    return Seeds(host, f"{host}/seed/base:1", chained, based, sizes, 1_200_000)


@pytest.fixture(scope="session")
def release(registry: Any, buildah_images: Any) -> Release:
    """What CI released: tests/rawregistry.py `Release`."""
    buildah, host = buildah_images, registry.host
    files: dict[str, bytes | str] = {
        "srv/app/lib.bin": _random(700_000, 1),
        "srv/app/data/blob.bin": _random(500_000, 2),
        "srv/app/old.bin": _random(900_000, 3),  # removed in the next layer
    }
    buildah.build(
        "localhost/e2e/base:1",
        "FROM localhost/base:1\nCOPY srv /srv\n"
        "RUN /bin/busybox ln -s busybox /bin/chown && rm /srv/app/old.bin\n",
        files,
    )
    buildah.push("localhost/e2e/base:1", f"{host}/e2e/base:1")
    run = "RUN chown -R 1000:1000 /srv/app\n"
    buildah.build("localhost/e2e/app:1", f"FROM localhost/e2e/base:1\n{run}")
    buildah.push("localhost/e2e/app:1", f"{host}/e2e/app:1")
    return Release(f"{host}/e2e/base:1", f"{host}/e2e/app:1", f"FROM {host}/e2e/base:1\n{run}")
