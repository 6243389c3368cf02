"""Phone numbers typed into listings and relay chats are masked when shown to others.

Rules (`mask_phones`):
- A Korean mobile number (010, 011, 016–019), written with hyphens, dots, spaces or none,
  reads "010-****-5678" to anyone but its writer: the prefix and the last four digits.
- Digits that merely contain such a run (longer numbers, amounts) are left alone.
- The screen that shows a masked number adds a hint to use the relay chat (연락하기), which
  reaches the writer without anyone's number (`MaskedText.masked` tells it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PHONE = re.compile(r"(?<![\d])(01[016-9])[-. ]?(\d{3,4})[-. ]?(\d{4})(?![\d])")


@dataclass(frozen=True)
class MaskedText:
    text: str
    masked: bool  # at least one number was masked: show the relay-chat hint


def mask_phones(text: str) -> MaskedText:
    """`text` with every mobile number masked as 010-****-5678."""
    masked, count = PHONE.subn(lambda m: f"{m.group(1)}-****-{m.group(3)}", text)
    return MaskedText(masked, count > 0)
