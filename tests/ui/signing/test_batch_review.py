"""The batch review and the placement rules: the engine's own answer per document, one shared box
when some document needs one, thumbnails with the box drawn, and the box remembered per kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.demo.documents import SAMPLE_DOCUMENTS, render_official_document
from app.signing.pades import Role
from app.ui.signing.batch_review import render_page
from app.ui.signing.placement_model import Proposal, Source, predict
from app.ui.signing.placement_panel import PlacementPanel
from app.ui.signing.prefs import SigningPrefs
from app.ui.tasks import SyncTaskRunner
from tests.signing.conftest import tiny_pdf


@pytest.fixture
def drafts(tmp_path: Path) -> list[Path]:
    paths = []
    for index, sample in enumerate(SAMPLE_DOCUMENTS[:2]):
        path = tmp_path / f"du-thao-{index + 1}.pdf"
        path.write_bytes(render_official_document(sample))
        paths.append(path)
    return paths


@pytest.fixture
def plain(tmp_path: Path) -> Path:
    path = tmp_path / "khong-co-o-ky.pdf"
    path.write_bytes(tiny_pdf())
    return path


def panel(qtbot, paths, tmp_path: Path, kind: str = "QĐ") -> PlacementPanel:
    widget = PlacementPanel(paths, Role.LEADER, kind, SigningPrefs(tmp_path), SyncTaskRunner())
    qtbot.addWidget(widget)
    widget.resize(900, 800)
    widget.show()
    widget.predict(None)
    return widget


def test_engine_is_asked_for_the_drafts_field(drafts: list[Path]) -> None:
    prediction = predict(drafts[0], Role.LEADER, None)
    assert prediction.how == "field" and prediction.page == 0
    assert prediction.box == (330.0, 163.0, 500.0, 234.0)


def test_drafts_with_fields_are_signed_automatically(qtbot, drafts, tmp_path) -> None:
    widget = panel(qtbot, drafts, tmp_path)
    assert widget.explicit is None and widget.proposal().source is Source.FIELD
    assert widget.review.count() == 2 and widget.review.problems == {}
    assert not widget.review.item(0).icon().isNull()
    widget.review.setCurrentRow(1)
    assert widget.preview.path == drafts[1] and widget.current == 1
    widget.predict("Lường Thị Thu Hà")  # another certificate: predicted again, same document
    assert widget.current == 1 and widget.review.currentRow() == 1


def test_a_document_without_a_place_gets_one_shared_box(qtbot, drafts, plain, tmp_path) -> None:
    widget = panel(qtbot, [*drafts, plain], tmp_path)
    assert widget.explicit is not None and widget.explicit.source is Source.DEFAULT
    assert widget.overlay.warning  # a proposal to check, drawn in amber
    assert "mọi văn bản trong lô" in widget.hint.text()
    widget.use_automatic()  # the plain PDF would fail without a box: still proposed
    assert widget.explicit.source is Source.DEFAULT


def test_moved_box_is_remembered_for_the_kind(qtbot, drafts, plain, tmp_path) -> None:
    widget = panel(qtbot, [drafts[0]], tmp_path)
    widget.overlay.box = (300.0, 150.0, 480.0, 220.0)
    widget.overlay.moved.emit()
    assert widget.explicit.source is Source.MOVED
    remembered = SigningPrefs(tmp_path).box("QĐ", "leader")
    assert remembered.page_from_end == 0 and remembered.box == (300.0, 150.0, 480.0, 220.0)
    later = panel(qtbot, [plain], tmp_path)  # no field: the remembered box is proposed
    assert later.explicit.source is Source.REMEMBERED
    assert later.explicit.box == (300.0, 150.0, 480.0, 220.0)
    other_kind = panel(qtbot, [plain], tmp_path, kind="CV")
    assert other_kind.explicit.source is Source.DEFAULT


def test_missing_page_is_flagged_in_the_review(qtbot, drafts, tmp_path) -> None:
    widget = panel(qtbot, drafts, tmp_path)
    widget.explicit = Proposal(3, (300.0, 150.0, 480.0, 220.0), Source.MOVED)
    widget.review.show_positions(widget.explicit)
    assert widget.review.problems == {0: "Văn bản không có trang 4", 1: "Văn bản không có trang 4"}


def test_thumbnail_is_an_opaque_page_image(drafts) -> None:
    image = render_page(drafts[0], 0, 120)
    assert image.width() == 120 and image.height() == round(120 * 841.89 / 595.28)
    assert image.pixelColor(60, 60).alpha() == 255
