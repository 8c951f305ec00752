"""Read models of the standing operations: the catalog, stages with results, yearly totals."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from accord.adapters.documents import to_document
from accord.operations.catalog import standing_operations
from accord.operations.model import Results, Stage


def catalog(stages: Mapping[str, Stage]) -> list[dict[str, Any]]:
    """Every standing operation with its sources and how many stages are recorded."""
    return [
        {
            **to_document(operation),
            "stages_recorded": sum(1 for s in stages.values() if s.operation == operation.name),
        }
        for operation in standing_operations().values()
    ]


def stage_view(stage: Stage) -> dict[str, Any]:
    return {**to_document(stage), "results": [to_document(r) for r in stage.results.values()]}


def stages_of(stages: Mapping[str, Stage], operation: str) -> list[dict[str, Any]]:
    chosen = [s for s in stages.values() if s.operation == operation]
    return [stage_view(s) for s in sorted(chosen, key=lambda s: (s.start, s.id))]


def totals(stages: Mapping[str, Stage], year: int | None = None) -> list[dict[str, Any]]:
    """Per year and operation: kilograms by substance, detentions, resources blocked, in all
    and per member (a stage counts in the year it starts)."""
    grouped: dict[tuple[int, str], list[Stage]] = {}
    for stage in stages.values():
        if year is None or stage.year == year:
            grouped.setdefault((stage.year, stage.operation), []).append(stage)
    rows = []
    for (stage_year, operation), chosen in sorted(grouped.items()):
        results = [r for stage in chosen for r in stage.results.values()]
        members = sorted({r.state for r in results})
        rows.append(
            {
                "year": stage_year,
                "operation": operation,
                "stages": sorted(stage.id for stage in chosen),
                **_summed(results),
                "by_member": {m: _summed(r for r in results if r.state == m) for m in members},
            }
        )
    return rows


def _summed(results: Iterable[Results]) -> dict[str, Any]:
    seized: dict[str, float] = {}
    detentions = blocked = 0
    for result in results:
        for substance, kilograms in result.seizures.items():
            seized[substance] = seized.get(substance, 0.0) + kilograms
        detentions += result.detentions
        blocked += result.resources_blocked
    return {
        # To the gram: sums of decimal kilograms would otherwise print binary noise.
        "seizures_kg": {s: round(kg, 3) for s, kg in sorted(seized.items())},
        "detentions": detentions,
        "resources_blocked": blocked,
    }
