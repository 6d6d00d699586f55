"""Charts drawn on the server as SVG: geometry here, markup in templates (bar_chart.html).

No script and no style element: the page's CSP stays as it is, and a chart is readable
without colour (every bar carries its number as text, and its label) and without the
picture at all (the template gives the same numbers as a table).
"""

from __future__ import annotations

from dataclasses import dataclass

ROW = 22  # height of one bar's row, px
LABEL = 190  # width of the label column, px
LABEL_CHARS = 26  # a longer label is cut here on the bar (the tooltip and table have it all)
PLOT = 330  # width of the longest bar, px
NUMBER = 70  # room for the number after the bar, px


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    href: str  # where a click on the bar leads (a search); "" for none
    y: int
    width: int

    @property
    def short_label(self) -> str:
        if len(self.label) <= LABEL_CHARS:
            return self.label
        return self.label[: LABEL_CHARS - 1].rstrip() + "…"

    @property
    def text_y(self) -> int:
        return self.y + ROW // 2 + 4

    @property
    def number_x(self) -> int:
        return LABEL + self.width + 6


@dataclass(frozen=True)
class BarChart:
    """A horizontal bar chart: one row per bar, the longest bar the largest value."""

    title: str
    description: str
    bars: tuple[Bar, ...]
    slug: str  # ids of its title and description, unique on the page

    width = LABEL + PLOT + NUMBER
    label_x = LABEL - 8
    bar_x = LABEL
    bar_height = ROW - 6

    @property
    def height(self) -> int:
        return max(1, len(self.bars)) * ROW + 4

    @property
    def total(self) -> int:
        return sum(b.value for b in self.bars)


def bar_chart(
    title: str, rows: list[tuple[str, int, str]], *, slug: str, unit: str = "filings"
) -> BarChart:
    """`rows` are (label, value, href) in the order to draw. A bar of a non-zero value is
    at least 2 px wide, so a small count never looks like none."""
    largest = max((value for _, value, _ in rows), default=0)
    bars = tuple(
        Bar(
            label=label,
            value=value,
            href=href,
            y=i * ROW + 2,
            width=max(2, round(PLOT * value / largest)) if value else 0,
        )
        for i, (label, value, href) in enumerate(rows)
    )
    if bars:
        top = max(bars, key=lambda b: b.value)
        description = (
            f"{len(bars)} bars, {sum(b.value for b in bars):,} {unit} in all; "
            f"the largest is {top.label} with {top.value:,}."
        )
    else:
        description = f"No {unit} yet."
    return BarChart(title=title, description=description, bars=bars, slug=slug)
