"""`python -m bot.i18n_fill PO`: Korean is the source language, so the ko catalog's msgstr is
the msgid wherever it is still empty. Run by `make i18n` after `pybabel update`."""

from __future__ import annotations

import sys

from babel.messages.pofile import read_po, write_po


def fill(path: str) -> int:
    with open(path, "rb") as fh:
        catalog = read_po(fh, locale="ko")
    filled = 0
    for message in catalog:
        if message.id and not message.string:
            message.string = message.id
            filled += 1
    with open(path, "wb") as fh:
        write_po(fh, catalog, width=0, omit_header=False, no_location=True, sort_output=True)
    return filled


if __name__ == "__main__":
    for po in sys.argv[1:]:
        print(f"{po}: filled {fill(po)} messages")
