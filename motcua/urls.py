from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("quan-tri/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("thu-tuc/", include("motcua.catalog.urls")),
    path("", include("motcua.portal.urls")),
]
