"""A loopback TSA, OCSP responder, CRL and caIssuers server for the signing and verification tests
(and the benchmarks).

One ``http.server`` thread answers RFC 3161 requests (pyhanko's DummyTimeStamper signs with the
demo TSA key), OCSP requests (cryptography's OCSPResponseBuilder, signed by the demo OCSP
responder) and serves CRLs and CA certificates under the URLs ``generate_demo_pki(url_base=...)``
writes into the certificates. ``attach(pki)`` answers OCSP for the demo end-entity certificates,
``know(cert)`` for more of them (issued by the demo intermediate); ``revoke(cert, at)`` makes
OCSP and the intermediate's CRL say so from then on; ``offline`` drops every connection;
``hits`` counts requests per route; ``reset()`` forgets hits, revocations and ``offline``.
"""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from asn1crypto import keys as asn1_keys
from asn1crypto import tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509 import ocsp
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

from app.demo.pki import DemoPki, Issued


def asn1_cert(issued: Issued) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(issued.cert_der)


def asn1_key(issued: Issued) -> asn1_keys.PrivateKeyInfo:
    der = issued.key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return asn1_keys.PrivateKeyInfo.load(der)


class PkiServer:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.offline = False
        self.revoked: dict[int, datetime] = {}
        self.known: dict[int, x509.Certificate] = {}
        self.pki: DemoPki | None = None
        self._tsa: DummyTimeStamper | None = None
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                server._handle(self, b"")

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                server._handle(self, self.rfile.read(length))

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def attach(self, pki: DemoPki) -> None:
        self.pki = pki
        self._tsa = DummyTimeStamper(
            tsa_cert=asn1_cert(pki.tsa),
            tsa_key=asn1_key(pki.tsa),
            certs_to_embed=[asn1_cert(pki.intermediate), asn1_cert(pki.root)],
        )
        for issued in (pki.leader, pki.agency, pki.tsa, pki.ocsp):
            self.know(issued.cert)

    def know(self, cert: x509.Certificate) -> None:
        """Answer OCSP for ``cert`` (issued by the demo intermediate)."""
        self.known[cert.serial_number] = cert

    def revoke(self, cert: x509.Certificate, at: datetime) -> None:
        self.revoked[cert.serial_number] = at

    def reset(self) -> None:
        self.hits.clear()
        self.offline = False
        self.revoked.clear()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # -- routes -----------------------------------------------------------------------------
    def _handle(self, handler: BaseHTTPRequestHandler, body: bytes) -> None:
        path = handler.path.split("?")[0]
        self.hits[path] += 1
        if self.offline:
            handler.close_connection = True
            handler.connection.close()
            return
        assert self.pki is not None
        try:
            if path == "/tsa":
                self._reply(handler, self._timestamp(body), "application/timestamp-reply")
            elif path == "/ocsp":
                self._reply(handler, self._ocsp(body), "application/ocsp-response")
            elif path.startswith("/crl/"):
                self._reply(handler, self._crl(path), "application/pkix-crl")
            elif path.startswith("/certs/"):
                issued = self.pki.root if "root" in path else self.pki.intermediate
                self._reply(handler, issued.cert_der, "application/pkix-cert")
            else:
                handler.send_error(404)
        except Exception:  # noqa: BLE001 - a test server answers 500 and keeps going
            handler.send_error(500)

    @staticmethod
    def _reply(handler: BaseHTTPRequestHandler, data: bytes, ctype: str) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", ctype)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def _timestamp(self, body: bytes) -> bytes:
        assert self._tsa is not None
        request = tsp.TimeStampReq.load(body)
        return bytes(self._tsa.request_tsa_response(request).dump())

    def _ocsp(self, body: bytes) -> bytes:
        assert self.pki is not None
        request = ocsp.load_der_ocsp_request(body)
        subject = self.known.get(request.serial_number)
        if subject is None:
            return ocsp.OCSPResponseBuilder.build_unsuccessful(
                ocsp.OCSPResponseStatus.UNAUTHORIZED
            ).public_bytes(serialization.Encoding.DER)
        now = datetime.now(UTC)
        revoked_at = self.revoked.get(subject.serial_number)
        builder = (
            ocsp.OCSPResponseBuilder()
            .add_response(
                cert=subject,
                issuer=self.pki.intermediate.cert,
                algorithm=request.hash_algorithm,
                cert_status=ocsp.OCSPCertStatus.REVOKED if revoked_at else ocsp.OCSPCertStatus.GOOD,
                this_update=now - timedelta(minutes=1),
                next_update=now + timedelta(days=1),
                revocation_time=revoked_at,
                revocation_reason=x509.ReasonFlags.key_compromise if revoked_at else None,
            )
            .responder_id(ocsp.OCSPResponderEncoding.HASH, self.pki.ocsp.cert)
            .certificates([self.pki.ocsp.cert])
        )
        for ext in request.extensions:
            if isinstance(ext.value, x509.OCSPNonce):
                builder = builder.add_extension(ext.value, critical=False)
        return builder.sign(self.pki.ocsp.key, hashes.SHA256()).public_bytes(
            serialization.Encoding.DER
        )

    def _crl(self, path: str) -> bytes:
        assert self.pki is not None
        issuer = self.pki.root if "root" in path else self.pki.intermediate
        now = datetime.now(UTC)
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(issuer.cert.subject)
            .last_update(now - timedelta(minutes=1))
            .next_update(now + timedelta(days=1))
            .add_extension(x509.CRLNumber(int(now.timestamp())), critical=False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()),
                critical=False,
            )
        )
        if issuer is self.pki.intermediate:
            for serial, when in self.revoked.items():
                builder = builder.add_revoked_certificate(
                    x509.RevokedCertificateBuilder()
                    .serial_number(serial)
                    .revocation_date(when)
                    .build()
                )
        return builder.sign(issuer.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)
