"""Restarts lose nothing, on SQLite and PostgreSQL (``db_url``), after a stop and after a kill."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import httpx

from app.sync.transport import HttpTransport, MessageType
from sandbox.testing import run_server, signed_headers
from tests.sandbox.conftest import connecting
from tests.sandbox.packages import FINANCE, HOME_AFFAIRS, PROVINCE, document, status


def test_the_platform_on_each_database(db_url: str, tmp_path: Path) -> None:
    """Fan-out, racing duplicates, ack, status and a restart, on the database under test."""
    package = document(9)
    with run_server(tmp_path, db_url=db_url) as handle:
        with connecting(handle) as connect:
            senders = [connect(PROVINCE) for _ in range(5)]
            answers: list[dict[str, str]] = []

            def send(transport: HttpTransport) -> None:
                answers.append(dict(transport.send(package, "edoc", "race").doc_ids))

            threads = [threading.Thread(target=send, args=(t,)) for t in senders]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert len(answers) == 5 and all(a == answers[0] for a in answers)
            ids = answers[0]
            home = connect(HOME_AFFAIRS)
            home.ack(ids[HOME_AFFAIRS], "done")
            home.send(status("03", number=9), MessageType.STATUS, "st")
        secrets = handle.secrets
    with run_server(tmp_path, db_url=db_url) as handle:
        assert handle.secrets == secrets
        with connecting(handle) as connect:
            assert connect(HOME_AFFAIRS).list_received("edoc").items == ()
            (item,) = connect(FINANCE).list_received("edoc").items
            assert item.doc_id == ids[FINANCE]
            sink = io.BytesIO()
            connect(FINANCE).fetch(item.doc_id, sink=sink)
            assert sink.getvalue() == package
            again = connect(PROVINCE).send(package, "edoc", "race")
            assert again.replayed and dict(again.doc_ids) == ids
            states = {d.recipient: d for d in connect(PROVINCE).sent_status().items}
            assert states[HOME_AFFAIRS].status_code == "03"
            assert states[HOME_AFFAIRS].state == "done"


def test_restart_keeps_secrets_files_and_the_replay_cache(tmp_path: Path) -> None:
    target = "/api/v1/agencies"
    with run_server(tmp_path) as handle:
        headers = signed_headers(PROVINCE, handle.secrets[PROVINCE], "GET", target)
        with httpx.Client(trust_env=False) as http:
            assert http.get(handle.base_url + "/agencies", headers=headers).status_code == 200
        with connecting(handle) as connect:
            connect(PROVINCE).send(document(1), "edoc", "k")
        first_secrets = handle.secrets
    with run_server(tmp_path, seed="demo") as handle:  # re-seeding keeps every secret
        assert handle.secrets == first_secrets
        with httpx.Client(trust_env=False) as http:
            replay = http.get(handle.base_url + "/agencies", headers=headers).json()
        assert replay["errorCode"] == "REPLAY"
        with connecting(handle) as connect:
            assert len(connect(FINANCE).list_received("edoc").items) == 1


def test_a_killed_server_restarts_with_its_data(tmp_path: Path) -> None:
    with run_server(tmp_path, subprocess=True) as handle:
        with connecting(handle) as connect:
            ids = connect(PROVINCE).send(document(1), "edoc", "k").doc_ids
        handle.admin.kill()
    with run_server(tmp_path, subprocess=True) as handle:
        with connecting(handle) as connect:
            (item,) = connect(FINANCE).list_received("edoc").items
            assert item.doc_id == ids[FINANCE]
            assert connect(PROVINCE).send(document(1), "edoc", "k").replayed
