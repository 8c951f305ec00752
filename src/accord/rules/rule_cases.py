"""Rule cases: the lawyer-readable tests of a charter (a date, a question, facts, a ruling).

```yaml
- name: before 2012 only aggression by a state counts
  as_of: 2005-03-01
  ask: request
  given: {by: KAZ, article: CST-4, where: KAZ, threat: aggression, aggressor: non_state}
  expect: {allowed: false, articles: [CST-4]}
```
``articles`` matches when the ruling cites the listed ids and no others, in any order (a reason
resting on an article that does not decide it is as wrong as a missing one); any other key of
``expect`` (``confidence`` among them) must equal the ruling's field of that name (dates written
as YYYY-MM-DD).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from accord.kernel.errors import CharterError
from accord.rules.charter import Charter
from accord.rules.questions import ask
from accord.rules.rulebook import Rulebook
from accord.rules.yamlfiles import read_yaml


class _CaseFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    as_of: dt.date
    ask: str
    given: dict[str, Any] = {}
    expect: dict[str, Any]


@dataclass(frozen=True)
class RuleCase:
    file: str
    name: str
    as_of: dt.date
    question: str
    given: dict[str, Any]
    expect: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.file}::{self.name}"


def load_rule_cases(charter_folder: Path) -> list[RuleCase]:
    """Every case in the charter's ``rule_cases/`` folder; each must name an article."""
    cases = []
    for path in sorted((charter_folder / "rule_cases").glob("*.yaml")):
        shown = f"rule_cases/{path.name}"
        listed = read_yaml(path, shown) or []
        if not isinstance(listed, list):
            raise CharterError(shown, "", "a list of rule cases")
        for index, raw in enumerate(listed):
            try:
                item = _CaseFile.model_validate(raw)
            except ValidationError as error:
                first = error.errors()[0]
                key = ".".join(str(p) for p in first["loc"])
                raise CharterError(shown, f"[{index}].{key}", first["msg"]) from None
            if not item.expect.get("articles"):
                raise CharterError(
                    shown, f"[{index}].expect.articles", "a rule case names the article(s) it tests"
                )
            cases.append(RuleCase(shown, item.name, item.as_of, item.ask, item.given, item.expect))
    return cases


def check_rule_case(charter: Charter, case: RuleCase) -> list[str]:
    """Run one case; return what differs from its expectation (empty when it holds)."""
    ruling = ask(Rulebook.as_of(charter, case.as_of), case.question, case.given).to_dict()
    problems = []
    for key, expected in case.expect.items():
        if key not in ruling:
            problems.append(f"{key}: the ruling has no such field ({', '.join(sorted(ruling))})")
            continue
        actual = ruling[key]
        if key == "articles":
            missing = [a for a in expected if a not in actual]
            extra = [a for a in actual if a not in expected]
            if missing or extra:
                problems.append(f"articles: expected {expected}, got {actual}")
        elif _plain(expected) != actual:
            problems.append(f"{key}: expected {_plain(expected)!r}, got {actual!r}")
    if problems:
        problems.append("reasons: " + " | ".join(r["text"] for r in ruling["reasons"]))
    return problems


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
