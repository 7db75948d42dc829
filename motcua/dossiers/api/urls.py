"""/api/v1/: dossiers, their history, documents and one endpoint per lifecycle action; the OpenAPI schema and the
Swagger UI (served from our own static files by drf-spectacular-sidecar, no CDN)."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import views
from .actions import ACTIONS

app_name = "dossiers_api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its initializer as a script file (?script): the page runs no inline script.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="dossiers_api:schema"), name="docs"),
    path("dossiers/", views.DossierList.as_view(), name="dossiers"),
    path("dossiers/<str:code>/", views.DossierRetrieve.as_view(), name="dossier"),
    path("dossiers/<str:code>/events/", views.DossierEvents.as_view(), name="events"),
    path("dossiers/<str:code>/documents/", views.DossierDocuments.as_view(), name="documents"),
    path("dossiers/<str:code>/documents/<int:pk>/download/", views.DocumentFile.as_view(), name="document-file"),
    *[
        path(
            f"dossiers/<str:code>/actions/{name}/", views.action_view(name, serializer).as_view(), name=f"action-{name}"
        )
        for name, serializer in ACTIONS.items()
    ],
    path("dossiers/<str:code>/actions/<str:action>/", views.UnknownAction.as_view(), name="action-unknown"),
    re_path(r"", views.NoSuchPath.as_view(), name=views.NO_SUCH_PATH),  # last: a JSON 404, not the HTML page
]
