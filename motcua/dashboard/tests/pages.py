"""Reading the dashboard's HTML as a reader would: the numbers that open a list, a table's rows, the list's count."""

import re
from html.parser import HTMLParser

from .conftest import LIST

NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})*")


class Links(HTMLParser):
    """Every link (href, text) of a page."""

    def __init__(self):
        super().__init__()
        self.links, self._href, self._text = [], None, []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href, self._text = dict(attrs).get("href"), []

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._text).strip()))
            self._href = None


def links(html: str) -> list[tuple[str, str]]:
    parser = Links()
    parser.feed(html)
    return parser.links


def drill_links(html: str) -> list[tuple[str, int]]:
    """(address, the one number its text shows) of every link to the list behind a figure."""
    found = []
    for href, text in links(html):
        if href.startswith(LIST):
            numbers = NUMBER.findall(text)
            assert len(numbers) == 1, f"a link to a list shows one number: {text!r}"
            found.append((href, int(numbers[0].replace(".", ""))))
    return found


class Rows(HTMLParser):
    """The rows (lists of cell texts) of the table whose class contains `css`."""

    def __init__(self, css):
        super().__init__()
        self.css, self.rows, self._depth, self._row, self._cell, self._skip = css, [], 0, None, None, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and self.css in (attrs.get("class") or "").split():
            self._depth = 1
        elif self._depth and tag == "tr":
            self._row = []
        elif self._depth and tag in ("td", "th"):
            self._cell = []
        elif self._depth and tag == "details":
            self._skip += 1

    def handle_endtag(self, tag):
        if not self._depth:
            return
        if tag == "details":
            self._skip -= 1
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None
        elif tag == "table":
            self._depth = 0

    def handle_data(self, data):
        if self._cell is not None and not self._skip:
            self._cell.append(data)


def table_rows(html: str, css: str) -> list[list[str]]:
    parser = Rows(css)
    parser.feed(html)
    return parser.rows


def row_of(html: str, css: str, first_cell_start: str) -> list[str]:
    return next(row for row in table_rows(html, css) if row and row[0].startswith(first_cell_start))


def list_count(html: str) -> int:
    return int(re.search(r'class="drill-count" data-count="(\d+)"', html).group(1))


def row_naming(html: str, css: str, name: str) -> list[str]:
    """The row of a table that has a cell reading exactly `name`."""
    return next(row for row in table_rows(html, css) if name in row)


def plain_counts(html: str) -> dict[str, str]:
    """The "Số liệu hồ sơ" cards: label → the number shown."""
    return dict(re.findall(r'<dt>([^<]+)</dt><dd>(?:<a class="n" href="[^"]+">|<span[^>]*>)([^<]+)<', html))
