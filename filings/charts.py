"""The app's charts, drawn on the server as SVG: lines over time (holdings) and bars
(counts, each bar a link). No script and no style element: every mark is drawn with
presentation attributes, so a chart looks the same inline in a page and served on its own
under the site's Content-Security-Policy.

A chart is readable without colour: each line has its own marker shape and dash pattern
and is labelled at its end and in a legend; every bar carries its value and label; every
point and bar has a <title> with its number; the chart has a <title> and a <desc>. Pages
show the same numbers as a table beside it.

    chart = line_chart("Holdings", [Series("Common Stock (direct)", [(date, 1200), ...])])
    {% include "filings/chart.svg" %}   or   svg(chart) for a standalone file

    chart = bar_chart("Filings by form", [("8-K", 31, "/search/?q=form:8-K"), ...], slug="form")
    {% include "filings/bar_chart.html" %}   (horizontal bars: long labels stay readable)
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.template.loader import render_to_string

# Okabe and Ito's palette, told apart by people with colour-vision deficiencies; each
# line also differs by marker and dash, so colour is never the only cue.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "4 4", "1 2", "10 4")
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "triangle-down", "plus")

MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 80, 24, 40, 48


@dataclass(frozen=True)
class Series:
    label: str
    # (x, y, note): x a date or a number, y a number; note is the point's <title> text
    # (its value and where it comes from), made from x and y when empty.
    points: list[tuple]


@dataclass
class Mark:
    x: float
    y: float
    title: str
    href: str = ""
    d: str = ""  # the marker's outline


def marker_path(shape: str, x: float, y: float, r: float = 4.5) -> str:
    """An SVG path of a marker centred on (x, y)."""
    if shape == "circle":
        return f"M{x - r:.2f},{y:.2f} a{r},{r} 0 1,0 {2 * r},0 a{r},{r} 0 1,0 {-2 * r},0 Z"
    if shape == "square":
        r *= 0.85
        return f"M{x - r:.2f},{y - r:.2f} h{2 * r:.2f} v{2 * r:.2f} h{-2 * r:.2f} Z"
    if shape == "triangle":
        return (
            f"M{x:.2f},{y - r:.2f} L{x + r:.2f},{y + r * 0.8:.2f} L{x - r:.2f},{y + r * 0.8:.2f} Z"
        )
    if shape == "triangle-down":
        return (
            f"M{x:.2f},{y + r:.2f} L{x + r:.2f},{y - r * 0.8:.2f} L{x - r:.2f},{y - r * 0.8:.2f} Z"
        )
    if shape == "diamond":
        return (
            f"M{x:.2f},{y - r:.2f} L{x + r:.2f},{y:.2f} L{x:.2f},{y + r:.2f} L{x - r:.2f},{y:.2f} Z"
        )
    w = r * 0.35  # cross and plus: a thick plus sign, the cross turned by 45 degrees
    if shape == "plus":
        return (
            f"M{x - w:.2f},{y - r:.2f} h{2 * w:.2f} v{r - w:.2f} h{r - w:.2f} v{2 * w:.2f} "
            f"h{w - r:.2f} v{r - w:.2f} h{-2 * w:.2f} v{w - r:.2f} h{w - r:.2f} v{-2 * w:.2f} "
            f"h{r - w:.2f} Z"
        )
    k = r * 0.7
    return (
        f"M{x - k:.2f},{y - k + w:.2f} L{x - k + w:.2f},{y - k:.2f} L{x:.2f},{y - w:.2f} "
        f"L{x + k - w:.2f},{y - k:.2f} L{x + k:.2f},{y - k + w:.2f} L{x + w:.2f},{y:.2f} "
        f"L{x + k:.2f},{y + k - w:.2f} L{x + k - w:.2f},{y + k:.2f} L{x:.2f},{y + w:.2f} "
        f"L{x - k + w:.2f},{y + k:.2f} L{x - k:.2f},{y + k - w:.2f} L{x - w:.2f},{y:.2f} Z"
    )


@dataclass
class DrawnSeries:
    label: str
    colour: str
    dash: str
    marker: str
    path: str
    marks: list[Mark]
    end_x: float
    end_y: float


@dataclass
class Tick:
    at: float
    label: str


@dataclass
class Chart:
    kind: str  # "line"
    title: str
    desc: str
    width: int
    height: int
    id: str = "chart"
    series: list[DrawnSeries] = field(default_factory=list)
    x_ticks: list[Tick] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    legend_y: float = 0
    plot_left: float = MARGIN_LEFT
    plot_right: float = 0
    plot_top: float = MARGIN_TOP
    plot_bottom: float = 0

    @property
    def legend(self) -> list[dict]:
        rows = []
        for i, s in enumerate(self.series):
            y = self.legend_y + 18 * i
            x = self.plot_left
            rows.append({"series": s, "y": y, "x": x, "marker": marker_path(s.marker, x + 12, y)})
        return rows


def number_text(value) -> str:
    """A number as the charts write it: grouped thousands, no trailing zeros."""
    if value is None:
        return ""
    value = Decimal(str(value)).normalize()
    if value == value.to_integral():
        value = value.quantize(Decimal(1))
    return f"{value:,f}"


def nice_step(span: float, ticks: int = 4) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about `ticks` intervals."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _ordinal(x) -> float:
    if isinstance(x, dt.datetime):
        return x.timestamp() / 86400
    if isinstance(x, dt.date):
        return float(x.toordinal())
    return float(x)


def _x_label(x, value: float, dates: bool) -> str:
    if dates:
        return dt.date.fromordinal(round(value)).isoformat()
    return number_text(round(value, 6))


def line_chart(
    title: str,
    series: list[Series],
    *,
    desc: str = "",
    width: int = 720,
    height: int = 280,
    chart_id: str = "chart",
    unit: str = "",
) -> Chart:
    """Lines through each series' points, on shared axes starting at zero."""
    drawn_series = [s for s in series if s.points]
    xs = [_ordinal(p[0]) for s in drawn_series for p in s.points]
    ys = [float(p[1]) for s in drawn_series for p in s.points]
    dates = any(isinstance(p[0], dt.date) for s in drawn_series for p in s.points)
    legend_rows = len(drawn_series)
    plot_bottom = height - MARGIN_BOTTOM
    total_height = height + 18 * legend_rows + (8 if legend_rows else 0)
    chart = Chart(
        kind="line",
        title=title,
        desc=desc or describe(title, drawn_series, unit),
        width=width,
        height=total_height,
        id=chart_id,
        plot_right=width - MARGIN_RIGHT - 150,
        plot_bottom=plot_bottom,
        legend_y=height + 4,
    )
    if not xs:
        return chart
    x0, x1 = min(xs), max(xs)
    if x0 == x1:
        x0, x1 = x0 - 1, x1 + 1
    top = max(ys) if max(ys) > 0 else 1.0
    step = nice_step(top)
    y_max = step * math.ceil(top / step)

    def sx(x: float) -> float:
        return round(
            chart.plot_left + (x - x0) / (x1 - x0) * (chart.plot_right - chart.plot_left), 2
        )

    def sy(y: float) -> float:
        return round(plot_bottom - max(y, 0) / y_max * (plot_bottom - MARGIN_TOP), 2)

    chart.y_ticks = [
        Tick(sy(step * i), number_text(Decimal(str(step)) * i))
        for i in range(int(round(y_max / step)) + 1)
    ]
    ticks = 4 if x1 - x0 >= 4 else 1
    chart.x_ticks = [
        Tick(sx(x0 + (x1 - x0) * i / ticks), _x_label(None, x0 + (x1 - x0) * i / ticks, dates))
        for i in range(ticks + 1)
    ]
    for i, s in enumerate(drawn_series):
        marks = []
        for point in sorted(s.points, key=lambda p: _ordinal(p[0])):
            x, y = point[0], point[1]
            note = point[2] if len(point) > 2 and point[2] else ""
            href = point[3] if len(point) > 3 else ""
            text = f"{s.label}, {_x_text(x)}: {number_text(y)}{' ' + unit if unit else ''}"
            mx, my = sx(_ordinal(x)), sy(float(y))
            title = f"{text}{' (' + note + ')' if note else ''}"
            marks.append(Mark(mx, my, title, href, marker_path(MARKERS[i % len(MARKERS)], mx, my)))
        path = " ".join(f"{'M' if j == 0 else 'L'}{m.x},{m.y}" for j, m in enumerate(marks))
        chart.series.append(
            DrawnSeries(
                label=s.label,
                colour=COLOURS[i % len(COLOURS)],
                dash=DASHES[i % len(DASHES)],
                marker=MARKERS[i % len(MARKERS)],
                path=path,
                marks=marks,
                end_x=marks[-1].x,
                end_y=marks[-1].y,
            )
        )
    return chart


def _x_text(x) -> str:
    return x.isoformat() if isinstance(x, dt.date) else number_text(x)


def describe(title: str, series: list[Series], unit: str) -> str:
    """The chart's <desc>: what each line does, in words."""
    if not series:
        return f"{title}: nothing to draw."
    parts = []
    for s in series:
        points = sorted(s.points, key=lambda p: _ordinal(p[0]))
        first, last = points[0], points[-1]
        parts.append(
            f"{s.label}: {len(points)} point{'s' if len(points) != 1 else ''}, "
            f"from {number_text(first[1])} on {_x_text(first[0])} "
            f"to {number_text(last[1])} on {_x_text(last[0])}"
        )
    return f"{title}. " + "; ".join(parts) + (f" ({unit})." if unit else ".")


def svg(chart: Chart) -> str:
    """The chart as a standalone SVG document."""
    return render_to_string("filings/chart.svg", {"chart": chart, "standalone": True})


# --- horizontal bars: one row per category, each bar a link --------------------------

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
