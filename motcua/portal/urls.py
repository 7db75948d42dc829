from django.urls import path

from . import tracking, views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("tra-cuu/", tracking.track, name="tracking"),
]
