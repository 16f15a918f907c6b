"""The one user-facing error type, and the exit codes it maps to."""

from __future__ import annotations

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class LayerguardError(Exception):
    """A problem the user must fix (usage, config, I/O, registry): one line, exit 2."""

    exit_code = EXIT_ERROR


class UsageError(LayerguardError):
    """Bad command-line arguments."""


class ConfigError(LayerguardError):
    """An invalid or unreadable configuration file."""
