"""Identifiers shared by every context: states, articles, bodies, instruments."""

from __future__ import annotations

import re
from typing import NewType

StateCode = NewType("StateCode", str)
ArticleId = NewType("ArticleId", str)
BodyId = NewType("BodyId", str)
InstrumentId = NewType("InstrumentId", str)

_STATE_CODE = re.compile(r"^[A-Z]{3}$")


def state_code(text: str) -> StateCode:
    """Parse an ISO 3166-1 alpha-3 code, accepting any letter case.

    Examples:
        >>> state_code("kaz")
        'KAZ'
    """
    code = text.strip().upper()
    if not _STATE_CODE.match(code):
        raise ValueError(f"{text!r} is not an ISO 3166-1 alpha-3 state code (three letters)")
    return StateCode(code)
