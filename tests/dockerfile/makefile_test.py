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
    # (a conditional that does more than set variables, or sets them inside a recipe)
    assert (
        recipe("ifeq ($(OS),x)\nall:\n\ttrue\nendif\nall:\n\tpip install a\n", ("all",), {}) is None
    )
    assert recipe("all:\n\ttrue\nifdef X\n\tA = 1\nendif\n", ("all",), {}) is None
    assert recipe("ifdef X\nexport PIP_NO_CACHE_DIR = 1\nendif\nall:\n\ttrue\n", (), {}) is None
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


def test_a_conditional_that_only_sets_variables_leaves_them_unknown() -> None:
    """`ifeq ($(UNAME_S),Darwin)` / `<tab>LDFLAGS += ...` / `endif` before the rules (a Go
    plugin's Makefile, set 537): the recipes are read, the variables it sets are unknown."""
    makefile = (
        "CFLAGS := -fPIC\nLDFLAGS := -shared\nUNAME_S := $(shell uname -s)\n\n"
        "ifeq ($(UNAME_S),Darwin)\n\tLDFLAGS += -undefined dynamic_lookup\n"
        "else ifdef CI\n  CFLAGS = -O0\nendif\n\n"
        'all:\n\tenv CGO_CFLAGS="$(CFLAGS)" go build -o a.so\n\tgo build pw.go $(LDFLAGS)\n'
    )
    found = recipe(makefile, (), {"CFLAGS": "-O2"})
    assert found is not None
    assert found.lines == ['env CGO_CFLAGS="-O2" go build -o a.so', "go build pw.go $(LDFLAGS)"]
