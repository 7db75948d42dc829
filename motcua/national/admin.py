"""Admin: the state codes by date, the national → local procedure codes and the gaps DVCQG's dossiers met, and the
dossiers that came from DVCQG. The outbox itself is read on the operator's page (office: Đồng bộ DVCQG)."""

from django.contrib import admin
from django.db.models import Exists, OuterRef

from .models import InboundDossier, MappingGap, ProcedureMapping, StatusCode


@admin.register(StatusCode)
class StatusCodeAdmin(admin.ModelAdmin):
    list_display = ("state", "code", "valid_from")
    list_filter = ("state",)


@admin.register(ProcedureMapping)
class ProcedureMappingAdmin(admin.ModelAdmin):
    list_display = ("national_code", "procedure")
    search_fields = ("national_code", "procedure__code", "procedure__name")
    autocomplete_fields = ("procedure",)


@admin.register(MappingGap)
class MappingGapAdmin(admin.ModelAdmin):
    """Codes to map: add a ProcedureMapping for the code, and the next push of such a dossier is accepted."""

    list_display = ("national_code", "name", "refused", "last_seen", "mapped")
    search_fields = ("national_code", "name")
    readonly_fields = ("national_code", "name", "refused", "last_seen")

    def get_queryset(self, request):
        mapped = ProcedureMapping.objects.filter(national_code=OuterRef("national_code"))
        return super().get_queryset(request).annotate(is_mapped=Exists(mapped))

    @admin.display(boolean=True, description="đã ánh xạ", ordering="is_mapped")
    def mapped(self, gap) -> bool:
        return gap.is_mapped

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(InboundDossier)
class InboundDossierAdmin(admin.ModelAdmin):
    list_display = ("national_code", "dossier_id", "received_at", "pushes")
    search_fields = ("national_code",)
    readonly_fields = ("national_code", "dossier_id", "receiving_agency_id", "received_at", "pushes")

    def has_add_permission(self, request) -> bool:
        return False
