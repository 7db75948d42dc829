"""Thin endpoints over `dossiers.lifecycle` (docs/api.md): they find what the caller may see, validate the input
with the action's serializer, call the lifecycle and answer with the updated dossier. None sets a status itself.

Order of the answers: 401 not authenticated → 404 not visible (worded like a code that does not exist) → 403 no
right to this action → 400 invalid input → 409 not allowed in the dossier's state.
"""

from django.urls import Resolver404, resolve
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from .. import files, permissions, transitions
from ..models import Document, Event
from . import queries
from .cursor import KeysetPages, requested_page_size
from .errors import VietnameseErrors
from .filters import DossierFilter, Filters, or_blank
from .idempotency import PARAMETER as IDEMPOTENCY_KEY
from .idempotency import idempotent
from .inputs import Input, parsers, request_schema
from .registration import Registration
from .serializers import NAMESPACE, DocumentSerializer, DossierDetail, DossierSummary, EventSerializer

CODE = OpenApiParameter("code", str, OpenApiParameter.PATH, description="Mã hồ sơ, ví dụ 000.01.01.H44-260302-0001")
ERROR = inline_serializer("Error", {"detail": serializers.CharField()})
MESSAGES = {"type": "array", "items": {"type": "string"}}
# DRF's 400 body: {field: [messages]}; errors without a field under non_field_errors; a list field's errors by
# index ({"items": {"0": {"reason": [...]}}}), so a value is either a list of messages or an object of them.
FIELD_ERRORS = OpenApiResponse(
    {
        "type": "object",
        "minProperties": 1,
        "properties": {"non_field_errors": {**MESSAGES, "description": "Lỗi chung, không thuộc trường nào"}},
        "additionalProperties": {
            "oneOf": [
                MESSAGES,
                {"type": "object", "description": "Lỗi của từng phần tử: theo chỉ số hoặc tên trường con"},
            ]
        },
    },
    description="Dữ liệu không hợp lệ: {tên trường: [thông báo]}; lỗi chung nằm ở non_field_errors; lỗi của phần tử "
    "trong danh sách: {tên trường: {chỉ số: …}}",
)
ERRORS = {
    400: FIELD_ERRORS,
    401: OpenApiResponse(ERROR, description="Chưa xác thực"),
    403: OpenApiResponse(ERROR, description="Không có quyền (hoặc thiếu mã CSRF khi dùng phiên đăng nhập)"),
    404: OpenApiResponse(ERROR, description="Không có hồ sơ này, hoặc người gọi không được xem"),
    409: OpenApiResponse(ERROR, description="Thao tác không được phép ở trạng thái hiện tại của hồ sơ"),
    415: OpenApiResponse(
        ERROR,
        description="Kiểu dữ liệu gửi lên không được hỗ trợ: dùng application/json "
        "(multipart/form-data khi gửi kèm tệp)",
    ),
    422: OpenApiResponse(ERROR, description="Khóa Idempotency-Key đã dùng cho một yêu cầu khác"),
}
PAGE_NOT_FOUND = OpenApiResponse(
    ERROR, description="Không có hồ sơ này (hoặc người gọi không được xem), hoặc số trang vượt quá số trang hiện có"
)


# Every stored file was checked by content on the way in (files.SIGNATURES), and is served with that type.
DOWNLOAD_TYPES = [media_type for _, media_type in files.SIGNATURES]
FILE_TYPES = "Tệp gốc với kiểu đã kiểm tra theo nội dung khi nhận (PDF, JPEG hoặc PNG), tải về dạng đính kèm"


def errors(*codes: int) -> dict:
    return {code: ERRORS[code] for code in codes}


class Pages(PageNumberPagination):
    """The short lists of one dossier (its events, its documents), counted: `page` from 1 (past the last page:
    404), `page_size` 1-200 (else 400); both may be sent empty, which means the default. The dossier list itself
    goes by cursor (`cursor.KeysetPages`)."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        return requested_page_size(request, self.page_size_query_param, self.page_size, self.max_page_size)

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param,
                "in": "query",
                "required": False,
                "description": "Số trang, từ 1; quá số trang hiện có: 404",
                "schema": or_blank({"type": "integer", "minimum": 1}),
            },
            {
                "name": self.page_size_query_param,
                "in": "query",
                "required": False,
                "description": f"Số dòng mỗi trang, 1-{self.max_page_size}; mặc định {self.page_size}",
                "schema": or_blank({"type": "integer", "minimum": 1, "maximum": self.max_page_size}),
            },
        ]


class Base(VietnameseErrors):
    permission_classes = [IsAuthenticated]
    pagination_class = Pages


def detail_response(request, dossier, status_code=status.HTTP_200_OK, headers=None) -> Response:
    """The dossier as it is now, read again with its documents and steps (by its agency too: on Citus, one shard)."""
    fresh = queries.details(request.user).get(pk=dossier.pk, receiving_agency_id=dossier.receiving_agency_id)
    return Response(DossierDetail(fresh, context={"request": request}).data, status=status_code, headers=headers)


@extend_schema_view(
    get=extend_schema(
        responses={
            200: DossierSummary(many=True),
            **errors(401),
            400: OpenApiResponse(
                FIELD_ERRORS.response,
                description="Tham số lọc, sắp xếp hay con trỏ trang không hợp lệ: {tham số: [thông báo]}",
            ),
        }
    )
)
@extend_schema(tags=["Hồ sơ"])
class DossierList(Base, generics.ListAPIView):
    """Danh sách hồ sơ người gọi được xem, lọc và sắp xếp trong SQL."""

    serializer_class = DossierSummary
    pagination_class = KeysetPages
    filter_backends = [Filters]
    filterset_class = DossierFilter
    parser_classes = parsers(Registration)

    def get_queryset(self):
        return queries.summaries(self.request.user)

    @extend_schema(
        summary="Đăng ký hồ sơ (trực tuyến hoặc tại quầy)",
        request=request_schema(Registration),
        parameters=[IDEMPOTENCY_KEY],
        responses={201: DossierDetail, **errors(400, 401, 403, 415, 422)},
    )
    @idempotent
    def post(self, request):
        serializer = Registration(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        dossier = serializer.perform(request.user)
        location = reverse(f"{NAMESPACE}:dossier", kwargs={"code": dossier.code}, request=request)
        return detail_response(request, dossier, status.HTTP_201_CREATED, {"Location": location})


@extend_schema(tags=["Hồ sơ"], parameters=[CODE], responses={200: DossierDetail, **errors(401, 404)})
class DossierRetrieve(Base, generics.RetrieveAPIView):
    """Chi tiết hồ sơ: người nộp, thời hạn, giấy tờ (thông tin tệp), các bước xử lý, thao tác người gọi được làm."""

    serializer_class = DossierDetail

    def get_object(self):
        return queries.visible(self.request.user, self.kwargs["code"], queries.details(self.request.user))


class DossierScoped(Base, generics.ListAPIView):
    def dossier(self):
        if not hasattr(self, "_dossier"):
            self._dossier = queries.visible(self.request.user, self.kwargs["code"])
        return self._dossier


@extend_schema(
    tags=["Hồ sơ"],
    parameters=[CODE],
    responses={200: EventSerializer(many=True), **errors(400, 401), 404: PAGE_NOT_FOUND},
)
class DossierEvents(DossierScoped):
    """Nhật ký hồ sơ (chuỗi sự kiện có mã băm), theo thứ tự."""

    serializer_class = EventSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no request, no dossier
            return Event.objects.none()
        return self.dossier().events.select_related("from_agency", "to_agency").order_by("seq")


@extend_schema(
    tags=["Hồ sơ"],
    parameters=[CODE],
    responses={200: DocumentSerializer(many=True), **errors(400, 401), 404: PAGE_NOT_FOUND},
)
class DossierDocuments(DossierScoped):
    """Giấy tờ của hồ sơ: thành phần hồ sơ và kết quả, kèm SHA-256 và địa chỉ tải tệp."""

    serializer_class = DocumentSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Document.objects.none()
        return queries.shown_documents(self.dossier(), self.request.user).order_by("kind", "id")


@extend_schema(
    tags=["Hồ sơ"],
    summary="Tải tệp giấy tờ",
    parameters=[CODE],
    responses={
        **{
            (200, media_type): OpenApiResponse(OpenApiTypes.BINARY, description=FILE_TYPES)
            for media_type in DOWNLOAD_TYPES
        },
        **errors(401),
        404: OpenApiResponse(ERROR, description="Không có hồ sơ hoặc giấy tờ này, hoặc giấy tờ chỉ có bản giấy"),
    },
)
class DocumentFile(Base, APIView):
    """The stored file, as an attachment, with its SHA-256 (`Repr-Digest`); never rendered by the browser."""

    def perform_content_negotiation(self, request, force=False):
        return super().perform_content_negotiation(request, force=True)  # a client may send Accept: application/pdf

    def get(self, request, code, pk):
        dossier = queries.visible(request.user, code)
        document = queries.shown_documents(dossier, request.user).filter(pk=pk).first()
        if document is None or not document.file:
            raise NotFound("Không tìm thấy tệp của giấy tờ này.")
        return files.serve(document)


class ActionView(Base, generics.GenericAPIView):
    """POST one lifecycle action; the subclass names it and its input serializer (see `action_view`)."""

    lifecycle_action = ""
    serializer_class = Input
    parser_classes = parsers(Input)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "dossier": getattr(self, "_dossier", None)}

    @idempotent
    def post(self, request, code):
        self._dossier = dossier = queries.visible(request.user, code)
        # Checked before the input so that a caller without the right learns nothing from validation messages;
        # the lifecycle checks again under the row lock.
        if not permissions.can(request.user, self.lifecycle_action, dossier):
            label = transitions.ACTION_LABELS[self.lifecycle_action].lower()
            raise PermissionDenied(f"Bạn không có quyền thực hiện thao tác “{label}” với hồ sơ này.")
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.perform(dossier, request.user)
        return detail_response(request, dossier)


def action_view(name: str, serializer: type[Input]):
    """The endpoint of one action, with its own request schema in the OpenAPI document."""
    view = type(
        f"{serializer.__name__}Action",
        (ActionView,),
        {
            "lifecycle_action": name,
            "serializer_class": serializer,
            "parser_classes": parsers(serializer),
            "__doc__": f"{transitions.ACTION_LABELS[name]} (lifecycle.{name}). Trả về hồ sơ sau thao tác.",
        },
    )
    return extend_schema_view(
        post=extend_schema(
            tags=["Thao tác trên hồ sơ"],
            summary=transitions.ACTION_LABELS[name],
            operation_id=f"dossier_action_{name}",
            parameters=[CODE, IDEMPOTENCY_KEY],
            request=request_schema(serializer),
            responses={200: DossierDetail, **errors(400, 401, 403, 404, 409, 415, 422)},
        )
    )(view)


@extend_schema(exclude=True)
class UnknownAction(Base, APIView):
    def post(self, request, code, action):
        raise NotFound(f"Không có thao tác “{action}”. Các thao tác: {', '.join(transitions.TABLE)}.")


NO_SUCH_PATH = "no-such-path"


@extend_schema(exclude=True)
class NoSuchPath(Base, APIView):
    """Any other address under /api/v1/ (a document id that is not a number, a code with a “/”): a JSON 404 in
    Vietnamese like every other answer of the API, never the site's HTML page."""

    def answer(self, request, *args, **kwargs):
        path = request.path
        if not path.endswith("/"):
            try:
                slashed = resolve(path + "/").url_name != NO_SUCH_PATH
            except Resolver404:
                slashed = False
            if slashed:
                raise NotFound(f"Địa chỉ của API luôn kết thúc bằng “/”: dùng {path}/")
        raise NotFound("Không có địa chỉ này trong API (danh sách địa chỉ: /api/v1/docs/).")

    get = post = put = patch = delete = options = answer
