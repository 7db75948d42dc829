"""Tra cứu hồ sơ: the code plus the applicant's phone or ID number; the code alone reveals nothing.

The form posts, so the phone or ID number never travels in a URL (browser history, proxy and server logs); a link
may carry the code alone (`?ma=…`, the QR code on the receipt) to fill the form. The code is read in any case and
spacing, the phone as +84…, with spaces, dots or dashes.
"""

import re

from django import forms
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from motcua.dossiers import shards
from motcua.dossiers.models import Dossier
from motcua.dossiers.states import NATIONAL_LABELS
from motcua.dossiers.transitions import EVENT_LABELS
from motcua.ratelimits import limits
from motcua.vntext.validators import normalize_phone

LOOKUPS_PER_MINUTE = 10
# the office's own steps and troubles (a signature refused on a phone, a certificate revoked) are not the applicant's
PUBLIC_EVENTS = sorted(
    set(EVENT_LABELS) - {"assigned", "submitted_for_approval", "returned_for_rework", "signing_failed"}
)
WITH_ITEMS = {"supplement_requested", "desk_supplement"}  # the page lists what was asked for
SHOWN = [
    "code",
    "receiving_agency_id",  # the history below is read on the dossier's shard (dossiers.shards)
    "state",
    "national_status",
    "due_at",
    "extended",
    "applicant_phone",
    "applicant_id_number",
    "processing_agency__name",
    "procedure_version__name",
]


class TrackingForm(forms.Form):
    ma = forms.CharField(label="Mã hồ sơ", max_length=60)
    xac_minh = forms.CharField(label="Số điện thoại hoặc số định danh cá nhân của người nộp", max_length=25)

    def clean_ma(self):
        """'000.01.01.h44 - 260302 - 0001' → '000.01.01.H44-260302-0001'."""
        return re.sub(r"\s+", "", self.cleaned_data["ma"]).upper()

    def clean_xac_minh(self):
        value = self.cleaned_data["xac_minh"].strip()
        return normalize_phone(value) if re.fullmatch(r"[+\d\s.\-()]+", value) else value


@never_cache
def track(request):
    if request.method == "POST":
        form = TrackingForm(request.POST)
    else:  # a link may name the code (the receipt's QR code), never the phone or ID number
        form = TrackingForm(initial={"ma": request.GET.get("ma", "")[:60]})
    context = {"form": form}
    if form.is_bound:
        if not limits.allow(request, "tracking", LOOKUPS_PER_MINUTE, 60):
            context["error"] = "Bạn tra cứu quá nhiều lần trong một phút. Vui lòng thử lại sau ít phút."
            return render(request, "portal/tracking.html", context, status=429)
        if form.is_valid():
            secret = form.cleaned_data["xac_minh"].strip()
            # Only what the page shows: a version's and an event's large columns (the catalogue text, a receipt's
            # deadline explanation) cost more to read and decode than the rest of the lookup (issue 15).
            dossier = (
                shards.by_code(Dossier.objects.all(), form.cleaned_data["ma"].strip())
                .select_related("processing_agency", "procedure_version")
                .only(*SHOWN)
                .first()
            )
            if dossier and secret and secret in (dossier.applicant_phone, dossier.applicant_id_number):
                context.update(
                    dossier=dossier,
                    status=NATIONAL_LABELS[dossier.national_status],
                    history=list(
                        dossier.events.filter(kind__in=PUBLIC_EVENTS)
                        .select_related("to_agency")
                        .only("dossier", "kind", "at", "note", "to_agency__name")
                        .order_by("seq")
                    ),
                )
                supplements = [e for e in context["history"] if e.kind in WITH_ITEMS]
                if supplements:  # their items are listed: read the data of those alone
                    items = dict(dossier.events.filter(pk__in=[e.pk for e in supplements]).values_list("pk", "data"))
                    for event in supplements:
                        event.data = items[event.pk]
            else:  # the same answer whether the code or the phone is wrong
                context["error"] = "Không tìm thấy hồ sơ khớp với mã và số điện thoại/số định danh đã nhập."
                return render(request, "portal/tracking.html", context, status=404)
    return render(request, "portal/tracking.html", context)
