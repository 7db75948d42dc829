"""Remote signing over real HTTP: our client and `RemoteSigner` against the stand-in service (SmartCA's CSC-style
protocol), the signer's phone played by test calls: approved, refused, left to expire; and the test authority's
TSA and CRL for the rest of the signature."""

import threading
import time

import pytest
import requests

from motcua.gateways.standins import free_port
from motcua.signing import checks, remote, validate
from motcua.signing.remote_standin import RemoteSigningServer

from .fixtures import AGENCY, LEADER, TITLE
from .test_signing import signed_by_leader

CLIENT_ID, CLIENT_SECRET, USER, PASSWORD = "motcua-test", "bi-mat-he-thong", "025090001234", "mat-khau-ky"


@pytest.fixture
def service(authority):
    made, _ = authority
    server = RemoteSigningServer(free_port(), client_id=CLIENT_ID, client_secret=CLIENT_SECRET).start()
    server.add(USER, PASSWORD, made.issue(LEADER, AGENCY, title=TITLE))
    yield server
    server.stop()


def client(service, secret=CLIENT_SECRET) -> remote.Client:
    return remote.Client(service.url, client_id=CLIENT_ID, client_secret=secret, user=USER, password=PASSWORD)


def phone(service, approve: bool, found: list):
    """The signer's phone: waits for the request to show, remembers what it showed, then answers."""

    def answer():
        for _ in range(200):
            listed = requests.get(f"{service.url}/test/transactions", timeout=5).json()["transactions"]
            waiting = [t for t in listed if t["tranStatus"] == remote.WAITING]
            if waiting:
                found.append(waiting[0]["description"])
                decision = "approve" if approve else "refuse"
                requests.post(f"{service.url}/test/transactions/{waiting[0]['tranId']}/{decision}", timeout=5)
                return
            time.sleep(0.05)

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    return thread


def sign_remotely(authority, service, description="Kết quả hồ sơ 000.00.31.H44-261207-0001"):
    made, tsa = authority
    [credential] = client(service).credentials()
    signer = remote.RemoteSigner(client(service), credential, description, every=0.1)
    signed = signed_by_leader(signer, tsa.tsa_url, long_term=True, trust_roots=[made.root.cert])
    return signed, signer, credential


def test_an_approved_request_signs_the_result(authority, service):
    made, _ = authority
    shown = []
    thread = phone(service, True, shown)
    signed, signer, credential = sign_remotely(authority, service)
    thread.join(5)
    # what the phone showed is the document, and the transaction is kept for the evidence
    assert shown == ["Kết quả hồ sơ 000.00.31.H44-261207-0001"] and signer.transaction
    # the chain came from the service, and passes the checks a local key passes
    assert credential.cert.subject.rfc4514_string().startswith("CN=" + LEADER)
    checks.before_signing(credential.cert, credential.chain[1:], [made.root.cert], person=LEADER, agency=AGENCY)
    [found] = validate.report(signed, [made.root.cert])
    assert found.verdict == validate.VALID and found.signer == LEADER and found.timestamp_at, found.problems


def test_a_refused_request_gives_no_signature_and_says_why(authority, service):
    shown = []
    phone(service, False, shown)
    with pytest.raises(remote.Refused, match="từ chối"):
        sign_remotely(authority, service)
    assert len(shown) == 1


def test_a_request_nobody_answers_expires(authority, service):
    service.expires_after = 0.5  # five minutes, shortened
    with pytest.raises(remote.Expired, match="5 phút"):
        sign_remotely(authority, service)
    listed = requests.get(f"{service.url}/test/transactions", timeout=5).json()["transactions"]
    assert [t["tranStatus"] for t in listed] == [remote.EXPIRED]
    assert not service.decide(listed[0]["tranId"], True)  # too late to approve


def test_wrong_system_credentials_or_a_service_that_is_down_are_said_in_vietnamese(authority, service):
    with pytest.raises(remote.RemoteError, match="từ chối thông tin đăng nhập"):
        client(service, secret="sai").credentials()
    gone = remote.Client(f"http://127.0.0.1:{free_port()}", client_id="x", client_secret="y", user=USER, password="z")
    with pytest.raises(remote.RemoteError, match="Không kết nối được"):
        gone.credentials()
