from django.urls import path

from . import files

app_name = "national"
urlpatterns = [path("dvcqg/tep/<str:token>/", files.download, name="file")]
