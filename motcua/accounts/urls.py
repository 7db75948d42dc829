from django.urls import path

from . import recovery, registration, second_factor, views

urlpatterns = [
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", views.LogoutView.as_view(), name="logout"),
    path("dang-ky/", registration.register, name="account_register"),
    path("dang-ky/xac-nhan/", registration.confirm, name="account_register_confirm"),
    path("quen-mat-khau/", recovery.recover, name="password_recovery"),
    path("quen-mat-khau/xac-nhan/", recovery.confirm, name="password_recovery_confirm"),
    path("dang-nhap/ma-xac-thuc/", second_factor.second_step, name="second_factor"),
    path("tai-khoan/", views.account, name="account"),
    path("tai-khoan/xac-thuc-hai-buoc/", second_factor.setup, name="second_factor_setup"),
    path("tai-khoan/lien-ket-vneid/", views.vneid_link_start, name="vneid_link"),
    path("dang-nhap/vneid/", views.vneid_start, name="vneid_start"),
    path("dang-nhap/vneid/callback/", views.vneid_callback, name="vneid_callback"),
]
