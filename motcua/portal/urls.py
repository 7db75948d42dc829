from django.urls import path

from . import kiosk, mine, online, rating_page, result_check, tracking, uploads, verify, views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("tra-cuu/", tracking.track, name="tracking"),
    path("kiem-tra-chu-ky/", verify.verify, name="verify"),
    path("kiem-tra-ket-qua/", result_check.result_check, name="result_check"),
    path("danh-gia/", rating_page.rate, name="rate_by_token"),
    path("danh-gia-tai-quay/", kiosk.start, name="kiosk"),
    path("danh-gia-tai-quay/gui/", kiosk.submit, name="kiosk_submit"),
    path("danh-gia-tai-quay/cam-on/", kiosk.thanks, name="kiosk_thanks"),
    path("nop-truc-tuyen/<str:code>/", online.start, name="start"),
    path("ho-so-nhap/<int:draft_id>/", online.draft_page, name="draft"),
    path("ho-so-nhap/<int:draft_id>/luu/", online.autosave, name="autosave"),
    path("ho-so-nhap/<int:draft_id>/tep/<int:line_id>/", online.upload, name="upload"),
    path("ho-so-nhap/<int:draft_id>/tep/<int:line_id>/tai-len/", uploads.create, name="resumable_create"),
    path("ho-so-nhap/<int:draft_id>/tep/<int:line_id>/tai-len/<uuid:upload_id>/", uploads.resource, name="resumable"),
    path("ho-so-nhap/<int:draft_id>/nop/", online.submit, name="submit"),
    path("ho-so-cua-toi/", mine.my_dossiers, name="my_dossiers"),
    path("ho-so-cua-toi/<str:code>/", mine.my_dossier, name="my_dossier"),
    path("ho-so-cua-toi/<str:code>/bo-sung/", mine.answer_supplement, name="answer_supplement"),
    path("ho-so-cua-toi/<str:code>/rut/", mine.withdraw, name="withdraw"),
    path("ho-so-cua-toi/<str:code>/giay-tiep-nhan/", mine.receipt, name="receipt"),
    path("ho-so-cua-toi/<str:code>/danh-gia/", mine.rate, name="rate"),
    path("ho-so-cua-toi/<str:code>/ket-qua/<int:document_id>/", mine.result_download, name="result"),
    path("kho-du-lieu/", mine.store, name="store"),
    path("kho-du-lieu/<int:document_id>/", mine.store_download, name="store_download"),
]
