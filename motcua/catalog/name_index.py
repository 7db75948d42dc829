"""The catalogue's folded names held in memory and ranked in Python: the same answer on SQLite and PostgreSQL.

A province publishes a few thousand procedures (2,642 on the national portal), a few hundred kilobytes of names:
scoring them all in Python takes about a millisecond, far less than any SQL typo pass, and ranks alike on both
databases. Each question word weighs by how rare it is among the names (inverse document frequency: "khai sinh"
decides, "đăng ký" in a thousand names hardly does), so a question with a word no name holds still finds the
procedure that holds the others, instead of nothing. A word no name holds is read as a typo or an unfinished word:
it matches the names' words one edit away ("sihn" → sinh), that begin with it ("khai sin") or that share most of
its trigrams. Pure Python: no Django, no database.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from .everyday_words import Question, names_getting, question, words_of

NAME_PREFIX = ("thu", "tuc")  # portal names often begin with "Thủ tục": "Thủ tục đăng ký khai sinh"
TYPO_THRESHOLD = 0.45  # trigram similarity from which a word no name holds is read as a typo of a name's word
ONE_EDIT = 0.9  # how much a word one edit away counts, against 1 for the word itself
PREFIX = 0.8  # how much a word the question's word begins counts ("khai sin" → sinh)
MIN_COVERAGE = 0.5  # share of the question's weight a name must hold to be listed at all
NEAR_BEST = 0.8  # … and at least this share of the best name's: "đăng ký khai sinh" lists no "đăng ký khai tử"


@lru_cache(maxsize=50000)
def trigrams(word: str) -> frozenset[str]:
    padded = f"  {word} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


def similarity(first: str, second: str) -> float:
    """Trigram similarity of two words (0..1), as pg_trgm counts it."""
    a, b = trigrams(first), trigrams(second)
    return len(a & b) / len(a | b)


def one_edit_apart(first: str, second: str) -> bool:
    """One letter added, dropped, changed, or two neighbours swapped ("kyy" → ky, "sihn" → sinh)."""
    if first == second or abs(len(first) - len(second)) > 1:
        return False
    if len(first) > len(second):
        first, second = second, first
    i = 0
    while i < len(first) and first[i] == second[i]:
        i += 1
    if len(first) < len(second):
        return first[i:] == second[i + 1 :]
    return first[i + 1 :] == second[i + 1 :] or (
        i + 1 < len(first)
        and first[i] == second[i + 1]
        and first[i + 1] == second[i]
        and first[i + 2 :] == second[i + 2 :]
    )


@dataclass(frozen=True)
class Entry:
    pk: int
    code: str
    words: tuple[str, ...]
    length: int


class NameIndex:
    """Every procedure's folded name, by word. Built once per catalogue version and then only read."""

    def __init__(self, rows: Iterable[tuple[int, str, str]]) -> None:
        """rows: (pk, code, name_folded) of every procedure."""
        self.entries: list[Entry] = []
        postings: dict[str, list[int]] = defaultdict(list)
        self.pairs: set[tuple[str, str]] = set()
        for pk, code, name in rows:
            words = tuple(words_of(name))
            position = len(self.entries)
            self.entries.append(Entry(pk, code, words, len(name)))
            for word in dict.fromkeys(words):
                postings[word].append(position)
            self.pairs.update(pairwise(words))
        self.postings = dict(postings)
        self._near: dict[str, dict[str, float]] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def is_pair(self, first: str, second: str) -> bool:
        return (first, second) in self.pairs

    def question(self, folded: str) -> Question:
        return question(folded, self.is_pair)

    def near(self, word: str) -> dict[str, float]:
        """The names' words a question's word stands for, each with how much it counts (1 for the word itself)."""
        if word in self.postings:
            return {word: 1.0}
        found = self._near.get(word)
        if found is None:
            found = {}
            for candidate in self.postings:
                if len(word) >= 3 and one_edit_apart(word, candidate):
                    found[candidate] = ONE_EDIT
                elif len(word) >= 2 and candidate.startswith(word):
                    found[candidate] = PREFIX
                else:
                    score = similarity(word, candidate)
                    if score >= TYPO_THRESHOLD:
                        found[candidate] = score
            if len(self._near) < 10000:  # typos are many and varied: keep the memory bounded
                self._near[word] = found
        return found

    def rank(self, folded: str) -> list[int]:
        """The pks of the names that answer the folded question, best first."""
        asked = self.question(folded)
        if not asked.words or not self.entries:
            return []
        total_weight = 0.0
        scores: dict[int, float] = defaultdict(float)
        readings: list[dict[str, float]] = []
        for word in asked.words:
            near = self.near(word)
            readings.append(near)
            holders: dict[int, float] = {}
            for candidate, strength in near.items():
                for position in self.postings[candidate]:
                    if strength > holders.get(position, 0.0):
                        holders[position] = strength
            weight = math.log((len(self.entries) + 1) / (len(holders) + 0.5))
            total_weight += weight
            for position, strength in holders.items():
                scores[position] += weight * strength
        if not scores or total_weight <= 0:
            return []
        coverage = {position: score / total_weight for position, score in scores.items()}
        floor = max(MIN_COVERAGE, NEAR_BEST * max(coverage.values()))
        ranked = []
        for position, share in coverage.items():
            if share < floor:
                continue
            entry = self.entries[position]
            ranked.append(
                (
                    -round(share, 6),
                    _closeness(entry.words, readings),
                    not (asked.asks_to_get and names_getting(entry.words)),
                    entry.length,
                    entry.code,
                    entry.pk,
                )
            )
        ranked.sort()
        return [row[-1] for row in ranked]


def _closeness(words: tuple[str, ...], readings: list[dict[str, float]]) -> int:
    """0: the name is the question ("Thủ tục" aside); 1: it begins with it, or is its words in another order; 2: it
    holds it as a phrase; 3: the question's words are there, apart or in another order."""
    if words[:2] == NAME_PREFIX and "thu" not in readings[0]:
        words = words[2:]
    size = len(readings)
    if (
        len(words) == size
        and all(any(w in r for w in words) for r in readings)
        and all(any(w in r for r in readings) for w in words)
    ):
        return 1  # its words and no other, in another order: "thường trú đăng ký" is "Đăng ký thường trú"
    for start in range(len(words) - size + 1):
        if all(words[start + i] in readings[i] for i in range(size)):
            if start == 0:
                return 0 if size == len(words) else 1
            return 2
    return 3
