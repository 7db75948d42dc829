from django.urls import path

from . import office, views

app_name = "feedback"
urlpatterns = [
    path("", views.published, name="published"),
    path("gui/", views.submit, name="submit"),
    path("da-gui/", views.sent, name="sent"),
    path("tra-cuu/", views.track, name="track"),
    path("tra-cuu/danh-gia/", views.rate, name="rate"),
    path("tra-cuu/bo-sung/", views.supplement, name="supplement"),
    path("can-bo/", office.register, name="office"),
    path("can-bo/<str:code>/", office.detail, name="office_detail"),
    path("can-bo/<str:code>/thao-tac/<slug:action>/", office.act, name="office_act"),
    path("can-bo/<str:code>/tep/<int:attachment_id>/", office.attachment, name="office_attachment"),
    path("<str:code>/", views.published_detail, name="published_detail"),
]
