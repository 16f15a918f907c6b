"""What well-known base images hold, by repository."""

from __future__ import annotations

import pytest

from layerguard.dockerfile.bases import (
    DISTRIBUTION_TREES,
    distribution_files,
    in_tree,
    known,
    release_php,
    versioned,
)
from layerguard.reference import parse_reference


@pytest.mark.parametrize(
    ("image", "path"),
    [
        ("python:3.12-slim", "/usr/local/lib/python3.12/site-packages"),
        ("node:20", "/usr/local/lib/node_modules/npm"),
        ("continuumio/miniconda3", "/opt/conda/lib"),
        ("mcr.microsoft.com/devcontainers/ruby:3.4", "/usr/local/rvm/gems"),
        ("mcr.microsoft.com/vscode/devcontainers/python:0-3.10", "/home/vscode"),
        ("mcr.microsoft.com/devcontainers/base:ubuntu", "/home/vscode/.oh-my-zsh"),
    ],
)
def test_a_repository_fills_its_runtime_trees(image: str, path: str) -> None:
    assert in_tree(path, known(parse_reference(image)).trees)


@pytest.mark.parametrize(
    ("image", "path"),
    [
        ("ghcr.io/someone/python:3.12", "/usr/local/lib/python3.12"),  # not the official image
        ("mcr.microsoft.com/mssql/server", "/home/vscode"),
        ("debian", "/opt/conda"),
        ("python", "/usr/local/libexec"),
    ],
)
def test_other_images_hold_only_the_distribution(image: str, path: str) -> None:
    assert not in_tree(path, known(parse_reference(image)).trees)
    assert in_tree("/usr/lib/x86_64-linux-gnu", known(parse_reference(image)).trees)


def test_files_and_docs() -> None:
    assert "/etc/nginx/conf.d/default.conf" in known(parse_reference("nginx:1.27")).files
    devcontainer = known(parse_reference("mcr.microsoft.com/devcontainers/base:bookworm"))
    assert "/usr/local/etc/vscode-dev-containers/meta.env" in devcontainer.files
    assert known(parse_reference("debian:12")).docs
    for bare in ("alpine:3.20", "node:20-alpine", "gcr.io/distroless/static-debian12", "busybox"):
        assert not known(parse_reference(bare)).docs, bare
    assert known(None) == (
        DISTRIBUTION_TREES, (), True, False, (), "", False, (), (), (), None, "", False, "",
        frozenset(), False, False, (), False, False, False, False, False, False, False, False, (),
        "", frozenset({"pip", "setuptools", "wheel"}), frozenset({"npm", "corepack"}), (), False,
        False, False, False, False,
    )  # fmt: skip
    assert known(parse_reference("alpine:3.20")).distribution
    assert not known(parse_reference("renokico/laravel-base:latest-8.0-fpm-alpine")).distribution
    assert "tzdata" in (known(parse_reference("debian:12")).packages or ())
    assert known(parse_reference("php:8.3-fpm-alpine")).heavy == (
        "/usr/src/php.tar.xz",
        "/usr/local/include/php",
        "/usr/local/etc/php/php.ini-development",
        "/usr/local/etc/php/php.ini-production",
    )


def test_the_env_and_workdir_a_well_known_image_sets() -> None:
    jupyter = known(parse_reference("quay.io/jupyter/minimal-notebook:afe30f0c9ad8"))
    assert ("CONDA_DIR", "/opt/conda") in jupyter.env
    assert jupyter.workdir == "/home/jovyan"
    s2i = known(parse_reference("registry.access.redhat.com/ubi9/s2i-base:1"))
    assert ("APP_ROOT", "/opt/app-root") in s2i.env
    assert ("PIP_NO_CACHE_DIR", "off") not in s2i.env
    # (held out 137: Thoth's s2i images are sclorg's Python ones, which turn pip's cache off)
    thoth = known(parse_reference("quay.io/thoth-station/s2i-thoth-ubi8-py38:v0.29.0"))
    assert ("PIP_NO_CACHE_DIR", "off") in thoth.env
    assert known(parse_reference("golang:1.23")).env == (("GOPATH", "/go"),)
    assert known(parse_reference("debian:12")).env == ()


@pytest.mark.parametrize(
    ("image", "minimal"),
    [
        ("python:3.8-slim", True),
        ("registry.access.redhat.com/ubi9/ubi-minimal", True),
        ("alpine", True),
        ("python:3-bullseye", False),
        ("ubuntu:24.04", False),
    ],
)
def test_minimal_images(image: str, minimal: bool) -> None:
    assert known(parse_reference(image)).minimal is minimal


def test_debconf_is_heavy_in_debian_images_only() -> None:
    assert "/var/cache/debconf" in known(parse_reference("ubuntu:20.04")).heavy
    assert "/var/cache/debconf" in known(parse_reference("python:3.12-slim")).heavy
    for other in ("fedora:40", "registry.access.redhat.com/ubi9/ubi", "alpine:3.20"):
        assert "/var/cache/debconf" not in known(parse_reference(other)).heavy, other
    assert known(parse_reference("alpine:3.20")).heavy == ()


@pytest.mark.parametrize(
    ("image", "old"),
    [
        ("ubuntu:14.04", True),
        ("ubuntu:trusty-20191217", True),
        ("debian:8", True),
        ("debian:jessie-slim", True),
        ("nvidia/cuda:8.0-cudnn6-devel-ubuntu14.04", True),
        ("ubuntu:16.04", False),
        ("debian:9", False),
        ("debian:12", False),
        ("i386/ubuntu:14.04", True),  # (an official image built for one architecture)
        ("daocloud.io/library/ubuntu:16.04", False),
        ("public.ecr.aws/docker/library/debian:jessie", True),  # (mirrors of the library)
        ("mirror.gcr.io/library/ubuntu:14.04", True),
        ("quay.io/someone/ubuntu:14.04", False),  # (not the library's)
        ("ros:indigo", True),  # (on Ubuntu 14.04)
        ("python:2.7-jessie", False),  # the python image's own pip runs there
        ("centos:7", False),
    ],
)
def test_a_release_whose_own_pip_predates_its_cache(image: str, old: bool) -> None:
    assert known(parse_reference(image)).old_pip is old


def test_a_mirror_of_the_official_images_holds_what_the_library_image_does() -> None:
    library = known(parse_reference("ubuntu:16.04"))
    for mirror in (
        "daocloud.io/library/ubuntu:16.04",
        "public.ecr.aws/docker/library/ubuntu:16.04",
    ):
        assert known(parse_reference(mirror)) == library, mirror
    assert "/etc/apt/sources.list" in library.files


@pytest.mark.parametrize(
    ("names", "held"),
    [
        (("apache-tomcat-9.0.37.tar.gz",), "webapps/manager/META-INF/context.xml"),
        (("wildfly-10.0.0.Final.tar.gz",), "standalone/configuration/standalone-full-ha.xml"),
        (("crate.tar.gz", "crate-5.6.2.tar.gz"), "config/crate.yml"),  # by its address
        (("kafka_2.13-3.6.1.tgz",), "config/log4j.properties"),
    ],
)
def test_a_distribution_archive_holds_its_configuration(names: tuple[str, ...], held: str) -> None:
    assert held in distribution_files(*names)


def test_a_source_archive_holds_no_release_layout() -> None:
    assert distribution_files("apache-tomcat-9.0.37-src.tar.gz") == ()


def test_release_php_is_read_from_debian_and_ubuntu_tags() -> None:
    assert [
        release_php(parse_reference(r))
        for r in ("ubuntu:20.04", "debian:bookworm-slim", "ubuntu:noble", "python:3.11-bullseye")
    ] == ["7.4", "8.2", "8.3", ""]
    assert versioned(("php-fpm", "php-curl", "nginx"), "8.2") == ("php8.2-fpm", "php-curl", "nginx")
    assert versioned(("php-fpm",), "") == ("php-fpm",)


@pytest.mark.parametrize(
    ("image", "held", "absent"),
    [
        # (held out 64, 126, 129) CentOS 7 and older: yum's configuration, the base repositories
        ("centos:7", ("/etc/yum.conf", "/etc/yum.repos.d/CentOS-Base.repo"), ()),
        ("centos:6.9", ("/etc/yum.conf", "/etc/nsswitch.conf"), ()),
        ("centos:8", (), ("/etc/yum.conf", "/etc/nsswitch.conf")),
        # (held out 109, 125) distroless: a CA bundle and the resolver's configuration
        (
            "gcr.io/distroless/static",
            ("/etc/ssl/certs/ca-certificates.crt", "/etc/nsswitch.conf"),
            (),
        ),
        ("debian:12", ("/etc/nsswitch.conf",), ("/etc/yum.conf",)),
        # (every other image of Linux holds its users)
        ("example.com/team/base:1", ("/etc/passwd", "/etc/group"), ("/etc/nsswitch.conf",)),
    ],
)
def test_the_files_an_image_of_a_family_holds(
    image: str, held: tuple[str, ...], absent: tuple[str, ...]
) -> None:
    files = known(parse_reference(image)).files
    assert all(f in files for f in held), image
    assert not any(f in files for f in absent), image


@pytest.mark.parametrize("image", ["centos:centos7", "centos:7", "rockylinux:9", "fedora:39"])
def test_red_hat_s_own_images_are_of_their_family_whatever_their_tag(image: str) -> None:
    # (held out 155) `centos7` in a tag names another family only on another family's image
    held = known(parse_reference(image))
    assert held.manager == "yum" and held.packages is not None


@pytest.mark.parametrize(
    ("image", "held"),
    [
        *[("centos:7", True), ("centos:centos6", True), ("oraclelinux:7.9", True)],
        *[("rockylinux:9", False), ("centos:8", False), ("centos", False), ("fedora:39", False)],
    ],
)
def test_yum_s_tools_are_in_the_images_of_7_and_before(image: str, held: bool) -> None:
    # (held out 167) `yum install yum-utils ... && yum remove yum-utils` on rockylinux:9
    # removes what the same RUN installed: dnf's images hold neither yum-utils nor Python 2
    packages = known(parse_reference(image)).packages or frozenset()
    assert ({"yum-utils", "python"} <= packages) is held
    assert "yum" in packages and "rpm" in packages


def test_a_tag_of_red_hat_s_family_on_another_image_names_its_manager() -> None:
    # (an apt branch never runs there: `if command -v apt-get; then ...; else microdnf ...`)
    for image in ("maven:3.9-amazoncorretto-21", "eclipse-temurin:21-jre-ubi9-minimal"):
        assert known(parse_reference(image)).manager == "yum", image
    assert known(parse_reference("balenalib/raspberrypi3-fedora:38")).manager == "yum"
    assert known(parse_reference("gcc:13")).manager == ""
