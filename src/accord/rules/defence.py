"""What the Treaty requires once an armed attack on a party is aggression against all (Art. 4)
and the attacked party has asked: assistance, the body that decides on forces, the report to
the UN Security Council, each as the charter's parameters say on the day."""

from __future__ import annotations

from accord.rules import parameters as p
from accord.rules.rulebook import Rulebook
from accord.rules.ruling import Because


def defence_obligations(rulebook: Rulebook, because: Because) -> list[str]:
    obligations = ["aggression against one party is aggression against all parties"]
    assistance = rulebook.parameter(p.ASSISTANCE)
    if assistance:
        means = ", ".join(v.replace("_", " ") for v in assistance)
        obligations.append(f"the other parties give the necessary assistance ({means})")
        because.note(f"assistance: {means}", rulebook.source_of(p.ASSISTANCE))
    body = rulebook.parameter(p.DECIDING_BODY)
    if body is not None:
        obligations.append(f"the {body} decides on the use of forces")
        because.note(
            f"the {body} decides on the use of forces", rulebook.source_of(p.DECIDING_BODY)
        )
    if rulebook.parameter(p.REPORT_TO_UN_SECURITY_COUNCIL):
        obligations.append("the measures are reported to the UN Security Council at once")
        because.note(
            "measures are reported to the UN Security Council immediately",
            rulebook.source_of(p.REPORT_TO_UN_SECURITY_COUNCIL),
        )
    return obligations
