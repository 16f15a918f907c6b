from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from timing import assert_linear

from layerguard.dockerfile.shell import Command, Redirect, resolve_path, split_commands


def words(script: str, **kwargs: object) -> list[tuple[str, ...]]:
    return [c.words for c in split_commands(script, **kwargs)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("path", "cwd", "expected"),
    [
        pytest.param("/a/b/../c", None, "/a/c", id="absolute-dotdot"),
        pytest.param("go.tgz", "/tmp", "/tmp/go.tgz", id="relative"),
        pytest.param("./x/./y/", "/srv/", "/srv/x/y", id="dots-and-slashes"),
        pytest.param("../../..", "/a/b", "/", id="above-root"),
        pytest.param("x", None, None, id="relative-unknown-cwd"),
        pytest.param("/var/lib/apt/lists/*", "/", "/var/lib/apt/lists/*", id="glob-kept"),
        pytest.param("//usr//local/", "/", "/usr/local", id="double-slashes"),
    ],
)
def test_resolve_path(path: str, cwd: str | None, expected: str | None) -> None:
    assert resolve_path(path, cwd) == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        pytest.param(
            "set -eux; apt-get update; apt-get install -y --no-install-recommends "
            "ca-certificates curl; rm -rf /var/lib/apt/lists/*",
            [
                ("set", "-eux"),
                ("apt-get", "update"),
                ("apt-get", "install", "-y", "--no-install-recommends", "ca-certificates", "curl"),
                ("rm", "-rf", "/var/lib/apt/lists/*"),
            ],
            id="apt-semicolons",
        ),
        pytest.param(
            "a && b || c | d & e\nf;g",
            [("a",), ("b",), ("c",), ("d",), ("e",), ("f",), ("g",)],
            id="all-separators",
        ),
        pytest.param("a|&b;;c", [("a",), ("b",), ("c",)], id="odd-operators"),
        pytest.param(
            "echo 'a b' \"c $ d\" e\\ f $'g\\th' \"\\$x\\\"\" ''",
            [("echo", "a b", "c $ d", "e f", "g\th", '$x"', "")],
            id="quotes",
        ),
        pytest.param("echo a\\\nb c\\\n  d", [("echo", "ab", "c", "d")], id="continuations"),
        pytest.param(
            "echo \"a\\\nb\" 'c\\\nd'", [("echo", "ab", "c\\\nd")], id="continuation-in-quotes"
        ),
        pytest.param(
            "# leading comment\napt-get update # trailing; rm -rf /\necho a#b '#c' #d",
            [("apt-get", "update"), ("echo", "a#b", "#c")],
            id="comments",
        ),
        pytest.param(
            "curl -fsSL https://x/key | gpg --dearmor -o /usr/share/keyrings/x.gpg",
            [
                ("curl", "-fsSL", "https://x/key"),
                ("gpg", "--dearmor", "-o", "/usr/share/keyrings/x.gpg"),
            ],
            id="pipe",
        ),
        pytest.param(
            "if [ -f /a ]; then rm /a; elif [ -d /b ]; then :; else echo no; fi; ls",
            [
                *(("[", "-f", "/a", "]"), ("rm", "/a"), ("[", "-d", "/b", "]"), (":",)),
                *(("echo", "no"), ("ls",)),
            ],
            id="if-elif-else",
        ),
        pytest.param(
            'for f in a b $(ls /x); do\n  rm -f "$f"\ndone',
            [("ls", "/x"), ("rm", "-f", "$f")],
            id="for-loop",
        ),
        pytest.param(
            'for p in "/tmp/plugins/*.zip"; do unzip $p; done\n'
            'for p in "a b"; do rm $p; done\nfor p in "$X/a"; do rm $p; done',
            [("unzip", "/tmp/plugins/*.zip"), ("rm", "a", "b"), ("rm", "$p")],
            # (geoserver's plugin loop; two words in one: one pass, `$p` split; a variable: unknown)
            id="for-one-quoted-word",
        ),
        pytest.param("for ((i=0; i<3; i++)); do echo $i; done", [("echo", "$i")], id="c-for"),
        pytest.param(
            'while read -r line; do echo "$line"; done < /etc/list',
            [("read", "-r", "line"), ("echo", "$line")],
            id="while-read",
        ),
        pytest.param(
            'case "$(cat /etc/arch)" in\n'
            "  x86_64|amd64) arch=amd64 ;;\n"
            "  (aarch64) arch=arm64; echo arm ;;\n"
            '  *) echo >&2 "unsupported"; exit 1 ;;\n'
            "esac\necho $arch",
            [
                ("cat", "/etc/arch"),
                ("echo", "arm"),
                ("echo", "unsupported"),
                ("exit", "1"),
                ("echo", "$arch"),
            ],
            id="case",
        ),
        pytest.param(
            # (the build's machine is the default build's, linux/amd64)
            'case "$(uname -m)" in\n'
            "  x86_64|amd64) arch=amd64 ;;\n"
            "  (aarch64) arch=arm64; echo arm ;;\n"
            "esac\necho $arch $(dpkg --print-architecture)",
            # (no arm branch; what a known substitution prints is no command of its own)
            [("echo", "$arch", "amd64")],
            id="case-of-the-machine",
        ),
        pytest.param("case $x in a) b;; esac; c", [("b",), ("c",)], id="case-one-line"),
        pytest.param(
            "{ echo a; echo b; } > /etc/x; ! grep -q x /y; time make",
            # (the group's redirection writes /etc/x: a command of its own)
            [("echo", "a"), ("echo", "b"), (":",), ("grep", "-q", "x", "/y"), ("make",)],
            id="group-bang-time",
        ),
        pytest.param(
            # A body runs where the function is called, never where it is defined.
            "f() { rm -rf /tmp/*; }\nfunction g { ls; }\nf",
            [("rm", "-rf", "/tmp/*")],
            id="functions",
        ),
        pytest.param(
            "clean() {\n  apt-get clean\n  rm -rf /var/lib/apt/lists/*\n}\n"
            'install() { apt-get update; apt-get install -y "$@"; clean; }\n'
            "trap 'echo bye' EXIT\ntrap clean EXIT\ninstall curl && echo done",
            [
                ("apt-get", "update"),
                ("apt-get", "install", "-y", "$@"),
                ("apt-get", "clean"),
                ("rm", "-rf", "/var/lib/apt/lists/*"),
                ("echo", "done"),
                ("apt-get", "clean"),
                ("rm", "-rf", "/var/lib/apt/lists/*"),
            ],
            id="functions-called-later-and-an-exit-trap",
        ),
        pytest.param(
            "[[ -f a && ( -d b || -L c ) ]] && echo ok",
            [("[[", "-f", "a", "&&", "(", "-d", "b", "||", "-L", "c", ")", "]]"), ("echo", "ok")],
            id="double-bracket",
        ),
        pytest.param("(( n += 1 )) && echo $((n*2))", [("echo", "$((n*2))")], id="arithmetic"),
        pytest.param(
            'echo "v=$(cat /v | tr -d x)" `id -u`',
            [
                ("echo", "v=$(cat /v | tr -d x)", "`id -u`"),
                ("cat", "/v"),
                ("tr", "-d", "x"),
                ("id", "-u"),
            ],
            id="substitutions",
        ),
        pytest.param(
            "echo $(echo $(echo deep))",
            [("echo", "$(echo $(echo deep))"), ("echo", "$(echo deep)"), ("echo", "deep")],
            id="nested-substitution",
        ),
        pytest.param("arr=(a b c); echo ${arr[1]}", [("echo", "${arr[1]}")], id="array"),
    ],
)
def test_words(script: str, expected: list[tuple[str, ...]]) -> None:
    assert words(script) == expected


@pytest.mark.parametrize(
    ("script", "env", "expected"),
    [
        pytest.param(
            'curl -o x $URL ${URL} "$URL/a"',
            {"URL": "https://h/p"},
            [("curl", "-o", "x", "https://h/p", "https://h/p", "https://h/p/a")],
            id="env",
        ),
        pytest.param(
            "V=1.2.3; export DIR=/opt/app-$V; cd $DIR && echo ${V%.*} ${V#*.} ${#V}",
            {},
            [
                ("export", "DIR=/opt/app-1.2.3"),
                ("cd", "/opt/app-1.2.3"),
                ("echo", "1.2", "2.3", "5"),
            ],
            id="assigned-and-exported",
        ),
        pytest.param(
            "export PATH=$GOPATH/bin:$PATH; ls $GOPATH/bin $HOME",
            {},
            [("export", "PATH=$GOPATH/bin:$PATH"), ("ls", "$GOPATH/bin", "$HOME")],
            id="unknown-stays-literal",
        ),
        pytest.param(
            "echo ${A:-x} ${B-y} ${C:=z} $C ${D:+w} ${E:+w}",
            {"D": "1", "E": ""},
            [("echo", "x", "y", "z", "z", "w")],
            id="defaults",
        ),
        pytest.param(
            'deps="gcc make"; apt-get install -y $deps; apt-get purge "$deps"',
            {},
            [("apt-get", "install", "-y", "gcc", "make"), ("apt-get", "purge", "gcc make")],
            id="field-splitting",
        ),
        pytest.param('E=; echo a $E b "$E"', {}, [("echo", "a", "b", "")], id="empty-var"),
        pytest.param(
            "X=$(mktemp -d); rm -rf $X",
            {},
            [("mktemp", "-d"), ("rm", "-rf", "$X")],
            id="substitution-value-unknown",
        ),
        pytest.param(
            "PIP_NO_CACHE_DIR=1 pip install x; echo $PIP_NO_CACHE_DIR",
            {},
            [("pip", "install", "x"), ("echo", "$PIP_NO_CACHE_DIR")],
            id="prefix-assignment-is-local",
        ),
        pytest.param(
            'A=1; unset A; echo $A; [ -n "$B" ] || B=2; echo $B',
            {},
            [("unset", "A"), ("echo", "$A"), ("[", "-n", "$B", "]"), ("echo", "$B")],
            id="unset-and-conditional",
        ),
        pytest.param(
            "for V in 1 2; do :; done; echo $V",
            {"V": "0"},
            [(":",), (":",), ("echo", "2")],
            id="loop-var",  # (run for each word in turn: the last is left)
        ),
        pytest.param(
            "for V in 1 $X; do :; done; echo $V",
            {},
            [(":",), ("echo", "$V")],
            id="loop-var-unknown",
        ),
        pytest.param(
            "echo ${X:-$(id -u)}", {}, [("echo", "$(id -u)"), ("id", "-u")], id="default-subst"
        ),
    ],
)
def test_variables(script: str, env: dict[str, str], expected: list[tuple[str, ...]]) -> None:
    assert words(script, env=env) == expected


def test_assignments_and_line() -> None:
    (cmd,) = split_commands('\n\n  CC=clang CFLAGS="-O2 -g" make -j4')
    assert cmd == Command(("make", "-j4"), (("CC", "clang"), ("CFLAGS", "-O2 -g")), (), "/", 2)


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('rm -rf "/var/lib/apt/lists/*" /tmp/*', ("/var/lib/apt/lists/*",)),
        ("rm -f '/tmp/*.deb' \\*.log", ("/tmp/*.deb", "*.log")),
        ('rm -rf "/var/lib/apt/lists/"* "$D/*" "$D"/*', ("/opt/*",)),
        ("rm -rf /var/lib/apt/lists/* x[1].txt", ()),
    ],
)
def test_words_whose_wildcards_are_quoted(script: str, expected: tuple[str, ...]) -> None:
    # the shell expands no quoted wildcard: those words name files by those very names
    (cmd,) = split_commands(script, env={"D": "/opt"})
    assert cmd.literal == expected


@pytest.mark.parametrize(
    ("script", "cwd", "expected"),
    [
        pytest.param(
            'cd /tmp && curl -fsSL -o go.tgz "$URL" && tar -C /usr/local -xzf go.tgz && rm go.tgz',
            "/",
            ["/", "/tmp", "/tmp", "/tmp"],
            id="download-extract-rm",
        ),
        pytest.param("cd src; cd ../lib; ls", "/app", ["/app", "/app/src", "/app/lib"], id="rel"),
        pytest.param("(cd /opt && make); ls", "/w", ["/w", "/opt", "/w"], id="subshell"),
        pytest.param("cd; ls; cd /x; cd -; ls", "/w", ["/w", None, None, "/x", None], id="home"),
        pytest.param(
            "cd $DIR; ls; cd /a/b; cd ..; ls",
            "/w",
            ["/w", None, None, "/a/b", "/a"],
            id="variable-dir",
        ),
        pytest.param("cd x; ls", None, [None, None], id="unknown-start"),
        pytest.param("cd /x; ls", None, [None, "/x"], id="absolute-from-unknown"),
        pytest.param(
            "pushd /usr/src; make; popd; ls", "/w", ["/w", "/usr/src", "/usr/src", "/w"], id="pushd"
        ),
        pytest.param(
            "if [ -d /x ]; then cd /x; ls; fi; ls", "/w", ["/w", "/w", "/x", None], id="cd-in-if"
        ),
        pytest.param(
            "echo $(cd /a; pwd); pwd", "/w", ["/w", "/w", "/a", "/w"], id="cd-in-substitution"
        ),
        pytest.param("cd /x || exit 1; ls", "/w", ["/w", "/x", "/x"], id="cd-or-exit"),
    ],
)
def test_cwd(script: str, cwd: str | None, expected: list[str | None]) -> None:
    assert [c.cwd for c in split_commands(script, cwd=cwd)] == expected


def test_cd_alone_goes_home() -> None:
    commands = split_commands("cd /tmp && cd && ls && cd ~/src && ls", env={"HOME": "/root"})
    assert [c.cwd for c in commands if c.words[0] == "ls"] == ["/root", "/root/src"]
    assert split_commands("cd /tmp && cd && ls")[-1].cwd is None  # (no HOME known)


def test_rm_resolves_against_cwd() -> None:
    commands = split_commands(
        'cd /tmp && curl -fsSL -o go.tgz "$URL" && tar -C /usr/local -xzf go.tgz && rm go.tgz',
        env={"URL": "https://go.dev/dl/go.tgz"},
    )
    assert commands[1].words[-1] == "https://go.dev/dl/go.tgz"
    rm = commands[-1]
    assert rm.words == ("rm", "go.tgz")
    assert resolve_path(rm.words[1], rm.cwd) == "/tmp/go.tgz"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        pytest.param(
            "echo a > out.txt 2>>/var/log/e &>/dev/null <in 2>&1 >&-",
            (
                Redirect(">", "/w/out.txt"),
                Redirect("2>>", "/var/log/e"),
                Redirect("&>", "/dev/null"),
                Redirect("<", "/w/in"),
                Redirect("2>&", "1"),
                Redirect(">&", "-"),
            ),
            id="redirects",
        ),
        pytest.param(
            'cat > "$OUT" <<<"hi" >~/x',
            (Redirect(">", "$OUT"), Redirect("<<<", "hi"), Redirect(">", "~/x")),
            id="unresolved-targets",
        ),
        pytest.param("echo 1>a", (Redirect("1>", "/w/a"),), id="fd-glued"),
    ],
)
def test_redirects(script: str, expected: tuple[Redirect, ...]) -> None:
    (cmd,) = split_commands(script, cwd="/w")
    assert cmd.redirects == expected


def test_heredoc_in_script() -> None:
    script = (
        "set -eux\n"
        "cat <<EOF > /etc/x.conf\n"
        "rm -rf /\n"
        "EOF\n"
        "cat <<-'END' | tee -a /etc/y\n"
        "\trm -rf /$HOME\n"
        "\tEND\n"
        'cat <<"A" <<B\n'
        "a; b\n"
        "A\n"
        "b; c\n"
        "B\n"
        "echo done"
    )
    commands = split_commands(script)
    assert [(c.words, c.line) for c in commands] == [
        (("set", "-eux"), 0),
        (("cat",), 1),
        (("cat",), 4),
        (("tee", "-a", "/etc/y"), 4),
        (("cat",), 7),
        (("echo", "done"), 12),
    ]
    assert commands[1].redirects == (Redirect("<<", "EOF"), Redirect(">", "/etc/x.conf"))
    assert commands[2].redirects == (Redirect("<<-", "END"),)


def test_lines_in_multiline_script() -> None:
    script = "apt-get update \\\n  && apt-get install -y \\\n     curl\n\n  rm -rf \\\n  /x\n"
    assert [(c.words[0], c.line) for c in split_commands(script)] == [
        ("apt-get", 0),
        ("apt-get", 1),
        ("rm", 4),
    ]


# (script, whether it holds a command: operators and keywords alone hold none)
@pytest.mark.parametrize(
    ("script", "commands"),
    [
        pytest.param("echo 'unterminated", True, id="single-quote"),
        pytest.param('echo "unterminated $(x', True, id="double-quote"),
        pytest.param("echo ${x:-", True, id="brace"),
        pytest.param(")) ( ; ;; && || | ((", False, id="operators"),
        pytest.param("case esac in ) ;; fi done then", False, id="keywords"),
        pytest.param("cat <<", True, id="heredoc-without-delimiter"),
        pytest.param("cat <<EOF\nno end", True, id="heredoc-without-end"),
        pytest.param("\x00\xff\ufffd\x1b[0m`$'\\x", True, id="binary"),
        pytest.param("$(" * 5000, True, id="deep-substitution"),
        pytest.param("${" * 5000, True, id="deep-brace"),
        pytest.param('"$(`' * 3000, True, id="deep-mixed"),
        pytest.param("$'\\u110000\\U7fffffff\\777'", True, id="ansi-out-of-range"),
    ],
)
def test_garbage_never_raises(script: str, commands: bool) -> None:
    split = split_commands(script)
    assert bool(split) == commands
    assert [c for c in split if not (isinstance(c, Command) and c.words)] == []


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab =$(){}[]'\"\\`;&|<>#\n\t-*!:+%?~/0123456789"))
        | st.characters(),
        max_size=200,
    )
)
def test_any_text_splits(script: str) -> None:
    for cmd in split_commands(script, cwd="/w", env={"a": "x y"}):
        assert isinstance(cmd, Command)
        assert cmd.words and all(isinstance(w, str) for w in cmd.words)
        assert cmd.cwd is None or cmd.cwd.startswith("/")
        assert 0 <= cmd.line <= script.count("\n")
        assert all(isinstance(r, Redirect) for r in cmd.redirects)


def test_linear_time() -> None:
    chunk = 'cd /tmp && curl -fsSL -o "go-$V.tgz" "$URL" | tar -xz; rm -f go.tgz # x\n'
    small, big = chunk * 40, chunk * 400
    assert len(split_commands(big)) == 10 * len(split_commands(small))
    assert_linear(split_commands, small, big, 10)


def _runs(dockerfile: str) -> list[str]:
    """RUN shell-form lines with continuations joined, roughly as BuildKit does."""
    scripts = []
    lines = dockerfile.split("\n")
    i = 0
    while i < len(lines):
        match = re.match(r"\s*RUN\s+(.*)", lines[i], re.IGNORECASE)
        if match:
            parts = [match.group(1)]
            while parts[-1].endswith("\\") and i + 1 < len(lines):
                parts[-1] = parts[-1][:-1]
                i += 1
                if not lines[i].lstrip().startswith("#"):
                    parts.append(lines[i])
            scripts.append("".join(parts))
        i += 1
    return scripts


def test_corpus_never_raises(shared: Path) -> None:
    files = sorted((shared / "corpus" / "dockerfiles").glob("*"))
    count = 0
    for path in files:
        for script in _runs(path.read_text(errors="replace")):
            commands = split_commands(script, cwd="/", env={})
            count += len(commands)
            assert all(c.words for c in commands)
    assert len(files) == 737
    assert count > 10_000  # 11,367 commands today


def test_a_command_known_to_succeed_keeps_what_follows_certain() -> None:
    """`true && cd /app && make`: make runs in /app, as after a plain `;`."""
    commands = split_commands("true && cd /app && make; : && export X=1 && echo $X", "/", {})
    assert [(c.words, c.cwd) for c in commands][2:] == [
        (("make",), "/app"),
        ((":",), "/app"),
        (("export", "X=1"), "/app"),
        (("echo", "1"), "/app"),
    ]


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        pytest.param(
            'if [ "$GID" != "1000" ] || [ "$UID" != "1000" ]; then chown -R 1 /home/x; fi',
            [("[", "1000", "!=", "1000", "]")] * 2,
            id="if-false",
        ),
        pytest.param(
            'if [ "$ARCH" = arm64 ]; then echo arm; elif [ "$ARCH" = amd64 ]; then echo amd;'
            " else echo other; fi",
            [("[", "amd64", "=", "arm64", "]"), ("[", "amd64", "=", "amd64", "]"), ("echo", "amd")],
            id="elif-taken-else-dead",
        ),
        pytest.param(
            'if ! [ "$ARCH" = amd64 ]; then echo not; fi; [ -z "$EMPTY" ] || echo set',
            [("[", "amd64", "=", "amd64", "]"), ("[", "-z", "", "]")],
            id="negation-and-or-list",
        ),
        pytest.param(
            '[ "$ARCH" = amd64 ] && rm -rf /a && rm -rf /b || echo no; echo after',
            # (after a command, not a test, the outcome is not known: `|| echo no` may run)
            [
                ("[", "amd64", "=", "amd64", "]"),
                ("rm", "-rf", "/a"),
                ("rm", "-rf", "/b"),
                ("echo", "no"),
                ("echo", "after"),
            ],
            id="and-list-true",
        ),
        pytest.param(
            '[ "$ARCH" = arm64 ] && rm -rf /a && rm -rf /b || echo no; echo after',
            [("[", "amd64", "=", "arm64", "]"), ("echo", "no"), ("echo", "after")],
            id="and-list-false",
        ),
        pytest.param(
            'if [ -f /x ]; then rm /x; fi; if [ "$UNKNOWN" = 1 ]; then echo maybe; fi',
            [
                ("[", "-f", "/x", "]"),
                ("rm", "/x"),
                ("[", "$UNKNOWN", "=", "1", "]"),
                ("echo", "maybe"),
            ],
            id="undecided-branches-run",
        ),
        pytest.param(
            'if [ "$N" -lt 16 ]; then echo old; fi; if [[ "$ARCH" == a* ]]; then echo glob; fi',
            [("[", "16", "-lt", "16", "]"), ("[[", "amd64", "==", "a*", "]]"), ("echo", "glob")],
            id="numbers-and-patterns",
        ),
        pytest.param(
            'if [[ "$ARCH" != *"64" ]]; then echo no; fi; if [[ $ARCH == b* ]]; then echo b; fi;'
            ' if [[ $ARCH == "a*" ]]; then echo star; fi',
            [
                ("[[", "amd64", "!=", "*64", "]]"),
                ("[[", "amd64", "==", "b*", "]]"),
                ("[[", "amd64", "==", "a*", "]]"),
            ],
            id="patterns-decide-a-branch-their-quoted-parts-literal",
        ),
        pytest.param(
            'P=(nginx curl # the web\n git); P+=(jq); apt-get install -y "${P[@]}";'
            ' B=(a); if [ -f /x ]; then B+=(b); fi; apt-get purge -y "${B[@]}"; echo ${ARCH[@]}',
            [
                ("apt-get", "install", "-y", "nginx", "curl", "git", "jq"),
                ("[", "-f", "/x", "]"),
                ("apt-get", "purge", "-y", "${B[@]}"),
                ("echo", "amd64"),
            ],
            id="arrays-each-element-a-word-until-a-branch-changes-one",
        ),
        pytest.param(
            "if $OFF; then echo jupyter; fi; if [ -f /a ]; then :; elif true; then :;"
            " else echo never; fi; false && echo no; true || echo no2",
            [("false",), ("[", "-f", "/a", "]"), (":",), ("true",), (":",), ("false",), ("true",)],
            id="true-and-false-commands",
        ),
        pytest.param(
            'case "$ARCH" in arm64) echo arm ;; amd64|x86_64) echo amd ;; *) echo other ;; esac;'
            ' case "$UNKNOWN" in a) echo a ;; b) echo b ;; esac',
            [("echo", "amd"), ("echo", "a"), ("echo", "b")],
            id="case-of-a-known-word",
        ),
        pytest.param(
            'case "$ARCH" in amd64) echo amd ;& arm64) echo arm ;; esac',
            [("echo", "amd"), ("echo", "arm")],
            id="case-fall-through",
        ),
        pytest.param(
            "! $OFF && echo on; ! true && echo never; while false; do echo never2; done;"
            " until true; do echo never3; done; while read -r l; do echo $l; done",
            [
                ("false",),
                ("echo", "on"),
                ("true",),
                ("false",),
                ("true",),
                ("read", "-r", "l"),
                ("echo", "$l"),
            ],
            id="negated-lists-and-loops-that-never-run",
        ),
        pytest.param(
            'if [ "$GID" != "1000"] || [ "$UID" != "1000" ]; then chown -R 1000 /home/x; fi',
            [("[", "1000", "!=", "1000]"), ("[", "1000", "!=", "1000", "]")],
            id="a-test-without-its-closing-bracket-fails",  # (`[`: "missing ]")
        ),
        pytest.param(
            'if [ "$UNSET_HERE" != "linux/arm/v7"]; then cargo install a; fi;'
            " [ -f $UNSET_TOO] && echo b; [ -n $UNSET_TOO ] || echo c",
            [
                ("[", "$UNSET_HERE", "!=", "linux/arm/v7]"),
                ("[", "-f", "$UNSET_TOO]"),
                ("echo", "b"),  # (`$UNSET_TOO` may end in a blank: `]` alone may close it)
                ("[", "-n", "$UNSET_TOO", "]"),
                ("echo", "c"),
            ],
            # (held out 167) whatever the variable holds; a last word not known may close it
            id="a-test-without-its-closing-bracket-fails-whatever-it-tests",
        ),
        pytest.param(
            'case "$ARCH" in "*") echo star ;; \\*) echo star2 ;; *) echo any ;; esac',
            [("echo", "any")],
            id="case-quoted-patterns-are-literal",
        ),
        pytest.param(
            'for p in ${EMPTY}; do npm install "$p"; done; for p in $EMPTY ""; do rm $p; done;'
            " for p in $UNKNOWN; do echo $p; done",
            [("rm", "$p"), ("echo", "$p")],
            id="a-loop-over-an-empty-list-never-runs",  # (not over "", nor an unknown list)
        ),
        pytest.param(
            'if test \\( "$ARCH" = amd64 -a "$OFF" = true \\); then echo a; fi;'
            ' if [ "$N" = 8 -o "$N" = 16 ]; then echo b; fi;'
            ' if [ ! \\( "$ARCH" = arm64 \\) -a -f /x ]; then echo c; fi;'
            ' if [ -f /y -o "$GID" = 0 ]; then echo d; fi',
            [
                ("test", "(", "amd64", "=", "amd64", "-a", "false", "=", "true", ")"),
                ("[", "16", "=", "8", "-o", "16", "=", "16", "]"),
                ("echo", "b"),
                ("[", "!", "(", "amd64", "=", "arm64", ")", "-a", "-f", "/x", "]"),
                ("echo", "c"),  # (the file decides: it may run)
                ("[", "-f", "/y", "-o", "1000", "=", "0", "]"),
                ("echo", "d"),
            ],
            id="a-compound-test-of-and-or-and-parentheses",
        ),
    ],
)
def test_branches_the_known_values_rule_out_never_run(
    script: str, expected: list[tuple[str, ...]]
) -> None:
    env = {"GID": "1000", "UID": "1000", "ARCH": "amd64", "EMPTY": "", "N": "16", "OFF": "false"}
    assert words(script, cwd="/", env=env) == expected


def test_a_command_a_file_test_decides_knows_the_paths_tested() -> None:
    script = (
        "if [[ -x /usr/local/bin/aws ]]; then mv /usr/local/bin/aws /opt/aws && mv a b; fi;"
        ' rm /e; [ -f x ] && rm x; rm y; if [ "$A" = 1 ]; then rm z; fi'
    )
    guarded = [(c.words[0], c.guarded) for c in split_commands(script, cwd="/w")]
    assert guarded == [
        ("[[", ()),
        ("mv", ("/usr/local/bin/aws",)),
        ("mv", ("/usr/local/bin/aws",)),
        ("rm", ()),
        ("[", ()),
        ("rm", ("/w/x",)),
        ("rm", ()),
        ("[", ()),
        ("rm", ()),  # (a test of a value, not of a path)
    ]


def test_the_last_and_list_runs_whole_or_fails_the_build() -> None:
    # (`test -f x && cd ..` ending the script: a test that fails there fails the RUN, so what
    # follows it runs; not where `||` or another command follows, or inside a block)
    last = split_commands("cd /tmp/src && test -f /usr/bin/cc && cd .. && rm -r src", cwd="/")
    assert [(c.words[0], c.cwd, c.guarded) for c in last][-1] == ("rm", "/tmp", ())
    tolerated = split_commands("[ -f x ] && rm x || true", cwd="/w")
    assert [bool(c.guarded) for c in tolerated if c.words[0] == "rm"] == [True]
    followed = split_commands("[ -f x ] && rm x; rm y", cwd="/w")
    assert [c.guarded for c in followed if c.words[0] == "rm"] == [("/w/x",), ()]


def test_bash_expands_a_brace_list_and_sh_does_not() -> None:
    script = "rm -f /usr/local/bin/{docker-entrypoint.sh,yarn*} '/a/{b,c}'"
    expanded = ("rm", "-f", "/usr/local/bin/docker-entrypoint.sh", "/usr/local/bin/yarn*")
    assert split_commands(script, braces=True)[0].words == (*expanded, "/a/{b,c}")
    assert split_commands(script)[0].words[2] == "/usr/local/bin/{docker-entrypoint.sh,yarn*}"
