"""A certificate authority of our own, for tests and for the demo: never for production (every name it issues says
"THỬ NGHIỆM", and `signing.checks` refuses its certificates when MOTCUA_ENV is production).

What a real Vietnamese CA issues, in the shape that matters to signing and validation (../shared/SIGNING.md §3):
a root, an intermediate ("CA phục vụ các cơ quan Nhà nước"-like; real công vụ PDFs embed only the leaf, so a
validator must already hold it), and leaves: a person's certificate (name, title and organisation, as Decree
23/2025 wants), an organisation's seal certificate, a timestamp authority's. RSA 2048 and SHA-256 (Circular
15/2025 minimums). Revocation by CRL, published at `crl_url` (the stand-in serves it, `signing.standin`).
"""

import datetime as dt
from dataclasses import dataclass, field

from asn1crypto import keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

DEMO = "THỬ NGHIỆM"  # in every name this authority writes


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def name(common_name: str, organisation: str, title: str = "") -> x509.Name:
    parts = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
    ]
    if title:
        parts.append(x509.NameAttribute(NameOID.TITLE, title))
    parts.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name))
    return x509.Name(parts)


def fetcher():
    """How pyHanko fetches CRLs and OCSP answers: with requests. Its default opens an aiohttp session per validation
    context and never closes it ("Unclosed client session" logged, a socket held, in a long-running server)."""
    from pyhanko_certvalidator.fetchers.requests_fetchers import RequestsFetcherBackend

    return RequestsFetcherBackend()


def asn1_cert(cert: x509.Certificate) -> asn1_x509.Certificate:
    """The certificate as asn1crypto's, the form pyHanko takes."""
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def asn1_key(key) -> keys.PrivateKeyInfo:
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return keys.PrivateKeyInfo.load(der)


@dataclass
class Issued:
    """A key and its certificate, with the chain above it (the issuing CAs, nearest first)."""

    key: rsa.RSAPrivateKey
    cert: x509.Certificate
    chain: list[x509.Certificate] = field(default_factory=list)

    def key_pem(self) -> bytes:
        return self.key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )

    def cert_pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    def pkcs12(self, password: bytes, friendly_name: str = "motcua") -> bytes:
        """The key, certificate and chain as a PKCS#12 file, as a CA hands one to its holder."""
        from cryptography.hazmat.primitives.serialization import pkcs12

        return pkcs12.serialize_key_and_certificates(
            friendly_name.encode(),
            self.key,
            self.cert,
            self.chain,
            serialization.BestAvailableEncryption(password),
        )


class Authority:
    """Root → intermediate → leaves, with a CRL of the intermediate's revocations at `crl_url`."""

    def __init__(self, crl_url: str, *, label: str = "motcua"):
        self.crl_url = crl_url
        self.organisation = f"{label} {DEMO}"
        start = now() - dt.timedelta(days=1)
        root_key, ca_key = new_key(), new_key()
        root_name = name(f"{label} Root CA {DEMO}", f"{label} {DEMO}")
        ca_name = name(f"CA phục vụ các cơ quan Nhà nước {DEMO}", f"{label} {DEMO}")
        root = self._authority(root_name, root_key, root_name, root_key, start, days=3650, below=1)
        self.root = Issued(root_key, root)
        self.ca = Issued(
            ca_key, self._authority(ca_name, ca_key, root_name, root_key, start, days=1825, below=0), [root]
        )
        self.revoked: dict[int, dt.datetime] = {}

    @staticmethod
    def _builder(subject, issuer, public_key, not_before, not_after) -> x509.CertificateBuilder:
        return (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(issuer)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(not_before)
            .not_valid_after(not_after)
        )

    @classmethod
    def _authority(cls, subject, key, issuer, issuer_key, start, *, days: int, below: int) -> x509.Certificate:
        """A CA certificate: `below` more CAs may follow it in a chain."""
        return (
            cls._builder(subject, issuer, key.public_key(), start, start + dt.timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=True, path_length=below), critical=True)
            .add_extension(cls._ca_usage(), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
            .sign(issuer_key, hashes.SHA256())
        )

    @staticmethod
    def _ca_usage() -> x509.KeyUsage:
        return x509.KeyUsage(
            digital_signature=False,
            content_commitment=False,
            key_encipherment=False,
            data_encipherment=False,
            key_agreement=False,
            key_cert_sign=True,
            crl_sign=True,
            encipher_only=False,
            decipher_only=False,
        )

    def issue(
        self,
        common_name: str,
        organisation: str,
        *,
        title: str = "",
        purpose: str = "signing",
        not_before: dt.datetime | None = None,
        days: int = 730,
    ) -> Issued:
        """A leaf: `purpose` "signing" (a person or a seal: non-repudiation) or "timestamping" (a TSA)."""
        key = new_key()
        start = not_before or now() - dt.timedelta(hours=1)
        builder = (
            self._builder(
                name(common_name, organisation, title),
                self.ca.cert.subject,
                key.public_key(),
                start,
                start + dt.timedelta(days=days),
            )
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=purpose == "signing",
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=False,
                    crl_sign=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.ca.key.public_key()), critical=False)
            .add_extension(
                x509.CRLDistributionPoints(
                    [x509.DistributionPoint([x509.UniformResourceIdentifier(self.crl_url)], None, None, None)]
                ),
                critical=False,
            )
        )
        if purpose == "timestamping":
            builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        cert = builder.sign(self.ca.key, hashes.SHA256())
        return Issued(key, cert, [self.ca.cert, self.root.cert])

    def dump(self) -> bytes:
        """The authority as one PEM file (the CRL's URL, then the root's and the intermediate's keys and
        certificates), to be served again by another process: `motcua demo serve` serves the one `demo load` made."""
        head = f"# motcua {DEMO} authority\n# crl_url: {self.crl_url}\n# organisation: {self.organisation}\n"
        parts = [head.encode()]
        for issued in (self.root, self.ca):
            parts += [issued.key_pem(), issued.cert_pem()]
        return b"".join(parts)

    @classmethod
    def load(cls, data: bytes) -> "Authority":
        header = dict(
            line[2:].split(": ", 1) for line in data.decode().splitlines() if line.startswith("# ") and ": " in line
        )
        keys = [serialization.load_pem_private_key(block, None) for block in _blocks(data, b"PRIVATE KEY")]
        certs = x509.load_pem_x509_certificates(data)
        made = cls.__new__(cls)
        made.crl_url, made.organisation, made.revoked = header["crl_url"], header["organisation"], {}
        made.root = Issued(keys[0], certs[0])
        made.ca = Issued(keys[1], certs[1], [certs[0]])
        return made

    def revoke(self, cert: x509.Certificate, at: dt.datetime | None = None) -> None:
        self.revoked[cert.serial_number] = at or now()

    def crl(self) -> bytes:
        """The intermediate's CRL (DER), made fresh: valid from now for a day."""
        start = now() - dt.timedelta(minutes=5)
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(self.ca.cert.subject)
            .last_update(start)
            .next_update(start + dt.timedelta(days=1))
            .add_extension(x509.CRLNumber(int(start.timestamp())), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.ca.key.public_key()), critical=False)
        )
        for serial, at in self.revoked.items():
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(at).build()
            )
        return builder.sign(self.ca.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def _blocks(data: bytes, label: bytes) -> list[bytes]:
    """The PEM blocks of `label` in `data`, in order."""
    begin, end = b"-----BEGIN " + label + b"-----", b"-----END " + label + b"-----"
    found, at = [], data.find(begin)
    while at >= 0:
        stop = data.index(end, at) + len(end)
        found.append(data[at:stop])
        at = data.find(begin, stop)
    return found
