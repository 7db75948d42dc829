from django.urls import path

from . import counter, keys, national, rating_slips, register, views

app_name = "office"
urlpatterns = [
    path("", views.work, name="home"),
    path("hang-doi/", views.queue_list, name="queues"),
    path("hang-doi/<slug:name>/", views.queue_list, name="queue"),
    path("tiep-nhan/", counter.counter, name="counter"),
    path("tiep-nhan/<str:code>/", counter.counter, name="counter_procedure"),
    path("lanh-dao/", views.head_overview, name="overview"),
    path("so-theo-doi/", register.register, name="register"),
    path("chu-ky-so/", keys.keys_page, name="keys"),
    path("ky-hang-loat/", views.sign_many, name="sign_many"),
    path("dong-bo-dvcqg/", national.sync_page, name="national"),
    path("ho-so/<str:code>/", views.dossier_detail, name="dossier"),
    path("ho-so/<str:code>/thao-tac/<slug:action>/", views.act, name="act"),
    path("ho-so/<str:code>/mau/<int:number>/", views.print_form, name="print"),
    path("ho-so/<str:code>/phieu-moi-danh-gia/", rating_slips.print_slip, name="rating_slip"),
    path("ho-so/<str:code>/tep/<int:document_id>/", views.document_file, name="document"),
]
