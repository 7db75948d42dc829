"""Đánh giá sự hài lòng (Decree 61/2018 Art. 31; DOMAIN.md 5): the one place a Rating is created, whether the
citizen rates in the portal or on the kiosk at the desk. One rating per returned dossier.

Who may rate (docs/security.md, "Ratings that cannot be forged"): the applicant signed in on the portal, for their own
dossier (their login proves who they are; `token` None), or whoever holds a valid one-time rating token of the
dossier (`token`, dossiers.rating_tokens: the slip handed over with the result, or the notice of the result), at the
kiosk or on the public rating page. The token is used up in the transaction that records the rating.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from motcua import happened

from . import rating_tokens
from .models import Dossier, Rating, RatingToken
from .states import State

CRITERIA_KEYS = {key for key, _ in Rating.CRITERIA}
CHANNELS = {value for value, _ in Rating._meta.get_field("channel").choices}
COMMENT_LIMIT = 2000


def may_rate(dossier: Dossier) -> bool:
    return dossier.state == State.RETURNED and not Rating.objects.filter(dossier=dossier).exists()


TOKEN_INVALID = "Mã đánh giá không đúng, đã được dùng hoặc đã hết hạn."


def rate(
    dossier: Dossier,
    *,
    satisfied: bool,
    criteria: dict[str, bool],
    comment: str,
    channel: str,
    token: RatingToken | None = None,
) -> Rating:
    """Record the applicant's rating of `dossier` (with `token`, using it up); a ValidationError in Vietnamese says
    why it cannot be taken."""
    if channel not in CHANNELS:
        raise ValidationError(f"Kênh đánh giá không hợp lệ: {channel}.")
    unknown = sorted(set(criteria) - CRITERIA_KEYS)
    if unknown:
        raise ValidationError(f"Tiêu chí đánh giá không hợp lệ: {', '.join(unknown)}.")
    if not all(isinstance(value, bool) for value in [satisfied, *criteria.values()]):
        raise ValidationError("Mỗi tiêu chí chỉ nhận Hài lòng hoặc Không hài lòng.")
    comment = comment.strip()
    if len(comment) > COMMENT_LIMIT:
        raise ValidationError(f"Góp ý dài tối đa {COMMENT_LIMIT} ký tự.")
    with transaction.atomic():
        # The row lock makes a second submission wait for the first and then see its rating.
        locked = Dossier.objects.select_for_update().get(pk=dossier.pk, receiving_agency_id=dossier.receiving_agency_id)
        if locked.state != State.RETURNED:
            raise ValidationError("Hồ sơ chưa trả kết quả nên chưa đánh giá được.")
        if Rating.objects.filter(dossier=locked).exists():
            raise ValidationError("Hồ sơ này đã được đánh giá.")
        if token is not None:
            held = (
                RatingToken.objects.select_for_update()
                .filter(pk=token.pk, dossier=locked, receiving_agency_id=locked.receiving_agency_id)
                .first()
            )
            if held is None or not rating_tokens.is_valid(held):
                raise ValidationError(TOKEN_INVALID)
            held.used_at = timezone.now()
            held.save(update_fields=["used_at"])
        rating = Rating.objects.create(
            dossier=locked, satisfied=satisfied, criteria=criteria, comment=comment, channel=channel
        )
        happened.publish(
            rating
        )  # the figures listen: a dissatisfied rating lowers 766 indicator 5.4, in this transaction
        return rating
