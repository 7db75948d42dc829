"""What a signature leaves for a dispute, read back from the signed PDF (issue 17): the signer's certificate and
its chain, the RFC 3161 timestamp token, the revocation answers (CRLs, OCSP responses) the document's DSS holds,
and the moment the timestamp gives. Kept beside the dossier (dossiers.models.Signature), so the proof survives
even if the file is lost, and can be compared with the file if it is disputed."""

import io
import json
from base64 import b64encode
from dataclasses import dataclass

from pyhanko.pdf_utils.decode_limits import DecodePurpose
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko.sign.validation.errors import NoDSSFoundError


@dataclass
class Evidence:
    subject: str
    serial: str
    timestamp_token: bytes
    revocation: bytes  # JSON: {"crls": [base64 DER], "ocsps": [base64 DER]}
    signed_at: object  # the timestamp's moment, or the signer's claimed time when there is no token


def of(pdf: bytes, field: str) -> Evidence:
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    signature = next(s for s in reader.embedded_signatures if s.field_name == field)
    token = b""
    for attribute in signature.signer_info["unsigned_attrs"] or []:
        if attribute["type"].native == "signature_time_stamp_token":
            token = attribute["values"][0].dump()
    moment = signature.self_reported_timestamp
    if token:
        from asn1crypto import cms, tsp

        info = cms.ContentInfo.load(token)["content"]["encap_content_info"]["content"].parsed
        moment = tsp.TSTInfo.load(info.dump())["gen_time"].native
    answers: dict[str, list[str]] = {"crls": [], "ocsps": []}
    try:
        dss = DocumentSecurityStore.read_dss(reader)
        for name, refs, purpose in (
            ("crls", dss.crls, DecodePurpose.CRL),
            ("ocsps", dss.ocsps, DecodePurpose.OCSP_RESPONSE),
        ):
            answers[name] = [b64encode(ref.get_object().read_data(purpose)).decode() for ref in refs]
    except NoDSSFoundError:
        pass
    cert = signature.signer_cert
    return Evidence(
        subject=", ".join(
            str(value)
            for key in ("common_name", "title", "organization_name")
            if (value := cert.subject.native.get(key))
        )[:300],
        serial=format(cert.serial_number, "x"),
        timestamp_token=token,
        revocation=json.dumps(answers).encode(),
        signed_at=moment,
    )
