"""Precision and recall of the static rules against hand labels (tests/accuracy/GUIDE.md).

    python benchmarks/accuracy.py                 # both sets, a table per set
    python benchmarks/accuracy.py --set accuracy --show fp,fn,unlabelled
    python benchmarks/accuracy.py --set holdout=DIR     # the held-out files, fetched to DIR
    python benchmarks/accuracy.py --set holdout2=DIR    # the second (holdout3 .. holdout28: ...)
    python benchmarks/accuracy.py --set A --set B ...   # several sets, and a pooled table
    python benchmarks/accuracy.py --set holdout=DIR --contexts CONTEXTS  # in their repositories

Each labelled set is a folder of real Dockerfiles under ../shared with a TSV of labels in
tests/accuracy/. Every file is checked alone, as `layerguard check FILE` would with the default
config, except that the build context is unknown (the sets hold Dockerfiles, not their
repositories). With `--contexts` (trees laid out by benchmarks/contexts.py), each held-out file
whose repository is there is checked as its users would: `layerguard check PATH` run at the root
of its repository at the labelled commit, so that COPY sources, the scripts a RUN calls and the
compose or CI files that declare the build context are read, and tests/accuracy/contexts.tsv
gives the truth where the repository shows more than the Dockerfile (a script's installs, a
directory the checkout leaves empty). A finding counts as right when its (file, line, rule) is
labelled `yes`, wrong when labelled `no`; a finding with no label is listed so that someone
labels it. A held-out file that copies a development file or an earlier held-out file
(tests/accuracy/copies.tsv, from benchmarks/near_copies.py) is left out: it is not unseen, or it
would count twice.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = {
    "accuracy": (SHARED / "accuracy" / "files", ROOT / "tests" / "accuracy" / "accuracy.tsv"),
    "corpus": (SHARED / "corpus" / "dockerfiles", ROOT / "tests" / "accuracy" / "corpus.tsv"),
}
# Labelled before any tool ran on them (tests/accuracy/<name>-sources.tsv says where each file
# comes from); not in ../shared, so their folder is named on the command line.
HOLDOUTS = {
    p.stem: p
    for p in sorted((ROOT / "tests" / "accuracy").glob("holdout*.tsv"))
    if not p.stem.endswith("-sources")
}
COPIES = ROOT / "tests" / "accuracy" / "copies.tsv"
RULES = ("LG002", "LG003", "LG004", "LG005", "LG006")

Key = tuple[str, int, str]


def labels(path: Path) -> dict[Key, tuple[str, str]]:
    """(file, line, rule) -> (truth, reason)."""
    out: dict[Key, tuple[str, str]] = {}
    with path.open(newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            key = (row["file"], int(row["line"]), row["rule"])
            if key in out:
                raise SystemExit(f"{path}: {key} is labelled twice")
            if row["truth"] not in ("yes", "no"):
                raise SystemExit(f"{path}: {key}: truth must be yes or no")
            out[key] = (row["truth"], row["reason"])
    return out


def copied(name: str) -> set[str]:
    """The files of the set `name` that copy an earlier file (tests/accuracy/copies.tsv)."""
    with COPIES.open(newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {row["file"] for row in rows if row["set"] == name}


def findings(folder: Path) -> dict[Key, str]:
    """(file, line, rule) -> message, for every Dockerfile of `folder` checked alone."""
    sys.path.insert(0, str(ROOT))
    from layerguard.linter import Settings, lint
    from layerguard.project.config import default_rules

    paths = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.endswith(".tsv"))
    nowhere = folder / "no-build-context-here"
    settings = Settings(
        rules=default_rules(),
        images={},
        contexts={p.resolve(): nowhere for p in paths},
        build_args={},
        target=None,
    )
    report = lint([str(p) for p in paths], settings, None)
    return {
        (Path(f.file).name, f.line, f.rule): f.message for f in report.findings if f.rule in RULES
    }


# Where the truth for the image built from a file's repository differs from the label (what
# the Dockerfile shows): a script the RUN runs, a directory the checkout leaves empty.
IN_REPOSITORIES = ROOT / "tests" / "accuracy" / "contexts.tsv"


def repository_labels(name: str) -> dict[Key, tuple[str, str]]:
    """(file, line, rule) -> (truth, reason) of the set `name` checked in its repositories."""
    out: dict[Key, tuple[str, str]] = {}
    with IN_REPOSITORIES.open(newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            key = (row["file"], int(row["line"]), row["rule"])
            if row["set"] == name and key in out:
                raise SystemExit(f"{IN_REPOSITORIES}: {name} {key} is labelled twice")
            if row["set"] == name:
                out[key] = (row["truth"], row["reason"])
    return out


def in_repositories(
    name: str, contexts: Path, found: dict[Key, str]
) -> tuple[dict[Key, str], set[str]]:
    """`found`, with the findings of each file whose repository `contexts` holds replaced by
    those of `layerguard check PATH` at the repository's root; and those files."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from contexts import sources, tree

    rows = [row for row in sources(name) if (tree(contexts, row) / row["path"]).is_file()]

    def check(row: dict[str, str]) -> dict[Key, str]:
        command = ["check", "--format", "json", "--fail-on", "never", "--", row["path"]]
        done = subprocess.run(
            [sys.executable, "-m", "layerguard", *command],
            cwd=tree(contexts, row),
            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": "/nonexistent"},
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise SystemExit(f"{name} {row['file']}: {done.stderr.strip()}")
        return {
            (row["file"], v["line"], v["rule"]): v["message"]
            for v in json.loads(done.stdout)["violations"]
            if v["rule"] in RULES
        }

    laid = {row["file"] for row in rows}
    out = {key: message for key, message in found.items() if key[0] not in laid}
    with ThreadPoolExecutor(max_workers=4) as pool:
        for result in pool.map(check, rows):
            out.update(result)
    return out, laid


def score(found: dict[Key, str], truth: dict[Key, tuple[str, str]]) -> dict[str, Counter[str]]:
    per: dict[str, Counter[str]] = {rule: Counter() for rule in RULES}
    for key in found:
        label = truth.get(key)
        per[key[2]]["tp" if label and label[0] == "yes" else "fp" if label else "unlabelled"] += 1
    for key, (verdict, _) in truth.items():
        if verdict == "yes" and key not in found and key[2] in per:
            per[key[2]]["fn"] += 1
    return per


def table(name: str, per: dict[str, Counter[str]]) -> str:
    rows = [
        f"### {name}",
        "",
        "| rule | findings | right | wrong | unlabelled | missed | precision | recall |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    total: Counter[str] = Counter()
    for rule in (*RULES, "all"):
        c = total if rule == "all" else per[rule]
        if rule != "all":
            total.update(c)
        found = c["tp"] + c["fp"] + c["unlabelled"]
        precision = c["tp"] / found if found else 1.0
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        rows.append(
            f"| {rule} | {found} | {c['tp']} | {c['fp']} | {c['unlabelled']} | {c['fn']} "
            f"| {precision:.2f} | {recall:.2f} |"
        )
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--set",
        action="append",
        help="accuracy, corpus, holdout=DIR, holdoutN=DIR (a labelled held-out set)",
    )
    parser.add_argument("--show", default="", help="comma list of fp, fn, unlabelled, tp")
    parser.add_argument(
        "--contexts", type=Path, help="held-out repositories laid out by benchmarks/contexts.py"
    )
    args = parser.parse_args(argv)
    show = set(filter(None, args.show.split(",")))
    names = args.set or sorted(SETS)
    pooled: dict[str, Counter[str]] = {rule: Counter() for rule in RULES}
    for name in names:
        if name.partition("=")[0] in HOLDOUTS and "=" in name:
            folder, label_file = Path(name.partition("=")[2]), HOLDOUTS[name.partition("=")[0]]
        elif name in SETS:
            folder, label_file = SETS[name]
        else:
            parser.error(
                f"--set: expected accuracy, corpus or holdoutN=DIR (a labelled set), got {name!r}"
            )
        if not folder.is_dir():
            print(f"{folder} is missing: ../shared is needed", file=sys.stderr)
            return 2
        truth = labels(label_file)
        found = findings(folder)
        title = name
        if args.contexts and name.partition("=")[0] in HOLDOUTS:
            found, laid = in_repositories(name.partition("=")[0], args.contexts, found)
            title = f"{name} ({len(laid)} files in their repositories)"
            there = repository_labels(name.partition("=")[0])
            truth.update((key, label) for key, label in there.items() if key[0] in laid)
        left_out = copied(name.partition("=")[0])
        found = {key: message for key, message in found.items() if key[0] not in left_out}
        truth = {key: label for key, label in truth.items() if key[0] not in left_out}
        if left_out:
            title += f" ({len(left_out)} copies left out)"
        per = score(found, truth)
        for rule in RULES:
            pooled[rule].update(per[rule])
        print(table(title, per))
        for key in sorted(found, key=lambda k: (k[2], k[0], k[1])):
            label = truth.get(key)
            kind = "tp" if label and label[0] == "yes" else "fp" if label else "unlabelled"
            if kind in show:
                reason = f"  [{label[1]}]" if label else ""
                print(f"{kind} {key[0]}:{key[1]} {key[2]} {found[key]}{reason}")
        if "fn" in show:
            for key, (verdict, reason) in sorted(truth.items(), key=lambda i: (i[0][2], i[0])):
                if verdict == "yes" and key not in found:
                    print(f"fn {key[0]}:{key[1]} {key[2]} [{reason}]")
    if len(names) > 1:  # the sets together: every finding and miss counted once
        print(table(f"pooled ({len(names)} sets)", pooled))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
