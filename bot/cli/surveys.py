"""`python -m bot survey export ID [--out FILE]`: a survey's submitted responses as CSV, one
row per response and one column per question (multiple choice joined with " | ", scales as
numbers, short texts as written). Anonymous surveys have no resident columns. Written as
UTF-8 with a BOM (like the rent export) so that Excel shows the Korean text."""

from __future__ import annotations

import asyncio
import csv
import io
import sys
from pathlib import Path

from bot.app import build_services
from bot.cli.commands import fail
from bot.config import Config
from core.errors import NotFound
from core.surveys.model import QuestionKind, Survey
from storage.migrate import upgrade


def _cell(survey: Survey, index: int, value) -> str | int:
    q = survey.questions[index]
    if value is None:
        return ""
    if q.kind == QuestionKind.SINGLE:
        return q.options[value]
    if q.kind == QuestionKind.MULTI:
        return " | ".join(q.options[i] for i in value)
    return value


async def _rows(uow, survey: Survey) -> list[list]:
    rows = []
    for response in await uow.surveys.responses(survey.id):
        row: list = [response.submitted_at.isoformat()]
        if not survey.anonymous:
            resident = await uow.residents.get(response.resident_id)
            household = await uow.households.get(resident.household_id)
            row += [response.resident_id, household.building, household.unit]
        row += [
            _cell(survey, i, response.answers.get(str(i))) for i in range(len(survey.questions))
        ]
        rows.append(row)
    return rows


async def survey_export(config: Config, survey_id: int, out: str | None) -> int:
    await asyncio.to_thread(upgrade, config.database.url)
    services = build_services(config)
    try:
        async with services.uow() as uow:
            survey = await uow.surveys.get(survey_id)
            if survey is None:
                return fail(config, NotFound("survey.not_found", id=survey_id))
            rows = await _rows(uow, survey)
    finally:
        await services.close()
    header = ["submitted_at"]
    if not survey.anonymous:
        header += ["resident", "building", "unit"]
    header += [f"Q{i + 1}. {q.text}" for i, q in enumerate(survey.questions)]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    if out:
        # utf-8 with a BOM, so that Excel shows the Korean text
        await asyncio.to_thread(Path(out).write_text, buffer.getvalue(), encoding="utf-8-sig")
        print(f"survey {survey_id}: {len(rows)} responses -> {out}")
    else:
        sys.stdout.write(buffer.getvalue())
    return 0
