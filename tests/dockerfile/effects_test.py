from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from layerguard.dockerfile.effects import (
    CACHE,
    EITHER,
    EXEC,
    INSTALL,
    PURGE,
    REMOVE,
    UNPACK,
    WRITE,
    copy_writes,
    path_overlaps,
    run_effects,
)
from layerguard.dockerfile.model import Instruction, build
from layerguard.dockerfile.parser import parse


def instruction(text: str, index: int = -1) -> Instruction:
    return build("Dockerfile", parse("FROM debian\n" + text)).stages[0].instructions[index]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("/a", "/a", True),
        ("/a/b", "/a", True),
        ("/a", "/a/b", True),
        ("/ab", "/a", False),
        ("/var/lib/apt/lists/*", "/var/lib/apt/lists", True),
        ("/tmp/*.tgz", "/tmp/go.tgz", True),
        ("/tmp/*", "/var/x", False),
    ],
)
def test_path_overlaps(a: str, b: str, expected: bool) -> None:
    assert path_overlaps(a, b) is expected


def test_run_knows_what_it_created() -> None:
    effects = run_effects(instruction(
        "RUN cd /tmp && curl -fsSLo go.tgz https://x/go.tgz && tar -C /usr/local -xzf go.tgz"
        " && rm go.tgz /etc/motd"
    ))  # fmt: skip
    assert [(op.kind, op.paths) for op in effects.ops] == [
        (WRITE, ("/tmp/go.tgz",)),
        (UNPACK, ("/tmp/go.tgz",)),
        (WRITE, ("/usr/local",)),
        (WRITE, ("/usr/local/go",)),  # what a tarball holds at its top is named for it
        (REMOVE, ("/tmp/go.tgz", "/etc/motd")),
    ]
    # Downloaded and removed in the same RUN: never in the layer, so never named as a file.
    assert "/tmp/go.tgz" not in effects.files
    kept = run_effects(instruction("RUN curl -o /opt/go.tgz https://x/go.tgz && rm -f /opt/*.txt"))
    assert kept.files == ("/opt/go.tgz",)


def test_caches_land_in_the_home_env_names() -> None:
    """Docker runs a RUN with the image's ENV HOME (Jupyter images set /home/jovyan) whatever
    the user: caches land there, and `$HOME/.cache` and `~/.cache` clean them."""
    ops = run_effects(instruction("ENV HOME=/home/jovyan\nRUN pip install flask", 1)).ops
    assert [op.paths for op in ops if op.role == CACHE] == [("/home/jovyan/.cache/pip",)]
    cleaned = run_effects(
        instruction("ENV HOME=/home/jovyan\nRUN pip install flask && rm -rf $HOME/.cache", 1)
    ).ops
    assert [op.paths for op in cleaned if op.kind == REMOVE] == [("/home/jovyan/.cache",)]


def test_the_same_run_under_another_home_is_read_again() -> None:
    """Two files' alike RUNs (one result is kept per RUN text) under another ENV HOME put the
    cache in each one's home."""
    plain = run_effects(instruction("RUN pip install flask")).ops
    homed = run_effects(instruction("ENV HOME=/home/jovyan\nRUN pip install flask", 1)).ops
    assert [op.paths for op in plain if op.role == CACHE] == [("/root/.cache/pip",)]
    assert [op.paths for op in homed if op.role == CACHE] == [("/home/jovyan/.cache/pip",)]


def test_caches_land_in_the_users_home() -> None:
    def caches(text: str) -> list[tuple[str, ...]]:
        ops = run_effects(instruction(text)).ops
        return [op.paths for op in ops if op.role == CACHE]

    assert caches("USER node\nRUN npm ci") == [("/home/node/.npm/_cacache",)]
    # (composer's: the home's, or XDG's where composer finds that layout, of which the model
    # keeps the one a removal in the RUN shows)
    assert caches("USER www-data\nRUN composer install") == [
        ("/var/www/.composer/cache", "/var/www/.cache/composer")
    ]
    assert caches("USER 1000\nRUN pip install x") == [("/root/.cache/pip",)]  # (not known)
    assert caches("USER app\nUSER root\nRUN pip install x") == [("/root/.cache/pip",)]


@pytest.mark.parametrize(
    "run",
    [
        "RUN /opt/x.sh",
        "RUN cd /opt && ./x.sh",
        "RUN sh /opt/x.sh",
        "RUN bash -e /opt/x.sh --flag",
        "RUN cd /opt && . ./x.sh",
        "RUN source /opt/x.sh",
    ],
)
def test_a_script_the_run_runs_is_read(run: str) -> None:
    effects = run_effects(instruction(run), {"/opt/x.sh": "rm -rf /var/cache/app\n"})
    assert [(op.kind, op.paths) for op in effects.ops] == [(REMOVE, ("/var/cache/app",))]
    assert effects.scripts == (("/opt/x.sh", "rm -rf /var/cache/app\n"),)
    # The RUN's own commands stay as written (fixes rewrite those).
    assert "x.sh" in " ".join(effects.commands[-1].words)


def test_a_script_that_is_not_run_is_not_read() -> None:
    texts = {"/opt/x.sh": "rm -rf /var/cache/app\n"}
    for run in ("RUN cat /opt/x.sh", "RUN sh -c 'echo /opt/x.sh'", "RUN /opt/y.sh"):
        assert all(op.kind != REMOVE for op in run_effects(instruction(run), texts).ops), run


def test_archives_hold_an_entry_named_for_them() -> None:
    def tops(run: str) -> list[tuple[str, ...]]:
        ops = run_effects(instruction(run)).ops
        return [op.paths for op in ops if op.kind == WRITE and op.entry == EITHER]

    assert tops("RUN tar xzf /opt/apache-tomcat-9.0.74.tar.gz -C /opt") == [
        ("/opt/apache-tomcat-9.0.74",)
    ]
    assert tops("RUN cd /tmp && unzip terraform_1.9.zip -d /usr/local/bin") == [
        ("/usr/local/bin/terraform_1.9",)
    ]
    # --strip-components drops that top directory; a name from a variable says nothing.
    assert tops("RUN tar xzf /tmp/node.tgz -C /usr/local --strip-components=1") == []
    assert tops("RUN tar xzf /tmp/$TARBALL -C /opt") == []


def test_compressors_replace_their_input() -> None:
    ops = run_effects(instruction("RUN cd /root && bzip2 -9 phantomjs.tar && gzip -k x.log")).ops
    assert [(op.kind, op.paths) for op in ops] == [
        (REMOVE, ("/root/phantomjs.tar",)),
        (WRITE, ("/root/phantomjs.tar.bz2",)),
    ]


def test_unmodelled_program_makes_later_removals_uncertain() -> None:
    effects = run_effects(instruction("RUN ./install.sh && rm -rf /opt/x"))
    assert [(op.kind, op.blind) for op in effects.ops] == [(EXEC, False), (REMOVE, True)]


def test_redirect_to_descriptor_is_not_a_file() -> None:
    effects = run_effects(instruction("RUN echo hi >&2 && echo x 2>&1 > /etc/x.conf"))
    assert effects.files == ("/etc/x.conf",)


def test_exec_form_shell_c() -> None:
    effects = run_effects(instruction('RUN ["/bin/sh", "-c", "rm -rf /usr/share/doc"]'))
    assert [op.paths for op in effects.ops] == [("/usr/share/doc",)]


def test_heredoc_body_is_the_script() -> None:
    effects = run_effects(instruction("RUN <<EOF\nset -e\nrm -rf /srv/cache\nEOF"))
    assert [op.paths for op in effects.ops if op.kind == REMOVE] == [("/srv/cache",)]


def test_python_heredoc_is_not_shell() -> None:
    effects = run_effects(instruction("RUN python3 <<EOF\nimport os\nos.system('rm -rf /x')\nEOF"))
    assert [op.kind for op in effects.ops] == [EXEC]  # python3, with its script unread


def test_package_removal_after_own_install() -> None:
    effects = run_effects(instruction("RUN apk add --virtual .b gcc && make && apk del .b"))
    assert [op.kind for op in effects.ops if op.kind != WRITE] == [PURGE]


def test_copy_writes_from_context(tmp_path: Path) -> None:
    (tmp_path / "src" / "sub").mkdir(parents=True)
    (tmp_path / "src" / "a.txt").write_text("a")
    (tmp_path / "src" / "sub" / "b.txt").write_text("b")
    (tmp_path / "one.conf").write_text("c")
    copy = instruction("WORKDIR /app\nCOPY src .")
    assert sorted(w.path for w in copy_writes(copy, tmp_path)) == ["/app/a.txt", "/app/sub/b.txt"]
    single = instruction("COPY one.conf /etc/app.conf")
    assert [(w.path, w.exact) for w in copy_writes(single, tmp_path)] == [("/etc/app.conf", True)]
    into = instruction("COPY one.conf *.txt /etc/")
    assert [w.path for w in copy_writes(into, tmp_path)] == ["/etc/one.conf"]
    missing = instruction("COPY nothere /x")
    assert [(w.path, w.exact) for w in copy_writes(missing, tmp_path)] == [("/x", False)]


def test_copy_never_reads_outside_the_context(tmp_path: Path) -> None:
    (tmp_path / "ctx").mkdir()
    (tmp_path / "secret").write_text("s")
    escape = instruction("COPY ../secret /x")
    assert all(not w.exact for w in copy_writes(escape, tmp_path / "ctx"))


def test_copy_follows_dockerignore(tmp_path: Path) -> None:
    (tmp_path / "src" / "node_modules" / "x").mkdir(parents=True)
    (tmp_path / "src" / "node_modules" / "x" / "big.js").write_text("x")
    (tmp_path / "src" / "app.js").write_text("a")
    (tmp_path / "src" / "keep.log").write_text("k")
    (tmp_path / "src" / "drop.log").write_text("d")
    (tmp_path / ".dockerignore").write_text("# deps\n**/node_modules\n*/*.log\n!src/keep.log\n")
    copy = instruction("COPY src /app/")
    assert sorted(w.path for w in copy_writes(copy, tmp_path)) == ["/app/app.js", "/app/keep.log"]


def test_a_double_star_inside_a_name_matches_as_buildkit_matches_it(tmp_path: Path) -> None:
    # BuildKit's copy matches with Go's filepath.Match, where `**` is `*`: `a**.txt` is
    # `a*.txt`; with --parents its matcher takes `**`, which pathlib refuses inside a name, so
    # what it copies is not known file by file
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a1.txt").write_text("a")
    plain = copy_writes(instruction("COPY src/a**.txt /x/"), tmp_path)
    assert [(w.path, w.exact) for w in plain] == [("/x/a1.txt", True)]
    parents = copy_writes(instruction("COPY --parents src/a**.txt /x/"), tmp_path)
    assert parents and not any(w.exact for w in parents)


def copied(context: Path, ignore: str | None, files: list[str], dockerfile: str = "") -> list[str]:
    """What `COPY . /app/` copies from a context holding `files` and this .dockerignore."""
    for name in files:
        (context / name).parent.mkdir(parents=True, exist_ok=True)
        (context / name).write_text("x")
    if ignore is not None:
        (context / ".dockerignore").write_text(ignore)
    copy = instruction("COPY . /app/")
    writes = copy_writes(copy, str(context), dockerfile or None)
    return sorted(w.path.removeprefix("/app/") for w in writes if w.path != "/app/.dockerignore")


@pytest.mark.parametrize(
    ("ignore", "files", "kept"),
    [
        pytest.param(
            "**/node_modules\n",
            ["node_modules/a.js", "src/node_modules/b.js", "src/app.js"],
            ["src/app.js"],
            id="double-star-slash-matches-no-directory-too",
        ),
        pytest.param(
            "a/**/b\n", ["a/b/f", "a/x/y/b/f", "a/c/f"], ["a/c/f"], id="double-star-in-the-middle"
        ),
        pytest.param("*.[oa]\n", ["x.o", "y.a", "z.c"], ["z.c"], id="character-class"),
        pytest.param("\\*.txt\n", ["*.txt", "a.txt"], ["a.txt"], id="escaped-star"),
        pytest.param(
            "# comment\n #x\n", ["#x", "# comment", "y"], ["# comment", "y"], id="comment-column-1"
        ),
        pytest.param(
            "/build\n./dist/\n", ["build/o", "dist/o", "src/build"], ["src/build"], id="cleaned"
        ),
        pytest.param(
            "*.md\n!README*.md\nREADME-secret.md\n",
            ["README.md", "README-secret.md", "other.md", "main.go"],
            ["README.md", "main.go"],
            id="last-match-wins",
        ),
        pytest.param("[\n", ["[", "a"], ["[", "a"], id="invalid-pattern-is-skipped"),
    ],
)
def test_copy_follows_dockerignore_as_buildkit(
    tmp_path: Path, ignore: str, files: list[str], kept: list[str]
) -> None:
    assert copied(tmp_path, ignore, files) == kept


def test_dockerfile_specific_ignore_file_wins(tmp_path: Path) -> None:
    (tmp_path / "docker").mkdir()
    (tmp_path / "docker" / "api.Dockerfile.dockerignore").write_text("secret\n")
    dockerfile = str(tmp_path / "docker" / "api.Dockerfile")
    kept = copied(tmp_path, "other\n", ["secret", "other", "docker/x"], dockerfile)
    assert kept == ["docker/api.Dockerfile.dockerignore", "docker/x", "other"]
    assert copied(tmp_path, "other\n", [], str(tmp_path / "Dockerfile")) == [
        "docker/api.Dockerfile.dockerignore",
        "docker/x",
        "secret",
    ]


def test_copy_exclude_flag_drops_files_as_buildkit(tmp_path: Path) -> None:
    for name in ("src/a.py", "src/b.txt", "src/deep/c.txt", "src/node_modules/x.js", "top.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    copy = instruction("ARG SKIP=node_modules\nCOPY --exclude=*.txt --exclude=$SKIP src /app/")
    assert [w.path for w in copy_writes(copy, str(tmp_path))] == ["/app/a.py", "/app/deep/c.txt"]
    deep = instruction("COPY --exclude=**/*.txt src/ *.txt /app/")
    paths = sorted(w.path for w in copy_writes(deep, str(tmp_path)))
    assert paths == ["/app/a.py", "/app/node_modules/x.js"]


def context_paths(context: Path, files: list[str]) -> Callable[[str], list[str]]:
    """A context holding `files`, and what a COPY line writes from it (sorted)."""
    for name in files:
        (context / name).parent.mkdir(parents=True, exist_ok=True)
        (context / name).write_text("{}")
    return lambda line: sorted(w.path for w in copy_writes(instruction(line), str(context)))


def test_copy_parents_keeps_paths_from_the_context_root(tmp_path: Path) -> None:
    paths = context_paths(
        tmp_path,
        ["packages/a/package.json", "packages/b/package.json", "apps/c/package.json", "x/y/z.txt"],
    )

    assert paths("COPY --parents packages/*/package.json apps/*/package.json /app/") == [
        "/app/apps/c/package.json",
        "/app/packages/a/package.json",
        "/app/packages/b/package.json",
    ]
    assert paths("COPY packages/*/package.json /app/") == ["/app/package.json"] * 2
    assert paths("COPY --parents ./x/./y/z.txt /out/") == ["/out/y/z.txt"]
    assert paths("COPY --parents x /out/") == ["/out/x/y/z.txt"]
    assert paths("COPY --parents=false x /out/") == ["/out/y/z.txt"]


@pytest.mark.parametrize(
    ("ignore", "kept"),
    [
        ("node_modules\n", ["app.js"]),
        ("node_modules\n!node_modules/x/keep.js\n", ["app.js", "node_modules/x/keep.js"]),
    ],
)
def test_ignored_directories_are_entered_only_if_a_line_reincludes(
    tmp_path: Path, ignore: str, kept: list[str]
) -> None:
    assert copied(tmp_path, ignore, ["node_modules/x/keep.js", "app.js"]) == kept


def test_exclude_with_parents_matches_from_the_context_root(tmp_path: Path) -> None:
    paths = context_paths(tmp_path, ["src/a.py", "src/b.txt", "src/deep/c.txt"])

    assert paths("COPY --parents --exclude=deep src/ /o/") == [
        "/o/src/a.py",
        "/o/src/b.txt",
        "/o/src/deep/c.txt",
    ]
    assert paths("COPY --parents --exclude=src/deep src /o/") == ["/o/src/a.py", "/o/src/b.txt"]
    assert paths("COPY --exclude=* --exclude=*/* src /o/") == []


def test_a_run_keeps_the_home_it_was_given_not_its_last_commands() -> None:
    """`RunEffects.home` is what the caller knew of the user's home (a fix replays the RUN with
    it), whatever user a `sudo -u` inside the RUN ran as."""
    model = build("Dockerfile", parse("FROM debian\nRUN pip install flask && sudo -u app true\n"))
    (instr,) = model.stages[0].instructions
    assert run_effects(instr, None, "").home == ""
    given = run_effects(instr, None, "/home/node")
    assert given.home == "/home/node"
    (cache,) = [op for op in given.ops if op.role == "cache"]
    assert cache.paths == ("/home/node/.cache/pip",)


@pytest.mark.parametrize(
    "line",
    [
        "RUN env DEBIAN_FRONTEND=noninteractive apt-get install -y clickhouse-server=20.9.4.76",
        "RUN sudo -u root LANG=C apt-get install -y clickhouse-server=20.9.4.76",
        "RUN env -u HOME X=1 apt-get install -y clickhouse-server=20.9.4.76",
    ],
)
def test_a_wrapper_s_variables_are_not_the_command_s_words(line: str) -> None:
    # env and sudo set the variables before the command; a package pinned by `=` after it
    # is the command's own word
    installs = [op for op in run_effects(instruction(line)).ops if op.packages]
    assert [op.packages for op in installs] == [("clickhouse-server",)]


def test_apk_static_is_apk() -> None:
    # apk-tools' static build, which bootstraps apk, installs and caches as apk does
    effects = run_effects(instruction("RUN ./sbin/apk.static -U --allow-untrusted add apk-tools"))
    assert [(op.kind, op.role, op.family) for op in effects.ops if op.family] == [
        (WRITE, INSTALL, "apk"),
        (WRITE, CACHE, "apk"),
    ]
