"""The documented hard limits of a KakaoTalk SkillResponse 2.0 (reference §2–3), in one place
for the renderer and the validator. Lengths are in characters (code points)."""

from __future__ import annotations

VERSION = "2.0"
MAX_OUTPUTS = 3
MAX_QUICK_REPLIES = 10
SIMPLE_TEXT_MAX = 1000
ALT_TEXT_MAX = 50
TEXT_CARD_TITLE_MAX = 50
TEXT_CARD_DESC_MAX = 400  # single card; title + description together are cut at 400 too
TEXT_CARD_DESC_CAROUSEL_MAX = 128
BASIC_CARD_TITLE_MAX = 50
BASIC_CARD_DESC_MAX = 230
COMMERCE_TITLE_MAX = 30
COMMERCE_DESC_MAX = 40
LABEL_MAX = 14
LABEL_SIDE_BY_SIDE_MAX = 8
VERTICAL_BUTTONS_MAX = 3
HORIZONTAL_BUTTONS_MAX = 2
LIST_ITEMS_MAX = 5
LIST_ITEMS_CAROUSEL_MAX = 4
CAROUSEL_ITEMS_MAX = 10
LIST_CAROUSEL_ITEMS_MAX = 5
RESPONSE_BYTES_MAX = 30_720
USER_ID_MAX = 70
ITEM_LIST_MAX = 10
ITEM_LIST_CAROUSEL_MAX = 5
ITEM_TITLE_MAX = 6  # itemList[].title and itemListSummary.title
ITEM_SUMMARY_DESC_MAX = 14
ITEM_PROFILE_TITLE_MAX = 15
ITEM_TEXT_MAX = 200  # itemCard title + description
ITEM_TEXT_CAROUSEL_MAX = 100
ITEM_TEXT_LINES_MAX = 12

COMPONENTS = frozenset(
    {"simpleText", "simpleImage", "textCard", "basicCard", "commerceCard", "listCard"}
    | {"itemCard", "carousel"}
)
CAROUSEL_TYPES = frozenset({"textCard", "basicCard", "commerceCard", "listCard", "itemCard"})
REPLY_FIELDS = {"message": "messageText", "block": "blockId"}  # quick replies, list items
