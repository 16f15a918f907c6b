"""A Makefile's recipes as `make TARGET` runs them."""

from __future__ import annotations

from layerguard.dockerfile.makefile import recipe

MAKEFILE = (
    "PIP ?= pip\nREQS := requirements.txt\n.PHONY: deps dev\n\n"
    "deps:\n\t@$(PIP) install -r ${REQS} \\\n\t  --upgrade\n\n"
    "dev: deps ## the development set\n\t-rm -rf build\n\techo $$HOME\n"
)


def test_a_target_runs_its_prerequisites_first_with_variables_expanded() -> None:
    assert [" ".join(line.split()) for line in recipe(MAKEFILE, ("dev",), {}) or ()] == [
        "pip install -r requirements.txt --upgrade",
        "rm -rf build",
        "echo $HOME",
    ]
    # (a variable given on make's command line wins; `?=` keeps the one set before)
    (deps,) = recipe(MAKEFILE, ("deps",), {"PIP": "pip3"}) or ()
    assert deps.split() == ["pip3", "install", "-r", "requirements.txt", "--upgrade"]


def test_a_makefile_not_plainly_read_or_without_the_target_gives_nothing() -> None:
    assert recipe(MAKEFILE, ("install",), {}) is None
    assert recipe("ifeq ($(OS),x)\nA = 1\nendif\nall:\n\tpip install a\n", ("all",), {}) is None
    assert recipe("%.o: %.c\n\tcc -c $<\nall:\n\ttrue\n", ("all",), {}) is None
