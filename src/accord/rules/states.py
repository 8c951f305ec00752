"""Which three letters name a state: the codes ISO 3166-1 alpha-3 assigns (pycountry's
copy of the standard, so that no list of ours goes stale)."""

from __future__ import annotations

from functools import cache


@cache
def state_codes() -> frozenset[str]:
    import pycountry  # at the first code checked: its import is a twentieth of `accord members`

    return frozenset(country.alpha_3 for country in pycountry.countries)


def known_state(code: str) -> str:
    """``code`` in capitals if ISO 3166-1 assigns it to a state; else ValueError saying so."""
    upper = code.strip().upper()
    if upper not in state_codes():
        raise ValueError(f"{code!r} is not a state's ISO 3166-1 alpha-3 code")
    return upper
