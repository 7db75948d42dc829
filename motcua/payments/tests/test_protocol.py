"""The signature, against a vector computed outside Python (openssl), and the sandbox's checks of a request."""

import datetime as dt

from motcua.payments import money, protocol

VECTOR_PARAMS = {
    "vnp_Version": "2.1.0",
    "vnp_Command": "pay",
    "vnp_TmnCode": "MOTCUA01",
    "vnp_Amount": "20000000",
    "vnp_CurrCode": "VND",
    "vnp_TxnRef": "260302ABCDEF0123",
    "vnp_OrderInfo": "Thanh toan phi ho so 000.01.01.H44-260302-0001",
    "vnp_OrderType": "other",
    "vnp_Locale": "vn",
    "vnp_ReturnUrl": "http://localhost:8000/thanh-toan/ket-qua/",
    "vnp_IpAddr": "127.0.0.1",
    "vnp_CreateDate": "20260302090000",
}
VECTOR_TEXT = (
    "vnp_Amount=20000000&vnp_Command=pay&vnp_CreateDate=20260302090000&vnp_CurrCode=VND&vnp_IpAddr="
    "127.0.0.1&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+phi+ho+so+000.01.01.H44-260302-0001&vnp_OrderType="
    "other&vnp_ReturnUrl=http%3A%2F%2Flocalhost%3A8000%2Fthanh-toan%2Fket-qua%2F&vnp_TmnCode=MOTCUA01&"
    "vnp_TxnRef=260302ABCDEF0123&vnp_Version=2.1.0"
)
# printf '%s' "$VECTOR_TEXT" | openssl dgst -sha512 -hmac 'sandbox-hash-secret'
VECTOR_HASH = (
    "841c58624dc653a6d1cfded42e6794c84e1ecb85180549891c4ee2c68174cde44f7fbad727070c98a3a7c7fa124dd185f"
    "1d86820b2a2c7fd8bdfaecfe16f8c69"
)


def test_signature_matches_a_vector_computed_with_openssl():
    assert protocol.hash_data(VECTOR_PARAMS) == VECTOR_TEXT
    assert protocol.signature(VECTOR_PARAMS, "sandbox-hash-secret") == VECTOR_HASH
    signed = protocol.sign(VECTOR_PARAMS, "sandbox-hash-secret")
    assert signed["vnp_SecureHash"] == VECTOR_HASH
    assert protocol.verify({**signed, "vnp_SecureHashType": "HmacSHA512"}, "sandbox-hash-secret")
    assert not protocol.verify(signed, "another-secret")
    assert not protocol.verify({**signed, "vnp_Amount": "20000100"}, "sandbox-hash-secret")
    assert not protocol.verify({k: v for k, v in signed.items() if k != "vnp_SecureHash"}, "sandbox-hash-secret")


def test_payment_url_carries_every_documented_parameter_in_vietnam_time():
    created = dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC)  # 09:00 in Hà Nội
    params = protocol.payment_params(
        tmn_code="MOTCUA01",
        amount=200000,
        reference="R1",
        info="Thanh toan phi",
        return_url="http://x/ret/",
        ip="10.0.0.1",
        created=created,
    )
    assert params["vnp_Amount"] == "20000000" and params["vnp_CurrCode"] == "VND"
    assert (params["vnp_CreateDate"], params["vnp_ExpireDate"]) == ("20260302090000", "20260302091500")
    url = protocol.payment_url("https://gw/paymentv2/vpcpay.html", params, "s")
    assert url.startswith("https://gw/paymentv2/vpcpay.html?vnp_Amount=20000000&") and "vnp_SecureHash=" in url


def test_amounts_print_the_vietnamese_way():
    assert money.amount_in_words(200000) == "Hai trăm nghìn đồng"
    assert money.amount_in_words(1_050_000) == "Một triệu không trăm năm mươi nghìn đồng"
    assert money.amount_in_words(215) == "Hai trăm mười lăm đồng"
    assert money.amount_in_words(2_005) == "Hai nghìn không trăm linh năm đồng"
    assert money.amount_in_words(3_000_000_000_000) == "Ba nghìn tỷ đồng"
