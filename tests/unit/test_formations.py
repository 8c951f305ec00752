"""The formations file is read as strictly as the charter's own data."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import pytest

from accord.forces.formations import formations, load_formations
from accord.kernel.errors import CharterError

GOOD = """\
crrf:
  name: Collective Rapid Reaction Forces
  basis: CRRF-AGR-2009
  from: 2009-06-14
  tasks: repel aggression
  source: {confidence: secondary, refs: [SRC-KREMLIN-2009]}
"""


def test_the_bundled_formations_have_their_basis_dates_and_sources():
    bundled = formations()
    with resources.as_file(resources.files("accord.forces") / "formations.yaml") as path:
        assert bundled == load_formations(path)
    crrf = bundled["collective_rapid_reaction_forces"]
    assert (crrf.start, crrf.confidence) == (dt.date(2009, 6, 14), "secondary")
    assert crrf.refs
    assert bundled["regional_grouping_east_european"].members == {"RUS", "BLR"}


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        (GOOD + GOOD, "", "duplicate key 'crrf'"),
        (GOOD.replace("  name: Collective Rapid Reaction Forces\n", ""), "crrf.name", "required"),
        (GOOD + "  commander: unknown\n", "crrf.commander", "Extra inputs"),
        (GOOD.replace("refs: [SRC-KREMLIN-2009]", "refs: []"), "crrf.source.refs", "at least 1"),
    ],
)
def test_a_bad_formations_file_is_refused_naming_the_key(tmp_path: Path, text, key, problem):
    path = tmp_path / "formations.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CharterError) as raised:
        load_formations(path)
    assert raised.value.file == "formations.yaml"
    assert raised.value.key == key
    assert problem in raised.value.problem
