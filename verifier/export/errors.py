"""The export errors, apart so that the formats and the destination logic share them."""

from __future__ import annotations


class ExportError(Exception):
    """An export that cannot be done; ``str()`` is one line for the user."""


class ExportExists(ExportError):
    """The destination already exists and replacing it was not asked for."""
