"""Imperative mapping: the core's plain dataclasses are mapped onto the tables from outside,
so the domain never imports SQLAlchemy. Called once by the composition root (idempotent)."""

from __future__ import annotations

from sqlalchemy.orm import registry

from core.defects.model import DefectEvent, DefectReport
from core.identity import model
from storage import tables

mapper_registry = registry(metadata=tables.metadata)
_mapped = False


def map_domain() -> None:
    global _mapped  # the mapping is a property of the classes themselves, made exactly once
    if _mapped:
        return
    mapper_registry.map_imperatively(model.Complex, tables.complexes)
    mapper_registry.map_imperatively(model.Household, tables.households)
    mapper_registry.map_imperatively(model.Resident, tables.residents)
    mapper_registry.map_imperatively(model.ChannelAccount, tables.channel_accounts)
    mapper_registry.map_imperatively(model.RoleGrant, tables.role_grants)
    mapper_registry.map_imperatively(model.InviteCode, tables.invite_codes)
    mapper_registry.map_imperatively(model.LinkCode, tables.link_codes)
    mapper_registry.map_imperatively(DefectReport, tables.defect_reports)
    mapper_registry.map_imperatively(DefectEvent, tables.defect_events)
    _mapped = True
