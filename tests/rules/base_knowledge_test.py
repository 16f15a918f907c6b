"""What well-known base images hold (`layerguard.dockerfile.bases`), as `layerguard check`
reports it on a Dockerfile whose build context is unknown: one probe per fact a review found
wrong, with a control beside it that must stay as it is."""

from __future__ import annotations

from collections.abc import Callable

import pytest

_FORTIETH_KNOWLEDGE = [
    # (f14) Ubuntu's images since 18.04 are minimized: dpkg's excludes leave every man page out.
    ("FROM ubuntu:22.04\nRUN rm -rf /usr/share/man/*\n", []),
    # The excludes stay: what a later install brings has none either.
    (
        "FROM ubuntu:24.04\n"
        "RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm -rf /usr/share/man\n",
        [],
    ),
    # They keep each package's copyright file and changelog in /usr/share/doc.
    ("FROM ubuntu:22.04\nRUN rm -rf /usr/share/doc\n", [(2, "LG003")]),
    # And info pages (grep's, sed's), which the excludes do not name.
    ("FROM ubuntu:22.04\nRUN rm -rf /usr/share/info/*\n", [(2, "LG003")]),
    # Ubuntu 16.04's image was not minimized: its man pages are there.
    ("FROM ubuntu:16.04\nRUN rm -rf /usr/share/man/*\n", [(2, "LG003")]),
    # (f22, f26, f23) Images built FROM Ubuntu's: Playwright's, SQL Server 2022's, Jupyter's.
    ("FROM mcr.microsoft.com/playwright:v1.44.0-jammy\nRUN rm -rf /usr/share/man/*\n", []),
    (
        "FROM mcr.microsoft.com/mssql/server:2022-latest\nUSER root\nRUN rm -rf /usr/share/man/*\n",
        [],
    ),
    (
        "FROM jupyter/minimal-notebook:2023-10-20\nUSER root\nRUN rm -rf /usr/share/man/*\n"
        "USER ${NB_UID}\n",
        [],
    ),
    # Playwright's keep the copyright files too.
    (
        "FROM mcr.microsoft.com/playwright:v1.49.0-noble\nRUN rm -rf /usr/share/doc/*\n",
        [(2, "LG003")],
    ),
    # (f10) .NET's images are built FROM Debian's slim image, the SDK's since 5.0.
    ("FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN rm -rf /usr/share/man\n", []),
    (
        "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n"
        "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm -rf /usr/share/man/* /usr/share/locale/*\n",
        [],
    ),
    ("FROM mcr.microsoft.com/dotnet/runtime:8.0\nRUN rm -rf /usr/share/doc/*\n", [(2, "LG003")]),
    # Their 10.0 tags are Ubuntu 24.04's, minimized.
    ("FROM mcr.microsoft.com/dotnet/runtime-deps:10.0\nRUN rm -rf /usr/share/man\n", []),
    # The SDK's 3.1 was FROM buildpack-deps' scm tags, a full Debian with man pages.
    ("FROM mcr.microsoft.com/dotnet/core/sdk:3.1\nRUN rm -rf /usr/share/man\n", [(2, "LG003")]),
    # (f30) Docker Hub's 2.x runtime tags of microsoft/dotnet are on stretch-slim; its SDK's on
    # buildpack-deps (f28, in layer_model_classes_test).
    ("FROM microsoft/dotnet:2.2-runtime\nRUN rm -rf /usr/share/man/*\n", []),
    # miniconda3 is built FROM Debian's slim image since 2021 (4.10.3), on debian:latest before.
    ("FROM continuumio/miniconda3:24.1.2-0\nRUN rm -rf /usr/share/man/*\n", []),
    ("FROM continuumio/miniconda3:4.5.4\nRUN rm -rf /usr/share/man/*\n", [(2, "LG003")]),
    # (e05) Debian's base-files ships /etc/motd, a regular file since Debian 8; slim too.
    ("FROM debian:bookworm\nCOPY motd /etc/motd\n", [(2, "LG002")]),
    ("FROM python:3.12-slim\nCOPY motd /etc/motd\n", [(2, "LG002")]),
    # Ubuntu's base-files ships none, and Debian 7's was a link to /var/run/motd.
    ("FROM ubuntu:22.04\nCOPY motd /etc/motd\n", []),
    ("FROM debian:wheezy\nCOPY motd /etc/motd\n", []),
    # (c20) Node's codename tags are the images of their number: fermium is 14, on bullseye.
    ("FROM node:fermium-slim\nCOPY sources.list /etc/apt/sources.list\n", [(2, "LG002")]),
    ("FROM node:dubnium\nCOPY sources.list /etc/apt/sources.list\n", [(2, "LG002")]),
    # Hydrogen (18)'s last builds are on bookworm, whose sources are deb822.
    ("FROM node:hydrogen-slim\nCOPY sources.list /etc/apt/sources.list\n", []),
    # (c40) golang's 1.18 and older were last built on bullseye; 1.19's on bookworm.
    ("FROM golang:1.16\nCOPY sources.list /etc/apt/sources.list\n", [(2, "LG002")]),
    ("FROM golang:1.18.10\nCOPY sources.list /etc/apt/sources.list\n", [(2, "LG002")]),
    ("FROM golang:1.19\nCOPY sources.list /etc/apt/sources.list\n", []),
    # (c41) openjdk's JDKs and JREs of 11 and older were last built on bullseye; its 17 is
    # Oracle Linux's.
    ("FROM openjdk:8-jdk\nCOPY sources.list /etc/apt/sources.list\n", [(2, "LG002")]),
    ("FROM openjdk:11-jre\nCOPY sources.list /etc/apt/sources.list\n", [(2, "LG002")]),
    ("FROM openjdk:17\nCOPY sources.list /etc/apt/sources.list\n", []),
    # (d05) Debian's apache2 ships serve-cgi-bin.conf in conf-available too.
    (
        "FROM php:8.2-apache\n"
        "COPY serve-cgi-bin.conf /etc/apache2/conf-available/serve-cgi-bin.conf\n",
        [(2, "LG002")],
    ),
    (
        "FROM debian:bookworm\n"
        "RUN apt-get update && apt-get install -y apache2 && rm -rf /var/lib/apt/lists/*\n"
        "COPY serve-cgi-bin.conf /etc/apache2/conf-available/serve-cgi-bin.conf\n",
        [(3, "LG002")],
    ),
    # (d19) php's apache tags write their own docker-php.conf; its fpm tags hold no Apache.
    (
        "FROM php:8.2-apache\nCOPY docker-php.conf /etc/apache2/conf-available/docker-php.conf\n",
        [(2, "LG002")],
    ),
    (
        "FROM php:8.2-fpm\nCOPY docker-php.conf /etc/apache2/conf-available/docker-php.conf\n",
        [],
    ),
    # Its 5.4 and older were last built before the file (2016).
    (
        "FROM php:5.4-apache\nCOPY docker-php.conf /etc/apache2/conf-available/docker-php.conf\n",
        [],
    ),
    # (b06) dovecot-sieve's postinst copies 90-sieve-extprograms.conf beside 90-sieve.conf.
    (
        "FROM debian:bookworm\nRUN apt-get update"
        " && apt-get install -y dovecot-imapd dovecot-sieve && rm -rf /var/lib/apt/lists/*\n"
        "COPY 90-sieve-extprograms.conf /etc/dovecot/conf.d/90-sieve-extprograms.conf\n",
        [(3, "LG002")],
    ),
    # (b12) dovecot-ldap's copies dovecot-ldap.conf.ext and conf.d/auth-ldap.conf.ext.
    (
        "FROM debian:bookworm\nRUN apt-get update"
        " && apt-get install -y dovecot-imapd dovecot-ldap && rm -rf /var/lib/apt/lists/*\n"
        "COPY dovecot-ldap.conf.ext /etc/dovecot/dovecot-ldap.conf.ext\n",
        [(3, "LG002")],
    ),
    (
        "FROM debian:bookworm\nRUN apt-get update"
        " && apt-get install -y dovecot-imapd dovecot-ldap && rm -rf /var/lib/apt/lists/*\n"
        "COPY auth-ldap.conf.ext /etc/dovecot/conf.d/auth-ldap.conf.ext\n",
        [(3, "LG002")],
    ),
    # Without dovecot-ldap nothing is there.
    (
        "FROM debian:bookworm\nRUN apt-get update"
        " && apt-get install -y dovecot-imapd && rm -rf /var/lib/apt/lists/*\n"
        "COPY dovecot-ldap.conf.ext /etc/dovecot/dovecot-ldap.conf.ext\n",
        [],
    ),
    # Jupyter's quay.io images: the Python start scripts (since October 2023), the health check
    # and the server configuration `jupyter server --generate-config` wrote in jovyan's home.
    (
        "FROM quay.io/jupyter/base-notebook\nADD x /usr/local/bin/start-notebook.py\n",
        [(2, "LG002")],
    ),
    (
        "FROM quay.io/jupyter/scipy-notebook:2024-10-07\n"
        "COPY c.py /home/jovyan/.jupyter/jupyter_server_config.py\n",
        [(2, "LG002")],
    ),
    (
        "FROM quay.io/jupyter/minimal-notebook:latest\n"
        "COPY check.py /etc/jupyter/docker_healthcheck.py\n",
        [(2, "LG002")],
    ),
    # Nor the older commits' tags copied there from Docker Hub.
    (
        "FROM quay.io/jupyter/base-notebook:f3079808ca8c\n"
        "COPY start-notebook.py /usr/local/bin/start-notebook.py\n",
        [],
    ),
    # Docker Hub's 2022 tags had shell start scripts alone.
    (
        "FROM jupyter/base-notebook:2022-10-09\n"
        "COPY start-singleuser.py /usr/local/bin/start-singleuser.py\n",
        [],
    ),
    # (a09) nginx's full Alpine tags hold Alpine's own packages, apk-tools among them.
    (
        "FROM nginx:1.25-alpine\nCOPY nginx.conf /etc/nginx/nginx.conf\n"
        "RUN apk --purge del apk-tools\n",
        [(2, "LG002"), (3, "LG003")],
    ),
    # (a23) nginx's tags before April 2020 (1.16, 1.17.9 and older) hold no curl, nor the
    # ca-certificates their build purged; 1.18's and later do.
    ("FROM nginx:1.14\nRUN apt-get purge -y curl\n", []),
    ("FROM nginx:1.17.9\nRUN apt-get purge -y ca-certificates\n", []),
    ("FROM nginx:1.15-alpine\nRUN apk del curl\n", []),
    ("FROM nginx:1.19\nRUN apt-get purge -y curl\n", [(2, "LG003")]),
    # ... nor the entry script, which came with 1.19 and 1.18 (May 2020).
    ("FROM nginx:1.17.9\nCOPY docker-entrypoint.sh /docker-entrypoint.sh\n", []),
    ("FROM nginx:1.25\nCOPY docker-entrypoint.sh /docker-entrypoint.sh\n", [(2, "LG002")]),
    # Packages' configuration that projects replace: fail2ban's filters, HTCondor's
    # condor_config, munge's key (made when it is installed), barman's, tea4cups'; and
    # libc-bin's /etc/gai.conf, which every Debian and Ubuntu image holds.
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y fail2ban"
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY asterisk.conf /etc/fail2ban/filter.d/asterisk.conf\n"
        "COPY mine.conf /etc/fail2ban/filter.d/mine.conf\n",
        [(3, "LG002")],
    ),
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y munge condor barman"
        " && rm -rf /var/lib/apt/lists/*\nCOPY munge.key /etc/munge/\n"
        "COPY condor_config /etc/condor/condor_config\nCOPY barman.conf /etc/barman.conf\n",
        [(3, "LG002"), (4, "LG002"), (5, "LG002")],
    ),
    ("FROM ubuntu:24.04\nCOPY gai.conf /etc/gai.conf\n", [(2, "LG002")]),
    ("FROM alpine:3.20\nCOPY gai.conf /etc/gai.conf\n", []),
    # The knowledge review's regressions and faults: .NET's images hold what their
    # Dockerfiles install over Debian's slim image (runtime-deps: tzdata, ca-certificates;
    # the SDK: curl, git, wget), not curl on aspnet; untagged microsoft/dotnet is the SDK on
    # buildpack-deps, with man pages; an Alpine tag is no Ubuntu.
    (
        "FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN apt-get purge -y --auto-remove wget\n",
        [(2, "LG003")],
    ),
    (
        "FROM mcr.microsoft.com/dotnet/runtime-deps:8.0\nRUN apt-get purge -y tzdata\n",
        [(2, "LG003")],
    ),
    ("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nRUN apt-get purge -y curl\n", []),
    ("FROM microsoft/dotnet\nWORKDIR /app\nRUN rm -rf /usr/share/man/*\n", [(3, "LG003")]),
    (
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine\nRUN rm -rf /usr/share"
        "/locale /usr/share/info\n",
        [],
    ),
    # unminimize brings the man pages back.
    (
        "FROM ubuntu:22.04\nRUN yes | unminimize && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm -rf /usr/share/man/*\n",
        [(3, "LG003")],
    ),
    # nginx's 1.17 tags (1.17.10 the last) were last built before the entry script.
    ("FROM nginx:1.17.10\nCOPY docker-entrypoint.sh /docker-entrypoint.sh\n", []),
    ("FROM nginx:1.17\nRUN apt-get purge -y curl\n", []),
    # Jupyter's last Docker Hub pushes (latest, October 2023) hold the Python start scripts.
    (
        "FROM jupyter/base-notebook:2023-10-20\n"
        "COPY start-notebook.py /usr/local/bin/start-notebook.py\n",
        [(2, "LG002")],
    ),
    (
        "FROM jupyter/base-notebook:2022-08-01\n"
        "COPY start-notebook.py /usr/local/bin/start-notebook.py\n",
        [],
    ),
    # Debian's fail2ban enables its sshd jail in a file of its own.
    (
        "FROM debian:bookworm\nRUN apt-get update && apt-get install -y fail2ban"
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY defaults-debian.conf /etc/fail2ban/jail.d/defaults-debian.conf\n",
        [(3, "LG002")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTIETH_KNOWLEDGE)
def test_what_well_known_bases_hold(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_FIRST_KNOWLEDGE = [
    # ProFTPD's configuration, in proftpd-core (and proftpd-basic, which brings it).
    (
        "FROM debian:bookworm\nRUN apt-get update && apt-get install -y proftpd-basic"
        " && rm -rf /var/lib/apt/lists/*\nCOPY proftpd.conf /etc/proftpd/proftpd.conf\n",
        [(3, "LG002")],
    ),
    (
        "FROM debian:bookworm\nRUN apt-get update && apt-get install -y proftpd-core"
        " && rm -rf /var/lib/apt/lists/*\nCOPY my.conf /etc/proftpd/conf.d/my.conf\n",
        [],
    ),
    # nginx.org's nginx package ships conf.d/default.conf; Debian's leaves conf.d empty.
    (
        "FROM php:7.4-fpm\nRUN echo 'deb http://nginx.org/packages/debian/ buster nginx'"
        " > /etc/apt/sources.list.d/nginx.list && apt-get update && apt-get install -y nginx"
        " && rm -rf /var/lib/apt/lists/*\nADD site.conf /etc/nginx/conf.d/default.conf\n",
        [(3, "LG002")],
    ),
    (
        "FROM debian:bookworm\nRUN apt-get update && apt-get install -y nginx"
        " && rm -rf /var/lib/apt/lists/*\nADD site.conf /etc/nginx/conf.d/default.conf\n",
        [],
    ),
    # Bun's entry script (not in its distroless tags), and the openbox defaults of
    # linuxserver's Selkies base.
    (
        "FROM oven/bun:1-alpine\nCOPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh\n",
        [(2, "LG002")],
    ),
    (
        "FROM oven/bun:1-distroless\nCOPY docker-entrypoint.sh /usr/local/bin/do"
        "cker-entrypoint.sh\n",
        [],
    ),
    (
        "FROM ghcr.io/linuxserver/baseimage-selkies:debiantrixie\nCOPY menu.xml "
        "/defaults/menu.xml\n",
        [(2, "LG002")],
    ),
    # Debian's and Ubuntu's supervisor leave conf.d empty; its main configuration is theirs.
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y supervisor"
        " && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /etc/supervisor/conf.d/*.ini\n",
        [],
    ),
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y supervisor"
        " && rm -rf /var/lib/apt/lists/*\nRUN rm -f /etc/supervisor/supervisord.conf\n",
        [(3, "LG003")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_FIRST_KNOWLEDGE)
def test_what_packages_hold_forty_first(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_SECOND_KNOWLEDGE = [
    # The Apache variants of php's images name their configuration directory in APACHE_CONFDIR;
    # the FPM ones set none.
    (
        'FROM php:8.3-apache\nCOPY 000-default.conf "$APACHE_CONFDIR/sites-available/"\n',
        [(2, "LG002")],
    ),
    ('FROM php:8.3-fpm\nCOPY 000-default.conf "$APACHE_CONFDIR/sites-available/"\n', []),
    # Debian 12 and Ubuntu 24.04 keep apt's sources in deb822 files of sources.list.d; the
    # releases before them in sources.list.
    (
        "FROM debian:bookworm-20250203\n"
        "COPY debian.sources /etc/apt/sources.list.d/debian.sources\n",
        [(2, "LG002")],
    ),
    (
        "FROM debian:12-slim\nCOPY d.sources /etc/apt/sources.list.d/debian.sources\n",
        [(2, "LG002")],
    ),
    ("FROM ubuntu:24.04\nCOPY u.sources /etc/apt/sources.list.d/ubuntu.sources\n", [(2, "LG002")]),
    ("FROM debian:bullseye\nCOPY d.sources /etc/apt/sources.list.d/debian.sources\n", []),
    ("FROM ubuntu:22.04\nCOPY u.sources /etc/apt/sources.list.d/ubuntu.sources\n", []),
    # (and the images built on them, by the release their tag names)
    (
        "FROM python:3.12-slim-bookworm\nCOPY d.sources /etc/apt/sources.list.d/debian.sources\n",
        [(2, "LG002")],
    ),
    (
        "FROM eclipse-temurin:21-jdk-noble\n"
        "COPY u.sources /etc/apt/sources.list.d/ubuntu.sources\n",
        [(2, "LG002")],
    ),
    (
        "FROM python:3.9-slim-bullseye\nCOPY d.sources /etc/apt/sources.list.d/debian.sources\n",
        [],
    ),
    # php's Apache variants hold Debian's apache2 envvars, which their Dockerfile edits.
    ("FROM php:8.1-apache\nCOPY env /etc/apache2/envvars\n", [(2, "LG002")]),
    ("FROM php:8.1-fpm\nCOPY env /etc/apache2/envvars\n", []),
    # Red Hat's UBI images hold their repositories' file, and since 8 dnf's configuration
    # (microdnf's on the minimal ones); ubi-micro has neither.
    (
        "FROM registry.access.redhat.com/ubi10/ubi-minimal:latest\n"
        "COPY <<EOF /etc/dnf/dnf.conf\n[main]\ntsflags=nodocs\nEOF\n",
        [(2, "LG002")],
    ),
    (
        "FROM registry.access.redhat.com/ubi8\nCOPY u.repo /etc/yum.repos.d/ubi.repo\n",
        [(2, "LG002")],
    ),
    ("FROM registry.access.redhat.com/ubi9/ubi-micro\nCOPY d.conf /etc/dnf/dnf.conf\n", []),
    ("FROM registry.access.redhat.com/ubi7/ubi-minimal\nCOPY d.conf /etc/dnf/dnf.conf\n", []),
    # (by their other names too: the older ubi8-minimal, Docker Hub's redhat/ubi9)
    (
        "FROM registry.access.redhat.com/ubi8-minimal\nCOPY d.conf /etc/dnf/dnf.conf\n",
        [(2, "LG002")],
    ),
    ("FROM redhat/ubi9\nCOPY u.repo /etc/yum.repos.d/ubi.repo\n", [(2, "LG002")]),
    # node's images have had docker-entrypoint.sh since May 2019 (8.16.0, 10.15.3, 11.15.0,
    # 12.3.1): a tag built before, or of a line that had ended, has none.
    ("FROM node:8.11.4\nCOPY e.sh /usr/local/bin/docker-entrypoint.sh\n", []),
    ("FROM node:boron\nCOPY e.sh /usr/local/bin/docker-entrypoint.sh\n", []),
    ("FROM node:10.15\nCOPY e.sh /usr/local/bin/docker-entrypoint.sh\n", [(2, "LG002")]),
    ("FROM node:20-alpine\nCOPY e.sh /usr/local/bin/docker-entrypoint.sh\n", [(2, "LG002")]),
    # The Home Assistant community add-ons' base turns pip's cache off in its ENV since 12.2.0.
    (
        "ARG BUILD_FROM=ghcr.io/hassio-addons/base:19.0.0\nFROM ${BUILD_FROM}\n"
        "RUN apk add --no-cache py3-pip && pip install flask\n",
        [],
    ),
    (
        "FROM ghcr.io/hassio-addons/base:12.1.0\n"
        "RUN apk add --no-cache py3-pip && pip install flask\n",
        [(2, "LG005")],
    ),
    # Alpine's nginx keeps its servers in http.d (since 3.14): its conf.d is empty.
    (
        "FROM alpine:3.19\nRUN apk add --no-cache nginx\nRUN rm -rf /etc/nginx/conf.d/*\n",
        [],
    ),
    (
        "FROM alpine:3.19\nRUN apk add --no-cache nginx\nRUN rm -rf /etc/nginx/http.d/*\n",
        [(3, "LG003")],
    ),
    # Debian's openssh-server generates its host keys when it is installed: a later RUN that
    # removes them leaves them in the install's layer.
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y openssh-server"
        " && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /etc/ssh/ssh_host_rsa_key\n",
        [(3, "LG003")],
    ),
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y openssh-server"
        " && rm -f /etc/ssh/ssh_host_* && rm -rf /var/lib/apt/lists/*\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_SECOND_KNOWLEDGE)
def test_what_packages_hold_forty_second(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_THIRD_KNOWLEDGE = [
    # Alpine's caddy package installs its program in /usr/sbin: one built with xcaddy copied
    # there ships beside it.
    (
        "FROM caddy:2.7-builder-alpine AS builder\n"
        "RUN xcaddy build --with github.com/dunglas/mercure/caddy\n"
        "FROM php:8.2-fpm-alpine\n"
        "RUN apk add --no-cache caddy acl fcgi\n"
        "COPY --from=builder /usr/bin/caddy /usr/sbin/caddy\n"
        "# expect: 5 LG002\n",
        [(5, "LG002")],
    ),
    # (Debian's is in /usr/bin: /usr/sbin is a new path there)
    (
        "FROM caddy:2.7-builder AS builder\n"
        "RUN xcaddy build --with github.com/dunglas/mercure/caddy\n"
        "FROM debian:12-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends caddy"
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY --from=builder /usr/bin/caddy /usr/sbin/caddy\n"
        "# expect: nothing\n",
        [],
    ),
    # CentOS's dnsmasq installs /etc/dnsmasq.conf, as Debian's and Alpine's do.
    (
        "FROM centos:7\n"
        "RUN yum install -y dnsmasq && yum clean all\n"
        "ADD dnsmasq.conf /etc/\n"
        "# expect: 3 LG002\n",
        [(3, "LG002")],
    ),
    # nginx.org's package ships conf.d/default.conf, unless the RUN that installed it moved it
    # away after: a COPY there then writes a new path.
    (
        "FROM ubuntu:16.04\n"
        "RUN echo 'deb http://nginx.org/packages/ubuntu/ xenial nginx' >> /etc/apt/sources.list"
        " && apt-get update && apt-get install -y nginx && rm -rf /var/lib/apt/lists/*"
        " && mv /etc/nginx/conf.d/default.conf /etc/nginx/conf.d/default.conf.bak\n"
        "COPY default.conf /etc/nginx/conf.d/default.conf\n"
        "# expect: nothing\n",
        [],
    ),
    (
        "FROM ubuntu:16.04\n"
        "RUN echo 'deb http://nginx.org/packages/ubuntu/ xenial nginx' >> /etc/apt/sources.list"
        " && apt-get update && apt-get install -y nginx && rm -rf /var/lib/apt/lists/*\n"
        "COPY default.conf /etc/nginx/conf.d/default.conf\n"
        "# expect: 3 LG002\n",
        [(3, "LG002")],
    ),
    # (s43a: f16, f03) a find that removes other files, or keeps this one by a name filter
    # the model does not read, leaves it there
    (
        "FROM debian:bookworm-slim\n"
        "RUN echo 'deb http://nginx.org/packages/debian bookworm nginx'"
        " > /etc/apt/sources.list.d/nginx.list && apt-get update && apt-get install -y nginx"
        " && find /etc/nginx -name '*.dpkg-dist' -delete"
        " && find /etc/nginx/conf.d -type f ! -name default.conf -delete"
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY default.conf /etc/nginx/conf.d/default.conf\n"
        "# expect: 3 LG002\n",
        [(3, "LG002")],
    ),
    # A directory where the base image keeps a file is a directory: a COPY to it without a
    # slash lands inside (varnish's /etc/varnish, of default.vcl).
    (
        "FROM varnish:6.0.6\n"
        "COPY lib/libvmod-digest-6.6.tar.gz /etc/varnish\n"
        "RUN cd /etc/varnish && mkdir d && tar -zxf libvmod-digest-6.6.tar.gz -C d"
        " --strip-components 1\n"
        "# expect: 2 LG006\n",
        [(2, "LG006")],
    ),
    # The perl image's Perl is built into /usr/local: a builder's lib/perl5 (its core library
    # and the modules cpanm added) copied over it writes the core files again.
    (
        "FROM perl:5.38-slim AS build\n"
        "RUN cpanm -n Mojolicious\n"
        "FROM perl:5.38-slim\n"
        "COPY --from=build /usr/local/lib/perl5 /usr/local/lib/perl5\n"
        "# expect: 4 LG002\n",
        [(4, "LG002")],
    ),
    # rpm's database on Red Hat's family holds every package's headers (megabytes, rpmdb.sqlite
    # since RHEL 9): removing it hides the base's; not its lock or shared-memory files, nor
    # on a Debian image, which has none.
    (
        "FROM registry.access.redhat.com/ubi9/ubi-minimal\n"
        "RUN microdnf install -y tar && microdnf clean all && rm /var/lib/rpm/rpmdb.sqlite\n"
        "RUN rm -f /var/lib/rpm/rpmdb.sqlite-shm /var/lib/rpm/.rpm.lock\n"
        "# expect: 2 LG003\n",
        [(2, "LG003")],
    ),
    (
        "FROM debian:12\nRUN rm -f /var/lib/rpm/rpmdb.sqlite\n# expect: nothing\n",
        [],
    ),
    # Adoptium's Ubuntu images hold curl and wget: removing wget after a RUN installed it
    # again (a no-op) hides the base's; gcc they do not hold.
    (
        "FROM eclipse-temurin:17-jre\n"
        "RUN apt-get update && apt-get install -y wget unzip && rm -rf /var/lib/apt/lists/*\n"
        "RUN apt-get remove -y wget\n"
        "RUN apt-get purge -y gcc\n"
        "# expect: 3 LG003\n",
        [(3, "LG003")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_THIRD_KNOWLEDGE)
def test_what_packages_hold_forty_third(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_FOURTH_KNOWLEDGE = [
    # Every image whose tag names Alpine 3.14 or later holds Alpine's certificate bundle: the
    # directory copied from such a build stage writes the final Alpine's bundle again.
    (
        "FROM golang:1.22-alpine3.20 AS build\n"
        "RUN go build -o /app ./...\n"
        "FROM alpine:3.24\n"
        "COPY --from=build /etc/ssl/certs /etc/ssl/certs\n"
        "# expect: 4 LG002\n",
        [(4, "LG002")],
    ),
    # (onto a base without one, the bundle is a new file)
    (
        "FROM golang:1.22-alpine3.20 AS build\n"
        "RUN go build -o /app ./...\n"
        "FROM busybox:1.36\n"
        "COPY --from=build /etc/ssl/certs /etc/ssl/certs\n"
        "# expect: nothing\n",
        [],
    ),
    # ca-certificates' own trigger writes the bundle where it installs.
    (
        "FROM golang:1.22 AS build\n"
        "RUN go build -o /app ./...\n"
        "FROM debian:12-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates"
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n"
        "# expect: 5 LG002\n",
        [(5, "LG002")],
    ),
    # FrankenPHP's images hold their own binary, which a custom xcaddy build copies again.
    (
        "FROM dunglas/frankenphp:1.8-builder-php8.3 AS builder\n"
        "RUN xcaddy build --output /usr/local/bin/frankenphp"
        " --with github.com/dunglas/frankenphp/caddy\n"
        "FROM dunglas/frankenphp:1.8-php8.3\n"
        "COPY --from=builder /usr/local/bin/frankenphp /usr/local/bin/frankenphp\n"
        "# expect: 4 LG002\n",
        [(4, "LG002")],
    ),
    # jlesage's GUI base since v4 holds its noVNC page: the icon step's version copied from a
    # build stage writes it again (before v4, noVNC lay elsewhere).
    (
        "FROM jlesage/baseimage-gui:ubuntu-22.04-v4 AS builder\n"
        "RUN install_app_icon.sh https://example.org/icon.png\n"
        "FROM jlesage/baseimage-gui:ubuntu-22.04-v4\n"
        "COPY --from=builder /opt/noVNC/index.html /opt/noVNC/index.html\n"
        "# expect: 4 LG002\n",
        [(4, "LG002")],
    ),
    (
        "FROM jlesage/baseimage-gui:alpine-3.12-v3 AS builder\n"
        "RUN install_app_icon.sh https://example.org/icon.png\n"
        "FROM jlesage/baseimage-gui:alpine-3.12-v3\n"
        "COPY --from=builder /opt/noVNC/index.html /opt/noVNC/index.html\n"
        "# expect: nothing\n",
        [],
    ),
    # golang's Debian tags hold ca-certificates: their /etc/ssl/certs copied back to its place
    # writes the bundle an install of the package wrote again.
    (
        "FROM golang:1.26-bookworm AS build\n"
        "RUN go build -o /app ./...\n"
        "FROM debian:bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates"
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY --from=build /etc/ssl/certs /etc/ssl/certs\n"
        "# expect: 5 LG002\n",
        [(5, "LG002")],
    ),
    # (copied elsewhere, or from a stage whose base is not known to hold it: new files)
    (
        "FROM golang:1.26-bookworm AS build\n"
        "RUN go build -o /app ./...\n"
        "FROM debian:bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates"
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY --from=build /etc/ssl/certs /opt/certs\n"
        "FROM busybox:1.36 AS certs\n"
        "RUN echo hi\n"
        "FROM debian:bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates"
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY --from=certs /etc/ssl/certs /etc/ssl/certs\n"
        "# expect: nothing\n",
        [],
    ),
    # The official language images whose Dockerfiles install ca-certificates hold the bundle on
    # their slim and Alpine tags too (python, golang, php, ruby); Red Hat's family keeps its
    # own in /etc/pki.
    (
        "FROM golang:1.22-alpine AS build\n"
        "RUN go build -o /app ./...\n"
        "FROM python:3.12-slim\n"
        "COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n"
        "# expect: 4 LG002\n",
        [(4, "LG002")],
    ),
    (
        "FROM golang:1.22-alpine AS build\n"
        "RUN go build -o /app ./...\n"
        "FROM rockylinux:9\n"
        "COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n"
        "# expect: nothing\n",
        [],
    ),
    # A web application's archive holds its deployment descriptor, whichever extractor unpacks
    # it (jar xf in the directory, unzip -d): a web.xml copied over it ships twice.
    (
        "FROM tomcat:9\n"
        "COPY app.war /tmp/app.war\n"
        "RUN mkdir /usr/local/tomcat/webapps/app && cd /usr/local/tomcat/webapps/app"
        " && jar xf /tmp/app.war\n"
        "COPY web.xml /usr/local/tomcat/webapps/app/WEB-INF/web.xml\n"
        "COPY context.xml /usr/local/tomcat/webapps/app/META-INF/context.xml\n"
        "# expect: 2 LG006, 4 LG002\n",
        [(2, "LG006"), (4, "LG002")],
    ),
    # What more packages install: PuppetDB's configuration, RHEL's openldap client defaults and
    # lighttpd's, libsensors' chip configuration; Kibana's tarball holds its launcher.
    (
        "FROM centos:7\n"
        "RUN yum -y install openldap-clients lighttpd lm_sensors && yum clean all\n"
        "COPY ldap.conf /etc/openldap/ldap.conf\n"
        "COPY lighttpd.conf /etc/lighttpd/\n"
        "ADD sensors3.conf /etc/\n"
        "RUN curl -fsSLO https://artifacts.elastic.co/downloads/kibana/kibana-7.17.0-linux-x86_64"
        ".tar.gz && mkdir /opt/kibana && tar xzf kibana-7.17.0-linux-x86_64.tar.gz -C /opt/kibana"
        " --strip-components=1 && rm kibana-7.17.0-linux-x86_64.tar.gz\n"
        "ADD kibana.sh /opt/kibana/bin/kibana\n"
        "# expect: 3 LG002, 4 LG002, 5 LG002, 7 LG002\n",
        [(3, "LG002"), (4, "LG002"), (5, "LG002"), (7, "LG002")],
    ),
    # Fedora's own registries (and Rocky's and Alma's images on quay.io) are Red Hat's family:
    # their /bin/sh is bash, which expands the braces of a removal.
    (
        "FROM quay.io/fedora/fedora:44\n"
        "WORKDIR /srv/rpm\n"
        "COPY . .\n"
        "RUN rm -rf /srv/{rpm,build}\n"
        "# expect: 4 LG003\n",
        [(4, "LG003")],
    ),
    # Debian's Python keeps /usr/local/lib/python3.X/dist-packages empty for pip: a builder's
    # copied back onto an image not known here writes it first (a site-packages holds pip).
    (
        "FROM jamovi/jamovi-deps:28.1 AS base\n"
        "FROM base AS server\n"
        "RUN pip install --no-cache-dir tornado\n"
        "FROM base\n"
        "COPY --from=server /usr/local/lib/python3.12/dist-packages"
        " /usr/local/lib/python3.12/dist-packages\n"
        "# expect: nothing\n",
        [],
    ),
    # (and they are the same images as Docker Hub's fedora, by the same tags: a package that
    # Fedora's base does not hold is no base package a removal takes)
    (
        "FROM quay.io/fedora/fedora:44\n"
        "RUN rpm --quiet -q fedora-repos-modular && rpm -e fedora-repos-modular ||:\n"
        "# expect: nothing\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_FOURTH_KNOWLEDGE)
def test_what_packages_hold_forty_fourth(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_FIFTH_KNOWLEDGE = [
    # (782/004) Flink's images since 1.15, Gradle's JDK tags and the Temurin tags of Maven,
    # Tomcat and Jetty are built on eclipse-temurin: its JDK in /opt/java/openjdk
    (
        "FROM flink:1.16.1-scala_2.12-java11\n"
        "COPY --from=eclipse-temurin:11 $JAVA_HOME $JAVA_HOME\n"
        "# expect: 2 LG002\n",
        [(2, "LG002")],
    ),
    (
        "FROM tomcat:9-jdk17-temurin-jammy\n"
        "RUN chown -R 1000 /opt/java/openjdk\n"
        "# expect: 2 LG004\n",
        [(2, "LG004")],
    ),
    # (not Flink 1.14 and before, on openjdk's images, nor Gradle's Corretto tags)
    (
        "FROM flink:1.14.6-scala_2.12-java11\n"
        "COPY --from=eclipse-temurin:11 /opt/java/openjdk /opt/java/openjdk\n"
        "FROM gradle:8-jdk17-corretto\n"
        "COPY --from=eclipse-temurin:17 /opt/java/openjdk /opt/java/openjdk\n"
        "# expect: nothing\n",
        [],
    ),
    # (782/002) Hive's standalone metastore tarball holds apache-hive-metastore-X-bin/conf's
    # metastore-site.xml, which a COPY into that conf/ writes again
    (
        "FROM openjdk:8u242-jre\n"
        "WORKDIR /opt\n"
        "ENV HIVE_HOME=/opt/apache-hive-metastore-3.0.0-bin\n"
        "RUN curl -L https://downloads.apache.org/hive/hive-standalone-metastore-3.0.0/"
        "hive-standalone-metastore-3.0.0-bin.tar.gz | tar zxf -\n"
        "COPY conf/metastore-site.xml ${HIVE_HOME}/conf\n"
        "# expect: 5 LG002\n",
        [(5, "LG002")],
    ),
    # (779/003) Apache James's images hold their sample configuration in /root/conf
    (
        "FROM apache/james:jpa-latest\n"
        "COPY imapserver.xml /root/conf\n"
        "COPY custom.xml /root/conf\n"
        "# expect: 2 LG002\n",
        [(2, "LG002")],
    ),
    # (779/002) Keycloak's Quarkus images keep their own themes in a jar: a theme a builder
    # stage copied into themes/ is new there, copied back from it
    (
        "FROM quay.io/keycloak/keycloak:23.0.7 AS builder\n"
        "COPY --from=europeana/keycloak-theme:0.12.1 /opt/keycloak/themes/europeana"
        " /opt/keycloak/themes/europeana\n"
        "RUN /opt/keycloak/bin/kc.sh build\n"
        "FROM quay.io/keycloak/keycloak:23.0.7\n"
        "COPY --from=builder /opt/keycloak/lib/quarkus/ /opt/keycloak/lib/quarkus/\n"
        "COPY --from=builder /opt/keycloak/themes/europeana /opt/keycloak/themes/europeana\n"
        "# expect: 5 LG002\n",
        [(5, "LG002")],
    ),
    # (778/003) The Dev Containers Ruby images keep RVM's Ruby and gems in /usr/local/rvm,
    # GEM_HOME its gems/default
    (
        "FROM mcr.microsoft.com/devcontainers/ruby:1-3.3-bullseye\n"
        'RUN su root -c "chown -R vscode:rvm /usr/local/rvm/gems/"\n'
        "# expect: 2 LG004\n",
        [(2, "LG004")],
    ),
    # (788/003) Elastic's -oss images hold the same configuration as the others
    (
        "FROM docker.elastic.co/logstash/logstash-oss:6.8.13\n"
        "COPY config/logstash.yml config/logstash.yml\n"
        "COPY pipeline/logstash.conf pipeline/logstash.conf\n"
        "# expect: 2 LG002, 3 LG002\n",
        [(2, "LG002"), (3, "LG002")],
    ),
    # (s45a: 113) Flink's java8 tags are a Java 8 JRE: its trust store in lib/security
    (
        "FROM flink:1.17-java8\n"
        "COPY cacerts /opt/java/openjdk/lib/security/cacerts\n"
        "# expect: 2 LG002\n",
        [(2, "LG002")],
    ),
    # (796/011) Alpine's asterisk-sample-config ships Asterisk's configuration: moved away,
    # then copied again
    (
        "FROM alpine:3.20\n"
        "RUN apk add --no-cache asterisk asterisk-sample-config\n"
        "RUN mv /etc/asterisk/pjsip.conf /etc/asterisk/pjsip.conf.sample\n"
        "COPY pjsip.conf /etc/asterisk/\n"
        "# expect: 3 LG003, 4 LG002\n",
        [(3, "LG003"), (4, "LG002")],
    ),
    # (796/001) Mattermost's release tarball holds mattermost/config/config.json
    (
        "FROM ubuntu:22.04\n"
        "WORKDIR /home/m/\n"
        "RUN wget https://releases.mattermost.com/9.0.0/mattermost-team-9.0.0-linux-amd64.tar.gz"
        " && tar -xzf mattermost-team-9.0.0-linux-amd64.tar.gz -C ."
        " && rm -f mattermost-team-9.0.0-linux-amd64.tar.gz\n"
        "COPY ./mattermost-config.json /home/m/mattermost/config/config.json\n"
        "# expect: 4 LG002\n",
        [(4, "LG002")],
    ),
    # (796/008) Debian's lighttpd leaves its placeholder page in /var/www/html: removed by name
    # after a program ran there, it was there before all the same
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y lighttpd && rm -rf /var/lib/apt/lists/*\n"
        "RUN cd /var/www/html && curl -sS https://getcomposer.org/installer | php --"
        " --install-dir=/usr/bin --filename=composer && rm -f index.lighttpd.html\n"
        "# expect: 3 LG003\n",
        [(3, "LG003")],
    ),
    # (790/004) Ubuntu's mysql-server ships mysql.conf.d/mysqld.cnf, and Gitpod's workspace
    # images are Ubuntu's; Blackfire's agent package its configuration
    (
        "FROM gitpod/workspace-full:latest\n"
        "RUN apt-get update && apt-get install -y mysql-server blackfire-agent"
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY mysql.cnf /etc/mysql/mysql.conf.d/mysqld.cnf\n"
        "COPY blackfire-agent.ini /etc/blackfire/agent\n"
        "# expect: 3 LG002, 4 LG002\n",
        [(3, "LG002"), (4, "LG002")],
    ),
    # (not on Debian, whose mysql-server is MariaDB's)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y mysql-server && rm -rf /var/lib/apt/lists/*\n"
        "COPY mysql.cnf /etc/mysql/mysql.conf.d/mysqld.cnf\n"
        "# expect: nothing\n",
        [],
    ),
    # (799/005) OpenShift's base images are the s2i images' first bases: they work in
    # /opt/app-root/src, which holds nothing of theirs, and name the s2i scripts' directory
    (
        "FROM openshift/base-centos7\n"
        "COPY ./s2i/bin/ $STI_SCRIPTS_PATH\n"
        "RUN chown -R 1001:0 ./\n"
        "# expect: nothing\n",
        [],
    ),
    # (803/002) NVIDIA's NGC framework images work in /workspace
    (
        "FROM nvcr.io/nvidia/pytorch:22.08-py3\n"
        "COPY . catkin_ws/src/app\n"
        "RUN cd catkin_ws && catkin build && cd /workspace && rm -rf catkin_ws\n"
        "# expect: 3 LG003\n",
        [(3, "LG003")],
    ),
    # (s45b: 125, 128) a Java 8 JRE tag (jre8) keeps no conf/security: java.security is new
    # there; (s45b: 062) Keycloak's Quarkus distribution ships conf/keycloak.conf
    (
        "FROM tomcat:9.0-jre8-temurin-jammy\n"
        "COPY java.security /opt/java/openjdk/conf/security/java.security\n"
        "COPY cacerts /opt/java/openjdk/lib/security/cacerts\n"
        "# expect: 3 LG002\n",
        [(3, "LG002")],
    ),
    (
        "FROM quay.io/keycloak/keycloak:24.0\n"
        "COPY keycloak.conf /opt/keycloak/conf\n"
        "# expect: 2 LG002\n",
        [(2, "LG002")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_FIFTH_KNOWLEDGE)
def test_what_packages_hold_forty_fifth(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_SIXTH_KNOWLEDGE = [
    # A release's name in a tag ends at any other character than a letter or a digit: a
    # vendor's `3.14-slim-trixie_0` is Debian 13's, with its deb822 sources
    (
        "FROM ghcr.io/acme/python-debian:3.14-slim-trixie_0\n"
        "COPY debian.sources /etc/apt/sources.list.d/\n"
        "# expect: 2 LG002\n",
        [(2, "LG002")],
    ),
    # bitnami/minideb's install_packages is apt's install, which cleans its lists: what it
    # installs is known (nginx-common holds nginx's configuration on Debian)
    (
        "FROM bitnami/minideb:bookworm\n"
        "RUN install_packages nginx-common certbot\n"
        "COPY default.conf /etc/nginx/sites-available/default\n"
        "COPY certbot.cron /etc/cron.d/certbot\n"
        "# expect: 3 LG002, 4 LG002\n",
        [(3, "LG002"), (4, "LG002")],
    ),
    # xrdp's configuration, ModSecurity's recommended one, and noVNC's icons
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y xrdp libapache2-mod-security2 novnc \\\n"
        "    && rm -rf /var/lib/apt/lists/*\n"
        "COPY xrdp.ini /etc/xrdp/\n"
        "RUN mv /etc/modsecurity/modsecurity.conf-recommended /etc/modsecurity/modsecurity.conf\n"
        "COPY icons/novnc-192x192.png /usr/share/novnc/app/images/icons/\n"
        "# expect: 4 LG002, 5 LG003, 6 LG002\n",
        [(4, "LG002"), (5, "LG003"), (6, "LG002")],
    ),
    (
        "FROM fedora:39\n"
        "RUN dnf install -y xrdp && dnf clean all\n"
        "COPY sesman.ini /etc/xrdp/sesman.ini\n"
        "# expect: 3 LG002\n",
        [(3, "LG002")],
    ),
    # Puppet's agent package holds its main configuration
    (
        "FROM centos:7\n"
        "RUN yum -y install puppet-agent && yum clean all\n"
        "COPY master/puppet.conf /etc/puppetlabs/puppet/puppet.conf\n"
        "COPY master/routes.yaml /etc/puppetlabs/puppet/routes.yaml\n"
        "# expect: 3 LG002\n",
        [(3, "LG002")],
    ),
    # scanbd's configuration
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y scanbd && rm -rf /var/lib/apt/lists/*\n"
        "COPY files/scanbd.conf /etc/scanbd/scanbd.conf\n"
        "# expect: 3 LG002\n",
        [(3, "LG002")],
    ),
    # Debian's asterisk brings asterisk-config's sample configuration
    (
        "FROM debian:11\n"
        "RUN apt-get update && apt-get install -y asterisk && rm -rf /var/lib/apt/lists/*\n"
        "COPY etc-asterisk/sip.conf etc-asterisk/iax.conf /etc/asterisk/\n"
        "# expect: 3 LG002\n",
        [(3, "LG002")],
    ),
    # tiangolo/uwsgi-nginx's own entry script (and sample app)
    (
        "FROM tiangolo/uwsgi-nginx:python3.12\n"
        "RUN mv /entrypoint.sh /uwsgi-nginx-entrypoint.sh\n"
        "COPY entrypoint.sh /entrypoint.sh\n"
        "COPY app/main.py /app/main.py\n"
        "# expect: 2 LG003, 3 LG002, 4 LG002\n",
        [(2, "LG003"), (3, "LG002"), (4, "LG002")],
    ),
    # Red Hat's family's images hold neither which nor sudo (`yum install -y which` is how
    # CentOS 7's users get it): a removal of them after this RUN installed them is its own
    (
        "FROM centos:7\n"
        "RUN yum install -y git which && yum clean all && ./build.sh \\\n"
        "    && yum autoremove -y git which && yum clean all\n"
        "# expect: nothing\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_SIXTH_KNOWLEDGE)
def test_what_packages_hold_forty_sixth(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_SEVENTH_KNOWLEDGE = [
    # xvfb-run is a file of Debian's xvfb and of Alpine's xvfb-run; Alpine's samba brings
    # samba-common's smb.conf
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y xvfb && rm -rf /var/lib/apt/lists/*\n"
        "ADD xvfb-run.sh /usr/bin/xvfb-run\n"
        "# expect: 3 LG002\n",
        [(3, "LG002")],
    ),
    (
        "FROM alpine:3.20\n"
        "RUN apk add --no-cache samba xvfb-run\n"
        "COPY smb.conf /etc/samba/smb.conf\n"
        "COPY xvfb-run /usr/bin/xvfb-run\n"
        "# expect: 3 LG002, 4 LG002\n",
        [(3, "LG002"), (4, "LG002")],
    ),
    # ROS's images are Ubuntu's, their distribution naming the release: ros:melodic is 18.04's,
    # whose sudo keeps the caller's HOME (a user's `sudo pip` keeps no cache), ros:kinetic
    # 16.04's, whose add-apt-repository updates nothing without -u
    (
        "FROM ros:melodic-ros-base\n"
        "RUN useradd -m dev\n"
        "USER dev\n"
        "RUN sudo pip install catkin_tools\n"
        "# expect: nothing\n",
        [],
    ),
    (
        "FROM ros:kinetic\nRUN add-apt-repository ppa:deadsnakes/ppa\n# expect: nothing\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_SEVENTH_KNOWLEDGE)
def test_what_packages_hold_forty_seventh(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_EIGHTH_KNOWLEDGE = [
    # the entry scripts of Flink's, ZooKeeper's, Storm's, Cassandra's and Memcached's images,
    # and the QEMU emulator resin's and balena's 32-bit ARM images carry
    (
        "FROM flink:1.11.0-scala_2.11\n"
        "COPY docker-entrypoint.sh /\n"
        'ENTRYPOINT ["/docker-entrypoint.sh"]\n'
        "# expect: 2 LG002\n",
        [(2, "LG002")],
    ),
    (
        "FROM cassandra:4.1\nCOPY docker-entrypoint.sh /usr/local/bin/\n# expect: 2 LG002\n",
        [(2, "LG002")],
    ),
    (
        "FROM resin/rpi-node:6.5-slim\n"
        "ADD qemu-arm-static /usr/bin/qemu-arm-static\n"
        "# expect: 2 LG002\n",
        [(2, "LG002")],
    ),
    (
        "FROM balenalib/aarch64-debian:buster\n"
        "COPY qemu-arm-static /usr/bin/qemu-arm-static\n"
        "# expect: nothing\n",
        [],
    ),
    # Salt's and Puppet's (before puppet-agent) packages install their configuration
    (
        "FROM centos:7\n"
        "RUN yum install -y epel-release salt-master puppet && yum clean all\n"
        "ADD etc/salt/master /etc/salt/master\n"
        "ADD conf/puppet.conf /etc/puppet/puppet.conf\n"
        "# expect: 3 LG002, 4 LG002\n",
        [(3, "LG002"), (4, "LG002")],
    ),
    # the openjdk images of Debian before bookworm (Java 20 and older): add-apt-repository
    # updates no index without -u
    (
        "FROM openjdk:8u121-jdk\n"
        "RUN apt-get update && apt-get install -y software-properties-common"
        " && rm -rf /var/lib/apt/lists/*\n"
        'RUN add-apt-repository "deb https://download.docker.com/linux/debian jessie stable"\n'
        "FROM openjdk:21-slim\n"
        "RUN apt-get update && apt-get install -y software-properties-common"
        " && rm -rf /var/lib/apt/lists/*\n"
        'RUN add-apt-repository "deb https://download.docker.com/linux/debian bookworm stable"\n'
        "# expect: 6 LG005\n",
        [(6, "LG005")],
    ),
    # Cirrus Labs' Flutter image holds the Flutter SDK and the Android SDK below it
    (
        "FROM cirrusci/flutter:3.0.0\n"
        "RUN useradd -m flutter -s /bin/bash\n"
        "RUN chown -R flutter:flutter /sdks/flutter\n"
        "RUN chown -R flutter:flutter /opt/android-sdk-linux\n"
        "# expect: 3 LG004, 4 LG004\n",
        [(3, "LG004"), (4, "LG004")],
    ),
    # Debian's tomcat packages: their defaults file, and the default ROOT application their
    # postinst puts in webapps
    (
        "FROM ubuntu:14.04\n"
        "RUN apt-get update && apt-get install -y tomcat7 && rm -rf /var/lib/apt/lists/*\n"
        "ADD tomcat7 /etc/default/tomcat7\n"
        "RUN rm -rf /var/lib/tomcat7/webapps/ROOT*\n"
        "# expect: 3 LG002, 4 LG003\n",
        [(3, "LG002"), (4, "LG003")],
    ),
    # SANE's configuration, of libsane-common (libsane before it), which sane-utils pulls in
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y sane-utils && rm -rf /var/lib/apt/lists/*\n"
        "COPY dll.conf /etc/sane.d/dll.conf\n"
        "# expect: 3 LG002\n",
        [(3, "LG002")],
    ),
    # what Debian's postfix, clamav-daemon, awstats, chasquid and certbot packages write
    (
        "FROM debian:13-slim\n"
        "RUN apt-get update && apt-get install -y postfix clamav-daemon awstats chasquid certbot"
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY aliases /etc/aliases\n"
        "COPY clamd.conf /etc/clamav/clamd.conf\n"
        "COPY awstats /etc/cron.d/awstats\n"
        "COPY chasquid.conf /etc/chasquid/chasquid.conf\n"
        "RUN rm -rf /etc/letsencrypt/\n"
        "# expect: 3 LG002, 4 LG002, 5 LG002, 6 LG002, 7 LG003\n",
        [(3, "LG002"), (4, "LG002"), (5, "LG002"), (6, "LG002"), (7, "LG003")],
    ),
    # NVIDIA's CUDA images hold their toolkit's libraries below /usr/local/cuda, the link to
    # the version's tree: the devel image's copied onto the runtime's write them again
    (
        "FROM nvidia/cuda:11.3.1-devel-ubuntu20.04 AS builder\n"
        "RUN make -C /src\n"
        "FROM nvidia/cuda:11.3.1-runtime-ubuntu20.04\n"
        "COPY --from=builder /usr/local/cuda/lib64/ /usr/local/cuda/lib64/\n"
        "# expect: 4 LG002\n",
        [(4, "LG002")],
    ),
    # Big Data Europe's Hadoop images' entry script; Bitnami's Spark distribution's jars
    (
        "FROM bde2020/hadoop-base:2.0.0-hadoop3.2.1-java8\n"
        "COPY entrypoint.sh /entrypoint.sh\n"
        "# expect: 2 LG002\n",
        [(2, "LG002")],
    ),
    (
        "FROM bitnami/spark:3.5\n"
        "USER root\n"
        "RUN rm -rf /opt/bitnami/spark/jars; rm -rf /opt/bitnami/spark/examples\n"
        "# expect: 3 LG003\n",
        [(3, "LG003")],
    ),
    # every Debian image's /etc/security/limits.conf (libpam-modules, essential); opensips'
    # configuration; the init scripts influxdb's and telegraf's postinst install outside systemd
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y opensips influxdb telegraf"
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY limits.conf /etc/security/limits.conf\n"
        "COPY opensips.cfg /etc/opensips/opensips.cfg\n"
        "COPY influxdb.init /etc/init.d/influxdb\n"
        "COPY telegraf.init /etc/init.d/telegraf\n"
        "# expect: 3 LG002, 4 LG002, 5 LG002, 6 LG002\n",
        [(3, "LG002"), (4, "LG002"), (5, "LG002"), (6, "LG002")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_EIGHTH_KNOWLEDGE)
def test_what_images_and_packages_hold_forty_eighth(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_NINTH_KNOWLEDGE = [
    # Jupyter's docker-stacks carry their fix-permissions script in /usr/local/bin
    (
        "FROM jupyter/scipy-notebook\n"
        "USER root\n"
        "COPY files/fix-permissions /usr/local/bin/fix-permissions\n"
        "# expect: 3 LG002\n",
        [(3, "LG002")],
    ),
    # Metabase's image: its jar and the script its ENTRYPOINT runs, in /app
    (
        "FROM metabase/metabase:v0.41.4\n"
        "COPY ./run_metabase.sh /app/run_metabase.sh\n"
        "RUN chmod o+r /app/metabase.jar\n"
        "# expect: 2 LG002, 3 LG004\n",
        [(2, "LG002"), (3, "LG004")],
    ),
    # Debian's R keeps its configuration in /etc/R; /usr/lib/R/etc holds a link to each file,
    # which a COPY there replaces, leaving the package's file as it was
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y r-base-core && rm -rf /var/lib/apt/lists/*\n"
        "COPY Rprofile.site /usr/lib/R/etc/Rprofile.site\n"
        "COPY Renviron.site /etc/R/\n"
        "# expect: 4 LG002\n",
        [(4, "LG002")],
    ),
    # Alpine's nginx kept its server block in conf.d before 3.14 (http.d since)
    (
        "FROM python:3.7.9-alpine3.12\n"
        "RUN apk add --no-cache nginx supervisor\n"
        "COPY nginx/default.conf /etc/nginx/conf.d/\n"
        "# expect: 3 LG002\n",
        [(3, "LG002")],
    ),
    (
        "FROM alpine:3.14\nRUN apk add --no-cache nginx\n"
        "COPY nginx/default.conf /etc/nginx/conf.d/\n"
        "# expect: nothing\n",
        [],
    ),
    # ActiveMQ's distribution carries its log4j configuration in conf/; WildFly Core's its
    # standalone.conf in bin/
    (
        "FROM debian:10\n"
        "ENV ACTIVEMQ=apache-activemq-5.15.9 ACTIVEMQ_HOME=/opt/activemq\n"
        "RUN curl -O http://archive.apache.org/dist/activemq/5.15.9/$ACTIVEMQ-bin.tar.gz &&"
        " tar xf $ACTIVEMQ-bin.tar.gz -C /opt/ && rm $ACTIVEMQ-bin.tar.gz &&"
        " mv /opt/$ACTIVEMQ $ACTIVEMQ_HOME\n"
        "COPY log4j.properties $ACTIVEMQ_HOME/conf/log4j.properties\n"
        "# expect: 4 LG002\n",
        [(4, "LG002")],
    ),
    (
        "FROM eclipse-temurin:11\n"
        "RUN curl -LO https://example.org/wildfly-core-20.0.1.Final.zip &&"
        " unzip -q wildfly-core-20.0.1.Final.zip && rm wildfly-core-20.0.1.Final.zip &&"
        " mv wildfly-core-20.0.1.Final /wildfly-core\n"
        "COPY standalone.conf /wildfly-core/bin/\n"
        "# expect: 3 LG002\n",
        [(3, "LG002")],
    ),
    # rocker's RStudio images are Ubuntu's and add rstudio (uid 1000) with a home from skel
    (
        "FROM rocker/verse:4.3.1\nRUN chown -R rstudio:rstudio /home/rstudio\n# expect: 2 LG004\n",
        [(2, "LG004")],
    ),
    (
        "FROM rocker/r-ver:4.3.1\n"
        "RUN useradd -m rstudio && chown -R rstudio:rstudio /home/rstudio\n"
        "# expect: nothing\n",
        [],
    ),
    # the ruby image's gemrc (`install: --no-document`), which a builder stage's copy of it
    # writes again
    (
        "FROM ruby:3.3 AS builder\nRUN bundle config set without development\n"
        "FROM ruby:3.3-slim\nCOPY --from=builder /usr/local/etc/gemrc /usr/local/etc/gemrc\n"
        "# expect: 4 LG002\n",
        [(4, "LG002")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_NINTH_KNOWLEDGE)
def test_what_images_and_packages_hold_forty_ninth(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FIFTIETH_KNOWLEDGE = [
    # Home Assistant add-ons' Debian and Ubuntu bases end by emptying /var/cache: an add-on's
    # own removal there hides nothing of theirs (not on Debian's own image, whose debconf
    # database is there)
    (
        "ARG BUILD_FROM=ghcr.io/hassio-addons/ubuntu-base:8.2.0\n"
        "FROM ${BUILD_FROM}\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends logrotate \\\n"
        "    && apt-get clean && rm -fr /tmp/* /var/cache/* /var/lib/apt/lists/*\n",
        [],
    ),
    (
        "FROM ghcr.io/hassio-addons/debian-base:9.1.0\nRUN rm -fr /var/cache/* /usr/share/doc/*\n",
        [(2, "LG003")],
    ),
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends logrotate \\\n"
        "    && apt-get clean && rm -fr /tmp/* /var/cache/* /var/lib/apt/lists/*\n",
        [(2, "LG003")],
    ),
    # Zeek built from source installs its site policy and ZeekControl's configuration below
    # its prefix (/usr/local/zeek unless configure is told another)
    (
        "FROM ubuntu:20.04\n"
        "WORKDIR /data/src\n"
        "ADD https://download.zeek.org/zeek-4.2.2.tar.gz /data/src/\n"
        "RUN tar xzvf zeek-4.2.2.tar.gz\n"
        "WORKDIR /data/src/zeek-4.2.2\n"
        "RUN ./configure; make; make install\n"
        "COPY local.zeek /usr/local/zeek/share/zeek/site/local.zeek\n",
        [(3, "LG006"), (7, "LG002")],
    ),
    (
        "FROM ubuntu:22.04\n"
        "WORKDIR /src\n"
        "RUN curl -sL https://download.zeek.org/zeek-6.0.3.tar.gz | tar xz && cd zeek-6.0.3"
        " && ./configure --prefix=/opt/zeek && make && make install\n"
        "COPY local.zeek /opt/zeek/share/zeek/site/local.zeek\n"
        "COPY node.cfg /usr/local/zeek/etc/node.cfg\n",
        [(4, "LG002")],
    ),
    # NGINX's unprivileged images on GitHub's registry are those of Docker Hub
    (
        "FROM ghcr.io/nginxinc/nginx-unprivileged:stable-alpine-slim\n"
        "COPY nginx.conf /etc/nginx/conf.d/default.conf\n"
        "COPY site.conf /etc/nginx/conf.d/site.conf\n",
        [(2, "LG002")],
    ),
    # strongSwan's package ships its settings, OpenRC its rc.conf, Easy-RSA its program
    (
        "FROM ubuntu:16.04\n"
        "RUN apt-get update && apt-get install -y xl2tpd strongswan"
        " && rm -rf /var/lib/apt/lists/*\n"
        "ADD strongswan.conf /etc/strongswan.conf\n",
        [(3, "LG002")],
    ),
    (
        "FROM alpine:3.12\n"
        "RUN apk add --no-cache openrc dcron\n"
        'COPY [ "rc.conf", "/etc/rc.conf" ]\n',
        [(3, "LG002")],
    ),
    (
        "FROM debian:bookworm\n"
        "RUN apt-get update && apt-get install -y easy-rsa && rm -rf /var/lib/apt/lists/*\n"
        "RUN chmod 755 /usr/share/easy-rsa/*\n",
        [(3, "LG004")],
    ),
    # micromamba's image works in /tmp: a relative removal there takes what a COPY put in /tmp
    (
        "FROM mambaorg/micromamba:1.5.8\n"
        "USER root\n"
        "COPY aws-cli-public-key.asc /tmp/\n"
        "RUN gpg --import /tmp/aws-cli-public-key.asc && rm -rf aws-cli-public-key.asc\n",
        [(4, "LG003")],
    ),
    # the python image's pip installs no setuptools or wheel beside itself since 3.12: their
    # uninstall removes nothing of the base (it did before)
    (
        "FROM python:3.12.12-slim-bookworm\nRUN pip3 uninstall setuptools -y\n",
        [],
    ),
    (
        "FROM python:3.11-slim\nRUN pip3 uninstall setuptools -y\n",
        [(2, "LG003")],
    ),
    # logrotate's main file on every family, NetworkManager's, and Debian's login banners
    (
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache logrotate\n"
        "COPY logrotate.conf /etc/logrotate.conf\n",
        [(3, "LG002")],
    ),
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y network-manager && rm -rf /var/lib/apt/lists/*\n"
        "COPY NetworkManager.conf /etc/NetworkManager/NetworkManager.conf\n"
        "COPY issue /etc/issue\n",
        [(3, "LG002"), (4, "LG002")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FIFTIETH_KNOWLEDGE)
def test_what_images_and_packages_hold_fiftieth(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected
