"""What each fix of `check --fix` saves on a real build, and that it keeps the filesystem.

    python benchmarks/fix_savings.py

Starts Debian's docker-registry on 127.0.0.1 and builds every fixable pattern of
tests/commands/check_fix_more_real_test.py (LG003, LG006) and tests/commands/check_fix_real_test.py
(LG004, LG005) with buildah on busybox, before and after its fix, pushes both, and prints per
pattern: the bytes `check --registry` measured for the finding, the file bytes, uncompressed layer
tar bytes and compressed (pushed) bytes the fixed image saves, and whether the final filesystems
are equal by an independent tar walk (paths, contents, modes, owners, link targets; an empty stub
where buildah < 1.41 leaves a bind mount's target is counted apart). Needs root, docker-registry,
buildah, busybox-static. Exit 1 when a filesystem differs or a saving is not what was measured.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests"
sys.path[:0] = [str(TESTS), str(TESTS / "commands")]

import check_fix_more_real_test as more  # noqa: E402
import check_fix_real_test as first  # noqa: E402
from rawregistry import layer_sizes  # noqa: E402
from realregistry import Buildah, start_registry  # noqa: E402


def _patterns() -> list[tuple[str, str, str, dict[str, bytes | str], list[tuple[int, str]]]]:
    """(name, before, after, build context, the findings the fix resolves and saves)."""
    out = [(c.name, c.before, c.after, more.FILES, [c.finding]) for c in more.CASES]
    out.append(("chown-chmod-and-caches (LG004, LG005)", first.DOCKERFILE, first.FIXED,
                first.FILES, first.FIXED_FINDINGS))  # fmt: skip
    return out


def _measured(work: Path, name: str, dockerfile: str, files: dict[str, bytes | str],
              base: str, image: str, findings: list[tuple[int, str]]) -> int:  # fmt: skip
    folder = work / "measure" / name.split()[0]
    folder.mkdir(parents=True)
    for path, content in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(content.encode() if isinstance(content, str) else content)
    (folder / "Dockerfile").write_text(dockerfile.replace("localhost/base:1", base))
    result = first._layguard(folder, "--registry", "--image", image, "--format", "json",
                             "Dockerfile")  # fmt: skip
    found = {(v["line"], v["rule"]): v for v in json.loads(result.stdout)["violations"]}
    return sum(int(found[key]["measured"]["bytes"]) for key in findings)


def main() -> int:
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        registry = start_registry(work / "registry", work / "storage")
        try:
            buildah = Buildah(work / "buildah")
            base = f"{registry.host}/savings/base:1"
            buildah.push(buildah.base(), base)
            print("| pattern | measured | file bytes saved | layer tars saved | pushed (gzip) "
                  "saved | filesystem |")  # fmt: skip
            print("|---|---|---|---|---|---|")
            for number, (name, before, after, files, findings) in enumerate(_patterns()):
                refs = {}
                for when, text in (("after", after), ("before", before)):
                    local = f"localhost/savings/p{number}-{when}:1"
                    buildah.build(local, text, files)
                    refs[when] = f"{registry.host}/savings/p{number}-{when}:1"
                    buildah.push(local, refs[when])
                measured = _measured(work, name, before, files, base, refs["before"], findings)
                old, new = first._layer_tars(refs["before"]), first._layer_tars(refs["after"])
                old_fs, new_fs = first._filesystem(old), first._filesystem(new)
                stubs = more.mount_targets(after) & (set(new_fs) - set(old_fs))
                gone, extra, changed = more.stub_differences(old_fs, new_fs,
                                                             more.mount_targets(after))  # fmt: skip
                if name.startswith("chown"):  # the caches the LG005 fixes remove
                    gone = {p for p in gone if not p.startswith((*first.CACHES, "/root"))}
                files_saved = first._file_bytes(old) - first._file_bytes(new)
                tars_saved = sum(len(t) for t in old) - sum(len(t) for t in new)
                pushed = sum(layer_sizes(refs["before"])) - sum(layer_sizes(refs["after"]))
                same = not (gone or extra or changed)
                verdict = "equal" if same else f"DIFFERENT: {sorted(gone | extra | set(changed))}"
                if stubs:
                    verdict += f" (+ empty mount stub {', '.join(sorted(stubs))})"
                if not same or files_saved != measured:
                    failures += 1
                print(f"| {name} | {measured:,} | {files_saved:,} | {tars_saved:,} | "
                      f"{pushed:,} | {verdict} |")  # fmt: skip
        finally:
            registry.stop()
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
