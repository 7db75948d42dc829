from django.urls import path

from . import recovery, registration, views

urlpatterns = [
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", views.LogoutView.as_view(), name="logout"),
    path("dang-ky/", registration.register, name="account_register"),
    path("dang-ky/xac-nhan/", registration.confirm, name="account_register_confirm"),
    path("quen-mat-khau/", recovery.recover, name="password_recovery"),
    path("quen-mat-khau/xac-nhan/", recovery.confirm, name="password_recovery_confirm"),
    path("tai-khoan/", views.account, name="account"),
    path("tai-khoan/lien-ket-vneid/", views.vneid_link_start, name="vneid_link"),
    path("dang-nhap/vneid/", views.vneid_start, name="vneid_start"),
    path("dang-nhap/vneid/callback/", views.vneid_callback, name="vneid_callback"),
]
