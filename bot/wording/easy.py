"""쉬운 모드 wording: the messages that have a plainer variant under `msgctxt "easy"`.

Each `pgettext("easy", msgid)` below only marks `msgid` for extraction (`make i18n` puts it in
the catalogs with the context "easy"); the plainer Korean itself is the ko catalog's msgstr of
that entry, and en / zh_Hans translate it like any message. `bot.i18n.Translator` made with
`easy=True` shows the variant wherever one exists, so the code keeps calling `ctx._(msgid)`.

Rules for a variant: the same `{placeholders}`, a bubble ≤ 150 characters, a button ≤ 8
characters, 해요체, no word of `jargon.toml`. `tests/easy/test_easy_wording.py` checks them.
"""

from __future__ import annotations


def pgettext(context: str, message: str) -> str:
    """Marks `message` with its context for extraction; returns it unchanged."""
    return message


VARIANTS: tuple[str, ...] = (
    # the first screens: welcome, home, help
    pgettext(
        "easy",
        "안녕하세요! 우리 아파트 이웃 도우미 '내친구'예요.\n"
        "이웃과 카풀·돌봄을 나누고, 함께 사기, 공지와 투표, 고장 신고를 "
        "이 대화방에서 할 수 있어요.\n\n"
        "관리사무소에서 받은 초대코드가 있으면 '초대코드 입력'을 눌러 주세요.",
    ),
    pgettext("easy", "{complex} {building}동 이웃님, 안녕하세요!\n무엇을 도와드릴까요?"),
    pgettext("easy", "버튼을 눌러서 쓰면 돼요. 글자로 버튼 이름을 적어도 알아들어요."),
    pgettext(
        "easy",
        "언제든 '처음으로'를 누르면 처음 메뉴로, '이전'을 누르면 한 단계 앞으로 가요.",
    ),
    pgettext(
        "easy",
        "어려우시면 '도움 요청'을 눌러 주세요. 관리사무소 코디네이터가 이 대화방에서 답해 드려요.",
    ),
    pgettext("easy", "쉬운 모드를 켰어요. 한 화면에 버튼이 4개까지만 나와요."),
    pgettext("easy", "언어 Language"),
    pgettext("easy", "다른 메신저 연결"),
    # sections
    pgettext("easy", "이웃과 카풀, 돌봄, 물건 나눔을 주고받는 곳이에요."),
    pgettext("easy", "동네 농가와 가게의 좋은 물건을 함께 사는 곳이에요."),
    pgettext("easy", "물건을 사면 쌓이는 포인트를 보고 쓰는 곳이에요."),
    # points
    pgettext("easy", "지금 {points}점이 있어요. (1점은 1원이에요)"),
    pgettext("easy", "공용 포인트 보기"),
    pgettext("easy", "포인트 모으는 법"),
    pgettext(
        "easy",
        "이웃이 물건을 살 때마다 2%가 쌓이고, 놀이방·작은도서관·단지 행사·청소처럼 "
        "단지에서 함께 정한 곳에 써요.",
    ),
    pgettext(
        "easy",
        "[포인트 모으는 법]\n"
        "· 알뜰쇼핑에서 물건을 받으면 낸 돈의 1%가 내 포인트로 쌓여요.\n"
        "· 같은 때 2%는 우리 단지 공용 포인트로 쌓여요.\n"
        "· 포인트로 낸 금액에는 포인트가 쌓이지 않아요.\n"
        "· 1점은 1원이에요. 임대료로 내거나 알뜰쇼핑에서 쓸 수 있어요.\n"
        "· 포인트는 쌓이고 {years}년이 지나면 오래된 것부터 사라져요. 미리 알려 드려요.",
    ),
    # 고장 신고
    pgettext("easy", "무슨 일인가요? 버튼을 누르거나, 짧게 적거나, 사진을 보내 주세요."),
    pgettext(
        "easy",
        "급한 일인가요? 물이 많이 새거나 전기·가스·승강기처럼 위험하면 '급함'을 눌러 주세요.",
    ),
    pgettext("easy", "접수된 신고 보기"),
    pgettext("easy", "함께 쓰는 곳 신고"),
    pgettext("easy", "5점 아주 좋아요"),
    pgettext("easy", "관리사무소에서 확인하면 알려 드릴게요."),
    # 카풀 and the neighbours' chat
    pgettext("easy", "태워 드려요 (해드려요)"),
    pgettext("easy", "태워 주세요 (구해요)"),
    pgettext("easy", "광고나 사기 같아요"),
    pgettext("easy", "불쾌한 말을 했어요"),
    pgettext("easy", "개인정보를 물어봐요"),
    # 주민투표, 공지, 공동구매
    pgettext("easy", "[공지사항] 모두 {n}건이에요. 고정된 공지와 최근 공지부터 보여 드려요."),
    pgettext("easy", "우리 집은 '{option}'에 투표했어요. 바꾸려면 다른 것을 누르세요."),
    pgettext("easy", "[주민투표] 진행 중인 투표와 끝난 투표예요."),
    pgettext("easy", "[공동구매] 모집 중인 공동구매 {n}건이에요."),
    # 설문조사
    pgettext("easy", "1 (매우 불만)"),
    pgettext("easy", "5 (매우 만족)"),
    pgettext("easy", "1점(매우 불만)부터 5점(매우 만족)까지 골라 주세요."),
    pgettext("easy", "여러 개를 고를 수 있어요. 다 고르면 '다 골랐어요'를 눌러 주세요."),
)
