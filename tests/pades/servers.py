"""A loopback TSA, OCSP responder, CRL and caIssuers server for the PAdES tests.

One ``http.server`` in a thread answers RFC 3161 requests (pyhanko's DummyTimeStamper signs with
the demo TSA key), OCSP requests (cryptography's OCSPResponseBuilder, the demo OCSP responder) and
serves CRLs and CA certificates under the URLs ``generate_demo_pki(url_base=...)`` writes into
the certificates. It counts hits per route; ``offline`` makes it drop every connection.
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


def _asn1_cert(issued: Issued) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(issued.cert_der)


def _asn1_key(issued: Issued) -> asn1_keys.PrivateKeyInfo:
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
        self.revoked: set[int] = set()
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
            tsa_cert=_asn1_cert(pki.tsa),
            tsa_key=_asn1_key(pki.tsa),
            certs_to_embed=[_asn1_cert(pki.intermediate), _asn1_cert(pki.root)],
        )

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
        pki = self.pki
        subject = next(
            (
                i
                for i in (pki.leader, pki.agency, pki.tsa, pki.ocsp)
                if i.cert.serial_number == request.serial_number
            ),
            None,
        )
        if subject is None:
            return ocsp.OCSPResponseBuilder.build_unsuccessful(
                ocsp.OCSPResponseStatus.UNAUTHORIZED
            ).public_bytes(serialization.Encoding.DER)
        now = datetime.now(UTC)
        revoked = subject.cert.serial_number in self.revoked
        builder = (
            ocsp.OCSPResponseBuilder()
            .add_response(
                cert=subject.cert,
                issuer=pki.intermediate.cert,
                algorithm=request.hash_algorithm,
                cert_status=ocsp.OCSPCertStatus.REVOKED if revoked else ocsp.OCSPCertStatus.GOOD,
                this_update=now - timedelta(minutes=1),
                next_update=now + timedelta(days=1),
                revocation_time=now - timedelta(days=1) if revoked else None,
                revocation_reason=x509.ReasonFlags.key_compromise if revoked else None,
            )
            .responder_id(ocsp.OCSPResponderEncoding.HASH, pki.ocsp.cert)
            .certificates([pki.ocsp.cert])
        )
        for ext in request.extensions:
            if isinstance(ext.value, x509.OCSPNonce):
                builder = builder.add_extension(ext.value, critical=False)
        response = builder.sign(pki.ocsp.key, hashes.SHA256())
        return response.public_bytes(serialization.Encoding.DER)

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
        for serial in self.revoked:
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder()
                .serial_number(serial)
                .revocation_date(now - timedelta(days=1))
                .build()
            )
        return builder.sign(issuer.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)
