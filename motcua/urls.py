from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("quan-tri/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("dang-nhap/", auth_views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(next_page="/"), name="logout"),
    path("can-bo/", include("motcua.office.urls")),
    path("thu-tuc/", include("motcua.catalog.urls")),
    path("api/v1/", include("motcua.dossiers.api.urls")),
    path("phan-anh-kien-nghi/", include("motcua.feedback.urls")),
    path("", include("motcua.portal.urls")),
]
