from django.urls import path

from . import views

app_name = "payments"
urlpatterns = [
    path("ho-so/<str:code>/", views.start, name="start"),
    path("ket-qua/", views.gateway_return, name="return"),
    path("ipn/", views.ipn, name="ipn"),
    path("bien-lai/<str:order_ref>/", views.receipt, name="receipt"),
]
