from __future__ import annotations

from layerguard.dockerfile.pragmas import collect, normalise


def test_ignore_applies_to_next_instruction_only() -> None:
    lines = [
        "FROM debian",
        "# layerguard ignore=LG003,LG004 -- tiny files",
        "# another comment",
        "RUN rm -rf /x",
        "RUN rm -rf /y",
    ]
    found = collect(lines, [(1, 1), (4, 4), (5, 5)])
    assert found.suppresses("LG003", "delete-in-later-layer", 4)
    assert found.suppresses("LG004", "ownership-copy-up", 4)
    assert not found.suppresses("LG005", "package-cache-kept", 4)
    assert not found.suppresses("LG003", "delete-in-later-layer", 5)


def test_global_and_names() -> None:
    lines = ["FROM debian", "RUN x", "# layerguard global ignore=package-cache-kept"]
    found = collect(lines, [(1, 1), (2, 2)])
    assert found.suppresses("LG005", "package-cache-kept", 2)
    assert not found.suppresses("LG003", "delete-in-later-layer", 2)


def test_comment_inside_heredoc_is_not_a_pragma() -> None:
    lines = ["FROM debian", "RUN <<EOF", "# layerguard global ignore=LG003", "EOF", "RUN rm /x"]
    found = collect(lines, [(1, 1), (2, 4), (5, 5)])
    assert not found.suppresses("LG003", "delete-in-later-layer", 5)


def test_blank_line_breaks_the_link() -> None:
    lines = ["FROM debian", "# layerguard ignore=LG003", "", "RUN rm /x"]
    assert not collect(lines, [(1, 1), (4, 4)]).suppresses("LG003", "x", 4)


def test_every_named_code_is_kept_with_its_line_as_written() -> None:
    lines = [
        "FROM debian",
        "# layerguard ignore=LG0005, lg003 -- typo and lower case",
        "RUN x",
        "RUN <<EOF",
        "# layerguard global ignore=inside-a-heredoc",
        "EOF",
        "# layerguard global ignore=all",
    ]
    found = collect(lines, [(1, 1), (3, 3), (4, 6)])
    assert found.named == ((2, "LG0005"), (2, "lg003"), (7, "all"))
    assert [normalise(word) for _, word in found.named] == ["LG0005", "LG003", "all"]
