"""How the sharing market reads: kinds and sides in words, the poster as "102동 이웃" (never a
name or unit), price or "무료", the departure the Korean way, and the card of a listing."""

from __future__ import annotations

from bot.i18n import N_, Translator
from core.share.model import CARE_KINDS, Kind, Listing, ListingStatus, RideStatus, Side

KIND_WORDS: dict[str, str] = {
    Kind.CARPOOL: N_("카풀"),
    Kind.CARE: N_("돌봄"),
    Kind.CHILDCARE: N_("육아"),
    Kind.NURSING: N_("간병"),
    Kind.SCHOOL: N_("등하교"),
    Kind.GOODS: N_("물품 나눔·대여"),
    Kind.TALENT: N_("재능"),
}
SIDE_WORDS: dict[str, str] = {Side.OFFER: N_("해드려요"), Side.REQUEST: N_("구해요")}
STATUS_WORDS: dict[str, str] = {
    ListingStatus.OPEN: N_("모집 중"),
    ListingStatus.CLOSED: N_("마감"),
    ListingStatus.CANCELLED: N_("취소됨"),
    ListingStatus.HIDDEN: N_("코디네이터가 숨김"),
}
RIDE_STATUS_WORDS: dict[str, str] = {
    RideStatus.PENDING: N_("기다리는 중"),
    RideStatus.ACCEPTED: N_("수락됨"),
    RideStatus.DECLINED: N_("거절됨"),
    RideStatus.CANCELLED: N_("취소됨"),
}
LEGAL_NOTE = N_(
    "돈 받는 카풀(기름값 나누기)은 법에 따라 평일 출퇴근 시간(오전 7~9시, 오후 6~8시)에만 "
    "할 수 있어요. 주말과 공휴일에는 무료로만 함께 타 주세요."
)


def kind_word(t: Translator, kind: str) -> str:
    return t._(KIND_WORDS.get(kind, kind))


def side_word(t: Translator, side: str) -> str:
    return t._(SIDE_WORDS.get(side, side))


def status_word(t: Translator, status: str) -> str:
    """A listing's status: 모집 중, 마감, 취소됨, 코디네이터가 숨김."""
    return t._(STATUS_WORDS.get(status, status))


def ride_status_word(t: Translator, status: str) -> str:
    """A seat request's status: 기다리는 중, 수락됨, 거절됨, 취소됨."""
    return t._(RIDE_STATUS_WORDS[status]) if status in RIDE_STATUS_WORDS else status


def neighbour(t: Translator, building: str) -> str:
    """The only way a resident is named in the market."""
    return t._("{building}동 이웃", building=building)


def price_words(t: Translator, listing: Listing) -> str:
    if not listing.price:
        return t._("무료")
    if listing.kind == Kind.CARPOOL:
        return t._("기름값 나누기 {amount}", amount=t.won(listing.price))
    return t.won(listing.price)


def when_words(t: Translator, listing: Listing) -> str:
    """The departure (a ride that repeats while open adds "· 평일마다 반복") or the when text."""
    if listing.departs_at is None:
        return listing.when_text
    when = t.datetime(listing.departs_at)
    if listing.repeats and listing.is_open:
        return t._("{when} · 평일마다 반복", when=when)
    return when


def poster_line(t: Translator, listing: Listing, thanks: int, verified: bool) -> str:
    parts = [neighbour(t, listing.building), t._("감사 {n}", n=thanks)]
    if verified:
        parts.append(t._("코디네이터 확인"))
    return " · ".join(parts)


def card_lines(t: Translator, listing: Listing, thanks: int, verified: bool) -> list[str]:
    lines: list[str] = []
    when = when_words(t, listing)
    if when:
        lines.append(t._("언제: {when}", when=when))
    if listing.place:
        lines.append(t._("어디: {place}", place=listing.place))
    if listing.who and listing.kind in CARE_KINDS:
        lines.append(t._("누구: {who}", who=listing.who))
    price = price_words(t, listing)
    if listing.is_ride_offer:
        left, seats = listing.seats_left, listing.seats
        lines.append(
            t._("{price} · 남은 자리 {left}/{seats}", price=price, left=left, seats=seats)
        )
    else:
        lines.append(price)
    lines.append(poster_line(t, listing, thanks, verified))
    return lines


def card_title(t: Translator, listing: Listing) -> str:
    return f"[{side_word(t, listing.side)}] {listing.title}"


def phone_hint(t: Translator) -> str:
    """Under a listing or a message whose phone number was masked."""
    return t._("전화번호는 가려서 보여 드려요. '연락하기'로 대화하면 번호 없이 연락할 수 있어요.")
