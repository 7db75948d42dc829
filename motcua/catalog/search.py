"""Catalogue search: ignores accents and đ/Đ, ranks the closest name first, tolerates a typo.

Stage 1 (both databases): every query word must occur in the folded name (`name_folded`, kept by publish());
ranked exact name > name starting with the query > name containing the phrase > the words anywhere, then the
shorter name. On PostgreSQL a trigram GIN index serves these ILIKE '%…%' filters.
Stage 2, only when stage 1 finds nothing (a typo): the mean over the query words of the trigram similarity to the
closest word of the name, computed in Python so both databases rank alike; PostgreSQL narrows the candidates first
with pg_trgm's word_similarity.
"""

from functools import lru_cache

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.db.models.functions import Length

from motcua.vntext.normalize import fold

NAME_PREFIX = "thu tuc "
TYPO_THRESHOLD = 0.45
CANDIDATE_THRESHOLD = 0.3
TYPO_LIMIT = 50


def search(queryset: QuerySet, query: str) -> QuerySet:
    folded = fold(query or "")
    words = folded.split()
    if not words:
        return queryset
    exact = queryset
    for word in words:
        exact = exact.filter(name_folded__contains=word)
    if exact.exists():
        # Portal names often begin with "Thủ tục": "Thủ tục đăng ký khai sinh" is the exact hit for "dang ky khai sinh".
        prefixed = f"{NAME_PREFIX}{folded}"
        return exact.annotate(
            rank=Case(
                When(name_folded__in=[folded, prefixed], then=Value(0)),
                When(name_folded__startswith=folded, then=Value(1)),
                When(name_folded__startswith=prefixed, then=Value(1)),
                When(name_folded__contains=folded, then=Value(2)),
                default=Value(3),
                output_field=IntegerField(),
            )
        ).order_by("rank", Length("name_folded"), "code")
    return _typo_tolerant(queryset, folded, words)


def _typo_tolerant(queryset: QuerySet, folded: str, words: list[str]) -> QuerySet:
    """Rank by the same per-word trigram score on both databases; PostgreSQL first narrows the candidates with
    pg_trgm (served by the trigram index), SQLite scores every folded name (a few thousand at most)."""
    candidates = queryset
    if connection.vendor == "postgresql":
        candidates = queryset.annotate(similarity=TrigramWordSimilarity(folded, "name_folded")).filter(
            similarity__gte=CANDIDATE_THRESHOLD
        )
    scored = []
    for pk, name in candidates.values_list("pk", "name_folded").iterator(chunk_size=2000):
        score = name_similarity(words, name)
        if score >= TYPO_THRESHOLD:
            scored.append((-score, len(name), pk))
    ids = [pk for _, _, pk in sorted(scored)[:TYPO_LIMIT]]
    order = Case(*[When(pk=pk, then=Value(i)) for i, pk in enumerate(ids)], output_field=IntegerField())
    return queryset.filter(pk__in=ids).order_by(order) if ids else queryset.none()


@lru_cache(maxsize=20000)
def trigrams(word: str) -> frozenset[str]:
    padded = f"  {word} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


def name_similarity(words: list[str], name: str) -> float:
    """Mean over the query words of the best trigram similarity to a word of the name (0..1)."""
    name_words = name.split()
    if not name_words:
        return 0.0
    total = 0.0
    for word in words:
        grams = trigrams(word)
        total += max(len(grams & trigrams(w)) / len(grams | trigrams(w)) for w in name_words)
    return total / len(words)
