"""Invite letters: one household per A5 half of a portrait A4 page (two per page, a cut line
between), in Korean, with the big code, the steps in plain words and three QR codes.

    write_letters(out, letters, config)   # out: a path or a binary file; returns pages written

- The Korean font is the NanumGothic TTF that koreanize-matplotlib ships (embedded, subset by
  fpdf2); never a system font.
- QR codes: the KakaoTalk channel (`[kakao] channel_url`), the Telegram deep link with the
  household's code (`https://t.me/<[telegram] bot_username>?start=<code>`: the code is entered
  by itself) and the web chat (`[http] public_base_url`). A link that is not configured is
  left out with a plain note. The two links shared by every letter are one image each in the
  file; only the Telegram one differs per letter.
- Memory: fpdf2 keeps a document's pages until it writes the file, so the command line writes
  a large batch as several files of at most LETTERS_PER_FILE letters (`letter_files`): the peak
  stays that of one file, whatever the complex's size (bench/invite_letters.py).
- The plain codes exist only in the PDF: nothing here logs them.
"""

from __future__ import annotations

import gc
import importlib.util
import io
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

import PIL.Image
import qrcode
from fpdf import FPDF
from PIL.Image import Image

from bot.config import Config
from bot.i18n import N_, Catalogs, Translator
from core.identity.invites import display_code

logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # "TSI0 NOT subset" per file

LETTERS_PER_FILE = 2000  # 1,000 A4 pages: a print shop's batch, and the memory bound
HALF = 148.5  # mm: the cut line on a 297 mm page


@dataclass(frozen=True)
class Letter:
    complex_name: str
    building: str
    unit: str
    code: str  # plain, as stored before hashing (no hyphen)
    expires: datetime | None = None


def font_path() -> Path:
    """NanumGothic.ttf inside the installed koreanize-matplotlib package (found, not imported:
    importing it would load matplotlib)."""
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("koreanize-matplotlib (NanumGothic) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "fonts" / "NanumGothic.ttf"


def telegram_link(config: Config, code: str) -> str | None:
    name = config.telegram.bot_username.strip().lstrip("@")
    return f"https://t.me/{name}?start={code}" if name else None


def web_link(config: Config) -> str | None:
    base = config.http.public_base_url.strip()
    return base.rstrip("/") + "/" if base else None


def qr_links(config: Config, letter: Letter) -> list[tuple[str, str | None]]:
    """(label, link or None when not configured) for the letter's three QR codes."""
    return [
        (N_("카카오톡 채널"), config.kakao.channel_url.strip() or None),
        (N_("텔레그램"), telegram_link(config, letter.code)),
        (N_("웹 채팅"), web_link(config)),
    ]


def qr_image(data: str) -> Image:
    """The QR code of `data` as a 1-bit image (the one place links are encoded)."""
    # A fixed mask: the search for the best of eight was 3/4 of a letter's time, and any mask
    # reads the same.
    qr = qrcode.QRCode(border=1, error_correction=qrcode.constants.ERROR_CORRECT_M, mask_pattern=4)
    qr.add_data(data)
    qr.make(fit=True)
    matrix = qr.get_matrix()  # True = dark, border included
    side = len(matrix)
    pixels = bytes(0 if dark else 255 for row in matrix for dark in row)
    image = PIL.Image.frombytes("L", (side, side), pixels).convert("1")
    return image.resize((side * 4, side * 4), PIL.Image.Resampling.NEAREST)


@lru_cache(maxsize=8)
def _shared_qr(data: str) -> Image:
    return qr_image(data)


class _Sheet(FPDF):
    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)
        self.add_font("Nanum", "", str(font_path()))
        self.set_title("초대장")


def _cut_line(pdf: FPDF, t: Translator) -> None:
    pdf.set_draw_color(150, 150, 150)
    pdf.set_dash_pattern(dash=2, gap=2)
    pdf.line(5, HALF, 205, HALF)
    pdf.set_dash_pattern()
    pdf.set_font("Nanum", size=7)
    pdf.set_text_color(120, 120, 120)
    pdf.set_xy(0, HALF - 4)
    pdf.cell(210, 3, t._("자르는 선"), align="C")
    pdf.set_text_color(0, 0, 0)


def _letter(pdf: FPDF, t: Translator, config: Config, letter: Letter, top: float) -> None:
    x, width = 18.0, 174.0
    pdf.set_font("Nanum", size=12)
    pdf.set_xy(x, top + 10)
    pdf.cell(width, 7, t._("{name} 내친구 초대장", name=letter.complex_name), align="C")
    pdf.set_font("Nanum", size=20)
    pdf.set_xy(x, top + 19)
    place = t._("{building}동 {unit}호", building=letter.building, unit=letter.unit)
    pdf.cell(width, 10, place, align="C")
    pdf.set_font("Nanum", size=9)
    pdf.set_xy(x, top + 31)
    pdf.cell(width, 5, t._("우리 집 초대코드"), align="C")
    pdf.set_line_width(0.6)
    pdf.rect(x + 32, top + 37, width - 64, 18)
    pdf.set_line_width(0.2)
    pdf.set_font("Nanum", size=28)
    pdf.set_xy(x, top + 39)
    pdf.cell(width, 14, display_code(letter.code), align="C")
    steps = [
        t._(
            "1. 카카오톡에서 '내친구' 채널을 추가해 주세요. 아래 QR을 휴대폰 카메라로 비추면 돼요."
        ),
        t._("2. 채팅방에서 '초대코드 입력'을 누르고 위의 코드를 적어 주세요."),
        t._("3. 확인이 끝나면 공지, 투표, 고장 신고를 채팅으로 할 수 있어요."),
        t._("텔레그램은 QR을 비추면 코드가 저절로 입력돼요. 컴퓨터는 웹 채팅 주소로 들어와요."),
    ]
    pdf.set_font("Nanum", size=10)
    pdf.set_xy(x, top + 60)
    for n, step in enumerate(steps):  # one line each (cell: no line breaking to compute)
        pdf.set_xy(x, top + 60 + n * 6)
        pdf.cell(width, 5.5, step)
    size, gap = 28.0, 20.0
    left = x + (width - 3 * size - 2 * gap) / 2
    for i, (label, link) in enumerate(qr_links(config, letter)):
        qx, qy = left + i * (size + gap), top + 90
        if link is None:
            pdf.set_draw_color(180, 180, 180)
            pdf.rect(qx, qy, size, size)
            pdf.set_font("Nanum", size=7)
            pdf.set_xy(qx, qy + size / 2 - 5)
            pdf.multi_cell(size, 3.5, t._("주소가 아직 설정되지 않았어요"), align="C")
            pdf.set_draw_color(0, 0, 0)
        else:
            shared = i != 1  # the channel and the web chat are the same on every letter
            pdf.image(_shared_qr(link) if shared else qr_image(link), qx, qy, size, size)
        pdf.set_font("Nanum", size=8)
        pdf.set_xy(qx - 5, qy + size + 1)
        pdf.cell(size + 10, 4, t._(label), align="C")
    pdf.set_font("Nanum", size=8)
    pdf.set_xy(x, top + 132)
    note = t._("한 세대에 4명까지 쓸 수 있어요. 코드를 잃어버리면 관리사무소에 말씀해 주세요.")
    if letter.expires is not None:
        until = t._("{date}까지 입력해 주세요.", date=t.long_day(letter.expires))
        note = f"{until} {note}"
    pdf.cell(width, 4, note, align="C")


def translator(config: Config) -> Translator:
    i18n = config.i18n
    return Catalogs(i18n.locales, i18n.default_locale, i18n.timezone).get(i18n.default_locale)


def write_letters(out: BinaryIO | str | Path, letters: Iterable[Letter], config: Config) -> int:
    """Write the letters as one PDF to `out` (a path or a binary file); the pages written.

    Two letters per A4 page, in the given order. The desk calls this for a download; keep a
    batch to LETTERS_PER_FILE letters (see `letter_files`) to bound the memory."""
    t = translator(config)
    pdf = _Sheet()
    for i, letter in enumerate(letters):
        if i % 2 == 0:
            pdf.add_page()
            _cut_line(pdf, t)
        _letter(pdf, t, config, letter, 0.0 if i % 2 == 0 else HALF)
    if pdf.page == 0:
        pdf.add_page()
    if isinstance(out, (str, Path)):
        pdf.output(str(out))
    else:
        buffer = io.BytesIO()
        pdf.output(buffer)
        out.write(buffer.getvalue())
    return pdf.page


def batches(letters: Iterable[Letter], size: int = LETTERS_PER_FILE) -> Iterator[list[Letter]]:
    batch: list[Letter] = []
    for letter in letters:
        batch.append(letter)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def letter_files(
    out: Path, letters: Iterable[Letter], config: Config, size: int = LETTERS_PER_FILE
) -> list[tuple[Path, int, int]]:
    """Write `out` (FILE.pdf), or FILE-01.pdf, FILE-02.pdf… when there are more than `size`
    letters; (path, letters, pages) of each file."""
    parts = list(batches(letters, size))  # Letters are small; a file's pages are not
    written = []
    for n, batch in enumerate(parts, start=1):
        path = out if len(parts) <= 1 else out.with_name(f"{out.stem}-{n:02d}{out.suffix}")
        pages = write_letters(path, batch, config)
        written.append((path, len(batch), pages))
        gc.collect()  # fpdf2's document is a web of cycles: free it before the next file
    return written
