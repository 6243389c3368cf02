"""입금 계좌 (계좌이체): the bank account a shop is paid to, set by its vendor in chat, shown in
full to a buyer of a 계좌이체 order in their own chat and masked everywhere else.

Rules:
- The bank is one of `BANKS` (a fixed list of Korean banks); anything else is
  "shop.bad_bank".
- The account number is digits with single hyphens (spaces read as hyphens), 8–16 digits,
  at most 20 characters in all ("shop.bad_account_number").
- The holder (예금주) is 1–20 characters, not only digits ("shop.bad_holder").
- Only the shop's own vendor sets or changes it (`own_shop`); setting it again replaces it.
- A shop without an account takes no 계좌이체 order or group-buy share ("shop.no_transfer").
- The buyer reads the account of their own open, unpaid 계좌이체 order only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, InvalidInput
from core.identity.model import Membership
from core.ids import saved
from core.shop.model import Order, OrderStatus, Payment
from core.shop.vendors import own_shop

if TYPE_CHECKING:
    from core.ports import UnitOfWork

BANKS: tuple[str, ...] = (
    "농협",
    "국민",
    "신한",
    "우리",
    "하나",
    "기업",
    "카카오뱅크",
    "토스뱅크",
    "우체국",
    "새마을금고",
    "신협",
    "수협",
    "케이뱅크",
    "부산",
    "대구",
    "광주",
    "전북",
    "경남",
    "제주",
    "SC제일",
)
MIN_DIGITS = 8
MAX_DIGITS = 16
MAX_NUMBER = 20  # characters, hyphens included
MAX_HOLDER = 20
SHOWN_DIGITS = 5  # a masked number keeps its first digits: "123-45-******"
_NUMBER = re.compile(r"\d+(-\d+)*")
# Orders whose money may still be on its way (the buyer sees where to send it).
PAYABLE = frozenset({OrderStatus.PLACED, OrderStatus.CONFIRMED, OrderStatus.READY})


@dataclass(frozen=True)
class BankAccount:
    bank: str
    number: str
    holder: str

    @property
    def masked(self) -> str:
        """The number with every digit after the first five as *: for anyone but the buyer."""
        return mask_number(self.number)


def mask_number(number: str) -> str:
    out, seen = [], 0
    for char in number:
        if char.isdigit():
            seen += 1
            out.append(char if seen <= SHOWN_DIGITS else "*")
        else:
            out.append(char)
    return "".join(out)


def check_bank(bank: object) -> str:
    if not isinstance(bank, str) or bank.strip() not in BANKS:
        raise InvalidInput("shop.bad_bank")
    return bank.strip()


def check_number(number: object) -> str:
    """ "123 45 678901" → "123-45-678901"; digits and single hyphens only."""
    if not isinstance(number, str):
        raise InvalidInput("shop.bad_account_number", low=MIN_DIGITS, high=MAX_DIGITS)
    cleaned = "-".join(number.replace("-", " ").split())
    digits = sum(c.isdigit() for c in cleaned)
    if (
        not _NUMBER.fullmatch(cleaned)
        or not MIN_DIGITS <= digits <= MAX_DIGITS
        or len(cleaned) > MAX_NUMBER
    ):
        raise InvalidInput("shop.bad_account_number", low=MIN_DIGITS, high=MAX_DIGITS)
    return cleaned


def check_holder(holder: object) -> str:
    text = " ".join(holder.split()) if isinstance(holder, str) else ""
    if not 1 <= len(text) <= MAX_HOLDER or text.replace(" ", "").isdigit():
        raise InvalidInput("shop.bad_holder", limit=MAX_HOLDER)
    return text


def check_account(bank: object, number: object, holder: object) -> BankAccount:
    return BankAccount(check_bank(bank), check_number(number), check_holder(holder))


async def set_account(
    uow: UnitOfWork, clock: Clock, member: Membership, account: BankAccount
) -> BankAccount:
    """입금 계좌: the vendor sets or replaces the account of their own shop."""
    shop = await own_shop(uow, member)
    checked = check_account(account.bank, account.number, account.holder)
    await uow.shop.set_shop_account(saved(shop.id), checked, clock.now())
    return checked


async def own_account(uow: UnitOfWork, member: Membership) -> BankAccount | None:
    """The vendor's own shop's account (None before it is set)."""
    shop = await own_shop(uow, member)
    return await uow.shop.shop_account(saved(shop.id))


async def takes_transfer(uow: UnitOfWork, shop_id: int) -> bool:
    return await uow.shop.shop_account(shop_id) is not None


async def check_payment(uow: UnitOfWork, shop_id: int, payment: object) -> str:
    """현장결제 or 계좌이체, the latter only when the shop has an account to pay to."""
    if not isinstance(payment, str) or payment not in set(Payment):
        raise InvalidInput("shop.bad_choice")
    if payment == Payment.TRANSFER and not await takes_transfer(uow, shop_id):
        raise DomainError("shop.no_transfer")
    return payment


def awaits_transfer(order: Order) -> bool:
    """A 계좌이체 order whose money is still to be sent (a group-buy share once it succeeded)."""
    waiting_share = order.group_buy_id is not None and order.status == OrderStatus.PLACED
    return (
        order.payment == Payment.TRANSFER
        and not order.paid
        and order.money > 0
        and order.status in PAYABLE
        and not waiting_share
    )


async def pay_to(uow: UnitOfWork, order: Order, member: Membership) -> BankAccount | None:
    """Where the buyer sends the money of their own 계좌이체 order; None for anyone else or
    when nothing is to be sent."""
    if order.resident_id != member.resident_id or not awaits_transfer(order):
        return None
    return await uow.shop.shop_account(order.shop_id)


async def accounts_for(
    uow: UnitOfWork, orders: list[Order], member: Membership
) -> dict[int, BankAccount]:
    """{order id: account} for the member's own orders awaiting a transfer (one query)."""
    mine = [o for o in orders if o.resident_id == member.resident_id and awaits_transfer(o)]
    found = await uow.shop.shop_accounts(sorted({o.shop_id for o in mine}))
    return {saved(o.id): found[o.shop_id] for o in mine if o.shop_id in found}
