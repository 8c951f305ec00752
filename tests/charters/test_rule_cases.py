import pytest

from accord.rules.loading import bundled_charter_path, load_charter
from accord.rules.rule_cases import RuleCase, check_rule_case, load_rule_cases

CHARTERS = ("csto", "nato")
CASES = [(name, case) for name in CHARTERS for case in load_rule_cases(bundled_charter_path(name))]


@pytest.fixture(scope="module")
def charters():
    return {name: load_charter(bundled_charter_path(name)) for name in CHARTERS}


@pytest.mark.parametrize(
    ("charter_name", "case"), CASES, ids=[f"{name}/{case.id}" for name, case in CASES]
)
def test_rule_case_holds(charters, charter_name: str, case: RuleCase):
    problems = check_rule_case(charters[charter_name], case)
    assert not problems, "\n".join(problems)


def test_the_bundled_charter_has_at_least_sixty_rule_cases():
    assert len([c for name, c in CASES if name == "csto"]) >= 60
