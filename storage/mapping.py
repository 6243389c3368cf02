"""Imperative mapping: the core's plain dataclasses are mapped onto the tables from outside,
so the domain never imports SQLAlchemy. Called once by the composition root (idempotent)."""

from __future__ import annotations

from sqlalchemy.orm import registry

from core.boards.model import BoardEntry
from core.defects.model import DefectEvent, DefectReport
from core.identity import model
from core.identity.proxy import ProxyAction
from core.notices.model import Notice
from core.partners.model import Coupon, Offer
from core.points.model import CommonProposal, CommonSpend, RentSettlement
from core.share import model as share
from core.shop import model as shop
from core.shop.picks import Pick
from core.votes.model import Vote
from storage import tables

mapper_registry = registry(metadata=tables.metadata)
_mapped = False


def map_domain() -> None:
    global _mapped  # the mapping is a property of the classes themselves, made exactly once
    if _mapped:
        return
    mapper_registry.map_imperatively(model.Complex, tables.complexes)
    mapper_registry.map_imperatively(model.Household, tables.households)
    mapper_registry.map_imperatively(
        model.Resident, tables.residents, exclude_properties=["identity_version"]
    )
    mapper_registry.map_imperatively(model.ChannelAccount, tables.channel_accounts)
    mapper_registry.map_imperatively(model.RoleGrant, tables.role_grants)
    mapper_registry.map_imperatively(model.InviteCode, tables.invite_codes)
    mapper_registry.map_imperatively(model.LinkCode, tables.link_codes)
    mapper_registry.map_imperatively(DefectReport, tables.defect_reports)
    mapper_registry.map_imperatively(DefectEvent, tables.defect_events)
    mapper_registry.map_imperatively(share.Listing, tables.share_listings)
    mapper_registry.map_imperatively(share.RideRequest, tables.share_ride_requests)
    mapper_registry.map_imperatively(share.ShareChat, tables.share_chats)
    mapper_registry.map_imperatively(share.ShareReport, tables.share_reports)
    mapper_registry.map_imperatively(share.Standing, tables.share_standings)
    mapper_registry.map_imperatively(Notice, tables.notices)
    mapper_registry.map_imperatively(Vote, tables.votes)
    mapper_registry.map_imperatively(BoardEntry, tables.board_entries)
    mapper_registry.map_imperatively(RentSettlement, tables.rent_settlements)
    mapper_registry.map_imperatively(CommonSpend, tables.common_spends)
    mapper_registry.map_imperatively(CommonProposal, tables.common_proposals)
    mapper_registry.map_imperatively(ProxyAction, tables.proxy_actions)
    for cls, table in (
        (shop.Shop, tables.shops),
        (shop.Product, tables.shop_products),
        (shop.Exhibition, tables.shop_exhibitions),
        (shop.ExhibitionItem, tables.shop_exhibition_items),
        (shop.GroupBuy, tables.shop_group_buys),
        (shop.Order, tables.shop_orders),
        (Pick, tables.shop_picks),
        (shop.ShopComplex, tables.shop_complexes),
        (Offer, tables.partner_offers),
        (Coupon, tables.partner_coupons),
    ):
        mapper_registry.map_imperatively(cls, table)
    _mapped = True
