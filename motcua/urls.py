from django.contrib import admin
from django.urls import include, path

from motcua.serving import health, metrics

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("livez", health.livez, name="livez"),
    path("metrics", metrics.metrics, name="metrics"),
    path("quan-tri/", admin.site.urls),
    path("can-bo/", include("motcua.office.urls")),
    path("thu-tuc/", include("motcua.catalog.urls")),
    path("api/v1/", include("motcua.dossiers.api.urls")),
    path("phan-anh-kien-nghi/", include("motcua.feedback.urls")),
    path("thanh-toan/", include("motcua.payments.urls")),
    path("bao-cao/", include("motcua.indicators.urls")),
    path("", include("motcua.national.urls")),
    path("", include("motcua.dashboard.urls")),
    path("", include("motcua.accounts.urls")),
    path("", include("motcua.portal.urls")),
]
