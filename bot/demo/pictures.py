"""Pictures for the demo's sample data, drawn with Pillow at seed time (no image files in the
repository, no system fonts: the label uses koreanize-matplotlib's NanumGothic)."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from bot.charts import korean_font


def stroller_png(label: str = "유모차 나눔") -> bytes:
    """A simple drawing of a baby stroller on a soft background, with a caption."""
    image = Image.new("RGB", (480, 360), "#f3efe6")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 290, 480, 360), fill="#d9d2c3")  # the floor
    draw.pieslice((120, 70, 300, 250), 180, 270, fill="#3b7dd8")  # the hood
    draw.rounded_rectangle((120, 150, 330, 230), radius=28, fill="#5b95e5")  # the seat
    draw.line((330, 160, 390, 90), fill="#444444", width=8)  # the handle
    draw.line((380, 90, 410, 90), fill="#444444", width=10)
    for x in (160, 300):  # the wheels
        draw.ellipse((x - 32, 238, x + 32, 302), fill="#333333")
        draw.ellipse((x - 12, 258, x + 12, 282), fill="#bbbbbb")
    font = ImageFont.truetype(korean_font().get_file(), 30)
    draw.text((240, 322), label, fill="#333333", font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def quote_png(title: str, lines: tuple[str, ...], total: str, issuer: str) -> bytes:
    """A one-page 견적서 (a quote): the title, its lines, the total and who issued it."""
    image = Image.new("RGB", (480, 360), "#fbfaf6")
    draw = ImageDraw.Draw(image)
    font = korean_font().get_file()
    big, small = ImageFont.truetype(font, 30), ImageFont.truetype(font, 20)
    draw.rectangle((16, 16, 464, 344), outline="#888888", width=2)
    draw.text((240, 52), "견 적 서", fill="#222222", font=big, anchor="mm")
    draw.text((40, 96), title, fill="#222222", font=small)
    for n, line in enumerate(lines):
        draw.text((40, 140 + 32 * n), f"· {line}", fill="#444444", font=small)
    draw.line((40, 262, 440, 262), fill="#888888", width=1)
    draw.text((40, 276), f"합계 {total}", fill="#222222", font=small)
    draw.text((440, 318), issuer, fill="#555555", font=small, anchor="rm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
