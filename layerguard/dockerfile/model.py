"""The Dockerfile model: stages, FROM resolution, ARG/ENV expansion and WORKDIR tracking.

Built once from the parser's nodes so rules never re-derive stage aliases or the FROM graph.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType

from layerguard.dockerfile.bases import known, sets_no_home
from layerguard.dockerfile.parser import Node, ParsedFile
from layerguard.records import NamedTuple
from layerguard.reference import ImageRef, parse_reference

# Compiled on first use: most Dockerfiles expand nothing.
_VAR = (
    r"\$(?:\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)(?P<op>:?[-+])?(?P<word>(?:\$\{(?:\$\{[^}]*\}|[^}])*\}|[^}])*)\}"
    r"|(?P<plain>[A-Za-z_][A-Za-z0-9_]*))"
)
_EMPTY: Mapping[str, str] = MappingProxyType({})
# `${templateOption:installClojureCli}`: a placeholder some tool fills in before the build
# (BuildKit rejects the modifier): the value is not known.
_TEMPLATE = re.compile(r"\$\{[A-Za-z_][A-Za-z0-9_]*:(?![-+])")


def expand(text: str, env: Mapping[str, str]) -> str:
    """Expand `$VAR`, `${VAR}`, `${VAR:-x}`, `${VAR:+x}` as BuildKit does; unknown ones are ''."""

    def substitute(match: re.Match[str]) -> str:
        name = match["braced"] or match["plain"]
        value = env.get(name)
        op = match["op"]
        if op is None:
            return value or ""
        is_set = value is not None and (value != "" or not op.startswith(":"))
        # (the word is expanded too, `${UV_CACHE_DIR:-$CACHE_DIR}`, where what it names is
        # known; otherwise it stays as written)
        word = match["word"] if unset(match["word"], env) else expand(match["word"], env)
        if op.endswith("-"):
            return value if is_set and value is not None else word
        return word if is_set else ""

    return re.sub(_VAR, substitute, text) if "$" in text else text


def process_word(word: str, env: Mapping[str, str] | None) -> str:
    """A COPY/ADD word or flag value as BuildKit's shell lexer reads it: variables expanded
    outside single quotes (not at all when `env` is None), the quotes and backslash escapes
    removed (`"${D}"/"b".txt` is /opt/app/b.txt)."""
    if not any(c in word for c in "'\"\\"):
        return word if env is None else expand(word, env)
    out: list[str] = []
    plain: list[str] = []  # (what is expanded: outside single quotes)

    def flush() -> None:
        if plain:
            text = "".join(plain)
            out.append(text if env is None else expand(text, env))
            plain.clear()

    quote = ""
    i = 0
    while i < len(word):
        char = word[i]
        if quote == "'":
            if char == "'":
                quote = ""
            else:
                out.append(char)
        elif char == "\\" and i + 1 < len(word) and (not quote or word[i + 1] in '"\\$'):
            flush()
            i += 1
            out.append(word[i])
        elif char in "'\"" and (not quote or quote == char):
            flush()
            quote = "" if quote else char
        else:
            plain.append(char)
        i += 1
    flush()
    return "".join(out)


def unset(text: str, env: Mapping[str, str]) -> bool:
    """`text` names a variable `env` does not hold, with no default to fall back to (`$DEST`,
    `${DEST}`, not `${DEST:-/app}`): what it expands to is not known here."""
    return "$" in text and any(
        (m["braced"] or m["plain"]) not in env and not (m["op"] or "").endswith("-")
        for m in re.finditer(_VAR, text)
    )


def from_the_base(
    value: str, env: Mapping[str, str], given: set[str], meta: Mapping[str, str]
) -> str | None:
    """`ENV JENKINS_HOME=$ORACLE_BASE/jenkins`, where ORACLE_BASE is no ARG or ENV of this
    file: the base image's ENV set it, to a directory not known here. The value stands for
    that directory by the variable's name, `/$ORACLE_BASE/jenkins`, so that what a COPY writes
    there and what a RUN changes there meet. None when the value does not start with such a
    variable, or names one the build passes."""
    match = re.match(_VAR, value)
    if match is None or match["op"]:
        return None
    name = match["braced"] or match["plain"]
    rest = value[match.end() :]
    if name in env or name in given or name in meta or (rest and not rest.startswith("/")):
        return None
    return None if unset(rest, env) else "/$" + name + expand(rest, env)


_COPIES = frozenset({"copy", "add"})


def _without_home(env: Mapping[str, str], given: set[str]) -> dict[str, str]:
    """`env` with HOME empty, as the builder expands it where neither the base image's ENV nor
    this file's ENV or ARG sets it."""
    return dict(env) if "HOME" in env or "HOME" in given else {**env, "HOME": ""}


def _repository_alone(raw: str, expanded: str) -> ImageRef | None:
    """The image a FROM names whose tag is an ARG the build passes (`FROM nginx:${VERSION}`,
    no default: `nginx:` as written): its repository, the tag not known."""
    name, colon, tag = expanded.rpartition(":")
    if not colon or "/" in tag or "$" not in raw.rpartition(":")[2]:
        return None
    try:
        # (what the tag says besides the variable stays: `python:${VERSION}-alpine` is Alpine's)
        return parse_reference(name)._replace(tag=tag.strip("-._") or None)
    except ValueError:
        return None


def _behind_a_prefix(raw: str, expanded: str) -> ImageRef | None:
    """The image a FROM names behind a registry or namespace an ARG the build passes gives
    (`FROM $target/debian:stretch`, `${REGISTRY}/python:3.12`, no default): a mirror of that
    image, the same files."""
    if not (raw.startswith("$") and expanded.startswith("/")):
        return None
    try:
        return parse_reference(expanded.lstrip("/"))
    except ValueError:
        return None


def resolve(path: str, workdir: str) -> str:
    """An absolute, normalised path; relative ones resolve against `workdir`."""
    if _plain(path) and workdir.startswith("/"):
        # The common case (a name from the build context): nothing for normpath to fold.
        return (workdir.rstrip("/") or "") + "/" + path
    joined = path if path.startswith("/") else posixpath.join(workdir, path)
    normal = posixpath.normpath(joined)
    return "/" + normal.lstrip("/")


def _plain(path: str) -> bool:
    """A relative path with nothing for normpath to fold: no `.`, `..` or empty parts."""
    if not path or path[0] == "/" or path[-1] == "/" or "//" in path:
        return False
    return "." not in path or all(part not in (".", "..") for part in path.split("/"))


class Inherited(NamedTuple):
    """What a base image built by another checked Dockerfile hands down to its children."""

    workdir: str
    env: Mapping[str, str]


class Instruction(NamedTuple):
    """A node in its stage, with the WORKDIR, the ENV/ARG values and the USER in effect where it
    runs ('' when no USER of the file says: the base image's user)."""

    node: Node
    workdir: str
    env: Mapping[str, str]
    flags: Mapping[str, tuple[str, ...]]
    user: str = ""
    # ARGs declared with no value here: what a build passes (`ARG package_name`)
    given: frozenset[str] = frozenset()
    # the program a SHELL instruction made RUN's shell (`bash`); '' for /bin/sh
    shell: str = ""

    @property
    def keyword(self) -> str:
        return self.node.keyword

    @property
    def line(self) -> int:
        return self.node.start_line

    @property
    def end_line(self) -> int:
        return self.node.end_line

    def flag(self, name: str) -> str | None:
        values = self.flags.get(name)
        return values[-1] if values else None

    def mounts(self) -> tuple[Mapping[str, str], ...]:
        """`RUN --mount=type=cache,target=/x` as dicts; a bare key gets the value 'true'."""
        mounts = []
        for spec in self.flags.get("mount", ()):
            fields: dict[str, str] = {}
            for part in spec.split(","):
                key, _, value = part.partition("=")
                fields[key.strip().lower()] = value.strip() if _ else "true"
            fields.setdefault("type", "bind")
            for alias in ("dst", "destination"):
                if alias in fields:
                    fields.setdefault("target", fields[alias])
            mounts.append(MappingProxyType(fields))
        return tuple(mounts)


class Stage(NamedTuple):
    # Shadows tuple.index(), which nothing calls on a Stage.
    index: int  # type: ignore[assignment]
    name: str | None
    from_node: Node
    base_text: str
    base_stage: int | None
    base_image: ImageRef | None
    base_error: str | None
    instructions: tuple[Instruction, ...]

    @property
    def label(self) -> str:
        return self.name if self.name else f"#{self.index}"


class Model(NamedTuple):
    path: str
    parsed: ParsedFile
    stages: tuple[Stage, ...]
    target: int
    shipped: tuple[int, ...] = ()

    def shipped_stages(self) -> tuple[Stage, ...]:
        """The target stage and the stages it is built FROM, base first."""
        return tuple(self.stages[i] for i in self.shipped)

    def stage_of(self, origin: str) -> Stage | None:
        """The stage a `--from` value names (its name in any case, or its index); None for an
        image."""
        name = origin.lower()
        named = (s for s in self.stages if name in ((s.name or "").lower(), str(s.index)))
        return next(named, None)

    def holding(self, instr: Instruction) -> Stage | None:
        """The stage `instr` (or an instruction of the same node) belongs to; None for one of
        another file."""
        held = (s for s in self.stages if any(i.node is instr.node for i in s.instructions))
        return next(held, None)

    def lineage(self, stage: Stage) -> tuple[Stage, ...]:
        """`stage` and the stages of the file it is built FROM, nearest first."""
        chain = [stage]
        while chain[-1].base_stage is not None:
            chain.append(self.stages[chain[-1].base_stage])
        return tuple(chain)

    def needed(self) -> tuple[Stage, ...]:
        """The stages the target build runs: the shipped ones and those their `COPY --from` and
        `RUN --mount=from=` name, with the stages those are built FROM."""
        seen: dict[int, Stage] = {}
        todo = list(self.shipped_stages())
        while todo:
            stage = todo.pop()
            if stage.index in seen:
                continue
            seen[stage.index] = stage
            for instr in stage.instructions:
                origins = [instr.flag("from") or ""] + [m.get("from", "") for m in instr.mounts()]
                for origin in filter(None, origins):
                    found = self.stage_of(origin)
                    if found is not None:
                        todo.extend(self.lineage(found))
        return tuple(seen[i] for i in sorted(seen))

    @property
    def start_command(self) -> str:
        """What the image runs when it starts, as written: the shipped stages' last ENTRYPOINT
        and CMD ('' where they leave it to the base image)."""
        last = {
            i.keyword: i.node.original
            for stage in self.shipped_stages()
            for i in stage.instructions
            if i.keyword in ("entrypoint", "cmd")
        }
        return " ".join(last.values())

    @property
    def final_workdir(self) -> str:
        stage = self.stages[self.target]
        return stage.instructions[-1].workdir if stage.instructions else "/"

    @property
    def final_env(self) -> Mapping[str, str]:
        stage = self.stages[self.target]
        return stage.instructions[-1].env if stage.instructions else _EMPTY


def parse_flags(flags: tuple[str, ...]) -> Mapping[str, tuple[str, ...]]:
    parsed: dict[str, list[str]] = {}
    for flag in flags:
        name, _, value = flag.lstrip("-").partition("=")
        parsed.setdefault(name.lower(), []).append(value if _ else "true")
    return MappingProxyType({k: tuple(v) for k, v in parsed.items()})


def _pairs(node: Node) -> list[tuple[str, str]]:
    """ENV/ARG/LABEL values come as (name, value, sep) triples, ARG as name[=value] words."""
    args = node.args
    if node.keyword == "arg":
        out = []
        for word in args:
            name, eq, value = word.partition("=")
            out.append((name, unquote(value) if eq else "\0"))
        return out
    return [(args[i], unquote(args[i + 1])) for i in range(0, len(args) - 2, 3)]


def unquote(value: str) -> str:
    """Shell-style quote removal for ENV/ARG values, which BuildKit's parser keeps quoted."""
    return process_word(value, None)


# What the Jupyter Docker Stacks' base-notebook sets for its user (and HOME=/home/jovyan).
_JUPYTER_USER = {"NB_USER": "jovyan", "NB_UID": "1000", "NB_GID": "100"}

_PLATFORM_ARGS = {
    **{f"{side}PLATFORM": "linux/amd64" for side in ("TARGET", "BUILD")},
    **{f"{side}OS": "linux" for side in ("TARGET", "BUILD")},
    **{f"{side}ARCH": "amd64" for side in ("TARGET", "BUILD")},
    **{f"{side}VARIANT": "" for side in ("TARGET", "BUILD")},
}


def _declare_args(
    node: Node, scope: dict[str, str], build_args: Mapping[str, str], outer: Mapping[str, str]
) -> list[str]:
    """ARG: a --build-arg wins, then the default, then (in a stage) the global ARG's value.
    Returns the names declared with no value: what the build passes."""
    left = []
    for name, value in _pairs(node):
        if name in build_args:
            scope[name] = build_args[name]
        elif value != "\0" and not _TEMPLATE.search(value) and not _passed_on(value, scope):
            scope[name] = expand(value, scope)
        elif name in outer:
            scope[name] = outer[name]
        else:
            left.append(name)
    return left


def _passed_on(value: str, scope: Mapping[str, str]) -> bool:
    """A default that is only a variable nothing set (`ARG ZCS=$ZCS`, `ARG DOWNLOAD=$URL`):
    the value the build passes, not the empty one an unset variable gives. (Not a version
    the base image's ENV sets, `ARG PY_VERSION=$PYTHON_VERSION` on python: BuildKit expands
    the default with it.)"""
    only = _ONE_VARIABLE.fullmatch(value)
    name = (only[1] or only[2]) if only else ""
    return bool(name) and name not in scope and not name.endswith("_VERSION")


# A RUN that relinks /bin/sh (`ln -sf /bin/bash /bin/sh`, `update-alternatives --install
# /bin/sh sh /bin/bash 100`): the RUNs after it run under the shell it names; bash expands
# `{a,b}`, dash does not.
_SH_RELINKED = re.compile(
    r"\bln\s+(?:-[A-Za-z]+\s+)*(?:/usr)?(?:/bin/)?(bash|dash)\s+(?:/usr)?/bin/sh(?![\w/.-])"
    r"|\bupdate-alternatives\s+--install\s+/bin/sh\s+sh\s+(?:/usr)?/bin/(bash)\b"
)
# Debian's own way to the same end: dash's debconf question answered no, then dash reconfigured
# (`echo "dash dash/sh boolean false" | debconf-set-selections && dpkg-reconfigure dash`).
_DASH_DECLINED = re.compile(
    r"\bdash/sh\s+boolean\s+false\b.*\bdpkg-reconfigure\s+(?:-\S+\s+(?:[a-z]+\s+)?)*dash\b",
    re.S,
)
# The `config set` keys that move a manager's cache, and the variable each stands for (`npm
# config set cache /tmp/npm`: npm_config_cache), read in the RUN and by the RUNs after it.
CONFIG_CACHE_KEYS = {
    "npm": ("cache", "npm_config_cache"),
    "yarn": ("cache-folder", "YARN_CACHE_FOLDER"),
    "pnpm": ("store-dir", "PNPM_STORE_DIR"),
}
# poetry's settings of where its environments go, the variable each stands for, and the values
# that move them (none made, made in the project, made in a directory)
POETRY_VENV_KEYS = {
    "virtualenvs.create": ("POETRY_VIRTUALENVS_CREATE", "false|0"),
    "virtualenvs.in-project": ("POETRY_VIRTUALENVS_IN_PROJECT", "true|1"),
    "virtualenvs.path": ("POETRY_VIRTUALENVS_PATH", r"/[^\s;&|'\"$]+"),
}
_BUNDLE_CONFIG = r"\bbundle\s+config\s+(?:set\s+)?(?:--(?:local|global)\s+)?"
_POETRY_CONFIG = r"\bpoetry\s+config\s+(?:--local\s+)?"
# The commands that set a manager's cache in its configuration file, which the RUNs after
# read, and the variable each stands for.
# Set for the RUNs after one that removed apt's docker-clean configuration (or told apt to keep
# what it downloads): a key no shell variable can be
APT_KEEPS = "apt:docker-clean-removed"
# apt's Keep-Downloaded-Packages as configured: `apt:true` (for the `apt` program alone, as
# BuildKit's recipe writes it), `all:true` or `all:false`
APT_KEEP_SETTING = "apt:keep-downloaded-packages"
# The values by which bundler reads a setting as false (any other, `without development test`
# too, is true)
BUNDLER_FALSE = "false|f|no|n|0"
_CACHE_CONFIG = (
    *(
        (
            re.compile(
                rf"\b{tool}\s+config\s+set\s+{key}(?:\s+|=)['\"]?"
                r"((?:~|\$HOME|\$\{HOME\})?/[^\s;&|'\"$]+)['\"]?(?![^\s;&|])"
            ),
            name,
        )
        for tool, (key, name) in CONFIG_CACHE_KEYS.items()
    ),
    # (npm's global prefix, where `npm install -g` puts packages: `npm set prefix ~/.npm`)
    (
        re.compile(
            r"\bnpm\s+(?:config\s+)?set\s+prefix(?:\s+|=)['\"]?"
            r"((?:~|\$HOME|\$\{HOME\})?/[^\s;&|'\"$]+)['\"]?(?![^\s;&|])"
        ),
        "npm_config_prefix",
    ),
    # (apt's docker-clean removed, or apt told to keep what it downloads, as BuildKit's cache
    # mount recipe does: every later install keeps its packages in /var/cache/apt/archives)
    (re.compile(r"\brm\s[^;&|\n]*?(/etc/apt/apt\.conf\.d/docker-clean)\b"), APT_KEEPS),
    (
        re.compile(
            r"((?:Binary::apt::)?)APT::Keep-Downloaded-Packages\W+\\?[\"']?(true|false)\b",
            re.IGNORECASE,
        ),
        APT_KEEP_SETTING,
    ),
    # (bundler's, in the project's .bundle/config or the user's: where the gems go)
    (re.compile(_BUNDLE_CONFIG + r"path\s+['\"]?([^\s;&|'\"$]+)['\"]?(?![^\s;&|])"), "BUNDLE_PATH"),
    # (any value but one that says false: bundler 1's `bundle config deployment without
    # development test` sets it to that phrase, which bundler reads as true)
    (
        re.compile(
            _BUNDLE_CONFIG
            + rf"deployment\s+['\"]?(?!(?:{BUNDLER_FALSE})(?![^\s;&|'\"]))([^\s;&|'\"$]+)",
            re.IGNORECASE,
        ),
        "BUNDLE_DEPLOYMENT",
    ),
    # (poetry's, in its config.toml or the project's poetry.toml: where its environments go)
    *(
        (re.compile(_POETRY_CONFIG + rf"{re.escape(key)}\s+['\"]?({value})['\"]?"), name)
        for key, (name, value) in POETRY_VENV_KEYS.items()
    ),
)
_APT_NEEDLES = {APT_KEEPS: "docker-clean", APT_KEEP_SETTING: "Downloaded-Packages"}
# What the text of a RUN that configures any of these holds (`npm set prefix` has no config)
_CONFIG_NEEDLES = ("config", "apt.conf.d", "set prefix")
_GLOBAL_CONFIG = re.compile(r"\s(?:-g|--global|--location[= ]global)\b")
_PROJECT_CONFIG = re.compile(r"\s--location[= ]project\b")
_IN_PROJECT = "project:"  # (a setting's scope: the project's directory, not a user)
_ONE_VARIABLE = re.compile(r"\$(?:\{(\w+)\}|(\w+))")


def _configured(
    text: str, user: str, workdir: str = ""
) -> Iterator[tuple[str, tuple[str, str | None]]]:
    """The manager settings a RUN's text makes for the RUNs after it: npm's `--global` one for
    every user, its user one and yarn's for `user` alone, bundler's for every user, a
    `--location project` one for the RUNs in that project (`workdir`) alone."""
    for pattern, name in _CACHE_CONFIG:
        if (needle := _APT_NEEDLES.get(name)) is not None and needle not in text:
            continue  # (most RUNs name neither: not worth a scan from every `rm`)
        for found in pattern.finditer(text):
            rest = found.group() + text[found.end() :].split("\n", 1)[0].split("&&", 1)[0]
            if _PROJECT_CONFIG.search(rest):
                # (beside the user's setting, which the other projects keep)
                yield name + _IN_PROJECT + workdir, (found.group(1), _IN_PROJECT + workdir)
                continue
            shared = (
                name.startswith("BUNDLE")
                or name in (APT_KEEPS, APT_KEEP_SETTING)
                or (name == "npm_config_cache" and bool(_GLOBAL_CONFIG.search(rest)))
            )
            value = found.group(1)
            if name == APT_KEEP_SETTING:
                value = ("apt:" if value else "all:") + found.group(2).lower()
            if value.startswith(("~/", "$HOME/", "${HOME}/")):
                # (the home of the user it runs as: root's, when no USER names another)
                if user not in ("", "root", "0"):
                    continue
                value = "/root/" + value.split("/", 1)[1]
            yield name, (value, None if shared else user)


def _with_configured(
    env: Mapping[str, str],
    configured: Mapping[str, tuple[str, str | None]],
    user: str,
    workdir: str = "",
) -> dict[str, str]:
    """`env` (which wins) over what earlier RUNs configured for every user, for `user`, or for
    the project in `workdir`."""
    mine = {k: v for k, (v, who) in configured.items() if who is None or who == user}
    # (a project's own setting wins there)
    mine |= {
        k.partition(_IN_PROJECT)[0]: v
        for k, (v, who) in configured.items()
        if who == _IN_PROJECT + workdir
    }
    return {**mine, **env} if mine else dict(env)


def build(
    path: str,
    parsed: ParsedFile,
    build_args: Mapping[str, str] | None = None,
    target: str | None = None,
    inherited: Callable[[ImageRef], Inherited | None] | None = None,
) -> Model:
    """Resolve stages, FROM references and WORKDIR/ENV for every instruction.

    Raises ValueError when `target` names no stage.
    """
    build_args = dict(build_args or {})
    # BuildKit's automatic platform ARGs, for a build on and for linux/amd64 (a CI runner):
    # `FROM runner-${TARGETOS}-${TARGETARCH}` names a stage; a stage's `ARG TARGETARCH` sees it.
    meta: dict[str, str] = {k: build_args.get(k, v) for k, v in _PLATFORM_ARGS.items()}
    stages: list[Stage] = []
    names: dict[str, int] = {}
    current: list[Instruction] | None = None
    workdir = "/"
    env: dict[str, str] = {}
    user = ""
    shell = ""
    sh_bash = False  # a RUN made /bin/sh bash: a `SHELL ["/bin/sh", "-c"]` after it runs bash
    # the base image's ENV is known to leave HOME unset: `ENV GOPATH=$HOME/go` is /go (HOME is
    # the shell's, in a RUN, not the builder's)
    homeless = False
    # what earlier RUNs configured a manager's cache to be, as the variable it stands for
    # (`npm config set cache /tmp/npm --global`: npm_config_cache), which the ENV outranks
    # (npm's user configuration and yarn's are the user's own: `(value, user)`, '' for all)
    configured: dict[str, tuple[str, str | None]] = {}
    given: set[str] = set()
    redefined: set[str] = set()  # (names an ENV set to a value not known here)
    from_node: Node | None = None
    stage_name: str | None = None
    base_text = ""
    base_stage: int | None = None
    base_image: ImageRef | None = None
    base_error: str | None = None
    # (what each stage ends with, for a stage built FROM it: also when it has no instructions,
    # `FROM tomcat:9 AS base` / `FROM base`, whose WORKDIR is still tomcat's)
    ends: dict[
        int,
        tuple[
            str, dict[str, str], str, set[str], str, dict[str, tuple[str, str | None]], bool, bool
        ],
    ] = {}

    def close() -> None:
        if from_node is not None and current is not None:
            stage = Stage(
                len(stages),
                stage_name,
                from_node,
                base_text,
                base_stage,
                base_image,
                base_error,
                tuple(current),
            )
            stages.append(stage)
            ends[stage.index] = (
                workdir, dict(env), user, set(given), shell, dict(configured), sh_bash, homeless
            )  # fmt: skip
            if stage_name:
                names[stage_name] = stage.index

    for node in parsed.nodes:
        if node.keyword == "from":
            close()
            from_node = node
            words = [w for w in node.args]
            raw = words[0] if words else ""
            stage_name = words[2].lower() if len(words) >= 3 and words[1].lower() == "as" else None
            # (BuildKit reads the name as a shell word: `FROM "$PREFIX"stage-init`)
            base_text = process_word(raw, meta)
            base_stage, base_image, base_error = None, None, None
            workdir, env, user, given, shell, configured = "/", {}, "", set(), "", {}
            redefined = set()
            sh_bash = homeless = False
            if base_text.lower() in names:
                base_stage = names[base_text.lower()]
                workdir, env, user, given, shell, configured, sh_bash, homeless = ends[base_stage]
                env, given, configured = dict(env), set(given), dict(configured)
            elif base_text.lower() != "scratch":
                try:
                    base_image = parse_reference(base_text)
                except ValueError as exc:
                    base_error = str(exc)
                    base_image = _repository_alone(raw, base_text) or _behind_a_prefix(
                        raw, base_text
                    )
                state = inherited(base_image) if base_image and inherited is not None else None
                if state is not None:
                    workdir, env = state.workdir, dict(state.env)
                elif base_image is not None:
                    held = known(base_image)  # what a well-known image's own Dockerfile set
                    workdir, env, user = held.workdir or "/", dict(held.env), held.user
                    homeless = sets_no_home(base_image)
                    if held.manager == "yum":
                        shell = "bash"  # (/bin/sh is bash on Red Hat's family: `{a,b}` expands)
            current = []
            continue
        if current is None:
            if node.keyword == "arg":
                _declare_args(node, meta, build_args, {})
            continue
        if node.keyword == "workdir" and node.args:
            seen = _without_home(env, given) if homeless else env
            # (`WORKDIR $ORACLE_HOME` of the base image's ENV: that directory, by its name)
            symbolic = from_the_base(node.args[0], seen, given, meta)
            # (BuildKit reads it as a shell word: `WORKDIR "/root"` is /root)
            workdir = resolve(symbolic or process_word(node.args[0], seen), workdir)
        elif node.keyword == "env":
            # ENV a=1 b=$a: b sees the a from before this instruction
            lookup = _without_home(env, given) if homeless else dict(env)
            for name, value in _pairs(node):
                if name == "PATH" and unset(value, lookup):
                    # (`ENV PATH=/opt/conda/bin:$PATH`: the base image's PATH, unknown here,
                    # after the directories it names)
                    env[name] = expand(value, {**lookup, "PATH": "$PATH"})
                elif (symbolic := from_the_base(value, lookup, given, meta)) is not None:
                    env[name] = symbolic
                elif unset(value, lookup):
                    # (`ARG X` without a default, then `ENV X=$X`: what the build passes)
                    env.pop(name, None)
                    named = list(re.finditer(_VAR, value))
                    if value in (f"${name}", f"${{{name}}}"):
                        continue  # (`ENV VERSION=$VERSION`: the value the build passes, again)
                    if (
                        any((m["braced"] or m["plain"]) in given for m in named)
                        and not any(m["op"] for m in named)
                        and name not in redefined
                    ):
                        # (`ENV RT_TAG=rt-4.4.$PATCH`, `ENV VERSION=v$VERSION`: one value the
                        # build fixes, which a COPY's source and a RUN's word after it name
                        # alike; not `${SOURCES:+/src}`, which each ENV of the name may set
                        # apart, nor a second ENV of the name, whose value is another)
                        given.add(name)
                    elif name in redefined and name in given:
                        # (what the RUNs after it see is not the first value: `$PKG` before and
                        # after `ENV PKG=plugins-$VERSION` name two files; a value of its own,
                        # `${PKG}~`, which no RUN's word reads as known)
                        given.discard(name)
                        env[name] = f"${{{name}}}~"
                    else:
                        given.discard(name)
                    redefined.add(name)
                else:
                    env[name] = expand(value, lookup)
                if name == "HOME" and env.get(name, "").endswith("/") and env[name] != "/":
                    # (`ENV HOME=/app/`: the directory /app, whatever a tool joins to it)
                    env[name] = env[name].rstrip("/") or "/"
        elif node.keyword == "arg":
            passed = {n for n in _declare_args(node, env, build_args, meta) if n not in env}
            given = {n for n in given if n not in env} | passed if given else passed
        elif node.keyword == "shell" and node.args:
            shell = posixpath.basename(node.args[0])
            shell = "bash" if shell == "sh" and sh_bash else shell
        elif node.keyword == "user" and node.args:
            user = expand(node.args[0], env)
            if not user and unset(node.args[0], env):
                user = node.args[0]  # (`USER ${NB_UID}` of a base not known: some user, not root)
            if user == "jovyan" and "NB_USER" not in env:
                # The Jupyter Docker Stacks' user: an image that has it is built on theirs
                # (through a base not known here), whose ENV names it.
                env.update(_JUPYTER_USER)
        if node.keyword == "env" and given:
            given = {n for n in given if n not in env}
        # (a COPY's `$HOME/` is expanded from the ENV alone, as WORKDIR's is; a RUN's shell
        # has the user's home)
        seen = _without_home(env, given) if homeless and node.keyword in _COPIES else env
        current.append(
            Instruction(
                node,
                workdir,
                MappingProxyType(_with_configured(seen, configured, user, workdir)),
                parse_flags(node.flags),
                user,
                frozenset(given),
                shell,
            )
        )
        relinked = (
            {g for m in _SH_RELINKED.finditer(node.original) for g in m.groups() if g}
            if node.keyword == "run" and "/bin/sh" in node.original
            else set()
        )
        if node.keyword == "run" and _DASH_DECLINED.search(node.original):
            relinked.add("bash")
        if "bash" in relinked and shell in ("", "sh"):
            shell, sh_bash = "bash", True
        elif "dash" in relinked and sh_bash:
            # (a SHELL instruction's bash stays: it names the program, not the link)
            shell, sh_bash = ("" if shell == "bash" else shell), False
        if node.keyword == "run" and any(n in node.original for n in _CONFIG_NEEDLES):
            configured.update(_configured(node.original, user, workdir))
    close()
    if not stages:
        return Model(path, parsed, (), -1, ())
    if target is None:
        target_index = len(stages) - 1
    elif target.lower() in names:
        target_index = names[target.lower()]
    else:
        raise ValueError(f"target stage {target!r} not found")
    chain: list[int] = []
    index: int | None = target_index
    while index is not None and index not in chain:
        chain.append(index)
        index = stages[index].base_stage
    return Model(path, parsed, tuple(stages), target_index, tuple(reversed(chain)))
