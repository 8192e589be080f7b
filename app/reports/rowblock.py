"""A fast ruled table for very long listings: pre-wrapped rows drawn straight onto the canvas.

reportlab's ``Table`` costs about a millisecond per row (a text object and a font switch per
cell); a 20,000-row register would miss its time budget on that alone. ``RowBlock`` draws a run
of rows with one text object, the rules with one path, and splits between rows at page ends.
Rows come in already wrapped (``text.wrap``), so heights are known without layout.
Must not: know which columns a register has.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from app.reports.layout import NumberedCanvas

GRID = 0.5
ROWS_MARK = "rows"  # set on a NumberedCanvas page that shows rows (so it gets column heads)
CANCELLED_FILL = colors.Color(0.92, 0.92, 0.92)


@dataclass(frozen=True)
class Grid:
    """Column geometry and the cell font, shared by every block of one listing."""

    widths: tuple[float, ...]
    centered: tuple[bool, ...]
    font: str
    size: float
    leading: float
    pad_x: float
    pad_top: float
    pad_bottom: float
    min_height: float

    @property
    def width(self) -> float:
        return sum(self.widths)

    def height(self, lines: int) -> float:
        return max(self.min_height, self.pad_top + self.pad_bottom + lines * self.leading + 1)


@dataclass(frozen=True)
class PreparedRow:
    """One printed row: each cell's lines; ``ends`` is False for a piece of a longer row."""

    cells: tuple[tuple[str, ...], ...]
    height: float
    ends: bool = True
    shaded: bool = False


def prepare(
    grid: Grid, cells: Sequence[Sequence[str]], max_lines: int, shaded: bool
) -> list[PreparedRow]:
    """One logical row as printed rows of at most ``max_lines`` lines each."""
    tallest = max(len(c) for c in cells)
    out: list[PreparedRow] = []
    for start in range(0, tallest, max_lines):
        piece = tuple(tuple(c[start : start + max_lines]) for c in cells)
        lines = max(len(c) for c in piece)
        out.append(PreparedRow(piece, grid.height(lines), start + max_lines >= tallest, shaded))
    return out


class RowBlock(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A run of prepared rows; the first rule of each page comes from the page's column heads."""

    def __init__(self, grid: Grid, rows: Sequence[PreparedRow]) -> None:
        super().__init__()
        self.grid = grid
        self.rows = list(rows)
        self.height = sum(r.height for r in self.rows)
        self.width = grid.width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        used = 0.0
        fit = 0
        for row in self.rows:
            if used + row.height > avail_height:
                break
            used += row.height
            fit += 1
        if fit == 0 or fit == len(self.rows):
            return []  # nothing fits here: the frame moves the whole block to the next page
        return [RowBlock(self.grid, self.rows[:fit]), RowBlock(self.grid, self.rows[fit:])]

    def draw(self) -> None:
        canv = self.canv
        if isinstance(canv, NumberedCanvas):
            canv.page_marks.add(ROWS_MARK)
        grid = self.grid
        lefts = [0.0]
        for w in grid.widths:
            lefts.append(lefts[-1] + w)
        canv.saveState()
        # Shading first, so rules and text stay on top.
        y = self.height
        canv.setFillColor(CANCELLED_FILL)
        for row in self.rows:
            y -= row.height
            if row.shaded:
                canv.rect(0, y, self.width, row.height, stroke=0, fill=1)
        canv.setFillColor(colors.black)
        rules = [(x, 0.0, x, self.height) for x in lefts]
        y = self.height
        last = len(self.rows) - 1
        for index, row in enumerate(self.rows):
            y -= row.height
            if row.ends or index == last:  # a block's bottom closes the grid at a page break
                rules.append((0.0, y, self.width, y))
        canv.setLineWidth(GRID)
        canv.setStrokeColor(colors.black)
        canv.lines(rules)
        text = canv.beginText()
        text.setFont(grid.font, grid.size, grid.leading)
        top = self.height
        for row in self.rows:
            baseline0 = top - grid.pad_top - grid.size
            for col, lines in enumerate(row.cells):
                left, width = lefts[col], grid.widths[col]
                baseline = baseline0
                for line in lines:
                    if line:
                        if grid.centered[col]:
                            w = stringWidth(line, grid.font, grid.size)
                            x = left + (width - w) / 2
                        else:
                            x = left + grid.pad_x
                        text.setTextOrigin(x, baseline)
                        text.textOut(line)
                    baseline -= grid.leading
            top -= row.height
        canv.drawText(text)
        canv.restoreState()
