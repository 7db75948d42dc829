from django.contrib import admin

from .models import Payment


@admin.register(Payment)
class PaymentAdmin(admin.ModelAdmin):
    """Read only: payments change only through the gateway's IPN."""

    list_display = ("order_ref", "dossier", "amount", "status", "transaction_no", "pay_date")
    list_filter = ("status",)
    search_fields = ("order_ref", "transaction_no", "dossier__code")
    date_hierarchy = "pay_date"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
