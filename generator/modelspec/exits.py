"""The exit codes, in one place. Only the CLI turns outcomes into them."""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    """What a ``modelspec`` run ended with."""

    OK = 0
    INVALID_SPEC = 1
    USAGE = 2
    DRIFT = 3
    BREAKING = 4
    LINT_ERRORS = 5
    DIFFERS = 6  # reconcile: the spec and a GET /v1/models snapshot disagree
    CANNOT_WRITE = 7
    INTERNAL = 70  # a bug in modelspec (EX_SOFTWARE); the message asks for a report
