"""The Korean names of shop kinds, as operators type them on the command line."""

from __future__ import annotations

from core.shop.model import ShopKind

KIND_WORDS = {
    ShopKind.LOCAL_FOOD: "로컬푸드",
    ShopKind.SOCIAL: "사회적경제",
    ShopKind.SME: "중소기업",
    ShopKind.PARTNER: "제휴상가",
}
KIND_BY_WORD = {word: kind.value for kind, word in KIND_WORDS.items()}
