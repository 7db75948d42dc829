"""Placeholder by the lead until the vntext helper lands its version (same API: nfc, fold)."""
import unicodedata


def nfc(text):
    return None if text is None else unicodedata.normalize("NFC", text)


def fold(text):
    text = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())
