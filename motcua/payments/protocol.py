"""The VNPay 2.1.0 payment protocol, as the gateway documents it: signed payment URL, signed return and IPN.

Both directions are signed the same way: the `vnp_*` parameters except vnp_SecureHash and vnp_SecureHashType,
empty values left out, sorted by name, each value URL-encoded with spaces as "+" (Python's `quote_plus`, Java's
`URLEncoder`), joined as `k=v&k=v`; vnp_SecureHash is the lower-case hex HMAC-SHA512 of that text under the
merchant's secret (the "hash secret" of the merchant portal). Pure functions: no database, no settings.
"""

import datetime as dt
import hashlib
import hmac
from urllib.parse import quote_plus, urlencode
from zoneinfo import ZoneInfo

VERSION = "2.1.0"
VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DATE_FORMAT = "%Y%m%d%H%M%S"  # yyyyMMddHHmmss in Vietnam time
UNSIGNED = {"vnp_SecureHash", "vnp_SecureHashType"}

# vnp_ResponseCode of the return and the IPN (the gateway's table); "00" with vnp_TransactionStatus "00" is paid.
RESPONSE_TEXT = {
    "00": "Giao dịch thành công",
    "07": "Trừ tiền thành công, giao dịch bị nghi ngờ",
    "09": "Thẻ/tài khoản chưa đăng ký dịch vụ Internet Banking",
    "10": "Xác thực thông tin thẻ/tài khoản không đúng quá 3 lần",
    "11": "Đã hết hạn chờ thanh toán",
    "12": "Thẻ/tài khoản bị khóa",
    "13": "Nhập sai mật khẩu xác thực giao dịch (OTP)",
    "24": "Khách hàng hủy giao dịch",
    "51": "Tài khoản không đủ số dư",
    "65": "Tài khoản đã vượt quá hạn mức giao dịch trong ngày",
    "75": "Ngân hàng thanh toán đang bảo trì",
    "79": "Nhập sai mật khẩu thanh toán quá số lần quy định",
    "99": "Lỗi khác",
}

# The merchant's answers to an IPN (the gateway retries until it gets one of these).
IPN_OK = {"RspCode": "00", "Message": "Confirm Success"}
IPN_NOT_FOUND = {"RspCode": "01", "Message": "Order not found"}
IPN_ALREADY = {"RspCode": "02", "Message": "Order already confirmed"}
IPN_BAD_AMOUNT = {"RspCode": "04", "Message": "Invalid amount"}
IPN_BAD_SIGNATURE = {"RspCode": "97", "Message": "Invalid signature"}
IPN_ERROR = {"RspCode": "99", "Message": "Unknown error"}


def hash_data(params: dict) -> str:
    """The text that is signed (see the module's docstring)."""
    items = sorted(
        (key, str(value))
        for key, value in params.items()
        if key.startswith("vnp_") and key not in UNSIGNED and value not in (None, "")
    )
    return "&".join(f"{key}={quote_plus(value)}" for key, value in items)


def signature(params: dict, secret: str) -> str:
    return hmac.new(secret.encode("utf-8"), hash_data(params).encode("utf-8"), hashlib.sha512).hexdigest()


def sign(params: dict, secret: str) -> dict:
    """The parameters with vnp_SecureHash added."""
    clean = {key: str(value) for key, value in params.items() if key not in UNSIGNED and value not in (None, "")}
    return {**clean, "vnp_SecureHash": signature(clean, secret)}


def verify(params, secret: str) -> bool:
    """True when vnp_SecureHash is the signature of the other parameters (compared in constant time)."""
    given = str(params.get("vnp_SecureHash") or "").lower()
    if not given or not secret:
        return False
    flat = {key: params.get(key) for key in params}
    return hmac.compare_digest(given, signature(flat, secret))


def stamp(moment: dt.datetime) -> str:
    return moment.astimezone(VN_TZ).strftime(DATE_FORMAT)


def parse_stamp(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(text or "", DATE_FORMAT).replace(tzinfo=VN_TZ)
    except ValueError:
        return None


def payment_params(
    *,
    tmn_code: str,
    amount: int,
    reference: str,
    info: str,
    return_url: str,
    ip: str,
    created: dt.datetime,
    expire_minutes: int = 15,
    locale: str = "vn",
) -> dict:
    """The request parameters of a payment (amount in đồng; the gateway wants it ×100, no decimals)."""
    return {
        "vnp_Version": VERSION,
        "vnp_Command": "pay",
        "vnp_TmnCode": tmn_code,
        "vnp_Amount": str(int(amount) * 100),
        "vnp_CurrCode": "VND",
        "vnp_TxnRef": reference,
        "vnp_OrderInfo": info,
        "vnp_OrderType": "other",
        "vnp_Locale": locale,
        "vnp_ReturnUrl": return_url,
        "vnp_IpAddr": ip or "127.0.0.1",
        "vnp_CreateDate": stamp(created),
        "vnp_ExpireDate": stamp(created + dt.timedelta(minutes=expire_minutes)),
    }


def payment_url(gateway_url: str, params: dict, secret: str) -> str:
    signed = sign(params, secret)
    query = hash_data(signed) + "&vnp_SecureHash=" + signed["vnp_SecureHash"]
    return f"{gateway_url}?{query}"


def signed_query(params: dict, secret: str) -> str:
    return urlencode(sign(params, secret))


def is_paid(params) -> bool:
    return params.get("vnp_ResponseCode") == "00" and params.get("vnp_TransactionStatus") == "00"


def response_text(code: str) -> str:
    return RESPONSE_TEXT.get(code or "", f"Giao dịch không thành công (mã {code or 'không rõ'})")
