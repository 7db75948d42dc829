"""A page of a queue without counting the queue: PAGE_SIZE + 1 rows are read, the extra one only tells that a next
page exists. The queue "Tất cả" holds every dossier an official may see, millions in a province after a few years;
Django's Paginator counted them on every page (a scan of the dossier table, issue 15). The work queues show their
size on their tabs already (`queues.counts`, each an indexed count of open dossiers)."""

from dataclasses import dataclass

LAST_PAGE = 10_000  # beyond it a page number is a typo, not a place anyone reads (OFFSET grows with it)


@dataclass
class Page:
    rows: list
    number: int
    has_next: bool

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def page_number(raw: str | None) -> int:
    """`?trang=` as a page number from 1; anything else (empty, text, 0, huge) is the first page, as Django's
    `get_page` treated it."""
    raw = (raw or "").strip()
    return int(raw) if raw.isascii() and raw.isdigit() and 1 <= int(raw) <= LAST_PAGE else 1


def page_of(queryset, raw_number: str | None, size: int) -> Page:
    number = page_number(raw_number)
    start = (number - 1) * size
    rows = list(queryset[start : start + size + 1])
    return Page(rows=rows[:size], number=number, has_next=len(rows) > size)
