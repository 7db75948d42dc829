from django.urls import path

from . import files, inbound

app_name = "national"
urlpatterns = [
    path("dvcqg/tep/<str:token>/", files.download, name="file"),
    path("api/dvcqg/ho-so/", inbound.receive, name="inbound"),
]
