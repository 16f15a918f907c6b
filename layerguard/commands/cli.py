"""`layerguard check|inspect|compare|images|install-hooks|rules|explain`: argparse subcommands
mapped to plain functions.

`main(argv) -> int` is the console script. Every user-facing error is a LayerguardError, turned
into one line on stderr and exit 2 here and nowhere else.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from types import SimpleNamespace

from layerguard import __version__
from layerguard.errors import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, LayerguardError, UsageError
from layerguard.project.config import FAIL_ON, REGISTRY_MODES, load_config
from layerguard.records import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from pathlib import Path
    from typing import Any, NoReturn

    from layerguard.linter import Report, Settings
    from layerguard.project.config import Config, RuleSetting
    from layerguard.reference import ImageRef

    _Arguments = tuple[tuple[tuple[str, ...], dict[str, Any]], ...]

FORMATS = (
    *("auto", "text", "json", "sarif", "github", "checkstyle", "gitlab", "junit", "markdown"),
    "html",
)


_HIDDEN = "(not in --help)"

# One table per option group feeds both argparse and _quick_check: (flags, add_argument keywords).
_CHECK_ARGUMENTS: _Arguments = (
    (
        ("paths",),
        {
            "nargs": "*",
            "metavar": "PATH",
            "help": "Dockerfiles or directories, - for standard input (default: discover under .)",
        },
    ),
    (
        ("--format",),
        {
            "default": "auto",
            "metavar": "FORMAT",
            "help": f"{', '.join(FORMATS)} (default: auto = github when GITHUB_ACTIONS=true, "
            "else text)",
        },
    ),
    (
        ("--output", "-o"),
        {
            "metavar": "FILE",
            "help": "write the report to FILE instead of stdout (- is stdout; a regular file is "
            "replaced atomically, a device or pipe written to); the exit code is the same",
        },
    ),
    (
        ("--fail-on",),
        {"choices": FAIL_ON, "help": "lowest severity that fails (default: warning)"},
    ),
    (("--config",), {"metavar": "FILE", "help": "config file (default: find .layerguard.yaml)"}),
    (
        ("--image",),
        {"metavar": "NAME[:TAG]", "help": "the image the single checked Dockerfile builds"},
    ),
    (
        ("--build-arg",),
        {
            "action": "append",
            "default": [],
            "metavar": "K=V",
            "help": "build argument used to expand ARGs (repeatable)",
        },
    ),
    (("--target",), {"metavar": "STAGE", "help": "the stage that ships (default: last)"}),
    (("--quiet", "-q"), {"action": "store_true", "help": "print findings only"}),
    (
        ("--no-color",),
        {
            "action": "store_true",
            "help": "no colours even on a terminal (also NO_COLOR; FORCE_COLOR forces them)",
        },
    ),
    (
        ("--ignore",),
        {
            "action": "append",
            "default": [],
            "metavar": "CODE",
            "help": "skip a rule, by code or name (repeatable, or comma-separated)",
        },
    ),
    (
        ("--severity",),
        {
            "action": "append",
            "default": [],
            "metavar": "CODE=LEVEL",
            "help": "set a rule's severity: error, warning, info or off (repeatable); "
            "overrides the config",
        },
    ),
    (
        ("--registry",),
        {
            "action": "store_const",
            "const": "on",
            "help": "measure base and built images in the registry; --registry=optional makes "
            "registry failures notices, --registry=off ignores the config's registry setting",
        },
    ),
    (
        ("--fix",),
        {
            "action": "store_true",
            "help": "apply the safe fixes to the files in place, then report what is left",
        },
    ),
    (
        ("--diff",),
        {
            "action": "store_true",
            "help": "print the fixes as a unified diff and change nothing (exit 1 when there is "
            "something to fix)",
        },
    ),
    (
        ("--unsafe-fixes",),
        {
            "action": "store_true",
            "help": "with --fix or --diff, also apply the fixes that change what a build may rely "
            "on (see each rule's Fix section)",
        },
    ),
    # `--registry=MODE` arrives here (see _split_registry_mode): a flag that took an optional
    # value would swallow the next path (`check --registry Dockerfile`, as pre-commit calls it).
    (
        ("--registry-mode",),
        {"dest": "registry", "choices": REGISTRY_MODES, "help": _HIDDEN},
    ),
)


def _timeout(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value < 3600:
        import argparse

        raise argparse.ArgumentTypeError(f"expected seconds between 0 and 3600, got {text!r}")
    return value


def _platform(text: str) -> str:
    # The config's check (project/config.py), for the command line: `--platform linux` is an
    # error whether or not the registry is used, not something silently never read.
    import re

    if not re.fullmatch(r"[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?", text):
        import argparse

        raise argparse.ArgumentTypeError(
            f"expected OS/ARCH[/VARIANT] in lower case, such as linux/amd64 or linux/arm64/v8, "
            f"got {text!r}"
        )
    return text


_REGISTRY_ARGUMENTS: _Arguments = (
    (
        ("--platform",),
        {"type": _platform, "metavar": "OS/ARCH[/VARIANT]", "help": "default: linux/amd64"},
    ),
    (
        ("--insecure",),
        {
            "action": "store_true",
            "help": "talk plain HTTP to registries without TLS (loopback registries always do; "
            "Docker Hub never does); TLS is always verified",
        },
    ),
    (
        ("--timeout",),
        {
            "type": _timeout,
            "default": 30.0,
            "metavar": "SECONDS",
            "help": "per request (default 30)",
        },
    ),
)


def _add(parser: argparse.ArgumentParser, arguments: _Arguments) -> None:
    import argparse

    for flags, keywords in arguments:
        if keywords.get("help") is _HIDDEN:
            keywords = {**keywords, "help": argparse.SUPPRESS}
        parser.add_argument(*flags, **keywords)


def _parser() -> argparse.ArgumentParser:
    import argparse

    class Formatter(argparse.HelpFormatter):
        def __init__(self, prog: str) -> None:
            # argparse asks shutil for the width, and shutil pulls in bz2, lzma and zlib: a few
            # ms for help text that is almost never printed.
            try:
                width = os.get_terminal_size().columns
            except OSError:
                width = 80
            super().__init__(prog, width=width - 2)

    class Parser(argparse.ArgumentParser):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("formatter_class", Formatter)
            super().__init__(*args, **kwargs)

        def error(self, message: str) -> NoReturn:
            message = message.replace("--registry-mode", "--registry")
            raise UsageError(f"{self.prog}: {message} (see --help)")

    parser = Parser(prog="layerguard", description="A CI guard for Dockerfile layer waste.")
    parser.add_argument("--version", action="version", version=f"layerguard {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True

    check = sub.add_parser("check", help="check Dockerfiles for layer waste")
    _add(check, _CHECK_ARGUMENTS + _REGISTRY_ARGUMENTS)
    inspect = sub.add_parser("inspect", help="an image's layers and history, from the registry")
    inspect.add_argument("ref", metavar="REF", help="image reference, e.g. registry/app:1.2")
    _image_options(inspect)
    compare = sub.add_parser(
        "compare", help="what each image costs with the earlier ones cached (oldest first)"
    )
    compare.add_argument("refs", nargs="+", metavar="REF", help="image references, oldest first")
    _image_options(compare)
    images = sub.add_parser("images", help="which image each Dockerfile builds, and where from")
    images.add_argument("--config", metavar="FILE", help="config file")

    hooks = sub.add_parser(
        "install-hooks", help="install layerguard's git pre-commit and pre-push hooks"
    )
    hooks.add_argument(
        "hooks",
        nargs="*",
        metavar="HOOK",
        help="pre-commit and/or pre-push (default: both)",
    )
    hooks.add_argument(
        "--chain",
        action="store_true",
        help="keep an existing hook and run it before layerguard's",
    )

    sub.add_parser("rules", help="list every rule")
    explain = sub.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", metavar="RULE", help="a code like LG003 or a rule name")
    return parser


def _image_options(parser: argparse.ArgumentParser) -> None:
    _add(parser, _REGISTRY_ARGUMENTS)
    parser.add_argument(
        "--deep", action="store_true", help="read the layers: uncompressed size and wasted bytes"
    )
    parser.add_argument("--format", choices=("text", "json", "html"), default="text")
    parser.add_argument(
        "--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout"
    )
    parser.add_argument(
        "--quiet", "-q", action="store_true", help="no progress on stderr while reading layers"
    )


# The config's `registry: true|false` spelling works on the command line too.
_REGISTRY_WORDS = {"true": "on", "false": "off"}


def _split_registry_mode(argv: Sequence[str]) -> list[str]:
    out: list[str] = []
    for i, arg in enumerate(argv):
        if arg == "--":
            out.extend(argv[len(out) :])
            break
        if arg.startswith("--registry="):
            mode = arg[11:]
            out.append("--registry-mode=" + _REGISTRY_WORDS.get(mode.lower(), mode))
            continue
        following = argv[i + 1] if i + 1 < len(argv) else ""
        if (
            arg == "--registry"
            and following.lower() in (*REGISTRY_MODES, *_REGISTRY_WORDS)
            and not os.path.exists(following)
        ):
            # `--registry on` would check a file named `on`: say how to write it.
            raise UsageError(
                f"--registry takes its mode after '=': --registry={following} "
                f"(`--registry {following}` would check a file named {following!r})"
            )
        out.append(arg)
    return out


def _quick_check(argv: Sequence[str]) -> SimpleNamespace | None:
    """What argparse makes of a plain `check` command line, without importing argparse: building
    its parsers is a third of a one-file run, the way pre-commit calls us on every commit.

    Plain means exact flags (`--format json`, `--format=json`, `-q`), values that do not start
    with `-` and one run of paths, or options then `--` then paths (as the git hook calls it).
    Anything else (help, abbreviations, bad values, paths after options after paths) returns
    None and goes to argparse, which also words the errors.
    """
    if not argv or argv[0] != "check":
        return None
    values: dict[str, Any] = {"command": "check"}
    flags: dict[str, tuple[str, dict[str, Any]]] = {}
    for names, keywords in _CHECK_ARGUMENTS + _REGISTRY_ARGUMENTS:
        dest = keywords.get("dest") or names[0].lstrip("-").replace("-", "_")
        action = keywords.get("action", "store")
        default = keywords.get("default", False if action == "store_true" else None)
        if names == ("paths",):
            default = []
        values.setdefault(dest, list(default or ()) if action == "append" else default)
        flags.update(dict.fromkeys(names, (dest, keywords)))
    paths: list[str] = values["paths"]
    run = "before"  # the one run of paths: before it, in it, after it
    tokens = iter(argv[1:])
    for token in tokens:
        if token == "--":
            rest = list(tokens)
            if run != "before" or not rest or "--" in rest or "" in rest:
                return None
            paths.extend(rest)
            break
        if not token.startswith("-") and token:
            if run == "after":
                return None
            run = "in"
            paths.append(token)
            continue
        run = "after" if run == "in" else run
        name, eq, value = token.partition("=")
        dest, keywords = flags.get(name, ("", {}))
        action = keywords.get("action", "store")
        if not dest or (eq and (action not in ("store", "append") or "--" not in name)):
            return None
        if action == "store_true":
            values[dest] = True
        elif action == "store_const":
            values[dest] = keywords["const"]
        else:
            if not eq:
                value = next(tokens, "-")
                if value.startswith("-") or not value:
                    return None
            elif value == "--":
                return None  # argparse before 3.13 reads `--output=--` as no value
            if value not in keywords.get("choices", (value,)):
                return None
            if "type" in keywords:
                try:
                    value = keywords["type"](value)
                except Exception:  # argparse words the error
                    return None
            if action == "append":
                values[dest].append(value)
            else:
                values[dest] = value
    return SimpleNamespace(**values)


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command line and return its exit code. Without `argv`, this is the program (the
    console script, `python -m layerguard`): it reads sys.argv and ends the process itself."""
    code = _main(argv)
    if argv is None:
        _exit(code)
    return code


def _exit(code: int) -> NoReturn:
    """End the process without the interpreter's teardown, which frees every module and object
    one by one: about 7 ms of a one-file check, paid on every commit. Files and connections
    were closed when the command returned; what it printed is flushed here."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # `layerguard rules | head`: the reader has what it wanted
    except OSError as exc:
        code = EXIT_ERROR
        print(f"layerguard: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
    try:
        sys.stderr.flush()
    finally:
        os._exit(code)


def _print_report(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # `layerguard check | head`: the reader has what it wanted; the exit code stands
    except OSError as exc:
        raise LayerguardError(f"cannot write the report: {exc.strerror or exc}") from None


def _main(argv: Sequence[str] | None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # Paths read from layers may hold bytes that are not UTF-8: show them, never crash on them.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        words = _split_registry_mode(sys.argv[1:] if argv is None else argv)
        args = _quick_check(words) or _parser().parse_args(words)
        if args.command == "check":
            return check(args)
        if args.command == "install-hooks":
            from layerguard.commands import install_hooks

            return install_hooks.install(args.hooks, chain=args.chain)
        if args.command in ("inspect", "compare", "images"):
            from layerguard.commands import images

            command: int = getattr(images, args.command)(args)
            return command
        if args.command == "rules":
            return list_rules()
        return explain(args.rule)
    except LayerguardError as exc:
        print(
            f"layerguard: {exc}" if not str(exc).startswith("layerguard") else str(exc),
            file=sys.stderr,
        )
        return EXIT_ERROR
    except BrokenPipeError:
        # `layerguard explain LG003 | head`: the reader has what it wanted.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - nothing more is written to the pipe
        return EXIT_CLEAN
    except KeyboardInterrupt:
        return 130


def _unique_files(paths: list[str]) -> list[str]:
    """`check a ./a` is one file; reports use the first spelling."""
    seen: set[str] = set()
    unique = []
    for path in paths:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def check(args: argparse.Namespace | SimpleNamespace) -> int:
    from layerguard.formatters import FORMATTERS, Style, write_output
    from layerguard.linter import Settings, lint
    from layerguard.reference import parse_reference

    if args.format not in FORMATS:
        raise UsageError(f"--format: expected one of {', '.join(FORMATS)}, got {args.format!r}")
    fmt = args.format
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    build_args = {}
    for item in args.build_arg:
        name, eq, value = item.partition("=")
        if not eq or not name:
            raise UsageError(f"--build-arg: expected K=V, got {item!r}")
        build_args[name] = value

    cfg = load_config(args.config)

    paths: list[str] = []
    for given in args.paths or ["."]:
        if os.path.isdir(given):
            from pathlib import Path

            from layerguard.project.discover import discover

            found = discover(Path(given), cfg.exclude, Path(cfg.root))
            if not found:
                raise LayerguardError(f"no Dockerfiles found under {given} (pass paths to check)")
            paths.extend(found)
        elif os.path.exists(given) or given == "-":
            paths.append(given)
        else:
            raise LayerguardError(f"{given or repr(given)}: no such file or directory")
    paths = _unique_files(paths)

    images, contexts = _declared_images(cfg)
    if args.image:
        if len(paths) != 1:
            raise UsageError("--image names the image of one Dockerfile; pass exactly one path")
        from pathlib import Path

        try:
            images[Path(paths[0]).resolve()] = parse_reference(args.image)
        except ValueError as exc:
            raise UsageError(f"--image: {exc}") from None

    settings = Settings(
        rules=_select_rules(cfg.rules, args.ignore, args.severity),
        images=images,
        contexts=contexts,
        build_args={**cfg.build_args, **build_args},
        target=args.target or cfg.target,
    )
    mode = args.registry or cfg.registry or "off"
    if mode == "off":
        report = lint(paths, settings)
    else:
        report = _lint_with_registry(paths, settings, cfg, args, optional=mode == "optional")
    if args.fix or args.diff:
        fixed, changed = _fix(paths, settings, report, args)
        if args.diff:
            if args.output and args.output != "-":
                write_output(args.output, fixed)
            else:
                _print_report(fixed)
            return EXIT_FINDINGS if fixed else EXIT_CLEAN
        if changed:
            report = _relinted(paths, settings, report, changed)
    color = _color(args)
    rendered = FORMATTERS[fmt](report, Style(color=color, quiet=args.quiet))
    if args.output and args.output != "-":
        write_output(args.output, rendered)
    else:
        _print_report(rendered)
    fail_on = args.fail_on or cfg.fail_on or "warning"
    if fail_on == "never":
        return EXIT_CLEAN
    from layerguard.findings import Severity

    threshold = Severity.parse(fail_on)
    return EXIT_FINDINGS if any(f.severity >= threshold for f in report.findings) else EXIT_CLEAN


def _relinted(paths: list[str], settings: Settings, report: Report, changed: set[str]) -> Report:
    """The report after --fix: the files it changed checked again as written now, the others'
    findings kept as they were. With --registry those came from the registry, which is not
    asked twice; the changed files are checked without it, as the image in the registry was
    built from the file before its fixes and measures that file, not this one."""
    from layerguard.findings import Finding
    from layerguard.linter import lint

    again = lint(paths, settings)
    kept = [f for f in report.findings if f.file not in changed]
    new = [f for f in again.findings if f.file in changed]
    return report._replace(findings=tuple(sorted([*kept, *new], key=Finding.sort_key)))


def _fix(
    paths: list[str], settings: Settings, report: Report, args: argparse.Namespace | SimpleNamespace
) -> tuple[str, set[str]]:
    """Apply the fixes of `report` (safe ones, and unsafe ones with --unsafe-fixes), linting
    again after each pass until none is left. With --fix, each changed file is replaced
    atomically at the end; with --diff nothing is written. Returns the diff of every change and
    the files changed."""
    from layerguard.dockerfile import fix as fixing
    from layerguard.linter import lint

    if "-" in paths:
        raise UsageError("--fix and --diff read the files they fix: pass paths, not -")
    wanted = (lambda f: f.safe) if not args.unsafe_fixes else (lambda f: True)
    original: dict[str, str] = {}
    current: dict[str, str] = {}
    applied: dict[str, int] = {}
    for _ in range(fixing.MAX_PASSES):
        by_file: dict[str, list[Any]] = {}
        for finding in report.findings:
            if finding.fix is not None and wanted(finding.fix):
                by_file.setdefault(finding.file, []).append(finding.fix)
        changed = False
        for display, fixes in by_file.items():
            if display not in current:
                original[display] = current[display] = _read_text(display)
            result = fixing.apply(current[display], fixes)
            for dropped, why in result.dropped:
                print(
                    f"layerguard: {display}:{dropped.span[0]}: fix not applied ({why}): "
                    f"{dropped.description}",
                    file=sys.stderr,
                )
            if result.applied:
                changed = True
                current[display] = result.text
                applied[display] = applied.get(display, 0) + len(result.applied)
        if not changed:
            break
        texts = {display: text.encode() for display, text in current.items()}
        report = lint(paths, settings, texts=texts)
    out = [
        fixing.diff(display, original[display], text)
        for display, text in current.items()
        if text != original[display]
    ]
    if args.fix and not args.diff:
        from layerguard.files import write_output as write

        for display, text in current.items():
            if text == original[display]:
                continue
            try:
                write(display, text.encode())
            except OSError as exc:
                raise LayerguardError(f"{display}: cannot write: {exc.strerror or exc}") from None
    total = sum(applied.values())
    if total and not args.quiet:
        verb = "would fix" if args.diff else "fixed"
        files = len(applied)
        print(
            f"layerguard: {verb} {total} problem{'s' if total != 1 else ''} in {files} "
            f"file{'s' if files != 1 else ''}",
            file=sys.stderr,
        )
    return "".join(out), {display for display, text in current.items() if text != original[display]}


def _read_text(display: str) -> str:
    try:
        with open(display, "rb") as handle:
            return handle.read().decode()
    except OSError as exc:
        raise LayerguardError(f"{display}: cannot read: {exc.strerror or exc}") from None


def _color(args: argparse.Namespace | SimpleNamespace) -> bool:
    """Colours for the text report: never with --no-color or into a file; FORCE_COLOR (set and
    not 0, https://force-color.org) forces them, as CI logs that render ANSI want; otherwise on a
    terminal, unless NO_COLOR (https://no-color.org) or TERM=dumb."""
    if args.no_color or args.output not in (None, "", "-"):
        return False
    if os.environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _select_rules(
    rules: Mapping[str, RuleSetting], ignore: Sequence[str], severities: Sequence[str]
) -> dict[str, RuleSetting]:
    """The config's rule settings with `--ignore CODE` and `--severity CODE=LEVEL` applied, in
    that order; unknown codes are usage errors, never silently nothing."""
    from layerguard.findings import Severity
    from layerguard.linter import PRAGMA_CODE, PRAGMA_NAME

    selected = dict(rules)

    def code_of(word: str, option: str) -> str:
        from layerguard import rules as rule_table

        word = word.strip()
        if word.upper() == PRAGMA_CODE or word.lower() == PRAGMA_NAME:
            return PRAGMA_CODE
        if word.upper() == rule_table.PARSE_ERROR_CODE:
            raise UsageError(f"{option}: LG000 (a file BuildKit rejects) is always an error")
        rule = rule_table.lookup(word)
        if rule is None:
            raise UsageError(f"{option}: no rule {word!r} (see `layerguard rules`)")
        code: str = rule.CODE
        return code

    for item in ignore:
        for word in item.split(","):
            if word.strip():
                code = code_of(word, "--ignore")
                selected[code] = selected[code]._replace(enabled=False)
    for item in severities:
        word, eq, level = item.partition("=")
        if not eq or not word.strip():
            raise UsageError(
                f"--severity: expected CODE=LEVEL (error, warning, info or off), got {item!r}"
            )
        code = code_of(word, "--severity")
        if level.strip().lower() == "off":
            selected[code] = selected[code]._replace(enabled=False)
            continue
        try:
            severity = Severity.parse(level.strip())
        except ValueError:
            raise UsageError(
                f"--severity {item}: expected error, warning, info or off after '='"
            ) from None
        selected[code] = selected[code]._replace(enabled=True, severity=severity)
    return selected


def _declared_images(cfg: Config) -> tuple[dict[Path, ImageRef], dict[Path, Path]]:
    """Images and contexts from the config, then from compose/bake/workflow/Makefile files."""
    images = dict(cfg.images)
    contexts = dict(cfg.contexts)
    root = cfg.root
    from layerguard.project.config import DECLARING_FILES

    if any(os.path.exists(os.path.join(root, name)) for name in DECLARING_FILES):
        from pathlib import Path

        from layerguard.project import sources

        skipped: list[str] = []
        for source in sources.discover(Path(root), skipped):
            if source.image is not None and source.dockerfile not in images:
                images[source.dockerfile] = source.image
            contexts.setdefault(source.dockerfile, source.context)
        for problem in skipped:
            print(f"layerguard: notice: {problem} (what it declares is skipped)", file=sys.stderr)
    return images, contexts


def _lint_with_registry(
    paths: list[str],
    settings: Settings,
    cfg: Config,
    args: argparse.Namespace | SimpleNamespace,
    optional: bool,
) -> Report:
    from layerguard.image.deep import Indexer
    from layerguard.image.facts import RegistryMeasurer
    from layerguard.linter import lint
    from layerguard.registry import Client

    budgets = frozenset(
        code
        for code in ("LG101", "LG102", "LG103", "LG104")
        if settings.rules[code].enabled
        and any(value is not None for value in settings.rules[code].options.values())
    )
    with Client(insecure=args.insecure, timeout=args.timeout) as client:
        measurer = RegistryMeasurer(
            client,
            Indexer.for_cli(client, quiet=args.quiet),
            platform=args.platform or cfg.platform,
            optional=optional,
            previous=cfg.previous,
            budgets=budgets,
        )
        report = lint(paths, settings, measurer)
        if args.format in ("html", "json") and measurer.built_images:
            report = report._replace(images=tuple(measurer.records()))
    for notice in measurer.notices:
        print(f"layerguard: {notice}", file=sys.stderr)
    return report


def list_rules() -> int:
    from layerguard import rules as rule_table

    rows = [(r.CODE, r.NAME, str(r.SEVERITY), r.SUMMARY) for r in rule_table.RULES]
    from layerguard.linter import PRAGMA_CODE, PRAGMA_NAME, PRAGMA_SUMMARY

    rows.insert(
        0,
        (
            rule_table.PARSE_ERROR_CODE,
            rule_table.PARSE_ERROR_NAME,
            "error",
            "The file is not a valid Dockerfile (BuildKit would reject it).",
        ),
    )
    rows.insert(1, (PRAGMA_CODE, PRAGMA_NAME, "warning", PRAGMA_SUMMARY))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3])) + "  " + row[3])
    return EXIT_CLEAN


def explain(key: str) -> int:
    from layerguard import rules as rule_table

    if key.upper() == rule_table.PARSE_ERROR_CODE or key.lower() == rule_table.PARSE_ERROR_NAME:
        print(f"{rule_table.PARSE_ERROR_CODE} {rule_table.PARSE_ERROR_NAME} (severity: error)\n")
        from layerguard.linter import PARSE_ERROR_DOC

        print(PARSE_ERROR_DOC.strip())
        return EXIT_CLEAN
    from layerguard.linter import PRAGMA_CODE, PRAGMA_DOC, PRAGMA_NAME

    if key.upper() == PRAGMA_CODE or key.lower() == PRAGMA_NAME:
        print(f"{PRAGMA_CODE} {PRAGMA_NAME} (default severity: warning)\n")
        print(PRAGMA_DOC.strip())
        return EXIT_CLEAN
    rule = rule_table.lookup(key)
    if rule is None:
        raise UsageError(f"explain: no rule {key!r} (see `layerguard rules`)")
    print(f"{rule.CODE} {rule.NAME} (default severity: {rule.SEVERITY})\n")
    print((rule.__doc__ or "").strip())
    return EXIT_CLEAN
