"""Wording as data: the 쉬운 모드 variants (`easy.py`) and the banned jargon (`jargon.toml`)."""
