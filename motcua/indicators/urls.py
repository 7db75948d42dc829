from django.urls import path

from . import views

app_name = "indicators"
urlpatterns = [
    path("", views.report_page, name="report"),
    path("chi-tieu-nganh/", views.sector_page, name="sector"),
]
