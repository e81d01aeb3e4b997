"""What the data holds, per document, and which texts still lack a language."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.errors import Diagnostic
from ..build.resolve import Model


@dataclass(frozen=True)
class PlanCounts:
    plan: str
    sections: int
    tasks: int
    targets: int
    observations: int
    agencies: int  # distinct agencies named as issuer, lead or participant
    notes: int


def plan_counts(m: Model) -> list[PlanCounts]:
    out = []
    for plan in m.plans.values():
        refs = m.tasks_in_plan.get(plan.id, [])
        agencies = {a for ref in refs for a in ref.task.lead + ref.task.participants}
        if plan.issuer:
            agencies.add(plan.issuer)
        out.append(PlanCounts(plan.id, len(m.sections_of(plan)), len(refs),
                              len(m.targets_in_plan.get(plan.id, [])),
                              len(m.observations_in_plan.get(plan.id, [])), len(agencies),
                              len(plan.notes)))
    return out


def missing_translations(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The validator's missing-translation warnings: one per text field lacking a language."""
    return [d for d in diagnostics if d.severity == "warning" and d.message.startswith("missing translation")]


def format_counts(rows: list[PlanCounts]) -> str:
    header = ("plan", "sections", "tasks", "targets", "observations", "agencies", "notes")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in rows:
        lines.append(f"| {r.plan} | {r.sections} | {r.tasks} | {r.targets} | {r.observations} | "
                     f"{r.agencies} | {r.notes} |")
    total = [sum(getattr(r, h) for r in rows) for h in header[1:]]
    lines.append("| total | " + " | ".join(str(t) for t in total) + " |")
    return "\n".join(lines)
