"""The classes of mistakes the filesystem model fixes (issue 10), one minimal repro each, as
`layerguard check` reports them on a Dockerfile whose build context is unknown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from layerguard.findings import Finding

Lint = Callable[..., list[Finding]]


@pytest.fixture
def message(lint_files: Lint) -> Callable[[str, str], str]:
    def run(dockerfile: str, code: str) -> str:
        (finding,) = lint_files({"Dockerfile": dockerfile}, code=code, context=False)
        return finding.message

    return run


CLEAN = [
    # A. chown/chmod of directory entries only.
    pytest.param(
        "FROM debian\nENV HOME=/home/app\nRUN chown 1000:0 $HOME\n", id="A-chown-home-dir"
    ),
    pytest.param("FROM debian\nWORKDIR /app\nRUN chown app:app /app\n", id="A-chown-workdir"),
    pytest.param(
        "FROM debian\nRUN mkdir /app\nRUN useradd app && chown -R app:app /app\n",
        id="A-chown-R-over-mkdir",
    ),
    pytest.param("FROM debian\nRUN rm -f /etc/service\n", id="A-rm-entry-of-base"),
    pytest.param("FROM debian\nCOPY src/ /app/\nRUN chmod 755 /app\n", id="A-chmod-copied-dir"),
    # B. What the same RUN made.
    pytest.param(
        "FROM ruby\nWORKDIR /app\nRUN bundle install && rm -rf /usr/local/bundle/cache\n",
        id="B-bundle-cache-removed-in-its-run",
    ),
    pytest.param(
        "FROM debian\nRUN curl -fsSLo /tmp/x.tgz https://x/x.tgz && tar -C /opt -xzf /tmp/x.tgz"
        " && rm -rf /tmp/*\n",
        id="B-tmp-cleaned-after-download",
    ),
    # C. Package managers read right.
    pytest.param(
        "FROM debian\nRUN --mount=type=bind,source=x.deb,target=/tmp/x.deb dpkg -i /tmp/x.deb\n",
        id="C-dpkg-writes-no-lists",
    ),
    pytest.param("FROM debian\nRUN apt-get install -y curl\n", id="C-install-without-update"),
    pytest.param(
        "FROM rockylinux:9\n"
        "RUN dnf install -y nginx && dnf clean --disableplugin=subscription-manager all\n",
        id="C-dnf-clean-with-options",
    ),
    pytest.param(
        "FROM rockylinux:9\nRUN dnf install -y nginx && rm -rf /var/cache/dnf\n",
        id="C-rm-dnf-cache",
    ),
    # D. Base paths nothing shows to hold bytes.
    pytest.param("FROM ubuntu\nRUN rm /etc/apt/sources.list.d/*.list\n", id="D-list-files"),
    pytest.param("FROM confluentinc/cp-server\nRUN rm -rf /mnt/confluent\n", id="D-unknown-dir"),
    pytest.param("FROM debian\nRUN crontab -r && rm /etc/cron.d/e2scrub_all\n", id="D-crontab"),
    # J. Classes found by labelling (accuracy/, 2026-11-30).
    pytest.param(
        "FROM debian\nCOPY src/ /srv/\nRUN chmod 1777 /srv/http.d/\n", id="J-slash-names-a-dir"
    ),
    pytest.param(
        "FROM alpine:3.20\nRUN rm -rf /usr/share/doc /usr/share/man\n", id="J-alpine-docs"
    ),
    pytest.param("FROM debian\nRUN chmod +x /opt/app\n", id="J-chmod-x-of-a-base-dir"),
    pytest.param(
        "FROM debian\nRUN wget https://deb.nodesource.com/setup_20.x -O setup.sh"
        " && chmod +x ./setup.sh && ./setup.sh && rm -rf /var/lib/apt/lists/*\n",
        id="J-nodesource-script-downloaded-here",
    ),
    pytest.param(
        "FROM debian\nCOPY big.tgz /opt/\nRUN find /opt -name '*.txt' -delete\n",
        id="J-find-selects-none-of-the-copied-files",
    ),
    pytest.param(
        "FROM ruby:3.3\nENV BUNDLE_PATH=/usr/local/bundle\nWORKDIR /rails\nRUN bundle install"
        ' && rm -rf ~/.bundle/ "${BUNDLE_PATH}"/ruby/*/cache\n',
        id="J-bundle-cache-cleaned-as-rails-does",
    ),
    pytest.param(
        "FROM ruby:3.3\nWORKDIR /app\nRUN bundle config set --local path vendor/bundle\n"
        "RUN bundle install && rm -r /app/vendor/bundle/ruby/*/cache\n",
        id="J-bundle-cache-cleaned-where-bundle-config-put-it",
    ),
    pytest.param(
        "FROM python:3.8-slim\nRUN apt-get update && apt-get install -y curl wget"
        " && rm -rf /var/lib/apt/lists/*\nRUN apt-get purge -y firefox\n",
        id="J-purge-of-a-package-nothing-installed",
    ),
    pytest.param(
        "FROM alpine:3.20\nRUN apk add --no-cache nginx tini\nRUN apk del --no-cache openssl\n",
        id="J-apk-del-of-a-package-nothing-installed",
    ),
    pytest.param(
        "FROM quay.io/jupyter/minimal-notebook:2025-01-01\nUSER root\n"
        'RUN fix-permissions "${CONDA_DIR}" && fix-permissions "/home/${NB_USER}"\n'
        "RUN mamba install --yes numpy && mamba clean --all -f -y"
        ' && fix-permissions "${CONDA_DIR}"\nRUN fix-permissions "${CONDA_DIR}"\n',
        id="J-fix-permissions-changes-nothing-twice",
    ),
    pytest.param(
        "FROM debian\nRUN mkdir /docker-entrypoint.d\nCOPY 10-a.sh /docker-entrypoint.d\n"
        "COPY 20-b.sh /docker-entrypoint.d\nCOPY a.conf /etc/nginx/conf.d\n"
        "COPY b.conf /etc/nginx/conf.d\n",
        id="J-copies-into-a-directory-named-without-a-slash",
    ),
    pytest.param(
        'FROM debian\nARG USER_UID=1000\nRUN if [ "$USER_UID" != "1000" ]; then'
        " usermod -u $USER_UID app && chown -R $USER_UID /usr/lib; fi\n",
        id="J-a-branch-the-arg-defaults-rule-out",
    ),
    pytest.param(
        "FROM python:3.12\nRUN pip install --no-deps ./dist/z.whl\n"
        "RUN pip install --no-deps --no-build-isolation git+https://github.com/x/y.git .\n",
        id="J-pip-fetches-nothing-from-an-index",
    ),
    pytest.param(
        "FROM debian\nRUN mkdir -p /var/jenkins_home && useradd -d /var/jenkins_home -m jenkins\n"
        "RUN mkdir -p /usr/share/jenkins/ref/init.groovy.d\n"
        "RUN chown -R jenkins /var/jenkins_home /usr/share/jenkins/ref\n",
        id="J-homes-and-trees-the-build-made-empty",
    ),
    pytest.param(
        "FROM debian\nRUN apt-get update && apt-get install -y git"
        " && rm -rf /var/lib/apt/lists/*\nRUN mkdir -p /usr/share/jenkins/ref/init.groovy.d\n"
        "RUN chown -R app /usr/share/jenkins/ref\n",
        id="J-a-directory-made-after-the-install-is-not-the-packages",
    ),
    pytest.param(
        "FROM debian\nRUN apt-get update && apt-get install -y git"
        " && rm -rf /var/lib/apt/lists/*\nRUN rm -f /var/log/nginx/access.log\n",
        id="J-a-log-no-installed-package-writes",
    ),
    pytest.param(
        "FROM ruby:3.3-alpine AS download\nRUN mkdir -p /pdfium/licenses\n"
        "FROM ruby:3.3-alpine\nCOPY --from=download /pdfium/licenses/ /usr/lib/pdfium-licenses/\n",
        id="J-a-builder-tree-copied-to-a-new-place",
    ),
    pytest.param(
        "FROM rockylinux:9\nRUN rm -rf /var/cache/*\nFROM alpine:3.20\nRUN rm -rf /var/cache/*\n",
        id="J-no-debconf-outside-debian",
    ),
    pytest.param(
        "FROM python:3.12 AS build\nCOPY requirements.lock.txt /src/requirements.txt\n"
        "FROM python:3.12\nWORKDIR /app\nCOPY requirements/x.txt /app/requirements.txt\n"
        "COPY app /app/\nCOPY --from=build /src/requirements.txt /opt/requirements.txt\n",
        id="J-copies-that-cannot-meet",
    ),
    pytest.param(
        "FROM debian\nRUN apt-get update && apt-get install -y --no-install-recommends curl"
        " && find /var/cache/apt/archives /var/lib/apt/lists -not -name lock -type f -delete\n"
        "RUN apt autoremove -y && apt clean -y\n"
        "RUN apt-get update && apt-get install -y nginx && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm /etc/nginx/sites-enabled/default\n",
        id="J-all-but-a-name-autoremove-alone-and-enabled-links",
    ),
    pytest.param(
        "FROM debian\nWORKDIR /opt/bin\nCOPY . /opt/bin\n"
        "RUN wget -q https://x/pypy3.11-linux64.tar.bz2 && tar -xjf pypy3.11-linux64.tar.bz2"
        " && rm pypy3.11-linux64.tar.bz2\n",
        id="J-an-archive-the-run-downloaded-into-a-copied-tree",
    ),
    pytest.param(
        "FROM debian\nRUN curl -fsSLO https://x/neo4j-5.tgz && tar -xzf neo4j-5.tgz -C /var/lib"
        " && mv /var/lib/neo4j-* /var/lib/neo4j && rm neo4j-5.tgz\n"
        "WORKDIR /var/lib/neo4j\nRUN mv data /data && ln -s /data\nRUN mv /var/lib/logs /logs\n"
        "WORKDIR /app\nRUN tar -xzf /tmp/x.tgz -C /\nRUN mv /app /srv\n",
        # below an archive's top directory may be only empty directories (neo4j's data/);
        # a directory WORKDIR made is not the archive's
        id="X-mv-below-an-archive-s-top-directory",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y iputils-ping gcc"
        " && chmod 4755 /bin/ping && useradd app && chmod g+w /etc/passwd"
        " && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /usr/src/app && mkdir -p /usr/src/app\n"
        "RUN curl -fsSLo /h.deb https://x/homebridge_1.1.6_amd64.deb && dpkg -i /h.deb"
        " && rm /h.deb && chown -R root:root /opt/homebridge\n",
        # a program this RUN's install may have written; the user database this RUN rewrote;
        # distribution packages make nothing in /usr/src/app, and /opt/homebridge is the
        # package homebridge's own
        id="X-what-this-run-installed-or-rewrote",
    ),
    pytest.param(
        "FROM ruby:3.3\nWORKDIR /usr/src/redmine\nRUN curl -fsSL https://x/redmine-5.0.9.tar.gz"
        " | tar -xz --strip-components=1\nRUN bundle install && rm -rf /usr/local/bundle/cache"
        " && chmod -R ugo=rwX Gemfile.lock\n",
        id="X-the-lock-bundle-install-writes",
    ),
    pytest.param(
        "FROM oraclelinux:8\nENV SX_PKG=fmw_12.1.3.0.0_oep.jar\nCOPY setup/* /u01/\n"
        "RUN cd /u01 && java -jar $SX_PKG -silent -responseFile /u01/install.file\n",
        # an installer an earlier unzip may have made: no tree or glob copy is known to hold it
        id="X-an-installer-no-copy-names",
    ),
    pytest.param(
        "FROM debian:12\nCOPY --from=ghcr.io/x/app:1 /out/server.bin /app/server.bin\n"
        "RUN /app/server.bin migrate --dry-run\n"
        "RUN curl -fsSL https://x/es-8.1.0.tar.gz | tar -xz --strip-components=1 -C /es\n"
        "RUN mv /es/plugins /plugins\n",
        # a program that stays is no self-extracting installer (Nuitka's app.bin); an
        # Elasticsearch plugins directory is shipped empty
        id="X-a-program-named-bin-and-an-empty-plugins-directory",
    ),
    pytest.param(
        "FROM debian:12\nENV NVM_DIR=/opt/nvm\nRUN . $NVM_DIR/nvm.sh && nvm install 20"
        " && rm -rf $NVM_DIR/.cache\n"
        "RUN . /opt/nvm/nvm.sh && nvm install 22 && nvm cache clear\n",
        # nvm's tarballs removed where NVM_DIR puts them, or by nvm itself
        id="Y-nvm-s-cache-cleared",
    ),
    pytest.param(
        "FROM php:8.2-apache\nCOPY --from=composer:2 /usr/bin/composer /usr/local/bin/\n"
        'WORKDIR /opt/drupal\nRUN set -eux; export COMPOSER_HOME="$(mktemp -d)";'
        ' composer install --no-dev; rm -rf "$COMPOSER_HOME"\n',
        # (the official drupal image: the cache went where the Dockerfile does not say)
        id="Y-a-cache-put-in-a-temporary-directory",
    ),
    pytest.param(
        "FROM debian:12\nRUN curl -sL https://deb.nodesource.com/setup_16.x -o setup.sh\n",
        # a vendor's install script saved, not run, has run no apt update
        id="Y-a-vendor-script-saved",
    ),
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf"
        " /var/lib/apt/lists/* && truncate -s 0 /var/log/*log\n"
        "RUN curl -LO https://x/w.deb && dpkg -i w.deb && rm w.deb"
        " && truncate -s 0 /var/log/*log\n",
        # the logs an earlier RUN emptied hold nothing to hide
        id="Y-logs-emptied-before",
    ),
    pytest.param(
        "FROM alpine:3.23 AS builder\nRUN apk add --no-cache build-base && make install\n"
        "FROM alpine:3.23\nCOPY --from=builder /usr/lib/nginx/modules/ /usr/lib/nginx/modules/\n",
        # a directory deep in /usr/lib the builder made is not one the base image fills
        id="Y-a-builder-s-directory-below-usr-lib",
    ),
    pytest.param(
        "FROM php:8.2-fpm\nRUN mkdir -p /etc/fpm && cp -r /usr/local/etc/php-fpm.d /etc/fpm\n"
        "COPY www.conf /etc/fpm/www.conf\n",
        id="Y-a-base-tree-copied-into-a-directory-the-run-made",
    ),
    pytest.param(
        "FROM eclipse-temurin:17-jre\n"
        "RUN curl -fsSL -o /tmp/kafka.tgz https://x/kafka/3.3.1/kafka_2.13-3.3.1.tgz\n"
        "RUN mkdir /opt/kafka && tar -xzf /tmp/kafka.tgz -C /opt/kafka --strip-components=1"
        " kafka_2.13-3.3.1/libs\n"
        "COPY server.properties /opt/kafka/config/server.properties\n",
        # tar told the members to extract unpacks those alone
        id="Y-tar-told-its-members",
    ),
    pytest.param(
        "FROM php:8.2-apache\nCOPY site/ /var/www/example.com/\nCOPY conf.d/ /etc/myapp/conf.d/\n"
        "RUN chmod 755 /var/www/example.com && chmod 750 /etc/myapp/conf.d\n",
        # a numeric mode for a path not named like a program may be a directory's
        id="Y-a-numeric-mode-of-a-directory-named-like-a-file",
    ),
    pytest.param(
        "FROM node:20 AS base\nWORKDIR /app\nCOPY a.txt ./data.txt\nFROM base AS build\n"
        "RUN rm /app/data.txt\nFROM base\nCOPY --from=build /app ./\n",
        # what the stage removed is not in the tree it hands back
        id="Y-a-tree-copied-back-without-what-its-stage-removed",
    ),
    pytest.param(
        "FROM node:20\nUSER root\nENV HOME=/home/node\nWORKDIR /app\n"
        "RUN yarn install && rm -rf /usr/local/share/.cache/yarn\n",
        # yarn 1 run by root (USER root says so) keeps its cache in /usr/local/share
        id="Y-yarn-run-by-root-with-another-home",
    ),
    pytest.param(
        "FROM eclipse-temurin:17\nRUN cd /opt && wget -q https://x/apache-tomcat-9.0.68.tar.gz"
        " && tar -xzf apache-tomcat-9.0.68.tar.gz && rm apache-tomcat-9.0.68.tar.gz\n"
        "RUN chmod 700 /opt/apache-tomcat-9.0.68 && chmod 775 /opt/apache-tomcat-9.0.68/webapps\n",
        # a mode in digits for a directory is its entry's: only +x, -R or a glob says programs
        id="Y-a-numeric-mode-of-a-directory",
    ),
    pytest.param(
        "FROM nvidia/cuda:11.7.0-devel-ubuntu20.04 AS build\nRUN apt-get update"
        " && apt-get install -y libfdk-aac-dev && rm -rf /var/lib/apt/lists/*\n"
        "FROM nvidia/cuda:11.7.0-devel-ubuntu20.04\nCOPY --from=build"
        " /usr/lib/x86_64-linux-gnu/libfdk-aac.so.1 /usr/lib/x86_64-linux-gnu/libfdk-aac.so.1\n",
        # a library's versioned name is a file's, not a tree the base image fills
        id="Y-a-library-copied-back-from-a-stage",
    ),
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y nginx"
        " && rm -rf /var/lib/apt/lists/*\nRUN usermod -o -u 911 www-data\n",
        # a new uid re-owns the user's own files: nginx's in /var/www are root's
        id="Z-usermod-leaves-what-packages-put-in-the-home",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nWORKDIR /opt\n"
        "RUN wget -q https://example.org/apache-tomcat-9.0.85.tar.gz"
        " && tar -xzf apache-tomcat-9.0.85.tar.gz && rm apache-tomcat-9.0.85.tar.gz\n"
        "RUN mkdir -p /opt/app/logs\nRUN useradd app && chown -R app /opt/app\n",
        # (a review) a directory below where a tar unpacked that a mkdir shows was made there
        id="A-a-recursive-chown-of-a-directory-mkdir-made-beside-an-unpacked-tree",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nADD s6-overlay-noarch.tar.xz /\nRUN mkdir -p /app/public\n"
        "RUN useradd app && chown -R app /app\n",
        id="A-a-recursive-chown-of-a-directory-beside-a-tree-unpacked-at-the-root",
    ),
    pytest.param(
        "FROM debian:12\nWORKDIR /app\nCOPY . .\n"
        "RUN wget -P . $URL && tar -xzf app.tar.gz\nRUN wget -o wget.log $URL && unzip a.zip\n",
        # (a review) wget's option values are no addresses: the archive is the download's
        id="J-wget-option-values-are-no-addresses",
    ),
    pytest.param(
        "FROM myorg/base:1\nCOPY start.sh /\nRUN cd $APP_HOME/.. && chmod +x start.sh\n"
        "RUN chmod +x $APP_BIN/../start.sh\nENV APP=$APP_HOME/app\n"
        "RUN cd $APP/../.. && chmod +x start.sh\n",
        # (a review) above a variable's directory is a place not known
        id="V-a-path-above-a-variable-s-directory",
    ),
    pytest.param(
        "FROM rocker/r-ubuntu:22.04\nRUN rm -rf /rocker_scripts\n",
        # (a review) only rocker-versioned2's images keep their scripts
        id="D-rocker-r-ubuntu-has-no-scripts",
    ),
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y gcc make"
        " && rm -rf /var/lib/apt/lists/*\nRUN apt-get remove --autoremove -y\n",
        # (a review) manually installed packages are not removable by --autoremove alone
        id="C-remove-autoremove-of-no-package",
    ),
    pytest.param(
        "FROM debian:12\nWORKDIR /src\nCOPY . .\n"
        "RUN cmake --build build/debian --target package && dpkg -i build/debian/app.deb\n",
        # (held out 227) the package the RUN built first, not one the copied tree may hold
        id="G-a-package-built-in-the-same-run",
    ),
    pytest.param(
        "FROM nginx:alpine-slim\nRUN apk --no-cache del && rm -rf /var/cache/apk/* /tmp/*\n",
        # (held out 224) a distribution's removal that names no package removes nothing
        id="C-apk-del-of-no-package",
    ),
    pytest.param(
        "FROM php:8.2-apache\nCOPY settings.php /var/www/html/sites/default/settings.php\n"
        "RUN usermod -u 1000 www-data\n",
        # (held out 224) nor what a COPY without --chown gave root
        id="Z-usermod-leaves-what-a-copy-gave-root",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN cp -a /tmp/z/.z* /home/app\n"
        "RUN touch /home/app/.jupyter/c.json && fix-permissions /home/app/.jupyter\n",
        # cp of a wildcard writes what matches inside the directory, not all of it
        id="Z-cp-of-a-wildcard-into-a-home",
    ),
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl"
        " && rm -rf /var/lib/apt/lists/* /var/log/dpkg.log\nRUN apt-get update"
        " && apt-get install -y git && rm -rf /var/lib/apt/lists/* /var/log/dpkg.log\n",
        # the log every install writes, which the first one removed again
        id="Z-an-install-s-log-removed-in-its-own-run",
    ),
    pytest.param(
        "FROM debian:12\nRUN curl -fSL https://x/docker-18.09.0.tgz -o docker.tgz"
        " && tar -xzvf docker.tgz && mv docker/docker /usr/bin/docker"
        " && rm -rf docker/ docker.tgz\n"
        "RUN cd /tmp && wget -nv https://x/sc-4.5.3-linux.tar.gz && tar -zxf sc-4.5.3-linux.tar.gz"
        " && rm -rf /usr/local/sc-4.5.3-linux && mv sc-4.5.3-linux /usr/local\n",
        # an archive unpacked in / whose entry the RUN removes again held that entry only
        id="Z-an-extraction-taken-back-by-its-top-entry",
    ),
    pytest.param(
        "FROM ruby:3.4.4\nRUN gem uninstall bundler\n",
        # Ruby's own default bundler: gem uninstall leaves it where it is
        id="Z-a-default-gem-uninstalled",
    ),
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y git gcc && P=(git);"
        ' if [ -n "$X" ]; then P+=(gcc); fi; apt-get purge -y "${P[@]}"'
        " && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get install -y gcc"
        " && apt-get purge -y gcc && rm -rf /var/lib/apt/lists/*\n",
        # packages purged by names not known may be gone: the second RUN purges its own gcc
        id="Z-an-install-then-a-purge-of-names-not-known",
    ),
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends"
        " default-jdk-headless && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm -f /usr/lib/jvm/default-java"
        " && ln -s java-17-openjdk-amd64 /usr/lib/jvm/default-java\n",
        # the default JDK's name is a link
        id="Z-the-default-jdk-link-replaced",
    ),
    pytest.param(
        "FROM composer:2\nRUN mkdir -p /app/src\nWORKDIR /app/src\n"
        "RUN composer global require laravel/installer && composer clear-cache\n"
        "RUN chown -R www-data /app/src\n",
        # composer global installs into COMPOSER_HOME, not the directory it runs in
        id="Z-a-composer-global-require",
    ),
    pytest.param(
        "FROM composer:2\nRUN composer global require laravel/installer"
        " && composer --no-interaction global clear-cache\n",
        # composer's commands under `global`: this one empties the cache
        id="Z-a-composer-global-clear-cache",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y python3-pip"
        " && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /usr/lib/node_modules\n",
        # npm's global tree: no distribution package but node's own fills it
        id="Z-npm-s-global-tree-after-other-packages",
    ),
    pytest.param(
        "FROM continuumio/miniconda3:24.1.2-0\n"
        "RUN dpkg --purge --force-depends ca-certificates-java\n",
        # miniconda3 is built FROM debian's slim image: few packages, not that one
        id="Z-a-purge-on-a-slim-based-image",
    ),
    pytest.param(
        "FROM python:3.12\nCOPY . /code\nRUN pip install --no-cache-dir '/code/[all]'\n",
        # a project's directory with its extras: no archive is unpacked
        id="Z-pip-install-of-a-directory-with-extras",
    ),
    pytest.param(
        "FROM python:3.12\nRUN pip install --no-cache-dir requests\nRUN pip uninstall requests\n",
        # without -y pip asks, and with no terminal to answer a successful build removed nothing
        id="Z-a-pip-uninstall-that-asks",
    ),
    pytest.param(
        "FROM debian:12\nCOPY security.conf /etc/apache2/conf-available/security.conf\n"
        "COPY opendkim.conf /etc/opendkim.conf\nCOPY ssmtp.conf /etc/ssmtp/ssmtp.conf\n"
        "COPY policy.xml /etc/ImageMagick-6/policy.xml\nCOPY client.conf /etc/pulse/client.conf\n",
        # no package put them there first
        id="Z-package-configuration-never-installed",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nWORKDIR /app\nRUN gradle wrapper -p /opt/gradlew"
        " && rm -rf ~/.gradle/caches\nRUN mvn -f /opt/tool/pom.xml package"
        " && rm -rf ~/.m2/repository\nRUN chown -R 1000 /app\n",
        # gradle and mvn told where the project is build there, not in the WORKDIR
        id="Z-a-build-told-where-its-project-is",
    ),
    pytest.param(
        "FROM debian:12\nCOPY app.sh /etc/init.d/app\nCOPY x.conf /etc/x.conf\n"
        "COPY y.conf /etc/y.conf\n"
        "RUN sed -i -e 's/a/b/' /etc/init.d/app && chmod +x /etc/init.d/app\n"
        "RUN perl -pi -e 's/a/b/' /etc/x.conf && chmod 600 /etc/x.conf\n"
        "RUN dos2unix /etc/y.conf && chown 1000 /etc/y.conf\n",
        # an in-place edit wrote the file into this layer first: the chmod copies nothing more
        id="Z-a-chmod-after-an-in-place-edit",
    ),
    pytest.param(
        "FROM debian:12\nCOPY rootfs/ /\nRUN if [[ -x /usr/local/bin/aws ]]; then"
        " mv /usr/local/bin/aws /usr/local/bin/aws1"
        " && mv /usr/local/bin/aws_completer /usr/local/bin/aws1_completer; fi\n",
        # the author does not know the tree holds it either
        id="Z-a-move-a-file-test-guards",
    ),
    pytest.param(
        "FROM centos:7\nRUN yum install -y systemd && yum clean all\n"
        "RUN rm -f /lib/systemd/system/multi-user.target.wants/* /etc/systemd/system/*.wants/*\n",
        # systemd's .wants directories hold symlinks, not bytes
        id="Z-systemd-s-wants-links",
    ),
    pytest.param(
        "FROM debian:12\nCOPY rootfs/ /\nRUN wget -O /tmp/k.asc https://example.com/k.asc"
        " && gpg --dearmor /tmp/k.asc && mv /tmp/k.asc.gpg /usr/share/keyrings/k.gpg"
        " && gpg --dearmor -o /tmp/j.gpg /tmp/k.asc && rm /tmp/k.asc /tmp/j.gpg\n",
        # gpg --dearmor wrote key.asc.gpg (or what -o names) in this RUN
        id="Z-what-gpg-dearmor-wrote",
    ),
    pytest.param(
        "FROM debian:12 AS builder\nRUN mkdir -p /out/usr/lib && echo x > /out/usr/lib/a\n"
        "FROM tomcat:9\nCOPY --from=builder /out/usr/ /usr/\n"
        "RUN cd /usr/local/tomcat/lib && unzip catalina.jar org/x.properties\n",
        # tomcat's own catalina.jar, not what a tree copied onto /usr may hold
        id="Z-an-archive-of-the-base-s-runtime-tree",
    ),
    pytest.param(
        "FROM alpine:3.20\nCOPY app/ /app/\n"
        "RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} \\; || true\n",
        # Alpine's images hold no setuid program, and a copied tree keeps none
        id="Z-setuid-programs-on-alpine",
    ),
    pytest.param(
        "FROM debian:12\nRUN find / -xdev -perm /u+x -type f -exec chmod o-w {} +\n",
        # the owner's x bit is no setuid bit: what it selects is not known
        id="Z-a-find-by-the-owner-s-x-bit",
    ),
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y php-cli"
        " && rm -rf /var/lib/apt/lists/*\nRUN mv /bin/sh /bin/sh_tmp && ln -s /bin/bash /bin/sh\n"
        "RUN mv /usr/bin/php /usr/bin/real_php\n",
        # the shell and an alternatives command are links: no bytes move
        id="Z-a-link-moved-away",
    ),
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl"
        " && rm -rf /var/lib/apt/lists/*\nRUN apt-get remove -y sendmail* mlocate\n",
        # no debian image holds them, and nothing installed pulls them in
        id="Z-a-removal-of-packages-nothing-installed",
    ),
    pytest.param(
        "FROM tomcat:11-jdk17\nRUN cd /tmp && curl -o g.tgz https://x/g.tgz && tar xzf g.tgz"
        " && cd g && ./configure && make && make install && rm -rf /tmp/g*\n"
        "RUN rm -rf /usr/local/tomcat/webapps && mkdir -p /usr/local/tomcat/webapps\n",
        # make install fills /usr/local's standard directories, not tomcat's own tree there
        id="Z-make-install-beside-an-application-tree",
    ),
    pytest.param(
        "FROM postgres:16\nRUN curl -o /usr/local/bin/go-cron.gz -L https://x/g.gz"
        " && gzip -vnd /usr/local/bin/go-cron.gz && chmod a+x /usr/local/bin/go-cron\n",
        # -vnd decompresses: the program is this RUN's
        id="Z-a-compressor-s-joined-options",
    ),
    pytest.param(
        "FROM python:3.13-slim\nWORKDIR /app\nCOPY . /app\n"
        "RUN pip --no-cache-dir install /app/packages/markitdown[all] /app/packages/plugin\n",
        # a project's directory with its extras, no archive
        id="Z-a-project-directory-with-extras",
    ),
    pytest.param(
        "FROM alpine:3.20\nRUN adduser -D -u 1001 sbtuser\nWORKDIR /home/sbtuser\n"
        "RUN rm -rf /tmp/..?* /tmp/.[!.]* *\nFROM debian:12\nRUN useradd -m app\n"
        "RUN rm -rf /home/app/*\n",
        # `*` skips dotfiles, and a home made from /etc/skel holds nothing else
        id="Z-a-star-in-a-new-home",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nCOPY welcome.sh /welcome.sh\nCOPY x.sh /x.sh\n"
        "RUN chmod +x /welcome.sh /x.sh && sed -i 's/a/b/' /welcome.sh"
        " && echo done >> /x.sh\n",
        # each file is written whole into this layer after the chmod anyway
        id="Z-a-chmod-before-an-edit-of-the-same-file",
    ),
    pytest.param(
        "FROM eclipse-temurin:8u392-b08-jdk\nCOPY cacerts /opt/java/openjdk/lib/security/cacerts\n",
        # Java 8's JDK keeps its trust store in jre/lib/security
        id="Z-temurin-8-s-trust-store-elsewhere",
    ),
    pytest.param(
        "FROM registry.access.redhat.com/ubi9/python-312\nRUN pip install flask\n",
        # sclorg's Python images set PIP_NO_CACHE_DIR=off: pip keeps no cache
        id="Z-sclorg-python-without-a-pip-cache",
    ),
    # ZA: classes found in the seventeenth session, from the held-out sets' false alarms.
    pytest.param(
        "FROM debian:13\nRUN apt-get update && apt-get install -y git && apt-get distclean\n",
        # apt 3's distclean removes the lists
        id="ZA-apt-distclean",
    ),
    pytest.param(
        "FROM python:3.12-slim\nRUN useradd -m app\nUSER app\nWORKDIR /home/app\n"
        "RUN pip install --no-cache-dir flask && chmod +rx $HOME/.local\n"
        "RUN chown app /home/app/.cache\n",
        # a home from /etc/skel holds its dotfiles, not the directories programs make there
        id="ZA-a-home-holds-skel-s-dotfiles-only",
    ),
    pytest.param(
        "FROM rust:1.80\nRUN cargo install bindgen-cli"
        " && rm -rf /usr/local/cargo/registry/cache /usr/local/cargo/registry/src\n",
        # the crates and their sources go; the sparse index beside them is small
        id="ZA-cargo-s-crates-and-sources-removed",
    ),
    pytest.param(
        "FROM debian:12\nRUN wget -q -O - https://x/openmpi-1.10.3.tar.gz | tar -xzf -"
        " && cd openmpi-1.10.3 && ./configure && make install && rm -rf /openmpi-1.10.3\n"
        "RUN wget -qO- https://github.com/opencv/opencv/archive/3.1.0.tar.gz | tar -xzf -"
        " && rm -rf /opencv-3.1.0\n"
        "RUN wget -q -O - https://x/boost/download | tar -xzf - && cd boost_1_60_0"
        " && ./b2 install && rm -rf /boost_1_60_0\n"
        "RUN curl -sS https://x/patchelf-0.9.tar.bz2 | tar -C /tmp -xj && rm -rf /tmp/patchelf-*\n"
        "RUN mv /bin/sh /bin/sh.orig && ln -s /bin/bash /bin/sh && rm -f /tmp/x.tar.xz\n",
        # what a download piped to tar held is its top directory, which the RUN removes again
        # (named for the release, GitHub's REPO-TAG, or the one directory below / it removes)
        id="ZA-a-piped-extraction-taken-back-by-its-top",
    ),
    pytest.param(
        "FROM ubuntu:jammy\nARG PLATFORM=x86\nARG DEBS=false\nARG DISTRO=rolling\n"
        "RUN if test \\( ${PLATFORM} = x86 -a ${DEBS} = true \\); then apt-get update; fi\n"
        "RUN if test \\( ${DISTRO} = humble -o ${DISTRO} = jazzy \\); then apt-get update; fi\n",
        # test's -a, -o and parentheses, decided by the ARG defaults: neither branch runs
        id="ZA-a-compound-test-the-defaults-decide",
    ),
    pytest.param(
        "FROM ruby:3.4.6-slim\nENV BUNDLE_PATH=/usr/local/bundle/gems\n"
        "RUN gem update --system 3.6.9 && gem install bundler && rm -rf $GEM_HOME/cache/*\n",
        # BUNDLE_PATH is bundler's: gem install keeps its .gem files in GEM_HOME's cache
        id="ZA-gem-install-ignores-bundle-path",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN pip3 install --no-cache-dir"
        " $(pip3 install --help | grep -q break-system && echo --break-system-packages) ruff\n",
        # pip asked for its help installs nothing
        id="ZA-pip-help-installs-nothing",
    ),
    pytest.param(
        "FROM debian:12\nCOPY s6/ /etc/s6/\n"
        "RUN find /etc/s6 -type f -exec sed -i 's/\\r$//' {} + && chmod +x /etc/s6/01/run\n",
        # every file below was rewritten in this layer first: the chmod copies up nothing more
        id="ZA-a-chmod-after-find-sed-rewrote-the-files",
    ),
    pytest.param(
        "FROM python:3.11-bullseye\nENV UV_CACHE_DIR=/root/.cache/uv\nENV HOME=/home/ifrc\n"
        "RUN --mount=type=cache,target=$UV_CACHE_DIR uv sync --frozen\n",
        # the cache is where the variable puts it, below /root, whatever HOME says
        id="ZA-a-cache-a-variable-puts-below-root",
    ),
    pytest.param(
        'FROM debian:12\nARG EXTRA=""\nCOPY scripts /opt/loci/scripts\n'
        "ADD bindep.txt $EXTRA /opt/loci/\n",
        # an empty variable is no source (the lexer drops the word), not the whole context
        id="ZA-an-empty-argument-names-no-source",
    ),
    pytest.param(
        "FROM node:22-alpine\nWORKDIR /etc/logto\n"
        "RUN npm add --location=global pnpm@10 && npm cache clean --force\n"
        "RUN npm install --location global yarn && npm cache clean --force\nCOPY package.json .\n",
        # npm 8's --location=global installs globally: no package.json in the WORKDIR
        id="ZA-npm-location-global",
    ),
    pytest.param(
        "FROM node:10\nWORKDIR /app\nCOPY . .\n"
        "RUN curl -fsSLO https://nodejs.org/dist/v10/SHASUMS256.txt.asc"
        " && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc"
        " && rm SHASUMS256.txt.asc SHASUMS256.txt\n",
        # gpg --output writes the file the RUN then removes: its own, not the copy's
        id="ZA-gpg-output-is-the-run-s-own",
    ),
    pytest.param(
        "FROM centos:7\nRUN sed -i s/mirror/vault/g /etc/yum.repos.d/*.repo\n"
        "RUN curl -Ls https://x/c.repo | tee /etc/yum.repos.d/mono.repo && yum repolist"
        " && yum clean all && rm /etc/yum.repos.d/mono.repo\n",
        # the file this RUN wrote, not one the earlier wildcard edit may have matched
        id="ZA-a-file-the-run-wrote-over-an-earlier-wildcard",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN wget -q $CMAKE_URL && sh cmake-*.sh --prefix=/usr/local"
        " && rm -rf cmake-*.sh\n"
        "RUN wget -q https://x/igc-core_1.0_amd64.deb && dpkg -i *.deb && rm /*.deb\n",
        # a download of a name not shown, then a wildcard in its directory: what it names
        id="ZA-an-unnamed-download-its-wildcard-removes",
    ),
    # ZB: classes found in the eighteenth session, from the held-out sets' false alarms.
    pytest.param(
        "FROM centos:7\nRUN curl -sO https://x/presto-server.tar.gz"
        " && tar -zxf presto-server.tar.gz && rm presto-server.tar.gz\n"
        "RUN mv /etc/yum/protected.d/systemd.conf /etc/yum/protected.d/x.bak || true\n",
        # a failure allowed (`|| true`) says the author did not know the path is there, as a
        # test before it would: nothing below an archive unpacked at / is known to be
        id="ZB-a-failure-allowed-says-the-path-may-be-missing",
    ),
    pytest.param(
        "FROM alpine:3.19\nARG D=/opt/wso2\n"
        'RUN wget -O /root/m.jar "https://x/m.jar" && cp /root/m.jar ${D}/lib && rm /root/m.jar\n'
        'RUN find ${D}/lib -name "org.wso2.fs.*" -exec rm -rf {} \\;\n',
        # a file copied to a name without an extension lands in that directory by its own
        # name, which the find's -name does not match
        id="ZB-a-file-copied-into-a-directory-keeps-its-name",
    ),
    pytest.param(
        "FROM python:3.14-slim\nWORKDIR /opt/healthchecks\nRUN pip install --no-cache-dir -U pip\n"
        "COPY fetchstatus.py /opt/healthchecks/\n"
        "RUN rm -f /opt/healthchecks/hc/local_settings.py\n",
        # pip fills /opt only through an environment there, not an application's directory
        id="ZB-pip-does-not-fill-an-application-s-directory-in-opt",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nCOPY create_user.c /tmp/\n"
        'RUN gcc -DHOMEDIR=\\"/data/riotbuild\\" /tmp/create_user.c -o /usr/local/bin/create_user'
        " && chmod u+s /usr/local/bin/create_user\n",
        # the compiler's -o is the file the chmod changes, whatever o its other options hold
        id="ZB-a-compiler-s-output-beside-options-holding-an-o",
    ),
    pytest.param(
        "FROM perl:5.38\nRUN cpanm Math::CDF Math::Round && rm -rf /root/.cpanm/work/\n",
        # cpanm's work directory holds the sources and builds; a log and a link stay beside it
        id="ZB-cpanm-s-work-directory-removed",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN curl -o /tmp/a.tgz https://x/a.tgz && mkdir /opt/x"
        " && tar -C /opt/x -xzf /tmp/a.tgz && rm /tmp/a.tgz\nRUN rm -rf /opt/x/{docs,examples}\n",
        # /bin/sh reads a brace list as one name (bash as two): nothing below the tree is known
        # to be there by that name
        id="ZB-a-brace-list-names-one-path-to-the-shell",
    ),
    pytest.param(
        "FROM centos:7\nRUN yum install -y httpd mod_ssl && yum clean all\n"
        "RUN chmod 777 /etc/httpd/conf.d\n",
        # a `.d` is a directory of drop-in files: a chmod of it alone copies up its entry
        id="ZB-a-dot-d-directory-is-no-file",
    ),
    pytest.param(
        "ARG RUBY=2.6\nFROM instructure/ruby-passenger:2.6\nENV GEM_HOME /home/docker/.gem/$RUBY\n"
        "RUN bundle install && rm -rf $GEM_HOME/cache\n",
        # the variable's value is not known (RUBY is not declared in the stage; the base image
        # may set it), but it names the cache of this RUN's install all the same
        id="ZB-a-cache-removed-through-a-variable-of-unknown-value",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN cd /tmp && curl -Lo sccache.tar.gz"
        " https://x/sccache-v0.8.1-x86_64-unknown-linux-musl.tar.gz && tar -xzf sccache.tar.gz"
        " && mv sccache-v0.8.1-x86_64-unknown-linux-musl/sccache /usr/bin/sccache"
        " && rm -rf sccache.tar.gz sccache-v0.8.1-x86_64-unknown-linux-musl\nRUN rm -rf /tmp/*\n",
        # the archive's top is one entry: removed under the release's name, it is not also
        # left under the file's
        id="ZB-an-archive-s-top-removed-under-one-of-its-names",
    ),
    pytest.param(
        "FROM centos:7\nRUN yum -y install yum-utils rpm-build && yum clean all\n"
        "COPY tmux.spec /root/rpmbuild/SPECS/tmux.spec\nCOPY x.src.rpm /root/\n"
        "RUN yum-builddep -y /root/rpmbuild/SPECS/tmux.spec && yum clean all\n"
        "RUN dnf builddep -y /root/x.src.rpm && dnf clean all\n",
        # a spec file or source package is read for the build dependencies installed: it is
        # not unpacked (held out 160)
        id="ZC-builddep-reads-a-spec-file",
    ),
]


@pytest.mark.parametrize("dockerfile", CLEAN)
def test_clean(found: Callable[[str], list[tuple[int, str]]], dockerfile: str) -> None:
    assert found(dockerfile) == []


FLAGGED = [
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y gcc make"
        " && rm -rf /var/lib/apt/lists/*\n"
        'RUN apt-mark auto ".*" > /dev/null && apt-get purge -y --auto-remove\n'
        "RUN dpkg -l | awk '/^ii/ {print $2}' | grep dev | xargs apt-get purge -y\n",
        [(3, "LG003"), (4, "LG003")],  # (a review) packages apt-mark or the pipe names
        id="C-purges-whose-packages-apt-mark-or-a-pipe-names",
    ),
    pytest.param(
        "FROM debian:12\nWORKDIR /src\nCOPY . .\nRUN make && tar -xzf deps/lib.tar.gz -C /opt\n",
        [(3, "LG006")],  # (a review) a build in the copied tree itself makes no archive there
        id="G-a-build-in-the-copied-tree-beside-its-archive",
    ),
    pytest.param(
        "FROM debian:12\nWORKDIR /src\nCOPY . .\n"
        "RUN wget www.crates.io/api/v1/crates/prost/0.7.0/download\n"
        "RUN tar -xzf download && rm download\n",
        # (held out 237) wget takes an address without its scheme: the file it saved is the
        # one unpacked and removed, not one the copied tree may hold
        [(5, "LG003")],
        id="J-wget-of-an-address-without-a-scheme",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nCOPY files /tmp\nWORKDIR /opt\n"
        "RUN tar -xJf /tmp/factorio_headless.tar.xz\n"
        "RUN useradd factorio\nRUN chown -R factorio /opt/factorio\nRUN chown factorio /opt/x\n",
        [(2, "LG006"), (6, "LG004")],  # (held out 230) the archive's top, below where it went
        id="A-a-recursive-chown-of-what-a-tar-unpacked-below-its-directory",
    ),
    pytest.param(
        "FROM debian:12\nCOPY app.tar.gz /src/\nRUN cd /src && make && tar -xzf app.tar.gz\n",
        [(2, "LG006")],  # a build in the directory does not make the archive copied by name
        id="G-an-archive-copied-by-name-beside-a-build",
    ),
    pytest.param(
        "FROM php:8.2-apache\nCOPY --chown=www-data settings.php /var/www/html/settings.php\n"
        "RUN usermod -u 1000 www-data\n",
        [(3, "LG004")],  # a new uid re-owns what a COPY gave the user
        id="Z-usermod-re-owns-what-a-copy-gave-the-user",
    ),
    # B: only the archive the COPY wrote is an earlier layer's; Disk1 came from the jar.
    pytest.param(
        "FROM debian\nCOPY installer.zip /u01/\n"
        "RUN cd /u01 && jar xf installer.zip && chmod -R +x /u01/Disk1"
        " && rm -rf /u01/Disk1 installer.zip\n",
        [(2, "LG006"), (3, "LG003")],
        id="B-jar-extract-own-files",
    ),
    # B: the .gem fetched and removed in one RUN is its own; the gem cache it keeps is LG005.
    pytest.param(
        "FROM ruby\nRUN gem fetch rails -v 7.1.0 && gem install --local rails-7.1.0.gem"
        " && rm -f rails-7.1.0.gem\n",
        [(2, "LG005")],
        id="B-gem-fetch-own-file",
    ),
    # E. A removal of what an earlier layer wrote, whatever else the RUN did there.
    pytest.param(
        "FROM debian\nCOPY vendor/ /opt/vendor/\n"
        "RUN make -C /opt/vendor install && rm -rf /opt/vendor\n",
        [(3, "LG003")],
        id="E-build-then-remove-sources",
    ),
    pytest.param(
        "FROM debian\nCOPY vendor/ /opt/vendor/\nRUN <<EOF\nmake -C /opt/vendor install\n"
        "rm -rf /opt/vendor\nEOF\n",
        [(3, "LG003")],
        id="E-heredoc",
    ),
    # F. mv of one file does not hide a chown over everything else.
    pytest.param(
        "FROM debian\nCOPY installer.zip init.sh /u01/\n"
        "RUN mv /u01/init.sh /u01/oracle/ && chown oracle -R /u01\n",
        [(3, "LG003"), (3, "LG004")],
        id="F-mv-then-chown",
    ),
    # G. Extractors, and ADD of a zip (ADD unpacks only local tars).
    pytest.param(
        "FROM debian\nCOPY app.zip /opt/\nRUN cd /opt && unzip app.zip && rm app.zip\n",
        [(2, "LG006"), (3, "LG003")],
        id="G-unzip-in-place",
    ),
    pytest.param(
        "FROM debian\nCOPY app.tar.gz /opt/\nRUN cd /opt && tar xzf app.tar.gz\n",
        [(2, "LG006")],
        id="G-tar-without-C",
    ),
    pytest.param(
        "FROM debian\nCOPY app.7z /opt/\nRUN 7z x /opt/app.7z -o/srv\n", [(2, "LG006")], id="G-7z"
    ),
    pytest.param(
        "FROM debian\nCOPY app.tgz /opt/\nRUN bsdtar -xf /opt/app.tgz -C /srv\n",
        [(2, "LG006")],
        id="G-bsdtar",
    ),
    pytest.param(
        "FROM debian\nADD local.zip /tmp/\nRUN unzip /tmp/local.zip -d /srv\n"
        "RUN rm /tmp/local.zip\n",
        [(2, "LG006"), (4, "LG003")],
        id="G-add-zip",
    ),
    pytest.param(
        "FROM debian\nRUN mkdir -p /opt/x\nCOPY deps.tar.gz /opt/x\n"
        "RUN cd /opt/x && gunzip deps.tar.gz && tar -xf deps.tar\n",
        [(3, "LG006"), (4, "LG003")],
        id="G-gunzip-replaces-the-archive-copied-into-a-made-directory",
    ),
    # H. A loop over a glob.
    pytest.param(
        "FROM debian\nCOPY p1.zip p2.zip /u01/\n"
        "RUN for f in /u01/p*.zip; do unzip -o $f -d /opt; rm -f $f; done\n",
        [(2, "LG006"), (3, "LG003")],
        id="H-for-loop",
    ),
    # I. Package managers beyond apt/apk/pip/npm.
    pytest.param(
        "FROM continuumio/miniconda3\nRUN conda install -y numpy\n", [(2, "LG005")], id="I-conda"
    ),
    pytest.param("FROM python\nRUN uv pip install --system flask\n", [(2, "LG005")], id="I-uv"),
    pytest.param("FROM python\nRUN poetry install --no-root\n", [(2, "LG005")], id="I-poetry"),
    pytest.param("FROM node\nRUN pnpm install --frozen-lockfile\n", [(2, "LG005")], id="I-pnpm"),
    pytest.param("FROM ruby\nRUN gem install rails\n", [(2, "LG005")], id="I-gem"),
    pytest.param("FROM composer\nRUN composer install --no-dev\n", [(2, "LG005")], id="I-composer"),
    pytest.param("FROM rust\nRUN cargo install ripgrep\n", [(2, "LG005")], id="I-cargo"),
    pytest.param(
        "FROM golang\nRUN go install golang.org/x/tools/gopls@latest\n", [(2, "LG005")], id="I-go"
    ),
    # J. Classes found by labelling (accuracy/, 2026-11-30).
    pytest.param(
        "FROM mcr.microsoft.com/mssql/server\nRUN setcap cap_net_bind_service+ep /opt/mssql/bin/x\n"
        "RUN chmod +x /usr/local/bin/docker-entrypoint.sh\n",
        [(2, "LG004"), (3, "LG004")],
        id="J-setcap-and-chmod-x-copy-up-a-base-program",
    ),
    pytest.param(
        "FROM debian\nENV HOME=/home/sel\nRUN useradd sel --create-home --uid 1200\n"
        "RUN useradd -ms /bin/bash docker\nRUN chown -R sel $HOME /home/docker\n",
        [(5, "LG004")],
        id="J-useradd-options-before-and-after-the-name",
    ),
    pytest.param(
        "FROM ubuntu:20.04\nRUN apt-get update && apt-get install -y curl"
        " && rm -rf /var/lib/apt/lists/* /usr/share/doc/*\n",
        [(2, "LG003")],
        id="J-base-docs-removed-after-an-install",
    ),
    pytest.param(
        "FROM python\nWORKDIR /app\nCOPY . ./\nRUN find . -type d -name .git | xargs rm -rf\n"
        "RUN chown -R app /app\n",
        [(4, "LG003"), (5, "LG004")],
        id="J-find-piped-to-xargs-rm-removes-part-of-a-tree",
    ),
    pytest.param(
        "FROM mcr.microsoft.com/vscode/devcontainers/python:0-3.10\n"
        "COPY meta.env /usr/local/etc/vscode-dev-containers\n"
        "RUN chown vscode:vscode -R /home/vscode/\n",
        [(2, "LG002"), (3, "LG004")],
        id="J-what-devcontainers-images-hold",
    ),
    pytest.param(
        "FROM debian\nRUN apt-get update && apt-get install -y mysql-server"
        " && rm -rf /var/lib/apt/lists/*\nRUN chmod -R ugo+wx /var/log\n",
        [(3, "LG004")],
        id="J-installs-log-in-var-log",
    ),
    pytest.param(
        "FROM ruby:3.3\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install\n",
        [(4, "LG005")],
        id="J-bundle-install-keeps-the-gems-it-downloaded",
    ),
    pytest.param(
        "FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps gcc musl-dev\n"
        "RUN apk add --no-cache curl\nRUN apk del .deps\nRUN apk del curl\n"
        "RUN apk del $(cat /packages)\n",
        [(4, "LG003"), (5, "LG003"), (6, "LG003")],
        id="J-purge-of-what-an-install-named",
    ),
    pytest.param(
        "FROM python:3-bullseye\nRUN apt-get purge -y imagemagick imagemagick-6-common\n",
        [(2, "LG003")],
        id="J-purge-of-a-full-base-image-package",
    ),
    pytest.param(
        "FROM debian\nWORKDIR /opt/tomcat\nRUN curl -fsSLO https://x/apache-tomcat-9.0.74.tar.gz"
        " && tar xzf apache-tomcat-9.0.74.tar.gz && rm apache-tomcat-9.0.74.tar.gz\n"
        "RUN mv apache-tomcat-9.0.74/* /opt/tomcat\n",
        [(4, "LG003")],
        id="J-mv-of-what-an-archive-held-at-its-top",
    ),
    pytest.param(
        "FROM debian\nWORKDIR /root\nRUN tar cf phantomjs.tar phantomjs\n"
        "RUN bzip2 -9 phantomjs.tar\n",
        [(4, "LG003")],
        id="J-bzip2-replaces-its-input",
    ),
    pytest.param(
        "FROM debian\nWORKDIR /tmp/install\nRUN wget $WEBLOGIC_URL\n"
        "RUN java -jar /tmp/install/wls.jar ORACLE_HOME=/opt/oracle\nRUN rm -rf /tmp/install\n",
        [(5, "LG003")],
        id="J-wget-of-a-url-from-a-variable",
    ),
    pytest.param(
        "FROM php:8.4-apache\nWORKDIR /var/www/html\nRUN php composer.phar install\n"
        "RUN curl -fsSL https://get.docker.com | sh\n",
        [(3, "LG005"), (4, "LG005")],
        id="J-composer-phar-and-vendor-install-scripts",
    ),
    pytest.param(
        "FROM quay.io/jupyter/minimal-notebook:2025-01-01\n"
        "RUN conda update --quiet --file /tmp/conda-linux-64.lock\nRUN conda clean --all -y -f\n"
        'RUN fix-permissions "${CONDA_DIR}"\n',
        [(2, "LG005"), (3, "LG003"), (4, "LG004")],
        id="J-env-of-a-well-known-base-and-fix-permissions-after-an-install",
    ),
    pytest.param(
        "FROM openjdk:8-jdk-alpine\nARG JAR_FILE=build/libs/*.jar\nCOPY ${JAR_FILE} app.jar\n"
        "COPY target/my-app.jar app.jar\n",
        [(4, "LG002")],
        id="J-one-file-written-twice",
    ),
    pytest.param(
        "FROM php:8.4-apache\nWORKDIR /var/www/html\nRUN cp .env.example .env\n"
        "COPY env.production .env\n",
        [(4, "LG002")],
        id="J-cp-to-a-dotfile",
    ),
    pytest.param(
        "FROM kong:3.9\nCOPY --from=build /docker-entrypoint.sh /\n"
        "FROM postgres:17\nCOPY docker-entrypoint.sh /usr/local/bin/\n",
        [(4, "LG002")],
        id="J-entrypoint-an-official-image-ships",
    ),
    pytest.param(
        'FROM debian\nARG USER_UID\nRUN if [ "$USER_UID" != "1000" ]; then'
        " chown -R $USER_UID /usr/lib; fi\n",
        [(3, "LG004")],
        id="J-a-branch-no-default-decides",
    ),
    pytest.param(
        "FROM node:24-alpine\nWORKDIR /src\nRUN yarn workspaces focus --all --production\n"
        "RUN node /tmp/package/bin/npm-cli.js install -g /tmp/npm.tgz\n",
        [(3, "LG005"), (4, "LG005")],
        id="J-yarn-berry-focus-and-npm-cli-js-install",
    ),
    pytest.param(
        "FROM ubi9/s2i-base:1\nRUN python3.12 -m venv /tmp/v\nRUN chown -R 1001:0 ${APP_ROOT}\n",
        [(3, "LG004")],
        id="J-s2i-app-root",
    ),
    pytest.param(
        "FROM debian\nRUN apt-get update && apt-get install -y curl"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*"
        " && truncate --size 0 /var/log/*log\n",
        [(3, "LG003")],
        id="J-truncate-empties-earlier-logs",
    ),
    pytest.param(
        "FROM python:3.12-slim AS base\nFROM base AS deps\nRUN pip install --no-cache-dir x\n"
        "FROM base\nCOPY --from=deps /usr/local/lib /usr/local/lib\n",
        [(5, "LG002")],
        id="J-a-builder-copies-back-the-parent-of-the-runtime",
    ),
    pytest.param(
        "FROM python:3.12\nCOPY ./dist/*-manylinux*.whl /tmp/\n"
        "RUN pip install --no-cache-dir /tmp/*manylinux1_x86_64*.whl\n",
        [(2, "LG006")],
        id="J-two-globs-that-meet",
    ),
    pytest.param(
        "FROM ubuntu:20.04\nRUN apt-get update && apt-get install -y imagemagick"
        " && gem install bundler && rm -rf /var/cache && rm -rf /var/lib/apt/lists/*\n",
        [(2, "LG003"), (2, "LG005")],
        id="J-var-cache-holds-debconf-and-is-no-gem-cache",
    ),
    pytest.param(
        "FROM ruby:3.3 AS deps\nCOPY Gemfile Gemfile.lock /opt/app/\nRUN bundle install"
        " && rm -rf /usr/local/bundle/cache\nFROM ruby:3.3\nCOPY . /opt/app\n"
        "COPY --from=deps /opt/app /opt/app\n",
        [(6, "LG002")],
        id="J-a-stage-brings-back-what-it-copied-from-the-context",
    ),
    pytest.param(
        "FROM python:3.12\nWORKDIR /app\nCOPY . .\nCOPY requirements.txt ./\n",
        [(4, "LG002")],
        id="J-a-file-copied-after-the-tree-that-held-it",
    ),
    pytest.param(
        "FROM debian\nRUN apt-get update && apt-get install -y cron"
        " && rm -rf /var/lib/apt/lists/*\nRUN chmod u+s /usr/sbin/cron\n"
        "RUN pip2.7 install supervisor\n",
        [(3, "LG004"), (4, "LG005")],
        id="J-a-program-in-a-bin-directory-and-versioned-pip",
    ),
    pytest.param(
        "FROM debian\nRUN apt-get update && apt-get install -y cron"
        " && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /etc/cron.*/*\n",
        [(3, "LG003")],
        id="J-a-glob-directory-named-for-the-package",
    ),
    pytest.param(
        "FROM alpine:3.20\nRUN apk add --no-cache nginx supervisor vsftpd\n"
        "COPY vsftpd.conf /etc/vsftpd/vsftpd.conf\nCOPY site.conf /etc/nginx/http.d/site.conf\n"
        "COPY supervisord.conf /etc/supervisor/supervisord.conf\n",
        [(3, "LG002")],
        id="J-the-config-files-an-alpine-package-ships",
    ),
    pytest.param(
        "FROM centos:7\nRUN yum install -y httpd && yum clean all\n"
        "COPY httpd.conf /etc/httpd/httpd.conf\nCOPY httpd.conf /etc/httpd/conf/httpd.conf\n",
        [(4, "LG002")],
        id="J-the-config-file-a-rhel-package-ships",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nENV CONDA_DIR=/opt/conda\n"
        "RUN wget -q https://x/Miniforge3-Linux-x86_64.sh -O /tmp/miniforge.sh"
        " && /bin/bash /tmp/miniforge.sh -b -p ${CONDA_DIR} && rm /tmp/miniforge.sh\n"
        "RUN useradd -m conda && chown -R conda:conda /opt\n",
        [(3, "LG005"), (4, "LG004")],  # (and keeps what it unpacked in pkgs/)
        id="J-a-conda-installer-fills-its-prefix",
    ),
    # K: classes found after the fifth held-out set, from the sets' misses.
    pytest.param(
        "FROM debian\nADD passwd /root/.vnc/passwd\nRUN chmod 600 /root/.vnc/passwd\n"
        "COPY conf/ /etc/app/\nRUN chmod 750 /etc/app\nRUN chmod 644 /etc/hostname\n",
        [(3, "LG004")],
        id="K-a-file-mode-says-a-file",
    ),
    pytest.param(
        "FROM alpine AS get\nRUN mkdir /tmp/src && wget -O /tmp/x.zip https://e.com/x.zip"
        " && unzip /tmp/x.zip -d /tmp/src\n"
        "FROM debian\nCOPY --from=get /tmp/src /tmp/src\n"
        "RUN curl -o /tmp/y.tgz https://e.com/y.tgz && tar -C /srv -xzf /tmp/y.tgz\n"
        "RUN mkdir -p /tmp/src/defaults && mv /tmp/src/upload /tmp/src/defaults/\n"
        "RUN mv /srv/data /data\n",
        [(6, "LG003")],
        id="K-mv-inside-a-copied-tree",
    ),
    pytest.param(
        "FROM mcr.microsoft.com/devcontainers/python:3.12\nRUN pipx uninstall mypy\n"
        "RUN pipx install ruff && pipx uninstall ruff\n",
        # (the uninstall leaves what the install's pip downloaded in its cache)
        [(2, "LG003"), (3, "LG005")],
        id="K-pipx-uninstall-of-what-the-base-installed",
    ),
    pytest.param(
        "FROM tomcat:10-jdk21\nCOPY server.xml conf/\nCOPY app.war webapps/ROOT.war\n",
        [(2, "LG002")],
        id="K-the-config-a-server-image-ships-tomcat",
    ),
    pytest.param(
        "FROM prom/prometheus:v2.53.0\nCOPY prometheus.yml /etc/prometheus/\n"
        "COPY rules.yml /etc/prometheus/\n",
        [(2, "LG002")],
        id="K-the-config-a-server-image-ships-prometheus",
    ),
    pytest.param(
        "FROM pytorch/torchserve:latest-gpu\nCOPY config.properties config.properties\n",
        [(2, "LG002")],
        id="K-a-file-in-the-workdir-a-vendor-image-sets",
    ),
    pytest.param(
        "FROM docker:27-cli\nCOPY dockerd-entrypoint.sh /usr/local/bin/\n",
        [],
        id="K-only-the-dind-tags-hold-dockerd-entrypoint",
    ),
    pytest.param(
        "FROM mariadb:11.4\nCOPY my.cnf /etc/mysql/my.cnf\nCOPY odoo.conf /etc/odoo/odoo.conf\n"
        "COPY alertmanager.yml /etc/alertmanager/alertmanager.yml\n",
        [],
        id="K-only-what-every-tag-holds-a-symlink-is-no-file",
    ),
    pytest.param(
        'FROM quay.io/jupyter/pyspark-notebook\nRUN fix-permissions "${SPARK_HOME}/R/lib"\n'
        'RUN fix-permissions "${CONDA_DIR}" && fix-permissions /home/jovyan\n',
        [(2, "LG004")],
        id="K-fix-permissions-over-a-tree-the-base-never-fixed",
    ),
    # M: classes from the sixth held-out set's misses and false alarms (after its blind run).
    pytest.param(
        "FROM ubuntu:20.04 AS builder\nRUN mkdir /usr/share/elasticsearch && curl -o"
        " /usr/share/elasticsearch/es.tgz https://x/es.tgz\nFROM ubuntu:20.04\n"
        "COPY --from=builder /usr/share/elasticsearch /usr/share/elasticsearch\n",
        [],
        id="M-a-builders-own-directory-in-a-distribution-tree",
    ),
    pytest.param(
        "FROM debian:12 AS builder\nRUN apt-get update && apt-get install -y libpq5\n"
        "FROM debian:12\nCOPY --from=builder /usr/lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu\n",
        [(4, "LG002")],
        id="M-a-distribution-tree-copied-back-from-a-builder",
    ),
    pytest.param(
        "FROM debian AS conda\nRUN curl -o /tmp/miniforge.sh https://x/Miniforge3.sh"
        " && bash /tmp/miniforge.sh -b -p /opt/conda && rm /tmp/miniforge.sh\n"
        "FROM conda AS b\nRUN /opt/conda/bin/pip install --no-cache-dir torch\n"
        "FROM debian\nCOPY --from=conda /opt/conda /opt/conda\n"
        "COPY --from=b /opt/conda /opt/conda\nCOPY --from=0 /opt/conda /opt/conda\n",
        # (and the installer's pkgs/, which the copies carry: LG005 on its RUN)
        [(2, "LG005"), (7, "LG002"), (8, "LG002")],
        id="M-one-directory-from-a-stage-and-one-grown-from-it",
    ),
    pytest.param(
        "FROM ruby:3.3 AS pre\nWORKDIR /app\nCOPY . .\nRUN git rev-parse HEAD > .git_sha\n"
        "FROM ruby:3.3\nCOPY --from=pre /app /app\nCOPY --from=pre /app/.git_sha /app/.git_sha\n"
        "COPY root/ /\nCOPY root/opt/wheels /opt/wheels\n",
        [(7, "LG002")],
        id="M-a-file-copied-again-from-the-tree-copied-before",
    ),
    pytest.param(
        "FROM debian AS conda\nRUN curl -o /tmp/miniforge.sh https://x/Miniforge3.sh"
        " && bash /tmp/miniforge.sh -b -p /opt/conda && rm /tmp/miniforge.sh\n"
        "FROM conda AS build\nRUN /opt/conda/bin/pip install --no-cache-dir torch\n"
        "FROM conda AS installs\nRUN /opt/conda/bin/conda install -y numpy && /opt/conda/bin/conda"
        " clean -afy\nFROM debian AS tini\nRUN mkdir /build && cp /bin/true /build/tini\n"
        "FROM debian AS runc\nRUN mkdir /build && cp /bin/true /build/runc\n"
        "FROM debian\nCOPY --from=installs /opt/conda /opt/conda\n"
        "COPY --from=build /opt/conda /opt/conda\nCOPY --from=tini /build/ /usr/local/bin/\n"
        "COPY --from=runc /build/ /usr/local/bin/\n",
        # (build's /opt/conda carries the installer's pkgs/; installs' was cleaned)
        [(2, "LG005"), (13, "LG002")],
        id="M-one-directory-from-two-stages-of-a-common-one",
    ),
    pytest.param(
        "FROM node:20 AS base\nWORKDIR /app\nRUN mkdir -p /out\nFROM base AS a\n"
        "RUN echo a > a.txt\nFROM base AS b\nRUN echo b > b.txt\nFROM node:20-slim\n"
        "COPY --from=a /app /app\nCOPY --from=b /app /app\n"
        "COPY --from=a /out /out\nCOPY --from=b /out /out\n",
        [],
        id="M-two-stages-of-a-common-one-that-made-the-directory-only",
    ),
    pytest.param(
        "FROM python:3.12 AS base\nRUN python -m venv /opt/venv"
        " && /opt/venv/bin/pip install --no-cache-dir -U pip wheel\n"
        "FROM base AS deps\nRUN /opt/venv/bin/pip install --no-cache-dir flask\n"
        "FROM base AS tools\nRUN /opt/venv/bin/pip install --no-cache-dir awscli\n"
        "FROM python:3.12-slim\nCOPY --from=deps /opt/venv /opt/venv\n"
        "COPY --from=tools /opt/venv /opt/venv\nRUN uv venv /opt/uv && rm -rf /opt/uv/lib\n",
        [(9, "LG002")],
        id="M-a-virtual-environment-holds-files",
    ),
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y syslog-ng-core sudo cron"
        " && rm -rf /var/lib/apt/lists/*\nCOPY syslog-ng.conf /etc/syslog-ng/syslog-ng.conf\n"
        "COPY sudoers /etc/sudoers\nCOPY app.cron /etc/cron.d/app\n",
        [(3, "LG002"), (4, "LG002")],
        id="M-the-config-files-more-debian-packages-ship",
    ),
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y supervisor"
        " && rm /etc/supervisor/supervisord.conf && rm -rf /var/lib/apt/lists/*\n"
        "COPY supervisord.conf /etc/supervisor/supervisord.conf\n"
        "RUN apt-get update && apt-get install -y --download-only nginx"
        " && rm -rf /var/lib/apt/lists/*\nCOPY nginx.conf /etc/nginx/nginx.conf\n"
        "RUN apt-get update && apt-get install -y haproxy && rm -rf /var/lib/apt/lists/*\n"
        "COPY haproxy.cfg /etc/haproxy/haproxy.cfg\n",
        [(7, "LG002")],
        id="M-a-package-config-the-install-did-not-leave",
    ),
    pytest.param(
        "FROM debian:12\nCOPY --from=busybox:musl /bin/busybox /busybox/busybox\n"
        'RUN ["/busybox/busybox", "sh", "-c", "if [ ! -x \\"$(command -v bash)\\" ]; then'
        ' /busybox/busybox --install /bin; else rm /busybox/busybox; fi"]\n',
        [(3, "LG003")],
        id="M-busybox-runs-its-own-shell",
    ),
    pytest.param(
        "FROM centos:7\nRUN yum install -y Percona-Server-server-57 nginx && yum clean all\n"
        "RUN chown -R mysql /etc/percona-server.cnf /etc/percona-server.conf.d\n"
        "RUN rm -rf /etc/nginx\nRUN chown -R app /etc/my-app.conf.d /opt/python\n",
        [(3, "LG004"), (4, "LG003")],
        id="M-a-package-own-config-in-etc-by-its-name",
    ),
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y nginx apt-transport-https"
        " ssl-cert && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm -rf /etc/nginx/sites-enabled /etc/nginx/modules-enabled\n"
        "RUN rm -f /etc/apt/apt.conf.d/docker-clean && rm -rf /etc/ssl/private\n",
        [],
        id="M-symlink-directories-and-etc-the-system-shares",
    ),
    pytest.param(
        "FROM centos:7\nRUN yum install -y Percona-Server-server-57 && yum clean all\n"
        "RUN chmod 644 /etc/percona-server.cnf\nRUN chmod 644 /etc/hosts.allow\n",
        [(3, "LG004")],
        id="M-chmod-of-a-package-own-file-in-etc",
    ),
    pytest.param(
        "FROM python:3.12\nWORKDIR /src\nCOPY . .\nRUN poetry build && mv dist /dist\n"
        "RUN pip wheel --no-cache-dir -w wheelhouse . && mv wheelhouse /wheels\n"
        "RUN mv src/old.py /old.py\n",
        [(6, "LG003")],
        id="M-mv-of-what-poetry-build-or-pip-wheel-made",
    ),
    pytest.param(
        "FROM python:3.12\nRUN git clone https://github.com/ultralytics/ultralytics"
        " /usr/src/ultralytics\nWORKDIR /usr/src/ultralytics\nCOPY requirements.txt .\n"
        "COPY settings.local.py ultralytics/\n",
        [(4, "LG002")],
        id="M-a-manifest-over-a-cloned-repository",
    ),
    pytest.param(
        "FROM python:3.12\nRUN git clone --depth 1 -b main https://github.com/x/proj /app\n"
        "WORKDIR /app\nCOPY requirements.txt .\n"
        "RUN git clone --bare https://github.com/x/site /srv/site\nCOPY package.json /srv/site/\n"
        "RUN git -c http.sslVerify=false clone --branch v1 https://github.com/x/tool\n"
        "RUN rm -rf /app/.git tool/.git\n",
        [(4, "LG002"), (8, "LG003")],
        id="M-git-clone-options-and-a-clone-without-a-working-tree",
    ),
    pytest.param(
        "FROM python:3.11-slim\nRUN git clone --depth 1 https://github.com/x/fasttext"
        " /opt/fasttext && pip install --no-cache-dir /opt/fasttext && rm -rf /opt/fasttext\n"
        "WORKDIR /opt/fasttext\nCOPY requirements.txt .\n",
        [],
        id="M-a-clone-the-same-run-removed",
    ),
    pytest.param(
        "FROM node:20\nWORKDIR /src\nRUN git -C /opt clone https://github.com/x/proj\n"
        "COPY package.json /src/proj/\nCOPY package.json /opt/proj/\n"
        "RUN yarn --cwd /src install && rm -rf /src/tmp/x.log\n",
        [(5, "LG002"), (6, "LG005")],  # (yarn --cwd DIR install installs: its cache stays)
        id="M-git-runs-where-C-says",
    ),
    # N: classes from the seventh held-out set (after its blind run).
    pytest.param(
        "FROM debian:12\nRUN rm -rf /usr/share/doc/* /usr/share/man/*\n"
        "RUN apt-get update && apt-get install -y php-cli && rm -rf /var/lib/apt/lists/*"
        " /usr/share/doc/* /usr/share/man/*\n",
        [(2, "LG003")],
        id="N-base-docs-an-earlier-layer-removed-are-gone",
    ),
    pytest.param(
        "FROM registry.access.redhat.com/ubi8/nodejs-16\nUSER root\nRUN yum update -y"
        " && yum clean all\nWORKDIR /usr/src/app\nRUN chown -R 1001:0 /usr/src/app\n",
        [],
        id="N-a-workdir-made-after-an-install-is-the-builds",
    ),
    pytest.param(
        "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y build-essential"
        " gcc-12 && rm -rf /var/lib/apt/lists/*\nRUN rm /usr/bin/gcc"
        " && ln -s /usr/bin/gcc-12 /usr/bin/gcc\nRUN rm -rf /usr/lib/gcc\n",
        [(4, "LG003")],
        id="N-a-link-debian-installs-for-a-command",
    ),
    pytest.param(
        "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install\nRUN npm ci\n"
        "RUN npm install express && npm cache clean --force\nCOPY package.json .\n",
        [(4, "LG005"), (5, "LG003"), (5, "LG005"), (6, "LG003"), (7, "LG002")],
        id="N-npm-ci-deletes-node-modules-and-npm-install-x-writes-package-json",
    ),
    pytest.param(
        "FROM debian\nCOPY app /app\nRUN find /app ! -type d -exec chmod 644 {} +\n"
        "RUN find /app -type f -print -o -type d -exec chmod 755 {} +\n"
        "RUN find /app -name '*.pyc' -delete -o -type f -print\nRUN chmod \u00b200 /etc/x\n",
        [(3, "LG004"), (5, "LG003")],
        id="N-only-the-find-alternatives-that-act",
    ),
    pytest.param(
        "FROM php:8.2\nCOPY composer.phar /app/\nWORKDIR /app\nRUN ./composer.phar install\n",
        [(4, "LG005")],
        id="N-composer-phar-run-as-a-program",
    ),
    pytest.param(
        "FROM python:3.12\nCOPY instantclient/* /tmp/\n"
        "RUN unzip '/tmp/instantclient*.zip' -d /opt/oracle\n"
        "FROM opensearchproject/opensearch:2\nCOPY --from=0 /tmp/plugin.zip /\n"
        "RUN opensearch-plugin install --batch file:///plugin.zip\n",
        [(5, "LG006")],
        id="N-a-plugin-installer-unpacks-its-zip",
    ),
    pytest.param(
        "FROM composer:2\nRUN composer create-project sylius/sylius-standard /app"
        " && composer clear-cache\nWORKDIR /app\nRUN composer install --no-dev\n",
        # (the project's dependencies are there already: held out 308)
        [],
        id="N-composer-install-after-create-project-fetches-nothing",
    ),
    pytest.param(
        "FROM composer:2\nRUN composer global require drush/drush:^8.0 --no-update\n"
        "RUN composer global update\n",
        # (the require only edits composer.json; the update fetches: held out 296)
        [(3, "LG005")],
        id="N-composer-require-no-update-fetches-nothing",
    ),
    pytest.param(
        "FROM ruby:3.3\n"
        "RUN curl -s https://packagecloud.io/install/repositories/sensu/community/script.gem.sh"
        " | bash\n"
        "RUN curl -s https://packagecloud.io/install/repositories/github/git-lfs/script.deb.sh"
        " | bash\n",
        # (only the apt script updates apt's lists: held out 293)
        [(3, "LG005")],
        id="N-packagecloud-s-gem-script-touches-no-apt-lists",
    ),
    pytest.param(
        "FROM opensearchproject/opensearch:2.14.0\nCOPY build/ubi-0.0.11.zip /tmp/\n"
        "RUN /usr/share/opensearch/bin/opensearch-plugin install file:/tmp/ubi-0.0.11.zip\n",
        # (a file: URL with one slash, held out 290)
        [(2, "LG006")],
        id="N-a-plugin-installer-unpacks-a-file-url",
    ),
    pytest.param(
        "FROM docker.elastic.co/logstash/logstash:8.13.0\nCOPY offline.zip /tmp/\n"
        "RUN bin/logstash-plugin install file:///tmp/offline.zip\n",
        [(2, "LG006")],
        id="N-logstash-installs-an-offline-pack",
    ),
    pytest.param(
        "FROM elasticsearch:2.4\nCOPY head.zip /tmp/\n"
        "RUN bin/plugin install file:///tmp/head.zip\n",
        [(2, "LG006")],
        id="N-elasticsearch-2-plugin-installs-a-zip",
    ),
    pytest.param(
        "FROM elasticsearch:2.4\nCOPY head.zip /tmp/\n"
        "RUN bin/plugin install mobz/elasticsearch-head\n",
        [],  # (a plugin named is fetched: the copied zip is not unpacked)
        id="N-a-plugin-named-is-fetched",
    ),
    pytest.param(
        "FROM python:3.12\nCOPY instantclient/* /tmp/\n"
        "RUN unzip '/tmp/instantclient*.zip' -d /opt/oracle\n",
        [(2, "LG006")],
        id="N-an-archive-a-copied-glob-brought",
    ),
    pytest.param(
        "FROM php:8.2-apache\nCOPY composer.json /var/www/html/\nRUN composer install\n"
        "RUN rm composer.lock\n",
        # composer writes its lock file where none was (held out 31)
        [(3, "LG005"), (4, "LG003")],
        id="Y-composer-writes-its-lock-file",
    ),
    pytest.param(
        "FROM php:8.2-apache\nCOPY composer.json /var/www/html/\nRUN rm composer.json\n",
        # php's web server variants work in /var/www/html (held out 31)
        [(3, "LG003")],
        id="Y-php-s-web-server-images-work-in-var-www-html",
    ),
    pytest.param(
        "FROM php:8.2-cli\nCOPY composer.json /var/www/html/\nRUN rm composer.json\n",
        [],  # (its CLI ones at /)
        id="Y-php-s-cli-images-work-at-the-root",
    ),
    pytest.param(
        "FROM debian:12 AS base\nRUN apt-get update && apt-get install -y python3.11 ruby-full"
        " nodejs && rm -rf /var/lib/apt/lists/*\nFROM base AS build\nRUN pip install numpy\n"
        "FROM base\nCOPY --from=build /usr/lib/python3.11/site-packages/numpy"
        " /usr/lib/python3.11/site-packages/numpy\n"
        "COPY --from=build /usr/lib/ruby /usr/lib/ruby\n"
        "COPY --from=build /usr/lib/node_modules /usr/lib/node_modules\n"
        "COPY --from=build /usr/lib/python3.11 /usr/lib/python3.11\n",
        # a runtime's own directory by its package's name (red team 11); not one below it that
        # the builder's pip made (line 6; line 9 writes it again, and python3.11's own files)
        [(7, "LG002"), (8, "LG002"), (9, "LG002")],
        id="Y-runtime-directories-by-their-packages",
    ),
    pytest.param(
        "FROM ruby:3.2-slim\nRUN gem install -i /opt/gems sinatra && rm -rf /opt/gems/cache\n"
        "FROM tomcat-vendor/tomcat:9\nCOPY app.war ${CATALINA_HOME}/webapps/\n"
        'RUN chown -R tomcat "${CATALINA_HOME}"\n',
        # gem's --install-dir holds its cache; a RUN's raw `${CATALINA_HOME}` of the base's
        # ENV is the directory the COPY named (held out 10)
        [(5, "LG004")],
        id="Y-gem-install-dir-and-a-raw-base-directory-in-a-run",
    ),
    pytest.param(
        "FROM php:8.3-apache\nRUN apt-get update && apt-get install -y git\n"
        "ADD https://github.com/mlocati/docker-php-extension-installer/releases/latest/download/"
        "install-php-extensions /usr/local/bin/\nRUN chmod +x /usr/local/bin/install-php-extensions"
        " && apt-get update && install-php-extensions gd intl\n",
        # mlocati's installer cleans apt's index when it is done: this RUN's and line 2's
        # (held out 33); the chmod copies up the ADDed script
        [(2, "LG005"), (4, "LG003"), (4, "LG004")],
        id="Y-install-php-extensions-cleans-apt-s-index",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN wget -q https://x/tomcat/v8.5.16/bin/apache-tomcat-8.5.16.tar.gz"
        " -O /tmp/tomcat.tgz && mkdir -p /opt/tomcat"
        " && tar xzvf /tmp/tomcat.tgz --strip 1 -C /opt/tomcat/ && rm -rf /tmp/*\n"
        "ADD tomcat-users.xml /opt/tomcat/conf/\n",
        # tar takes `--strip` for --strip-components, and its value is no member (held out 34)
        [(3, "LG002")],
        id="Y-tar-s-abbreviated-long-option",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN wget -q https://x/v9.0.80/bin/apache-tomcat-9.0.80.tar.gz"
        " -O /tmp/t.tgz && mkdir -p /opt/a /opt/b /opt/c"
        " && tar xzf /tmp/t.tgz --strip 1 --dir /opt/a"
        " && tar xzf /tmp/t.tgz --strip-components=2 -C /opt/b"
        " && tar xzf /tmp/t.tgz --strip 1 --exclude='*/conf/server.xml' -C /opt/c\n"
        "COPY server.xml /opt/a/conf/\nCOPY server.xml /opt/b/conf/\nCOPY server.xml /opt/c/conf/\n"
        "COPY web.xml /opt/c/conf/\n",
        # `--dir` is --directory; `--strip 2` drops the conf/ level; what --exclude leaves out
        # is not there (red team 12)
        [(3, "LG002"), (6, "LG002")],
        id="Y-tar-directory-strip-and-exclude",
    ),
    pytest.param(
        "FROM debian:bullseye-slim\nRUN apt-get update && apt-get install -y apache2"
        " && rm -rf /var/lib/apt/lists/*\nRUN mkdir -p /var/www/html"
        " && chown -R www-data /var/www/html\nRUN rm -rvf /var/www/html/*\n"
        "RUN chown -R www-data /var/www/html\n",
        # a file the package is known to ship is there whatever the RUN made first (held out
        # 30: apache2's index.html); once removed, it is not
        [(3, "LG004"), (4, "LG003")],
        id="Y-a-package-s-known-file-below-a-directory-mkdir-p-made",
    ),
    pytest.param(
        "FROM alpine:3.10 AS runbase\nRUN apk add --no-cache python3 libpq\n"
        "FROM runbase AS build\nRUN apk add --no-cache build-base && pip3 install psycopg2\n"
        "RUN make -C /src && mkdir -p /usr/lib/mylib\nFROM runbase\n"
        "COPY --from=build /usr/lib/python3.7/ /usr/lib/python3.7/\n"
        "COPY --from=build /usr/lib/mylib /usr/lib/mylib\n"
        "COPY --from=build /usr/local/lib/python3.7 /usr/local/lib/python3.7\n",
        # the shared base stage's python3 fills its library directory (held out 32); a
        # directory the builder made, or one in /usr/local, is not the package's
        [(7, "LG002")],
        id="Y-a-runtime-s-library-directory-copied-back",
    ),
    pytest.param(
        "FROM node:20 AS builder\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n"
        "FROM node:20-slim\nWORKDIR /app\nCOPY --from=builder /app/package.json ./package.json\n"
        "COPY --from=builder /app/.next/standalone ./\n",
        [(8, "LG002")],
        id="N-nextjs-standalone-output-holds-package-json",
    ),
    pytest.param(
        "FROM debian:12\nRUN curl -o /tmp/p.zip https://x/pentaho.zip && unzip /tmp/p.zip"
        " -d /opt/pentaho && rm /tmp/p.zip\nRUN apt-get update && apt-get install -y"
        " postgresql-client && rm -rf /var/lib/apt/lists/*"
        " && rm -f /opt/pentaho/tomcat/lib/postgre*.jar\n",
        [(3, "LG003")],
        id="N-an-install-in-the-same-run-made-nothing-in-opt",
    ),
    pytest.param(
        "FROM quay.io/sclorg/s2i-core-c9s\nCOPY s2i/bin/ $STI_SCRIPTS_PATH\n"
        "COPY etc/ $UNDEFINED_DIR\nRUN /usr/libexec/fix-permissions --read-only /opt/app-root\n"
        "RUN python3.12 -m venv ${APP_ROOT} && chown -R 1001:0 ${APP_ROOT}\n",
        [(5, "LG004")],
        id="N-a-destination-only-the-base-image-env-names",
    ),
    pytest.param(
        "FROM python:3.12\nRUN uv pip install --system --no-cache-dir flask\n"
        "RUN uv pip install --system -n django\n"
        "RUN --mount=type=bind,from=0,source=/tmp/w,target=/w pip install --no-index /w/*.whl\n"
        "RUN uv pip install --system httpx\n",
        [(5, "LG005")],
        id="N-uv-takes-pips-spelling-and-pip-no-index-fetches-nothing",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN pip3 install --no-cache-dir west\nRUN mkdir -p /opt/bsim\n"
        "RUN cd /opt/bsim && rm -f repo && curl -o repo https://x/repo\n",
        [],
        id="N-a-directory-made-after-an-install-is-the-builds-below-it-too",
    ),
    pytest.param(
        "FROM busybox AS build-dummy\nRUN mkdir -p /build\nFROM scratch AS binary-dummy\n"
        "COPY --from=build-dummy /build /build\nFROM binary-dummy AS tool-linux\n"
        "FROM binary-dummy AS other\nFROM tool-${TARGETOS} AS tool\nFROM debian\n"
        "COPY --from=other /build/ /usr/local/bin/\nCOPY --from=tool /build/ /usr/local/bin/\n",
        [],
        id="N-platform-args-name-a-stage-and-an-empty-directory-copied-holds-no-files",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nCOPY initctl_faker .\n"
        "RUN chmod +x initctl_faker && rm -fr /sbin/initctl && ln -s /initctl_faker /sbin/initctl\n"
        "COPY rootfs /\nRUN rm /usr/sbin/policy-rc.d\n",
        [(3, "LG004"), (5, "LG003")],
        id="N-a-command-shows-a-copy-was-a-file-not-a-tree",
    ),
    # O: classes from held out 9, found after its blind run.
    pytest.param(
        "FROM debian\nCOPY etc/ /etc/\n"
        "RUN find /etc -type d,f -perm -o+w -print0 | xargs -r -0 chmod g-w,o-w\n"
        "RUN find /etc -empty -exec chmod 600 {} +\n"
        "RUN find /etc ! -perm -o+w -exec chmod g-w {} +\n",
        [(5, "LG004")],
        id="O-a-find-selecting-world-writable-or-empty-files-selects-no-bytes",
    ),
    pytest.param(
        "FROM eclipse-temurin:21-jre\n"
        "RUN apt-get update && apt-get install -y libcap2-bin && rm -rf /var/lib/apt/lists/*"
        " && setcap cap_net_bind_service=+ep ${JAVA_HOME}/bin/java\n",
        [(2, "LG004")],
        id="O-the-java-home-eclipse-temurin-sets",
    ),
    pytest.param(
        "FROM debian\nRUN apt-get update && apt-get install -y gcc libssl-dev"
        " && rm -rf /var/lib/apt/lists/*\nRUN apt-get autoremove -y\n"
        "RUN apt-get remove -y libssl-dev\nRUN apt-get autoremove -y\nRUN apt-get autoremove -y\n",
        [(4, "LG003"), (5, "LG003")],
        id="O-autoremove-after-an-earlier-layer-removed-packages",
    ),
    # P: classes red team 3 found (false alarms of scripts and shells).
    pytest.param(
        "FROM debian\n"
        "RUN cleanup() { rm -rf /var/lib/apt/lists/*; }; apt-get update && apt-get install -y jq"
        " && cleanup\n"
        "RUN clean() { rm -rf /var/lib/apt/lists/*; }; trap clean EXIT; apt-get update\n"
        "RUN unused() { apt-get update; }; echo unused\n"
        "RUN later() { rm -rf /var/lib/apt/lists/*; }; apt-get update\n",
        [(5, "LG005")],
        id="P-a-function-runs-where-it-is-called-and-an-exit-trap-at-the-end",
    ),
    pytest.param(
        "FROM debian\nRUN trap 'rm -rf /var/lib/apt/lists/*' EXIT; apt-get update\n"
        "RUN trap 'rm -rf /var/lib/apt/lists/*' EXIT; trap - EXIT; apt-get update\n",
        [(3, "LG005")],
        id="P-an-exit-trap-given-as-a-command",
    ),
    pytest.param(
        "FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask\n"
        "RUN export OTHER=1 && pip install requests\n"
        "RUN pip config set global.no-cache-dir true && pip install django\n"
        "RUN pip install numpy\n",
        # (an export ends with its RUN; pip's configuration file stays for the RUNs after)
        [(3, "LG005")],
        id="P-export-and-pip-config-set-reach-later-commands",
    ),
    # Q: classes from held out 10, found after its blind run.
    pytest.param(
        "FROM continuumio/miniconda3\nRUN conda install -y h5py && conda clean -ya\n"
        "RUN conda install -y requests && conda clean --yes\n",
        [(3, "LG005")],
        id="Q-conda-clean-with-short-options-run-together",
    ),
    pytest.param(
        "FROM debian AS a\nRUN mkdir /tmp && echo > /tmp/a.deb\nFROM debian AS b\n"
        "RUN echo > /tmp/b.deb\nFROM debian\nCOPY --from=a /tmp/*.deb /tmp/\n"
        "COPY --from=b /tmp/*.deb /tmp/\n"
        "RUN apt-get update && apt-get install -y /tmp/*.deb && rm -rf /var/lib/apt/lists/*\n",
        [(6, "LG006"), (7, "LG006")],
        id="Q-globs-from-two-stages-are-other-files",
    ),
    pytest.param(
        "FROM debian\nRUN apt-get update && apt-get install -y gfortran curl"
        " && rm -rf /var/lib/apt/lists/*\nRUN apt-get autoremove -y gfortran\n",
        [(3, "LG003")],
        id="Q-autoremove-naming-packages-removes-them",
    ),
    pytest.param(
        'FROM php:8.2-apache\nRUN mv "$PHP_INI_DIR/php.ini-production" "$PHP_INI_DIR/php.ini"\n'
        "RUN rm /usr/local/etc/php-fpm.conf\n",
        [(2, "LG003")],
        id="Q-a-move-of-a-file-every-image-holds-writes-it-again",
    ),
    pytest.param(
        "FROM python:3.11 AS build\nRUN mkdir -p /opt/ct && cd /opt/ct && touch x.whl\n"
        "FROM python:3.11\nCOPY --from=build /opt/ct /opt/ct\n"
        "RUN python3 -m pip --no-cache-dir install /opt/ct/*.whl && rm /opt/ct/*.whl\n"
        "RUN curl --remote-name-all https://x/y.deb && dpkg -i ./y.deb && rm -f *.deb\n",
        [(4, "LG006"), (5, "LG003")],
        id="Q-an-install-leaves-no-package-files-and-a-glob-names-what-the-run-fetched",
    ),
    pytest.param(
        "FROM tomcat:9\nRUN chown -R 1000:1000 $CATALINA_HOME\n",
        [(2, "LG004")],
        id="Q-the-catalina-home-tomcat-sets",
    ),
    pytest.param(
        "FROM debian\nARG NO_GUI\nENV NO_GUI=$NO_GUI\n"
        "COPY gui.conf /etc/supervisor/conf.d/gui.conf\n"
        'RUN if [ "$NO_GUI" ]; then rm /etc/supervisor/conf.d/gui.conf; fi\n',
        [(5, "LG003")],
        id="Q-an-env-of-an-arg-without-default-is-what-the-build-passes",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nARG PHP_VERSION\nENV PHP_VERSION=${PHP_VERSION}\n"
        "RUN apt-get update && apt-get install -y php${PHP_VERSION}-cli"
        " && rm -rf /var/lib/apt/lists/*\nRUN rm /etc/php/${PHP_VERSION}/cli/php.ini\n",
        [(5, "LG003")],
        id="Q-a-package-named-with-a-version-the-build-passes",
    ),
    # L: classes a red-team of 178 realistic clean Dockerfiles found (false alarms).
    pytest.param(
        "FROM python:3.12-slim\nCOPY requirements.txt .\nCOPY --exclude=requirements.txt . .\n"
        "COPY --exclude=*.md . .\n",
        [(4, "LG002")],
        id="L-copy-exclude-without-the-context",
    ),
    pytest.param(
        "FROM php:8.2-apache\nCOPY . /var/www/html/\n"
        "RUN find /var/www/html -type d -exec chmod 755 {} +\n"
        "RUN find /var/www/html -type d -exec chown -R www-data {} +\n",
        [(4, "LG004")],
        id="L-find-type-d-changes-directory-entries",
    ),
    pytest.param(
        "FROM php:8.2-apache\nCOPY . /var/www/html/\n"
        "RUN find /var/www/html -type d -exec chmod 755 {} + -o -type f -exec chmod 644 {} +\n",
        [(3, "LG004")],
        id="L-find-type-d-or-type-f-changes-every-file",
    ),
    pytest.param(
        "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm run build && rm -rf dist/*.map\n"
        "RUN yarn build && rm -rf .next/cache\n"
        "RUN bundle exec rake assets:precompile && rm -rf tmp/cache\n",
        [],
        id="L-a-package-manager-running-the-projects-scripts-builds",
    ),
    pytest.param(
        "FROM python:3.12-slim\nRUN pip install --cache-dir /tmp/pc flask && rm -rf /tmp/pc\n"
        "RUN uv pip install --system --cache-dir=/tmp/uc flask && rm -rf /tmp/uc\n"
        "RUN yarn install --cache-folder /tmp/yc && rm -rf /tmp/yc\n"
        "RUN pip install --cache-dir /tmp/pc2 django\n",
        [(5, "LG005")],
        id="L-a-cache-moved-by-an-option",
    ),
    pytest.param(
        "FROM rust:1.77\n"
        "RUN --mount=type=cache,target=/usr/local/cargo/registry cargo install ripgrep\n"
        "RUN cargo install fd-find && rm -rf /usr/local/cargo/registry\n",
        [],
        id="L-a-cache-where-the-base-image-env-puts-it",
    ),
    pytest.param(
        "FROM debian:bookworm-slim\nARG X=no\nARG JUPYTER=false\n"
        'RUN case "$X" in yes) apt-get update ;; esac\n'
        "RUN if $JUPYTER; then apt-get update; fi\n"
        'RUN case "$X" in y|yes) echo ;; *) apt-get update ;; esac\n',
        [(6, "LG005")],
        id="L-a-case-or-if-the-arg-defaults-decide",
    ),
    pytest.param(
        "FROM node:20-slim\nUSER 1000\n"
        "RUN npm install -g --prefix /home/node/.local serve && rm -rf /home/node/.npm\n",
        [],
        id="L-the-home-of-a-user-the-base-image-added",
    ),
    pytest.param(
        "FROM debian:12\nRUN useradd -m -d /opt/app -u 1001 app\nUSER app\n"
        "RUN npm install pm2 && rm -rf /opt/app/.npm\nUSER 1001\n"
        "RUN npm install pm2 && rm -rf /opt/app/.npm\nRUN npm install pm2\n",
        [(7, "LG005")],
        id="L-the-home-useradd-gave",
    ),
    # R: classes from held outs 11 and 12, found after their blind runs.
    pytest.param(
        "FROM node:20\nWORKDIR /app\nRUN npm -C backend ci\nRUN npm --prefix ui ci\n"
        "RUN yarn --cwd web install --frozen-lockfile && yarn cache clean\n"
        "RUN pnpm -C api install && rm -rf /app/api/node_modules\n",
        [(3, "LG005"), (4, "LG005"), (6, "LG005")],
        id="R-a-node-install-in-the-project-an-option-names",
    ),
    pytest.param(
        "FROM python:3.12-slim\n"
        "RUN curl -sS https://bootstrap.pypa.io/get-pip.py | python3\n"
        "RUN wget -qO- https://bootstrap.pypa.io/get-pip.py | python3 - --user\n"
        "RUN curl -fsSLo /tmp/get-pip.py https://bootstrap.pypa.io/get-pip.py\n"
        "RUN wget -O /tmp/get-pip.py https://bootstrap.pypa.io/get-pip.py\n"
        "RUN wget -qO - https://bootstrap.pypa.io/get-pip.py | python3 - --no-cache-dir -U\n"
        "RUN curl -sS https://bootstrap.pypa.io/get-pip.py | python3 /dev/stdin\n",
        # (what follows `-` is get-pip's own: held out 30)
        [(2, "LG005"), (3, "LG005"), (7, "LG005")],
        id="R-get-pip-piped-into-python",
    ),
    pytest.param(
        "FROM debian:12\nWORKDIR /code\nCOPY . /code\n"
        "RUN wget https://x.example/cuda-keyring_1.0-1_all.deb\n"
        "RUN dpkg -i cuda-keyring_1.0-1_all.deb\n",
        [],  # the .deb dpkg installs is the one wget fetched, not one the copy may have held
        id="R-an-archive-a-later-run-fetched-into-a-copied-tree",
    ),
    pytest.param(
        "FROM nvidia/cuda:10.2-devel-ubuntu18.04\nRUN chown -R 1000 /usr/local\n"
        "FROM python:3.12-slim\nRUN chown -R app:app /usr/local\n",
        [(4, "LG004")],  # (the first stage does not ship; its chown is the same class)
        id="R-a-recursive-change-above-a-runtime-tree",
    ),
    pytest.param(
        "FROM wordpress:6-php8.3-apache\nRUN rm /usr/src/php.tar.xz /usr/src/php.tar.xz.asc\n",
        [(2, "LG003")],  # php's source tarball, about 12 MB, in every image built on php
        id="R-php-source-tarball-removed",
    ),
    pytest.param(
        "FROM node:20 AS b\nWORKDIR /app\nCOPY . .\nRUN npm ci\nFROM node:20-slim\nWORKDIR /app\n"
        "COPY --from=b /app/node_modules ./node_modules\n"
        "COPY --from=b /app/node_modules/@acme/web ./node_modules/@acme/web\n"
        "COPY --from=b /app/node_modules/left-pad/index.js ./node_modules/left-pad/index.js\n"
        "COPY --from=b /app/node_modules/.prisma ./node_modules/.prisma\n",
        [(9, "LG002"), (10, "LG002")],  # a workspace package is a link; a file or .prisma is not
        id="R-a-workspace-package-copied-after-its-node-modules",
    ),
    pytest.param(
        "FROM php:8.2-apache\nRUN docker-php-ext-configure gd --with-jpeg\n"
        "RUN docker-php-ext-install gd\n"
        "RUN docker-php-ext-configure zip && docker-php-ext-install zip\n"
        "RUN apt-get update && apt-get install -y libpq-dev && rm -rf /var/lib/apt/lists/*\n"
        "RUN docker-php-ext-install pdo_pgsql\n"
        "RUN docker-php-source extract && docker-php-ext-install pdo && docker-php-source delete\n",
        [(3, "LG003")],  # the source line 2 unpacked; an install alone unpacks and deletes its own
        id="R-php-source-configured-then-installed-in-another-run",
    ),
    pytest.param(
        "FROM debian:12\nWORKDIR /opt\nCOPY ./target/atom.zip .\nCOPY ./wrapper .\n"
        "RUN unzip -q atom.zip && rm atom.zip\n",
        [(3, "LG006"), (5, "LG003")],  # the zip COPY named, not a tree that may also hold one
        id="R-an-archive-a-copy-named-outranks-later-trees",
    ),
    pytest.param(
        "FROM debian:12\nRUN cd /tmp && ./build.sh && make && make install\n"
        "RUN cd /tmp && git clone https://x.example/pngquant && make -C pngquant install"
        " && rm -fr /tmp/pngq*\n",
        [],  # the glob names what this RUN cloned, not what line 2's build may have left
        id="R-a-glob-that-names-what-the-run-cloned",
    ),
    pytest.param(
        "FROM php:8.2-fpm-alpine\n"
        "RUN pecl install apcu && pecl clear-cache && docker-php-ext-enable apcu\n"
        "RUN pecl install redis\n",
        [(3, "LG005")],
        id="R-pecl-clear-cache-cleans-what-pecl-left",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nCOPY bashrc /etc/bash.bashrc\nFROM centos:7\n"
        "ADD files/bashrc /etc/bashrc\nCOPY .bash_profile /root/.bash_profile\n",
        [(4, "LG002"), (5, "LG002")],  # the shells' start-up files every image of a family holds
        id="R-a-distribution-start-up-file-replaced",
    ),
    pytest.param(
        "FROM alpine:3.20\nCOPY bashrc /etc/bash.bashrc\nFROM myorg/base:1\n"
        "COPY bashrc /etc/bash.bashrc\nFROM ubi9/ubi-minimal\nCOPY .bashrc /root/.bashrc\n",
        [],  # Alpine has no bash; an unknown image may be of any family; UBI minimal no rootfiles
        id="R-no-start-up-file-where-the-family-is-not-known-to-hold-it",
    ),
    pytest.param(
        "FROM ruby:3.4 AS base\nRUN gem update --system 3.6.3\nFROM base AS build\n"
        "RUN bundle install\nFROM base\nCOPY --from=build /usr/local/bundle /usr/local/bundle\n",
        # the gems the shared base stage's RUN left come back, with the .gem files bundle
        # install kept in /usr/local/bundle/cache
        [(2, "LG005"), (4, "LG005"), (6, "LG002")],
        id="R-a-tree-copied-back-from-a-stage-grown-from-this-one",
    ),
    pytest.param(
        "FROM alpine:3.20 AS base\nWORKDIR /etc/app\n"
        "RUN wget https://x.example/a.apk && apk add --no-cache --allow-untrusted a.apk"
        " && rm a.apk\nFROM base AS b\nCOPY . .\nFROM base\nCOPY --from=b /etc/app /etc/app\n",
        [],  # what that RUN wrote there it removed again: the base left only a directory
        id="R-a-tree-copied-back-where-the-shared-stage-left-nothing",
    ),
    pytest.param(
        "FROM ubuntu:20.04\nRUN cd /tmp && curl -L -O ${BASE}/g/gcc-8_${ARCH}.deb"
        " -O https://x.example/g/cpp-8_amd64.deb\n"
        "RUN apt-get install -y /tmp/cpp-8_amd64.deb && rm -f /tmp/gcc-8_*.deb\n",
        [(3, "LG003")],  # one -O per address, one from variables too: each file is fetched
        id="R-curl-fetches-a-file-per-remote-name",
    ),
    pytest.param(
        "FROM ubuntu:22.04 AS old\nRUN usermod -u 1234 ubuntu\n"
        "FROM nvidia/cuda:12.4.1-devel-ubuntu24.04\nRUN useradd -m app\n"
        "RUN usermod -u 1234 app && usermod -u 1500 ubuntu\n",
        [(5, "LG004")],  # a new uid re-owns the home's files: 24.04's ubuntu has skel dotfiles
        id="R-usermod-uid-re-owns-the-home",
    ),
    pytest.param(
        "FROM alpine:3.20\nRUN apk add --no-cache php83 php83-fpm nginx\n"
        "COPY www.conf /etc/php83/php-fpm.d/www.conf\nCOPY php.ini /etc/php83/php.ini\n"
        "COPY fastcgi_params /etc/nginx/fastcgi_params\nCOPY app.conf /etc/php83/php-fpm.d/\n",
        [(3, "LG002"), (4, "LG002"), (5, "LG002")],  # the packages' own files; a new one is not
        id="R-a-package-config-file-replaced",
    ),
    # S: red team 5.
    pytest.param(
        "FROM maven:3.9-amazoncorretto-21 AS a\nCOPY bashrc /etc/bash.bashrc\n"
        "FROM nvidia/cuda:12.2.0-devel-ubi8 AS b\nCOPY bashrc /root/.profile\n"
        "FROM node:20-bookworm-slim\nCOPY bashrc /home/node/.bashrc\n"
        "RUN useradd -m app\nCOPY bashrc /home/app/.bashrc\n",
        [(6, "LG002"), (8, "LG002")],  # tags of other families hold no Debian start-up files
        id="S-start-up-files-by-tag-and-of-the-users-homes",
    ),
    pytest.param(
        "FROM archlinux:latest\nRUN pacman -Syu --noconfirm && yes | pacman -Scc\n"
        "RUN pacman -U --noconfirm https://x.example/python-3.11.8-1-x86_64.pkg.tar.zst"
        " && yes | pacman -Scc\n",
        [(2, "LG005")],
        id="S-pacman-u-after-a-refresh",
    ),
    pytest.param(
        "FROM php:8.2-apache\nRUN docker-php-source extract\n"
        "RUN docker-php-ext-install -j4 mysqli opcache\nRUN rm /usr/src/php.tar.xz*\n",
        [(4, "LG003")],  # an extracted source without docker-php-ext-configure's mark stays
        id="S-php-source-extracted-by-hand-stays",
    ),
    pytest.param(
        "FROM node:20-slim\nWORKDIR /app\nCOPY frontend/package.json frontend/\n"
        "RUN npm --prefix frontend ci && npm cache clean --force\n"
        "RUN npm --prefix frontend run build\nRUN rm -rf /app/node_modules\n",
        [],  # the project --prefix names is where its build and node_modules are
        id="S-npm-prefix-run-builds-in-that-project",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y python3 curl"
        " && curl -sSL https://bootstrap.pypa.io/get-pip.py > /tmp/get-pip.py"
        " && python3 /tmp/get-pip.py --no-cache-dir"
        " && rm -rf /var/lib/apt/lists/* /tmp/get-pip.py\n",
        [],  # saved with `>`, then run with its own options
        id="S-get-pip-saved-by-a-redirect",
    ),
    pytest.param(
        "FROM debian:12\nRUN curl --output-dir /tmp -O https://x.example/tool-1.2.tar.gz\n"
        "RUN tar xzf /tmp/tool-1.2.tar.gz -C /opt && rm /tmp/tool-1.2.tar.gz\n",
        [(3, "LG003")],
        id="S-curl-output-dir",
    ),
    # T: classes from held outs 13 and 14, found after their blind runs.
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y ca-certificates nginx-light"
        " && rm -rf /var/lib/apt/lists/*\nRUN rm -f /usr/bin/passwd /usr/sbin/adduser\n"
        "RUN rm -f /usr/sbin/nginx\n",
        [(4, "LG003")],  # a program the install named is its; passwd is the base image's
        id="T-a-program-removed-after-an-install-that-did-not-name-it",
    ),
    pytest.param(
        "FROM node:20\nRUN npx playwright install --with-deps chromium\n"
        "RUN npx -y playwright@1.44 install-deps && rm -rf /var/lib/apt/lists/*\n"
        "RUN npx playwright install chromium\n",
        # it runs apt-get update and install itself; a pinned npx fetches into npm's cache
        [(2, "LG005"), (3, "LG003"), (3, "LG005")],
        id="T-playwright-installs-its-system-dependencies-with-apt",
    ),
    pytest.param(
        "FROM debian:bullseye AS base\nFROM base AS build\n"
        "RUN cp -r /src/fonts/Nunito/ /usr/share/fonts/nunito\n"
        "RUN apt-get update && apt-get install -y python3-pip && rm -rf /var/lib/apt/lists/*\n"
        "FROM base\nCOPY --from=build /usr/share/fonts/nunito /usr/share/fonts/nunito\n",
        [],  # the builder wrote the directory: nothing of the base image's is there
        id="T-a-directory-the-builder-copied-in-copied-back",
    ),
    pytest.param(
        "FROM debian:bullseye\nRUN apt-get update && apt-get install -y nginx mariadb-server"
        " && rm -rf /var/lib/apt/lists/*\nCOPY etc/ /etc/\n"
        "RUN rm -f /var/www/html/index.nginx-debian.html /etc/localtime /etc/timezone\n"
        "COPY my.cnf /etc/mysql/mariadb.conf.d/50-server.cnf\n",
        [(4, "LG003"), (5, "LG002")],  # the packages' files; not what a copy into /etc may hold
        id="T-files-a-package-ships-and-a-tree-copied-into-etc",
    ),
    pytest.param(
        "FROM debian:bullseye\nRUN curl -sS https://getcomposer.org/installer | php\n"
        "RUN mv composer.phar /usr/local/bin/composer\nRUN chmod +x /usr/local/bin/composer\n"
        "RUN php composer-setup.php --install-dir=/usr/bin --filename=composer2"
        " && chmod +x /usr/bin/composer2\n",
        [(3, "LG003"), (4, "LG004")],  # composer's installer writes composer.phar
        id="T-composer-installer-then-moved-and-made-executable",
    ),
    pytest.param(
        'FROM ruby:3.2-bullseye\nRUN gem i "rubygems-update:~>3.4.22" --no-document\n',
        [(2, "LG005")],  # `gem i` is `gem install`: the .gem stays in the cache
        id="T-gem-i",
    ),
    pytest.param(
        "FROM python:3.11\nWORKDIR /build\nCOPY . .\nRUN make create_wheels\n"
        "RUN pip3 install --no-cache-dir dist/inference*.whl\n",
        [],  # the wheels make built there, not ones the copy may have held
        id="T-an-archive-a-later-build-made-in-a-copied-tree",
    ),
    pytest.param(
        "FROM python:3.11-slim\nRUN pip install --no-cache-dir uv && uv sync --locked --no-cache\n"
        "RUN pip uninstall -y dash-html-components\nRUN pip uninstall -y setuptools\n",
        # the python image's pip holds pip, setuptools and wheel (pip alone from 3.12), no dash
        [(4, "LG003")],
        id="T-pip-uninstall-of-what-the-python-image-does-not-hold",
    ),
    pytest.param(
        "FROM python:3.12\nRUN wget -q https://x.example/g.tar.gz && tar xzf g.tar.gz"
        " && mkdir -p /opt/rf/drivers/ && mv geckodriver /opt/rf/drivers/geckodriver"
        " && rm g.tar.gz\nRUN chmod ugo+x /opt/rf/drivers\n",
        [],  # a directory mkdir made, though the same RUN unpacked at /: its entry only
        id="T-chmod-of-a-directory-made-beside-an-unpacking-at-the-root",
    ),
    pytest.param(
        "FROM ubuntu:24.04 AS new\nCOPY sources.list /etc/apt/sources.list\n"
        "FROM php:8.3-fpm-alpine AS php\nCOPY crontab /etc/crontabs/root\n"
        "FROM ubuntu:focal\nCOPY sources.list /etc/apt/sources.list\n",
        [(6, "LG002")],  # (and Alpine's crontab: shipped only by the last stage here)
        id="T-apt-sources-list-before-ubuntu-24-04",
    ),
    pytest.param(
        "FROM php:8.3-fpm-alpine\nCOPY crontab /etc/crontabs/root\n",
        [(2, "LG002")],  # busybox crond's root table, in every Alpine image
        id="T-alpine-crontab",
    ),
    pytest.param(
        "FROM alpine:3.22\nRUN apk add --no-cache iptables\n"
        "RUN rm /usr/sbin/iptables /usr/sbin/ip6tables\n",
        [],  # links to xtables-nft-multi: no file bytes (held out 10)
        id="T-iptables-links",
    ),
    # U: red team 6.
    pytest.param(
        "FROM debian:12\nRUN wget -O /tmp/helm https://x.example/helm"
        " && mv /tmp/helm /usr/local/bin/helm\n"
        "RUN chmod +x /usr/local/bin/helm\n",
        [(3, "LG004")],  # a download moved into a bin directory is a program file
        id="U-a-download-moved-into-a-bin-directory",
    ),
    pytest.param(
        "FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n"
        "RUN pip uninstall -y opencv-python\n",
        [(3, "LG003")],  # what -r installed is not known by name: it may be that
        id="U-pip-uninstall-after-an-install-from-a-requirements-file",
    ),
    pytest.param(
        "FROM ubuntu:24.04\nARG USER_UID=1000\nRUN usermod -u $USER_UID ubuntu\n"
        "FROM debian:12.10\nCOPY sources.list /etc/apt/sources.list\n"
        "RUN apt-get update && apt-get install -y iptables && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm -f /usr/sbin/iptables-legacy-save /usr/sbin/iptables-translate\n",
        [],  # uid 1000 is ubuntu's already; 12.x has no sources.list; iptables are links
        id="U-no-change-no-file-no-bytes",
    ),
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y nginx npm"
        " && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /var/www/html/* && rm /usr/bin/npm\n"
        "RUN curl -sS https://getcomposer.org/installer | php -- --install-dir=/usr/local/bin"
        " --filename=composer\nRUN chmod +x /usr/local/bin/composer && php -m\n",
        [(3, "LG003"), (5, "LG004")],  # nginx's page (npm is a link); composer written at 4
        id="U-a-package-page-by-glob-and-composer-from-standard-input",
    ),
    pytest.param(
        "FROM php:8.2\nWORKDIR /tmp\nRUN phpize\nRUN rm -f /tmp/composer.phar\n",
        [],  # phpize is no php reading composer's installer from standard input
        id="U-phpize-writes-no-composer",
    ),
    # V: classes found in the eighth session, from the held-out sets' misses.
    pytest.param(
        "FROM debian:12\nRUN wget -O Miniforge3.sh https://x/Miniforge3-Linux-x86_64.sh"
        " && bash Miniforge3.sh -b -p /opt/conda && rm Miniforge3.sh\n"
        "RUN /opt/conda/bin/conda create -n env -y ffmpeg && /opt/conda/bin/conda clean --all -y\n"
        "RUN curl -so ~/miniconda.sh https://x/Miniconda3-latest-Linux-x86_64.sh"
        " && bash ~/miniconda.sh -b -p ~/miniconda && rm ~/miniconda.sh\n"
        "RUN /root/miniconda/bin/conda install -y numpy && /root/miniconda/bin/conda clean -ya\n"
        "RUN curl -so /tmp/miniconda.sh https://x/Miniconda3.sh"
        " && bash /tmp/miniconda.sh -b -p /opt/c2 && rm /tmp/miniconda.sh"
        " && /opt/c2/bin/conda clean -afy\n"
        "ENV PATH=/opt/c3/bin:$PATH\nRUN curl -so /tmp/miniconda.sh https://x/Miniconda3.sh"
        " && bash /tmp/miniconda.sh -b -p /opt/c3 && rm /tmp/miniconda.sh && conda clean -afy\n",
        # the installers keep pkgs/ (keep_pkgs); a later clean of it is a whiteout over it
        [(2, "LG005"), (3, "LG003"), (4, "LG005"), (5, "LG003")],
        id="V-a-conda-installer-keeps-its-packages-until-a-clean",
    ),
    pytest.param(
        "FROM debian:12\nENV V=3.3.3\n"
        'RUN apt-get update && apt-get install -y couchdb="$V"~bookworm dovecot-imapd curl=7.88.1'
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY vm.args /opt/couchdb/etc/\nCOPY 10-auth.conf /etc/dovecot/conf.d/10-auth.conf\n"
        "COPY site.conf /etc/nginx/conf.d/site.conf\nRUN apt-get purge -y curl\n",
        # a pinned package's own files; a package an install brings (dovecot-core)
        [(4, "LG002"), (5, "LG002"), (7, "LG003")],
        id="V-a-pinned-package-and-one-its-install-brings",
    ),
    pytest.param(
        "FROM debian:12\nARG ARCH=amd64\n"
        "RUN curl -fO https://x/influxdb_1.8.0_${ARCH}.deb && dpkg -i influxdb_1.8.0_${ARCH}.deb"
        " && rm influxdb_1.8.0_${ARCH}.deb\nCOPY influxdb.conf /etc/influxdb/influxdb.conf\n",
        [(4, "LG002")],  # the package a .deb file holds
        id="V-a-package-named-by-its-file",
    ),
    pytest.param(
        "FROM oraclelinux:8-slim\nARG MYSQL=mysql-community-server-minimal-8.0.27\n"
        "RUN microdnf install -y $MYSQL && microdnf clean all\nCOPY my.cnf /etc/my.cnf\n"
        "COPY grafana.ini /etc/grafana/grafana.ini\n",
        [(4, "LG002")],  # an rpm named with its version
        id="V-an-rpm-named-with-its-version",
    ),
    pytest.param(
        "FROM eclipse-temurin:17\nENV HADOOP_HOME=/opt/hadoop V=3.3.6\n"
        "RUN wget -q https://x/hadoop-${V}.tar.gz -O /tmp/hadoop.tar.gz"
        " && tar -xzf /tmp/hadoop.tar.gz -C /opt/ && mv /opt/hadoop-${V} ${HADOOP_HOME}"
        " && rm /tmp/hadoop.tar.gz\n"
        "COPY core-site.xml ${HADOOP_HOME}/etc/hadoop/core-site.xml\n"
        "COPY my-site.xml ${HADOOP_HOME}/etc/hadoop/my-site.xml\n"
        "RUN curl -LO https://x/apache-tomcat-9.0.21.tar.gz"
        " && gunzip -c apache-tomcat-9.0.21.tar.gz | tar -xf - -C /opt"
        " && ln -s /opt/apache-tomcat-9.0.21 /opt/tomcat && rm apache-tomcat-9.0.21.tar.gz"
        " && rm /opt/tomcat/conf/context.xml\n"
        "ADD tomcat-users.xml /opt/tomcat/conf/\nCOPY context.xml /opt/tomcat/conf/\n"
        "RUN curl -fo /tmp/k.tgz https://x/kafka_2.13-3.6.0.tgz && mkdir /opt/kafka"
        " && tar -xzf /tmp/k.tgz --strip-components=1 -C /opt/kafka && rm /tmp/k.tgz\n"
        "COPY server.properties /opt/kafka/config/\n",
        # a distribution archive's own configuration: renamed, linked, unpacked without its top
        [(4, "LG002"), (7, "LG002"), (10, "LG002")],
        id="V-the-configuration-a-distribution-archive-holds",
    ),
    pytest.param(
        "FROM debian:bullseye\nRUN apt-get autoremove -y exim4\nRUN apt-get purge -y e2fsprogs\n",
        [(3, "LG003")],  # no debian image holds exim4
        id="V-a-purge-of-what-the-official-debian-images-hold",
    ),
    pytest.param(
        "FROM debian:trixie-slim\nRUN apt-get update && apt-get dist-upgrade -y ca-certificates\n"
        "RUN dpkg --purge --force-remove-essential curl ncurses-base || true\n",
        [(2, "LG005"), (3, "LG003")],  # a slim image holds them too
        id="V-a-slim-image-s-own-package",
    ),
    pytest.param(
        "FROM php:8.3-fpm\nRUN pecl install redis && docker-php-ext-enable redis"
        ' && mv "$PHP_INI_DIR/php.ini-production" "$PHP_INI_DIR/php.ini"\n',
        [(2, "LG003"), (2, "LG005")],  # an install into its tree makes no file the base holds
        id="V-a-base-file-moved-after-an-install",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y build-essential"
        " && rm -rf /var/lib/apt/lists/*\nRUN apt-get purge -y gcc\n",
        [(3, "LG003")],  # an install may have pulled in what it did not name
        id="V-a-purge-of-what-an-install-pulled-in",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN useradd -m actions\nRUN cd /home/actions && mkdir runner"
        " && cd runner && curl -fLO https://x/runner-2.3.tar.gz && tar xzf runner-2.3.tar.gz\n"
        "RUN chown -R actions ~actions && chmod 700 ~root\n",
        [(4, "LG004")],  # `~actions` is the user's home
        id="V-the-home-of-a-named-user",
    ),
    pytest.param(
        "FROM ubuntu:24.04\nRUN if which apt-get; then apt-get update && apt-get install -y curl"
        " && rm -rf /var/lib/apt/lists/*; else apk update && apk add curl; fi\n",
        [],  # apk never runs on ubuntu
        id="V-another-distribution-s-manager-never-runs",
    ),
    pytest.param(
        "FROM mcr.microsoft.com/devcontainers/base@sha256:" + "0" * 64 + "\nRUN apk update\n",
        [(2, "LG005")],  # a digest does not say which variant
        id="V-a-digest-says-no-distribution",
    ),
    pytest.param(
        "FROM debian:12\nARG package_name\nCOPY ./tmp/$package_name .\n"
        "RUN apt-get update && apt-get install -y ./${package_name}"
        " && rm -rf /var/lib/apt/lists/*\n"
        "ARG version\nADD cbiit-${version}.x86_64.rpm /cbiit-${version}.x86_64.rpm\n"
        "RUN rm -f /cbiit-${version}.x86_64.rpm\nARG other\nCOPY x.txt /opt/$other\n"
        "ENV other=/srv\nCOPY y.txt $other/y.txt\n",
        # an ARG the build passes is one file for COPY and RUN alike
        [(3, "LG006"), (7, "LG003")],
        id="V-an-arg-the-build-passes-names-one-file",
    ),
    pytest.param(
        "FROM alpine:3.20\nRUN adduser -D app && echo 'app:pass' | chpasswd && chmod u+s /bin/su\n",
        [(2, "LG004")],  # chpasswd writes only /etc/shadow, nothing chmod touches
        id="V-a-user-database-tool-makes-no-program",
    ),
    pytest.param(
        "FROM jenkinsci/jenkins:2.11\nCOPY jenkins.sh /usr/local/bin/jenkins.sh\n",
        [(2, "LG002")],  # the old name of the jenkins image holds its start script
        id="V-an-old-name-of-an-image",
    ),
    pytest.param(
        "FROM tonistiigi/xx:1.9.0 AS xx\nFROM debian:12 AS merge\nRUN apt-get update"
        " && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"
        "FROM rockylinux:9 AS root\nRUN dnf install -y --installroot /mnt/rootfs bash"
        " && dnf --installroot /mnt/rootfs clean all\n"
        "FROM debian:12\nCOPY --from=xx / /\nCOPY --from=merge / /\n"
        "COPY --from=root /mnt/rootfs/ /\n",
        # the root of a stage that installed a distribution's packages, or an installroot
        [(8, "LG002"), (9, "LG002")],
        id="V-a-whole-root-filesystem-over-the-base",
    ),
    pytest.param(
        "FROM debian:12\nADD ssh_config /root/.ssh/config\nRUN chown root:root /root/.ssh/config\n"
        "COPY settings /opt/config\nRUN chown root /opt/config\n",
        [(3, "LG004")],  # ssh's own files are files; any other `config` may be a directory
        id="V-the-files-ssh-reads",
    ),
    pytest.param(
        "FROM mcr.microsoft.com/devcontainers/python:3.12\nRUN pipx uninstall mypy\n"
        "RUN sudo chown -R vscode /usr/local/bin\n",
        # built on the python image; pipx removes a tool of the image's own
        [(2, "LG003"), (3, "LG004")],
        id="V-the-python-dev-container-is-a-python-image",
    ),
    pytest.param(
        "FROM eclipse-temurin:17\nRUN wget -O hadoop.tar.gz https://x/hadoop-2.9.1.tar.gz"
        " && tar -xzf hadoop.tar.gz -C /usr/local/ && rm hadoop.tar.gz\n"
        "RUN ln -s /usr/local/hadoop-2.9.1 /usr/local/hadoop\n"
        "COPY core-site.xml /usr/local/hadoop/etc/hadoop/core-site.xml\n"
        "COPY my.xml /usr/local/hadoop/etc/hadoop/my.xml\n",
        [(4, "LG002")],  # a COPY through a link an earlier RUN made lands on its target
        id="V-a-copy-through-a-link",
    ),
    # W: red team 7.
    pytest.param(
        "FROM debian:12\nCOPY install-miniconda.sh /opt/bin/\nRUN /opt/bin/install-miniconda.sh\n"
        "ENV PATH=/opt/miniconda3/bin:$PATH\n"
        "RUN curl -fso /tmp/Miniconda3.sh https://x/Miniconda3.sh"
        " && bash /tmp/Miniconda3.sh -b -p /opt/miniconda3 && rm /tmp/Miniconda3.sh\n"
        "RUN conda install -y numpy && conda clean -afy\n",
        # a project's script is no installer (no -b); the conda on PATH cleans its own pkgs/
        [(5, "LG005"), (6, "LG003")],
        id="W-a-project-script-and-the-conda-on-path",
    ),
    pytest.param(
        "FROM alpine@sha256:" + "1" * 64 + "\nRUN if command -v apt-get; then apt-get update"
        " && apt-get install -y gcc; else apk add --no-cache gcc; fi\n"
        "RUN apk add --no-cache tzdata\n",
        [],  # alpine's own image is of one family whatever its digest
        id="W-a-distribution-by-digest",
    ),
    pytest.param(
        "FROM ubuntu:24.04\nRUN apt-get purge -y tzdata\nRUN apt-get purge -y procps\n",
        [(3, "LG003")],  # ubuntu's image holds procps, not tzdata
        id="W-what-the-ubuntu-image-holds",
    ),
    pytest.param(
        "FROM eclipse-temurin:17\nRUN cd /opt && curl -fsSLO https://x/hadoop-2.7.7.tar.gz"
        " && tar xzf hadoop-2.7.7.tar.gz && ln -s hadoop-2.7.7 hadoop && rm hadoop-2.7.7.tar.gz\n"
        "COPY mapred-site.xml core-site.xml /opt/hadoop/etc/hadoop/\n"
        "RUN cd /srv && curl -fsSLO https://x/hadoop-3.3.6-src.tar.gz"
        " && tar xzf hadoop-3.3.6-src.tar.gz"
        " && rm hadoop-3.3.6-src.tar.gz\nCOPY core-site.xml /srv/hadoop-3.3.6/etc/hadoop/\n"
        "RUN curl -fsSLo /tmp/t.tgz https://x/apache-tomcat-9.0.1.tar.gz && mkdir /usr/local/tomcat"
        " && tar xzf /tmp/t.tgz -C /usr/local/tomcat --strip-components=1"
        " --exclude='*/conf/server.xml' && rm /tmp/t.tgz\nCOPY server.xml /usr/local/tomcat/conf/\n"
        "RUN curl -fsSLO https://x/apache-maven-3.9.6-bin.tar.gz"
        " && tar xzf apache-maven-3.9.6-bin.tar.gz -C /opt"
        " && ln -s /opt/apache-maven-3.9.6/ /opt/maven && rm apache-maven-3.9.6-bin.tar.gz\n"
        "COPY settings.xml /opt/maven/conf/\n",
        # Hadoop 2 holds no mapred-site.xml; a source tarball and --exclude say nothing; a -bin
        # archive's top directory and a relative link
        [(3, "LG002"), (9, "LG002")],
        id="W-what-a-distribution-holds-and-where",
    ),
    pytest.param(
        "FROM alpine:3.20\nRUN adduser -S -h /app app\nCOPY . /home/app/\n"
        "RUN chown -R app:app ~app\n",
        [],  # ~app is /app, which adduser made: not the copied /home/app
        id="W-the-home-a-user-was-given",
    ),
    pytest.param(
        "FROM eclipse-temurin:17\nRUN curl -fsSL https://x/kafka_2.13-3.6.1.tgz | tar -xz -C /opt"
        " && mv /opt/kafka_2.13-3.6.1 /opt/kafka\n"
        "COPY server.properties /opt/kafka/config/server.properties\n"
        "RUN wget -qO- https://x/hadoop-3.3.6.tar.gz | tar xz -C /usr/local/\n"
        "COPY core-site.xml /usr/local/hadoop-3.3.6/etc/hadoop/\n",
        [(3, "LG002"), (5, "LG002")],  # a download piped into tar names what it unpacks
        id="W-a-distribution-piped-into-tar",
    ),
    pytest.param(
        "FROM debian:12 AS download\nRUN mkdir -p /opt/tomcat && curl -fsSL"
        " https://x/apache-tomcat-9.0.1.tar.gz | tar -xz -C /opt/tomcat --strip-components=1\n"
        "RUN echo '{}' > /opt/app/config.json && echo x > /opt/app/tmp.txt\n"
        "RUN rm /opt/app/tmp.txt\nFROM eclipse-temurin:17\n"
        "COPY --from=download /opt/tomcat /opt/tomcat\nCOPY --from=download /opt/app /opt/app\n"
        "COPY server.xml /opt/tomcat/conf/server.xml\nCOPY config.json tmp.txt /opt/app/\n",
        # what a stage's RUNs left comes along with its tree (not what a later RUN removed)
        [(8, "LG002"), (9, "LG002")],
        id="W-what-a-stage-s-runs-left-comes-along",
    ),
    pytest.param(
        "FROM ruby:3.3\nWORKDIR /app\nCOPY package.json yarn.lock /app/\n"
        "RUN bundle exec bin/yarn install\nRUN poetry run pip install -r requirements.txt\n",
        [(4, "LG005"), (5, "LG005")],  # bundle exec and poetry run run the command after them
        id="W-a-command-run-in-a-project-s-environment",
    ),
    pytest.param(
        "FROM python:3.12\nRUN pip --cache-dir /tmp/pc install flask\n",
        [(2, "LG005")],  # an option's value before the subcommand is no subcommand
        id="W-a-pip-option-s-value-before-install",
    ),
    pytest.param(
        "FROM debian:12\nRUN useradd -m -d /home/gitpod gitpod\nRUN mkdir /home/gitpod/.config\n"
        "RUN chown -R gitpod:gitpod /home/gitpod/.config && chmod -R 777 /home/gitpod/.config\n"
        "RUN mkdir -p /home/gitpod/.local\nRUN chown -R gitpod /home/gitpod/.local\n",
        # mkdir without -p succeeds only where nothing was: the home's files are not below it
        [],
        id="W-a-directory-made-where-nothing-was",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN adduser --disabled-password --gecos '' user\n"
        "RUN chmod -R 777 /home/user\nRUN adduser --system --no-create-home svc\n",
        [(3, "LG004")],  # Debian's adduser fills the home from /etc/skel, as useradd -m does
        id="W-adduser-makes-a-home-from-skel",
    ),
    pytest.param(
        "FROM alpine:3.20\nRUN --mount=type=cache,target=/etc/apk/cache apk add curl\n",
        [],  # apk keeps its index and packages in /etc/apk/cache when it is there
        id="W-apk-s-cache-directory-mounted",
    ),
    # X: classes found in the ninth session, from the held-out sets' misses.
    pytest.param(
        "FROM ubuntu:22.04\nADD https://x/keycloak-25.0.4.tar.gz keycloak.tar.gz\n"
        "RUN tar -xzf keycloak.tar.gz && rm keycloak.tar.gz\nRUN mv keycloak-25.0.4 keycloak\n"
        "RUN mkdir -p /opt/android\nRUN unzip /tools.zip -d /opt/android\n"
        "RUN mv /opt/android/cmdline-tools /opt/android/latest\n",
        # a later mv of an archive's top directory writes all it holds again
        [(2, "LG006"), (3, "LG003"), (4, "LG003"), (7, "LG003")],
        id="X-mv-of-an-archive-s-top-directory",
    ),
    pytest.param(
        "FROM centos:7\nWORKDIR /opt\nRUN wget https://x/overlay.tar.gz\n"
        "RUN mv /opt/overlay.tar.gz /opt/wildfly/\n"
        "RUN cd /opt/wildfly && tar xf overlay.tar.gz && rm overlay.tar.gz\n",
        # the file a mv put into a directory (`dest/`) is the one a later rm removes
        [(4, "LG003"), (5, "LG003")],
        id="X-mv-into-a-directory-lands-by-name",
    ),
    pytest.param(
        "FROM python:3.12-slim\nCOPY --from=ghcr.io/x/wheels:1 /wheels ./wheels\n"
        "RUN pip install --no-cache-dir ./wheels/*\n"
        "COPY --from=ghcr.io/x/wheels:1 /wheels /opt/wheels\n"
        "RUN pip install --no-cache-dir --no-index --find-links=/opt/wheels -r /r.txt\n",
        # a relative glob names the package files, and so does pip's --find-links directory
        [(2, "LG006"), (4, "LG006")],
        id="X-wheels-a-later-pip-install-reads",
    ),
    pytest.param(
        "FROM ubuntu:14.04\nRUN apt-get update && apt-get install -y python-pip"
        " && rm -rf /var/lib/apt/lists/*\nRUN pip install django\nRUN pip install -U pip\n"
        "RUN pip install six\n",
        # Ubuntu 14.04's pip 1.5.4 keeps no cache (pip 6 began to), until it is upgraded
        [(5, "LG005")],
        id="X-a-distribution-s-pip-older-than-its-cache",
    ),
    pytest.param(
        "FROM ubuntu:16.04\nRUN apt-get update && apt-get install -y python-pip"
        " && rm -rf /var/lib/apt/lists/*\nRUN pip install django\n",
        [(3, "LG005")],  # 16.04's pip 8 keeps one
        id="X-a-distribution-s-pip-with-a-cache",
    ),
    pytest.param(
        "FROM alpine:3.20\nWORKDIR /home\nRUN wget https://x/bin/apache-tomcat-9.0.37.tar.gz"
        " && tar zxf apache-tomcat-*.tar.gz && rm apache-tomcat-*.tar.gz"
        " && mkdir -p /opt/tomcat && mv apache-tomcat-9.0.37/* /opt/tomcat/\n"
        "COPY context.xml /opt/tomcat/webapps/manager/META-INF/context.xml\n"
        "RUN curl -fsSL https://x/wildfly-26.1.3.Final.tar.gz | tar -xz -C /opt\n"
        "COPY standalone.conf /opt/wildfly-26.1.3.Final/bin/standalone.conf\n",
        # the archive a glob names is the one the RUN fetched; `mv top/*` moves what it held
        [(4, "LG002"), (6, "LG002")],
        id="X-a-distribution-unpacked-by-a-glob-and-moved",
    ),
    pytest.param(
        "FROM alpine:3.20\nCOPY --from=ghcr.io/x/users:1 /etc/passwd /etc/passwd\n"
        "RUN adduser -D app\nRUN chmod g+w /etc/passwd\n",
        # every distribution image holds the user database; adduser rewrites it
        [(2, "LG002"), (4, "LG004")],
        id="X-the-user-database",
    ),
    pytest.param(
        "FROM debian:12\nRUN curl -fsSLo /tmp/install.sh"
        " https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh"
        " && bash /tmp/install.sh -b -p /opt/conda && rm /tmp/install.sh\n"
        "COPY Miniforge3-Linux-x86_64.sh /tmp/setup.sh\n"
        "RUN sh /tmp/setup.sh -b -p /opt/forge && /opt/forge/bin/conda clean -afy\n",
        # an installer saved or copied under a plain name is known by the name it had; it
        # unpacks itself, so its COPY ships it beside what it unpacked
        [(2, "LG005"), (3, "LG006")],
        id="X-a-conda-installer-under-a-plain-name",
    ),
    pytest.param(
        "FROM node:22-alpine\nRUN rm -rf /usr/local/lib/node_modules/npm/\n",
        [(2, "LG003")],  # every node image ships npm, about 10 MB
        id="X-node-s-own-npm",
    ),
    pytest.param(
        "FROM oraclelinux:8\nCOPY fmw_12.2.1.4.0_wls.jar install.file /u01/\n"
        "ADD jdk-6u45-linux-x64.bin /root/\nCOPY setup/ /u01/\n"
        "RUN /root/jdk-6u45-linux-x64.bin && rm /root/jdk-6u45-linux-x64.bin"
        " && java -jar /u01/fmw_12.2.1.4.0_wls.jar -silent"
        " -responseFile /u01/install.file && java -jar /u01/app.jar --version\n",
        # installers that unpack what they carry, copied by name (not a tree that might hold
        # one, nor a jar run as a program)
        [(2, "LG006"), (3, "LG006"), (5, "LG003")],
        id="X-installers-that-unpack-themselves",
    ),
    pytest.param(
        "FROM jenkins/jenkins:lts\nCOPY gitconfig $JENKINS_HOME/.gitconfig\n"
        "RUN chown jenkins:jenkins $JENKINS_HOME/.gitconfig\n",
        # the jenkins image's JENKINS_HOME; a home's dotfile is a file whatever its source
        [(3, "LG004")],
        id="X-jenkins-home-and-a-dotfile",
    ),
    pytest.param(
        "FROM alpine:3.19\nRUN apk add --no-cache git curl\n"
        "RUN apk add --no-cache --virtual .deps gcc && make && apk del .deps\n"
        "RUN apk add --no-cache --virtual .deps gcc && make && apk del .deps\n"
        "RUN apk add --no-cache git build-base && git clone https://x/y"
        " && apk del git build-base\n",
        # adding git again did nothing: its del removes line 2's; a virtual package removed in
        # its own RUN is no earlier install's
        [(5, "LG003")],
        id="X-a-package-an-earlier-layer-installed-added-again-and-removed",
    ),
    pytest.param(
        "FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl"
        " && rm -rf /var/lib/apt/lists/* && chmod u-s /usr/bin/passwd /bin/su\n",
        # the programs every image of the distribution holds, not what curl installed
        [(2, "LG004")],
        id="X-setuid-hardening-after-an-install",
    ),
    pytest.param(
        "FROM node:22-alpine\nRUN apk add --no-cache libcap"
        " && setcap cap_net_bind_service=+ep /usr/local/bin/node\n",
        [(2, "LG004")],  # distribution packages never install in /usr/local
        id="X-setcap-of-node-after-an-install",
    ),
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y linux-headers-amd64"
        " && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /usr/src/linux-headers-*\n",
        [(3, "LG003")],  # kernel headers are packages of sources, in /usr/src
        id="X-kernel-headers-in-usr-src",
    ),
    pytest.param(
        "FROM ruby:3.3-slim\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\n"
        "RUN bundle install && rm -rf /usr/local/bundle/cache\nRUN chmod 664 Gemfile.lock\n",
        [(5, "LG004")],  # bundle install may have left the copied lock as it was
        id="X-a-lock-a-later-run-changes",
    ),
    pytest.param(
        "FROM registry.access.redhat.com/ubi9/ubi-minimal\n"
        "RUN chgrp 0 /etc/passwd && chmod g=u /etc/passwd\nFROM busybox:1.36\n"
        "COPY --from=0 /etc/passwd /etc/passwd\n",
        [(4, "LG002")],  # busybox (and distroless, ubi-minimal) hold the user database too
        id="X-the-user-database-of-small-images",
    ),
    pytest.param(
        "FROM registry.access.redhat.com/ubi9/ubi-minimal\n"
        "RUN chgrp 0 /etc/passwd && chmod g=u /etc/passwd\n",
        [(2, "LG004")],
        id="X-the-user-database-of-ubi-minimal",
    ),
    pytest.param(
        "FROM eclipse-temurin:17\nRUN curl -fsSL https://x/spark-3.5.1-bin-hadoop3.tgz"
        " | tar -xz -C /opt && ln -s /opt/spark-3.5.1-bin-hadoop3 /opt/spark\n"
        "RUN mv /opt/spark-3.5.1-bin-hadoop3/conf/log4j2.properties.template"
        " /opt/spark-3.5.1-bin-hadoop3/conf/log4j2.properties\n",
        # a file a mv names below an unpacked archive is there, or the mv fails
        [(3, "LG003")],
        id="X-mv-of-a-file-an-archive-held",
    ),
    pytest.param(
        "FROM python:3.12-slim\nENV PIP_FIND_LINKS=/wheels PIP_NO_INDEX=1 PIP_NO_CACHE_DIR=1\n"
        "COPY --from=ghcr.io/x/w:1 /wheels/ /wheels/\nRUN pip install myapp\n",
        # pip reads --find-links from the environment
        [(3, "LG006")],
        id="X-pip-s-find-links-from-the-environment",
    ),
    pytest.param(
        "FROM debian:12\nRUN wget -q https://x/a.deb && mv -t /tmp/ a.deb\n"
        "RUN dpkg -i /tmp/a.deb && rm /tmp/a.deb\n",
        [(3, "LG003")],  # mv -t names the directory first
        id="X-mv-with-a-target-directory",
    ),
    pytest.param(
        "FROM eclipse-temurin:17-jdk\nRUN cd $HOME && curl -L -O"
        " https://x/wildfly-26.1.3.Final.tar.gz && tar xf wildfly-26.1.3.Final.tar.gz"
        " && mv $HOME/wildfly-26.1.3.Final /opt/wildfly && rm wildfly-26.1.3.Final.tar.gz\n"
        "COPY standalone.xml /opt/wildfly/standalone/configuration/standalone.xml\n",
        [(3, "LG002")],  # the shell's HOME is the user's: `cd $HOME` goes there
        id="X-cd-to-the-home",
    ),
    pytest.param(
        "FROM ruby:3.3\nRUN bash -vxc \"gem install bundler\"\nRUN sh -e -c 'gem install rake'\n",
        [(2, "LG005"), (3, "LG005")],  # the script of -c after other options
        id="X-a-shell-s-options-before-c",
    ),
    # Tenth session: held-out sets 1-22 re-read for classes.
    pytest.param(
        "FROM eclipse-temurin:17\nENV KAFKA_HOME=/kafka\n"
        "RUN curl -fSL -o /tmp/kafka.tgz https://x/kafka/3.3.1/kafka_2.13-3.3.1.tgz\n"
        "RUN mkdir $KAFKA_HOME && tar -xzf /tmp/kafka.tgz -C $KAFKA_HOME --strip-components 1\n"
        "COPY log4j.properties $KAFKA_HOME/config/log4j.properties\n",
        # the address says what an archive an earlier RUN saved under a plain name holds
        [(5, "LG002")],
        id="Y-a-distribution-downloaded-by-an-earlier-run",
    ),
    pytest.param(
        "FROM tomcat:9.0\nWORKDIR /usr/local/tomcat\n"
        "RUN rm -rf webapps && mv webapps.dist/ webapps\n"
        "COPY context.xml webapps/manager/META-INF/context.xml\n",
        # a tree of the base image moved holds its files where it went (and writes them again)
        [(3, "LG003"), (4, "LG002")],
        id="Y-a-base-tree-moved",
    ),
    pytest.param(
        "FROM php:8.2-fpm\nRUN cp -r /usr/local/etc/php-fpm.d /etc/fpm/\n"
        "RUN cp -a /usr/local/etc/php-fpm.d/. /srv/fpm\nCOPY www.conf /etc/fpm/php-fpm.d/\n"
        "COPY www.conf /srv/fpm/\nCOPY www.conf /etc/fpm/www.conf\n",
        # copied into a directory, or its contents (dir/.) into one; not where it never went
        [(4, "LG002"), (5, "LG002")],
        id="Y-a-base-tree-copied",
    ),
    pytest.param(
        "FROM tomcat:9.0\nWORKDIR /usr/local/tomcat\nRUN wget https://x/rasp-any.tar.gz\n"
        "RUN tar -zxvf rasp-any.tar.gz\nRUN mv rasp-*/rasp lib/\nRUN mv rasp-*/logs /tmp/\n",
        # what a mv names at any depth below an unpacked archive is there, or the mv fails
        # (not a directory for what the program writes: it may be empty)
        [(5, "LG003")],
        id="Y-mv-of-a-tree-deep-in-an-archive",
    ),
    pytest.param(
        "FROM debian:12\nRUN curl -o- https://x/nvm/install.sh | bash\n"
        "RUN bash -c '. ~/.nvm/nvm.sh && nvm install --lts && rm -rf ~/.nvm/.cache/src'\n",
        # nvm keeps each Node.js tarball it fetched in $NVM_DIR/.cache/bin
        [(3, "LG005")],
        id="Y-nvm-keeps-the-tarballs-it-installed",
    ),
    pytest.param(
        "FROM mcr.microsoft.com/devcontainers/typescript-node:20\n"
        "RUN su vscode -c '. /usr/local/share/nvm/nvm.sh && nvm install 18"
        " && rm -rf ~/.nvm/.cache'\n",
        # (NVM_DIR is where nvm.sh is: the devcontainers' /usr/local/share/nvm, not ~/.nvm)
        [(2, "LG005")],
        id="Y-nvm-s-dir-is-where-nvm-sh-is",
    ),
    pytest.param(
        "FROM node:20\nRUN npm install -g n && npm cache clean --force && n lts\n"
        "RUN n 18.20.4 --cleanup && n prune\nRUN n ls && n doctor\n",
        # n keeps a copy of each Node.js it installs in /usr/local/n/versions, but with --cleanup
        [(2, "LG005")],
        id="Y-n-keeps-a-copy-of-each-node",
    ),
    pytest.param(
        "FROM eclipse-temurin:17\nRUN curl -s https://get.sdkman.io | bash\n"
        "RUN bash -c '. $HOME/.sdkman/bin/sdkman-init.sh && sdk install gradle 8.5'\n"
        "RUN bash -c '. $HOME/.sdkman/bin/sdkman-init.sh && sdk install maven 3.9.6"
        " && sdk flush tmp'\n"
        "RUN bash -c '. $HOME/.sdkman/bin/sdkman-init.sh && sdk install java local /opt/java'\n"
        "RUN . /usr/local/rvm/scripts/rvm && rvm install 3.2.2\n"
        "RUN . /usr/local/rvm/scripts/rvm && rvm install 3.3.0 && rvm cleanup all\n",
        # SDKMAN keeps each download in tmp/, rvm in archives/ (not a local copy sdk installs);
        # their own cleanups in a later RUN remove an earlier layer's
        [(3, "LG005"), (4, "LG003"), (6, "LG005"), (7, "LG003")],
        id="Y-sdkman-and-rvm-keep-their-downloads",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN useradd -m app\nUSER app\n"
        "RUN curl -sSL https://get.rvm.io | bash -s stable && bash -lc 'rvm install 3.2.2'"
        " && rm -rf /home/app/.rvm/archives/*\n"
        "RUN bash -lc 'rvm install 3.3.0'\n",
        [(5, "LG005")],  # a user's rvm keeps its downloads in ~/.rvm/archives
        id="Y-a-user-s-rvm",
    ),
    pytest.param(
        "FROM ocaml/opam:debian-12-ocaml-5.1\nRUN opam init -y && opam install -y dune\n"
        "RUN opam install -y odoc && opam clean\nFROM debian:12\n"
        "RUN curl -fsSL https://x/install.sh | bash && brew install jq\n"
        "RUN brew install fd && brew cleanup --prune=all\nRUN npm i -g bower && bower install\n",
        # Homebrew's and bower's downloads, cleaned by their own commands (a later RUN's
        # removes an earlier layer's)
        [(5, "LG005"), (6, "LG003"), (7, "LG005")],
        id="Y-opam-brew-and-bower-keep-their-downloads",
    ),
    pytest.param(
        "FROM ocaml/opam:debian-12-ocaml-5.1\nRUN opam install -y dune\n"
        "RUN opam init -y && opam install -y odoc && opam clean\n"
        "RUN opam switch create safot ocaml-base-compiler.4.12.0\n",
        # (opam's images run as opam: its ~/.opam; a new switch is a compiler built from its
        # sources, held out 169)
        [(2, "LG005"), (3, "LG003"), (4, "LG005")],
        id="Y-opam-s-download-cache",
    ),
    pytest.param(
        "FROM gentoo/stage3\nRUN emerge-webrsync\nRUN emerge nginx\n"
        "RUN emerge git && eclean-dist\nRUN emerge -p vim && emerge --search vim\n"
        "RUN emerge --sync && emerge curl && rm -rf /var/cache/distfiles/* /var/db/repos/gentoo\n",
        # Portage keeps each package's sources in distfiles and the repository tree a sync
        # fetched (held out 88); eclean-dist empties distfiles alone, a pretend or a search
        # fetches nothing
        [(2, "LG005"), (3, "LG005"), (4, "LG003"), (6, "LG003")],
        id="Y-portage-keeps-distfiles-and-the-tree",
    ),
    pytest.param(
        "FROM clfoundation/sbcl\nRUN ros install sbcl-bin\nRUN ros install ./app.asd\n"
        "RUN ros install ccl-bin && rm -rf ~/.roswell/archives\nRUN ros run -- --version\n",
        # Roswell keeps a Lisp's archive, and Quicklisp a system's dependencies (held out 114)
        [(2, "LG005"), (3, "LG005"), (4, "LG003")],
        id="Y-roswell-keeps-its-downloads",
    ),
    pytest.param(
        "FROM perl:5.38\nRUN cpan Log::Log4perl\nRUN cpan -i JSON && rm -rf ~/.cpan\nRUN cpan -l\n",
        # CPAN.pm keeps each module's tarball and build tree (held out 175); a listing fetches
        # nothing
        [(2, "LG005"), (3, "LG003")],
        id="Y-cpan-keeps-sources-and-builds",
    ),
    pytest.param(
        "FROM python:3.10.5 AS build\nRUN curl -sL -o /tmp/flatc.zip https://x/flatc.zip"
        " && unzip /tmp/flatc.zip -d /usr/local/bin/\nFROM python:3.10.5-slim\n"
        "COPY --from=build /usr/local/bin/ /usr/local/bin/\n",
        # an archive unpacked into python's /usr/local/bin does not make it the builder's own
        [(4, "LG002")],
        id="Y-unpacked-into-a-tree-the-base-fills",
    ),
    pytest.param(
        "FROM debian:12-slim\nADD s6-overlay-amd64.tar.gz /\n"
        "RUN mv /etc/s6/init/init-stage3 /etc/s6/init/init-stage3-original\n",
        [(3, "LG003")],  # an ADD unpacks a local tar as a RUN's tar -x would
        id="Y-mv-below-what-add-unpacked",
    ),
    pytest.param(
        "FROM node:20 AS builder\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n"
        "FROM builder AS post\nRUN rm -rf /app/packages/docs\nFROM node:20-slim\n"
        "WORKDIR /app\nCOPY --from=builder /app/packages/i18n/ ./packages/i18n/\n"
        "COPY --from=builder /app/packages/docs/ ./packages/docs/\n"
        "COPY --from=post /app/packages ./packages\nCOPY --from=node:20 /usr /opt/usr\n",
        # a stage grown from another holds what that one's copy took (held out 14), less what
        # its RUNs removed
        [(11, "LG002")],
        id="Y-a-tree-from-a-stage-grown-from-one-a-subtree-came-from",
    ),
    pytest.param(
        "FROM ruby:3.1-slim\nRUN gem install oj && rm -rf /usr/lib/ruby/gems/*/cache/*.gem\n"
        "RUN gem install rake && rm -rf /usr/local/bundle/cache/*.gem\n",
        # the ruby image's GEM_HOME keeps gem install's .gem files in /usr/local/bundle/cache,
        # not in the system ruby's gem dir (held out 8); its own cache removed is the
        # install's cleanup (and a removal of line 2's, which stays below)
        [(2, "LG005"), (3, "LG003")],
        id="Y-gem-install-under-the-ruby-image-s-gem-home",
    ),
    pytest.param(
        "FROM debian:bookworm\nRUN apt-get update && apt-get install -y php"
        " && rm -rf /var/lib/apt/lists/*\nCOPY php.ini /etc/php/8.2/apache2/php.ini\n"
        "FROM ubuntu:20.04\nRUN add-apt-repository -y ppa:ondrej/php && apt-get update"
        " && apt-get install -y php-fpm && rm -rf /var/lib/apt/lists/*\n"
        "COPY php.ini /etc/php/7.4/fpm/php.ini\n",
        # `php` brings Apache's module; Ondřej Surý's packages are of another PHP (red team 10)
        [],  # (the first stage is not shipped)
        id="Y-php-of-another-repository",
    ),
    pytest.param(
        "FROM debian:bookworm\nRUN apt-get update && apt-get install -y php"
        " && rm -rf /var/lib/apt/lists/*\nCOPY php.ini /etc/php/8.2/apache2/php.ini\n",
        [(3, "LG002")],
        id="Y-php-brings-apache-s-module",
    ),
    pytest.param(
        "FROM ubuntu:20.04\nRUN apt-get update && apt-get install -y php-fpm php-xdebug roundcube"
        " && rm -rf /var/lib/apt/lists/*\nCOPY php.ini /etc/php/7.4/fpm/php.ini\n"
        "COPY xdebug.ini /etc/php/7.4/mods-available/xdebug.ini\n"
        "COPY config.inc.php /etc/roundcube/\nCOPY php.ini /etc/php/8.1/fpm/php.ini\n"
        "COPY cli.ini /etc/php/7.4/cli/php.ini\n",
        # an unversioned PHP package installs the release's own (focal's 7.4; held out 21), and
        # roundcube brings roundcube-core's config (held out 4); php-fpm brings php-cli
        [(3, "LG002"), (4, "LG002"), (5, "LG002"), (7, "LG002")],
        id="Y-the-release-s-php-and-roundcube",
    ),
    pytest.param(
        "FROM python:3.11\nCOPY src /app/src\nRUN rm -f /app/src/local.cfg\n"
        "RUN rm -rf /app/src/bundle.js\nRUN useradd -m -d /srv/app app\n"
        "COPY app /srv/app/code\nRUN rm /srv/app/settings.py /srv/app/.bashrc\n"
        "RUN mv -f /app/src/example.py /app/src/settings.py\n",
        # `rm -f` says the file may be missing: below a tree not listed, it may never have been
        # copied (a gitignored config; held out 3, 26 and 30); `rm -rf` is what nearly everyone
        # writes, and a name there counts (mv -f only does not ask: mv fails on a missing
        # file). useradd -m's home holds /etc/skel's dotfiles alone.
        [(4, "LG003"), (7, "LG003"), (8, "LG003")],
        id="Y-rm-f-of-a-name-below-a-tree-not-listed",
    ),
    pytest.param(
        "FROM codercom/code-server:4.89.1\nRUN code-server --install-extension ms-python.python\n"
        "USER root\nRUN chown -R coder /home/coder/.local/share/code-server/extensions\n"
        "RUN chown -R coder /root/.local/share/code-server\n",
        # code-server's image runs as its user coder (red team 10)
        [(4, "LG004")],
        id="Y-code-server-s-image-runs-as-coder",
    ),
    pytest.param(
        "FROM debian:12\nRUN useradd -m coder\nUSER coder\n"
        "RUN code-server --install-extension ms-python.python\n"
        "RUN code-server --extensions-dir /tmp/ext --install-extension ms-toolsai.jupyter\n"
        "RUN code-server --user-data-dir /opt/cs --install-extension x\n"
        "USER root\nRUN chown -R root /home/coder/.local/share/code-server/extensions\n"
        "RUN chmod -R 755 /tmp/ext\nRUN chown -R 1000 /opt/cs\n",
        # code-server unpacks each extension into the user's extensions directory (held out 16),
        # or <user-data-dir>/extensions
        [(8, "LG004"), (9, "LG004"), (10, "LG004")],
        id="Y-code-server-extensions",
    ),
    pytest.param(
        "FROM jupyter/base-notebook:lab-3.6.3\nRUN jupyter labextension install @jupyterlab/toc\n"
        "RUN conda run -n base --no-capture-output jupyter lab build\n"
        "RUN jupyter labextension install x --no-build\n"
        "RUN jupyter labextension install y && jlpm cache clean\n"
        "RUN jupyter lab build && rm -rf ~/.cache/yarn\n",
        # JupyterLab's build runs its own yarn, jlpm, whose cache stays (a user's is in ~); a
        # later jlpm cache clean removes it from the earlier layers too late; `--no-build`
        # still fetches the extension, by `npm pack`, into npm's cache
        [(2, "LG005"), (3, "LG005"), (4, "LG005"), (5, "LG003")],
        id="Y-a-jupyterlab-build-keeps-yarn-s-cache",
    ),
    pytest.param(
        "FROM jupyter/base-notebook:lab-2.2.9\nCOPY ext /ext\n"
        "RUN cd /ext && jupyter labextension link .\n"
        "RUN cd /ext && jupyter labextension link . --no-build\n",
        # JupyterLab 1 to 3's `labextension link` builds too (held out 163), unless told not to
        [(3, "LG005")],
        id="Y-a-jupyterlab-link-builds-too",
    ),
    pytest.param(
        "FROM alpine:3.6\nRUN wget https://x/kafka_2.11-0.11.0.2.tgz -O /tmp/kafka.tgz"
        " && tar -xzf /tmp/kafka.tgz -C /opt && mv /opt/kafka* /opt/kafka && rm -f /tmp/kafka.tgz\n"
        "ADD kafka-producer-perf-test.sh /opt/kafka/bin/kafka-producer-perf-test.sh\n"
        "ADD log4j.properties /opt/kafka/config/log4j.properties\n",
        # a mv by a glob moves the archive's top: its own source is no removal of where it went
        [(3, "LG002"), (4, "LG002")],
        id="Y-a-distribution-moved-by-a-glob",
    ),
    pytest.param(
        "FROM gcr.io/oss-fuzz-base/base-builder\nADD https://x/afl-latest.tgz $SRC/\n"
        "RUN mkdir afl && tar -xzf $SRC/afl-latest.tgz -C afl && rm -rf $SRC/afl-latest.tgz\n",
        # OSS-Fuzz's base images set SRC (and OUT, WORK), where every project's files go
        [(2, "LG006"), (3, "LG003")],
        id="Y-oss-fuzz-s-src",
    ),
    pytest.param(
        "FROM alpine:3.23\nRUN apk add --no-cache nginx\n"
        "RUN chown -R nobody:nobody /run /var/lib/nginx /var/log/nginx\n",
        # Alpine's nginx package keeps its default site in /var/lib/nginx/html
        [(3, "LG004")],
        id="Y-a-tree-holding-a-package-s-files",
    ),
    pytest.param(
        "FROM php:8.2-apache\nCOPY --from=composer:2 /usr/bin/composer /usr/bin/composer\n"
        "RUN composer create-project akeneo/pim-community-standard /var/www/html\n"
        "RUN chown -R www-data:www-data /var/www/html\n",
        # create-project installs a project's packages through the cache, and writes the project
        [(3, "LG005"), (4, "LG004")],
        id="Y-composer-create-project",
    ),
    pytest.param(
        "FROM eclipse-temurin:11\nCOPY aem-quickstart.jar /opt/aem/\n"
        "RUN cd /opt/aem && java -jar aem-quickstart.jar -unpack && rm aem-quickstart.jar\n",
        [(2, "LG006"), (3, "LG003")],  # AEM's quickstart told to unpack itself
        id="Y-a-jar-that-unpacks",
    ),
    pytest.param(
        "FROM debian:12\nRUN wget https://deb.nodesource.com/setup_20.x -O nodejs-install.sh"
        " && chmod +x ./nodejs-install.sh && ./nodejs-install.sh && apt-get install -y nodejs\n",
        [(2, "LG005")],  # (its apt-get update leaves the lists)
        id="Y-a-vendor-script-saved-and-run",
    ),
    pytest.param(
        "FROM debian:12-slim\n"
        "RUN curl -fsSL https://deb.nodesource.com/setup_20.x -o /tmp/nodesource_setup.sh\n"
        "RUN bash /tmp/nodesource_setup.sh && apt-get install -y nodejs\n",
        [(3, "LG005")],  # a vendor's script saved by one RUN and run by a later one
        id="Y-a-vendor-script-run-by-a-later-run",
    ),
    pytest.param(
        "FROM golang:1.23-alpine AS builder\nRUN go build -o /app .\nFROM alpine:3.20\n"
        "COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n"
        "FROM alpine:3.6\nCOPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n",
        [],  # (alpine:3.6 had no CA bundle of its own)
        id="Y-alpine-3-6-without-a-ca-bundle",
    ),
    pytest.param(
        "FROM golang:1.23-alpine AS builder\nRUN go build -o /app .\nFROM alpine:3.20\n"
        "COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n",
        [(4, "LG002")],  # Alpine's image holds its CA bundle since 3.14
        id="Y-alpine-s-ca-bundle",
    ),
    pytest.param(
        "FROM debian:12 AS publish\nWORKDIR /app\nCOPY bitcoin-cli ./\nCOPY *.sh ./\n"
        "FROM publish AS final\nWORKDIR /app\nCOPY --from=publish /app ./\n",
        # the image is built on the stage it copies a tree back from: what is there, again
        [(7, "LG002")],
        id="Y-a-tree-copied-back-from-the-stage-below",
    ),
    pytest.param(
        "FROM centos:7\nRUN cd /usr/local && wget https://x/apache-tomcat-8.5.16.tar.gz"
        " && tar xzf apache-tomcat-8.5.16.tar.gz && rm apache-tomcat-8.5.16.tar.gz"
        " && ln -s /usr/local/apache-tomcat-8.5.16 /usr/local/tomcat\n"
        "RUN cd /usr/local/tomcat/webapps && rm -rf docs examples\nRUN rm /usr/local/tomcat\n",
        # a path below a link an earlier RUN made is its target's (the link alone is the link)
        [(3, "LG003")],
        id="Y-a-removal-through-a-link",
    ),
    pytest.param(
        "FROM alpine:3.20\nRUN apk add --no-cache easy-rsa"
        " && ln -s /usr/share/easy-rsa/easyrsa /usr/local/bin\n"
        "ADD ./bin /usr/local/bin\nRUN chmod a+x /usr/local/bin/*\n",
        # `ln -s TARGET DIR` makes the link inside the directory, not over it
        [(4, "LG004")],
        id="Y-a-link-made-inside-a-bin-directory",
    ),
    pytest.param(
        "FROM php:7.1-fpm\nRUN mkdir -p /usr/src/php/ext\n"
        "RUN curl -o m.tgz -SL https://x/memcached.tgz && tar -xf m.tgz -C /usr/src/php/ext/"
        " && rm m.tgz\n"
        "RUN docker-php-ext-configure memcached && docker-php-ext-install memcached\n"
        "RUN docker-php-ext-configure ldap\nRUN docker-php-ext-install ldap\n",
        # the source directory was there before: configure marks nothing and install keeps it
        [],
        id="Z-php-source-that-was-there-is-not-deleted",
    ),
    pytest.param(
        "FROM debian:12\nRUN curl -L -o /tmp/m.sh https://x/Miniforge3-Linux-x86_64.sh"
        " && bash /tmp/m.sh -b -p /opt/conda && rm /tmp/m.sh\n"
        "RUN /opt/conda/bin/conda clean -afy\nRUN rm -rf /opt/conda/pkgs\n"
        "COPY app.tgz /opt/app/\nRUN tar -xzf /opt/app/app.tgz -C /opt/app && rm -rf /opt/app/lib\n"
        "RUN rm -rf /opt/app/lib\n",
        # what a removal took below a tree is gone: removing it again hides nothing
        [(2, "LG005"), (3, "LG003"), (5, "LG006")],
        id="Z-a-path-removed-below-a-tree-is-gone",
    ),
    pytest.param(
        "FROM jupyter/minimal-notebook:lab-3.6.1\n"
        "RUN mamba create -y --name py37 python=3.7 -c conda-forge && mamba clean -afy\n"
        "RUN source activate py37 && mamba install -y pandas && mamba clean -afy\n"
        "RUN conda install -y -p /opt/envs/x numpy && conda clean -afy\n"
        "RUN rm -r /opt/conda/share/jupyter/kernels/python3\n"
        "RUN rm -rf /opt/conda/envs/py37/lib/python3.7/site-packages/pandas/tests\n"
        "RUN rm -rf /opt/envs/x/lib/python3.12/site-packages/numpy/tests\n",
        # a named environment (`-n`, `-p`, activated) is where those installs write, not the
        # root's share/ (the image's own kernelspec)
        [(6, "LG003"), (7, "LG003")],
        id="Z-conda-installs-into-a-named-environment",
    ),
    pytest.param(
        "FROM rust:1.80\nRUN cargo install xargo --root /usr/local"
        " && go install golang.org/x/tools/gopls@latest && rm -rf /usr/local/cargo/registry\n"
        "RUN mv /etc/apt/sources.list /etc/apt/sources.list.bak\nRUN rm /usr/local/bin/xargo\n",
        # what cargo and go fetch is built elsewhere: the directory they run in (/) is not
        # filled; `--root` is where the program lands
        [(2, "LG005"), (4, "LG003")],
        id="Z-a-fetched-build-leaves-its-directory-alone",
    ),
    pytest.param(
        "FROM ubuntu:20.04\nRUN apt-get update && apt-get install -y julia"
        " && rm -rf /var/lib/apt/lists/*\n"
        'RUN julia -e \'push!(DEPOT_PATH, "/usr/share/julia"); using Pkg; Pkg.add("IJulia")\''
        " && chmod -R +rx /usr/share/julia/ && chmod -R +rx /usr/share/ijulia\n",
        # the directory named for a package an earlier layer installed holds its files,
        # whatever the RUN ran first; one named for no installed package says nothing
        [(3, "LG004")],
        id="Z-a-package-s-own-directory-holds-its-files",
    ),
    pytest.param(
        "FROM php:8.2-fpm-alpine\n"
        "RUN some-tool --init && chown -R www-data:www-data /usr/local/etc/php-fpm.d\n"
        "RUN rm -f /usr/local/etc/php-fpm.d/*.conf\n"
        "RUN chown -R www-data /usr/local/etc/php-fpm.d\n",
        # the base's own files are there whatever the RUN ran first, until a removal takes them
        # (which hides the copies line 2 made as well)
        [(2, "LG004"), (3, "LG003")],
        id="Z-a-recursive-chown-over-files-every-image-of-the-base-holds",
    ),
    pytest.param(
        "FROM debian:12\nCOPY buildout.cfg /plone/instance/\n"
        "RUN find /plone -not -user plone -exec chown plone:plone {} +\n"
        "RUN find /plone ! -user root -exec chown root {} +\n",
        # all but what the user owns: the build wrote as root; all but root's: little
        [(3, "LG004")],
        id="Z-find-all-but-what-a-user-owns",
    ),
    pytest.param(
        "FROM tomcat:9.0-jdk17\nRUN rm -rf ${CATALINA_HOME}/webapps.dist/examples\n"
        "RUN rm -rf /usr/local/tomcat/webapps.dist && rm -rf /usr/local/tomcat/webapps/*\n",
        # tomcat's default applications, moved out of webapps/ (which the image leaves empty)
        [(2, "LG003"), (3, "LG003")],
        id="Z-tomcat-s-default-applications",
    ),
    pytest.param(
        "FROM ubuntu:24.04\nCOPY build.tgz /bd_build/\n"
        "RUN find /bd_build/ -not \\( -name bd_build -or -name cleanup.sh \\) -delete\n"
        "COPY lib.tgz /opt/lib/\n"
        "RUN find /opt/lib -not \\( -name '*.so' -o -newer /x \\) -delete\n",
        # all but a few names deletes the rest; a group with another test selects by it
        [(3, "LG003")],
        id="Z-find-all-but-a-group-of-names",
    ),
    pytest.param(
        "FROM tomcat:9.0\nRUN mv webapps.dist webapps\n"
        "COPY context.xml webapps/manager/META-INF/context.xml\n",
        # tomcat's own webapps/ is there (empty) and takes webapps.dist inside: no LG002 at
        # line 3; the move writes the default applications again (LG003)
        [(2, "LG003")],
        id="Y-a-base-tree-moved-into-a-directory",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y postgresql-14"
        " && setcap cap_sys_nice+ep /usr/bin/chrt && rm -rf /var/lib/apt/lists/*\n",
        # the scheduling tools of every Ubuntu image, whatever the RUN installed first
        [(2, "LG004")],
        id="Z-setcap-on-a-program-of-every-image",
    ),
    pytest.param(
        "ARG SOURCE_IMAGE\nFROM ${SOURCE_IMAGE}\nUSER ${NB_UID}\n"
        'COPY --chown=${NB_UID}:${NB_GID} environment.yaml "${HOME}/tmp/"\n'
        'RUN fix-permissions "${HOME}"\nRUN pip install black\n',
        # a user the base names has the home a COPY to ${HOME} has (and its pip cache)
        [(5, "LG004"), (6, "LG005")],
        id="Z-the-home-of-a-user-the-base-names",
    ),
    pytest.param(
        'FROM ubuntu:20.04\nRUN [ "apt-get", "-q", "update" ]\n'
        'RUN [ "rm", "-rf", "/var/lib/apt/lists/*", "/tmp/*" ]\n'
        'RUN ["sh", "-c", "rm -rf /var/lib/apt/lists/*"]\n',
        # an exec-form RUN has no shell: the wildcard is a name no file has; a shell's is one
        [(2, "LG005"), (4, "LG003")],
        id="Z-an-exec-form-run-expands-no-wildcard",
    ),
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-get clean"
        " && rm /var/lib/apt/lists/*_*\n"
        "RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*.gpg\n",
        # `*_*` takes every index file apt wrote; `*.gpg` none of them
        [(3, "LG005")],
        id="Z-a-wildcard-that-takes-apt-s-index-files",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nCOPY install.sh /root/\n"
        "RUN cd /root/ && sudo chmod +x * && ./install.sh && rm -rf install.sh\n",
        # the file the wildcard changed is removed by the same RUN: only the whiteout
        [(3, "LG003")],
        id="Z-a-file-a-wildcard-changed-then-removed",
    ),
    pytest.param(
        "FROM node:20\nRUN npm cache add react vite\nRUN npx --yes playwright@latest install\n"
        "RUN npx prisma generate\nRUN npx -y cowsay hi && npm cache clean --force\n",
        # filling npm's cache on purpose, or fetching a package to run; not a project's own
        # (and line 5's clean takes what lines 2 and 3 left)
        [(2, "LG005"), (3, "LG005"), (5, "LG003")],
        id="Z-npm-cache-add-and-npx-fill-npm-s-cache",
    ),
    pytest.param(
        "FROM postgres:13.2-alpine AS builder\nRUN apk add --no-cache build-base"
        " && make -C /src/pgaudit install USE_PGXS=1\n"
        "FROM postgres:13.2-alpine\n"
        "COPY --from=builder /usr/local/share/postgresql /usr/local/share/postgresql\n"
        "COPY --from=builder /usr/local/lib/postgresql/pgaudit.so /usr/local/lib/postgresql/\n",
        # the builder's tree holds the base's own files (every extension's SQL, timezone data)
        [(4, "LG002")],
        id="Z-postgres-s-own-trees-copied-back-from-a-builder",
    ),
    pytest.param(
        "FROM centos:7\nRUN yum install -y unzip && yum clean all\n"
        "RUN cd /tmp/im && ./installc -log /opt/im_install.log -acceptLicense\n"
        "RUN /opt/IBM/InstallationManager/eclipse/tools/imcl install com.ibm.websphere.ND.v90"
        " -repositories /tmp/repo -installationDirectory /opt/IBM/WebSphere/AppServer"
        " -acceptLicense\nRUN cd /opt && chown -R wasadmin:wasadmin IBM\n"
        "RUN /opt/IBM/InstallationManager/eclipse/tools/imcl listInstalledPackages\n"
        "RUN chmod -R g+w /opt/IBM/WebSphere/AppServer/lib\n",
        # IBM Installation Manager installs itself, then each product where it is told
        [(5, "LG004"), (7, "LG004")],
        id="Z-ibm-installation-manager-fills-where-it-installs",
    ),
    pytest.param(
        "FROM php:8.2-cli\nWORKDIR /tmp\n"
        "RUN php -r \"copy('https://getcomposer.org/installer', 'composer-setup.php');\"\n"
        "RUN php composer-setup.php --install-dir=/usr/local/bin --filename=composer\n"
        "RUN php -r \"unlink('composer-setup.php');\"\n"
        "RUN php -r \"copy('https://x.example/i', 'c.php');\" && php c.php"
        " && php -r \"unlink('c.php');\"\n",
        # composer's own recipe, split over RUNs: the installer ships under a whiteout
        [(5, "LG003")],
        id="Z-composer-s-installer-fetched-and-unlinked-by-php",
    ),
    pytest.param(
        "FROM perl:5.38\nRUN cpanm --notest Mojolicious DBI\n"
        "RUN cpanm -n Plack && rm -rf ~/.cpanm\nRUN cpanm --version\n",
        # cpanm keeps each module's source and build in ~/.cpanm
        [(2, "LG005"), (3, "LG003")],
        id="Z-cpanm-keeps-its-work-directory",
    ),
    pytest.param(
        "FROM debian:12\n"
        'RUN ["bash", "-lc", "apt-get update && apt-get install -y curl'
        ' && rm -rf /var/lib/apt/lists/*"]\n'
        'RUN ["/bin/sh", "-e", "-c", "apt-get update && rm -rf /var/lib/apt/lists/*"]\n'
        'RUN ["bash", "-o", "pipefail", "-c", "apt-get update"]\n'
        'RUN ["bash", "-exo", "pipefail", "-c", "apt-get update"]\n',
        # a shell given its script after other options (red team 13), `-o` among a cluster's
        [(4, "LG005"), (5, "LG005")],
        id="Z-an-exec-form-shell-with-other-options",
    ),
    pytest.param(
        "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm cache clean --force\n"
        "RUN npx tsc -p tsconfig.build.json\nRUN npm exec -- tsc -p .\n"
        "RUN npx --no-install cowsay@1\nRUN npm pack\nRUN npx -p typescript tsc --version\n",
        # the command's own options are not npx's; the project's own pack fetches nothing
        [(9, "LG005")],
        id="Z-npx-s-own-options-only",
    ),
    pytest.param(
        "FROM continuumio/miniconda3\n"
        "RUN . /opt/conda/bin/activate nb && conda install -y numpy && conda clean -afy\n"
        "RUN rm -rf /opt/conda/share/man\n",
        # activated by the activate script's path: the install is nb's (red team 13)
        [],
        id="Z-conda-activated-by-its-script",
    ),
    pytest.param(
        "FROM ubuntu:20.04\nRUN apt-get update && apt-get install -y julia"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm -rf /usr/share/julia && mkdir -p /usr/share/julia"
        " && chown -R nobody /usr/share/julia\n",
        # the package's directory, removed first, is the RUN's own (red team 13)
        [(3, "LG003")],
        id="Z-a-package-s-directory-removed-first",
    ),
    pytest.param(
        "FROM tomcat:8.5.50\nRUN rm -rf /usr/local/tomcat/webapps/*\n",
        # before 8.5.51 and 9.0.31 the default applications were in webapps/ (red team 13)
        [(2, "LG003")],
        id="Z-an-old-tomcat-s-default-applications",
    ),
    pytest.param(
        "FROM alpine:3.20\nRUN apk add --no-cache util-linux-misc"
        " && setcap cap_sys_nice+ep /usr/bin/chrt\n",
        # Alpine's chrt comes with util-linux-misc: what the RUN installed (red team 13)
        [],
        id="Z-alpine-s-chrt-is-the-install-s",
    ),
    pytest.param(
        "FROM continuumio/miniconda3\nRUN conda env create -f environment.yml && conda clean -afy\n"
        "RUN rm -rf /opt/conda/envs/app/lib/python3.11/site-packages/tests\n"
        "RUN conda create -y -p /opt/env python=3.12 && conda clean -afy\n"
        "RUN chown -R app /opt/env\n",
        # an environment a file names lands below envs/; one told where fills that directory
        [(3, "LG003"), (5, "LG004")],
        id="Z-conda-environments-from-a-file-and-by-path",
    ),
    pytest.param(
        "FROM rust:1.80\nRUN cargo install ripgrep --root /opt/rg"
        " && rm -rf /usr/local/cargo/registry\nRUN chmod -R a+rx /opt/rg\n",
        # cargo's --root holds what it installed
        [(3, "LG004")],
        id="Z-cargo-s-root-changed-whole",
    ),
    pytest.param(
        "FROM maven:3-eclipse-temurin-17\nWORKDIR /app\nCOPY pom.xml .\n"
        "RUN mvn dependency:go-offline -B\nCOPY src ./src\n"
        "RUN mvn -q package -DskipTests && rm -rf ~/.m2/repository\n"
        "RUN ./mvnw -Dmaven.repo.local=/tmp/m2 package && rm -rf /tmp/m2\n"
        "RUN ./gradlew build --no-daemon\nRUN gradle -g /tmp/g build && rm -rf /tmp/g\n"
        "RUN mvn -v && mvn -o package && mvn -s settings.xml package\n"
        "RUN cd lib && mvn clean install\n"
        "RUN mvn install:install-file -Dfile=ojdbc8.jar -DgroupId=com.oracle -Dpackaging=jar\n"
        'CMD ["java", "-jar", "target/app.jar"]\n',
        # Maven's and Gradle's downloads in the image that runs the jar; not what `mvn install`
        # puts there for the builds after it
        [(4, "LG005"), (6, "LG003"), (8, "LG005")],
        id="Z-maven-and-gradle-caches-in-the-shipped-image",
    ),
    pytest.param(
        "FROM maven:3-eclipse-temurin-17\nWORKDIR /app\nCOPY . .\n"
        "RUN mvn dependency:go-offline -B\nRUN ./gradlew assemble\n"
        'CMD ["mvn", "spring-boot:run"]\n',
        # an image that builds when it starts needs what Maven fetched
        [(5, "LG005")],
        id="Z-maven-s-repository-read-by-the-start-command",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN cp -a /tmp/z/.z* /root\nRUN cp /tmp/conf/*.conf /etc/app/\n"
        "RUN cp -r /tmp/build/* /\nRUN chmod -R g+rw /root/.zshrc /etc/app/a.conf\n"
        "RUN rm -rf /usr/local/bin/kong\n",
        # what a wildcard matched is changed again; `cp -r build/* /` wrote all it holds
        [(5, "LG004"), (6, "LG003")],
        id="Z-cp-of-wildcards-changed-again",
    ),
    pytest.param(
        "FROM debian:12\nCOPY installer.zip install.file /u01/\n"
        "RUN useradd oracle && chown -R oracle /u01 && rm /u01/installer.zip /u01/install.file\n",
        # what the chown reached below /u01 is removed again in the same RUN: no copy-up ships
        [(3, "LG003")],
        id="Z-a-chown-s-files-removed-in-its-run",
    ),
    pytest.param(
        "FROM ruby:3.3-slim\nRUN gem install bundler -v 2.4.1 && rm -rf /usr/local/bundle/cache\n"
        "RUN gem uninstall -a bundler && gem uninstall rake\n",
        # what an earlier RUN installed, and the ruby image's bundled (not default) gems
        [(3, "LG003")],
        id="Z-gems-uninstalled-that-an-image-holds",
    ),
    pytest.param(
        "FROM ruby:2.7\nRUN gem uninstall bundler\n",
        # the ruby image's 2.x tags installed a bundler of their own
        [(2, "LG003")],
        id="Z-an-old-ruby-image-s-own-bundler-uninstalled",
    ),
    pytest.param(
        "FROM debian:12\nCOPY db.7z /opt/\nRUN 7zzs x /opt/db.7z -o/opt/db && rm /opt/db.7z\n",
        # 7-Zip's own Linux programs (7zz, its static build 7zzs) unpack as p7zip's 7z does
        [(2, "LG006"), (3, "LG003")],
        id="Z-7-zip-s-own-programs-unpack",
    ),
    pytest.param(
        "FROM debian:12\nENV RUSTUP_HOME=/usr/local/rustup CARGO_HOME=/usr/local/cargo\n"
        "RUN curl -sSf https://sh.rustup.rs | sh -s -- -y --no-modify-path"
        " && chmod -R a+w $RUSTUP_HOME $CARGO_HOME\n"
        "RUN rustup component add clippy && chmod -R a+w $RUSTUP_HOME $CARGO_HOME\n",
        # rustup's installer fills RUSTUP_HOME and CARGO_HOME: changed again in a later RUN
        [(4, "LG004")],
        id="Z-rustup-s-toolchains-changed-in-a-later-run",
    ),
    pytest.param(
        "FROM python:3.12\n"
        "RUN find install/ -name '*.whl' -exec pip3 install --upgrade {}[all] \\;\n"
        "RUN mim install mmengine 'mmcv>=2.0.0'\nRUN mim install --no-cache-dir mmdet\n",
        # pip run by find -exec, and by OpenMMLab's mim, keeps its cache
        [(2, "LG005"), (3, "LG005")],
        id="Z-pip-run-by-find-and-by-mim",
    ),
    pytest.param(
        "FROM centos:7\nADD apache-tomcat-9.0.13.tar.gz /opt/\n"
        "ADD web.xml /opt/apache-tomcat-9.0.13/webapps/manager/WEB-INF/\n"
        "COPY server.xml /opt/apache-tomcat-9.0.13/conf/\n"
        "COPY app.war /opt/apache-tomcat-9.0.13/webapps/\n",
        # the files of a release tarball ADD unpacked, as those of one a RUN unpacked
        [(3, "LG002"), (4, "LG002")],
        id="Z-a-release-tarball-add-unpacked-written-again",
    ),
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends maven"
        " && rm -rf /var/lib/apt/lists/*\nCOPY settings.xml /etc/maven/settings.xml\n",
        # the settings file Debian's (and RHEL's) maven package installs
        [(3, "LG002")],
        id="Z-maven-s-packaged-settings-written-again",
    ),
    pytest.param(
        "FROM debian:12\nRUN _trace && Q=-y || Q=-qq; P=(postfix rsyslog); apt-get update"
        ' && apt-get "$Q" install --no-install-recommends "${P[@]}"'
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY main.cf /etc/postfix/main.cf\n",
        # the packages an array names, installed by an apt-get given options by a variable
        [(3, "LG002")],
        id="Z-packages-an-array-names",
    ),
    pytest.param(
        "FROM php:8.4-fpm-alpine\nCOPY --from=lagoon/commons /bin/fix-permissions /bin/\n"
        "COPY app/ /app/\nRUN fix-permissions /app\nRUN fix-permissions /app/config\n",
        # on another runtime's image fix-permissions is not Jupyter's: every file, every time
        [(4, "LG004"), (5, "LG004")],
        id="Z-a-fix-permissions-of-the-build-s-own",
    ),
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl"
        ' && rm -rf "/var/lib/apt/lists/*"\nRUN rm -rf "/var/lib/apt/lists/*"\n',
        # a quoted wildcard names a file called `*`: the lists stay, and nothing is removed
        [(2, "LG005")],
        id="Z-a-quoted-wildcard-removes-nothing",
    ),
    pytest.param(
        "FROM python:3.12\nWORKDIR /root\nCOPY dist ./wheels/\nCOPY install.sh .\n"
        "RUN cd /tmp && cd && bash ./install.sh && rm ./install.sh"
        " && pip install --no-cache-dir ./wheels/*.whl\n",
        # `cd` alone goes to the home, where the COPYs wrote
        [(3, "LG006"), (5, "LG003")],
        id="Z-cd-alone-goes-home",
    ),
    pytest.param(
        "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y postgresql mariadb-server"
        " && rm -rf /var/lib/apt/lists/*\nRUN chown -R postgres:postgres /var/lib/postgresql\n"
        "RUN rm -rf /var/lib/mysql/*\nRUN chown -R nginx /var/lib/nginx\n",
        # Debian's postgresql and MariaDB servers fill their data directories when installed
        [(3, "LG004"), (4, "LG003")],
        id="Z-a-database-server-s-data-directory",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y nodejs"
        " && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /usr/lib/node_modules/npm\n",
        # node's own package (nodesource's ships npm there)
        [(3, "LG003")],
        id="Z-npm-s-global-tree-after-node",
    ),
    pytest.param(
        "FROM python:3.12\nENV PIP_YES=1\nRUN pip install --no-cache-dir requests six\n"
        "RUN pip uninstall requests\nRUN pip3 uninstall -y six\n",
        # answered by PIP_YES or -y
        [(4, "LG003"), (5, "LG003")],
        id="Z-a-pip-uninstall-answered",
    ),
    pytest.param(
        "FROM php:8.0-fpm AS builder\nRUN docker-php-ext-install pdo_mysql\nFROM php:8.0-fpm\n"
        "COPY --from=builder /usr/local/etc/php/conf.d /usr/local/etc/php/conf.d\n",
        # a `.d` name is a directory: its contents, the base's sodium .ini among them, land there
        [(4, "LG002")],
        id="Z-a-conf-d-copied-back",
    ),
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y apache2 nginx opendkim ssmtp"
        " imagemagick pulseaudio-utils default-mysql-server && rm -rf /var/lib/apt/lists/*\n"
        "COPY security.conf /etc/apache2/conf-available/security.conf\n"
        "COPY fastcgi.conf /etc/nginx/fastcgi.conf\nCOPY opendkim.conf /etc/opendkim.conf\n"
        "COPY ssmtp.conf /etc/ssmtp/ssmtp.conf\nCOPY policy.xml /etc/ImageMagick-6/policy.xml\n"
        "COPY client.conf /etc/pulse/client.conf\nCOPY my.cnf /etc/mysql/debian.cnf\n"
        "COPY login.defs /etc/login.defs\n",
        # the files those packages (and the image) install, written again
        [(line, "LG002") for line in range(3, 11)],
        id="Z-package-configuration-written-again",
    ),
    pytest.param(
        "FROM alpine:3.20\nRUN apk add --no-cache syslog-ng=4.7.1-r1 nginx ssmtp\n"
        "COPY syslog-ng.conf /etc/syslog-ng/syslog-ng.conf\n"
        "COPY fastcgi.conf /etc/nginx/fastcgi.conf\nCOPY ssmtp.conf /etc/ssmtp/ssmtp.conf\n",
        [(3, "LG002"), (4, "LG002"), (5, "LG002")],
        id="Z-alpine-package-configuration-written-again",
    ),
    pytest.param(
        "FROM php:8.2-apache\nCOPY default-ssl.conf /etc/apache2/sites-available/\n"
        "COPY security.conf /etc/apache2/conf-available/security.conf\n",
        # php's apache tags install Debian's apache2
        [(2, "LG002"), (3, "LG002")],
        id="Z-php-apache-s-configuration",
    ),
    pytest.param(
        "FROM debian:12\nCOPY app.sh /etc/init.d/app\n"
        "RUN chmod +x /etc/init.d/app && sed -i 's/a/b/' /etc/init.d/app\n"
        "RUN rm /etc/init.d/app\nCOPY aws /usr/local/bin/aws\n"
        "RUN if [ -x /usr/local/bin/aws ]; then mv /usr/local/bin/aws /opt/aws; fi\n",
        # the edit after the chmod writes the file whole into the layer anyway (held out 73);
        # an edit does not make the file this RUN's for a later removal; a file test guards
        # nothing a layer is known to have written
        [(4, "LG003"), (6, "LG003")],
        id="Z-in-place-edits-and-file-tests-hide-nothing",
    ),
    pytest.param(
        "FROM centos:7\nRUN yum install -y httpd mod_ssl php php-fpm php-opcache uwsgi"
        " && yum clean all\nCOPY 00-mpm.conf /etc/httpd/conf.modules.d/00-mpm.conf\n"
        "COPY ssl.conf /etc/httpd/conf.d/ssl.conf\nCOPY php.ini /etc/php.ini\n"
        "COPY www.conf /etc/php-fpm.d/www.conf\nCOPY 10-opcache.ini /etc/php.d/\n"
        "COPY uwsgi.ini /etc/uwsgi.ini\n",
        # the configuration RHEL's httpd, PHP and EPEL's uwsgi install
        [(line, "LG002") for line in range(3, 9)],
        id="Z-rhel-package-configuration-written-again",
    ),
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y postgresql-15"
        " && rm -rf /var/lib/apt/lists/*\nCOPY pg_hba.conf /etc/postgresql/15/main/pg_hba.conf\n",
        # Debian's postgresql made its main cluster on install
        [(3, "LG002")],
        id="Z-a-cluster-s-configuration-written-again",
    ),
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y postgresql-15-postgis-3"
        " && rm -rf /var/lib/apt/lists/*\nADD postgresql.conf /etc/postgresql/15/main/\n"
        "RUN chown -R postgres /var/lib/postgresql\n",
        # an extension of PostgreSQL.org's packages brings its server, and the main cluster
        # (held out 176)
        [(3, "LG002"), (4, "LG004")],
        id="Z-an-extension-brings-its-server-s-cluster",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y wget gdebi-core"
        " && wget -q https://x/rstudio-server-2023.12.1-402-amd64.deb"
        " && dpkg -i rstudio-server-*-amd64.deb && rm rstudio-server-*-amd64.deb"
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY pam-helper.sh /usr/lib/rstudio-server/bin/pam-helper\n",
        # a vendor's package file named by a wildcard for its version is still that package
        # (held out 164 and 177: rocker-style images replace RStudio's PAM helper)
        [(3, "LG002")],
        id="Z-a-package-file-named-by-a-wildcard-for-its-version",
    ),
    pytest.param(
        "FROM mcr.microsoft.com/oryx/build:vso-focal-20210319.1\n"
        "RUN bash /tmp/scripts/python-debian.sh none /opt/python/latest"
        " && chown -R vscode /opt/ruby/*/lib /opt/ruby/*/bin\n"
        "RUN bash /tmp/scripts/python-debian.sh none /opt/python/latest"
        " && chown -R vscode /opt/python/latest\n",
        # Oryx's images hold each platform's versions under /opt: a wildcard over them reaches
        # the base's whatever a script beside it added (held out 99, 105, 141, 176); a path a
        # script may have made there is not known to hold the base's
        [(2, "LG004")],
        id="Z-oryx-s-platforms-under-opt",
    ),
    pytest.param(
        "FROM wordpress:6\nCOPY wp-config-docker.php /usr/src/wordpress/\n",
        [(2, "LG002")],
        id="Z-wordpress-s-docker-config",
    ),
    pytest.param(
        "FROM quay.io/jupyter/base-notebook\nCOPY start-notebook.sh /usr/local/bin/\n"
        "COPY jupyter_server_config.py /etc/jupyter/\n",
        [(2, "LG002"), (3, "LG002")],
        id="Z-jupyter-s-start-script-and-configuration",
    ),
    pytest.param(
        "FROM oraclelinux:7-slim\nADD db_1of2.zip /tmp/install/db_1of2.zip\n"
        "RUN cd /tmp/install && unzip db_1of2 && rm *.zip\n",
        # unzip tries db_1of2, then db_1of2.zip
        [(2, "LG006"), (3, "LG003")],
        id="Z-a-zip-named-without-zip",
    ),
    pytest.param(
        "FROM debian:12\nCOPY app/ /app/\n"
        "RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + || true\n",
        [(3, "LG004")],
        id="Z-setuid-programs-of-debian",
    ),
    pytest.param(
        "FROM debian:12\nRUN mv /usr/bin/who /usr/bin/who.orig && echo x > /usr/bin/who\n"
        "RUN curl -o /usr/local/bin/tool https://example.com/tool\n"
        "RUN mv /usr/local/bin/tool /usr/local/bin/tool2\n",
        # the base's program (mv fails unless it is there), then one an earlier RUN fetched
        [(2, "LG003"), (4, "LG003")],
        id="Z-a-program-moved-away",
    ),
    pytest.param(
        "FROM python:3.12\nRUN pip install --no-cache-dir pipx && pipx install ruff\n"
        "RUN pipx install --pip-args=--no-cache-dir black\n"
        "RUN pipx inject black click --pip-args '--no-cache-dir'\n",
        # pipx runs pip with its cache, unless --pip-args turn it off
        [(2, "LG005")],
        id="Z-pipx-s-pip-cache",
    ),
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y build-essential php8.2"
        " apache2-utils && rm -rf /var/lib/apt/lists/*\nRUN apt-get purge -y gcc\n"
        "RUN apt-get purge -y php8.2-common\nRUN apt-get purge -y apache2*\n",
        # what those installs pulled in: build-essential's gcc, php's common part, a wildcard
        [(3, "LG003"), (4, "LG003"), (5, "LG003")],
        id="Z-a-removal-of-what-an-install-pulled-in",
    ),
    pytest.param(
        "FROM debian:12\nCOPY deps.deb /tmp/\nRUN apt-get update"
        " && apt-get install -y /tmp/deps.deb && rm -rf /var/lib/apt/lists/* /tmp/deps.deb\n"
        "RUN apt-get remove -y rsyslog\n",
        # a package file may depend on anything
        [(2, "LG006"), (3, "LG003"), (4, "LG003")],
        id="Z-a-removal-after-a-package-file-s-install",
    ),
    pytest.param(
        "FROM registry.access.redhat.com/ubi9/python-312 AS build\n"
        "RUN pip install --no-cache-dir flask\n"
        "FROM registry.access.redhat.com/ubi9/python-312\n"
        "COPY --from=build /opt/app-root/lib/python3.12/site-packages"
        " /opt/app-root/lib/python3.12/site-packages\nUSER 0\nRUN chown -R 1001:0 /opt/app-root\n",
        # UBI's Python images hold their virtual environment in /opt/app-root: pip's own files
        # written again, and copied up
        [(4, "LG002"), (6, "LG004")],
        id="Z-ubi-python-s-app-root",
    ),
    pytest.param(
        "FROM debian:12\nRUN cd /tmp && curl -o g.tgz https://x/g.tgz && tar xzf g.tgz"
        " && cd g && ./configure && make && make install && rm -rf /tmp/g*\n"
        "RUN rm -rf /usr/local/share/doc /usr/local/lib/*.a\n",
        # what make install put in /usr/local's standard directories
        [(3, "LG003")],
        id="Z-what-make-install-wrote",
    ),
    pytest.param(
        "FROM python:3.13-slim\nCOPY dist/app-1.0-py3-none-any.whl /tmp/\n"
        "RUN pip install --no-cache-dir /tmp/app-1.0-py3-none-any.whl[gpu]\n",
        # a wheel with extras is still a wheel
        [(2, "LG006")],
        id="Z-a-wheel-with-extras",
    ),
    pytest.param(
        "FROM alpine:3.20\nRUN apk add --no-cache nginx && mkdir -p /etc/nginx/http.d\n"
        "COPY nginx.conf /etc/nginx\nCOPY proxy.conf /etc/nginx\nCOPY mime.types /etc/nginx\n",
        # mkdir -p made /etc/nginx a directory: each file lands inside it, two over nginx's own
        [(3, "LG002"), (5, "LG002")],
        id="Z-a-copy-into-a-parent-mkdir-made",
    ),
    pytest.param(
        "FROM php:8.3-cli\nCOPY --from=composer:2 /usr/bin/composer /usr/bin/composer\n"
        "WORKDIR /code/\nCOPY composer.* ./\nRUN composer install --no-scripts --no-autoloader\n"
        "COPY . .\nRUN composer install\nRUN composer require foo/bar\n",
        # the second install finds every package in vendor and fetches nothing; require does
        [(5, "LG005"), (6, "LG002"), (8, "LG005")],
        id="Z-composer-install-done-again",
    ),
    pytest.param(
        "FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm clean-install\n"
        "RUN npm isntall -g pm2\nRUN python3 -m spacy download en_core_web_sm\n"
        "RUN uv venv --seed /opt/venv && uv venv /opt/bare\n",
        # npm's aliases install; uv's seeded venv installs through its cache; spaCy's download
        # runs pip with --no-cache-dir (spacy/cli/download.py, spaCy 2 and 3)
        [(4, "LG005"), (5, "LG005"), (7, "LG005")],
        id="Z-installs-by-other-names",
    ),
    pytest.param(
        "FROM python:3.12\nRUN useradd -m -d /opt/app app\nRUN su app -c 'pip install flask'\n"
        "RUN rm -rf /opt/app/.cache/pip\n",
        # su runs the command in the user's own home, as useradd -d gave it
        [(3, "LG005"), (4, "LG003")],
        id="Z-su-to-a-user-with-a-home-elsewhere",
    ),
    pytest.param(
        "FROM python:3.13-alpine AS builder\nRUN adduser -h /code -u 1000 -D -H ai\n"
        "RUN su ai -c 'pip3 install --user -r /tmp/r.txt'\n"
        "FROM continuumio/miniconda3 AS conda\nRUN conda create -n acc python=3.10\n"
        "RUN conda install -n acc numpy && conda clean -afy\nRUN pip install flask\n"
        "FROM python:3.13-alpine\nCOPY --from=builder /code /code\n"
        "COPY --from=conda /opt/conda /opt/conda\n",
        # caches the copies carry: the builder's pip cache in /code, conda's pkgs/ (the second
        # RUN's clean takes the first's too), not pip's in /root
        [(3, "LG005")],
        id="Z-a-cache-a-copy-from-a-stage-carries",
    ),
    pytest.param(
        "FROM continuumio/miniconda3 AS conda\nRUN conda create -n acc python=3.10\n"
        "RUN chown -R 1000 /opt/conda\nFROM python:3.12\n"
        "COPY --from=conda /root/.bashrc /root/.bashrc\nCOPY --from=conda /opt/conda /opt/conda\n",
        # each copy asks for itself; a later chown of the cache takes nothing away
        [(2, "LG005"), (5, "LG002")],
        id="Z-the-second-copy-from-a-stage-carries-a-cache",
    ),
    pytest.param(
        "FROM node:20\nRUN mkdir -p /usr/local/share/npm-global"
        " && chown -R node:node /usr/local/share\nRUN chown -R node /usr/local/share/npm-global\n",
        # node's tarball fills /usr/local/share (doc/node, its man page); a new directory holds
        # nothing
        [(2, "LG004")],
        id="Z-node-s-share-tree",
    ),
    pytest.param(
        "FROM rocker/rstudio:latest AS base-amd64\nFROM base-$TARGETARCH AS base\n"
        "RUN bash /tmp/install_sysdeps.sh\nFROM base-$TARGETARCH AS final\nCOPY --from=base / /\n",
        # the root of a stage grown from this very image holds all the image's files again
        [(5, "LG002")],
        id="Z-the-root-of-a-stage-of-the-same-image",
    ),
    pytest.param(
        "FROM debian:12\nCOPY app/ /app/\nRUN chmod -R g+w /app && echo x >> /app/settings.conf\n",
        # one file written again does not take back the copy-up of the rest of the tree
        [(3, "LG004")],
        id="Z-a-tree-changed-then-one-file-in-it-written",
    ),
    pytest.param(
        "FROM eclipse-temurin:17-jre\nCOPY cacerts /opt/java/openjdk/lib/security/cacerts\n"
        "COPY java.security $JAVA_HOME/conf/security/java.security\n",
        # the JDK's trust store and security policy, where Java 9 and later keep them
        [(2, "LG002"), (3, "LG002")],
        id="Z-temurin-s-trust-store",
    ),
    # ZA: classes found in the seventeenth session, from the held-out sets' misses.
    pytest.param(
        "FROM ubuntu:22.04\nRUN apt-add-repository -y ppa:x/y && apt-get install -y git\n"
        "RUN apt-add-repository -n ppa:x/z\n",
        # software-properties' other name for add-apt-repository, which updates the index
        [(2, "LG005")],
        id="ZA-apt-add-repository",
    ),
    pytest.param(
        "FROM perl:5.38\nRUN curl -L https://cpanmin.us | perl - App::cpanminus\n"
        "RUN curl -L http://cpanmin.us | perl - --self-upgrade && rm -rf ~/.cpanm\n"
        "RUN cat cpanmin.us | perl - --self-upgrade\nRUN curl -L https://cpanmin.us | perl -e 1\n",
        # cpanm's own script piped to perl is cpanm: it keeps its work directory (which line 3
        # removes, too late for line 2's)
        [(2, "LG005"), (3, "LG003"), (4, "LG005")],
        id="ZA-cpanm-piped-into-perl",
    ),
    pytest.param(
        "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go test ./...\n"
        "RUN go vet ./... && go clean -cache -modcache\nRUN go run ./cmd/gen\n",
        # go test, vet and run build what they run, through the module and build caches (go
        # clean empties its own RUN's, too late for line 4's)
        [(4, "LG005"), (5, "LG003"), (6, "LG005")],
        id="ZA-go-test-and-run-build",
    ),
    pytest.param(
        "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\n"
        "RUN dotnet tool install ilspycmd --tool-path /opt/tools\n"
        "RUN dotnet restore && dotnet publish --no-restore -o /app\n"
        "RUN dotnet publish -o /out && dotnet nuget locals all --clear\n"
        "RUN dotnet publish --no-restore -o /pub\n",
        # NuGet keeps each package it fetched in ~/.nuget/packages (line 6 clears its own,
        # too late for the earlier RUNs')
        [(4, "LG005"), (5, "LG005"), (6, "LG003")],
        id="ZA-dotnet-restore-keeps-nuget-s-packages",
    ),
    pytest.param(
        "FROM python:3.11-alpine\nCOPY --from=wheels /dep-wheels /dep-wheels\n"
        "COPY --from=wheels /wheels /wheels\n"
        "RUN pip install --no-cache-dir --no-index -f /dep-wheels -f /wheels app\n",
        # each directory --find-links names holds wheels pip unpacks
        [(2, "LG006"), (3, "LG006")],
        id="ZA-every-find-links-directory",
    ),
    pytest.param(
        "FROM debian:12\nRUN wget https://x.example/apache-tomcat-8.0.23.tar.gz"
        " -O /tmp/catalina.tar.gz && tar xzf /tmp/catalina.tar.gz -C /opt"
        " && ln -s /opt/apache-tomcat-8.0.23 /opt/tomcat && rm /tmp/catalina.tar.gz\n"
        "RUN rm -rf /opt/tomcat/webapps/docs\nRUN chown -R app /opt/apache-tomcat-8.0.23/conf\n",
        # saved under another name, the archive still holds the release's top directory
        [(3, "LG003"), (4, "LG004")],
        id="ZA-an-archive-saved-under-another-name",
    ),
    pytest.param(
        "FROM rockylinux:9\nRUN dnf -y module enable nodejs:18\n"
        "RUN dnf -y module enable nginx:1.22\n",
        # enabling a module installs nothing: it fetches the metadata where none was (line 2),
        # and reads what an earlier layer left (line 3)
        [(2, "LG005")],
        id="ZA-dnf-module-enable-reads-the-metadata",
    ),
    pytest.param(
        "FROM centos:7\nRUN yum-builddep -y mariadb-server\n"
        "RUN yum groups install -y 'Development tools'\n",
        # yum-utils' build dependencies and a group, both installed through yum
        [(2, "LG005"), (3, "LG005")],
        id="ZA-yum-builddep-and-groups-install",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN yes | unminimize\nRUN pipenv install --deploy --system\n"
        "RUN PythonSlicer -m pip install websockify\n",
        # Ubuntu's unminimize runs apt-get update; pipenv and an application's own python
        # install through pip, its cache on
        [(2, "LG005"), (3, "LG005"), (4, "LG005")],
        id="ZA-unminimize-pipenv-and-another-python-s-pip",
    ),
    pytest.param(
        "FROM ruby:3.3\nWORKDIR /var/oscli\nRUN bundle install --path=gems\n"
        "RUN bundle install --path=vendor && rm -rf vendor/ruby/*/cache\n",
        # bundler's --path moves its gems, their .gem files with them
        [(3, "LG005")],
        id="ZA-bundle-install-path",
    ),
    pytest.param(
        "FROM apache/ranger-base:beta\nCOPY ./scripts/build/* ${RANGER_SCRIPTS}/\n"
        "RUN chmod 755 ${RANGER_SCRIPTS}/ranger-build.sh\n",
        # a directory the base image's ENV names (`*_SCRIPTS`, as `*_HOME`): the COPY and the
        # chmod meet there
        [(3, "LG004")],
        id="ZA-a-scripts-directory-of-the-base-image",
    ),
    pytest.param(
        'FROM debian:12\nENV D=/opt/app\nCOPY --chown="1000:1000" app/ "${D}"/\n'
        "RUN chown -R 1000:1000 /opt/app\n"
        'COPY "a.txt" "${D}"/"b".txt\nCOPY a.txt /opt/app/b.txt\n',
        # quotes inside a COPY's words and flags go, as BuildKit's lexer removes them
        [(4, "LG004"), (6, "LG002")],
        id="ZA-quotes-inside-copy-words",
    ),
    pytest.param(
        "FROM oraclelinux:8-slim AS b\nRUN ./install-oracle.sh\n"
        "FROM scratch\nCOPY --from=b / /\nCOPY --from=b /opt/oracle /opt/oracle\n"
        "COPY --from=b /lib64 /lib64\n",
        # a directory of a stage's root, copied again from that stage: its files are written
        # again (through merged /usr's links too: /lib64 -> usr/lib64 came with the root)
        [(5, "LG002"), (6, "LG002")],
        id="ZA-a-stage-s-root-then-a-directory-of-it",
    ),
    pytest.param(
        "FROM node:20\nENV NPM_CONFIG_PREFIX=/home/node/.npm-global\n"
        "RUN npm rm -g npm && npm install -g pm2 && npm cache clean --force\n"
        "RUN chown -R node /opt /home/node\nRUN npm rm -g pm2\n",
        # npm -g works in the prefix the environment gives it: node's own npm is not there,
        # pm2 is, and a chown of a directory above it reaches it
        [(4, "LG004"), (5, "LG003")],
        id="ZA-npm-s-global-prefix-moved",
    ),
    pytest.param(
        "FROM ubuntu:24.04\nCOPY conf/ /tmp/conf/\nCOPY app/ /opt/app/\n"
        "RUN rsync -a /tmp/conf/ /etc/app/ && rm -rf /tmp/conf && chmod -R +x /opt/app/bin\n",
        # rsync copies as cp does (what is below conf/, for its trailing slash), and what
        # comes after it is known as well
        [(4, "LG003"), (4, "LG004")],
        id="ZA-rsync-copies-as-cp-does",
    ),
    pytest.param(
        "FROM debian:12\nCOPY --from=node:20 /usr/local /usr/local\n"
        "RUN bash -c 'mv /usr/local/{CHANGELOG.md,README.md} /usr/share/doc/node'\n",
        # bash expands a brace list into the paths it names
        [(3, "LG003")],
        id="ZB-bash-expands-a-brace-list",
    ),
    pytest.param(
        'FROM debian:12 AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n'
        "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/{apt/lists,dpkg/info}/*\n"
        "FROM a\nRUN apt-get update && apt-get install -y git && rm -rf /var/lib/{apt/lists,x}/*\n"
        "RUN rm -rf /tmp/{a,b}\n",
        # a SHELL of bash (kept by a stage built on it) expands the brace list: the lists go
        [],
        id="ZB-a-bash-shell-expands-a-brace-list",
    ),
    pytest.param(
        "FROM debian:12\nADD files /\nRUN chmod -R 644 /etc/mysql/conf.d\n"
        "RUN chmod -R ugo-w /etc/mysql/version-conf.d/*\n",
        # a drop-in directory a recursive change names holds files, whatever a tree copied
        # to / says of the directories below it
        [(3, "LG004"), (4, "LG004")],
        id="ZB-a-drop-in-directory-below-a-root-copy",
    ),
    pytest.param(
        "FROM python:3.11\nRUN python3 -mpip install pylint\nRUN pypy3 -m pip install flask\n"
        "RUN curl -sS https://bootstrap.pypa.io/get-pip.py | pypy3\n",
        # `-mpip` is `-m pip`; PyPy is a python too
        [(2, "LG005"), (3, "LG005"), (4, "LG005")],
        id="ZB-pypy-and-mpip",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN curl -sLo mc.sh https://x/Miniconda3-latest-Linux-x86_64.sh"
        " && bash -x mc.sh -b -p /opt/mc && rm mc.sh\n"
        "COPY cuda.run /tmp/\nRUN sh -e /tmp/cuda.run --silent\n",
        # a shell's own options before the script it runs: the script is still the installer
        [(2, "LG005"), (3, "LG006")],
        id="ZB-a-shell-s-options-before-the-script",
    ),
    pytest.param(
        "FROM python:3.12\nCOPY . /src\nRUN pip install --no-deps /src\n"
        "RUN pip install --no-deps -e git+https://github.com/x/y.git#egg=y\n",
        # a build in isolation first fetches its build requirements (setuptools and the like)
        # through pip's cache
        [(3, "LG005"), (4, "LG005")],
        id="ZB-a-build-in-isolation-fetches-its-requirements",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN useradd -m flux\nRUN touch /home/flux/.bashrc /home/flux/.x\n",
        # a dotfile /etc/skel gave the home is there: touch copies it up (it may make .x)
        [(3, "LG004")],
        id="ZB-touch-of-a-dotfile-from-skel",
    ),
    pytest.param(
        "FROM node:20\nWORKDIR /app\nRUN npm install -g npm@8 && npm cache clean --force\n"
        "COPY package.json .\nRUN npm ci && npm prune --production && npm cache clean --force\n"
        "RUN npm install && npm cache clean --force\nRUN npm prune --production\n",
        # npm prune works in its project's node_modules, not among the global packages
        [(7, "LG003")],
        id="ZB-npm-prune-in-its-project",
    ),
    pytest.param(
        "FROM debian:12\nRUN wget https://x/Miniconda3-py310_23.5.2-0-Linux-x86_64.sh"
        " && bash Miniconda3-* -b -p /opt/miniconda3 && rm Miniconda3-*\n",
        # a wildcard names the installer the RUN downloaded
        [(2, "LG005")],
        id="ZB-a-conda-installer-named-by-a-wildcard",
    ),
    pytest.param(
        "FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt .\n"
        "RUN pip install -r requirements.txt\nCOPY . .\n"
        "RUN python -m pip install -r requirements.txt\n"
        "COPY other.txt requirements.txt\nRUN pip install -r requirements.txt\n",
        # the same requirements, from the same file, are all there: the second install fetches
        # nothing (other.txt's may well fetch)
        [(4, "LG005"), (5, "LG002"), (7, "LG002"), (8, "LG005")],
        id="ZB-an-install-of-requirements-already-installed",
    ),
    # ZC: classes found in the nineteenth session, from the held-out sets' misses.
    pytest.param(
        "FROM debian:12 AS build\nRUN curl -fsSLo /tmp/a.tgz https://x/a.tgz"
        " && tar -xzf /tmp/a.tgz -C /opt/app && rm /tmp/a.tgz\n"
        "FROM debian:12\nCOPY --from=build /opt /opt\nRUN rm -rf /opt/app\n"
        "COPY --from=build / /\nRUN chown -R app /opt/app\n",
        # a directory copied from a stage holds the tree the stage unpacked there (and the
        # stage's root holds it again)
        [(5, "LG003"), (6, "LG002"), (7, "LG004")],
        id="ZC-a-stage-s-tree-comes-with-its-directory",
    ),
    pytest.param(
        "FROM rust:1.80\nRUN env CARGO_HOME=/opt/cargo cargo install cargo-deb"
        " && rm -rf /opt/cargo/registry\n"
        "RUN env -u X CARGO_HOME=/opt/cargo cargo install cargo-deb\n",
        # env sets the variables of the command it runs, as assignments before it would
        [(3, "LG005")],
        id="ZC-env-sets-the-command-s-variables",
    ),
    pytest.param(
        "FROM debian:12\nRUN curl -fsSL https://sh.rustup.rs | sh -s -- -y\n"
        "RUN /root/.cargo/bin/cargo install agg && mv /root/.cargo/bin/agg /usr/local/bin/"
        " && /root/.cargo/bin/rustup self uninstall -y\n",
        # rustup removes itself whole: the toolchain an earlier layer installed, and this
        # RUN's crate cache with cargo's home
        [(3, "LG003")],
        id="ZC-rustup-self-uninstall-removes-its-homes",
    ),
    pytest.param(
        "FROM debian:12\nWORKDIR /software\nRUN wget https://x/OpenSSL_1_0_2t.tar.gz"
        " && tar zxvf OpenSSL_1_0_2t.tar.gz && rm OpenSSL_1_0_2t.tar.gz\n"
        "RUN wget https://x/sambamba_v0.6.6_linux.tar.bz2"
        " && tar -xvjf sambamba_v0.6.6_linux.tar.bz2"
        " && mv sambamba_v0.6.6 sambamba && rm -rf sambamba_*\n"
        "RUN wget https://x/bowtie2-2.3.4.3-linux-x86_64.zip"
        " && unzip bowtie2-2.3.4.3-linux-x86_64.zip"
        " && mv bowtie2*/bowtie2* . && rm -rf bowtie2-2.3.4.3*\n",
        # what a RUN moves out of the directory it unpacked an archive in is the archive's, as
        # is what a wildcard names inside the archive's top: not the earlier layer's
        [],
        id="ZC-a-name-moved-out-of-an-extraction-is-its-own",
    ),
    pytest.param(
        "FROM continuumio/miniconda3\nRUN conda install -y ncurses && conda clean -afy\n"
        "RUN rm -rf /opt/conda/lib/libtinfo.so.6\n"
        "RUN apt-get update && apt-get install -y libpoco-dev && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm -f /usr/lib/libPocoFoundation.so\nRUN rm -f /usr/lib/libPocoFoundation.so.9.1\n"
        "COPY libx.so.1 /usr/lib/\nRUN rm /usr/lib/libx.so.1\n",
        # a library's version links are links: only the versioned file, or a copy by that
        # name, holds bytes
        [(6, "LG003"), (8, "LG003")],
        id="ZC-a-library-s-links-hold-no-bytes",
    ),
    pytest.param(
        "FROM python:3.12 AS builder\nWORKDIR /app\nCOPY . .\nRUN pip install uv && uv sync\n"
        "FROM python:3.12-slim\nCOPY --from=builder /app /app\n"
        "RUN rm /app/.venv/bin/python3.12"
        " && ln -s /usr/local/bin/python /app/.venv/bin/python3.12\n"
        "RUN rm /app/.venv/bin/activate\n",
        # a virtual environment's interpreters are links to the Python that made it; its
        # activate script is a file
        [(8, "LG003")],
        id="ZC-a-virtual-environment-s-python-is-a-link",
    ),
    pytest.param(
        "FROM debian:12\n"
        "COPY --from=ghcr.io/x/echidna /usr/local/bin/echidna /home/u/.local/bin/\n"
        "RUN chmod 755 /home/u/.local/bin/echidna\n"
        "COPY --from=ghcr.io/x/tools /usr/local/bin /opt/tools\nRUN chmod 755 /opt/tools\n"
        "COPY /usr/local/bin/logs /srv/logs\nRUN rm -rf /srv/logs/old\n"
        "COPY --from=busybox /bin/logs /opt/logs\nRUN rm -rf /opt/logs/old\n",
        # what an image's bin directory holds is a program, a file: copied, its chmod copies it
        # up (held out 173), nothing is inside it; the bin directory itself is a directory, and
        # a context's bin/ may hold anything (held out 111: /bin/logs)
        [(3, "LG004"), (7, "LG003")],
        id="ZC-a-program-copied-from-a-bin-directory-is-a-file",
    ),
    pytest.param(
        "FROM ubuntu:20.04\nWORKDIR /\nRUN wget https://x/boost_1_73_0.tar.gz"
        " && tar -xzf boost_1_73_0.tar.gz && cd boost_1_73_0 && ./b2 install || true"
        " && cd .. && rm -rf boost_1_73_0.tar.gz && rm -rf boost_1_73_0\n"
        "RUN rm /etc/apt/sources.list.d/*\n",
        # after `|| true` the list goes on from where the commands before it left it: the
        # archive's top is removed, and nothing else was unpacked at /
        [],
        id="ZC-what-follows-or-true-runs",
    ),
    pytest.param(
        "FROM debian:12\nWORKDIR /lantern\nCOPY src .\nRUN rm -rf build && mkdir build\n"
        "COPY build /app/build\nRUN rm -rf /app/build && mkdir /app/build\n",
        # `rm -rf build && mkdir build` makes sure of an empty directory: only a layer known to
        # have written it counts
        [(6, "LG003")],
        id="ZC-a-directory-made-anew",
    ),
    pytest.param(
        "FROM debian:12\nWORKDIR /root\nADD control .\nRUN apt-get update"
        " && apt-get install --yes equivs && equivs-build control"
        " && dpkg -i libcuda1-dummy_11.8_all.deb && rm -rf /var/lib/apt/lists/*\n",
        # a program run first may have made the archive; only a copy of it by name is it
        [],
        id="ZC-an-archive-a-program-may-have-made",
    ),
    pytest.param(
        "FROM nginx:1.27-alpine\nRUN apk add --no-cache moreutils\n"
        "RUN rm -rf /usr/share/nginx/html/*\n",
        # the base's own default pages, which an install of moreutils does not write
        [],
        id="ZC-an-install-writes-no-base-files-of-another-program",
    ),
    pytest.param(
        "FROM nginx:1.27-alpine\nRUN apk add --no-cache nginx-mod-http-geoip\n"
        "RUN rm -rf /usr/share/nginx/html/*\n",
        # (one of nginx's own may write them)
        [(3, "LG003")],
        id="ZC-an-install-of-the-program-may-write-its-files",
    ),
    pytest.param(
        "FROM debian:12\nRUN { echo '#!/bin/sh'; echo 'exec java \"$@\"'; }"
        " > /usr/local/bin/run-java && chmod +x /usr/local/bin/run-java\n",
        # a group's redirection writes the file the chmod then changes, in the same RUN
        [],
        id="ZC-a-group-s-output-writes-its-file",
    ),
    pytest.param(
        "FROM python:3.9\nWORKDIR /opt/rucio\nRUN git clone https://x/rucio /tmp/rucio"
        " && cp -r /tmp/rucio/tools . && rm -rf /tmp/rucio\n"
        "RUN rm -rf /opt/rucio/tools && mkdir -p /opt/rucio/tools\n",
        # a tree cp'd into `.` lands there by its name: the directory made anew is it
        [(4, "LG003")],
        id="ZC-a-tree-copied-into-the-current-directory",
    ),
    pytest.param(
        "FROM nvidia/cudagl:9.0-devel\nRUN apt-add-repository ppa:deadsnakes/ppa\n",
        # NVIDIA's images before CUDA 10.1 are of Ubuntu 16.04, whose add-apt-repository
        # updates the index only with -u
        [],
        id="ZC-old-cuda-images-are-of-ubuntu-16-04",
    ),
    pytest.param(
        "FROM nvidia/cuda:11.8.0-devel-ubuntu22.04\nRUN apt-add-repository ppa:deadsnakes/ppa\n",
        [(2, "LG005")],
        id="ZC-newer-cuda-images-update-the-index",
    ),
    pytest.param(
        "FROM python:3.12\nWORKDIR /app\nCOPY --chown=app:app src ./src\n"
        "RUN find /app ! -group app -exec chgrp app {} +\nCOPY lib ./lib\n"
        "RUN find /app -not -group app -exec chgrp app {} +\n",
        # a find that selects what lacks the group it sets passes over the files that have it
        [(6, "LG004")],
        id="ZC-a-find-passes-over-what-has-the-owner-already",
    ),
    pytest.param(
        "FROM python:3.12\nRUN curl -sSL https://install.python-poetry.org | python3 -\n"
        "RUN curl -sSL https://install.python-poetry.org | PIP_NO_CACHE_DIR=1 python3 -\n"
        "RUN curl -sSLo install-poetry.py https://install.python-poetry.org"
        " && python3 install-poetry.py --version 1.8.3 && rm install-poetry.py\n",
        # Poetry's installer runs pip in a venv of its own, with pip's cache on
        [(2, "LG005"), (4, "LG005")],
        id="ZC-poetry-s-installer-leaves-pip-s-cache",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nRUN curl -O https://bootstrap.pypa.io/get-pip.py\n"
        "RUN $(which python3) get-pip.py\n"
        "RUN $(which python3) -m pip install pip setuptools wheel\n"
        "RUN python3 -m pip install -U pip\nRUN python3 -m pip install pip==20.0.2\n",
        # a program named by `$(which ...)` is that program; what get-pip.py installed is there
        # for a later install without -U (or a version) to find
        [(3, "LG005"), (5, "LG005"), (6, "LG005")],
        id="ZC-which-names-the-program-and-get-pip-s-packages-are-there",
    ),
    pytest.param(
        "FROM nvidia/cuda:7.5-cudnn5-devel\nRUN apt-get update && apt-get install -y python-pip"
        " && rm -rf /var/lib/apt/lists/*\nRUN pip install numpy\n",
        # CUDA 7.5's images are Ubuntu 14.04's, whose pip 1.5 keeps no cache
        [],
        id="ZC-cuda-7-images-have-trusty-s-pip",
    ),
    pytest.param(
        "FROM nvidia/cuda:8.0-devel\nRUN apt-get update && apt-get install -y python-pip"
        " && rm -rf /var/lib/apt/lists/*\nRUN pip install numpy\n",
        [(3, "LG005")],
        id="ZC-cuda-8-images-have-a-pip-with-a-cache",
    ),
    pytest.param(
        "FROM debian:12\nRUN apt-get update && apt-get install -y caddy proxychains4"
        " openssh-client && rm -rf /var/lib/apt/lists/*\nCOPY Caddyfile /etc/caddy/Caddyfile\n"
        "COPY proxychains4.conf /etc/\nCOPY ssh_config /etc/ssh/ssh_config\n",
        # the configuration those packages install is written again
        [(3, "LG002"), (4, "LG002"), (5, "LG002")],
        id="ZC-more-packages-main-configuration",
    ),
    pytest.param(
        "FROM ruby:3.3 AS builder\nWORKDIR /app\nCOPY package.json yarn.lock ./\n"
        "RUN yarn install --production\nFROM ruby:3.3-slim\n"
        "COPY --from=builder $BUNDLE_PATH/ $BUNDLE_PATH/\nCOPY --from=builder /app ./\n"
        "COPY --from=builder $UNSET_DIR /usr/local/share/\n",
        # a source through a variable the base image's ENV sets is a directory not known
        # here, not the builder's root: the yarn cache root keeps is not carried
        [],
        id="ZC-a-copy-through-a-base-variable-is-not-the-root",
    ),
    pytest.param(
        "FROM alpine:3.20\nRUN apk add --no-cache python3 py3-pip\n"
        "RUN mv /usr/lib/python3.12/EXTERNALLY-MANAGED /usr/lib/python3.12/EXTERNALLY-MANAGED.old\n"
        "RUN mv /usr/lib/python3.10/site.py /usr/lib/python3.10/site.py.old\n",
        # PEP 668's marker, which Python 3.11 and later ship: a mv writes it again (of a file
        # no package is known to ship, a mv says nothing)
        [(3, "LG003")],
        id="ZC-the-externally-managed-marker-of-python-3-11",
    ),
    pytest.param(
        "FROM opensuse/leap:15.6\nRUN zypper ref\nRUN zypper --non-interactive dup"
        " && zypper clean -a\n",
        # zypper's `ref` fetches every repository's metadata into its cache
        [(2, "LG005"), (3, "LG003")],
        id="ZC-zypper-ref-fetches-metadata",
    ),
    pytest.param(
        "FROM debian:12\nCOPY cmake-3.15.5-Linux-x86_64.sh /tmp/\n"
        "RUN sh /tmp/cmake-3.15.5-Linux-x86_64.sh --skip-license --prefix=/usr/local\n",
        # CMake's `.sh` installer carries the release it unpacks
        [(2, "LG006")],
        id="ZC-cmake-s-installer-unpacks-itself",
    ),
    pytest.param(
        "FROM python:3.12-slim AS builder\nRUN pip wheel --no-cache-dir -w /dist x\n"
        "FROM python:3.12-slim\nCOPY --from=builder /dist/*.whl /tmp/\n"
        'RUN WHEEL=$(ls /tmp/*.whl) && pip install --no-cache-dir "${WHEEL}[cuda]"\n',
        # a variable set to what `ls PATTERN` lists holds the files the pattern names
        [(4, "LG006")],
        id="ZC-a-variable-set-by-ls-of-a-pattern",
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), FLAGGED)
def test_flagged(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


def test_a_removal_names_only_what_earlier_layers_wrote(message: Callable[[str, str], str]) -> None:
    text = message(
        "FROM debian\nRUN curl -o /tmp/a.tgz https://x/a.tgz && tar -C /opt -xzf /tmp/a.tgz"
        " && rm -rf /tmp/a.tgz /usr/share/doc\n",
        "LG003",
    )
    assert text.startswith("removes /usr/share/doc (added by the base image)")


def test_a_chown_names_only_what_earlier_layers_wrote(message: Callable[[str, str], str]) -> None:
    text = message(
        "FROM debian\nCOPY app/ /srv/app/\n"
        "RUN mkdir -p /srv/cache && chown -R www-data /srv/cache /srv/app\n",
        "LG004",
    )
    assert text.startswith("chown of /srv/app (written by Dockerfile:2)")


def test_the_origin_is_the_layer_that_wrote_the_file(lint_files: Lint) -> None:
    dockerfile = (
        "FROM node\nWORKDIR /app\nCOPY . .\nRUN curl -o /tmp/v.tgz https://x/v.tgz"
        " && tar -xzf /tmp/v.tgz && rm /tmp/v.tgz\nRUN rm /app/static/bundle.js\n"
    )
    (finding,) = lint_files(
        {"Dockerfile": dockerfile, "static/bundle.js": "x" * 5000}, code="LG003"
    )
    assert finding.line == 5
    assert "(5kB from the build context, added by Dockerfile:3)" in finding.message
    # The context weighs it: 5 kB is under min-bytes, so the finding is info.
    assert (finding.estimated, finding.severity.name) == ({"paths": 1, "bytes": 5000}, "INFO")


def test_a_heredocs_bytes_are_from_the_dockerfile(lint_files: Lint) -> None:
    dockerfile = "FROM alpine\nCOPY <<EOF /app/config.txt\nbye\nEOF\nRUN rm /app/config.txt\n"
    (finding,) = lint_files({"Dockerfile": dockerfile}, code="LG003")
    assert "(4B from the Dockerfile, added by Dockerfile:2)" in finding.message


def test_a_distribution_package_lands_in_opt_only_by_its_name(
    message: Callable[[str, str], str],
) -> None:
    """apt, apk and yum install into /opt only a vendor's package (`/opt/google/chrome`): what
    a copy put in /opt/app came from the copy alone."""
    copied = message(
        "FROM debian AS b\nCOPY src/ /opt/app/\nFROM debian\n"
        "RUN apt-get update && apt-get install -y libpq5 && rm -rf /var/lib/apt/lists/*\n"
        "COPY --from=b /opt/app /opt/app\nRUN rm /opt/app/settings.py\n",
        "LG003",
    )
    assert "(added by Dockerfile:5)" in copied
    vendor = message(
        "FROM debian\nRUN apt-get update && apt-get install -y google-chrome-stable"
        " && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /opt/google/chrome/locales\n",
        "LG003",
    )
    assert "(added by Dockerfile:2)" in vendor


def test_a_context_without_a_copied_file_is_not_the_build_context(lint_files: Lint) -> None:
    """`layerguard check docker/Dockerfile` whose compose file builds it from the repository
    root: the Dockerfile's directory lacks what it copies, so it says nothing of the copies."""
    dockerfile = (
        "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\n"
        "RUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n"
    )
    elsewhere = lint_files({"Dockerfile": dockerfile, "app.py": "print()\n"}, code="LG002")
    assert [(f.line, f.estimated) for f in elsewhere] == [(5, None)]
    # In the real context the file is there, and weighs what it holds.
    here = lint_files({"Dockerfile": dockerfile, "requirements.txt": "flask\n"}, code="LG002")
    assert [(f.line, f.estimated) for f in here] == [(5, {"paths": 1, "bytes": 6})]
    # What a build step makes first may be missing from the real context: it stays the context
    # (its .dockerignore keeps .env out, so the rm removes nothing).
    built = lint_files(
        {
            "Dockerfile": "FROM python:3.12-slim\nCOPY . /app\nCOPY build/version.txt /app/\n"
            "COPY target/app.jar /app/\nRUN rm -f /app/.env\n",
            ".dockerignore": ".env\n",
            ".env": "SECRET=1\n",
            "app.py": "print()\n",
        },
        code="LG003",
    )
    assert built == []


def test_a_directory_the_base_image_s_env_names_is_known_by_its_name(
    message: Callable[[str, str], str], found: Callable[[str], list[tuple[int, str]]]
) -> None:
    """`ENV JENKINS_HOME=$ORACLE_BASE/jenkins` on a vendor's image: ORACLE_BASE is the base's,
    its value unknown here, but what a COPY writes below it and a RUN changes there meet
    (held out 12); `WORKDIR $ORACLE_HOME` is that directory, not the one before. So is a
    variable set from one the build passes (`ARG X`): whatever it holds, the COPY and the RUN
    name the same place."""
    dockerfile = (
        "FROM vendor/oracle-base:12\nENV JENKINS_HOME=$ORACLE_BASE/jenkins\n"
        "RUN mkdir $JENKINS_HOME\nADD jenkins.war $JENKINS_HOME/jenkins.war\n"
        "RUN chown -R oracle $JENKINS_HOME\nWORKDIR $ORACLE_HOME\nCOPY app.jar .\n"
        "RUN rm /app.jar && rm app.jar\n"
    )
    assert found(dockerfile) == [(5, "LG004"), (8, "LG003")]
    assert message(dockerfile, "LG004").startswith("chown of $ORACLE_BASE/jenkins (written by")
    passed = "FROM debian:12\nARG DIR\nENV APP=$DIR/app\nCOPY a.jar $APP/\nRUN rm $APP/a.jar\n"
    assert found(passed) == [(5, "LG003")]
    # A COPY's destination that starts with such a variable is that directory too.
    raw = "FROM vendor/oracle:19\nCOPY a.jar $ORACLE_HOME/lib/\nCOPY b/a.jar $ORACLE_HOME/lib/\n"
    assert found(raw) == [(3, "LG002")]
    # A RUN's use of such a name is that directory; only setting it makes it the RUN's own.
    uses = (
        "FROM vendor/app:1\nCOPY bin/ ${APP_HOME}/bin/\n"
        'RUN chmod +x ${APP_HOME}/bin/start.sh && export PATH="$PATH:${APP_HOME}/bin"\n'
        "RUN APP_HOME=/srv && chmod -R +x ${APP_HOME}/bin\n"
    )
    assert found(uses) == [(3, "LG004")]
    # (held out 213) any name each use of which starts a path, one a path below it, is such a
    # directory; a RUN may cd into it; a test of it depends on what the base set
    paths = (
        "FROM vendor/ide:1\nCOPY scripts/ $RESOURCES_PATH/scripts/\n"
        "RUN chmod -R +x $RESOURCES_PATH/scripts\nCOPY app.tar.gz $APP_HOME/\n"
        "RUN cd $APP_HOME && tar xzf app.tar.gz && rm app.tar.gz\n"
    )
    assert found(paths) == [(3, "LG004"), (4, "LG006"), (5, "LG003")]
    assert message(paths, "LG006").startswith("adds $APP_HOME/app.tar.gz, which")
    tested = (
        'FROM vendor/app:1\nCOPY a.jar $LIBS/\nRUN if [ -n "$LIBS" ]; then rm $LIBS/a.jar; fi\n'
    )
    assert found(tested) == [(3, "LG003")]
    assert found(tested.replace("-n", "-z")) == [(3, "LG003")]
    # (an ARG without a default too: whatever the build passes, both name one place)
    arg = (
        "FROM debian:12\nARG DIR\nCOPY app.zip $DIR/\nRUN cd $DIR && unzip app.zip && rm app.zip\n"
    )
    assert found(arg) == [(3, "LG006"), (4, "LG003")]
    # (not an address: `curl -O ${BASE}/x.deb`, `wget $WEBLOGIC_URL`)
    fetched = "FROM vendor/app:1\nCOPY x.deb $BASE/\nRUN curl -O ${BASE}/x.deb && rm $BASE/x.deb\n"
    assert found(fetched) == []


def test_a_copied_file_the_repository_ignores_leaves_the_context_known(lint_files: Lint) -> None:
    """A COPY of a file the repository's .gitignore leaves out of a clone (`.env`, a data file)
    fails nowhere but in the clone: the Dockerfile's directory stays the build context, its
    scripts are read, and a directory copied earlier holds that file too (held out 16, 17 and
    24, in their repositories)."""
    files = {
        ".git/HEAD": "ref: main\n",
        ".gitignore": "*.grid\n/secrets/\n",
        "app/run.sh": "#!/bin/sh\nexit 0\n",
        "modify.sh": "#!/bin/sh\nchmod +x run.sh\n",
        "Dockerfile": "FROM debian:12\nCOPY ./app /app\nCOPY modify.sh /app\n"
        "RUN cd /app && ./modify.sh\nCOPY tides.grid /app/\nCOPY secrets/key.pem /etc/\n"
        "COPY app/tides.grid /app/tides.grid\n",
    }
    found = lint_files(files)
    # (line 5's tides.grid is another file: ./app held app/tides.grid, not tides.grid)
    assert [(f.line, f.rule) for f in found] == [(4, "LG004"), (7, "LG002")]
    # The other order: an ignored file copied first, then a directory that holds it; but not
    # one `--exclude` or the ignore file leaves out (BuildKit fails on that COPY).
    order = {".git/HEAD": "ref: main\n", ".gitignore": ".env\n", "app.py": "print()\n"}
    before = "FROM python:3.12\nWORKDIR /app\nCOPY .env .env\nCOPY . .\n"
    assert [(f.line, f.rule) for f in lint_files({**order, "Dockerfile": before})] == [(4, "LG002")]
    excluded = "# syntax=docker/dockerfile:1.7-labs\nFROM python:3.12\nWORKDIR /app\n"
    excluded += "COPY --exclude=.env . .\nCOPY .env .env\n"
    assert lint_files({**order, "Dockerfile": excluded}) == []
    dockerignored = {**order, ".dockerignore": ".env\n"}
    after = "FROM python:3.12\nWORKDIR /app\nCOPY . .\nCOPY .env .env\n"
    assert lint_files({**dockerignored, "Dockerfile": after}) == []
    # A missing file the repository does not ignore: built from elsewhere, the scripts are not
    # known (the COPY over a tree that held its file still is, as without any context).
    files[".gitignore"] = "*.log\n"
    assert [(f.line, f.rule) for f in lint_files(files)] == [(7, "LG002")]


def test_a_wildcard_that_matches_only_build_output_copies_it(lint_files: Lint) -> None:
    """BuildKit copies nothing for a wildcard that matches nothing (`yarn.lock*` beside
    `package.json`), but a wildcard over packages (`*.tar`, `*.deb`, `*.whl`), into a directory
    the checkout lacks (`dist/`), or a COPY whose every source matches nothing names what a build
    step makes before `docker build` (gitignored): it ships and is installed. Checked in clones
    of their repositories, four held-out files were read as copying nothing."""
    dockerfile = (
        "FROM python:3.12-slim\nCOPY dist/*.whl /tmp/\nCOPY app.py yarn.lock* /srv/\n"
        "COPY *.tar /opt/\n"
        "RUN pip install --no-cache-dir /tmp/*.whl && rm -f /tmp/*.whl /srv/yarn.lock\n"
        "RUN tar -xf /opt/*.tar -C /opt\n"
    )
    built = lint_files({"Dockerfile": dockerfile, "app.py": "print()\n"})
    assert [(f.line, f.rule) for f in built] == [(2, "LG006"), (4, "LG006"), (5, "LG003")]
    assert "/tmp/*.whl" in built[2].message and "yarn.lock" not in built[2].message
    # Any file in a directory the checkout lacks (a site built before: its index.html too);
    # in one it has, what it holds (no .js, no index.html).
    assets = "FROM nginx\nCOPY {}/* /usr/share/nginx/html/\nRUN rm /usr/share/nginx/html/*.js\n"
    assert [f.line for f in lint_files({"Dockerfile": assets.format("build")})] == [2, 3]
    assert lint_files({"Dockerfile": assets.format("web"), "web/app.css": "p {}\n"}) == []
    # A script copies *.list and *.key in before the build: the COPY copies those.
    keys = (
        "FROM debian:12\nCOPY *.list *.key /etc/apt/sources.list.d/\n"
        "RUN rm /etc/apt/sources.list.d/*.key\n"
    )
    assert [f.line for f in lint_files({"Dockerfile": keys})] == [3]


def test_yarn_gets_yarn_advice_and_apk_gets_apk_advice(message: Callable[[str, str], str]) -> None:
    assert "yarn cache clean" in message("FROM node\nRUN yarn install\n", "LG005")
    assert "npm" not in message("FROM node\nRUN yarn install\n", "LG005")
    assert "apk add --no-cache" in message("FROM alpine\nRUN apk add curl\n", "LG005")


def test_an_environment_on_the_path_shares_the_installation_s_pkgs(
    message: Callable[[str, str], str],
) -> None:
    # (held out 175) the conda an environment's bin on PATH finds is the installation's
    dockerfile = (
        "FROM continuumio/miniconda3\nENV PATH /opt/conda/envs/app/bin:$PATH\n"
        "RUN conda install -y numpy\nRUN conda install -n app -y scipy && conda clean -afy\n"
    )
    assert "removes /opt/conda/pkgs (added by " in message(dockerfile, "LG003")


def test_poetry_s_installer_gets_advice_it_can_take(message: Callable[[str, str], str]) -> None:
    # (no pip command line of the user's own to add --no-cache-dir to)
    text = message(
        "FROM python:3.12\nRUN curl -sSL https://install.python-poetry.org | python3 -\n", "LG005"
    )
    assert "PIP_NO_CACHE_DIR=1" in text and "--no-cache-dir" not in text
    assert "pip install --no-cache-dir" in message("FROM python:3.12\nRUN pip install x\n", "LG005")


def test_zypper_gets_zypper_s_cache_and_cleanup(message: Callable[[str, str], str]) -> None:
    text = message("FROM opensuse/leap:15.6\nRUN zypper -n install gcc\n", "LG005")
    assert text.startswith("leaves the zypper cache (/var/cache/zypp)")
    assert "zypper clean -a" in text and "yum" not in text
    assert "dnf clean all" in message("FROM fedora:40\nRUN dnf install -y gcc\n", "LG005")


def test_context_bytes_weigh_a_finding_and_set_its_severity(lint_files: Lint) -> None:
    """Issue 11: without a registry, what the build context shows is the estimate."""
    big = "x" * 5_000_000
    found = lint_files(
        {
            "Dockerfile": "FROM debian\nCOPY big.bin /tmp/\nRUN chmod 600 /tmp/big.bin\n"
            "RUN rm /tmp/big.bin\n",
            "big.bin": big,
        }
    )
    summary = [(f.line, f.rule, f.severity.name, f.estimated) for f in found]
    assert summary == [
        (3, "LG004", "WARNING", {"paths": 1, "bytes": 5_000_000}),
        (4, "LG003", "WARNING", {"paths": 1, "bytes": 5_000_000}),
    ]
    (removal,) = [f for f in found if f.rule == "LG003"]
    assert removal.message.startswith("removes /tmp/big.bin (5MB from the build context, added")


def test_package_cache_help_is_the_managers_own(lint_files: Lint) -> None:
    (yarn,) = lint_files({"Dockerfile": "FROM node\nRUN yarn install\n"}, code="LG005")
    (apk,) = lint_files({"Dockerfile": "FROM alpine\nRUN apk add curl\n"}, code="LG005")
    assert "yarn cache clean" in yarn.help and "npm" not in yarn.help
    assert "apk add --no-cache" in apk.help and "apt" not in apk.help


def test_scripts_copied_from_the_context_are_read(lint_files: Lint) -> None:
    """A RUN that runs a script an earlier COPY brought from the build context does what the
    script says: its cleanup counts, and so do the caches it leaves."""
    found = lint_files(
        {
            "scripts/cleanup.sh": "#!/bin/sh\napt-get autoclean\nrm -rf /var/lib/apt/lists/*\n",
            "install.sh": "#!/bin/sh\nset -e\napt-get update\napt-get install -y git\n",
            "Dockerfile": "FROM debian:12\nCOPY scripts/ /scripts/\n"
            "RUN apt-get update && apt-get install -y curl && /scripts/cleanup.sh\n"
            "COPY install.sh /tmp/\nWORKDIR /tmp\nRUN sh install.sh && rm install.sh\n"
            "RUN apt-get update && ./not-copied.sh\n",
        },
        code="LG005",
    )
    assert [f.line for f in found] == [6, 7]
    # A script knows its own path and arguments: `rm -rf "$0"`, `[ -z "$3" ]` (held out 33).
    own = lint_files(
        {
            "build.sh": '#!/bin/sh\nif [ -z "$2" ]; then apt-get update; fi\nrm -rf "${0}"\n',
            "Dockerfile": "FROM debian:12\nCOPY build.sh /usr/local/bin/\n"
            "RUN /usr/local/bin/build.sh a b\nRUN sh /usr/local/bin/build.sh a\n",
        }
    )
    # (line 4 removes nothing more: line 3 removed the script)
    assert [(f.line, f.rule) for f in own] == [(3, "LG003"), (4, "LG005")]
    # A shell reading the script on its standard input runs it too (held out 32), through sudo
    # and after `-o pipefail`; so does a script a bind mount brings (red team 11).
    for run in (
        "RUN /bin/bash < /tmp/setup/deps.sh",
        "RUN sudo bash -o pipefail < /tmp/setup/deps.sh",
    ):
        fed = lint_files(
            {
                "setup/deps.sh": "#!/bin/bash\napt-get update\napt-get install -y git\n",
                "Dockerfile": f"FROM debian:12\nADD setup /tmp/setup\n{run}\n",
            },
            code="LG005",
        )
        assert [f.line for f in fed] == [3], run
    bound = lint_files(
        {
            "setup/deps.sh": "#!/bin/bash\napt-get update\napt-get install -y git\n",
            "Dockerfile": "FROM debian:12\n"
            "RUN --mount=type=bind,source=setup,target=/s bash /s/deps.sh\n"
            "RUN --mount=type=bind,source=setup/deps.sh,target=/d.sh sh /d.sh\n"
            "WORKDIR /setup\nRUN --mount=type=bind,source=setup,target=/setup ./deps.sh\n",
        },
        code="LG005",
    )
    assert [f.line for f in bound] == [2, 3, 5]
    # A shell reading the script on its standard input runs it too (held out 32).
    fed = lint_files(
        {
            "setup/deps.sh": "#!/bin/bash\napt-get update\napt-get install -y git\n",
            "Dockerfile": "FROM debian:12\nADD setup /tmp/setup\n"
            "RUN /bin/bash < /tmp/setup/deps.sh\n",
        },
        code="LG005",
    )
    assert [f.line for f in fed] == [3]
    # Without the build context the script is not known: one named for a cleanup is taken to
    # clean the distribution's index, as such scripts do (accuracy 142 and 193, held out 68),
    # not a language's cache; any other script cleans nothing.
    unknown = lint_files({"Dockerfile": "FROM python:3.12\nCOPY scripts/ /scripts/\n"
                          "RUN apt-get update && /scripts/cleanup.sh\n"
                          "RUN apt-get update && /scripts/sys/purge_cache.sh\n"
                          "RUN pip install flask && /scripts/cleanup.sh\n"
                          "RUN apt-get update && /scripts/setup.sh\n"
                          "RUN apt-get update && apt-install-and-clear curl\n"}, code="LG005",
                         context=False)  # fmt: skip
    assert [f.line for f in unknown] == [5, 6, 7]


def test_a_script_calls_the_functions_of_a_library_it_sources(lint_files: Lint) -> None:
    """`. lib.sh` reads the library into the script's shell: what its functions do happens
    where the script calls them (held out 38: rust-embedded/cross)."""
    library = (
        "install_packages() {\n  apt-get update\n"
        '  for pkg in "$@"; do apt-get install -y "$pkg"; done\n}\n'
        "cleanup() {\n  rm -rf /var/lib/apt/lists/*\n}\n"
    )
    found = lint_files(
        {
            "docker/lib.sh": library,
            "docker/common.sh": "#!/bin/bash\nset -e\n. lib.sh\ninstall_packages curl\n",
            "docker/tidy.sh": '#!/bin/bash\nsource "/lib.sh"\ninstall_packages git\ncleanup\n',
            "Dockerfile": "FROM ubuntu:22.04\n"
            "COPY docker/common.sh docker/lib.sh docker/tidy.sh /\nRUN /common.sh\nRUN /tidy.sh\n",
        },
        code="LG005",
    )
    assert [f.line for f in found] == [3]


def test_run_parts_runs_each_script_of_a_directory_copied_from_the_context(
    lint_files: Lint,
) -> None:
    """`run-parts DIR` runs the scripts there in their names' order; names with a dot it
    skips, and `--test` only lists (held out 36: minimum2scp/dockerfiles)."""
    context = {
        "build/scripts/00-apt-update": "#!/bin/sh\napt-get update\n",
        "build/scripts/50-tools": "#!/bin/sh\napt-get install -y curl\n",
        "build/scripts/99-cleanup": "#!/bin/sh\napt-get clean\n",
        "build/scripts/README.md": "rm -rf /var/lib/apt/lists/*\n",
    }
    found = lint_files(
        {
            **context,
            "Dockerfile": "FROM debian:12\nCOPY build /tmp/build\n"
            "RUN run-parts --report --exit-on-error /tmp/build/scripts && rm -rf /tmp/build\n"
            "RUN run-parts --test /tmp/build/scripts\n",
        },
        code="LG005",
    )
    assert [f.line for f in found] == [3]
    cleaned = lint_files(
        {
            **context,
            "build/scripts/99-cleanup": "#!/bin/sh\nrm -rf /var/lib/apt/lists/*\n",
            "Dockerfile": "FROM debian:12\nCOPY build /tmp/build\nWORKDIR /tmp/build\n"
            "RUN run-parts scripts\n",
        },
        code="LG005",
    )
    assert cleaned == []


def test_make_runs_the_recipe_of_a_makefile_copied_from_the_context(lint_files: Lint) -> None:
    """`COPY Makefile environment.yml ./` then `RUN make conda-update`: the target's recipe
    runs (its prerequisites first), read like a script (held out 1, 9 and 13, in their
    repositories). A plain `make` runs the first target's (`deps`)."""
    found = lint_files(
        {
            "Makefile": "deps:\n\tconda env update --prune -f environment.yml\n"
            "lint: deps\n\tpip install ruff\n\trm -rf build/cache.bin\n"
            "clean-install:\n\tpip install --no-cache-dir -e .\n",
            "environment.yml": "name: x\n",
            "build/cache.bin": "x" * 10,
            "Dockerfile": "FROM continuumio/miniconda3\nWORKDIR /src\nCOPY . .\n"
            "RUN make deps\nRUN make -C /src lint PIP=pip\nRUN make clean-install\n"
            "RUN make\n",
        }
    )
    assert [(f.line, f.rule) for f in found] == [
        *((4, "LG005"), (5, "LG003"), (5, "LG005"), (7, "LG005"))
    ]
    # As GNU make reads it: a heredoc's first line, `-j "$(nproc)"`, make by its path, the
    # environment under the Makefile's variables, what it exports (red team 11); a recipe run
    # as another user is not read (it would be taken for root's).
    makefile = "lists:\n\n\t# the index\n\tapt-get update\npipi:\n\tpip install $(OPTS) x\n"
    # (a variable make's command line or environment sets reaches the recipes' shells)
    passed = lint_files(
        {
            "Makefile": makefile,
            "Dockerfile": "FROM python:3.12\nWORKDIR /src\nCOPY . .\n"
            "RUN make pipi PIP_NO_CACHE_DIR=1\nRUN PIP_NO_CACHE_DIR=1 make pipi\n",
        },
        code="LG005",
    )
    assert passed == []
    runs = lint_files(
        {
            "Makefile": makefile,
            "Dockerfile": "FROM python:3.12\nWORKDIR /src\nCOPY . .\n"
            'RUN <<EOF\nmake -j "$(nproc)" lists\nEOF\nRUN OPTS=--no-cache-dir /usr/bin/make pipi\n'
            "RUN /usr/bin/make pipi\nRUN sudo -u app make pipi\n",
        },
        code="LG005",
    )
    assert [f.line for f in runs] == [4, 8]
    exported = lint_files(
        {
            "Makefile": "export PIP_NO_CACHE_DIR = 1\n" + makefile,
            "Dockerfile": "FROM python:3.12\nWORKDIR /src\nCOPY . .\nRUN make pipi\n",
        },
        code="LG005",
    )
    assert exported == []
    # Without the build context the Makefile is not known.
    unknown = lint_files({"Dockerfile": "FROM python:3.12\nCOPY Makefile .\nRUN make deps\n"},
                         context=False)  # fmt: skip
    assert unknown == []


def test_a_script_run_by_its_name_from_the_path_is_read(lint_files: Lint) -> None:
    """`COPY install-packages /usr/bin/`, then `RUN install-packages curl`: the shell finds it
    on the PATH (gitpod's images); `$SUDO apt-get` is apt-get; a Ruby or Python program run by
    its name is not read as shell (held out 3 and 18, in their repositories)."""
    found = lint_files(
        {
            "install-packages": '#!/bin/bash\napt-get update\napt-get install -y "$@"\n'
            "rm -rf /var/lib/apt/lists/* /var/cache/debconf/*\n",
            "setup.sh": "#!/usr/bin/env bash\nf() {\n  $SUDO apt-get update\n"
            "  ${SUDO} apt-get install -y zsh\n}\nf\n",
            "bin/bundle": '#!/usr/bin/env ruby\nwarn "run `gem install bundler`"\n',
            "Dockerfile": "FROM debian:12\nCOPY install-packages /usr/bin/\n"
            "RUN apt-get update && apt-get install -y git\nRUN install-packages curl\n"
            "COPY setup.sh /tmp/\nRUN /tmp/setup.sh\nCOPY bin/bundle /usr/local/bin/\n"
            "RUN bundle exec rake assets:precompile\n",
        }
    )
    assert [(f.line, f.rule) for f in found if f.rule in ("LG003", "LG005")] == [
        (3, "LG005"),
        (4, "LG003"),  # the lists line 3 left, and debconf's database of the base
        (6, "LG005"),  # not line 8: Ruby runs no `gem install` its message quotes
    ]
    # Through sudo, as USER dev: the same script
    sudo = lint_files(
        {
            "install-packages": '#!/bin/bash\napt-get update\napt-get install -y "$@"\n',
            "Dockerfile": "FROM debian:12\nCOPY install-packages /usr/bin/\nUSER dev\n"
            "RUN sudo -E install-packages curl\n",
        },
        code="LG005",
    )
    assert [f.line for f in sudo] == [4]
    # Inside `bash -c`
    shell = lint_files(
        {
            "install-packages": '#!/bin/bash\napt-get update\napt-get install -y "$@"\n',
            "Dockerfile": "FROM debian:12\nCOPY install-packages /usr/bin/\n"
            'RUN bash -c "install-packages curl"\n',
        },
        code="LG005",
    )
    assert [f.line for f in shell] == [3]
    # From a directory the ENV put on the PATH, copied by a wildcard (held-out 591/009:47, in
    # its repository); not from one off the PATH.
    tools = {
        "tools/ckanext-install.sh": '#!/bin/bash\npip install -e "git+https://x.example/$1"\n',
        "Dockerfile": 'FROM python:3.10\nCOPY tools/* /tools/\nENV PATH="/tools:${PATH}"\n'
        "RUN ckanext-install.sh a/b 1.0\n",
    }
    assert [f.line for f in lint_files(tools, code="LG005")] == [4]
    tools["Dockerfile"] = tools["Dockerfile"].replace('ENV PATH="/tools:${PATH}"', "ENV X=1")
    assert lint_files(tools, code="LG005") == []
    # Appended after the base's PATH, a name the system has wins; a builtin is the shell's.
    appended = {
        "app/bin/install": "#!/bin/sh\npip install flask\n",
        "app/bin/test": "#!/bin/sh\npip install flask\n",
        "app/Dockerfile": "FROM python:3.11-slim\nWORKDIR /app\nCOPY . /app\n"
        "ENV PATH=$PATH:/app/bin\nRUN install -d /var/run/app && test -d /app\n",
    }
    assert lint_files(appended, code="LG005") == []


def test_linuxserver_nginx_base_samples_written_again(lint_files: Lint) -> None:
    """linuxserver's nginx base ships the samples its init copies into /config: an
    application's `COPY root/ /` holding its own default.conf.sample writes one again
    (held-out 606/008:52, in its repository); one holding other files writes none."""
    dockerfile = "FROM ghcr.io/linuxserver/baseimage-alpine-nginx:3.24\nCOPY root/ /\n"
    files = {
        "wiki/root/defaults/nginx/site-confs/default.conf.sample": "server { listen 80; }\n",
        "wiki/root/app/index.html": "<html></html>\n",
        "wiki/Dockerfile": dockerfile,
        "other/root/app/index.html": "<html></html>\n",
        "other/Dockerfile": dockerfile,
    }
    found = lint_files(files, code="LG002")
    assert [(f.file, f.line) for f in found] == [("wiki/Dockerfile", 2)]


def test_a_context_above_the_dockerfile_is_found(lint_files: Lint) -> None:
    """`docker build -f images/app/Dockerfile .`: when the Dockerfile's directory lacks what
    it copies, the nearest directory above it in the repository that holds every source is the
    build context, and its scripts are read; none above the repository's root."""
    script = "#!/bin/sh\nset -e\ndnf install -y wget\n"
    dockerfile = "FROM fedora:40\nCOPY ./bootstrap/init.sh /init.sh\nRUN /init.sh\n"
    found = lint_files(
        {".git/HEAD": "ref: main\n", "bootstrap/init.sh": script,
         "images/app/Dockerfile": dockerfile},
        code="LG005",
    )  # fmt: skip
    assert [(f.file, f.line) for f in found] == [("images/app/Dockerfile", 3)]
    outside = lint_files(
        {"repo/.git/HEAD": "ref: main\n", "repo/images/Dockerfile": dockerfile,
         "bootstrap/init.sh": script},
        code="LG005",
    )  # fmt: skip
    assert outside == []


def test_a_context_a_build_script_copies_a_file_into_is_found(lint_files: Lint) -> None:
    """(held-out 976/003, in its repository) build.sh runs `cp ../../requirements-lint.txt ./`
    in .ci/docker and builds ubuntu/Dockerfile there: no directory holds every source, but
    .ci/docker holds all but a loose file that lies in a directory above it, so it is the
    context and the scripts copied from its common/ are read. A file found nowhere above leaves
    the context unknown."""
    dockerfile = (
        "FROM ubuntu:22.04\nCOPY ./common/install_java.sh install_java.sh\n"
        "RUN bash ./install_java.sh && rm install_java.sh\n"
        "COPY ./requirements-lint.txt requirements-lint.txt\n"
    )
    script = "#!/bin/bash\nset -ex\napt-get update\napt-get install -y openjdk-17-jdk\n"
    files = {
        ".git/HEAD": "ref: main\n",
        "requirements-lint.txt": "ruff\n",
        ".ci/docker/common/install_java.sh": script,
        ".ci/docker/ubuntu/Dockerfile": dockerfile,
    }
    found = lint_files(files, code="LG005")
    assert [(f.file, f.line) for f in found] == [(".ci/docker/ubuntu/Dockerfile", 3)]
    nowhere = {f"other/{n}": t for n, t in files.items() if n != "requirements-lint.txt"}
    assert lint_files(nowhere, code="LG005") == []


def test_a_whole_context_copy_naming_the_dockerfiles_directory_is_built_from_above(
    lint_files: Lint,
) -> None:
    """`COPY . /srv` by docker/Dockerfile, then `chmod +x docker/entrypoint.sh` there: only
    the directory above holds what the RUN names, so that is the build context, and its
    requirements.txt is what the later rm removes (held-out 687/007:29, in its repository).
    A Dockerfile naming no such path keeps its own directory."""
    dockerfile = (
        "FROM python:3.12-slim\nCOPY . /srv\nWORKDIR /srv\n"
        "RUN chmod +x docker/entrypoint.sh && rm requirements.txt\n"
    )
    files = {
        ".git/HEAD": "ref: main\n",
        "requirements.txt": "flask\n",
        "docker/entrypoint.sh": "#!/bin/sh\n",
        "docker/Dockerfile": dockerfile,
    }
    found = lint_files(files, code="LG003")
    assert [(f.file, f.line, f.estimated) for f in found] == [
        ("docker/Dockerfile", 4, {"paths": 1, "bytes": 6})
    ]
    own = dockerfile.replace("docker/entrypoint.sh", "entrypoint.sh")
    assert lint_files({**files, "docker/Dockerfile": own}, code="LG003") == []


def test_a_stage_copy_leaves_out_what_it_excludes(lint_files: Lint) -> None:
    """(held-out 729/004:18, in its repository) `COPY --from=builder --exclude=package.json
    --exclude=yarn.lock /usr/src/app .` brings the builder's copied files but those: not the
    package.json and yarn.lock the stage wrote before it."""
    dockerfile = (
        "FROM node:24-alpine AS builder\nWORKDIR /usr/src/app\nCOPY . .\n"
        "RUN yarn install && yarn cache clean\n"
        "FROM node:24-alpine\nWORKDIR /usr/src/app\n"
        "COPY docker/package.json docker/yarn.lock .\n"
        "RUN yarn install --frozen-lockfile && yarn cache clean\n"
        "COPY --from=builder --exclude=package.json --exclude=yarn.lock /usr/src/app .\n"
    )
    files = {
        "Dockerfile": dockerfile,
        "package.json": "{}\n",
        "yarn.lock": "\n",
        "index.js": "x\n",
        "docker/package.json": "{}\n",
        "docker/yarn.lock": "\n",
    }
    assert lint_files(files, code="LG002") == []
    kept = dockerfile.replace("--exclude=package.json --exclude=yarn.lock ", "")
    found = lint_files({**files, "Dockerfile": kept}, code="LG002")
    assert [(f.line, f.estimated["paths"]) for f in found if f.estimated] == [(9, 2)]


@pytest.mark.parametrize(
    "files",
    [
        # (s43a: h05) a file the RUN itself makes, which no directory holds
        {
            "requirements.txt": "flask\n",
            "docker/requirements.txt": "django\n",
            "docker/Dockerfile": "FROM python:3.12-slim\nCOPY . /srv\nWORKDIR /srv\n"
            "RUN echo 1 > docker/version.txt && rm requirements.txt\n",
        },
        # (s43b: x03) in a context that holds a directory of its own name, the package
        # `myapp/myapp/` of the project `myapp/`
        {
            "myapp/VERSION": "1.0\n",
            "myapp/requirements.txt": "django\n",
            "myapp/myapp/__init__.py": "",
            "myapp/Dockerfile": "FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\n"
            'RUN echo "$GIT_SHA" > myapp/VERSION && rm -f requirements.txt\n',
        },
    ],
    ids=["made-by-the-run", "package-named-as-its-project"],
)
def test_a_path_below_a_directory_of_the_dockerfiles_name_can_keep_the_context(
    lint_files: Lint, files: dict[str, str]
) -> None:
    """What the RUN names inside a directory of the Dockerfile's directory's name moves no
    context where it is not the directory above's: the Dockerfile's own directory stays the
    context, and the requirements.txt there (7 bytes) is what the rm removes."""
    found = lint_files({".git/HEAD": "ref: main\n", **files}, code="LG003")
    dockerfile = next(n for n in files if n.endswith("Dockerfile"))
    assert [(f.file, f.line, f.estimated) for f in found] == [
        (dockerfile, 4, {"paths": 1, "bytes": 7})
    ]


def test_no_context_above_a_dockerfile_outside_a_repository_or_with_two_candidates(
    lint_files: Lint,
) -> None:
    """Without a repository nothing above the Dockerfile is read (no `.git` above it: the
    host's /etc is nobody's build context); two directories that both hold every source leave
    the context unknown (red team 7)."""
    script = "#!/bin/sh\nset -e\ndnf install -y wget\n"
    dockerfile = "FROM fedora:40\nCOPY ./bootstrap/init.sh /init.sh\nRUN /init.sh\n"
    alone = lint_files(
        {"bootstrap/init.sh": script, "images/app/Dockerfile": dockerfile}, code="LG005"
    )
    assert alone == []
    two = lint_files(
        {"r/.git/HEAD": "ref: main\n", "r/bootstrap/init.sh": "#!/bin/sh\ntrue\n",
         "r/apps/web/bootstrap/init.sh": script,
         "r/apps/web/docker/Dockerfile": dockerfile},
        code="LG005",
    )  # fmt: skip
    assert two == []


def test_a_file_two_commands_reach_weighs_once(lint_files: Lint) -> None:
    """`chown -R` then `chmod -R` of one tree copies each file up once (red team 3)."""
    files = {
        "Dockerfile": "FROM node:20-slim\nWORKDIR /usr/src/app\nCOPY src/ ./\n"
        "RUN chown -R node:node /usr/src/app && chmod -R 755 /usr/src/app\n"
        "RUN rm -rf /usr/src/app/big.bin /usr/src/app/*.bin\n",
        "src/big.bin": "x" * 700_000,
        "src/index.js": "x",
    }
    chown, removal = sorted(lint_files(files), key=lambda f: f.line)
    assert chown.estimated == {"paths": 2, "bytes": 700_001}
    assert removal.estimated == {"paths": 1, "bytes": 700_000}


def test_a_link_in_a_copied_tree_holds_no_bytes_and_git_is_sent(
    lint_files: Lint, tmp_path: Path
) -> None:
    """BuildKit copies a link inside a copied directory as a link (not its target, which may
    lie outside the context), and sends .git unless the ignore file names it (red team 3)."""
    (tmp_path / "host.bin").write_bytes(b"x" * 3_000_000)
    (tmp_path / "ctx").mkdir()
    (tmp_path / "ctx" / "intro.mp4").symlink_to(tmp_path / "host.bin")
    files = {
        "ctx/.git/objects/pack/p.pack": "x" * 5000,
        "ctx/app.py": "x" * 10,
        "ctx/Dockerfile": "FROM debian\nWORKDIR /srv\nCOPY . .\n"
        "RUN rm -f intro.mp4\nRUN chown -R 1000 /srv\nRUN rm -rf .git\n",
    }
    found = {f.line: f for f in lint_files(files)}
    assert sorted(found) == [5, 6]  # not line 4: the link removed held no bytes
    # the pack, app.py and the Dockerfile itself; not the host file the removed link named
    dockerfile = len(files["ctx/Dockerfile"])
    assert found[5].estimated == {"paths": 3, "bytes": 5010 + dockerfile}
    assert found[6].estimated == {"paths": 1, "bytes": 5000}


def test_a_stage_output_file_over_a_listed_one(lint_files: Lint) -> None:
    """Next.js' standalone output holds its package.json: over the package.json the build
    context listed, it is written again, as without the context (held out 8, in its repo)."""
    dockerfile = (
        "FROM node:22-alpine AS builder\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n"
        "FROM node:22-alpine\nWORKDIR /app\nCOPY package.json next.config.js ./\n"
        "COPY --from=builder /app/.next/standalone ./\n"
    )
    context = {"package.json": '{"name": "web"}\n', "next.config.js": "module.exports = {}\n"}
    found = lint_files({"Dockerfile": dockerfile, **context}, code="LG002")
    assert [(f.line, f.estimated) for f in found] == [(8, {"paths": 1, "bytes": 16})]


def test_a_file_copied_onto_a_directory_lands_inside_it(lint_files: Lint) -> None:
    """`COPY ./backend /app`, then `COPY run.sh /app`: BuildKit puts run.sh in /app, so two
    such files are not one written twice (held out 14, checked in its repository)."""
    dockerfile = (
        "FROM python:3.12-slim\nCOPY ./backend /app\nCOPY ./assets/run.sh /app\n"
        "COPY ./assets/start.py /app\nCOPY ./assets/run.sh /app\n"
    )
    files = {"backend/main.py": "print()\n", "assets/run.sh": "#!/bin/sh\n", "assets/start.py": ""}
    found = lint_files({"Dockerfile": dockerfile, **files}, code="LG002")
    assert [(f.line, f.message.split(" again")[0]) for f in found] == [
        (5, "writes /app/run.sh (10B)")
    ]


def test_composer_from_standard_input_is_what_a_later_chmod_copies_up(lint_files: Lint) -> None:
    """`curl .../installer | php -- --install-dir=/usr/local/bin --filename=composer` wrote the
    program a later `chmod +x` copies up: not the base image (red team 6)."""
    dockerfile = (
        "FROM php:8.2-cli\nRUN curl -sS https://getcomposer.org/installer | php --"
        " --install-dir=/usr/local/bin --filename=composer\nRUN chmod +x /usr/local/bin/composer\n"
    )
    (found,) = lint_files({"Dockerfile": dockerfile}, code="LG004", context=False)
    assert "(written by Dockerfile:2)" in found.message


def test_node_s_npm_is_the_base_image_s(message: Callable[[str, str], str]) -> None:
    """`npm install -g pm2` writes beside npm, not npm itself: removing npm later hides the
    base image's (red team 8; a fix that moved the rm into line 2 reclaimed nothing)."""
    dockerfile = (
        "FROM node:20-alpine\nRUN npm install -g pm2@5 && npm cache clean --force\n"
        "RUN rm -rf /usr/local/lib/node_modules/npm\n"
    )
    assert "(added by the base image)" in message(dockerfile, "LG003")


SAME = "), yet overlay2 storage copies every touched file into a new layer"


@pytest.mark.parametrize(
    ("steps", "same"),
    [
        ("COPY --chown=app:app . /app\nRUN chown -R app:app /app\n", "owner app:app"),
        ("COPY --chown=app . /app\nRUN chown -R app /app\n", "owner app"),
        ("COPY . /app\nRUN chown -R root:root /app\n", "owner root:root"),
        ("COPY --chmod=755 run.sh /run.sh\nRUN chmod +x /run.sh\n", "mode +x"),
        ("COPY --chmod=644 conf /etc/app\nRUN chmod -R a+r,go-w /etc/app\n", "mode a+r,go-w"),
        ("RUN useradd -m odoo\nRUN chown -R odoo.odoo /home/odoo\n", "owner odoo:odoo"),
        ("RUN adduser --disabled-password app\nRUN chgrp -R app /home/app\n", "group app"),
        # what the files did not have: another owner, the group of a user-only --chown (BuildKit
        # gives it the uid's number), an execute bit, what a chown of a part changed
        ("COPY --chown=app:app . /app\nRUN chown -R root /app\n", ""),
        ("COPY --chown=app . /app\nRUN chown -R app:app /app\n", ""),
        ("COPY --chmod=644 run.sh /run.sh\nRUN chmod +x /run.sh\n", ""),
        ("COPY --chown=app:app x /x\nRUN chown -R root /x/lib\nRUN chown -R app:app /x\n", ""),
        ("COPY --chown=$U . /app\nRUN chown -R app /app\n", ""),
        ("RUN useradd -m -N odoo\nRUN chown -R odoo:odoo /home/odoo\n", ""),
        ("RUN adduser -D app\nRUN chown -R app:app /home/app\n", ""),
        # (from a stage, BuildKit keeps the owners the files had there)
        ("COPY --from=build /app /app\nRUN chown -R root:root /app\n", ""),
    ],
)
def test_a_chown_to_what_the_files_have_says_so(lint_files: Lint, steps: str, same: str) -> None:
    findings = lint_files({"Dockerfile": f"FROM debian:12\nARG U\n{steps}"}, context=False)
    text = [f.message for f in findings if f.rule == "LG004"][-1]  # (the last RUN's)
    if same:
        assert f"only sets what its files have already ({same}{SAME}" in text
    else:
        assert SAME not in text and "copies every touched file into a new layer" in text


def test_copies_into_a_configuration_directory(lint_files: Lint) -> None:
    # configuration's .d directories are there: each file lands inside, by its own name
    findings = lint_files(
        {
            "Dockerfile": "FROM debian:12\nCOPY yarn.list /etc/apt/sources.list.d\n"
            "COPY chrome.list /etc/apt/sources.list.d\nCOPY x.ini /usr/local/etc/php/conf.d\n"
            "COPY y.ini /usr/local/etc/php/conf.d\nCOPY a.conf /opt/app.conf\n"
            "COPY b.conf /opt/app.conf\nCOPY a.sql /docker-entrypoint-initdb.d\n"
            "COPY b.sql /docker-entrypoint-initdb.d\n",
            **{name: "deb https://x stable main\n" for name in ("yarn.list", "chrome.list")},
            **{name: "x = 1\n" for name in ("x.ini", "y.ini", "a.conf", "b.conf")},
            **{name: "CREATE TABLE t (i int);\n" for name in ("a.sql", "b.sql")},
        }
    )
    # (wherever it is: the database images' /docker-entrypoint-initdb.d)
    assert [(f.line, f.rule) for f in findings if f.rule == "LG002"] == [(7, "LG002")]


def test_a_source_above_the_context_root_is_the_root(lint_files: Lint) -> None:
    # BuildKit joins a source to `/`: `../vendor` (from docker/Dockerfile) is the context's
    # vendor/, whose listing holds no bundle cache, so the rm removes what bundle installed
    findings = lint_files(
        {
            "docker/Dockerfile": "FROM ruby:3.4-slim\nWORKDIR /var/app\n"
            "COPY ../Gemfile ../vendor ./\n"
            "RUN bundle config set --local path vendor/bundle && bundle install"
            " && rm -rf vendor/bundle/ruby/3.4.0/cache/*.gem\nCOPY ../. ./\n",
            "Gemfile": "source 'https://rubygems.org'\n",
            "vendor/javascript/app.js": "x\n",
            ".git/HEAD": "ref: refs/heads/main\n",
        }
    )
    assert [(f.line, f.rule) for f in findings] == [(5, "LG002")]  # (the Gemfile, again)


def test_freeradius_s_configuration(found: Callable[[str], list[tuple[int, str]]]) -> None:
    # FreeRADIUS 3's own files, in /etc/raddb on RHEL and SUSE, /etc/freeradius/3.0 on Debian
    assert found(
        "FROM opensuse/tumbleweed\nRUN zypper install -y freeradius-server && zypper clean -a\n"
        "COPY default /etc/raddb/sites-available/default\nRUN rm /etc/raddb/mods-available/sql\n"
    ) == [(3, "LG002"), (4, "LG003")]
    assert found(
        "FROM debian:12\nRUN apt-get update && apt-get install -y freeradius"
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY default /etc/freeradius/3.0/sites-available/default\n"
    ) == [(3, "LG002")]


@pytest.mark.parametrize(
    ("ignored", "expected"),
    [("*.zip\n", [(2, "LG006"), (3, "LG003")]), ("*.log\n", [])],
)
def test_a_wildcard_over_a_directory_whose_archives_the_repository_ignores(
    lint_files: Lint, ignored: str, expected: list[tuple[int, str]]
) -> None:
    # the user puts the installer there (`*.zip` ignored beside put_software_here.txt): the
    # wildcard copies it too (held out 95, in its repository); where the repository keeps no
    # such file out, what the checkout lists is all a wildcard copies
    files = {
        ".git/HEAD": "ref: main\n",
        ".gitignore": ignored,
        "software/put_software_here.txt": "Put the database software here.\n",
        "Dockerfile": "FROM oraclelinux:8\nCOPY software/* /u01/software/\n"
        "RUN cd /u01/app && unzip -oq /u01/software/db_home.zip"
        " && rm -f /u01/software/db_home.zip\n",
    }
    assert [(f.line, f.rule) for f in lint_files(files)] == expected


def test_a_file_copied_to_a_home_a_run_made_lands_inside(lint_files: Lint) -> None:
    # the home is a directory: each file lands inside it by its own name, none over another
    # (held out 106, in its repository); a path no RUN made a directory is the file itself
    dockerfile = (
        "FROM ubuntu:20.04\nENV HOME=/home/modin\n"
        "RUN adduser --disabled-password --gecos '' --home $HOME modin\n"
        'COPY nyc-taxi.py "${HOME}"\nCOPY census.py "${HOME}"\n'
        "COPY nyc-taxi.py /srv/app.py\nCOPY census.py /srv/app.py\n"
    )
    files = {"Dockerfile": dockerfile, "nyc-taxi.py": "print(1)\n", "census.py": "print(2)\n"}
    assert [(f.line, f.rule) for f in lint_files(files)] == [(7, "LG002")]


def test_a_wildcard_copies_again_a_file_named_before(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # the named file is there (the first COPY would fail otherwise) and the wildcard matches
    # it, into the same directory (held out 111 and 70); another directory, a name the
    # pattern does not match, or a tree whose contents a wildcard copies flat, is not written
    # again
    assert found(
        "FROM ubuntu:24.04\nWORKDIR /opt\nCOPY scripts/install-sdk.sh /opt/\n"
        "COPY scripts/*.sh /opt/\nCOPY scripts/*.py /opt/\nCOPY tools/*.sh /opt/\n"
        "COPY composer.json composer.lock /srv/\nCOPY .* *.* LICENSE /srv/\n"
        "COPY conf /etc/app/conf\nCOPY * /etc/app/\n"
    ) == [(4, "LG002"), (8, "LG002")]


def test_a_file_named_after_a_wildcard_matched_it_is_written_again(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # the reverse order (held out 135: three files after `COPY *.py ./`); not from another
    # directory, into another, nor a name the pattern does not match
    assert found(
        "FROM python:3.12\nWORKDIR /app\nCOPY *.py ./\nCOPY cuda_utils.py ./\n"
        "COPY src/train.py ./\nCOPY util.py /srv/\nCOPY app.json ./\n"
        "COPY scripts/*.sh /opt/\nCOPY scripts/run.sh /opt/run.sh\n"
    ) == [(4, "LG002"), (9, "LG002")]


def test_commands_run_through_a_wrapper_leave_their_caches(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # a login shell's -c, pyenv's exec, RubyGems' version pick and Fluentd's gem run the
    # package manager itself (held out 91, 110, 89, 84 and 105); what is told not to cache
    # keeps nothing
    assert found(
        "FROM ruby:3.2\n"
        'RUN /bin/bash --login -c "cd /root; pip install -r requirements.txt"\n'
        "RUN bash -o pipefail -c 'pip install flask'\n"
        "RUN pyenv exec python3.8 -m pip install -U pip setuptools\n"
        "RUN pyenv exec python3.8 -m pip install --no-cache-dir flask\n"
        "RUN bundle _2.1.4_ install --jobs=3\n"
        "RUN fluent-gem install fluent-plugin-bigquery\n"
        "RUN bash --login -c 'pip install --no-cache-dir flask'\n"
        # (held out 140: rbenv's exec runs the gem of the Ruby it picks)
        "RUN rbenv global 3.1.2 && rbenv exec gem install bundler && rbenv rehash\n"
    ) == [(2, "LG005"), (3, "LG005"), (4, "LG005"), (6, "LG005"), (7, "LG005"), (9, "LG005")]


def test_commands_that_read_the_repositories_metadata_leave_it(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # `dnf check-update` fetches what `dnf makecache` does (held out 87); `yum list
    # installed` reads the rpm database, and `-C` only the cache already there
    assert found(
        "FROM rockylinux:9\nRUN yum info nginx && yum clean all\n"
        "RUN yum list installed > pkgs.txt\nRUN dnf -C info bash\nRUN dnf check-update || true\n"
    ) == [(5, "LG005")]


def test_a_file_copied_onto_a_directory_a_package_made_lands_on_its_file(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # /etc/nginx is the package's directory: the file lands inside it, on nginx.conf (held out
    # 81); a name the package does not ship there writes nothing again
    assert found(
        "FROM ubuntu:20.04\n"
        "RUN apt-get update && apt-get install -y nginx && rm -rf /var/lib/apt/lists/*\n"
        "ADD hosting/nginx.conf /etc/nginx\nCOPY site.conf /etc/nginx\n"
    ) == [(3, "LG002")]


@pytest.mark.parametrize(
    ("dockerfile", "expected"),
    [
        # (Ubuntu 16.04's php-fpm is 7.0's: held out 88)
        (
            "FROM ubuntu:16.04\nRUN apt-get update && apt-get install -y php-fpm"
            " && rm -rf /var/lib/apt/lists/*\nADD www.conf /etc/php/7.0/fpm/pool.d/www.conf\n",
            [(3, "LG002")],
        ),
        (
            "FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y php-fpm"
            " && rm -rf /var/lib/apt/lists/*\nADD www.conf /etc/php/7.0/fpm/pool.d/www.conf\n",
            [],
        ),
        # (EPEL's syslog-ng, moved away and written again: held out 99)
        (
            "FROM centos:7\nRUN yum install -y epel-release && yum install -y syslog-ng"
            " && yum clean all\nRUN mv /etc/syslog-ng/syslog-ng.conf /etc/syslog-ng/orig.conf\n"
            "ADD syslog-ng.conf /etc/syslog-ng/\n",
            [(3, "LG003"), (4, "LG002")],
        ),
        (
            "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y apache2 gdb locales"
            " && rm -rf /var/lib/apt/lists/*\nCOPY env /etc/apache2/envvars\n"
            "COPY gdbinit /etc/gdb/\nCOPY locale.gen /etc/locale.gen\nCOPY x.conf /etc/gdb/\n",
            [(3, "LG002"), (4, "LG002"), (5, "LG002")],
        ),
    ],
)
def test_more_packages_own_configuration(
    found: Callable[[str], list[tuple[int, str]]], dockerfile: str, expected: list[tuple[int, str]]
) -> None:
    assert found(dockerfile) == expected


def test_go_before_its_caches_keeps_none(found: Callable[[str], list[tuple[int, str]]]) -> None:
    # Go 1.10 brought the build cache and 1.11 the module cache: 1.9 and before keep neither
    # (held out 64 and 117)
    assert found("FROM golang:1.5\nRUN go get -u github.com/x/y/... && go run make.go\n") == []
    assert found("FROM golang:1.9.2-alpine\nRUN go build ./...\n") == []
    assert found("FROM golang:1.10\nRUN go build ./...\n") == [(2, "LG005")]


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        ("RUN python3 setup.py sdist bdist_wheel\n", []),
        # (its isolated environment's build requirements come through pip's cache: LG005)
        ("RUN python -m build\n", [(4, "LG005")]),
        ("", [(2, "LG006")]),  # (the context's own dist/ may hold it)
    ],
)
def test_a_wheel_built_in_place_is_not_the_copied_trees(
    found: Callable[[str], list[tuple[int, str]]], build: str, expected: list[tuple[int, str]]
) -> None:
    # `python setup.py bdist_wheel` (or `python -m build`) fills dist/ after `COPY . .`: the
    # wheel pip installs is that one, not an archive of the context (held out 117)
    assert (
        found(
            f"FROM python:3.11\nCOPY . /imitation\nWORKDIR /imitation\n{build}"
            "RUN pip install --no-cache-dir dist/imitation-*.whl\n"
        )
        == expected
    )


def test_usermod_moving_a_home_writes_its_files_again(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # `usermod -m -d` moves the home as mv would: Ubuntu 24.04's own user `ubuntu` (held out
    # 71 and 111), or one an earlier layer added; a new home without -m moves nothing, and
    # 22.04 has no such user
    assert found(
        "FROM ubuntu:24.04\nRUN usermod -l coder -d /home/coder -m ubuntu\n"
        "RUN useradd -m dev\nRUN usermod -d /srv/dev dev\nRUN usermod --move-home -d /srv/x dev\n"
    ) == [(2, "LG003"), (5, "LG003")]
    assert found("FROM ubuntu:22.04\nRUN usermod -l coder -d /home/coder -m ubuntu\n") == []


def test_a_copied_name_a_later_run_runs_is_a_file(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # a name without an extension may be a directory, whose mode changes its entry alone; one a
    # RUN runs as a program is a file (held out 71)
    assert found(
        "FROM debian:12\nADD install-nginx /tmp/install-nginx\nRUN chmod 744 /tmp/install-nginx\n"
        "RUN /tmp/install-nginx\nCOPY tools /opt/tools\nRUN chmod 744 /opt/tools\n"
        "WORKDIR /srv\nCOPY setup /srv/setup\nRUN chmod 744 setup && ./setup\n"
    ) == [(3, "LG004"), (9, "LG004")]


@pytest.mark.parametrize(
    ("copy", "run"),
    [
        # (held out 114 and 89: R's source packages)
        (
            "COPY caTools_1.17.1.tar.gz /usr/local/src/",
            "Rscript -e 'install.packages(\"/usr/local/src/caTools_1.17.1.tar.gz\", repos=NULL)'",
        ),
        ("ADD lib/R-packages /opt/R/pkgs", "R CMD INSTALL /opt/R/pkgs/NRELmoo*.tar.gz"),
        # (held out 56 and 106: the files `$(ls PATTERN)` names, as an argument)
        ("COPY --from=src /src/dist/*.whl /src/", "pip install --no-cache-dir $(ls /src/*.whl)"),
        ("COPY x-cli-1.0.tgz /install/", "npm install -g $(ls -d /install/*.tgz)"),
        # (held out 90: tar reading its standard input from the archive)
        (
            "ADD https://example.com/spark.tgz /tmp/",
            "tar -xz --strip=1 -C /opt/spark < /tmp/spark.tgz",
        ),
    ],
)
def test_more_ways_to_unpack_a_copied_archive(
    found: Callable[[str], list[tuple[int, str]]], copy: str, run: str
) -> None:
    assert (2, "LG006") in found(f"FROM rocker/r-ver:4\n{copy}\nRUN {run}\n")
    assert (2, "LG006") not in found(f"FROM rocker/r-ver:4\n{copy}\nRUN echo {run.split()[0]}\n")


def test_what_nvidia_s_cuda_images_hold_is_known(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # their Dockerfiles install the keyring's gnupg2 and the CUDA packages, not cmake (held out
    # 114 and 119); a package no layer installed is not there to remove
    assert found(
        "FROM nvidia/cuda:10.2-cudnn7-devel-ubuntu18.04\nRUN apt-get purge -y cmake\n"
        "RUN apt-get purge -y gnupg2\nRUN apt-get purge -y cuda-nsight-compute-10-2\n"
    ) == [(3, "LG003"), (4, "LG003")]


@pytest.mark.parametrize(
    ("unpack", "copy"),
    [
        # (held out 82: a version the build passes, then the top directory's contents moved)
        (
            "ARG ELASTIC_VERSION\nWORKDIR /usr/share/elasticsearch\n"
            "RUN wget https://example.com/elasticsearch-${ELASTIC_VERSION}.tar.gz"
            " && tar zxf elasticsearch-${ELASTIC_VERSION}.tar.gz"
            " && mv elasticsearch-${ELASTIC_VERSION}/* . && rm elasticsearch-*.tar.gz",
            "COPY elasticsearch.yml config/",
        ),
        # (held out 102: Hive's, into its conf named without a slash; 64: Logstash's)
        (
            "ENV HIVE_HOME=/opt/hive\nWORKDIR /opt\n"
            "RUN wget https://example.com/apache-hive-2.3.2-bin.tar.gz"
            " && tar -xzf apache-hive-2.3.2-bin.tar.gz && mv apache-hive-2.3.2-bin hive"
            " && rm apache-hive-2.3.2-bin.tar.gz",
            "ADD conf/ivysettings.xml $HIVE_HOME/conf",
        ),
        (
            "RUN curl -O https://example.com/logstash-8.1.0-linux-x86_64.tar.gz"
            " && mkdir /opt/logstash && tar xzf logstash-8.1.0-linux-x86_64.tar.gz"
            " -C /opt/logstash --strip-components=1 && rm logstash-*.tar.gz",
            "ADD pipelines.yml /opt/logstash/config/pipelines.yml",
        ),
    ],
)
def test_more_distributions_own_configuration(
    found: Callable[[str], list[tuple[int, str]]], unpack: str, copy: str
) -> None:
    dockerfile = f"FROM eclipse-temurin:17\n{unpack}\n{copy}\n"
    assert found(dockerfile) == [(dockerfile.count("\n"), "LG002")]
    # (a file of another name is written once)
    other = copy.replace("elasticsearch.yml", "x.yml").replace("ivysettings", "x")
    assert found(dockerfile.replace(copy, other.replace("/pipelines.yml", "/x.yml"))) == []


@pytest.mark.parametrize(
    ("run", "copy"),
    [
        # (held out 62 and 72: Jupyter's own configuration file)
        (
            "jupyter notebook --generate-config",
            "COPY conf.py /root/.jupyter/jupyter_notebook_config.py",
        ),
        # (held out 86 and 88: a new PostgreSQL cluster's configuration)
        ("initdb -D /var/lib/pgsql/data", "COPY pg_hba.conf /var/lib/pgsql/data/pg_hba.conf"),
        ("pg_ctl init", "COPY postgresql.conf /var/lib/postgresql/data/postgresql.conf"),
        # (held out 95 and 108: Oh My Zsh's installer writes ~/.zshrc from its template)
        (
            "curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh"
            " | sh",
            "COPY zshrc /root/.zshrc",
        ),
    ],
)
def test_files_programs_are_known_to_write(
    found: Callable[[str], list[tuple[int, str]]], run: str, copy: str
) -> None:
    dockerfile = f"FROM python:3.11\nENV PGDATA=/var/lib/postgresql/data\nRUN {run}\n{copy}\n"
    assert found(dockerfile) == [(4, "LG002")]
    assert found(dockerfile.replace(run, "echo")) == []


def test_a_purge_in_a_run_that_installs_reaches_the_base_s_packages(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # a package every image of the base holds, which this RUN did not install, is the base's
    # (held out 98); what it installed itself, or a name the base does not hold, is its own
    assert found(
        "FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl"
        " && dpkg --purge --force-remove-essential perl-base && rm -rf /var/lib/apt/lists/*\n"
        "RUN apt-get update && apt-get install -y wget && apt-get purge -y wget exim4"
        " && rm -rf /var/lib/apt/lists/*\n"
    ) == [(2, "LG003")]


def test_what_a_run_unpacked_at_the_root_and_moved_is_its_own(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # the names it moves out of / are what its archive held there, not what an earlier RUN
    # unpacked at / (held out 123)
    assert (
        found(
            "FROM ubuntu:22.04\nRUN curl -LO https://example.com/awscliv2.zip && unzip awscliv2.zip"
            " && ./aws/install && rm -f awscliv2.zip\n"
            "RUN curl -fsSLO https://example.com/go-jsonnet_0.17.0_Linux_x86_64.tar.gz"
            " && tar -xzvf go-jsonnet_0.17.0_Linux_x86_64.tar.gz && mv jsonnet /usr/local/bin/"
            " && rm -f go-jsonnet_0.17.0_Linux_x86_64.tar.gz\n"
        )
        == []
    )


def test_a_package_s_files_a_run_made_anew_or_never_had(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # apache2's index.html written again by this RUN before its chown -R copies up nothing of
    # the package's (held out 121); a mkdir without -p that succeeded after an install shows
    # the install put nothing there (held out 126: trusty's nginx has no /var/www)
    assert found(
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y apache2"
        " && rm -rf /var/lib/apt/lists/*\nCOPY index.html /\n"
        "RUN mv /index.html /var/www/html/index.html && chown -R www-data /var/www/html\n"
        "RUN apt-get update && apt-get install -y nginx && mkdir /var/www2"
        " && rm -rf /var/lib/apt/lists/*\nRUN chown -R www-data /var/www2\n"
    ) == [(4, "LG003")]
    assert (
        found(
            "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y nginx && mkdir /var/www"
            " && rm -rf /var/lib/apt/lists/*\nRUN chown -R www-data /var/www\n"
        )
        == []
    )
    assert found(
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y apache2"
        " && rm -rf /var/lib/apt/lists/*\nRUN chown -R www-data /var/www/html\n"
    ) == [(3, "LG004")]


def test_base_images_install_helpers_clean_the_index(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # gitpod's `install-packages` and minideb's `install_packages` remove apt's lists after
    # they install (held out 123)
    assert (
        found(
            "FROM gitpod/workspace-full\n"
            "RUN add-apt-repository -yu ppa:x/y && install-packages kubectl\n"
            "FROM bitnami/minideb:bookworm\nRUN apt-get update && install_packages curl\n"
        )
        == []
    )


@pytest.mark.parametrize(
    ("dockerfile", "expected"),
    [
        # (held out 121: go mod tidy fetches what it resolves)
        ("FROM golang:1.22\nRUN go mod tidy\nRUN go mod vendor\nRUN go mod verify\n", [2, 3]),
        # (held out 124: cargo-rpm's and cargo-deb's builds)
        ("FROM rust:1.80\nRUN cargo rpm build\nRUN cargo deb\nRUN cargo rpm init\n", [2, 3]),
    ],
)
def test_more_commands_that_fill_go_s_and_cargo_s_caches(
    found: Callable[[str], list[tuple[int, str]]], dockerfile: str, expected: list[int]
) -> None:
    assert found(dockerfile) == [(line, "LG005") for line in expected]


@pytest.mark.parametrize(
    "run",
    [
        # (held out 111, 113 and 123: LLVM's script adds its repository and updates the index)
        "wget https://apt.llvm.org/llvm.sh && chmod +x llvm.sh && ./llvm.sh 16 && rm llvm.sh",
        # (held out 111 and 59: Tailscale's installer, a Cloudsmith repository's setup)
        "curl -fsSL https://tailscale.com/install.sh | sh",
        # (held out 58: Kitware's repository for CMake)
        "curl -sSf https://apt.kitware.com/kitware-archive.sh | sh",
        "curl -1sLf https://dl.cloudsmith.io/public/x/y/setup.deb.sh | bash && apt-get install y",
    ],
)
def test_more_vendor_scripts_update_apt_s_index(
    found: Callable[[str], list[tuple[int, str]]], run: str
) -> None:
    assert found(f"FROM ubuntu:22.04\nRUN {run}\n") == [(2, "LG005")]
    assert found(f"FROM ubuntu:22.04\nRUN {run} && rm -rf /var/lib/apt/lists/*\n") == []


@pytest.mark.parametrize(
    ("dockerfile", "expected"),
    [
        # (held out 131 and 133: nothing of these is in the image, so nothing ships twice)
        ("FROM php:8.1-apache\nRUN apt-get remove -y nodejs\n", []),
        ("FROM centos:7\nRUN yum remove -y docker docker-common docker-engine\n", []),
        ("FROM python:3.11\nRUN apt-get purge -y nodejs\n", []),
        # (held out 108, 93: a package the image holds)
        ("FROM almalinux:10\nRUN yum remove -y vim-minimal\n", [2]),
        ("FROM python:3.9\nRUN apt-get purge -y imagemagick\n", [2]),
        ("FROM php:8.2-fpm\nRUN apt-get purge -y --auto-remove autoconf g++ make\n", [2]),
        # (an image not known: any package may be there)
        ("FROM example.com/team/base:1\nRUN apt-get remove -y nodejs\n", [2]),
    ],
)
def test_a_removal_of_packages_reaches_only_what_the_base_is_known_to_hold(
    found: Callable[[str], list[tuple[int, str]]], dockerfile: str, expected: list[int]
) -> None:
    assert found(dockerfile) == [(line, "LG003") for line in expected]


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        # (held out 130) Debian's add-apt-repository before 12 is Ubuntu 16.04's, or older
        ("debian:jessie", []),
        ("debian:11", []),
        ("python:3.9-bullseye", []),
        ("debian:12", [(2, "LG005")]),
        ("python:3.12-bookworm", [(2, "LG005")]),
    ],
)
def test_debian_before_12_adds_a_repository_without_updating_the_index(
    found: Callable[[str], list[tuple[int, str]]], image: str, expected: list[tuple[int, str]]
) -> None:
    assert found(f"FROM {image}\nRUN add-apt-repository 'deb http://x/ y main'\n") == expected


_MINICONDA = (
    "FROM ubuntu:22.04\nRUN curl -o /tmp/m.sh https://repo.anaconda.com/miniconda/"
    "Miniconda3-latest-Linux-x86_64.sh && bash /tmp/m.sh -b -p /opt/conda && rm /tmp/m.sh\n"
)


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        # (held out 137) the clean empties the cache mount, not the installer's pkgs/ below it
        ("--mount=type=cache,target=/opt/conda/pkgs /opt/conda/bin/conda install -y numpy"
         " && /opt/conda/bin/conda clean -afy", []),
        ("--mount=type=cache,target=/var/cache/apt rm -rf /var/cache/apt/archives/*.deb", []),
        ("/opt/conda/bin/conda install -y numpy && /opt/conda/bin/conda clean -afy",
         [(3, "LG003")]),
    ],
)  # fmt: skip
def test_a_removal_inside_a_cache_mount_reaches_only_the_mount(
    found: Callable[[str], list[tuple[int, str]]], run: str, expected: list[tuple[int, str]]
) -> None:
    assert found(f"{_MINICONDA}RUN {run}\n") == [(2, "LG005"), *expected]


@pytest.mark.parametrize(
    "image",
    [
        # (held out 97 and 138) every image holds its user database, not only the well-known
        "registry.access.redhat.com/rhscl/s2i-core-rhel7",
        "example.com/team/base:1",
        "ubuntu:22.04",
    ],
)
def test_a_chmod_of_the_user_database_copies_it_up_on_any_image(
    found: Callable[[str], list[tuple[int, str]]], image: str
) -> None:
    assert found(f"FROM {image}\nRUN chmod g+w /etc/passwd\n") == [(2, "LG004")]


@pytest.mark.parametrize(
    ("dockerfile", "expected"),
    [
        # (held out 138) pip's configuration file keeps the setting for the RUNs after it, and
        # any value turns the cache off, `false` too
        ("RUN pip config --site set global.no-cache-dir false\nRUN pip install flask\n", []),
        ("RUN pip config set global.no-cache-dir true && pip install flask\n", []),
        ("RUN pip3 config --user set global.no-cache-dir 1\nRUN pip install flask\n", []),
        ("RUN pip install flask\nRUN pip config set global.no-cache-dir true\n", [2]),
        ("RUN pip config set global.index-url https://x/simple\nRUN pip install flask\n", [3]),
    ],
)
def test_pip_s_configuration_turns_its_cache_off_for_the_runs_after(
    found: Callable[[str], list[tuple[int, str]]], dockerfile: str, expected: list[int]
) -> None:
    assert found(f"FROM python:3.11\n{dockerfile}") == [(line, "LG005") for line in expected]


@pytest.mark.parametrize(
    ("dockerfile", "expected"),
    [
        # (held out 137) npm pack makes the tarball the same RUN unpacks
        ("WORKDIR /build\nCOPY . .\n"
         "RUN npm install && npm pack && tar xzf app-*.tgz -C /app && rm -rf /build\n", []),
        # (held out 137) dist/ was removed after the copy and built again: its wheels are new
        ("WORKDIR /w\nCOPY src src\nRUN rm -rf src/dist\nRUN ./build-wheel.sh src\n"
         "RUN pip install --no-cache-dir ./src/dist/*.whl\n", []),
        ("WORKDIR /w\nCOPY src src\nRUN pip install --no-cache-dir ./src/dist/*.whl\n",
         [(3, "LG006")]),
    ],
)  # fmt: skip
def test_an_archive_made_after_the_copy_is_not_the_copy_s(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert [f for f in found(f"FROM node:20\n{dockerfile}") if f[1] == "LG006"] == expected


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        # (held out 129) GOPATH mode: the get fetched and built it, the install finds all done
        ("RUN go get github.com/x/y\nRUN go install github.com/x/y\n", [2]),
        ("RUN go get github.com/x/y\nRUN go install github.com/x/y github.com/x/z\n", [2, 3]),
        ("RUN go install github.com/x/y\nRUN go install github.com/x/y\n", [2, 3]),
        ("RUN go get github.com/x/y@v1.2.0\nRUN go install github.com/x/y@v1.2.0\n", [2, 3]),
    ],
)
def test_a_go_install_of_what_an_earlier_go_get_built_adds_no_cache(
    found: Callable[[str], list[tuple[int, str]]], runs: str, expected: list[int]
) -> None:
    assert found(f"FROM golang:1.15\n{runs}") == [(line, "LG005") for line in expected]


def test_a_clone_s_git_directory_is_there_whatever_ran_before_its_removal(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 135) the build ran first, yet .git is the clone's, and ships in its layer
    dockerfile = (
        "FROM python:3.11\nRUN git clone https://github.com/a/b /src\n"
        "RUN cd /src && python setup.py install && rm -rf .git\n"
        "RUN cd /src && rm -rf .git\n"  # (gone already: a whiteout of nothing)
    )
    assert [f for f in found(dockerfile) if f[1] == "LG003"] == [(3, "LG003")]


@pytest.mark.parametrize(
    "run",
    [
        "RUN <<EOF bash -ex\napt-get update\nEOF\n",
        # (held out 137) the heredoc first, quoted, as the shell's input
        'RUN <<"EOF" bash -exu\napt-get update\nEOF\n',
        "RUN <<EOF sh\napt-get update\nEOF\n",
        "RUN bash <<EOF\napt-get update\nEOF\n",
    ],
)
def test_a_heredoc_a_shell_reads_as_its_input_is_its_script(
    found: Callable[[str], list[tuple[int, str]]], run: str
) -> None:
    assert found(f"FROM ubuntu:22.04\n{run}") == [(2, "LG005")]


@pytest.mark.parametrize(
    ("dockerfile", "expected"),
    [
        # (held out 139 and 110) root's pip with HOME in a home jovyan owns keeps no cache
        ("FROM jupyter/scipy-notebook:python-3.9\nUSER root\nRUN pip install flask\n", []),
        ("FROM jupyter/scipy-notebook:python-3.9\nRUN pip install flask\n", [2]),
        # (held out 298: ZAP's images keep HOME=/home/zap/ for root too)
        ("FROM owasp/zap2docker-stable\nUSER root\nRUN pip install flask\n", []),
        ("FROM zaproxy/zap-stable\nRUN pip install --user flask\n", [2]),
        ("FROM python:3.12\nRUN pip install flask\n", [2]),
        ("FROM python:3.12\nENV PIP_CACHE_DIR=/var/cache/pip\nRUN pip install flask\n", [3]),
    ],
)
def test_root_s_pip_in_another_user_s_home_keeps_no_cache(
    found: Callable[[str], list[tuple[int, str]]], dockerfile: str, expected: list[int]
) -> None:
    assert found(dockerfile) == [(line, "LG005") for line in expected]


def test_jupyter_s_images_hold_jovyan_s_dotfiles(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 136) docker-stacks is Ubuntu's, and useradd filled /home/jovyan from /etc/skel
    base = "FROM jupyter/base-notebook:python-3.9.5\nUSER root\n"
    assert found(f"{base}RUN chown -R $NB_UID:$NB_GID $HOME\n") == [(3, "LG004")]
    assert found(f"{base}RUN chown $NB_UID:$NB_GID $HOME\n") == []


@pytest.mark.parametrize(
    "assemble", ["/usr/libexec/s2i/assemble", "$STI_SCRIPTS_PATH/assemble", "/tmp/scripts/assemble"]
)
def test_s2i_s_assemble_moves_the_sources_out_of_tmp_src(
    found: Callable[[str], list[tuple[int, str]]], assemble: str
) -> None:
    # (held out 122 and 137) the builder's assemble, or an override that calls it
    dockerfile = (
        "FROM registry.access.redhat.com/ubi8/python-39\nCOPY --chown=1001:0 . /tmp/src\n"
        f"RUN {assemble}\nRUN ./gradlew assemble\n"
    )
    assert [f for f in found(dockerfile) if f[1] != "LG005"] == [(3, "LG003")]


@pytest.mark.parametrize(
    ("dockerfile", "expected"),
    [
        # (held out 125) python:3 holds wget: installing it again keeps or upgrades the base's
        ("FROM python:3\nRUN apt-get update && apt-get install -y wget && wget -O /x u"
         " && apt-get remove -y wget && rm -rf /var/lib/apt/lists/*\n", [2]),
        # (held out 84) buildpack-deps' curl variant holds no compiler
        ("FROM buildpack-deps:buster-curl\nRUN apt-get update && apt-get install -y gcc"
         " && make && apt-get purge -y gcc && rm -rf /var/lib/apt/lists/*\n", []),
        ("FROM buildpack-deps:buster\nRUN apt-get update && apt-get install -y gcc"
         " && make && apt-get purge -y gcc && rm -rf /var/lib/apt/lists/*\n", [2]),
        # (held out 113) NVIDIA's CUDA images purge the curl their keyring step installed
        ("FROM nvidia/cuda:12.6.3-runtime-ubuntu22.04\nRUN apt-get update && apt-get install"
         " -y curl && curl -o /x u && apt-get purge -y curl && rm -rf /var/lib/apt/lists/*\n", []),
        # (held out 56) ubuntu 24.04 holds no adduser
        ("FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y adduser && adduser --system"
         " app && apt-get remove -y adduser && rm -rf /var/lib/apt/lists/*\n", []),
    ],
)  # fmt: skip
def test_a_purge_reaches_a_package_the_base_holds_though_the_run_installed_it(
    found: Callable[[str], list[tuple[int, str]]], dockerfile: str, expected: list[int]
) -> None:
    assert [f for f in found(dockerfile) if f[1] == "LG003"] == [(n, "LG003") for n in expected]


@pytest.mark.parametrize(
    ("dockerfile", "expected"),
    [
        # (held out 145) the root of an Alpine image, copied over another Alpine image
        ("FROM jrottenberg/ffmpeg:3.3-alpine\nFROM node:16-alpine\nCOPY --from=0 / /\n", [3]),
        # (not an image of programs alone)
        ("FROM tonistiigi/xx AS xx\nFROM alpine:3.19\nCOPY --from=xx / /\n", []),
        # (held out 146 and 144) php's fpm images write zz-docker.conf; CentOS 7's pam, limits.d
        ("FROM php:8.2-fpm-alpine\nCOPY zz.conf /usr/local/etc/php-fpm.d/zz-docker.conf\n", [2]),
        ("FROM centos:7\nCOPY n.conf /etc/security/limits.d/20-nproc.conf\n", [2]),
        ("FROM centos:6\nCOPY n.conf /etc/security/limits.d/20-nproc.conf\n", []),
    ],
)
def test_what_distribution_images_hold_is_written_again(
    found: Callable[[str], list[tuple[int, str]]], dockerfile: str, expected: list[int]
) -> None:
    assert [f for f in found(dockerfile) if f[1] == "LG002"] == [(n, "LG002") for n in expected]


def test_runit_s_service_directories_hold_links(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 146) runsvdir's entries link to /etc/sv: removing them frees no bytes
    base = (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y runit && rm -rf /var/lib/apt/lists/*\n"
    )
    assert found(f"{base}RUN rm -rf /etc/runit/runsvdir/default/getty-tty*\n") == []
    assert found(f"{base}RUN rm -rf /etc/runit/1 /etc/runit/2\n") == [(3, "LG003")]


def test_a_purge_on_jupyter_s_images_names_what_they_installed(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # docker-stacks install Python and Node.js with conda: apt holds no nodejs to remove
    base = "FROM jupyter/scipy-notebook:2023-10-20\nUSER root\n"
    clean = " && rm -rf /var/lib/apt/lists/*\n"
    assert found(f"{base}RUN apt-get update && apt-get remove -y nodejs{clean}") == []
    assert found(f"{base}RUN apt-get update && apt-get remove -y pandoc{clean}") == [(3, "LG003")]


def test_an_edit_in_place_after_a_chmod_is_what_copies_the_files(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 152) dos2unix rewrites every file the glob names, the chmod adds nothing
    base = "FROM debian:12\nCOPY a.sh /opt/\nCOPY b/u.sh /opt/u.sh\n"
    assert found(f"{base}RUN chmod +x /opt/*.sh && dos2unix /opt/*.sh\n") == []
    assert found(f"{base}RUN chmod +x /opt/*.sh\n") == [(4, "LG004")]


@pytest.mark.parametrize(("image", "expected"), [("centos:7", [3]), ("debian:12", [])])
def test_useradd_fills_a_home_where_login_defs_says_create_home(
    found: Callable[[str], list[tuple[int, str]]], image: str, expected: list[int]
) -> None:
    # (held out 155) Red Hat's family: CREATE_HOME yes, /etc/skel's .bash_profile is there
    dockerfile = f"FROM {image}\nRUN useradd -u 1000 builder\nCOPY p /home/builder/.bash_profile\n"
    assert found(dockerfile) == [(n, "LG002") for n in expected]
    assert (
        found(f"FROM {image}\nRUN useradd -r builder\nCOPY p /home/builder/.bash_profile\n") == []
    )


@pytest.mark.parametrize(("image", "expected"), [("centos:7", [4]), ("debian:12", [])])
def test_bin_sh_expands_braces_where_it_is_bash(
    found: Callable[[str], list[tuple[int, str]]], image: str, expected: list[int]
) -> None:
    # (held out 155) /bin/sh is bash on Red Hat's family, dash on Debian's
    dockerfile = f"FROM {image}\nCOPY a /h/.a\nCOPY b /h/.b\nRUN chmod 600 /h/.{{a,b}}\n"
    assert found(dockerfile) == [(n, "LG004") for n in expected]


def test_littler_leaves_the_package_sources_it_downloaded(
    found: Callable[[str], list[tuple[int, str]]], message: Callable[[str, str], str]
) -> None:
    # (held out 132 and 155) rocker's install2.r: R's tempdir is /tmp under littler
    base = "FROM rocker/r-ver:4.3.1\n"
    assert found(f"{base}RUN install2.r --error dplyr\n") == [(2, "LG005")]
    assert found(f"{base}RUN install2.r dplyr && rm -rf /tmp/downloaded_packages\n") == []
    assert found(f"{base}RUN install2.r dplyr\nRUN rm -rf /tmp/downloaded_packages\n") == [
        (2, "LG005"),
        (3, "LG003"),
    ]
    assert "rm -rf /tmp/downloaded_packages" in message(f"{base}RUN installGithub.r a/b\n", "LG005")


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        # (held out 156 and 89) a program not read, then rm of the archives: it used them
        ("./unzip_plugins.sh && rm /tmp/*.zip", [(2, "LG006"), (4, "LG003")]),
        ("/tmp/install.sh && rm -f /tmp/plugin.zip", [(2, "LG006"), (4, "LG003")]),
        # (what unpacked it is shown, and is not this archive)
        ("unzip /tmp/other.zip -d /opt && rm /tmp/plugin.zip", [(4, "LG003")]),
        # (a removal alone is no use of the archive)
        ("rm /tmp/plugin.zip", [(4, "LG003")]),
    ],
)
def test_an_archive_a_program_ran_before_its_removal_is_taken_as_used(
    found: Callable[[str], list[tuple[int, str]]], run: str, expected: list[tuple[int, str]]
) -> None:
    dockerfile = (
        "FROM tomcat:9\nADD https://example.com/plugin.zip /tmp/plugin.zip\n"
        f"COPY unzip_plugins.sh install.sh /tmp/\nRUN {run}\n"
    )
    assert found(dockerfile) == expected


def test_the_go_a_build_installs_by_version_may_predate_its_caches(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 159) GO_VERSION=1.8.5 installed from the tarball: no build or module cache
    run = (
        "RUN wget -qO- https://dl.google.com/go/go${GO_VERSION}.linux-amd64.tar.gz | tar -xzC"
        " /usr/local && /usr/local/go/bin/go get github.com/x/y\n"
    )
    assert found(f"FROM ubuntu:18.04\nENV GO_VERSION=1.8.5\n{run}") == []
    assert found(f"FROM ubuntu:18.04\nENV GO_VERSION=1.21.5\n{run}") == [(3, "LG005")]


def test_a_pip_install_run_again_word_for_word_fetches_nothing(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 157) the same RUN pasted twice: every package is there the second time
    install = "RUN pip3 install fvcore iopath trimesh\n"
    assert found(f"FROM python:3.11\n{install}{install}") == [(2, "LG005")]
    # (not after a removal of packages, nor for another user's pip)
    removed = "RUN pip3 uninstall -y trimesh\n"
    assert found(f"FROM python:3.11\n{install}{removed}{install}") == [
        (2, "LG005"),
        (3, "LG003"),
        (4, "LG005"),
    ]


def test_a_wildcard_copy_goes_into_the_directory_an_earlier_copy_made(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 157) `spinnaker-3.1.0.79-amd64` is a directory's name (a version's tail is no
    # extension), and the wheels the wildcard names go into it
    dockerfile = (
        "FROM ubuntu:22.04\nCOPY flir/spinnaker-3.1.0.79-amd64 /spinnaker\n"
        "COPY flir/*.whl /spinnaker\nRUN dpkg -i /spinnaker/*.deb\n"
        "RUN pip3 install --no-cache-dir /spinnaker/*.whl\n"
    )
    assert found(dockerfile) == [(2, "LG006"), (3, "LG006")]


def test_conda_run_runs_the_shell_script_after_it(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 157) the env's bash runs the script: its rm of the copied file is a removal
    dockerfile = (
        "FROM continuumio/miniconda3\nCOPY config/a.R /tmp/a.R\n"
        'RUN conda run --no-capture-output -n r bash -c "Rscript /tmp/a.R && rm -f /tmp/a.R"\n'
    )
    assert found(dockerfile) == [(3, "LG003")]


def test_env_with_no_program_runs_nothing(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 161) `env` alone prints the environment: what the chmod after it changes is
    # still the copy's, not something this RUN may have made
    dockerfile = (
        "FROM ubuntu:22.04\nCOPY scripts /opt/setup/scripts/\n"
        "RUN env && chmod -R +x /opt/setup/scripts/*.sh\n"
    )
    assert found(dockerfile) == [(3, "LG004")]
    # (a program after it is run: what it made may be what the chmod changes)
    ran = dockerfile.replace("env &&", "env ./gen.sh &&")
    assert found(ran) == []


def test_the_jupyter_user_names_the_jupyter_stacks_variables(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 180) a base not known here, built on the Jupyter Docker Stacks: its user's
    # home is /home/$NB_USER, and the rm there takes the pip cache of the same RUN
    run = "RUN pip install matplotlib && rm -rf /home/$NB_USER/.cache\n"
    assert found(f"FROM erdc/conda_base\nUSER jovyan\nWORKDIR /home/$NB_USER\n{run}") == []
    # (another user: NB_USER is not theirs, and the cache stays)
    assert found(f"FROM erdc/conda_base\nUSER app\n{run}") == [(3, "LG005")]


def test_go_toolset_7_keeps_no_go_cache(found: Callable[[str], list[tuple[int, str]]]) -> None:
    # (held out 184) Red Hat's Software Collection go-toolset-7 is Go 1.8: no build cache yet
    env = "ENV PATH=/opt/rh/go-toolset-7/root/usr/lib/go-toolset-7-golang/bin/:$PATH\n"
    run = "RUN go get github.com/stretchr/testify\n"
    assert found(f"FROM centos:7\n{env}{run}") == []
    assert found(f"FROM centos:7\n{run}") == [(2, "LG005")]


def test_a_find_exec_mv_writes_its_destination(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 185) the program the same RUN unpacked and moved is what its chmod changes
    run = (
        "RUN curl -fLo /tmp/u.tar.gz https://example.com/u.tar.gz && tar -xzf /tmp/u.tar.gz"
        " -C /tmp/ && find /tmp -maxdepth 2 -name upscan -type f -exec mv {}"
        " /usr/local/bin/upscan \\; && rm /tmp/u.tar.gz && chmod +x /usr/local/bin/upscan\n"
    )
    assert found(f"FROM fedora:40\n{run}") == []


def test_composer_bin_plugin_namespaces_install(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 183) bamarni/composer-bin-plugin: `composer bin NAME require x` is a require
    run = "RUN composer global bin phpstan require phpstan/phpstan\n"
    assert found(f"FROM php:8.2-cli\n{run}") == [(2, "LG005")]


def test_an_s2i_builder_image_holds_its_scripts(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 122, 172, 184) a language's s2i builder image ships assemble, run and usage in
    # /usr/libexec/s2i; the image's own s2i/bin replaces them
    for base in ("centos/nodejs-8-centos7", "registry.access.redhat.com/ubi8/ruby-27"):
        assert found(f"FROM {base}\nCOPY .s2i/bin/assemble /usr/libexec/s2i\n") == [(2, "LG002")]
        assert found(f"FROM {base}\nCOPY ./s2i/bin/ /usr/libexec/s2i\n") == [(2, "LG002")]
    # (s2i-core, the builders' own base, holds no scripts there)
    core = "registry.access.redhat.com/ubi8/s2i-core"
    assert found(f"FROM {core}\nCOPY ./s2i/bin/ /usr/libexec/s2i\n") == []


def test_a_wildcard_or_config_directory_copied_over_an_unpacked_distribution(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 144, 171, 174, 190, 58) Hadoop's tarball holds core-site.xml, hdfs-site.xml
    # and more in etc/hadoop: a wildcard matching several of them, or a configuration
    # directory, copied there replaces them
    unpack = (
        "FROM ubuntu:22.04\nRUN curl -fsSL https://dlcdn.apache.org/hadoop/common/hadoop-3.3.6/"
        "hadoop-3.3.6.tar.gz | tar -xz -C /opt && mv /opt/hadoop-3.3.6 /opt/hadoop\n"
    )
    for copy in ("config/*.xml /opt/hadoop/etc/hadoop/", "conf/ /opt/hadoop/etc/hadoop/"):
        assert found(f"{unpack}COPY {copy}\n") == [(3, "LG002")]
    # (one name of theirs at most, or a directory not named for configuration: not known)
    for copy in ("config/*.sh /opt/hadoop/etc/hadoop/", "scripts/ /opt/hadoop/etc/hadoop/"):
        assert found(f"{unpack}COPY {copy}\n") == []


def test_a_name_in_an_applications_bin_directory_is_a_program(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 182) `chmod 0755` of a name in a bin directory changes the program there
    copy = "FROM ubuntu:22.04\nCOPY greenlit-init /greenlit/bin/greenlit-init\n"
    assert found(f"{copy}RUN chmod 0755 /greenlit/bin/greenlit-init\n") == [(3, "LG004")]
    # (elsewhere too, for a name a directory seldom has; a name directories have may be a
    # directory's, whose entry alone is copied up: eight labelled rows of sets 217-320, all yes)
    copy = "FROM ubuntu:22.04\nCOPY greenlit-init /greenlit/lib/greenlit-init\n"
    assert found(f"{copy}RUN chmod 0755 /greenlit/lib/greenlit-init\n") == [(3, "LG004")]
    copy = "FROM ubuntu:22.04\nCOPY plugins /greenlit/lib/plugins\n"
    assert found(f"{copy}RUN chmod 0755 /greenlit/lib/plugins\n") == []


def test_rm_d_without_r_removes_only_an_empty_directory(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 188) `rm -df /lib/modules` fails on a directory that holds anything
    copy = "FROM debian:12\nCOPY modules /lib/modules\n"
    assert found(f"{copy}RUN rm -df /lib/modules\n") == []
    assert found(f"{copy}RUN rm -rdf /lib/modules\n") == [(3, "LG003")]


def test_cabal_versioned_commands_fill_its_package_cache(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 196) `cabal v2-update` and `v2-install` are update and install
    runs = (
        "RUN cabal v2-update\nRUN cabal v2-install exe:cryptol\nRUN cabal v2-install regex-tdfa\n"
    )
    assert found(f"FROM haskell:8.8\nWORKDIR /cryptol\n{runs}") == [
        (3, "LG005"),
        (4, "LG005"),
        (5, "LG005"),
    ]
    # (a component of the same project after its first install: its dependencies are there)
    again = "RUN cabal v2-install exe:cryptol\nRUN cabal v2-install lib:cryptol\n"
    assert found(f"FROM haskell:8.8\nWORKDIR /cryptol\n{again}") == [(3, "LG005")]


def test_a_quoted_workdir_and_a_destination_ending_in_slash_dot(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 194) BuildKit reads WORKDIR as a shell word: `"/root"` is /root
    dockerfile = (
        'FROM ubuntu:22.04\nWORKDIR "/root"\nCOPY docker/requirements.txt /root/\n'
        "RUN pip3 install --no-cache-dir -r requirements.txt && rm requirements.txt\n"
    )
    assert found(dockerfile) == [(4, "LG003")]
    # (held out 195) `dir/.` names the directory: the zip lands inside it
    dockerfile = (
        "FROM ubuntu:22.04\nCOPY docker/mon.zip /root/nltk_data/.\n"
        "RUN unzip /root/nltk_data/mon.zip -d /root/nltk_data/omw\n"
        "RUN rm /root/nltk_data/mon.zip\n"
    )
    assert found(dockerfile) == [(2, "LG006"), (4, "LG003")]


def test_distribution_packages_fill_no_application_directory_under_usr(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 198) an upgrade writes /usr/lib and /usr/share, never an application's /usr/app
    upgrade = "FROM node:10\nWORKDIR /usr/app\nRUN apt-get -y update && apt-get -y upgrade\n"
    assert found(f"{upgrade}RUN rm -rf yarn.lock\n") == [(3, "LG005")]
    assert found(f"{upgrade}RUN rm -rf /usr/share/doc\n") == [(3, "LG005"), (4, "LG003")]
    # (held out 210) a directory the Dockerfile copied into is the application's as well
    apt = "RUN apt-get update && apt-get install -y python3 && rm -rf /var/lib/apt/lists/*\n"
    copy = "COPY run_app.sh /usr/app/\n"
    chown = "RUN mkdir -p ${SETTINGS_DIR} && chown -R node:node /usr/app/settings\n"
    assert found(f"FROM node:20\n{apt}{copy}{chown}") == []
    # (a directory of /usr no instruction made is a package's: PGDG's /usr/pgsql-15, a cross
    # toolchain's /usr/aarch64-linux-gnu)
    cross = "RUN apt-get update && apt-get install -y gcc-aarch64-linux-gnu\n"
    removal = "RUN rm -rf /usr/aarch64-linux-gnu/lib/libasan.so.8.0.0\n"
    assert found(f"FROM debian:12\n{cross}{removal}") == [(2, "LG005"), (3, "LG003")]
    pgdg = "RUN dnf install -y postgresql15-server && dnf clean all\n"
    chown = "RUN chown -R postgres:postgres /usr/pgsql-15\nRUN rm -rf /usr/pgsql-15/share/man\n"
    assert found(f"FROM rockylinux:9\n{pgdg}{chown}") == [(3, "LG004"), (4, "LG003")]


@pytest.mark.parametrize(
    "run",
    [
        "pip3 wheel .",  # (held out 135) build isolation fetches through pip's cache
        "pip download -d /tmp/wheels requests",
        "poetry lock --no-update",  # (held out 134)
        "corepack pnpm install",  # (held out 188) the pinned pnpm, with its store
        "apt-file update",  # (held out 193) the Contents indexes, into the apt lists
    ],
)
def test_commands_that_fetch_through_a_managers_cache(
    found: Callable[[str], list[tuple[int, str]]], run: str
) -> None:
    assert found(f"FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN {run}\n") == [(4, "LG005")]


def test_poetry_lock_check_fetches_nothing(found: Callable[[str], list[tuple[int, str]]]) -> None:
    assert found("FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN poetry lock --check\n") == []


def test_go_clean_empties_only_the_cache_it_names(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 136) `go clean -cache` leaves the modules `go install x@latest` fetched
    install = "FROM golang:1.22\nRUN go install golang.org/x/tools/cmd/cover@latest"
    assert found(f"{install} && go clean -cache\n") == [(2, "LG005")]
    assert found(f"{install} && go clean -modcache\n") == [(2, "LG005")]
    assert found(f"{install} && go clean -cache -modcache\n") == []
    # (held out 136) the standard library is built from GOROOT: no module is fetched
    assert found("FROM golang:1.22\nRUN go install std && go clean -cache\n") == []
    assert found("FROM golang:1.22\nRUN go install std\n") == [(2, "LG005")]
    # (nor by a vendored build, or one told not to download; options take their values)
    for build in (
        "go build -mod=vendor -o /app .",
        "GOFLAGS=-mod=vendor go build -o /app .",
        "go build -mod vendor -o /app .",
        "GOPROXY=off go build -o /app .",
        "go install -a -installsuffix cgo std",
    ):
        assert found(f"FROM golang:1.22\nRUN {build} && go clean -cache\n") == [], build
    assert found("FROM golang:1.22\nRUN go build -o /app . && go clean -cache\n") == [(2, "LG005")]


def test_a_stage_installing_by_apt_shows_a_base_with_setuid_programs(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 62) a base not known here, of Debian's family as its apt-get install shows
    strip = "RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} \\; || true\n"
    apt = "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"
    assert found(f"FROM apache/superset:4.0.0\nUSER root\n{apt}{strip}") == [(4, "LG004")]
    apk = "RUN apk add --no-cache curl\n"
    assert found(f"FROM example/tool:1\n{apk}{strip}") == []
    # (nor an apt-get in one branch of an `if` whose other installs by apk: the base may be
    # Alpine's, which has none of those programs)
    either = (
        "RUN if command -v apk; then apk add --no-cache curl; else apt-get update"
        " && apt-get install -y curl && rm -rf /var/lib/apt/lists/*; fi\n"
    )
    assert found(f"FROM example/tool:1\n{either}{strip}") == []


@pytest.mark.parametrize(
    ("copied", "run", "found_lines"),
    [
        ("a.deb", "dpkg-deb -x /tmp/a.deb /opt/a", [(2, "LG006")]),  # (held out 61)
        ("a.rpm", "alien -i /tmp/a.rpm", [(2, "LG006")]),  # (held out 131)
        ("a.deb", "dpkg-deb --build /tmp/pkg /tmp/b.deb", []),  # (it writes a .deb)
        ("a.rpm", "alien --to-deb /tmp/a.rpm", []),
    ],
)
def test_a_package_file_unpacked_by_dpkg_deb_or_installed_by_alien(
    found: Callable[[str], list[tuple[int, str]]],
    copied: str,
    run: str,
    found_lines: list[tuple[int, str]],
) -> None:
    assert found(f"FROM debian:12\nCOPY {copied} /tmp/\nRUN {run}\n") == found_lines


def test_a_cleanup_asks_go_where_its_caches_are(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 15) `$(go env GOMODCACHE)` prints the module cache's place, as the ENV or go's
    # defaults under the home put it
    build = "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app ."
    assert found(f'{build} && rm -rf "$(go env GOMODCACHE)" "$(go env GOCACHE)"\n') == []
    assert found(f"{build} && rm -rf `go env GOPATH`/pkg/mod $(go env GOCACHE)\n") == []
    assert found(f'{build} && rm -rf "$(go env GOMODCACHE)"\n') == [(4, "LG005")]
    moved = "FROM debian:12\nENV GOPATH=/opt/go GOCACHE=/opt/cache\nCOPY . /src\n"
    go = "RUN apt-get install -y golang-go && cd /src && go build -o /app ."
    assert found(f"{moved}{go} && rm -rf $(go env GOMODCACHE) $(go env GOCACHE)\n") == []
    assert found(f"{moved}{go} && rm -rf $(go env GOMODCACHE) ~/.cache/go-build\n") == [
        (4, "LG005")
    ]


def test_cargo_through_a_toolchain_or_a_wrapper_and_carton_keep_their_caches(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 220) `cargo +stable install`: rustup's toolchain before the subcommand; maturin
    # and wasm-pack build through cargo, fetching crates into its registry
    rust = "FROM rust:1.80\nCOPY . /src\nWORKDIR /src\n"
    assert found(f"{rust}RUN cargo +stable install --version 0.13.1 wasm-pack\n") == [(4, "LG005")]
    assert found(f"{rust}RUN maturin build --release\nRUN wasm-pack build --release\n") == [
        (4, "LG005"),
        (5, "LG005"),
    ]
    assert found(f"{rust}RUN wasm-pack --version && maturin --help\n") == []
    # (held out 224) carton runs cpanm for each module of the cpanfile: cpanm's work directory
    perl = "FROM perl:5.38\nCOPY cpanfile /app/\nWORKDIR /app\n"
    assert found(f"{perl}RUN carton install\n") == [(4, "LG005")]
    assert found(f"{perl}RUN carton install && rm -rf ~/.cpanm\n") == []
    assert found(f"{perl}RUN carton exec -- plackup\n") == []


def test_a_family_of_context_files_copied_twice_is_written_again(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 217) the builder's `COPY package*.json ./` is in the tree the final stage
    # copies back over its own `COPY package*.json ./`: the same files of one context
    builder = "FROM node:16 AS b\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n"
    final = "FROM node:16\nWORKDIR /app\nCOPY package*.json ./\n"
    back = "COPY --from=b /app ./\n"
    assert found(f"{builder}{final}{back}") == [(9, "LG002")]
    assert found("FROM node:16\nWORKDIR /app\nCOPY package*.json ./\nCOPY package*.json ./\n") == [
        (4, "LG002")
    ]
    # (a wildcard by extension alone may match nothing: `*.lock`)
    assert (
        found(
            builder.replace("package*.json", "*.lock")
            + final.replace("package*.json", "*.lock")
            + back
        )
        == []
    )


def test_liberty_and_the_node_devcontainers_hold_the_files_their_images_ship(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 219) Liberty's /config is the default server's, with its server.xml; (held out
    # 217) the Node devcontainers are built FROM node, with its entrypoint
    for base in ("websphere-liberty:javaee8", "icr.io/appcafe/open-liberty:kernel-slim"):
        assert found(f"FROM {base}\nCOPY server.xml /config/\n") == [(2, "LG002")], base
        assert found(f"FROM {base}\nCOPY app.war /config/dropins/\n") == [], base
    node = "FROM mcr.microsoft.com/devcontainers/typescript-node:20\n"
    assert found(f"{node}COPY docker-entrypoint.sh /usr/local/bin/\n") == [(2, "LG002")]
    python = "FROM mcr.microsoft.com/devcontainers/python:3.12\n"
    assert found(f"{python}COPY docker-entrypoint.sh /usr/local/bin/\n") == []


def test_rocker_s_images_keep_the_scripts_that_built_them(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 223) rocker-versioned2 (R 4 on) ships /rocker_scripts; the R 3 images do not
    assert found("FROM rocker/r-ver:latest\nRUN rm -rf rocker_scripts\n") == [(2, "LG003")]
    assert found("FROM rocker/tidyverse:4.4\nRUN chmod -R +x /rocker_scripts\n") == [(2, "LG004")]
    assert found("FROM rocker/r-ver:3.6.3\nRUN rm -rf /rocker_scripts\n") == []


def test_pipx_runpip_installs_through_the_venv_s_pip(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 232) only `pipx install` was told --no-cache-dir; runpip runs pip as told
    pipx = "FROM python:3.12\nRUN pip install --no-cache-dir pipx"
    app = " && pipx install --pip-args=--no-cache-dir nwdiag"
    assert found(f"{pipx}{app} && pipx runpip nwdiag install Pillow==9.5.0\n") == [(2, "LG005")]
    assert found(f"{pipx}{app} && pipx runpip nwdiag install --no-cache-dir Pillow\n") == []
    assert found(f"{pipx}{app} && pipx runpip nwdiag list\n") == []


def test_solr_and_keycloak_hold_their_distributions(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 238) Solr's Jetty configuration, solr.xml and configsets; Keycloak's /opt/keycloak
    assert found("FROM solr:8\nCOPY jetty.xml /opt/solr/server/etc/jetty.xml\n") == [(2, "LG002")]
    assert found("FROM solr:9.8.1\nUSER root\nRUN rm -rf /opt/solr/server/solr/*\n") == [
        (3, "LG003")
    ]
    assert found("FROM solr:9\nCOPY core.properties /opt/solr/server/solr/mycore/\n") == []
    keycloak = "FROM quay.io/keycloak/keycloak:24.0\n"
    assert found(f"{keycloak}USER root\nRUN rm -fr /opt/keycloak\n") == [(3, "LG003")]
    assert found(f"{keycloak}COPY theme/ /opt/keycloak/themes/mytheme/\n") == []


def test_a_file_copied_again_after_a_run_removed_it_ships_twice(
    found: Callable[[str], list[tuple[int, str]]], message: Callable[[str, str], str]
) -> None:
    # The whiteout hides the archive's file; the COPY writes another over it: both copies ship
    # (the removal's LG003 and the COPY's LG002).
    unpacked = (
        "FROM ubuntu\nCOPY app.tar.gz /tmp/\n"
        "RUN mkdir /opt/app && tar -xzf /tmp/app.tar.gz -C /opt/app\n"
    )
    removed = f"{unpacked}RUN rm /opt/app/config/settings.yml\n"
    copied = f"{removed}COPY settings.yml /opt/app/config/\n"
    assert found(copied) == [(2, "LG006"), (4, "LG003"), (5, "LG002")]
    assert "removed at line 4" in message(copied, "LG002")
    # (moved away, then copied again: the same)
    moved = f"{unpacked}RUN mv /opt/app/config/settings.yml /opt/app/config/settings.yml.orig\n"
    assert (5, "LG002") in found(f"{moved}COPY settings.yml /opt/app/config/\n")
    # Not another file of the directory, nor a file the same RUN made and removed.
    assert (5, "LG002") not in found(f"{removed}COPY logging.yml /opt/app/config/\n")
    made = "FROM ubuntu\nRUN echo x > /etc/app.conf && rm /etc/app.conf\nCOPY app.conf /etc/\n"
    assert found(made) == []
    # (a directory removed and copied anew is the removal's: its LG003 alone)
    root = "FROM tomcat:8.0\nRUN rm -rf /usr/local/tomcat/webapps/ROOT\n"
    assert found(f"{root}COPY ROOT /usr/local/tomcat/webapps/ROOT\n") == [(2, "LG003")]


def test_an_install_in_the_same_run_does_not_claim_the_top_of_an_unpacked_archive(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    added = "FROM debian\nADD appdynamics.tar /usr/share\n"
    install = "RUN apt-get update && apt-get install -y tomcat9 && rm -rf /var/lib/apt/lists/*"
    assert found(f"{added}{install} && chown -R tomcat /usr/share/appdynamics\n") == [(3, "LG004")]
    # (the directory the package names is the install's own, made in this RUN)
    assert found(f"{added}{install} && chown -R tomcat /usr/share/tomcat9\n") == []


def test_a_mv_of_a_directory_s_entries_into_itself_moves_nothing(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    unpacked = (
        "FROM ubuntu\nWORKDIR /opt/tomcat\n"
        "RUN wget -q https://example.org/apache-tomcat-9.0.64.tar.gz"
        " && tar -xzf apache-tomcat-9.0.64.tar.gz && rm apache-tomcat-9.0.64.tar.gz\n"
    )
    assert found(f"{unpacked}RUN mv apache-tomcat-9.0.64/* apache-tomcat-9.0.64\n") == []
    # (into the directory above: the entries move, the old ones stay under the whiteouts)
    assert found(f"{unpacked}RUN mv apache-tomcat-9.0.64/* .\n") == [(4, "LG003")]


def test_opam_clean_for_all_switches_still_cleans_the_download_cache(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    installed = "FROM ocaml/opam:debian-12-ocaml-5.1\nRUN opam install -y dune\n"
    assert found(f"{installed}RUN opam clean -a\n") == [(2, "LG005"), (3, "LG003")]
    assert found(f"{installed}RUN opam clean --all-switches --download-cache\n") == [
        (2, "LG005"),
        (3, "LG003"),
    ]
    # (the repository cache alone, or another kind named: the downloads stay)
    assert found(f"{installed}RUN opam clean -a -r\n") == [(2, "LG005")]
    assert found(f"{installed}RUN opam clean --switch-cleanup\n") == [(2, "LG005")]
    assert found(f"{installed[:-1]} && opam clean --repo-cache --logs\n") == [(2, "LG005")]
    assert found("FROM ocaml/opam:debian-12\nRUN opam install -y dune && opam clean -a\n") == []


def test_cabal_builds_luet_and_ruby_install_keep_their_downloads(
    found: Callable[[str], list[tuple[int, str]]], message: Callable[[str, str], str]
) -> None:
    haskell = "FROM haskell:9\nWORKDIR /src\nCOPY . .\n"
    assert found(f"{haskell}RUN cabal update && cabal build all\n") == [(4, "LG005")]
    assert found(f"{haskell}RUN cabal build all\n") == [(4, "LG005")]
    # (cabal 1's builds use what an install fetched)
    assert found(f"{haskell}RUN cabal v1-build\n") == []
    assert found(f"{haskell}RUN cabal build all && rm -rf ~/.cabal/packages\n") == []
    luet = "FROM quay.io/kairos/core-alpine\n"
    assert found(f"{luet}RUN luet install -y utils/k9s\n") == [(2, "LG005")]
    assert found(f"{luet}RUN luet install -y utils/k9s && luet cleanup\n") == []
    ruby = "FROM debian:12\n"
    built = f"{ruby}RUN ruby-install ruby 3.3.0 -- --disable-install-rdoc\n"
    assert found(built) == [(2, "LG005")]
    assert "ruby-install --cleanup" in message(built, "LG005")
    assert found(f"{ruby}RUN ruby-install --cleanup ruby 3.3.0\n") == []


def test_a_base_not_known_here_holds_the_files_of_the_family_its_runs_install_with(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    base = "FROM registry.example.com/team/runtime:1.4\n"
    apt = "RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n"
    assert found(f"{base}{apt}COPY bashrc /root/.bashrc\n") == [(3, "LG002")]
    assert found(f"{base}{apt}COPY fstab /etc/fstab\n") == [(3, "LG002")]
    dnf = "RUN dnf install -y git && dnf clean all\n"
    assert found(f"{base}{dnf}COPY bashrc /etc/bashrc\n") == [(3, "LG002")]
    # Nothing shows the family: no install, or installs of two families (`if` apt, else apk).
    assert found(f"{base}COPY bashrc /root/.bashrc\n") == []
    both = "RUN apt-get install -y git || apk add --no-cache git\n"
    assert found(f"{base}{both}COPY bashrc /root/.bashrc\n") == []
    assert found("FROM ubuntu:24.04\nCOPY fstab /etc/fstab\n") == [(2, "LG002")]


def test_cargo_s_git_checkouts_are_the_build_s_own(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    rustup = "FROM node:20\nUSER node\nRUN curl -sSf https://sh.rustup.rs | sh -s -- -y\n"
    cleaned = 'rm -rf "$HOME/.cargo/registry" "$HOME/.cargo/git"'
    assert found(f"{rustup}RUN cargo install tree-sitter-cli && {cleaned}\n") == []
    # (in a later RUN, the install's cache is gone from nothing: its layer keeps it)
    assert found(f"{rustup}RUN cargo install tree-sitter-cli\nRUN {cleaned}\n") == [
        (4, "LG005"),
        (5, "LG003"),
    ]


def test_airflow_s_image_works_in_opt_airflow(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    airflow = "FROM apache/airflow:2.6.2-python3.10\nCOPY . ./\n"
    assert found(f"{airflow}COPY entrypoint.sh /\n") == []
    assert found(f"{airflow}COPY entrypoint.sh /opt/airflow/\n") == [(3, "LG002")]
    # (and the airflow user's home holds its pip --user packages, which a new uid re-owns)
    assert found("FROM apache/airflow:2.2.2\nUSER root\nRUN usermod -u 214 airflow\n") == [
        (3, "LG004")
    ]


def test_a_checkout_of_another_version_in_an_earlier_clone_rewrites_its_files(
    found: Callable[[str], list[tuple[int, str]]], message: Callable[[str, str], str]
) -> None:
    cloned = "FROM debian\nRUN git clone https://github.com/flutter/flutter.git /flutter\n"
    assert found(f"{cloned}WORKDIR /flutter\nRUN git checkout 3.29.0\n") == [(4, "LG003")]
    assert "checks out other versions of the files in /flutter" in message(
        f"{cloned}RUN git -C /flutter pull origin beta\n", "LG003"
    )
    assert found(f"{cloned}RUN cd /flutter && git reset --hard origin/stable\n") == [(3, "LG003")]
    # Nothing changes: a new branch where it stands, a check, a fetch; or the clone's own RUN.
    assert found(f"{cloned}RUN cd /flutter && git checkout -b build\n") == []
    assert found(f"{cloned}RUN cd /flutter && git apply --check fix.patch\n") == []
    assert found(f"{cloned}RUN cd /flutter && git fetch --tags\n") == []
    same = "FROM debian\nRUN git clone https://x.org/a.git /a && cd /a && git checkout v1\n"
    assert found(same) == []


def test_a_checkout_of_the_version_already_checked_out_changes_nothing(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    cloned = "FROM debian\nRUN git clone https://x.org/a.git /a && cd /a && git switch jazzy\n"
    assert found(f"{cloned}RUN cd /a && git switch jazzy\n") == []
    assert found(f"{cloned}RUN cd /a && git switch humble\n") == [(3, "LG003")]
    assert found(f"{cloned}RUN cd /a && git checkout .\n") == []


def test_sbt_uv_build_yum_distro_sync_and_software_collections_keep_their_caches(
    found: Callable[[str], list[tuple[int, str]]], message: Callable[[str, str], str]
) -> None:
    scala = "FROM eclipse-temurin:17\nWORKDIR /app\nCOPY . .\n"
    assert found(f"{scala}RUN sbt assembly\n") == [(4, "LG005")]
    assert "~/.cache/coursier" in message(f"{scala}RUN sbt assembly\n", "LG005")
    assert found(f"{scala}RUN sbt assembly && rm -rf ~/.cache/coursier\n") == []
    old = "FROM eclipse-temurin:8\nENV SBT_VERSION=0.13.8\nWORKDIR /app\n"
    assert found(f"{old}RUN sbt assembly && rm -rf ~/.ivy2/cache\n") == []
    assert found(f'{scala}RUN sbt assembly\nCMD ["sbt", "run"]\n') == []  # (it reads them)
    python = "FROM python:3.12\nWORKDIR /app\nCOPY . .\n"
    assert found(f"{python}RUN uv build\n") == [(4, "LG005")]
    assert found(f"{python}RUN uv build --no-cache\n") == []
    assert found("FROM centos:7\nRUN yum distribution-synchronization -y\n") == [(2, "LG005")]
    scl = "FROM centos/ruby-23-centos7\nUSER root\n"
    assert found(f"{scl}RUN scl enable rh-ruby23 'gem install --no-document rake'\n") == [
        (3, "LG005")
    ]
    assert found(f"{scl}RUN scl enable rh-ruby23 -- gem install --no-document rake\n") == [
        (3, "LG005")
    ]
    quoted = "RUN scl enable rh-ruby23 -- bash -c 'gem install --no-document rake'\n"
    assert found(f"{scl}{quoted}") == [(3, "LG005")]


def test_a_directory_named_as_a_package_s_configuration_copied_over_it(
    found: Callable[[str], list[tuple[int, str]]], message: Callable[[str, str], str]
) -> None:
    installed = "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y nginx apache2"
    installed += " && rm -rf /var/lib/apt/lists/*\n"
    assert found(f"{installed}COPY nginx /etc/nginx/\n") == [(3, "LG002")]
    assert "/etc/nginx/nginx.conf" in message(f"{installed}COPY nginx /etc/nginx/\n", "LG002")
    assert found(f"{installed}COPY apache2/ /etc/apache2/\n") == [(3, "LG002")]
    # (another name, or the package not installed: nothing shown to be there)
    assert found(f"{installed}COPY sites /etc/nginx/\n") == []
    assert found("FROM ubuntu:22.04\nCOPY nginx /etc/nginx/\n") == []


def test_oh_my_zsh_s_old_address_and_the_docker_image_s_alpine_files(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    omz = (
        'RUN sh -c "$(curl -fsSL '
        'https://raw.github.com/robbyrussell/oh-my-zsh/master/tools/install.sh)"\n'
    )
    assert found(f"FROM buildpack-deps:bookworm\n{omz}COPY .zshrc /root/\n") == [(3, "LG002")]
    assert found("FROM docker:dind\nCOPY repositories /etc/apk/repositories\n") == [(2, "LG002")]
    assert found("FROM docker:27-cli\nRUN apk add --no-cache git\n") == []


def test_zabbix_s_packages_ship_their_configuration(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    installed = (
        "FROM centos:7\nRUN yum install -y zabbix-server-mysql zabbix-web && yum clean all\n"
    )
    assert found(f"{installed}COPY zabbix_server.conf /etc/zabbix/\n") == [(3, "LG002")]
    assert found(f"{installed}COPY zabbix.conf /etc/httpd/conf.d/zabbix.conf\n") == [(3, "LG002")]
    # (the frontend's zabbix.conf.php is the setup wizard's, no package's)
    assert found(f"{installed}COPY zabbix.conf.php /etc/zabbix/web/\n") == []


def test_debian_s_java_packages_write_java_s_trust_store(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    jdk = "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y openjdk-17-jdk"
    jdk += " && rm -rf /var/lib/apt/lists/*\n"
    assert found(f"{jdk}RUN rm -f /etc/ssl/certs/java/cacerts\n") == [(3, "LG003")]
    assert found(f"{jdk}COPY cacerts /etc/ssl/certs/java/cacerts\n") == [(3, "LG002")]
    assert found("FROM ubuntu:24.04\nRUN rm -f /etc/ssl/certs/java/cacerts\n") == []


def test_mariadb_jenkins_agents_and_elastic_s_images_hold_what_they_ship(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    assert found("FROM mariadb:10.11\nRUN chown -R mysql:mysql /etc/mysql\n") == [(2, "LG004")]
    agent = "FROM jenkins/inbound-agent:latest\nUSER root\n"
    assert found(f"{agent}RUN chown -R jenkins:jenkins /home/jenkins\n") == [(3, "LG004")]
    elastic = "FROM docker.elastic.co/elasticsearch/elasticsearch:8.15.0\n"
    relative = f"{elastic}COPY x.yml config/\nRUN chmod 600 config/x.yml\n"
    assert found(relative) == [(3, "LG004")]
    assert found(f"{elastic}COPY x.yml /config/\nRUN chmod 600 config/x.yml\n") == []


def test_a_mode_change_of_every_program_in_a_bin_directory_copies_the_base_s_up(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    assert found("FROM ubuntu:24.04\nRUN chmod a+x /usr/bin/*\n") == [(2, "LG004")]
    install = "RUN apt-get update && apt-get install -y fuse && rm -rf /var/lib/apt/lists/*"
    assert found(f"FROM ubuntu:24.04\n{install} && chmod a+x /usr/bin/*\n") == [(2, "LG004")]
    # (a base not known here may hold anything there; so may a directory of one's own)
    assert found("FROM registry.example.com/base:1\nRUN chmod a+x /usr/bin/*\n") == []
    assert found("FROM ubuntu:24.04\nRUN chmod a+x /opt/app/bin/*\n") == []


def test_a_base_file_a_chown_copied_up_is_in_that_layer_too(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    chown = "FROM nginx:alpine\nRUN chown -R nginx:nginx /etc/nginx/conf.d\n"
    assert found(f"{chown}RUN rm -f /etc/nginx/conf.d/default.conf\n") == [
        (2, "LG004"),
        (3, "LG003"),
    ]
    # (nor what a removal took before the chown: conf.d is empty then)
    gone = "FROM nginx:1.25\nRUN rm /etc/nginx/conf.d/default.conf\n"
    gone += "RUN chown -R nginx:nginx /etc/nginx\nRUN rm -f /etc/nginx/conf.d/*.conf\n"
    assert found(gone) == [(3, "LG004")]
    # (without the copy-up, removing a config file of the base frees its few bytes only)
    assert found("FROM nginx:alpine\nRUN rm -f /etc/nginx/conf.d/default.conf\n") == []


def test_a_path_a_mv_names_in_a_clone_is_a_file_of_it(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    cloned = "FROM debian\nWORKDIR /root\nRUN git clone https://github.com/me/dotfiles\n"
    assert found(f"{cloned}RUN mv ~/dotfiles/.zshenv .\n") == [(4, "LG003")]
    assert found(f"{cloned}RUN mv ~/dotfiles/.config/nvim ~/.config/\n") == [(4, "LG003")]


def test_make_clean_in_a_later_run_removes_what_the_build_there_made(
    found: Callable[[str], list[tuple[int, str]]], message: Callable[[str, str], str]
) -> None:
    built = "FROM debian\nWORKDIR /usr/src/app\nCOPY . .\nRUN ./configure && make && make install\n"
    assert found(f"{built}RUN make distclean\n") == [(5, "LG003")]
    assert "removes the build in /usr/src/app" in message(f"{built}RUN make distclean\n", "LG003")
    assert found(f"{built}RUN make -C /usr/src/app clean\n") == [(5, "LG003")]
    # (in the build's own RUN, or where no build ran: nothing of an earlier layer)
    assert found(f"{built[:-1]} && make clean\n") == []
    assert found("FROM debian\nWORKDIR /usr/src/app\nCOPY . .\nRUN make clean\n") == []
    # (go writes its modules and builds in GOPATH, not where it runs)
    go = "FROM golang:1.22\nWORKDIR /app\nCOPY . .\nRUN go mod download\n"
    # (and the make build there builds with go: its build cache stays too)
    assert found(f"{go}RUN make clean && make build\n") == [(4, "LG005"), (5, "LG005")]


def test_a_base_file_moved_after_a_program_not_modelled_is_still_the_base_s(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    moved = "mv /usr/local/etc/php/php.ini-production /usr/local/etc/php/php.ini"
    assert found(f"FROM php:8.3-fpm\nRUN install-php-extensions xdebug && {moved}\n") == [
        (2, "LG003")
    ]


def test_an_image_whose_tag_the_build_passes_is_still_its_repository_s(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    nginx = "ARG NGINX_VERSION\nFROM nginx:${NGINX_VERSION}\n"
    assert found(f"{nginx}COPY nginx.conf /etc/nginx/nginx.conf\n") == [(3, "LG002")]
    # (what the tag says besides the variable stays: Alpine's python holds no /root/.bashrc)
    alpine = "ARG PYTHON_VERSION\nFROM python:${PYTHON_VERSION}-alpine\n"
    assert found(f"{alpine}COPY bashrc /root/.bashrc\n") == []
    # (a repository the build passes says nothing)
    assert found("ARG BASE\nFROM ${BASE}:1.0\nCOPY nginx.conf /etc/nginx/nginx.conf\n") == []


def test_more_packages_and_distributions_known_to_ship_files(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    alpine = "FROM alpine:3.21\nRUN apk add --no-cache zsh@testing\n"
    assert found(f"{alpine}COPY zshrc /etc/zsh/zshrc\n") == [(3, "LG002")]
    mysql = "FROM ubuntu:14.04\nRUN apt-get update && apt-get install -y mysql-server-5.6"
    mysql += " && rm -rf /var/lib/apt/lists/*\n"
    assert found(f"{mysql}RUN rm -rf /var/lib/mysql/*\n") == [(3, "LG003")]
    storm = "FROM openjdk:8\nRUN wget -q https://archive.apache.org/dist/storm/apache-storm-0.9.4/"
    storm += "apache-storm-0.9.4.tar.gz && tar -xzf apache-storm-0.9.4.tar.gz -C /opt"
    storm += " && rm apache-storm-0.9.4.tar.gz\n"
    assert found(f"{storm}COPY storm.yaml /opt/apache-storm-0.9.4/conf/\n") == [(3, "LG002")]
    pip = "FROM centos:7\nRUN pip3.8 --cert /etc/pki/tls/cert.pem install wheel\n"
    assert found(pip) == [(2, "LG005")]


def test_a_forced_link_over_a_file_an_earlier_layer_wrote_hides_it(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    ssh = "FROM debian:12\nRUN apt-get update && apt-get install -y openssh-server"
    ssh += " && rm -rf /var/lib/apt/lists/*\n"
    linked = "RUN ln -sf /etc/config/sshd_config /etc/ssh/sshd_config\n"
    assert found(f"{ssh}{linked}") == [(3, "LG003")]
    # (nothing known there: a link where no layer wrote a file, or one without -f)
    assert found(f"FROM debian:12\n{linked}") == []
    assert found(f"{ssh}RUN ln -s /etc/config/sshd_config /etc/ssh/sshd_config\n") == []
    # (a link whose place a substitution gives: not known)
    assert found(f"{ssh}RUN ln -sf /usr/bin/python3 $(dirname $(which pip))/python\n") == []
    # (into a directory: the link lands inside it, nothing is removed)
    app = "FROM node:20-slim\nWORKDIR /app\nCOPY . .\n"
    assert found(f"{app}RUN ln -sf /data/config.json .\n") == []
    assert found("FROM debian\nCOPY conf/ /etc/myapp/\nRUN ln -sf /opt/x.conf /etc/myapp\n") == []
    assert (
        found("FROM debian\nCOPY run.sh /usr/local/bin/\nRUN ln -sf usr/local/bin/run.sh /\n") == []
    )


def test_spack_keeps_the_sources_it_fetched(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    spack = "FROM spack/ubuntu-jammy:0.21\n"
    assert found(f"{spack}RUN spack install zlib\n") == [(2, "LG005")]
    assert found(f"{spack}RUN spack install zlib && spack clean -a\n") == []
    own = "FROM ubuntu:22.04\nENV SPACK_ROOT=/usr/local/src/spack\n"
    assert found(f"{own}RUN /usr/local/src/spack/bin/spack install zlib\n") == [(3, "LG005")]
    cleaned = "RUN spack install zlib && rm -rf /usr/local/src/spack/var/spack/cache\n"
    assert found(f"{own}{cleaned}") == []


def test_options_after_the_standard_input_script_are_the_installer_s(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    poetry = "FROM ubuntu:22.04\nRUN curl -sSL https://install.python-poetry.org | python3 -"
    assert found(f"{poetry} --version 1.8.4\n") == [(2, "LG005")]
    assert found(f"{poetry.removesuffix(' -')} --version\n") == []  # (python's own)


def test_a_file_name_a_passed_variable_starts_is_the_one_a_copy_named(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    added = "FROM debian\nARG BRANCH\nWORKDIR /app\nADD https://x.org/archive/${BRANCH}.zip .\n"
    assert found(f"{added}RUN unzip ${{BRANCH}}.zip\n") == [(4, "LG006")]
    assert found(f"{added}RUN unzip $BRANCH.zip && rm $BRANCH.zip\n") == [
        (4, "LG006"),
        (5, "LG003"),
    ]
    # (a variable that holds a directory says nothing of where it lies)
    copied = "FROM debian\nARG DIR\nWORKDIR /app\nCOPY . .\n"
    assert found(f"{copied}RUN rm -r $DIR/build\n") == []


def test_a_context_directory_a_stage_copied_comes_back_under_another_name(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    builder = "FROM node:20 AS build\nWORKDIR /app\nCOPY public/ public/\nRUN npm run build\n"
    final = "FROM nginx:alpine\nCOPY --from=build /app/public /var/www/html/public\n"
    again = "COPY public/vendor/ /var/www/html/public/vendor/\n"
    assert found(f"{builder}{final}{again}") == [(7, "LG002")]
    # (elsewhere, or what the stage took out of it, is not written again)
    assert found(f"{builder}{final}COPY public/vendor/ /var/www/html/vendor/\n") == []
    removed = builder + "RUN rm -rf public/vendor\n"
    assert found(f"{removed}{final}{again}") == []


def test_a_find_that_deletes_the_gem_files_empties_the_gem_cache(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    ruby = "FROM ruby:3.3\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\n"
    install = "RUN bundle install"
    assert found(f"{ruby}{install}\n") == [(4, "LG005")]
    by_name = " && find ${BUNDLE_APP_CONFIG}/cache -type f -name \\*.gem -delete\n"
    assert found(f"{ruby}{install}{by_name}") == []
    by_regex = " && cd $GEM_HOME && find . -regextype egrep -regex '.*\\.(o|gem|log)$' -delete\n"
    assert found(f"{ruby}{install}{by_regex}") == []
    # (other files only: the .gem files stay)
    assert found(f"{ruby}{install} && find $GEM_HOME -name '*.o' -delete\n") == [(4, "LG005")]


def test_gem_build_makes_the_gem_a_later_install_in_its_run_reads(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    ruby = "FROM ruby:3.3-alpine\nWORKDIR /kamal\nCOPY . .\n"
    built = "RUN gem build kamal.gemspec && gem install ./kamal-*.gem --no-document\n"
    assert found(f"{ruby}{built}") == [(4, "LG005")]
    # (a gem the context brought, installed in a later RUN: the archive ships)
    assert (3, "LG006") in found(f"{ruby}RUN gem install ./kamal-*.gem --no-document\n")


def test_useradd_m_copies_no_dotfiles_into_a_home_that_is_there_already(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    user = "FROM debian:12\nRUN useradd -b /opt -m -s /bin/sh -d /opt serveradmin\n"
    assert found(f"{user}RUN chown -R serveradmin /opt\n") == []
    made = "FROM debian:12\nRUN useradd -m -d /srv/app app\n"
    assert found(f"{made}RUN chown -R app /srv/app\n") == [(3, "LG004")]


def test_drupal_and_code_server_hold_their_trees_and_homes(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    assert found("FROM drupal:10\nRUN chown -R www-data /opt/drupal\n") == [(2, "LG004")]
    coder = "FROM codercom/code-server:4.5.1\nUSER root\nRUN chown -R 1000:1000 /home/coder\n"
    assert found(coder) == [(3, "LG004")]


def test_the_new_managers_caches_where_they_were_told_to_be(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    scala = "FROM eclipse-temurin:17\nWORKDIR /app\nCOPY . .\n"
    moved = "ENV COURSIER_CACHE=/tmp/coursier\n"
    assert found(f"{scala}{moved}RUN sbt assembly && rm -rf /tmp/coursier\n") == []
    told = "RUN sbt -Dsbt.coursier.home=/tmp/cs -Dsbt.ivy.home=/tmp/ivy assembly"
    assert found(f"{scala}{told} && rm -rf /tmp/cs /tmp/ivy\n") == []
    ruby = "FROM debian:12\n"
    assert found(f"{ruby}RUN ruby-install --src-dir /tmp/src ruby 3.2.2 && rm -rf /tmp/src\n") == []
    built = "RUN ruby-install ruby 3.2.2 && rm -rf /usr/local/src/ruby-3.2.2*\n"
    assert found(f"{ruby}{built}") == []
    spack = "FROM ubuntu:22.04\nRUN git clone https://github.com/spack/spack /spack"
    spack += " && . /spack/share/spack/setup-env.sh && spack install zlib"
    assert found(f"{spack}\n") == [(2, "LG005")]
    assert found(f"{spack} && rm -rf /spack/var/spack/cache\n") == []
    mirror = "RUN spack mirror add --unsigned local oci://ghcr.io/x/cache\n"
    assert found(f"FROM spack/ubuntu-jammy:0.21\n{mirror}") == []


def test_a_find_that_spares_the_gem_cache_or_matches_nothing_leaves_it(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    ruby = "FROM ruby:3.3\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install && "
    spared = "find /usr/local/bundle -name '*.gem' -not -path '*/cache/*' -delete\n"
    assert found(f"{ruby}{spared}") == [(4, "LG005")]
    # (find's default syntax is Emacs's: `(` and `|` are themselves, the regex matches nothing)
    literal = "find /usr/local/bundle -regex '.*\\.(o|gem|c)$' -delete\n"
    assert found(f"{ruby}{literal}") == [(4, "LG005")]
    emacs = "find /usr/local/bundle -regex '.*\\.\\(o\\|gem\\)' -delete\n"
    assert found(f"{ruby}{emacs}") == []


def test_checkouts_that_change_nothing_and_repositories_found_elsewhere(
    found: Callable[[str], list[tuple[int, str]]], lint_files: Lint
) -> None:
    cloned = "FROM debian\nRUN git clone https://github.com/foo/bar.git /opt/bar\n"
    assert found(f"{cloned}RUN cd /opt/bar && git reset --hard HEAD\n") == []
    assert found(f"{cloned}RUN cd /opt/bar && git checkout HEAD -- README.md\n") == []
    # (the version the clone was told to check out, however it is named again)
    tagged = "FROM debian\nRUN git clone -b v1.2.3 https://x.org/bar.git /opt/bar\n"
    assert found(f"{tagged}RUN cd /opt/bar && git checkout tags/v1.2.3\n") == []
    # (a directory of the repository: the clone above it)
    assert found(f"{cloned}RUN cd /opt/bar/src && git checkout v2\n") == [(3, "LG003")]
    # (a repository the build context holds with its .git, listed file by file)
    files = {
        ".git/HEAD": "ref: refs/heads/main\n",
        "app.py": "print(1)\n",
        "Dockerfile": "FROM debian\nCOPY . /app\nRUN git -C /app checkout v2\n",
    }
    assert [f.line for f in lint_files(files, code="LG003")] == [3]
    # (a copied directory that is no repository, with a patch applied in it: nothing known)
    patched = "FROM debian\nWORKDIR /src\nCOPY patches/ /src/patches/\nRUN git apply /src/x.patch\n"
    assert found(patched) == []
    # (Spack's clean after a clone of its repository, which holds no cache)
    spack = "FROM centos:7\nRUN git clone https://github.com/spack/spack /opt/spack\n"
    assert found(f"{spack}RUN . /opt/spack/share/spack/setup-env.sh && spack clean -a\n") == []


def test_nginx_built_from_source_holds_its_configuration(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    fetch = (
        "FROM alpine:3.19 AS build\nWORKDIR /opt\nRUN wget https://nginx.org/nginx-1.24.0.tar.gz"
    )
    fetch += " && tar xzf nginx-1.24.0.tar.gz && cd nginx-1.24.0 && "
    conf = "COPY nginx.conf /usr/local/nginx/conf/nginx.conf\n"
    # (its make install writes conf/ below the prefix, by default /usr/local/nginx)
    assert found(f"{fetch}./configure && make && make install\n{conf}") == [(4, "LG002")]
    # (where --conf-path puts it, configured by an earlier RUN in that tree)
    told = "./configure --prefix=/var/www --conf-path=/etc/nginx/nginx.conf\n"
    then = "RUN cd /opt/nginx-1.24.0 && make install\n"
    assert found(f"{fetch}{told}{then}COPY nginx.conf /etc/nginx/nginx.conf\n") == [(5, "LG002")]
    assert found(f"{fetch}{told}{then}{conf}") == []
    # (OpenResty's nginx lies below its prefix; a build with no install writes none of it)
    resty = "FROM debian:12\nWORKDIR /tmp/openresty-1.25.3.1\nRUN ./configure && make"
    into = "COPY nginx.conf /usr/local/openresty/nginx/conf/\n"
    assert found(f"{resty} && make install\n{into}") == [(4, "LG002")]
    assert found(f"{resty}\n{into}") == []
    # (copied out of the stage that built it, then configured)
    final = "FROM alpine:3.19\nCOPY --from=build /usr/local/nginx /usr/local/nginx\n"
    assert found(f"{fetch}./configure && make install\n{final}{conf}") == [(6, "LG002")]
    assert found(f"{fetch}./configure && make\n{final}{conf}") == []


def test_sonarscanner_s_zip_unpacks_to_a_directory_without_cli(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    run = (
        "FROM debian:12\nWORKDIR /root\nRUN curl -o s.zip -L https://x/sonar-scanner-cli-4.8.0.2856"
    )
    run += "-linux.zip && unzip s.zip && rm s.zip\n"
    conf = "COPY p ./sonar-scanner-4.8.0.2856-linux/conf/sonar-scanner.properties\n"
    assert found(f"{run}{conf}") == [(4, "LG002")]  # (held out 311)
    assert found(f"{run}{conf.replace('properties', 'local')}") == []


def test_apache_httpd_built_from_source_holds_its_configuration(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    fetch = "FROM debian:12\nWORKDIR /usr/src\nRUN tar xjf httpd-2.4.46.tar.bz2 && "
    fetch += "mv httpd-2.4.46 httpd && cd httpd && ./configure --prefix=/opt/apache-2.4.46{} && "
    fetch += "make && make install{}\n"
    conf = "COPY httpd.conf /opt/apache-2.4.46/conf/httpd.conf\n"
    assert found(fetch.format("", "") + conf) == [(4, "LG002")]
    # (through a link its RUN made: held out 303)
    link = " && ln -s /opt/apache-2.4.46 /apache"
    assert found(fetch.format("", link) + "COPY httpd.conf /apache/conf/httpd.conf\n") == [
        (4, "LG002")
    ]
    # (where --sysconfdir puts it; none for a layout configure picks, or staged elsewhere)
    told = fetch.format(" --sysconfdir=/etc/httpd", "")
    assert found(f"{told}COPY httpd.conf /etc/httpd/httpd.conf\n") == [(4, "LG002")]
    assert found(fetch.format(" --enable-layout=Debian", "") + conf) == []
    assert found(fetch.format("", " DESTDIR=/tmp/pkg") + conf) == []
    assert found(fetch.format("", "") + "COPY site.conf /opt/apache-2.4.46/conf/site.conf\n") == []


def test_gem_and_bundle_by_their_other_names_and_a_cleanup_of_another_gem_dir(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    assert found("FROM ruby:3.3\nRUN bundler install --retry=3\n") == [(2, "LG005")]
    suse = "FROM opensuse/leap:15.5\nRUN zypper -n in ruby3.1 && zypper clean -a"
    assert found(f"{suse} && gem.ruby3.1 install foreman\n") == [(2, "LG005")]
    cleaned = " && gem.ruby3.1 install foreman && rm -rf /usr/lib64/ruby/gems/3.1.0/cache\n"
    assert found(f"{suse}{cleaned}") == []
    # (a vendored bundle's cache removed: the gem cache of `gem install` in GEM_HOME stays)
    ruby = "FROM ruby:2.7\nWORKDIR /app\nRUN gem install bundler -v 2.3.24; bundle install; "
    assert found(f"{ruby}rm -rf /app/vendor/bundle/ruby/2.7.0/cache/*\n") == [(3, "LG005")]
    assert found(f"{ruby}rm -rf /app/vendor/bundle/ruby/2.7.0/cache $GEM_HOME/cache\n") == []


def test_a_tree_an_install_may_reach_is_not_written_again_by_a_copy_back(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    base = "FROM ubuntu:24.04 AS base\nRUN apt-get update && apt-get install -y git make"
    base += " && rm -rf /var/lib/apt/lists/*\n"
    tools = "FROM base AS tools\nRUN mkdir -p /opt/cargo && echo x > /opt/cargo/env\n"
    assert found(f"{base}{tools}FROM base\nCOPY --from=tools /opt /opt\n") == []
    # (a runtime's own tree, which the package fills, is)
    python = base.replace("git make", "python3 python3-pip")
    pip = "FROM base AS deps\nRUN pip install --no-cache-dir --break-system-packages flask\n"
    back = "FROM base\nCOPY --from=deps /usr/lib/python3 /usr/lib/python3\n"
    assert found(f"{python}{pip}{back}") == [(6, "LG002")]


def test_proxy_and_vpn_packages_hold_their_main_files(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    apt = "FROM debian:12\nRUN apt-get update && apt-get install -y {}"
    apt += " && rm -rf /var/lib/apt/lists/*\n"
    assert found(apt.format("squid") + "COPY squid.conf /etc/squid/squid.conf\n") == [(3, "LG002")]
    vpn = apt.format("strongswan xl2tpd ppp")
    assert found(f"{vpn}ADD ipsec.secrets /etc/ipsec.secrets\n") == [(3, "LG002")]
    assert found(f"{vpn}ADD chap-secrets /etc/ppp/chap-secrets\n") == [(3, "LG002")]
    # (a file of its own beside them, or before the install, is new)
    assert found(f"{vpn}ADD options.xl2tpd /etc/ppp/options.xl2tpd\n") == []
    assert found("FROM debian:12\nCOPY squid.conf /etc/squid/squid.conf\n") == []


def test_a_tag_that_names_a_debian_release_says_the_family(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    repo = 'RUN add-apt-repository "deb https://download.docker.com/linux/debian buster stable"\n'
    # (Debian 10's add-apt-repository adds the line and fetches nothing without -u)
    assert found(f"FROM openjdk:14.0.2-jdk-buster\n{repo}") == []
    assert found(f"FROM openjdk:21-jdk-bookworm\n{repo}") == [(2, "LG005")]
    # (and its shells' start-up files are there)
    assert found("FROM openjdk:11-jre-bullseye\nCOPY bashrc /root/.bashrc\n") == [(2, "LG002")]
    assert found("FROM example/jre:11\nCOPY bashrc /root/.bashrc\n") == []


def test_winetricks_mono_nuget_and_a_bare_bundle_fetch_into_their_caches(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    wine = "FROM ubuntu:22.04\nENV WINEPREFIX=/opt/win\nRUN winetricks -q dotnet472"
    assert found(f"{wine}\n") == [(3, "LG005")]
    assert found(f"{wine} && rm -rf ~/.cache/winetricks\n") == []
    assert found("FROM ubuntu:22.04\nRUN winetricks win10\n") == []  # (a setting)
    mono = "FROM mono:6.12\nWORKDIR /src\nCOPY . .\nRUN nuget restore App.sln"
    assert found(f"{mono}\n") == [(4, "LG005")]
    assert found(f"{mono} && nuget locals all -clear\n") == []
    ruby = "FROM ruby:3.3\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\n"
    assert found(f"{ruby}RUN RAILS_ENV=production bundle\n") == [(4, "LG005")]
    assert found(f"{ruby}RUN bundle --version\n") == []


def test_a_wildcard_of_the_base_images_files_copied_back_from_a_builder_of_it(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    builder = "FROM php:8.4-fpm AS builder\nRUN docker-php-ext-install -j4 pdo_mysql\n"
    final = "FROM php:8.4-fpm\n"
    helpers = "COPY --from=builder /usr/local/bin/docker-php-ext-* /usr/local/bin/\n"
    assert found(f"{builder}{final}{helpers}") == [(4, "LG002")]
    # (into another directory, or from a builder of another image: new paths)
    elsewhere = "COPY --from=builder /usr/local/bin/docker-php-ext-* /opt/bin/\n"
    assert found(f"{builder}{final}{elsewhere}") == []
    other = builder.replace("php:8.4-fpm AS", "debian:12 AS")
    assert found(f"{other}{final}{helpers}") == []


def test_stack_keeps_the_index_and_packages_it_fetched(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    stack = "FROM haskell:9.6\nRUN stack --resolver lts-16.27 install conduit aeson"
    assert found(f"{stack}\n") == [(2, "LG005")]
    assert found(f"{stack} && rm -rf ~/.stack/pantry\n") == []
    assert found("FROM haskell:9.6\nRUN stack --version\n") == []


def test_perl_installers_keep_their_downloads_and_builds(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    bugzilla = "FROM perl:5.38\nWORKDIR /var/www/bugzilla\nCOPY . .\nRUN ./install-module.pl --all"
    assert found(f"{bugzilla}\n") == [(4, "LG005")]
    assert found(f"{bugzilla} && rm -rf ~/.cpan\n") == []  # (CPAN's home, root's)
    assert found(f"{bugzilla.replace('./install', 'perl install')}\n") == [(4, "LG005")]
    cpm = "FROM perl:5.38\nRUN cpm install -g Date::Manip"
    assert found(f"{cpm}\n") == [(2, "LG005")]
    assert found(f"{cpm} && rm -rf ~/.perl-cpm\n") == []
    brew = "FROM debian:12\nENV PERLBREW_ROOT=/opt/perl5\nRUN perlbrew install perl-5.36.0"
    assert found(f"{brew}\n") == [(3, "LG005")]
    assert found(f"{brew} && perlbrew clean\n") == []


def test_a_manifest_named_without_an_extension_is_a_file_not_a_tree(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    work = "FROM python:3.12\nENV HOME=/workspace\nWORKDIR /workspace\n"
    copied = "COPY Pipfile Pipfile.lock ${HOME}/\n"
    install = "RUN pip install pipenv && pipenv install --system && rm -rf ${HOME}/.cache/pipenv"
    assert found(f"{work}{copied}{install} ${{HOME}}/.cache/pip\n") == []
    # (a plain name may still be a directory whose files land there)
    tree = "COPY vendor ${HOME}/\nRUN rm -rf ${HOME}/.cache\n"
    assert found(f"{work}{tree}") == [(5, "LG003")]


def test_makepkg_amazon_linux_extras_and_pacman_removals(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (`yes |` answers -Scc's question: --noconfirm takes its default, No)
    arch = "FROM archlinux:base-devel\nRUN pacman -Syu --noconfirm git && yes | pacman -Scc"
    arch += " && rm -rf /var/lib/pacman/sync/*\n"
    makepkg = "RUN cd /yay && makepkg -si --noconfirm"
    assert found(f"{arch}{makepkg}\n") == [(3, "LG005")]
    assert found(f"{arch}{makepkg} && yes | sudo pacman -Scc\n") == []
    assert found(f"{arch}RUN cd /yay && makepkg --noconfirm\n") == []  # (no dependencies fetched)
    assert found(f"{arch}RUN pacman -Rns --noconfirm git\n") == [(3, "LG003")]
    extras = "FROM amazonlinux:2\nRUN amazon-linux-extras install -y nginx1.12"
    assert found(f"{extras}\n") == [(2, "LG005")]
    assert found(f"{extras} && yum clean all && rm -rf /var/cache/yum\n") == []


def test_a_search_bit_for_the_group_alone_names_a_directory_as_often_as_a_file(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    tomcat = "FROM eclipse-temurin:17\nRUN mkdir /opt/tomcat && curl -fsSL https://x.org/t.tgz"
    tomcat += " | tar xz -C /opt/tomcat --strip-components=1\nWORKDIR /opt/tomcat\n"
    assert found(f"{tomcat}RUN chmod g+x conf\n") == []
    assert found(f"{tomcat}RUN chmod o+rx conf\n") == []
    # (the owner's or everyone's: a program's)
    assert found(f"{tomcat}RUN chmod +x bin/catalina\n") == [(4, "LG004")]
    assert found(f"{tomcat}RUN chmod u+x,g+x run\n") == [(4, "LG004")]


def test_the_review_of_the_new_managers_and_source_builds(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (a staged install lands below DESTDIR; GitHub's tarball and `cd nginx-*` are nginx's)
    nginx = "FROM debian:12\nWORKDIR /usr/src/nginx-1.25.3\nRUN ./configure --prefix=/etc/nginx"
    nginx += " --conf-path=/etc/nginx/nginx.conf && make && make install{}\n"
    conf = "COPY nginx.conf /etc/nginx/nginx.conf\n"
    assert found(nginx.format(" DESTDIR=/tmp/pkg") + conf) == []
    assert found(nginx.format("") + conf) == [(4, "LG002")]
    github = nginx.replace("nginx-1.25.3", "nginx-release-1.25.3")
    assert found(github.format("") + conf) == [(4, "LG002")]
    # (caches moved by an option or a variable, and removed there)
    ubuntu = "FROM ubuntu:22.04\nRUN "
    moved = [
        "stack build --stack-root /tmp/stack && rm -rf /tmp/stack",
        "cpm install -g --home /tmp/cpm Plack && rm -rf /tmp/cpm",
        "W_CACHE=/tmp/wt winetricks -q dotnet472 && rm -rf /tmp/wt",
        "XDG_CACHE_HOME=/tmp/c winetricks -q vcrun2019 && rm -rf /tmp/c",
        "nuget restore App.sln -DirectDownload",
        "perl install-module.pl --all && rm -rf /root/.cpan",
    ]
    for command in moved:
        assert found(f"{ubuntu}{command}\n") == [], command
    # (through their wrappers, and a bare bundle with options that take values)
    wrapped = [
        "xvfb-run -a winetricks -q vcrun2019",
        "mono /usr/local/bin/nuget.exe restore App.sln",
        "curl -fsSL https://raw.githubusercontent.com/skaji/cpm/main/cpm | perl - install -g X",
    ]
    for command in wrapped:
        assert found(f"{ubuntu}{command}\n") == [(2, "LG005")], command
    ruby = "FROM ruby:3.2\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\n"
    assert found(f"{ruby}RUN bundle --jobs 4 --retry 3\n") == [(4, "LG005")]
    assert found("FROM node:20\nWORKDIR /app\nCOPY . .\nRUN ./scripts/bundle\n") == []
    # (paccache keeping no version empties pacman's cache)
    arch = "FROM archlinux:latest\nRUN makepkg --noconfirm --syncdeps --install"
    assert found(f"{arch} && paccache -rk0\n") == []
    assert found(f"{arch} && paccache -rk1\n") == [(2, "LG005")]
    # (a chiseled image holds no shells' start-up files, whatever release it names)
    chiseled = "FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled\n"
    assert found(f"{chiseled}COPY bashrc /etc/bash.bashrc\n") == []
    # (redmine's WORKDIR, odoo's latest)
    assert found("FROM redmine:4.2\nCOPY config.ru ./config.ru\n") == [(2, "LG002")]
    assert found("FROM odoo\nCOPY odoo.conf /etc/odoo/\n") == [(2, "LG002")]
    # (a base stage's package configuration copied back with /etc)
    varnish = "FROM debian:12-slim AS base\nRUN apt-get update && apt-get install -y varnish"
    varnish += " && rm -rf /var/lib/apt/lists/*\nFROM base AS build\nRUN echo x > /etc/app.conf\n"
    assert found(f"{varnish}FROM base\nCOPY --from=build /etc /etc\n") == [(6, "LG002")]
    # (a cpanfile is a file: the removal below is of what this RUN made)
    perl = "FROM perl:5.38\nWORKDIR /app\nCOPY cpanfile ./\n"
    assert found(f"{perl}RUN cpanm -L local --installdeps . && rm -rf local/man ~/.cpanm\n") == []


def test_a_file_copied_to_a_data_directory_of_an_official_image_lands_inside(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    mongo = "FROM mongo:7\nCOPY ./keyfile.key /data\nRUN chmod 400 /data/keyfile.key\n"
    assert found(mongo) == [(3, "LG004")]
    # (a change of the path itself: mongo's /data is a directory, its entry alone changes; not
    # a directory known on debian, where the copy is the file itself)
    itself = mongo.replace("/data/keyfile.key", "/data")
    assert found(itself) == []
    assert found(itself.replace("mongo:7", "debian:12")) == [(3, "LG004")]


def test_a_program_told_a_directory_fills_it_for_stages_grown_one_from_another(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    pre = "FROM opensuse/leap:15.6 AS pre\nRUN mkdir /deps\nCOPY buildDep /src/\nWORKDIR /src\n"
    a = "FROM pre AS a\nRUN bash buildDep -i /deps -o cgns\n"
    b = "FROM a AS b\nRUN bash buildDep -i /deps -o moab\n"
    final = "FROM pre\nCOPY --from=a /deps /deps\nCOPY --from=b /deps /deps\n"
    assert found(f"{pre}{a}{b}{final}") == [(11, "LG002")]
    # (siblings of a stage that only made the directory share nothing there)
    c = "FROM pre AS c\nRUN bash buildDep -i /deps -o gmsh\n"
    sibling = "FROM pre\nCOPY --from=a /deps /deps\nCOPY --from=c /deps /deps\n"
    assert found(f"{pre}{a}{c}{sibling}") == []


@pytest.mark.parametrize(
    ("install", "copied"),
    [
        ("apt-get install -y squid3", "/etc/squid/squid.conf"),
        ("apt-get install -y plexmediaserver", "/etc/default/plexmediaserver"),
        ("apt-get install -y kamailio", "/etc/kamailio/kamctlrc"),
        ("apk add --no-cache kamailio", "/etc/kamailio/kamailio.cfg"),
        ("apt-get install -y jitsi-meet-prosody", "/etc/prosody/prosody.cfg.lua"),
        ("apt-get install -y php5-fpm", "/etc/php5/fpm/pool.d/www.conf"),
        ("apk add --no-cache nrpe", "/etc/nrpe.cfg"),
        ("apt-get install -y s3fs", "/etc/fuse.conf"),
        ("apk add --no-cache php7-xdebug", "/etc/php7/conf.d/xdebug.ini"),
        ("apt-get install -y lxde", "/etc/xdg/openbox/rc.xml"),
        ("apt-get install -y lxde", "/usr/share/lxterminal/lxterminal.conf"),
        ("apt-get install -y htcondor", "/etc/condor/condor_config.local"),
        ("apt-get install -y ansible", "/etc/ansible/ansible.cfg"),
        ("apk add --no-cache apache2", "/var/www/localhost/htdocs/index.html"),
        ("apt-get install -y php5 php5-pgsql", "/etc/apache2/sites-available/000-default.conf"),
        ("apt-get install -y phpmyadmin", "/etc/apache2/apache2.conf"),
        ("apt-get install -y cups", "/etc/cups/cups-files.conf"),
        ("apt-get install -y libapache2-mod-php5", "/etc/php5/apache2/php.ini"),
    ],
)
def test_a_package_s_own_configuration_is_written_again(
    found: Callable[[str], list[tuple[int, str]]], install: str, copied: str
) -> None:
    base = "FROM alpine:3.19\n" if install.startswith("apk") else "FROM ubuntu:22.04\n"
    run = f"RUN {install}\n"
    assert found(f"{base}{run}COPY x {copied}\n") == [(3, "LG002")]
    # (not before the install, nor beside its files)
    assert found(f"{base}COPY x {copied}\n{run}") == []
    assert found(f"{base}{run}COPY x {copied}.d/local\n") == []


@pytest.mark.parametrize(
    ("image", "copied"),
    [
        ("telegraf:1.11", "/entrypoint.sh"),
        ("tiangolo/uwsgi-nginx-flask:python3.8", "/app/uwsgi.ini"),
        ("ros:humble", "/ros_entrypoint.sh"),
        ("osrf/ros:noetic-desktop-full", "/ros_entrypoint.sh"),
        ("ipfs/go-ipfs:v0.4.23", "/usr/local/bin/start_ipfs"),
        ("jboss/wildfly:9.0.2.Final", "/opt/jboss/wildfly/standalone/configuration/standalone.xml"),
        ("jboss/keycloak:15.0.2", "/opt/jboss/keycloak/standalone/configuration/standalone-ha.xml"),
        (
            "confluentinc/cp-kafka-connect-base:5.5.1",
            "/etc/confluent/docker/log4j.properties.template",
        ),
        ("php:8.4-zts-alpine", "/var/spool/cron/crontabs/root"),
        ("caddy:2-alpine", "/usr/bin/caddy"),
        ("selenium/node-chrome:4.15.0", "/opt/bin/entry_point.sh"),
        ("nginx:1.29-alpine", "/etc/logrotate.d/nginx"),
        ("apache/nifi:1.17.0", "/opt/nifi/nifi-current/conf/nifi.properties"),
    ],
)
def test_an_image_s_own_file_is_written_again(
    found: Callable[[str], list[tuple[int, str]]], image: str, copied: str
) -> None:
    assert found(f"FROM {image}\nCOPY x {copied}\n") == [(2, "LG002")]
    assert found(f"FROM {image}\nCOPY x {copied}.local\n") == []


def test_base_trees_of_the_rust_dev_container_and_mastodon_hold_files(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    rust = "FROM mcr.microsoft.com/vscode/devcontainers/rust:0-1\n"
    assert found(f"{rust}RUN chown -R vscode /usr/local/cargo\n") == [(2, "LG004")]
    assert found(f"{rust}RUN cargo install ripgrep\n") == [(2, "LG005")]  # (in CARGO_HOME)
    assert found(f"{rust}RUN chown vscode /usr/local/cargo\n") == []  # (the directory alone)
    mastodon = "FROM docker.io/tootsuite/mastodon:v4.0.2\nUSER root\n"
    assert found(f"{mastodon}RUN chgrp -R 0 /opt/mastodon\n") == [(3, "LG004")]
    assert found(f"{mastodon}RUN chgrp -R 0 /opt/other\n") == []


@pytest.mark.parametrize(
    ("tag", "pip_caches", "repository_updates"),
    [
        ("0.9.16", False, False),  # (Ubuntu 14.04: pip 1.5, add-apt-repository without -u)
        ("0.9.22", True, False),  # (16.04)
        ("0.11", True, True),  # (18.04)
        ("jammy-1.0.1", True, True),
    ],
)
def test_phusion_baseimage_s_versions_name_their_ubuntu_release(
    found: Callable[[str], list[tuple[int, str]]],
    tag: str,
    pip_caches: bool,
    repository_updates: bool,
) -> None:
    base = f"FROM phusion/baseimage:{tag}\n"
    pip = "RUN apt-get update && apt-get install -y python-pip && rm -rf /var/lib/apt/lists/*\n"
    assert found(f"{base}{pip}RUN pip install flask\n") == ([(3, "LG005")] if pip_caches else [])
    ppa = "RUN add-apt-repository ppa:deadsnakes/ppa\n"
    assert found(f"{base}{ppa}") == ([(2, "LG005")] if repository_updates else [])


def test_a_tag_that_names_an_ubuntu_release_with_dashes_says_it(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    ppa = "RUN apt-add-repository ppa:deadsnakes/ppa\n"
    # (held out 302: before 18.04 add-apt-repository updates nothing without -u)
    assert found(f"FROM jacekmarchwicki/android:ubuntu-16-04-java7-8\n{ppa}") == []
    assert found(f"FROM jacekmarchwicki/android:ubuntu-18-04\n{ppa}") == [(2, "LG005")]
    pip = "RUN apt-get update && apt-get install -y python-pip && rm -rf /var/lib/apt/lists/*\n"
    assert found(f"FROM example/tools:ubuntu-14-04\n{pip}RUN pip install flask\n") == []


def test_xdg_cache_home_moves_yarn_s_cache_for_root_too(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 314: Jupyter's images set XDG_CACHE_HOME=/home/jovyan/.cache/, which yarn 1
    # takes before root's /usr/local/share)
    base = "FROM jupyter/datascience-notebook:2023-10-20\nUSER root\nRUN yarn global add x"
    assert found(f"{base}\n") == [(3, "LG005")]
    assert found(f"{base} && rm -rf /home/$NB_USER/.cache/yarn\n") == []
    other = "FROM node:20\nENV XDG_CACHE_HOME=/var/cache/xdg\nRUN yarn global add x"
    assert found(f"{other} && rm -rf /var/cache/xdg/yarn\n") == []
    assert found(f"{other} && rm -rf /usr/local/share/.cache/yarn\n") == [(3, "LG005")]
    # (root's pip there still finds its cache in jovyan's home and turns it off)
    assert found("FROM jupyter/base-notebook:2023-10-20\nUSER root\nRUN pip install x\n") == []


def test_a_package_s_files_by_what_brings_them_and_a_configuration_directory_copied(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 312: pdfsandwich brings ImageMagick and its policy; cups's directory copied)
    run = "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y {}"
    run += " && rm -rf /var/lib/apt/lists/*\n"
    policy = "RUN rm -f /etc/ImageMagick-6/policy.xml\n"
    assert found(run.format("pdfsandwich") + policy) == [(3, "LG003")]
    assert found(run.format("tesseract-ocr") + policy) == []
    assert found(run.format("cups") + "COPY ./etc/cups/ /etc/cups/\n") == [(3, "LG002")]


@pytest.mark.parametrize(
    ("tag", "debian"),
    [("8-jre-slim", True), ("11", True), ("8u212-jdk", True), ("17-slim", True), ("17", False)],
)
def test_the_openjdk_image_s_debian_tags_hold_debian_s_files(
    found: Callable[[str], list[tuple[int, str]]], tag: str, debian: bool
) -> None:
    # (held out 311; openjdk 12 on were Oracle Linux's but for their slim tags)
    expected = [(2, "LG002")] if debian else []
    assert found(f"FROM openjdk:{tag}\nCOPY profile /etc/profile\n") == expected


@pytest.mark.parametrize(
    ("dockerfile", "expected"),
    [
        # (review of the twenty-ninth session) MySQL's my.cnf is the alternatives' link since
        # Debian 9 and Ubuntu 16.04: a COPY replaces the link, a removal takes it
        (
            "FROM debian:12\nRUN apt-get install -y mysql-server\nCOPY my.cnf /etc/mysql/my.cnf\n",
            [],
        ),
        ("FROM debian:12\nRUN apt-get install -y mariadb-server\nRUN rm /etc/mysql/my.cnf\n", []),
        (
            "FROM ubuntu:14.04\nRUN apt-get install -y mysql-server-5.6\n"
            "COPY my.cnf /etc/mysql/my.cnf\n",
            [(3, "LG002")],
        ),
        # (php5 and phpMyAdmin bring Apache only where no other server or handler was installed)
        (
            "FROM debian:jessie\nRUN apt-get install -y nginx php5-fpm\n"
            "RUN apt-get install -y php5 php5-mysql\nCOPY index.html /var/www/html/index.html\n",
            [],
        ),
        (
            "FROM debian:12\nRUN apt-get install -y nginx php-fpm\n"
            "RUN apt-get install -y phpmyadmin\nCOPY index.html /var/www/html/index.html\n",
            [],
        ),
        # (squid3 is squid's other name now: no /etc/squid3)
        ("FROM ubuntu:22.04\nRUN apt-get install -y squid3\nCOPY s /etc/squid3/squid.conf\n", []),
        # (httpd's htdocs lie in --datadir)
        (
            "FROM debian:12\nWORKDIR /usr/src/httpd-2.4.58\n"
            "RUN ./configure --prefix=/opt/httpd --datadir=/srv/www && make && make install\n"
            "COPY index.html /srv/www/htdocs/index.html\nCOPY index.html /opt/httpd/htdocs/\n",
            [(4, "LG002")],
        ),
        # (the images' own variables for their homes)
        (
            "FROM jboss/wildfly:26.1.2.Final\n"
            "COPY s.xml $JBOSS_HOME/standalone/configuration/standalone.xml\n",
            [(2, "LG002")],
        ),
        ("FROM apache/nifi:1.23.2\nCOPY n ${NIFI_HOME}/conf/nifi.properties\n", [(2, "LG002")]),
        (
            "FROM quay.io/wildfly/wildfly:30.0.1.Final-jdk17\n"
            "COPY s.xml /opt/jboss/wildfly/standalone/configuration/standalone-microprofile.xml\n",
            [(2, "LG002")],
        ),
        (
            "FROM confluentinc/cp-enterprise-kafka:6.2.1\n"
            "COPY l /etc/confluent/docker/log4j.properties.template\n",
            [(2, "LG002")],
        ),
        # (a date in a tag names no Ubuntu release; `ubuntu-16-04` does)
        ("FROM ubuntu:2023-10-04\nRUN add-apt-repository ppa:x/y\n", [(2, "LG005")]),
        ("FROM example/tools:ubuntu-16-04\nRUN add-apt-repository ppa:x/y\n", []),
        # (ZAP's 2023 name)
        ("FROM softwaresecurityproject/zap-stable\nUSER root\nRUN pip install flask\n", []),
        # (a new composer.json and lock after create-project: the install fetches them)
        (
            "FROM composer:2\nRUN composer create-project laravel/laravel /app"
            " && composer clear-cache\nCOPY composer.json composer.lock /app/\n"
            "RUN cd /app && composer install\n",
            [(4, "LG005")],
        ),
        # (XDG_CACHE_HOME in a directory root owns, a WORKDIR of no user: the cache is on)
        (
            "FROM python:3.11-slim\nUSER root\nENV XDG_CACHE_HOME=/home/app/.cache\n"
            "WORKDIR /home/app\nRUN pip install flask\n",
            [(5, "LG005")],
        ),
        # (openjdk's tags that name a release with sources.list)
        ("FROM openjdk:11-jdk-slim-bullseye\nCOPY s /etc/apt/sources.list\n", [(2, "LG002")]),
        ("FROM openjdk:11-jdk-slim\nCOPY s /etc/apt/sources.list\n", []),
        (
            "FROM rockylinux:9\nRUN dnf install -y ansible-core && dnf clean all\n"
            "COPY a /etc/ansible/ansible.cfg\n",
            [(3, "LG002")],
        ),
        # (Elasticsearch 1's and Kibana 4's installers of a local archive)
        (
            "FROM elasticsearch:1.7\nCOPY kopf.zip /tmp/\n"
            "RUN bin/plugin --install kopf --url file:///tmp/kopf.zip\n",
            [(2, "LG006")],
        ),
        (
            "FROM kibana:4.6\nCOPY sense.tar.gz /tmp/\n"
            "RUN /opt/kibana/bin/kibana plugin --install sense -u file:///tmp/sense.tar.gz\n",
            [(2, "LG006")],
        ),
        (
            "FROM kibana:4.6\nCOPY sense.tar.gz /tmp/\nRUN kibana plugin --install elastic/sense\n",
            [],
        ),
    ],
)
def test_the_review_of_the_twenty_ninth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


def test_a_copied_file_family_writes_the_file_it_is_named_for_again(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 307: `yarn add` wrote package.json where the project's is copied later)
    yarn = "FROM node:20\nWORKDIR /app\nRUN yarn add puppeteer && yarn cache clean\n"
    assert found(f"{yarn}COPY package*.json ./\n") == [(4, "LG002")]
    assert found(f"{yarn}COPY package*.json /srv/\n") == []
    pip = "FROM python:3.12\nRUN pip freeze > requirements.txt\n"
    assert found(f"{pip}COPY requirements*.txt ./\n") == [(3, "LG002")]
    assert found(f"{pip}COPY *.txt ./\n") == []  # (a wildcard by extension alone: any file)


def test_a_wildcard_mv_of_a_package_s_files_removes_them(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 312: `mv /etc/cups/* /srv/cups/` moves cupsd.conf, written again there)
    install = "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y cups"
    install += " && rm -rf /var/lib/apt/lists/*\n"
    assert found(f"{install}RUN mv /etc/cups/* /srv/cups/\n") == [(3, "LG003")]
    assert found(f"{install}RUN mv /etc/cups/*.local /srv/cups/\n") == []
    # (or the directories that hold them)
    apache = install.replace("cups", "apache2")
    assert found(f"{apache}RUN mv /etc/apache2/*-available /srv/\n") == [(3, "LG003")]
    assert found(f"{apache}RUN mv /etc/apache2/*-enabled.d /srv/\n") == []


def test_what_make_install_of_a_known_source_tree_wrote_is_removed_or_changed_later(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 303: nginx's make install wrote its nginx.conf where --conf-path said)
    build = "FROM debian:12\nWORKDIR /usr/src/nginx-1.20.0\n"
    build += "RUN ./configure --conf-path=/etc/nginx/nginx.conf && make && make install\n"
    assert found(f"{build}RUN rm /etc/nginx/nginx.conf\n") == [(4, "LG003")]
    assert found(f"{build}RUN chmod 600 /etc/nginx/nginx.conf\n") == [(4, "LG004")]
    assert found(f"{build}RUN rm /etc/nginx/other.conf\n") == []
    # (not where the same RUN removed it again)
    assert found(build.replace("make install", "make install && rm /etc/nginx/nginx.conf")) == []


def test_root_s_pip_in_another_user_s_home_still_installs(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (pip's owner check turns its cache off, not the install: what it installed and a later
    # RUN uninstalls still ships)
    root = "FROM jupyter/minimal-notebook:lab-3.5.0\nUSER root\n"
    assert found(f"{root}RUN pip install flask\nRUN pip uninstall -y flask\n") == [(4, "LG003")]
    assert found(f"{root}RUN pip install flask && pip uninstall -y flask\n") == []


@pytest.mark.parametrize(
    ("dockerfile", "expected"),
    [
        # (second review) the old releases' packages: squid3's /etc/squid3, MySQL's and
        # MariaDB's my.cnf a file
        (
            "FROM ubuntu:14.04\nRUN apt-get install -y squid3\nCOPY s /etc/squid3/squid.conf\n",
            [(3, "LG002")],
        ),
        ("FROM ubuntu:14.04\nRUN apt-get install -y squid3\nCOPY s /etc/squid/squid.conf\n", []),
        (
            "FROM ubuntu:14.04\nRUN apt-get install -y mysql-server\nCOPY m /etc/mysql/my.cnf\n",
            [(3, "LG002")],
        ),
        (
            "FROM debian:jessie\nRUN apt-get install -y mariadb-server\nCOPY m /etc/mysql/my.cnf\n",
            [(3, "LG002")],
        ),
        # (php5 takes Apache's module unless a PHP handler is there: a web server is none)
        (
            "FROM ubuntu:14.04\nRUN apt-get install -y nginx php5\n"
            "COPY index.html /var/www/html/index.html\n",
            [(3, "LG002")],
        ),
        # (`npm install --prefix DIR x` saves DIR's package.json; yarn writes its lock too)
        (
            "FROM node:20\nWORKDIR /app\nRUN npm install --prefix /opt/tools eslint"
            " && npm cache clean --force\nCOPY package*.json ./\n",
            [],
        ),
        (
            "FROM node:20\nWORKDIR /app\nRUN yarn add x && yarn cache clean\nCOPY yarn.lock* ./\n",
            [(4, "LG002")],
        ),
        # (`.env*` copies what the context holds, most often `.env.example` alone)
        ("FROM node:20\nWORKDIR /app\nRUN echo A=1 > .env\nCOPY .env* ./\n", []),
        # (DESTDIR from the environment stages make install elsewhere)
        (
            "FROM debian:12\nENV DESTDIR=/tmp/pkg\nWORKDIR /usr/src/nginx-1.24.0\n"
            "RUN ./configure && make && make install\nRUN rm /usr/local/nginx/conf/nginx.conf\n",
            [],
        ),
        (
            "FROM debian:12\nWORKDIR /usr/src/nginx-1.24.0\n"
            "RUN export DESTDIR=/tmp/pkg && ./configure && make && make install\n"
            "RUN rm /usr/local/nginx/conf/nginx.conf\n",
            [],
        ),
        # (and its .default copies are its install's too)
        (
            "FROM debian:12\nWORKDIR /usr/src/nginx-1.24.0\n"
            "RUN ./configure --conf-path=/etc/nginx/nginx.conf && make && make install\n"
            "RUN rm -f /etc/nginx/*.default\n",
            [(4, "LG003")],
        ),
        # (the nginx image's Alpine tags before 1.18 built nginx from source: no logrotate)
        ("FROM nginx:1.14-alpine\nCOPY l /etc/logrotate.d/nginx\n", []),
        ("FROM nginx:alpine\nCOPY l /etc/logrotate.d/nginx\n", [(2, "LG002")]),
        # (a release number after "ubuntu" in another image's tag)
        (
            "FROM nvidia/cuda:12.2.0-devel-ubuntu22.04\nCOPY s /etc/apt/sources.list\n",
            [(2, "LG002")],
        ),
        ("FROM nvidia/cuda:12.4.0-devel-ubuntu24.04\nCOPY s /etc/apt/sources.list\n", []),
    ],
)
def test_the_second_review_of_the_twenty_ninth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


def test_a_mode_set_on_one_copied_path_named_without_an_extension_copies_it_up(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    # (held out 318, 303, 261, 244: the copied script or program; eight labelled rows, all yes)
    assert found("FROM alpine:3.19\nCOPY init /init\nRUN chmod 770 /init\n") == [(3, "LG004")]
    assert found("FROM alpine:3.19\nCOPY pw /pw\nRUN chmod 700 /pw\n") == [(3, "LG004")]
    # (or an owner: held out 320's `chown root:guest /home/guest/flag`)
    assert found(
        "FROM alpine:3.19\nADD flag /home/guest/flag\nRUN chown root:guest /home/guest/flag\n"
    ) == [(3, "LG004")]
    # (not a directory a stage's copy brought, `COPY --from=conda /opt/conda /opt/conda`)
    staged = "FROM alpine:3.19 AS build\nRUN mkdir /opt/conda && touch /opt/conda/x\n"
    staged += (
        "FROM alpine:3.19\nCOPY --from=build /opt/conda /opt/conda\nRUN chmod 2775 /opt/conda\n"
    )
    assert found(staged) == []
    # (nor a directory a RUN made)
    assert found("FROM alpine:3.19\nRUN mkdir /data\nRUN chmod 755 /data\n") == []


@pytest.mark.parametrize(
    "dockerfile",
    [
        # (third review) a copied name that is a directory: one an earlier RUN made, one the
        # base image's files lie in, a directory's mode, a name directories have
        "FROM alpine:3.19\nRUN mkdir -p /srv/uploads2\nCOPY uploads2 /srv/uploads2\n"
        "RUN chmod 777 /srv/uploads2\n",
        "FROM nginx:1.25\nCOPY conf.d /etc/nginx/conf.d\nRUN chown nginx /etc/nginx/conf.d\n",
        "FROM alpine:3.19\nCOPY shared /shared\nRUN chmod 1777 /shared\n",
        "FROM alpine:3.19\nCOPY common /common\nRUN chmod 2775 /common\n",
        "FROM alpine:3.19\nCOPY wp-content /srv/wp-content\nRUN chmod 755 /srv/wp-content\n",
        # (a lock file turned off)
        "FROM node:20\nWORKDIR /app\nRUN npm install x --package-lock=false && npm cache clean"
        " --force\nCOPY package-lock.json ./\n",
        "FROM node:20\nENV NPM_CONFIG_PACKAGE_LOCK=false\nWORKDIR /app\n"
        "RUN npm install x && npm cache clean --force\nCOPY package-lock.json ./\n",
    ],
)
def test_the_third_review_of_the_twenty_ninth_session(
    found: Callable[[str], list[tuple[int, str]]], dockerfile: str
) -> None:
    assert found(dockerfile) == []


@pytest.mark.parametrize(
    ("dockerfile", "expected"),
    [
        # (third review) an old release the python image's tag names; mysql-client's my.cnf
        # then; Alpine's PHP module for Apache brings apache2
        (
            "FROM python:2.7-jessie\nRUN apt-get install -y mysql-server\n"
            "COPY m /etc/mysql/my.cnf\n",
            [(3, "LG002")],
        ),
        ("FROM python:3.12\nRUN apt-get install -y mysql-server\nCOPY m /etc/mysql/my.cnf\n", []),
        (
            "FROM ubuntu:14.04\nRUN apt-get install -y mysql-client\nCOPY m /etc/mysql/my.cnf\n",
            [(3, "LG002")],
        ),
        (
            "FROM alpine:3.19\nRUN apk add --no-cache php82-apache2\n"
            "COPY index.html /var/www/localhost/htdocs/index.html\n",
            [(3, "LG002")],
        ),
        (
            "FROM alpine:3.19\nRUN apk add --no-cache apache2-utils\n"
            "COPY index.html /var/www/localhost/htdocs/index.html\n",
            [],
        ),
    ],
)
def test_the_third_review_s_misses(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


def test_the_nginx_image_s_alpine_tags_install_nginx_org_s_packages_since_1_16(
    found: Callable[[str], list[tuple[int, str]]],
) -> None:
    assert found("FROM nginx:1.17-alpine\nCOPY l /etc/logrotate.d/nginx\n") == [(2, "LG002")]
    assert found("FROM nginx:1.15-alpine\nCOPY l /etc/logrotate.d/nginx\n") == []


# The thirtieth session's classes: how commands are read (go install, installers, `&`, bundler)
_RUN_CLASSES = [
    # `go install PKG@VERSION` writes the binary to GOPATH's bin/ (a module's /v2 is no
    # name); a later RUN's mv of it removes what that layer wrote
    (
        "FROM ubuntu:22.04\nRUN go install github.com/projectdiscovery/subfinder/v2/cmd/"
        "subfinder@latest && go clean -modcache -cache\n"
        "RUN mv /root/go/bin/subfinder /usr/bin/\n",
        [(3, "LG003")],
    ),
    (
        "FROM golang:1.21\nRUN go install github.com/ffuf/ffuf/v2@latest && go clean -cache"
        " -modcache\nRUN mv /go/bin/ffuf /usr/local/bin/\n",
        [(3, "LG003")],
    ),
    (  # (GOBIN says where; the same RUN's mv is no later layer's)
        "FROM golang:1.21\nENV GOBIN=/tools\nRUN go install github.com/a/b/cmd/tool@v1.2.3"
        " && mv /tools/tool /usr/local/bin/ && go clean -cache -modcache\n",
        [],
    ),
    # the Symfony CLI's installer puts its binary in ~/.symfony5/bin
    (
        "FROM php:8.2-cli\nRUN wget https://get.symfony.com/cli/installer -O - | bash\n"
        "RUN mv /root/.symfony5/bin/symfony /usr/local/bin/symfony\n",
        [(3, "LG003")],
    ),
    # Rapid7's Metasploit installer, saved and run, adds its repository and runs apt update
    (
        "FROM python:3.8\nRUN curl https://raw.githubusercontent.com/rapid7/metasploit-omnibus/"
        "master/config/templates/metasploit-framework-wrappers/msfupdate.erb > msfinstall"
        " && chmod 755 msfinstall && ./msfinstall\n",
        [(2, "LG005")],
    ),
    # a command the RUN leaves running in the background is ended with the RUN's container
    ("FROM golang:1.21\nCOPY . .\nRUN go run ./worker/main.go &\n", []),
    (
        "FROM golang:1.21\nCOPY . .\nRUN service mysql start & sleep 5 && go run ./x.go\n",
        [(3, "LG005")],
    ),
    # bundler's relative BUNDLE_PATH lies in the project; `gem install` keeps GEM_HOME's
    (
        "FROM ruby:3.0-alpine\nWORKDIR /app\nENV BUNDLE_PATH=vendor/bundle\n"
        "RUN gem install bundler:2.2.24 --no-document\nRUN bundle install\n",
        [(4, "LG005"), (5, "LG005")],
    ),
    (
        "FROM ruby:3.0-alpine\nWORKDIR /app\nENV BUNDLE_PATH=vendor/bundle\n"
        "RUN bundle install && rm -rf vendor/bundle/ruby/*/cache\n",
        [],
    ),
    # a build context's `run` is as often a start script as a directory
    ("FROM ubuntu:22.04\nADD run /run.sh\nRUN chmod +x /run.sh\n", [(3, "LG004")]),
    ("FROM ubuntu:22.04\nCOPY --from=app:1 /run /run\nRUN chmod 755 /run\n", []),
]


# The thirtieth session's classes: what images and archives hold; wildcards over them
_IMAGES_AND_ARCHIVES = [
    # JBoss EAP's OpenShift images: the EAP server in /opt/eap, its profiles and bin/
    (
        "FROM registry.redhat.io/jboss-eap-7/eap73-openjdk8-openshift-rhel7:latest\n"
        "COPY s.xml /opt/eap/standalone/configuration/standalone-openshift.xml\n"
        "COPY c /opt/eap/bin/standalone.conf\n",
        [(2, "LG002"), (3, "LG002")],
    ),
    (
        "FROM registry.redhat.io/jboss-eap-6/eap64-openshift\nUSER root\n"
        "RUN chown -R jboss:jboss /opt/eap\n",
        [(3, "LG004")],
    ),
    # CM2Network's SteamCMD: steamcmd/ in the steam user's home, which a WORKDIR or a
    # mkdir beside it leaves there
    (
        "FROM cm2network/steamcmd:root\nWORKDIR ${HOMEDIR}\nRUN mkdir ${HOMEDIR}/game\n"
        "RUN chmod -R 775 ${HOMEDIR}\n",
        [(4, "LG004")],
    ),
    # a wildcard over a directory where the base holds files (WildFly's deployments/)
    (
        "FROM jboss/wildfly\nRUN chown jboss:jboss /opt/jboss/wildfly/standalone/deployments/*\n",
        [(2, "LG004")],
    ),
    ("FROM jboss/wildfly\nRUN chown jboss:jboss /opt/jboss/wildfly/standalone/tmp/*\n", []),
    # every entry of a site copied by a wildcard into the web root: its index.html
    (
        "FROM node:18 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n"
        "FROM nginx:1.25\nCOPY --from=build /app/dist/* /usr/share/nginx/html/\n",
        [(6, "LG002")],
    ),
    ("FROM nginx:1.25\nCOPY dist/*.js /usr/share/nginx/html/\n", []),
    # ISC's BIND image, laid out as Debian's bind9
    (
        "FROM internetsystemsconsortium/bind9:9.16\nCOPY named.conf.local /etc/bind/\n",
        [(2, "LG002")],
    ),
    # Jenkins' agents of remoting 3.x and 4.x are Debian's before 12: add-apt-repository
    # updates nothing there without -u
    (
        "FROM jenkins/inbound-agent:4.7-1\nUSER root\n"
        'RUN add-apt-repository "deb https://download.docker.com/linux/debian buster stable"\n',
        [],
    ),
    (
        "FROM jenkins/inbound-agent:3107.v665000b_51092-15\nUSER root\n"
        'RUN add-apt-repository "deb https://download.docker.com/linux/debian buster stable"\n',
        [(3, "LG005")],
    ),
    # Ghidra's release zip, moved into place; Metamod:Source's tarball, whose files lie
    # at its top
    (
        "FROM eclipse-temurin:17\nRUN wget -O /tmp/g.zip https://github.com/"
        "NationalSecurityAgency/ghidra/releases/download/Ghidra_10.0.4_build/"
        "ghidra_10.0.4_PUBLIC_20210928.zip && unzip /tmp/g.zip && rm /tmp/g.zip"
        " && mv ghidra_10.0.4_PUBLIC /ghidra\nCOPY server.conf /ghidra/server/server.conf\n",
        [(3, "LG002")],
    ),
    (
        "FROM debian:12\nWORKDIR /srv/tf\n"
        "RUN wget https://mms.alliedmods.net/mmsdrop/1.10/mmsource-1.10.7-git959-linux.tar.gz"
        " && tar -xzf mmsource-1.10.7-git959-linux.tar.gz && rm mmsource-*.tar.gz\n"
        "ADD metamod.vdf /srv/tf/addons/metamod.vdf\n",
        [(4, "LG002")],
    ),
]


# The thirtieth session's classes: the third round's misses and false alarms
_THIRD_ROUND = [
    # wheezy's python-pip (1.1) predates pip's cache, on any image whose tag names wheezy
    (
        "FROM resin/rpi-raspbian:wheezy\nRUN apt-get update && apt-get install -y python-pip"
        " && rm -rf /var/lib/apt/lists/*\nRUN pip install requests\n",
        [],
    ),
    (
        "FROM resin/rpi-raspbian:stretch\nRUN apt-get update && apt-get install -y python-pip"
        " && rm -rf /var/lib/apt/lists/*\nRUN pip install requests\n",
        [(3, "LG005")],
    ),
    # an archive unpacked at / (no WORKDIR) has no top in /home: a later mv there moves
    # nothing it wrote
    (
        "FROM ubuntu:20.04\nENV LIB=/home/user/library\nRUN mkdir -p $LIB\n"
        "RUN wget -O s.tar.gz http://x/sratoolkit.current-ubuntu64.tar.gz"
        " && tar -zxf s.tar.gz && rm s.tar.gz\nRUN mv $LIB/sratoolkit*-ubuntu64 $LIB/sra\n",
        [],
    ),
    (
        "FROM ubuntu:20.04\nRUN wget -O s.tar.gz http://x/sratoolkit.current-ubuntu64.tar.gz"
        " && tar -zxf s.tar.gz && rm s.tar.gz\nRUN mv /sratoolkit*-ubuntu64 /opt/sra\n",
        [(3, "LG003")],
    ),
    # `turbo prune --docker`'s two halves copied to one place: package.json twice
    (
        "FROM node:20-alpine AS builder\nWORKDIR /app\nCOPY . .\n"
        "RUN npx turbo prune web --docker\nFROM node:20-alpine\nWORKDIR /app\n"
        "COPY --from=builder /app/out/json/ .\nCOPY --from=builder /app/out/full/ .\n",
        [(8, "LG002")],
    ),
    (
        "FROM node:20-alpine AS builder\nWORKDIR /app\nCOPY . .\n"
        "RUN npx turbo prune web --docker\nFROM node:20-alpine\nWORKDIR /app\n"
        "COPY --from=builder /app/out/json/ .\nCOPY --from=builder /app/out/full/ /src/\n",
        [],
    ),
    # the Azure Pipelines agent's and Actions runner's installdependencies.sh runs apt update
    (
        "FROM ubuntu:22.04\nWORKDIR /azp\nCOPY agent/ .\nRUN ./bin/installdependencies.sh\n",
        [(4, "LG005")],
    ),
    # www-data's home on the php image's Alpine tags is /home/www-data, not /var/www
    (
        "FROM php:7.2-fpm-alpine AS build\nWORKDIR /var/www\nCOPY . .\nUSER www-data\n"
        "RUN composer install --no-dev\nFROM php:7.2-fpm-alpine\n"
        "COPY --from=build /var/www /var/www\n",
        [],
    ),
    (
        "FROM php:7.2-fpm AS build\nWORKDIR /var/www\nCOPY . .\nUSER www-data\n"
        "RUN composer install --no-dev\nFROM php:7.2-fpm\n"
        "COPY --from=build /var/www /var/www\n",
        [(5, "LG005")],
    ),
]


# The thirtieth session's classes: the fourth round's
_FOURTH_ROUND = [
    # Leiningen fills Maven's local repository; a later lein build after `lein deps`
    # fetches nothing more; an image that runs lein, or a Dev Containers one, reads it
    (
        "FROM clojure:lein\nWORKDIR /app\nCOPY project.clj .\nRUN lein deps\n"
        'COPY src/ src/\nRUN lein uberjar\nCMD ["java", "-jar", "app.jar"]\n',
        [(4, "LG005")],
    ),
    (
        'FROM clojure:lein\nWORKDIR /app\nCOPY project.clj .\nRUN lein deps\nCMD ["lein", "run"]\n',
        [],
    ),
    (
        "FROM mcr.microsoft.com/devcontainers/java:17\n"
        "RUN cd /tmp && echo '(defproject d \"\")' > project.clj && lein deps"
        " && rm project.clj\n",
        [],
    ),
    # the script a RUN ran from an earlier layer's copy, then removed: that layer's file
    (
        "FROM debian:12\nCOPY scripts /scripts\n"
        "RUN bash /scripts/install.sh && rm /scripts/install.sh\n",
        [(3, "LG003")],
    ),
    (  # (not one the RUN fetched itself)
        "FROM debian:12\nCOPY scripts /scripts\nRUN curl -fsSLo /scripts/get.sh"
        " https://x/get.sh && bash /scripts/get.sh && rm /scripts/get.sh\n",
        [],
    ),
    # RHEL's php is mod_php, which brings httpd and its configuration
    (
        "FROM centos:7\nRUN yum install -y php && yum clean all\n"
        "COPY httpd.conf /etc/httpd/conf/\n",
        [(3, "LG002")],
    ),
    # Etherpad's settings.json, k6's binary
    (
        "FROM etherpad/etherpad:1.8.13\nCOPY settings.json /opt/etherpad-lite/settings.json\n",
        [(2, "LG002")],
    ),
    ("FROM grafana/k6:0.48.0\nCOPY --from=golang:1.21 /go/k6 /usr/bin/k6\n", [(2, "LG002")]),
    # a Python's packages copied back from a builder of the same image: its own pip too
    (
        "FROM acme/app:1 AS builder\nRUN pip install --no-cache-dir -r requirements.txt\n"
        "FROM acme/app:1\nCOPY --from=builder /usr/local/lib/python3.9/site-packages"
        " /usr/local/lib/python3.9/site-packages\n",
        [(4, "LG002")],
    ),
    (
        "FROM acme/app:1 AS builder\nRUN pip install --no-cache-dir -r requirements.txt\n"
        "FROM acme/other:1\nCOPY --from=builder /usr/local/lib/python3.9/site-packages"
        " /usr/local/lib/python3.9/site-packages\n",
        [],
    ),
    # a system tree every distribution image fills, removed whole
    ("FROM ubuntu:20.04\nRUN rm -rf /usr/bin /usr/sbin\n", [(2, "LG003")]),
    ("FROM ubuntu:20.04\nRUN rm -rf /bin /usr/local/bin\n", []),
]


# The thirtieth session's classes: the first review's faults
_FIRST_REVIEW = [
    # (review) a wildcard chown without -R reaches the directory's entries, not below
    (
        "FROM jboss/wildfly:26.1.2.Final\nUSER root\n"
        "RUN chown jboss:root /opt/jboss/wildfly/standalone/*\n",
        [],
    ),
    # a rootfs archive unpacked with -C / into a directory an earlier RUN made
    (
        "FROM ubuntu:22.04\nRUN mkdir -p /opt/tools\n"
        "RUN curl -sSL https://example.com/tools-1.2-rootfs.tar.gz | tar -xz -C /\n"
        "RUN mv /opt/tools/tool-1.2 /opt/tools/tool\n",
        [(4, "LG003")],
    ),
    # the Symfony installer told where to install
    (
        "FROM php:8.2-fpm\nRUN curl -sS https://get.symfony.com/cli/installer"
        " | bash -s -- --install-dir=/usr/local/bin\nRUN rm -rf /root/.symfony5\n"
        "RUN mv /usr/local/bin/symfony /usr/bin/symfony\n",
        [(4, "LG003")],
    ),
    # go install for linux/amd64, of the module's own package, of a v10 module
    (
        "FROM golang:1.22\nENV CGO_ENABLED=0 GOOS=linux\n"
        "RUN go install github.com/a/migrate/v10/cmd/migrate@v10.1.0 && go clean -cache"
        " -modcache\nRUN mv /go/bin/migrate /usr/local/bin/migrate\n",
        [(4, "LG003")],
    ),
    (
        "FROM golang:1.22\nWORKDIR /src\nCOPY . .\n"
        "RUN go install ./cmd/server && go clean -cache -modcache\n"
        "RUN mv /go/bin/server /usr/local/bin/server\n",
        [(5, "LG003")],
    ),
    (
        "FROM golang:1.22\nRUN GOARCH=arm64 go install github.com/a/b/cmd/c@v1"
        " && go clean -cache -modcache\nRUN rm -f /go/bin/c\n",
        [],
    ),
    # bundler's cache under BUNDLE_PATH is not cleaned by removing GEM_HOME's
    (
        "FROM ruby:3.3\nENV BUNDLE_PATH=vendor/bundle\nWORKDIR /app\n"
        "RUN bundle install && rm -rf /usr/local/bundle/cache\n",
        [(4, "LG005")],
    ),
    # Metamod:Source and SourceMod piped into one directory by one RUN
    (
        "FROM cm2network/steamcmd:root\nWORKDIR /home/steam/tf2/tf\n"
        "RUN curl -sSL https://mms.alliedmods.net/mmsdrop/1.11/mmsource-1.11.0-git1148-linux"
        ".tar.gz | tar -xz && curl -sSL https://sm.alliedmods.net/smdrop/1.11/"
        "sourcemod-1.11.0-git6934-linux.tar.gz | tar -xz\n"
        "COPY metamod.vdf addons/metamod.vdf\n"
        "COPY core.cfg addons/sourcemod/configs/core.cfg\n",
        [(4, "LG002"), (5, "LG002")],
    ),
    # the old names of Jenkins' agents are Debian's before 12
    (
        "FROM jenkins/jnlp-slave:3.40-1\nUSER root\n"
        'RUN add-apt-repository "deb https://download.docker.com/linux/debian stretch main"\n',
        [],
    ),
    # www-data's home on the Alpine tags of the images built on php's
    (
        "FROM wordpress:php8.2-fpm-alpine AS build\nWORKDIR /var/www/app\nCOPY . .\n"
        "USER www-data\nRUN composer install --no-dev\nFROM wordpress:php8.2-fpm-alpine\n"
        "COPY --from=build /var/www /var/www\n",
        [],
    ),
    # the bind9 package's zone files; Canonical's image
    (
        "FROM internetsystemsconsortium/bind9:9.18\nCOPY db.local /etc/bind/db.local\n",
        [(2, "LG002")],
    ),
    ("FROM ubuntu/bind9:9.18-22.04_beta\nCOPY named.conf.local /etc/bind/\n", [(2, "LG002")]),
    # the EAP images run as jboss, whose home is /home/jboss; EAP XP's too
    (
        "FROM registry.redhat.io/jboss-eap-7/eap74-openjdk11-openshift-rhel8:7.4.14\n"
        "COPY pom.xml /tmp/src/pom.xml\nRUN cd /tmp/src && mvn -B package"
        " && rm -rf /home/jboss/.m2/repository\n",
        [],
    ),
    (
        "FROM registry.redhat.io/jboss-eap-7/eap-xp4-openjdk11-openshift-rhel8:4.0\n"
        "COPY s.xml /opt/eap/standalone/configuration/standalone-openshift.xml\n",
        [(2, "LG002")],
    ),
    # a site's *.html into the web root holds its index.html
    ("FROM nginx:alpine\nCOPY *.html /usr/share/nginx/html/\n", [(2, "LG002")]),
    ("FROM nginx:alpine\nCOPY *.css /usr/share/nginx/html/\n", []),
    # a compound left running in the background at a RUN's end
    ("FROM python:3.12\nRUN (pip install flask; pip install requests) &\n", []),
]


def test_the_maven_wrapper_a_context_holds_runs_maven(lint_files: Lint) -> None:
    """`./mvnw package` where the repository holds mvnw: Maven runs (its local repository stays),
    not the wrapper script's own commands read as a shell script's."""
    files = {
        "mvnw": '#!/bin/sh\nMAVEN_HOME="$HOME/.m2/wrapper"\nexec java -classpath x "$@"\n',
        "pom.xml": "<project/>\n",
        "Dockerfile": "FROM eclipse-temurin:21\nWORKDIR /app\nCOPY . .\nRUN ./mvnw package\n"
        'ENTRYPOINT ["java", "-jar", "app.jar"]\n',
    }
    found = [(f.line, f.rule) for f in lint_files(files) if f.rule == "LG005"]
    assert found == [(4, "LG005")]


def test_a_plain_make_runs_the_makefile_s_first_target(lint_files: Lint) -> None:
    """`RUN make` alone (no target, nothing after it on the line) runs the context Makefile's
    first target: a Go project's `go install` there fills Go's caches in the shipped image."""
    makefile = "all: install\n\ninstall: go.sum\n\t@go install -mod=readonly ./cmd/node\n"
    files = {
        "Makefile": makefile + "\ngo.sum: go.mod\n\tgo mod verify\n",
        "go.mod": "module x\n",
        "Dockerfile": "FROM golang:1.22-alpine\nWORKDIR /src\nCOPY . ./\nRUN make\n",
    }
    assert [(f.line, f.rule) for f in lint_files(files)] == [(4, "LG005")]
    files["Makefile"] = "all:\n\tgcc -o app main.c\n"
    assert lint_files(files) == []


def test_a_plain_make_runs_the_default_goal_a_makefile_names(lint_files: Lint) -> None:
    """`.DEFAULT_GOAL := build` says which target a plain `make` runs, not the first rule."""
    files = {
        "Makefile": ".DEFAULT_GOAL := build\nsetup:\n\tapt-get update\n"
        "build:\n\tgcc -o app main.c\n",
        "Dockerfile": "FROM debian:12\nWORKDIR /src\nCOPY . .\nRUN make\n",
    }
    assert lint_files(files) == []
    files["Makefile"] = files["Makefile"].replace(":= build", ":= setup")
    assert [(f.line, f.rule) for f in lint_files(files)] == [(4, "LG005")]


# The thirtieth session's classes: the second review's faults
_SECOND_REVIEW = [
    # (second review) a distribution's site-packages holds nothing until a RUN installs
    # Python: copied back from a builder, it writes no base file
    (
        "FROM ubuntu:22.04 AS builder\nRUN apt-get update && apt-get install -y python3-pip"
        " && pip3 install --no-cache-dir flask\nFROM ubuntu:22.04\n"
        "COPY --from=builder /usr/local/lib/python3.10/dist-packages"
        " /usr/local/lib/python3.10/dist-packages\n",
        [],
    ),
    # Leiningen's own install fetches no dependency
    (
        "FROM eclipse-temurin:17-jdk\nRUN curl -fsSLo /usr/local/bin/lein https://x/lein"
        " && chmod +x /usr/local/bin/lein && lein self-install\n",
        [],
    ),
    # after `lein with-profile production deps`, the clojure image's COPY . . and a build
    (
        "FROM clojure:lein\nWORKDIR /usr/src/app\nCOPY project.clj .\n"
        "RUN lein with-profile production deps\nCOPY src/ src/\nRUN lein uberjar\n"
        'CMD ["java", "-jar", "app.jar"]\n',
        [(4, "LG005")],
    ),
    # a CMD's jar named like lein runs no Leiningen
    (
        "FROM clojure:lein\nWORKDIR /srv/lein-demo\nCOPY . .\nRUN lein uberjar\n"
        'CMD ["java", "-jar", "/srv/lein-demo/target/lein-demo-standalone.jar"]\n',
        [(4, "LG005")],
    ),
    # Debian's /usr/lib64 holds the loader's link only
    ("FROM debian:12\nRUN rm -rf /usr/lib64\n", []),
    # wrappers a shell is given: Maven's, the agents' installdependencies.sh
    (
        "FROM eclipse-temurin:17-jdk\nWORKDIR /app\nCOPY . .\nRUN sh mvnw -B package\n"
        'RUN bash ./bin/installdependencies.sh\nCMD ["java", "-jar", "app.jar"]\n',
        [(4, "LG005"), (5, "LG005")],
    ),
    # turbo prune's halves below another --out-dir
    (
        "FROM node:18-alpine AS b\nWORKDIR /app\nCOPY . .\n"
        "RUN npx turbo prune api --docker --out-dir=pruned\nFROM node:18-alpine\n"
        "WORKDIR /app\nCOPY --from=b /app/pruned/json/ .\nCOPY --from=b /app/pruned/full/ .\n",
        [(8, "LG002")],
    ),
    # a script an interpreter ran, then removed
    (
        "FROM node:20\nWORKDIR /app\nCOPY . .\n"
        "RUN node scripts/prepare.js && rm scripts/prepare.js\n",
        [(4, "LG003")],
    ),
    # bundler's path set by `bundle config` for the install after it
    (
        "FROM ruby:3.3\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\n"
        "RUN bundle config set --local path vendor/bundle && bundle install"
        " && rm -rf /usr/local/bundle/cache\n",
        [(4, "LG005")],
    ),
    (
        "FROM ruby:3.3\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\n"
        "RUN bundle config set --local path vendor/bundle && bundle install"
        " && rm -rf vendor/bundle/ruby/*/cache\n",
        [],
    ),
    # a wildcard into a directory the image holds, with no trailing slash
    ("FROM nginx:alpine\nCOPY public/*.html /usr/share/nginx/html\n", [(2, "LG002")]),
    ("FROM nginx:alpine\nCOPY public/*.css /usr/share/nginx/html\n", []),
    # a Dev Containers image reads the Maven repository a builder's COPY --from gives it
    (
        "FROM maven:3-eclipse-temurin-17 AS deps\nCOPY pom.xml .\n"
        "RUN mvn -B dependency:go-offline\nFROM mcr.microsoft.com/devcontainers/java:17\n"
        "COPY --from=deps /root/.m2 /home/vscode/.m2\n",
        [],
    ),
]


@pytest.mark.parametrize(
    ("dockerfile", "expected"),
    [
        *_RUN_CLASSES,
        *_IMAGES_AND_ARCHIVES,
        *_THIRD_ROUND,
        *_FOURTH_ROUND,
        *_FIRST_REVIEW,
        *_SECOND_REVIEW,
    ],
)
def test_the_thirtieth_session_s_classes(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


# The thirty-first session's classes, each from a miss of a held-out set's first run.
_THIRTY_FIRST = [
    # unbound's and squid's make install write their configuration into --sysconfdir
    (
        "FROM debian:9\nRUN cd /tmp && tar xzf unbound-1.9.5.tar.gz && cd unbound-1.9.5"
        " && ./configure && make && make install && rm -rf /tmp/*\n"
        "ADD config/unbound.conf /usr/local/etc/unbound/.\nCOPY s /usr/local/etc/x.conf\n",
        [(3, "LG002")],
    ),
    (
        "FROM debian:12\nWORKDIR /usr/src/squid-6.6\n"
        "RUN ./configure --sysconfdir=/etc/squid && make && make install\n"
        "COPY squid.conf /etc/squid/\nCOPY squid.conf /usr/local/squid/etc/squid.conf\n",
        [(4, "LG002")],
    ),
    # SAP's SAPCAR unpacks a .SAR archive, which ships beside what it unpacked
    (
        "FROM ubuntu:22.04\nCOPY SAPCAR.EXE /home/w/sapcar\nCOPY SWPM.SAR /home/w/\n"
        "COPY notes.txt /home/w/\nRUN /home/w/sapcar -xvf /home/w/SWPM.SAR -R /opt/swpm\n",
        [(3, "LG006")],
    ),
    ("FROM ubuntu:22.04\nCOPY SWPM.SAR /w/\nRUN SAPCAR -tvf /w/SWPM.SAR\n", []),
    # a .bin named for an installer is one, kept or not; another .bin kept is a program
    (
        "FROM centos:7\nCOPY agent64_install.bin /root/\n"
        'RUN echo -e "\\n\\n" | /root/agent64_install.bin || echo OK\n',
        [(2, "LG006")],
    ),
    ("FROM debian:12\nCOPY app.bin /usr/local/bin/\nRUN /usr/local/bin/app.bin --version\n", []),
    # Liberty's default server configuration, by its real path (/config links to it)
    (
        "FROM websphere-liberty:kernel\n"
        "ADD ./server.xml //opt/ibm/wlp/usr/servers/defaultServer/server.xml\n",
        [(2, "LG002")],
    ),
    (
        "FROM open-liberty:full\nCOPY s.xml /opt/ol/wlp/usr/servers/defaultServer/server.xml\n",
        [(2, "LG002")],
    ),
    # Debian's and Ubuntu's nginx-common ship the default page in /usr/share/nginx/html
    (
        "FROM ubuntu:16.04\nRUN apt-get update\nRUN apt-get install -y nginx\n"
        "ADD index.html /usr/share/nginx/html/\n",
        [(2, "LG005"), (4, "LG002")],
    ),
    # tomcat's Java 7 tags are from before the default applications left webapps/
    (
        "FROM tomcat:7-jre7\nCOPY context.xml /usr/local/tomcat/webapps/manager/META-INF/\n",
        [(2, "LG002")],
    ),
    ("FROM tomcat:9-jdk17\nCOPY context.xml /usr/local/tomcat/webapps/manager/META-INF/\n", []),
    # Canonical's server images keep Ubuntu's package's configuration
    (
        "FROM ubuntu/apache2\nRUN a2enmod rewrite\nCOPY apache2.conf /etc/apache2/\n"
        "COPY site.conf /etc/apache2/sites-available/site.conf\n",
        [(3, "LG002")],
    ),
    ("FROM ubuntu/squid:5.2-22.04_beta\nCOPY squid.conf /etc/squid/squid.conf\n", [(2, "LG002")]),
    # a Go image's make of a Makefile not seen builds with go (its caches stay)
    ("FROM golang:1.17\nWORKDIR /app\nCOPY . .\nRUN make install\n", [(4, "LG005")]),
    # (not a clone built where it lies, in the same RUN: a C library's as often)
    (
        "FROM golang:alpine\nWORKDIR /app\nRUN git clone https://github.com/x/y && cd y && make\n",
        [],
    ),
    ("FROM golang:1.22\nWORKDIR /app\nCOPY . .\nRUN make clean\n", []),
    ("FROM golang:1.22\nCOPY . .\nRUN make build && go clean -cache -modcache\n", []),
    ("FROM debian:12\nWORKDIR /app\nCOPY . .\nRUN make install\n", []),
    # wget of several addresses saves each under its name: the mv moves this RUN's download
    (
        "FROM ubuntu:16.04\nWORKDIR /root\nRUN curl -L http://x/sl.tgz | tar xz -C /\n"
        "RUN mkdir bin\nRUN wget http://x/qe.tgz http://x/bin/dlmenu && mv dlmenu ./bin/\n",
        [],
    ),
    # MPI's programs are alternatives' links: moving one moves no bytes
    (
        "FROM ubuntu:16.04\nRUN apt-get update && apt-get install -y openfoam5"
        " && rm -rf /var/lib/apt/lists/*\nRUN mv /usr/bin/mpirun /usr/bin/mpirun.ori\n",
        [],
    ),
    # a built site holds index.html, over a package's default page; a crate's src/ the
    # main.rs its dependency build stubbed (not the whole context, not another directory)
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y apache2"
        " && rm -rf /var/lib/apt/lists/*\nCOPY ./dist/ /var/www/html/\nCOPY . /var/www/html/\n"
        "COPY ./img/ /var/www/html/\n",
        [(3, "LG002")],
    ),
    (
        "FROM rust:1.84-slim\nWORKDIR /app\nCOPY Cargo.toml ./\n"
        'RUN mkdir src && echo "fn main() {}" > src/main.rs\nRUN cargo build --release\n'
        "RUN rm src/main.rs\nCOPY src ./src\nCOPY lib ./lib\n",
        [(5, "LG005"), (6, "LG003"), (7, "LG002")],
    ),
    # i2pd's package (here by dpkg -i of its release's .deb) ships its configuration
    (
        "FROM debian:jessie\nRUN cd /tmp && wget https://x/i2pd_2.15.0-1jessie1_amd64.deb"
        " && dpkg -i /tmp/i2pd_2.15.0-1jessie1_amd64.deb && rm -rf /tmp/*\n"
        "COPY i2pd.conf /etc/i2pd/i2pd.conf\nCOPY subscriptions.txt /etc/i2pd/\n",
        [(3, "LG002"), (4, "LG002")],
    ),
    # a tar ADD unpacked holds its top named for it, as a RUN's tar -x has
    (
        "FROM debian:12\nADD minidemo.tar.gz /root\n"
        "RUN /root/minidemo/gradlew build && rm -rf /root/minidemo\n",
        [(3, "LG003"), (3, "LG005")],
    ),
    # an Android build with flutter runs Gradle (not a web build); a build tool asked its
    # version builds nothing where it runs
    ("FROM cirrusci/flutter\nWORKDIR /app\nCOPY . .\nRUN flutter build apk\n", [(4, "LG005")]),
    ("FROM cirrusci/flutter\nWORKDIR /app\nCOPY . .\nRUN flutter build web\n", []),
    ("FROM debian:12\nRUN gradle --version\nRUN rm -rf /opt/jre/lib/plugin.jar\n", []),
    # add-apt-repository --remove updates no index
    ("FROM ubuntu:18.04\nRUN add-apt-repository --remove ppa:x/ppa\n", []),
    ("FROM ubuntu:18.04\nRUN add-apt-repository -y ppa:x/ppa\n", [(2, "LG005")]),
    # a builder of the same image whose WORKDIR is the image's runtime copies that tree back
    (
        "FROM quay.io/keycloak/keycloak:24.0 AS builder\nWORKDIR /opt/keycloak\n"
        "RUN /opt/keycloak/bin/kc.sh build\nFROM quay.io/keycloak/keycloak:24.0\n"
        "COPY --from=builder /opt/keycloak/ /opt/keycloak/\n",
        [(5, "LG002")],
    ),
    # icecast's, snapserver's and pulseaudio's packages ship their configuration; Debian's
    # and Ubuntu's images hold /etc/shells
    (
        "FROM alpine:3.19\nRUN apk add --no-cache icecast snapcast-server pulseaudio\n"
        "COPY icecast.xml /etc/icecast.xml\nCOPY snapserver.conf /etc/snapserver.conf\n"
        "COPY client.conf /etc/pulse/client.conf\n",
        [(3, "LG002"), (4, "LG002"), (5, "LG002")],
    ),
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y icecast2"
        " && rm -rf /var/lib/apt/lists/*\nADD ./icecast.xml /etc/icecast2/\n",
        [(3, "LG002")],
    ),
    ("FROM ubuntu:18.04\nCOPY shells /etc/shells\n", [(2, "LG002")]),
    # cp without -r copies a file: under its own name, it is that file
    (
        "FROM debian:12\nADD source /autograder/source\n"
        "RUN cp /autograder/source/run_autograder /autograder/run_autograder\n"
        "RUN chmod +x /autograder/run_autograder\n",
        [(4, "LG004")],
    ),
    (
        "FROM debian:12\nADD source /autograder/source\n"
        "RUN cp -r /autograder/source/bin /autograder/bin\nRUN chmod +x /autograder/bin\n",
        [],
    ),
    # ESP-IDF's installer keeps the toolchains' archives in IDF_TOOLS_PATH's dist/
    (
        "FROM ubuntu:22.04\nRUN git clone https://github.com/espressif/esp-idf.git\n"
        "RUN ./esp-idf/install.sh\nRUN ./esp-idf/install.sh esp32 && rm -rf ~/.espressif/dist\n"
        "ENV IDF_TOOLS_PATH=/opt/esp\nRUN /opt/esp-idf/install.sh && rm -rf $IDF_TOOLS_PATH/dist\n",
        [(3, "LG005"), (4, "LG003")],  # (line 4 removes what line 3 left too)
    ),
    # Node-RED's image holds its package.json where it runs, and flows.json in /data
    (
        "FROM nodered/node-red:latest\nCOPY package.json .\nCOPY flows.json /data/flows.json\n"
        "COPY settings.js /data/\n",
        [(2, "LG002"), (3, "LG002")],
    ),
    # `npm i -g` of the project itself links it: nothing fetched (a package by name is)
    (
        "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install && npm cache clean --force\n"
        "RUN npm i -g\nRUN npm install -g .\nRUN npm install -g typescript\n",
        [(7, "LG005")],
    ),
    # openjdk's Debian JDK images are buildpack-deps' scm variant: wget and curl are the base's
    ("FROM openjdk:11\nRUN apt-get remove -y --purge wget curl\n", [(2, "LG003")]),
    ("FROM openjdk:11-slim\nRUN apt-get remove -y --purge wget curl\n", []),
    # (an archive named below webapps/ is none of the default applications; ROOT is one)
    (
        'FROM tomcat:7-jre7\nRUN ["rm", "-fr", "/usr/local/tomcat/webapps/app-1.0.0.war"]\n'
        "RUN rm -rf /usr/local/tomcat/webapps/ROOT\n",
        [(3, "LG003")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_FIRST)
def test_the_thirty_first_session_s_classes(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


# The first review of the thirty-first session's classes: each fault it found, as it wrote it.
_THIRTY_FIRST_REVIEW = [
    # a C library's configure or cmake build in a Go image is no Go build
    (
        "FROM golang:1.21\nRUN cd /tmp && tar xzf zeromq-4.3.5.tar.gz && cd zeromq-4.3.5"
        " && ./configure && make -j4 && make install && cd / && rm -rf /tmp/zeromq*\n",
        [],
    ),
    (
        "FROM golang:1.22\nRUN git clone https://github.com/libgit2/libgit2.git /tmp/g"
        " && mkdir /tmp/g/build && cd /tmp/g/build && cmake .. && make && make install\n",
        [],
    ),
    # make by its path, in sh -c, or with one building target among others is a Go build
    ("FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN /usr/bin/make build\n", [(4, "LG005")]),
    ('FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN sh -c "make build"\n', [(4, "LG005")]),
    ("FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN make clean all\n", [(4, "LG005")]),
    # a library's jars and a man page's .gz below heavy trees are the base's; an application's
    # archive (or a pattern of one) below an old tomcat's webapps/ is not
    (
        "FROM quay.io/keycloak/keycloak:24.0\n"
        "RUN rm -rf /opt/keycloak/lib/lib/main/org.postgresql.postgresql-42.6.0.jar\n",
        [(2, "LG003")],
    ),
    ("FROM debian:12\nRUN rm /usr/share/man/man1/ls.1.gz\n", [(2, "LG003")]),
    ("FROM tomcat:7-jre7\nRUN rm -f /usr/local/tomcat/webapps/*.war\n", []),
    # (the second review's regressions: a file the chmod needs, below a directory a WORKDIR
    # or mkdir names again or an unread build filled, is there; a cp into a directory leaves it one)
    ("FROM tomcat:9.0\nWORKDIR /usr/local/tomcat/bin\nRUN chmod +x catalina.sh\n", [(3, "LG004")]),
    (
        "FROM debian:12\nRUN mkdir -p /opt/app\nRUN cd /tmp && git clone https://x/y && cd y"
        " && make && make install PREFIX=/opt/app\nRUN chmod +x /opt/app/run.sh\n",
        [(4, "LG004")],
    ),
    (
        "FROM debian:12\nCOPY build/ /build/\nWORKDIR /app\nRUN cp /build/app /app\n"
        "RUN chown 1000:1000 /app\n",
        [],
    ),
    (
        "FROM debian:12\nCOPY build/ /build/\nRUN mkdir -p /opt/app && cp /build/app /opt/app\n"
        "RUN chmod 755 /opt/app\n",
        [],
    ),
    # ESP-IDF's installer by the directory it runs in, or IDF_PATH's; not asked for help
    (
        "FROM ubuntu:22.04\nRUN git clone https://github.com/espressif/esp-idf.git /opt/esp-idf\n"
        "RUN cd /opt/esp-idf && ./install.sh esp32\nENV IDF_PATH=/opt/esp/idf\n"
        "RUN $IDF_PATH/install.sh esp32\nRUN /opt/esp-idf/install.sh --help\n",
        [(3, "LG005"), (5, "LG005")],
    ),
    # a source-built Open MPI's mpirun is a link to orterun
    ("FROM ubuntu:22.04\nRUN mv /usr/local/bin/mpirun /usr/local/bin/mpirun.real\n", []),
    # the stub cargo new writes, then the project's Cargo.toml and src/ over it
    (
        "FROM rust:1.78\nRUN USER=root cargo new --bin app\nWORKDIR /app\n"
        "COPY Cargo.toml Cargo.lock ./\nRUN cargo build --release\nCOPY src ./src\n",
        [(4, "LG002"), (5, "LG005"), (6, "LG002")],
    ),
    # a site's output spelled as Angular's or Flutter's, or as a wildcard, over a package's
    # index.html; not a PHP application's public/
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y apache2"
        " && rm -rf /var/lib/apt/lists/*\nCOPY dist/* /var/www/html/\n"
        "COPY dist/my-app /var/www/html/\nCOPY build/web /var/www/html\n",
        [(3, "LG002"), (4, "LG002"), (5, "LG002")],
    ),
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y apache2 php"
        " libapache2-mod-php && rm -rf /var/lib/apt/lists/*\nCOPY public/ /var/www/html/\n",
        [],
    ),
    # cordova's and ionic's builds of Android, flutter's aar and options before build
    # (a cordova build of no platform named may be the browser's)
    ("FROM beevelop/cordova\nWORKDIR /app\nCOPY . .\nRUN cordova build\n", []),
    (
        "FROM x/ionic\nWORKDIR /app\nCOPY . .\nRUN ionic cordova build android --prod\n",
        [(4, "LG005")],
    ),
    (
        "FROM cirrusci/flutter\nWORKDIR /app\nCOPY . .\n"
        "RUN flutter --suppress-analytics build aar\n",
        [(4, "LG005")],
    ),
    # a builder of python with its WORKDIR in the Python's tree copies it back
    (
        "FROM python:3.12 AS builder\nWORKDIR /usr/local/lib/python3.12\n"
        "RUN pip install --no-cache-dir requests\nFROM python:3.12\n"
        "COPY --from=builder /usr/local/lib/python3.12 /usr/local/lib/python3.12\n",
        [(5, "LG002")],
    ),
    # SAPCAR by its download name, its -x after another option
    (
        "FROM ubuntu:22.04\nCOPY SAPCAR_1300-80000935.EXE /sap/\nCOPY IMDB_SERVER20_077.SAR /sap/\n"
        "RUN cd /sap && ./SAPCAR_1300-80000935.EXE -R /sap/hana -xvf IMDB_SERVER20_077.SAR\n",
        [(3, "LG006")],
    ),
    # unbound's GitHub tree, configure's options with a space, make install-strip
    (
        "FROM debian:12\nWORKDIR /tmp/unbound-release-1.19.0\n"
        "RUN ./configure --prefix /opt/unbound && make && make install-strip\n"
        "COPY unbound.conf /opt/unbound/etc/unbound/unbound.conf\n",
        [(4, "LG002")],
    ),
    # Canonical's images from Amazon's mirror
    (
        "FROM public.ecr.aws/ubuntu/nginx:1.18-22.04_beta\nCOPY n /etc/nginx/nginx.conf\n",
        [(2, "LG002")],
    ),
    ("FROM public.ecr.aws/lts/nginx:latest\nCOPY n /etc/nginx/nginx.conf\n", [(2, "LG002")]),
    # a JDK's self-extracting .bin, or one run in an installer's silent mode, kept or not
    (
        "FROM centos:7\nCOPY jdk-6u45-linux-x64.bin /opt/\n"
        "RUN cd /opt && ./jdk-6u45-linux-x64.bin\n",
        [(2, "LG006")],
    ),
    (
        "FROM centos:7\nCOPY tool.bin /opt/\nRUN /opt/tool.bin -i silent -f r.properties\n",
        [(2, "LG006")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_FIRST_REVIEW)
def test_the_first_review_of_the_thirty_first_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


@pytest.mark.parametrize(
    ("run", "into", "expected"),
    [
        # (a script run as another user has that user's HOME, which is not followed here)
        ("RUN sudo -u app bash /tmp/install.sh", "/root", []),
        ("RUN sudo bash /tmp/install.sh", "/home/app", []),
        # (what the RUN sets before it is the script's)
        ("RUN HOME=/opt bash /tmp/install.sh", "/root", []),
        ("RUN HOME=/opt bash /tmp/install.sh", "/opt", [6]),
        ("RUN export HOME=/opt && bash /tmp/install.sh", "/root", []),
        ("RUN export HOME=/opt && bash /tmp/install.sh", "/opt", [6]),
        # (su's and runuser's other options are not the user)
        ('RUN su -s /bin/bash app -c "bash /tmp/install.sh"', "/home/app", [6]),
        ('RUN su app -s /bin/bash -c "bash /tmp/install.sh"', "/home/app", [6]),
        ('RUN runuser -l app -c "bash /tmp/install.sh"', "/home/app", [6]),
        # (the user after su's command, su's --command; sudo as root keeps root's HOME)
        ('RUN su -c "bash /tmp/install.sh" app', "/root", []),
        ('RUN su -c "bash /tmp/install.sh" app', "/home/app", [6]),
        ('RUN su app --command="bash /tmp/install.sh"', "/home/app", [6]),
        ('RUN su -c "bash /tmp/install.sh" - app', "/home/app", [6]),
        ("RUN sudo bash /tmp/install.sh", "/root", [6]),
    ],
)
def test_a_script_s_home_is_the_user_s_it_runs_as(
    lint_files: Lint, run: str, into: str, expected: list[int]
) -> None:
    files = {
        "install.sh": "#!/bin/bash\ncd\ncurl -LO https://example.org/hadoop-3.1.3.tar.gz\n"
        "tar -zxf hadoop-3.1.3.tar.gz\n",
        "config/core-site.xml": "<configuration/>\n",
        "Dockerfile": "FROM ubuntu:22.04\nRUN useradd -m app\nCOPY install.sh /tmp/\n"
        f"USER {'app' if 'sudo bash' in run and into == '/home/app' else 'root'}\n{run}\n"
        f"COPY config/core-site.xml {into}/hadoop-3.1.3/etc/hadoop/\n",
    }
    assert [f.line for f in lint_files(files, code="LG002")] == expected


# The third review (of what the first two reviews' fixes changed): each fault, as it wrote it.
_THIRTY_FIRST_THIRD_REVIEW = [
    # a builder's own directory below the image's runtime tree is no copy back of the base's
    (
        "FROM drupal:10 AS build\nRUN mkdir -p /opt/drupal/web/modules/custom"
        " && git clone https://github.com/x/mymod /opt/drupal/web/modules/custom/mymod\n"
        "FROM drupal:10\nCOPY --from=build /opt/drupal/web/modules/custom"
        " /opt/drupal/web/modules/custom\n",
        [],
    ),
    # a file cp puts into a directory is there under its name
    (
        "FROM debian:12\nCOPY build/ /build/\n"
        "RUN mkdir -p /opt/prometheus && cp /build/prometheus /opt/prometheus\n"
        "RUN rm /opt/prometheus/prometheus\n",
        [(4, "LG003")],
    ),
    # ionic's own build is the web framework's; Gradle runs for cordova's Android build
    ("FROM node:18\nWORKDIR /app\nCOPY . .\nRUN ionic build --prod\n", []),
    (
        "FROM node:18\nWORKDIR /app\nCOPY . .\nRUN cordova platform add browser && cordova build\n",
        [],
    ),
    # a C library's make in a Go image: configured otherwise, or outside the WORKDIR's project
    (
        "FROM golang:1.22\nRUN curl -L https://x/openssl-3.0.13.tar.gz | tar xz -C /tmp"
        " && cd /tmp/openssl-3.0.13 && ./config --prefix=/usr/local/ssl && make -j4\n",
        [],
    ),
    (
        "FROM golang:1.22\nRUN git clone https://github.com/facebook/zstd /tmp/zstd"
        " && cd /tmp/zstd && make -j4 && make install && rm -rf /tmp/zstd\n",
        [],
    ),
    ("FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN make --version\n", []),
    # (a configure elsewhere in the RUN leaves the project's make a Go build)
    (
        "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN git clone https://x/rdk /tmp/rdk"
        " && cd /tmp/rdk && ./configure && make && make install && cd /src && make build\n",
        [(4, "LG005")],
    ),
    # a site's assets are not its page; PHP installed in another RUN makes public/ an app's
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y nginx"
        " && rm -rf /var/lib/apt/lists/*\nCOPY dist/*.css /usr/share/nginx/html/\n"
        "COPY build/static /usr/share/nginx/html/\n",
        [],
    ),
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y apache2"
        " && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get install -y php"
        " libapache2-mod-php && rm -rf /var/lib/apt/lists/*\nCOPY public/ /var/www/html/\n",
        [],
    ),
    # SAPCAR's -manifest is no archive; ESP-IDF through a shell; Espressif's own image
    (
        "FROM ubuntu:22.04\nCOPY SAPCAR /sap/SAPCAR\nCOPY SWPM.SAR /sap/\n"
        "RUN cd /sap && ./SAPCAR -manifest SIGNATURE.SMF -xvf SWPM.SAR -R /sap/swpm\n",
        [(3, "LG006")],
    ),
    (
        "FROM ubuntu:22.04\nRUN git clone https://github.com/espressif/esp-idf.git /opt/esp-idf\n"
        "RUN bash /opt/esp-idf/install.sh esp32\n",
        [(3, "LG005")],
    ),
    ("FROM espressif/idf:v5.1\nRUN /opt/esp/idf/install.sh esp32s3 && rm -rf /opt/esp/dist\n", []),
    ("FROM ubuntu:22.04\nRUN /opt/esp-idf-lib-helpers/install.sh\n", []),
    # an installer's --silent, in any case; a program named for a JRE is none
    (
        "FROM centos:7\nCOPY tool.bin /opt/\nRUN /opt/tool.bin --silent --prefix=/opt/tool\n",
        [(2, "LG006")],
    ),
    ("FROM debian:12\nCOPY jre-check.bin /usr/local/bin/\nRUN jre-check.bin\n", []),
    # Canonical's other images on Amazon's mirror
    (
        "FROM public.ecr.aws/ubuntu/bind9:9.18-22.04_beta\n"
        "COPY named.conf.options /etc/bind/named.conf.options\n",
        [(2, "LG002")],
    ),
    (
        "FROM public.ecr.aws/lts/ubuntu:20.04\nCOPY sources.list /etc/apt/sources.list\n",
        [(2, "LG002")],
    ),
]


# The fourth review, of the third's fixes.
_THIRTY_FIRST_THIRD_REVIEW += [
    # git config, make config or make bootstrap configure no C build
    (
        "FROM golang:1.22\nWORKDIR /src\nCOPY . .\n"
        'RUN git config --global url."https://x".insteadOf "ssh://y" && make build\n',
        [(4, "LG005")],
    ),
    (
        "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN make bootstrap && make build\n",
        [(4, "LG005")],
    ),
    # (a Go project in GOPATH's src is not told from a C library cloned there: not reported)
    ("FROM golang:1.22\nCOPY . /go/src/app\nRUN cd /go/src/app && make build\n", []),
    # Angular 17's output, a site's output anywhere in the source
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y apache2"
        " && rm -rf /var/lib/apt/lists/*\nCOPY dist/my-app/browser /var/www/html\n",
        [(3, "LG002")],
    ),
    # a mkdir -p of the Python's own site-packages in a builder makes nothing new
    (
        "FROM python:3.12 AS build\nRUN mkdir -p /usr/local/lib/python3.12/site-packages"
        " && pip install --no-cache-dir flask\nFROM python:3.12\n"
        "COPY --from=build /usr/local/lib/python3.12/site-packages"
        " /usr/local/lib/python3.12/site-packages\n",
        [(4, "LG002")],
    ),
    # ESP-IDF cloned to /opt/idf; a JRE's or an SDK's installer named without a version
    (
        "FROM ubuntu:22.04\nRUN git clone https://github.com/espressif/esp-idf.git /opt/idf\n"
        "RUN /opt/idf/install.sh esp32\n",
        [(3, "LG005")],
    ),
    (
        "FROM centos:7\nCOPY jre-linux-x64.bin /opt/\nRUN cd /opt && ./jre-linux-x64.bin\n",
        [(2, "LG006")],
    ),
    # a name with php in it installs no PHP
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y apache2"
        " && rm -rf /var/lib/apt/lists/*\nRUN mkdir -p /var/www/phpmyadmin-data\n"
        "COPY public/ /var/www/html/\n",
        [(4, "LG002")],
    ),
]


# The fifth review, of the fourth's fixes.
_THIRTY_FIRST_THIRD_REVIEW += [
    # a C library an earlier RUN cloned below the WORKDIR or into GOPATH's src is no Go project
    (
        "FROM golang:1.22\nWORKDIR /src\nRUN git clone https://github.com/lz4/lz4 /src/lz4\n"
        "RUN cd /src/lz4 && make && make install\n",
        [],
    ),
    (
        "FROM golang:1.22\nRUN git clone https://github.com/edenhill/kcat /go/src/kcat\n"
        "RUN cd /go/src/kcat && make\n",
        [],
    ),
    # configure through sudo or a shell's options is configure
    (
        "FROM golang:1.22\nWORKDIR /src/libfoo\nCOPY . .\n"
        "RUN sudo ./configure --prefix=/usr && make && make install\n",
        [],
    ),
    ("FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN bash -x ./autogen.sh && make\n", []),
    # a path with build or site in it is no site's output; a configuration directory is none
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y apache2"
        " && rm -rf /var/lib/apt/lists/*\nCOPY build/docker/nginx/conf/ /var/www/html/\n"
        "COPY site/content/blog/ /var/www/html/\nCOPY build/libs/ /var/www/html/\n",
        [],
    ),
    # another Python's site-packages a builder made is none of the shipped image's
    (
        "FROM python:3.11 AS build\nRUN mkdir -p /usr/local/lib/python3.12/site-packages"
        " && pip install --no-cache-dir --target /usr/local/lib/python3.12/site-packages flask\n"
        "FROM python:3.12\nCOPY --from=build /usr/local/lib/python3.12/site-packages"
        " /usr/local/lib/python3.12/site-packages\n",
        [],
    ),
    # a program kept and asked its version, whatever its name holds; an -rc tree of ESP-IDF
    (
        "FROM ubuntu:22.04\nCOPY nrf-sdk-linux.bin /usr/local/bin/\n"
        "RUN /usr/local/bin/nrf-sdk-linux.bin --version\n",
        [],
    ),
    ("FROM ubuntu:22.04\nRUN /opt/esp-idf-v5.2-rc1/install.sh esp32\n", [(2, "LG005")]),
    # (the sixth review: Nx's dist/apps/x, Angular's browser/ with a wildcard or a locale;
    # `command -v cmake` configures nothing; a JDK's installer named with linux)
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y apache2"
        " && rm -rf /var/lib/apt/lists/*\nCOPY dist/apps/frontend /var/www/html\n"
        "COPY dist/my-app/browser/* /var/www/html/\nCOPY dist/my-app/browser/en-US /var/www/html\n",
        [(3, "LG002"), (4, "LG002"), (5, "LG002")],
    ),
    (
        "FROM golang:1.22\nWORKDIR /src\nCOPY . .\n"
        "RUN command -v cmake >/dev/null || true; make build\n",
        [(4, "LG005")],
    ),
    (
        "FROM centos:7\nCOPY oracle-jdk_linux-x64.bin /opt/\n"
        "RUN cd /opt && ./oracle-jdk_linux-x64.bin\n",
        [(2, "LG006")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_FIRST_THIRD_REVIEW)
def test_the_third_review_of_the_thirty_first_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


# The thirty-second session's classes (sets 321-382's misses), each checked to fail before.
_THIRTY_SECOND = [
    # BuildKit saves a download ADD under its address's last part (llb.Filename), whatever
    # the server calls it: GitHub's `archive/v1.2.tar.gz` is /tmp/v1.2.tar.gz; an archive a
    # COPY put beside it is the COPY's
    (
        "FROM alpine:3.18\nADD https://github.com/o/r/archive/v1.2.tar.gz /tmp/\n"
        "RUN tar -xzf /tmp/v1.2.tar.gz -C /opt\n",
        [(2, "LG006")],
    ),
    (
        "FROM alpine:3.18\nCOPY b.tar.gz /tmp/\nADD https://github.com/o/r/archive/v1.2.tar.gz"
        " /tmp/\nRUN tar -xzf /tmp/b.tar.gz -C /opt\n",
        [(2, "LG006")],
    ),
    # what a base not known here holds by the variable its Dockerfile set (JAVA_HOME's JCE
    # policy jars), or one this file's ENV names where no RUN installs (a Tomcat's conf/)
    (
        "FROM example/java:oracle-java7\n"
        "ADD policy/local_policy.jar ${JAVA_HOME}/jre/lib/security/\n"
        "ADD lib/x.jar ${JAVA_HOME}/jre/lib/ext/\n",
        [(2, "LG002")],
    ),
    (
        "FROM example/tomcat-base\nENV CATALINA_BASE=/usr/local/tomcat\n"
        "COPY conf/server.xml ${CATALINA_BASE}/conf/\n",
        [(3, "LG002")],
    ),
    (
        "FROM example/base\nENV CATALINA_HOME=/opt/tomcat\nRUN mkdir -p /opt/tomcat/conf\n"
        "COPY conf/server.xml ${CATALINA_HOME}/conf/\n",
        [],
    ),
    # Jenkins' agent images work in /home/jenkins: a relative COPY lands there
    (
        "FROM jenkins/inbound-agent\nUSER root\nCOPY install.sh install.sh\n"
        "RUN chmod 755 -R /install.sh\nRUN rm -rf /install.sh\nRUN chmod +x install.sh\n",
        [(6, "LG004")],
    ),
    # packages' configuration: Alpine's unbound, RHEL's postfix, Buildkite's puppeteer image
    (
        "FROM alpine:3.18\nRUN apk add --no-cache unbound\n"
        "COPY unbound.conf /etc/unbound/unbound.conf\n",
        [(3, "LG002")],
    ),
    (
        "FROM rockylinux:8\nRUN dnf -y install postfix && dnf clean all\n"
        "COPY main.cf /etc/postfix/main.cf\n",
        [(3, "LG002")],
    ),
    (
        "FROM buildkite/puppeteer:latest\nCOPY package.json .\n"
        "RUN npm ci && npm cache clean --force\n",
        [(2, "LG002"), (3, "LG003")],
    ),
    # GlassFish: the library image's domain in its WORKDIR; a release zip's glassfish5/ top
    (
        "FROM glassfish\nCOPY domain.xml glassfish/domains/domain1/config/domain.xml\n",
        [(2, "LG002")],
    ),
    (
        "FROM eclipse-temurin:8\nWORKDIR /opt\nRUN curl -fsSLO https://x.org/glassfish-5.1.0.zip"
        " && unzip glassfish-5.1.0.zip && rm glassfish-5.1.0.zip\n"
        "COPY domain.xml glassfish5/glassfish/domains/domain1/config/\n",
        [(4, "LG002")],
    ),
    # WordPress's release tarball holds wordpress/, which a later RUN removes
    (
        "FROM centos:7\nWORKDIR /tmp\nRUN curl -fsSLO https://wordpress.org/wordpress-6.4.2.tar.gz"
        " && tar -xzf wordpress-6.4.2.tar.gz\nRUN cp -r wordpress/* /var/www/html/\n"
        "RUN rm -rf wordpress\n",
        [(5, "LG003")],
    ),
    # the su-exec and tini IPFS's image ships
    ("FROM ipfs/kubo:latest\nCOPY su-exec /sbin/su-exec\n", [(2, "LG002")]),
    # Debian's nginx leaves conf.d empty (default.conf is nginx.org's package's): removing it
    # hides nothing; nginx.conf it has
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y nginx"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm -f /etc/nginx/conf.d/default.conf\nRUN rm -f /etc/nginx/nginx.conf\n",
        [(4, "LG003")],
    ),
    # s6-overlay's v2 installer carries the overlay it unpacks
    (
        "FROM ubuntu:22.04\nADD https://github.com/just-containers/s6-overlay/releases/download/"
        "v2.2.0.1/s6-overlay-amd64-installer /tmp/\n"
        "RUN chmod +x /tmp/s6-overlay-amd64-installer && /tmp/s6-overlay-amd64-installer /\n",
        [(2, "LG006"), (3, "LG004")],
    ),
    # Alpine's php8 and php8-fpm (3.13 to 3.15), a conf directory copied over them; uWSGI's
    # configuration in tiangolo's images
    (
        "FROM alpine:3.15\nRUN apk add --no-cache php8 php8-fpm\nCOPY php/conf /etc/php8\n",
        [(3, "LG002")],
    ),
    ("FROM tiangolo/uwsgi-nginx\nCOPY uwsgi.conf /etc/uwsgi/uwsgi.ini\n", [(2, "LG002")]),
    # a mode set on the installs' log files by a wildcard copies them up; apt's directory alone
    # is an entry
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y nginx"
        " && rm -rf /var/lib/apt/lists/*\nRUN chmod 755 /var/log/*\nRUN chmod 755 /var/log/apt\n",
        [(3, "LG004")],
    ),
    # jboss/base's user jboss works in its home /opt/jboss; a mv onto itself moves nothing
    (
        "FROM jboss/base-jdk:8\nRUN curl -O https://x.org/jboss-as-7.1.1.Final.tar.gz"
        " && tar xf jboss-as-7.1.1.Final.tar.gz\n"
        "RUN mv $HOME/jboss-as-7.1.1.Final /opt/jboss/jboss-as-7.1.1.Final\n"
        "RUN rm /opt/jboss/jboss-as-7.1.1.Final.tar.gz\n",
        [(4, "LG003")],
    ),
    # a release saved under a plain name: its top may be that name (Go's go/)
    (
        "FROM debian:12\nRUN curl -fsSL https://go.dev/dl/go1.21.5.linux-amd64.tar.gz -o "
        "/tmp/go.tar.gz && tar -C /usr/local -xzf /tmp/go.tar.gz && rm /tmp/go.tar.gz\n"
        "RUN rm -rf /usr/local/go\n",
        [(3, "LG003")],
    ),
    # a package's program moved aside in a later RUN; not a link (python3), not the base's
    (
        "FROM alpine:3.18\nRUN apk add --no-cache aria2 python3\n"
        "RUN mv /usr/bin/aria2c /usr/bin/x && mv /usr/bin/python3 /usr/bin/py\n"
        "RUN mv /usr/bin/wget /usr/bin/w\n",
        [(3, "LG003")],
    ),
    # what a builder's bin directory holds is a program, a file: its chown copies it up
    (
        "FROM alpine\nWORKDIR /home/app\nCOPY --from=golang:1.22 /go/bin/app /home/app/app\n"
        "RUN chown nobody app\n",
        [(4, "LG004")],
    ),
    # smbclient depends on samba-common, whose postinst writes smb.conf
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y smbclient"
        " && rm -rf /var/lib/apt/lists/*\nCOPY smb.conf /etc/samba/smb.conf\n",
        [(3, "LG002")],
    ),
    # a Maven build repeated on an unchanged project fetches nothing more; new options may
    (
        "FROM maven:3-eclipse-temurin-17\nWORKDIR /src\nCOPY pom.xml .\n"
        "RUN mvn -B dependency:go-offline\nCOPY src src\nRUN mvn -B package\n"
        "RUN mvn -B package\nRUN mvn -B package -P prod\n",
        [(4, "LG005"), (6, "LG005"), (8, "LG005")],
    ),
    # a `-bin` release's top drops the suffix (Cassandra's), Flink's all after its version;
    # Hive's keeps it
    (
        "FROM centos:7\nCOPY apache-cassandra-2.0.11-bin.tar.gz /opt/\n"
        "RUN tar -xzf /opt/apache-cassandra-2.0.11-bin.tar.gz -C /opt\n"
        "COPY cassandra.yaml /opt/apache-cassandra-2.0.11-bin/conf/cassandra.yaml\n"
        "COPY cassandra.yaml /opt/apache-cassandra-2.0.11/conf/cassandra.yaml\n",
        [(2, "LG006"), (5, "LG002")],
    ),
    (
        "FROM eclipse-temurin:8\nWORKDIR /opt\nRUN curl -fsSLO https://x.org/flink-1.1.3-bin-"
        "hadoop27-scala_2.11.tgz && tar -xzf flink-1.1.3-bin-hadoop27-scala_2.11.tgz"
        " && rm flink-*.tgz\nCOPY log4j.properties flink-1.1.3/conf/\n",
        [(4, "LG002")],
    ),
    (
        "FROM eclipse-temurin:8\nWORKDIR /opt\nRUN curl -fsSLO https://x.org/apache-hive-3.1.3-"
        "bin.tar.gz && tar -xzf apache-hive-3.1.3-bin.tar.gz && rm apache-hive-*.tar.gz\n"
        "COPY ivysettings.xml apache-hive-3.1.3-bin/conf/\n",
        [(4, "LG002")],
    ),
    # a download whose name is not known is a file: not a directory a later RUN removes
    (
        'FROM debian:12\nARG URL\nRUN wget "$URL"\nRUN rm -rf cmake\nRUN rm -f x.tar.gz\n',
        [(5, "LG003")],
    ),
    # a file a package is known to ship, its mode changed by name in a later RUN
    (
        "FROM centos:7\nRUN yum install -y sudo && yum clean all\nRUN chmod -v u+w /etc/sudoers\n",
        [(3, "LG004")],
    ),
    # gdebi installs a vendor's .deb (shiny-server-1.5.19.995-amd64.deb is shiny-server), whose
    # postinst writes its configuration
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y gdebi-core"
        " && rm -rf /var/lib/apt/lists/*\nCOPY shiny-server-1.5.19.995-amd64.deb /tmp/\n"
        "RUN gdebi -n /tmp/shiny-server-1.5.19.995-amd64.deb\n"
        "COPY shiny-server.conf /etc/shiny-server/shiny-server.conf\n",
        [(3, "LG006"), (5, "LG002")],
    ),
    # `make clean` takes what a build wrote, not the sources an earlier layer unpacked
    (
        "FROM debian:12\nWORKDIR /home/john\nRUN curl https://www.openwall.com/john/k/"
        "john-1.9.0-jumbo-1.tar.gz -o john.tar.gz && tar zfxv john.tar.gz && rm john.tar.gz\n"
        "WORKDIR /home/john/john-1.9.0-jumbo-1\n"
        "RUN make -s clean && make -sj4 && rm -rf /home/john/john-1.9.0-jumbo-1\n",
        [(5, "LG003")],
    ),
    # Next.js' standalone output of a monorepo's app holds its package.json below the app's path
    (
        "FROM node:20 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm cache clean --force"
        " && npx turbo run build\nFROM node:20-slim\nWORKDIR /app\n"
        "COPY --from=build /app/apps/web/package.json .\n"
        "COPY --from=build /app/apps/web/.next/standalone ./\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_SECOND)
def test_the_thirty_second_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


def test_a_script_that_runs_another(lint_files: Lint) -> None:
    # (`sh install.sh`, which runs `sh jdk.sh`, which installs the rpm a COPY put there)
    files = {
        "Dockerfile": "FROM centos:7\nWORKDIR /opt/install\nCOPY jdk.rpm install.sh jdk.sh ./\n"
        "RUN sh install.sh\n",
        "install.sh": "sh jdk.sh\nrm -rf /opt/install\n",
        "jdk.sh": "rpm -ivh /opt/install/jdk.rpm\n",
        "jdk.rpm": "x",
    }
    found = lint_files(files)
    assert sorted((f.line, f.rule) for f in found if f.rule != "LG001") == [
        (3, "LG006"),
        (4, "LG003"),
    ]


# The thirty-second session's first review: its cases, each a regression the fixes undo.
_THIRTY_SECOND_REVIEW = [
    # (a first build into a cache mount kept nothing: the second fetches)
    (
        "FROM maven:3.9-eclipse-temurin-17\n"
        "WORKDIR /app\n"
        "COPY pom.xml .\n"
        "RUN --mount=type=cache,target=/root/.m2 mvn -B package\n"
        "RUN mvn -B package\n"
        'CMD ["java", "-jar", "target/app.jar"]\n',
        [(5, "LG005")],
    ),
    # (a RUN that changes the project between builds (git checkout))
    (
        "FROM maven:3.9-eclipse-temurin-17\n"
        "WORKDIR /app\n"
        "RUN git clone https://github.com/example/app.git .\n"
        "RUN mvn -B package\n"
        "RUN git checkout v2.0 && mvn -B package\n"
        'CMD ["java", "-jar", "target/app.jar"]\n',
        [(4, "LG005"), (5, "LG003"), (5, "LG005")],
    ),
    # (a narrowed build (-pl common -am), then the whole)
    (
        "FROM maven:3.9-eclipse-temurin-17\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN mvn -B -pl common -am package\n"
        "RUN mvn -B package\n"
        'CMD ["java", "-jar", "server/target/server.jar"]\n',
        [(4, "LG005"), (5, "LG005")],
    ),
    # (Debian's useradd without -m makes no home: root's pip caches)
    (
        "FROM python:3.12-slim\nENV HOME=/home/app\nRUN useradd app\nRUN pip install flask\n",
        [(4, "LG005")],
    ),
    # (a home that was there before useradd -m stays root's)
    (
        "FROM python:3.12-slim\n"
        "ENV HOME=/home/app\n"
        "WORKDIR /home/app\n"
        "RUN useradd -m app\n"
        "RUN pip install flask\n",
        [(5, "LG005")],
    ),
    # (the logs an earlier RUN emptied: their modes change nothing of weight)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm"
        " -rf /var/lib/apt/lists/*\n"
        "RUN truncate -s 0 /var/log/*log\n"
        "RUN chmod 755 /var/log/*\n",
        [(3, "LG003")],
    ),
    # (this RUN's install appended to the log before its chmod)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm"
        " -rf /var/lib/apt/lists/*\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends wget && rm"
        " -rf /var/lib/apt/lists/* && chmod 644 /var/log/dpkg.log\n",
        [],
    ),
    # (a builder's bin/Release holds directories)
    (
        "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n"
        "WORKDIR /src\n"
        "COPY . .\n"
        "RUN dotnet build -c Release\n"
        "FROM mcr.microsoft.com/dotnet/runtime:8.0\n"
        "WORKDIR /app\n"
        "COPY --from=build /src/bin/Release ./\n"
        "RUN chmod +x /app/net8.0/MyApp\n",
        [(8, "LG004")],
    ),
    # (wget -r fetches a tree)
    (
        "FROM debian:12\n"
        "ARG URL\n"
        "WORKDIR /opt/site\n"
        'RUN wget -r -np -nH "$URL"\n'
        "RUN rm -rf /opt/site/docs\n",
        [(5, "LG003")],
    ),
    # (nginx.org's package, which the build's apt sources name, has conf.d/default.conf)
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y curl gnupg2 && rm -rf"
        " /var/lib/apt/lists/*\n"
        'RUN echo "deb http://nginx.org/packages/ubuntu jammy nginx" >'
        " /etc/apt/sources.list.d/nginx.list && curl -fsSL"
        " https://nginx.org/keys/nginx_signing.key | apt-key add -\n"
        "RUN apt-get update && apt-get install -y nginx=1.24.0-1~jammy && rm -rf"
        " /var/lib/apt/lists/*\n"
        "RUN rm -f /etc/nginx/conf.d/default.conf\n",
        [(5, "LG003")],
    ),
    # (Kibana 7's tarball keeps -linux-x86_64 in its top)
    (
        "FROM centos:7\n"
        "WORKDIR /opt\n"
        "RUN curl -fsSLO"
        " https://artifacts.elastic.co/downloads/kibana/kibana-7.17.0-linux-x86_64.tar.gz "
        "&& tar -xzf kibana-7.17.0-linux-x86_64.tar.gz && rm kibana-7.17.0-linux-x86_64.tar.gz\n"
        "COPY kibana.yml kibana-7.17.0-linux-x86_64/config/\n",
        [(4, "LG002")],
    ),
    # (an ADD's download is named by its address: not the other one unpacked)
    (
        "FROM alpine:3.18\n"
        "ADD https://github.com/o/a/archive/v1.0.tar.gz /tmp/\n"
        "ADD https://github.com/o/b/archive/v2.0.tar.gz /tmp/\n"
        "RUN tar -xzf /tmp/a-1.0.tar.gz -C /opt\n",
        [],
    ),
    # (nor a removal of another name)
    (
        "FROM alpine:3.18\n"
        "ADD https://github.com/o/r/archive/v1.2.tar.gz /tmp/\n"
        "RUN rm -f /tmp/other-9.tar.gz\n",
        [],
    ),
    # (a known base sets no CATALINA_HOME: the COPY lands elsewhere)
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y tomcat9 && rm -rf /var/lib/apt/lists/*\n"
        "COPY server.xml $CATALINA_HOME/conf/server.xml\n",
        [],
    ),
    # (a known JDK 11 image: no jre/ there)
    ("FROM openjdk:11-jdk\nCOPY local_policy.jar ${JAVA_HOME}/jre/lib/security/\n", []),
    # (a RUN made the directory the variable names)
    (
        "FROM example/base\n"
        "ENV CATALINA_HOME=/opt/tomcat\n"
        'RUN mkdir -p "$CATALINA_HOME/conf"\n'
        "COPY server.xml $CATALINA_HOME/conf/\n",
        [],
    ),
    # (keycloak's images since 5.x are not built on jboss/base)
    (
        "FROM jboss/keycloak:16.1.1\n"
        "COPY standalone-ha.xml keycloak/standalone/configuration/standalone-ha.xml\n",
        [],
    ),
    # (a package's file changed, then edited in place in the same RUN)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends sudo && rm"
        " -rf /var/lib/apt/lists/*\n"
        'RUN chmod u+w /etc/sudoers && echo "app ALL=(ALL) NOPASSWD:ALL" >>'
        " /etc/sudoers && chmod u-w /etc/sudoers\n",
        [],
    ),
    # (the same with sed -i)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends sudo && rm"
        " -rf /var/lib/apt/lists/*\n"
        "RUN chmod u+w /etc/sudoers && sed -i 's/^%sudo.*/%sudo ALL=(ALL)"
        " NOPASSWD:ALL/' /etc/sudoers && chmod u-w /etc/sudoers\n",
        [],
    ),
    # (a log changed, then appended to in the same RUN)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm"
        " -rf /var/lib/apt/lists/*\n"
        'RUN chmod 644 /var/log/dpkg.log && echo "x" >> /var/log/dpkg.log\n',
        [],
    ),
    # (a WORKDIR below the home made it root's before useradd -m)
    (
        "FROM python:3.12-slim\n"
        "ENV HOME=/home/app\n"
        "WORKDIR /home/app/src\n"
        "RUN useradd -m app\n"
        "RUN pip install flask\n",
        [(5, "LG005")],
    ),
    # (so did a COPY below it)
    (
        "FROM python:3.12-slim\n"
        "ENV HOME=/home/app\n"
        "COPY requirements.txt /home/app/src/requirements.txt\n"
        "RUN useradd -m app\n"
        "RUN pip install -r /home/app/src/requirements.txt\n",
        [(5, "LG005")],
    ),
    # (root made ~/.cache in the RUN that runs pip)
    (
        "FROM python:3.12-slim\n"
        "ENV HOME=/home/app\n"
        "RUN useradd -m app\n"
        "RUN mkdir -p /home/app/.cache && pip install flask\n",
        [(4, "LG005")],
    ),
    # (pip run as the user through su: its own home, its cache)
    (
        "FROM python:3.12-slim\n"
        "ENV HOME=/home/app\n"
        "RUN useradd -m app\n"
        'RUN su app -c "pip install --user flask"\n',
        [(4, "LG005")],
    ),
    # (the second build as another user, whose ~/.m2 is empty)
    (
        "FROM maven:3-eclipse-temurin-17\n"
        "RUN useradd -m app\n"
        "WORKDIR /src\n"
        "COPY --chown=app:app . .\n"
        "USER app\n"
        "RUN mvn -B package\n"
        "USER root\n"
        "RUN mvn -B package\n",
        [(6, "LG005"), (8, "LG005")],
    ),
    # (the second build told another repository)
    (
        "FROM maven:3-eclipse-temurin-17\n"
        "WORKDIR /src\n"
        "COPY . .\n"
        "RUN mvn -B package\n"
        'ENV MAVEN_OPTS="-Dmaven.repo.local=/opt/m2repo"\n'
        "RUN mvn -B package\n",
        [(4, "LG005"), (6, "LG005")],
    ),
    # (a log file of an app beside the installs' logs)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm"
        " -rf /var/lib/apt/lists/*\n"
        "RUN touch /var/log/app.log\n"
        "RUN chmod 644 /var/log/dpkg.log\n",
        [(4, "LG004")],
    ),
    # (a directory made in /var/log)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm"
        " -rf /var/lib/apt/lists/*\n"
        "RUN mkdir -p /var/log/app && chown nobody /var/log/app\n"
        "RUN chmod 644 /var/log/dpkg.log\n",
        [(4, "LG004")],
    ),
    # (nginx.org named only as a source download, not a repository)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends nginx && rm"
        " -rf /var/lib/apt/lists/*\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends"
        " build-essential curl ca-certificates libpcre2-dev zlib1g-dev git \\\n"
        " && curl -fsSL https://nginx.org/download/nginx-1.22.1.tar.gz | tar xz -C /tmp \\\n"
        " && git clone --depth 1"
        " https://github.com/openresty/headers-more-nginx-module /tmp/hm \\\n"
        " && cd /tmp/nginx-1.22.1 && ./configure --with-compat"
        " --add-dynamic-module=/tmp/hm && make modules \\\n"
        " && cp objs/ngx_http_headers_more_filter_module.so /usr/lib/nginx/modules/ \\\n"
        " && cd / && rm -rf /tmp/nginx-1.22.1 /tmp/hm \\\n"
        " && apt-get purge -y build-essential libpcre2-dev zlib1g-dev git && apt-get"
        " autoremove -y && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm -f /etc/nginx/conf.d/default.conf\n",
        [],
    ),
    # (Hive's top keeps -bin)
    (
        "FROM eclipse-temurin:17\n"
        "WORKDIR /opt\n"
        "RUN curl -fsSLO"
        " https://archive.apache.org/dist/hive/hive-3.1.3/apache-hive-3.1.3-bin.tar.gz"
        " && tar xzf apache-hive-3.1.3-bin.tar.gz && rm apache-hive-3.1.3-bin.tar.gz\n"
        "COPY ivysettings.xml apache-hive-3.1.3/conf/ivysettings.xml\n",
        [],
    ),
    # (GOPATH=/: the module cache is /pkg/mod; a path of two slashes once hung the model)
    (
        "FROM golang:1.22\nENV GOPATH=/\nCOPY ./ ./\nRUN go mod download\n",
        [(4, "LG005")],
    ),
    # (no USER, then USER root: the base may run as another user, so both are reported)
    (
        "FROM maven:3.9-eclipse-temurin-17\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN mvn -B package -DskipTests\n"
        "USER root\n"
        "RUN mvn -B package -DskipTests\n",
        [(4, "LG005"), (6, "LG005")],
    ),
    # (ENV HOME=/root, root's own)
    (
        "FROM maven:3.9-eclipse-temurin-17\n"
        "USER root\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN mvn -B package -DskipTests\n"
        "USER 0\n"
        "RUN mvn -B package -DskipTests\n",
        [(5, "LG005")],
    ),
    # (nginx.org's repository named through an ENV)
    (
        "FROM debian:bookworm\n"
        "ENV NGINX_REPO=http://nginx.org/packages/mainline/debian\n"
        "RUN apt-get update && apt-get install -y curl gnupg2 ca-certificates \\\n"
        " && curl -fsSL https://nginx.org/keys/nginx_signing.key | gpg --dearmor -o"
        " /usr/share/keyrings/nginx.gpg \\\n"
        ' && echo "deb [signed-by=/usr/share/keyrings/nginx.gpg] $NGINX_REPO bookworm'
        ' nginx" > /etc/apt/sources.list.d/nginx.list \\\n'
        " && apt-get update && apt-get install -y nginx && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm /etc/nginx/conf.d/default.conf\n",
        [(7, "LG003")],
    ),
    # (GOPATH=// is /)
    (
        "FROM golang:1.22\n"
        "ENV GOPATH=//\n"
        "COPY ./ ./\n"
        "RUN go mod download && rm -rf /pkg/mod /root/.cache/go-build\n",
        [],
    ),
    # (a GOPATH list's first entry)
    (
        "FROM golang:1.21\n"
        "ENV GOPATH=/go:/src/vendor\n"
        "WORKDIR /src\n"
        "COPY . .\n"
        "RUN go build -o /app . && rm -rf /go/pkg/mod /root/.cache/go-build\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_SECOND_REVIEW)
def test_the_first_review_of_the_thirty_second_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_THIRTY_THIRD = [
    # tomcat's webapps/ holds nothing since the default applications moved to webapps.dist
    # (2020): a chown -R of it copies up no bytes of the base; an old tag's still holds them
    (
        "FROM tomcat:9-jdk21\nRUN adduser tomcat\nRUN chown -R tomcat /usr/local/tomcat/webapps\n",
        [],
    ),
    (
        "FROM tomcat:9.0.20\nRUN chown -R app /usr/local/tomcat/webapps\n",
        [(2, "LG004")],
    ),
    ("FROM tomcat:9\nRUN chown -R app /usr/local/tomcat\n", [(2, "LG004")]),
    # the configuration images ship: Fluent Bit's plugins.conf, Vector's vector.toml to 0.32
    # and vector.yaml since; Debian's mod_jk's workers.properties and its Apache module files
    (
        "FROM fluent/fluent-bit:1.3\nCOPY plugins.conf /fluent-bit/etc/\n",
        [(2, "LG002")],
    ),
    (
        "FROM timberio/vector:0.18.0-alpine\nCOPY vector.toml /etc/vector/vector.toml\n"
        "COPY vector.yaml /etc/vector/vector.yaml\n",
        [(2, "LG002")],
    ),
    (
        "FROM timberio/vector:0.40.0-debian\nCOPY vector.toml /etc/vector/vector.toml\n"
        "COPY vector.yaml /etc/vector/vector.yaml\n",
        [(3, "LG002")],
    ),
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y apache2 libapache2-mod-jk"
        " && rm -rf /var/lib/apt/lists/*\nCOPY workers.properties /etc/libapache2-mod-jk/\n"
        "COPY jk.conf /etc/apache2/mods-available/jk.conf\n",
        [(3, "LG002"), (4, "LG002")],
    ),
    # TensorFlow Serving's image writes its start script into /usr/bin
    (
        "FROM tensorflow/serving\nCOPY tf_serving_entrypoint.sh /usr/bin/\n",
        [(2, "LG002")],
    ),
    # a public vendor's npm scope copied again out of a builder's node_modules after the whole
    # node_modules: registry packages, never a workspace's links; a project's own scope may be
    (
        "FROM node:22-alpine AS builder\nWORKDIR /app\nCOPY . .\nRUN npm ci\n"
        "FROM node:22-alpine\nWORKDIR /app\n"
        "COPY --from=builder /app/node_modules ./node_modules\n"
        "COPY --from=builder /app/node_modules/@prisma ./node_modules/@prisma\n"
        "COPY --from=builder /app/node_modules/@acme/web ./node_modules/@acme/web\n",
        [(8, "LG002")],
    ),
    # Pterodactyl's game-server images copy their start script to /entrypoint.sh
    ("FROM ghcr.io/pterodactyl/yolks:java_17\nCOPY entrypoint.sh /entrypoint.sh\n", [(2, "LG002")]),
    # wget keeps an address's query in the file's name (`Rushserver.zip?dl=0`), which a later
    # RUN then moves: the download is written again
    (
        "FROM centos:7\nRUN wget https://www.dropbox.com/s/x/Rushserver.zip?dl=0\n"
        "RUN mv Rushserver.zip?dl=0 Rushserver.zip\n",
        [(3, "LG003")],
    ),
    # `pip install .` builds the project where it lies (setuptools' build/ and *.egg-info):
    # removed in that RUN, they are its own, not the copied project's; in a later RUN, its
    (
        "FROM python:3.12\nCOPY . /app\nWORKDIR /app\n"
        "RUN pip install --no-cache-dir . && rm -rf ./build ./dist *.egg-info\n",
        [],
    ),
    (
        "FROM python:3.12\nCOPY . /app\nWORKDIR /app\nRUN pip install --no-cache-dir -e '.[dev]'\n"
        "RUN rm -rf build *.egg-info\n",
        [(5, "LG003")],
    ),
    # a wildcard into a directory of drop-ins brings the project's own sites, named as it
    # chose: not the package's 000-default.conf; into a package's own configuration, its files
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y apache2"
        " && rm -rf /var/lib/apt/lists/*\nCOPY conf/*.conf /etc/apache2/sites-available/\n",
        [],
    ),
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y hadoop"
        " && rm -rf /var/lib/apt/lists/*\nCOPY conf/*.xml /etc/hadoop/conf/\n",
        [],
    ),
    # Frappe's bench pip-installs the apps it gets (and `bench init` frappe itself) with pip's
    # cache on, in frappe's home on its images; `bench setup requirements` too, not `bench
    # setup nginx`
    (
        "FROM frappe/erpnext:v15\nRUN bench get-app wiki\nRUN bench setup nginx\n"
        "RUN bench setup requirements\n",
        [(2, "LG005"), (4, "LG005")],
    ),
    # Tryton's image ships its configuration and the sao web client
    (
        "FROM tryton/tryton:7.0\nCOPY trytond.conf /etc/trytond.conf\n"
        "COPY sao/www /var/lib/trytond/www\n",
        [(2, "LG002"), (3, "LG002")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_THIRD)
def test_the_thirty_third_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


def test_a_cache_bench_left_is_removed_in_frappe_s_home(lint_files: Lint) -> None:
    # (Frappe's images run as frappe: its pip cache is there, not in root's home)
    (found,) = lint_files({"Dockerfile": "FROM frappe/erpnext:v15\nRUN bench get-app wiki\n"})
    assert found.rule == "LG005" and found.fix is not None
    assert found.fix.edits[0].text == "RUN bench get-app wiki && rm -rf /home/frappe/.cache/pip"


def test_an_archive_the_checkout_lacks_in_a_copied_directory(lint_files: Lint) -> None:
    # (the user puts the SDK there before the build: nothing else wrote it, so the tar reads
    # the copy's; not after a program not modelled ran there, which may have made it)
    files = {
        "Dockerfile": "FROM ubuntu:22.04\nWORKDIR /home/app\nCOPY . test-env\n"
        "WORKDIR /home/app/test-env\nRUN tar xvf sdk/tarantool-sdk-3.0.0.tar.gz\n",
        "README.md": "x",
    }
    assert [(f.line, f.rule) for f in lint_files(files)] == [(3, "LG006")]
    files["Dockerfile"] = files["Dockerfile"].replace("RUN tar", "RUN ./fetch-sdk.sh\nRUN tar")
    files["fetch-sdk.sh"] = 'curl -o sdk/tarantool-sdk-3.0.0.tar.gz "$SDK_URL"\n'
    assert [(f.line, f.rule) for f in lint_files(files) if f.rule == "LG006"] == []
    # (nor what the RUN itself fetched, under the other name unzip tries: x.tpz.zip)
    godot = {
        "Dockerfile": "FROM alpine:3.18\nWORKDIR /app\nCOPY . .\n"
        "RUN wget -q https://example.org/t.tpz && unzip t.tpz && rm -f t.tpz\n",
        "README.md": "x",
    }
    assert [(f.line, f.rule) for f in lint_files(godot) if f.rule == "LG006"] == []
    del files["fetch-sdk.sh"]
    files["Dockerfile"] = files["Dockerfile"].replace("./fetch-sdk.sh", "get-sdk --into sdk")
    assert [(f.line, f.rule) for f in lint_files(files) if f.rule == "LG006"] == []


# The thirty-third session's first reviews: their cases, each a fault the fixes undo.
_THIRTY_THIRD_REVIEW = [
    # the RUN's own GO111MODULE decides the mode; Go 1.10's `go get -d` after `-d` builds
    # nothing, so the `go install` after it fills the build cache
    (
        "FROM golang:1.12\nWORKDIR /go/src/github.com/acme/app\nCOPY . .\n"
        "RUN GO111MODULE=on go get -d -v ./...\n",
        [(4, "LG005")],
    ),
    (
        "FROM golang:1.15\nWORKDIR /app\nRUN export GO111MODULE=off && go get -d github.com/x/y\n",
        [],
    ),
    (
        "FROM golang:1.11\nWORKDIR /go/src/app\nCOPY . .\nRUN go get -d -v ./...\n"
        "RUN go install -v ./...\n",
        [(5, "LG005")],
    ),
    # what an earlier RUN's build wrote in build/ is its layer's, whatever pip builds after
    (
        "FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nRUN python setup.py build_ext --inplace\n"
        "RUN pip install --no-cache-dir . && rm -rf build *.egg-info\n",
        [(5, "LG003")],
    ),
    # pip's project spellings: --editable=, a relative editable path, a src layout
    (
        "FROM python:3.12\nWORKDIR /app\nCOPY . .\n"
        "RUN pip install --no-cache-dir --editable=.[dev] && rm -rf build *.egg-info\n"
        "RUN pip install --no-cache-dir -e src/mypkg && rm -rf src/mypkg/build\n"
        "RUN pip install --no-cache-dir . && rm -rf src/*.egg-info build\n",
        [],
    ),
    # a program a script not read may have put in /: a distribution's own image then
    # holds it as much as any
    (
        "FROM centos:7\nRUN curl -fsSL https://example.com/get-agent.sh | bash\n"
        "RUN chmod 755 /start-agent.sh\n",
        [(3, "LG004")],
    ),
    # wget's --content-disposition names the file by the server's name: the address's, without
    # its query, is the likeliest; each address of several keeps its query
    (
        "FROM debian:12\nWORKDIR /opt\n"
        'RUN wget --content-disposition "https://www.dropbox.com/s/abc/server.zip?dl=1"\n'
        "RUN unzip server.zip && rm server.zip\n",
        [(4, "LG003")],
    ),
    (
        "FROM debian:12\nWORKDIR /opt\n"
        "RUN wget https://x.org/a.zip?raw=true https://x.org/b.zip?raw=true\n"
        "RUN rm b.zip?raw=true\n",
        [(4, "LG003")],
    ),
    # installer media: not a source tree whose script installs what make built, nor a tree of
    # which only the installer is removed
    (
        "FROM debian:12\nADD redis-6.2.14.tar.gz /usr/src/\n"
        "RUN cd /usr/src/redis-6.2.14 && make && make install && ./utils/install_server.sh\n"
        "RUN rm -rf /usr/src/redis-6.2.14\n",
        [(4, "LG003")],
    ),
    (
        "FROM debian:12\nADD tools.tar.gz /opt/tools/\n"
        "RUN /opt/tools/install-deps && rm /opt/tools/install-deps\n",
        [(3, "LG003")],
    ),
    # a split configuration's own files copied by a wildcard into its conf.d are the
    # package's again; Apache's sites are the project's own
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y dovecot-imapd"
        " && rm -rf /var/lib/apt/lists/*\nCOPY conf.d/10-*.conf /etc/dovecot/conf.d/\n"
        "COPY auth-sql.conf.ext /etc/dovecot/conf.d/auth-sql.conf.ext\n",
        [(3, "LG002"), (4, "LG002")],
    ),
    # pnpm links every package in node_modules, a vendor's scope's too: copied again, links
    (
        "FROM node:20-alpine AS builder\nRUN corepack enable\nWORKDIR /app\nCOPY . .\n"
        "RUN pnpm install --frozen-lockfile && pnpm build\nFROM node:20-alpine\nWORKDIR /app\n"
        "COPY --from=builder /app/node_modules ./node_modules\n"
        "COPY --from=builder /app/node_modules/@prisma ./node_modules/@prisma\n",
        [],
    ),
    # images: tomcat's temp/ (an empty file), Fluent Bit from its own registry, the yolks of
    # the eggs' organisations, TensorFlow Serving's -devel tags (no start script), the bench
    # image's WORKDIR (/home/frappe)
    ("FROM tomcat:10.1\nRUN chown -R tomcat /usr/local/tomcat/temp\n", []),
    (
        "FROM cr.fluentbit.io/fluent/fluent-bit:3.0\nCOPY plugins.conf /fluent-bit/etc/\n",
        [(2, "LG002")],
    ),
    ("FROM ghcr.io/ptero-eggs/yolks:java_21\nCOPY entrypoint.sh /entrypoint.sh\n", [(2, "LG002")]),
    (
        "FROM tensorflow/serving:2.11.0-devel\n"
        "COPY tf_serving_entrypoint.sh /usr/bin/tf_serving_entrypoint.sh\n",
        [],
    ),
    (
        "FROM frappe/bench:latest\nCOPY --chown=frappe:frappe apps.tar.gz ./\n"
        "RUN mkdir -p /home/frappe/apps && tar xzf /home/frappe/apps.tar.gz -C /home/frappe/apps\n",
        [(2, "LG006")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_THIRD_REVIEW)
def test_the_first_reviews_of_the_thirty_third_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


def test_a_listed_tree_copied_over_a_composer_project_brings_the_same_lock(
    lint_files: Lint,
) -> None:
    # (the build context lists composer.lock in `COPY . .`: the lock the first copy brought,
    # so the second install finds every package in vendor/; a COPY naming another lock does not)
    files = {
        "Dockerfile": "FROM php:8.2-fpm\nWORKDIR /var/www/html\n"
        "COPY composer.json composer.lock ./\nRUN composer install --no-dev --no-scripts\n"
        "COPY . .\nRUN chown -R www-data storage\n"
        "RUN composer install --no-dev --optimize-autoloader\n",
        "composer.json": "{}\n",
        "composer.lock": "{}\n",
        "artisan": "x\n",
    }
    assert [(f.line, f.rule) for f in lint_files(files) if f.rule == "LG005"] == [(4, "LG005")]
    files["Dockerfile"] = files["Dockerfile"].replace("COPY . .", "COPY prod/composer.lock .")
    files["prod/composer.lock"] = "{}\n"
    found = [(f.line, f.rule) for f in lint_files(files) if f.rule == "LG005"]
    assert found == [(4, "LG005"), (7, "LG005")]


# The thirty-third session's third review (of the archive the checkout lacks and the fixes of
# the first two): each case a fault the fixes undo.
_THIRTY_THIRD_THIRD_REVIEW = [
    # a pip build after a clone is this RUN's own
    (
        "FROM python:3.11-slim\nWORKDIR /usr/src\nRUN git clone https://github.com/acme/lib.git\n"
        "RUN cd lib && pip install --no-cache-dir . && rm -rf build\n",
        [],
    ),
    # pnpm's hoisted linker leaves real packages in node_modules
    (
        "FROM node:20-alpine AS builder\nRUN corepack enable\nWORKDIR /app\nCOPY . .\n"
        "RUN pnpm install --frozen-lockfile --config.node-linker=hoisted && pnpm build\n"
        "FROM node:20-alpine\nWORKDIR /app\nCOPY --from=builder /app/node_modules ./node_modules\n"
        "COPY --from=builder /app/node_modules/@prisma ./node_modules/@prisma\n",
        [(9, "LG002")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_THIRD_THIRD_REVIEW)
def test_the_third_review_of_the_thirty_third_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


@pytest.mark.parametrize(
    "run",
    [
        # built or fetched by this RUN under a name the model does not predict
        "RUN cmake -B build && cmake --build build --target package && dpkg -i build/zpc-amd64.deb",
        "RUN curl -JLO https://github.com/acme/tool/archive/v1.2.tar.gz && tar xzf tool-1.2.tar.gz",
        "RUN pip download --no-deps -d wheels torch==2.1.0 && pip install wheels/torch-2.1.whl",
        # written by an earlier RUN, or mounted
        "RUN npm pack\nRUN tar xzf app-1.0.0.tgz -C /opt",
        "RUN python3 /app/get_sdk.py --out /app/sdk\nRUN tar xzf sdk/sdk-3.0.tar.gz -C /opt",
        "RUN --mount=type=bind,source=sdk-3.0.tar.gz,target=/app/sdk-3.0.tar.gz"
        " tar xzf sdk-3.0.tar.gz -C /opt",
    ],
)
def test_an_archive_the_checkout_lacks_that_another_step_may_have_made(
    lint_files: Lint, run: str
) -> None:
    files = {
        "Dockerfile": f"FROM ubuntu:22.04\nWORKDIR /app\nCOPY . .\n{run}\n",
        "CMakeLists.txt": "x\n",
        "get_sdk.py": "print(1)\n",
    }
    assert [(f.line, f.rule) for f in lint_files(files) if f.rule in ("LG006", "LG003")] == []


def test_an_archive_no_wildcard_or_base_image_brings(lint_files: Lint) -> None:
    # (a file wildcard brings no archive; php's source tarball is the base image's)
    files = {
        "Dockerfile": "FROM ubuntu:22.04\nWORKDIR /app\nCOPY requirements*.txt ./\n"
        "RUN tar xzf sdk-3.0.tar.gz -C /opt\n",
        "requirements.txt": "x\n",
    }
    assert [f.rule for f in lint_files(files) if f.rule == "LG006"] == []
    files = {
        "Dockerfile": "FROM php:8.2-cli\nCOPY ext/ /usr/src/\n"
        "RUN mkdir -p /usr/src/php && tar -xf /usr/src/php.tar.xz -C /usr/src/php\n",
        "ext/myext/config.m4": "x\n",
    }
    assert [f.rule for f in lint_files(files) if f.rule == "LG006"] == []


# The thirty-third session's fourth review (of the third's fixes): each a fault the fixes undo.
_THIRTY_THIRD_FOURTH_REVIEW = [
    # pnpm: its install in exec form or over continued lines; a comment naming it is no
    # install; the hoisted linker set by the environment
    (
        "FROM node:20-alpine AS builder\nWORKDIR /app\nCOPY . .\n"
        'RUN ["pnpm", "install", "--frozen-lockfile"]\n'
        "FROM node:20-alpine\nWORKDIR /app\nCOPY --from=builder /app/node_modules ./node_modules\n"
        "COPY --from=builder /app/node_modules/@prisma ./node_modules/@prisma\n",
        [],
    ),
    (
        "FROM node:20-alpine AS builder\nWORKDIR /app\nCOPY . .\n"
        "# we use npm, not pnpm, to install\nRUN npm ci && npm run build\n"
        "FROM node:20-alpine\nWORKDIR /app\nCOPY --from=builder /app/node_modules ./node_modules\n"
        "COPY --from=builder /app/node_modules/@prisma ./node_modules/@prisma\n",
        [(9, "LG002")],
    ),
    (
        "FROM node:20-alpine AS builder\nWORKDIR /app\nCOPY . .\n"
        "ENV NPM_CONFIG_NODE_LINKER=hoisted\n"
        "RUN pnpm install --frozen-lockfile\n"
        "FROM node:20-alpine\nWORKDIR /app\nCOPY --from=builder /app/node_modules ./node_modules\n"
        "COPY --from=builder /app/node_modules/@prisma ./node_modules/@prisma\n",
        [(9, "LG002")],
    ),
    # pnpm: shamefully-hoist keeps pnpm's links; an install with a flag's value is pnpm's
    (
        "FROM node:20-alpine AS builder\nWORKDIR /app\nCOPY . .\n"
        "RUN pnpm install --frozen-lockfile --shamefully-hoist && pnpm build\n"
        "FROM node:20-alpine\nWORKDIR /app\nCOPY --from=builder /app/node_modules ./node_modules\n"
        "COPY --from=builder /app/node_modules/@prisma ./node_modules/@prisma\n",
        [],
    ),
    (
        "FROM node:20-alpine AS builder\nWORKDIR /app\nCOPY . .\n"
        "RUN pnpm --filter api install --frozen-lockfile && pnpm build\n"
        "FROM node:20-alpine\nWORKDIR /app\nCOPY --from=builder /app/node_modules ./node_modules\n"
        "COPY --from=builder /app/node_modules/@prisma ./node_modules/@prisma\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_THIRD_FOURTH_REVIEW)
def test_the_fourth_review_of_the_thirty_third_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


@pytest.mark.parametrize(
    ("dockerfile", "expected"),
    [
        # what installs packages or makes users first writes no archive there
        (
            "FROM ubuntu:22.04\nWORKDIR /app\nCOPY . .\nRUN apt-get update"
            " && apt-get install -y ./debs/tool_1.0_amd64.deb && rm -rf /var/lib/apt/lists/*\n",
            [(3, "LG006")],
        ),
        # a mount that cannot cover the archive
        (
            "FROM ubuntu:22.04\nWORKDIR /app\nCOPY . .\n"
            "RUN --mount=type=secret,id=npmrc tar xzf sdk/sdk-3.0.tar.gz -C /opt\n",
            [(3, "LG006")],
        ),
        # a RUN between that writes nothing under a name not known
        (
            "FROM ubuntu:22.04\nCOPY . /app\nRUN useradd -r app\n"
            "RUN tar xzf /app/sdk/sdk-3.0.tar.gz -C /opt && rm /app/sdk/sdk-3.0.tar.gz\n",
            [(2, "LG006"), (4, "LG003")],
        ),
        # below a tree only the distribution fills
        (
            "FROM ubuntu:22.04\nCOPY . /usr/share/myapp\n"
            "RUN tar xzf /usr/share/myapp/sdk/sdk-3.0.tar.gz -C /opt\n",
            [(2, "LG006")],
        ),
        # a .deb that an unzip of this RUN made where it lies is the RUN's own
        (
            "FROM ubuntu:22.04\nWORKDIR /app\nCOPY . .\n"
            "RUN unzip -q sdk/bundle.zip && dpkg -i tool_1.0_amd64.deb && rm tool_1.0_amd64.deb\n",
            [(3, "LG006")],
        ),
    ],
)
def test_an_archive_the_checkout_lacks_after_steps_that_write_no_unknown_name(
    lint_files: Lint, dockerfile: str, expected: list[tuple[int, str]]
) -> None:
    files = {"Dockerfile": dockerfile, "app.py": "print(1)\n"}
    found = [(f.line, f.rule) for f in lint_files(files) if f.rule in ("LG003", "LG006")]
    assert found == expected


@pytest.mark.parametrize(
    "dockerfile",
    [
        # a package manager told to save package files, in the RUN or one between
        "FROM ubuntu:22.04\nCOPY . /app\n"
        "RUN apt-get update && cd /app/debs && apt-get download tool"
        " && rm -rf /var/lib/apt/lists/*\nRUN dpkg -i /app/debs/tool_1.0_amd64.deb\n",
        "FROM ubuntu:22.04\nWORKDIR /app\nCOPY . .\n"
        "RUN apt-get update && apt-get download tool && dpkg -i tool_1.0_amd64.deb\n",
        "FROM fedora:40\nCOPY . /app\nRUN dnf download --destdir /app/rpms tool"
        " && rpm -i /app/rpms/tool-1.0-1.x86_64.rpm\n",
        # a mount over the archive: relative to the WORKDIR, through a variable, a secret's
        "FROM ubuntu:22.04\nWORKDIR /app\nCOPY . .\n"
        "RUN --mount=type=bind,source=sdk,target=sdk tar xzf sdk/sdk-3.0.tar.gz -C /opt\n",
        "FROM ubuntu:22.04\nENV SDK_DIR=/app/sdk\nWORKDIR /app\nCOPY . .\n"
        "RUN --mount=type=bind,source=sdk,target=${SDK_DIR} tar xzf sdk/sdk-3.0.tar.gz -C /opt\n",
        "FROM ubuntu:22.04\nWORKDIR /app\nCOPY . .\nRUN --mount=type=secret,id=sdk,"
        "target=/app/sdk/sdk-3.0.tar.gz tar xzf sdk/sdk-3.0.tar.gz -C /opt\n",
        # an install into the copied directory
        "FROM continuumio/miniconda3\nWORKDIR /app\nCOPY . .\nRUN conda install -y -p /app/env sdk"
        " && conda clean -afy && tar xzf env/share/sdk/data.tar.gz -C /opt\n",
    ],
)
def test_an_archive_the_checkout_lacks_that_a_download_mount_or_install_gives(
    lint_files: Lint, dockerfile: str
) -> None:
    files = {"Dockerfile": dockerfile, "app.py": "print(1)\n"}
    assert [f.line for f in lint_files(files) if f.rule == "LG006"] == []


_THIRTY_FOURTH = [
    # the images of data platforms: Superset's source tree in its WORKDIR /app (its default
    # config.py), Prefect's start script and, on its 2.x tags, the requirements it installed
    ("FROM apache/superset\nCOPY config.py superset/config.py\n", [(2, "LG002")]),
    ("FROM apache/superset:3.1.2\nCOPY config.py superset/config2.py\n", []),
    ("FROM prefecthq/prefect:2.4.0-python3.9\nCOPY requirements.txt .\n", [(2, "LG002")]),
    ("FROM prefecthq/prefect:3-python3.12\nCOPY requirements.txt .\n", []),
    ("FROM prefecthq/prefect:3-python3.12\nCOPY entrypoint.sh .\n", [(2, "LG002")]),
    # wget saves an address of no file name as index.html: the RUN that fetched it removes
    # its own file, not one the tarball an earlier RUN unpacked there may hold
    (
        "FROM ubuntu:18.10\nRUN wget https://www.cpan.org/src/perl-5.28.1.tar.gz"
        " && tar -xzf perl-5.28.1.tar.gz\n"
        "RUN wget https://cpanmin.us && perl index.html App::cpanminus && rm -f index.html\n",
        [(3, "LG005")],
    ),
    (
        "FROM ubuntu:18.10\nRUN wget https://example.org/ && tar -xzf /x.tgz -C /srv\n"
        "RUN rm /index.html\n",
        [(3, "LG003")],
    ),
    # cpanm saved as a file and run by perl leaves its work directory as cpanm run does
    (
        "FROM perl:5.36\nRUN wget -O cpanm https://cpanmin.us && perl cpanm Mojolicious\n",
        [(2, "LG005")],
    ),
    ("FROM perl:5.36\nRUN perl Makefile.PL && make install\n", []),
    # a tree copied back to where it was from a stage whose base holds the same known files
    # there: both Ubuntu's /root/.bashrc
    (
        "FROM swift:5.0.2-xenial AS b\nWORKDIR /root\nCOPY . .\n"
        "FROM swift:5.0.2-xenial-slim\nWORKDIR /root\nCOPY --from=b /root .\n",
        [(6, "LG002")],
    ),
    (
        "FROM ubuntu:22.04 AS b\nRUN echo\nFROM ubuntu:22.04\n"
        "COPY --from=b /root/.local /root/.local\n",
        [],
    ),
    # alpine:3 is the newest 3.x, which holds the CA bundle
    (
        "FROM alpine:3\nCOPY --from=b /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n",
        [(2, "LG002")],
    ),
    # Ubuntu's rsyslog ships /etc/rsyslog.d/50-default.conf; Debian's does not
    (
        "FROM ubuntu:16.04\nRUN apt-get update && apt-get install -y rsyslog\n"
        "COPY 50-default.conf /etc/rsyslog.d/50-default.conf\n",
        [(2, "LG005"), (3, "LG002")],
    ),
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y rsyslog\n"
        "COPY 50-default.conf /etc/rsyslog.d/50-default.conf\n",
        [(2, "LG005")],
    ),
    # the Beats' images: the default configuration in their home, their WORKDIR
    ("FROM docker.elastic.co/beats/filebeat:6.7.0\nCOPY filebeat.yml .\n", [(2, "LG002")]),
    # rclone's image works in /data: a root filesystem copied to `.` lands there
    ("FROM node:12 AS n\nRUN apt-get install -y x\nFROM rclone/rclone\nCOPY --from=n . .\n", []),
    # cargo test (run, check, ...) fetches the crates into the registry, as build does
    ("FROM rust:1.66\nWORKDIR /app\nCOPY . .\nRUN cargo test\n", [(4, "LG005")]),
    ("FROM rust:1.66\nRUN cargo --version\n", []),
    # COPY --parents keeps each file's directories: these two cannot write the same file
    (
        "FROM alpine\nWORKDIR /ws\nCOPY --parents src/*/package.xml .\n"
        "COPY --parents src/*/*/package.xml .\n",
        [],
    ),
    (
        "FROM alpine\nCOPY --parents src/./b/x.txt /opt/\nCOPY b/x.txt /opt/b/x.txt\n",
        [(3, "LG002")],
    ),
    # the nginx image's mime.types; Debian's gitweb and cgit packages' files; Tomcat's Alpine
    # tags, last built before the default applications left webapps/
    ("FROM nginx\nADD mime.types /etc/nginx/mime.types\n", [(2, "LG002")]),
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y gitweb cgit"
        " && rm -rf /var/lib/apt/lists/*\nADD gitweb.conf /etc/gitweb.conf\n"
        "COPY syntax-highlighting.sh /usr/lib/cgit/filters/\n",
        [(3, "LG002"), (4, "LG002")],
    ),
    ("FROM tomcat:9-alpine\nRUN rm -rf /usr/local/tomcat/webapps/ROOT\n", [(2, "LG003")]),
    ("FROM tomcat:9-jdk17\nRUN rm -rf /usr/local/tomcat/webapps/ROOT\n", []),
    # a builder's files copied from the context by name, back over the same context files a
    # copy of this stage wrote
    (
        "FROM node:14 AS builder\nWORKDIR /app\nCOPY package* ./\nRUN npm ci\n"
        "FROM alpine:3.14\nWORKDIR /app\nCOPY ./ ./\nCOPY --from=builder /app ./\n",
        [(8, "LG002")],
    ),
    (
        "FROM node:14 AS builder\nWORKDIR /app\nCOPY package* ./\nRUN npm ci\n"
        "FROM alpine:3.14\nWORKDIR /app\nCOPY src/ ./\nCOPY --from=builder /app ./\n",
        [],
    ),
    # go get -d on Go 1.13 to 1.15 where no go.mod can be: GOPATH mode, no module cache
    (
        "FROM golang:1.14\nCOPY main.go .\nRUN go get -d -v . && rm -f main.go\n",
        [(3, "LG003")],
    ),
    ("FROM golang:1.14\nCOPY . .\nRUN go get -d -v .\n", [(3, "LG005")]),
    ("FROM golang:1.16\nCOPY main.go .\nRUN go get -d -v .\n", [(3, "LG005")]),
    # yarn upgrade (Yarn 2's up) fetches the new versions into the cache, as install does
    ("FROM node:20-alpine\nCOPY package.json yarn.lock ./\nRUN yarn upgrade\n", [(3, "LG005")]),
    ("FROM node:20-alpine\nCOPY package.json yarn.lock ./\nRUN yarn up\n", [(3, "LG005")]),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_FOURTH)
def test_the_thirty_fourth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


def test_files_copied_into_cron_s_directories_land_inside_them(lint_files: Lint) -> None:
    # (Alpine's /etc/periodic/15min is a directory: each script lands inside it by its name,
    # and a chmod of one copies that one up)
    files = {
        "Dockerfile": "FROM alpine:3.19\nADD test /etc/periodic/15min\n"
        "ADD upload.sh /etc/periodic/15min\nRUN chmod +x /etc/periodic/15min/test\n",
        "test": "#!/bin/sh\necho hi\n",
        "upload.sh": "#!/bin/sh\necho up\n",
    }
    assert [(f.line, f.rule) for f in lint_files(files)] == [(4, "LG004")]


_THIRTY_FOURTH_REVIEW = [
    # a root filesystem copied to `.` or a quoted "/" lands on / (distroless, busybox: no WORKDIR)
    (
        "FROM node:18 AS n\nRUN apt-get update && apt-get install -y curl"
        " && rm -rf /var/lib/apt/lists/*\nFROM gcr.io/distroless/base-debian12\n"
        "COPY --from=n . .\n",
        [(4, "LG002")],
    ),
    (
        "FROM node:18 AS n\nRUN apt-get install -y x\nFROM busybox:1.36\nCOPY --from=n . .\n",
        [(4, "LG002")],
    ),
    (
        'FROM node:12 AS n\nRUN apt-get install -y x\nFROM foo/bar\nCOPY --from=n / "/"\n',
        [(4, "LG002")],
    ),
    # a tree copied back lacks what the builder's RUNs removed or moved away
    (
        "FROM nginx:1.25 AS config\nRUN rm -rf /etc/nginx/conf.d/*\n"
        "COPY site.conf /etc/nginx/conf.d/site.conf\nFROM nginx:1.25-alpine\n"
        "COPY --from=config /etc/nginx/conf.d /etc/nginx/conf.d\n",
        [],
    ),
    (
        "FROM nginx:1.25 AS config\nRUN echo x > /etc/nginx/conf.d/app.conf\n"
        "FROM nginx:1.25-alpine\n"
        "COPY --from=config /etc/nginx/conf.d /etc/nginx/conf.d\n",
        [(4, "LG002")],
    ),
    # a context copy with --exclude: which files it left out is not known
    (
        "# syntax=docker/dockerfile:1.7-labs\nFROM node:18 AS builder\nWORKDIR /app\n"
        "COPY package* ./\nRUN npm ci && npm cache clean --force\nFROM node:18-slim\n"
        "WORKDIR /app\nCOPY --exclude=package* . .\nCOPY --from=builder /app ./\n",
        [],
    ),
    # Prefect 1.x has no /opt/prefect; the Beats' other variants, the nginx image's other params,
    # Ubuntu's rsyslog on an image whose tag names Ubuntu, and one purged in the same RUN
    ("FROM prefecthq/prefect:1.2.0-python3.9\nCOPY entrypoint.sh .\n", []),
    (
        "FROM docker.elastic.co/beats/filebeat-oss:7.10.2\n"
        "COPY filebeat.yml /usr/share/filebeat/filebeat.yml\n",
        [(2, "LG002")],
    ),
    ("FROM nginx:1.25-alpine\nCOPY uwsgi_params /etc/nginx/uwsgi_params\n", [(2, "LG002")]),
    (
        "FROM nvidia/cuda:12.2.0-runtime-ubuntu22.04\nRUN apt-get update"
        " && apt-get install -y rsyslog && rm -rf /var/lib/apt/lists/*\n"
        "COPY 50-default.conf /etc/rsyslog.d/50-default.conf\n",
        [(3, "LG002")],
    ),
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y rsyslog"
        " && apt-get purge -y rsyslog && rm -rf /var/lib/apt/lists/*\n"
        "COPY 50-default.conf /etc/rsyslog.d/50-default.conf\n",
        [],
    ),
]


_THIRTY_FOURTH_SECOND_REVIEW = [
    # go get -d is GOPATH mode only where the RUN runs it in the WORKDIR with nothing before it
    # that may write a go.mod (`go mod init`, a cd into a copied tree)
    (
        "FROM golang:1.14\nWORKDIR /app\nCOPY main.go .\n"
        "RUN go mod init example.com/app && go get -d -v ./...\n",
        [(4, "LG005")],
    ),
    ("FROM golang:1.14\nCOPY . /src\nRUN cd /src && go get -d -v ./...\n", [(3, "LG005")]),
    # make install blinds removals under its prefix only (configure's --prefix, make's PREFIX,
    # /usr/local when not told); cmake --build --target install is an install too
    (
        "FROM python:3.11\nCOPY . /app\nRUN cd /tmp/sqlite && ./configure && make && make install"
        " && rm -rf /app/tests\n",
        [(3, "LG003")],
    ),
    (
        "FROM debian:bookworm-slim\nARG PREFIX=/w64devkit\nCOPY src/SHA256SUMS $PREFIX/src/\n"
        "RUN /src/configure --prefix=$PREFIX && make && cmake --build build --target install"
        " && rm $PREFIX/bin/elfedit.exe\n",
        [],
    ),
    # cargo's other commands fetch nothing offline, nor after a `cargo fetch`, which both
    # downloads and unpacks every crate (cargo's RegistrySource::finish_download unpacks; the
    # thirty-eighth session)
    (
        "FROM rust:1.75\nWORKDIR /app\nCOPY . .\nRUN cargo fetch\nRUN cargo test --offline\n"
        "RUN cargo build --release\nRUN cargo test --release -- --help\n",
        [(4, "LG005")],
    ),
    (
        "FROM rust:1.75\nWORKDIR /app\nCOPY . .\nRUN cargo test --offline\n"
        "RUN cargo build --release\nRUN cargo test --release -- --help\n",
        [(5, "LG005"), (6, "LG005")],
    ),
    # perl runs cpanm by the script's name, whatever options come first; not CPAN.pm's cpan
    (
        "FROM perl:5.36\nRUN perl /usr/local/bin/cpan App::cpanminus && rm -rf /root/.cpan\n"
        "RUN perl -Ilib /tmp/cpanm -n Mojolicious\n",
        [(3, "LG005")],
    ),
    # COPY --parents of a directory puts its contents below its own path
    (
        "FROM node:20\nWORKDIR /repo\nCOPY --parents services/api/ ./\n"
        "RUN rm -rf services/node_modules\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_FOURTH_REVIEW)
def test_the_review_of_the_thirty_fourth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_FOURTH_SECOND_REVIEW)
def test_the_second_review_of_the_thirty_fourth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_THIRTY_FOURTH_THIRD_REVIEW = [
    # go get -d in GOPATH mode: beside another go get -d, after an install of git, in a directory
    # a cd names; not after a go mod init
    (
        "FROM golang:1.14\nWORKDIR /go/src/app\nCOPY main.go ./cmd/server/\n"
        "RUN go get -d -v github.com/gorilla/mux && go get -d -v github.com/lib/pq\n"
        "RUN apk add --no-cache git && go get -d -v ./...\n"
        "RUN cd cmd/server && go get -d -v ./...\n",
        [],
    ),
    # cargo: a tool's install is not the project's fetch; a registry removed is fetched again;
    # what follows `--` is the program's
    (
        "FROM rust:1.75\nRUN cargo install cargo-audit\nWORKDIR /app\nCOPY . .\n"
        "RUN cargo clippy --release -- -D warnings\n",
        [(2, "LG005"), (5, "LG005")],
    ),
    (
        "FROM rust:1.75\nWORKDIR /app\nCOPY . .\n"
        "RUN cargo build --release && rm -rf /usr/local/cargo/registry\nRUN cargo test --release\n",
        [(5, "LG005")],
    ),
    # perl: code on the command line runs no script; cpanm saved as cpanminus.pl, or after -I DIR
    (
        "FROM nginx:1.25\nWORKDIR /usr/share/nginx/html\n"
        "RUN perl -pi -e's/nginx/mysite/g' index.html 50x.html\n"
        "RUN curl -fsSL -o /tmp/cpanminus.pl https://cpanmin.us"
        " && perl /tmp/cpanminus.pl App::cpanminus\n"
        "RUN perl -I /tmp/lib /tmp/cpanm -n Mojolicious\n",
        [(4, "LG005"), (5, "LG005")],
    ),
    # COPY --parents of directories a wildcard names: their contents land below each
    (
        "FROM node:20-slim\nWORKDIR /app\nCOPY --parents packages/*/ ./\n"
        "RUN rm -rf packages/web/node_modules\n",
        [(4, "LG003")],
    ),
    # a context copy's --exclude leaves out only what it matches; the --from copy's own too
    (
        "FROM node:18 AS builder\nWORKDIR /app\nCOPY package* ./\n"
        "RUN npm ci && npm cache clean --force\nFROM node:18-slim\nWORKDIR /app\n"
        "COPY --exclude=node_modules . .\nCOPY --from=builder /app ./\n",
        [(8, "LG002")],
    ),
    (
        "FROM node:18 AS builder\nWORKDIR /app\nCOPY package* ./\n"
        "RUN npm ci && npm cache clean --force\nFROM node:18-slim\nWORKDIR /app\n"
        "COPY . .\nCOPY --from=builder --exclude=package* /app ./\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_FOURTH_THIRD_REVIEW)
def test_the_third_review_of_the_thirty_fourth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_THIRTY_FOURTH_FIFTH_REVIEW = [
    # a tree copied back from a stage keeps the base's known files its RUNs did not remove, or
    # wrote again after removing them; the shell's * skips dotfiles
    (
        "FROM ubuntu:22.04 AS builder\nRUN pip install --user requests && rm -rf /root/.cache\n"
        "FROM ubuntu:22.04\nCOPY --from=builder /root /root\n",
        [(4, "LG002")],
    ),
    (
        "FROM nginx:1.25 AS config\nRUN rm /etc/nginx/conf.d/default.conf\n"
        "COPY default.conf /etc/nginx/conf.d/default.conf\nFROM nginx:1.25\n"
        "COPY --from=config /etc/nginx/conf.d /etc/nginx/conf.d\n",
        [(5, "LG002")],
    ),
    (
        "FROM ubuntu:22.04 AS builder\nRUN rm -rf /root/*\nFROM ubuntu:22.04\n"
        "COPY --from=builder /root /root\n",
        [(4, "LG002")],
    ),
    # COPY --parents with a wildcard above a named directory puts its contents below it
    (
        "FROM node:20\nWORKDIR /app\nCOPY --parents packages/*/dist/ ./\n"
        "RUN rm -rf /app/packages/a/dist\n",
        [(4, "LG003")],
    ),
    # --exclude's `**/` matches at the top too
    (
        "FROM node:20 AS build\nWORKDIR /app\nCOPY package.json ./\n"
        "RUN npm install && npm cache clean --force\nFROM node:20\nWORKDIR /app\n"
        "COPY --exclude=**/package.json . .\nCOPY --from=build /app ./\n",
        [],
    ),
    # the distributions' nginx packages ship uwsgi_params and scgi_params too
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y nginx"
        " && rm -rf /var/lib/apt/lists/*\nCOPY uwsgi_params /etc/nginx/uwsgi_params\n",
        [(3, "LG002")],
    ),
    (
        "FROM alpine:3.19\nRUN apk add --no-cache nginx\nCOPY scgi_params /etc/nginx/scgi_params\n",
        [(3, "LG002")],
    ),
    # perl: the script after `--`; an option's value is not code
    (
        "FROM perl:5.38\nRUN perl -- cpanm -n Foo\nRUN perl -mlib=extlib cpanm Foo\n",
        [(2, "LG005"), (3, "LG005")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_FOURTH_FIFTH_REVIEW)
def test_the_fifth_review_of_the_thirty_fourth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_THIRTY_FIFTH = [
    # a stage built FROM a stage that has no instructions has the image's WORKDIR
    ("FROM tomcat:9 AS base\nFROM base\nCOPY server.xml conf/\n", [(3, "LG002")]),
    ("FROM debian:12 AS base\nFROM base\nCOPY server.xml conf/\n", []),
    # official images' own WORKDIRs
    ("FROM redis:7\nCOPY redis.conf .\nRUN chown redis /data/redis.conf\n", [(3, "LG004")]),
    ("FROM redis:7\nCOPY redis.conf /etc/\nRUN chown redis /data/redis.conf\n", []),
    ("FROM httpd:2.4\nCOPY httpd.conf conf/\n", [(2, "LG002")]),
    (
        "FROM jetty:9\nCOPY a.war webapps/ROOT.war\nRUN chown jetty webapps/ROOT.war\n",
        [(3, "LG004")],
    ),
    # cargo offline through the environment fetches nothing; cargo-chef's cook, zigbuild and
    # nextest's run build, fetching the crates
    ("FROM rust:1.75\nENV CARGO_NET_OFFLINE=true\nCOPY . .\nRUN cargo test\n", []),
    ("FROM rust:1.75\nENV CARGO_NET_OFFLINE=false\nCOPY . .\nRUN cargo test\n", [(4, "LG005")]),
    (
        "FROM rust:1.75\nCOPY . .\nRUN cargo chef cook --release --recipe-path r.json\n",
        [(3, "LG005")],
    ),
    ("FROM rust:1.75\nCOPY . .\nRUN cargo chef prepare --recipe-path r.json\n", []),
    ("FROM rust:1.75\nCOPY . .\nRUN cargo zigbuild --release\n", [(3, "LG005")]),
    ("FROM rust:1.75\nCOPY . .\nRUN cargo nextest run\n", [(3, "LG005")]),
    ("FROM rust:1.75\nCOPY . .\nRUN cargo nextest --version\n", []),
    # CPAN.pm through perl
    ("FROM perl:5.38\nRUN perl -MCPAN -e 'install JSON'\n", [(2, "LG005")]),
    ("FROM perl:5.38\nRUN perl -M CPAN -e 'CPAN::Shell->install(\"JSON\")'\n", [(2, "LG005")]),
    ("FROM perl:5.38\nRUN perl -MCPAN -e 'install JSON' && rm -rf ~/.cpan\n", []),
    ("FROM perl:5.38\nRUN perl -MCPAN -e 'print CPAN->VERSION'\n", []),
    ("FROM perl:5.38\nRUN perl -e 'install()'\n", []),
    # unzip's bundled options ending with -d (`-qd DIR`): the archive is the next operand
    (
        "FROM alpine:3.19\nADD http://x.org/w.zip /tmp/w.zip\n"
        "RUN unzip -qd /apps /tmp/w.zip && rm /tmp/w.zip\n",
        [(2, "LG006"), (3, "LG003")],
    ),
    ("FROM alpine:3.19\nADD http://x.org/w.zip /tmp/w.zip\nRUN unzip -qd /tmp/w.zip /a.zip\n", []),
    # `go clean` removes; it builds nothing where it runs (golang's WORKDIR is now /go)
    ("FROM golang:1.22\nRUN go clean -cache -modcache\nRUN rm -f /go/bin/c\n", []),
    (
        "FROM golang:1.22\nRUN go build -o bin/c .\nRUN rm -f /go/bin/c\n",
        [(2, "LG005"), (3, "LG003")],
    ),
    # a distribution's top directory moved into a directory that is there (`mv X /opt`) lands
    # inside it, by its name; HBase's configuration; Hadoop's list of workers (slaves before 3)
    (
        "FROM debian:12\nWORKDIR /tmp\nRUN curl -LO http://x/kafka_2.11-1.0.0.tgz"
        " && tar -xf kafka_2.11-1.0.0.tgz && mv kafka_2.11-1.0.0 /opt"
        " && ln -s /opt/kafka_2.11-1.0.0 /opt/kafka\n"
        "COPY c.properties /opt/kafka/config/connect-distributed.properties\n"
        "COPY c.properties /opt/kafka_2.11-1.0.0/config/server.properties\n"
        "COPY c.properties /opt/config/server.properties\n",
        [(4, "LG002"), (5, "LG002")],
    ),
    (
        "FROM debian:12\nWORKDIR /tmp\nRUN curl -LO http://x/kafka_2.11-1.0.0.tgz"
        " && tar -xf kafka_2.11-1.0.0.tgz && mv kafka_2.11-1.0.0 /opt/kafka\n"
        "COPY c.properties /opt/kafka/config/server.properties\n"
        "COPY c.properties /opt/kafka/kafka_2.11-1.0.0/config/server.properties\n",
        [(4, "LG002")],
    ),
    (
        "FROM debian:12\nWORKDIR /tmp\nRUN curl -LO http://x/kafka_2.11-1.0.0.tgz"
        " && tar -xf kafka_2.11-1.0.0.tgz && mkdir /apps && mv kafka_2.11-1.0.0 /apps/\n"
        "COPY c.properties /apps/kafka_2.11-1.0.0/config/server.properties\n"
        "COPY c.properties /apps/config/server.properties\n",
        [(4, "LG002")],
    ),
    (
        "FROM openjdk:8\nADD http://x/hbase-1.3.2-bin.tar.gz /\n"
        "RUN gunzip -c hbase-1.3.2-bin.tar.gz | tar xvf -\n"
        "ADD hbase-site.xml /hbase-1.3.2/conf/hbase-site.xml\n",
        [(2, "LG006"), (4, "LG002")],
    ),
    (
        "FROM ubuntu:22.04\nRUN curl -LO http://x/hadoop-3.3.6.tar.gz"
        " && tar -xzf hadoop-3.3.6.tar.gz -C /opt && rm hadoop-3.3.6.tar.gz\n"
        "COPY workers /opt/hadoop-3.3.6/etc/hadoop/workers\n"
        "COPY workers /opt/hadoop-3.3.6/etc/hadoop/slaves\n",
        [(3, "LG002")],
    ),
    (
        "FROM ubuntu:22.04\nRUN curl -LO http://x/hadoop-2.7.7.tar.gz"
        " && tar -xzf hadoop-2.7.7.tar.gz -C /opt && rm hadoop-2.7.7.tar.gz\n"
        "COPY workers /opt/hadoop-2.7.7/etc/hadoop/workers\n"
        "COPY workers /opt/hadoop-2.7.7/etc/hadoop/slaves\n",
        [(4, "LG002")],
    ),
    # `dnf module install php:STREAM` installs the stream's default profile (php-fpm among it)
    (
        "FROM centos:8\nRUN dnf module install -y php:remi-7.4 && yum clean all\n"
        "COPY www.conf /etc/php-fpm.d/www.conf\nCOPY php.ini /etc/php.ini\n",
        [(3, "LG002"), (4, "LG002")],
    ),
    (
        "FROM centos:8\nRUN dnf module enable -y php:remi-7.4 && yum clean all\n"
        "COPY www.conf /etc/php-fpm.d/www.conf\n",
        [],
    ),
    # TomEE's images keep the default web applications in webapps/; Hive's its hive-site.xml
    ("FROM tomee:9.0.0-M8\nRUN rm -rf /usr/local/tomee/webapps/ROOT\n", [(2, "LG003")]),
    ("FROM tomee:9.0.0-M8\nRUN rm -rf /usr/local/tomee/logs/x\n", []),
    ("FROM apache/hive:3.1.3\nCOPY hive-site.xml conf/\n", [(2, "LG002")]),
    ("FROM apache/hive:3.1.3\nCOPY hivemall.xml conf/\n", []),
    # `composer require` writes the project's composer.json (and lock) where it runs
    (
        "FROM php:8.1-apache\nRUN composer require vlucas/phpdotenv && composer clear-cache\n"
        "COPY composer.json .\nCOPY composer.lock .\n",
        [(3, "LG002"), (4, "LG002")],
    ),
    (
        "FROM php:8.1-apache\nRUN composer install && composer clear-cache\nCOPY composer.json .\n",
        [],
    ),
    # OpenResty's packages keep their nginx.conf in its prefix (here reached through a link)
    (
        "FROM centos:7\nRUN yum install -y openresty-1.11.2.1 && yum clean all\n"
        "RUN ln -snf /usr/local/openresty/nginx/conf /etc/nginx\nADD nginx.conf /etc/nginx/\n",
        [(4, "LG002")],
    ),
    (
        "FROM centos:7\nRUN yum install -y openresty-1.11.2.1 && yum clean all\n"
        "ADD app.conf /usr/local/openresty/nginx/conf/\n",
        [],
    ),
    # Alpine's and RHEL's postfix keep the sample lookup tables in /etc/postfix (Debian's do
    # not); Debian's exim4 brings exim4-config, whose debconf settings file a COPY replaces
    (
        "FROM alpine:3.19\nRUN apk add --no-cache postfix\nADD virtual /etc/postfix/virtual\n",
        [(3, "LG002")],
    ),
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y postfix"
        " && rm -rf /var/lib/apt/lists/*\nADD virtual /etc/postfix/virtual\n",
        [],
    ),
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y exim4-daemon-light"
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY update-exim4.conf.conf /etc/exim4/update-exim4.conf.conf\n",
        [(3, "LG002")],
    ),
    # Software Collections' nginx images keep RHEL's nginx.conf and s2i's WORKDIR
    (
        "FROM registry.redhat.io/rhel8/nginx-116:latest\nCOPY nginx.conf /etc/nginx/nginx.conf\n"
        "COPY app.conf /etc/nginx/conf.d/app.conf\nCOPY index.html .\nRUN chmod 644 index.html\n",
        [(2, "LG002"), (5, "LG004")],
    ),
    # bun keeps every package it fetched in ~/.bun/install/cache
    (
        "FROM oven/bun:1\nCOPY package.json bun.lockb ./\nRUN bun install --production\n",
        [(3, "LG005")],
    ),
    # (its --no-cache ignores the manifest cache alone: the packages still land in the cache)
    ("FROM oven/bun:1\nCOPY package.json ./\nRUN bun i --no-cache\n", [(3, "LG005")]),
    (
        "FROM oven/bun:1\nCOPY package.json ./\nRUN bun i --cache-dir=/tmp/bc && rm -rf /tmp/bc\n",
        [],
    ),
    ("FROM oven/bun:1\nCOPY package.json ./\nRUN bun install && bun pm cache rm\n", []),
    ("FROM oven/bun:1\nCOPY . .\nRUN bun run build\n", []),
    (
        "FROM oven/bun:1\nCOPY package.json ./\n"
        "RUN --mount=type=cache,target=/root/.bun/install/cache bun install\n",
        [],
    ),
    (
        "FROM oven/bun:1\nENV BUN_INSTALL_CACHE_DIR=/tmp/bun\nCOPY package.json ./\n"
        "RUN bun install && rm -rf /tmp/bun\n",
        [],
    ),
    # the configuration Cassandra's, Neo4j's and Oracle's MySQL images ship
    ("FROM cassandra:4.1\nCOPY cassandra.yaml /etc/cassandra/\n", [(2, "LG002")]),
    ("FROM cassandra:4.1\nCOPY cassandra-rackdc.properties /etc/cassandra/\n", [(2, "LG002")]),
    ("FROM cassandra:4.1\nCOPY schema.cql /etc/cassandra/\n", []),
    ("FROM neo4j:5\nCOPY neo4j.conf conf/\n", [(2, "LG002")]),
    ("FROM mysql/mysql-server:5.7\nCOPY my.cnf /etc/\n", [(2, "LG002")]),
    # sbt's -v is verbose (its version is -V): a run with it still boots and fetches
    (
        "FROM sbtscala/scala-sbt:eclipse-temurin-17.0.4_1.7.1_3.2.0\nRUN sbt -v about\n",
        [(2, "LG005")],
    ),
    ("FROM eclipse-temurin:17\nRUN sbt -V\n", []),
    # Arch's images keep pacman.conf and pacman-mirrorlist's mirror list
    ("FROM archlinux:latest\nADD mirrorlist /etc/pacman.d/mirrorlist\n", [(2, "LG002")]),
    ("FROM archlinux/base:latest\nCOPY pacman.conf /etc/\n", [(2, "LG002")]),
    ("FROM archlinux:latest\nCOPY blackarch.conf /etc/pacman.d/\n", []),
    # php's apache tags keep Debian's ports.conf
    ("FROM php:7.3-apache\nCOPY ports.conf /etc/apache2\n", [(2, "LG002")]),
    ("FROM php:7.3-fpm\nCOPY ports.conf /etc/apache2/\n", []),
    # the Shibboleth SP's configuration, which Debian's Apache module brings; monit's control
    # file
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y libapache2-mod-shib"
        " && rm -rf /var/lib/apt/lists/*\nADD shibboleth2.xml /etc/shibboleth/\n",
        [(3, "LG002")],
    ),
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y monit"
        " && rm -rf /var/lib/apt/lists/*\nCOPY monitrc /etc/monit/monitrc\n",
        [(3, "LG002")],
    ),
    ("FROM alpine:3.19\nRUN apk add --no-cache monit\nCOPY monitrc /etc/monit/monitrc\n", []),
    # cargo-leptos' build runs cargo's
    ("FROM rust:1.75\nCOPY . .\nRUN cargo leptos build --release\n", [(3, "LG005")]),
    ("FROM rust:1.75\nCOPY . .\nRUN cargo leptos new --git leptos-rs/start\n", []),
    # (a program in a home's dot-directory an earlier layer made taken as not the base
    # image's was withdrawn after review: a script run since may have filled it, which the
    # model does not follow; set 497's file 004, line 10 stays a false alarm)
    ("FROM debian:12\nRUN chmod +x /docker-entrypoint.sh\n", [(2, "LG004")]),
    # envygeeks' Jekyll images keep Jekyll's gems in their GEM_HOME, /usr/gem
    ("FROM jekyll/jekyll:4\nRUN chown -R jekyll /usr/gem\n", [(2, "LG004")]),
    ("FROM jekyll/jekyll:4\nRUN gem install webrick && rm -rf $GEM_HOME/cache\n", []),
    ("FROM jekyll/jekyll:4\nRUN gem install webrick && rm -rf /usr/gem/cache\n", []),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_FIFTH)
def test_the_thirty_fifth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_THIRTY_FIFTH_REVIEW = [
    # nextest running or listing an archive's tests builds nothing; `archive` writes it
    ("FROM rust:1.75\nCOPY t.tar.zst .\nRUN cargo nextest run --archive-file t.tar.zst\n", []),
    ("FROM rust:1.75\nCOPY t.tar.zst .\nRUN cargo nextest list --archive-file t.tar.zst\n", []),
    (
        "FROM rust:1.75\nWORKDIR /app\nCOPY . .\n"
        "RUN cargo nextest archive --archive-file tests.tar.zst\n",
        [(4, "LG005")],
    ),
    # a module's named profile: php's minimal one has no php-fpm; the default profiles of
    # mariadb's and httpd's streams; `dnf install @php:7.4` is the module's install
    (
        "FROM rockylinux:8\nRUN dnf -y module install php:7.4/minimal && dnf clean all\n"
        "COPY www.conf /etc/php-fpm.d/www.conf\n",
        [],
    ),
    (
        "FROM rockylinux:8\nRUN dnf -y install @php:7.4 && dnf clean all\n"
        "COPY www.conf /etc/php-fpm.d/www.conf\n",
        [(3, "LG002")],
    ),
    (
        "FROM rockylinux:8\nRUN dnf -y module install httpd:2.4 && dnf clean all\n"
        "COPY ssl.conf /etc/httpd/conf.d/ssl.conf\n",
        [(3, "LG002")],
    ),
    # perl code that only sets CPAN's configuration installs nothing; bundled -le, use CPAN
    (
        'FROM perl:5.38\nRUN perl -MCPAN -e \'CPAN::Shell->o("conf", "make", "/usr/bin/make");'
        ' CPAN::Shell->o("conf", "commit")\'\n',
        [],
    ),
    ("FROM perl:5.38\nRUN perl -MCPAN -le 'install LWP'\n", [(2, "LG005")]),
    (
        "FROM perl:5.38\nRUN perl -e 'use CPAN; CPAN::Shell->install(\"Try::Tiny\")'\n",
        [(2, "LG005")],
    ),
    # (a cargo build after cargo-chef's cook or cargo fetch was tried as fetching nothing and
    # withdrawn after two reviews: another crate's install, an update, another CARGO_HOME, a
    # registry removed in part or later, features each fetch; every cargo build is reported)
    (
        "FROM rust:1.75\nWORKDIR /app\nCOPY recipe.json .\n"
        "RUN cargo chef cook --release --recipe-path recipe.json\nCOPY . .\n"
        "RUN cargo build --release\nRUN cargo test\n",
        [(4, "LG005"), (5, "LG002"), (6, "LG005"), (7, "LG005")],
    ),
    # go vet and mod verify write nothing where they run; go run may (a build script's)
    (
        "FROM golang:1.22\nWORKDIR /tmp\nRUN go run github.com/magefile/mage@v1.15.0 -version\n"
        "RUN rm -rf /tmp/*\n",
        [(3, "LG005"), (4, "LG003")],
    ),
    ("FROM golang:1.22\nWORKDIR /tmp\nRUN go mod verify\nRUN rm -rf /tmp/*\n", []),
    ("FROM golang:1.22\nWORKDIR /tmp\nRUN go vet std\nRUN rm -rf /tmp/*\n", [(3, "LG005")]),
    # the applications in the official images' WORKDIRs, their homes' variables, the
    # publishers' own names; TomEE's default applications by name and its configuration;
    # Drupal's composer project in /opt/drupal (since 8.8); Hadoop in Hive's image; Ghost's,
    # OpenResty's and httpd's configuration
    ("FROM mediawiki:1.41\nRUN chown -R www-data:www-data .\n", [(2, "LG004")]),
    (
        "FROM flink:1.18\nUSER root\nRUN chown -R 1001:0 $FLINK_HOME && chmod -R g=u $FLINK_HOME\n",
        [(3, "LG004")],
    ),
    (
        "FROM tomee:9-jre11-plume\nRUN rm -rf webapps/ROOT.war webapps/app\n"
        "COPY app.war webapps/\n",
        [],
    ),
    ("FROM tomee:9-jre11-plume\nRUN rm -rf webapps/*\n", [(2, "LG003")]),
    (
        "FROM tomee:8.0.16-jre11-plus\n"
        "COPY context.xml /usr/local/tomee/webapps/manager/META-INF/context.xml\n"
        "COPY tomee.xml conf/tomee.xml\n",
        [(2, "LG002"), (3, "LG002")],
    ),
    (
        "FROM drupal:10-apache\nRUN composer require drush/drush\n"
        "COPY composer.json composer.lock /opt/drupal/\n",
        [(2, "LG005"), (3, "LG002")],
    ),
    ("FROM drupal:7-apache\nCOPY index.php .\n", []),
    (
        "FROM apache/hive:4.0.0\nCOPY core-site.xml $HADOOP_HOME/etc/hadoop/core-site.xml\n",
        [(2, "LG002")],
    ),
    ("FROM neo4j:5\nCOPY neo4j.conf $NEO4J_HOME/conf/neo4j.conf\n", [(2, "LG002")]),
    (
        "FROM apache/flink:1.18\nCOPY job.jar usrlib/job.jar\n"
        "RUN chown -R flink:flink /opt/flink/usrlib\n",
        [(3, "LG004")],
    ),
    ("FROM jekyll/jekyll:4\nCOPY . .\nRUN chown -R jekyll:jekyll /srv/jekyll\n", [(3, "LG004")]),
    (
        "FROM ghost:5-alpine\nCOPY config.production.json $GHOST_INSTALL/config.production.json\n",
        [(2, "LG002")],
    ),
    (
        "FROM openresty/openresty:1.21.4.1-0-jammy\n"
        "COPY mime.types /usr/local/openresty/nginx/conf/mime.types\n"
        "COPY default.conf /etc/nginx/conf.d/default.conf\n",
        [(2, "LG002"), (3, "LG002")],
    ),
    (
        "FROM httpd:2.4-alpine\nCOPY httpd-ssl.conf $HTTPD_PREFIX/conf/extra/httpd-ssl.conf\n",
        [(2, "LG002")],
    ),
    (
        "FROM myorg/php-app:1.0\nWORKDIR /var/www/html\n"
        "RUN composer remove --no-interaction laravel/telescope\nCOPY composer.json ./\n",
        [(4, "LG002")],
    ),
    (
        "FROM composer:2\nRUN composer --working-dir /app require monolog/monolog\n"
        "COPY composer.json /app/composer.json\n",
        [(2, "LG005"), (3, "LG002")],
    ),
    (
        "FROM composer:2\nRUN composer -d /app require monolog/monolog\n"
        "COPY composer.json /app/composer.json\n",
        [(2, "LG005"), (3, "LG002")],
    ),
    (
        "FROM composer:2\nWORKDIR /app\nRUN composer req monolog/monolog\nCOPY composer.json .\n",
        [(3, "LG005"), (4, "LG002")],
    ),
    (
        "FROM composer:2\nWORKDIR /app\nRUN composer require --no-update monolog/monolog\n"
        "COPY composer.json .\n",
        [(4, "LG002")],
    ),
    (
        "FROM php:8.2-apache\nCOPY --from=composer:2 /usr/bin/composer /usr/bin/composer\n"
        "RUN COMPOSER=composer-dev.json composer require monolog/monolog\nCOPY composer.json ./\n",
        [(3, "LG005")],
    ),
    (
        "FROM composer:2\nWORKDIR /app\nRUN composer global require phpstan/phpstan\n"
        "COPY composer.json .\n",
        [(3, "LG005")],
    ),
    (
        "FROM jekyll/jekyll:4\nCOPY Gemfile* ./\n"
        "RUN bundle install && rm -rf /usr/gem/cache/*.gem\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_FIFTH_REVIEW)
def test_the_review_of_the_thirty_fifth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


def test_files_copied_into_a_package_s_directory_land_inside_it(lint_files: Lint) -> None:
    # (postfix's /etc/postfix is a directory: each file lands inside it by its name, over the
    # package's own virtual, beside it for a name the package has not)
    files = {
        "Dockerfile": "FROM alpine:3.19\nRUN apk add --no-cache postfix\n"
        "ADD master.cf /etc/postfix\nADD sender /etc/postfix\nADD virtual /etc/postfix\n",
        "master.cf": "smtp inet n - n - - smtpd\n",
        "sender": "a@b OK\n",
        "virtual": "a@b c@d\n",
    }
    assert [(f.line, f.rule) for f in lint_files(files)] == [(3, "LG002"), (5, "LG002")]


_THIRTY_FIFTH_SECOND_REVIEW = [
    # cargo fetch resolves only the project's lock file, where it ran, when its RUN keeps the
    # registry; an install of another crate or an update fetches; a build with other features
    # after a cook fetches
    (
        "FROM rust:1.80\nWORKDIR /app\nCOPY Cargo.toml Cargo.lock ./\nRUN cargo fetch\n"
        "RUN cargo install sqlx-cli --no-default-features\n",
        [(4, "LG005"), (5, "LG005")],
    ),
    (
        "FROM rust:1.80\nWORKDIR /app\nCOPY . .\n"
        "RUN cargo chef cook --release --recipe-path recipe.json"
        " && rm -rf /usr/local/cargo/registry\n"
        "RUN cargo build --release\n",
        [(5, "LG005")],
    ),
    (
        "FROM rust:1.80\nWORKDIR /app\nCOPY . .\nRUN cargo fetch --manifest-path xtask/Cargo.toml\n"
        "RUN cargo build --release\n",
        [(4, "LG005"), (5, "LG005")],
    ),
    (
        "FROM rust:1.80\nWORKDIR /tools\nRUN cargo fetch\nWORKDIR /app\nCOPY . .\n"
        "RUN cargo build --release\n",
        [(3, "LG005"), (6, "LG005")],
    ),
    (
        "FROM rust:1.80\nWORKDIR /app\nCOPY . .\n"
        "RUN cargo chef cook --release --recipe-path recipe.json\n"
        "RUN cargo build --release --all-features\n",
        [(4, "LG005"), (5, "LG005")],
    ),
    # go run may run a build script that writes where it runs
    (
        "FROM golang:1.21\nWORKDIR /src\nCOPY . .\nRUN go run build.go build syncthing\n"
        "RUN chmod +x syncthing\n",
        [(4, "LG005"), (5, "LG004")],
    ),
    # bun's --cache-dir moves its cache; cargo-leptos by its own name; CPAN's configuration and
    # -e's attached code
    (
        "FROM oven/bun:1\nWORKDIR /app\nCOPY . .\n"
        "RUN bun install --cache-dir /tmp/bc && rm -rf /tmp/bc\n",
        [],
    ),
    ("FROM rust:1.75\nWORKDIR /app\nCOPY . .\nRUN cargo-leptos build --release\n", [(4, "LG005")]),
    (
        "FROM perl:5.38\n"
        "RUN perl -MCPAN -e '$CPAN::Config->{make} = q(/usr/bin/make);"
        " CPAN::HandleConfig->commit'\n",
        [],
    ),
    ("FROM perl:5.38\nRUN perl -MCPAN -e'install JSON'\n", [(2, "LG005")]),
    ("FROM perl:5.38\nRUN perl -MCPAN -e 'CPAN::Shell->make(\"JSON\")'\n", [(2, "LG005")]),
    # nextest extracting an archive where it is told keeps what it unpacked
    (
        "FROM rust:1.80\nWORKDIR /app\nCOPY tests.tar.zst .\n"
        "RUN cargo nextest run --archive-file tests.tar.zst --extract-to /app/x\n",
        [(3, "LG006")],
    ),
    # empty directories of the images whose trees are known (Ghost's content, TomEE's logs,
    # Jetty's base's webapps, Flink's log); Ghost 0.x; CentOS 7's collections keep nginx.conf
    # elsewhere
    ("FROM ghost:5\nRUN chown -R node:node /var/lib/ghost/content\n", []),
    (
        "FROM tomee:9\n"
        "RUN chown -R nobody /usr/local/tomee/logs /usr/local/tomee/temp /usr/local/tomee/work\n",
        [],
    ),
    ("FROM jetty:9.4\nUSER root\nRUN chown -R jetty:jetty /var/lib/jetty/webapps\n", []),
    ("FROM flink:1.17\nRUN chmod -R 777 $FLINK_HOME/log\n", []),
    ("FROM ghost:0.11\nCOPY config.js .\nRUN chown -R user:user /var/lib/ghost\n", []),
    ("FROM centos/nginx-116-centos7\nCOPY nginx.conf /etc/nginx/nginx.conf\n", []),
    (
        'FROM registry.access.redhat.com/ubi8/nginx-120\nADD nginx.conf "${NGINX_CONF_PATH}"\n',
        [(2, "LG002")],
    ),
    # Drupal 7's docroot, Drupal 10's composer project; Cassandra's CASSANDRA_CONF; mysql's Oracle
    # Linux tags; Flink's configuration; php-fpm's files on fpm tags alone; an RPM named with its
    # architecture; Jekyll's cache; Hive's Hadoop 3; Arch's own registry
    ("FROM drupal:7-apache\nRUN chown -R www-data:www-data sites modules themes\n", [(2, "LG004")]),
    ("FROM drupal:10-apache\nCOPY composer.json composer.lock ./\n", [(2, "LG002")]),
    ("FROM cassandra:4.1\nCOPY logback.xml $CASSANDRA_CONF/logback.xml\n", [(2, "LG002")]),
    ("FROM mysql:8.0\nCOPY my.cnf /etc/my.cnf\n", [(2, "LG002")]),
    ("FROM mysql:8.0-debian\nCOPY my.cnf /etc/my.cnf\n", []),
    (
        "FROM flink:1.17\nCOPY flink-conf.yaml $FLINK_HOME/conf/flink-conf.yaml\n"
        "COPY log4j-console.properties /opt/flink/conf/\n",
        [(2, "LG002"), (3, "LG002")],
    ),
    ("FROM php:8.2-apache\nCOPY www.conf /usr/local/etc/php-fpm.d/www.conf\n", []),
    ("FROM php:8.2-fpm\nCOPY www.conf /usr/local/etc/php-fpm.d/www.conf\n", [(2, "LG002")]),
    (
        "FROM centos:7\nRUN yum -y install httpd shibboleth.x86_64 && yum clean all\n"
        "COPY shibboleth2.xml /etc/shibboleth/\n",
        [(3, "LG002")],
    ),
    (
        "FROM ruby:3.2\nCOPY Gemfile* ./\nRUN bundle install && rm -rf /usr/gem/cache/*.gem\n",
        [(3, "LG005")],
    ),
    ("FROM apache/hive:4.0.0\nCOPY mapred-site.xml $HADOOP_HOME/etc/hadoop/\n", [(2, "LG002")]),
    (
        "FROM registry.archlinux.org/archlinux/archlinux-docker:base-devel\n"
        "COPY mirrorlist /etc/pacman.d/mirrorlist\n",
        [(2, "LG002")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_FIFTH_SECOND_REVIEW)
def test_the_second_review_of_the_thirty_fifth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


def test_a_file_copied_twice_into_a_package_s_directory_is_written_again(lint_files: Lint) -> None:
    files = {
        "Dockerfile": "FROM alpine:3.19\nRUN apk add --no-cache postfix\n"
        "ADD sender /etc/postfix\nADD sender /etc/postfix\n",
        "sender": "a@b OK\n",
    }
    assert [(f.line, f.rule) for f in lint_files(files)] == [(4, "LG002")]


_THIRTY_FIFTH_THIRD_REVIEW = [
    # a directory the image ships empty, copied back from a stage of the same image, holds
    # none of its files; Ghost's 0 tags are 0.x's; Ghost's current/ is a link
    (
        "FROM jetty:9.4 AS build\nCOPY app.war /var/lib/jetty/webapps/\nFROM jetty:9.4\n"
        "COPY --from=build /var/lib/jetty/webapps/ /var/lib/jetty/webapps/\n",
        [],
    ),
    ("FROM ghost:0-alpine\nRUN chown -R user:user /var/lib/ghost\n", []),
    ('FROM ghost:5\nRUN chown -R node:node "$GHOST_CONTENT" "$GHOST_INSTALL/current"\n', []),
    ("FROM ghost:5\nRUN chown -R node:node /var/lib/ghost\n", [(2, "LG004")]),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_FIFTH_THIRD_REVIEW)
def test_the_third_review_of_the_thirty_fifth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_THIRTY_SIXTH = [
    # an archive a COPY wrote, moved by the RUN that unpacks it: the copy is what is unpacked
    (
        "FROM debian:12\nCOPY app-1.0.tar.gz /tmp/\n"
        "RUN mv /tmp/app-1.0.tar.gz /opt/app.tgz && cd /opt && tar xzf app.tgz && rm app.tgz\n",
        [(2, "LG006"), (3, "LG003")],
    ),
    (
        "FROM debian:12\nCOPY app-1.0.tar.gz /tmp/\n"
        "RUN mv /tmp/app-1.0.tar.gz /opt/ && tar xzf /opt/app-1.0.tar.gz -C /opt\n",
        [(2, "LG006"), (3, "LG003")],
    ),
    # (one the RUN fetched and moved is its own)
    (
        "FROM debian:12\nCOPY app-1.0.tar.gz /tmp/\nRUN wget -q http://x/y.tgz -O /tmp/y.tgz"
        " && mv /tmp/y.tgz /opt/ && tar xzf /opt/y.tgz -C /opt && rm /opt/y.tgz\n",
        [],
    ),
    # the official images built FROM php hold its files, by variant
    (
        "FROM wordpress:6-fpm\nCOPY www.conf /usr/local/etc/php-fpm.d/www.conf\n"
        "COPY php.ini /usr/local/etc/php/php.ini\n",
        [(2, "LG002")],
    ),
    (
        "FROM nextcloud:29-fpm-alpine\nCOPY zz.conf /usr/local/etc/php-fpm.d/zz-docker.conf\n",
        [(2, "LG002")],
    ),
    ("FROM wordpress:6\nCOPY www.conf /usr/local/etc/php-fpm.d/www.conf\n", []),
    ("FROM wordpress:6\nCOPY ports.conf /etc/apache2/ports.conf\n", [(2, "LG002")]),
    ("FROM wordpress:6-fpm\nCOPY ports.conf /etc/apache2/ports.conf\n", []),
    ("FROM wordpress:cli\nCOPY ports.conf /etc/apache2/ports.conf\n", []),
    # Flink's configuration: config.yaml since 1.19, log4j.properties in every tag
    (
        "FROM flink:1.19\nCOPY config.yaml /opt/flink/conf/config.yaml\n"
        "COPY log4j.properties /opt/flink/conf/log4j.properties\n",
        [(2, "LG002"), (3, "LG002")],
    ),
    ("FROM flink:1.17\nCOPY config.yaml /opt/flink/conf/config.yaml\n", []),
    ("FROM flink:1.17\nCOPY flink-conf.yaml /opt/flink/conf/flink-conf.yaml\n", [(2, "LG002")]),
    # mysql's Oracle Linux tags of 5.7 hold the RPM's my.cnf as 8's do
    ("FROM mysql:5.7-oracle\nCOPY my.cnf /etc/my.cnf\n", [(2, "LG002")]),
    ("FROM mysql:5.7-debian\nCOPY my.cnf /etc/my.cnf\n", []),
    # a file copied without a slash onto a directory the base image holds lands inside it
    (
        "FROM tomcat:9\nCOPY app.zip /usr/local/tomcat/webapps\n"
        "RUN cd /usr/local/tomcat/webapps && unzip app.zip -d app && rm app.zip\n",
        [(2, "LG006"), (3, "LG003")],
    ),
    (
        "FROM tomcat:9\nCOPY app.zip /usr/local/tomcat/webapps/app.zip\n"
        "RUN cd /usr/local/tomcat/webapps && unzip app.zip -d app && rm app.zip\n",
        [(2, "LG006"), (3, "LG003")],
    ),
    ("FROM debian:12\nCOPY tool /usr/bin\nRUN chmod +x /usr/bin/tool\n", [(3, "LG004")]),
    # `npm install` in / of a public image where nothing put a project finds none: no fetch
    ("FROM node:18\nCOPY package.json /app/\nRUN npm install\nCOPY . /app\n", [(4, "LG002")]),
    ("FROM node:18\nCOPY package.json /app/\nRUN npm install --production\n", []),
    ("FROM node:18\nCOPY . .\nRUN npm install\n", [(3, "LG005")]),
    ("FROM node:18\nCOPY package.json /\nRUN npm install\n", [(3, "LG005")]),
    ("FROM node:18\nCOPY package.json /app/\nRUN cd /app && npm install\n", [(3, "LG005")]),
    ("FROM node:18\nWORKDIR /app\nCOPY package.json .\nRUN npm install\n", [(4, "LG005")]),
    ("FROM node:18\nRUN npm install express\n", [(2, "LG005")]),
    ("FROM node:18\nRUN npm install --prefix /app\n", [(2, "LG005")]),
    ("FROM myorg/node-app:1\nRUN npm install\n", [(2, "LG005")]),
    ("FROM node:18\nRUN ./gen.sh\nRUN npm install\n", [(3, "LG005")]),
    (
        "FROM php:8.3-fpm\nWORKDIR /var/www/html\nCOPY . .\n"
        "RUN mkdir -p /var/www/html/storage/logs && chown -R www-data /var/www/html/bootstrap/cache"
        " /var/www/html/storage\n",
        [(4, "LG004")],
    ),
    (
        "FROM php:8.3-fpm\nWORKDIR /var/www/html\n"
        "RUN mkdir -p storage/framework/sessions && chmod -R a+rw storage\n",
        [],
    ),
    (
        "FROM php:8.3-fpm\nWORKDIR /var/www/html\nCOPY . .\nRUN mkdir -p storage/framework/views"
        " && chmod -R a+rw storage && php artisan view:cache\n",
        [(4, "LG004")],
    ),
    (
        "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN mkdir -p storage/logs storage/framework/cache"
        " && chown -R node storage/logs storage/framework/cache\n",
        [],
    ),
    ("FROM debian:12\nWORKDIR /app\nCOPY . .\nRUN mkdir -p data/db && chown -R app data\n", []),
    # install(1) puts each file inside a directory it is given, by its name
    (
        "FROM debian:12\nRUN curl -sLO https://x/tini && install -m 755 tini /usr/local/bin/"
        " && rm tini\nCOPY ./with_bootstrap /usr/local/bin/\n",
        [],
    ),
    (
        "FROM debian:12\nCOPY tini /tmp/tini\nRUN install -m 755 /tmp/tini /usr/local/bin\n"
        "RUN chmod 700 /usr/local/bin/tini\nCOPY a b /tmp/\nRUN install -t /opt/x /tmp/a /tmp/b\n"
        "RUN chmod +x /opt/x/a\n",
        [(4, "LG004"), (7, "LG004")],
    ),
    # a Python project's build fills dist/: the wheel installed from there is the build's
    (
        "FROM python:3.12\nWORKDIR /src\nCOPY . .\n"
        "RUN python -m build --wheel && cd dist && pip install --no-cache-dir *.whl\n",
        [(4, "LG005")],  # (build's isolated environment, through pip's cache)
    ),
    (
        "FROM python:3.12\nWORKDIR /src\nCOPY . .\n"
        "RUN python -m build --wheel --outdir /out && pip install --no-cache-dir dist/*.whl\n",
        [(3, "LG006"), (4, "LG005")],
    ),
    # a package manager's cache clean takes no cache from inside a copy of the build context
    (
        "FROM composer:2\nENV HOME=/app\nWORKDIR /app\nCOPY . .\nRUN composer clear-cache\n"
        "COPY cache/ /app/.composer/cache/\nRUN composer clear-cache\n",
        [(7, "LG003")],
    ),
    ("FROM node:20\nWORKDIR /root\nCOPY . .\nRUN npm cache clean --force\n", []),
    # a Makefile copied to a clone's top replaces the repository's own
    (
        "FROM debian:12\nWORKDIR /root/\nRUN git clone https://github.com/AlexeyAB/darknet.git\n"
        "WORKDIR /root/darknet\nCOPY Makefile /root/darknet/Makefile\nCOPY cfg.mk /root/darknet/\n",
        [(5, "LG002")],
    ),
    # a release tarball piped to tar from a mirror a variable names: its name is the path's
    (
        "FROM alpine:3.16\nENV V=3.3.1 S=2.13\nRUN mirror=$(curl -s https://x/closer) && curl -sSL"
        ' "${mirror}kafka/${V}/kafka_${S}-${V}.tgz" | tar -xzf - -C /opt'
        " && mv /opt/kafka_${S}-${V} /opt/kafka\n"
        "COPY config/server.properties /opt/kafka/config/\n",
        [(4, "LG002")],
    ),
    # RabbitMQ's images since 3.8 (and every management tag) enable plugins offline
    ("FROM rabbitmq:4-management\nCOPY enabled_plugins /etc/rabbitmq/\n", [(2, "LG002")]),
    ("FROM rabbitmq:3.12\nCOPY enabled_plugins /etc/rabbitmq/\n", [(2, "LG002")]),
    ("FROM rabbitmq:3.7\nCOPY enabled_plugins /etc/rabbitmq/\n", []),
    ("FROM rabbitmq:3.7-management\nCOPY enabled_plugins /etc/rabbitmq/\n", [(2, "LG002")]),
    # configuration of a well-known base image's own kind, copied by a wildcard into its directory
    ("FROM httpd:2.4\nCOPY conf/extra/*.conf /usr/local/apache2/conf/extra/\n", [(2, "LG002")]),
    ("FROM httpd:2.4\nCOPY conf/extra/*.xml /usr/local/apache2/conf/extra/\n", []),
    ("FROM nginx:1.25\nCOPY conf/*.conf /etc/nginx/conf.d/\n", []),
    # a package's configuration directory copied whole lands its subdirectories too
    (
        "FROM alpine:3.21\nRUN apk add --no-cache dovecot\n"
        "COPY --chmod=644 /rootfs/etc/dovecot /etc/dovecot\n",
        [(3, "LG002")],
    ),
    # packages' own files: Debian's redis (redis-server's conffile), wget's wgetrc, readline's
    # inputrc on Alpine (bash pulls it in)
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y redis=5:7.0.* wget"
        " && rm -rf /var/lib/apt/lists/*\nCOPY redis.conf /etc/redis/redis.conf\n"
        "COPY .wgetrc /etc/wgetrc\n",
        [(3, "LG002"), (4, "LG002")],
    ),
    ("FROM alpine:3.20\nRUN apk add --no-cache bash\nCOPY inputrc /etc/inputrc\n", [(3, "LG002")]),
    # the Node managers' options that take the next word: no script named by the value
    (
        "FROM node:20\nWORKDIR /app\nCOPY . .\n"
        "RUN yarn --ignore-scripts --pure-lockfile --network-timeout 600000\n",
        [(4, "LG005")],
    ),
    ("FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install --loglevel warn\n", [(4, "LG005")]),
    # dnf's group updates and its -minimal and -nevra spellings install too
    ('FROM fedora:40\nRUN dnf groupupdate -y "Multimedia"\n', [(2, "LG005")]),
    ("FROM fedora:40\nRUN dnf upgrade-minimal -y && dnf clean all\n", []),
    ("FROM rockylinux:9\nRUN dnf install-n -y nginx\n", [(2, "LG005")]),
    # an image whose start command builds against NuGet's packages reads that cache
    (
        "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet restore\n"
        "ENTRYPOINT dotnet test Tests/ --logger=trx\n",
        [],
    ),
    (
        "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet restore\n"
        'ENTRYPOINT ["dotnet", "app.dll"]\n',
        [(4, "LG005")],
    ),
    # a link moved aside is a link under its new name: its removal hides no bytes
    (
        "FROM ubuntu:22.04\nWORKDIR /src\nRUN mv /bin/sh /bin/sh_tmp && ln -s /bin/bash /bin/sh\n"
        "RUN make\nRUN rm /bin/sh && mv /bin/sh_tmp /bin/sh\n",
        [],
    ),
    (
        "FROM debian:12\nRUN useradd app\nCOPY --chown=app x /x\n"
        "RUN find / -user app -exec chown 2000 {} \\;\n",
        [(4, "LG004")],
    ),
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl nodejs"
        " && rm -rf /var/lib/apt/lists/*\nRUN apt-get -qq remove nodejs\n"
        "RUN apt-get remove -qy curl\n",
        [(3, "LG003"), (4, "LG003")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_SIXTH)
def test_the_thirty_sixth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


# The two reviews of the thirty-sixth session's classes: each file a reviewer wrote, as it
# must read (regressions the classes brought, and faults they left)
_THIRTY_SIXTH_REVIEW = [
    # (c11_github_archive_dotfiles_usrsrc.Dockerfile)
    (
        "FROM php:8.2-fpm\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf"
        " /var/lib/apt/lists/*\n"
        "WORKDIR /usr/src\n"
        "RUN wget -q -O laravel.tar.gz"
        " https://github.com/laravel/laravel/archive/refs/tags/v10.3.3.tar.gz \\\n"
        " && tar -xzf laravel.tar.gz && rm laravel.tar.gz\n"
        "RUN mv /usr/src/laravel-10.3.3/* /var/www/html/\n"
        "RUN rm -rf /usr/src/laravel-10.3.3\n",
        [(6, "LG003"), (7, "LG003")],
    ),
    # (e08_install_long_opts_separate.Dockerfile)
    (
        "FROM debian:12-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends curl"
        " ca-certificates && rm -rf /var/lib/apt/lists/*\n"
        "RUN curl -fsSL -o /tmp/tini"
        " https://github.com/krallin/tini/releases/download/v0.19.0/tini-amd64 \\\n"
        " && install --owner root --group root --mode 0755 /tmp/tini /usr/local/bin/tini \\\n"
        " && rm /tmp/tini\n"
        "RUN chmod 0500 /usr/local/bin/tini\n",
        [(6, "LG004")],
    ),
    # (g13_npm_dir_copied_clean_only.Dockerfile)
    (
        "FROM node:20-slim\n"
        "WORKDIR /app\n"
        "COPY .npm /root/.npm\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm ci --offline --omit=dev --cache /tmp/npm-cache && rm -rf /tmp/npm-cache\n"
        "RUN npm cache clean --force\n"
        "COPY . .\n",
        [(6, "LG003"), (7, "LG002")],
    ),
    # (g14_dotcache_copied_pip_purge.Dockerfile)
    (
        "FROM python:3.12-slim\n"
        "COPY ci-cache/ /root/.cache/\n"
        "COPY requirements.txt /tmp/\n"
        "RUN pip install --no-cache-dir -r /tmp/requirements.txt\n"
        "RUN pip cache purge\n",
        [(5, "LG003")],
    ),
    # (h01_centos7_yum_moved.Dockerfile)
    (
        "FROM centos:7\n"
        "RUN mv /usr/bin/yum /usr/bin/yum.disabled\n"
        "RUN rm -f /usr/bin/yum.disabled\n",
        [(3, "LG003")],
    ),
    # (h02_sh_copied_bash_then_moved.Dockerfile)
    (
        "FROM debian:12\n"
        "RUN rm /bin/sh && cp /bin/bash /bin/sh\n"
        "RUN mv /bin/sh /bin/sh.bash && ln -s /bin/dash /bin/sh\n"
        "RUN rm /bin/sh.bash\n",
        [(3, "LG003"), (4, "LG003")],
    ),
    # (h08_sh_diverted_then_removed.Dockerfile)
    (
        "FROM ubuntu:20.04\n"
        "COPY sh-wrapper /bin/sh\n"
        "RUN mv /bin/sh /bin/sh.wrapper && ln -s /bin/bash /bin/sh\n"
        "RUN rm /bin/sh.wrapper\n",
        [(3, "LG003"), (4, "LG003")],
    ),
    # (h05_fedora_php_moved.Dockerfile)
    (
        "FROM fedora:39\n"
        "RUN dnf install -y php-cli && dnf clean all\n"
        "RUN mv /usr/bin/php /usr/bin/php.real \\\n"
        " && printf '#!/bin/sh\\nexec /usr/bin/php.real -d memory_limit=-1 \"$@\"\\n' >"
        " /usr/bin/php \\\n"
        " && chmod +x /usr/bin/php\n"
        "RUN rm /usr/bin/php && mv /usr/bin/php.real /usr/bin/php\n",
        [(3, "LG003"), (6, "LG003")],
    ),
    # (i01_find_user_numeric_chown_copy.Dockerfile)
    (
        "FROM debian:12-slim\n"
        "COPY --chown=1001:1001 public/ /srv/www/\n"
        "RUN useradd -u 1001 -M -s /usr/sbin/nologin web \\\n"
        " && find /srv -user web -exec chmod g+rwX {} +\n"
        "USER web\n",
        [(3, "LG004")],
    ),
    # (i06_find_user_made_earlier_by_arg.Dockerfile)
    (
        "FROM debian:12-slim\n"
        "ARG APP_UID=10001\n"
        "COPY --chown=10001:10001 dist/ /opt/service/\n"
        "RUN groupadd -g 10001 svc && useradd -u 10001 -g svc -M svc \\\n"
        " && find /opt/service -user svc -type f -name '*.sh' -exec chmod 0750 {} +\n",
        [(4, "LG004")],
    ),
    # (j01_assumeyes_conf_earlier.Dockerfile)
    (
        "FROM ubuntu:22.04\n"
        "ENV DEBIAN_FRONTEND=noninteractive\n"
        'RUN echo "APT::Get::Assume-Yes \\"true\\";" > /etc/apt/apt.conf.d/90assumeyes\n'
        "RUN apt-get update && apt-get install --no-install-recommends nodejs npm && rm"
        " -rf /var/lib/apt/lists/*\n"
        "RUN npm install -g pnpm@8 && npm cache clean --force\n"
        "RUN apt-get purge --auto-remove npm\n",
        [(6, "LG003")],
    ),
    # (j09_apt_conf_file_copied.Dockerfile)
    (
        "FROM debian:12\n"
        "COPY docker/apt/99-noninteractive.conf /etc/apt/apt.conf.d/99-noninteractive\n"
        "RUN apt-get update && apt-get install --no-install-recommends gcc g++ && rm -rf"
        " /var/lib/apt/lists/*\n"
        "RUN apt-get remove gcc g++\n",
        [(4, "LG003")],
    ),
    # (j02_quiet_twice_separate.Dockerfile)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends"
        " build-essential python3-dev && rm -rf /var/lib/apt/lists/*\n"
        "RUN pip3 --version || true\n"
        "RUN apt-get -q -q remove build-essential python3-dev\n",
        [(4, "LG003")],
    ),
    # (j08_qqq.Dockerfile)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf"
        " /var/lib/apt/lists/*\n"
        "RUN apt-get -qqq purge gcc\n",
        [(3, "LG003")],
    ),
    # (d07_laravel_storage_logs_only.Dockerfile)
    (
        "FROM php:8.3-fpm\n"
        "WORKDIR /var/www/html\n"
        "COPY . .\n"
        "RUN mkdir -p storage/logs && chmod -R 777 storage/logs && php artisan config:cache\n",
        [(4, "LG004")],
    ),
    # (e06_install_dm_combined.Dockerfile)
    (
        "FROM debian:12-slim\n"
        "RUN install -dm 0755 -o www-data /srv/app\n"
        "COPY app.tar.gz /srv/app\n"
        "RUN tar -xzf /srv/app/app.tar.gz -C /srv/app && rm /srv/app/app.tar.gz\n",
        [(3, "LG006"), (4, "LG003")],
    ),
    # (e11_install_sbin_then_chmod.Dockerfile)
    (
        "FROM debian:12-slim\n"
        "COPY gosu-amd64 /tmp/gosu\n"
        "RUN install -m 0755 /tmp/gosu /usr/local/sbin && rm /tmp/gosu\n"
        "RUN chmod u+s /usr/local/sbin/gosu\n",
        [(3, "LG003"), (4, "LG004")],
    ),
    # (f01_build_dot_srcdir.Dockerfile)
    (
        "FROM python:3.12-slim\n"
        "WORKDIR /src\n"
        "COPY . .\n"
        "RUN pip install --no-cache-dir build \\\n"
        " && python -m build --wheel . \\\n"
        " && pip install --no-cache-dir dist/*.whl\n",
        [(4, "LG005")],  # (build's isolated environment, through pip's cache)
    ),
    # (f04_poetry_build.Dockerfile)
    (
        "FROM python:3.12-slim\n"
        "ENV PIP_NO_CACHE_DIR=1 POETRY_NO_INTERACTION=1\n"
        "RUN pip install poetry==1.8.2\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN poetry build -f wheel && pip install dist/*.whl\n",
        [],
    ),
    # (f11_uv_build.Dockerfile)
    (
        "FROM python:3.12-slim\n"
        "COPY --from=ghcr.io/astral-sh/uv:0.4.20 /uv /usr/local/bin/uv\n"
        "WORKDIR /src\n"
        "COPY . .\n"
        "RUN uv build --wheel --no-cache && uv pip install --system --no-cache dist/*.whl\n",
        [],
    ),
    # (cf01.Dockerfile)
    (
        "FROM php:8.2-fpm\nCOPY docker/php/ /usr/local/etc/php/\n",
        [],
    ),
    # (cf02.Dockerfile)
    (
        "FROM php:8.2-apache\nCOPY config/ /usr/local/etc/php/\n",
        [],
    ),
    # (cf17.Dockerfile)
    (
        "FROM php:8.2-apache\nCOPY php /usr/local/etc/php\n",
        [],
    ),
    # (cf05.Dockerfile)
    (
        "FROM tomcat:8.5.40-jre8\nCOPY webapps/ /usr/local/tomcat/webapps/\n",
        [],
    ),
    # (cf04.Dockerfile)
    (
        "FROM php:8.3-fpm\nCOPY etc/ /usr/local/etc/\n",
        [],
    ),
    # (cf03.Dockerfile)
    (
        "FROM php:8.2-fpm-alpine\nCOPY docker/php-fpm/*.conf /usr/local/etc/php-fpm.d/\n",
        [],
    ),
    # (cf22.Dockerfile)
    (
        "FROM php:8.2-fpm\nCOPY conf/ /usr/local/etc/php-fpm.d/\n",
        [],
    ),
    # (cf07.Dockerfile)
    (
        "FROM httpd:2.4-alpine\nCOPY conf/ /usr/local/apache2/conf/\n",
        [(2, "LG002")],
    ),
    # (np03.Dockerfile)
    (
        "FROM node:20-bookworm\n"
        "RUN curl -fsSLO"
        " https://raw.githubusercontent.com/example/tools/main/package.json && npm install\n"
        'CMD ["npx", "tool"]\n',
        [(2, "LG005")],
    ),
    # (np04.Dockerfile)
    (
        "FROM node:20-alpine\n"
        'RUN echo \'{"name":"x","dependencies":{"express":"^4.19.2"}}\' > package.json &&'
        " npm install\n"
        'CMD ["node", "-e", "require(\'express\')"]\n',
        [(2, "LG005")],
    ),
    # (np05.Dockerfile)
    (
        "FROM node:20-bookworm\n"
        "RUN curl -fsSL https://example.com/app-1.0.tgz | tar -xz --strip-components=1"
        " && npm install --omit=dev\n"
        'CMD ["node", "server.js"]\n',
        [(2, "LG005")],
    ),
    # (np17.Dockerfile)
    (
        "FROM node:20-bookworm\n"
        "COPY app.tgz /tmp/\n"
        "RUN tar -xzf /tmp/app.tgz --strip-components=1 -C / && rm /tmp/app.tgz && npm"
        " install --omit=dev\n",
        [(2, "LG006"), (3, "LG003"), (3, "LG005")],
    ),
    # (np18.Dockerfile)
    (
        "FROM node:20-bookworm\n"
        "RUN cp /usr/local/lib/node_modules/npm/package.json /package.json && npm install\n",
        [(2, "LG005")],
    ),
    # (np07.Dockerfile)
    (
        "FROM node:20-bookworm\n"
        "WORKDIR /app\n"
        "COPY package.json .\n"
        "WORKDIR /\n"
        "RUN npm install --loglevel warn\n",
        [],
    ),
    # (dn03.Dockerfile)
    (
        "FROM mcr.microsoft.com/dotnet/sdk:8.0\n"
        "WORKDIR /src\n"
        "COPY . .\n"
        "RUN dotnet publish Api/Api.csproj -c Release -o build\n"
        'ENTRYPOINT ["dotnet", "build/Api.dll"]\n',
        [(4, "LG005")],
    ),
    # (dn04.Dockerfile)
    (
        "FROM mcr.microsoft.com/dotnet/sdk:8.0\n"
        "WORKDIR /src\n"
        "COPY . .\n"
        "RUN dotnet publish -c Release -o /app\n"
        "WORKDIR /app\n"
        'ENTRYPOINT ["dotnet", "run.dll"]\n',
        [(4, "LG005")],
    ),
    # (dn06.Dockerfile)
    (
        "FROM mcr.microsoft.com/dotnet/sdk:8.0\n"
        "WORKDIR /src\n"
        "COPY . .\n"
        "RUN dotnet publish -c Release -o /app\n"
        "COPY docker/dotnet-run.sh /usr/local/bin/\n"
        'ENTRYPOINT ["/usr/local/bin/dotnet-run.sh"]\n',
        [(4, "LG005")],
    ),
    # (cu14.Dockerfile)
    (
        "FROM eclipse-temurin:17-jre\n"
        "RUN mirror=$(curl -s 'https://www.apache.org/dyn/closer.cgi?as_json=1' | sed -n"
        ' \'s/.*"preferred": "\\(.*\\)".*/\\1/p\') \\\n'
        ' && curl -fsSL "${mirror}flink/flink-1.19.0/flink-1.19.0-bin-scala_2.12.tgz" |'
        " tar -xzf - -C /opt \\\n"
        " && mv /opt/flink-1.19.0 /opt/flink\n"
        "COPY flink-conf.yaml /opt/flink/conf/flink-conf.yaml\n"
        "COPY config.yaml /opt/flink/conf/config.yaml\n",
        [(6, "LG002")],
    ),
    # (cu08.Dockerfile)
    (
        "FROM eclipse-temurin:17-jre\n"
        "RUN m=https://archive.apache.org/dist/ \\\n"
        ' && curl -fsSL "${m}flink/flink-1.19.0/flink-1.19.0-bin-scala_2.12.tgz" | tar'
        " -xzf - -C /opt\n"
        "COPY flink-conf.yaml /opt/flink-1.19.0/conf/flink-conf.yaml\n",
        [],
    ),
    # (cu09.Dockerfile)
    (
        "FROM eclipse-temurin:17-jre\n"
        "RUN curl -fsSL"
        ' "https://archive.apache.org/dist/flink/flink-1.19.0/flink-1.19.0-bin-scala_2.12'
        '.tgz" | tar -xzf - -C /opt\n'
        "COPY flink-conf.yaml /opt/flink-1.19.0/conf/flink-conf.yaml\n",
        [],
    ),
    # (cu13.Dockerfile)
    (
        "FROM eclipse-temurin:11-jre\n"
        "RUN curl -fsSL"
        " https://archive.apache.org/dist/flink/flink-1.17.2/flink-1.17.2-bin-scala_2.12."
        "tgz | tar -xzf - -C /opt\n"
        "COPY slaves /opt/flink-1.17.2/conf/slaves\n"
        "COPY workers /opt/flink-1.17.2/conf/workers\n",
        [(4, "LG002")],
    ),
    # (fl07.Dockerfile)
    (
        "FROM flink:1.17\nCOPY log4j-cli.properties log4j-session.properties /opt/flink/conf/\n",
        [(2, "LG002")],
    ),
    # (fl06.Dockerfile)
    (
        "FROM flink:scala_2.11-java8\nCOPY flink-conf.yaml /opt/flink/conf/flink-conf.yaml\n",
        [(2, "LG002")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_SIXTH_REVIEW)
def test_the_review_of_the_thirty_sixth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


# The second two reviews of the thirty-sixth session's classes (after their first fixes)
_THIRTY_SIXTH_SECOND_REVIEW = [
    # (bc19_bind9_zone_files_glob.Dockerfile)
    (
        "FROM ubuntu/bind9:9.18-22.04_beta\n"
        "COPY named.conf.local /etc/bind/named.conf.local\n"
        "COPY zones/db.* /etc/bind/\n",
        [(2, "LG002")],
    ),
    # (bc20_bind9_isc_db_glob.Dockerfile)
    (
        "FROM internetsystemsconsortium/bind9:9.18\nCOPY db.* /etc/bind/\n",
        [],
    ),
    # (fk01_flink110_workers.Dockerfile)
    (
        "FROM flink:1.10.3-scala_2.12\nCOPY workers /opt/flink/conf/workers\n",
        [],
    ),
    # (fk03_flink110_session_props.Dockerfile)
    (
        "FROM flink:1.10\nCOPY log4j-session.properties /opt/flink/conf/log4j-session.properties\n",
        [],
    ),
    # (pf05_alpine_bash_virtual_del.Dockerfile)
    (
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache --virtual .build-deps bash build-base \\\n"
        " && bash -c 'echo building' \\\n"
        " && apk del .build-deps\n"
        "COPY inputrc /etc/inputrc\n",
        [],
    ),
    # (np04_npm_init_pkg_set_earlier.Dockerfile)
    (
        "FROM node:20-bookworm-slim\n"
        "RUN npm init -y && npm pkg set dependencies.express=^4.19.2\n"
        "RUN npm install\n",
        [(3, "LG005")],
    ),
    # (bc03_phpapache_sites_dir.Dockerfile)
    (
        "FROM php:8.2-apache\nRUN a2enmod rewrite\nCOPY config/ /etc/apache2/sites-available/\n",
        [],
    ),
    # (ph12_wordpress_mv_ini_prod.Dockerfile)
    (
        'FROM wordpress:6.5-fpm\nRUN mv "$PHP_INI_DIR/php.ini-production" "$PHP_INI_DIR/php.ini"\n',
        [(2, "LG003")],
    ),
    # (pf10_alpine_readline_dev.Dockerfile)
    (
        "FROM alpine:3.19\nRUN apk add --no-cache readline-dev\nCOPY inputrc /etc/inputrc\n",
        [(3, "LG002")],
    ),
    # (pk01_bind9_pkg_db_glob.Dockerfile)
    (
        "FROM debian:bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends bind9 && rm"
        " -rf /var/lib/apt/lists/*\n"
        "COPY named.conf.local /etc/bind/\n"
        "COPY zones/db.* /etc/bind/\n",
        [(3, "LG002")],
    ),
    # (fk02_flink19_slaves.Dockerfile)
    (
        "FROM flink:1.9-scala_2.11\nCOPY slaves /opt/flink/conf/slaves\n",
        [(2, "LG002")],
    ),
    # (fk08_flink_logback.Dockerfile)
    (
        "FROM flink:1.17\nCOPY logback.xml logback-console.xml /opt/flink/conf/\n",
        [(2, "LG002")],
    ),
    # (a01_install_Dm_space.Dockerfile)
    (
        "FROM debian:12-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends curl"
        " ca-certificates && rm -rf /var/lib/apt/lists/*\n"
        "RUN curl -fsSL -o /tmp/tini"
        " https://github.com/krallin/tini/releases/download/v0.19.0/tini-amd64 \\\n"
        " && install -Dm 755 /tmp/tini /usr/local/bin/tini \\\n"
        " && rm /tmp/tini\n"
        "RUN chmod 0500 /usr/local/bin/tini\n"
        'ENTRYPOINT ["/usr/local/bin/tini", "--"]\n',
        [(6, "LG004")],
    ),
    # (a02_install_vm_space_copy_over.Dockerfile)
    (
        "FROM debian:12-slim\n"
        "COPY config/app.yaml /tmp/app.yaml\n"
        "RUN mkdir -p /etc/myapp && install -vm 0644 /tmp/app.yaml /etc/myapp/app.yaml\n"
        "COPY config/app.yaml /etc/myapp/app.yaml\n",
        [(4, "LG002")],
    ),
    # (c03_busybox_hardlink_mv.Dockerfile)
    (
        "FROM busybox:1.36\nRUN mv /bin/sh /bin/sh.real\nRUN rm /bin/sh.real\n",
        [(3, "LG003")],
    ),
    # (d02_find_user_u_attached.Dockerfile)
    (
        "FROM debian:12-slim\n"
        "COPY --chown=1001:1001 public/ /srv/www/\n"
        "RUN useradd -u1001 -M -s /usr/sbin/nologin web \\\n"
        " && find /srv/www -user web -type f -exec chmod 0640 {} +\n"
        "USER web\n",
        [(3, "LG004")],
    ),
    # (d04_find_user_default_uid_1000.Dockerfile)
    (
        "FROM debian:12-slim\n"
        "COPY --chown=1000:1000 site/ /srv/www/\n"
        "RUN useradd -m -s /bin/bash web \\\n"
        " && find /srv/www -user web -type f -exec chmod 0640 {} +\n"
        "USER web\n",
        [(3, "LG004")],
    ),
    # (e01_yes_pipe_env_prefix.Dockerfile)
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm &&"
        " rm -rf /var/lib/apt/lists/*\n"
        "RUN npm install -g pnpm@8 && npm cache clean --force\n"
        "RUN yes | DEBIAN_FRONTEND=noninteractive apt-get purge npm\n",
        [(4, "LG003")],
    ),
    # (e13_yes_pipe_sudo_env.Dockerfile)
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends sudo gcc && rm"
        " -rf /var/lib/apt/lists/*\n"
        "RUN useradd -m dev && echo 'dev ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/dev\n"
        "USER dev\n"
        "RUN yes | sudo DEBIAN_FRONTEND=noninteractive apt-get remove gcc\n",
        [(5, "LG003")],
    ),
    # (e05_cimg_base_assume_yes.Dockerfile)
    (
        "FROM cimg/base:2024.01\n"
        "RUN sudo apt-get update && sudo apt-get install --no-install-recommends"
        " libvips-dev && sudo rm -rf /var/lib/apt/lists/*\n"
        "RUN sudo apt-get remove libvips-dev\n",
        [(3, "LG003")],
    ),
    # (e11_o_quiet2.Dockerfile)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf"
        " /var/lib/apt/lists/*\n"
        "RUN apt-get -o quiet=2 purge gcc\n",
        [(3, "LG003")],
    ),
    # (f11_laravel_logs_subdir_new.Dockerfile)
    (
        "FROM php:8.3-fpm\n"
        "WORKDIR /var/www/html\n"
        "COPY . .\n"
        "RUN mkdir -p storage/logs/supervisor \\\n"
        " && chown -R www-data:www-data storage/logs/supervisor \\\n"
        " && php artisan config:cache\n",
        [],
    ),
    # (f12_laravel_app_uploads_new.Dockerfile)
    (
        "FROM php:8.3-fpm\n"
        "WORKDIR /var/www/html\n"
        "COPY . .\n"
        "RUN mkdir -p storage/app/backups \\\n"
        " && chmod -R 775 storage/app/backups \\\n"
        " && php artisan storage:link\n",
        [],
    ),
    # (i07_tomcat_webapps_removed_then_copy.Dockerfile)
    (
        "FROM tomcat:9.0\n"
        "RUN rm -rf /usr/local/tomcat/webapps\n"
        "COPY ROOT.war /usr/local/tomcat/webapps\n"
        "RUN chmod 0644 /usr/local/tomcat/webapps\n",
        [(4, "LG004")],
    ),
    # (c01_sh_ln_earlier_then_mv.Dockerfile)
    (
        "FROM debian:12\n"
        "RUN rm /bin/sh && ln -s /bin/bash /bin/sh\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends"
        " build-essential && rm -rf /var/lib/apt/lists/*\n"
        "RUN mv /bin/sh /bin/sh.bash && ln -s /bin/dash /bin/sh\n"
        "RUN rm -f /bin/sh.bash\n",
        [],
    ),
    # (c02_sh_lnsf_then_mv.Dockerfile)
    (
        "FROM ubuntu:22.04\n"
        "RUN ln -sf /bin/bash /bin/sh\n"
        "RUN mv /bin/sh /bin/sh.orig && ln -s /bin/dash /bin/sh\n"
        "RUN rm /bin/sh.orig\n",
        [],
    ),
    # (f01_laravel_cache_data_deep.Dockerfile)
    (
        "FROM php:8.3-fpm\n"
        "WORKDIR /var/www/html\n"
        "COPY . .\n"
        "RUN mkdir -p storage/framework/cache/data \\\n"
        " && chown -R www-data:www-data storage/framework/cache/data \\\n"
        " && php artisan config:cache\n",
        [(4, "LG004")],
    ),
    # (a05_install_dm_attached.Dockerfile)
    (
        "FROM debian:12-slim\n"
        "RUN install -dm0755 /srv/app\n"
        "COPY app.tar.gz /srv/app\n"
        "RUN tar -xzf /srv/app/app.tar.gz -C /srv/app && rm /srv/app/app.tar.gz\n",
        [(3, "LG006"), (4, "LG003")],
    ),
    # (j01_npm_fetch_retries_before_ci.Dockerfile)
    (
        "FROM node:20-bookworm-slim\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm --fetch-retries 5 --fetch-retry-maxtimeout 120000 ci --omit=dev\n"
        "COPY . .\n"
        'CMD ["node", "server.js"]\n',
        [(4, "LG005"), (5, "LG002")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_SIXTH_SECOND_REVIEW)
def test_the_second_review_of_the_thirty_sixth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


# The third two reviews of the thirty-sixth session's classes (after their second fixes; two
# classes withdrawn: apt's removals without -y, find -user of a user the RUN made)
_THIRTY_SIXTH_THIRD_REVIEW = [
    # (a02_install_oroot_attached.Dockerfile)
    (
        "FROM debian:12-slim\n"
        "COPY tini /tmp/tini\n"
        "RUN install -oroot -groot -m755 /tmp/tini /usr/local/bin/tini\n"
        "RUN chmod +s /usr/local/bin/tini\n",
        [(4, "LG004")],
    ),
    # (a13_install_gstaff_attached.Dockerfile)
    (
        "FROM debian:12-slim\n"
        "COPY backup.sh /tmp/backup.sh\n"
        "RUN install -gstaff -m0750 /tmp/backup.sh /usr/local/bin/backup\n"
        "RUN chmod g+s /usr/local/bin/backup\n",
        [(4, "LG004")],
    ),
    # (f01_tomcat_rm_webapps_star_then_copy_noslash.Dockerfile)
    (
        "FROM tomcat:9.0-jdk17\n"
        "RUN rm -rf /usr/local/tomcat/webapps/*\n"
        "COPY target/app.war /usr/local/tomcat/webapps\n"
        "RUN cd /usr/local/tomcat/webapps && unzip -q app.war -d app\n",
        [(3, "LG006")],
    ),
    # (f12_tomcat_rm_star_copy_war_chmod.Dockerfile)
    (
        "FROM tomcat:9.0-jdk17\n"
        "RUN rm -rf /usr/local/tomcat/webapps/*\n"
        "COPY ROOT.war /usr/local/tomcat/webapps\n"
        "RUN chmod 0640 /usr/local/tomcat/webapps/ROOT.war\n",
        [(4, "LG004")],
    ),
    # (c06_node_base_user_node_gyp.Dockerfile)
    (
        "FROM node:20-bookworm-slim\n"
        "COPY --chown=1000:1000 . /srv/app\n"
        "RUN npm install -g node-gyp && find /srv/app -user node -type f -exec chmod g+w"
        " {} + && npm cache clean --force\n",
        [(3, "LG004")],
    ),
    # (c11_postgres_image_pgvector_find_user.Dockerfile)
    (
        "FROM postgres:16\n"
        "COPY --chown=999:999 initdb/ /docker-entrypoint-initdb.d/\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends"
        " postgresql-16-pgvector && rm -rf /var/lib/apt/lists/* && find"
        " /docker-entrypoint-initdb.d -user postgres -type f -exec chmod 0600 {} +\n",
        [(3, "LG004")],
    ),
    # (c14_useradd_u999_then_redis_pkg_data.Dockerfile)
    (
        "FROM debian:12-slim\n"
        "COPY --chown=999:999 data/ /data/\n"
        "RUN groupadd -r -g 999 redis && useradd -r -u 999 -g redis redis && apt-get"
        " update && apt-get install -y --no-install-recommends redis-server && rm -rf"
        " /var/lib/apt/lists/* && find /data -user redis -exec chmod 0640 {} +\n",
        [(3, "LG004")],
    ),
    # (d01_same_run_assume_yes_conf_then_purge.Dockerfile)
    (
        "FROM debian:12-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends"
        " build-essential && rm -rf /var/lib/apt/lists/*\n"
        "RUN echo 'APT::Get::Assume-Yes \"true\";' > /etc/apt/apt.conf.d/90assumeyes \\\n"
        " && apt-get purge --auto-remove build-essential\n",
        [(3, "LG003")],
    ),
    # (d02_legacy_circleci_image.Dockerfile)
    (
        "FROM circleci/python:3.9-buster\n"
        "RUN sudo apt-get update && sudo apt-get install -y libpq-dev && sudo rm -rf"
        " /var/lib/apt/lists/*\n"
        "RUN sudo apt-get remove --purge libpq-dev\n",
        [(3, "LG003")],
    ),
    # (d03_yes_env_command_prefix.Dockerfile)
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm &&"
        " rm -rf /var/lib/apt/lists/*\n"
        "RUN yes | env DEBIAN_FRONTEND=noninteractive apt-get purge npm\n",
        [(3, "LG003")],
    ),
    # (d15_yes_pipe_bash_c.Dockerfile)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf"
        " /var/lib/apt/lists/*\n"
        "RUN yes | bash -c 'apt-get remove gcc'\n",
        [(3, "LG003")],
    ),
    # (d16_o_aptget_assumeyes_attached.Dockerfile)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf"
        " /var/lib/apt/lists/*\n"
        "RUN apt-get --option=APT::Get::Assume-Yes=true purge gcc\n",
        [(3, "LG003")],
    ),
    # (d20_nested_apt_conf_block.Dockerfile)
    (
        "FROM debian:12\n"
        'RUN printf \'APT {\\n  Get {\\n    Assume-Yes "true";\\n    Fix-Broken "true";\\n '
        " };\\n};\\n' > /etc/apt/apt.conf.d/90forceyes\n"
        "RUN apt-get update && apt-get install --no-install-recommends gcc libc6-dev &&"
        " rm -rf /var/lib/apt/lists/*\n"
        "RUN apt-get purge --auto-remove gcc libc6-dev\n",
        [(4, "LG003")],
    ),
    # (e04_not_laravel_node_storage.Dockerfile)
    (
        "FROM node:20-bookworm-slim\n"
        "WORKDIR /srv/app\n"
        "COPY . .\n"
        "RUN mkdir -p storage/logs storage/framework/cache \\\n"
        " && chown -R node:node storage/logs storage/framework/cache\n"
        "USER node\n",
        [],
    ),
    # (e01_laravel11_create_project_private.Dockerfile)
    (
        "FROM php:8.3-fpm\n"
        "COPY --from=composer:2 /usr/bin/composer /usr/bin/composer\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends git unzip &&"
        " rm -rf /var/lib/apt/lists/* \\\n"
        " && composer create-project --no-dev --prefer-dist laravel/laravel:^11.0"
        " /var/www/html/app \\\n"
        " && composer clear-cache\n"
        "WORKDIR /var/www/html/app\n"
        "RUN mkdir -p storage/app/private \\\n"
        " && chown -R www-data:www-data storage/app/private \\\n"
        " && php artisan storage:link\n",
        [(7, "LG004")],
    ),
    # (a01_hadoop_site_xml_glob.Dockerfile)
    (
        "FROM eclipse-temurin:11-jre\n"
        "ENV HADOOP_VERSION=3.3.6 HADOOP_HOME=/opt/hadoop\n"
        "RUN curl -fsSL"
        " https://archive.apache.org/dist/hadoop/common/hadoop-${HADOOP_VERSION}/hadoop-$"
        "{HADOOP_VERSION}.tar.gz | tar -xzf - -C /opt \\\n"
        " && mv /opt/hadoop-${HADOOP_VERSION} /opt/hadoop\n"
        "COPY conf/*-site.xml /opt/hadoop/etc/hadoop/\n",
        [(5, "LG002")],
    ),
    # (a18_hadoop2_tar_site_glob.Dockerfile)
    (
        "FROM openjdk:8-jre\n"
        "ENV HADOOP_HOME=/usr/local/hadoop\n"
        "RUN wget -q"
        " https://archive.apache.org/dist/hadoop/common/hadoop-2.10.2/hadoop-2.10.2.tar.gz \\\n"
        " && tar -xzf hadoop-2.10.2.tar.gz -C /usr/local && rm hadoop-2.10.2.tar.gz \\\n"
        " && mv /usr/local/hadoop-2.10.2 $HADOOP_HOME\n"
        "COPY hadoop-config/*-site.xml $HADOOP_HOME/etc/hadoop/\n",
        [(6, "LG002")],
    ),
    # (a27_hadoop_tar_site_glob_builder_stage.Dockerfile)
    (
        "FROM eclipse-temurin:11-jre AS hadoop\n"
        "RUN curl -fsSL"
        " https://archive.apache.org/dist/hadoop/common/hadoop-3.3.6/hadoop-3.3.6.tar.gz"
        " | tar -xzf - -C /opt \\\n"
        " && mv /opt/hadoop-3.3.6 /opt/hadoop\n"
        "\n"
        "FROM hadoop\n"
        "COPY etc/*-site.xml /opt/hadoop/etc/hadoop/\n",
        [(6, "LG002")],
    ),
    # (a09_bind_named_conf_glob.Dockerfile)
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends bind9 && rm"
        " -rf /var/lib/apt/lists/*\n"
        "COPY bind/named.conf* /etc/bind/\n",
        [(3, "LG002")],
    ),
    # (a16_bind_named_conf_dot_star.Dockerfile)
    (
        "FROM debian:bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends bind9"
        " bind9utils && rm -rf /var/lib/apt/lists/*\n"
        "COPY config/named.conf.* /etc/bind/\n",
        [(3, "LG002")],
    ),
    # (a13_nginx_apt_star_dot_star.Dockerfile)
    (
        "FROM debian:bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends nginx && rm"
        " -rf /var/lib/apt/lists/*\n"
        "COPY nginx/*.* /etc/nginx/\n",
        [(3, "LG002")],
    ),
    # (a25_tomcat_tar_conf_star_dot_star.Dockerfile)
    (
        "FROM eclipse-temurin:17-jre\n"
        "RUN curl -fsSL"
        " https://archive.apache.org/dist/tomcat/tomcat-9/v9.0.85/bin/apache-tomcat-9.0.8"
        "5.tar.gz | tar -xzf - -C /opt \\\n"
        " && mv /opt/apache-tomcat-9.0.85 /opt/tomcat\n"
        "COPY tomcat/conf/*.* /opt/tomcat/conf/\n",
        [(4, "LG002")],
    ),
    # (a22_kafka_server_props_prefix.Dockerfile)
    (
        "FROM eclipse-temurin:17-jre\n"
        "RUN curl -fsSL https://archive.apache.org/dist/kafka/3.6.1/kafka_2.13-3.6.1.tgz"
        " | tar -xzf - -C /opt\n"
        "COPY config/connect-* /opt/kafka_2.13-3.6.1/config/\n",
        [(3, "LG002")],
    ),
    # (v13_virtual_openssh_client_kept_by_openssh.Dockerfile)
    (
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache openssh \\\n"
        " && apk add --no-cache --virtual .fetch-deps git openssh-client \\\n"
        " && git clone --depth 1 https://github.com/example/tools.git /opt/tools \\\n"
        " && apk del .fetch-deps\n"
        "COPY ssh_config /etc/ssh/ssh_config\n",
        [(6, "LG002")],
    ),
    # (v15_virtual_sudo_explicit.Dockerfile)
    (
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache sudo shadow \\\n"
        " && apk add --no-cache --virtual .setup-deps sudo curl \\\n"
        " && curl -fsSL https://example.com/setup.sh | sh \\\n"
        " && apk del .setup-deps\n"
        "COPY sudoers /etc/sudoers\n",
        [(6, "LG002")],
    ),
    # (v08_virtual_nginx_redis_conf.Dockerfile)
    (
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache redis \\\n"
        " && apk add --no-cache --virtual .tmp redis \\\n"
        " && apk del .tmp\n"
        "COPY redis.conf /etc/redis.conf\n",
        [(5, "LG002")],
    ),
    # (v03_virtual_noname_dot.Dockerfile)
    (
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache --virtual build-dependencies bash build-base \\\n"
        " && bash -c 'make -C /tmp || true' \\\n"
        " && apk del build-dependencies\n"
        "COPY inputrc /etc/inputrc\n",
        [],
    ),
    # (v19_virtual_readd_same_name_same_run.Dockerfile)
    (
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache --virtual .deps bash \\\n"
        " && apk add --no-cache --virtual .deps curl \\\n"
        " && apk del .deps\n"
        "COPY inputrc /etc/inputrc\n",
        [],
    ),
    # (w05_wget_dnf_fedora.Dockerfile)
    (
        "FROM fedora:40\nRUN dnf install -y wget && dnf clean all\nCOPY wgetrc /etc/wgetrc\n",
        [],
    ),
    # (faults of that review fixed since: npm init elsewhere, Flink's numbered Scala 2.11 tags)
    # (n01_npm_init_in_subdir_then_root_install.Dockerfile)
    (
        "FROM node:20-bookworm-slim\n"
        "RUN mkdir -p /opt/tools && cd /opt/tools && npm init -y && npm install"
        " --omit=dev lodash@4.17.21 && npm cache clean --force\n"
        "COPY package.json package-lock.json /app/\n"
        "RUN npm install\n",
        [],
    ),
    # (n02_npm_create_vite_subdir.Dockerfile)
    (
        "FROM node:20-alpine\n"
        "RUN npm create vite@5 web -- --template react && npm cache clean --force\n"
        "COPY package.json /srv/\n"
        "RUN npm install\n",
        [],
    ),
    # (n03_npm_pkg_get_readonly.Dockerfile)
    (
        "FROM node:20-bookworm-slim\n"
        "COPY package.json /app/\n"
        "RUN cd /app && npm pkg get version\n"
        "RUN npm install\n",
        [],
    ),
    # (n06_npm_init_workdir_app_root_install.Dockerfile)
    (
        "FROM node:20-bookworm-slim\nWORKDIR /app\nRUN npm init -y\nWORKDIR /\nRUN npm install\n",
        [],
    ),
    # (n14_npm_pkg_set_in_app_prefix_root_install.Dockerfile)
    (
        "FROM node:20-bookworm-slim\n"
        "COPY package.json /app/\n"
        'RUN cd /app && npm pkg set scripts.start="node server.js" && npm pkg delete'
        " devDependencies\n"
        "RUN npm install --omit=dev\n",
        [],
    ),
    # (f01_flink114_scala211_workers.Dockerfile)
    (
        "FROM flink:1.14.6-scala_2.11-java11\nCOPY conf/workers /opt/flink/conf/workers\n",
        [(2, "LG002")],
    ),
    # (f02_flink113_scala211_log4j_session.Dockerfile)
    (
        "FROM flink:1.13-scala_2.11\nCOPY log4j-session.properties /opt/flink/conf/\n",
        [(2, "LG002")],
    ),
    # (and an archive copied by cp before its unpacking; Debian's readline-common)
    # (h12_cp_then_tar.Dockerfile)
    (
        "FROM debian:12-slim\n"
        "COPY app.tgz /tmp/\n"
        "RUN cp /tmp/app.tgz /opt/ && tar -xzf /opt/app.tgz -C /opt && rm /opt/app.tgz\n",
        [(2, "LG006")],
    ),
    # (r03_debian_libreadline_dev.Dockerfile)
    (
        "FROM debian:bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends"
        " libreadline-dev && rm -rf /var/lib/apt/lists/*\n"
        "COPY inputrc /etc/inputrc\n",
        [(3, "LG002")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_SIXTH_THIRD_REVIEW)
def test_the_third_review_of_the_thirty_sixth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


# The thirty-seventh session's classes: the minimal repro of each (sets 530 on)
_THIRTY_SEVENTH = [
    # `clean packages` takes the downloaded packages, which dnf and yum drop anyway, and leaves
    # the repositories' metadata; `clean metadata` takes what stays (line 2's too: LG003)
    (
        "FROM fedora:39\nRUN dnf install -y gcc && dnf clean packages\n"
        "RUN yum install -y make && yum clean metadata\n"
        "RUN dnf install -y git && dnf clean packages metadata\n",
        [(2, "LG005"), (3, "LG003")],
    ),
    # pnpm's -w is --workspace-root, a switch (npm's -w takes a workspace)
    (
        "FROM node:20\nWORKDIR /app\nCOPY package.json pnpm-lock.yaml ./\n"
        "RUN npm i -g pnpm && pnpm -w install --frozen-lockfile && npm cache clean --force\n",
        [(4, "LG005")],
    ),
    # MariaDB's own RPM repository: its packages bring MariaDB-common's /etc/my.cnf
    (
        "FROM centos:7\nRUN yum install -y MariaDB-server MariaDB-client && yum clean all\n"
        "ADD my.cnf /etc/my.cnf\n",
        [(3, "LG002")],
    ),
    # PowerShell's -Command runs its words as one command line: a program's call reads as sh's
    (
        "FROM mcr.microsoft.com/dotnet/sdk:8.0\n"
        'RUN pwsh -NoProfile -Command "dotnet tool install --global GitVersion.Tool"\n'
        "RUN pwsh -ExecutionPolicy Bypass -c dotnet tool install -g dotnet-ef"
        " && dotnet nuget locals all --clear\n"
        "RUN pwsh -File ./build.ps1\n",
        [(2, "LG005"), (3, "LG003")],
    ),
    # An interpreter a variable names runs pip: `"$python_exe" -m pip install`
    (
        "FROM centos:7\nRUN make altinstall"
        ' && python_exe="$(ls -1 /usr/local/bin/python3* | head -1)"'
        ' && "$python_exe" -m pip install psutil\n'
        'RUN "$PY" -m pip install --no-cache-dir six && "${PY}" -m venv /v\n',
        [(2, "LG005")],
    ),
    # A glob's chown takes the files every image of the base holds there, whatever else the
    # same RUN made that the glob takes too (node's /home/node/.bashrc beside a new .npmrc)
    (
        "FROM node:22-bookworm-slim\n"
        "RUN echo 'update-notifier=false' > /home/node/.npmrc && chown node:node /home/node/.*\n",
        [(2, "LG004")],
    ),
    (
        "FROM node:22-bookworm-slim\nRUN echo x > /home/node/.bashrc && chown node /home/node/.ba"
        "shr*\n",
        [],
    ),
    # A package's data directory or a directory of its known configuration, moved whole
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y mariadb-server"
        " && rm -rf /var/lib/apt/lists/*\nRUN mv /var/lib/mysql /data\nRUN mv /etc/mysql /config\n",
        [(3, "LG003"), (4, "LG003")],
    ),
    # A wildcard that ends in a slash takes directories only: the archive beside them stays
    (
        "FROM debian:12\nWORKDIR /opt/payara\n"
        "RUN wget -O payara.zip https://x.org/p.zip && unzip -qq payara.zip -d ./"
        " && mv payara*/ appserver\nRUN rm -rf payara.zip\n",
        [(4, "LG003")],
    ),
    (
        "FROM debian:12\nWORKDIR /opt/payara\n"
        "RUN wget -O payara.zip https://x.org/p.zip && unzip -qq payara.zip -d ./"
        " && mv payara* /srv/\nRUN rm -rf payara.zip\n",
        [],
    ),
    # FrankenPHP's image: its phpinfo page in /app/public, Caddy's configuration, php's files
    (
        "FROM dunglas/frankenphp:1.12.7-php8-trixie\nCOPY Caddyfile /etc/caddy/Caddyfile\n"
        "COPY php.ini-production /usr/local/etc/php/\nCOPY index.php public/\n"
        "COPY apache2.conf /etc/apache2/apache2.conf\n",
        [(2, "LG002"), (3, "LG002"), (4, "LG002")],
    ),
    # docker-mailserver's image: Debian's Postfix and Dovecot configured, its start script
    (
        "FROM tvial/docker-mailserver:latest\nCOPY target/bin/* /usr/local/bin/\n"
        "COPY auth-sql.conf.ext /etc/dovecot/conf.d/\nCOPY main.cf /etc/postfix/main.cf\n"
        "COPY dovecot-sql.conf /etc/dovecot/conf.d/\n",
        [(3, "LG002"), (4, "LG002")],
    ),
    # Webtatic's and IUS's PHP packages for EL 6 and 7 keep RHEL's paths
    (
        "FROM centos:7\nRUN rpm -Uvh https://mirror.webtatic.com/yum/el7/webtatic-release.rpm"
        " && yum install -y php56w-fpm php56w-cli && yum clean all\n"
        "ADD php.ini /etc/php.ini\nADD php-fpm.conf /etc/php-fpm.conf\n"
        "ADD www.conf /etc/php-fpm.d/www.conf\nADD x.ini /etc/php.d/x.ini\n",
        [(3, "LG002"), (4, "LG002"), (5, "LG002")],
    ),
    # CentOS's image of systemd is CentOS 7's: its repositories' file, moved aside, again
    (
        "FROM centos/systemd\nRUN mv /etc/yum.repos.d/CentOS-Base.repo /tmp/CentOS-Base.repo.bak"
        " && curl -o /etc/yum.repos.d/CentOS-Base.repo http://mirrors.163.com/x.repo\n",
        [(2, "LG003")],
    ),
    # cp or mv of two or more files lands them inside the target directory, by their names;
    # Kibana's, Elasticsearch's and Logstash's -oss tarballs hold their configuration
    (
        "FROM node:24 AS builder\nWORKDIR /opt\nCOPY package.json package-lock.json ./\n"
        "RUN npm ci && mkdir /opt/app && cp package.json package-lock.json /opt/app\n"
        "FROM node:24-slim\nCOPY --from=builder /opt/app /opt/app\nCOPY package.json /opt/app/\n",
        [(7, "LG002")],
    ),
    (
        "FROM centos:7\nWORKDIR /usr/share/kibana\n"
        "COPY kibana-oss-7.4.2-linux-x86_64.tar.gz /tmp/\n"
        "RUN tar --strip-components=1 -zxf /tmp/kibana-oss-7.4.2-linux-x86_64.tar.gz\n"
        "COPY kibana.yml /usr/share/kibana/config/kibana.yml\n",
        [(3, "LG006"), (5, "LG002")],
    ),
    # apk's --virtual given before its command names the group, not the command
    (
        "FROM alpine:3.19\nRUN apk --update --no-cache --virtual build-deps add g++ curl-dev\n"
        "RUN apk del build-deps\n",
        [(3, "LG003")],
    ),
    # useradd -m on Debian's family gives no .bash_profile: touch makes it
    (
        "FROM ubuntu:24.04\nRUN useradd -m -d /home/nginx -s /bin/bash nginx\n"
        "RUN su - nginx -c 'touch /home/nginx/.bash_profile'\nRUN touch /home/nginx/.bashrc\n",
        [(4, "LG004")],
    ),
    (
        "FROM rockylinux:9\nRUN useradd -m -d /home/nginx nginx\n"
        "RUN touch /home/nginx/.bash_profile\n",
        [(3, "LG004")],
    ),
    # venv's --upgrade-deps runs the new environment's pip, cache on
    (
        "FROM python:3.12-slim\nRUN python -m venv --upgrade-deps /venv\n"
        "RUN python -m venv /venv2\n"
        "RUN PIP_NO_CACHE_DIR=1 python -m venv --upgrade-deps /venv3\n",
        [(2, "LG005")],
    ),
    # A link forced over a dotfile /etc/skel gave a home: the file gives way, its bytes stay
    (
        "FROM debian:12\nRUN useradd --create-home cms\n"
        "RUN ln -sTf /app/bashrc.sh /home/cms/.bashrc\nRUN ln -sf /app/x /home/cms/.local\n"
        "RUN ln -sf /app/y /home/cms/\n",
        [(3, "LG003")],
    ),
    # docker-php-ext-install and -enable write each extension's ini in PHP_INI_DIR's conf.d
    (
        "FROM php:8.2-fpm\nRUN pecl install xdebug-3.3.1 && docker-php-ext-enable xdebug"
        " && rm -rf /tmp/pear\nRUN docker-php-ext-install -j$(nproc) pdo_mysql opcache\n"
        "COPY xdebug.ini /usr/local/etc/php/conf.d/docker-php-ext-xdebug.ini\n"
        "COPY opcache.ini /usr/local/etc/php/conf.d/opcache.ini\n"
        "RUN rm /usr/local/etc/php/conf.d/docker-php-ext-pdo_mysql.ini\n",
        [(4, "LG002"), (6, "LG003")],
    ),
    # `python -m build` installs the build requirements with pip, its cache on
    (
        "FROM python:3.12\nWORKDIR /src\nCOPY . .\nRUN python -m build --sdist\n"
        "RUN python -m build --no-isolation --wheel\n"
        "RUN PIP_NO_CACHE_DIR=1 python3 -m build\nRUN ./build --release\n",
        [(4, "LG005")],
    ),
    # A distribution's image holds no package pip installed: its uninstall removes nothing
    # there (but what an earlier RUN's pip installed, it does)
    (
        "FROM nvidia/cuda:11.8.0-devel-ubuntu22.04\nRUN python -m pip uninstall -y pillow\n"
        "RUN pip install --no-cache-dir torch\nRUN pip uninstall -y torch\n",
        [(4, "LG003")],
    ),
    # The libraries PHP links on php's Debian tags are packages of the base
    (
        "FROM php:8.4-apache-bookworm\nRUN apt-get update && apt-get install -y libpq-dev"
        " && apt-get remove -y libsqlite3-0 && rm -rf /var/lib/apt/lists/*\n",
        [(2, "LG003")],
    ),
    # A member of yum's group of build tools, removed after the group's install
    (
        'FROM centos:7\nRUN yum groupinstall -y "Development Tools" && yum clean all\n'
        "RUN yum remove -y git\n",
        [(3, "LG003")],
    ),
    # bitnami/minideb's apt wrapper
    (
        "FROM docker.io/bitnami/minideb:buster\nCOPY install_packages /usr/sbin/install_packages\n",
        [(2, "LG002")],
    ),
    # What lands below a cache mount stays in the mount, out of the layer
    (
        "FROM node:20\nWORKDIR /app\nCOPY package.json yarn.lock /app/frontend/\n"
        "RUN --mount=type=cache,target=/app/frontend/node_modules cd frontend && yarn install"
        " && yarn cache clean\nRUN rm -rf frontend/node_modules\n"
        "RUN --mount=type=tmpfs,target=/tmp/build curl -o /tmp/build/x.tgz https://x.org/x.tgz"
        " && tar -xzf /tmp/build/x.tgz -C /opt\nRUN rm -rf /tmp/build /opt/x\n",
        [(7, "LG003")],
    ),
    # find's own options come before where it starts: `find -L "$p"` starts at $p (not known
    # here), not at the working directory (Bitnami's configure_permissions_ownership)
    (
        "FROM debian:12\nCOPY app /opt/app\n"
        'RUN for p in $paths; do find -L "$p" -type f -exec chmod 664 {} \\; ; done\n'
        "RUN find -L /opt/app -type f -exec chmod 664 {} +\n",
        [(4, "LG004")],
    ),
]


# The first review of the thirty-seventh session's classes: each file a reviewer wrote, as it
# must read (regressions the classes brought, and faults they left)
_THIRTY_SEVENTH_REVIEW = [
    # (f07, f08: the shell's `*` skips the dotfiles a home holds)
    ("FROM node:20\nRUN mkdir -p /home/node/app && chown node:node /home/node/*\n", []),
    (
        "FROM node:20\nRUN mkdir -p /home/node/app /home/node/.npm-global"
        " && chown -R node:node /home/node/*\n",
        [],
    ),
    # (g29, g32, g08: a data directory emptied or removed since the install holds no data)
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y mariadb-server"
        " && rm -rf /var/lib/apt/lists/* && rm -rf /var/lib/mysql && mkdir -p /var/lib/mysql\n"
        "RUN mv /var/lib/mysql /var/lib/mysql.empty && ln -s /data /var/lib/mysql\n",
        [],
    ),
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends"
        " mariadb-server && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /var/lib/mysql/*\n"
        "RUN mv /var/lib/mysql /data\n",
        [(3, "LG003")],
    ),
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends"
        " postgresql-15 && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /var/lib/postgresql/15/main\n"
        "RUN mv /var/lib/postgresql /srv/pg\n",
        [(3, "LG003")],
    ),  # (g04_pg_no_main_cluster_mv)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends postgresql-common \\\n"
        "    && sed -ri 's/#(create_main_cluster) .*$/\\1 = false/' /etc/postgresql-common/create"
        "cluster.conf \\\n"
        "    && apt-get install -y --no-install-recommends postgresql-15 \\\n"
        "    && rm -rf /var/lib/apt/lists/*\n"
        "RUN mv /var/lib/postgresql /srv/postgresql && ln -s /srv/postgresql /var/lib/postgresql\n",
        [],
    ),
    # (d08_pwsh_remove_item_nuget)
    (
        "FROM mcr.microsoft.com/dotnet/sdk:8.0\n"
        'RUN pwsh -Command "dotnet tool install --global PowerShell;'
        ' Remove-Item -Recurse -Force /root/.nuget/packages"\n',
        [],
    ),
    # (d21_pwsh_npm_remove_item_cache)
    (
        "FROM mcr.microsoft.com/powershell:lts-ubuntu-22.04\n"
        "RUN apt-get update && apt-get install -y nodejs npm && rm -rf /var/lib/apt/lists/*\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        'RUN pwsh -Command "npm ci; Remove-Item -Recurse -Force ~/.npm"\n',
        [],
    ),
    # (j17_frankenphp_builder_workdir)
    (
        "FROM dunglas/frankenphp:1-builder-php8.3\nCOPY public/index.php public/index.php\n",
        [],
    ),
    # (a03_cp_parents_two_manifests)
    (
        "FROM node:20-slim AS deps\n"
        "WORKDIR /src\n"
        "COPY . .\n"
        "RUN mkdir /out && cp --parents apps/web/package.json apps/api/package.json /out\n"
        "\n"
        "FROM node:20-slim\n"
        "WORKDIR /app\n"
        "COPY --from=deps /out/ ./\n"
        "COPY package.json ./\n"
        "RUN npm ci --omit=dev && npm cache clean --force\n",
        [],
    ),
    # (a22_rsync_R_two_manifests)
    (
        "FROM node:20-slim AS deps\n"
        "WORKDIR /src\n"
        "COPY . .\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends rsync && rm -rf /var/li"
        "b/apt/lists/* \\\n"
        " && mkdir /out && rsync -aR packages/ui/package.json packages/core/package.json /out\n"
        "\n"
        "FROM node:20-slim\n"
        "WORKDIR /app\n"
        "COPY --from=deps /out/ ./\n"
        "COPY package.json ./\n"
        "RUN npm ci --omit=dev && npm cache clean --force\n",
        [],
    ),
    # (a45_rsync_exclude_value_two_files)
    (
        "FROM debian:bookworm\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends rsync && rm -rf /var/li"
        "b/apt/lists/*\n"
        "COPY conf/ /tmp/conf/\n"
        "RUN mkdir -p /etc/app && rsync -a --exclude local.yml /tmp/conf/app.yml /tmp/conf/db.yml"
        " /etc/app\n"
        "COPY local.yml /etc/app/local.yml\n",
        [],
    ),
    # (a19_cp_two_dirs_fileish_names)
    (
        "FROM nginx:1.25-alpine\n"
        "COPY sites/ /tmp/sites/\n"
        "RUN mkdir -p /srv && cp -r /tmp/sites/example.com /tmp/sites/example.org /srv\n"
        "RUN rm /srv/example.org/index.html\n",
        [(4, "LG003")],
    ),
    # (a26_cp_two_vhost_dirs_then_chmod_env)
    (
        "FROM php:8.2-apache\n"
        "COPY vhosts/ /tmp/vhosts/\n"
        "RUN cp -r /tmp/vhosts/shop.example.com /tmp/vhosts/api.example.com /var/www\n"
        "RUN chmod 600 /var/www/api.example.com/.env\n",
        [(4, "LG004")],
    ),
    # (a48_mv_two_addon_dirs_then_rm_inside)
    (
        "FROM debian:12-slim\n"
        "COPY addons.tar.gz /tmp/\n"
        "RUN mkdir -p /opt/kodi/addons /tmp/a && tar xzf /tmp/addons.tar.gz -C /tmp/a && rm /tmp/"
        "addons.tar.gz \\\n"
        " && mv /tmp/a/plugin.video.example /tmp/a/script.module.requests /opt/kodi/addons\n"
        "RUN rm /opt/kodi/addons/plugin.video.example/addon.xml\n",
        [(2, "LG006"), (3, "LG003"), (5, "LG003")],
    ),
    # (c03_mariadb_emptied_then_mv)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends mariadb-server \\\n"
        " && rm -rf /var/lib/apt/lists/* /var/lib/mysql && mkdir -p /var/lib/mysql\n"
        "RUN mv /var/lib/mysql /data\n",
        [],
    ),
    # (c21_mariadb_glob_emptied_then_mv)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends mariadb-server \\\n"
        " && rm -rf /var/lib/apt/lists/* /var/lib/mysql/*\n"
        "RUN mv /var/lib/mysql /var/lib/mysql-empty && mkdir -p /var/lib/mysql\n",
        [],
    ),
    # (c23_official_style_mariadb_rm_mkdir_then_mv_etc)
    (
        "FROM ubuntu:22.04\n"
        "RUN set -ex; apt-get update; DEBIAN_FRONTEND=noninteractive apt-get install -y mariadb-s"
        "erver; \\\n"
        "    rm -rf /var/lib/apt/lists/*; rm -rf /var/lib/mysql; mkdir -p /var/lib/mysql /var/run"
        "/mysqld; \\\n"
        "    chown -R mysql:mysql /var/lib/mysql /var/run/mysqld\n"
        "RUN mv /var/lib/mysql /var/lib/mysql.template\n",
        [],
    ),
    # (c25_postgres_no_main_cluster_then_mv)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends postgresql-common \\\n"
        " && sed -ri 's/#(create_main_cluster) .*$/\\1 = false/' /etc/postgresql-common/createclu"
        "ster.conf \\\n"
        " && apt-get install -y --no-install-recommends postgresql-15 && rm -rf /var/lib/apt/list"
        "s/*\n"
        "RUN mv /var/lib/postgresql /srv/postgresql && ln -s /srv/postgresql /var/lib/postgresql\n",
        [],
    ),
    # (d30_nginx_rsync_delete_then_glob)
    (
        "FROM nginx:1.25\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends rsync && rm -rf /var/li"
        "b/apt/lists/*\n"
        "COPY site/ /tmp/site/\n"
        "RUN rsync -a --delete /tmp/site/ /usr/share/nginx/html/ && chmod 644 /usr/share/nginx/ht"
        "ml/*\n",
        [],
    ),
    # (a01_cp_js_pkgdirs_then_rm_inside)
    (
        "FROM node:20-bookworm-slim\n"
        "WORKDIR /build\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm ci --omit=dev && npm cache clean --force\n"
        "RUN mkdir -p /app/static/vendor && cp -r node_modules/chart.js node_modules/video.js /ap"
        "p/static/vendor\n"
        "RUN rm -rf /app/static/vendor/video.js/dist/lang\n",
        [(6, "LG003")],
    ),
    # (a03_cp_acme_sh_dir_and_conf)
    (
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache curl git openssl socat\n"
        "RUN git clone --depth 1 https://github.com/acmesh-official/acme.sh /tmp/src/acme.sh\n"
        "COPY deploy.sh /tmp/src/deploy.sh\n"
        "RUN mkdir -p /opt/acme && cp -r /tmp/src/acme.sh /tmp/src/deploy.sh /opt/acme\n"
        "RUN rm -rf /opt/acme/acme.sh/.git\n",
        [(6, "LG003")],
    ),
    # (a19_cp_exploded_ear_dirs_then_rm_inside)
    (
        "FROM jboss/wildfly:25.0.0.Final\n"
        "COPY build/ /tmp/build/\n"
        "RUN cp -r /tmp/build/shop.ear /tmp/build/admin.ear /opt/jboss/wildfly/standalone/deploym"
        "ents\n"
        "RUN rm -rf /opt/jboss/wildfly/standalone/deployments/shop.ear/lib/test\n",
        [(4, "LG003")],
    ),
    # (a32_mv_two_war_dirs_exploded_then_chmod_inside)
    (
        "FROM quay.io/wildfly/wildfly:30.0.1.Final-jdk17\n"
        "COPY build/ /tmp/build/\n"
        "RUN mv /tmp/build/shop.war /tmp/build/api.war /opt/jboss/wildfly/standalone/deployments "
        "&& touch /opt/jboss/wildfly/standalone/deployments/shop.war.dodeploy /opt/jboss/wildfly/"
        "standalone/deployments/api.war.dodeploy\n"
        "RUN chmod -R g+w /opt/jboss/wildfly/standalone/deployments/shop.war/WEB-INF/classes\n",
        [(3, "LG003"), (4, "LG004")],
    ),
    # (r06_rsync_delete_src_no_slash)
    (
        "FROM python:3.12-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends rsync && rm -rf /var/li"
        "b/apt/lists/*\n"
        "COPY static/ /srv/www/static/\n"
        "COPY build/ /tmp/build/\n"
        "RUN rsync -a --delete /tmp/build/assets /srv/www/\n",
        [],
    ),
    # (r07_rsync_delete_two_sources_no_slash)
    (
        "FROM debian:bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends rsync && rm -rf /var/li"
        "b/apt/lists/*\n"
        "COPY conf/ /etc/myapp/\n"
        "COPY overlay/ /tmp/overlay/\n"
        "RUN rsync -a --delete /tmp/overlay/plugins /tmp/overlay/themes /etc/myapp/\n",
        [],
    ),
    # (b01_pg_dropcluster_same_run_then_mv)
    (
        "FROM ubuntu:22.04\n"
        "ENV DEBIAN_FRONTEND=noninteractive\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends postgresql-14 && pg_dro"
        "pcluster --stop 14 main && rm -rf /var/lib/apt/lists/*\n"
        "RUN mkdir -p /data && mv /var/lib/postgresql /data/postgresql && ln -s /data/postgresql "
        "/var/lib/postgresql\n",
        [],
    ),
    # (p01_pwsh_remove_item_erroraction)
    (
        "FROM mcr.microsoft.com/dotnet/sdk:8.0\n"
        "RUN pwsh -NoProfile -Command 'dotnet tool install --global dotnet-ef; Remove-Item -Recur"
        "se -Force /root/.nuget/packages -ErrorAction SilentlyContinue'\n",
        [],
    ),
    # (p17_pwsh_ea_short)
    (
        "FROM mcr.microsoft.com/powershell:lts-ubuntu-22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /v"
        "ar/lib/apt/lists/*\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN pwsh -Command 'npm ci; Remove-Item ~/.npm -Recurse -Force -ea 0'\n",
        [],
    ),
    # (p02_pwsh_remove_item_confirm_false)
    (
        "FROM mcr.microsoft.com/powershell:lts-ubuntu-22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /v"
        "ar/lib/apt/lists/*\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN pwsh -Command 'npm ci; Remove-Item -Path ~/.npm -Recurse -Force -Confirm:$false'\n",
        [],
    ),
    # (p19_pwsh_remove_item_verbose)
    (
        "FROM mcr.microsoft.com/powershell:lts-ubuntu-22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /v"
        "ar/lib/apt/lists/*\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN pwsh -Command 'npm ci; Remove-Item -Recurse -Force -Verbose ~/.npm'\n",
        [],
    ),
    # (p03_pwsh_gci_pipe_remove_item)
    (
        "FROM mcr.microsoft.com/dotnet/sdk:8.0\n"
        "RUN pwsh -Command 'dotnet tool install --global dotnet-format; Get-ChildItem /root/.nuge"
        "t/packages | Remove-Item -Recurse -Force'\n",
        [],
    ),
    # (p08_pwsh_env_home)
    (
        "FROM mcr.microsoft.com/dotnet/sdk:8.0\n"
        "RUN pwsh -Command 'dotnet tool install -g dotnet-ef; Remove-Item -Recurse -Force \"$env:"
        "HOME/.nuget/packages\"'\n",
        [],
    ),
    # (r01_rsync_delete_exclude_eq_node_modules)
    (
        "FROM node:20-bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends rsync && rm -rf /var/li"
        "b/apt/lists/*\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm ci && npm cache clean --force\n"
        "COPY . /src\n"
        "RUN rsync -a --delete --exclude=node_modules /src/ /app/\n",
        [],
    ),
    # (r02_rsync_delete_exclude_word_node_modules)
    (
        "FROM node:20-bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends rsync && rm -rf /var/li"
        "b/apt/lists/*\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm ci && npm cache clean --force\n"
        "COPY . /src\n"
        "RUN rsync -a --delete --exclude node_modules --exclude .git /src/ /app/\n",
        [],
    ),
    # (r09_rsync_delete_protect_filter)
    (
        "FROM node:20-bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends rsync && rm -rf /var/li"
        "b/apt/lists/*\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm ci && npm cache clean --force\n"
        "COPY . /src\n"
        "RUN rsync -a --delete --filter='P node_modules/' /src/ /app/\n",
        [],
    ),
    # (l03_debian_ln_zshrc)
    (
        "FROM debian:bookworm\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends zsh git && rm -rf /var/"
        "lib/apt/lists/*\n"
        "RUN useradd -m -s /usr/bin/zsh dev\n"
        "RUN git clone --depth 1 https://github.com/example/dotfiles /home/dev/dotfiles && ln -sf"
        " /home/dev/dotfiles/zshrc /home/dev/.zshrc\n",
        [],
    ),
    # (l22_debian_ln_zshrc_oh_my_zsh_user)
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends zsh curl ca-certificate"
        "s git && rm -rf /var/lib/apt/lists/*\n"
        "RUN useradd -m -s /bin/zsh vscode\n"
        "COPY .devcontainer/zshrc /home/vscode/.config/zshrc\n"
        "RUN ln -sf /home/vscode/.config/zshrc /home/vscode/.zshrc\n",
        [],
    ),
    # (l15_debian_ln_emacs)
    (
        "FROM debian:bookworm\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends emacs-nox && rm -rf /va"
        "r/lib/apt/lists/*\n"
        "RUN useradd -m dev\n"
        "COPY emacs.el /opt/dotfiles/emacs.el\n"
        "RUN ln -sf /opt/dotfiles/emacs.el /home/dev/.emacs\n",
        [],
    ),
    # (l16_rocky_ln_profile)
    (
        "FROM rockylinux:9\n"
        "RUN useradd -m dev\n"
        "COPY profile.sh /opt/dotfiles/profile.sh\n"
        "RUN ln -sf /opt/dotfiles/profile.sh /home/dev/.profile\n",
        [],
    ),
    # (l23_rocky_ln_zshrc_no_zsh)
    (
        "FROM rockylinux:9\n"
        "RUN useradd -m dev\n"
        "COPY zshrc /opt/zshrc\n"
        "RUN ln -sf /opt/zshrc /home/dev/.zshrc\n",
        [],
    ),
    # (l18_fedora_ln_bashrc_d_dir)
    (
        "FROM fedora:40\n"
        "RUN useradd -m dev\n"
        "COPY bashrc.d/ /opt/bashrc.d/\n"
        "RUN ln -sf /opt/bashrc.d /home/dev/.bashrc.d\n",
        [],
    ),
    # (g01_pg_createcluster_edited_after_install_mv)
    (
        "FROM debian:bookworm\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends postgresql-15 && rm -rf"
        " /var/lib/apt/lists/*\n"
        "RUN sed -ri 's/#?create_main_cluster = true/create_main_cluster = false/' /etc/postgresq"
        "l-common/createcluster.conf\n"
        "RUN mv /var/lib/postgresql /data-template\n",
        [(4, "LG003")],
    ),
    # (g02_pg_createcluster_copied_before_install_mv)
    (
        "FROM debian:bookworm\n"
        "COPY createcluster.conf /etc/postgresql-common/createcluster.conf\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends postgresql-15 && rm -rf"
        " /var/lib/apt/lists/*\n"
        "RUN mv /var/lib/postgresql /data-template\n",
        [],
    ),
    # (c01_cuda_ultralytics_then_uninstall_opencv)
    (
        "FROM nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3-pip libgl1 libg"
        "lib2.0-0 && rm -rf /var/lib/apt/lists/*\n"
        "RUN pip3 install --no-cache-dir ultralytics==8.1.0\n"
        "RUN pip3 uninstall -y opencv-python && pip3 install --no-cache-dir opencv-python-headles"
        "s\n",
        [(4, "LG003")],
    ),
    # (c15_cuda_pip_user_install_then_uninstall)
    (
        "FROM nvidia/cuda:12.1.1-runtime-ubuntu22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /"
        "var/lib/apt/lists/*\n"
        "RUN pip3 install --no-cache-dir paddleocr==2.7.0.3\n"
        "RUN pip3 uninstall -y opencv-contrib-python && pip3 install --no-cache-dir opencv-contri"
        "b-python-headless\n",
        [(4, "LG003")],
    ),
    # (c11_ubuntu_uv_pip_install_then_uninstall)
    (
        "FROM ubuntu:24.04\n"
        "COPY --from=ghcr.io/astral-sh/uv:0.4.20 /uv /usr/local/bin/uv\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3 && rm -rf /var/"
        "lib/apt/lists/*\n"
        "RUN uv pip install --system --break-system-packages --no-cache ultralytics\n"
        "RUN uv pip uninstall --system --break-system-packages opencv-python && uv pip install --"
        "system --break-system-packages --no-cache opencv-python-headless\n",
        [(5, "LG003")],
    ),
    # (c09_cuda_base_stage_extras_then_uninstall)
    (
        "FROM nvidia/cuda:12.2.2-runtime-ubuntu22.04 AS base\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /"
        "var/lib/apt/lists/*\n"
        'RUN pip3 install --no-cache-dir "transformers[torch]==4.38.2"\n'
        "FROM base\n"
        "RUN pip3 uninstall -y torch && pip3 install --no-cache-dir torch==2.2.1 --index-url http"
        "s://download.pytorch.org/whl/cu121\n",
        [(5, "LG003")],
    ),
    # (c04_debian_pillow_case_then_uninstall)
    (
        "FROM debian:bookworm\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /"
        "var/lib/apt/lists/*\n"
        "RUN pip3 install --no-cache-dir --break-system-packages Pillow==10.2.0 reportlab\n"
        "RUN pip3 uninstall -y --break-system-packages pillow && pip3 install --no-cache-dir --br"
        "eak-system-packages pillow-simd\n",
        [(4, "LG003")],
    ),
    # (c07_cuda_conda_install_then_pip_uninstall)
    (
        "FROM nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04\n"
        "ENV PATH=/opt/conda/bin:$PATH\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends wget ca-certificates &&"
        " rm -rf /var/lib/apt/lists/* \\\n"
        " && wget -q https://repo.anaconda.com/miniconda/Miniconda3-py310_23.5.2-0-Linux-x86_64.s"
        "h -O /tmp/mc.sh \\\n"
        " && bash /tmp/mc.sh -b -p /opt/conda && rm /tmp/mc.sh && /opt/conda/bin/conda clean -afy\n"
        "RUN conda install -y -c pytorch -c nvidia pytorch torchvision pytorch-cuda=11.8 && conda"
        " clean -afy\n"
        "RUN pip uninstall -y torchvision && pip install --no-cache-dir torchvision==0.15.2\n",
        [(7, "LG003")],
    ),
    # (c05_pytorch_image_uninstall_torchaudio)
    (
        "FROM pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime\n"
        "RUN pip uninstall -y torchaudio && pip install --no-cache-dir timm==0.9.12\n",
        [(2, "LG003")],
    ),
    # (c06_jupyter_tensorflow_uninstall_tf)
    (
        "FROM jupyter/tensorflow-notebook:2023-10-20\n"
        "RUN pip uninstall -y tensorflow && pip install --no-cache-dir tensorflow-cpu==2.13.0\n",
        [(2, "LG003")],
    ),
    # (b01_build_nw_combined_no_isolation)
    (
        "FROM python:3.12-slim\n"
        "WORKDIR /src\n"
        "COPY . .\n"
        "RUN pip install --no-cache-dir build setuptools wheel && python -m build -nw\n",
        [],
    ),
    # (b11_bare_build_script_in_path)
    (
        "FROM python:3.12-slim\n"
        "COPY --chmod=755 scripts/build /usr/local/bin/build\n"
        "WORKDIR /src\n"
        "COPY . .\n"
        "RUN build --release\n",
        [],
    ),
    # (h03_pg_drop_create_same_run_then_copy_conf)
    (
        "FROM ubuntu:20.04\n"
        "ENV DEBIAN_FRONTEND=noninteractive\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends postgresql-12 \\\n"
        " && pg_dropcluster --stop 12 main && pg_createcluster --encoding UTF8 --locale C.UTF-8 1"
        "2 main \\\n"
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY pg_hba.conf /etc/postgresql/12/main/pg_hba.conf\n"
        "COPY postgresql.conf /etc/postgresql/12/main/postgresql.conf\n",
        [(6, "LG002"), (7, "LG002")],
    ),
    # (h21_pg_drop_create_then_chown_conf)
    (
        "FROM ubuntu:22.04\n"
        "ENV DEBIAN_FRONTEND=noninteractive\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends postgresql-14 \\\n"
        " && pg_dropcluster --stop 14 main && pg_createcluster --locale C.UTF-8 14 main && rm -rf"
        " /var/lib/apt/lists/*\n"
        "RUN chmod 0640 /etc/postgresql/14/main/pg_hba.conf\n",
        [(5, "LG004")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_SEVENTH_REVIEW)
def test_the_review_of_the_thirty_seventh_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_SEVENTH)
def test_the_thirty_seventh_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_THIRTY_EIGHTH = [
    # micromamba's root prefix and env come before `run`: the command after it runs
    (
        "FROM mambaorg/micromamba:1.5\nCOPY requirements.txt /\n"
        "RUN /bin/micromamba -r /env -n sd run pip install -r requirements.txt\n"
        'RUN micromamba -r /env run -n sd bash -c "pip install x"\n',
        [(3, "LG005"), (4, "LG005")],
    ),
    # mlocati's install-php-extensions enables each extension with its ini file; not the
    # ones php builds in, nor @composer
    (
        "FROM php:8.2-fpm\n"
        "COPY --from=mlocati/php-extension-installer /usr/bin/install-php-extensions /usr/bin/\n"
        "RUN install-php-extensions xdebug-^3.2 mbstring @composer\n"
        "COPY xdebug.ini /usr/local/etc/php/conf.d/docker-php-ext-xdebug.ini\n"
        "COPY mb.ini /usr/local/etc/php/conf.d/docker-php-ext-mbstring.ini\n"
        "COPY c.ini /usr/local/etc/php/conf.d/docker-php-ext-composer.ini\n",
        [(4, "LG002")],
    ),
    # yum's groupremove and `group remove` remove the group, whatever case or id names it
    (
        'FROM centos:7\nRUN yum -y groupinstall "Development Tools" && yum clean all\n'
        'RUN yum -y groupremove "Development Tools" && yum clean all\n'
        "RUN yum -y remove git && yum clean all\n",
        [(3, "LG003")],
    ),
    (
        "FROM centos:7\nRUN yum groupinstall -y development && yum clean all\n"
        'RUN yum group remove -y "development tools" && yum clean all\n',
        [(3, "LG003")],
    ),
    # EL9's Development Tools brings gdb and valgrind too
    (
        "FROM rockylinux:9\nRUN dnf -y group install 'Development Tools' && dnf clean all\n"
        "RUN dnf -y remove valgrind gdb && dnf clean all\n",
        [(3, "LG003")],
    ),
    # denoland/deno's images hold the entry script their ENTRYPOINT runs
    (
        "FROM denoland/deno:alpine\nCOPY docker-entrypoint.sh /usr/local/bin/\n",
        [(2, "LG002")],
    ),
    # `curl -LO $URL` saves a file of a name the Dockerfile does not show, as `wget $URL`
    # does: an archive a variable names there may be it
    (
        "FROM rockylinux:9\nARG ZCS\nARG URL\nWORKDIR /root\nCOPY keystrokes ./\n"
        "RUN curl -LO ${URL} && tar xf ${ZCS}.tgz\n",
        [],
    ),
    (
        "FROM rockylinux:9\nARG ZCS\nWORKDIR /root\nCOPY keystrokes ./\nRUN tar xf ${ZCS}.tgz\n",
        [(4, "LG006")],
    ),
    # A tree copied to / with no WORKDIR holds the archive right in / that a RUN unpacks;
    # the same RUN's rm of it after its unzip removes the copy's archive
    (
        "FROM eclipse-temurin:25-jdk\nCOPY release-bin .\n"
        "RUN unzip gateway-*.zip -x */examples* && rm gateway-*.zip && mv gateway-* /opt/gw\n"
        "COPY lib /c/\nRUN cd /c && unzip app-*.zip && rm app-*.zip\n",
        [(2, "LG006"), (3, "LG003"), (4, "LG006"), (5, "LG003")],
    ),
    # (what a tree copied to / spread below it may be the base's)
    ("FROM eclipse-temurin:25-jdk\nCOPY rootfs /\nRUN unzip /opt/app/lib.zip -d /opt\n", []),
    # `ARG ZCS=$ZCS` takes the value the build passes: not the empty one that would name
    # the archive `.tgz` a copied tree might hold
    (
        "FROM rockylinux:9\nARG ZCS=$ZCS\nARG DOWNLOAD=${URL}\nWORKDIR /root\n"
        "COPY keystrokes ./\nRUN curl -LO ${DOWNLOAD} && tar xf ${ZCS}.tgz\n",
        [],
    ),
    # Alpine's python3 ships ensurepip, whatever python ran first in the RUN
    (
        "FROM alpine:3.13\nRUN apk add --no-cache python3\n"
        "RUN python3 -m ensurepip && rm -r /usr/lib/python*/ensurepip\n",
        [(3, "LG003")],
    ),
    # What maintainer scripts make on install: slapd's configuration and data (there
    # whatever mkdir -p ran first), unattended-upgrades' periodic settings
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y slapd unattended-upgrades "
        "&& rm -rf /var/lib/apt/lists/*\n"
        "RUN mkdir -p /var/lib/ldap /etc/ldap/slapd.d && chown -R openldap /var/lib/ldap\n"
        "COPY 20auto-upgrades /etc/apt/apt.conf.d/\n",
        [(3, "LG004"), (4, "LG002")],
    ),
    # R's packages ship its base library and INSTALL script below R_HOME
    (
        "FROM alpine:3.20 AS b\nRUN apk add R\nFROM alpine:3.20\nRUN apk --no-cache add R R-dev\n"
        "COPY --from=b /usr/lib/R/library /usr/lib/R/library\n"
        "COPY INSTALL /usr/lib/R/bin/INSTALL\nCOPY site /usr/local/lib/R/site-library\n",
        [(5, "LG002"), (6, "LG002")],
    ),
    # `ln -sf x /usr/lib` puts the link inside the library directory, removing nothing there
    (
        "FROM alpine:3.20\nCOPY vg /opt/switch/lib/vg\nRUN ln -sf /opt/switch/lib/vg /usr/lib\n"
        "RUN ln -sf /opt/switch/lib/vg/x.so /usr/lib64\n",
        [],
    ),
    # `USER 1000` with no such user on a distribution's image: HOME is /, which it cannot
    # write, and pip disables its cache; not where the user is there (Ubuntu 24.04's
    # ubuntu, a useradd, node's node) or HOME is set
    (
        "FROM ubuntu:22.04\nRUN mkdir /opt/v && chown 1000 /opt/v\nUSER 1000\n"
        "RUN python3 -m venv /opt/v && /opt/v/bin/pip install flask\n",
        [],
    ),
    (
        "FROM ubuntu:24.04\nRUN mkdir /opt/v && chown 1000 /opt/v\nUSER 1000\n"
        "RUN python3 -m venv /opt/v && /opt/v/bin/pip install flask\n",
        [(4, "LG005")],
    ),
    (
        "FROM debian:12\nRUN useradd -m -u 1000 app\nUSER 1000\n"
        "RUN python3 -m venv /home/app/v && /home/app/v/bin/pip install flask\n",
        [(4, "LG005")],
    ),
    (
        "FROM debian:12\nENV HOME=/tmp\nUSER 1000\n"
        "RUN python3 -m venv /tmp/v && /tmp/v/bin/pip install flask\n",
        [(4, "LG005")],
    ),
    (
        "FROM node:20\nUSER 1000\nRUN npm install express\n",
        [(3, "LG005")],
    ),
    # Alpine's packages leave docs and man pages to their -doc subpackages
    (
        "FROM node:24-alpine\nRUN apk add --no-cache bash vim\n"
        "RUN rm -rf /usr/share/doc/* /usr/share/man\n",
        [],
    ),
    (
        "FROM alpine:3.20\nRUN apk add --no-cache curl curl-doc\nRUN rm -rf /usr/share/man/*\n",
        [(3, "LG003")],
    ),
    # A system tree copied back from a stage of the same distribution family, its base not
    # known here, writes the base's libc and shell again; not from a family not shown
    (
        "FROM kuzzleio/kuzzle-runner:24 AS minifier\nRUN apt-get update && apt-get clean\n"
        "FROM node:24-trixie-slim\nCOPY --from=minifier /lib /lib\n"
        "COPY --from=minifier /usr /usr\nCOPY --from=minifier /opt/app /opt/app\n",
        [(4, "LG002"), (5, "LG002")],
    ),
    (
        "FROM kuzzleio/kuzzle-runner:24 AS minifier\nRUN make\n"
        "FROM node:24-trixie-slim\nCOPY --from=minifier /usr /usr\n",
        [],
    ),
    # Debian's postgresql-16 runs initdb for its main cluster; RHEL's pgbouncer ships its
    # configuration
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y postgresql-16 "
        "&& rm -rf /var/lib/apt/lists/*\n"
        "COPY auto.conf /var/lib/postgresql/16/main/postgresql.auto.conf\n"
        "FROM rockylinux:9\nRUN dnf install -y pgbouncer && dnf clean all\n"
        "RUN mkdir -p /etc/pgbouncer && chown -R postgres /etc/pgbouncer\n",
        [(6, "LG004")],
    ),
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y postgresql-16 "
        "&& rm -rf /var/lib/apt/lists/*\n"
        "COPY auto.conf /var/lib/postgresql/16/main/postgresql.auto.conf\n",
        [(3, "LG002")],
    ),
    # An install writes its manager's logs in /var/log, and a package's own only once a later
    # program (its service) runs
    (
        "FROM nginx:latest\nRUN apt-get update && apt-get install -y nginx-module-geoip "
        "&& rm -rf /var/lib/apt/lists/*\nRUN rm -f /var/log/nginx/access.log\n",
        [],
    ),
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y nginx "
        "&& rm -rf /var/lib/apt/lists/*\nRUN nginx && curl -s localhost\n"
        "RUN rm -f /var/log/nginx/access.log\n",
        [(4, "LG003")],
    ),
    # `rm -f` of a name below an archive unpacked at / may find nothing of the archive's there
    (
        "FROM nginx:latest\n"
        "RUN wget -O /tmp/s6.tar.xz https://x/s6.tar.xz && tar -C / -Jxpf /tmp/s6.tar.xz "
        "&& rm -f /tmp/s6.tar.xz\nRUN rm -f /var/log/nginx/access.log /var/log/nginx/error.log\n",
        [],
    ),
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y nginx "
        "&& rm -rf /var/lib/apt/lists/*\nRUN rm -rf /var/log/*\n",
        [(3, "LG003")],
    ),
    # Node-RED's image: npm's cache in /data/.npm (its global npmrc), its healthcheck.js
    (
        "FROM nodered/node-red:3.1.15-18\nUSER root\nRUN npm install -g npm\n"
        'RUN chown -R 1000:1000 "/data/.npm"\nCOPY healthcheck.js /healthcheck.js\n',
        [(3, "LG005"), (4, "LG004"), (5, "LG002")],
    ),
    # A cargo build after an earlier RUN's `cargo fetch` fetches nothing more; a `cargo
    # install` of a crate does
    (
        "FROM rust:1.83-bookworm\nWORKDIR /app\nCOPY Cargo.toml Cargo.lock ./\nRUN cargo fetch\n"
        "COPY . .\nRUN cargo build --release\nRUN cargo install cargo-nextest\n",
        [(4, "LG005"), (5, "LG002"), (7, "LG005")],
    ),
    # avahi's packages ship its daemon's configuration
    (
        "FROM alpine:3.20\nRUN apk add --no-cache avahi dbus\n"
        "COPY avahi-daemon.conf /etc/avahi/avahi-daemon.conf\n",
        [(3, "LG002")],
    ),
    # inetutils-syslogd's syslog.conf, the NFS server's sample exports, Percona's entrypoint
    (
        "FROM alpine:3.20\nRUN apk add --no-cache nfs-utils\nCOPY exports /etc/\n",
        [(3, "LG002")],
    ),
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y inetutils-syslogd "
        "&& rm -rf /var/lib/apt/lists/*\nCOPY syslog.conf /etc/syslog.conf\n",
        [(3, "LG002")],
    ),
    (
        "FROM percona/percona-distribution-postgresql:18.1\nCOPY entrypoint.sh /entrypoint.sh\n",
        [(2, "LG002")],
    ),
    # The build's machine is the default build's, linux/amd64: `uname -m` prints x86_64,
    # `dpkg --print-architecture` amd64
    (
        "FROM debian:12\nCOPY x.tgz /opt/x.tgz\n"
        'RUN arch="$(uname -m)"; case "$arch" in armv7l) rm /opt/x.tgz ;; esac\n'
        'RUN if [ "$(dpkg --print-architecture)" = "amd64" ]; then rm /opt/x.tgz; fi\n',
        [(4, "LG003")],
    ),
    # Bitnami's overlay of build helpers holds minideb's install_packages again
    (
        "FROM docker.io/bitnami/minideb:buster\nCOPY prebuildfs /\nCOPY rootfs /\n",
        [(2, "LG002")],
    ),
    # A make target of another tool's module builds no Go; `go/...` does
    (
        "FROM golang:1.21-alpine\nWORKDIR /build-harness\nCOPY . .\n"
        "RUN make -s bash/lint make/lint\nRUN make -s template/deps readme/deps\n"
        "RUN make -s go/deps-dev\n",
        [(6, "LG005")],
    ),
    # cp --parents keeps each source's path below the target
    (
        "FROM debian:12\nCOPY conf /src/conf\n"
        "RUN cd /src && cp --parents conf/app.yml conf/db.yml /etc/myapp/\n"
        "COPY db.yml /etc/myapp/db.yml\nCOPY db.yml /etc/myapp/conf/db.yml\n",
        [(5, "LG002")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_EIGHTH)
def test_the_thirty_eighth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


# The first review of the thirty-eighth session's classes (its regressions and faults, fixed)
_THIRTY_EIGHTH_REVIEW = [
    # (b03_ipe_memcached_xx_name_copy_docker_name)
    (
        "FROM php:8.2-apache\n"
        "COPY --from=mlocati/php-extension-installer /usr/bin/install-php-exten"
        "sions /usr/local/bin/\n"
        "RUN install-php-extensions memcached\n"
        "COPY memcached.ini /usr/local/etc/php/conf.d/docker-php-ext-memcached.ini\n",
        [],
    ),
    # (b04_ipe_dont_enable_xdebug_copy_ini)
    (
        "FROM php:8.2-cli\n"
        "ENV IPE_DONT_ENABLE=1\n"
        "COPY --from=mlocati/php-extension-installer /usr/bin/install-php-exten"
        "sions /usr/local/bin/\n"
        "RUN install-php-extensions xdebug\n"
        "COPY xdebug.ini /usr/local/etc/php/conf.d/docker-php-ext-xdebug.ini\n",
        [],
    ),
    # (b05_ipe_mongodb_stable_copy_ini)
    (
        "FROM php:8.3-fpm-alpine\n"
        "COPY --from=mlocati/php-extension-installer /usr/bin/install-php-exten"
        "sions /usr/local/bin/\n"
        "RUN install-php-extensions mongodb-stable\n"
        "COPY mongodb.ini /usr/local/etc/php/conf.d/docker-php-ext-mongodb.ini\n",
        [(4, "LG002")],
    ),
    # (b06_ipe_xdebug_caret_stable_copy)
    (
        "FROM php:8.3-fpm\n"
        "COPY --from=mlocati/php-extension-installer /usr/bin/install-php-exten"
        "sions /usr/local/bin/\n"
        "RUN install-php-extensions xdebug-^3@stable\n"
        "COPY xdebug.ini /usr/local/etc/php/conf.d/docker-php-ext-xdebug.ini\n",
        [(4, "LG002")],
    ),
    # (b20_ipe_event_xx_copy_xx_name)
    (
        "FROM php:8.2-cli\n"
        "COPY --from=mlocati/php-extension-installer /usr/bin/install-php-exten"
        "sions /usr/local/bin/\n"
        "RUN install-php-extensions sockets event\n"
        "COPY event.ini /usr/local/etc/php/conf.d/xx-php-ext-event.ini\n",
        [(4, "LG002")],
    ),
    # (f02_deno_distroless_copy_entrypoint)
    (
        "FROM denoland/deno:distroless-2.0.6\n"
        "WORKDIR /app\n"
        "COPY docker-entrypoint.sh /usr/local/bin/\n"
        "COPY . .\n",
        [],
    ),
    # (f07_deno_bin_final_copy_entrypoint)
    (
        "FROM denoland/deno:bin\nCOPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh\n",
        [],
    ),
    # (g04_var_archive_checksum_downloaded_beside)
    (
        "FROM debian:12-slim\n"
        "ARG APP\n"
        "ARG BASE_URL=https://downloads.example.com/releases\n"
        "WORKDIR /opt/vendor\n"
        "COPY vendor/ ./\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends curl "
        "ca-certificates && rm -rf /var/lib/apt/lists/* \\\n"
        ' && curl -fsSLO "${BASE_URL}/${APP}.tar.gz.sha256" \\\n'
        " && sha256sum -c ${APP}.tar.gz.sha256 \\\n"
        " && tar xzf ${APP}.tar.gz\n",
        [(5, "LG006")],
    ),
    # (y01b_var_archive_copied_plus_other_download_no_rm)
    (
        "FROM debian:12-slim\n"
        "ARG APP_NAME\n"
        "WORKDIR /opt\n"
        "COPY dist/ ./\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends curl "
        "ca-certificates && rm -rf /var/lib/apt/lists/* \\\n"
        " && curl -fsSLO https://github.com/prometheus/node_exporter/releases/d"
        "ownload/v1.7.0/node_exporter-1.7.0.linux-amd64.tar.gz \\\n"
        " && tar xzf node_exporter-1.7.0.linux-amd64.tar.gz && tar xzf ${APP_NAME}.tar.gz\n",
        [(4, "LG006")],
    ),
    # (y01_var_archive_copied_plus_other_download_same_dir)
    (
        "FROM debian:12-slim\n"
        "ARG APP_NAME\n"
        "WORKDIR /opt\n"
        "COPY dist/ ./\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends curl "
        "ca-certificates && rm -rf /var/lib/apt/lists/* \\\n"
        " && curl -fsSLO https://github.com/prometheus/node_exporter/releases/d"
        "ownload/v1.7.0/node_exporter-1.7.0.linux-amd64.tar.gz \\\n"
        " && tar xzf node_exporter-1.7.0.linux-amd64.tar.gz \\\n"
        " && tar xzf ${APP_NAME}.tar.gz \\\n"
        " && rm -f ./*.tar.gz\n",
        [(4, "LG006")],
    ),
    # (h06_arg_from_base_env_python_version)
    (
        "FROM python:3.12-slim\n"
        "ARG PY_VERSION=$PYTHON_VERSION\n"
        'RUN if [ "${PY_VERSION%%.*}" = "2" ]; then pip install futures==3.4.0; fi\n',
        [],
    ),
    # (x08_ipe_pecl_http_alias)
    (
        "FROM php:8.2-cli\n"
        "COPY --from=mlocati/php-extension-installer /usr/bin/install-php-exten"
        "sions /usr/local/bin/\n"
        "RUN install-php-extensions raphf pecl_http\n"
        "COPY http.ini /usr/local/etc/php/conf.d/docker-php-ext-pecl_http.ini\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_EIGHTH_REVIEW)
def test_the_review_of_the_thirty_eighth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


# The third review of the thirty-eighth session's classes (its regressions, fixed)
_THIRTY_EIGHTH_THIRD_REVIEW = [
    # (a02_ubuntu_pg_service_start_then_rm_logs)
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -"
        "y postgresql && rm -rf /var/lib/apt/lists/*\n"
        'RUN service postgresql start && su postgres -c "psql -c \\"CREATE USER '
        'app WITH PASSWORD \'app\';\\"" && su postgres -c "createdb -O app app"\n'
        "RUN rm -rf /var/log/postgresql/*\n"
        'CMD ["/usr/lib/postgresql/14/bin/postgres", "-D", "/var/lib/postgresql/14/main"]\n',
        [(4, "LG003")],
    ),
    # (a23_ubuntu_pg_service_then_rm_named_log)
    (
        "FROM ubuntu:22.04\n"
        "ENV DEBIAN_FRONTEND=noninteractive\n"
        "RUN apt-get update && apt-get install -y postgresql-14 && rm -rf /var/lib/apt/lists/*\n"
        "USER postgres\n"
        'RUN /etc/init.d/postgresql start && psql --command "CREATE USER docker'
        " WITH SUPERUSER PASSWORD 'docker';\" && createdb -O docker docker\n"
        "USER root\n"
        "RUN rm -f /var/log/postgresql/postgresql-14-main.log\n",
        [(7, "LG003")],
    ),
    # (a03_ubuntu_mysql_service_start_then_rm_errorlog)
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -"
        "y mysql-server && rm -rf /var/lib/apt/lists/*\n"
        'RUN service mysql start && mysql -e "CREATE DATABASE app; CREATE USER '
        "'app'@'%' IDENTIFIED BY 'app'; GRANT ALL ON app.* TO 'app'@'%';\"\n"
        "RUN rm -f /var/log/mysql/error.log\n"
        'CMD ["mysqld"]\n',
        [(4, "LG003")],
    ),
    # (a30_debian_redis_service_then_rm_log)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends redis"
        "-server && rm -rf /var/lib/apt/lists/*\n"
        "RUN service redis-server start && redis-cli set seed 1 && redis-cli sa"
        "ve && service redis-server stop\n"
        "RUN rm -f /var/log/redis/redis-server.log\n",
        [(4, "LG003")],
    ),
    # (a26_ubuntu_nginx_run_curl_then_rm_access_log)
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y nginx curl && rm -rf /var/lib/apt/lists/*\n"
        "RUN nginx && curl -s localhost >/dev/null; nginx -s stop\n"
        "RUN rm -f /var/log/nginx/access.log\n",
        [(4, "LG003")],
    ),
    # (b01_docker_static_usr_local_bin_rm_f_daemons)
    (
        "FROM debian:12-slim\n"
        "ARG DOCKER_VERSION=24.0.7\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends curl "
        "ca-certificates && rm -rf /var/lib/apt/lists/*\n"
        "RUN curl -fsSL https://download.docker.com/linux/static/stable/x86_64/"
        "docker-${DOCKER_VERSION}.tgz | tar -xz --strip-components=1 -C /usr/lo"
        "cal/bin\n"
        "RUN rm -f /usr/local/bin/dockerd /usr/local/bin/containerd /usr/local/"
        "bin/containerd-shim-runc-v2 /usr/local/bin/ctr /usr/local/bin/runc /us"
        "r/local/bin/docker-proxy /usr/local/bin/docker-init\n",
        [(5, "LG003")],
    ),
    # (b02_node_exporter_strip_rm_f_license)
    (
        "FROM alpine:3.19\n"
        "ARG VERSION=1.7.0\n"
        "RUN wget -qO- https://github.com/prometheus/node_exporter/releases/dow"
        "nload/v${VERSION}/node_exporter-${VERSION}.linux-amd64.tar.gz | tar -x"
        "z -C /usr/local/bin --strip-components=1\n"
        "RUN rm -f /usr/local/bin/LICENSE /usr/local/bin/NOTICE\n"
        'ENTRYPOINT ["/usr/local/bin/node_exporter"]\n',
        [(4, "LG003")],
    ),
    # (b03_node_tarball_usr_local_rm_f_docs)
    (
        "FROM debian:bookworm-slim\n"
        "ENV NODE_VERSION=20.11.1\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends curl "
        "xz-utils ca-certificates && rm -rf /var/lib/apt/lists/*\n"
        "RUN curl -fsSLO https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VER"
        "SION-linux-x64.tar.xz && tar -xJf node-v$NODE_VERSION-linux-x64.tar.xz"
        " -C /usr/local --strip-components=1 --no-same-owner && rm node-v$NODE_"
        "VERSION-linux-x64.tar.xz\n"
        "RUN rm -f /usr/local/CHANGELOG.md /usr/local/README.md /usr/local/LICENSE\n",
        [(5, "LG003")],
    ),
    # (b04_terraform_unzip_bin_rm_f_license)
    (
        "FROM alpine:3.19\n"
        "ARG TF_VERSION=1.7.4\n"
        "RUN wget -q https://releases.hashicorp.com/terraform/${TF_VERSION}/ter"
        "raform_${TF_VERSION}_linux_amd64.zip && unzip terraform_${TF_VERSION}_"
        "linux_amd64.zip -d /usr/local/bin && rm terraform_${TF_VERSION}_linux_"
        "amd64.zip\n"
        "RUN rm -f /usr/local/bin/LICENSE.txt\n",
        [(4, "LG003")],
    ),
    # (b11_workdir_bin_helm_strip_rm_f)
    (
        "FROM alpine:3.19\n"
        "WORKDIR /usr/local/bin\n"
        "RUN wget -qO- https://get.helm.sh/helm-v3.14.2-linux-amd64.tar.gz | ta"
        "r -xz --strip-components=1\n"
        "RUN rm -f LICENSE README.md\n",
        [(4, "LG003")],
    ),
    # (d14_cargo_fetch_rm_registry_then_build)
    (
        "FROM rust:1.79\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN cargo fetch && cargo build --release && rm -rf $CARGO_HOME/registry\n"
        "RUN cargo build --release --bin worker\n",
        [(5, "LG005")],
    ),
    # (d16_cargo_fetch_then_update_and_build)
    (
        "FROM rust:1.79\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN cargo fetch\n"
        "RUN cargo update -p tokio && cargo build --release\n",
        [(4, "LG005"), (5, "LG005")],
    ),
    # (d10_cargo_fetch_other_project_same_workdir)
    (
        "FROM rust:1.79\n"
        "WORKDIR /build\n"
        "COPY tools/ .\n"
        "RUN cargo fetch && cargo build --release && cp target/release/gen /usr/local/bin/\n"
        "RUN rm -rf /build/*\n"
        "COPY app/ .\n"
        "RUN cargo build --release\n",
        [(4, "LG005"), (5, "LG003"), (7, "LG005")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_EIGHTH_THIRD_REVIEW)
def test_the_third_review_of_the_thirty_eighth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


# The second review of the thirty-eighth session's classes (its regressions, fixed)
_THIRTY_EIGHTH_SECOND_REVIEW = [
    # (e03_debian_useradd_no_uid_user1000)
    (
        "FROM debian:12-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends pytho"
        "n3 python3-venv && rm -rf /var/lib/apt/lists/*\n"
        "RUN useradd -m app && mkdir /app && chown app:app /app\n"
        "USER 1000\n"
        "WORKDIR /app\n"
        "COPY --chown=1000:1000 requirements.txt .\n"
        "RUN python3 -m venv /app/venv && /app/venv/bin/pip install -r requirements.txt\n",
        [(7, "LG005")],
    ),
    # (e04_alpine_adduser_D_user1000)
    (
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache python3 py3-virtualenv\n"
        "RUN adduser -D app && mkdir /app && chown app:app /app\n"
        "USER 1000\n"
        "WORKDIR /app\n"
        "COPY --chown=1000:1000 requirements.txt .\n"
        "RUN python3 -m venv /app/venv && /app/venv/bin/pip install -r requirements.txt\n",
        [(7, "LG005")],
    ),
    # (e41_debian_useradd_no_uid_user1000_pip_user)
    (
        "FROM debian:12-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends pytho"
        "n3 python3-venv && rm -rf /var/lib/apt/lists/*\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends pytho"
        "n3-pip && rm -rf /var/lib/apt/lists/*\n"
        "RUN useradd --create-home appuser\n"
        "USER 1000\n"
        "WORKDIR /home/appuser\n"
        "COPY --chown=1000 requirements.txt .\n"
        "RUN pip install --user --break-system-packages -r requirements.txt\n",
        [(8, "LG005")],
    ),
    # (e42_ubuntu2204_adduser_no_uid_user1000)
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends pytho"
        "n3 python3-venv && rm -rf /var/lib/apt/lists/*\n"
        'RUN adduser --disabled-password --gecos "" app && mkdir /app && chown app /app\n'
        "USER 1000\n"
        "WORKDIR /app\n"
        "COPY --chown=1000 requirements.txt .\n"
        "RUN python3 -m venv /app/venv && /app/venv/bin/pip install -r requirements.txt\n",
        [(7, "LG005")],
    ),
    # (e05_debian_passwd_echo_user1000)
    (
        "FROM debian:12-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends pytho"
        "n3 python3-venv && rm -rf /var/lib/apt/lists/*\n"
        'RUN echo "app:x:1000:1000:app:/home/app:/bin/sh" >> /etc/passwd \\\n'
        ' && echo "app:x:1000:" >> /etc/group \\\n'
        " && mkdir -p /home/app /app && chown 1000:1000 /home/app /app\n"
        "USER 1000\n"
        "WORKDIR /app\n"
        "COPY --chown=1000:1000 requirements.txt .\n"
        "RUN python3 -m venv /app/venv && /app/venv/bin/pip install -r requirements.txt\n",
        [(9, "LG005")],
    ),
    # (e06_debian_openshift_dotcache_writable)
    (
        "FROM debian:12-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends pytho"
        "n3 python3-venv && rm -rf /var/lib/apt/lists/*\n"
        "RUN mkdir -p /app /.cache && chgrp -R 0 /app /.cache && chmod -R g=u,a+rwx /.cache /app\n"
        "USER 1001\n"
        "WORKDIR /app\n"
        "COPY --chown=1001:0 requirements.txt .\n"
        "RUN python3 -m venv /app/venv && /app/venv/bin/pip install -r requirements.txt\n",
        [(7, "LG005")],
    ),
    # (f04_alpine_man_pages_rm_man)
    (
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache build-base man-pages\n"
        "RUN rm -rf /usr/share/man/*\n",
        [(3, "LG003")],
    ),
    # (h22_postgres_image_pgvector_chown_var_lib)
    (
        "FROM postgres:16\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends postg"
        "resql-16-pgvector \\\n"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN mkdir -p /var/lib/postgresql/data && chown -R postgres:postgres /var/lib/postgresql\n",
        [],
    ),
    # (g08_unknown_apt_builder_copy_lib64_debian)
    (
        "FROM myorg/debian-build-env:3 AS build\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends libje"
        "malloc2 && rm -rf /var/lib/apt/lists/*\n"
        "FROM debian:12-slim\n"
        "COPY --from=build /lib64 /lib64\n",
        [],
    ),
    # (g20_unknown_apk_builder_copy_lib64_alpine)
    (
        "FROM myorg/alpine-tools:1.4 AS tools\n"
        "RUN apk add --no-cache gcompat\n"
        "FROM alpine:3.19\n"
        "COPY --from=tools /lib64 /lib64\n",
        [],
    ),
    # (d20_ln_into_bin_slash_then_chmod_link_later)
    (
        "FROM debian:12-slim\n"
        "COPY run.sh /opt/app/run.sh\n"
        "RUN ln -s /opt/app/run.sh /usr/local/bin/\n"
        "RUN chmod 755 /usr/local/bin/run.sh\n",
        [(4, "LG004")],
    ),
    # (d21_ln_into_usr_bin_no_slash_then_chmod_later)
    (
        "FROM ubuntu:22.04\n"
        "COPY scripts/ /opt/scripts/\n"
        "RUN ln -sf /opt/scripts/deploy.sh /usr/bin\n"
        "RUN chmod +x /usr/bin/deploy.sh\n",
        [(4, "LG004")],
    ),
    # (d12_ln_into_sbin_slash_then_chmod_link_later)
    (
        "FROM debian:12-slim\n"
        "COPY run.sh /opt/app/run.sh\n"
        "RUN ln -s /opt/app/run.sh /usr/local/sbin/\n"
        "RUN chmod 755 /usr/local/sbin/run.sh\n",
        [(4, "LG004")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_EIGHTH_SECOND_REVIEW)
def test_the_second_review_of_the_thirty_eighth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


# The thirty-ninth session's classes, each from a held-out set or a review fault.
_THIRTY_NINTH = [
    # `npm config set cache DIR` moves the cache of the installs after it: removing DIR cleans.
    (
        "FROM node:20\n"
        "RUN npm config set cache /tmp/npmcache --global && npm install -g typescript"
        " && rm -rf /tmp/npmcache\n",
        [],
    ),
    (
        "FROM node:20\n"
        "RUN npm config set cache=/tmp/npmcache && npm install -g typescript && rm -rf ~/.npm\n",
        [(2, "LG005")],
    ),
    (
        "FROM node:20\n"
        "RUN yarn config set cache-folder /tmp/yc && yarn global add typescript"
        " && rm -rf /tmp/yc\n",
        [],
    ),
    # playwright-core's and @playwright/test's CLI are Playwright's: install-deps runs apt-get.
    (
        "FROM node:20\n"
        "RUN npx -y playwright-core install-deps chromium && npm cache clean --force\n",
        [(2, "LG005")],
    ),
    (
        "FROM node:20\n"
        "RUN npx @playwright/test@1.44.0 install --with-deps chromium && npm cache clean --force\n",
        [(2, "LG005")],
    ),
    (
        "FROM node:20\n"
        "RUN npx -y playwright-core install-deps chromium && rm -rf /var/lib/apt/lists/*"
        " && npm cache clean --force\n",
        [],
    ),
    # A script the RUN ran was there: `rm -f` of it takes a copied tree's file, not a name
    # that may be missing (held-out 589/007:61); one it did not run may be missing.
    (
        "FROM debian:12\nCOPY scripts/ /usr/local/bin/\n"
        "RUN cd /usr/local/bin && init.sh && clean.sh && rm -fv init.sh clean.sh\n",
        [(3, "LG003")],
    ),
    (
        "FROM debian:12\nCOPY scripts/ /opt/s/\nRUN cd /opt/s && ./init.sh && rm -f init.sh\n",
        [(3, "LG003")],
    ),
    ("FROM debian:12\nCOPY scripts/ /opt/s/\nRUN rm -f /opt/s/init.sh\n", []),
    (
        "FROM debian:12\nCOPY scripts/ /opt/s/\n"
        "RUN curl -o /opt/s/init.sh https://x.example/i.sh && sh /opt/s/init.sh"
        " && rm -f /opt/s/init.sh\n",
        [],
    ),
    # `find | xargs dos2unix` rewrites every file below, as `find -exec dos2unix {} +` does:
    # a chmod after it copies up nothing more (held-out 589/001:19).
    (
        "FROM debian:12\nADD etc/ /opt/etc/\nWORKDIR /opt/etc\n"
        "RUN find . -type f -print0 | xargs -0 dos2unix && chmod +x /opt/etc/run.sh\n",
        [],
    ),
    (
        "FROM debian:12\nADD etc/ /opt/etc/\nWORKDIR /opt/etc\n"
        "RUN find /tmp -type f -print0 | xargs -0 dos2unix && chmod +x /opt/etc/run.sh\n",
        [(4, "LG004")],
    ),
    # dpkg's database removed whole on a Debian base: every package's file lists ship below
    # (held-out 567/004:20); not a file inside it, some of which are empty locks.
    (
        "FROM python:3.11.5-slim-bullseye\n"
        "RUN apt update && apt install -y build-essential"
        " && rm -rf /var/lib/apt /var/lib/dpkg /var/lib/cache /var/lib/log\n",
        [(2, "LG003")],
    ),
    ("FROM debian:12\nRUN rm -rf /var/lib/dpkg/*\n", [(2, "LG003")]),
    ("FROM debian:12\nRUN rm -f /var/lib/dpkg/lock /var/lib/dpkg/lock-frontend\n", []),
    ("FROM alpine:3.19\nRUN rm -rf /var/lib/dpkg\n", []),
    # The nginx image installs curl (and ca-certificates) itself, on Debian and on Alpine:
    # purging it removes the base's (held-out 585/011:3, 579/013:4, 566/002:45).
    ("FROM nginx:1.29-alpine\nRUN apk --purge del curl\n", [(2, "LG003")]),
    (
        "FROM nginx:1.21\nRUN apt-get update && apt-get install -y gnupg1 curl"
        " && apt-get purge -y curl gnupg1 && rm -rf /var/lib/apt/lists/*\n",
        [(2, "LG003")],
    ),
    (
        "FROM nginx:1.21\nRUN apt-get update && apt-get install -y gnupg1"
        " && apt-get purge -y gnupg1 && rm -rf /var/lib/apt/lists/*\n",
        [],
    ),
    # Debian's dovecot protocol packages each copy their own conf.d file (held-out 587/004).
    (
        "FROM debian:bookworm\n"
        "RUN apt-get update && apt-get install -y dovecot-imapd dovecot-pop3d"
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY 20-imap.conf /etc/dovecot/conf.d/20-imap.conf\n"
        "COPY 20-lmtp.conf /etc/dovecot/conf.d/20-lmtp.conf\n",
        [(3, "LG002")],
    ),
    # A release archive holds no .git: a find that removes .git below what it unpacked removes
    # nothing (held-out 587/012:42); below a clone it does.
    (
        "FROM php:8\nCOPY app.tgz /tmp/\nRUN tar xzf /tmp/app.tgz -C /var/www && rm /tmp/app.tgz\n"
        "RUN find /var/www -name .git -type d -print0 | xargs -0 rm -rf\n",
        [(2, "LG006"), (3, "LG003")],
    ),
    (
        "FROM php:8\nRUN git clone https://x.example/r.git /var/www/r\n"
        "RUN find /var/www -name .git -type d -exec rm -rf {} +\n",
        [(3, "LG003")],
    ),
    # A RUN that makes /bin/sh bash: the RUNs after it expand `{man,doc}` (held-out 593/011:60);
    # the RUN itself, and those before, still run under dash.
    (
        "FROM ubuntu:22.04\nRUN update-alternatives --install /bin/sh sh /bin/bash 100\n"
        "RUN rm -rf /usr/share/{man,doc}\n",
        [(3, "LG003")],
    ),
    (
        "FROM ubuntu:22.04\nRUN ln -sf /bin/bash /bin/sh\nRUN rm -rf /usr/share/{man,doc}\n",
        [(3, "LG003")],
    ),
    ("FROM ubuntu:22.04\nRUN rm -rf /usr/share/{man,doc} && ln -sf /bin/bash /bin/sh\n", []),
    ("FROM ubuntu:22.04\nRUN ln -sf /bin/bash /bin/sh.bak\nRUN rm -rf /usr/share/{man,doc}\n", []),
    # `locale-gen --purge` removes the archive an earlier locale-gen compiled (held-out
    # 593/009:20); not one an install may have left, nor its own.
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y locales"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN locale-gen --purge de_DE.UTF-8\nRUN locale-gen --purge en_US.UTF-8\n",
        [(4, "LG003")],
    ),
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y locales"
        " && locale-gen en_US.UTF-8 && locale-gen --purge de_DE.UTF-8"
        " && rm -rf /var/lib/apt/lists/*\n",
        [],
    ),
    # npm's cache set by `npm config set cache` in an earlier RUN is where the installs after
    # it cache: a cache mount there keeps it out (held-out 595/002, eight RUNs).
    (
        "FROM node:20-alpine\nRUN mkdir /tmp/npm && npm config set cache /tmp/npm --global\n"
        "WORKDIR /app\nCOPY package*.json ./\nRUN --mount=type=cache,target=/tmp/npm npm ci\n",
        [],
    ),
    (
        "FROM node:20-alpine AS base\nRUN npm config set cache /tmp/npm --global\nFROM base\n"
        "WORKDIR /app\nCOPY package*.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci\n",
        [(6, "LG005")],
    ),
    # Bundler's deployment mode installs into the project's vendor/bundle, .gem files kept in
    # its ruby/*/cache: a stage's /app copied on ships them (held-out 597/003:73, 597/004:66,
    # 577/006:125, 554/001:56); set in the RUN, in an earlier one, or by --deployment.
    (
        "FROM ruby:3.2 AS build\nWORKDIR /app-src\nCOPY Gemfile Gemfile.lock ./\n"
        "RUN bundle config set --local deployment 'true' && bundle install\n"
        "RUN rm -rf vendor/cache/ .git\n"
        "FROM ruby:3.2-slim\nCOPY --from=build /app-src /app-src\n",
        [(4, "LG005")],
    ),
    (
        "FROM ruby:3.2 AS build\nWORKDIR /app-src\nCOPY Gemfile Gemfile.lock ./\n"
        "RUN bundle config set --local deployment 'true'\nRUN bundle install\n"
        "FROM ruby:3.2-slim\nCOPY --from=build /app-src /app-src\n",
        [(5, "LG005")],
    ),
    (
        "FROM ruby:3.2 AS build\nWORKDIR /app-src\nCOPY Gemfile Gemfile.lock ./\n"
        "RUN bundle install --deployment && rm -rf vendor/bundle/ruby/*/cache\n"
        "FROM ruby:3.2-slim\nCOPY --from=build /app-src /app-src\n",
        [],
    ),
    # chmod follows a link it is given, -R too, into the tree it points to; a link made in the
    # same RUN counts (held-out 596/008:9, 596/010:11). chown -R changes the link alone.
    (
        "FROM php:7.4-apache\n"
        "ADD oracle/instantclient-basic-linux.x64-12.2.0.1.0.tar.gz /usr/local\n"
        "RUN ln -s /usr/local/instantclient_12_2 /usr/local/instantclient"
        " && chmod 755 -R /usr/local/instantclient\n",
        [(3, "LG004")],
    ),
    (
        "FROM php:7.4-apache\n"
        "ADD oracle/instantclient-basic-linux.x64-12.2.0.1.0.tar.gz /usr/local\n"
        "RUN ln -s /usr/local/instantclient_12_2 /usr/local/instantclient"
        " && chown -R www-data /usr/local/instantclient\n",
        [],
    ),
    # Language images whose last builds are on a Debian before 12 keep a sources.list
    # (held-out 596/010:4); Debian's apache2 ships charset.conf beside security.conf (596/008:33).
    ("FROM php:5.6-fpm\nCOPY sources.list /etc/apt/sources.list\n", [(2, "LG002")]),
    ("FROM python:3.6-slim\nCOPY sources.list /etc/apt/sources.list\n", [(2, "LG002")]),
    ("FROM php:8.2-fpm\nCOPY sources.list /etc/apt/sources.list\n", []),
    ("FROM php:5.6-fpm-alpine\nCOPY sources.list /etc/apt/sources.list\n", []),
    (
        "FROM php:7.4-apache\nCOPY apache/charset.conf /etc/apache2/conf-available/charset.conf\n",
        [(2, "LG002")],
    ),
    # `dd of=FILE` writes the file (held-out 590/001:24).
    (
        "FROM ubuntu:22.04\nRUN curl -fsSL https://cli.github.com/packages/k.gpg"
        " | dd of=/usr/share/keyrings/k.gpg\nRUN chmod go+r /usr/share/keyrings/k.gpg\n",
        [(3, "LG004")],
    ),
    # What `dpkg-reconfigure locales` or `tzdata`, update-locale and pip-sync write is known:
    # a chmod after them of what a COPY wrote still copies it up (held-out 591/001:24).
    (
        "FROM python:3.11\nWORKDIR /srv/ckan\nCOPY . .\n"
        "RUN dpkg-reconfigure -f noninteractive locales && update-locale LC_ALL=en_US.UTF-8"
        " && pip-sync requirements.txt && chmod +x run_tests.sh\n",
        [(4, "LG004"), (4, "LG005")],
    ),
    (
        "FROM python:3.11\nWORKDIR /srv/ckan\nCOPY . .\n"
        "RUN dpkg-reconfigure openssh-server && chmod +x run_tests.sh\n",
        [],
    ),
    # An installer saved from its address and piped in by `cat` is that installer: Poetry's
    # runs pip with its cache on (held-out 601/010:67).
    (
        "FROM python:3.11\nADD https://install.python-poetry.org poetry.sh\n"
        "RUN cat poetry.sh | python3 - && rm poetry.sh\n",
        [(3, "LG003"), (3, "LG005")],
    ),
    # Alpine's base ships /etc/motd (held-out 601/009:61).
    ("FROM alpine:3.19\nCOPY motd /etc/motd\n", [(2, "LG002")]),
    # Debian's slim images keep no man pages, of later installs either: removing them removes
    # nothing; their /usr/share/doc keeps the copyright files (held-out 603/003:22).
    ("FROM debian:buster-slim\nRUN rm -rf /usr/share/man\n", []),
    ("FROM debian:buster-slim\nRUN rm -rf /usr/share/doc\n", [(2, "LG003")]),
    ("FROM debian:buster\nRUN rm -rf /usr/share/man\n", [(2, "LG003")]),
    # A root filesystem copied from a stage grown from the same base the build passes in
    # (`FROM $BASE_IMAGE`, no default) writes all of that base's files again (held-out
    # 602/001:133); from a stage of another passed-in base, not known.
    (
        "ARG BASE_IMAGE\nFROM $BASE_IMAGE AS build\nRUN make\nFROM $BASE_IMAGE\n"
        "COPY --from=build / /\n",
        [(5, "LG002")],
    ),
    (
        "ARG BASE_IMAGE\nARG OTHER\nFROM $BASE_IMAGE AS build\nRUN make\nFROM $OTHER\n"
        "COPY --from=build / /\n",
        [],
    ),
    # pecl's and pear's upgrade download and build as an install does (held-out 596/005:19,
    # 545/009:48).
    ("FROM php:7.4\nRUN pecl upgrade timezonedb\n", [(2, "LG005")]),
    # A Maven build packages target/ anew: the war the same RUN then unzips is its own, not
    # one the COPY of the project brought (held-out 605/012:25); a build of another module's
    # pom, or a goal that packages nothing, leaves the copied one.
    (
        "FROM tomcat:9\nCOPY . /ncWMS\nRUN cd /ncWMS && mvn clean install"
        " && unzip target/ncWMS2.war -d $CATALINA_HOME/webapps/ncWMS2/ && rm -rf ~/.m2\n",
        [],
    ),
    (
        "FROM tomcat:9\nCOPY . /ncWMS\nRUN cd /ncWMS && mvn dependency:go-offline"
        " && unzip target/ncWMS2.war -d $CATALINA_HOME/webapps/ncWMS2/ && rm -rf ~/.m2\n",
        [(2, "LG006")],
    ),
    # Jetty's distribution archive holds etc/jetty.xml (held-out 594/005:54).
    (
        "FROM eclipse-temurin:8\nRUN wget https://x.example/jetty-distribution-9"
        ".2.7.v20150116.tar.gz"
        " && tar -xzf jetty-distribution-9.2.7.v20150116.tar.gz"
        " && rm jetty-distribution-9.2.7.v20150116.tar.gz"
        " && mv jetty-distribution-9.2.7.v20150116/ /opt/jetty\n"
        "COPY jetty.xml /opt/jetty/etc/jetty.xml\n",
        [(3, "LG002")],
    ),
    # A package file saved under another name is the package its address names, its version a
    # variable too (held-out 598/009:25).
    (
        "FROM ubuntu:22.04\nRUN wget https://x.example/shiny-server-$VERSION-amd64.deb"
        " -O ss.deb && gdebi -n ss.deb && rm ss.deb\n"
        "COPY shiny-server.conf /etc/shiny-server/shiny-server.conf\n",
        [(3, "LG002")],
    ),
    # `ln -s TARGET DIR/` makes the link inside DIR, not DIR: a chown -R of DIR after it still
    # copies up the dotfiles useradd -m gave it (held-out 610/008:19).
    (
        "FROM debian:trixie-slim\nRUN useradd -u 30000 -m -d /home/ox ox\n"
        "RUN ln -s /home/ox/.config/ox/.msmtprc /home/ox/ && chown -R ox:ox /home/ox/\n",
        [(3, "LG004")],
    ),
    # `sed -i.bak` renames the file to f.bak before writing it anew, as `mv f f.bak` does:
    # the old bytes land again (held-out 609/012:35); `sed -i` alone rewrites in place.
    (
        "FROM debian:12\nCOPY app.conf /etc/app.conf\nRUN sed -i.bak s/a/b/ /etc/app.conf\n"
        "RUN sed -i s/a/b/ /etc/app.conf\n",
        [(3, "LG003")],
    ),
    ("FROM debian:12\nRUN echo x > /etc/app.conf && sed -i.bak s/a/b/ /etc/app.conf\n", []),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_NINTH)
def test_the_thirty_ninth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


# The regressions the reviews of the thirty-ninth session found, each a probe of theirs.
_THIRTY_NINTH_REVIEW = [
    # (a05) nginx's Debian image holds what its packages pull in: ca-certificates' openssl.
    ("FROM nginx:1.27\nRUN apt-get purge -y openssl\n", [(2, "LG003")]),
    # (a07) nginx's alpine-slim tags hold neither curl nor the CA bundle.
    ("FROM nginx:1.27-alpine-slim\nRUN apk --purge del curl\n", []),
    (
        "FROM nginx:1.27-alpine-slim\n"
        "RUN apk add --no-cache curl && curl -fsS https://x.example/ && apk del curl\n",
        [],
    ),
    # (f28) `microsoft/...` is no slim image for the "micro" in its name.
    ("FROM microsoft/dotnet:2.2-sdk\nRUN rm -rf /usr/share/man\n", [(2, "LG003")]),
    # Nor do installs on a slim image bring man pages.
    (
        "FROM python:3.12-slim\n"
        "RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm -rf /usr/share/man /usr/share/locale\n",
        [],
    ),
    # (g17) `install-deps --dry-run` runs no apt.
    (
        "FROM node:20\nRUN npx -y playwright-core install-deps --dry-run chromium"
        " && npm cache clean --force\n",
        [],
    ),
    # (h15) a Tomcat archive ADDed under another name is still Tomcat's.
    (
        "FROM eclipse-temurin:8\nADD https://x.example/apache-tomcat-9.0.74.tar.gz /tmp/t.tgz\n"
        "RUN tar xzf /tmp/t.tgz -C /opt && rm /tmp/t.tgz"
        " && mv /opt/apache-tomcat-9.0.74 /opt/tomcat\n"
        "COPY server.xml /opt/tomcat/conf/server.xml\n",
        [(2, "LG006"), (3, "LG003"), (4, "LG002")],
    ),
    # (e03, h07) pip-sync passes --pip-args to pip; --dry-run installs nothing.
    (
        "FROM python:3.11\nCOPY requirements.txt .\nRUN pip install --no-cache-dir pip-tools"
        ' && pip-sync --pip-args "--no-cache-dir" requirements.txt\n',
        [],
    ),
    (
        "FROM python:3.11\nCOPY requirements.txt .\n"
        "RUN pip install --no-cache-dir pip-tools && pip-sync --dry-run requirements.txt\n",
        [],
    ),
    # (a09) npm's user configuration is root's alone: after USER node the cache is node's.
    (
        "FROM node:20\nRUN npm config set cache /tmp/npmc\nUSER node\nWORKDIR /home/node/app\n"
        "COPY package*.json ./\nRUN --mount=type=cache,target=/tmp/npmc npm ci\n",
        [(6, "LG005")],
    ),
    (
        "FROM node:20\nRUN npm config set cache /tmp/npmc --global\nUSER node\n"
        "WORKDIR /home/node/app\nCOPY package*.json ./\n"
        "RUN --mount=type=cache,target=/tmp/npmc npm ci\n",
        [],
    ),
    # (c04) /bin/sh made dash again: no brace expansion after it.
    (
        "FROM ubuntu:22.04\nRUN ln -sf /bin/bash /bin/sh\nRUN ln -sf /bin/dash /bin/sh\n"
        "RUN rm -rf /usr/share/{man,doc}\n",
        [],
    ),
    # (g04) a link to a file put into an existing directory is no link standing for it.
    (
        "FROM nginx:1.27\nCOPY default.conf /etc/nginx/conf.d/default.conf\n"
        "RUN ln -s /etc/nginx/sites-available/app.conf /etc/nginx/conf.d"
        " && rm /etc/nginx/conf.d/default.conf\n",
        [(2, "LG002"), (3, "LG003")],
    ),
    # (a27) a script an interpreter run before may have written is not known to be there.
    (
        "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n"
        "RUN python tools/codegen.py --out gen/ && python gen/bootstrap.py"
        " && rm -f gen/bootstrap.py\n",
        [],
    ),
    # (b07, b21) a find that leaves files out edits only some: a chmod after it copies up.
    (
        "FROM debian:12-slim\nCOPY app/ /srv/app/\n"
        "RUN find /srv/app -maxdepth 1 -type f | xargs sed -i 's/\\r$//'"
        " && chmod -R a+rX /srv/app\n",
        [(3, "LG004")],
    ),
    (
        "FROM debian:12-slim\nCOPY app/ /srv/app/\n"
        "RUN find /srv/app -type f -not -path '*/node_modules/*' -print0"
        " | xargs -0 sed -i 's/\\r$//' && chmod -R a+rX /srv/app\n",
        [(3, "LG004")],
    ),
    # (c29) a link removed and made a directory stands for nothing.
    (
        "FROM ubuntu:22.04\nCOPY tools/mytool-2.1/ /opt/mytool-2.1/\n"
        "RUN ln -s /opt/mytool-2.1 /opt/mytool\n"
        "RUN rm /opt/mytool && mkdir -p /opt/mytool/data && chmod -R 755 /opt/mytool\n",
        [],
    ),
    # (d05) dpkg's database only on a base of Debian's family known as such.
    ("FROM amazoncorretto:17\nRUN rm -rf /var/lib/dpkg\n", []),
    # (e04, e13) .git below what composer --prefer-source fetched, or a clone moved, is there.
    (
        "FROM php:8.2-cli\nWORKDIR /app\nCOPY composer.json composer.lock ./\n"
        "RUN composer install --no-dev --prefer-source && composer clear-cache\n"
        "RUN find /app/vendor -type d -name .git -prune -exec rm -rf {} +\n",
        [(5, "LG003")],
    ),
    # (b03, b04, b33) a find that edits the files of a name rewrites them: a chmod after it of
    # files of that name copies up nothing more; of another name it still does.
    (
        "FROM debian:12-slim\nCOPY app/ /opt/app/\n"
        "RUN find /opt/app -name '*.sh' -print0 | xargs -0 dos2unix && chmod +x /opt/app/*.sh\n",
        [],
    ),
    (
        "FROM debian:12-slim\nCOPY app/ /opt/app/\n"
        "RUN find /opt/app -name '*.sh' -exec sed -i 's/a/b/' {} +"
        " && chmod +x /opt/app/run.sh /opt/app/bin/tool\n",
        [(3, "LG004")],
    ),
    # (f02) a passed-in base whose ARG defaults to scratch holds nothing.
    (
        "ARG BASE_IMAGE=scratch\nFROM ${BASE_IMAGE} AS rootfs\nCOPY rootfs/ /\n"
        "FROM ${BASE_IMAGE}\nCOPY --from=rootfs / /\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _THIRTY_NINTH_REVIEW)
def test_the_reviews_of_the_thirty_ninth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTIETH = [
    # A file an earlier layer wrote, removed and written again at its path in one RUN: the
    # removal is the GUIDE's any removal, whatever the RUN writes after it (the old bytes ship
    # below the new ones; `sed -i`, which removes nothing, stays a rewrite).
    (
        "FROM debian:12\nCOPY restore-env.sh /etc/profile.d/00-restore-env.sh\n"
        "RUN rm -f /etc/profile.d/00-restore-env.sh"
        " && echo 'export PATH=$PATH' > /etc/profile.d/00-restore-env.sh\n"
        "COPY ngshared.pm /opt/ng/etc/ngshared.pm\nRUN cd /opt/ng/etc"
        " && sed -e s/a/b/ ngshared.pm > ngshared.pm2 && rm ngshared.pm"
        " && mv ngshared.pm2 ngshared.pm\n",
        [(3, "LG003"), (5, "LG003")],
    ),
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y locales"
        " && rm -rf /var/lib/apt/lists/* && locale-gen\n"
        "RUN rm -f /usr/lib/locale/locale-archive && localedef -i en_US -f UTF-8 en_US.UTF-8\n",
        [(3, "LG003")],
    ),
    ("FROM debian:12\nCOPY app.conf /etc/app.conf\nRUN sed -i s/a/b/ /etc/app.conf\n", []),
    # A stage FROM the very image this one is FROM, that did nothing: what it copies back to
    # the same path is the base's (the chown-by-copy idiom writes every file again).
    (
        "FROM acme/app:1.2 AS base\nFROM acme/app:1.2\n"
        "COPY --from=base --chown=1000:1000 /opt/app /opt/app\n",
        [(3, "LG002")],
    ),
    (
        "FROM acme/app:1.2 AS base\nRUN mkdir -p /opt/app && echo x > /opt/app/x\n"
        "FROM acme/app:1.2\nCOPY --from=base /opt/app /opt/app\n",
        [],
    ),
    ("FROM acme/app:1.1 AS base\nFROM acme/app:1.2\nCOPY --from=base /opt/app /opt/app\n", []),
    # Next.js' standalone output traces the packages it needs into its own node_modules: the
    # app's whole node_modules copied over it writes them again.
    (
        "FROM node:20 AS builder\nWORKDIR /app\nCOPY . .\n"
        "RUN npm ci && npm run build && npm cache clean --force\n"
        "FROM node:20-slim\nWORKDIR /app\nCOPY --from=builder /app/.next/standalone ./\n"
        "COPY --from=builder /app/node_modules ./node_modules\n",
        [(8, "LG002")],
    ),
    (
        "FROM node:20 AS builder\nWORKDIR /app\nCOPY . .\n"
        "RUN npm ci && npm run build && npm cache clean --force\n"
        "FROM node:20-slim\nWORKDIR /app\nCOPY --from=builder /app/.next/standalone ./\n"
        "COPY --from=builder /app/.next/static ./.next/static\n",
        [],
    ),
    # `git clone URL d` succeeds only where d is absent or empty: a removal of d in that RUN,
    # after `mv d/* data/`, takes only the clone; its .git stays for a later RUN's removal.
    (
        "FROM python:3.12\nWORKDIR /app\nCOPY ./pyproject.toml /app/pyproject.toml\n"
        "COPY . .\nRUN git clone https://huggingface.co/datasets/x/RAG && mkdir -p data"
        " && mv RAG/* data/ && rm -rf RAG\n",
        [(4, "LG002")],
    ),
    (
        "FROM python:3.12\nRUN git clone https://github.com/a/b /src && mkdir /app"
        " && mv /src/* /app/\nRUN rm -rf /src\n",
        [(3, "LG003")],
    ),
    # Programs known to run npm install or apt-get update: Invenio's webpack build, PGDG's
    # repository script, Asterisk's install_prereq.
    (
        "FROM python:3.12\nRUN pip install --no-cache-dir invenio-cli"
        " && invenio webpack buildall\n",
        [(2, "LG005")],
    ),
    ("FROM python:3.12\nRUN invenio collect --verbose\n", []),
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y postgresql-common"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y"
        " && apt-get install -y postgresql-client-17\n",
        [(3, "LG005")],
    ),
    (
        "FROM debian:12\nCOPY asterisk-20 /usr/src/asterisk/\n"
        "RUN /usr/src/asterisk/contrib/scripts/install_prereq install\n",
        [(3, "LG005")],
    ),
    (
        "FROM debian:12\nCOPY asterisk-20 /usr/src/asterisk/\n"
        "RUN /usr/src/asterisk/contrib/scripts/install_prereq test\n",
        [],
    ),
    # A clone not told a branch checks out its default: master or main right after is no change,
    # and what builds make (node_modules) is in no repository.
    (
        "FROM alpine\nRUN git clone https://github.com/a/relay /relay/\nWORKDIR /relay/\n"
        'ARG checkout="master"\nRUN git checkout $checkout\nRUN rm -rf node_modules/\n',
        [],
    ),
    (
        "FROM alpine\nRUN git clone https://github.com/a/b /src\nWORKDIR /src\n"
        "RUN git checkout v1.2\nRUN git checkout origin/master\n",
        [(4, "LG003"), (5, "LG003")],
    ),
    (
        "FROM alpine\nRUN git clone -b develop https://github.com/a/b /src\nWORKDIR /src\n"
        "RUN git checkout main\n",
        [(4, "LG003")],
    ),
    (
        "FROM node:20\nRUN git clone https://github.com/a/b /src\nWORKDIR /src\n"
        "RUN npm install && npm cache clean --force\nRUN rm -rf node_modules\n",
        [(5, "LG003")],
    ),
    # OTRS's and Znuny's SetPermissions script re-owns the installation it lies in.
    (
        "FROM debian:12\nADD https://download.znuny.org/releases/znuny-7.0.1.tar.gz /opt/\n"
        "RUN tar xzf /opt/znuny-7.0.1.tar.gz -C /opt && mv /opt/znuny-7.0.1 /opt/otrs"
        " && rm /opt/znuny-7.0.1.tar.gz\n"
        "RUN /opt/otrs/bin/otrs.SetPermissions.pl --web-group=www-data\n",
        [(2, "LG006"), (3, "LG003"), (4, "LG004")],
    ),
    (
        "FROM debian:12\nWORKDIR /opt/otrs\n"
        "RUN curl -fsSL https://download.znuny.org/releases/znuny-7.0.1.tar.gz"
        " | tar xz --strip-components=1 && bin/otrs.SetPermissions.pl --web-group=www-data\n",
        [],
    ),
    # A mv out of a build's tree moves what the build made, whatever the names.
    (
        "FROM debian:12\nWORKDIR /src\nRUN mkdir -p fast_align/build\n"
        "RUN cmake -S fast_align -B fast_align/build\nRUN make -C fast_align/build\n"
        "RUN mv fast_align/build/atools fast_align/build/fast_align /usr/local/bin\n",
        [(6, "LG003")],
    ),
    (
        "FROM debian:12\nWORKDIR /src\nRUN mkdir -p fast_align/build\n"
        "RUN cmake -S fast_align -B fast_align/build && make -C fast_align/build"
        " && mv fast_align/build/atools /usr/local/bin\n",
        [],
    ),
    # The maven image's settings-docker.xml keeps the repository in /usr/share/maven/ref.
    (
        "FROM maven:3-eclipse-temurin-17\nCOPY pom.xml /app/\n"
        "RUN mvn -B -f /app/pom.xml -s /usr/share/maven/ref/settings-docker.xml"
        ' dependency:go-offline\nCMD ["java", "-jar", "x.jar"]\n',
        [(3, "LG005")],
    ),
    (
        "FROM maven:3-eclipse-temurin-17\nCOPY pom.xml /app/\n"
        "RUN mvn -B -f /app/pom.xml -s /usr/share/maven/ref/settings-docker.xml"
        " dependency:go-offline && rm -rf /usr/share/maven/ref/repository\n"
        'CMD ["java", "-jar", "x.jar"]\n',
        [],
    ),
    # pixi keeps what it fetched in rattler's cache, which `pixi clean cache` empties.
    (
        "FROM ghcr.io/prefix-dev/pixi:0.40.0\nWORKDIR /app\nCOPY pixi.toml pixi.lock ./\n"
        "RUN pixi install --locked\n",
        [(4, "LG005")],
    ),
    (
        "FROM ghcr.io/prefix-dev/pixi:0.40.0\nWORKDIR /app\nCOPY pixi.toml pixi.lock ./\n"
        "RUN pixi install --locked && pixi clean cache --yes\n",
        [],
    ),
    (
        "FROM ghcr.io/prefix-dev/pixi:0.40.0\nWORKDIR /app\nCOPY pixi.toml pixi.lock ./\n"
        "RUN --mount=type=cache,target=/root/.cache/rattler/cache pixi install --locked\n",
        [],
    ),
    # Ubuntu's nginx leaves conf.d empty; a script copied after its install added no source.
    (
        "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y nginx"
        " && rm -rf /var/lib/apt/lists/*\nCOPY entrypoint.sh /usr/local/bin/entrypoint.sh\n"
        "RUN rm -f /etc/nginx/sites-enabled/default /etc/nginx/conf.d/default.conf\n",
        [],
    ),
    (
        "FROM ubuntu:24.04\nCOPY setup-repos.sh /tmp/\nRUN sh /tmp/setup-repos.sh"
        " && apt-get update && apt-get install -y nginx && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm -f /etc/nginx/conf.d/default.conf\n",
        [(4, "LG003")],
    ),
    # crudini's --set, --del and --merge write the ini file anew; --get reads it.
    (
        "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y php8.3 crudini"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN crudini --set /etc/php/8.3/apache2/php.ini PHP upload_max_filesize 500M\n"
        "RUN cp /etc/php/8.3/apache2/php.ini /app.ini && rm /etc/php/8.3/apache2/php.ini\n",
        [(4, "LG003")],
    ),
    (
        "FROM ubuntu:24.04\nCOPY app.ini /etc/app.ini\n"
        "RUN crudini --set /etc/app.ini main key value && chmod 600 /etc/app.ini\n",
        [],
    ),
    # A system tree copied back from a stage of the same passed-in base: every base fills it.
    (
        "ARG BASE_IMAGE\nFROM ${BASE_IMAGE} AS build\nRUN apt-get update"
        " && apt-get install -y libpq5 && rm -rf /var/lib/apt/lists/*\n"
        "FROM ${BASE_IMAGE}\nCOPY --from=build /usr /usr\n",
        [(5, "LG002")],
    ),
    (
        "ARG BASE_IMAGE\nFROM ${BASE_IMAGE} AS build\nRUN make install PREFIX=/usr/local/app\n"
        "FROM ${BASE_IMAGE}\nCOPY --from=build /usr/local/app /usr/local/app\n",
        [],
    ),
    # /bin/sh made bash stays bash under a later `SHELL ["/bin/sh", "-c"]`.
    (
        'FROM debian:bookworm\nRUN ln -sf /bin/bash /bin/sh\nSHELL ["/bin/sh", "-c"]\n'
        "RUN rm -rf /usr/share/{doc,man}/*\n",
        [(4, "LG003")],
    ),
    ('FROM debian:bookworm\nSHELL ["/bin/sh", "-c"]\nRUN rm -rf /usr/share/{doc,man}/*\n', []),
    # npm's cache configured by a quoted path, or below root's home (`~`, `$HOME`)
    (
        "FROM node:20-bookworm-slim\nRUN npm config set cache '/tmp/.npm' --global\n"
        "WORKDIR /app\nCOPY package.json package-lock.json ./\n"
        "RUN npm ci --omit=dev && rm -rf /tmp/.npm\n",
        [],
    ),
    (
        'FROM node:20-bookworm-slim\nRUN npm config set cache "$HOME/.cache/npm" --global\n'
        "WORKDIR /app\nCOPY package.json package-lock.json ./\n"
        "RUN npm ci --omit=dev && rm -rf /root/.cache/npm\n",
        [],
    ),
    # pip-tools' module is pip-sync.
    (
        "FROM python:3.11-slim\nWORKDIR /app\nCOPY requirements.txt .\n"
        "RUN pip install --no-cache-dir pip-tools && python -m piptools sync requirements.txt\n",
        [(4, "LG005")],
    ),
    # LuaRocks keeps the luarocks.org manifest and the rocks it fetched in ~/.cache/luarocks.
    (
        "FROM openresty/openresty:alpine-fat\nRUN luarocks install lua-resty-http\n",
        [(2, "LG005")],
    ),
    (
        "FROM openresty/openresty:alpine-fat\n"
        "RUN luarocks --lua-version=5.1 install lpeg && rm -rf /root/.cache/luarocks\n",
        [],
    ),
    ("FROM openresty/openresty:alpine-fat\nRUN luarocks list\n", []),
    # A wheel named through echo, `$(echo /tmp/app*.whl)[extra]`, is the wheel installed.
    (
        "FROM python:3.12-slim\nCOPY dist/app*.whl /tmp/\n"
        "RUN pip install --no-cache-dir $(echo /tmp/app*.whl)[x]\n",
        [(2, "LG006")],
    ),
    # A builder's project copied whole, then pruned of its devDependencies: the copy brought
    # them (a COPY of the build context, whose node_modules .dockerignore leaves out, did not).
    (
        "FROM node:20 AS builder\nWORKDIR /app\nCOPY . .\n"
        "RUN npm ci && npm run build && npm cache clean --force\n"
        "FROM node:20-slim\nWORKDIR /app\nCOPY --from=builder /app ./\n"
        "RUN npm prune --production\n",
        [(8, "LG003")],
    ),
    ("FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm prune --production\n", []),
    # pear installs PHP files from a local tarball with nothing to fetch; pecl builds in /tmp/pear.
    ("FROM php:8.2\nRUN pear install CAS-1.6.1.tgz\n", []),
    ("FROM php:8.2\nRUN pear install Mail\n", [(2, "LG005")]),
    ("FROM php:8.2\nRUN pecl install ./redis-5.3.4.tgz\n", [(2, "LG005")]),
    # Debian's own way to make /bin/sh bash: dash's debconf question answered no. The RUNs
    # after it expand braces.
    (
        "FROM debian:bullseye\n"
        'RUN echo "dash dash/sh boolean false" | debconf-set-selections'
        " && DEBIAN_FRONTEND=noninteractive dpkg-reconfigure dash\n"
        "RUN rm -rf /usr/share/{doc,man,info}/*\n",
        [(3, "LG003")],
    ),
    (
        "FROM debian:bullseye\n"
        'RUN echo "dash dash/sh boolean true" | debconf-set-selections'
        " && dpkg-reconfigure dash\n"
        "RUN rm -rf /usr/share/{doc,man,info}/*\n",
        [],
    ),
    # `$BASE_IMAGE` and `${BASE_IMAGE}` are one passed-in base: its root copied again.
    (
        "ARG BASE_IMAGE\nFROM $BASE_IMAGE AS build\nRUN echo build > /etc/build-info\n"
        "FROM ${BASE_IMAGE}\nCOPY --from=build / /\n",
        [(5, "LG002")],
    ),
    (
        "ARG BASE_IMAGE\nARG OTHER\nFROM $BASE_IMAGE AS build\nRUN echo b > /etc/build-info\n"
        "FROM ${OTHER}\nCOPY --from=build / /\n",
        [],
    ),
    # `patch -b FILE fix.patch` keeps the old FILE as FILE.orig: a mv of it, and FILE is
    # written anew (the chmod after it copies nothing more up).
    (
        "FROM centos:7\nCOPY sudoers.patch /opt/\nRUN yum install -y sudo && yum clean all\n"
        "RUN patch --backup /etc/sudoers /opt/sudoers.patch && chmod 0440 /etc/sudoers\n",
        [(4, "LG003")],
    ),
    (
        "FROM centos:7\nCOPY sudoers.patch /opt/\nRUN yum install -y sudo && yum clean all\n"
        "RUN patch -bf -z .old /etc/sudoers /opt/sudoers.patch\n",
        [(4, "LG003")],
    ),
    # Without a backup the file is only rewritten, and a patch whose files the patch names is
    # not read.
    (
        "FROM centos:7\nCOPY sudoers.patch /opt/\nRUN yum install -y sudo && yum clean all\n"
        "RUN patch /etc/sudoers /opt/sudoers.patch && chmod 0440 /etc/sudoers\n",
        [],
    ),
    (
        "FROM centos:7\nCOPY fix.patch /opt/\nRUN yum install -y sudo && yum clean all\n"
        "RUN patch -b -p1 < /opt/fix.patch\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTIETH)
def test_the_fortieth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


# The regressions the reviews of the fortieth session found, each a probe of theirs.
_FORTIETH_REVIEW = [
    # (c35_clone_then_checkout_main_then_rm_git)
    (
        "FROM python:3.12-slim\n"
        "RUN git clone https://github.com/acme/lib.git /src\n"
        "RUN cd /src && git checkout main && pip install --no-cache-dir . && rm -rf .git\n",
        [(3, "LG003")],
    ),
    # (d06_clone_into_node_modules_rm_git)
    (
        "FROM node:20-bookworm\n"
        "WORKDIR /app\n"
        "RUN npm init -y && git clone --depth 1 https://github.com/acme/private"
        "-sdk.git node_modules/private-sdk\n"
        "RUN rm -rf /app/node_modules/private-sdk/.git\n",
        [(4, "LG003")],
    ),
    # (e11_make_then_mv_mkdir_dir_same_run_earlier_layer)
    (
        "FROM ubuntu:22.04\n"
        "WORKDIR /opt/redis\n"
        "RUN curl -fsSL https://download.redis.io/releases/redis-7.2.4.tar.gz |"
        " tar xz --strip-components=1 && make && mkdir -p /opt/redis/data\n"
        "RUN mv /opt/redis/data /data && ln -s /data /opt/redis/data\n",
        [],
    ),
    # (i06_key_run_then_copy_list_then_install)
    (
        "FROM debian:12-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends curl "
        "gnupg ca-certificates && curl -fsSL https://nginx.org/keys/nginx_signi"
        "ng.key | gpg --dearmor -o /usr/share/keyrings/nginx-archive-keyring.gp"
        "g && rm -rf /var/lib/apt/lists/*\n"
        "COPY nginx.list /etc/apt/sources.list.d/nginx.list\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends nginx"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm /etc/nginx/conf.d/default.conf\n",
        [(5, "LG003")],
    ),
    # (h10_patch_dry_run_b)
    (
        "FROM debian:12-slim\n"
        "COPY app.ini /etc/app/app.ini\n"
        "COPY app.patch /tmp/\n"
        "RUN patch --dry-run -b /etc/app/app.ini /tmp/app.patch\n",
        [],
    ),
    # (g04_node_modules_from_deps_stage)
    (
        "FROM node:20-alpine AS deps\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm ci && npm cache clean --force\n"
        "\n"
        "FROM node:20-alpine AS builder\n"
        "WORKDIR /app\n"
        "COPY --from=deps /app/node_modules ./node_modules\n"
        "COPY . .\n"
        "RUN npm run build\n"
        "\n"
        "FROM node:20-alpine AS runner\n"
        "WORKDIR /app\n"
        "ENV NODE_ENV=production\n"
        "COPY --from=builder /app/public ./public\n"
        "COPY --from=builder --chown=nextjs:nodejs /app/.next/standalone ./\n"
        "COPY --from=builder --chown=nextjs:nodejs /app/.next/static ./.next/static\n"
        "COPY --from=deps /app/node_modules ./node_modules\n",
        [(18, "LG002")],
    ),
    # (p08_pixi_mount_cache_subdir)
    (
        "FROM ghcr.io/prefix-dev/pixi:0.41.4\n"
        "WORKDIR /app\n"
        "COPY pixi.toml pixi.lock ./\n"
        "RUN --mount=type=cache,target=/root/.cache/rattler/cache pixi install --locked\n",
        [],
    ),
    # (g03_pgdg_script_via_sh)
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends postg"
        "resql-common && rm -rf /var/lib/apt/lists/*\n"
        "RUN sh /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y && a"
        "pt-get install -y postgresql-15-postgis-3\n",
        [(3, "LG005")],
    ),
    # (o02_znuny_perl_invocation)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends perl "
        "curl ca-certificates && rm -rf /var/lib/apt/lists/*\n"
        "RUN curl -fsSL https://download.znuny.org/releases/znuny-6.5.10.tar.gz"
        " | tar xz -C /opt && mv /opt/znuny-6.5.10 /opt/otrs\n"
        "RUN perl /opt/otrs/bin/otrs.SetPermissions.pl --web-group=www-data\n",
        [(4, "LG004")],
    ),
    # (o08_otrs_perl_syntax_check_only)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends perl "
        "&& rm -rf /var/lib/apt/lists/*\n"
        "COPY otrs/ /opt/otrs/\n"
        "RUN perl -c /opt/otrs/bin/otrs.SetPermissions.pl\n",
        [],
    ),
    # (d02_dash_declined_f_noninteractive)
    (
        "FROM debian:bookworm\n"
        'RUN echo "dash dash/sh boolean false" | debconf-set-selections'
        " && dpkg-reconfigure -f noninteractive dash\n"
        "RUN rm -rf /usr/share/{doc,man}/*\n",
        [(3, "LG003")],
    ),
    # (m14_maven_settings_via_maven_home)
    (
        "FROM maven:3.9-eclipse-temurin-17\n"
        "WORKDIR /app\n"
        "COPY pom.xml .\n"
        "RUN mvn -B -s ${MAVEN_HOME}/ref/settings-docker.xml dependency:go-offline\n"
        'CMD ["java", "-jar", "/app/app.jar"]\n',
        [(4, "LG005")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTIETH_REVIEW)
def test_the_reviews_of_the_fortieth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_FIRST = [
    # A plain name a COPY --from brings (a file or a directory: the Dockerfile does not say) that
    # the stage's RUN wrote as a file: a chown of it copies the file up.
    (
        "FROM golang:1.22-alpine AS builder\nWORKDIR /app\nCOPY . .\n"
        "RUN go build -o waf-server .\nFROM alpine:3.20\nWORKDIR /app\n"
        "COPY --from=builder /app/waf-server .\nRUN chown waf:waf /app/waf-server\n",
        [(8, "LG004")],
    ),
    (
        "FROM golang:1.22 AS b\nRUN go build -o /out/app .\nFROM alpine:3.20\n"
        "COPY --from=b /out/app /usr/share/app\nRUN chmod 755 /usr/share/app\n",
        [(5, "LG004")],
    ),
    # (not a tree the stage filled there, whose entry alone a non-recursive chown changes)
    (
        "FROM alpine:3.20 AS b\nRUN mkdir -p /opt/tool"
        " && wget -qO- https://example.org/t.tgz | tar -xz -C /opt/tool\n"
        "FROM alpine:3.20\nCOPY --from=b /opt/tool /srv/tool\nRUN chown app /srv/tool\n",
        [],
    ),
    # A retry wrapper runs the command after its `--`: the install leaves yum's cache.
    (
        "FROM centos:7\nCOPY retry.sh /usr/local/bin/retry.sh\n"
        "RUN /usr/local/bin/retry.sh --attempts 5 --delay 10 -- yum install -y gcc make\n",
        [(3, "LG005")],
    ),
    # yum installing again what the last install installed, its metadata left by that layer:
    # nothing is installed or fetched. A repository added since has metadata to fetch.
    (
        "FROM centos:7\nRUN yum install -y wget\nUSER root\n"
        "RUN yum --setopt=tsflags=nodocs install -y wget && rpm -q wget\n",
        [(2, "LG005")],
    ),
    (
        "FROM centos:7\nRUN yum install -y nginx wget\n"
        "RUN yum install -y https://dl.fedoraproject.org/pub/epel/epel-release-"
        "latest-7.noarch.rpm\n"
        "RUN yum install -y nginx\n",
        [(2, "LG005"), (3, "LG005"), (4, "LG005")],
    ),
    (
        "FROM centos:7\nRUN yum install -y nginx\nCOPY my.repo /etc/yum.repos.d/my.repo\n"
        "RUN yum install -y nginx\n",
        [(2, "LG005"), (4, "LG005")],
    ),
    # The data directory an install filled, re-owned whole after this RUN made a directory
    # below it: the cluster's files are copied up all the same. Not after this RUN removed it.
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y postgresql"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN mkdir -p /var/lib/postgresql/data /var/run/postgresql"
        " && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql\n",
        [(3, "LG004")],
    ),
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y postgresql"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm -rf /var/lib/postgresql/* && mkdir -p /var/lib/postgresql/data"
        " && chown -R postgres /var/lib/postgresql\n",
        [(3, "LG003")],
    ),
    # npm (or gem) given its packages by xargs: some packages, their downloads in the cache.
    (
        "FROM node:20\nCOPY package.json ./package.json\n"
        "RUN node -e \"console.log(require('./package.json').packageManager)\""
        " | xargs npm install -g\n",
        [(3, "LG005")],
    ),
    # xcaddy build runs go in a module of its own: Go's module and build caches stay.
    (
        "FROM golang:1.22\nCOPY --from=caddy:2-builder /usr/bin/xcaddy /usr/bin/xcaddy\n"
        "RUN xcaddy build --with github.com/caddy-dns/cloudflare --output /usr/local/bin/caddy\n",
        [(3, "LG005")],
    ),
    # A virtual package one package alone provides is that package: installed by one name and
    # purged by the other, even where the RUN that purges it installs it again first (a no-op).
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y libz-dev"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN apt-get install -y zlib1g-dev && make && apt-get purge --auto-remove -y zlib1g-dev\n",
        [(3, "LG003")],
    ),
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y zlib1g-dev"
        " && rm -rf /var/lib/apt/lists/*\nRUN apt-get purge -y libz-dev\n",
        [(3, "LG003")],
    ),
    # A mv fails unless what it names is there: below a tree the build context gave /srv,
    # /root or /opt, which images keep empty, it moves what the copy wrote. Not a dotfile a
    # base may hold there, nor what a stage's copy may not hold.
    (
        "FROM alpine:3.20\nCOPY . /srv\nRUN mv /srv/ssh_config /root/.ssh/config\n",
        [(3, "LG003")],
    ),
    (
        "FROM ubuntu:22.04\nCOPY defaults/ /root/\n"
        "RUN mv /root/zoneminder /etc/init.d/zoneminder && chmod +x /etc/init.d/zoneminder\n",
        [(3, "LG003")],
    ),
    ("FROM ubuntu:22.04\nCOPY defaults/ /root/\nRUN mv /root/.myrc /etc/myrc\n", []),
    ("FROM ubuntu:22.04\nCOPY --from=b /out /opt/\nRUN mv /opt/app /opt/app2\n", []),
    # A service started, or a database client, writes its state and logs alone: what the RUN
    # removes after it elsewhere is an earlier layer's all the same.
    (
        "FROM ubuntu:22.04\nCOPY defaults/ /root/\nRUN cd /root && service mysql start"
        " && mysql -sfu root < mysql_defaults.sql && rm mysql_defaults.sql\n",
        [(3, "LG003")],
    ),
    (
        "FROM ubuntu:22.04\nCOPY html/ /var/www/html/\n"
        "RUN a2enmod rewrite && service apache2 restart && rm /var/www/html/index.html\n",
        [(3, "LG003")],
    ),
    ("FROM ubuntu:22.04\nRUN service mysql start && rm -rf /var/lib/mysql/ib_logfile*\n", []),
    # uv sync installs into the project's environment (.venv, or UV_PROJECT_ENVIRONMENT), not
    # into the system's trees: a chown of it copies it up, and a stage grown from the one that
    # filled it holds that environment's packages again.
    (
        "FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/\nWORKDIR /app\n"
        "COPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-cache\n"
        "RUN chown -R app /app/.venv\n",
        [(6, "LG004")],
    ),
    (
        "FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/\n"
        "ENV UV_PROJECT_ENVIRONMENT=/opt/venv\nWORKDIR /app\n"
        "COPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-cache\n"
        "RUN chown -R app /opt/venv\n",
        [(7, "LG004")],
    ),
    (
        "FROM python:3.12-slim AS base\nCOPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/\n"
        "WORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-dev --no-cache\n"
        "FROM base AS dev\nRUN uv sync --frozen --no-cache\n"
        "FROM python:3.12-slim AS runtime\nCOPY --from=base /app/.venv /app/.venv\n"
        "FROM runtime AS runtime-dev\nCOPY --from=dev /app/.venv /app/.venv\n",
        [(11, "LG002")],
    ),
    # The backup an edit keeps (`sed -ir`: -i with the suffix r) of a file this RUN already
    # wrote holds this RUN's bytes: no removal of an earlier layer's. A mv of the file away is.
    (
        "FROM debian:12\nCOPY sshd_config /etc/ssh/\n"
        "RUN sed -ri s/a/b/ /etc/ssh/sshd_config && sed -ir s/c/d/ /etc/ssh/sshd_config\n",
        [],
    ),
    (
        "FROM debian:12\nCOPY sshd_config /etc/ssh/\nRUN sed -ir s/c/d/ /etc/ssh/sshd_config\n",
        [(3, "LG003")],
    ),
    (
        "FROM debian:12\nCOPY sshd_config /etc/ssh/\n"
        "RUN sed -i s/a/b/ /etc/ssh/sshd_config && mv /etc/ssh/sshd_config /etc/ssh/old\n",
        [(3, "LG003")],
    ),
    # A monorepo app's standalone output holds the app's files below its path and the traced,
    # hoisted node_modules at its root, which a copy of the whole node_modules writes again.
    (
        "FROM node:20-alpine\nWORKDIR /app\n"
        "COPY --from=installer /app/apps/dash/.next/standalone ./\n"
        "COPY --from=installer /app/node_modules ./node_modules\n",
        [(4, "LG002")],
    ),
    # A HOME given to the command itself (`HOME=/tmp npm install`, in `su abc -c`) is where its
    # caches land, and a removal there takes them.
    (
        "FROM node:20\nRUN HOME=/tmp npm install -g pm2\n"
        "RUN su -s /bin/sh node -c 'HOME=/tmp npm install --omit=dev' && rm -rf /tmp/.npm\n",
        [(2, "LG005"), (3, "LG003")],
    ),
    (
        "FROM node:20\nENV HOME=/config\n"
        "RUN su -s /bin/sh node -c 'HOME=/tmp npm install --omit=dev' && rm -rf /tmp/.npm\n",
        [],
    ),
    # `mv f.tmp f` puts a file's new version in its place: a chmod of it after, in the same RUN,
    # copies up nothing more.
    (
        "FROM debian:12\nCOPY R/java-secure java-secure\n"
        "RUN tr -d '\\015' <./java-secure >./java-secure.tmp"
        " && mv ./java-secure.tmp ./java-secure && chmod 700 ./java-secure\n",
        [],
    ),
    # A link made in a directory of links (`ln -s .../sites-available/app.conf
    # .../sites-enabled`) lands inside it: sites-enabled stays a directory, whose default is
    # nginx's link.
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y nginx"
        " && rm -rf /var/lib/apt/lists/*\nCOPY app.conf /etc/nginx/sites-available\n"
        "RUN ln -s /etc/nginx/sites-available/app.conf /etc/nginx/sites-enabled\n"
        "RUN rm /etc/nginx/sites-enabled/default\n",
        [],
    ),
    # A find's group of names (`\\( -name run -o -name finish \\)`) selects those names: a
    # chmod or a delete of them reaches what an earlier layer wrote.
    (
        "FROM alpine:3.20\nCOPY run /etc/s6-overlay/s6-rc.d/svc-app/run\n"
        "RUN find /etc/s6-overlay/s6-rc.d -type f \\( -name run -o -name finish \\)"
        " -exec chmod 0755 {} +\n",
        [(3, "LG004")],
    ),
    (
        "FROM python:3.12-slim\nCOPY app/cache.pyc /opt/app/cache.pyc\n"
        "RUN find /opt/app \\( -name '*.pyc' -o -name '*.pyo' \\) -delete\n",
        [(3, "LG003")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_FIRST)
def test_the_forty_first_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


# The regressions the reviews of the forty-first session found, each a probe of theirs.
_FORTY_FIRST_REVIEW = [
    # (s41a: a22_mkdir_dest_dir_then_chmod_dir)
    (
        "# expect \nFROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build"
        " -o /src/agent ./cmd/agent\nFROM ubuntu:22.04\nRUN mkdir -p /opt/agent/b"
        "in\nCOPY --from=build /src/agent /opt/agent/bin\nRUN chmod 755 /opt/agen"
        "t/bin\n",
        [],
    ),
    # (s41a: a23_mkdir_dest_dir_then_chmod_file)
    (
        "# expect 9:LG004\nFROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN g"
        "o build -o /src/agent ./cmd/agent\nFROM ubuntu:22.04\nRUN mkdir -p /opt/"
        "agent/bin\nCOPY --from=build /src/agent /opt/agent/bin\nRUN chmod 755 /o"
        "pt/agent/bin/agent\n",
        [(9, "LG004")],
    ),
    # (s41a: a31_useradd_home_dest_chmod_file)
    (
        "# expect 9:LG004\nFROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN g"
        "o build -o /out/bot ./cmd/bot\nFROM debian:12-slim\nRUN useradd -m -d /h"
        "ome/bot bot\nCOPY --from=build /out/bot /home/bot\nRUN chmod +x /home/bo"
        "t/bot\nUSER bot\n",
        [(9, "LG004")],
    ),
    # (s41a: a32_useradd_home_dest_chown_home)
    (
        "# expect \nFROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build"
        " -o /out/bot ./cmd/bot\nFROM debian:12-slim\nRUN useradd -m -d /home/bot"
        " bot\nCOPY --from=build /out/bot /home/bot\nRUN chown bot:bot /home/bot\n"
        "USER bot\n",
        [],
    ),
    # (s41a: a39_mkdir_dest_then_rm)
    (
        "# expect 9:LG003\nFROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN g"
        "o build -o /out/agent ./cmd/agent\nFROM ubuntu:22.04\nRUN mkdir -p /opt/"
        "agent\nCOPY --from=build /out/agent /opt/agent\nRUN /opt/agent/agent --s"
        "elftest && rm -f /opt/agent/agent\n",
        [(9, "LG003")],
    ),
    # (s41a: a06_go_out_dir_slash_chown_dest_dir)
    (
        "# expect \nFROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN mkdir -p"
        " /out && go build -o /out/ ./cmd/...\nFROM alpine:3.20\nRUN adduser -D a"
        "pp\nCOPY --from=build /out /app/bin\nRUN chown app:app /app/bin\nUSER app"
        "\n",
        [],
    ),
    # (s41a: a30_go_out_gobin_dir_chmod_dest)
    (
        "# expect \nFROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENAB"
        "LED=0 go build -o /go/bin/ ./cmd/...\nFROM alpine:3.20\nCOPY --from=buil"
        "d /go/bin /opt/tools\nRUN chmod 755 /opt/tools\nENV PATH=/opt/tools:$PAT"
        "H\n",
        [],
    ),
    # (s41a: a36_go_out_existing_dir_same_run)
    (
        "# expect \nFROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN mkdir -p"
        " /out/bin && go build -o /out/bin ./cmd/...\nFROM alpine:3.20\nCOPY --fr"
        "om=build /out/bin /usr/local/app-bin\nRUN chown 1000:1000 /usr/local/ap"
        "p-bin\n",
        [],
    ),
    # (s41a: a37_go_out_dir_then_chmod_glob)
    (
        "# expect 8:LG004\nFROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN g"
        "o build -o /out/ ./cmd/...\nFROM alpine:3.20\nCOPY --from=build /out /ap"
        "p/bin\nRUN chmod +x /app/bin/*\n",
        [(8, "LG004")],
    ),
    # (s41a: b41_opt_mkdir_data_later_mv)
    (
        "# expect \nFROM eclipse-temurin:17-jre\nRUN useradd -r -u 1001 app\nCOPY "
        "build/install/ /opt/\nRUN mkdir -p /opt/data /opt/logs && chown app /op"
        "t/data /opt/logs\nRUN mv /opt/data /var/lib/app-data && ln -s /var/lib/"
        "app-data /opt/data\n",
        [],
    ),
    # (s41a: b37_tmp_earlier_run_mkdir_then_mv)
    (
        "# expect \nFROM ubuntu:22.04\nCOPY setup/ /tmp/\nRUN mkdir -p /tmp/empty-"
        "logs\nRUN mv /tmp/empty-logs /var/log/app\n",
        [],
    ),
    # (s41a: b38_root_mv_workdir_made)
    (
        "# expect \nFROM ubuntu:22.04\nCOPY provision/ /root/\nWORKDIR /root/outpu"
        "t\nRUN mv /root/output /srv/output\n",
        [],
    ),
    # (s41a: e05_touch_then_sed_ibak)
    (
        "# expect 4:LG003\nFROM debian:12\nCOPY app.ini /etc/app/app.ini\nRUN touc"
        "h /etc/app/app.ini && sed -i.bak 's/debug = true/debug = false/' /etc/"
        "app/app.ini\n",
        [(4, "LG003")],
    ),
    # (s41a: e16_cp_n_then_sed_ibak)
    (
        "# expect 4:LG003\nFROM debian:12\nCOPY defaults/app.conf /etc/app/app.co"
        "nf\nRUN cp -n /usr/share/app/app.conf /etc/app/app.conf && sed -i.bak '"
        "s/a/b/' /etc/app/app.conf\n",
        [(4, "LG003")],
    ),
    # (s41b: b03_yum_epel_release_then_again)
    (
        "FROM centos:7\nRUN yum install -y epel-release wget\nRUN yum install -y wget\n",
        [(2, "LG005"), (3, "LG005")],
    ),
    # (s41b: b04_yum_enablerepo_again)
    (
        "FROM centos:7\nRUN yum install -y git\nRUN yum --enablerepo=centosplus install -y git\n",
        [(2, "LG005"), (3, "LG005")],
    ),
    # (s41b: b18_yum_config_manager_add_repo)
    (
        "FROM centos:7\nRUN yum install -y yum-utils\nRUN yum-config-manager --ad"
        "d-repo https://download.docker.com/linux/centos/docker-ce.repo\nRUN yum"
        " install -y yum-utils\n",
        [(2, "LG005"), (4, "LG005")],
    ),
    # (s41b: b19_yum_repo_added_same_run_after)
    (
        "FROM centos:7\nRUN yum install -y wget && wget -O /etc/yum.repos.d/ngin"
        "x.repo https://example.org/nginx.repo\nRUN yum install -y wget\n",
        [(2, "LG005"), (3, "LG005")],
    ),
    # (s41b: b16_yum_reinstall)
    (
        "FROM centos:7\nRUN yum install -y glibc-common\nRUN yum reinstall -y glibc-common\n",
        [(2, "LG005"), (3, "LG005")],
    ),
    # (s41b: d04_xcaddy_cache_mounts)
    (
        "FROM caddy:2-builder-alpine\nRUN --mount=type=cache,target=/go/pkg/mod "
        "--mount=type=cache,target=/root/.cache/go-build \\\n    xcaddy build --w"
        "ith github.com/caddy-dns/cloudflare --output /usr/bin/caddy\n",
        [],
    ),
    # (s41b: d10_xcaddy_rm_caches)
    (
        "FROM caddy:2-builder\nRUN xcaddy build --with github.com/caddy-dns/clou"
        "dflare --output /usr/bin/caddy \\\n    && rm -rf /go/pkg/mod /root/.cach"
        "e/go-build\n",
        [],
    ),
    # (s41b: f13_uv_directory_before_sub, a fault of old and new: uv's global options)
    (
        "FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.5.11 /uv /uvx /bin/\n"
        "COPY pyproject.toml uv.lock /app/\nRUN uv --directory /app sync --frozen\n",
        [(4, "LG005")],
    ),
    # (s41c: s55_touch_then_sed_backup)
    (
        "FROM python:3.12-slim\nCOPY app.conf /etc/app/app.conf\nRUN to"
        "uch /etc/app/app.conf && sed -i.bak 's/^debug=.*/debug=0/' /"
        'etc/app/app.conf\nCMD ["python", "-m", "app"]\n',
        [(3, "LG003")],
    ),
    # (s41c: s65_conditional_cp_then_sed_backup)
    (
        "FROM python:3.12-slim\nCOPY app.conf /etc/app/app.conf\nRUN [ "
        "-f /etc/app/app.conf ] || cp /usr/share/app/app.conf.dist /e"
        "tc/app/app.conf; \\\n    sed -i.orig 's/^workers=.*/workers=4/"
        '\' /etc/app/app.conf\nCMD ["python", "-m", "app"]\n',
        [(3, "LG003")],
    ),
    # (s41c: s66_cp_no_clobber_then_sed_backup)
    (
        "FROM node:20-bookworm-slim\nCOPY config/app.ini /etc/app/app."
        "ini\nRUN cp -n /usr/share/doc/app/app.ini.example /etc/app/ap"
        "p.ini 2>/dev/null; \\\n    sed -i.bak 's/^port=.*/port=8080/' "
        '/etc/app/app.ini\nCMD ["node", "server.js"]\n',
        [(3, "LG003")],
    ),
    # (s41c: p07_bookworm_mod_mysql_only_copy_conf)
    (
        "FROM debian:bookworm-slim\nRUN apt-get update && apt-get inst"
        "all -y --no-install-recommends proftpd-mod-mysql \\\n    && rm"
        " -rf /var/lib/apt/lists/*\nCOPY proftpd.conf /etc/proftpd/pro"
        'ftpd.conf\nCMD ["proftpd", "--nodaemon"]\n',
        [(4, "LG002")],
    ),
    # (s41c: p19_rocky_epel_proftpd_copy_etc_conf)
    (
        "FROM rockylinux:9\nRUN dnf install -y epel-release && dnf ins"
        "tall -y proftpd proftpd-utils && dnf clean all\nCOPY proftpd."
        'conf /etc/proftpd.conf\nCMD ["proftpd", "--nodaemon"]\n',
        [(3, "LG002")],
    ),
    # (s41c: p33_copy_dhparams)
    (
        "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --n"
        "o-install-recommends proftpd-basic proftpd-mod-crypto \\\n    && rm -rf "
        "/var/lib/apt/lists/*\nCOPY dhparams.pem /etc/proftpd/dhparams.pem\nCOPY "
        "tls.conf /etc/proftpd/tls.conf\n",
        [(4, "LG002"), (5, "LG002")],
    ),
    # (s41a: a34_copy_tree_dest_then_stage_file_chmod_dir)
    (
        "# expect \nFROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build"
        " -o /out/server ./cmd/server\nFROM alpine:3.20\nCOPY static/ /srv/www/\nC"
        "OPY --from=build /out/server /srv/www\nRUN chmod 755 /srv/www\n",
        [],
    ),
    # (s41b: b26_dnf_install_again_enablerepo_crb)
    (
        "FROM rockylinux:9\nRUN dnf install -y epel-release\nRUN dnf install -y -"
        "-enablerepo=crb epel-release\n",
        [(2, "LG005"), (3, "LG005")],
    ),
    # (s41b: b21_dnf_config_manager_enable)
    (
        "FROM rockylinux:9\nRUN dnf install -y dnf-plugins-core\nRUN dnf config-m"
        "anager --set-enabled crb\nRUN dnf install -y dnf-plugins-core\n",
        [(2, "LG005"), (4, "LG005")],
    ),
    # (s41b: b27_yum_install_again_after_copy_repo_file_same_run)
    (
        "FROM centos:7\nCOPY nginx.repo /tmp/nginx.repo\nRUN yum install -y wget "
        "&& cp /tmp/nginx.repo /etc/yum.repos.d/\nRUN yum install -y wget\n",
        [(3, "LG005"), (4, "LG005")],
    ),
    # (s41b: d06_xcaddy_setcap_later)
    (
        "FROM caddy:2-builder-alpine AS caddy\nRUN --mount=type=cache,target=/go"
        "/pkg/mod --mount=type=cache,target=/root/.cache/go-build \\\n    xcaddy "
        "build --with github.com/caddy-dns/cloudflare --output /usr/bin/caddy\nR"
        "UN apk add --no-cache libcap && setcap cap_net_bind_service=+ep /usr/b"
        "in/caddy\n",
        [(4, "LG004")],
    ),
    # (s41d: h13_home_tmp_yarn_root_rm_tmp)
    (
        "# expect: 5 LG005\nFROM node:20-bookworm\nWORKDIR /app\nCOPY package.json"
        " yarn.lock ./\nRUN HOME=/tmp yarn install --frozen-lockfile && rm -rf /"
        "tmp/.cache\n",
        [(5, "LG005")],
    ),
    # (s41d: h14_home_tmp_yarn_root_cache_clean)
    (
        "# expect: \nFROM node:20-bookworm\nWORKDIR /app\nCOPY package.json yarn.l"
        "ock ./\nRUN HOME=/tmp yarn install --frozen-lockfile && yarn cache clea"
        "n\n",
        [],
    ),
    # (s41d: h18_home_tmp_maven_user_home)
    (
        "# expect: 6 LG005\nFROM maven:3.9-eclipse-temurin-17\nWORKDIR /app\nCOPY "
        "pom.xml .\nCOPY src ./src\nRUN HOME=/tmp mvn -B -q package -DskipTests &"
        "& rm -rf /tmp/.m2\n",
        [(6, "LG005")],
    ),
    # (s41d: h08_home_other_user_pip_root)
    (
        "# expect: \nFROM python:3.12-slim\nRUN useradd -m -u 1000 app\nRUN HOME=/"
        "home/app pip install --user requests\n",
        [],
    ),
    # (s41d: l04_dir_replaced_by_link_conf_d_chmod)
    (
        "# expect: 5 LG004\nFROM nginx:1.27\nCOPY nginx/ /app/nginx/\nRUN rm -rf /"
        "etc/nginx/conf.d && ln -s /app/nginx /etc/nginx/conf.d\nRUN chmod -R 64"
        "4 /etc/nginx/conf.d/\n",
        [(5, "LG004")],
    ),
    # (s41d: l05_sites_enabled_replaced_by_link_rm_default)
    (
        "# expect: 5 LG003\nFROM debian:12\nRUN apt-get update && apt-get install"
        " -y nginx && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /etc/nginx/sites-e"
        "nabled && ln -s /etc/nginx/sites-available /etc/nginx/sites-enabled\nRU"
        "N rm /etc/nginx/sites-enabled/default\n",
        [(5, "LG003")],
    ),
    # (s41d: l17_new_conf_d_link_to_copied_tree)
    (
        "# expect: 5 LG004\nFROM debian:12-slim\nCOPY conf/ /opt/myapp/conf/\nRUN "
        "mkdir -p /etc/myapp && ln -s /opt/myapp/conf /etc/myapp/conf.d\nRUN chm"
        "od -R 640 /etc/myapp/conf.d/\n",
        [(5, "LG004")],
    ),
    # (s41d: l18_alpine_http_d_replaced_by_link_rm)
    (
        "# expect: 4 LG003 6 LG003\nFROM alpine:3.20\nRUN apk add --no-cache ngin"
        "x\nRUN rm -rf /etc/nginx/http.d && ln -s /etc/nginx/conf.avail /etc/ngi"
        "nx/http.d && mkdir -p /etc/nginx/conf.avail\nCOPY default.conf /etc/ngi"
        "nx/conf.avail/default.conf\nRUN rm /etc/nginx/http.d/default.conf\n",
        [(4, "LG003"), (6, "LG003")],
    ),
    # (s41d: m17_mv_tmp_onto_existing_copied_dir)
    (
        "# expect: 4 LG004\nFROM eclipse-temurin:17-jre\nCOPY lib/ /opt/app/lib/\n"
        "RUN mkdir /opt/app/lib.new && mv /opt/app/lib.new /opt/app/lib && chmo"
        "d -R 644 /opt/app/lib\n",
        [(4, "LG004")],
    ),
    # (s41d: m22_clone_tmp_mv_onto_copied_plugins)
    (
        "# expect: 5 LG004\nFROM debian:12-slim\nRUN apt-get update && apt-get in"
        "stall -y --no-install-recommends git ca-certificates && rm -rf /var/li"
        "b/apt/lists/* && useradd -r app\nCOPY plugins/ /var/lib/app/plugins/\nRU"
        "N git clone --depth 1 https://github.com/example/app-plugins /var/lib/"
        "app/plugins.tmp && rm -rf /var/lib/app/plugins.tmp/.git && mv /var/lib"
        "/app/plugins.tmp /var/lib/app/plugins && chown -R app:app /var/lib/app"
        "/plugins\n",
        [(5, "LG004")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_FIRST_REVIEW)
def test_the_reviews_of_the_forty_first_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


# The classes of the forty-second session, each with a repro that failed before it.
_FORTY_SECOND = [
    # A HOME exported before the command is its HOME too: npm's cache lands in /tmp/.npm, which
    # the same RUN removes; kept when it does not.
    (
        "FROM node:20-alpine\n"
        "RUN export HOME=/tmp && npm install -g typescript && rm -rf /tmp/.npm\n",
        [],
    ),
    (
        "FROM node:20-alpine\nRUN export HOME=/tmp && npm install -g typescript\n",
        [(2, "LG005")],
    ),
    # Debian's supervisor leaves conf.d empty: removing the directory itself removes no bytes.
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y supervisor"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN mkdir -p /config/supervisor && rm -rf /etc/supervisor/conf.d"
        " && ln -s /config/supervisor /etc/supervisor/conf.d\n",
        [],
    ),
    # chmod follows a link to a file the same RUN made: it changes the file an earlier layer
    # wrote. A link made into a directory there (by its name, conf.d) lands inside it.
    (
        "FROM debian:12-slim\nCOPY run.sh /opt/app/run.sh\n"
        "RUN ln -s /opt/app/run.sh /usr/local/bin/run && chmod +x /usr/local/bin/run\n",
        [(3, "LG004")],
    ),
    (
        "FROM postgres:16\nCOPY schema.sql /opt/db/schema.sql\n"
        "RUN ln -s /opt/db/schema.sql /docker-entrypoint-initdb.d"
        " && chmod 644 /docker-entrypoint-initdb.d/schema.sql\n",
        [(3, "LG004")],
    ),
    # phusion's baseimage runs a command as another user with setuser: the command after the
    # user's name is read (bundle install's .gem files stay in the gem cache).
    (
        "FROM phusion/passenger-ruby32:3.0.0\nWORKDIR /home/app/webapp\n"
        "COPY --chown=app Gemfile* ./\n"
        'RUN /sbin/setuser app bash -l -c "bundle check || bundle install"\n',
        [(4, "LG005")],
    ),
    # A backquoted comment, the inline note of a long RUN, expands to nothing: the command is
    # the words after it.
    (
        "FROM debian:bookworm-slim\nRUN `# prerequisites` apt update && apt install -y curl\n",
        [(2, "LG005")],
    ),
    (
        "FROM debian:bookworm-slim\nCOPY s.sh /scripts/s.sh\n"
        "RUN `# executable` chmod +x /scripts/s.sh\n",
        [(3, "LG004")],
    ),
    # A chmod of a file of an unpacked tree that the same RUN then rewrites, named by a glob
    # (`sed -i ... sbin/*-dfs.sh`): the file is in the layer whole anyway.
    (
        "FROM ubuntu:22.04\nRUN wget -q https://example.org/h.tar.gz && tar -xzf h.tar.gz"
        " -C /opt && rm h.tar.gz\n"
        "RUN chmod +x /opt/h/sbin/start-dfs.sh && sed -i '2i X=1' /opt/h/sbin/*-dfs.sh\n",
        [],
    ),
    (
        "FROM ubuntu:22.04\nRUN wget -q https://example.org/h.tar.gz && tar -xzf h.tar.gz"
        " -C /opt && rm h.tar.gz\n"
        "RUN chmod +x /opt/h/sbin/start-dfs.sh && sed -i '2i X=1' /opt/h/sbin/*-yarn.sh\n",
        [(3, "LG004")],
    ),
    # An archive a later RUN unpacks by a name no COPY gave it, after a RUN between ran a
    # script the build brought (which downloaded it): not the copied tree's, but that RUN's.
    (
        "FROM debian:bookworm\nCOPY root /\nCOPY download.sh /\n"
        "RUN chmod +x /download.sh && /download.sh 2.1\n"
        "RUN dpkg -i /app.deb && rm -f /app.deb\n",
        [(4, "LG004"), (5, "LG003")],
    ),
    (
        "FROM debian:bookworm\nCOPY root /\nRUN dpkg -i /app.deb && rm -f /app.deb\n",
        [(2, "LG006"), (3, "LG003")],
    ),
    # dnf, yum and microdnf keep their cache where --setopt=cachedir says: on a cache mount
    # there, nothing stays.
    (
        "FROM registry.access.redhat.com/ubi9/ubi-minimal\n"
        "RUN --mount=type=cache,target=/root/.cache/microdnf"
        " microdnf install -y --setopt=cachedir=/root/.cache/microdnf gcc\n",
        [],
    ),
    (
        "FROM fedora:40\nRUN dnf install -y --setopt cachedir=/tmp/dnf gcc && rm -rf /tmp/dnf\n",
        [],
    ),
    # (BuildKit reads a mount's `target=/root/.cache/microdnf:rw` whole: not that directory)
    (
        "FROM registry.access.redhat.com/ubi9/ubi-minimal\n"
        "RUN --mount=type=cache,target=/root/.cache/microdnf:rw"
        " microdnf install -y --setopt=cachedir=/root/.cache/microdnf gcc\n",
        [(2, "LG005")],
    ),
    # mktemp makes an empty file or directory in /tmp and writes nothing else: the commands
    # after it are read as before (gosu's verification: `export GNUPGHOME="$(mktemp -d)"`).
    (
        "FROM python:3.12\nCOPY . /app\nWORKDIR /app\n"
        'RUN export GNUPGHOME="$(mktemp -d)"; rm -rf "$GNUPGHOME"; rm requirements.txt\n',
        [(4, "LG003")],
    ),
    # Programs that only read and print (jq, lsb_release, sync, ldd...) write nothing a later
    # command's removal could mean: what it removes is still known.
    (
        "FROM python:3.12\nCOPY . /app\nWORKDIR /app\n"
        "RUN sync && jq . package.json && rm requirements.txt\n",
        [(4, "LG003")],
    ),
    # A find that took a name from every tree below its root in the RUN that wrote them: a
    # later find of that name takes nothing of those trees again.
    (
        "FROM python:3.13\nRUN python3.13 -m venv /opt/venv && sync"
        " && find / -xdev -name __pycache__ -type d -exec rm -rf {} +\n"
        "RUN pip install --no-cache-dir gunicorn"
        " && find / -xdev -name __pycache__ -type d -exec rm -rf {} +\n",
        [],
    ),
    (
        "FROM python:3.13\nRUN python3.13 -m venv /opt/venv && sync\n"
        "RUN sync && find / -xdev -name __pycache__ -type d -exec rm -rf {} +\n",
        [(3, "LG003")],
    ),
    # find's `-perm 6000` selects files whose mode is exactly 6000, which no program has: the
    # setuid programs are `-perm /6000` (or -4000)
    (
        "FROM centos:7\nRUN find / -perm 6000 -type f -exec chmod a-s {} \\; || true\n",
        [],
    ),
    (
        "FROM centos:7\nRUN find / -perm /6000 -type f -exec chmod a-s {} \\; || true\n",
        [(2, "LG004")],
    ),
    # An offline install takes what the cache or store holds: it fetches nothing into them.
    (
        "FROM node:20-alpine\nWORKDIR /app\nCOPY . .\n"
        "RUN pnpm install --prod --offline --ignore-scripts\n",
        [],
    ),
    # (not when the file it reaches is the same RUN's)
    (
        "FROM debian:12-slim\nRUN echo 'exec app' > /opt/run.sh"
        " && ln -s /opt/run.sh /usr/local/bin/run && chmod +x /usr/local/bin/run\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_SECOND)
def test_the_forty_second_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


# The regressions the reviews of the forty-second session found, each a probe of theirs.
_FORTY_SECOND_REVIEW = [
    # (s42d: r01_java_version_root) a program of the system's run between the copy and the
    # unpack writes no archive: the copied tree's, which the unpack's removal hides
    (
        "FROM eclipse-temurin:17-jre\nCOPY root /\nRUN java -version\n"
        "RUN dpkg -i /app.deb && rm -f /app.deb\n",
        [(2, "LG006"), (4, "LG003")],
    ),
    # (s42d: a01_deconz_download_script) the script's file, there before the unpack's RUN
    (
        "FROM debian:bookworm-slim\nCOPY root /\n"
        "RUN /usr/local/bin/download-deconz.sh 2.26.3\n"
        "RUN dpkg -i /deconz.deb && rm -f /deconz.deb\n",
        [(4, "LG003")],
    ),
    # (s42a: a16_sed_through_link_then_chmod) a file rewritten through the link is the target's new
    # version: the chmod adds nothing
    (
        "FROM debian:12-slim\nCOPY bin/start.sh /opt/app/bin/start.sh\nRUN ln -s "
        "/opt/app/bin/start.sh /usr/local/bin/start \\\n    && sed -i 's/\\r$//' /"
        "usr/local/bin/start \\\n    && chmod +x /usr/local/bin/start\n",
        [],
    ),
    # (s42a: a17_append_through_link_then_chmod) (and `>>` through it)
    (
        "FROM debian:12-slim\nCOPY env.sh /opt/app/env.sh\nRUN ln -s /opt/app/env"
        ".sh /etc/profile.d/app.sh \\\n    && echo 'export APP_HOME=/opt/app' >> "
        "/etc/profile.d/app.sh \\\n    && chmod 644 /etc/profile.d/app.sh\n",
        [],
    ),
    # (s42a: b24_rm_confd_link_dir_rm_through_same) a directory this RUN removed first is no
    # directory for the link to land in
    (
        "FROM nginx:1.25\n"
        "COPY nginx/old.conf /opt/nginx/old.conf\n"
        "RUN rm -rf /etc/nginx/conf.d && ln -s /opt/nginx /etc/nginx/conf.d &"
        "& rm -f /etc/nginx/conf.d/old.conf\n",
        [(3, "LG003")],
    ),
    # (s42a: b06_dir_named_like_domain_into_site_d_later) a link named like a directory of snippets
    # to a directory with a dot in its name is the link itself
    (
        "FROM debian:12-slim\n"
        "COPY certs/example.com/privkey.pem /opt/certs/example.com/privkey.pe"
        "m\n"
        "RUN ln -s /opt/certs/example.com /etc/ssl/site.d\n"
        "RUN chmod 600 /etc/ssl/site.d/privkey.pem\n",
        [(4, "LG004")],
    ),
    # (s42a: c17_su_node_after_export_tmp) su sets the user's own HOME, whatever was exported
    (
        "FROM node:20-bookworm-slim\n"
        "WORKDIR /app\n"
        "COPY --chown=node:node package.json package-lock.json ./\n"
        'RUN export HOME=/tmp && su node -c "npm ci --omit=dev" && rm -rf /tm'
        "p/.npm\n",
        [(4, "LG005")],
    ),
    # (s42c: c03_hadoop_glob_in_parent_dir) an editor's glob names files as the shell does: `*`
    # never crosses a `/`
    (
        "FROM eclipse-temurin:11-jre\nENV HADOOP_VERSION=3.3.6 HADOOP_HOME=/opt/"
        "hadoop\nRUN curl -fsSL https://archive.apache.org/dist/hadoop/common/ha"
        "doop-$HADOOP_VERSION/hadoop-$HADOOP_VERSION.tar.gz \\\n    | tar -xz -C "
        "/opt && mv /opt/hadoop-$HADOOP_VERSION $HADOOP_HOME\nRUN chmod 755 $HAD"
        "OOP_HOME/etc/hadoop/shellprofile.d/example.sh && sed -i 's|^# export J"
        "AVA_HOME=.*|export JAVA_HOME=/opt/java/openjdk|' $HADOOP_HOME/etc/hado"
        "op/*.sh\n",
        [(5, "LG004")],
    ),
    # (s42c: c15_copy_tree_chmod_dotfile_glob) (nor matches a leading `.`)
    (
        "FROM node:20-slim\nWORKDIR /srv/app\nCOPY . .\nRUN chmod 600 /srv/app/.en"
        "v && sed -i 's/NODE_ENV=development/NODE_ENV=production/' /srv/app/*.e"
        "nv\n",
        [(4, "LG004")],
    ),
    # (s42c: c34_chmod_R_tree_sed_glob_dir) an editor's glob does not rewrite the files of a
    # directory a chmod -R named
    (
        "FROM ubuntu:22.04\nCOPY app/ /opt/app/\nRUN chmod -R 750 /opt/app/conf &"
        "& perl -pi -e 's/DEBUG/INFO/' /opt/app/*\n",
        [(3, "LG004")],
    ),
    # (s42c: b08_setuser_custom_home_rm_right_home) setuser runs as the user with the home useradd
    # gave it
    (
        "FROM phusion/baseimage:jammy-1.0.1\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends nod"
        "ejs npm && rm -rf /var/lib/apt/lists/*\n"
        "RUN useradd -m -d /srv/deploy -s /bin/bash deploy\n"
        "WORKDIR /srv/deploy/app\n"
        "COPY --chown=deploy:deploy package.json package-lock.json ./\n"
        "RUN /sbin/setuser deploy npm ci && rm -rf /srv/deploy/.npm\n",
        [],
    ),
    # (s42c: b27_setuser_tilde_user_home_clean) Passenger's images hold the user app, in /home/app
    (
        "FROM phusion/passenger-nodejs:3.0.7\n"
        "WORKDIR /home/app/webapp\n"
        "COPY --chown=app:app package.json package-lock.json ./\n"
        "RUN /sbin/setuser app npm ci && rm -rf ~app/.npm\n",
        [],
    ),
    # (s42c: a24_bq_colon_comment) a backquoted `:` with its notes prints nothing either
    (
        "FROM debian:bookworm-slim\n"
        "RUN `: install prerequisites` apt-get update && apt-get install -y c"
        "url\n",
        [(2, "LG005")],
    ),
    # (s42e: a01_blind_fetch_after_earlier_script) an archive a program of the unpacking RUN may
    # have made is not an earlier script's file
    (
        "FROM debian:bookworm-slim\n"
        "COPY install-base.sh /tmp/\n"
        "RUN bash /tmp/install-base.sh\n"
        "COPY . /app\n"
        "WORKDIR /app\n"
        "RUN ./scripts/fetch-agent.sh && dpkg -i agent.deb && rm -f agent.deb"
        "\n",
        [],
    ),
    # (s42e: a05_bash_n_syntax_check) a shell's syntax check, or a script whose name says it checks,
    # takes no archive from the copy
    (
        "FROM ubuntu:22.04\n"
        "COPY packages /opt/packages\n"
        "COPY docker-entrypoint.sh /usr/local/bin/\n"
        "RUN bash -n /usr/local/bin/docker-entrypoint.sh\n"
        "RUN dpkg -i /opt/packages/agent_7.2_amd64.deb && rm -f /opt/packages"
        "/agent_7.2_amd64.deb\n",
        [(2, "LG006"), (5, "LG003")],
    ),
    # (s42e: f01_same_run_pip_after_find) what the RUN writes into a tree after its find took a name
    # from it (pip's __pycache__) is there again
    (
        "FROM python:3.13-slim\n"
        "RUN python3 -m venv /opt/venv && find /opt/venv -name __pycache__ -e"
        "xec rm -rf {} + && /opt/venv/bin/pip install --no-cache-dir flask==3"
        ".0.3\n"
        "RUN find /opt/venv -name __pycache__ -exec rm -rf {} +\n",
        [(3, "LG003")],
    ),
    # (s42e: f02_later_pip_into_swept_venv) (and what a later RUN writes there)
    (
        "FROM python:3.13-slim\n"
        "RUN python3 -m venv /opt/venv && find /opt/venv -name __pycache__ -t"
        "ype d -exec rm -rf {} +\n"
        "COPY requirements.txt /tmp/requirements.txt\n"
        "RUN /opt/venv/bin/pip install --no-cache-dir -r /tmp/requirements.tx"
        "t\n"
        "RUN find /opt/venv -name __pycache__ -type d -exec rm -rf {} +\n",
        [(5, "LG003")],
    ),
    # (s42e: f04_maxdepth_clone_then_full) a find with -maxdepth takes a name from part of the tree
    # only
    (
        "FROM python:3.12-slim\n"
        "RUN git clone --depth 1 https://github.com/example/app /opt/app && f"
        "ind /opt/app -maxdepth 1 -name '*.md' -delete\n"
        "RUN find /opt/app -name '*.md' -delete\n",
        [(3, "LG003")],
    ),
    # (s42e: f06_later_compileall_run) compileall writes the __pycache__ of the trees it names
    (
        "FROM python:3.12-slim\n"
        "RUN python -m venv /opt/venv && find /opt/venv -name '*.pyc' -delete"
        "\n"
        "RUN /opt/venv/bin/python -m compileall -q /opt/venv/lib\n"
        "RUN find /opt/venv -name '*.pyc' -delete\n",
        [(4, "LG003")],
    ),
    # (s42f: a08_chown_R_domain_dir_perl_glob) an editor's glob rewrites no file of a directory a
    # chown -R named, whatever its name
    (
        "FROM php:8.2-apache\n"
        "COPY sites/ /var/www/\n"
        "RUN chown -R www-data:www-data /var/www/example.com && perl -pi -e '"
        "s/http:/https:/g' /var/www/*\n",
        [(3, "LG004")],
    ),
    # (s42f: b01_sed_link_then_chmod_target) sed -i replaces a link with a new file: the target
    # keeps its bytes, and a chmod of it copies them up
    (
        "FROM debian:12-slim\n"
        "COPY bin/start.sh /opt/app/bin/start.sh\n"
        "RUN ln -s /opt/app/bin/start.sh /usr/local/bin/start \\\n"
        "    && sed -i 's/\\r$//' /usr/local/bin/start \\\n"
        "    && chmod +x /opt/app/bin/start.sh\n",
        [(3, "LG004")],
    ),
    # (s42f: c23_rm_confd_earlier_run_dir_link_chmod_R) a directory an earlier RUN removed is no
    # directory for a link to land in
    (
        "FROM nginx:1.25\n"
        "COPY nginx/ /opt/nginx/conf/\n"
        "RUN rm -rf /etc/nginx/conf.d\n"
        "RUN ln -s /opt/nginx/conf /etc/nginx/conf.d && chmod -R 644 /etc/ngi"
        "nx/conf.d\n",
        [(4, "LG004")],
    ),
    # (s42f: c05_mongo_js_initdb) (a .js snippet lands in an initdb.d)
    (
        "FROM mongo:7\n"
        "COPY docker/init-mongo.js /opt/init/init-mongo.js\n"
        "RUN ln -s /opt/init/init-mongo.js /docker-entrypoint-initdb.d && chm"
        "od 644 /docker-entrypoint-initdb.d/init-mongo.js\n",
        [(3, "LG004")],
    ),
    # (s42f: d20_export_inside_su_c) a HOME exported in the script su runs is that user's
    (
        "FROM node:20-bookworm-slim\n"
        "WORKDIR /app\n"
        "COPY --chown=node:node package.json package-lock.json ./\n"
        'RUN su node -c "export HOME=/tmp && npm ci --omit=dev" && rm -rf /tm'
        "p/.npm\n",
        [],
    ),
    # (s42g: a02_chownR_installed_conf_sed) a recursive chown of one file that the RUN then rewrites
    # by its name copies up nothing more
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends ngi"
        "nx && rm -rf /var/lib/apt/lists/*\n"
        "RUN chown -R www-data:www-data /etc/nginx/nginx.conf && sed -i 's/^u"
        "ser .*/user www-data;/' /etc/nginx/nginx.conf\n"
        "# expect: none\n",
        [],
    ),
    # (s42g: b10_dos2unix_F_link_chmod_link) dos2unix -F writes through a link
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends dos"
        "2unix && rm -rf /var/lib/apt/lists/*\n"
        "COPY docker/entrypoint.sh /opt/app/entrypoint.sh\n"
        "RUN ln -s /opt/app/entrypoint.sh /usr/local/bin/entrypoint && dos2un"
        "ix -F /usr/local/bin/entrypoint && chmod +x /usr/local/bin/entrypoin"
        "t\n"
        "# expect: none\n",
        [],
    ),
    # (s42g: b14_rsync_onto_link_chmod_target) rsync replaces a link with a file of its own: the
    # target keeps its bytes
    (
        "FROM debian:12-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends rsy"
        "nc && rm -rf /var/lib/apt/lists/*\n"
        "COPY conf/ /opt/app/conf/\n"
        "RUN ln -s /opt/app/conf/app.conf /etc/app.conf && rsync -a /opt/app/"
        "conf/app.conf.dist /etc/app.conf && chmod 640 /opt/app/conf/app.conf"
        "\n"
        "# expect: 4 LG004\n",
        [(4, "LG004")],
    ),
    # (s42g: b31_sed_i_link_then_append_later_chmod_target) a link an earlier RUN's sed -i replaced
    # is no link any more
    (
        "FROM php:8.2-fpm\n"
        "COPY conf/php.ini /opt/app/php.ini\n"
        "RUN ln -s /opt/app/php.ini /usr/local/etc/php/php.ini && sed -i 's/^"
        "memory_limit = .*/memory_limit = 512M/' /usr/local/etc/php/php.ini\n"
        'RUN echo "upload_max_filesize = 64M" >> /usr/local/etc/php/php.ini &'
        "& chmod 644 /opt/app/php.ini\n"
        "# expect: 4 LG004\n",
        [(4, "LG004")],
    ),
    # (s42g: b33_install_into_dir_link_chmodR) install into a link to a directory writes into the
    # directory: the link stays
    (
        "FROM debian:12-slim\n"
        "COPY config/ /opt/app/config/\n"
        "RUN ln -s /opt/app/config /etc/myapp && install -m 644 /opt/app/conf"
        "ig/defaults.yml.example /etc/myapp && chmod -R 640 /etc/myapp\n"
        "# expect: 3 LG004\n",
        [(3, "LG004")],
    ),
    # (s42g: d17_su_export_then_gosu_same_user) gosu sets the user's own HOME, whatever that user's
    # shell exported before
    (
        "FROM node:20-bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends gos"
        "u && rm -rf /var/lib/apt/lists/*\n"
        "WORKDIR /app\n"
        "COPY --chown=node:node package.json package-lock.json ./\n"
        'RUN su node -c "export HOME=/tmp && npm config set fund false" && go'
        "su node npm ci --omit=dev && rm -rf /tmp/.npm\n"
        "# expect: 5 LG005\n",
        [(5, "LG005")],
    ),
    # (s42g: e05_check_deps_py_then_untar) a script named for checking takes no archive from the
    # copy, whatever else its name holds
    (
        "FROM python:3.12-slim\n"
        "WORKDIR /src\n"
        "COPY . .\n"
        "RUN python3 tools/check_deps.py\n"
        "RUN tar -xzf vendor/libfoo-1.2.tar.gz -C /opt\n"
        "# expect: 3 LG006\n",
        [(3, "LG006")],
    ),
    # (s42g: e16_uninstall_sh_between) (nor one that uninstalls)
    (
        "FROM debian:12-slim\n"
        "COPY . /app\n"
        "RUN /app/scripts/uninstall-legacy.sh\n"
        "RUN tar -xzf /app/vendor/jdk.tar.gz -C /opt\n"
        "# expect: 2 LG006\n",
        [(2, "LG006")],
    ),
    # (s42g: e27_target_substring_script) (a name's words, not its letters: target_ is no get_)
    (
        "FROM debian:12-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends unz"
        "ip && rm -rf /var/lib/apt/lists/*\n"
        "COPY . /src\n"
        "RUN sh /src/scripts/set_target_arch.sh\n"
        "RUN unzip -q /src/vendor/sdk.zip -d /opt/sdk\n"
        "# expect: 3 LG006\n",
        [(3, "LG006")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_SECOND_REVIEW)
def test_the_reviews_of_the_forty_second_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_THIRD = [
    # A name right inside a bin/ directory of a tree a cp filled is a program, there or mv
    # fails: the copy's bytes stay in the layer below the rename.
    (
        "FROM ubuntu:22.04\n"
        "RUN mkdir -p /opt/tritonserver && cp -r /home/server/install/* /opt/tritonserver\n"
        "RUN mv /opt/tritonserver/bin/tritonserver /opt/tritonserver/bin/fastdeployserver\n"
        "# expect: 3 LG003\n",
        [(3, "LG003")],
    ),
    # (a name elsewhere in the tree may be an empty directory the copy made)
    (
        "FROM ubuntu:22.04\n"
        "RUN mkdir -p /opt/tritonserver && cp -r /home/server/install/* /opt/tritonserver\n"
        "RUN mv /opt/tritonserver/models /srv/models\n"
        "# expect: nothing\n",
        [],
    ),
    # openssl writes the key and certificate its -keyout and -out name: moving them in a later
    # RUN leaves the first copies below.
    (
        "FROM debian:12\n"
        "RUN openssl req -x509 -newkey rsa:4096 -nodes -keyout key.pem -out cert.pem -days 9\n"
        "RUN mv cert.pem /etc/ssl/certs/\n"
        "RUN openssl dhparam -out /etc/nginx/dhparam.pem 2048\n"
        "RUN chmod 600 /etc/nginx/dhparam.pem\n"
        "# expect: 3 LG003, 5 LG004\n",
        [(3, "LG003"), (5, "LG004")],
    ),
    # (-outform is another option; what it converts into is removed in the same RUN)
    (
        "FROM debian:12\n"
        "RUN openssl x509 -in /etc/ssl/certs/ca.pem -outform DER -out /tmp/ca.der\n"
        "RUN rm -f /tmp/ca.der\n"
        "RUN openssl x509 -in /etc/ssl/certs/ca.pem -outform DER -out /tmp/c.der && rm /tmp/c.der\n"
        "# expect: 3 LG003\n",
        [(3, "LG003")],
    ),
    # xargs hands a download its addresses: what it saves lands in the directory it runs in,
    # and a mv of a file there in a later RUN writes it again.
    (
        "FROM tomcat:8.5-jdk8\n"
        "WORKDIR /usr/local/transitclock/\n"
        "RUN curl -s https://api.github.com/repos/x/y/releases/latest"
        " | jq -r '.assets[].browser_download_url' | xargs -L1 wget\n"
        "RUN mv api.war /usr/local/tomcat/webapps\n"
        "# expect: 4 LG003\n",
        [(4, "LG003")],
    ),
    # (a file a download of a name not shown may have saved in the same RUN is that RUN's, not
    # only one an earlier such download may have saved)
    (
        "FROM debian:12-slim\n"
        "ARG URL\n"
        "WORKDIR /opt/app\n"
        "RUN wget $URL\n"
        "RUN wget -q $URL && tar -xzf app.tgz && rm app.tgz\n"
        "RUN echo $URL | xargs wget -q && tar -xzf b.tgz && rm b.tgz\n"
        "# expect: nothing\n",
        [],
    ),
    # `poetry install --only-root` installs the project alone, from its directory: it fetches
    # nothing into poetry's cache. (Nor, since the fifty-second session, does `--only main`
    # again: the earlier install from the same lock put every dependency there.)
    (
        "FROM python:3.12-slim\n"
        "RUN pip install --no-cache-dir poetry\n"
        "WORKDIR /src\n"
        "COPY pyproject.toml poetry.lock ./\n"
        "RUN poetry install --only main --no-root --no-cache\n"
        "COPY . .\n"
        "RUN poetry install --only-root\n"
        "RUN poetry install --only main\n"
        "# expect: 6 LG002\n",
        [(6, "LG002")],
    ),
    # A directory for what the program writes, below a tree an archive filled, ships empty:
    # a recursive chown of it copies nothing up; of the tree around it, every file.
    (
        "FROM eclipse-temurin:17-jre\n"
        "WORKDIR /opt\n"
        "RUN curl -fsSLO https://x/apache-tomcat-9.0.1.tar.gz && tar xzf apache-tomcat-9.0.1.tar.gz"
        " && rm apache-tomcat-9.0.1.tar.gz\n"
        "RUN chown -R app /opt/apache-tomcat-9.0.1/logs /opt/apache-tomcat-9.0.1/work\n"
        "RUN chgrp -R 0 /opt/apache-tomcat-9.0.1/conf\n"
        "# expect: 5 LG004\n",
        [(5, "LG004")],
    ),
    # (nor below one a mv renamed: `mv brat-1.3 brat` then `chgrp -R www-data brat/work`)
    (
        "FROM httpd:2.4\n"
        "WORKDIR /usr/local/apache2/htdocs/\n"
        "RUN wget https://x/brat-1.3.tar.gz -O - | tar xzf - && mv brat-1.3 brat\n"
        "RUN chgrp -R www-data brat/work && chmod -R g+rwx brat/work\n"
        "# expect: nothing\n",
        [],
    ),
    # `npm install` or `npm update` naming no package, in a home where no image keeps a
    # package.json and no COPY or RUN put one: it installs and fetches nothing.
    (
        "FROM jenkins/jnlp-slave:3.29-1\n"
        "USER root\n"
        "RUN npm install\n"
        "RUN npm update\n"
        "COPY package.json .\n"
        "RUN npm install\n"
        "# expect: 6 LG005\n",
        [(6, "LG005")],
    ),
    # (a copy of the context at / may hold one; so may a directory not a home)
    (
        "FROM node:18-bullseye\n"
        "COPY . /\n"
        "RUN npm install\n"
        "WORKDIR /srv/app\n"
        "RUN npm install\n"
        "# expect: 3 LG005, 5 LG005\n",
        [(3, "LG005"), (5, "LG005")],
    ),
    # poetry keeps what it downloaded in artifacts/ and the index's answers in cache/:
    # removing both empties its cache (virtualenvs/ beside them is the environment); one
    # alone leaves the other.
    (
        "FROM python:3.12\n"
        "RUN pip install --no-cache-dir poetry\n"
        "WORKDIR /app\n"
        "COPY pyproject.toml poetry.lock ./\n"
        "RUN poetry install --no-root"
        " && rm -r /root/.cache/pypoetry/cache /root/.cache/pypoetry/artifacts/\n"
        # (a group the first left out: run again as it was, the install fetches nothing)
        "RUN poetry install --no-root --with dev && rm -rf ~/.cache/pypoetry/artifacts\n"
        "# expect: 6 LG005\n",
        [(6, "LG005")],
    ),
    # `pnpm config set store-dir DIR` moves the store of the installs after it: onto a cache
    # mount there, nothing stays in the layer.
    (
        "FROM node:24-alpine\n"
        "WORKDIR /app\n"
        "RUN corepack enable\n"
        "COPY package.json pnpm-lock.yaml ./\n"
        "RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store"
        " pnpm config set store-dir /pnpm/store && pnpm install --frozen-lockfile\n"
        "RUN pnpm install --frozen-lockfile && rm -rf /pnpm/store\n"
        "# expect: nothing\n",
        [],
    ),
    # A RUN that removes its cache below another home than the one the model took for its user
    # knows where that home is: the removal is the cleanup (www-data's home is /var/www on
    # Debian, /home/www-data where an image made the user so).
    (
        "FROM bkuhl/fpm-nginx:7.4\n"
        "WORKDIR /var/www/html\n"
        "USER www-data\n"
        "COPY composer.json composer.lock ./\n"
        "RUN composer install --no-dev && rm -rf /home/www-data/.composer/cache\n"
        "# expect: nothing\n",
        [],
    ),
    # (not another user's home, nor another cache there)
    (
        "FROM bkuhl/fpm-nginx:7.4\n"
        "WORKDIR /var/www/html\n"
        "USER www-data\n"
        "COPY composer.json composer.lock ./\n"
        "RUN composer install --no-dev && rm -rf /home/app/.composer/cache\n"
        "RUN composer require monolog/monolog && rm -rf /home/www-data/.npm\n"
        "# expect: 5 LG005, 6 LG005\n",
        [(5, "LG005"), (6, "LG005")],
    ),
    # Playwright run by its path installs its browsers' system libraries with apt as well.
    (
        "FROM node:20-bookworm\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm ci && npm cache clean --force"
        " && node_modules/.bin/playwright install --with-deps chromium\n"
        "# expect: 4 LG005\n",
        [(4, "LG005")],
    ),
    # A list that skips a subshell skips it whole, whatever its own lists test inside: with
    # BUILD_TYPE=generic no apt-get runs.
    (
        "FROM debian:12\n"
        'ARG BUILD_TYPE="generic"\n'
        'RUN [ "$BUILD_TYPE" != "raspi" ] || ( ( [ "$(uname -m)" != "armv7l" ]'
        " || echo x > /etc/apt/sources.list ) && apt-get update && apt-get install -y curl )\n"
        "RUN true || ( echo a ) && apt-get update\n"
        "# expect: 4 LG005\n",
        [(4, "LG005")],
    ),
    # A package the project's own scripts made in the RUN (`npm run pack:prepare`) is that
    # RUN's, not an archive the copy of the project brought.
    (
        "FROM node:20\n"
        "WORKDIR /build\n"
        "COPY . .\n"
        "RUN npm ci && npm run pack:prepare && npm install -g app.tgz && npm cache clean --force\n"
        "# expect: nothing\n",
        [],
    ),
    # (one no script of the project made is the copy's)
    (
        "FROM node:20\n"
        "WORKDIR /build\n"
        "COPY . .\n"
        "RUN npm install -g vendor.tgz && npm cache clean --force\n"
        "# expect: 3 LG006\n",
        [(3, "LG006")],
    ),
    # `rm -fr /root` is root's home whatever HOME says: not the copied /app that HOME names
    # (redis-commander's harden.sh); a cache removed at /root where HOME moved it stays.
    (
        "FROM node:20\n"
        "ENV HOME=/app\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN rm -fr /root\n"
        "RUN npm ci && npm cache clean --force\n"
        "RUN npm ci && rm -rf /root/.npm\n"
        "# expect: 7 LG003, 7 LG005\n",
        [(7, "LG003"), (7, "LG005")],
    ),
    # A find that deletes symbolic links alone (broken ones, `-type l -exec test ! -e {} \;`)
    # removes no bytes; one whose regex asks for an ending names what it takes.
    (
        "FROM alpine:3.19\n"
        "RUN find /bin /etc /usr -xdev -type l -exec test ! -e {} \\; -delete\n"
        "RUN apk add --no-cache python3 && python3 -m compileall /usr/lib/python3*\n"
        "RUN find /usr -xdev -type f -regex '.*\\.pyc$' -delete\n"
        "# expect: 4 LG003\n",
        [(4, "LG003")],
    ),
    # `.git` is a directory: `COPY .git .` lands the repository's HEAD and objects/ in the
    # directory, not a second .git over the one `COPY . .` wrote.
    (
        "FROM python:3.12\nWORKDIR /opt/app\nCOPY . .\nCOPY .git .\n# expect: nothing\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_THIRD)
def test_the_forty_third_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


# The regressions the reviews of the forty-third session found, each a probe of theirs.
_FORTY_THIRD_REVIEW = [
    # (s43a: d13_copy_glob_then_unknown_download_rm_named) a download of a name not shown
    # saves one file: the jars a COPY's wildcard wrote are still the COPY's
    (
        "FROM eclipse-temurin:17-jre\n"
        "ARG AGENT_URL\n"
        "WORKDIR /opt/app/lib\n"
        "COPY target/lib/*.jar ./\n"
        'RUN wget -q "$AGENT_URL" && rm -f junit-4.13.2.jar hamcrest-core-1.3.jar\n'
        "# expect: 5 LG003\n",
        [(5, "LG003")],
    ),
    # (s43a: g02_tomcat_tar_started_then_chown_logs) a Tomcat started after the unpack wrote
    # its logs
    (
        "FROM eclipse-temurin:11-jre\n"
        "ENV CATALINA_HOME=/opt/tomcat\n"
        "RUN mkdir -p $CATALINA_HOME && curl -fsSL https://x/apache-tomcat-9.0.85.tar.gz"
        " | tar -xz -C $CATALINA_HOME --strip-components=1"
        " && $CATALINA_HOME/bin/catalina.sh start && $CATALINA_HOME/bin/catalina.sh stop 10\n"
        "RUN useradd -r tomcat && chown -R tomcat:tomcat $CATALINA_HOME/logs\n"
        "# expect: 4 LG004\n",
        [(4, "LG004")],
    ),
    # (s43a: g16_clone_then_separate_precompile_chown_tmp) so did a precompile in the clone
    (
        "FROM ruby:3.2-slim\n"
        "RUN git clone --depth 1 https://github.com/example/shop.git /app\n"
        "WORKDIR /app\n"
        "RUN SECRET_KEY_BASE=dummy RAILS_ENV=production bundle exec rake assets:precompile\n"
        "RUN useradd -m app && chown -R app:app /app/tmp /app/log\n"
        "# expect: 5 LG004\n",
        [(5, "LG004")],
    ),
    # (s43a: g13_build_writes_into_tmp_then_chown) and a project's build script
    (
        "FROM node:20-bookworm-slim\n"
        "RUN git clone --depth 1 https://github.com/example/site.git /srv/site"
        " && cd /srv/site && npm ci && npm run build -- --cache-dir /srv/site/tmp"
        " && npm cache clean --force\n"
        "RUN chown -R node:node /srv/site/tmp\n"
        "# expect: 3 LG004\n",
        [(3, "LG004")],
    ),
    # (s43b: d01_copy_dir_star_then_unknown_dl_rm_plain_jar) a COPY's `*` is the build
    # context's files, not a download of a name not shown
    (
        "FROM eclipse-temurin:21-jre\n"
        "ARG OTEL_AGENT_URL\n"
        "WORKDIR /app\n"
        "COPY build/libs/* ./\n"
        'RUN wget -q "$OTEL_AGENT_URL" && rm -f /app/*-plain.jar\n'
        "# expect: 5 LG003\n",
        [(5, "LG003")],
    ),
    # (s43b: g02, g10) a program run by its path writes in its own tree: Tomcat started from
    # its bin/ wrote its logs/
    (
        "FROM eclipse-temurin:11-jre\n"
        "RUN curl -fsSL https://x/solr-8.11.2.tgz | tar xz -C /opt"
        " && mv /opt/solr-8.11.2 /opt/solr\n"
        "WORKDIR /opt/solr/bin\n"
        "RUN ./solr start -force && ./solr stop -all\n"
        "RUN useradd -r solr && chown -R solr:solr /opt/solr/server/logs\n"
        "# expect: 5 LG004\n",
        [(5, "LG004")],
    ),
    # (s43b: o16_req_default_privkey_chmod_only) a new key without -keyout is privkey.pem
    (
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache openssl && mkdir -p /certs && cd /certs && openssl req -new"
        " -x509 -newkey rsa:2048 -nodes -days 365 -subj /CN=mqtt -out cert.pem\n"
        "RUN chmod 600 /certs/privkey.pem\n"
        "# expect: 3 LG004\n",
        [(3, "LG004")],
    ),
    # (s43b: p09_later_run_removes_venvs_dir) poetry's environments are in its cache
    # directory's virtualenvs/, written whatever its cache
    (
        "FROM python:3.12-slim\n"
        "RUN pip install --no-cache-dir poetry==1.8.2\n"
        "WORKDIR /app\n"
        "COPY pyproject.toml poetry.lock ./\n"
        "RUN poetry install --only main --no-root --no-cache\n"
        "RUN rm -rf /root/.cache/pypoetry/virtualenvs\n"
        "# expect: 6 LG003\n",
        [(6, "LG003")],
    ),
    # (s43b: n17, n42, n02) npm's project where the Dockerfile says it is: `--prefix=`, a
    # directory an instruction before named, a bind mount
    (
        "FROM node:20-bookworm-slim\n"
        "WORKDIR /root\n"
        "COPY package.json package-lock.json /srv/app/\n"
        "RUN npm ci --prefix=/srv/app --omit=dev\n"
        "# expect: 4 LG005\n",
        [(4, "LG005")],
    ),
    (
        "FROM node:20-bookworm\n"
        "RUN git clone --depth 1 https://github.com/hackmdio/codimd.git /home/node/src"
        " && cp -a /home/node/src/. /home/node/ && rm -rf /home/node/src\n"
        "USER node\n"
        "RUN cd /home/node && npm ci\n"
        "# expect: 4 LG005\n",
        [(4, "LG005")],
    ),
    (
        "FROM node:20-bookworm-slim\n"
        "RUN --mount=type=bind,source=package.json,target=package.json"
        " --mount=type=bind,source=package-lock.json,target=package-lock.json npm ci\n"
        "# expect: 2 LG005\n",
        [(2, "LG005")],
    ),
    # (s42 review fault, found again) a find's `|| true` allows what its -exec or -delete
    # fails at, not the search of its root: what it sweeps an earlier layer wrote is LG003
    (
        "FROM python:3.12-slim\n"
        "RUN python3 -m venv /v && /v/bin/pip install --no-cache-dir requests\n"
        "RUN find /v -type d -name __pycache__ -exec rm -rf {} + || true\n"
        "RUN find / -perm 6000 -type f -exec chmod a-s {} \\; || true\n"
        "# expect: 3 LG003\n",
        [(3, "LG003")],
    ),
    # (s43b: q12; s43c: l01, l03) a --location project setting is that project's: it moves
    # the store of the installs there, not of another project's
    (
        "FROM node:20-slim\n"
        "RUN corepack enable\n"
        "WORKDIR /tools\n"
        "RUN pnpm config set store-dir /pnpm/store --location project\n"
        "WORKDIR /app\n"
        "COPY package.json pnpm-lock.yaml ./\n"
        "RUN --mount=type=cache,target=/pnpm/store pnpm install --frozen-lockfile\n"
        "# expect: 7 LG005\n",
        [(7, "LG005")],
    ),
    (
        "FROM node:20-slim\n"
        "RUN corepack enable\n"
        "WORKDIR /app\n"
        "COPY package.json pnpm-lock.yaml ./\n"
        "RUN pnpm config set store-dir /pnpm/store --location project\n"
        "RUN --mount=type=cache,target=/pnpm/store pnpm install --frozen-lockfile\n"
        "# expect: nothing\n",
        [],
    ),
    # (s43c: h01, h02) a user whose home the Dockerfile or a known base shows: a removal in
    # /home/USER cleans nothing there
    (
        "FROM python:3.12-slim\n"
        "RUN useradd -m -d /var/lib/app app\n"
        "USER app\n"
        "WORKDIR /var/lib/app\n"
        "RUN pip install --user requests && rm -rf /home/app/.cache/pip\n"
        "# expect: 5 LG005\n",
        [(5, "LG005")],
    ),
    # (s43c: j02) an archive a COPY wrote by name is the copy's, whatever script ran there
    (
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY vendor-1.2.tgz package.json ./\n"
        "RUN npm run build && npm install -g ./vendor-1.2.tgz && npm cache clean --force\n"
        "# expect: 3 LG006\n",
        [(3, "LG006")],
    ),
    # (s43c: r01) a shell run by its path runs its script, where that lies
    (
        "FROM eclipse-temurin:17-jre\n"
        "RUN curl -fsSL https://x/apache-tomcat-9.0.80.tar.gz | tar xz -C /opt"
        " && mv /opt/apache-tomcat-9.0.80 /opt/tomcat\n"
        "WORKDIR /srv\n"
        "COPY init.sh /srv/init.sh\n"
        "RUN /bin/sh /srv/init.sh\n"
        "RUN useradd -r tomcat && chown -R tomcat /opt/tomcat/logs /opt/tomcat/work\n"
        "# expect: nothing\n",
        [],
    ),
    # (s43c: p04) `poetry config virtualenvs.create false`: no environment in its cache
    (
        "FROM python:3.12-slim\n"
        "RUN pip install --no-cache-dir poetry\n"
        "RUN poetry config virtualenvs.create false\n"
        "WORKDIR /app\n"
        "COPY pyproject.toml poetry.lock ./\n"
        "RUN poetry install --no-root --no-cache\n"
        "RUN rm -rf /root/.cache/pypoetry/virtualenvs\n"
        "# expect: nothing\n",
        [],
    ),
    # (s43d: r04, r21) a cache HOME holds, removed as `~/.cache` or `/root/.cache`, or given
    # and removed at /root: each is the RUN's cleanup; only /root itself is root's home
    (
        "FROM python:3.12-slim\n"
        "ENV HOME=/app\n"
        "WORKDIR /app\n"
        "COPY requirements.txt .\n"
        "RUN pip install -r requirements.txt && rm -rf ~/.cache /root/.cache\n"
        "RUN npm ci --cache /root/.npm-cache --omit=dev && rm -rf /root/.npm-cache\n"
        "# expect: nothing\n",
        [],
    ),
    # (s43d: f03) `\( -type f -o -type l \)` takes files too
    (
        "FROM debian:bookworm-slim\n"
        "ADD node-v20.11.1-linux-x64.tar.xz /opt/\n"
        "RUN find /opt/node-v20.11.1-linux-x64 \\( -type f -o -type l \\) -path '*/include/*'"
        " -delete\n"
        "# expect: 3 LG003\n",
        [(3, "LG003")],
    ),
    # (s43d: c09) a kernel's or busybox's .config is a file
    (
        "FROM alpine:3.19\nWORKDIR /src/busybox\nCOPY . .\nCOPY .config .\n# expect: 4 LG002\n",
        [(4, "LG002")],
    ),
    # (s43d: j01) an archive a COPY's wildcard wrote is the copy's, whatever script ran there
    (
        "FROM node:20-bookworm-slim\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "COPY vendor/*.tgz ./\n"
        "RUN npm ci && npm run build && npm install ./internal-ui-1.4.0.tgz"
        " && npm cache clean --force\n"
        "# expect: 4 LG006\n",
        [(4, "LG006")],
    ),
    # (s43d: l03) a project's setting leaves the user's to the other projects
    (
        "FROM node:20-slim\n"
        "RUN corepack enable && pnpm config set store-dir /pnpm/store\n"
        "WORKDIR /tools\n"
        "RUN pnpm config set store-dir /tools/.pnpm-store --location project\n"
        "WORKDIR /app\n"
        "COPY package.json pnpm-lock.yaml ./\n"
        "RUN --mount=type=cache,target=/pnpm/store pnpm install --frozen-lockfile\n"
        "# expect: nothing\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_THIRD_REVIEW)
def test_the_reviews_of_the_forty_third_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_FOURTH = [
    # A Node manager's options may stand before the script it runs: `npm --silent run
    # pack:prepare` runs the project's script, which makes the package the install reads.
    (
        "FROM node:20\n"
        "WORKDIR /build\n"
        "COPY . .\n"
        "RUN npm ci && npm --silent run pack:prepare && npm install -g app.tgz"
        " && npm cache clean --force\n"
        "# expect: nothing\n",
        [],
    ),
    # apt removes no Essential package unless told twice: the purge that names tar stops before
    # it removes anything, the base's libxml2 too.
    (
        "FROM debian:12-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends gettext"
        " && apt-get purge -y libxml2 tar || true && rm -rf /var/lib/apt/lists/*\n"
        "RUN apt-get purge -y --allow-remove-essential tar\n"
        "# expect: 3 LG003\n",
        [(3, "LG003")],
    ),
    # `mvn clean` alone is a build's cleanup: it fetches the clean plugin, a few kilobytes, not
    # the repository the install before it filled (and may keep).
    (
        "FROM maven:3-eclipse-temurin-17\n"
        "WORKDIR /src\n"
        "COPY . .\n"
        "RUN mvn -DskipTests clean install && cp target/app.jar /opt/ && mvn -q clean\n"
        "RUN mvn dependency:go-offline && mvn clean\n"
        "# expect: 5 LG005\n",
        [(5, "LG005")],
    ),
    # A compiler's output joined to its option (`-o/usr/local/bin/su-exec`) is the file it
    # writes: chown and chmod of it in the same RUN copy up nothing.
    (
        "FROM debian:12-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends gcc libc-dev curl\n"
        "RUN curl -o /usr/local/bin/su-exec.c https://example.org/su-exec.c"
        " && gcc -Wall /usr/local/bin/su-exec.c -o/usr/local/bin/su-exec"
        " && chown root:root /usr/local/bin/su-exec && chmod 0755 /usr/local/bin/su-exec"
        " && rm /usr/local/bin/su-exec.c\n"
        "# expect: 2 LG005\n",
        [(2, "LG005")],
    ),
    # A subshell is one command: the `||` inside it leaves the list after it certain, and its
    # `cd` takes the archive's directory (`( id -u nagios || useradd nagios ) && cd /tmp && tar
    # -zxvf nagios.tgz`).
    (
        "FROM centos:7\n"
        "COPY nagios-4.4.6.tar.gz /tmp/nagios.tgz\n"
        "RUN ( id -u nagios || useradd --system nagios ) && cd /tmp && tar -zxvf nagios.tgz"
        " && cd nagios-4.4.6 && ./configure && make all && make install"
        " && rm -rf /tmp/nagios.tgz /tmp/nagios-4.4.6\n"
        "# expect: 2 LG006, 3 LG003\n",
        [(2, "LG006"), (3, "LG003")],
    ),
    # ansible-builder's install-from-bindep pip-installs the wheels `assemble` built into
    # /output/wheels: the copied wheels ship under the whiteout of the rm after it.
    (
        "ARG EE_BASE_IMAGE=quay.io/ansible/awx-ee:latest\n"
        "ARG EE_BUILDER_IMAGE=quay.io/ansible/ansible-builder:latest\n"
        "FROM $EE_BASE_IMAGE AS base\n"
        "USER root\n"
        "FROM $EE_BUILDER_IMAGE AS builder\n"
        "WORKDIR /build\n"
        "RUN assemble\n"
        "FROM base AS final\n"
        "COPY --from=builder /output/ /output/\n"
        "RUN /output/scripts/install-from-bindep && rm -rf /output/wheels\n"
        "# expect: 9 LG006, 10 LG003\n",
        [(9, "LG006"), (10, "LG003")],
    ),
    # phusion/baseimage's install_clean installs with apt and removes its lists after: the
    # lists a repository's addition fetched before it go too.
    (
        "FROM phusion/baseimage:focal-1.2.0\n"
        "RUN add-apt-repository ppa:ondrej/php && install_clean php8.1-fpm php8.1-curl\n"
        "# expect: nothing\n",
        [],
    ),
    # A repository's placeholder files are empty (`.gitkeep`, Omeka's `errors.log.empty`): a
    # move or removal of one moves no bytes; a file beside it by another name does.
    (
        "FROM php:7.4-apache\n"
        "RUN git clone --depth 1 https://github.com/omeka/Omeka.git /var/www/Omeka\n"
        "RUN cd /var/www/Omeka && mv application/logs/errors.log.empty application/logs/errors.log"
        " && rm files/.gitkeep\n"
        "RUN rm /var/www/Omeka/application/config/config.ini\n"
        "# expect: 4 LG003\n",
        [(4, "LG003")],
    ),
    # A command's output in a download's address is one name, slashes and all: the installer
    # saved under another name is still Miniforge's, whose pkgs/ stays.
    (
        "FROM ubuntu:22.04\n"
        "RUN uname -m > /root/linux_arch\n"
        "RUN wget -q -O ~/micromamba.sh https://github.com/conda-forge/miniforge/releases/latest/"
        "download/Miniforge3-Linux-$(cat /root/linux_arch).sh && chmod +x ~/micromamba.sh"
        " && bash ~/micromamba.sh -b -p /opt/conda && rm ~/micromamba.sh\n"
        "# expect: 3 LG005\n",
        [(3, "LG005")],
    ),
    # `!` turns over the test it stands before, in a condition as in a list: `! [ -z "$P" ] &&
    # [ "$P" = true ]` with P false is false, and its branch never runs.
    (
        "FROM node:20\n"
        "WORKDIR /opt/meshcentral\n"
        "RUN npm install meshcentral && npm cache clean --force\n"
        'ARG PREINSTALL_LIBS="false"\n'
        'RUN if ! [ -z "$PREINSTALL_LIBS" ] && [ "$PREINSTALL_LIBS" == "true" ]; then'
        " npm install ssh2 nodemailer; fi\n"
        'RUN if ! [ -z "$PREINSTALL_LIBS" ]; then npm install semver; fi\n'
        "# expect: 6 LG005\n",
        [(6, "LG005")],
    ),
    # A find that selects directories alone changes directory entries alone, whatever else
    # narrows it (`-xdev`); busybox's `-perm +0002` asks for the others' write bit, which no
    # copied or installed file is known to have.
    (
        "FROM alpine:3.20\n"
        "RUN apk add --no-cache sudo iproute2\n"
        "COPY app /opt/app\n"
        "RUN find /usr /opt -xdev -type d -exec chown root:root {} \\; -exec chmod 0755 {} \\;\n"
        "RUN find / -xdev -type f -perm +0002 -exec chmod o-w {} +\n"
        "RUN find /opt -xdev \\( -type d -o -type f \\) -exec chmod 0755 {} +\n"
        "# expect: 6 LG004\n",
        [(6, "LG004")],
    ),
    # A base image's apt install helper runs apt as its script does: phusion's `install_clean`
    # installs the package, whose configuration a COPY then writes again, and removes the
    # lists an earlier RUN left.
    (
        "FROM phusion/baseimage:jammy-1.0.1\n"
        "RUN apt-get update\n"
        "RUN install_clean snapserver\n"
        "COPY snapserver.conf /etc/snapserver.conf\n"
        "# expect: 2 LG005, 3 LG003, 4 LG002\n",
        [(2, "LG005"), (3, "LG003"), (4, "LG002")],
    ),
    # (balenalib's `install_packages` runs apk or dnf on its Alpine and Fedora tags, which the
    # RUN does not show: no apt packages are read into it)
    (
        "FROM balenalib/raspberrypi4-64-alpine:3.19\n"
        "RUN install_packages apache2 supervisor\n"
        "COPY apache2.conf /etc/apache2/apache2.conf\n"
        "COPY supervisord.conf /etc/supervisor/supervisord.conf\n"
        "# expect: nothing\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_FOURTH)
def test_the_forty_fourth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_FOURTH_REVIEW = [
    # (s44a: c21) Red Hat's family keeps its bundle in /etc/pki (/etc/ssl/certs links there):
    # a ca-certificates.crt copied onto rockylinux is a new file.
    (
        "FROM golang:1.22 AS build\n"
        "RUN go build -o /out/app .\n"
        "FROM rockylinux:9\n"
        "COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt\n"
        "# expect: nothing\n",
        [],
    ),
    # (s44a: e03, e05) apt removes an Essential package when told by its -o setting, or when a
    # phrase piped in answers its question (no -y)
    (
        "FROM ubuntu:14.04\n"
        "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"
        "RUN apt-get -o APT::Get::allow-remove-essential=true purge -y --auto-remove curl tar\n"
        "RUN echo 'Yes, do as I say!' | apt-get purge bash\n"
        "# expect: 3 LG003, 4 LG003\n",
        [(3, "LG003"), (4, "LG003")],
    ),
    # (s44a: m03, m06) `mvn clean` alone fetches the clean plugin, and the wrapper Maven itself:
    # only a RUN whose Maven installs what it built keeps the repository on purpose
    (
        "FROM maven:3.9-eclipse-temurin-21\n"
        "WORKDIR /src\n"
        "COPY . .\n"
        "RUN mvn -B -DskipTests package && cp target/app.jar /opt/app.jar\n"
        "RUN mvn -B clean\n"
        "# expect: 4 LG005, 5 LG005\n",
        [(4, "LG005"), (5, "LG005")],
    ),
    # (s44b: s15) a subshell on the other side of `||` runs or not, and the list after it runs
    # either way: its cd takes the archive's directory
    (
        "FROM centos:7\n"
        "COPY nagios-plugins-2.4.6.tar.gz /opt/\n"
        "RUN getent passwd nagios || ( groupadd -r nagios; useradd -r -g nagios nagios )"
        " && cd /opt && tar -xzf nagios-plugins-2.4.6.tar.gz && rm nagios-plugins-2.4.6.tar.gz\n"
        "# expect: 2 LG006, 3 LG003\n",
        [(2, "LG006"), (3, "LG003")],
    ),
    # (s44b: c05) update-ca-certificates writes the bundle anew: a chmod of it in the same RUN
    # copies up nothing of an earlier layer's
    (
        "FROM python:3.11-slim\n"
        "COPY corp-root.crt /usr/local/share/ca-certificates/corp-root.crt\n"
        "RUN update-ca-certificates && chmod 644 /etc/ssl/certs/ca-certificates.crt\n"
        "# expect: nothing\n",
        [],
    ),
    # (s44b: m15, m05) the repository an install keeps is still there for a later removal to
    # take; a profile named install is no install
    (
        "FROM maven:3.9-eclipse-temurin-17\n"
        "WORKDIR /src\n"
        "COPY . .\n"
        "RUN mvn -B dependency:go-offline && mvn -B -o -DskipTests install\n"
        "RUN cp target/app.jar /opt/app.jar && rm -rf /root/.m2/repository\n"
        "RUN mvn -B -P install -DskipTests package\n"
        "# expect: 5 LG003, 6 LG005\n",
        [(5, "LG003"), (6, "LG005")],
    ),
    # (s44c: b28) `-type d -exec chmod 444 {}/settings.php` changes a file in each directory
    (
        "FROM drupal:10\n"
        "COPY sites/ /opt/drupal/web/sites/\n"
        "RUN find /opt/drupal/web/sites -type d -exec chmod 444 {}/settings.php \\;\n"
        "# expect: 3 LG004\n",
        [(3, "LG004")],
    ),
    # (s44c: d06, d18) unzip told to leave web.xml out, or to take some members alone, brings
    # no web.xml a COPY writes again
    (
        "FROM tomcat:9\n"
        "COPY app.war /tmp/app.war\n"
        "RUN unzip /tmp/app.war -d /usr/local/tomcat/webapps/app -x 'WEB-INF/web.xml'\n"
        "COPY web.xml /usr/local/tomcat/webapps/app/WEB-INF/web.xml\n"
        "# expect: 2 LG006\n",
        [(2, "LG006")],
    ),
    # (s44c: e01) the framework images pip-install into their local dist-packages as root
    (
        "FROM tensorflow/tensorflow:2.15.0 AS builder\n"
        "RUN pip install --no-cache-dir transformers==4.36.2\n"
        "FROM tensorflow/tensorflow:2.15.0\n"
        "COPY --from=builder /usr/local/lib/python3.11/dist-packages"
        " /usr/local/lib/python3.11/dist-packages\n"
        "# expect: 4 LG002\n",
        [(4, "LG002")],
    ),
    # (s44d: b01, e07) a `;` inside a subshell settles what the test before it made
    # conditional, as the list after runs; `! ( ... )` turns over the group's status
    (
        "FROM debian:12-slim\n"
        "COPY plugins.tar.gz /opt/\n"
        "RUN [ -f /etc/debian_version ] && ( echo a; echo b ) && cd /opt"
        " && tar xzf plugins.tar.gz && rm plugins.tar.gz\n"
        "COPY x.conf /etc/x.conf\n"
        "RUN if ! ( false && true ); then rm /etc/x.conf; fi\n"
        "# expect: 2 LG006, 3 LG003, 5 LG003\n",
        [(2, "LG006"), (3, "LG003"), (5, "LG003")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_FOURTH_REVIEW)
def test_the_reviews_of_the_forty_fourth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_FIFTH = [
    # A directory a stage only made with mkdir or WORKDIR, copied with COPY --from, holds
    # entries only, as the same mkdir in the shipped stage would: a chown -R of it copies up
    # nothing; not where the stage writes, copies or runs a program inside it.
    (
        "FROM alpine:3.19 AS b\n"
        "RUN mkdir -p /data/db /data/log\n"
        "FROM alpine:3.19\n"
        "RUN adduser -D app\n"
        "COPY --from=b /data /data\n"
        "RUN chown -R app /data\n"
        "# expect: nothing\n",
        [],
    ),
    (
        "FROM golang:1.22 AS b\n"
        "WORKDIR /data\n"
        "RUN mkdir -p db && useradd x\n"
        "FROM alpine:3.19\n"
        "COPY --from=b /data /data\n"
        "RUN chmod -R g+w /data\n"
        "# expect: nothing\n",
        [],
    ),
    (
        "FROM golang:1.22 AS b\n"
        "ENV D=/data\n"
        "RUN mkdir $D && initdb -D $D\n"
        "FROM alpine:3.19\n"
        "COPY --from=b /data /data\n"
        "RUN chown -R 1000 /data\n"
        "# expect: 6 LG004\n",
        [(6, "LG004")],
    ),
    (
        "FROM golang:1.22 AS b\n"
        "RUN mkdir /data && cd /data && ./build.sh\n"
        "FROM alpine:3.19\n"
        "COPY --from=b /data /data\n"
        "RUN chown -R 1000 /data\n"
        "# expect: 5 LG004\n",
        [(5, "LG004")],
    ),
    (
        "FROM golang:1.22 AS b\n"
        "RUN mkdir /data && make DESTDIR=/data install\n"
        "FROM alpine:3.19\n"
        "COPY --from=b /data /data\n"
        "RUN chown -R 1000 /data\n"
        "# expect: 5 LG004\n",
        [(5, "LG004")],
    ),
    (
        "FROM golang:1.22 AS b\n"
        "RUN mkdir /data\n"
        "COPY x /data/\n"
        "FROM alpine:3.19\n"
        "COPY --from=b /data /data\n"
        "RUN chown -R 1000 /data\n"
        "# expect: 6 LG004\n",
        [(6, "LG004")],
    ),
    (
        "FROM postgres:16 AS b\n"
        "RUN mkdir -p /var/lib/postgresql/data\n"
        "FROM postgres:16\n"
        "COPY --from=b /var/lib/postgresql /var/lib/postgresql\n"
        "RUN chown -R 1000 /var/lib/postgresql\n"
        "# expect: 5 LG004\n",
        [(5, "LG004")],
    ),
    # `make install` writes its trees below DESTDIR (on its command line or in the environment)
    # and below another prefix, not into /usr/local
    (
        "FROM debian:12\n"
        "COPY src /src\n"
        "RUN cd /src && make DESTDIR=/opt/stage install\n"
        "RUN rm -rf /usr/local/share/doc\n"
        "RUN rm -rf /opt/stage/usr/local/share/doc\n"
        "RUN cd /src && DESTDIR=/out make PREFIX=/opt/x install\n"
        "RUN rm -rf /usr/local/lib /opt/x/lib /out/opt/x/bin\n"
        "# expect: 5 LG003, 7 LG003\n",
        [(5, "LG003"), (7, "LG003")],
    ),
    # (776/010) Alpine's packages keep headers in their -dev subpackages: /usr/include holds
    # nothing of `bash unrar`, but does of a -dev package and of g++ (libstdc++-dev)
    (
        "FROM alpine:3.14\n"
        "RUN apk add --no-cache bash unrar\n"
        "RUN rm -rf /usr/include /tmp/*\n"
        "# expect: nothing\n",
        [],
    ),
    (
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache bash openssl-dev\n"
        "RUN rm -rf /usr/include\n"
        "RUN apk add --no-cache g++\n"
        "RUN rm -rf /usr/include/c++\n"
        "# expect: 3 LG003, 5 LG003\n",
        [(3, "LG003"), (5, "LG003")],
    ),
    # (776/003) A RUN that runs a script of an earlier layer and then removes the directory
    # holding it removes at least that script, whatever the script made beside it
    (
        "FROM debian:12\n"
        "COPY root/ /opt/x/\n"
        "RUN sh /opt/x/s6/install.sh && rm -rf /opt/x/s6\n"
        "RUN sh /opt/x/b/install.sh && rm -rf /opt/x/c\n"
        "# expect: 3 LG003\n",
        [(3, "LG003")],
    ),
    # (781/011) gem's tree on Debian's Ruby lies in /var/lib, among packages' state, and is
    # payload all the same
    (
        "FROM ubuntu:20.04\n"
        "RUN apt-get update && apt-get install -y ruby ruby-dev && rm -rf /var/lib/apt/lists/*\n"
        "RUN gem install bundler && rm -rf /var/lib/gems/*/cache\n"
        "RUN chown -R jenkins /var/lib/gems/2.7.0/\n"
        "RUN chown -R jenkins /var/lib/gems\n"
        "# expect: 4 LG004, 5 LG004\n",
        [(4, "LG004"), (5, "LG004")],
    ),
    # (778/001) What a build stage removed from a tree before a COPY --from takes it is not in
    # the copy: the shipped stage's own removal of it again takes nothing (a find by name from
    # inside the tree too); unless the stage wrote there again after
    (
        "FROM ruby:3.3-alpine AS deps\n"
        "RUN bundle install && rm -rf /usr/local/bundle/cache && "
        "find /usr/local/bundle/gems -name '*.c' -delete\n"
        "FROM deps AS builder\n"
        "RUN bundle exec rails assets:precompile\n"
        "FROM ruby:3.3-alpine\n"
        "COPY --from=builder /usr/local/bundle/ /usr/local/bundle/\n"
        "RUN rm -rf /usr/local/bundle/cache && find /usr/local/bundle/gems -name '*.c' -delete\n"
        "# expect: nothing\n",
        [],
    ),
    (
        "FROM ruby:3.3-alpine AS deps\n"
        "RUN bundle install && rm -rf /usr/local/bundle/cache\n"
        "RUN bundle install --gemfile other/Gemfile\n"
        "FROM ruby:3.3-alpine\n"
        "COPY --from=deps /usr/local/bundle/ /usr/local/bundle/\n"
        "RUN rm -rf /usr/local/bundle/cache\n"
        "# expect: 3 LG005, 6 LG003\n",
        [(3, "LG005"), (6, "LG003")],
    ),
    # (and within one stage, a find by name from inside a tree takes those names from it)
    (
        "FROM ruby:3.3-alpine\n"
        "COPY vendor/ /opt/vendor/\n"
        "RUN find /opt/vendor/gems -name '*.o' -delete\n"
        "RUN find /opt/vendor/gems -name '*.o' -delete\n"
        "RUN find /opt/vendor/gems -name '*.h' -delete\n"
        "# expect: 3 LG003, 5 LG003\n",
        [(3, "LG003"), (5, "LG003")],
    ),
    # (778/001) A checkout's log/ and tmp/ hold a placeholder at most: `rm -rf log/* tmp/*`
    # after `COPY . .` takes nothing; its db/ is the project's
    (
        "FROM ruby:3.3-alpine\n"
        "WORKDIR /usr/src/app\n"
        "COPY . .\n"
        "RUN rm -rf log/* tmp/*\n"
        "RUN chown -R 1000 log tmp db\n"
        "# expect: 5 LG004\n",
        [(5, "LG004")],
    ),
    # (778/007) A name right in a bin directory, copied without a slash, is a program: a later
    # COPY of another program to that name writes the file again
    (
        "FROM composer:2 AS composer\n"
        "RUN echo\n"
        "FROM php:8.3-fpm-alpine\n"
        "ADD DockerHelpers/composer.sh /usr/bin/composer\n"
        "COPY --from=composer /usr/bin/composer /usr/bin/composer\n"
        "COPY tools/ /usr/local/lib/tools\n"
        "COPY other/ /usr/local/lib/tools\n"
        "# expect: 5 LG002\n",
        [(5, "LG002")],
    ),
    # (784/010) Yarn's prune removes nothing: Yarn 1's says `yarn install` prunes already
    (
        "FROM node:14-bullseye\n"
        "WORKDIR /opt/app\n"
        "COPY . .\n"
        "RUN yarn install --frozen-lockfile && yarn cache clean\n"
        "RUN yarn prune --production\n"
        "# expect: nothing\n",
        [],
    ),
    # (788/007) A file copied without a slash to bin/ or conf/ of a runtime tree the base holds
    # lands inside it: a later chmod of it there copies it up; not where a RUN removed it
    (
        "FROM tomcat:9.0-jdk8-openjdk\n"
        "COPY ./setenv.sh /usr/local/tomcat/bin\n"
        "RUN chmod o+x /usr/local/tomcat/bin/setenv.sh\n"
        "# expect: 3 LG004\n",
        [(3, "LG004")],
    ),
    # (787/004) A link to another build of a program, made over the one a distribution
    # package installed, hides that program; not a link that adds a name (Debian's bat
    # installs batcat)
    (
        "FROM ubuntu:24.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends xwayland bat"
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY --from=builder /out/usr/local /usr/local\n"
        "RUN ln -sf /usr/local/bin/Xwayland /usr/bin/Xwayland\n"
        "RUN ln -s /usr/bin/batcat /usr/bin/bat\n"
        "# expect: 4 LG003\n",
        [(4, "LG003")],
    ),
    # (793/009, s45b: 002, 006, 012) pacman's -Scc asks, No by default: a build's stdin
    # answers nothing and --noconfirm takes the default, so only an answer piped in (`yes |`)
    # empties the cache; -Sc keeps the installed versions' packages
    (
        "FROM archlinux:latest\n"
        "RUN pacman -Syu --noconfirm git && pacman -Scc\n"
        "RUN pacman -S --noconfirm vim && pacman -Scc --noconfirm\n"
        "RUN pacman -S --noconfirm wget && pacman -Sc --noconfirm\n"
        "RUN pacman -S --noconfirm curl && yes | pacman -Scc\n"
        "RUN pacman -Scc\n"
        "# expect: 2 LG005, 3 LG005, 4 LG005, 5 LG003\n",
        [(2, "LG005"), (3, "LG005"), (4, "LG005"), (5, "LG003")],
    ),
    # (789/006) What a COPY --from brings of a stage's copies is what no removal after it took:
    # the base stage's `rm -rf` of the directory before the builder copied into it again
    # takes none of the builder's files
    (
        "FROM oraclelinux:8 AS base\n"
        "COPY setup.sh /opt/oracle/install/\n"
        "RUN /opt/oracle/install/setup.sh && rm -rf /opt/oracle/install\n"
        "FROM base AS builder\n"
        "COPY db_inst.rsp installDB.sh /opt/oracle/install/\n"
        "RUN /opt/oracle/install/installDB.sh\n"
        "FROM base\n"
        "COPY --from=builder /opt/oracle /opt/oracle\n"
        "RUN /opt/oracle/root.sh && rm -rf /opt/oracle/install/*\n"
        "# expect: 3 LG003, 9 LG003\n",
        [(3, "LG003"), (9, "LG003")],
    ),
    # (800/009) pak keeps what it downloads in ~/.cache/R/pkgcache, unless cleaned
    (
        "FROM rocker/r-ver:4.4\n"
        "RUN R -e 'install.packages(\"pak\")' && R -e 'pak::pkg_install(c(\"plumber\"))'\n"
        "RUN R -e 'pak::pak(\"dplyr\"); pak::cache_clean()'\n"
        "RUN Rscript -e 'pak::pkg_install(\"x\")' && rm -rf ~/.cache/R\n"
        "# expect: 2 LG005, 3 LG003\n",
        [(2, "LG005"), (3, "LG003")],
    ),
    # (s45a: 030) `make install` fills the prefix the configure before it in that directory
    # (or cmake's CMAKE_INSTALL_PREFIX) was given, not /usr/local
    (
        "FROM debian:12\n"
        "COPY src /src\n"
        "RUN cd /src && ./configure --prefix=/opt/app && make && make install\n"
        "RUN chown -R app /opt/app\n"
        "RUN rm -rf /usr/local/share/doc\n"
        "RUN mkdir /b && cd /b && cmake -DCMAKE_INSTALL_PREFIX=/opt/x /src && make install\n"
        "RUN chown -R app /opt/x\n"
        "# expect: 4 LG004, 7 LG004\n",
        [(4, "LG004"), (7, "LG004")],
    ),
    # (804/003) A repository's signing key in a keyrings directory is a keyring or release
    # package's, or one named for a package: not every install's
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y debian-archive-keyring curl wget"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm -f /usr/share/keyrings/debian-archive-keyring.gpg"
        " /usr/share/keyrings/mysql-apt-config.gpg\n"
        "RUN rm -f /usr/share/keyrings/mysql-apt-config.gpg /etc/apt/trusted.gpg.d/mysql.gpg\n"
        "# expect: 3 LG003\n",
        [(3, "LG003")],
    ),
    # (798/004, 808/004) nvm's install script installs the Node.js NODE_VERSION names, and
    # keeps its tarball as `nvm install` does
    (
        "FROM ubuntu:22.04\n"
        "ENV NODE_VERSION=20\n"
        'ENV NVM_DIR="/opt/nvm"\n'
        "RUN mkdir ${NVM_DIR} && wget -nv https://raw.githubusercontent.com/nvm-sh/nvm/v0.39.7/"
        "install.sh && bash install.sh && rm install.sh\n"
        "RUN curl -fsSL https://raw.githubusercontent.com/nvm-sh/nvm/v0.40.1/install.sh | bash"
        " && . $NVM_DIR/nvm.sh && nvm cache clear\n"
        "# expect: 4 LG005, 5 LG003\n",
        [(4, "LG005"), (5, "LG003")],
    ),
    (
        "FROM ubuntu:22.04\n"
        'ENV NVM_DIR="/opt/nvm"\n'
        "RUN curl -fsSL https://raw.githubusercontent.com/nvm-sh/nvm/v0.40.1/install.sh | bash\n"
        "# expect: nothing\n",
        [],
    ),
    # (808/003) An application tree the base image fills, removed whole: drupal's composer
    # project in /opt/drupal; not a directory the image ships empty
    (
        "FROM drupal:8.9-apache\nRUN rm -rf ..?* .[!.]* *\n# expect: 2 LG003\n",
        [(2, "LG003")],
    ),
    (
        "FROM tomcat:9.0\nRUN rm -rf /usr/local/tomcat/webapps/*\n# expect: nothing\n",
        [],
    ),
    # (807/007) A RUN that removes ~/.ivy2 after its sbt build says its sbt resolves with Ivy
    # (before 1.3): its cache is cleaned, no Coursier cache is left
    (
        "FROM openjdk:8\n"
        "RUN ./sbt clean dist && rm -fr /tmp/* /root/.sbt /root/.ivy2\n"
        "RUN ./sbt clean dist && rm -fr /root/.sbt\n"
        "# expect: 3 LG005\n",
        [(3, "LG005")],
    ),
    # (810/001) `chmod +x` of a copy named as directories are (scripts, tools), not below a bin
    # directory: the directory's search bit, its entry alone; a program's name is a file
    (
        "FROM apache/airflow:2.2.3\n"
        "WORKDIR /opt/airflow\n"
        "COPY scripts scripts\n"
        "RUN chmod +x scripts\n"
        "COPY entrypoint entrypoint\n"
        "RUN chmod +x entrypoint\n"
        "# expect: 6 LG004\n",
        [(6, "LG004")],
    ),
    # (811/001) Debian 12's and Ubuntu 24.04's Python is externally managed (PEP 668): their
    # own pip refuses before it fetches anything, unless told to break the system's packages
    # (--user too is refused); not a venv's pip, nor Ubuntu 22.04's
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y python3-pip && rm -rf /var/lib/apt/lists/*\n"
        "RUN pip3 install flask || true\n"
        "RUN pip3 install --user flask || true\n"
        "RUN pip3 install --break-system-packages flask\n"
        "RUN python3 -m venv /opt/v && /opt/v/bin/pip install flask\n"
        "# expect: 5 LG005, 6 LG005\n",
        [(5, "LG005"), (6, "LG005")],
    ),
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y python3-pip && rm -rf /var/lib/apt/lists/*\n"
        "RUN pip3 install flask\n"
        "# expect: 3 LG005\n",
        [(3, "LG005")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_FIFTH)
def test_the_forty_fifth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_FIFTH_REVIEW = [
    # (s45a: 045, 051) Alpine's python3 keeps pyconfig.h in /usr/include, and a header-only
    # library has no -dev subpackage: their headers are there
    (
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache python3 py3-pip nlohmann-json\n"
        "RUN rm -rf /usr/include\n"
        "# expect: 3 LG003\n",
        [(3, "LG003")],
    ),
    # (s45a: 091) a program run from the copied tree writes there again after the stage's
    # removal: the copy carries what it wrote
    (
        "FROM python:3.12-slim AS build\n"
        "RUN python -m venv /opt/venv\n"
        "COPY requirements.txt .\n"
        "RUN /opt/venv/bin/pip install --no-cache-dir -r requirements.txt"
        " && find /opt/venv -name '*.pyc' -delete\n"
        'RUN /opt/venv/bin/python -c "import flask, sqlalchemy"\n'
        "FROM python:3.12-slim\n"
        "COPY --from=build /opt/venv /opt/venv\n"
        "RUN find /opt/venv -name '*.pyc' -delete\n"
        "# expect: 8 LG003\n",
        [(8, "LG003")],
    ),
    # (s45a: 069, 070, 074) gem installs where GEM_HOME, `--install-dir` or bundler's path puts
    # them, not in Debian's /var/lib/gems
    (
        "FROM ruby:3.3\n"
        "RUN gem install --no-document rails && rm -rf /usr/local/bundle/cache\n"
        "RUN chown -R 1000 /var/lib/gems\n"
        "# expect: nothing\n",
        [],
    ),
    (
        "FROM debian:bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends ruby bundler"
        " && rm -rf /var/lib/apt/lists/*\n"
        "WORKDIR /app\n"
        "COPY Gemfile Gemfile.lock ./\n"
        "RUN bundle config set --local path vendor/bundle && bundle install"
        " && rm -rf vendor/bundle/ruby/*/cache\n"
        "RUN chown -R 1000 /var/lib/gems\n"
        "# expect: nothing\n",
        [],
    ),
    # (s45a: 101) a program copied without an extension to a bin directory is one file too
    (
        "FROM golang:1.22 AS build\n"
        "RUN go build -o /out/app . && rm -rf /root/.cache /go/pkg\n"
        "FROM debian:12\n"
        "COPY bin/app /usr/local/bin/app\n"
        "COPY --from=build /out/app /usr/local/bin/app\n"
        "# expect: 5 LG002\n",
        [(5, "LG002")],
    ),
    # (s45a: 013) a stage that only made a directory and touched new files in it: entries only
    (
        "FROM debian:12 AS build\n"
        "RUN mkdir -p /var/log/app && touch /var/log/app/app.log /var/log/app/error.log\n"
        "FROM debian:12\n"
        "COPY --from=build /var/log/app /var/log/app\n"
        "RUN chown -R nobody /var/log/app\n"
        "# expect: nothing\n",
        [],
    ),
    # (s45b: 020, 023) a link over a Debian command that is itself a link (vim's alternative,
    # Ruby's versioned ruby3.1) hides no bytes
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y vim ruby && rm -rf /var/lib/apt/lists/*\n"
        "RUN ln -sf /usr/local/bin/vim /usr/bin/vim && ln -sf /usr/local/bin/ruby /usr/bin/ruby\n"
        "# expect: nothing\n",
        [],
    ),
    # (s45b: 135) Alpine's py3- packages pull in python3, whose pyconfig.h is in /usr/include
    (
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache py3-pip py3-requests\n"
        "RUN rm -rf /usr/include\n"
        "# expect: 3 LG003\n",
        [(3, "LG003")],
    ),
    # (s45c: 086, 098) a base's tree of configuration or state removed whole holds no
    # weight the model knows: mariadb's /etc/mysql, Jetty's base
    (
        "FROM mariadb:10.11\n"
        "RUN rm -rf /etc/mysql && mkdir -p /etc/mysql/conf.d\n"
        "FROM jetty:9.4-jdk11\n"
        "RUN rm -rf /var/lib/jetty/*\n"
        "# expect: nothing\n",
        [],
    ),
    # (s45c: 101, 108) an sbt on the PATH resolves with Coursier, whatever the RUN removes of
    # ~/.ivy2 after (only a project's own launcher, ./sbt, says an old sbt)
    (
        "FROM hseeberger/scala-sbt:11.0.8_1.3.13_2.13.3\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN sbt clean stage && rm -rf /root/.ivy2\n"
        "# expect: 4 LG005\n",
        [(4, "LG005")],
    ),
    # (s45c: 030, 034, 035, 037) repository keys: a keyring or release package's by its vendor
    # (in /etc/apt/trusted.gpg.d too), a package's by its whole name; not git's for githubcli's,
    # nor docker.io's for docker.gpg, nor every key for an install of others
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y git docker.io curl gnupg"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm -f /usr/share/keyrings/githubcli-archive-keyring.gpg /etc/apt/keyrings/docker.gpg\n"
        "RUN rm -rf /usr/share/keyrings/*\n"
        "COPY percona-release.deb /tmp/\n"
        "RUN dpkg -i /tmp/percona-release.deb && rm /tmp/percona-release.deb\n"
        "RUN rm -f /etc/apt/trusted.gpg.d/percona-keyring.gpg\n"
        "# expect: 5 LG006, 6 LG003, 7 LG003\n",
        [(5, "LG006"), (6, "LG003"), (7, "LG003")],
    ),
    # (s45c: 057, 025) nvm's install script saved and run by path; `make install-strip`
    # installs as `make install` does
    (
        "FROM ubuntu:22.04\n"
        "ENV NODE_VERSION=20 NVM_DIR=/opt/nvm\n"
        "RUN mkdir $NVM_DIR && curl -fsSLO https://raw.githubusercontent.com/nvm-sh/nvm/v0.39.7/"
        "install.sh && chmod +x install.sh && ./install.sh && rm install.sh\n"
        "COPY src /src\n"
        "RUN cd /src && ./configure --prefix=/opt/hello && make && make install-strip\n"
        "RUN chown -R nobody /opt/hello\n"
        "# expect: 3 LG005, 6 LG004\n",
        [(3, "LG005"), (6, "LG004")],
    ),
    # (s45c: 010) `cmake --install` installs the build directory into the prefix its configure
    # step (-DCMAKE_INSTALL_PREFIX, for that -B directory) or its own --prefix gave
    (
        "FROM debian:12\n"
        "COPY src /src\n"
        "RUN cmake -S /src -B /build -DCMAKE_INSTALL_PREFIX=/opt/fmt && cmake --build /build"
        " && cmake --install /build\n"
        "RUN chown -R nobody /opt/fmt\n"
        "RUN cd /src && cmake -B b && cmake --build b && cmake --install b --prefix /opt/y\n"
        "RUN chown -R nobody /opt/y\n"
        "# expect: 4 LG004, 6 LG004\n",
        [(4, "LG004"), (6, "LG004")],
    ),
    # (s45c: 144) pak's functions by their names once it is attached
    (
        "FROM rocker/r-ver:4.4\n"
        'RUN Rscript -e \'library(pak); pkg_install(c("shiny","DT"))\'\n'
        "RUN Rscript -e 'library(pak); pkg_install(\"x\"); cache_clean()'\n"
        "RUN Rscript -e 'remotes::install_github(\"a/b\")'\n"
        "# expect: 2 LG005, 3 LG003\n",
        [(2, "LG005"), (3, "LG003")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_FIFTH_REVIEW)
def test_the_reviews_of_the_forty_fifth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_SIXTH = [
    # A destination without a slash that an earlier RUN removed files from is a directory:
    # ADD puts the download inside it, and a chmod of that file copies it up.
    (
        "FROM alpine:3.19\n"
        "ENV J=/opt/spark/jars\n"
        "RUN rm $J/guava-14.0.1.jar\n"
        "ADD https://repo1.maven.org/guava-23.0.jar $J\n"
        "RUN chmod 644 $J/guava-23.0.jar\n"
        "# expect: 3 LG003, 5 LG004\n",
        [(3, "LG003"), (5, "LG004")],
    ),
    # The names an `ls` prints, piped to xargs, are the program's arguments: a pip install or
    # dpkg -i of the wheels and packages a COPY wrote unpacks them (GNU's `-i` takes no value)
    (
        "FROM python:3.12\n"
        "COPY dist/*.whl /w/\n"
        "RUN cd /w && ls ./*.whl | xargs -I'{}' pip install --no-cache-dir '{}'\n"
        "# expect: 2 LG006\n",
        [(2, "LG006")],
    ),
    (
        "FROM debian:12\n"
        "COPY pkgs/*.deb /tmp/\n"
        "RUN ls /tmp/*.deb | xargs -i dpkg -i {}\n"
        "# expect: 2 LG006\n",
        [(2, "LG006")],
    ),
    # Confluent Hub's installer unpacks a local connector zip (a name it fetches)
    (
        "FROM confluentinc/cp-kafka-connect:7.6.0\n"
        "COPY target/datagen-0.6.zip /tmp/datagen-0.6.zip\n"
        "RUN confluent-hub install --no-prompt /tmp/datagen-0.6.zip\n"
        "RUN confluent-hub install --no-prompt confluentinc/kafka-connect-jdbc:10.7.4\n"
        "# expect: 2 LG006\n",
        [(2, "LG006")],
    ),
    # A library's file of one version, removed by name from the base image where the build
    # fails unless it is there: a jar holds bytes (not with -f, nor a name a RUN wrote since)
    (
        "FROM gcr.io/spark-operator/spark:v3.1.1\n"
        "RUN rm $SPARK_HOME/jars/guava-14.0.1.jar\n"
        "RUN rm /opt/kafka/libs/log4j-1.2.17.jar\n"
        "RUN rm -f /opt/kafka/libs/slf4j-log4j12-1.7.36.jar /opt/app/lib/*.jar\n"
        "# expect: 2 LG003, 3 LG003\n",
        [(2, "LG003"), (3, "LG003")],
    ),
    # useradd's -b names the directory the home is made in, and a later usermod's new uid
    # re-owns the files in that home
    (
        "FROM centos:7\n"
        "RUN useradd -b /u01 -m oracle\n"
        "COPY --chown=oracle wls.jar /u01/oracle/\n"
        "RUN usermod -u 10500 oracle\n"
        "# expect: 4 LG004\n",
        [(4, "LG004")],
    ),
    # A stage that removes a directory itself and makes it again with mkdir leaves it empty,
    # whatever the base or an earlier step put there: a COPY --from of it brings entries only
    # (not after a removal of what it holds alone, `rm -rf /tmp/*`)
    (
        "FROM alpine:3.19 AS build\n"
        "COPY cache.tar /tmp/\n"
        "RUN rm -rf /tmp && mkdir -p /tmp && chmod 1777 /tmp\n"
        "FROM scratch\n"
        "COPY --from=build /tmp /tmp\n"
        "RUN chmod -R a+rwX /tmp\n"
        "# expect: nothing\n",
        [],
    ),
    (
        "FROM alpine:3.19 AS build\n"
        "COPY cache.tar /tmp/\n"
        "RUN rm -rf /tmp/* && mkdir -p /tmp\n"
        "FROM scratch\n"
        "COPY --from=build /tmp /tmp\n"
        "RUN chmod -R a+rwX /tmp\n"
        "# expect: 6 LG004\n",
        [(6, "LG004")],
    ),
    # Ubuntu 24.04's own pip refuses to install (PEP 668), but not a RUN that puts another
    # Python first: a venv it activates, pyenv's
    (
        "FROM ubuntu:24.04\n"
        "RUN apt-get update && apt-get install -y python3-pip python3-venv \\\n"
        "    && rm -rf /var/lib/apt/lists/*\n"
        "RUN python3 -m venv /v && . /v/bin/activate && python -m pip install riscof\n"
        "RUN pip3 install requests || true\n"
        "# expect: 4 LG005\n",
        [(4, "LG005")],
    ),
    # Helm keeps each chart repository's index (tens of MB for the big ones) in its cache
    (
        "FROM alpine/k8s:1.29.2\n"
        "RUN helm repo add bitnami https://charts.bitnami.com/bitnami && helm repo update\n"
        "RUN helm repo add x https://x.example/charts && rm -rf ~/.cache/helm/repository\n"
        "RUN helm version && helm repo list\n"
        "# expect: 2 LG005, 3 LG003\n",
        [(2, "LG005"), (3, "LG003")],
    ),
    # Terminus 3 installs a plugin with composer, whose cache keeps it
    (
        "FROM quay.io/pantheon-public/terminus:3\n"
        "RUN terminus self:plugin:install terminus-build-tools-plugin\n"
        "RUN terminus self:plugin:list\n"
        "# expect: 2 LG005\n",
        [(2, "LG005")],
    ),
    # A LuaRocks rock is a zip: copied, then installed by luarocks, it ships beside what it
    # installed
    (
        "FROM kong:3.6\n"
        "COPY --from=builder /tmp/*.rock /tmp/\n"
        "USER root\n"
        "RUN luarocks install /tmp/kong-plugin-jwt-1.0.0-1.all.rock && rm -rf ~/.cache/luarocks\n"
        "# expect: 2 LG006\n",
        [(2, "LG006")],
    ),
    # A removal of a user's own gem directory's cache cleans a --user-install's, not the cache
    # of a gem install run as root or into GEM_HOME
    (
        "FROM fluent/fluentd:v1.16-1\n"
        "USER root\n"
        "RUN apk add --no-cache sudo && sudo gem install fluent-plugin-concat \\\n"
        "    && rm -rf /home/fluent/.gem/ruby/*/cache/*.gem\n"
        "# expect: 3 LG005\n",
        [(3, "LG005")],
    ),
    # (--user-install's: ~/.gem, or since RubyGems 3.2 ~/.local/share/gem where ~/.gem is not)
    (
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache ruby && adduser -D app\n"
        "USER app\n"
        "RUN gem install --user-install rake \\\n"
        "    && rm -rf ~/.gem/ruby/*/cache ~/.local/share/gem/ruby/*/cache\n"
        "# expect: nothing\n",
        [],
    ),
    (
        "FROM ruby:3.2\n"
        "RUN useradd -m app\n"
        "USER app\n"
        "RUN gem install --user-install rake && rm -rf /home/app/.gem/ruby/*/cache\n"
        "RUN gem install rack && rm -rf /home/app/.gem/ruby/*/cache\n"
        "# expect: 4 LG005, 5 LG005\n",
        [(4, "LG005"), (5, "LG005")],
    ),
    # A Ruby gem is a tar: copied, then installed (by gem or Logstash's plugin installer), it
    # ships beside what it installed
    (
        "FROM docker.elastic.co/logstash/logstash:7.5.2\n"
        "COPY logstash-output-x-1.0.0.gem /tmp/\n"
        "RUN logstash-plugin install --no-verify --local /tmp/logstash-output-x-1.0.0.gem\n"
        "# expect: 2 LG006\n",
        [(2, "LG006")],
    ),
    (
        "FROM ruby:3.3\n"
        "COPY pkg/mytool-0.1.0.gem /tmp/\n"
        "RUN gem install /tmp/mytool-0.1.0.gem && rm -rf /usr/local/bundle/cache\n"
        "# expect: 2 LG006\n",
        [(2, "LG006")],
    ),
    # A home tree copied back from a stage built on the same base holds only the dotfiles
    # useradd left there: none from Alpine's empty /etc/skel, Debian's three
    (
        "FROM alpine:3.19 AS base\n"
        "RUN adduser -u 1000 -h /srv/app -D app\n"
        "WORKDIR /srv/app\n"
        "FROM base AS builder\n"
        "COPY . ./\n"
        "FROM base\n"
        "COPY --from=builder /srv/app ./\n"
        "# expect: nothing\n",
        [],
    ),
    (
        "FROM debian:12 AS base\n"
        "RUN useradd -m -d /srv/app app\n"
        "WORKDIR /srv/app\n"
        "FROM base AS builder\n"
        "COPY . ./\n"
        "FROM base\n"
        "COPY --from=builder /srv/app ./\n"
        "# expect: 7 LG002\n",
        [(7, "LG002")],
    ),
    # `false` on the right of an `||` whose left side may succeed does not fail the list: the
    # commands after `(install || (cat log && false)) &&` run
    (
        "FROM opensuse/tumbleweed\n"
        "RUN (zypper -n install gcc > /tmp/z.out || (cat /tmp/z.out && false)) \\\n"
        "    && zypper clean -a && rm -f /tmp/z.out\n"
        "RUN (apt-get update || false) && rm -rf /var/lib/apt/lists/*\n"
        "# expect: nothing\n",
        [],
    ),
    # A distribution's Go older than 1.10 keeps no build cache and no modules: one named for
    # its version, or the release's own golang on Fedora 26 and older, Debian 9, Ubuntu 16.04
    # (zypper's global options before its command are read as such)
    (
        "FROM opensuse/tumbleweed\n"
        "RUN zypper --plus-repo http://x.example/repo -n install go1.7 && zypper clean -a\n"
        "RUN go get -u github.com/golang/lint/golint\n"
        "# expect: nothing\n",
        [],
    ),
    (
        "FROM fedora:21\n"
        "RUN yum install -y golang git && yum clean all && go get github.com/x/y/...\n"
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y golang && rm -rf /var/lib/apt/lists/* \\\n"
        "    && go install github.com/x/y@latest\n"
        "# expect: 4 LG005\n",
        [(4, "LG005")],
    ),
    # `setcap -r FILE` removes the capabilities: it names no caps before the file, and copies
    # the program up as any setcap does (`-n ROOTID` takes a value)
    (
        "FROM caddy:2\n"
        "RUN setcap -r /usr/bin/caddy\n"
        "RUN setcap -q -n 1000 cap_net_bind_service=+ep /usr/bin/caddy\n"
        "# expect: 2 LG004, 3 LG004\n",
        [(2, "LG004"), (3, "LG004")],
    ),
    # Whiteouts are marks in a layer's archive, never files a RUN sees: `rm .wh*` names nothing
    (
        "FROM python:3.9\n"
        "RUN pip install --no-cache-dir requests\n"
        "RUN rm -rf /usr/local/lib/python3.9/site-packages/.wh*\n"
        "# expect: nothing\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_SIXTH)
def test_the_forty_sixth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_SIXTH_REVIEW = [
    # (s46c: an image named or tagged for Red Hat's family never runs an apt branch)
    (
        "FROM balenalib/raspberrypi3-fedora:38\n"
        "RUN install_packages nginx\n"
        "COPY default /etc/nginx/sites-available/default\n"
        "# expect: nothing\n",
        [],
    ),
    (
        "FROM eclipse-temurin:21-jre-ubi9-minimal\n"
        "RUN if command -v apt-get; then apt-get update && apt-get install -y certbot && rm -rf "
        "/var/lib/apt/lists/*; else microdnf install -y cronie && microdnf clean all; fi\n"
        "COPY certbot.cron /etc/cron.d/certbot\n"
        "# expect: nothing\n",
        [],
    ),
    # (s46c: noVNC 0.4 (Debian 9, Ubuntu 18.04) has no app/ tree)
    (
        "FROM ubuntu:18.04\n"
        "RUN apt-get update && apt-get install -y novnc && rm -rf /var/lib/apt/lists/*\n"
        "COPY novnc-192x192.png /usr/share/novnc/app/images/icons/novnc-192x192.png\n"
        "# expect: nothing\n",
        [],
    ),
    # (s46c: Debian's own puppet-agent (Debian 12, Ubuntu 23.04 on) keeps /etc/puppet)
    (
        "FROM debian:bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends puppet-agent && rm -rf "
        "/var/lib/apt/lists/*\n"
        "COPY puppet.conf /etc/puppetlabs/puppet/puppet.conf\n"
        "# expect: nothing\n",
        [],
    ),
    # (s46b: PEP 668: an activation only written into a file, or in an earlier RUN, runs no
    # other pip)
    (
        "FROM debian:bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip "
        "python3-venv && rm -rf /var/lib/apt/lists/*\n"
        "RUN python3 -m venv /opt/venv \\\n"
        ' && echo ". /opt/venv/bin/activate" >> /root/.bashrc \\\n'
        " && pip3 install --user httpie || true\n"
        "# expect: nothing\n",
        [],
    ),
    (
        "FROM debian:bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip "
        "python3-venv \\\n"
        " && rm -rf /var/lib/apt/lists/* \\\n"
        " && python3 -m venv /opt/venv && . /opt/venv/bin/activate && pip install --no-cache-dir "
        "-r /dev/null\n"
        "RUN pip3 install yq || true\n"
        "# expect: nothing\n",
        [],
    ),
    # (s46b: only an rm without -f shows a directory there, and the directories above it)
    (
        "FROM eclipse-temurin:17-jre\n"
        "RUN rm -f /opt/app/lib/app-old.jar\n"
        "COPY build/libs/app.jar /opt/app/lib\n"
        "RUN chmod 0644 /opt/app/lib\n"
        'ENTRYPOINT ["java", "-jar", "/opt/app/lib"]\n'
        "# expect: 4 LG004\n",
        [(4, "LG004")],
    ),
    (
        "FROM trinodb/trino:435\n"
        "USER root\n"
        "RUN rm /usr/lib/trino/plugin/iceberg/parquet-hadoop-1.13.1.jar\n"
        "COPY dist/trino-geo-udfs-435.zip /usr/lib/trino/plugin\n"
        "RUN cd /usr/lib/trino/plugin && unzip -q trino-geo-udfs-435.zip && rm "
        "trino-geo-udfs-435.zip\n"
        "USER trino\n"
        "# expect: 3 LG003, 4 LG006, 5 LG003\n",
        [(3, "LG003"), (4, "LG006"), (5, "LG003")],
    ),
    # (s46b: a venv first on PATH by ENV runs its own pip)
    (
        "FROM debian:bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip "
        "python3-venv && rm -rf /var/lib/apt/lists/*\n"
        "RUN python3 -m venv /opt/venv\n"
        'ENV PATH="/opt/venv/bin:$PATH"\n'
        "COPY requirements.txt .\n"
        "RUN pip install -r requirements.txt\n"
        "# expect: 6 LG005\n",
        [(6, "LG005")],
    ),
    # (s46a: helm reads charts, it unpacks nothing; pull and a --skip-refresh build leave no cache)
    (
        "FROM alpine/helm:3.14.0\n"
        "COPY charts/ /srv/charts/\n"
        "RUN helm package /srv/charts/* -d /srv/repo && helm repo index /srv/repo --url "
        "https://charts.example.com\n"
        "# expect: nothing\n",
        [],
    ),
    (
        "FROM alpine/helm:3.14.0\n"
        "COPY dist/myapp-1.2.0.tgz /charts/\n"
        "RUN helm template myapp /charts/myapp-1.2.0.tgz --namespace prod > /manifests/myapp.yaml\n"
        "# expect: nothing\n",
        [],
    ),
    (
        "FROM alpine/helm:3.14.0\n"
        "RUN helm pull oci://registry-1.docker.io/bitnamicharts/nginx --version 15.14.0 --untar "
        "-d /charts\n"
        "# expect: nothing\n",
        [],
    ),
    (
        "FROM alpine/helm:3.14.0\n"
        "RUN helm repo add bitnami https://charts.bitnami.com/bitnami\n"
        "RUN helm pull bitnami/redis --version 18.6.1 --untar -d /charts\n"
        "# expect: 2 LG005\n",
        [(2, "LG005")],
    ),
    (
        "FROM alpine/helm:3.14.0\n"
        "COPY chart/ /chart/\n"
        "RUN helm repo add bitnami https://charts.bitnami.com/bitnami\n"
        "RUN helm dependency build --skip-refresh /chart\n"
        "# expect: 3 LG005\n",
        [(3, "LG005")],
    ),
    # (s46a: RubyGems 3.2 keeps a --user-install's gems in ~/.local/share/gem where ~/.gem is not)
    (
        "FROM ruby:3.3-slim\n"
        "RUN useradd -m app\n"
        "USER app\n"
        "RUN gem install --user-install --no-document rake && rm -rf ~/.gem/ruby/*/cache\n"
        "# expect: 4 LG005\n",
        [(4, "LG005")],
    ),
    # (s46a: a usermod's new uid re-owns the dotfiles useradd -m put in the home, unless the
    # useradd gave that uid, or gave none and the new one is the 1000 it gives the first user;
    # a bare `ls` piped to xargs names what the working directory holds)
    (
        "FROM debian:12\n"
        "RUN useradd -m dev\n"
        "RUN usermod -u 2000 dev\n"
        "RUN useradd -m -u 3000 ops\n"
        "RUN usermod -u 3000 ops\n"
        "RUN useradd -m web && usermod -u 1000 web\n"
        "# expect: 3 LG004\n",
        [(3, "LG004")],
    ),
    (
        "FROM debian:bookworm-slim\n"
        "WORKDIR /tmp/debs\n"
        "COPY debs/*.deb ./\n"
        "RUN ls | xargs dpkg -i\n"
        "# expect: 3 LG006\n",
        [(3, "LG006")],
    ),
    # (s46b, s46d: a stage's directory it only made holds entries alone for LG004; for LG002
    # a COPY --from of it into the base's web root is taken to bring what a build wrote there,
    # as a copy of an empty directory would be pointless: `npm run build` writing /dist; and a
    # distribution's packages do not fill it)
    (
        "FROM nginx:1.25 AS web\n"
        "RUN rm -rf /usr/share/nginx/html && mkdir -p /usr/share/nginx/html\n"
        "FROM nginx:1.25\n"
        "COPY --from=web /usr/share/nginx/html /usr/share/nginx/html\n"
        "COPY dist/ /usr/share/nginx/html/\n"
        "# expect: 4 LG002, 5 LG002\n",
        [(4, "LG002"), (5, "LG002")],
    ),
    (
        "FROM debian:bookworm-slim AS prep\n"
        "COPY data/ /opt/data/\n"
        "RUN rm -rf /opt/data && mkdir -p /opt/data\n"
        "RUN apt-get update && apt-get install -y sqlite3 && rm -rf /var/lib/apt/lists/*\n"
        "FROM debian:bookworm-slim\n"
        "COPY --from=prep /opt/data /opt/data\n"
        "RUN chown -R 1000:1000 /opt/data\n"
        "# expect: nothing\n",
        [],
    ),
    # (s46c: a COPY --from of a tree a stage's packages filled brings their known configuration)
    (
        "FROM debian:bookworm-slim AS conf\n"
        "RUN apt-get update && apt-get install -y nginx-common && rm -rf /var/lib/apt/lists/*\n"
        "FROM alpine:3.19\n"
        "COPY --from=conf /etc/nginx /etc/nginx\n"
        "COPY nginx.conf /etc/nginx/nginx.conf\n"
        "COPY fastcgi.conf /etc/nginx/fastcgi.conf.new\n"
        "# expect: 5 LG002\n",
        [(5, "LG002")],
    ),
    # (s46a, s46c: balenalib's install_packages runs apk on its Alpine tags and dnf on its
    # Fedora ones, whose files the packages hold there, and keeps no cache)
    (
        "FROM balenalib/raspberrypi4-64-alpine:3.18\n"
        "RUN install_packages nginx\n"
        "COPY nginx.conf /etc/nginx/nginx.conf\n"
        "# expect: 3 LG002\n",
        [(3, "LG002")],
    ),
    (
        "FROM balenalib/raspberrypi4-64-fedora:38\n"
        "RUN install_packages nginx\n"
        "COPY default /etc/nginx/sites-available/default\n"
        "COPY nginx.conf /etc/nginx/nginx.conf\n"
        "# expect: 4 LG002\n",
        [(4, "LG002")],
    ),
    # (s46d: usermod's uid attached to its flag; Alpine's empty skel leaves nothing to re-own;
    # nginx.org's nginx copied from a stage holds no Debian snippets/; `setcap -v` verifies)
    (
        "FROM debian:12-slim\n"
        "RUN useradd --create-home --uid 1234 app\n"
        "RUN usermod -u1234 -s /bin/bash app\n"
        "RUN useradd -m web && usermod -u1000 -aG users web\n"
        "# expect: nothing\n",
        [],
    ),
    (
        "FROM alpine:3.19\n"
        "RUN adduser -D app\n"
        "RUN apk add --no-cache shadow && usermod -u 2000 app\n"
        "# expect: nothing\n",
        [],
    ),
    (
        "FROM debian:12-slim AS conf\n"
        "RUN echo 'deb https://nginx.org/packages/debian bookworm nginx' \\\n"
        "    > /etc/apt/sources.list.d/nginx.list \\\n"
        "    && apt-get update && apt-get install -y nginx && rm -rf /var/lib/apt/lists/*\n"
        "FROM debian:12-slim\n"
        "COPY --from=conf /etc/nginx /etc/nginx\n"
        "COPY fastcgi-php.conf /etc/nginx/snippets/fastcgi-php.conf\n"
        "# expect: nothing\n",
        [],
    ),
    (
        "FROM caddy:2.7\n"
        "RUN setcap -v cap_net_bind_service=+ep /usr/bin/caddy\n"
        "# expect: nothing\n",
        [],
    ),
    # (s46d: a plain name copied onto a file an earlier layer wrote is a file: a directory
    # there would fail the build)
    (
        "FROM debian:12-slim AS conf\n"
        "RUN apt-get update && apt-get install -y nginx && rm -rf /var/lib/apt/lists/*\n"
        "FROM debian:12-slim\n"
        "COPY --from=conf /etc/nginx /etc/nginx\n"
        "COPY default /etc/nginx/sites-available/default\n"
        "COPY proxy_params /etc/nginx/proxy_params\n"
        "# expect: 5 LG002, 6 LG002\n",
        [(5, "LG002"), (6, "LG002")],
    ),
    # (s46d: a build stage on balenalib's Alpine tag installs with apk: its nginx's files are
    # Alpine's, which a COPY --from of /etc/nginx brings)
    (
        "FROM balenalib/raspberrypi4-64-alpine:3.18 AS conf\n"
        "RUN install_packages nginx\n"
        "FROM alpine:3.18\n"
        "COPY --from=conf /etc/nginx /etc/nginx\n"
        "COPY default /etc/nginx/sites-available/default\n"
        "COPY default.conf /etc/nginx/http.d/default.conf\n"
        "# expect: 6 LG002\n",
        [(6, "LG002")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_SIXTH_REVIEW)
def test_the_reviews_of_the_forty_sixth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_SEVENTH = [
    # wget never writes over a file that is there: it saves the new download as NAME.1, so
    # the archive a later RUN unpacks is the one the ADD put there, which ships beside it
    (
        "FROM debian:12\n"
        "ADD https://example.com/d/tool-1.2.tar.xz /\n"
        "RUN wget https://example.com/d/tool-1.2.tar.xz\n"
        "RUN tar xf /tool-1.2.tar.xz\n"
        "# expect: 2 LG006\n",
        [(2, "LG006")],
    ),
    # Ubuntu's sudo before 19.10 keeps the caller's HOME: `sudo pip` by a user runs pip as root
    # with the user's home, where its owner check turns the cache off (not `sudo -H`, which
    # sets root's, nor on 20.04, whose sudo does so itself)
    (
        "FROM ubuntu:16.04\n"
        "RUN apt-get update && apt-get install -y sudo python-pip && rm -rf /var/lib/apt/lists/*\n"
        "RUN useradd -ms /bin/bash --groups sudo glue\n"
        "USER glue\n"
        'RUN /bin/bash -l -c "sudo pip install bandit"\n'
        "RUN sudo -H pip install flask\n"
        "# expect: 6 LG005\n",
        [(6, "LG005")],
    ),
    (
        "FROM ubuntu:20.04\n"
        "RUN apt-get update && apt-get install -y sudo python3-pip && rm -rf /var/lib/apt/lists/*\n"
        "RUN useradd -ms /bin/bash --groups sudo glue\n"
        "USER glue\n"
        "RUN sudo pip3 install bandit\n"
        "# expect: 5 LG005\n",
        [(5, "LG005")],
    ),
    # `rm -rf DIR/*` after a chmod -R of DIR takes no hidden name: the pip cache an earlier
    # RUN left in the home, copied up by the chmod, stays in the layer (not a visible file)
    (
        "FROM jupyter/datascience-notebook\n"
        "USER jovyan\n"
        "RUN pip install jupytext\n"
        "USER root\n"
        "RUN chmod -R 0777 /home/jovyan && rm -rf /home/jovyan/*\n"
        "# expect: 3 LG005, 5 LG004\n",
        [(3, "LG005"), (5, "LG004")],
    ),
    (
        "FROM jupyter/datascience-notebook\n"
        "COPY notes.txt /home/jovyan/notes.txt\n"
        "USER root\n"
        "RUN chmod -R 0777 /home/jovyan/notes.txt && rm -rf /home/jovyan/*\n"
        "# expect: 4 LG003\n",
        [(4, "LG003")],
    ),
    # An apt install rewrites debconf's databases in /var/cache/debconf (templates.dat,
    # config.dat): emptying /var/cache in a later RUN hides them, after the base's went before
    (
        "FROM ubuntu:20.04\n"
        "RUN rm -rf /var/cache/*\n"
        "RUN apt-get update && apt-get install -y librocksdb-dev && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm -rf /var/cache/*\n"
        "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/* /var/cache\n"
        "# expect: 2 LG003, 4 LG003\n",
        [(2, "LG003"), (4, "LG003")],
    ),
    # A chmod without -f of a file in a copied tree shows the file is there and copies it up:
    # a later `rm -f` of it hides that copy too (not a glob, nor a name a script ran before)
    (
        "FROM ubuntu:22.04\n"
        "COPY . /opt/emulator\n"
        "RUN chmod +x /opt/emulator/create-emulator.sh /opt/emulator/*.py\n"
        "RUN /opt/emulator/create-emulator.sh --device pixel\n"
        "RUN rm -f /opt/emulator/create-emulator.sh /opt/emulator/gen.py\n"
        "# expect: 3 LG004, 5 LG003\n",
        [(3, "LG004"), (5, "LG003")],
    ),
    # A mv of a home's dot-directory that no layer wrote and the known base does not hold
    # moves nothing: a chmod -R of where it went copies nothing up (not one a RUN filled)
    (
        "FROM mcr.microsoft.com/playwright:v1.62.0-noble\n"
        "USER root\n"
        "RUN mv /root/.cache/ /home/pwuser/.cache || true\n"
        "RUN chmod a+rwx -R /home/pwuser/.cache || true\n"
        "RUN pip3 install robotframework\n"
        "RUN mv /root/.cache /opt/cache && chmod -R 777 /opt/cache\n"
        "# expect: 5 LG005, 6 LG003\n",
        [(5, "LG005"), (6, "LG003")],
    ),
    # nvm's install script installs the Node.js NODE_VERSION names: a later `nvm install` of
    # that version finds it installed and fetches nothing (another version it fetches)
    (
        "FROM eclipse-temurin:17-jdk-jammy\n"
        "ENV NODE_VERSION 16.20.0\n"
        'SHELL ["/bin/bash", "--login", "-i", "-c"]\n'
        "RUN wget -qO- https://raw.githubusercontent.com/nvm-sh/nvm/v0.39.3/install.sh | bash\n"
        "RUN source /root/.bashrc && nvm install $NODE_VERSION\n"
        "RUN source /root/.bashrc && nvm install 18.20.4\n"
        "# expect: 4 LG005, 6 LG005\n",
        [(4, "LG005"), (6, "LG005")],
    ),
    # A pip install by names an earlier layer's install gave, run by the same pip, finds them
    # installed and fetches nothing; not new extras, nor another pip (pip2, then pip3)
    (
        "FROM ubuntu:24.04\n"
        "RUN pip3 install --break-system-packages 'cellpose[gui]' fschat psutil\n"
        "RUN pip3 install --break-system-packages cellpose\n"
        "RUN pip3 install --break-system-packages fschat[model_worker,webui]\n"
        "RUN pip2 install psutil\n"
        "# expect: 2 LG005, 4 LG005, 5 LG005\n",
        [(2, "LG005"), (4, "LG005"), (5, "LG005")],
    ),
    # npm ci deletes node_modules before it installs: its install stays what a later `npm
    # prune --production` removes from; npm's `r` and `un` are uninstall, and a named removal
    # from a project installed from its manifest removes what that install wrote
    (
        "FROM node:22-alpine\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm ci && npm cache clean --force\n"
        "RUN npm prune --production\n"
        "RUN npm r bcrypt\n"
        "RUN npm install --no-save bcrypt && npm cache clean --force\n"
        "# expect: 5 LG003, 6 LG003\n",
        [(5, "LG003"), (6, "LG003")],
    ),
    # No distribution package puts a file at / or in /usr itself: a removal of one after a
    # build's `make install` into /usr removes what that install wrote in the same RUN (an
    # earlier apt install's trees do not reach it)
    (
        "FROM ubuntu:20.04\n"
        "RUN apt-get update && apt-get install -y cmake g++ git && rm -rf /var/lib/apt/lists/*\n"
        "RUN git clone https://github.com/IITH-Compilers/IR2Vec.git && cd IR2Vec/build \\\n"
        "    && cmake -DCMAKE_INSTALL_PREFIX=/usr ../src && make install && cd ../.. \\\n"
        "    && rm /usr/seedEmbeddingVocab-300-llvm10.txt && rm -rf IR2Vec\n"
        "RUN rm /usr/share/doc/git/README.md\n"
        "# expect: 6 LG003\n",
        [(6, "LG003")],
    ),
    # A bundle install told where to install (--path) keeps its .gem files there: removing the
    # system gem directory's cache leaves them (not a bundle install into the system's gems)
    (
        "FROM ruby:3.3\n"
        "COPY Gemfile* /app/\n"
        "RUN bundle install --gemfile=/app/Gemfile --path=/app/vendor/bundle \\\n"
        "    && rm -rf /usr/local/lib/ruby/gems/*/cache/*.gem\n"
        "RUN bundle install --gemfile=/app/Gemfile && rm -rf /usr/local/bundle/cache/*.gem\n"
        "# expect: 3 LG005\n",
        [(3, "LG005")],
    ),
    # Elixir's mix deps.get keeps each Hex package tarball in ~/.hex/packages (HEX_HOME's);
    # not where the RUN removes it (an earlier layer's removed later is LG003), nor in an image
    # whose start command runs mix
    (
        "FROM elixir:1.16-alpine\n"
        "RUN adduser -S -h /pleroma pleroma\n"
        "USER pleroma\n"
        "WORKDIR /pleroma\n"
        "COPY --chown=pleroma mix.exs mix.lock ./\n"
        "RUN mix local.hex --force && mix local.rebar --force && mix deps.get --only prod\n"
        "RUN mix do deps.get, compile && rm -rf /pleroma/.hex/packages\n"
        "# expect: 6 LG005, 7 LG003\n",
        [(6, "LG005"), (7, "LG003")],
    ),
    (
        "FROM elixir:1.16\n"
        "WORKDIR /app\n"
        "COPY mix.exs mix.lock ./\n"
        "RUN mix deps.get\n"
        'CMD ["sh", "-c", "mix setup && mix phx.server"]\n'
        "# expect: nothing\n",
        [],
    ),
    # apt's source lists the base holds, moved aside, are a few lines of configuration (not a
    # file of weight every image holds, as php.ini-production)
    (
        "FROM ubuntu:22.04\n"
        "RUN mv /etc/apt/sources.list /etc/apt/sources.list.bak\n"
        "FROM php:8.2-fpm\n"
        "RUN mv /etc/apt/sources.list.d/debian.sources /tmp/ \\\n"
        '    && mv "$PHP_INI_DIR/php.ini-production" "$PHP_INI_DIR/php.ini"\n'
        "# expect: 4 LG003\n",
        [(4, "LG003")],
    ),
    # JBoss's images are Red Hat's family (CentOS 7, then UBI 8): /bin/sh is bash, which
    # expands `{a,b}`, and the server fills JBOSS_HOME, which a chown -R copies up
    (
        "FROM jboss/keycloak:6.0.1\n"
        "COPY themes /opt/jboss/keycloak/themes/custom\n"
        "RUN rm -rf /opt/jboss/keycloak/themes/custom/{login,email}\n"
        "USER root\n"
        "RUN chown -R 1000:0 /opt/jboss/keycloak\n"
        "# expect: 3 LG003, 5 LG004\n",
        [(3, "LG003"), (5, "LG004")],
    ),
    # linuxserver's nginx base before Alpine 3.16 kept its samples as /defaults/default and
    # /defaults/nginx.conf: a copy of the application's own writes them again
    (
        "FROM ghcr.io/linuxserver/baseimage-alpine-nginx:3.12\n"
        "COPY default /defaults/default\n"
        "COPY default.conf.sample /defaults/nginx/site-confs/default.conf.sample\n"
        "# expect: 2 LG002\n",
        [(2, "LG002")],
    ),
    (
        "FROM ghcr.io/linuxserver/baseimage-alpine-nginx:3.20\n"
        "COPY default.conf.sample /defaults/nginx/site-confs/default.conf.sample\n"
        "COPY default /defaults/default\n"
        "# expect: 2 LG002\n",
        [(2, "LG002")],
    ),
    # A bundle install of the Gemfile and lock an earlier layer's install read, copied again
    # from the same files (COPY Gemfile* then COPY . .), finds every gem there: nothing fetched
    (
        "FROM ruby:3.4\n"
        "WORKDIR /usr/src/app\n"
        "ENV BUNDLE_PATH=vendor/bundle\n"
        'COPY [ "Gemfile", "Gemfile.lock", "/usr/src/app/" ]\n'
        "RUN bundle install --jobs=4\n"
        "COPY . /usr/src/app/\n"
        "RUN bundle install && bundle exec rake assets:copy\n"
        "# expect: 5 LG005, 6 LG002\n",
        [(5, "LG005"), (6, "LG002")],
    ),
    (
        "FROM ruby:3.4\n"
        "WORKDIR /usr/src/app\n"
        "COPY Gemfile Gemfile.lock ./\n"
        "RUN bundle install\n"
        "COPY gemfiles/Gemfile.lock ./Gemfile.lock\n"
        "RUN bundle install\n"
        "# expect: 4 LG005, 5 LG002, 6 LG005\n",
        [(4, "LG005"), (5, "LG002"), (6, "LG005")],
    ),
    # A PHP extension's ini is its own package's (01-ioncube.ini is no php8.1-xdebug's), and
    # Debian's conf.d holds phpenmod's links to mods-available: removing one frees no bytes
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y php8.1-fpm php8.1-xdebug \\\n"
        "    && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm /etc/php/8.1/fpm/conf.d/20-xdebug.ini\n"
        "RUN rm /etc/php/*/fpm/conf.d/01-ioncube.ini\n"
        "RUN rm /etc/php/8.1/mods-available/xdebug.ini\n"
        "# expect: 6 LG003\n",
        [(6, "LG003")],
    ),
    # A home usermod -m moved that held only useradd's dotfiles holds only them where it went:
    # a chown -R of a directory made below it copies nothing up (a removal of a dotfile does)
    (
        "FROM ubuntu:22.04\n"
        'RUN adduser --disabled-password --gecos "" dockware && usermod -m -d /var/www dockware\n'
        "RUN mkdir -p /var/www/html && rm -rf /var/www/html/* \\\n"
        "    && chown -R www-data:www-data /var/www/html\n"
        "RUN rm /var/www/.bashrc\n"
        "# expect: 5 LG003\n",
        [(5, "LG003")],
    ),
    # (a Gemfile named by BUNDLE_GEMFILE is another Gemfile: its install fetches)
    (
        "FROM ruby:3.3\n"
        "COPY Gemfile Gemfile.lock ./\n"
        "RUN bundle install && rm -rf /usr/local/bundle/cache\n"
        "COPY Gemfile.prod Gemfile.prod.lock ./\n"
        "RUN BUNDLE_GEMFILE=Gemfile.prod bundle install\n"
        "# expect: 5 LG005\n",
        [(5, "LG005")],
    ),
    # pipenv installs into a virtual environment of its own: PEP 668, which refuses Debian
    # 12's own pip, does not stop it, and its pip keeps the cache
    (
        "FROM debian:12-slim\n"
        "RUN apt-get update && apt-get install -y python3-pip && rm -rf /var/lib/apt/lists/*\n"
        "RUN pip3 install pipenv --break-system-packages --no-cache-dir\n"
        "WORKDIR /app\n"
        "COPY Pipfile Pipfile.lock ./\n"
        "RUN pipenv sync --python 3.11\n"
        "# expect: 6 LG005\n",
        [(6, "LG005")],
    ),
    # What a local project's pip install may have built (`*.egg-info`) is named by a pattern
    # that takes it, not by one that only may meet it (`/tmp/terraform_*`)
    (
        "FROM python:3.12-slim\n"
        "COPY setup.py /tmp/\n"
        "RUN pip install --no-cache-dir --no-deps /tmp\n"
        "RUN rm -rf /tmp/terraform_*\n"
        "RUN rm -rf /tmp/*.egg-info\n"
        "# expect: 5 LG003\n",
        [(5, "LG003")],
    ),
    # bash's `[[ A =~ B ]]` with B of plain characters matches where B is found in A: a branch
    # on an ARG's default that does not hold it never runs
    (
        "FROM alpine:3.20\n"
        'ARG N="${N:-wolfi-toolbox}"\n'
        "COPY packages /tmp/packages\n"
        'RUN if [[ "${N}" =~ "dx" ]]; then rm -rf /tmp/*; fi\n'
        'RUN if [[ "${N}" =~ "toolbox" ]]; then rm -rf /tmp/*; fi\n'
        "# expect: 5 LG003\n",
        [(5, "LG003")],
    ),
    # A stage that copied a directory from another stage to the same place holds that stage's
    # files there: copying the directory out of both writes them twice
    (
        "FROM ubuntu:24.04 AS base\n"
        "FROM base AS builder1\n"
        "COPY services/ /usr/lib/cgi-bin/\n"
        "FROM base AS builder2\n"
        "COPY --from=builder1 /usr/lib/cgi-bin/ /usr/lib/cgi-bin/\n"
        "COPY more/ /usr/lib/cgi-bin/more/\n"
        "FROM base AS runtime\n"
        "COPY --from=builder1 /usr/lib/cgi-bin/ /usr/lib/cgi-bin/\n"
        "COPY --from=builder2 /usr/lib/cgi-bin/ /usr/lib/cgi-bin/\n"
        "# expect: 9 LG002\n",
        [(9, "LG002")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_SEVENTH)
def test_the_forty_seventh_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_SEVENTH_REVIEW = [
    # (s47a/095) C: chmod, run and rm -f in one RUN: the COPY's file is removed (LG003), no LG004 (
    (
        "# (s47a/095) C: chmod, run and rm -f in one RUN: the COPY's file is removed (LG003)\n"
        "FROM ubuntu:22.04\n"
        "COPY . /app\n"
        "RUN chmod +x /app/install.sh && /app/install.sh && rm -f /app/install.sh\n"
        "# expect: 4 LG003\n",
        [(4, "LG003")],
    ),
    # (s47a/117) C: chmod +x, run and plain rm in one RUN over COPY . /app (the GUIDE's own example
    (
        "# (s47a/117) C: chmod +x, run and plain rm in one RUN over COPY . /app (the GUIDE's\n"
        "FROM ubuntu:22.04\n"
        "COPY . /app\n"
        "RUN chmod +x /app/install.sh && /app/install.sh && rm /app/install.sh\n"
        "# expect: 4 LG003\n",
        [(4, "LG003")],
    ),
    # (s47a/124) C: chmod +x of a copied tool, then mv of it to /usr/local/bin in the same RUN: the
    (
        "# (s47a/124) C: chmod +x of a copied tool, then mv of it to /usr/local/bin in the s\n"
        "FROM ubuntu:22.04\n"
        "COPY . /app\n"
        "RUN chmod +x /app/bin/tool.sh && mv /app/bin/tool.sh /usr/local/bin/tool\n"
        "# expect: 4 LG003\n",
        [(4, "LG003")],
    ),
    # (s47a/044) S: useradd without -m: /home/dev does not exist, pip's owner check walks up to /ho
    (
        "# (s47a/044) S: useradd without -m: /home/dev does not exist, pip's owner check wal\n"
        "FROM ubuntu:18.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3-pip sudo && rm "
        "-rf /var/lib/apt/lists/*\n"
        "RUN useradd -s /bin/bash dev && echo 'dev ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/dev\n"
        "USER dev\n"
        "WORKDIR /tmp\n"
        "RUN sudo pip3 install flask==2.0.3\n"
        "# expect: 7 LG005\n",
        [(7, "LG005")],
    ),
    # (s47a/045) S: useradd -d /app without -m, /app made by WORKDIR as root: HOME=/app owned by ro
    (
        "# (s47a/045) S: useradd -d /app without -m, /app made by WORKDIR as root: HOME=/app\n"
        "FROM ubuntu:18.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3-pip sudo && rm "
        "-rf /var/lib/apt/lists/*\n"
        "WORKDIR /app\n"
        "RUN useradd -d /app -s /bin/bash dev && echo 'dev ALL=(ALL) NOPASSWD:ALL' > "
        "/etc/sudoers.d/dev\n"
        "COPY requirements.txt .\n"
        "USER dev\n"
        "RUN sudo pip3 install -r requirements.txt\n"
        "# expect: 8 LG005\n",
        [(8, "LG005")],
    ),
    # (s47a/004) W: wget -nc: 'already there; not retrieving' (checked with GNU wget 1.21): tar x u
    (
        "# (s47a/004) W: wget -nc: 'already there; not retrieving' (checked with GNU wget 1.\n"
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends wget ca-certificates "
        "&& rm -rf /var/lib/apt/lists/*\n"
        "WORKDIR /usr/src\n"
        "COPY redis-7.2.4.tar.gz .\n"
        "RUN wget -nc https://download.redis.io/releases/redis-7.2.4.tar.gz && tar xzf "
        "redis-7.2.4.tar.gz && rm redis-7.2.4.tar.gz\n"
        "# expect: 5 LG006, 6 LG003\n",
        [(5, "LG006"), (6, "LG003")],
    ),
    # (s47a/007) W: wget -c of the same URL the ADD fetched: the file is complete, 'nothing to do',
    (
        "# (s47a/007) W: wget -c of the same URL the ADD fetched: the file is complete, 'not\n"
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends wget ca-certificates "
        "&& rm -rf /var/lib/apt/lists/*\n"
        "ADD "
        "https://archive.apache.org/dist/tomcat/tomcat-9/v9.0.85/bin/apache-tomcat-9.0.85.tar.gz "
        "/opt/\n"
        "RUN cd /opt && wget -c "
        "https://archive.apache.org/dist/tomcat/tomcat-9/v9.0.85/bin/apache-tomcat-9.0.85.tar.gz "
        "&& tar xzf apache-tomcat-9.0.85.tar.gz\n"
        "# expect: 4 LG006\n",
        [(4, "LG006")],
    ),
    # (s47a/088) D: a dpkg -i of a COPY'd .deb between the removals (no apt, no preconfigure; the p
    (
        "# (s47a/088) D: a dpkg -i of a COPY'd .deb between the removals (no apt, no preconf\n"
        "FROM ubuntu:22.04\n"
        "RUN rm -rf /var/cache/*\n"
        "COPY dist/myagent_1.2.0_amd64.deb /tmp/\n"
        "RUN dpkg -i /tmp/myagent_1.2.0_amd64.deb && rm /tmp/myagent_1.2.0_amd64.deb\n"
        "RUN rm -rf /var/cache/*\n"
        "# expect: 3 LG003, 4 LG006, 5 LG003\n",
        [(3, "LG003"), (4, "LG006"), (5, "LG003")],
    ),
    # (s47a/053) H: rm -rf /home/app/* /home/app/.[!.]*: every dot name goes too: no LG004; LG003 f
    (
        "# (s47a/053) H: rm -rf /home/app/* /home/app/.[!.]*: every dot name goes too: no LG\n"
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf "
        "/var/lib/apt/lists/*\n"
        "RUN useradd -m -s /bin/bash app\n"
        "USER app\n"
        "RUN pip3 install --user requests==2.31.0\n"
        "USER root\n"
        "\n"
        "RUN chown -R app:app /home/app && rm -rf /home/app/* /home/app/.[!.]*\n"
        "# expect: 6 LG005, 9 LG003\n",
        [(6, "LG005"), (9, "LG003")],
    ),
    # (s47a/122) H: jupyter base without any pip: its /home/jovyan holds .jupyter config files (jup
    (
        "# (s47a/122) H: jupyter base without any pip: its /home/jovyan holds .jupyter confi\n"
        "FROM jupyter/base-notebook:python-3.10\n"
        "USER root\n"
        "RUN chmod -R 0777 /home/jovyan && rm -rf /home/jovyan/*\n"
        "USER ${NB_UID}\n"
        "# expect: 4 LG004\n",
        [(4, "LG004")],
    ),
    # (s47a/091) C: chmod -f also exits 1 on a missing file (GNU and busybox), so the RUN succeedin
    (
        "# (s47a/091) C: chmod -f also exits 1 on a missing file (GNU and busybox), so the R\n"
        "FROM ubuntu:22.04\n"
        "COPY . /opt/emu\n"
        "RUN chmod -f +x /opt/emu/create.sh && /opt/emu/create.sh\n"
        "RUN rm -f /opt/emu/create.sh\n"
        "# expect: 4 LG004, 5 LG003\n",
        [(4, "LG004"), (5, "LG003")],
    ),
    # (s47b/002) pip's cache in /root/.cache (line 3) is moved (written again) and then chowned (co
    (
        "# (s47b/002) pip's cache in /root/.cache (line 3) is moved (written again) and then\n"
        "FROM python:3.12-slim\n"
        "RUN pip install requests\n"
        "RUN useradd -m -u 1000 app\n"
        "RUN mv /root/.cache /home/app/.cache\n"
        "RUN chown -R app:app /home/app/.cache\n"
        "USER app\n"
        "# expect: 3 LG005, 5 LG003, 6 LG004\n",
        [(3, "LG005"), (5, "LG003"), (6, "LG004")],
    ),
    # (s47b/008) /root/.local came from the builder by COPY --from: the mv writes it again, the chm
    (
        "# (s47b/008) /root/.local came from the builder by COPY --from: the mv writes it ag\n"
        "FROM python:3.12 AS builder\n"
        "RUN pip install --user --no-cache-dir poetry==1.8.3\n"
        "\n"
        "FROM python:3.12-slim\n"
        "COPY --from=builder /root/.local /root/.local\n"
        "RUN mv /root/.local /opt/pylocal\n"
        "RUN chmod -R 755 /opt/pylocal\n"
        "ENV PATH=/opt/pylocal/bin:$PATH\n"
        "# expect: 7 LG003, 8 LG004\n",
        [(7, "LG003"), (8, "LG004")],
    ),
    # (s47b/064) --target /opt/deps is not on sys.path: the plain install does not see requests and
    (
        "# (s47b/064) --target /opt/deps is not on sys.path: the plain install does not see \n"
        "FROM python:3.12-slim\n"
        "RUN pip install --no-cache-dir --target /opt/deps requests\n"
        "RUN pip install requests\n"
        "# expect: 4 LG005\n",
        [(4, "LG005")],
    ),
    # (s47b/070) pyinstaller was uninstalled in the RUN that installed it: line 4 fetches it again
    (
        "# (s47b/070) pyinstaller was uninstalled in the RUN that installed it: line 4 fetch\n"
        "FROM python:3.12-slim\n"
        "RUN pip install --no-cache-dir pyinstaller && pip uninstall -y pyinstaller\n"
        "RUN pip install pyinstaller\n"
        "# expect: 4 LG005\n",
        [(4, "LG005")],
    ),
    # (s47b/073) line 3 installed flask without its dependencies (--no-deps); line 4 finds flask bu
    (
        "# (s47b/073) line 3 installed flask without its dependencies (--no-deps); line 4 fi\n"
        "FROM python:3.12-slim\n"
        "RUN pip install --no-cache-dir --no-deps flask\n"
        "RUN pip install flask\n"
        "# expect: 4 LG005\n",
        [(4, "LG005")],
    ),
    # (s47b/074) --prefix=/install puts flask under /install, not on this Python's path: line 4 fet
    (
        "# (s47b/074) --prefix=/install puts flask under /install, not on this Python's path\n"
        "FROM python:3.12-slim\n"
        "RUN pip install --no-cache-dir --prefix=/install flask\n"
        "RUN pip install flask\n"
        "# expect: 4 LG005\n",
        [(4, "LG005")],
    ),
    # (s47b/091) fairly sure: npm ci --omit=dev left dev dependencies out already, so prune --omit=
    (
        "# (s47b/091) fairly sure: npm ci --omit=dev left dev dependencies out already, so p\n"
        "FROM node:20-slim\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm ci --omit=dev && npm cache clean --force\n"
        "COPY . .\n"
        "RUN npm prune --omit=dev\n"
        'CMD ["node", "server.js"]\n'
        "# expect: 6 LG002\n",
        [(6, "LG002")],
    ),
    # (s47b/103) npm r -g removes from the global tree (/usr/local/lib/node_modules), where no laye
    (
        "# (s47b/103) npm r -g removes from the global tree (/usr/local/lib/node_modules), w\n"
        "FROM node:20-alpine\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm ci --omit=dev && npm cache clean --force\n"
        "RUN npm r -g nodemon\n"
        'CMD ["node", "index.js"]\n'
        "# expect: nothing\n",
        [],
    ),
    # (s47b/106) npm ci --only=production installed no dev dependencies: the later prune --producti
    (
        "# (s47b/106) npm ci --only=production installed no dev dependencies: the later prun\n"
        "FROM node:16-alpine\n"
        "WORKDIR /usr/src/app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm ci --only=production && npm cache clean --force\n"
        "RUN npm prune --production\n"
        'CMD ["node", "index.js"]\n'
        "# expect: nothing\n",
        [],
    ),
    # (s47b/107) a plain npm prune after npm ci: the tree npm ci made from the lockfile holds nothi
    (
        "# (s47b/107) a plain npm prune after npm ci: the tree npm ci made from the lockfile\n"
        "FROM node:20-slim\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm ci && npm cache clean --force\n"
        "RUN npm prune\n"
        'CMD ["node", "index.js"]\n'
        "# expect: nothing\n",
        [],
    ),
    # (s47b/108) NODE_ENV=production makes npm ci omit dev dependencies: the later prune --producti
    (
        "# (s47b/108) NODE_ENV=production makes npm ci omit dev dependencies: the later prun\n"
        "FROM node:20-alpine\n"
        "ENV NODE_ENV=production\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm ci && npm cache clean --force\n"
        "RUN npm prune --production\n"
        'CMD ["node", "server.js"]\n'
        "# expect: nothing\n",
        [],
    ),
    # (s47b/111) cmake's install into /usr (line 4) wrote /usr/seedEmbeddingVocab-300-llvm10.txt; a
    (
        "# (s47b/111) cmake's install into /usr (line 4) wrote /usr/seedEmbeddingVocab-300-l\n"
        "FROM ubuntu:20.04\n"
        "RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "
        "--no-install-recommends cmake g++ git ca-certificates llvm-10-dev && rm -rf "
        "/var/lib/apt/lists/*\n"
        "RUN git clone https://github.com/IITH-Compilers/IR2Vec.git /IR2Vec && cd /IR2Vec/build "
        "&& cmake -DCMAKE_INSTALL_PREFIX=/usr ../src && make install && rm -rf /IR2Vec\n"
        "RUN rm /usr/seedEmbeddingVocab-300-llvm10.txt\n"
        "# expect: 5 LG003\n",
        [(5, "LG003")],
    ),
    # (s47b/124) --deployment installs into vendor/bundle: its cache is vendor/bundle/ruby/*/cache
    (
        "# (s47b/124) --deployment installs into vendor/bundle: its cache is vendor/bundle/r\n"
        "FROM ruby:3.1\n"
        "WORKDIR /app\n"
        "COPY Gemfile Gemfile.lock ./\n"
        "RUN bundle install --deployment --without development test && rm -rf "
        "/usr/local/bundle/cache/*.gem\n"
        "# expect: 5 LG005\n",
        [(5, "LG005")],
    ),
    # (s47b/152) unsure about line 8: the second deps.get finds deps/ fetched for the same mix.lock
    (
        "# (s47b/152) unsure about line 8: the second deps.get finds deps/ fetched for the s\n"
        "FROM elixir:1.16\n"
        "WORKDIR /app\n"
        "RUN mix local.hex --force && mix local.rebar --force\n"
        "COPY mix.exs mix.lock ./\n"
        "RUN mix deps.get\n"
        "COPY . .\n"
        "RUN mix deps.get && mix compile\n"
        'CMD ["/app/_build/dev/rel/app/bin/app", "start"]\n'
        "# expect: 6 LG005, 7 LG002\n",
        [(6, "LG005"), (7, "LG002")],
    ),
    # (s47b/159) the ENTRYPOINT's path holds a directory named mix (/opt/mix/bin/server) but runs n
    (
        "# (s47b/159) the ENTRYPOINT's path holds a directory named mix (/opt/mix/bin/server\n"
        "FROM elixir:1.16\n"
        "WORKDIR /src\n"
        "RUN mix local.hex --force && mix local.rebar --force\n"
        "COPY . .\n"
        "RUN mix deps.get && mix release --path /opt/mix\n"
        'ENTRYPOINT ["/opt/mix/bin/server", "start"]\n'
        "# expect: 6 LG005\n",
        [(6, "LG005")],
    ),
    # (s47c/054) --path vendor/bundle with vendor's cache removed: nothing
    (
        "# (s47c/054) --path vendor/bundle with vendor's cache removed: nothing\n"
        "FROM ruby:2.7\n"
        "WORKDIR /app\n"
        "COPY Gemfile Gemfile.lock ./\n"
        "RUN bundle install --path vendor/bundle && rm -rf vendor/bundle/ruby/2.7.0/cache\n"
        "# expect: nothing\n",
        [],
    ),
    # (s47c/130) --deployment and rm of vendor/bundle/ruby/3.1.0/cache (the version's own cache d
    (
        "# (s47c/130) --deployment and rm of vendor/bundle/ruby/3.1.0/cache (the version's o\n"
        "FROM ruby:3.1\n"
        "WORKDIR /app\n"
        "COPY Gemfile Gemfile.lock ./\n"
        "RUN bundle install --deployment --without development test && rm -rf "
        "vendor/bundle/ruby/3.1.0/cache\n"
        "# expect: nothing\n",
        [],
    ),
    # (s47c/048) ENV BUNDLE_GEMFILE names another Gemfile for the second install: it fetches
    (
        "# (s47c/048) ENV BUNDLE_GEMFILE names another Gemfile for the second install: it fe\n"
        "FROM ruby:3.3\n"
        "WORKDIR /app\n"
        "COPY Gemfile Gemfile.lock ./\n"
        "RUN bundle install\n"
        "COPY gemfiles/ ./gemfiles/\n"
        "ENV BUNDLE_GEMFILE=/app/gemfiles/rails_7.gemfile\n"
        "RUN bundle install\n"
        "# expect: 5 LG005, 8 LG005\n",
        [(5, "LG005"), (8, "LG005")],
    ),
    # (s47c/058) mix: deps.get --only prod, COPY . ., same deps.get again: nothing fetched the se
    (
        "# (s47c/058) mix: deps.get --only prod, COPY . ., same deps.get again: nothing fetc\n"
        "FROM elixir:1.15-alpine\n"
        "RUN mix local.hex --force && mix local.rebar --force\n"
        "WORKDIR /app\n"
        "ENV MIX_ENV=prod\n"
        "COPY mix.exs mix.lock ./\n"
        "RUN mix deps.get --only prod\n"
        "COPY . .\n"
        "RUN mix deps.get --only prod && mix compile\n"
        "# expect: 7 LG005, 8 LG002\n",
        [(7, "LG005"), (8, "LG002")],
    ),
    # (s47c/061) mix do deps.get, compile after the same lock copied again: nothing fetched
    (
        "# (s47c/061) mix do deps.get, compile after the same lock copied again: nothing fet\n"
        "FROM elixir:1.14\n"
        "ENV MIX_ENV=prod\n"
        "WORKDIR /app\n"
        "RUN mix local.hex --force && mix local.rebar --force\n"
        "COPY mix.exs mix.lock ./\n"
        "RUN mix deps.get\n"
        "COPY . .\n"
        "RUN mix do deps.get, compile\n"
        "# expect: 7 LG005, 8 LG002\n",
        [(7, "LG005"), (8, "LG002")],
    ),
    # (s47c/063) mix: first deps.get --only prod, second plain deps.get fetches dev/test deps too
    (
        "# (s47c/063) mix: first deps.get --only prod, second plain deps.get fetches dev/tes\n"
        "FROM elixir:1.15\n"
        "WORKDIR /app\n"
        "RUN mix local.hex --force && mix local.rebar --force\n"
        "COPY mix.exs mix.lock ./\n"
        "RUN MIX_ENV=prod mix deps.get --only prod\n"
        "COPY . .\n"
        "RUN mix deps.get && MIX_ENV=test mix compile\n"
        "# expect: 6 LG005, 7 LG002, 8 LG005\n",
        [(6, "LG005"), (7, "LG002"), (8, "LG005")],
    ),
    # (s47c/133) usermod -m to /srv/app, then the user's pip --user install (HOME=/srv/app): chow
    (
        "# (s47c/133) usermod -m to /srv/app, then the user's pip --user install (HOME=/srv/\n"
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf "
        "/var/lib/apt/lists/*\n"
        "RUN useradd -m -s /bin/bash app && usermod -m -d /srv/app app\n"
        "USER app\n"
        "RUN pip3 install --user requests==2.31.0\n"
        "USER root\n"
        "RUN chown -R app:app /srv/app/.local\n"
        "# expect: 6 LG005, 8 LG004\n",
        [(6, "LG005"), (8, "LG004")],
    ),
    # (s47c/146) usermod -m to /srv/app, then the user's pip --user (HOME=/srv/app) leaves ~/.cac
    (
        "# (s47c/146) usermod -m to /srv/app, then the user's pip --user (HOME=/srv/app) lea\n"
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf "
        "/var/lib/apt/lists/*\n"
        "RUN useradd -m -s /bin/bash app && usermod -m -d /srv/app app\n"
        "USER app\n"
        "RUN pip3 install --user requests==2.31.0\n"
        "USER root\n"
        "RUN rm -rf /srv/app/.cache\n"
        "# expect: 6 LG005, 8 LG003\n",
        [(6, "LG005"), (8, "LG003")],
    ),
    # (s47c/101) fairly sure: pipenv install --extra-pip-args=--no-cache-dir passes the flag to i
    (
        "# (s47c/101) fairly sure: pipenv install --extra-pip-args=--no-cache-dir passes the\n"
        "FROM debian:12-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip "
        "python3-venv && rm -rf /var/lib/apt/lists/*\n"
        "RUN pip3 install --no-cache-dir --break-system-packages pipenv==2023.12.1\n"
        "WORKDIR /app\n"
        "COPY Pipfile Pipfile.lock ./\n"
        'RUN pipenv install --deploy --extra-pip-args="--no-cache-dir"\n'
        "# expect: nothing\n",
        [],
    ),
    # (s47c/067) php8.2-common's mods-available/ffi.ini and shmop.ini (php8.2-cli pulls php8.2-co
    (
        "# (s47c/067) php8.2-common's mods-available/ffi.ini and shmop.ini (php8.2-cli pulls\n"
        "FROM debian:12-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends php8.2-cli && rm -rf "
        "/var/lib/apt/lists/*\n"
        "RUN rm /etc/php/8.2/mods-available/ffi.ini /etc/php/8.2/mods-available/shmop.ini\n"
        "# expect: 4 LG003\n",
        [(4, "LG003")],
    ),
    # (s47c/128) plain rm of php8.1-mysql's mods-available/pdo_mysql.ini (the package's file, ~90
    (
        "# (s47c/128) plain rm of php8.1-mysql's mods-available/pdo_mysql.ini (the package's\n"
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends php8.1-fpm "
        "php8.1-mysql && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm /etc/php/8.1/mods-available/pdo_mysql.ini /etc/php/8.1/mods-available/mysqli.ini\n"
        "# expect: 4 LG003\n",
        [(4, "LG003")],
    ),
    # (s47c/129) php8.2-xml ships mods-available/xsl.ini, xmlreader.ini ...: rm of xsl.ini is LG0
    (
        "# (s47c/129) php8.2-xml ships mods-available/xsl.ini, xmlreader.ini ...: rm of xsl.\n"
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends php8.2-fpm php8.2-xml "
        "&& rm -rf /var/lib/apt/lists/*\n"
        "RUN rm -f /etc/php/8.2/mods-available/xsl.ini\n"
        "# expect: 4 LG003\n",
        [(4, "LG003")],
    ),
    # (s47c/045) Gemfile* then install, COPY . . then the same install: the second fetches nothin
    (
        "# (s47c/045) Gemfile* then install, COPY . . then the same install: the second fetc\n"
        "FROM ruby:3.2-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends build-essential "
        "libpq-dev && rm -rf /var/lib/apt/lists/*\n"
        "WORKDIR /app\n"
        "COPY Gemfile Gemfile.lock ./\n"
        "RUN bundle install --jobs 4 --retry 3\n"
        "COPY . .\n"
        "RUN bundle install\n"
        'CMD ["bundle", "exec", "puma", "-C", "config/puma.rb"]\n'
        "# expect: 6 LG005, 7 LG002\n",
        [(6, "LG005"), (7, "LG002")],
    ),
    # (s47c/132) first plain bundle install, the second (same Gemfile copied again) with --jobs 4
    (
        "# (s47c/132) first plain bundle install, the second (same Gemfile copied again) wit\n"
        "FROM ruby:3.3\n"
        "WORKDIR /app\n"
        "COPY Gemfile Gemfile.lock ./\n"
        "RUN bundle install\n"
        "COPY . .\n"
        "RUN bundle install --jobs 4\n"
        "# expect: 5 LG005, 6 LG002\n",
        [(5, "LG005"), (6, "LG002")],
    ),
    # (s47c/075) glob rm of a conf.d (Debian: only phpenmod's links): nothing
    (
        "# (s47c/075) glob rm of a conf.d (Debian: only phpenmod's links): nothing\n"
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends php8.2-fpm "
        "php8.2-xdebug php8.2-redis && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm -f /etc/php/8.2/fpm/conf.d/*.ini\n"
        "# expect: nothing\n",
        [],
    ),
    # (s47a/052) H: rm -rf /home/app/* /home/app/.cache: ~/.local stays copied up (LG004); ~/.cac
    (
        "# (s47a/052) H: rm -rf /home/app/* /home/app/.cache: ~/.local stays copied up (LG00\n"
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf "
        "/var/lib/apt/lists/*\n"
        "RUN useradd -m -s /bin/bash app\n"
        "USER app\n"
        "RUN pip3 install --user requests==2.31.0\n"
        "USER root\n"
        "\n"
        "RUN chown -R app:app /home/app && rm -rf /home/app/* /home/app/.cache\n"
        "# expect: 6 LG005, 9 LG003, 9 LG004\n",
        [(6, "LG005"), (9, "LG003"), (9, "LG004")],
    ),
    # (s47a/071) H: the earlier pip cache is removed in between (rm -rf ~/.cache, LG003); then ch
    (
        "# (s47a/071) H: the earlier pip cache is removed in between (rm -rf ~/.cache, LG003\n"
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf "
        "/var/lib/apt/lists/*\n"
        "RUN useradd -m -s /bin/bash app\n"
        "USER app\n"
        "RUN pip3 install --user requests==2.31.0\n"
        "USER root\n"
        "\n"
        "RUN rm -rf /home/app/.cache\n"
        "RUN chown -R app:app /home/app && rm -rf /home/app/*\n"
        "# expect: 6 LG005, 9 LG003, 10 LG004\n",
        [(6, "LG005"), (9, "LG003"), (10, "LG004")],
    ),
    # (s47c/023) fairly sure: quay.io/wildfly/wildfly is built on a Red Hat-family JDK image (cen
    (
        "# (s47c/023) fairly sure: quay.io/wildfly/wildfly is built on a Red Hat-family JDK \n"
        "FROM quay.io/wildfly/wildfly:27.0.1.Final-jdk17\n"
        "COPY target/app.war target/app-tests.war /opt/jboss/wildfly/standalone/deployments/\n"
        "RUN rm -f /opt/jboss/wildfly/standalone/deployments/app-{tests,it}.war\n"
        "# expect: 4 LG003\n",
        [(4, "LG003")],
    ),
    # (s47c/110) ENV NODE_ENV=production but npm ci --include=dev overrides it: dev deps installe
    (
        "# (s47c/110) ENV NODE_ENV=production but npm ci --include=dev overrides it: dev dep\n"
        "FROM node:20-alpine\n"
        "ENV NODE_ENV=production\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm ci --include=dev && npm cache clean --force\n"
        "COPY . .\n"
        "RUN npm run build\n"
        "RUN npm prune --omit=dev\n"
        "# expect: 7 LG002, 9 LG003\n",
        [(7, "LG002"), (9, "LG003")],
    ),
    # (s47c/111) ENV NODE_ENV=production but npm ci --production=false: dev deps installed; the p
    (
        "# (s47c/111) ENV NODE_ENV=production but npm ci --production=false: dev deps instal\n"
        "FROM node:16-alpine\n"
        "ENV NODE_ENV=production\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm ci --production=false && npm cache clean --force\n"
        "RUN npx tsc -p tsconfig.build.json || true\n"
        "RUN npm prune --production\n"
        "# expect: 8 LG003\n",
        [(8, "LG003")],
    ),
    # (s47d/031) global install then a later global uninstall
    (
        "# (s47d/031) global install then a later global uninstall\n"
        "FROM node:20-alpine\n"
        "RUN npm install -g typescript@5.3.3 && npm cache clean --force\n"
        "RUN npm uninstall -g typescript\n"
        "# expect: 4 LG003\n",
        [(4, "LG003")],
    ),
    # (s47d/034) yarn global tree: uninstall -g yarn in the SAME RUN as a reinstall? no: plain np
    (
        "# (s47d/034) yarn global tree: uninstall -g yarn in the SAME RUN as a reinstall? no\n"
        "FROM node:20-alpine\n"
        "RUN npm i -g pnpm@8.15.0 && npm cache clean --force\n"
        "WORKDIR /app\n"
        "RUN npm rm -g pnpm\n"
        "# expect: 5 LG003\n",
        [(5, "LG003")],
    ),
    # (s47d/129) scoped global install with a version, then npm uninstall -g of it
    (
        "# (s47d/129) scoped global install with a version, then npm uninstall -g of it\n"
        "FROM node:20-bookworm-slim\n"
        "RUN npm i -g @nestjs/cli@10.3.0 && npm cache clean --force\n"
        "RUN npm uninstall -g @nestjs/cli\n"
        "# expect: 4 LG003\n",
        [(4, "LG003")],
    ),
    # (s47d/101) builder2 copied builder1's dir but emptied it and wrote its own: no common file
    (
        "# (s47d/101) builder2 copied builder1's dir but emptied it and wrote its own: no co\n"
        "FROM debian:12 AS builder1\n"
        "RUN mkdir -p /usr/lib/cgi-bin && echo '#!/bin/sh' > /usr/lib/cgi-bin/a.cgi\n"
        "FROM debian:12 AS builder2\n"
        "COPY --from=builder1 /usr/lib/cgi-bin/ /usr/lib/cgi-bin/\n"
        "RUN rm -rf /usr/lib/cgi-bin/* && echo '#!/bin/sh' > /usr/lib/cgi-bin/b.cgi\n"
        "FROM debian:12-slim\n"
        "COPY --from=builder1 /usr/lib/cgi-bin/ /usr/lib/cgi-bin/\n"
        "COPY --from=builder2 /usr/lib/cgi-bin/ /usr/lib/cgi-bin/\n"
        "# expect: nothing\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_SEVENTH_REVIEW)
def test_the_reviews_of_the_forty_seventh_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_EIGHTH = [
    # a builder stage copied the context's requirements.txt by name; the last stage copies it
    # from there, then the context's directory, which holds it: written twice (not where the
    # later copy leaves it out)
    (
        "FROM ubuntu:22.04 AS builder\n"
        "WORKDIR /usr/src/app\n"
        "COPY ./requirements.txt .\n"
        "RUN pip3 wheel --no-cache-dir --wheel-dir /usr/src/app/wheels -r requirements.txt\n"
        "FROM ubuntu:22.04\n"
        "ENV APP_HOME=/home/app/web\n"
        "WORKDIR $APP_HOME\n"
        "COPY --from=builder /usr/src/app/requirements.txt .\n"
        "COPY . $APP_HOME\n"
        "# expect: 9 LG002\n",
        [(9, "LG002")],
    ),
    (
        "FROM ubuntu:22.04 AS builder\n"
        "WORKDIR /usr/src/app\n"
        "COPY ./requirements.txt .\n"
        "FROM ubuntu:22.04\n"
        "WORKDIR /home/app/web\n"
        "COPY --from=builder /usr/src/app/requirements.txt .\n"
        "COPY --exclude=requirements.txt . .\n"
        "COPY src/ /home/app/web/\n"
        "# expect: nothing\n",
        [],
    ),
    (
        "FROM ubuntu:22.04 AS builder\n"
        "WORKDIR /usr/src/app\n"
        "COPY requirements.txt entrypoint.sh ./\n"
        "RUN sed -i 's/\\r$//' entrypoint.sh\n"
        "FROM ubuntu:22.04\n"
        "COPY --from=builder /usr/src/app /srv\n"
        "COPY entrypoint.sh /srv/\n"
        "# expect: 7 LG002\n",
        [(7, "LG002")],
    ),
    # a program this RUN ran in the copied project (`npm test`) may write there, but no build
    # makes a directory of sources or tests: what the copy holds is removed (not what a build
    # makes, dist/)
    (
        "FROM node:20\n"
        "WORKDIR /code\n"
        "COPY . /code\n"
        "RUN node test/test_libpostal.js\n"
        "RUN npm test && npm run funcs && rm -rf test\n"
        "RUN npm run build && rm -rf dist\n"
        "# expect: 5 LG003\n",
        [(5, "LG003")],
    ),
    # a file copied into the directory a clone made lands inside it, on the clone's own
    # Makefile
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y git make && rm -rf /var/lib/apt/lists/*\n"
        "RUN git clone https://github.com/OpenZWave/open-zwave-control-panel.git /build/ozcp"
        " && rm -rf /build/ozcp/.git\n"
        "ADD files/ozcp/Makefile /build/ozcp\n"
        "# expect: 4 LG002\n",
        [(4, "LG002")],
    ),
    # a variable an earlier RUN's shell set is empty in a later RUN: the purge names no package
    # (not a variable the base's ENV may set, nor one this RUN sets)
    (
        "FROM debian:12\n"
        "RUN buildDeps='gcc make' && apt-get update && apt-get install -y $buildDeps"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN apt-get purge -y $buildDeps\n"
        "RUN apt-get purge -y --auto-remove $buildDeps\n"
        "RUN apt-get purge -y --auto-remove $OTHER\n"
        "RUN buildDeps='gcc' && apt-get purge -y $buildDeps\n"
        "# expect: 5 LG003, 6 LG003\n",
        [(5, "LG003"), (6, "LG003")],
    ),
    # an archive in a build's output directory, the build run in this RUN in the copied project,
    # is the build's (not one the copy brought; nor where no build ran)
    (
        "FROM openjdk:8\n"
        "COPY . workdir/\n"
        "WORKDIR workdir\n"
        "RUN ./gradlew buildDeb -x test && dpkg -i ./kayenta-web/build/distributions/*.deb\n"
        "COPY vendor/ /opt/vendor/\n"
        "RUN dpkg -i /opt/vendor/target/*.deb\n"
        "# expect: 4 LG005, 5 LG006\n",
        [(4, "LG005"), (5, "LG006")],
    ),
    # a copy of an unpacked distribution's tree, or of what its top holds, holds its files
    (
        "FROM alpine:3.19\n"
        "RUN wget https://archive.apache.org/dist/tomcat/tomcat-9/v9.0.14/bin/"
        "apache-tomcat-9.0.14.tar.gz -O /tmp/tomcat.tar.gz\n"
        "RUN cd /tmp && tar xvfz tomcat.tar.gz && cp -Rv /tmp/apache-tomcat-9.0.14/* /opt/tomcat/"
        " && rm -Rf /tmp/apache-tomcat-9.0.14 /tmp/tomcat.tar.gz\n"
        "COPY context.xml /opt/tomcat/conf/context.xml\n"
        "# expect: 3 LG003, 4 LG002\n",
        [(3, "LG003"), (4, "LG002")],
    ),
    # R code that only installs packages writes into R's library, nothing where it runs: the
    # package archive `R CMD INSTALL` reads after it is the copy's (not after a script R ran)
    (
        "FROM rocker/verse:4.4.1\n"
        "WORKDIR /home/rstudio\n"
        "COPY package /home/rstudio/package\n"
        "RUN R -e \"remotes::install_github('felix-hof/confMeta@6ce40a4', upgrade = FALSE)\""
        " && R CMD INSTALL package/out/twotrials_0.05.tar.gz\n"
        "RUN Rscript -e \"source('make.R')\" && R CMD INSTALL package/out/other_0.1.tar.gz\n"
        "# expect: 3 LG006\n",
        [(3, "LG006")],
    ),
    # a loop over plain words runs its body once for each, in turn: the directory a loop made
    # takes the wheels a later COPY puts there, which a later RUN installs (LG006)
    (
        "FROM python:3.12\n"
        "RUN for dir in /tmp/dist /runner; do mkdir -m 0775 -p $dir; chgrp -R root $dir; done\n"
        "COPY dist/*.whl /tmp/dist\n"
        "RUN ls -1 /tmp/dist/*.whl | xargs -I '{}' python3 -m pip install --no-cache-dir"
        " '{}[server]' && rm -rf /tmp/dist\n"
        "# expect: 3 LG006, 4 LG003\n",
        [(3, "LG006"), (4, "LG003")],
    ),
    # a directory named for a package the install put there is its, whatever a later layer
    # made below it: a second chown -R copies its files up again
    (
        "FROM ubuntu:14.04\n"
        "RUN apt-get update && apt-get install -y tomcat7 && rm -rf /var/lib/apt/lists/*\n"
        "RUN useradd -m xnat\n"
        "RUN chown -Rh xnat:xnat /usr/share/tomcat*\n"
        "RUN mkdir /usr/share/tomcat7/temp\n"
        "RUN chown -Rh xnat:xnat /usr/share/tomcat*\n"
        "# expect: 4 LG004, 6 LG004\n",
        [(4, "LG004"), (6, "LG004")],
    ),
    # a family of files a name starts, copied after the whole context copied to /: no directory
    # it may hold is a link, the files are written again
    (
        "FROM python:3.8.12\nCOPY . .\nCOPY requirements*.txt ./\n# expect: 3 LG002\n",
        [(3, "LG002")],
    ),
    # a distribution image's own root copied onto a base of one: every file both hold ships
    # twice (not an image of a few programs)
    (
        "FROM openjdk:8-jre-slim\n"
        "COPY --from=python:3.6-slim / /\n"
        "COPY --from=tonistiigi/xx / /\n"
        "# expect: 2 LG002\n",
        [(2, "LG002")],
    ),
    # a program the model does not read, given a name, writes there: a later RUN's rm of that
    # name hides what it wrote (not in the same RUN, nor a name not given)
    (
        "FROM python:3.13-bookworm\n"
        "WORKDIR /app\n"
        "ADD scripts/download_resources.py scripts/download_resources.py\n"
        "RUN python scripts/download_resources.py config.yml assets server_data\n"
        "RUN python scripts/download_resources.py config.yml cache && rm -rf cache\n"
        "RUN rm -rf assets other\n"
        "# expect: 6 LG003\n",
        [(6, "LG003")],
    ),
    # Bundler's --without takes every word up to the next option: a second install of the same
    # copied Gemfile finds all there and fetches nothing
    (
        "FROM ruby:2.4\n"
        "WORKDIR /var/canvas\n"
        "COPY . .\n"
        "RUN bundle install --path vendor/bundle --without=sqlite mysql\n"
        "RUN bundle install --path vendor/bundle --without=sqlite mysql\n"
        "# expect: 4 LG005\n",
        [(4, "LG005")],
    ),
    # a start command that runs the project (`mix phx.server`, `mix run`) fetches nothing: the
    # Hex tarballs deps.get kept are waste (not `mix setup`, whose alias runs deps.get)
    (
        "FROM elixir:1.9-alpine\n"
        "WORKDIR /app\n"
        "COPY mix.exs mix.lock ./\n"
        "RUN mix local.hex --force && mix deps.get\n"
        'CMD ["mix", "run", "--no-halt"]\n'
        "# expect: 4 LG005\n",
        [(4, "LG005")],
    ),
    # a program copied right into /usr/bin over the one a package named for it installed there
    # (not a name whose package makes a link, npm; nor sbin, where only some packages put theirs)
    (
        "FROM debian:13-slim\n"
        "RUN apt-get update && apt-get install -y chasquid npm caddy"
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY --from=golang:1.22 /usr/local/go/bin/gofmt /go/bin/chasquid /usr/bin/\n"
        "COPY bin/npm /usr/bin/npm\n"
        "COPY bin/caddy /usr/sbin/caddy\n"
        "# expect: 3 LG002\n",
        [(3, "LG002")],
    ),
    # s6's `down` marker of a service directory is an empty file
    (
        "FROM alpine:3.20\n"
        "COPY services.d/ /etc/services.d/\n"
        "RUN rm /etc/services.d/phpfpm/down\n"
        "RUN rm /etc/services.d/phpfpm/run\n"
        "# expect: 4 LG003\n",
        [(4, "LG003")],
    ),
    # `gem environment gemdir` prints GEM_HOME: removing its cache/ is the install's cleanup
    (
        "FROM alpine\n"
        "WORKDIR /var/cache/showoff\n"
        "RUN apk add --no-cache ruby && gem install showoff --no-document"
        " && rm -rf `gem environment gemdir`/cache\n"
        "# expect: nothing\n",
        [],
    ),
    # an apt-get install by name before any update worked on a vendor's image: it holds the
    # package lists, which a later removal hides (not on Docker's library images, which remove
    # their lists, nor after an update)
    (
        "FROM openresty/openresty:bionic\n"
        "RUN apt-get install iputils-ping -y && apt-get install git -y\n"
        "RUN rm -rf /var/lib/apt/lists/*\n"
        "# expect: 3 LG003\n",
        [(3, "LG003")],
    ),
    (
        "FROM ubuntu:18.04\n"
        "RUN apt-get install -y git\n"
        "RUN rm -rf /var/lib/apt/lists/*\n"
        "# expect: nothing\n",
        [],
    ),
    (
        "FROM nvidia/cuda:12.0-base\n"
        "RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm -rf /var/lib/apt/lists/*\n"
        "# expect: nothing\n",
        [],
    ),
    # a touch of a file every image of the base holds copies it up
    (
        "FROM node:22-alpine\n"
        "ENV CRON_PATH=/etc/crontabs\n"
        "RUN touch $CRON_PATH/root && chmod +x $CRON_PATH/root\n"
        "RUN touch /etc/crontabs/new\n"
        "# expect: 3 LG004\n",
        [(3, "LG004")],
    ),
    # `apk del` of a virtual package removes what was installed under it: a later install of
    # one of those names, removed in the same RUN, removes only its own
    (
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache --virtual .build-deps curl binutils zstd && echo hi"
        " && apk del --purge .build-deps\n"
        "RUN apk add --no-cache mksh binutils zip && zip -d x.jar a"
        " && apk del --purge binutils zip\n"
        "# expect: nothing\n",
        [],
    ),
    # a distribution's package puts no downloaded .gem file in a gem directory's cache
    (
        "FROM debian:10\n"
        "RUN apt-get update && apt-get install -y ruby-dev build-essential"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm -rf /usr/lib/ruby/gems/*/cache/*\n"
        "# expect: nothing\n",
        [],
    ),
    # a pull keeps the branch checked out: a later checkout of that branch changes nothing
    # (another version does)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n"
        "RUN git clone https://github.com/v8/v8.git /src/v8\n"
        "WORKDIR /src/v8\n"
        "RUN git checkout master\n"
        "RUN git pull\n"
        "RUN git checkout master\n"
        "RUN git checkout 11.2.1\n"
        "# expect: 8 LG003 (the pull right after the clone brings nothing new)\n",
        [(8, "LG003")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_EIGHTH)
def test_the_forty_eighth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_EIGHTH_REVIEW = [
    (
        "# (s48b/056) C Alpine 3.18: apk add jq puts /usr/bin/jq; COPY to /bin/jq (Alpine /bin is\n"
        "FROM alpine:3.18\n"
        "RUN apk add --no-cache jq curl\n"
        "COPY bin/jq /bin/jq\n",
        [],
    ),
    (
        "# (s48b/057) C Debian buster (no merged /usr in the docker image): jq package is /usr/bi\n"
        "FROM debian:buster-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends jq && rm -rf"
        " /var/lib/apt/lists/*\n"
        "COPY bin/jq /bin/jq\n",
        [],
    ),
    (
        "# (s48b/059) C haproxy's package puts /usr/sbin/haproxy: a COPY to /usr/bin/haproxy writ\n"
        "FROM debian:bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends haproxy && rm"
        " -rf /var/lib/apt/lists/*\n"
        "COPY --from=haproxytech/haproxy-debian:2.8 /usr/local/sbin/haproxy /usr/bin/haproxy\n",
        [],
    ),
    (
        "# (s48b/060) C Alpine's tini is /sbin/tini: a COPY to /usr/bin/tini writes another path\n"
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache tini\n"
        "ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini-static-amd64"
        " /usr/bin/tini\n"
        'ENTRYPOINT ["/usr/bin/tini", "--"]\n',
        [],
    ),
    (
        "# (s48b/062) C clang on Debian: /usr/bin/clang is a link to ../lib/llvm-14/bin/clang (un\n"
        "FROM debian:bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends clang && rm"
        " -rf /var/lib/apt/lists/*\n"
        "COPY --from=silkeh/clang:17 /usr/bin/clang /usr/bin/clang\n",
        [],
    ),
    (
        "# (s48b/063) C curl installed in a virtual group and removed in the same RUN: nothing le\n"
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache --virtual .fetch curl \\\n"
        " && curl -fsSL -o /usr/local/bin/gosu"
        " https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64 \\\n"
        " && chmod +x /usr/local/bin/gosu \\\n"
        " && apk del .fetch\n"
        "COPY --from=curlimages/curl:8.5.0 /usr/bin/curl /usr/bin/curl\n",
        [],
    ),
    (
        "# (s48b/064) C jq installed and purged in the same RUN: no /usr/bin/jq left\n"
        "FROM debian:bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends jq \\\n"
        " && jq --version \\\n"
        " && apt-get purge -y --auto-remove jq && rm -rf /var/lib/apt/lists/*\n"
        "COPY bin/jq /usr/bin/jq\n",
        [],
    ),
    (
        "# (s48b/079) C Alpine bash lives in /bin/bash: a COPY to /usr/bin/bash writes another pa\n"
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache bash\n"
        "COPY bin/bash-static /usr/bin/bash\n",
        [],
    ),
    (
        "# (s48d/006) devtools::build writes the tarball it builds into dist/: R CMD INSTALL read\n"
        "FROM rocker/verse:4.3.2\n"
        "WORKDIR /src\n"
        "COPY . /src\n"
        "RUN R -e \"devtools::build('mypkg', path = 'dist')\" && R CMD INSTALL"
        " dist/mypkg_1.0.tar.gz\n",
        [],
    ),
    (
        "# (s48d/023) --with docs (optional group) twice, same files: second fetches nothing\n"
        "FROM ruby:3.2\n"
        "WORKDIR /site\n"
        "COPY Gemfile Gemfile.lock ./\n"
        "RUN bundle install --with docs\n"
        "RUN bundle install --with docs\n",
        [(5, "LG005")],
    ),
    (
        "# (s48d/025) a later install --with development fetches that group's gems: LG005 on both\n"
        "FROM ruby:2.7\n"
        "WORKDIR /app\n"
        "COPY Gemfile Gemfile.lock ./\n"
        "RUN bundle install --without development test\n"
        "RUN bundle install --with development\n",
        [(5, "LG005"), (6, "LG005")],
    ),
    (
        "# (s48d/037) --user-install as a user: the .gem files go to ~/.local/share/gem or ~/.gem\n"
        "FROM ruby:3.2-slim\n"
        "RUN useradd -m app\n"
        "USER app\n"
        "RUN gem install --user-install --no-document jekyll && rm -rf $(gem env gemdir)/cache\n",
        [(5, "LG005")],
    ),
    (
        "# (s48d/068) mkdir -p /opt/tomcat first, then cp -R of the top dir INTO it: /opt/tomcat/\n"
        "FROM eclipse-temurin:11-jre\n"
        "RUN cd /tmp && curl -fsSLO"
        " https://archive.apache.org/dist/tomcat/tomcat-9/v9.0.85/bin/apache-tomcat-9.0.8"
        "5.tar.gz \\\n"
        " && tar xzf apache-tomcat-9.0.85.tar.gz && mkdir -p /opt/tomcat && cp -R"
        " /tmp/apache-tomcat-9.0.85 /opt/tomcat \\\n"
        " && rm -rf /tmp/apache-tomcat-9.0.85 /tmp/apache-tomcat-9.0.85.tar.gz\n"
        "COPY tomcat-users.xml /opt/tomcat/conf/\n",
        [],
    ),
    (
        "# (s48d/114) WORKDIR /opt/tomcat made the directory, so cp -R of the top dir lands in /o\n"
        "FROM eclipse-temurin:11-jre\n"
        "WORKDIR /opt/tomcat\n"
        "RUN cd /tmp && curl -fsSLO"
        " https://archive.apache.org/dist/tomcat/tomcat-9/v9.0.85/bin/apache-tomcat-9.0.8"
        "5.tar.gz \\\n"
        " && tar xzf apache-tomcat-9.0.85.tar.gz && cp -R /tmp/apache-tomcat-9.0.85"
        " /opt/tomcat \\\n"
        " && rm -rf /tmp/apache-tomcat-9.0.85 /tmp/apache-tomcat-9.0.85.tar.gz\n"
        "COPY tomcat-users.xml /opt/tomcat/conf/\n",
        [],
    ),
    (
        "# (s48d/097) /opt/tomcat9 made by the build (the package puts nothing in /opt): mkdir, c\n"
        "FROM ubuntu:20.04\n"
        "RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y tomcat9"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN mkdir -p /opt/tomcat9/logs\n"
        "RUN chown -R tomcat /opt/tomcat9\n",
        [],
    ),
    (
        "# (s48d/104) UNSURE: a project's helper script service/bin/down (not an s6 marker) remov\n"
        "FROM node:20-slim\n"
        "WORKDIR /app\n"
        "COPY . /app\n"
        "RUN rm /app/service/bin/down\n",
        [(5, "LG003")],
    ),
    (
        "# (s48c/016) balenalib raspberrypi4-64 is aarch64: it carries qemu-aarch64-static, not q\n"
        "FROM balenalib/raspberrypi4-64-debian:bullseye\n"
        "COPY qemu-arm-static /usr/bin/qemu-arm-static\n"
        "RUN install_packages i2c-tools\n",
        [],
    ),
    (
        "# (s48c/017) balenalib raspberrypi3-64 is aarch64 too: no qemu-arm-static to write again\n"
        "FROM balenalib/raspberrypi3-64-debian-python:3.9-bullseye\n"
        "COPY qemu-arm-static /usr/bin/\n"
        "RUN pip install --no-cache-dir RPi.GPIO\n",
        [],
    ),
    (
        "# (s48c/104) balenalib raspberrypi5 images are aarch64 only (no -64 in the name): no qem\n"
        "FROM balenalib/raspberrypi5-debian:bookworm\n"
        "COPY qemu-arm-static /usr/bin/qemu-arm-static\n"
        "RUN install_packages python3-gpiozero\n",
        [],
    ),
    (
        "# (s48c/078) chown -R of /usr/local/cuda, a symlink to cuda-12.2: GNU chown -R (-P) chan\n"
        "FROM nvidia/cuda:12.2.0-runtime-ubuntu22.04\n"
        "RUN useradd -m -u 1000 app && chown -R 1000:1000 /usr/local/cuda\n"
        "USER app\n",
        [],
    ),
    (
        "# (s48c/105) nvidia/cuda: rm of /usr/local/cuda removes only the link (then points it el\n"
        "FROM nvidia/cuda:11.8.0-devel-ubuntu22.04\n"
        "RUN rm -rf /usr/local/cuda && ln -s /usr/local/cuda-11.8 /usr/local/cuda\n",
        [],
    ),
    (
        "# (s48c/111) vendor image (dotnet runtime-deps already holds ca-certificates and tzdata)\n"
        "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n"
        "RUN apt-get install -y --no-install-recommends ca-certificates tzdata && rm -rf"
        " /var/lib/apt/lists/*\n",
        [],
    ),
    (
        "# (s48c/119) vendor image: the install may fail harmlessly (`|| true`): nothing proves t\n"
        "FROM acme/python-base:3.10\n"
        "RUN apt-get install -y --no-install-recommends procps || true\n"
        "RUN rm -rf /var/lib/apt/lists/*\n",
        [],
    ),
    (
        "# (s48c/098) alpine: crontab removed in an earlier RUN (a config file: no LG003), touch \n"
        "FROM alpine:3.18\n"
        "RUN rm /etc/crontabs/root\n"
        "RUN touch /etc/crontabs/root\n",
        [],
    ),
    (
        "# (s48c/116) alpine: crontab removed and a new empty one made in the same RUN\n"
        "FROM alpine:3.18\n"
        "RUN rm -f /etc/crontabs/root && touch /etc/crontabs/root\n",
        [],
    ),
    (
        "# (s48c/118) alpine: crontab moved away in an earlier RUN (LG003 there), then touch make\n"
        "FROM alpine:3.18\n"
        "RUN mv /etc/crontabs/root /etc/crontabs/root.orig\n"
        "RUN touch /etc/crontabs/root\n",
        [(3, "LG003")],
    ),
    (
        "# (s48a/049) inner for after `then` in an unrolled outer loop: the if's guard must not l\n"
        "FROM python:3.12-slim\n"
        "RUN useradd -r -u 1001 app\n"
        "COPY plugins/ /opt/plugins/\n"
        "RUN for p in auth metrics; do if [ -f /opt/plugins/$p/setup.cfg ]; then for f"
        " in setup.cfg README.md; do sed -i 's/^#//' /opt/plugins/$p/$f; done; fi; done"
        " && chown -R app:app /usr/local/lib/python3.12/site-packages\n",
        [(5, "LG004")],
    ),
    (
        "# (s48a/094) an archive COPY'd by name into dist/; make runs; tar of that exact file; rm\n"
        "FROM debian:bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends make && rm -rf"
        " /var/lib/apt/lists/*\n"
        "WORKDIR /opt/app\n"
        "COPY Makefile ./\n"
        "COPY dist/app-1.0.tar.gz ./dist/\n"
        "RUN make configure && tar -xzf dist/app-1.0.tar.gz -C /opt/app"
        " && rm dist/app-1.0.tar.gz\n",
        [(6, "LG006"), (7, "LG003")],
    ),
    (
        "# (s48a/104) npm run build writes dist/; then unzip of a zip COPY'd by name into dist/ B\n"
        "FROM node:20-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends unzip && rm"
        " -rf /var/lib/apt/lists/*\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "COPY assets/fonts.zip dist/fonts.zip\n"
        "RUN npm ci && npm run build && npm cache clean --force && unzip -q"
        " dist/fonts.zip -d dist/fonts\n",
        [(6, "LG006")],
    ),
    (
        "# (s48a/098) python (a builder in the list) runs a check script; pip install of COPY'd d\n"
        "FROM python:3.11-slim\n"
        "WORKDIR /app\n"
        "COPY dist/ ./dist/\n"
        "COPY scripts/ ./scripts/\n"
        "RUN python scripts/check_python.py && pip install --no-cache-dir dist/*.whl\n",
        [(4, "LG006")],
    ),
    (
        "# (s48a/110) the variable is kept in a file an earlier RUN wrote, which the purging RUN \n"
        "FROM debian:bookworm-slim\n"
        "RUN echo 'buildDeps=\"gcc make libc6-dev\"' > /etc/build-deps && ."
        " /etc/build-deps && apt-get update && apt-get install -y"
        " --no-install-recommends $buildDeps && rm -rf /var/lib/apt/lists/*\n"
        "COPY src/ /usr/src/app/\n"
        "RUN make -C /usr/src/app install\n"
        "RUN . /etc/build-deps && apt-get purge -y --auto-remove $buildDeps\n",
        [(6, "LG003")],
    ),
    (
        "# (s48a/116) php base ENV PHPIZE_DEPS re-assigned (extended) in an earlier RUN: in the l\n"
        "FROM php:8.2-cli\n"
        'RUN PHPIZE_DEPS="$PHPIZE_DEPS libssl-dev" && apt-get update && apt-get install'
        " -y --no-install-recommends $PHPIZE_DEPS && pecl install mongodb &&"
        " docker-php-ext-enable mongodb && rm -rf /var/lib/apt/lists/* /tmp/pear\n"
        "RUN apt-get purge -y --auto-remove $PHPIZE_DEPS\n",
        [(4, "LG003")],
    ),
    (
        "# (s48a/050) a validator given the vendor base's config file by name (reads it); a later\n"
        "FROM mycorp/app-base:2.3\n"
        "RUN /opt/app/bin/validate-config /etc/app/config.yml\n"
        "RUN rm -f /etc/app/config.yml && ln -s /run/secrets/app-config /etc/app/config.yml\n",
        [],
    ),
    (
        "# (s48a/056) program writes into a cache mount by name; a later RUN removes that path (t\n"
        "FROM python:3.11-slim\n"
        "WORKDIR /app\n"
        "COPY fetch_weights.py .\n"
        "RUN --mount=type=cache,target=/cache python fetch_weights.py /cache/hf && cp -r"
        " /cache/hf /app/weights\n"
        "RUN rm -rf /cache/hf\n",
        [],
    ),
    (
        "# (s48a/057) program writes into a tmpfs mount by name; later rm of that path\n"
        "FROM debian:bookworm-slim\n"
        "COPY build.sh /usr/local/bin/\n"
        "RUN --mount=type=tmpfs,target=/scratch build.sh /scratch/out && cp"
        " /scratch/out/app /usr/local/bin/app\n"
        "RUN rm -rf /scratch/out\n",
        [],
    ),
    (
        "# (s48a/072) a bind-mounted script given to Rscript; a later stray rm of the mount path \n"
        "FROM r-base:4.3.2\n"
        "RUN --mount=type=bind,source=install.R,target=/tmp/install.R Rscript /tmp/install.R\n"
        "RUN rm -f /tmp/install.R\n",
        [],
    ),
    (
        "# (s48a/069) a link made to /data, the program writes through it; a later rm -rf removes\n"
        "FROM debian:bookworm-slim\n"
        "COPY init-data.sh /usr/local/bin/\n"
        "RUN mkdir -p /data /app && ln -s /data /app/data\n"
        "RUN cd /app && init-data.sh data\n"
        "RUN rm -rf /app/data && ln -s /mnt/data /app/data\n",
        [],
    ),
    (
        "# (s48e/016) A fairly sure: Debian's gosu package installs /usr/sbin/gosu, so COPY to /u\n"
        "FROM debian:bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf"
        " /var/lib/apt/lists/*\n"
        "COPY --from=tianon/gosu:1.17 /gosu /usr/bin/gosu\n",
        [],
    ),
    (
        "# (s48e/022) B the install may fail (`|| echo ...`): nothing proves the base kept lists\n"
        "FROM acme/python-base:3.10\n"
        'RUN apt-get install -y --no-install-recommends procps || echo "procps not installed"\n'
        "RUN rm -rf /var/lib/apt/lists/*\n",
        [],
    ),
    (
        "# (s48e/046) F the COPY put dist/fonts.zip by name; unzip of dist/*.zip after the build \n"
        "FROM node:20-slim\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "COPY assets/fonts.zip dist/\n"
        "RUN npm ci && npm run build && npm cache clean --force && unzip -o 'dist/*.zip'"
        " -d public/\n",
        [(5, "LG006")],
    ),
    (
        "# (s48e/063) J the same install with its options in another order: the second fetches no\n"
        "FROM ruby:3.2\n"
        "WORKDIR /site\n"
        "COPY Gemfile Gemfile.lock ./\n"
        "RUN bundle install --jobs 4 --with docs\n"
        "RUN bundle install --with docs --jobs 4\n",
        [(5, "LG005")],
    ),
    (
        "# (s48e/079) O balena's CM4 IO board images are aarch64 (no -64 in the name): no qemu-ar\n"
        "FROM balenalib/raspberrypicm4-ioboard-debian:bullseye\n"
        "COPY qemu-arm-static /usr/bin/qemu-arm-static\n"
        "RUN install_packages i2c-tools\n",
        [],
    ),
    (
        "# (s48e/004) A Debian's tor package installs /usr/bin/tor (its sbin has only tor-instanc\n"
        "FROM debian:bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends tor && rm -rf"
        " /var/lib/apt/lists/*\n"
        "COPY build/tor /usr/bin/tor\n",
        [(4, "LG002")],
    ),
    (
        "# (s48e/012) A Alpine's curl package installs /usr/bin/curl (not /bin): the COPY writes \n"
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache curl ca-certificates\n"
        "COPY --from=curlimages/curl:8.5.0 /usr/bin/curl /usr/bin/curl\n",
        [(4, "LG002")],
    ),
    (
        "# (s48e/020) B `groupadd ... || true && apt-get install` is `(groupadd || true) && insta\n"
        "FROM acme/python-base:3.10\n"
        "RUN groupadd -r app || true && apt-get install -y --no-install-recommends"
        " procps && rm -rf /var/lib/apt/lists/*\n",
        [(3, "LG003")],
    ),
    (
        "# (s48e/021) B the `|| true` guards only the check in the subshell, not the install\n"
        "FROM acme/ml-runtime:2.1\n"
        "RUN apt-get install -y --no-install-recommends libgomp1 && rm -rf"
        " /var/lib/apt/lists/* && (ldconfig -p | grep -q libgomp || true)\n",
        [(3, "LG003")],
    ),
    (
        "# (s48e/023) B the first install is of a package images hold (no lists needed), the seco\n"
        "FROM acme/node-base:18\n"
        "RUN apt-get install -y --no-install-recommends ca-certificates\n"
        "RUN apt-get install -y --no-install-recommends git openssh-client && rm -rf"
        " /var/lib/apt/lists/*\n",
        [(4, "LG003")],
    ),
    (
        "# (s48e/049) G BUILD_DEPS is a shell variable of line 3 only (no ENV, debian sets none):\n"
        "FROM debian:bookworm-slim\n"
        'RUN BUILD_DEPS="gcc libc6-dev make" && apt-get update && apt-get install -y'
        " --no-install-recommends $BUILD_DEPS && rm -rf /var/lib/apt/lists/*\n"
        "COPY src/ /usr/src/app/\n"
        "RUN make -C /usr/src/app install\n"
        "RUN apt-get purge -y --auto-remove $BUILD_DEPS\n",
        [],
    ),
    (
        "# (s48e/050) G sourcing /etc/os-release does not set buildDeps (line 3's shell variable)\n"
        "FROM debian:bookworm-slim\n"
        'RUN buildDeps="gcc libc6-dev make" && apt-get update && apt-get install -y'
        " --no-install-recommends $buildDeps && rm -rf /var/lib/apt/lists/*\n"
        "COPY src/ /usr/src/app/\n"
        "RUN make -C /usr/src/app install\n"
        'RUN . /etc/os-release && echo "built on $VERSION_CODENAME" > /etc/build-info &&'
        " apt-get purge -y --auto-remove $buildDeps\n",
        [],
    ),
    (
        "# (s48e/051) G `pip install . &&` is no `. file` source: buildDeps (line 3's) is empty i\n"
        "FROM python:3.11-slim\n"
        'RUN buildDeps="gcc libpq-dev" && apt-get update && apt-get install -y'
        " --no-install-recommends $buildDeps && rm -rf /var/lib/apt/lists/*\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN pip install --no-cache-dir . && apt-get purge -y --auto-remove $buildDeps\n",
        [],
    ),
    (
        "# (s48e/070) L /opt/tomcat does not exist on eclipse-temurin: cp -R makes it the distrib\n"
        "FROM eclipse-temurin:11-jre\n"
        "RUN cd /tmp && curl -fsSLO"
        " https://archive.apache.org/dist/tomcat/tomcat-9/v9.0.85/bin/apache-tomcat-9.0.8"
        "5.tar.gz \\\n"
        " && tar xzf apache-tomcat-9.0.85.tar.gz && cp -R /tmp/apache-tomcat-9.0.85"
        " /opt/tomcat \\\n"
        " && rm -rf /tmp/apache-tomcat-9.0.85 /tmp/apache-tomcat-9.0.85.tar.gz\n"
        "COPY tomcat-users.xml /opt/tomcat/conf/\n",
        [(6, "LG002")],
    ),
    (
        "# (s48e/071) L cp -R into /opt (standard): the distribution's conf/server.xml is at /opt\n"
        "FROM eclipse-temurin:11-jre\n"
        "RUN cd /tmp && curl -fsSLO"
        " https://archive.apache.org/dist/tomcat/tomcat-9/v9.0.85/bin/apache-tomcat-9.0.8"
        "5.tar.gz \\\n"
        " && tar xzf apache-tomcat-9.0.85.tar.gz && cp -R apache-tomcat-9.0.85 /opt/ \\\n"
        " && rm -rf /tmp/apache-tomcat-9.0.85*\n"
        "COPY server.xml /opt/apache-tomcat-9.0.85/conf/server.xml\n",
        [(6, "LG002")],
    ),
    (
        "# (s48f/028) npm install -g . of a copied project on node:18 (npm 10): a symlink only, i\n"
        "FROM node:18\n"
        "COPY . /opt/app\n"
        "WORKDIR /opt/app\n"
        "RUN npm install -g .\n"
        'ENTRYPOINT ["mycli"]\n',
        [],
    ),
    (
        "# (s48f/034) npm install -g --prefix /usr/local . on node:20 (npm 10): a symlink only, n\n"
        "FROM node:20-bookworm-slim\n"
        "WORKDIR /srv/tool\n"
        "COPY . .\n"
        "RUN npm install -g --prefix /usr/local .\n",
        [],
    ),
    (
        "# (s48f/041) npm install --global /opt/cli on node:18-alpine (npm 10): a symlink only, n\n"
        "FROM node:18-alpine\n"
        "COPY tools/cli /opt/cli\n"
        "RUN npm install --global /opt/cli\n",
        [],
    ),
    (
        "# (s48f/031) COPY web/ writes web's package.json again (LG002); npm install -g . of /opt\n"
        "FROM node:20\n"
        "WORKDIR /app/web\n"
        "COPY web/package.json web/package-lock.json ./\n"
        "RUN npm ci && npm cache clean --force\n"
        "COPY web/ ./\n"
        "RUN npm run build\n"
        "WORKDIR /opt/cli\n"
        "COPY cli/ ./\n"
        "RUN npm install -g .\n",
        [(6, "LG002")],
    ),
    (
        "# (s48f/083) yarn (cache cleaned) filled node_modules; npm install -g . of the project t\n"
        "FROM node:18\n"
        "WORKDIR /opt/mycli\n"
        "COPY . .\n"
        "RUN yarn install --frozen-lockfile && yarn cache clean\n"
        "RUN npm install -g .\n",
        [],
    ),
    (
        "# (s48f/030) npm ci (cache cleaned) filled node_modules; COPY . . adds the sources (does\n"
        "FROM node:20-alpine\n"
        "WORKDIR /usr/src/app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm ci && npm cache clean --force\n"
        "COPY . .\n"
        "RUN npm install -g .\n"
        'ENTRYPOINT ["mycli"]\n',
        [(6, "LG002")],
    ),
    (
        "# (s48f/042) npm install keeps ~/.npm (LG005); COPY . . writes package.json again (LG002\n"
        "FROM node:16\n"
        "WORKDIR /home/node/app\n"
        "COPY package*.json ./\n"
        "RUN npm install\n"
        "COPY . .\n"
        "RUN npm i -g .\n",
        [(5, "LG005"), (6, "LG002")],
    ),
    (
        "# (s48f/003) yarn: first cleaned its cache; second adds --production: integrity flags di\n"
        "FROM node:20\n"
        "WORKDIR /usr/src/app\n"
        "COPY package.json yarn.lock ./\n"
        "RUN yarn install --frozen-lockfile && yarn cache clean\n"
        "COPY . .\n"
        "RUN yarn build && yarn install --production --frozen-lockfile\n",
        [(6, "LG002"), (7, "LG005")],
    ),
    (
        "# (s48f/010) yarn: first cleaned the cache; a later RUN removed node_modules (LG003); th\n"
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY package.json yarn.lock ./\n"
        "RUN yarn install --frozen-lockfile && yarn cache clean\n"
        "COPY . .\n"
        "RUN yarn build && rm -rf node_modules\n"
        "RUN yarn install --frozen-lockfile\n",
        [(6, "LG002"), (7, "LG003"), (8, "LG005")],
    ),
    (
        "# (s48f/013) yarn workspaces: the first install saw only packages/api's manifest; COPY .\n"
        "FROM node:20\n"
        "WORKDIR /repo\n"
        "COPY package.json yarn.lock ./\n"
        "COPY packages/api/package.json packages/api/\n"
        "RUN yarn install\n"
        "COPY . .\n"
        "RUN yarn install && yarn workspace web build\n",
        [(6, "LG005"), (7, "LG002"), (8, "LG005")],
    ),
    (
        "# (s48f/008) yarn: package.json/yarn.lock copied again from another stage (a generated m\n"
        "FROM node:20 AS src\n"
        "WORKDIR /src\n"
        "COPY . .\n"
        "RUN node scripts/gen-package.js\n"
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY package.json yarn.lock ./\n"
        "RUN yarn install --frozen-lockfile && yarn cache clean\n"
        "COPY --from=src /src/package.json /src/yarn.lock ./\n"
        "RUN yarn install --frozen-lockfile\n",
        [(10, "LG002"), (11, "LG005")],
    ),
    (
        "# (s48f/016) the image's own Go project copied into WORKDIR /tmp/build and built by make\n"
        "FROM golang:1.22\n"
        "WORKDIR /tmp/build\n"
        "COPY . .\n"
        "RUN make build && cp bin/server /usr/local/bin/server\n"
        'CMD ["server"]\n',
        [(5, "LG005")],
    ),
    (
        "# (s48f/018) the image's Go project copied to /var/tmp/src and built with make (single s\n"
        "FROM golang:1.20-alpine\n"
        "WORKDIR /var/tmp/src\n"
        "COPY . .\n"
        "RUN apk add --no-cache make git && make && mv ./bin/app /usr/local/bin/app\n"
        'ENTRYPOINT ["app"]\n',
        [(5, "LG005")],
    ),
    (
        "# (s48f/024) ubuntu with Go from apt (1.18, has both caches) and GOPATH set: the image's\n"
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends golang-go make"
        " git ca-certificates && rm -rf /var/lib/apt/lists/*\n"
        "ENV GOPATH=/root/go\n"
        "WORKDIR /tmp/app\n"
        "COPY . .\n"
        "RUN make install\n",
        [(7, "LG005")],
    ),
    (
        "# (s48f/017) a Go project (delve, whose Makefile runs go build/install) cloned into /tmp\n"
        "FROM golang:1.21\n"
        "WORKDIR /tmp/delve\n"
        "RUN git clone --depth 1 -b v1.22.0 https://github.com/go-delve/delve.git . &&"
        " make install\n"
        'CMD ["dlv", "version"]\n',
        [(4, "LG005")],
    ),
    (
        "# (s48f/061) Alpine: gem install as root goes to /usr/lib/ruby/gems/3.2.0 (Alpine does n\n"
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache ruby && gem install bundler -v 2.4.22 --no-document\n"
        "RUN rm -rf /usr/lib/ruby/gems/*/cache\n",
        [(3, "LG005"), (4, "LG003")],
    ),
    (
        "# (s48f/080) Alpine: gem install in its own RUN puts bundler's .gem in /usr/lib/ruby/gem\n"
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache ruby\n"
        "WORKDIR /app\n"
        "RUN gem install bundler -v 2.4.22 --no-document\n"
        "RUN rm -rf /usr/lib/ruby/gems/*/cache\n",
        [(5, "LG005"), (6, "LG003")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_EIGHTH_REVIEW)
def test_the_reviews_of_the_forty_eighth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


def test_ansible_builder_s_own_install_script_is_known_not_read(lint_files: Lint) -> None:
    """ansible-builder's generated Containerfile copies its scripts from the context's _build/;
    install-from-bindep pip-installs /output/wheels with that directory as pip's cache, which,
    read as a script, would make the wheels look like this RUN's own cache: it is the known
    helper, and the copied wheels ship under the whiteout."""
    files = {
        "_build/scripts/install-from-bindep": "#!/bin/bash\n"
        "pip install --cache-dir=/output/wheels -r /output/requirements.txt\n"
        "pip install --cache-dir=/output/wheels /output/wheels/*.whl\n",
        "_build/scripts/assemble": "#!/bin/bash\nmkdir -p /output/wheels\n"
        "pip install --cache-dir=/output/wheels -r /tmp/src/requirements.txt\n",
        "Dockerfile": "FROM quay.io/ansible/awx-ee:latest AS base\n"
        "COPY _build/scripts/ /output/scripts/\n"
        "FROM base AS builder\n"
        "RUN /output/scripts/assemble\n"
        "FROM base AS final\n"
        "COPY --from=builder /output/ /output/\n"
        "RUN /output/scripts/install-from-bindep && rm -rf /output/wheels\n",
    }
    found = [(f.line, f.rule) for f in lint_files(files) if f.rule in ("LG003", "LG006")]
    assert found == [(6, "LG006"), (7, "LG003")]


# The Remix stacks' Dockerfile, up to the copies of the final stage: node_modules installed once
# (deps), pruned in one stage and Prisma's client generated in another
_REMIX_STACK = (
    "FROM node:22-bookworm-slim AS base\n"
    "FROM base AS deps\n"
    "WORKDIR /myapp\n"
    "ADD package.json package-lock.json ./\n"
    "RUN npm ci --include=dev\n"
    "FROM base AS production-deps\n"
    "WORKDIR /myapp\n"
    "COPY --from=deps /myapp/node_modules /myapp/node_modules\n"
    "ADD package.json package-lock.json ./\n"
    "RUN npm prune --omit=dev\n"
    "FROM base AS build\n"
    "WORKDIR /myapp\n"
    "COPY --from=deps /myapp/node_modules /myapp/node_modules\n"
    "ADD prisma .\n"
    "RUN npx prisma generate\n"
    "FROM base\n"
    "WORKDIR /myapp\n"
    "COPY --from=production-deps /myapp/node_modules /myapp/node_modules\n"
)


_FORTY_NINTH = [
    # installer media an ADD unpacked into the directory the product installs into: the RUN
    # after the install removes the installer with the payload beside it, not the directory
    (
        "FROM centos:7\n"
        "ADD iif.14.10.fc1.tar /opt/ibm/informix/\n"
        "RUN /opt/ibm/informix/ids_install -i silent -f /tmp/bundle.properties\n"
        "RUN rm -rf /opt/ibm/informix/ids_install /opt/ibm/informix/CSDK"
        " /opt/ibm/informix/SERVER\n",
        [(2, "LG006"), (4, "LG003")],
    ),
    (
        "FROM centos:7\n"
        "ADD tools.tar /opt/tools/\n"
        "RUN /opt/tools/install-deps\n"
        "RUN rm -rf /opt/tools/install-deps /opt/tools/README\n",
        [(4, "LG003")],
    ),
    # fix-permissions of a directory inside a tree of names not known (what a tarball piped to
    # tar unpacked) fixes what lies below it: the next RUN's fix-permissions there changes
    # only what that RUN wrote
    (
        "FROM jupyter/base-notebook\n"
        "USER root\n"
        "RUN cd /opt\\\n"
        '    && curl -L "https://github.com/gibiansky/IHaskell/tarball/$COMMIT" | tar xzf -\\\n'
        "    && mv *IHaskell* IHaskell\\\n"
        '    && curl -L "https://github.com/DougBurke/hvega/tarball/$HVEGA" | tar xzf -\\\n'
        "    && mv *hvega* hvega\\\n"
        "    && fix-permissions /opt/IHaskell\n"
        "RUN stack build ihaskell && fix-permissions /opt/IHaskell\n"
        "RUN fix-permissions /opt\n",
        [(9, "LG005"), (10, "LG004")],
    ),
    # rpm's --justdb takes a package out of the database and leaves its files
    (
        "FROM centos:7\n"
        "RUN yum install -y wget && yum clean all\n"
        "RUN rpm -e --nodeps --justdb wget\n"
        "RUN rpm -e --nodeps wget\n",
        [(4, "LG003")],
    ),
    # a conda installer by its released name, answered through a pipe rather than run with
    # -b, installs (into ~/miniconda3) and keeps pkgs/; a project's own script is not one
    (
        "FROM ubuntu:22.04\n"
        "RUN conda_installer=Miniconda3-py38_4.9.2-Linux-x86_64.sh &&\\\n"
        "    wget -q https://repo.anaconda.com/miniconda/${conda_installer} &&\\\n"
        '    (echo; echo "yes") | sh "${conda_installer}"\n',
        [(2, "LG005")],
    ),
    (
        "FROM ubuntu:22.04\nCOPY install-miniconda.sh /tmp/\nRUN sh /tmp/install-miniconda.sh\n",
        [],
    ),
    # `ros2 pkg create` writes a package's manifest, build file and node from templates, which
    # a COPY of the real ones writes again (its --dependencies take the words up to the next
    # option; the package is the word left)
    (
        "FROM ros:humble\nWORKDIR /ws\n"
        "RUN . /opt/ros/humble/setup.sh && ros2 pkg create --build-type ament_cmake"
        " --destination-directory src --dependencies rclcpp moveit_core"
        " --node-name mtc_node mtc_tutorial\n"
        "COPY src/mtc_node.cpp src/mtc_tutorial/src/mtc_node.cpp\n"
        "COPY README.md src/mtc_tutorial/\n",
        [(4, "LG002")],
    ),
    (
        "FROM ros:humble\nWORKDIR /ws/src\n"
        "RUN . /opt/ros/humble/setup.sh && ros2 pkg create my_pkg --build-type ament_python"
        " --node-name talker --dependencies rclpy std_msgs\n"
        "COPY talker.py my_pkg/my_pkg/talker.py\n"
        "COPY package.xml my_pkg/\n",
        [(4, "LG002"), (5, "LG002")],
    ),
    # FreeSWITCH's configure installs into /usr/local/freeswitch when given no prefix, also
    # where it ran in an earlier RUN than make install
    (
        "FROM debian:9\nWORKDIR /usr/src\n"
        "RUN git clone https://github.com/signalwire/freeswitch.git -b v1.6.16\n"
        "WORKDIR freeswitch\nRUN ./bootstrap.sh && ./configure\nRUN make\nRUN make install\n"
        "RUN chown -R freeswitch:daemon /usr/local/freeswitch\n",
        [(8, "LG004")],
    ),
    (
        "FROM debian:9\nWORKDIR /usr/src/freeswitch\nCOPY . .\n"
        "RUN ./configure --prefix=/opt/fs && make && make install\n"
        "RUN chown -R freeswitch:daemon /usr/local/freeswitch\n",
        [],
    ),
    # Prisma's client in node_modules: @prisma/client's postinstall fills it in every install
    # (prisma generate again), so two stages that took node_modules from one both hold it; not
    # any package, which a prune may have taken from one of them
    (
        _REMIX_STACK
        + "COPY --from=build /myapp/node_modules/.prisma /myapp/node_modules/.prisma\n",
        [(19, "LG002")],
    ),
    (_REMIX_STACK + "COPY --from=build /myapp/node_modules/sharp /myapp/node_modules/sharp\n", []),
    # a GitHub archive holds one directory, REPO-REF, also saved by curl or wget before a tar
    # unpacks it, and the dotfiles a `mv REPO-REF/*` leaves there
    (
        "FROM ubuntu:22.04\n"
        "RUN curl -fsSL https://github.com/madler/zlib/archive/refs/tags/v1.3.1.tar.gz"
        " > /tmp/zlib.tar.gz && tar -xzf /tmp/zlib.tar.gz -C /opt && rm /tmp/zlib.tar.gz\n"
        "RUN rm -rf /opt/zlib-1.3.1\n",
        [(3, "LG003")],
    ),
    (
        "FROM ubuntu:22.04\n"
        "RUN curl -fsSL https://github.com/redis/redis/archive/7.2.4.tar.gz | tar xz -C /tmp"
        " && mkdir -p /opt/redis && mv /tmp/redis-7.2.4/* /opt/redis/\n"
        "RUN rm -rf /tmp/redis-7.2.4\n",
        [(3, "LG003")],
    ),
    # the prefix a configure was given holds for a make install in a later RUN in that
    # directory (FreeSWITCH's own default too, unless one was given)
    (
        "FROM debian:12\nWORKDIR /usr/src/app\nCOPY . .\n"
        "RUN ./configure --prefix=/opt/app && make\nRUN make install\n"
        "RUN rm -rf /opt/app/share/doc\n",
        [(6, "LG003")],
    ),
    (
        "FROM debian:11\n"
        "RUN git clone --depth 1 -b v1.10.11 https://github.com/signalwire/freeswitch.git"
        " /usr/src/freeswitch\n"
        "RUN cd /usr/src/freeswitch && ./configure --prefix=/opt/freeswitch && make -j4\n"
        "WORKDIR /usr/src/freeswitch\nRUN make install\n"
        "RUN useradd -r freeswitch && chown -R freeswitch /opt/freeswitch\n",
        [(6, "LG004")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_NINTH)
def test_the_classes_of_the_forty_ninth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FORTY_NINTH_REVIEW = [
    (
        "# (s49a/009) A: NOT media: a provisioning tarball of scripts "
        "(install-packages runs apt,\n"
        "FROM debian:12\n"
        "ADD provision.tar.gz /opt/provision/\n"
        "RUN /opt/provision/install-packages && /opt/provision/setup-users\n"
        "RUN rm -rf /opt/provision/install-packages /opt/provision/setup-users "
        "/opt/provision/lib.sh\n",
        [(5, "LG003")],
    ),
    (
        "# (s49a/010) A: NOT media: tools tarball, install-deps script, "
        "removed with README and L\n"
        "FROM centos:7\n"
        "ADD tools.tar /opt/tools/\n"
        "RUN /opt/tools/install-deps\n"
        "RUN rm -rf /opt/tools/install-deps /opt/tools/README /opt/tools/LICENSE\n",
        [(5, "LG003")],
    ),
    (
        "# (s49a/053) B: Lagoon's image (its fix-permissions chgrp's and "
        "chmod's every file each \n"
        "FROM uselagoon/php-8.1-cli:latest\n"
        "RUN cd /opt && curl -fsSL "
        "https://github.com/drush-ops/drush/archive/refs/tags/12.4.3.tar.gz | tar xz \\\n"
        "    && fix-permissions /opt/drush-12.4.3\n"
        "RUN fix-permissions /opt/drush-12.4.3\n",
        [(5, "LG004")],
    ),
    (
        "# (s49a/055) B: amazeeio/php (Lagoon's older name), tree in /opt, fix "
        "of the top dir twi\n"
        "FROM amazeeio/php:7.4-cli\n"
        "RUN cd /opt && curl -fsSL "
        "https://github.com/drush-ops/drush/archive/refs/tags/12.4.3.tar.gz | tar xz \\\n"
        "    && fix-permissions /opt/drush-12.4.3\n"
        "RUN fix-permissions /opt/drush-12.4.3\n",
        [(5, "LG004")],
    ),
    (
        "# (s49a/035) B: chown -R root:root over the fixed tree (LG004), then "
        "fix-permissions: gr\n"
        "FROM jupyter/minimal-notebook:2023-10-20\n"
        "USER root\n"
        "RUN cd /opt && curl -fsSL "
        "https://github.com/example/kernel/archive/v1.2.tar.gz | tar xz \\\n"
        "    && mv kernel-1.2 kernel && fix-permissions /opt/kernel\n"
        "RUN chown -R root:root /opt/kernel\n"
        "RUN fix-permissions /opt/kernel\n"
        "USER ${NB_UID}\n",
        [(6, "LG004"), (7, "LG004")],
    ),
    (
        "# (s49a/036) B: chmod -R 755 over the fixed tree (LG004) drops g+w; "
        "the next fix-permiss\n"
        "FROM jupyter/minimal-notebook:2023-10-20\n"
        "USER root\n"
        "RUN cd /opt && curl -fsSL "
        "https://github.com/example/kernel/archive/v1.2.tar.gz | tar xz \\\n"
        "    && mv kernel-1.2 kernel && fix-permissions /opt/kernel\n"
        "RUN chmod -R 755 /opt/kernel\n"
        "RUN fix-permissions /opt/kernel\n"
        "USER ${NB_UID}\n",
        [(6, "LG004"), (7, "LG004")],
    ),
    (
        "# (s49a/037) B: chmod -R a+rX over the fixed tree (LG004) keeps group "
        "users and g+rw: th\n"
        "FROM jupyter/minimal-notebook:2023-10-20\n"
        "USER root\n"
        "RUN cd /opt && curl -fsSL "
        "https://github.com/example/kernel/archive/v1.2.tar.gz | tar xz \\\n"
        "    && mv kernel-1.2 kernel && fix-permissions /opt/kernel\n"
        "RUN chmod -R a+rX /opt/kernel\n"
        "RUN fix-permissions /opt/kernel\n"
        "USER ${NB_UID}\n",
        [(6, "LG004")],
    ),
    (
        "# (s49a/077) C: Metabase: rm of the base's jar and a download of "
        "another version: the ol\n"
        "FROM metabase/metabase:v0.47.2\n"
        "RUN rm /app/metabase.jar && wget -q -O /app/metabase.jar "
        "https://downloads.metabase.com/v0.48.0/metabase.jar\n",
        [(3, "LG003")],
    ),
    (
        "# (s49a/086) C: the r-base image (Debian's R, its Dockerfile appends "
        "to /etc/R/Rprofile.\n"
        "FROM r-base:4.3.1\n"
        "COPY Rprofile.site /etc/R/Rprofile.site\n",
        [(3, "LG002")],
    ),
    (
        "# (s49a/088) C: rocker/r-ver's own Rprofile.site in R_HOME/etc "
        "(written by its install s\n"
        "FROM rocker/r-ver:4.3.1\n"
        "COPY Rprofile.site /usr/local/lib/R/etc/Rprofile.site\n",
        [(3, "LG002")],
    ),
    (
        "# (s49b/092) H s2i: chown -R 1001:0 keeps group 0 (s2i's fixed "
        "group): next fix-permissi\n"
        "FROM registry.access.redhat.com/ubi8/python-39\n"
        "USER 0\n"
        "COPY app.py requirements.txt /opt/app-root/src/\n"
        "RUN fix-permissions /opt/app-root/src -P\n"
        "RUN chown -R 1001:0 /opt/app-root/src\n"
        "RUN fix-permissions /opt/app-root/src -P\n"
        "USER 1001\n",
        [(5, "LG004"), (6, "LG004")],
    ),
    (
        "# (s49b/093) H s2i: chown -R 1001:root, same\n"
        "FROM registry.access.redhat.com/ubi8/python-39\n"
        "USER 0\n"
        "COPY app.py requirements.txt /opt/app-root/src/\n"
        "RUN fix-permissions /opt/app-root/src -P\n"
        "RUN chown -R 1001:root /opt/app-root/src\n"
        "RUN fix-permissions /opt/app-root/src -P\n"
        "USER 1001\n",
        [(5, "LG004"), (6, "LG004")],
    ),
    (
        "# (s49b/088) H non-recursive chown root:root of the tree's top dir: a "
        "directory entry on\n"
        "FROM jupyter/minimal-notebook:2023-10-20\n"
        "USER root\n"
        "RUN cd /opt && curl -fsSL "
        "https://github.com/example/kernel/archive/v1.2.tar.gz | tar xz \\\n"
        "    && mv kernel-1.2 kernel && fix-permissions /opt/kernel\n"
        "RUN chown root:root /opt/kernel\n"
        "RUN fix-permissions /opt/kernel\n"
        "USER ${NB_UID}\n",
        [],
    ),
    (
        "# (s49b/116) H non-recursive chmod 755 of the fixed tree's top dir: a "
        "directory entry on\n"
        "FROM jupyter/minimal-notebook:2023-10-20\n"
        "USER root\n"
        "RUN cd /opt && curl -fsSL "
        "https://github.com/example/kernel/archive/v1.2.tar.gz | tar xz \\\n"
        "    && mv kernel-1.2 kernel && fix-permissions /opt/kernel\n"
        "RUN chmod 755 /opt/kernel\n"
        "RUN fix-permissions /opt/kernel\n"
        "USER ${NB_UID}\n",
        [],
    ),
    (
        "# (s49b/079) G deps installed with --ignore-scripts: no postinstall, "
        "so production-deps \n"
        "FROM node:20-bookworm-slim AS base\n"
        "FROM base AS deps\n"
        "WORKDIR /myapp\n"
        "ADD package.json package-lock.json ./\n"
        "RUN npm ci --include=dev --ignore-scripts\n"
        "FROM base AS production-deps\n"
        "WORKDIR /myapp\n"
        "COPY --from=deps /myapp/node_modules /myapp/node_modules\n"
        "ADD package.json package-lock.json ./\n"
        "RUN npm prune --omit=dev\n"
        "FROM base AS build\n"
        "WORKDIR /myapp\n"
        "COPY --from=deps /myapp/node_modules /myapp/node_modules\n"
        "ADD prisma .\n"
        "RUN npx prisma generate\n"
        "FROM base\n"
        "WORKDIR /myapp\n"
        "COPY --from=production-deps /myapp/node_modules /myapp/node_modules\n"
        "COPY --from=build /myapp/node_modules/.prisma /myapp/node_modules/.prisma\n",
        [],
    ),
    (
        "# (s49b/050) E ament_python: the template __init__.py is empty: a "
        "COPY over it costs not\n"
        "FROM ros:humble\n"
        "WORKDIR /ws/src\n"
        "RUN . /opt/ros/humble/setup.sh && ros2 pkg create --build-type ament_python my_pkg\n"
        "COPY __init__.py my_pkg/my_pkg/__init__.py\n",
        [],
    ),
    (
        "# (s49b/035) D rocker/rstudio: ARG default = the uid rstudio has: "
        "usermod says 'no chang\n"
        "FROM rocker/rstudio:4.3.1\n"
        "ARG USER_ID=1000\n"
        "RUN usermod -u ${USER_ID} rstudio\n",
        [],
    ),
    (
        "# (s49b/014) B Miniconda2 installs into ~/miniconda2 (not "
        "miniconda3): later rm of its p\n"
        "FROM debian:10\n"
        "RUN apt-get update && apt-get install -y wget bzip2 && rm -rf /var/lib/apt/lists/*\n"
        "RUN wget -q https://repo.anaconda.com/miniconda/Miniconda2-4.7.12-Linux-x86_64.sh && \\\n"
        "    (echo; echo yes; echo; echo no) | bash "
        "Miniconda2-4.7.12-Linux-x86_64.sh && rm Miniconda2-4.7.12-Linux-x86_64.sh\n"
        "RUN rm -rf /root/miniconda2/pkgs\n",
        [(4, "LG005"), (6, "LG003")],
    ),
    (
        "# (s49b/003) A rpm --erase (long form) removes it too (old gap? rpm checks only -e)\n"
        "FROM centos:7\n"
        "RUN yum install -y wget && yum clean all\n"
        "RUN rpm --erase --nodeps wget\n",
        [(4, "LG003")],
    ),
    (
        "# (s49b/011) B ADD of the released URL under another name, run piped, "
        "cleaned: installer\n"
        "FROM debian:12\n"
        "ADD "
        "https://github.com/conda-forge/miniforge/releases/download/23.3.1-1/"
        "Miniforge3-23.3.1-1-Linux-x86_64.sh /tmp/miniforge.sh\n"
        "RUN (echo; echo yes) | bash /tmp/miniforge.sh && /root/miniforge3/bin/conda clean -afy\n",
        [(3, "LG006")],
    ),
    (
        "# (s49b/015) B released installer saved as miniconda.sh by wget -O, "
        "run piped (old gap?)\n"
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends wget "
        "ca-certificates && rm -rf /var/lib/apt/lists/*\n"
        "RUN wget -q -O /tmp/miniconda.sh "
        "https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh && \\\n"
        "    (echo; echo yes) | bash /tmp/miniconda.sh && rm /tmp/miniconda.sh\n",
        [(4, "LG005")],
    ),
    (
        "# (s49b/043) D rocker/binder (on geospatial): rstudio's home exists too\n"
        "FROM rocker/binder:4.3.1\n"
        "USER root\n"
        "RUN chown -R rstudio:rstudio /home/rstudio\n",
        [(4, "LG004")],
    ),
    (
        "# (s49b/098) H Lagoon nginx-drupal (same commons fix-permissions, "
        "which changes every fi\n"
        "FROM uselagoon/nginx-drupal:latest\n"
        "COPY app.conf /etc/nginx/conf.d/app.conf\n"
        "RUN fix-permissions /etc/nginx/conf.d\n"
        "RUN fix-permissions /etc/nginx/conf.d\n",
        [(4, "LG004"), (5, "LG004")],
    ),
    (
        "# (s49b/112) I rocker/r-base (same image as r-base): /etc/R/Rprofile.site\n"
        "FROM rocker/r-base:4.3.1\n"
        "COPY Rprofile.site /etc/R/Rprofile.site\n",
        [(3, "LG002")],
    ),
    (
        "# (s49c/058) A configure --prefix=/usr, make DESTDIR=/build/pkg "
        "install (pkg/ beside the\n"
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends "
        "ca-certificates curl wget build-essential cmake autoconf automake "
        "libtool pkg-config && rm -rf /var/lib/apt/lists/*\n"
        "WORKDIR /build\n"
        "RUN curl -fsSL "
        "https://github.com/madler/zlib/archive/refs/tags/v1.3.1.tar.gz | tar "
        "xz && cd zlib-1.3.1 && ./configure --prefix=/usr && make \\\n"
        " && make DESTDIR=/build/pkg install\n"
        "RUN rm -rf /build/pkg/usr/share\n",
        [(7, "LG003")],
    ),
    (
        "# (s49c/059) A cargo --target-dir beside the top; later rm of target/\n"
        "FROM rust:1.75\n"
        "WORKDIR /src\n"
        "RUN curl -fsSL "
        "https://github.com/BurntSushi/ripgrep/archive/refs/tags/14.0.3.tar.gz | tar xz \\\n"
        " && cargo build --release --manifest-path ripgrep-14.0.3/Cargo.toml "
        "--target-dir /src/target \\\n"
        " && cp /src/target/release/rg /usr/local/bin/ && rm -rf /usr/local/cargo/registry\n"
        "RUN rm -rf /src/target\n",
        [(7, "LG003")],
    ),
    (
        '# (s49c/060) A make install DESTDIR="$(pwd)/../pkg" (a substitution); later rm of pkg\n'
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends "
        "ca-certificates curl wget build-essential cmake autoconf automake "
        "libtool pkg-config && rm -rf /var/lib/apt/lists/*\n"
        "WORKDIR /src\n"
        "RUN curl -fsSL "
        "https://github.com/madler/zlib/archive/refs/tags/v1.3.1.tar.gz | tar "
        "xz && cd zlib-1.3.1 && ./configure --prefix=/usr && make \\\n"
        ' && make install DESTDIR="$(pwd)/../pkg"\n'
        "RUN rm -rf /src/pkg\n",
        [(7, "LG003")],
    ),
    (
        "# (s49c/061) A configure --prefix=$PWD/../local; later rm of local\n"
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends "
        "ca-certificates curl wget build-essential cmake autoconf automake "
        "libtool pkg-config && rm -rf /var/lib/apt/lists/*\n"
        "WORKDIR /src\n"
        "RUN curl -fsSL "
        "https://github.com/madler/zlib/archive/refs/tags/v1.3.1.tar.gz | tar "
        "xz && cd zlib-1.3.1 && ./configure --prefix=$PWD/../local && make && make install\n"
        "RUN rm -rf /src/local\n",
        [(6, "LG003")],
    ),
    (
        "# (s49c/062) A zip -r of the top into a file beside it; later rm of the zip\n"
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends "
        "ca-certificates curl wget build-essential cmake autoconf automake "
        "libtool pkg-config && rm -rf /var/lib/apt/lists/*\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends zip "
        "&& rm -rf /var/lib/apt/lists/*\n"
        "WORKDIR /dist\n"
        "RUN curl -fsSL "
        "https://github.com/twbs/bootstrap/archive/refs/tags/v5.3.2.tar.gz | "
        "tar xz && zip -qr bootstrap.zip bootstrap-5.3.2/dist\n"
        "RUN rm -f /dist/bootstrap.zip\n",
        [(7, "LG003")],
    ),
    (
        "# (s49c/070) B Jupyter, a COPY'd tree: chown -R jovyan: (jovyan's "
        "login group, users on \n"
        "FROM jupyter/scipy-notebook:2023-10-20\n"
        "USER root\n"
        "COPY --chown=1000:100 notebooks/ /home/jovyan/notebooks/\n"
        "RUN fix-permissions /home/jovyan\n"
        "RUN chown -R jovyan: /home/jovyan/notebooks\n"
        "RUN fix-permissions /home/jovyan\n"
        "USER ${NB_UID}\n",
        [(5, "LG004"), (6, "LG004")],
    ),
    (
        "# (s49c/109) E deps --ignore-scripts, but @prisma/client's package "
        "files are in both tre\n"
        "FROM node:20-bookworm-slim AS base\n"
        "RUN apt-get update && apt-get install -y openssl && rm -rf /var/lib/apt/lists/*\n"
        "\n"
        "FROM base AS deps\n"
        "WORKDIR /myapp\n"
        "COPY package.json package-lock.json .npmrc ./\n"
        "RUN npm ci --ignore-scripts\n"
        "FROM base AS production-deps\n"
        "WORKDIR /myapp\n"
        "COPY --from=deps /myapp/node_modules /myapp/node_modules\n"
        "COPY package.json package-lock.json .npmrc ./\n"
        "RUN npm prune --omit=dev\n"
        "FROM base AS build\n"
        "WORKDIR /myapp\n"
        "COPY --from=deps /myapp/node_modules /myapp/node_modules\n"
        "COPY prisma .\n"
        "RUN npx prisma generate\n"
        "COPY . .\n"
        "RUN npm run build\n"
        "FROM base\n"
        "WORKDIR /myapp\n"
        "COPY --from=production-deps /myapp/node_modules /myapp/node_modules\n"
        "COPY --from=build /myapp/node_modules/@prisma/client /myapp/node_modules/@prisma/client\n"
        "COPY --from=build /myapp/build /myapp/build\n",
        [(24, "LG002")],
    ),
    (
        "# (s49c/110) E deps: npm ci --ignore-scripts && npx prisma generate: "
        "the client is in bo\n"
        "FROM node:20-bookworm-slim AS base\n"
        "RUN apt-get update && apt-get install -y openssl && rm -rf /var/lib/apt/lists/*\n"
        "\n"
        "FROM base AS deps\n"
        "WORKDIR /myapp\n"
        "COPY package.json package-lock.json .npmrc ./\n"
        "COPY prisma ./prisma\n"
        "RUN npm ci --ignore-scripts && npx prisma generate\n"
        "FROM base AS production-deps\n"
        "WORKDIR /myapp\n"
        "COPY --from=deps /myapp/node_modules /myapp/node_modules\n"
        "COPY package.json package-lock.json .npmrc ./\n"
        "RUN npm prune --omit=dev\n"
        "FROM base AS build\n"
        "WORKDIR /myapp\n"
        "COPY --from=deps /myapp/node_modules /myapp/node_modules\n"
        "COPY prisma .\n"
        "RUN npx prisma generate\n"
        "COPY . .\n"
        "RUN npm run build\n"
        "FROM base\n"
        "WORKDIR /myapp\n"
        "COPY --from=production-deps /myapp/node_modules /myapp/node_modules\n"
        "COPY --from=build /myapp/node_modules/.prisma /myapp/node_modules/.prisma\n"
        "COPY --from=build /myapp/build /myapp/build\n",
        [(25, "LG002")],
    ),
    (
        "# (s49c/111) E deps --ignore-scripts, production-deps runs prisma "
        "generate itself: clien\n"
        "FROM node:20-bookworm-slim AS base\n"
        "RUN apt-get update && apt-get install -y openssl && rm -rf /var/lib/apt/lists/*\n"
        "\n"
        "FROM base AS deps\n"
        "WORKDIR /myapp\n"
        "COPY package.json package-lock.json .npmrc ./\n"
        "RUN npm ci --ignore-scripts\n"
        "FROM base AS production-deps\n"
        "WORKDIR /myapp\n"
        "COPY --from=deps /myapp/node_modules /myapp/node_modules\n"
        "COPY package.json package-lock.json .npmrc ./\n"
        "COPY prisma ./prisma\n"
        "RUN npm prune --omit=dev && npx prisma generate\n"
        "FROM base AS build\n"
        "WORKDIR /myapp\n"
        "COPY --from=deps /myapp/node_modules /myapp/node_modules\n"
        "COPY prisma .\n"
        "RUN npx prisma generate\n"
        "COPY . .\n"
        "RUN npm run build\n"
        "FROM base\n"
        "WORKDIR /myapp\n"
        "COPY --from=production-deps /myapp/node_modules /myapp/node_modules\n"
        "COPY --from=build /myapp/node_modules/.prisma /myapp/node_modules/.prisma\n"
        "COPY --from=build /myapp/build /myapp/build\n",
        [(25, "LG002")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FORTY_NINTH_REVIEW)
def test_the_reviews_of_the_forty_ninth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FIFTIETH = [
    # an archive unpacked at / (s6's overlay) adds files below every directory and takes none of
    # the base's away: the same RUN's removal of debconf's database still hides the base's copy
    (
        "FROM debian:13.1-slim\n"
        'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\n'
        "RUN apt-get update && apt-get install -y --no-install-recommends curl xz-utils \\\n"
        "    && curl -L -s https://github.com/just-containers/s6-overlay/releases/download/"
        "v3.2.1.0/s6-overlay-noarch.tar.xz | tar -C / -Jxpf - \\\n"
        "    && apt-get clean && rm -fr /tmp/* /var/{cache,log}/* /var/lib/apt/lists/*\n",
        [(3, "LG003")],
    ),
    # (and the base's database is gone from that removal on: the next hides nothing of it)
    (
        "FROM ubuntu:24.04\nRUN curl -L https://x/s6.tar.xz | tar -C / -xJ"
        " && rm -rf /var/cache/*\nRUN rm -rf /tmp/* /var/cache/*\n",
        [(2, "LG003")],
    ),
    # the builder expands `$HOME` in an ENV from the ENV alone, and ubuntu's sets no HOME:
    # GOPATH is /go, whose module cache the RUN removes (not root's home)
    (
        "FROM ubuntu:22.04\nENV GOPATH=$HOME/go\n"
        "RUN go install github.com/ffuf/ffuf@latest && rm -rf /go/pkg/* /root/.cache/go-build\n",
        [],
    ),
    (
        "FROM ubuntu:22.04\nENV GOPATH=$HOME/go\nWORKDIR $HOME/src\n"
        "RUN go install github.com/ffuf/ffuf@latest && rm -rf /root/go /root/.cache/go-build\n",
        [(4, "LG005")],
    ),
    # (what this RUN made inside the class itself may be all it removes)
    (
        "FROM debian:13.1-slim\n"
        "RUN mkdir -p /var/cache/app && curl -sL https://example.com/a.tgz | tar -xz -C "
        "/var/cache/app && rm -rf /var/cache/app\n",
        [],
    ),
    # debconf's and dpkg's backups of their databases, removed by name after this RUN's
    # installs rewrote them: the base's copies are hidden (not on Alpine, which has neither)
    (
        "FROM ubuntu:noble\n"
        "RUN apt-get update && apt-get install --no-install-recommends -y curl \\\n"
        "  && apt-get clean \\\n"
        "  && rm -rf /var/lib/apt/lists/* /var/lib/dpkg/*-old /var/cache/debconf/*-old\n",
        [(2, "LG003")],
    ),
    (
        "FROM debian:12-slim\n"
        "RUN apt-get update && apt-get install --no-install-recommends -y curl \\\n"
        "  && rm -rf /var/lib/apt/lists/* /var/lib/dpkg/status-old\n",
        [(2, "LG003")],
    ),
    (
        "FROM alpine:3.19\nRUN apk add --no-cache curl && rm -f /var/lib/dpkg/*-old\n",
        [],
    ),
    # a copy of names not shown (`installers/*`) may hold anything, but where this RUN made the
    # directory (`mkdir -p`) it is not known to have written there: a chown -R of it copies
    # up nothing known; a file the RUN did not make stays reported
    (
        "FROM ubuntu:24.04\n"
        "RUN useradd -m dark\n"
        "WORKDIR /home/dark\n"
        "COPY --chown=dark:dark scripts/installers/* .\n"
        "RUN mkdir -p /home/dark/.vscode-server/extensions"
        " && chown -R dark /home/dark/.vscode-server\n"
        "RUN mkdir -p /home/dark/tools && chmod -R 755 /home/dark/install.sh\n",
        [(6, "LG004")],
    ),
    # a vendor's media installer run from what an ADD of a local tar unpacked: the media
    # ships beside what it installed, removed after or not
    (
        "FROM ubuntu:16.04\n"
        "ADD Xilinx_Vivado_SDK_2017.4_1216_1.tar.gz /\n"
        "ADD install_config.txt /Xilinx_Vivado_SDK_2017.4_1216_1/\n"
        "RUN /Xilinx_Vivado_SDK_2017.4_1216_1/xsetup --agree XilinxEULA --batch Install"
        " --config /Xilinx_Vivado_SDK_2017.4_1216_1/install_config.txt\n",
        [(2, "LG006")],
    ),
    # (not a script of a tarball of tools that stays where it was unpacked, a helper named
    # `*_install`, nor Oracle 19c's home, unpacked where its runInstaller configures it)
    (
        "FROM ubuntu:22.04\nADD tools.tar.gz /opt/\nRUN /opt/tools/install.sh --prefix /usr\n",
        [],
    ),
    (
        "FROM debian:12\nADD rootfs.tar.gz /\nRUN /usr/local/bin/apt_install curl jq\n",
        [],
    ),
    (
        "FROM oraclelinux:8\n"
        "ADD LINUX.X64_193000_db_home.tar.gz /opt/oracle/product/19c/dbhome_1/\n"
        "RUN /opt/oracle/product/19c/dbhome_1/runInstaller -silent -responseFile /tmp/db.rsp\n",
        [],
    ),
    (
        "FROM oraclelinux:7-slim\n"
        "ADD linuxx64_12201_database.tar.gz /install/\n"
        "RUN /install/database/runInstaller -silent -responseFile /install/db.rsp\n",
        [(2, "LG006")],
    ),
    # a self-extracting installer named for installing, run from a directory the build context
    # gave: that directory is its media
    (
        "FROM ubuntu:20.04\n"
        "ADD quartus-install /tmp/quartus-install\n"
        "WORKDIR /tmp/\n"
        "RUN env QUARTUS_64BIT=1 ./quartus-install/components/QuartusSetup-13.1.4.182.run"
        " --mode unattended --installdir /opt/altera\n",
        [(2, "LG006")],
    ),
    # (not a program of a copied tree that is no installer: `./build/app.run`)
    (
        "FROM ubuntu:20.04\nCOPY build /opt/build\nRUN /opt/build/tests.run --quick\n",
        [],
    ),
    # an install by name shows a vendor's image holds package lists only where no update ran
    # first: an update into a cache mount over /var/lib/apt leaves no op, but ran
    (
        "FROM nvcr.io/nvidia/cuda:12.8.1-devel-ubuntu24.04\n"
        "RUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt"
        " apt-get update -y && apt-get install -y curl && apt-get clean\n"
        "RUN apt-get update && apt-get install -y wget && rm -rf /var/lib/apt/lists/*\n",
        [],
    ),
    (
        "FROM nvcr.io/nvidia/cuda:12.8.1-devel-ubuntu24.04\n"
        "RUN apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n",
        [(3, "LG003")],
    ),
    # `uv clean` is uv's other name for `uv cache clean`; `poetry cache clear --all pypi`
    # empties that repository's cache alone, the downloaded artifacts stay
    (
        "FROM python:3.12\n"
        "ENV UV_CACHE_DIR=/opt/uv/cache\n"
        "RUN pip install --no-cache-dir uv && uv tool install ruff && uv clean\n"
        "RUN pip install --no-cache-dir poetry && poetry install"
        " && poetry cache clear --all pypi\n",
        [(4, "LG005")],
    ),
    # calibre's installer, piped to a shell, keeps the tarball it installed in
    # /tmp/calibre-installer-cache unless the RUN removes it
    (
        "FROM node:14.17\n"
        "RUN sudo -v && wget -nv -O- https://download.calibre-ebook.com/linux-installer.sh"
        " | sudo sh /dev/stdin version=5.42.0\n"
        "RUN wget -nv -O- https://download.calibre-ebook.com/linux-installer.sh | sh /dev/stdin"
        " && rm -rf /tmp/calibre-installer-cache\n",
        # (and the second RUN's removal hides what the first left)
        [(2, "LG005"), (3, "LG003")],
    ),
    # a move of the whole log tree writes the logs the installs left again under the new name
    # (not a directory of one program's logs, which nothing shows to hold any)
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"
        "RUN mkdir -p /data/var && mv /var/log /data/var/log\n"
        "RUN mv /var/log/nginx /data/nginx-log\n",
        [(3, "LG003")],
    ),
    # Docker's install script from its repository at a commit is get.docker.com's, run from
    # where a RUN saved it
    (
        "FROM debian:12\n"
        "ARG C=abc\n"
        "RUN curl -fsSL https://raw.githubusercontent.com/docker/docker-install/${C}/install.sh"
        " -o /tmp/install-docker.sh\n"
        "RUN sh /tmp/install-docker.sh --version v27.3.1\n",
        [(4, "LG005")],
    ),
    # a directory copied into site-packages under the name of a package an earlier install put
    # there writes its modules again (not a package no install named)
    (
        "FROM quay.io/jupyter/base-notebook:latest\n"
        "RUN mamba install -n base -c conda-forge -y gdal leafmap voila"
        " && mamba clean --all --yes\n"
        "COPY leafmap /opt/conda/lib/python3.13/site-packages/leafmap\n"
        "COPY mytool /opt/conda/lib/python3.13/site-packages/mytool\n",
        [(3, "LG002")],
    ),
    (
        "FROM python:3.12-slim\n"
        "RUN pip install --no-cache-dir 'django-extensions>=3.2' requests\n"
        "COPY patched/django_extensions"
        " /usr/local/lib/python3.12/site-packages/django_extensions\n",
        [(3, "LG002")],
    ),
    # with docker-clean removed (BuildKit's cache-mount recipe), an install without a cache
    # mount keeps the packages it downloaded in /var/cache/apt/archives, unless apt-get clean
    # runs in the same RUN
    (
        "FROM ubuntu:22.04\n"
        "RUN rm -f /etc/apt/apt.conf.d/docker-clean; echo 'Binary::apt::APT::Keep-Downloaded-"
        'Packages "true";\' > /etc/apt/apt.conf.d/keep-cache\n'
        "RUN --mount=type=cache,target=/var/cache/apt,sharing=locked"
        " --mount=type=cache,target=/var/lib/apt,sharing=locked"
        " apt-get update && apt-get install -y curl\n"
        "RUN apt-get update && apt-get install -y wget && rm -rf /var/lib/apt/lists/*\n"
        "RUN apt-get update && apt-get install -y git && apt-get clean"
        " && rm -rf /var/lib/apt/lists/*\n",
        # (whose clean removes what line 4 kept too)
        [(4, "LG005"), (5, "LG003")],
    ),
    # (not on an image where docker-clean stays)
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y wget && rm -rf /var/lib/apt/lists/*\n",
        [],
    ),
    # Docker's rootless installer installs no package; `--dry-run` installs nothing
    (
        "FROM debian:12\n"
        "RUN curl -fsSL https://raw.githubusercontent.com/docker/docker-install/master/"
        "rootless-install.sh | sh\n"
        "RUN curl -fsSL https://get.docker.com -o get-docker.sh && sh get-docker.sh --dry-run\n",
        [],
    ),
    # a later RUN's `poetry cache clear --all pypi` removes that repository's cache an earlier
    # install left
    (
        "FROM python:3.12\n"
        "RUN pip install --no-cache-dir poetry && poetry install\n"
        "RUN poetry cache clear --all pypi\n",
        [(2, "LG005"), (3, "LG003")],
    ),
    # dnf keeps the cache of an install into another root inside that root: a clean without
    # --installroot leaves it (and a stage's root copied whole carries it)
    (
        "FROM rockylinux:9\n"
        "RUN dnf install -y --installroot /mnt/rootfs --releasever 9 glibc bash"
        " && dnf clean all\n"
        "RUN dnf install -y --installroot=/mnt/r2 --releasever 9 bash"
        " && dnf --installroot=/mnt/r2 clean all\n"
        "FROM scratch\n"
        "COPY --from=0 /mnt/rootfs /\n",
        [(2, "LG005")],
    ),
    # Composer run by php with php's own options first is Composer
    (
        "FROM php:8.3-apache\n"
        "COPY composer.json .\n"
        "RUN curl -o composer.phar https://getcomposer.org/download/2.5.8/composer.phar"
        " && php -d memory_limit=4G ./composer.phar require drush/drush && rm -f composer.phar\n",
        [(3, "LG005")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FIFTIETH)
def test_the_classes_of_the_fiftieth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FIFTIETH_REVIEW = [
    # (s50a/035) a wildcard copy, then a chown -R of its whole destination in a RUN that made a
    # directory below it: the copied files are copied up
    (
        "FROM python:3.12-slim\n"
        "RUN useradd -r app\n"
        "COPY src/* /app/\n"
        "RUN mkdir -p /app/logs && chown -R app /app\n",
        [(4, "LG004")],
    ),
    # (s50a/040, 126) the same removed, by a wildcard over its entries or whole
    (
        "FROM debian:bookworm-slim\nCOPY dist/* /srv/\nRUN mkdir -p /srv/cache && rm -rf /srv/*\n",
        [(3, "LG003")],
    ),
    (
        "FROM debian:bookworm-slim\n"
        "COPY assets/* /opt/site/\n"
        "RUN mkdir -p /opt/site/cache && rm -rf /opt/site\n",
        [(3, "LG003")],
    ),
    # (s50a/124) from a stage
    (
        "FROM golang:1.22 AS build\n"
        "WORKDIR /src\n"
        "COPY . .\n"
        "RUN CGO_ENABLED=0 go build -o /out/ ./...\n"
        "FROM alpine:3.19\n"
        "COPY --from=build /out/* /app/\n"
        "RUN mkdir -p /app/data && chown -R 1000:1000 /app\n",
        [(7, "LG004")],
    ),
    # (s50a/055) a vendor's image: an install by name before the RUN's update found the base's
    # lists, which the RUN's removal hides
    (
        "FROM nvidia/cuda:11.8.0-devel-ubuntu22.04\n"
        "RUN apt-get install -y --no-install-recommends gnupg2 wget \\\n"
        " && wget -qO- https://packages.example.com/key.asc | apt-key add - \\\n"
        " && apt-get update && apt-get install -y --no-install-recommends example-tools \\\n"
        " && rm -rf /var/lib/apt/lists/*\n",
        [(2, "LG003")],
    ),
    # (s50c/007) docker-clean removed, install RUN removes /var/cache/apt/archives/*.deb and the lis
    (
        "FROM debian:bullseye-slim\n"
        "RUN rm -f /etc/apt/apt.conf.d/docker-clean\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends libpq5 \\\n"
        "    && rm -rf /var/cache/apt/archives/*.deb /var/lib/apt/lists/*\n",
        [],
    ),
    # (s50c/009) docker-clean removed WITHOUT the keep-cache line, then `apt install` (the apt binar
    (
        "FROM ubuntu:22.04\n"
        "RUN rm -f /etc/apt/apt.conf.d/docker-clean\n"
        "RUN apt update && apt install -y --no-install-recommends ffmpeg && rm -rf /var/"
        "lib/apt/lists/*\n",
        [],
    ),
    # (s50c/012) only APT::Keep-Downloaded-Packages "true" written, docker-clean still in place (its
    (
        "FROM ubuntu:24.04\n"
        "RUN echo 'APT::Keep-Downloaded-Packages \"true\";' > /etc/apt/apt.conf.d/01keep-debs\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends nginx && rm -r"
        "f /var/lib/apt/lists/*\n",
        [],
    ),
    # (s50c/023) docker-clean removed, then dpkg -i of a bind-mounted .deb (dpkg downloads nothing);
    (
        "FROM debian:bookworm-slim\n"
        "RUN rm -f /etc/apt/apt.conf.d/docker-clean\n"
        "RUN --mount=type=bind,source=dist,target=/dist dpkg -i /dist/myapp_1.0.0_amd64.deb\n",
        [],
    ),
    # (s50c/026) docker-clean removed on debian:trixie, install ends with apt 3's distclean (removes
    (
        "FROM debian:trixie-slim\n"
        "RUN rm -f /etc/apt/apt.conf.d/docker-clean\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends curl && apt-ge"
        "t distclean\n",
        [],
    ),
    # (s50c/033) docker-clean removed and APT::Keep-Downloaded-Packages "false" written in the same
    (
        "FROM debian:bookworm-slim\n"
        "RUN rm -f /etc/apt/apt.conf.d/docker-clean \\\n"
        " && echo 'APT::Keep-Downloaded-Packages \"false\";' > /etc/apt/apt.conf.d/99no-keep\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf"
        " /var/lib/apt/lists/*\n",
        [],
    ),
    # (s50c/045) pip install --user leafmap (lands in /root/.local/lib/python3.11/site-packages), CO
    (
        "FROM python:3.11-slim\n"
        "RUN pip install --no-cache-dir --user leafmap\n"
        "COPY patches/leafmap /usr/local/lib/python3.11/site-packages/leafmap\n",
        [],
    ),
    # (s50c/046) pip install --target /opt/deps leafmap, COPY into /usr/local/lib/python3.11/site-pa
    (
        "FROM python:3.11-slim\n"
        "RUN pip install --no-cache-dir --target /opt/deps leafmap\n"
        "ENV PYTHONPATH=/opt/deps\n"
        "COPY patches/leafmap /usr/local/lib/python3.11/site-packages/leafmap\n",
        [],
    ),
    # (s50c/059) pipx install black (its own venv under /root/.local/share/pipx), COPY black into th
    (
        "FROM python:3.11-slim\n"
        "RUN pip install --no-cache-dir pipx && PIP_NO_CACHE_DIR=1 pipx install black==24.3.0\n"
        "COPY patches/black /usr/local/lib/python3.11/site-packages/black\n",
        [],
    ),
    # (s50c/067) python:3.12.3-slim, a patch tag frozen before docker-library/python#954 (Aug 2024)
    (
        "FROM python:3.12.3-slim\nRUN pip uninstall -y setuptools wheel\n",
        [(2, "LG003")],
    ),
    # (s50c/068) python:3.12-rc-slim (2023 release-candidate images, built with get-pip.py's implici
    (
        "FROM python:3.12-rc-slim\nRUN pip uninstall -y setuptools wheel\n",
        [(2, "LG003")],
    ),
    # (s50c/010) full recipe (Binary::apt keep true), then `apt install` on node:20-bookworm-slim wi
    (
        "FROM node:20-bookworm-slim\n"
        "RUN rm -f /etc/apt/apt.conf.d/docker-clean; echo 'Binary::apt::APT::Keep-Downlo"
        'aded-Packages "true";\' > /etc/apt/apt.conf.d/keep-cache\n'
        "RUN apt update && apt install -y --no-install-recommends chromium && rm -rf /va"
        "r/lib/apt/lists/*\n"
        "WORKDIR /app\n",
        [(3, "LG005")],
    ),
    # (s50c/011) aptitude after docker-clean removed (aptitude keeps what it downloads like apt-get)
    (
        "FROM debian:bullseye\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends aptitude && rm"
        " -rf /var/lib/apt/lists/*\n"
        "RUN rm -f /etc/apt/apt.conf.d/docker-clean\n"
        "RUN aptitude update && aptitude install -y vim-nox && rm -rf /var/lib/apt/lists/*\n",
        [(4, "LG005")],
    ),
    # (s50c/043) COPY --from a stage that patched requests into /build, over the final stage's pip-i
    (
        "FROM python:3.11-slim AS patched\n"
        "RUN pip install --no-cache-dir --target /build requests==2.31.0 && sed -i 's/DE"
        "FAULT_POOLSIZE = 10/DEFAULT_POOLSIZE = 50/' /build/requests/adapters.py\n"
        "FROM python:3.11-slim\n"
        "RUN pip install --no-cache-dir requests==2.31.0\n"
        "COPY --from=patched /build/requests /usr/local/lib/python3.11/site-packages/requests\n",
        [(5, "LG002")],
    ),
    # (the reviews' old faults)
    # (s50b/023) COPY of a drivers dir, CUDA .run installer run at L4: expect L3 LG006 (self-extract
    (
        "FROM ubuntu:20.04\n"
        "COPY installers /tmp/installers\n"
        "RUN sh /tmp/installers/cuda_11.0.2_450.51.05_linux.run --silent --toolkit --override\n",
        [(2, "LG006")],
    ),
    # (s50b/026) COPY of a drivers dir, NVIDIA driver .run (self-extracting, not named for installin
    (
        "FROM ubuntu:22.04\n"
        "COPY drivers /opt/drivers\n"
        "RUN /opt/drivers/NVIDIA-Linux-x86_64-535.154.05.run --silent --no-kernel-module"
        " --no-questions\n",
        [(2, "LG006")],
    ),
    # (s50b/113) Debian strongswan-starter (depends on libstrongswan, which ships /etc/strongswan.co
    (
        "FROM debian:bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends strongswan-sta"
        "rter strongswan-charon && rm -rf /var/lib/apt/lists/*\n"
        "COPY strongswan.conf /etc/strongswan.conf\n",
        [(3, "LG002")],
    ),
    # (s50b/115) Debian openrc (ships /etc/rc.conf too), COPY rc.conf at L4: expect L4 LG002
    (
        "FROM debian:bookworm-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends openrc && rm -"
        "rf /var/lib/apt/lists/*\n"
        "COPY rc.conf /etc/rc.conf\n",
        [(3, "LG002")],
    ),
    # (s50b/119) Alpine easy-rsa (ships /usr/share/easy-rsa/openssl-easyrsa.cnf too), COPY it at L4:
    (
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache openvpn easy-rsa\n"
        "COPY openssl-easyrsa.cnf /usr/share/easy-rsa/openssl-easyrsa.cnf\n",
        [(3, "LG002")],
    ),
    # (s50c/052) mamba create of an env with python=3.11 and conda-forge::leafmap (channel prefix),
    (
        "FROM condaforge/miniforge3:24.3.0-0\n"
        "RUN mamba create -y -n geo python=3.11 conda-forge::leafmap && mamba clean -afy\n"
        "COPY leafmap /opt/conda/envs/geo/lib/python3.11/site-packages/leafmap\n",
        [(3, "LG002")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FIFTIETH_REVIEW)
def test_the_reviews_of_the_fiftieth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FIFTY_FIRST = [
    # (1000/011) curl -J saves under the name the server gives: the file the RUN runs next may
    # be that download, not the base image's
    (
        "ARG BASE=ubuntu:22.04\nFROM $BASE\n"
        'RUN curl -LOJ "https://example.com/api/download?product=oneapi&version=2025" && \\\n'
        "    chmod +x oneapi-for-nvidia-gpus-2025.0.0-linux.sh && \\\n"
        "    ./oneapi-for-nvidia-gpus-2025.0.0-linux.sh\n",
        [],
    ),
    (
        "ARG BASE=ubuntu:22.04\nFROM $BASE\n"
        'RUN curl -LO "https://example.com/api/download?product=oneapi&version=2025" && \\\n'
        "    chmod +x oneapi-for-nvidia-gpus-2025.0.0-linux.sh\n",
        [(3, "LG004")],
    ),
    # (1001/010) a project's Gradle wrapper builds where it runs, as gradle does: the archive
    # a later RUN unpacks from build/ is the build's, not what the copy of the context held
    (
        "FROM ubuntu:22.04\nCOPY . /otel\n"
        "RUN cd otel && ./gradlew assembleWebServerModule -DtargetSystem=ubuntu\n"
        "RUN cd /otel/build && tar -xf sdk-x64-linux.tgz && mv -f sdk /opt/\n",
        [(3, "LG005")],
    ),
    (
        "FROM ubuntu:22.04\nCOPY . /otel\n"
        "RUN cd /otel/build && tar -xf sdk-x64-linux.tgz && mv -f sdk /opt/\n",
        [(2, "LG006")],
    ),
    # (1006/005) an archive unpacked at / with its top stripped lands in /usr and beside
    # nothing; a signature removed after it is no top of it: the tree the chmod reaches is
    # this RUN's
    (
        "FROM ubuntu:16.04\nRUN wget https://swift.org/swift.tar.gz https://swift.org/swift.tar.gz.sig"
        " && tar xzf swift.tar.gz --strip-components=1 && rm /swift-$V.tar.gz.sig"
        " && chmod -R go+r /usr/lib/swift\n",
        [],
    ),
    (
        "FROM ubuntu:16.04\nRUN wget https://swift.org/swift.tar.gz"
        " && tar xzf swift.tar.gz && rm /swift.tar.gz.asc && chmod -R go+r /usr/lib/swift\n",
        [],
    ),
    # (a directory right below / removed after an unpack there is still its top)
    (
        "FROM ubuntu:16.04\nRUN wget -O - https://x/download | tar -xzf - && rm -rf /boost_1_60_0"
        " && chmod -R go+r /usr/lib/swift\n",
        [(2, "LG004")],
    ),
    # (1001/011) a file copied to a directory's path lands inside it: a directory the tree a
    # stage copied is known to hold (nginx's conf/, by its make install) is one
    (
        "FROM alpine:3.17.0 AS builder\nRUN apk add --no-cache build-base git pcre-dev\n"
        "RUN git clone https://github.com/nginx/nginx.git -b release-1.22.1 --depth 1\n"
        "RUN cd nginx && ./auto/configure && make && make install\n"
        "FROM alpine:3.17.0\nCOPY --from=builder /usr/local/nginx /usr/local/nginx\n"
        "COPY nginx.conf /usr/local/nginx/conf\n",
        [(7, "LG002")],
    ),
    (
        "FROM alpine:3.17.0\nCOPY app.conf /etc/app/app.conf\nCOPY app.conf /etc/app\n",
        [(3, "LG002")],
    ),
    # (1002/005) `rake build` packs the gem into the project's pkg/: the gem a later RUN installs
    # is the build's, not a file the copy of the context held
    (
        "FROM ruby:3.2\nWORKDIR /build\nCOPY . .\nRUN rake build\n"
        "RUN gem install --no-document ./pkg/vagrant-libvirt*.gem\n",
        [(5, "LG005")],
    ),
    (
        "FROM ruby:3.2\nWORKDIR /build\nCOPY . .\n"
        "RUN gem install --no-document ./pkg/vagrant-libvirt*.gem\n",
        [(3, "LG006"), (4, "LG005")],
    ),
    # (1004/003, in its repository) a build configured for a prefix a variable gives installs
    # there, not in /usr/local: a later removal of /usr/local's static libraries hides nothing
    (
        "FROM ubuntu:20.04\nRUN cd /src/z3/build && cmake .. -DCMAKE_INSTALL_PREFIX=$z3_dir"
        " && make && make install\nRUN rm -rf /usr/local/include /usr/local/lib/*.a\n",
        [],
    ),
    (
        "FROM ubuntu:20.04\nRUN cd /src/llvm/build && cmake .. $cmake_flags && make -C $build -j4"
        " install\nRUN rm -rf /usr/local/include /usr/local/lib/*.a\n",
        [],
    ),
    (
        "FROM ubuntu:20.04\nRUN cd /src/z3/build && cmake .. -DCMAKE_BUILD_TYPE=Release"
        " && make && make install\nRUN rm -rf /usr/local/include /usr/local/lib/*.a\n",
        [(3, "LG003")],
    ),
    # (1003/008) `cd libwebsockets-*` goes into the tree the archive unpacked, `cd ../..` comes
    # back out of it: the removal there takes the tarball the COPY wrote
    (
        "FROM ubuntu:14.04\nWORKDIR /\nCOPY libwebsockets-2.0.3.tar.gz /\n"
        "RUN tar -xzvf libwebsockets-2.0.3.tar.gz && cd libwebsockets-* && mkdir build"
        " && cd build && cmake .. && make && make install && cd ../.. && rm -rvf libwebsockets*\n",
        [(3, "LG006"), (4, "LG003")],
    ),
    # (not back where it was when the `cd ..`s do not climb out)
    (
        "FROM ubuntu:14.04\nWORKDIR /\nCOPY libwebsockets-2.0.3.tar.gz /\n"
        "RUN tar -xzvf libwebsockets-2.0.3.tar.gz && cd libwebsockets-* && mkdir build"
        " && cd build && make install && cd .. && rm -rvf libwebsockets*\n",
        [(3, "LG006")],
    ),
    # (1010/001) `useradd -m -k /dev/null`: a home with no dotfiles from /etc/skel
    (
        "FROM ubuntu:22.04\nRUN useradd -s /bin/bash -m -k /dev/null lfs\nUSER lfs\n"
        'COPY [ "config/.bash_profile", "config/.bashrc", "/home/lfs/" ]\n',
        [],
    ),
    (
        "FROM ubuntu:22.04\nRUN useradd -s /bin/bash -m lfs\nUSER lfs\n"
        'COPY [ "config/.bash_profile", "config/.bashrc", "/home/lfs/" ]\n',
        [(4, "LG002")],
    ),
    # (1012/007) a tag naming Debian 11 run into the family's name (linuxserver's
    # `debianbullseye`): its add-apt-repository does not update the index
    (
        "FROM ghcr.io/linuxserver/baseimage-kasmvnc:debianbullseye\n"
        "RUN add-apt-repository 'deb https://dl.winehq.org/wine-builds/debian/ bullseye main'\n",
        [],
    ),
    (
        "FROM ghcr.io/linuxserver/baseimage-kasmvnc:debianbookworm\n"
        "RUN add-apt-repository 'deb https://dl.winehq.org/wine-builds/debian/ bookworm main'\n",
        [(2, "LG005")],
    ),
    # (1007/011) Alpine's /var holds root's cron table only behind a link: a chown -R of /var
    # passes the link (of the table's own directory, it reaches it)
    (
        "FROM nginx:1.23.0-alpine\nRUN touch /run/nginx.pid && chown -R nginx:nginx /run /var"
        " && chmod -R 755 /run /var\n",
        [],
    ),
    ("FROM alpine:3.19\nRUN chown -R nobody /var/spool/cron/crontabs/\n", [(2, "LG004")]),
    # (1009/005) the python image's pip (about 12 MB) is in the site-packages of the version its
    # tag names: removing that directory hides it
    (
        "FROM python:3.10-alpine\nRUN rm -r /usr/local/lib/python3.10/site-packages || true\n",
        [(2, "LG003")],
    ),
    ("FROM python:3.10-alpine\nRUN rm -rf /usr/local/lib/python3.10/site-packages/mypkg\n", []),
    ("FROM python:3-alpine\nRUN rm -rf /usr/local/lib/python3.10/site-packages\n", []),
    # (1010/003) the repositories' files of CentOS's release packages, which builds remove or
    # copy over
    (
        "FROM centos:7\nRUN yum -y install deltarpm centos-release-scl && yum clean all\n"
        "RUN rm -rf /etc/yum.repos.d/CentOS-SCLo-scl-rh.repo\n",
        [(3, "LG003")],
    ),
    (
        "FROM centos:7\nRUN yum install -y epel-release && yum clean all\n"
        "COPY epel.repo /etc/yum.repos.d/epel.repo\n",
        [(3, "LG002")],
    ),
    # (1021/012) Pipenv's files are few projects' own: copied into a clone of a research
    # repository, they are the copier's (a requirements.txt there still replaces the clone's)
    (
        "FROM python:3.11\nRUN git clone https://github.com/artetxem/monoses.git\n"
        "WORKDIR /monoses\nCOPY Pipfile .\nCOPY Pipfile.lock .\n",
        [],
    ),
    (
        "FROM python:3.11\nRUN git clone https://github.com/artetxem/monoses.git\n"
        "WORKDIR /monoses\nCOPY requirements.txt .\n",
        [(4, "LG002")],
    ),
    # (1016/008) Arch's Python is externally managed too (PEP 668, since April 2023): its pip
    # refuses before it fetches anything; not on a tag dated before
    (
        "FROM archlinux:latest\nRUN pacman --noconfirm -Sy python-pip && yes | pacman -Scc"
        " && rm -rf /var/lib/pacman/sync/*\nRUN pip install boto3 awscli\n",
        [],
    ),
    (
        "FROM archlinux:base-20230301.0.131813\nRUN pacman --noconfirm -Sy python-pip"
        " && yes | pacman -Scc && rm -rf /var/lib/pacman/sync/*\nRUN pip install boto3 awscli\n",
        [(3, "LG005")],
    ),
    # (1029/001) a distribution's OpenJDK keeps its trust store as a link to the system's: its
    # removal hides no bytes (a tarball's JDK keeps a real one)
    (
        "FROM alpine:3.11 AS alpine\nRUN apk add --no-cache openjdk11\nFROM ubuntu:22.04\n"
        "COPY --from=alpine /usr/lib/jvm/java-11-openjdk /opt/jvm/java-11-openjdk\n"
        "RUN rm /opt/jvm/java-11-openjdk/lib/security/cacerts\n",
        [],
    ),
    (
        "FROM ubuntu:22.04\nCOPY jdk-17.0.2 /usr/lib/jvm/jdk-17.0.2\n"
        "RUN rm /usr/lib/jvm/jdk-17.0.2/lib/security/cacerts\n",
        [(3, "LG003")],
    ),
    # (1026/009) yum's --downloadonly saves the packages into --downloaddir: a later move or
    # removal of them there hides that layer's files
    (
        "FROM centos:7\nRUN yum install -y --downloadonly --downloaddir=/opt bc-flexisip"
        " && yum clean all\nRUN mv /opt/bc-flexisip*.rpm /tmp\nRUN rm /opt/*.rpm\n",
        [(3, "LG003"), (4, "LG003")],
    ),
    # (1022/008, 1016/012) a directory named as the package's own copied over it: the main
    # file, where it is the one known (mosquitto.conf), and Alpine's FreeRADIUS in /etc/raddb
    (
        "FROM node:12.21-buster-slim\nRUN apt-get update && apt-get install -y mosquitto"
        " && rm -rf /var/lib/apt/lists/*\nCOPY deployment/single/mosquitto etc/mosquitto\n",
        [(3, "LG002")],
    ),
    (
        "FROM node:12.21-buster-slim\nRUN apt-get update && apt-get install -y mosquitto"
        " && rm -rf /var/lib/apt/lists/*\nCOPY deployment/single/broker /etc/mosquitto/conf.d\n",
        [],
    ),
    (
        "FROM alpine:3.12\nRUN apk --update add freeradius freeradius-mysql"
        " && rm -rf /var/cache/apk/*\nADD --chown=root:radius ./etc/raddb/ /etc/raddb\n",
        [(3, "LG002")],
    ),
    # (1030/002) with HOME=/, pip's cache is /.cache/pip, which `rm -fr /.cache` takes
    (
        "FROM ubuntu:20.04\nENV HOME /\n"
        "RUN pip install -U pip setuptools wheel && rm -fr /.cache\n",
        [],
    ),
    ("FROM ubuntu:20.04\nENV HOME /\nRUN pip install -U pip setuptools wheel\n", [(3, "LG005")]),
]


_FIFTY_FIRST_REVIEW = [
    # (s51c/098) a skeleton the Dockerfile filled gives the home its dotfiles; only /dev/null
    # gives none
    (
        "FROM ubuntu:22.04\nCOPY skel/.bashrc /opt/skel/.bashrc\nRUN useradd -m -k /opt/skel dev\n"
        "COPY .bashrc /home/dev/.bashrc\n",
        [(4, "LG002")],
    ),
    # (s51c/101) on Red Hat's family too, where a home useradd makes is filled from /etc/skel
    (
        "FROM centos:7\nRUN useradd -m -k /dev/null rpmbuilder\n"
        "COPY .bash_profile /home/rpmbuilder/.bash_profile\n",
        [],
    ),
    # (s51c/023) a release run into the family's name is that release for what it keeps too:
    # bullseye's sources.list has content
    (
        "FROM ghcr.io/linuxserver/baseimage-kasmvnc:debianbullseye\n"
        "COPY sources.list /etc/apt/sources.list\n",
        [(2, "LG002")],
    ),
    # (s51a/078) curl -uJenkins:token -O (the J is the user's name, not -J): saved as its address's
    (
        "FROM jenkins/jenkins:lts-jdk17\n"
        "WORKDIR /tmp\n"
        "USER root\n"
        "RUN curl -fsS -uJenkins:secret -O https://repo.example.com/artifactory/plugins/"
        "plugin.hpi\n"
        "RUN rm -f /tmp/notes.txt\n",
        [],
    ),
    # (s51a/105) rake run at / (no WORKDIR) with -f naming a Rakefile elsewhere; a later RUN removes
    (
        "FROM ruby:3.2\n"
        "COPY tasks/ /opt/tasks/\n"
        "RUN gem install rake && rake -f /opt/tasks/Rakefile setup\n"
        "RUN rm -f /usr/local/etc/motd.txt\n",
        [(3, "LG005")],
    ),
    # (s51a/106) rake -T only lists the tasks (writes nothing in /app); /app/log holds only the dire
    (
        "FROM ruby:3.3-alpine\n"
        "WORKDIR /app\n"
        "RUN mkdir -p /app/log /app/tmp\n"
        "RUN rake -T\n"
        "RUN chown -R nobody /app/log\n",
        [],
    ),
    # (s51b/013) cmake given only its SOURCE directory by a variable ($SRC from $(pwd)), no option,
    (
        "FROM ubuntu:22.04\n"
        "COPY yaml-cpp /src/yaml-cpp\n"
        "RUN cd /src/yaml-cpp && SRC=$(pwd) && mkdir -p /tmp/build && cd /tmp/build \\\n"
        '    && cmake "$SRC" && make -j4 && make install && rm -rf /tmp/build\n'
        "RUN rm -rf /usr/local/lib/*.a\n",
        [(5, "LG003")],
    ),
    # (s51b/014) cmake .. then `cmake --build . -j $(nproc)` (a build, no prefix) then make install:
    (
        "FROM ubuntu:22.04\n"
        "COPY libfoo /src/libfoo\n"
        "RUN cd /src/libfoo && mkdir build && cd build && cmake .. -DCMAKE_BUILD_TYPE=Re"
        "lease && cmake --build . -j $(nproc) && make install\n"
        "RUN rm -rf /usr/local/lib/*.a\n",
        [(4, "LG003")],
    ),
    # (s51b/017) build in one RUN (`cmake --build . -j $(nproc)`), make install in the next RUN of t
    (
        "FROM ubuntu:22.04\n"
        "COPY libfoo /src/libfoo\n"
        "RUN mkdir /src/libfoo/build && cd /src/libfoo/build && cmake .. && cmake --buil"
        "d . -j $(nproc)\n"
        "RUN cd /src/libfoo/build && make install\n"
        "RUN rm -rf /usr/local/lib/*.a\n",
        [(5, "LG003")],
    ),
    # (s51b/018) a cmake project built with `cmake --build . -j $(nproc)` in one RUN, then redis (no
    (
        "FROM debian:bookworm\n"
        "RUN apt-get update && apt-get install -y build-essential cmake wget && rm -rf /"
        "var/lib/apt/lists/*\n"
        "COPY libfoo /src/libfoo\n"
        "RUN cd /src/libfoo && mkdir build && cd build && cmake .. && cmake --build . -j"
        " $(nproc) && make install\n"
        "RUN cd /tmp && wget -q https://download.redis.io/releases/redis-7.2.4.tar.gz &&"
        " tar xzf redis-7.2.4.tar.gz && rm redis-7.2.4.tar.gz && cd redis-* && make -j4 "
        "&& make install && cd .. && rm -rf redis-*\n"
        "RUN rm -f /usr/local/bin/redis-benchmark\n",
        [(6, "LG003")],
    ),
    # (s51b/087) archlinux/base (the deprecated image, last built 2020, Python 3.8): pip installs an
    (
        "FROM archlinux/base\n"
        "RUN pacman -Syu --noconfirm python-pip && yes | pacman -Scc && rm -rf /var/lib/"
        "pacman/sync/*\n"
        "RUN pip install flask\n",
        [(3, "LG005")],
    ),
    # (s51b/088) archlinux:20200705 (the library image's 2020 dated tag scheme, before PEP 668): pip
    (
        "FROM archlinux:20200705\n"
        "RUN pacman -Syu --noconfirm python-pip && yes | pacman -Scc && rm -rf /var/lib/"
        "pacman/sync/*\n"
        "RUN pip install flask\n",
        [(3, "LG005")],
    ),
    # (s51b/007) the unknown prefix $(pwd)/dist beside -DCMAKE_BUILD_TYPE=Release (the usual spellin
    (
        "FROM ubuntu:22.04\n"
        "COPY z3 /src/z3\n"
        "RUN cd /src/z3 && mkdir build && cd build && cmake -DCMAKE_BUILD_TYPE=Release -"
        "DCMAKE_INSTALL_PREFIX=$(pwd)/dist .. && make -j4 && make install\n"
        "RUN rm -rf /usr/local/lib/*.a\n",
        [],
    ),
    # (s51b/035) cmake -DCMAKE_INSTALL_PREFIX=/opt/z3 .., cmake --build ., cmake --install .: instal
    (
        "FROM ubuntu:22.04\n"
        "COPY z3 /src/z3\n"
        "RUN cd /src/z3 && mkdir build && cd build && cmake -DCMAKE_INSTALL_PREFIX=/opt/"
        "z3 .. && cmake --build . && cmake --install .\n"
        "RUN rm -rf /usr/local/lib/*.a\n",
        [],
    ),
    # (s51b/055) near miss outside the new list: rooted tarball at / without strip, its .minisig rem
    (
        "FROM ubuntu:20.04\n"
        "RUN wget -q https://example.com/releases/mytool-1.2-rootfs.tar.gz https://examp"
        "le.com/releases/mytool-1.2-rootfs.tar.gz.minisig \\\n"
        "    && tar xzf mytool-1.2-rootfs.tar.gz \\\n"
        "    && rm mytool-1.2-rootfs.tar.gz mytool-1.2-rootfs.tar.gz.minisig \\\n"
        "    && chmod -R a+rX /usr/lib/mytool\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FIFTY_FIRST_REVIEW)
def test_the_reviews_of_the_fifty_first_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


@pytest.mark.parametrize(("dockerfile", "expected"), _FIFTY_FIRST)
def test_the_classes_of_the_fifty_first_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


# The fifty-second session's classes, from the held-out sets: an install of a project's locked
# dependencies that an earlier RUN ran from the same lock finds them all there (poetry, yarn,
# npm, pnpm, pipenv, uv); rpm's versioned package names; ROS's rosdep cache; php's
# PHPIZE_DEPS; Kubernetes' clean-install; Debian's testing; what a find leaves by name; what
# software-properties-common pulls in; Jupyter's fix-permissions copied onto another image;
# what `$(basename "$URL")` prints; nvm's install script's own fetch; a clone's `.git*`; Red
# Hat's redis and clamd configuration.
_FIFTY_SECOND = [
    # poetry install --no-root from the copied lock, then COPY . . and poetry install: the second fe
    (
        "FROM python:3.12\n"
        "WORKDIR /app\n"
        "RUN pip install --no-cache-dir poetry\n"
        "COPY pyproject.toml poetry.lock ./\n"
        "RUN poetry install --no-root --extras worker\n"
        "COPY . .\n"
        "RUN poetry install\n"
        "RUN poetry install --with dev\n",
        [(5, "LG005"), (6, "LG002"), (8, "LG005")],
    ),
    # yarn with --ignore-scripts, then yarn again after COPY . .: node_modules is there and nothing
    (
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY package.json yarn.lock ./\n"
        "RUN yarn --frozen-lockfile --ignore-scripts\n"
        "COPY . .\n"
        "RUN yarn --frozen-lockfile\n"
        "RUN rm -rf node_modules\n"
        "RUN yarn install --frozen-lockfile\n",
        [(4, "LG005"), (5, "LG002"), (7, "LG003"), (8, "LG005")],
    ),
    # npm install --production, then npm install: the devDependencies are fetched; npm ci removes no
    (
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm install --production\n"
        "COPY . .\n"
        "RUN npm install\n"
        "RUN npm ci\n",
        [(4, "LG005"), (5, "LG002"), (6, "LG005"), (7, "LG003"), (7, "LG005")],
    ),
    # another lock copied over the first: the install fetches what it pins
    (
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY package.json yarn.lock ./\n"
        "RUN yarn install\n"
        "COPY web/package.json web/yarn.lock ./\n"
        "RUN yarn install\n",
        [(4, "LG005"), (5, "LG002"), (6, "LG005")],
    ),
    # another user: poetry makes that user's environment and fetches everything into it
    (
        "FROM python:3.12\n"
        "WORKDIR /app\n"
        "RUN pip install --no-cache-dir poetry && useradd -m app\n"
        "COPY pyproject.toml poetry.lock ./\n"
        "RUN poetry install --no-root\n"
        "COPY . .\n"
        "USER app\n"
        "RUN poetry install\n",
        [(5, "LG005"), (6, "LG002"), (8, "LG005")],
    ),
    # the same arguments held in a variable, and an extra the first install had: nothing more to fet
    (
        "FROM python:3.12\n"
        "ARG POETRY_ARGS\n"
        "ENV VIRTUAL_ENV=/venv\n"
        "WORKDIR /app\n"
        "RUN pip install --no-cache-dir poetry && python -m venv /venv\n"
        "COPY pyproject.toml poetry.lock ./\n"
        "RUN poetry install $POETRY_ARGS --no-root -E gunicorn && rm -rf /root/.cache\n"
        "COPY . .\n"
        "RUN poetry install $POETRY_ARGS\n",
        [(8, "LG002")],
    ),
    # a package added between: the lock changes, and the install fetches it
    (
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY package.json yarn.lock ./\n"
        "RUN yarn install\n"
        "RUN yarn add left-pad\n"
        "COPY . .\n"
        "RUN yarn install\n",
        [(4, "LG005"), (5, "LG005"), (6, "LG002"), (7, "LG005")],
    ),
    # uv sync --no-install-project, then uv sync (which builds the project: its build backend is fet
    (
        "FROM python:3.12\n"
        "WORKDIR /app\n"
        "RUN pip install --no-cache-dir uv pipenv\n"
        "COPY pyproject.toml uv.lock Pipfile Pipfile.lock ./\n"
        "RUN uv sync --frozen --no-install-project\n"
        "RUN pipenv install --system --deploy\n"
        "COPY . .\n"
        "RUN uv sync --frozen\n"
        "RUN pipenv install --deploy\n"
        "RUN uv sync --frozen\n",
        [(5, "LG005"), (6, "LG005"), (7, "LG002"), (8, "LG005"), (9, "LG005")],
    ),
    # a package installed by its versioned name (rpm's name-version-release) is the one a later remo
    (
        "FROM almalinux:9\n"
        "RUN dnf install -y cmake-3.26.5 epel-release-9-7.el9 && dnf clean all\n"
        "RUN dnf remove -y cmake && dnf clean all\n"
        "RUN dnf remove -y epel-release && dnf clean all\n",
        [(3, "LG003"), (4, "LG003")],
    ),
    # ros-base (the library image's default) ran rosdep update: its index cache is there to hide
    (
        "FROM ros:humble\n"
        "RUN apt-get update && rosdep update && rm -rf /var/lib/apt/lists/* /root/.ros/rosdep\n",
        [(2, "LG003")],
    ),
    # ros-core holds no rosdep cache to hide
    (
        "FROM ros:humble-ros-core\nRUN rm -rf /root/.ros/rosdep\n",
        [],
    ),
    # the php image's Debian tags keep phpize's build tools ($PHPIZE_DEPS) installed: a purge of the
    (
        "FROM php:8.3-cli-bookworm\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends libzip-dev && "
        "docker-php-ext-install zip && apt-get purge -y --auto-remove $PHPIZE_DEPS libzi"
        "p-dev && rm -rf /var/lib/apt/lists/*\n",
        [(2, "LG003")],
    ),
    # Kubernetes' debian-base's clean-install updates, installs and removes the package lists
    (
        "FROM registry.k8s.io/build-image/debian-base:bookworm-v1.0.4\n"
        "RUN apt update && apt upgrade -y && clean-install ca-certificates mount\n"
        "RUN clean-install e2fsprogs\n",
        [],
    ),
    # Debian's testing (and unstable, sid) is after bookworm: its Python is externally managed, and
    (
        "FROM debian:testing-slim\n"
        "RUN apt-get update && apt-get install -y python3-pip && rm -rf /var/lib/apt/lists/*\n"
        "RUN pip install pydantic\n",
        [],
    ),
    # bullseye's pip installs, and keeps its cache
    (
        "FROM debian:bullseye-slim\n"
        "RUN apt-get update && apt-get install -y python3-pip && rm -rf /var/lib/apt/lists/*\n"
        "RUN pip install pydantic\n",
        [(3, "LG005")],
    ),
    # a find that deletes all files but some names leaves those: the copied Makefile.inc stays; one
    (
        "FROM debian:12\n"
        "WORKDIR /opt/quip\n"
        "COPY Makefile.inc build/linux/Makefile.inc\n"
        "RUN make libquip && find build/linux -type f ! \\( -name 'libquip.a' -o -name '"
        "Makefile.inc' \\) -delete\n"
        "COPY Makefile.inc build/other/Makefile.inc\n"
        "RUN make libquip && find build/other -type f ! -name 'libquip.a' -delete\n",
        [(6, "LG003")],
    ),
    # software-properties-common pulls in python3, PackageKit and polkit: a later purge of them, and
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y software-properties-common\n"
        "RUN apt-get remove --purge -y python3 policykit-1\n"
        "RUN apt-get autoremove -y\n",
        [(2, "LG005"), (3, "LG003"), (4, "LG003")],
    ),
    # the lock copied by a wildcard (poetry.lock*), then the sources' directory copied over the proj
    (
        "FROM python:3.12\n"
        "ENV POETRY_VIRTUALENVS_IN_PROJECT=1\n"
        "WORKDIR /src\n"
        "RUN pip install --no-cache-dir poetry\n"
        "COPY README.md pyproject.toml poetry.lock* ./\n"
        "RUN poetry install --no-root\n"
        "COPY src ./\n"
        "RUN poetry install\n",
        [(6, "LG005")],
    ),
    # Jupyter's fix-permissions copied in on another image: it changes only what is not fixed yet, s
    (
        "FROM nvidia/cuda:12.2.0-devel-ubuntu22.04\n"
        "COPY fix-permissions /usr/local/bin/fix-permissions\n"
        "RUN useradd -m -u 1000 -g 100 lwa\n"
        "COPY --chown=1000:100 notebooks /home/lwa/notebooks\n"
        "RUN fix-permissions /home/lwa\n"
        "RUN mkdir /home/lwa/work && fix-permissions /home/lwa\n",
        [(5, "LG004")],
    ),
    # $(basename "$URL") prints the name the ADD saved the download under, where the address is know
    (
        "FROM debian:12\n"
        "ARG SERVER_URL=https://releases.example.org/files/server-2022.9-linux-amd64.tar.gz\n"
        "RUN mkdir /tmp/server\n"
        "ADD $SERVER_URL /tmp/server\n"
        'RUN tar -zxf "/tmp/server/$(basename $SERVER_URL)" -C /opt && rm -rf /tmp/server\n',
        [(4, "LG006"), (5, "LG003")],
    ),
    # with no address known, what basename prints is not known either
    (
        "FROM debian:12\n"
        "ARG SERVER_URL\n"
        "ADD ${SERVER_URL} /tmp/server.tgz\n"
        'RUN tar -zxf "/tmp/$(basename $SERVER_URL)" -C /opt\n',
        [],
    ),
    # nvm's install script and an nvm install of NODE_VERSION in the same RUN: the script fetched it
    (
        "FROM python:3.12\n"
        "ENV NVM_DIR=/usr/local/nvm NODE_VERSION=22.12.0\n"
        "RUN mkdir $NVM_DIR\n"
        "RUN curl https://raw.githubusercontent.com/nvm-sh/nvm/v0.39.3/install.sh | bash"
        " && . $NVM_DIR/nvm.sh && nvm install $NODE_VERSION && nvm alias default $NODE_V"
        "ERSION\n",
        [(4, "LG005")],
    ),
    # a clone's .git, named by a wildcard with its .gitignore, is there whatever the RUN ran before
    (
        "FROM debian:12\n"
        "RUN git clone https://github.com/realms-mud/ldmud.git /mud/ldmud\n"
        "WORKDIR /mud/ldmud/src\n"
        "RUN ./autogen.sh; ./configure --prefix=/mud; make -j 8; rm -rf *.o ../.git*\n",
        [(4, "LG003")],
    ),
    # the configuration Red Hat's redis and clamd packages install, which a COPY writes again
    (
        "FROM centos:7\n"
        "RUN yum install -y epel-release && yum install -y redis clamd && yum clean all\n"
        "COPY redis.conf /etc/\n"
        "COPY scan.conf /etc/clamd.d/scan.conf\n",
        [(3, "LG002"), (4, "LG002")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FIFTY_SECOND)
def test_the_classes_of_the_fifty_second_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


# The fifty-second session's reviews: the probes its changes got wrong, fixed since.
_FIFTY_SECOND_REVIEW = [
    # (s52b/023) RHEL's dotnet-sdk-8.0 (a package NAME, its number is no version) installed at 3; dn
    (
        "FROM rockylinux:9\n"
        "RUN dnf install -y dotnet-sdk-8.0 && dnf clean all\n"
        "RUN dnf remove -y dotnet-sdk-6.0 && dnf clean all\n",
        [],
    ),
    # (s52b/054) php:8.2-fpm-alpine: apk add $PHPIZE_DEPS at 3 (Alpine's list: ... dpkg pkgconf ...)
    (
        "FROM php:8.2-fpm-alpine\nRUN apk add --no-cache $PHPIZE_DEPS\nRUN apk del pkgconf dpkg\n",
        [(3, "LG003")],
    ),
    # (s52b/092) debian:bookworm: s-p-c with --no-install-recommends at 3 does NOT bring gnupg (only
    (
        "FROM debian:bookworm\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends software-prope"
        "rties-common && rm -rf /var/lib/apt/lists/*\n"
        "RUN apt-get purge -y gnupg\n",
        [],
    ),
    # (s52b/095) debian:bookworm: s-p-c at 3; unattended-upgrades is no dependency nor recommend the
    (
        "FROM debian:bookworm\n"
        "RUN apt-get update && apt-get install -y software-properties-common && rm -rf /"
        "var/lib/apt/lists/*\n"
        "RUN apt-get purge -y unattended-upgrades\n",
        [],
    ),
    # (s52b/109) ubuntu:22.04: mysql-client-8.0 (an apt package NAME) at 3; purge of the mysql-clien
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends mysql-client-8"
        ".0 && rm -rf /var/lib/apt/lists/*\n"
        "RUN apt-get purge -y mysql-client\n",
        [],
    ),
    # (s52b/111) ubuntu:22.04: Microsoft's dotnet-sdk-8.0 (apt name) at 3; apt-get remove dotnet-sdk
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends dotnet-sdk-8.0"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN apt-get remove -y dotnet-sdk-6.0 || true\n",
        [],
    ),
    # (s52b/112) ubuntu:16.04: gcc-4.8 g++-4.8 at 3 (not the gcc metapackage); purge gcc g++ at 4, n
    (
        "FROM ubuntu:16.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends gcc-4.8 g++-4."
        "8 && rm -rf /var/lib/apt/lists/*\n"
        "RUN apt-get purge -y gcc g++\n",
        [],
    ),
    # (s52a/051) yarn under a cache mount (no cache in the image), then yarn --production without th
    (
        "FROM node:20-bookworm-slim\n"
        "WORKDIR /app\n"
        "COPY package.json yarn.lock ./\n"
        "RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --froze"
        "n-lockfile\n"
        "COPY . .\n"
        "RUN yarn build && yarn install --production --frozen-lockfile\n",
        [(5, "LG002"), (6, "LG005")],
    ),
    # (s52a/064) poetry install --only-root first (installs no dependency), then --no-root --only ma
    (
        "FROM python:3.12-slim\n"
        "ENV POETRY_NO_INTERACTION=1\n"
        "RUN pip install --no-cache-dir poetry==1.8.3\n"
        "WORKDIR /app\n"
        "COPY pyproject.toml poetry.lock README.md ./\n"
        "COPY app ./app\n"
        "RUN poetry install --only-root\n"
        "RUN poetry install --no-root --only main\n",
        [(8, "LG005")],
    ),
    # (s52a/065) poetry config virtualenvs.create false between the installs (first into a venv, --n
    (
        "FROM python:3.12-slim\n"
        "ENV POETRY_NO_INTERACTION=1\n"
        "RUN pip install --no-cache-dir poetry==1.8.3\n"
        "WORKDIR /app\n"
        "COPY pyproject.toml poetry.lock ./\n"
        "RUN poetry install --no-root --no-cache\n"
        "COPY . .\n"
        "RUN poetry config virtualenvs.create false && poetry install\n",
        [(7, "LG002"), (8, "LG005")],
    ),
    # (s52a/066) POETRY_CACHE_DIR=/tmp/poetry_cache without in-project venvs: rm -rf $POETRY_CACHE_D
    (
        "FROM python:3.11-slim\n"
        "ENV POETRY_NO_INTERACTION=1 POETRY_CACHE_DIR=/tmp/poetry_cache\n"
        "RUN pip install --no-cache-dir poetry==1.6.1\n"
        "WORKDIR /app\n"
        "COPY pyproject.toml poetry.lock ./\n"
        "RUN poetry install --without dev --no-root && rm -rf $POETRY_CACHE_DIR\n"
        "COPY . .\n"
        "RUN poetry install --without dev\n",
        [(7, "LG002"), (8, "LG005")],
    ),
    # (s52a/067) VIRTUAL_ENV=/opt/venv: the venv removed and made again between the installs (first
    (
        "FROM python:3.12-slim\n"
        "ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH\n"
        "RUN python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir poetry"
        "==1.8.3\n"
        "WORKDIR /app\n"
        "COPY pyproject.toml poetry.lock ./\n"
        "RUN poetry install --no-root --no-cache\n"
        "RUN rm -rf /opt/venv && python -m venv /opt/venv && /opt/venv/bin/pip install -"
        "-no-cache-dir poetry==1.8.3\n"
        "COPY . .\n"
        "RUN poetry install\n",
        [(7, "LG003"), (8, "LG002"), (9, "LG005")],
    ),
    # (s52a/068) UV_PROJECT_ENVIRONMENT=/opt/venv removed between the uv syncs (first under a cache
    (
        "FROM python:3.12-slim\n"
        "COPY --from=ghcr.io/astral-sh/uv:0.5.11 /uv /uvx /bin/\n"
        "WORKDIR /app\n"
        "ENV UV_PROJECT_ENVIRONMENT=/opt/venv\n"
        "COPY pyproject.toml uv.lock ./\n"
        "RUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen --no-install-project\n"
        "RUN rm -rf /opt/venv\n"
        "COPY . .\n"
        "RUN uv sync --frozen --no-install-project\n",
        [(7, "LG003"), (8, "LG002"), (9, "LG005")],
    ),
    # (s52a/069) npm prune --production between, then a full npm install (first cleaned its cache):
    (
        "FROM node:20-bookworm-slim\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm install && npm cache clean --force\n"
        "COPY . .\n"
        "RUN npm run build && npm prune --production\n"
        "RUN npm install && npm test\n",
        [(5, "LG002"), (6, "LG003"), (7, "LG005")],
    ),
    # (s52a/070) inline NODE_ENV=production on the first npm install (prod only, cleaned), then a pl
    (
        "FROM node:20-bookworm-slim\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN NODE_ENV=production npm install && npm cache clean --force\n"
        "COPY . .\n"
        "RUN npm install && npm run build\n",
        [(5, "LG002"), (6, "LG005")],
    ),
    # (s52a/071) uv docs pattern without cache mounts: --no-install-project then uv sync builds and
    (
        "FROM python:3.12-slim\n"
        "COPY --from=ghcr.io/astral-sh/uv:0.5.11 /uv /uvx /bin/\n"
        "WORKDIR /app\n"
        "COPY pyproject.toml uv.lock ./\n"
        "RUN uv sync --frozen --no-install-project\n"
        "COPY . .\n"
        "RUN uv sync --frozen\n"
        'CMD ["uv", "run", "app"]\n',
        [(5, "LG005"), (6, "LG002"), (7, "LG005")],
    ),
    # (s52a/072) bookstack-like: UV_PROJECT_ENVIRONMENT, --no-dev --no-editable --no-install-project
    (
        "FROM python:3.13-slim-bookworm\n"
        "WORKDIR /export\n"
        "COPY --from=ghcr.io/astral-sh/uv:0.6.3 /uv /uvx /bin/\n"
        "ENV UV_COMPILE_BYTECODE=1 \\\n"
        "    UV_LINK_MODE=copy \\\n"
        "    UV_PROJECT_ENVIRONMENT=/opt/venv\n"
        "COPY pyproject.toml uv.lock .python-version ./\n"
        "RUN uv sync --frozen --no-dev --no-editable --no-install-project\n"
        "COPY . .\n"
        "RUN uv sync --frozen --no-dev --no-editable\n",
        [(8, "LG005"), (9, "LG002"), (10, "LG005")],
    ),
    # (s52a/118) uv --no-install-project under a cache mount, then plain uv sync without the mount:
    (
        "FROM python:3.12-slim\n"
        "COPY --from=ghcr.io/astral-sh/uv:0.5.11 /uv /uvx /bin/\n"
        "WORKDIR /app\n"
        "COPY pyproject.toml uv.lock ./\n"
        "RUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen --no-install-project\n"
        "COPY . .\n"
        "RUN uv sync --frozen\n",
        [(6, "LG002"), (7, "LG005")],
    ),
    # (s52a/129) POETRY_VIRTUALENVS_CREATE=false, --no-cache first; pip uninstall of one of its pack
    (
        "FROM python:3.11-slim\n"
        "ENV POETRY_VIRTUALENVS_CREATE=false\n"
        "RUN pip install --no-cache-dir poetry==1.8.3\n"
        "WORKDIR /app\n"
        "COPY pyproject.toml poetry.lock ./\n"
        "RUN poetry install --no-root --no-cache\n"
        "RUN pip uninstall -y opencv-python && pip install --no-cache-dir opencv-python-"
        "headless==4.9.0.80\n"
        "COPY . .\n"
        "RUN poetry install\n",
        [(8, "LG002"), (9, "LG005")],
    ),
    # (s52a/100) POETRY_VIRTUALENVS_CREATE=false, rm -rf /root/.cache/pypoetry after the first insta
    (
        "FROM python:3.10-slim\n"
        "ENV POETRY_VIRTUALENVS_CREATE=false\n"
        "RUN pip install --no-cache-dir poetry==1.5.1\n"
        "WORKDIR /app\n"
        "COPY pyproject.toml poetry.lock ./\n"
        "RUN poetry install --no-root && rm -rf /root/.cache/pypoetry\n"
        "COPY . .\n"
        "RUN poetry install\n",
        [(7, "LG002")],
    ),
    # (s52a/101) yarn cache clean after the first, then yarn --frozen-lockfile where the first had n
    (
        "FROM node:20-bookworm-slim\n"
        "WORKDIR /app\n"
        "COPY package.json yarn.lock ./\n"
        "RUN yarn && yarn cache clean\n"
        "COPY . .\n"
        "RUN yarn --frozen-lockfile && yarn build\n",
        [(5, "LG002")],
    ),
    # (s52a/113) rm -rf node_modules/.cache between (the build's cache, not the packages), then yarn
    (
        "FROM node:20-bookworm-slim\n"
        "WORKDIR /app\n"
        "COPY package.json yarn.lock ./\n"
        "RUN yarn install --frozen-lockfile\n"
        "COPY . .\n"
        "RUN yarn build && rm -rf node_modules/.cache\n"
        "RUN yarn install --production --frozen-lockfile\n",
        [(4, "LG005"), (5, "LG002")],
    ),
    # (s52c/035) debian:sid-20220125, a dated sid of January 2022 (Python 3.9/3.10, no EXTERNALLY-MA
    (
        "FROM debian:sid-20220125\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3 python"
        "3-pip && rm -rf /var/lib/apt/lists/*\n"
        "RUN pip3 install click\n",
        [(3, "LG005")],
    ),
    # (s52c/036) debian:testing-20210111-slim, testing of January 2021 (bullseye to be, before PEP 6
    (
        "FROM debian:testing-20210111-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3 python"
        "3-pip && rm -rf /var/lib/apt/lists/*\n"
        "RUN pip3 install click\n",
        [(3, "LG005")],
    ),
    # (s52c/047) debian:testing, `pip3 config set global.break-system-packages true` first: later pi
    (
        "FROM debian:testing\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3 python"
        "3-pip && rm -rf /var/lib/apt/lists/*\n"
        "RUN pip3 config set global.break-system-packages true\n"
        "RUN pip3 install ansible\n",
        [(4, "LG005")],
    ),
    # (s52c/048) debian:bookworm, `pip3 config set global.break-system-packages true` first: later p
    (
        "FROM debian:bookworm\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3 python"
        "3-pip && rm -rf /var/lib/apt/lists/*\n"
        "RUN pip3 config set global.break-system-packages true\n"
        "RUN pip3 install ansible\n",
        [(4, "LG005")],
    ),
    # (s52c/049) debian:sid, /etc/pip.conf written with break-system-packages = true: pip installs a
    (
        "FROM debian:sid\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3-pip &&"
        " rm -rf /var/lib/apt/lists/*\n"
        "RUN printf '[global]\\nbreak-system-packages = true\\n' > /etc/pip.conf\n"
        "RUN pip3 install ansible\n",
        [(4, "LG005")],
    ),
    # (s52c/055) find -mindepth 1 -maxdepth 1 ! -name config.json -exec rm -rf {} +: plugins/ goes w
    (
        "FROM alpine:3.19\n"
        "COPY plugins/auth/config.json /opt/app/plugins/auth/config.json\n"
        "COPY config.json /opt/app/config.json\n"
        "RUN find /opt/app -mindepth 1 -maxdepth 1 ! -name config.json -exec rm -rf {} +\n",
        [(4, "LG003")],
    ),
    # (s52c/090) find /etc/myapp ! -name app.conf -exec rm -rf {} + (no -mindepth): the root /etc/my
    (
        "FROM alpine:3.19\n"
        "COPY config/app.conf /etc/myapp/app.conf\n"
        "RUN find /etc/myapp ! -name app.conf -exec rm -rf {} +\n",
        [(3, "LG003")],
    ),
    # (s52d/051) $(basename -- "$URL") (with -- before the operand) of an ADDed tarball: the tar rea
    (
        "FROM ubuntu:22.04\n"
        "ARG SERVER_URL=https://downloads.example.org/releases/server-2.4.1-linux.tar.gz\n"
        "ADD ${SERVER_URL} /tmp/\n"
        'RUN tar -xzf "/tmp/$(basename -- "$SERVER_URL")" -C /opt\n',
        [(3, "LG006")],
    ),
    # (s52d/093) CentOS 7's redis (3.2) keeps its config in /etc/redis.conf; a COPY to /etc/redis/re
    (
        "FROM centos:7\n"
        "RUN yum install -y epel-release && yum install -y redis && yum clean all\n"
        "COPY redis.conf /etc/redis/redis.conf\n"
        'CMD ["redis-server", "/etc/redis/redis.conf"]\n',
        [],
    ),
    # (s52d/109) Lagoon's php image as base with Lagoon's script already in it; the Dockerfile COPYs
    (
        "FROM uselagoon/php-8.2-cli:latest\n"
        "COPY fix-permissions-wrapper.sh /usr/local/bin/\n"
        "WORKDIR /app\n"
        "COPY . /app\n"
        "RUN fix-permissions /app\n"
        "RUN echo built > /app/BUILD && fix-permissions /app\n",
        [(5, "LG004"), (6, "LG004")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FIFTY_SECOND_REVIEW)
def test_the_reviews_of_the_fifty_second_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


def test_a_file_copied_to_a_system_bin_directory_lands_inside_it(lint_files: Lint) -> None:
    # /usr/local/sbin, /usr/sbin and /sbin are in every image: each file copied there by that
    # name is a file of its own, not the directory written again
    findings = lint_files(
        {
            "Dockerfile": "FROM debian:12\n"
            "ADD docker/objectivefs-installer.sh /usr/local/sbin\n"
            "ADD docker/iscsiadm /usr/local/sbin\n"
            "ADD docker/multipath /usr/sbin\n"
            "ADD docker/mount.helper /usr/sbin\n"
            "COPY docker/iscsiadm /usr/local/sbin/iscsiadm\n",
            "docker/objectivefs-installer.sh": "#!/bin/sh\necho install\n",
            "docker/iscsiadm": '#!/bin/sh\nexec chroot /host iscsiadm "$@"\n',
            "docker/multipath": '#!/bin/sh\nexec chroot /host multipath "$@"\n',
            "docker/mount.helper": '#!/bin/sh\nexec mount "$@"\n',
        }
    )
    assert [(f.line, f.rule) for f in findings if f.rule != "LG001"] == [(6, "LG002")]


# The fifty-third session's classes, from the first runs of held-out sets 1062-1089.
_FIFTY_THIRD: list[tuple[str, list[tuple[int, str]]]] = [
    # a cleanup that asks the manager where its cache is removes that cache
    (
        "FROM amazonlinux:2\n"
        "RUN yum -y install python3 python3-pip && python3 -m pip install --upgrade pip"
        " && python3 -m pip install awscli && rm -rf $(pip cache dir)"
        " && yum clean all && rm -rf /var/cache/yum\n",
        [],
    ),
    (
        "FROM python:3.12\n"
        "ENV PIP_CACHE_DIR=/var/cache/pip\n"
        "RUN pip install requests && rm -rf $(python3 -m pip cache dir)\n",
        [],
    ),
    (
        "FROM node:20\nRUN npm install -g typescript && rm -rf $(npm config get cache)\n",
        [],
    ),
    (
        "FROM python:3.12\n"
        "RUN pip install uv && uv pip install --system flask && rm -rf $(uv cache dir)\n",
        [(2, "LG005")],  # (pip's own cache stays)
    ),
    # an ENV's default word names a variable: `${UV_CACHE_DIR:-$CACHE_DIR}` is CACHE_DIR's value
    # where the build passes no UV_CACHE_DIR, so the cache mount covers that RUN alone
    (
        "FROM ubuntu:22.04\n"
        "ARG CACHE_DIR=/root/.cache/uv\n"
        "ARG UV_CACHE_DIR\n"
        "ENV UV_CACHE_DIR=${UV_CACHE_DIR:-$CACHE_DIR}\n"
        "WORKDIR /stage/\n"
        "COPY pyproject.toml uv.lock ./\n"
        "RUN --mount=type=cache,target=${UV_CACHE_DIR} uv sync --frozen --no-install-project\n"
        "RUN uv sync --extra compile\n",
        [(8, "LG005")],
    ),
    # gitpod's workspace images work in the gitpod user's home: a relative ADD lands there, and a
    # move of it to that home moves nothing
    (
        "FROM gitpod/workspace-full\n"
        "ADD .tool-versions .tool-versions\n"
        "RUN mv .tool-versions /home/gitpod/\n",
        [],
    ),
    # NVIDIA's base flavour holds the CUDA runtime alone: a purge of the compiler and headers this
    # RUN installed removes nothing of the image's; of its runtime, it does
    (
        "FROM nvidia/cuda:9.0-base\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends build-essential git"
        " cuda-core-9-0 cuda-cudart-dev-9-0 && git clone https://e.org/x.git && make -C x"
        " && rm -rf x && apt-get purge -y build-essential git cuda-core-9-0 cuda-cudart-dev-9-0"
        " && apt-get clean && rm -rf /var/lib/apt/lists/*\n",
        [],
    ),
    (
        "FROM nvidia/cuda:11.8.0-base-ubuntu22.04\n"
        "RUN apt-get update && apt-get install -y cuda-nvcc-11-8"
        " && apt-get purge -y cuda-nvcc-11-8 cuda-compat-11-8 && rm -rf /var/lib/apt/lists/*\n",
        [(2, "LG003")],
    ),
    (
        "FROM nvidia/cuda:11.8.0-devel-ubuntu22.04\n"
        "RUN apt-get update && apt-get install -y git && apt-get purge -y git cuda-nvcc-11-8"
        " && rm -rf /var/lib/apt/lists/*\n",
        [(2, "LG003")],
    ),
    # zstd keeps what it decompresses unless told --rm
    (
        "FROM ubuntu:22.04\n"
        "WORKDIR /opt/w\n"
        "RUN wget https://e.org/p.pkg.tar.zst\n"
        "RUN unzstd p.pkg.tar.zst\n",
        [],
    ),
    (
        "FROM ubuntu:22.04\n"
        "WORKDIR /opt/w\n"
        "RUN wget https://e.org/p.pkg.tar.zst\n"
        "RUN zstd -d --rm p.pkg.tar.zst\n",
        [(4, "LG003")],
    ),
    # R reading its code from a heredoc runs it as `-e` would: pak's installs keep its cache
    (
        "FROM rocker/rstudio:4.4\n"
        "RUN Rscript - <<'EOF'\n"
        "install.packages('pak')\n"
        'pak::pak(c("mlr3verse", "rpart"))\n'
        "EOF\n"
        "RUN R --no-save <<EOF\n"
        'pak::pkg_install("shiny")\n'
        "pak::cache_clean()\n"
        "EOF\n",
        [(2, "LG005"), (6, "LG003")],
    ),
    # stages grown from one that installed only compilers share nothing below /opt: each copies
    # its own build's files there
    (
        "FROM ubuntu:22.04 AS builder\n"
        "ENV PREFIX=/opt\n"
        "RUN apt-get update && apt-get install -y build-essential curl\n"
        "FROM builder AS a\n"
        "RUN curl -L https://e.org/a.tar.gz | tar -xz && cd a && ./configure --prefix=$PREFIX"
        " && make install\n"
        "FROM builder AS b\n"
        "RUN curl -L https://e.org/b.tar.gz | tar -xz && cd b && ./configure --prefix=$PREFIX"
        " && make install\n"
        "FROM ubuntu:22.04\n"
        "COPY --from=a /opt /opt\n"
        "COPY --from=b /opt /opt\n",
        [],
    ),
    # (ROS's packages install below /opt: both copies hold them)
    (
        "FROM ros:humble AS base\n"
        "RUN apt-get update && apt-get install -y ros-humble-navigation2"
        " && rm -rf /var/lib/apt/lists/*\n"
        "FROM base AS a\n"
        "RUN echo a > /a\n"
        "FROM base AS b\n"
        "RUN echo b > /b\n"
        "FROM ubuntu:22.04\n"
        "COPY --from=a /opt /opt\n"
        "COPY --from=b /opt /opt\n",
        [(9, "LG002")],
    ),
    # the OCaml images ship opam-repository as a clone: a pull there writes other versions of its
    # files over the base's
    (
        "FROM ocaml/opam:debian-12-ocaml-4.14\n"
        "RUN cd ~/opam-repository && git pull origin master && git reset --hard 2dee2fe"
        " && opam update\n",
        [(2, "LG003")],
    ),
    (
        "FROM ocaml/opam:debian-12-ocaml-4.14\n"
        "RUN git -C /home/opam/opam-repository status && opam update\n",
        [],
    ),
    (
        "FROM espressif/idf:v5.1\n"
        "RUN cd $IDF_PATH && git checkout v5.1.2 && git submodule update --init --recursive\n",
        [(2, "LG003")],
    ),
    # the node images of Node.js 8 to 25 hold yarn 1 in /opt/yarn-v*: a chown -R of /opt copies it
    # up; 26's and later hold none
    (
        "FROM node:20-slim\nRUN mkdir -p /opt/inventaire && chown -R 1000:1000 /opt\n",
        [(2, "LG004")],
    ),
    (
        "FROM node:26-slim\nRUN mkdir -p /opt/inventaire && chown -R 1000:1000 /opt\n",
        [],
    ),
    # arduino-cli keeps every core and library archive it fetched in its downloads directory,
    # which its cache clean empties; a library from git or a zip fetches none there
    (
        "FROM ubuntu:22.04\n"
        "RUN arduino-cli core update-index && arduino-cli core install arduino:avr\n"
        "RUN arduino-cli core install esp32:esp32 && arduino-cli cache clean\n"
        "RUN arduino-cli lib install --git-url https://github.com/x/y.git\n"
        "RUN arduino-cli lib install WiFiNINA\n",
        [(2, "LG005"), (3, "LG003"), (5, "LG005")],
    ),
    # root's pip in the home of a user this file added (ENV HOME, no USER: root runs it) finds
    # that home another's and turns its cache off
    (
        "FROM python:3.9-slim-bullseye\n"
        "ARG NB_USER=jovyan\n"
        "ENV USER=${NB_USER} HOME=/home/${NB_USER}\n"
        'RUN adduser --disabled-password --gecos "Default user" --uid 1000 ${USER}\n'
        "WORKDIR ${HOME}\n"
        "RUN pip install requests\n",
        [],
    ),
    # (not the base's user in its own home: Jupyter's images run as jovyan)
    (
        "FROM jupyter/base-notebook\nENV HOME=/home/jovyan\nRUN pip install requests\n",
        [(3, "LG005")],
    ),
    (
        "FROM python:3.9-slim\n"
        "RUN useradd -m app\n"
        "ENV HOME=/home/app\n"
        "USER app\n"
        "RUN pip install --user requests\n",
        [(5, "LG005")],
    ),
    # a directory inside an unpacked tree whose every file a move took (`mv pkg/* dest`) holds
    # entries alone: its later removal hides nothing
    (
        "FROM ubuntu:22.04\n"
        "WORKDIR /usr/local/tomcat\n"
        "RUN curl -L https://e.org/a.zip -o a.zip\n"
        "RUN unzip a.zip\n"
        "RUN mv pkg/* /opt/\n"
        "RUN rm -rf pkg\n",
        [(5, "LG003")],
    ),
    # another manager's cache directory is not pip's
    (
        "FROM python:3.12\nRUN pip install requests && rm -rf $(npm config get cache)\n",
        [(2, "LG005")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FIFTY_THIRD)
def test_the_classes_of_the_fifty_third_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


# The reviews of the fifty-third session: probes whose findings changed wrongly, kept as repros.
_FIFTY_THIRD_REVIEW: list[tuple[str, list[tuple[int, str]]]] = [
    # (s53a/022) pip cache dir 2>/dev/null inside substitution (same meaning); expect none
    (
        "FROM python:3.12-slim\n"
        "COPY requirements.txt .\n"
        "RUN pip install -r requirements.txt \\\n"
        ' && rm -rf "$(pip cache dir 2>/dev/null)"\n',
        [],
    ),
    # (s53a/023) venv pip by path: $(/opt/venv/bin/pip cache dir) is root's ~/.cache/pip as well; ex
    (
        "FROM python:3.12-slim\n"
        "RUN python -m venv /opt/venv\n"
        "ENV PATH=/opt/venv/bin:$PATH\n"
        "COPY requirements.txt .\n"
        "RUN /opt/venv/bin/pip install -r requirements.txt && rm -rf $(/opt/venv/bin/pip"
        " cache dir)\n",
        [],
    ),
    # (s53a/025) npm get cache (alias of npm config get cache); expect none
    (
        "FROM node:20-slim\n"
        "WORKDIR /app\n"
        "COPY package*.json ./\n"
        'RUN npm ci && rm -rf "$(npm get cache)"\n',
        [],
    ),
    # (s53a/031) PIP_CACHE_DIR and XDG_CACHE_HOME both set: PIP_CACHE_DIR wins, $(pip cache dir) rem
    (
        "FROM python:3.12-slim\n"
        "ENV XDG_CACHE_HOME=/xdg \\\n"
        "    PIP_CACHE_DIR=/pipcache\n"
        "COPY requirements.txt .\n"
        "RUN pip install -r requirements.txt && rm -rf $(pip cache dir)\n",
        [],
    ),
    # (s53a/078) RUN <<EOF Rscript - (heredoc first); pak; expect L3 LG005
    (
        "FROM rocker/r-ver:4.4.1\n"
        "RUN <<EOF Rscript -\n"
        'install.packages("pak")\n'
        'pak::pkg_install(c("httr2", "jsonlite"))\n'
        "EOF\n",
        [(2, "LG005")],
    ),
    # (s53a/089) R heredoc followed by && in the same line: pak runs, its cache stays (rm -rf /tmp/*
    (
        "FROM rocker/r-ver:4.4.1\n"
        "RUN Rscript - <<EOF && rm -rf /tmp/*\n"
        'install.packages("pak")\n'
        'pak::pkg_install("shiny")\n'
        "EOF\n",
        [(2, "LG005")],
    ),
    # (s53a/095) pak heredoc with R_USER_CACHE_DIR=/tmp/rcache and a cache mount there; expect none
    (
        "FROM rocker/r-ver:4.4.1\n"
        "ENV R_USER_CACHE_DIR=/tmp/rcache\n"
        "RUN --mount=type=cache,target=/tmp/rcache Rscript - <<EOF\n"
        'install.packages("pak")\n'
        'pak::pkg_install("arrow")\n'
        "EOF\n",
        [],
    ),
    # (s53a/111) [area 2, placed here] doubly nested default ${PIP_CACHE_DIR:-${XDG_CACHE_HOME:-${BA
    (
        "FROM python:3.12-slim\n"
        "ARG BASE_CACHE=/var/cache\n"
        "ENV PIP_CACHE_DIR=${PIP_CACHE_DIR:-${XDG_CACHE_HOME:-${BASE_CACHE}}/pip}\n"
        "COPY requirements.txt .\n"
        "RUN pip install -r requirements.txt && rm -rf /root/.cache/pip\n",
        [(5, "LG005")],
    ),
    # (s53b/066) emscripten/emsdk 3.1.x: /emsdk is a copy of emsdk without .git (images since 2.0.2)
    (
        "FROM emscripten/emsdk:3.1.61\n"
        "RUN cd /emsdk && git pull && ./emsdk install latest && ./emsdk activate latest\n",
        [],
    ),
    # (s53b/067) emscripten/emsdk 1.39.20 (built from a git clone of emsdk): git pull in /emsdk: LG0
    (
        "FROM emscripten/emsdk:1.39.20\n"
        "RUN cd /emsdk && git pull && ./emsdk install latest && ./emsdk activate latest\n",
        [],
    ),
    # (s53b/103) compiler stage (build-essential) and two builds with --prefix=/opt/a and /opt/b; fi
    (
        "FROM debian:bookworm AS toolchain\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends build-essentia"
        "l curl ca-certificates && rm -rf /var/lib/apt/lists/*\n"
        "FROM toolchain AS liba\n"
        "RUN curl -fsSL https://e.org/liba-1.0.tar.gz | tar -xz -C /tmp && cd /tmp/liba-"
        "1.0 && ./configure --prefix=/opt/liba && make install\n"
        "FROM toolchain AS libb\n"
        "RUN curl -fsSL https://e.org/libb-2.3.tar.gz | tar -xz -C /tmp && cd /tmp/libb-"
        "2.3 && ./configure --prefix=/opt/libb && make install\n"
        "FROM debian:bookworm-slim\n"
        "COPY --from=liba /opt /opt\n"
        "COPY --from=libb /opt /opt\n",
        [],
    ),
    # (s53b/107) CentOS 7 common stage installs devtoolset-11 (SCL packages live in /opt/rh/devtools
    (
        "FROM centos:7 AS toolset\n"
        "RUN yum install -y centos-release-scl && yum install -y devtoolset-11-gcc devto"
        "olset-11-gcc-c++ make && yum clean all\n"
        "FROM toolset AS zlib\n"
        "COPY zlib/ /src/zlib/\n"
        "RUN cd /src/zlib && scl enable devtoolset-11 -- sh -c './configure --prefix=/op"
        "t/zlib && make install'\n"
        "FROM toolset AS lz4\n"
        "COPY lz4/ /src/lz4/\n"
        "RUN cd /src/lz4 && scl enable devtoolset-11 -- make install PREFIX=/opt/lz4\n"
        "FROM centos:7\n"
        "COPY --from=zlib /opt /opt\n"
        "COPY --from=lz4 /opt /opt\n",
        [(11, "LG002")],
    ),
    # (s53b/110) common stage FROM ros:humble (the base holds /opt/ros/humble) installs python3-pip;
    (
        "FROM ros:humble AS base\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends python3-pip &&"
        " rm -rf /var/lib/apt/lists/*\n"
        "FROM base AS planner\n"
        "COPY planner/ /opt/planner/\n"
        "FROM base AS driver\n"
        "COPY driver/ /opt/driver/\n"
        "FROM ubuntu:22.04\n"
        "RUN mkdir -p /opt\n"
        "COPY --from=planner /opt /opt\n"
        "COPY --from=driver /opt /opt\n",
        [(10, "LG002")],
    ),
    # (s53b/123) common stage installs puppet-agent (below /opt/puppetlabs); /opt copied from two st
    (
        "FROM ubuntu:22.04 AS puppet\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends wget ca-certif"
        "icates \\\n"
        " && wget -q https://apt.puppet.com/puppet8-release-jammy.deb && dpkg -i puppet8"
        "-release-jammy.deb && rm puppet8-release-jammy.deb \\\n"
        " && apt-get update && apt-get install -y --no-install-recommends puppet-agent &"
        "& rm -rf /var/lib/apt/lists/*\n"
        "FROM puppet AS web\n"
        "RUN mkdir -p /opt/web && echo w > /opt/web/v\n"
        "FROM puppet AS db\n"
        "RUN mkdir -p /opt/db && echo d > /opt/db/v\n"
        "FROM ubuntu:22.04\n"
        "COPY --from=web /opt /opt\n"
        "COPY --from=db /opt /opt\n",
        [(11, "LG002")],
    ),
    # (s53b/128) common stage installs PowerShell from Microsoft's repository (package powershell, i
    (
        "FROM ubuntu:22.04 AS pwsh\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends wget ca-certif"
        "icates \\\n"
        " && wget -q https://packages.microsoft.com/config/ubuntu/22.04/packages-microso"
        "ft-prod.deb && dpkg -i packages-microsoft-prod.deb \\\n"
        " && rm packages-microsoft-prod.deb && apt-get update && apt-get install -y --no"
        "-install-recommends powershell \\\n"
        " && rm -rf /var/lib/apt/lists/*\n"
        "FROM pwsh AS scripts\n"
        "COPY scripts/ /opt/scripts/\n"
        "FROM pwsh AS modules\n"
        'RUN pwsh -NoLogo -Command "Save-Module -Name Az.Accounts -Path /opt/modules"\n'
        "FROM ubuntu:22.04\n"
        "COPY --from=scripts /opt /opt\n"
        "COPY --from=modules /opt /opt\n",
        [(12, "LG002")],
    ),
    # (s53b/129) common stage installs Fluentd's td-agent from its vendor .deb by dpkg -i (into /opt
    (
        "FROM ubuntu:22.04 AS agent\n"
        "COPY td-agent_4.5.2-1_amd64.deb /tmp/\n"
        "RUN dpkg -i /tmp/td-agent_4.5.2-1_amd64.deb && rm /tmp/td-agent_4.5.2-1_amd64.deb\n"
        "FROM agent AS a\n"
        "RUN mkdir -p /opt/a && echo a > /opt/a/v\n"
        "FROM agent AS b\n"
        "RUN mkdir -p /opt/b && echo b > /opt/b/v\n"
        "FROM ubuntu:22.04\n"
        "COPY --from=a /opt /opt\n"
        "COPY --from=b /opt /opt\n",
        [(10, "LG002")],
    ),
    # (s53c/020) both DATA=/opt/arduino and DOWNLOADS=/var/cache/arduino set, rm -rf the DOWNLOADS d
    (
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certif"
        "icates && rm -rf /var/lib/apt/lists/*\n"
        "RUN curl -fsSL https://raw.githubusercontent.com/arduino/arduino-cli/master/ins"
        "tall.sh | BINDIR=/usr/local/bin sh\n"
        "ENV ARDUINO_DIRECTORIES_DATA=/opt/arduino \\\n"
        "    ARDUINO_DIRECTORIES_DOWNLOADS=/var/cache/arduino\n"
        "RUN arduino-cli core update-index && arduino-cli core install arduino:avr && rm"
        " -rf /var/cache/arduino\n",
        [],
    ),
    # (s53c/051) mkdir -p /home/app then useradd -m in the same RUN (useradd leaves an existing home
    (
        "FROM python:3.11-slim\n"
        "RUN mkdir -p /home/app && useradd -m -d /home/app app\n"
        "ENV HOME=/home/app\n"
        "COPY requirements.txt /tmp/requirements.txt\n"
        "RUN pip install -r /tmp/requirements.txt\n",
        [(5, "LG005")],
    ),
    # (s53c/054) root made ~/.cache in an EARLIER RUN (still root's), added home, pip later; expect
    (
        "FROM python:3.11-slim\n"
        "RUN useradd -m app\n"
        "ENV HOME=/home/app\n"
        "RUN mkdir -p $HOME/.cache $HOME/.config\n"
        "COPY requirements.txt /tmp/requirements.txt\n"
        "RUN pip install -r /tmp/requirements.txt\n",
        [(6, "LG005")],
    ),
    # (s53c/111) pnpm: PNPM_HOME=/pnpm and PNPM_STORE_DIR=/pnpm-store (pnpm reads no PNPM_STORE_DIR:
    (
        "FROM node:20-slim\n"
        'ENV PNPM_HOME="/pnpm" PNPM_STORE_DIR="/pnpm-store"\n'
        'ENV PATH="$PNPM_HOME:$PATH"\n'
        "RUN corepack enable\n"
        "WORKDIR /app\n"
        "COPY package.json pnpm-lock.yaml ./\n"
        "RUN --mount=type=cache,id=pnpm,target=/pnpm/store pnpm install --prod --frozen-"
        "lockfile\n",
        [],
    ),
    # (s53d/023) ubuntu common stage adds Intel's OpenVINO apt source with apt-add-repository (the o
    (
        "FROM ubuntu:22.04 AS base\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends gnupg wget sof"
        "tware-properties-common cmake g++ && \\\n"
        "    wget -qO- https://apt.repos.intel.com/intel-gpg-keys/GPG-PUB-KEY-INTEL-SW-P"
        "RODUCTS.PUB | gpg --dearmor -o /usr/share/keyrings/intel.gpg && \\\n"
        '    apt-add-repository -y "deb [signed-by=/usr/share/keyrings/intel.gpg] https'
        '://apt.repos.intel.com/openvino/2023 ubuntu22 main" && apt-get install -y open'
        "vino-2023.3.0 && rm -rf /var/lib/apt/lists/*\n"
        "\n"
        "FROM base AS detector\n"
        "RUN mkdir -p /opt/detector && cmake -S /usr/share/openvino/samples/cpp -B /opt/"
        "detector\n"
        "\n"
        "FROM base AS classifier\n"
        "RUN mkdir -p /opt/classifier && cmake -S /usr/share/openvino/samples/cpp -B /op"
        "t/classifier\n"
        "\n"
        "FROM ubuntu:22.04\n"
        "COPY --from=detector /opt /opt\n"
        "COPY --from=classifier /opt /opt\n",
        [(14, "LG002")],
    ),
    # (s53d/026) ubuntu common stage runs Intel oneAPI's offline installer (sh ./l_BaseKit...sh, ins
    (
        "FROM ubuntu:22.04 AS oneapi\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends wget build-ess"
        "ential cmake ca-certificates && rm -rf /var/lib/apt/lists/*\n"
        "RUN wget -q https://registrationcenter-download.intel.com/akdlm/IRC_NAS/163da6e"
        "4-56eb-4948-aba3-debcec61c064/l_BaseKit_p_2024.0.1.46_offline.sh && \\\n"
        "    sh ./l_BaseKit_p_2024.0.1.46_offline.sh -a --silent --eula accept && rm l_B"
        "aseKit_p_2024.0.1.46_offline.sh\n"
        "\n"
        "FROM oneapi AS solver\n"
        "COPY solver/ /src/solver/\n"
        "RUN . /opt/intel/oneapi/setvars.sh && cmake -S /src/solver -B /src/solver/build"
        " -DCMAKE_INSTALL_PREFIX=/opt/solver && cmake --build /src/solver/build --target"
        " install\n"
        "\n"
        "FROM oneapi AS mesher\n"
        "COPY mesher/ /src/mesher/\n"
        "RUN . /opt/intel/oneapi/setvars.sh && cmake -S /src/mesher -B /src/mesher/build"
        " -DCMAKE_INSTALL_PREFIX=/opt/mesher && cmake --build /src/mesher/build --target"
        " install\n"
        "\n"
        "FROM ubuntu:22.04\n"
        "COPY --from=solver /opt /opt\n"
        "COPY --from=mesher /opt /opt\n",
        [(16, "LG002")],
    ),
    # (s53d/029) ubuntu common stage runs Chef's omnitruck installer piped to sudo -E bash (installs
    (
        "FROM ubuntu:22.04 AS base\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends curl sudo ca-c"
        "ertificates git && rm -rf /var/lib/apt/lists/* && \\\n"
        "    curl -fsSL https://omnitruck.chef.io/install.sh | sudo -E bash -s -- -P che"
        "f-workstation -v 23.7.1042\n"
        "\n"
        "FROM base AS cookbooks\n"
        "RUN git clone https://github.com/org/cookbooks /opt/cookbooks\n"
        "\n"
        "FROM base AS policies\n"
        "RUN git clone https://github.com/org/policies /opt/policies\n"
        "\n"
        "FROM ubuntu:22.04\n"
        "COPY --from=cookbooks /opt /opt\n"
        "COPY --from=policies /opt /opt\n",
        [(13, "LG002")],
    ),
    # (s53d/030) fedora common stage enables a COPR repository (dnf copr enable) before installing:
    (
        "FROM fedora:39 AS base\n"
        "RUN dnf install -y dnf-plugins-core && dnf copr enable -y @neurodebian/neurodeb"
        "ian && dnf install -y gcc make fsl-core && dnf clean all\n"
        "\n"
        "FROM base AS a\n"
        "RUN mkdir -p /opt/a && echo a > /opt/a/marker\n"
        "\n"
        "FROM base AS b\n"
        "RUN mkdir -p /opt/b && echo b > /opt/b/marker\n"
        "\n"
        "FROM fedora:39\n"
        "COPY --from=a /opt /opt\n"
        "COPY --from=b /opt /opt\n",
        [(12, "LG002")],
    ),
    # (s53d/126) ubuntu common stage runs Datadog's install script through bash -c "$(curl ...)" (in
    (
        "FROM ubuntu:22.04 AS base\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certif"
        "icates gnupg build-essential && rm -rf /var/lib/apt/lists/* && \\\n"
        "    DD_API_KEY=placeholder DD_INSTALL_ONLY=true DD_AGENT_MAJOR_VERSION=7 bash -"
        'c "$(curl -L https://s3.amazonaws.com/dd-agent/scripts/install_script_agent7.sh)"\n'
        "\n"
        "FROM base AS checks-a\n"
        "COPY checks/a/ /opt/checks/a/\n"
        "\n"
        "FROM base AS checks-b\n"
        "COPY checks/b/ /opt/checks/b/\n"
        "\n"
        "FROM ubuntu:22.04\n"
        "COPY --from=checks-a /opt /opt\n"
        "COPY --from=checks-b /opt /opt\n",
        [(13, "LG002")],
    ),
    # (s53d/073) unzip in WORKDIR, later mv app-1.2/* into the WORKDIR, then rm -rf app-1.2 in a lat
    (
        "FROM eclipse-temurin:17-jre\n"
        "WORKDIR /opt/app\n"
        "RUN curl -fsSLo app.zip https://example.com/releases/app-1.2.zip\n"
        "RUN unzip -q app.zip\n"
        "RUN mv app-1.2/* /opt/app/\n"
        "RUN rm -rf app-1.2\n",
        [(5, "LG003")],
    ),
    # (s53d/086) tar -x in WORKDIR; later mv pkg/* .; then rm -r ./pkg/ spelled with ./ and a traili
    (
        "FROM debian:bookworm-slim\n"
        "WORKDIR /opt/tool\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certif"
        "icates && rm -rf /var/lib/apt/lists/* && curl -fsSL https://example.com/tool-3."
        "1.tar.gz -o tool.tar.gz && tar -xzf tool.tar.gz && rm tool.tar.gz\n"
        "RUN mv tool-3.1/* .\n"
        "RUN rm -r ./tool-3.1/\n",
        [(4, "LG003")],
    ),
    # (s53d/100) rocker/r-ver: rm -rf ~/.cache/R BEFORE Rscript - <<EOF: the cache is made after, li
    (
        "FROM rocker/r-ver:4.4.0\n"
        "RUN rm -rf /root/.cache/R && Rscript - <<'EOF'\n"
        'install.packages("pak")\n'
        'pak::pak(c("shiny", "bslib"))\n'
        "EOF\n",
        [(2, "LG005")],
    ),
    # (s53e/105) root made ~/.cache/huggingface, which makes ~/.cache root's: pip's way goes through
    (
        "FROM python:3.11-slim\n"
        "RUN useradd -m -d /home/app -s /bin/bash app\n"
        "ENV HOME=/home/app\n"
        "RUN mkdir -p /home/app/.cache/huggingface\n"
        "RUN pip install transformers==4.38.0\n",
        [(5, "LG005")],
    ),
    # (s53e/114) root made ~/.cache/pip/wheels (mkdir -p makes .cache and .cache/pip root's): cache
    (
        "FROM python:3.11-slim\n"
        "RUN useradd -m -d /home/app -s /bin/bash app\n"
        "ENV HOME=/home/app\n"
        "RUN mkdir -p /home/app/.cache/pip/wheels\n"
        "RUN pip install flask==3.0.0\n",
        [(5, "LG005")],
    ),
    # (s53e/125) centos:7 common stage adds SCL (centos-release-scl) and installs python27, a collec
    (
        "FROM centos:7 AS base\n"
        "RUN yum install -y centos-release-scl && yum install -y python27 gcc make && yu"
        "m clean all\n"
        "\n"
        "FROM base AS libfoo\n"
        "RUN curl -fsSL https://example.com/libfoo-1.0.tar.gz | tar xz -C /tmp && cd /tm"
        "p/libfoo-1.0 && ./configure --prefix=/opt/libfoo && make install\n"
        "\n"
        "FROM base AS libbar\n"
        "RUN curl -fsSL https://example.com/libbar-2.0.tar.gz | tar xz -C /tmp && cd /tm"
        "p/libbar-2.0 && ./configure --prefix=/opt/libbar && make install\n"
        "\n"
        "FROM centos:7\n"
        "COPY --from=libfoo /opt /opt\n"
        "COPY --from=libbar /opt /opt\n",
        [(12, "LG002")],
    ),
    # (s53e/133) debian common stage, archive-only apt; it also copies an entrypoint .sh (no package
    (
        "FROM debian:bookworm AS base\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends gcc make curl "
        "ca-certificates && rm -rf /var/lib/apt/lists/*\n"
        "COPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh\n"
        "\n"
        "FROM base AS a\n"
        "RUN curl -fsSL https://example.com/a-1.0.tar.gz | tar xz -C /tmp && make -C /tm"
        "p/a-1.0 install PREFIX=/opt/a\n"
        "\n"
        "FROM base AS b\n"
        "RUN curl -fsSL https://example.com/b-1.0.tar.gz | tar xz -C /tmp && make -C /tm"
        "p/b-1.0 install PREFIX=/opt/b\n"
        "\n"
        "FROM base\n"
        "COPY --from=a /opt /opt\n"
        "COPY --from=b /opt /opt\n",
        [],
    ),
    # (s53e/107) useradd -m then mkdir of a data dir in its home in the same RUN: the home stays app
    (
        "FROM python:3.11-slim\n"
        "RUN useradd -m -d /home/app -s /bin/bash app && mkdir -p /home/app/data && chow"
        "n app:app /home/app/data\n"
        "ENV HOME=/home/app\n"
        "RUN pip install flask==3.0.0\n",
        [],
    ),
    # (s53e/108) useradd -m then a line appended to its .bashrc in the same RUN: the home stays app'
    (
        "FROM python:3.11-slim\n"
        "RUN useradd -m -s /bin/bash app && echo 'export PATH=$HOME/.local/bin:$PATH' >>"
        " /home/app/.bashrc\n"
        "ENV HOME=/home/app\n"
        "RUN pip install flask==3.0.0\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FIFTY_THIRD_REVIEW)
def test_the_reviews_of_the_fifty_third_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FIFTY_FOURTH: list[tuple[str, list[tuple[int, str]]]] = [
    # yarn 1 asked where its cache is; every file of it lies in the folder's v6/
    (
        "FROM node:24-alpine\n"
        "RUN yarn global add @antora/cli@3.1.14 && rm -rf $(yarn cache dir)/*\n"
        "RUN yarn global add mkdirp && rm -rf /usr/local/share/.cache/yarn/v6\n"
        "RUN yarn global add unxhr && rm -rf /usr/local/share/.cache/yarn/v5\n",
        [(4, "LG005")],
    ),
    (
        "FROM node:24-alpine\n"
        "ENV YARN_CACHE_FOLDER=/tmp/yarn\n"
        'RUN yarn global add unxhr && rm -rf "$(yarn cache dir)"\n'
        "RUN yarn global add mkdirp && rm -rf /usr/local/share/.cache/yarn/v6\n",
        [(4, "LG005")],
    ),
    (  # (as another user, yarn names that user's own cache)
        "FROM node:24-alpine\n"
        "WORKDIR /app\n"
        "COPY package.json yarn.lock ./\n"
        "USER node\n"
        "RUN yarn install --frozen-lockfile && rm -rf $(yarn cache dir)\n",
        [],
    ),
    (
        "FROM node:24-alpine\n"
        "WORKDIR /app\n"
        "COPY package.json yarn.lock ./\n"
        "USER node\n"
        "RUN yarn install --frozen-lockfile && rm -rf /usr/local/share/.cache/yarn\n",
        [(5, "LG005")],
    ),
    # a final stage copies the C library its build stage's program needs: the base holds it
    (
        "FROM alpine:3.20 AS builder\n"
        "RUN apk add --no-cache build-base && make -C /src\n"
        "FROM alpine:3.20\n"
        "COPY --from=builder /src/nvim /usr/bin/\n"
        "COPY --from=builder /lib/ld-musl-*.so.1 /lib/\n"
        "COPY --from=builder /usr/lib/libintl.so.8 /usr/lib/\n",
        [(5, "LG002")],
    ),
    (
        "FROM ubuntu:24.04 AS builder\n"
        "RUN apt-get update && apt-get install -y libcurl4t64 && rm -rf /var/lib/apt/lists/*\n"
        "FROM ubuntu:24.04\n"
        "COPY --from=builder /lib64/ld-linux-x86-64.so.2 /lib64/ld-linux-x86-64.so.2\n"
        "COPY --from=builder /lib/x86_64-linux-gnu/libc.so.6 /lib/x86_64-linux-gnu/libc.so.6\n"
        "COPY --from=builder /lib/x86_64-linux-gnu/libcurl.so.4 /lib/x86_64-linux-gnu/\n"
        "COPY --from=builder /usr/lib/x86_64-linux-gnu/libgcc_s.so.1 /usr/lib/x86_64-linux-gnu/\n",
        [(5, "LG002"), (7, "LG002")],
    ),
    (  # (before glibc 2.34, libc.so.6 is a link to libc-2.31.so: nothing of weight shadowed)
        "FROM ubuntu:20.04 AS builder\n"
        "RUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*\n"
        "FROM ubuntu:20.04\n"
        "COPY --from=builder /lib/x86_64-linux-gnu/libc.so.6 /lib/x86_64-linux-gnu/libc.so.6\n",
        [],
    ),
    (  # (distroless's static images hold no C library)
        "FROM debian:bookworm AS builder\n"
        "RUN echo build\n"
        "FROM gcr.io/distroless/static-debian12\n"
        "COPY --from=builder /lib/x86_64-linux-gnu/libc.so.6 /lib/x86_64-linux-gnu/libc.so.6\n",
        [],
    ),
    (
        "FROM debian:bookworm AS builder\n"
        "RUN echo build\n"
        "FROM gcr.io/distroless/cc-debian12\n"
        "COPY --from=builder /lib/x86_64-linux-gnu/libm.so.6 /lib/x86_64-linux-gnu/libm.so.6\n",
        [(4, "LG002")],
    ),
    # yum is dnf's on RHEL 8 and later: its cache is /var/cache/dnf
    (
        "FROM nvidia/cuda:10.1-devel-centos8\n"
        "RUN yum install -y python2 python3 && rm -rf /var/cache/yum/*\n"
        "RUN yum install -y hdf5 && rm -rf /var/cache/dnf\n"
        "RUN yum install -y gcc && yum clean all\n",
        [(2, "LG005"), (3, "LG003")],  # (line 3 removes what line 2 left there, too)
    ),
    *(
        (f"FROM {image}\nRUN yum install -y python3 && rm -rf /var/cache/yum/*\n", expected)
        for image, expected in (
            ("rockylinux:9", [(2, "LG005")]),
            ("amazonlinux:2023", [(2, "LG005")]),
            ("registry.access.redhat.com/ubi8/ubi", [(2, "LG005")]),
            ("centos:7", []),
            ("amazonlinux:2", []),
            ("oraclelinux:7-slim", []),
        )
    ),
    # a pull right after this build's own clone brings nothing new; a version named does
    (
        "FROM ubuntu:22.04\n"
        "RUN git clone https://github.com/rbenv/rbenv.git /root/.rbenv\n"
        "RUN cd /root/.rbenv && git pull\n"
        "RUN git -C /root/.rbenv pull origin master\n"
        "RUN cd /root/.rbenv && git pull origin v2\n",
        [(5, "LG003")],
    ),
    (  # (a variable declared between: its new value rebuilds the pull over a cached clone)
        "FROM python:3.11\n"
        "RUN git clone --depth 1 https://github.com/the-virtual-brain/tvb-root.git /opt/tvb\n"
        "ARG LAST_SHA=LATEST\n"
        "RUN cd /opt/tvb && git pull\n",
        [(4, "LG003")],
    ),
    (  # (the clones the base ships were made long before)
        "FROM ocaml/opam:debian-12-ocaml-5.1\nRUN cd /home/opam/opam-repository && git pull\n",
        [(2, "LG003")],
    ),
    # Alpine's python3 is externally managed since 3.19: its own pip refuses, fetching nothing
    *(
        (
            f"FROM {image}\n"
            "RUN apk add --no-cache python3 py3-pip\n"
            "RUN pip install six\n"
            "RUN pip3 install --break-system-packages requests\n",
            expected,
        )
        for image, expected in (
            ("alpine:3.20", [(4, "LG005")]),
            ("alpine:edge", [(4, "LG005")]),
            ("node:22-alpine3.20", [(4, "LG005")]),
            ("alpine:3.18", [(3, "LG005"), (4, "LG005")]),
        )
    ),
    # jlesage's GUI base: its install_app_icon.sh deletes the icons the base generated
    (
        "FROM jlesage/baseimage-gui:alpine-3.20-v4.13.2\n"
        'RUN APP_ICON_URL=https://e.org/icon.png && install_app_icon.sh "$APP_ICON_URL"\n',
        [(2, "LG003")],
    ),
    (
        "FROM jlesage/baseimage-gui:alpine-3.12-glibc\n"
        "RUN install_app_icon.sh https://e.org/icon.png\n",
        [(2, "LG003")],
    ),
    (  # (elsewhere a script of that name is the build's own, and the paths are not there)
        "FROM debian:12\n"
        "COPY install_app_icon.sh /usr/local/bin/\n"
        "RUN install_app_icon.sh https://e.org/icon.png\n",
        [],
    ),
    # MIT Open Learning's Python base keeps uv's cache in /opt/uv-cache, where apps mount one
    (
        "FROM mitodl/ol-python-base:3.12\n"
        "COPY pyproject.toml uv.lock /src/\n"
        "RUN --mount=type=cache,target=/opt/uv-cache,uid=1000,gid=1000 uv sync --frozen\n",
        [],
    ),
    (
        "FROM mitodl/ol-python-base:3.12\n"
        "COPY pyproject.toml uv.lock /src/\n"
        "RUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen\n",
        [(3, "LG005")],
    ),
    # (the reviews': microdnf keeps yum's cache path; a cache mount on either path; a pull
    # from another remote, or with a variable declared since, brings other versions)
    *(
        (f"FROM {image}\nRUN microdnf install -y gzip && rm -rf /var/cache/yum\n", [])
        for image in ("registry.access.redhat.com/ubi9/ubi-minimal", "oraclelinux:8-slim")
    ),
    (
        "FROM rockylinux:9\nRUN --mount=type=cache,target=/var/cache/yum yum install -y gcc\n",
        [(2, "LG005")],
    ),
    (
        "FROM rockylinux:9\nRUN --mount=type=cache,target=/var/cache/dnf yum install -y gcc\n",
        [],
    ),
    (
        "FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y gcc\n",
        [],
    ),
    *(
        (f"FROM centos:{tag}\nRUN yum install -y gcc && rm -rf /var/cache/yum\n", [(2, "LG005")])
        for tag in ("centos8", "stream9")
    ),
    (
        "FROM amazoncorretto:21-al2023\nRUN yum install -y gzip && rm -rf /var/cache/yum\n",
        [(2, "LG005")],
    ),
    (
        "FROM debian:12\n"
        "RUN git clone https://github.com/me/project.git /src\n"
        "RUN cd /src && git pull https://github.com/someone/project.git master\n"
        "RUN cd /src && git remote add upstream https://e.org/p.git && git pull upstream master\n",
        [(3, "LG003"), (4, "LG003")],
    ),
    (
        "FROM debian:12\n"
        "RUN git clone https://github.com/me/project.git /src\n"
        "ARG REFRESH=1\n"
        "RUN cd /src && git pull origin master\n",
        [(4, "LG003")],
    ),
    (  # (an option's value is no remote or branch)
        "FROM debian:12\n"
        "RUN git clone --depth 1 https://github.com/me/project.git /src\n"
        "RUN cd /src && git pull --depth 1 origin master\n"
        "RUN cd /src && git pull --depth 1 upstream master\n",
        [(4, "LG003")],
    ),
    (  # (as another user, root's folder spelled out is not that user's cache)
        "FROM node:24-alpine\n"
        "WORKDIR /app\n"
        "COPY package.json yarn.lock ./\n"
        "USER node\n"
        "RUN yarn install --frozen-lockfile && rm -rf /usr/local/share/.cache/yarn/v6/*\n",
        [(5, "LG005")],
    ),
    # libgcc's library is a file in every release; distroless's base holds glibc alone
    *(
        (
            "FROM debian:bookworm AS builder\n"
            "RUN echo build\n"
            f"FROM {image}\n"
            "COPY --from=builder /usr/lib/x86_64-linux-gnu/libgcc_s.so.1"
            " /usr/lib/x86_64-linux-gnu/\n",
            expected,
        )
        for image, expected in (
            ("debian:bullseye-slim", [(4, "LG002")]),
            ("ubuntu:20.04", [(4, "LG002")]),
            ("gcr.io/distroless/cc-debian11", [(4, "LG002")]),
            ("gcr.io/distroless/base-debian12", []),
            ("gcr.io/distroless/base-nossl-debian12:nonroot", []),
        )
    ),
    (
        "FROM debian:testing-slim AS builder\n"
        "RUN echo build\n"
        "FROM debian:testing-slim\n"
        "COPY --from=builder /lib/x86_64-linux-gnu/libc.so.6 /lib/x86_64-linux-gnu/\n",
        [(4, "LG002")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FIFTY_FOURTH)
def test_the_classes_of_the_fifty_fourth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FIFTY_FIFTH: list[tuple[str, list[tuple[int, str]]]] = [
    # git run in a directory inside an earlier clone rewrites that clone
    (
        "FROM ubuntu:20.04\n"
        "RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n"
        "RUN git clone https://github.com/wjakob/tbb.git\n"
        "WORKDIR /tbb/build\n"
        "RUN git checkout 141b0e310e1fb552bdca887542c9c1a8544d6503\n",
        [(5, "LG003")],
    ),
    (
        "FROM ubuntu:20.04\n"
        "RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n"
        "RUN git clone https://github.com/potree/PotreeConverter.git\n"
        "RUN mkdir /PotreeConverter/build\n"
        "WORKDIR /PotreeConverter/build\n"
        "RUN git checkout da93ec26411b82ffbf799daf5ac56608ef988bf8\n",
        [(6, "LG003")],
    ),
    (  # (a new branch at the version there changes no file)
        "FROM ubuntu:20.04\n"
        "RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n"
        "RUN git clone https://github.com/wjakob/tbb.git\n"
        "WORKDIR /tbb/build\n"
        "RUN git checkout -b local\n",
        [],
    ),
    # Alpine's base holds no /etc/skel: a new user's home is an empty directory
    (
        "FROM node:10-alpine\n"
        "RUN addgroup theia && adduser -G theia -s /bin/sh -D theia\n"
        "RUN chmod g+rw /home && mkdir -p /home/project && chown -R theia:theia /home/theia\n",
        [],
    ),
    (
        "FROM alpine:3.20\n"
        "RUN apk add --no-cache shadow && useradd -m app\n"
        "RUN chown -R app /home/app\n",
        [],
    ),
    (  # (what a layer put in it is there, and a skeleton a layer filled)
        "FROM alpine:3.20\n"
        "RUN adduser -D app && wget -O /home/app/data.tar.gz https://example.com/data.tar.gz\n"
        "RUN chown -R app /home/app\n",
        [(3, "LG004")],
    ),
    (
        "FROM alpine:3.20\n"
        "RUN mkdir -p /etc/skel && wget -O /etc/skel/.profile https://example.com/profile\n"
        "RUN adduser -D app\n"
        "RUN chown -R app /home/app\n",
        [(4, "LG004")],
    ),
    (
        "FROM debian:12\nRUN useradd -m app\nRUN chown -R app /home/app\n",
        [(3, "LG004")],
    ),
    # Leiningen builds into the project's target/: a later mv of its jar is a removal
    (
        "FROM clojure:lein\n"
        "WORKDIR /app\n"
        "COPY project.clj ./\n"
        "RUN lein uberjar && rm -rf /root/.m2/repository\n"
        "RUN mv /app/target/app.jar ./app.jar\n",
        [(5, "LG003")],
    ),
    (  # (lein deps fetches, builds nothing there)
        "FROM clojure:lein\n"
        "WORKDIR /app\n"
        "COPY project.clj ./\n"
        "RUN lein deps && rm -rf /root/.m2/repository\n"
        "RUN mv /app/target/app.jar ./app.jar\n",
        [],
    ),
    # Apache's Spark images hold the distribution in SPARK_HOME
    (
        "FROM apache/spark:3.5.5\n"
        "USER root\n"
        'RUN cd "${SPARK_HOME}/jars" && curl -fsSLO https://repo1.maven.org/x/iceberg.jar'
        " && chown -R spark:spark ${SPARK_HOME}/jars\n",
        [(3, "LG004")],
    ),
    # configuration files packages install: coturn's, PHP 5's modules', apache2's logrotate
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y coturn && rm -rf /var/lib/apt/lists/*\n"
        "RUN mv /etc/turnserver.conf /etc/turnserver.conf_default\n",
        [(3, "LG003")],
    ),
    (
        "FROM debian:8\n"
        "RUN apt-get update && apt-get install -y php5 php5-xdebug php5-xhprof apache2"
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY xdebug.ini /etc/php5/mods-available/xdebug.ini\n"
        "COPY xhprof.ini /etc/php5/mods-available/xhprof.ini\n"
        "COPY opcache.ini /etc/php5/mods-available/opcache.ini\n"
        "ADD logrotate-apache2 /etc/logrotate.d/apache2\n",
        [(3, "LG002"), (4, "LG002"), (6, "LG002")],
    ),
    # a useradd that makes no group and joins none leaves /etc/group as the base had it
    *(
        (
            f"FROM centos:7\nRUN useradd -m {options} jovyan && chmod g+w /etc/passwd /etc/group\n",
            expected,
        )
        for options, expected in (
            ("-N -u 1000", [(2, "LG004")]),
            ("-g users", [(2, "LG004")]),
            ("-u 1000", []),
            ("-N -G wheel", []),
        )
    ),
    # code-server's image holds fixuid in /usr/local/bin
    (
        "FROM codercom/code-server:3.8.0\nUSER root\nRUN chown coder:coder -R /usr/local\n",
        [(3, "LG004")],
    ),
    # sclorg's s2i-core holds the scripts its root/ copied: container-entrypoint and its kin
    *(
        (
            f"FROM {image}\nCOPY root/usr/bin/container-entrypoint /usr/bin/\n"
            "COPY root/opt/app-root/etc/scl_enable /opt/app-root/etc/\n",
            [(2, "LG002"), (3, "LG002")],
        )
        for image in (
            "quay.io/sclorg/s2i-core-c10s:c10s",
            "centos/s2i-core-centos7",
            "centos/python-36-centos7",
        )
    ),
    # Debian's nginx leaves /etc/nginx/conf.d empty: a chown -R of it re-owns a directory
    (
        "FROM python:3.11-slim-bullseye\n"
        "RUN apt-get update && apt-get install --yes nginx nginx-extras && apt-get clean\n"
        "RUN useradd --system app\n"
        "RUN chown -R app:app /etc/nginx/conf.d\n",
        [(2, "LG005")],
    ),
    # `npm update -g` updates every global package, through npm's cache
    ("FROM node:20\nRUN npm update -g\n", [(2, "LG005")]),
    # Ubuntu 17.04 and 17.10's add-apt-repository, like those before, fetches no index
    *(
        (
            f"FROM ubuntu:{tag}\n"
            "RUN apt-get update && apt-get install -y software-properties-common"
            " && rm -rf /var/lib/apt/lists/*\n"
            "RUN add-apt-repository -y ppa:ondrej/php\n",
            expected,
        )
        for tag, expected in (("17.10", []), ("17.04", []), ("18.04", [(3, "LG005")]))
    ),
    # an EL tag names Red Hat's family, and from EL8 its yum is dnf's
    *(
        (
            f"FROM opensciencegrid/software-base:3.5-{el}-testing\n"
            "RUN yum install -y frontier-squid && rm -rf /var/cache/yum/*\n",
            expected,
        )
        for el, expected in (("el8", [(2, "LG005")]), ("el9", [(2, "LG005")]), ("el7", []))
    ),
    # a wildcard over a Debian builder's C library, back in place on a base that holds it
    *(
        (
            "FROM python:3.12-slim AS build-env\nRUN pip install --no-cache-dir flask\n"
            f"FROM {image}\n"
            f"COPY --from=build-env {source} {into}\n",
            expected,
        )
        for image, source, into, expected in (
            (
                "gcr.io/distroless/cc-debian12:nonroot",
                "/lib/x86_64-linux-gnu/lib*",
                "/lib/x86_64-linux-gnu/",
                [(4, "LG002")],
            ),
            (
                "gcr.io/distroless/static-debian12",
                "/lib/x86_64-linux-gnu/lib*",
                "/lib/x86_64-linux-gnu/",
                [],
            ),
            (
                "gcr.io/distroless/cc-debian12",
                "/usr/lib/x86_64-linux-gnu/libz*",
                "/usr/lib/x86_64-linux-gnu/",
                [],
            ),
            ("gcr.io/distroless/cc-debian12", "/lib/x86_64-linux-gnu/lib*", "/opt/lib/", []),
        )
    ),
    # a mv whose source is not known still writes its destination; `$(pwd)` is the directory
    *(
        (
            "FROM node:16-alpine\n"
            "WORKDIR /usr/src/spectral\n"
            f'RUN SRC="{source}" && curl -fsSLo "$SRC" https://example.com/spectral'
            ' && mv "$SRC" /usr/local/bin/spectral && chmod +x /usr/local/bin/spectral\n',
            [],
        )
        for source in ("$(pwd)/spectral-linux-x64", "$(uname -n)/spectral", "$TMPDIR/spectral")
    ),
    (
        "FROM node:16-alpine\n"
        "COPY spectral /usr/local/bin/spectral\n"
        'RUN mv "$(pwd)/x" /opt/x && chmod +x /usr/local/bin/spectral\n',
        [(3, "LG004")],
    ),
    # (the review's: a skeleton given and filled, -G in a cluster or with its value attached,
    # -g with its value attached, git pull from a directory inside the build's own clone,
    # Passenger's nginx module's conf.d, Spark's empty work-dir, Ubuntu's numbers on its image)
    (
        "FROM alpine:3.20\n"
        "RUN apk add --no-cache shadow\n"
        "COPY skel/ /opt/skel/\n"
        "RUN useradd -m -k /opt/skel app\n"
        "RUN chown -R app /home/app\n",
        [(5, "LG004")],
    ),
    *(
        (f"FROM debian:12\nRUN useradd {options} app && chmod g=u /etc/group\n", expected)
        for options, expected in (
            ("-g 0 -Gaudio", []),
            ("-g users -mG wheel", []),
            ("-u1001 -g0", [(2, "LG004")]),
        )
    ),
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n"
        "RUN git clone --branch main https://github.com/example/tools.git /opt/tools\n"
        "WORKDIR /opt/tools/extensions\n"
        "RUN git pull origin main\n",
        [],
    ),
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y nginx libnginx-mod-http-passenger"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN chown -R www-data /etc/nginx/conf.d\n",
        [(3, "LG004")],
    ),
    ("FROM apache/spark:3.5.5\nUSER root\nRUN chown -R spark /opt/spark/work-dir\n", []),
    (
        "FROM mariadb:10.10\n"
        "RUN apt-get update && apt-get install -y software-properties-common"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN add-apt-repository -y ppa:ondrej/php\n",
        [(3, "LG005")],
    ),
    # linuxserver's desktop bases run with HOME=/config: cargo's home is /config/.cargo
    *(
        (
            f"FROM ghcr.io/linuxserver/baseimage-{name}:ubuntunoble\n"
            "RUN apt-get update && apt-get install -y cargo && cargo install wl-clipboard-rs-tools"
            " && mv /config/.cargo/bin/wl-* /usr/bin/ && apt-get autoclean"
            " && rm -rf /config/.cargo /var/lib/apt/lists/*\n",
            [],
        )
        for name in ("selkies", "kasmvnc", "rdesktop")
    ),
    (
        "FROM ghcr.io/linuxserver/baseimage-selkies:ubuntunoble\n"
        "RUN apt-get update && apt-get install -y cargo && cargo install wl-clipboard-rs-tools"
        " && rm -rf /root/.cargo /var/lib/apt/lists/*\n",
        [(2, "LG005")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FIFTY_FIFTH)
def test_the_classes_of_the_fifty_fifth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FIFTY_SIXTH: list[tuple[str, list[tuple[int, str]]]] = [
    # root's yarn 1 caches in /usr/local/share whatever HOME says: linuxserver's desktop bases
    # run their RUNs as root with HOME=/config
    (
        "FROM ghcr.io/linuxserver/baseimage-kasmvnc:debianbookworm\n"
        "COPY package.json yarn.lock /opt/app/\n"
        "RUN cd /opt/app && yarn install --frozen-lockfile --production"
        " && rm -rf /usr/local/share/.cache/yarn\n",
        [],
    ),
    (
        "FROM ghcr.io/linuxserver/baseimage-kasmvnc:debianbookworm\n"
        "COPY package.json yarn.lock /opt/app/\n"
        "RUN cd /opt/app && yarn install --frozen-lockfile --production"
        " && rm -rf /config/.cache/yarn\n",
        [(3, "LG005")],
    ),
    # an install of other packages leaves the program of a package the base holds: setcap
    # copies the base's binary up
    (
        "FROM nginx:1.27.0-alpine\n"
        "RUN apk add --no-cache libcap && setcap cap_net_bind_service=+ep /usr/sbin/nginx"
        " && apk del libcap\n",
        [(2, "LG004")],
    ),
    (
        "FROM nginx:1.27.0\n"
        "RUN apt-get update && apt-get install -y libcap2-bin"
        " && setcap cap_net_bind_service=+ep /usr/sbin/nginx && rm -rf /var/lib/apt/lists/*\n",
        [(2, "LG004")],
    ),
    # docker-selenium's images keep HOME=/home/seluser: root's pip finds its cache there
    # another user's and turns it off; seluser's own pip keeps it
    (
        "FROM selenium/standalone-chrome\nUSER root\nRUN python3 -m pip install selenium\n",
        [],
    ),
    (
        "FROM selenium/standalone-chrome\nRUN python3 -m pip install --user selenium\n",
        [(2, "LG005")],
    ),
    # useradd -m copies no skeleton into a home a mkdir -p below it made already
    (
        "FROM eclipse-temurin:21-jdk\n"
        "ENV KARAVAN=/karavan\n"
        "RUN mkdir -p $KARAVAN/.m2 && mkdir -p $KARAVAN/code\n"
        "RUN useradd -rm -d /karavan -s /bin/bash -g root -u 1001 karavan\n"
        "RUN chown -R karavan $KARAVAN\n",
        [],
    ),
    (
        "FROM eclipse-temurin:21-jdk\n"
        "RUN useradd -rm -d /karavan -s /bin/bash -g root -u 1001 karavan\n"
        "RUN chown -R karavan /karavan\n",
        [(3, "LG004")],
    ),
    # a link from the package's program to another bin directory adds a name; one from another
    # build replaces the package's
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y xwayland haproxy && rm -rf /var/lib/apt/lists/*\n"
        "RUN ln -sf /usr/local/bin/Xwayland /usr/bin/Xwayland\n"
        "RUN ln -sf /usr/sbin/haproxy /usr/bin/haproxy\n",
        [(3, "LG003")],
    ),
    # CMake's .sh installer unpacks the release into --prefix: a later RUN's rm there hides
    # its files
    (
        "FROM python:3.7\n"
        "RUN wget https://cmake.org/files/v3.15/cmake-3.15.4-Linux-x86_64.sh -q"
        " && mkdir /opt/cmake"
        " && printf 'y\\nn\\n' | sh cmake-3.15.4-Linux-x86_64.sh --prefix=/opt/cmake"
        " && rm cmake-3.15.4-Linux-x86_64.sh\n"
        "RUN rm -fr /opt/cmake/bin/cmake-gui\n",
        [(3, "LG003")],
    ),
    # conda's images ship envs/ empty: an environment copied there is a new one
    (
        "FROM continuumio/miniconda3 AS builder\n"
        "COPY environment.yml .\n"
        "RUN conda env create -n app -f environment.yml && conda clean -afy\n"
        "FROM continuumio/miniconda3\n"
        "COPY --from=builder /opt/conda/envs/app /opt/conda/envs/app\n",
        [],
    ),
    # an install of other packages writes none of the default pages nginx's image holds: a
    # removal of their directory is of the base's few bytes
    (
        "FROM nginx\n"
        "RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm -rf /usr/share/nginx/html && ln -s /app /usr/share/nginx/html\n",
        [],
    ),
    # a change without -R of a directory a layer wrote below copies up no file, whatever an
    # archive unpacked at / may have held there
    (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y wget && rm -rf /var/lib/apt/lists/*\n"
        "RUN wget -q https://e.org/filebeat-6.7.1-linux-x86_64.tar.gz"
        " && tar xzf filebeat-6.7.1-linux-x86_64.tar.gz && rm filebeat-6.7.1-linux-x86_64.tar.gz\n"
        "COPY configs/pflogsumm/ /usr/local/bin/pflogsumm/\n"
        "RUN chown bin:bin /usr/local/bin/pflogsumm && chmod 755 /usr/local/bin/pflogsumm\n",
        [],
    ),
    # a .deb named by its package and architecture alone installs that package
    (
        "FROM debian:12\n"
        "COPY filebeat-amd64.deb /tmp/\n"
        "RUN dpkg -i /tmp/filebeat-amd64.deb && rm /tmp/filebeat-amd64.deb\n"
        "COPY filebeat.yml /etc/filebeat/filebeat.yml\n",
        [(2, "LG006"), (3, "LG003"), (4, "LG002")],
    ),
    # pnpm dlx (pnpx) fetches the package it runs into pnpm's store, as npx --yes does npm's
    (
        "FROM node:20-slim\n"
        "RUN npm install -g pnpm@9 && npm cache clean --force\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN pnpm dlx turbo prune web --docker\n"
        "RUN pnpm dlx turbo prune api --docker && pnpm store prune\n"
        "RUN pnpm exec turbo run build\n",
        [(5, "LG005"), (6, "LG003")],  # (the prune at 6 removes what 5 fetched, too late)
    ),
    # a script a RUN wrote from text the Dockerfile shows is read where a later RUN runs it
    (
        "FROM debian:12\n"
        "RUN echo '#! /bin/sh\\n\\\n"
        "apt-get clean\\n\\\n"
        "find /var/lib/apt/lists -type f -delete\\n\\\n"
        "' > /cleanapt && chmod +x /cleanapt\n"
        "RUN apt-get update && apt-get install -y curl && /cleanapt\n"
        "RUN printf 'apt-get clean\\n' > /c2 && chmod +x /c2\n"
        "RUN apt-get update && apt-get install -y wget && /c2\n",
        [(8, "LG005")],  # (/c2 cleans apt's archives alone)
    ),
    (
        "# syntax=docker/dockerfile:1\n"
        "FROM debian:12\n"
        "RUN cat <<EOF > /usr/local/bin/install-clean && chmod +x /usr/local/bin/install-clean\n"
        "#!/bin/sh\n"
        'apt-get update && apt-get install -y --no-install-recommends "$@"\n'
        "rm -rf /var/lib/apt/lists/*\n"
        "EOF\n"
        "RUN install-clean curl\n",
        [],
    ),
    # an official image that ends as root runs a child's RUNs as root under its ENV HOME: root's
    # yarn 1 caches in /usr/local/share whatever HOME says (not an image that ends as another
    # user, whose yarn caches in HOME)
    (
        "FROM node:20\n"
        "ENV HOME=/config\n"
        "COPY package.json yarn.lock /opt/app/\n"
        "RUN cd /opt/app && yarn install --frozen-lockfile --production"
        " && rm -rf /usr/local/share/.cache/yarn\n",
        [],
    ),
    (
        "FROM python:3.13-alpine3.22\n"
        "ENV HOME=/shared\n"
        "RUN apk add --no-cache nodejs yarn\n"
        "COPY package.json yarn.lock ./\n"
        "RUN --mount=type=cache,target=/usr/local/share/.cache/yarn/v6"
        " yarn install --frozen-lockfile --production\n",
        [],
    ),
    (  # (its tags from before its Base set HOME: root's home is /root)
        "FROM selenium/standalone-chrome:3.4.0\nUSER root\nRUN python3 -m pip install selenium\n",
        [(3, "LG005")],
    ),
    # Gleam's and rebar3's builds keep the Hex packages they fetched in their caches; a later
    # Gleam command in the same project finds them there
    (
        "FROM ghcr.io/gleam-lang/gleam:v1.2.1-erlang-alpine\n"
        "COPY gleam.toml manifest.toml ./\n"
        "COPY src src\n"
        "RUN gleam build\n"
        "RUN gleam run -m tailwind/install\n"
        "RUN rebar3 as prod release\n",
        [(4, "LG005"), (6, "LG005")],
    ),
    (
        "FROM ghcr.io/gleam-lang/gleam:v1.2.1-erlang-alpine\n"
        "COPY . .\n"
        "RUN gleam export erlang-shipment && rm -rf /root/.cache/gleam\n",
        [],
    ),
    (  # (a later build of a project whose packages a build left in it fetches nothing, also
        # where that RUN removed the cache: Gleam's build/packages, rebar3's _build)
        "FROM erlang:26\n"
        "COPY . .\n"
        "RUN rebar3 compile && rm -rf /root/.cache/rebar3\n"
        "RUN rebar3 as prod release\n"
        "RUN gleam build && rm -rf /root/.cache/gleam\n"
        "RUN gleam test\n",
        [],
    ),
    (  # (a wrapper named for a command it runs with the arguments: not read in its place; a
        # shown script another runs is read there)
        "FROM ubuntu:22.04\n"
        "RUN printf '#!/bin/sh\\n/usr/bin/apt-get \"$@\"\\n' > /usr/local/bin/apt-get"
        " && chmod +x /usr/local/bin/apt-get\n"
        "RUN printf 'rm -rf /var/lib/apt/lists/*\\n' > /usr/local/bin/apt-finish"
        " && printf 'apt-get update\\napt-get install -y \"$@\"\\napt-finish\\n'"
        " > /usr/local/bin/install-pkgs && chmod +x /usr/local/bin/*\n"
        "RUN apt-get update && apt-get install -y curl\n"
        "RUN install-pkgs git\n",
        [(3, "LG004"), (4, "LG005")],  # (3's chmod of /usr/local/bin/* takes 2's wrapper)
    ),
    (  # (a script a `COPY <<EOF` wrote is read too; `rebar3 do` and `pnpm create` fetch)
        "# syntax=docker/dockerfile:1\n"
        "FROM debian:12\n"
        "COPY --chmod=755 <<EOF /usr/local/bin/finish\n"
        "#!/bin/sh\n"
        "apt-get clean\n"
        "rm -rf /var/lib/apt/lists/*\n"
        "EOF\n"
        "RUN apt-get update && apt-get install -y curl && finish\n"
        "RUN rebar3 do clean, compile\n"
        "RUN pnpm create vite web --template react\n",
        [(9, "LG005"), (10, "LG005")],
    ),
    (  # (its tags from before its Base set HOME, also the first 3.14's)
        "FROM selenium/standalone-chrome-debug:3.14.0-arsenic\n"
        "USER root\n"
        "RUN python3 -m pip install selenium\n",
        [(3, "LG005")],
    ),
    # a script the Dockerfile shows: `>>` adds to it; echo reads escapes only where /bin/sh is
    # dash (busybox's leaves `\n`: one comment line); a write it does not show (curl -o, a COPY)
    # leaves its text unknown; a wrapper that hands its arguments on is not read in place of
    # the command
    (
        "FROM debian:12\n"
        "RUN echo '#!/bin/sh' > /usr/local/bin/finish"
        " && echo 'rm -rf /var/lib/apt/lists/*' >> /usr/local/bin/finish"
        " && chmod +x /usr/local/bin/finish\n"
        "RUN apt-get update && apt-get install -y curl && finish\n"
        "RUN curl -fsSL https://e.org/clean.sh -o /usr/local/bin/finish\n"
        "RUN apt-get update && apt-get install -y git && finish\n",
        [(5, "LG005")],
    ),
    (
        "FROM alpine:3.19\n"
        "RUN echo '#!/bin/sh\\nrm -rf /var/cache/apk/*' > /clean && chmod +x /clean\n"
        "RUN apk add curl && sh /clean\n",
        [(3, "LG005")],
    ),
    (
        "FROM ubuntu:22.04\n"
        "RUN echo '#!/bin/sh\\nexec pip3 \"$@\"' > /usr/local/bin/pip"
        " && chmod +x /usr/local/bin/pip\n"
        "RUN pip install flask\n",
        [(3, "LG005")],
    ),
    (  # (nor after a build this RUN installed, which may put the program there)
        "FROM nginx:1.27.0\n"
        "RUN apt-get update && apt-get install -y build-essential libpcre2-dev zlib1g-dev"
        " && curl -fsSL https://nginx.org/download/nginx-1.27.0.tar.gz | tar -xz -C /tmp"
        " && cd /tmp/nginx-1.27.0 && ./configure --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx"
        " && make && make install && setcap cap_net_bind_service=+ep /usr/sbin/nginx"
        " && cd / && rm -rf /tmp/nginx-1.27.0 /var/lib/apt/lists/*\n",
        [],
    ),
    # a tree right in / that an archive unpacked at / brought: a recursive change there copies
    # its files up
    (
        "FROM ubuntu:22.04\n"
        "COPY ascent.docker.src.tar.gz /\n"
        "RUN tar -xzf ascent.docker.src.tar.gz\n"
        "RUN chmod -R a+rwX /ascent/\n",
        [(2, "LG006"), (4, "LG004")],
    ),
    (  # (not a directory the base works in, nor one a WORKDIR made)
        "FROM ubuntu:22.04\n"
        "COPY rootfs.tar.gz /\n"
        "RUN tar -xzf rootfs.tar.gz && rm rootfs.tar.gz\n"
        "WORKDIR /app\n"
        "RUN chmod -R a+rwX /app\n",
        [(2, "LG006"), (3, "LG003")],
    ),
    (  # (one that names the package may write it)
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache nginx libcap && setcap cap_net_bind_service=+ep /usr/sbin/nginx\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FIFTY_SIXTH)
def test_the_classes_of_the_fifty_sixth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FIFTY_SEVENTH: list[tuple[str, list[tuple[int, str]]]] = [
    # `yum repolist` and `yum updateinfo` read the repositories' metadata into yum's cache
    (
        "FROM centos:7\nRUN yum install -y epel-release && yum clean all\n"
        "RUN yum repolist && yum updateinfo\n",
        [(3, "LG005")],
    ),
    (
        "FROM centos:7\nRUN yum repolist all | grep -q epel && yum-config-manager --disable epel\n"
        "RUN yum clean all\n",
        [(2, "LG005"), (3, "LG003")],
    ),
    ("FROM centos:7\nRUN yum -C repolist\n", []),
    (  # (dnf's and microdnf's repolist name the repositories alone)
        "FROM rockylinux:9\nRUN dnf repolist --all\n"
        "FROM registry.access.redhat.com/ubi8/ubi-minimal\nRUN microdnf repolist --enabled\n",
        [],
    ),
    # `ipykernel install` writes a kernelspec: in the user's home with --user, where a later
    # recursive change of it copies it up; not an unknown program's writes over the others
    (
        "FROM jupyter/base-notebook:latest\n"
        'RUN mamba create --yes -p "${CONDA_DIR}/envs/x" python=3.11 ipykernel'
        " && mamba clean --all -f -y\n"
        'RUN "${CONDA_DIR}/envs/x/bin/python" -m ipykernel install --user --name=x'
        ' && fix-permissions "${CONDA_DIR}"\n',
        [(3, "LG004")],
    ),
    (
        "FROM python:3.11\nRUN pip install --no-cache-dir ipykernel"
        " && python -m ipykernel install --user --name app\n"
        "RUN chown -R 1000:100 /root/.local\n",
        [(3, "LG004")],
    ),
    (
        "FROM python:3.11\nRUN pip install --no-cache-dir ipykernel"
        " && python -m ipykernel install --user --name app && chown -R 1000:100 /root/.local\n",
        [],
    ),
    # the program of the package named for it, made a link to another: the binary ships below
    (
        "FROM alpine:3.14\nRUN apk add --no-cache php8 php7\n"
        "RUN ln -sf /usr/bin/php /usr/bin/php8\n",
        [(3, "LG003")],
    ),
    (  # (a name the link adds, no package's)
        "FROM alpine:3.14\nRUN apk add --no-cache php8\nRUN ln -sf /usr/bin/php8 /usr/bin/php\n",
        [],
    ),
    (  # (Debian's python3 is a link itself)
        "FROM debian:12\nRUN apt-get update && apt-get install -y python3"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN ln -sf /usr/bin/python3.11 /usr/bin/python3\n",
        [],
    ),
    # a vendor's apt setup script an ADD fetched is known by its address, as a RUN's download
    # of it is: NodeSource's runs apt-get update
    (
        "FROM debian:12\nADD https://deb.nodesource.com/setup_current.x /tmp/nodesource-setup\n"
        "RUN bash /tmp/nodesource-setup && apt-get install -y nodejs\n",
        [(3, "LG005")],
    ),
    (
        "FROM debian:12\nADD https://deb.nodesource.com/setup_20.x /tmp/\n"
        "RUN bash /tmp/setup_20.x && apt-get install -y nodejs && rm -rf /var/lib/apt/lists/*\n",
        [],
    ),
    (
        "FROM debian:12\nADD https://example.com/setup.sh /tmp/\n"
        "RUN bash /tmp/setup.sh && apt-get install -y nodejs\n",
        [],
    ),
    # install4j's unattended run, `-q -varfile`, of an installer an ADD fetched: it unpacks
    # itself beside the archive's layer
    (
        "FROM ubuntu:22.04\nADD https://x/atlassian-confluence-6.10.1-x64.bin .\n"
        "ADD response.varfile .\n"
        "RUN chmod 755 atlassian-confluence-6.10.1-x64.bin"
        " && ./atlassian-confluence-6.10.1-x64.bin -q -varfile response.varfile\n",
        [(2, "LG006"), (4, "LG004")],
    ),
    (  # (a program of that name kept and run, not an installer)
        "FROM ubuntu:22.04\nADD https://x/tool-x64.bin /usr/local/bin/\n"
        "RUN chmod 755 /usr/local/bin/tool-x64.bin && /usr/local/bin/tool-x64.bin -q\n",
        [(3, "LG004")],
    ),
    # MediaWiki's image holds its release: the bundled extensions' and skins' manifests, the
    # directories' READMEs and the schema
    (
        "FROM mediawiki:1.40\nCOPY README /var/www/html/extensions/README\n"
        "COPY extension.json /var/www/html/extensions/ParserFunctions/\n"
        "COPY tables-generated.sql /var/www/html/maintenance/\n",
        [(2, "LG002"), (3, "LG002"), (4, "LG002")],
    ),
    (  # (an extension it does not bundle)
        "FROM mediawiki:1.40\nCOPY extension.json /var/www/html/extensions/SemanticMediaWiki/\n",
        [],
    ),
    # linuxserver's nginx base under its old name holds the old samples
    ("FROM lsiobase/nginx:3.9\nCOPY default /defaults/default\n", [(2, "LG002")]),
    # tomcat's image keeps the distribution's top files in its WORKDIR
    ("FROM tomcat:9\nCOPY README.md .\n", [(2, "LG002")]),
    # apk keeps nothing but its indexes in its cache: a removal of them by name empties it
    ("FROM alpine:3.19\nRUN apk update && apk add curl && rm -r /var/cache/apk/APKINDEX.*\n", []),
    (
        "FROM alpine:3.19\nRUN apk update && apk add curl"
        " && rm -r /var/cache/apk/APKINDEX.abc.tar.gz\n",
        [(2, "LG005")],
    ),
    # a find's mv of what a pattern selects right in its root writes the destination: the
    # chmod after it changes this RUN's file, not one of the base's
    (
        "FROM ubuntu:22.04\nCOPY x.zip /tmp/\n"
        "RUN unzip /tmp/x.zip -d /tmp"
        " && find /tmp -maxdepth 1 -type f -name 'X*.AppImage' -exec mv {} /usr/local/bin/x \\;"
        " && chmod +rx /usr/local/bin/x\n",
        [(2, "LG006")],
    ),
    # Oh My Zsh's installer saved first and run by its name writes the user's ~/.zshrc
    (
        "FROM ubuntu:22.04\nRUN useradd -m ctf\nUSER ctf\nWORKDIR /home/ctf\n"
        "RUN curl -fsSL -O https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh"
        " && chmod +x ./install.sh && ./install.sh\n"
        "COPY .zshrc ./\n",
        [(6, "LG002")],
    ),
    (  # (saved, not run)
        "FROM ubuntu:22.04\nRUN useradd -m ctf\nUSER ctf\nWORKDIR /home/ctf\n"
        "RUN curl -fsSL -O https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh"
        " && chmod +x ./install.sh\n"
        "COPY .zshrc ./\n",
        [],
    ),
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y libpam-cap"
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY capability.conf /etc/security/capability.conf\n",
        [(3, "LG002")],
    ),
    # (the reviews': yum that is dnf names the repositories; python2 and nodejs are links or
    # absent; apk set up to keep its packages keeps them past the indexes' removal)
    ("FROM rockylinux:8\nRUN yum repolist all\n", []),
    ("FROM amazonlinux:2023\nRUN yum repolist\n", []),
    (
        "FROM debian:12\nRUN apt-get update && apt-get install -y nodejs"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN ln -sf /usr/bin/node /usr/bin/nodejs\n",
        [],
    ),
    (
        "FROM alpine:3.15\nRUN apk add --no-cache python2\n"
        "RUN ln -sf /usr/bin/pypy /usr/bin/python2\n",
        [],
    ),
    (
        "FROM alpine:3.19\nRUN ln -s /var/cache/apk /etc/apk/cache && apk update && apk add curl"
        " && rm -f /var/cache/apk/APKINDEX.*\n",
        [(2, "LG005")],
    ),
    (
        "FROM centos:7\nRUN yum install -y rsyslog && yum clean all\n"
        "COPY syslog /etc/logrotate.d/syslog\n",
        [(3, "LG002")],
    ),
    # (and: a vendor script's lists in a cache mount; JUPYTER_DATA_DIR moves --user's
    # kernelspecs; MediaWiki's files by its release)
    (
        "FROM debian:12\nADD https://deb.nodesource.com/setup_20.x /tmp/\n"
        "RUN --mount=type=cache,target=/var/lib/apt/lists bash /tmp/setup_20.x"
        " && apt-get install -y nodejs\n",
        [],
    ),
    (
        "FROM python:3.11\nENV JUPYTER_DATA_DIR=/opt/jupyter\n"
        "RUN pip install --no-cache-dir ipykernel && python -m ipykernel install --user\n"
        "RUN rm -rf /root/.local/share/jupyter\n",
        [],
    ),
    (
        "FROM python:3.11\nENV JUPYTER_DATA_DIR=/opt/jupyter\n"
        "RUN pip install --no-cache-dir ipykernel && python -m ipykernel install --user\n"
        "RUN rm -rf /opt/jupyter/kernels\n",
        [(4, "LG003")],
    ),
    ("FROM mediawiki:1.31\nCOPY tables-generated.sql /var/www/html/maintenance/\n", []),
    ("FROM mediawiki:1.44\nCOPY extension.json /var/www/html/extensions/Interwiki/\n", []),
    (
        "FROM mediawiki:1.43\nCOPY extension.json /var/www/html/extensions/Interwiki/\n",
        [(2, "LG002")],
    ),
    # a later RUN that names the copied file inside the destination shows a directory there
    (
        "FROM ubuntu:22.04\nCOPY fonts.zip /usr/local/share/fonts\n"
        "RUN unzip /usr/local/share/fonts/fonts.zip -d /usr/local/share/fonts\n",
        [(2, "LG006")],
    ),
    (  # (another file's name beside it says nothing)
        "FROM ubuntu:22.04\nCOPY fonts.zip /usr/local/share/fonts\n"
        "RUN unzip /usr/local/share/fonts/fonts.zip.d/x.zip -d /tmp\n",
        [],
    ),
    # root's pip with HOME in a home useradd made another user's, outside /home: its owner
    # check turns the cache off
    (
        "FROM python:3.12\nENV HOME=/app\n"
        "RUN useradd --create-home --uid 10001 --home-dir /app app\nRUN pip install requests\n",
        [],
    ),
    (  # (a home useradd did not make: WORKDIR made it, root's)
        "FROM python:3.12\nENV HOME=/app\n"
        "RUN useradd --uid 10001 --home-dir /app app\nWORKDIR /app\nRUN pip install requests\n",
        [(5, "LG005")],
    ),
    (  # (a home a chown gave back to root: pip keeps its cache there)
        "FROM python:3.12\nENV HOME=/app\n"
        "RUN useradd --create-home --home-dir /app app && chown root:root /app\n"
        "RUN pip install requests\n",
        [(4, "LG005")],
    ),
    # gmake and bmake are make: `bmake clean` in a later RUN removes what the build made
    (
        "FROM ubuntu:22.04\nCOPY . /src\nWORKDIR /src\nRUN bmake\nRUN bmake clean\n",
        [(5, "LG003")],
    ),
    ("FROM ubuntu:22.04\nCOPY . /src\nWORKDIR /src\nRUN gmake clean && gmake\n", []),
    # dbus's postinst writes the machine id; rsyslog brings its logrotate file
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y dbus"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN rm /var/lib/dbus/machine-id\n",
        [(3, "LG003")],
    ),
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y rsyslog"
        " && rm -rf /var/lib/apt/lists/*\n"
        "COPY rsyslog /etc/logrotate.d/rsyslog\n",
        [(3, "LG002")],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FIFTY_SEVENTH)
def test_the_classes_of_the_fifty_seventh_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


_FIFTY_EIGHTH: list[tuple[str, list[tuple[int, str]]]] = [
    # a home pip's owner check finds another user's, so root's pip keeps no cache there: one
    # busybox's adduser made (a system user's too, and one that was there, which it chowns),
    # one a chown gave the user, one useradd makes by default on Red Hat's family; HOME given
    # with a trailing slash or on the command line alike
    (
        "FROM python:3.12-alpine\nRUN addgroup -S app && adduser -S -D -h /app -G app app\n"
        "ENV HOME=/app\nRUN pip install aiohttp\n",
        [],
    ),
    (
        "FROM python:3.12-alpine\nWORKDIR /app\nRUN adduser -D -h /app app\n"
        "ENV HOME=/app\nRUN pip install aiohttp\n",
        [],
    ),
    (  # (-H: no home made, and / is root's)
        "FROM python:3.12-alpine\nRUN adduser -SDH -h /app app\nENV HOME=/app\n"
        "RUN pip install aiohttp\n",
        [(4, "LG005")],
    ),
    (
        "FROM python:3.11-slim\nWORKDIR /app\nRUN useradd -m -d /app app && chown -R app:app /app\n"
        "ENV HOME=/app\nRUN pip install celery\n",
        [],
    ),
    (  # (a WORKDIR left it root's)
        "FROM python:3.11-slim\nWORKDIR /app\nRUN useradd -m -d /app app\n"
        "ENV HOME=/app\nRUN pip install celery\n",
        [(5, "LG005")],
    ),
    (
        "FROM rockylinux:9\nRUN dnf install -y python3-pip && dnf clean all\n"
        "RUN useradd -d /app app\nENV HOME=/app\nRUN pip3 install requests\n",
        [],
    ),
    (  # (Debian's useradd makes no home without -m)
        "FROM python:3.11-slim\nRUN useradd -d /app app\nENV HOME=/app\n"
        "RUN pip3 install requests\n",
        [(4, "LG005")],
    ),
    (
        "FROM python:3.11-slim\nRUN useradd -m -d /app app\nENV HOME=/app/\n"
        "RUN pip install flask\n",
        [],
    ),
    ("FROM python:3.11-slim\nRUN useradd -m -d /app app\nRUN HOME=/app pip install flask\n", []),
    # find -iname ... -exec mv puts the file where mv says, as -name does
    (
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y --no-install-recommends wget"
        " && rm -rf /var/lib/apt/lists/* && wget -q -P /tmp https://e.org/nvim.appimage"
        " && find /tmp -maxdepth 1 -iname '*.appimage' -exec mv {} /usr/local/bin/nvim \\;"
        " && chmod u+x /usr/local/bin/nvim\n",
        [],
    ),
    # a later RUN that names the copied file inside the destination shows a directory there:
    # in a heredoc, through a variable, by going into it, or in a later stage
    (
        "FROM debian:bookworm-slim\nCOPY fonts.zip /usr/local/share/fonts\nRUN <<EOT\n"
        "unzip -o /usr/local/share/fonts/fonts.zip -d /usr/local/share/fonts\n"
        "rm /usr/local/share/fonts/fonts.zip\nEOT\n",
        [(2, "LG006"), (3, "LG003")],
    ),
    (
        "FROM debian:bookworm-slim\nENV FONT_DIR=/usr/local/share/fonts\n"
        "COPY fonts.zip $FONT_DIR\n"
        "RUN unzip -o $FONT_DIR/fonts.zip -d $FONT_DIR && rm $FONT_DIR/fonts.zip\n",
        [(3, "LG006"), (4, "LG003")],
    ),
    (
        "FROM debian:bookworm-slim\nCOPY fonts.zip /usr/local/share/fonts\n"
        "RUN cd /usr/local/share/fonts && unzip -o fonts.zip && rm fonts.zip\n",
        [(2, "LG006"), (3, "LG003")],
    ),
    (
        "FROM debian:bookworm-slim AS base\nCOPY fonts.zip /usr/local/share/fonts\nFROM base\n"
        "RUN unzip -o /usr/local/share/fonts/fonts.zip -d /usr/local/share/fonts"
        " && rm /usr/local/share/fonts/fonts.zip\n",
        [(2, "LG006"), (4, "LG003")],
    ),
    (  # (a name that only begins the same: not the copied file)
        "FROM debian:bookworm-slim\nCOPY fonts.zip /usr/local/share/fonts\n"
        "RUN cd /usr/local/share/fonts-extra && unzip -o fonts.zip && rm fonts.zip\n",
        [],
    ),
]


@pytest.mark.parametrize(("dockerfile", "expected"), _FIFTY_EIGHTH)
def test_the_classes_of_the_fifty_eighth_session(
    found: Callable[[str], list[tuple[int, str]]],
    dockerfile: str,
    expected: list[tuple[int, str]],
) -> None:
    assert found(dockerfile) == expected


def test_a_sourced_library_runs_only_the_functions_called(lint_files: Lint) -> None:
    # a script sourced for its functions (`bash -c "source /opt/build.sh; GetGcc"`) runs what
    # it calls: its own main only where it was executed, which its "am I sourced" test says
    build = (
        "#!/bin/bash\n"
        '(return 0 2>/dev/null) && SOURCED="true" || SOURCED="false"\n'
        "main() {\n  GetGcc\n  GetMcuBoot\n}\n"
        "GetGcc() {\n  wget -q https://e.org/gcc.tar.xz -O - | tar -xJ -C /opt/\n}\n"
        "GetMcuBoot() {\n  git clone https://github.com/mcu-tools/mcuboot.git /opt/mcuboot\n"
        "  pip3 install -r /opt/mcuboot/scripts/requirements.txt\n}\n"
        'if [ $SOURCED = "false" ]; then\n  main "$@"\nfi\n'
    )
    findings = lint_files(
        {
            "Dockerfile": "FROM ubuntu:22.04\n"
            "COPY build.sh /opt/\n"
            'RUN bash -c "source /opt/build.sh; GetGcc;"\n'
            'RUN bash -c "source /opt/build.sh; GetMcuBoot;"\n'
            "RUN bash /opt/build.sh\n",
            "build.sh": build,
        }
    )
    assert [(f.line, f.rule) for f in findings if f.rule != "LG001"] == [(4, "LG005"), (5, "LG005")]


def test_a_change_of_a_copied_directory_alone_copies_no_file_up(lint_files: Lint) -> None:
    # a directory of the build context copied where programs lie is no program: a chown of it
    # without -R changes its entry alone (a file copied there is one)
    findings = lint_files(
        {
            "Dockerfile": "FROM debian:12\n"
            "COPY ./configs/pflogsumm /usr/local/bin/pflogsumm\n"
            "RUN chown bin:bin /usr/local/bin/pflogsumm\n"
            "COPY ./configs/tool.sh /usr/local/bin/tool\n"
            "RUN chmod 755 /usr/local/bin/tool\n",
            "configs/pflogsumm/README": "pflogsumm\n",
            "configs/pflogsumm/pflogsumm.pl": "#!/usr/bin/perl\n" * 40,
            "configs/tool.sh": "#!/bin/sh\necho hi\n",
        }
    )
    assert [(f.line, f.rule) for f in findings if f.rule != "LG001"] == [(5, "LG004")]
