"""Households at scale: reading a 세대 spreadsheet, and the printed invite letters."""
