"""A Makefile's recipes as `make TARGET` runs them."""

from __future__ import annotations

from layerguard.dockerfile.makefile import recipe

MAKEFILE = (
    "PIP ?= pip\nREQS := requirements.txt\n.PHONY: deps dev\n\n"
    "deps:\n\t@$(PIP) install -r ${REQS} \\\n\t  --upgrade\n\n"
    "dev: deps ## the development set\n\t-rm -rf build\n\techo $$HOME\n"
)


def test_a_target_runs_its_prerequisites_first_with_variables_expanded() -> None:
    found = recipe(MAKEFILE, ("dev",), {})
    assert found is not None
    assert [" ".join(line.split()) for line in found.lines] == [
        "pip install -r requirements.txt --upgrade",
        "rm -rf build",
        "echo $HOME",
    ]
    # (a variable given on make's command line wins; `?=` keeps the one set before)
    given = recipe(MAKEFILE, ("deps",), {"PIP": "pip3"})
    assert given is not None
    (deps,) = given.lines
    assert deps.split() == ["pip3", "install", "-r", "requirements.txt", "--upgrade"]


def test_a_makefile_not_plainly_read_or_without_the_target_gives_nothing() -> None:
    assert recipe(MAKEFILE, ("install",), {}) is None
    # (a conditional whose test is not known: a function, a quote left open)
    unknown = "ifeq ($(shell cat f),x)\nA = 1\nendif\nall:\n\tpip install a\n"
    assert recipe(unknown, ("all",), {}) is None
    assert recipe("ifeq 'a' b\nendif\nall:\n\ttrue\n", ("all",), {}) is None
    assert recipe("%.o: %.c\n\tcc -c $<\nall:\n\ttrue\n", ("all",), {}) is None


def test_recipes_read_as_gnu_make_reads_them() -> None:
    """Blank and comment lines inside a recipe, the environment under the Makefile's own
    variables, exported variables, targets named by a variable, an inline recipe, a target's
    prerequisites and recipe on two lines, and `.ONESHELL` (red team 11)."""
    makefile = (
        "VENV := .venv\nexport PIP_NO_CACHE_DIR = 1\n\n"
        "$(VENV)/bin/activate:\n\tpython -m venv $(VENV)\n\n"
        "# comment\n\tpip install -r reqs.txt\n"
        "install: $(VENV)/bin/activate\ninstall: ; echo $(HOME) $(OPTS)\n"
        "\trm -rf build\n"
    )
    found = recipe(makefile, ("install",), {}, {"HOME": "/home/app", "OPTS": "-q"})
    assert found is not None
    assert found.lines == [
        "python -m venv .venv",
        "pip install -r reqs.txt",
        "echo /home/app -q",
        "rm -rf build",
    ]
    assert found.exported == {"PIP_NO_CACHE_DIR": "1"}
    one = recipe(".ONESHELL:\nall:\n\tcd /src\n\tmake\n", ("all",), {})
    assert one is not None and one.lines == ["cd /src\nmake"]


def test_a_conditional_is_read_as_the_build_takes_it() -> None:
    """`ifeq ($(UNAME_S),Darwin)` with `UNAME_S := $(shell uname -s)` (a Go plugin's Makefile,
    set 537), `else ifdef`, `ifndef`, `ifneq`, a nested one, and one inside a recipe; the
    reviewers' `MODE ?= prod` choosing pip's flags."""
    makefile = (
        "CFLAGS := -fPIC\nLDFLAGS := -shared\nUNAME_S := $(shell uname -s)\nMODE ?= prod\n\n"
        "ifeq ($(UNAME_S),Darwin)\n\tLDFLAGS += -undefined dynamic_lookup\n"
        "else ifdef CI\n  CFLAGS = -O0\nelse\n  CFLAGS += -O1\nendif\n"
        'ifneq "$(MODE)" "prod"\nPIP = pip install\nelse\nPIP = pip install --no-cache-dir\n'
        "ifndef VERBOSE\nPIP += -q\nendif\nendif\n\n"
        "all:\n\tgo build pw.go $(LDFLAGS) $(CFLAGS)\nifeq ($(shell uname -m),x86_64)\n"
        "\t$(PIP) -r requirements.txt\nendif\n"
    )
    found = recipe(makefile, (), {})
    assert found is not None
    assert found.lines == [
        "go build pw.go -shared -fPIC -O1",
        "pip install --no-cache-dir -q -r requirements.txt",
    ]
    dev = recipe(makefile, (), {"MODE": "dev", "CI": "1"})
    assert dev is not None
    assert dev.lines == ["go build pw.go -shared -O0", "pip install -r requirements.txt"]


def test_a_variable_nothing_set_is_empty_in_a_conditional_s_test() -> None:
    """`ifeq ($(DEV),1)` around some of a recipe's lines (a reviewer's probe): DEV is empty,
    the lines are skipped, the rest is read."""
    makefile = (
        "install:\n\tpip install -r requirements.txt\n"
        "ifeq ($(DEV),1)\n\tpip install -r dev.txt\nendif\n"
    )
    found = recipe(makefile, ("install",), {})
    assert found is not None and found.lines == ["pip install -r requirements.txt"]


def test_tab_lines_outside_a_rule_and_the_goals_are_read_as_make_reads_them() -> None:
    """A tab-indented assignment outside any rule is make syntax, not a recipe line; the
    goals make was given are MAKECMDGOALS (the reviewers' probes, checked with GNU make)."""
    makefile = (
        "ifeq ($(shell uname -s),Linux)\n\tPIP := pip install --no-cache-dir\nendif\n"
        "ifeq ($(MAKECMDGOALS),prod)\n\tEXTRA := -q\nendif\n"
        "prod:\n\t$(PIP) $(EXTRA) -r requirements.txt\n"
    )
    found = recipe(makefile, ("prod",), {})
    assert found is not None
    assert found.lines == ["pip install --no-cache-dir -q -r requirements.txt"]


def test_a_comment_after_a_conditional_s_test_is_not_part_of_it() -> None:
    """`ifeq ($(UNAME_S),Darwin)  # macOS ...`: make reads the test without the comment (a
    reviewer's probe)."""
    makefile = (
        "UNAME_S := $(shell uname -s)\n"
        "ifeq ($(UNAME_S),Linux)  # the build's: Linux\nPIP := pip install --no-cache-dir\n"
        "endif\ninstall:\n\t$(PIP) -r requirements.txt\n"
    )
    found = recipe(makefile, ("install",), {})
    assert found is not None
    assert found.lines == ["pip install --no-cache-dir -r requirements.txt"]
