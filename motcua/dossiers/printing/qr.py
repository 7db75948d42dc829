"""The QR code of the receipt (form 01): the public tracking address of the dossier (TT 01/2018 Art. 19 allows
a barcode or QR code beside the mã hồ sơ)."""

from urllib.parse import urlencode

import segno

ERROR_LEVEL = "M"  # 15 % of the symbol may be smudged or stamped over and it still reads


def tracking_url(code: str, base_url: str) -> str:
    """The absolute address of /tra-cuu/?ma=<code> on the public site at `base_url`."""
    return f"{base_url.rstrip('/')}/tra-cuu/?{urlencode({'ma': code})}"


def make(payload: str):
    return segno.make(payload, error=ERROR_LEVEL, micro=False, boost_error=False)


def png_data_uri(payload: str) -> str:
    """A PNG, 10 pixels a module with the 4-module quiet zone, as a data: URI for the form's <img>."""
    return make(payload).png_data_uri(scale=10, border=4)
