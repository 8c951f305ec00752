"""Whether the states' histories agree with one another: each status may follow the one
before it, and only a member freezes its participation or holds the chairmanship."""

from __future__ import annotations

from accord.rules.cross_checks import CrossCheck
from accord.rules.vocabulary import NEXT_STATUSES, STATUSES


def check_states(check: CrossCheck) -> None:
    for state in check.charter.states.values():
        what = f"state {state.code}"
        check.no_overlap(what, "history", state.history)
        check.no_overlap(what, "participation_frozen", state.frozen)
        previous: str | None = None
        previous_end = None
        for index, period in enumerate(sorted(state.history, key=lambda s: s.period.start)):
            key = f"history[{index}]"
            check.source(what, f"{key}.source", period.source)
            if period.status not in STATUSES:
                raise check.fail(
                    what,
                    f"{key}.status",
                    f"unknown status {period.status!r}; one of {sorted(STATUSES)}",
                )
            after = previous if previous_end == period.period.start else None
            if period.status not in NEXT_STATUSES[after]:
                raise check.fail(
                    what,
                    f"{key}.status",
                    f"history contradicts itself: {after or 'no relation'} "
                    f"cannot be followed by {period.status} on "
                    f"{period.period.start}",
                )
            previous, previous_end = period.status, period.period.end
        for index, frozen in enumerate(state.frozen):
            check.source(what, f"participation_frozen[{index}].source", frozen.source)
            status = state.status_on(frozen.period.start)
            if status is None or status.status != "member":
                raise check.fail(
                    what,
                    f"participation_frozen[{index}]",
                    "only a member can freeze its participation, and "
                    f"{state.code} is not one on {frozen.period.start}",
                )


def check_chairmanship(check: CrossCheck) -> None:
    terms = check.charter.chair_terms
    if not terms:
        return
    what = "chairmanship"
    if check.charter.chair_body not in check.charter.bodies:
        raise check.fail("charter.yaml", "chair_body", f"unknown body {check.charter.chair_body!r}")
    check.no_overlap(what, "terms", terms)
    for index, term in enumerate(terms):
        check.source(what, f"terms[{index}].source", term.source)
        state = check.charter.states.get(term.state)
        status = state.status_on(term.period.start) if state else None
        if status is None or status.status != "member":
            raise check.fail(
                what,
                f"terms[{index}].state",
                f"{term.state} is not a member on {term.period.start}",
            )
