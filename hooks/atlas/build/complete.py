"""The resolve stage: link the records (``resolve.link``), then work out once what later stages
derive from the whole model (each target's status, which page shows each part of a plan) and make
every index a read-only mapping, so that rendering cannot change the model (a defaultdict grew a
key on every lookup)."""

from __future__ import annotations

from dataclasses import fields
from types import MappingProxyType

from ..model.records import Dataset
from . import plan_pages, progress
from .resolve import Model, link


def resolve(ds: Dataset) -> Model:
    """The complete, read-only model of a validated dataset."""
    m = link(ds)
    m.progress = {f"{ref.plan.id}#{ref.target.id}": progress.judge(m, ref) for ref in m.targets}
    m.placement = {plan_id: plan_pages.placement(m, plan_id) for plan_id in m.plans}
    for f in fields(m):
        value = getattr(m, f.name)
        if isinstance(value, dict):
            setattr(m, f.name, MappingProxyType(dict(value)))
    return m
