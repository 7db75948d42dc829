from django.urls import path

from . import views

app_name = "dashboard"
urlpatterns = [
    path("bang-dieu-khien/", views.home, name="home"),
    path("bang-dieu-khien/danh-sach/", views.figure_list, name="list"),
    path("thong-ke/", views.statistics, name="public"),
]
