"""A scenario report for people (a timeline) and for programs (JSON)."""

from __future__ import annotations

from typing import Any

from accord.rules.vote import Vote
from accord.simulation.runner import ScenarioReport, StepReport


def report_to_dict(report: ScenarioReport) -> dict[str, Any]:
    return {
        "name": report.name,
        "ok": report.ok,
        "steps": [_step_dict(step) for step in report.steps],
        "final_failures": report.final_failures,
        "journal": {
            "entries": report.journal_entries,
            "verified": not report.journal_problems,
            "problems": list(report.journal_problems),
        },
    }


def _step_dict(step: StepReport) -> dict[str, Any]:
    ruling = step.ruling.to_dict() if step.ruling else None
    return {
        "step": step.number,
        "at": step.at.isoformat(),
        "by": step.by,
        "do": step.do,
        "as": step.name,
        "created": step.created,
        "ok": step.ok,
        "failures": list(step.failures),
        "ruling": ruling,
    }


def timeline_lines(report: ScenarioReport) -> list[str]:
    lines = [f"Scenario: {report.name}"]
    for step in report.steps:
        lines.append(_step_line(step))
        if step.ruling is not None:
            lines.extend(f"      · {reason.text}" for reason in step.ruling.reasons)
        lines.extend(f"      ✗ step {step.number}: {failure}" for failure in step.failures)
    lines.extend(f"  ✗ final: {failure}" for failure in report.final_failures)
    verified = "verified" if not report.journal_problems else "BROKEN"
    lines.append(f"Journal: {report.journal_entries} entries, chain {verified}")
    lines.extend(f"  ✗ journal: {problem}" for problem in report.journal_problems)
    failed = sum(not s.ok for s in report.steps) + bool(report.final_failures)
    lines.append(
        "All expectations hold."
        if report.ok
        else f"FAILED: {failed} step(s) or final expectation(s) do not hold."
    )
    return lines


def _step_line(step: StepReport) -> str:
    if step.ruling is None:
        verdict = "check"
    else:
        verdict = "allowed" if step.ruling.allowed else "REFUSED"
        if step.ruling.articles:
            verdict += f" [{', '.join(step.ruling.articles)}]"
        vote = Vote.of(step.ruling)
        if vote is not None:
            verdict += f" → {vote.outcome}"
    named = f" as {step.name}={step.created}" if step.name and step.created else ""
    mark = "✓" if step.ok else "✗"
    return (
        f"{mark} {step.number:>3}  {step.at:%Y-%m-%d %H:%M}  {step.by or '':<17} "
        f"{step.do:<28} {verdict}{named}"
    )
