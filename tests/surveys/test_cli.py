"""`python -m bot survey export ID [--out FILE]` run as a real process on a SQLite file that
the survey use cases filled in-process: one row per submitted response, a column per
question, UTF-8 with a BOM; anonymous surveys have no resident columns; an unknown id is
refused with exit code 1."""

from __future__ import annotations

import csv
from datetime import timedelta

from bot.app import build_services
from bot.config import Config
from core.clock import FrozenClock
from core.surveys.answering import NewSurvey, create_survey, save_answer, submit
from core.surveys.model import Question, QuestionKind
from tests.support.points import in_uow, place
from tests.test_cli import SECRET, bot, ok, url_of

QUESTIONS = (
    Question(QuestionKind.SINGLE, "정비가 필요한가요?", ("네", "아니요")),
    Question(QuestionKind.MULTI, "필요한 시설은?", ("벤치", "그늘막", "운동기구")),
    Question(QuestionKind.SCALE, "만족도는?"),
    Question(QuestionKind.TEXT, "하고 싶은 말"),
)


async def fill(tmp_path, db_file) -> tuple[int, int]:
    config = Config().replace(
        database={"url": url_of(db_file)},
        security={"secret_key": SECRET},
        media={"dir": str(tmp_path / "media")},
    )
    services = build_services(config, clock=FrozenClock())
    clock = services.clock
    try:
        here = await place(services, code="SRV", people=2)
        ids = []
        for anonymous in (False, True):
            new = NewSurvey("놀이터 설문", QUESTIONS, clock.now() + timedelta(days=3), anonymous)
            survey = await in_uow(services, create_survey, here.coordinator, new)
            ids.append(survey.id)
            for who, values in zip(
                here.residents,
                ((0, [0, 2], 4, "벤치가 낡았어요, 고쳐 주세요"), (1, [1], 2, "없음")),
                strict=True,
            ):
                for i, value in enumerate(values):
                    await in_uow(services, save_answer, who, survey.id, i, value)
                await in_uow(services, submit, who, survey.id)
    finally:
        await services.close()
    return ids[0], ids[1]


async def test_survey_export_writes_one_row_per_response(tmp_path):
    db_file = tmp_path / "x.db"
    ok(bot(db_file, "migrate"))
    named, anonymous = await fill(tmp_path, db_file)

    out = tmp_path / "survey.csv"
    (line,) = ok(bot(db_file, "survey", "export", str(named), "--out", str(out)))
    assert line == f"survey {named}: 2 responses -> {out}"
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM, for Excel
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert [(r["building"], r["unit"]) for r in rows] == [("101", "100"), ("101", "101")]
    assert rows[0]["Q1. 정비가 필요한가요?"] == "네"
    assert rows[0]["Q2. 필요한 시설은?"] == "벤치 | 운동기구"
    assert rows[0]["Q3. 만족도는?"] == "4"
    assert rows[0]["Q4. 하고 싶은 말"] == "벤치가 낡았어요, 고쳐 주세요"

    printed = ok(bot(db_file, "survey", "export", str(anonymous)))
    header = next(csv.reader(printed[:1]))
    assert header == ["submitted_at", *(f"Q{i + 1}. {q.text}" for i, q in enumerate(QUESTIONS))]
    assert len(printed) == 3 and "resident" not in printed[0] and "101" not in "".join(printed)

    missing = bot(db_file, "survey", "export", "999")
    assert missing.returncode == 1
    assert missing.stderr.strip() == (
        "error: 설문을 찾을 수 없어요. 번호를 다시 확인해 주세요. [survey.not_found]"
    )
    assert bot(db_file, "survey", "export", "abc").returncode == 2
