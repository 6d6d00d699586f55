"""The chart module: lines and bars at the right places, readable without colour, and an
SVG with no script or style that escapes what it is given."""

import datetime as dt
import re
from xml.etree import ElementTree

from django.template.loader import render_to_string

from filings import charts

SVG = "{http://www.w3.org/2000/svg}"


def points(svg_text: str) -> list[tuple[float, float]]:
    return [
        (float(x), float(y))
        for x, y in re.findall(r'class="point"[^>]*data-x="([\d.]+)" data-y="([\d.]+)"', svg_text)
    ]


def test_line_points_are_placed_by_date_and_value_from_zero():
    chart = charts.line_chart(
        "Holdings",
        [
            charts.Series(
                "Common Stock (direct)",
                [
                    (dt.date(2024, 1, 1), 0),
                    (dt.date(2024, 1, 11), 500),
                    (dt.date(2024, 1, 21), 1000),
                ],
            )
        ],
        width=720,
        height=280,
    )
    svg = charts.svg(chart)
    ElementTree.fromstring(svg.split("?>", 1)[1])  # well-formed
    left, right = chart.plot_left, chart.plot_right
    bottom, top = chart.plot_bottom, charts.MARGIN_TOP
    assert points(svg) == [
        (left, bottom),
        ((left + right) / 2, (bottom + top) / 2),
        (right, top),
    ]
    assert [t.label for t in chart.y_ticks] == ["0", "250", "500", "750", "1,000"]
    assert chart.x_ticks[0].label == "2024-01-01" and chart.x_ticks[-1].label == "2024-01-21"


def test_each_line_differs_by_more_than_colour_and_is_labelled():
    series = [
        charts.Series(f"Holding {i}", [(dt.date(2024, 1, 1 + i), 10 * (i + 1))]) for i in range(3)
    ]
    chart = charts.line_chart("Three holdings", series)
    assert len({s.marker for s in chart.series}) == 3
    assert len({s.dash for s in chart.series}) == 3
    svg = charts.svg(chart)
    root = ElementTree.fromstring(svg.split("?>", 1)[1])
    assert root.find(f"{SVG}title").text == "Three holdings"
    assert "Holding 0: 1 point, from 10 on 2024-01-01" in root.find(f"{SVG}desc").text
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert labels.count("Holding 2") == 2  # at the line's end and in the legend
    assert root.get("role") == "img" and root.get("aria-labelledby")


def test_no_script_no_style_and_labels_are_escaped():
    chart = charts.line_chart(
        'A <script>alert(1)</script> & "quote"',
        [charts.Series("<b>x</b>", [(dt.date(2024, 1, 1), 5)])],
    )
    svg = charts.svg(chart)
    assert "<script" not in svg and "<style" not in svg and " style=" not in svg
    assert "&lt;script&gt;" in svg and "&lt;b&gt;x&lt;/b&gt;" in svg
    ElementTree.fromstring(svg.split("?>", 1)[1])


def test_bars_have_widths_in_proportion_values_as_text_and_links():
    chart = charts.bar_chart(
        "Filings by year",
        [("2023", 10, "/search/?q=year:2023"), ("2024", 40, "/search/?q=year:2024"), ("x", 0, "")],
        slug="year",
    )
    low, high, none = chart.bars
    assert high.width == charts.PLOT  # the largest value is the longest bar
    assert low.width == round(charts.PLOT / 4) and none.width == 0
    assert low.y < high.y < none.y  # one row each, in the order given
    assert chart.description == "3 bars, 50 filings in all; the largest is 2024 with 40."
    html = render_to_string("filings/bar_chart.html", {"chart": chart})
    assert '<a href="/search/?q=year:2024" class="bar" data-label="2024" data-value="40">' in html
    assert '<text x="526" y="39" class="bar-number">40</text>' in html  # the number, as text
    assert "<script" not in html and "<style" not in html and " style=" not in html
    assert "<td>" in html  # the same numbers as a table


def test_a_long_bar_label_is_cut_on_the_bar_and_whole_in_its_tooltip():
    label = "7370 SERVICES-COMPUTER PROGRAMMING, DATA PROCESSING"
    chart = charts.bar_chart("By SIC", [(label, 3, "/x")], slug="sic")
    assert chart.bars[0].short_label == "7370 SERVICES-COMPUTER PR…"
    html = render_to_string("filings/bar_chart.html", {"chart": chart})
    assert f"<title>{label}: 3" in html


def test_an_empty_chart_says_so():
    chart = charts.line_chart("Nothing", [])
    assert chart.series == [] and "nothing to draw" in chart.desc
    assert "<svg" in charts.svg(chart)


def test_nice_steps():
    assert charts.nice_step(1000) == 250
    assert charts.nice_step(9136) == 2500
    assert charts.nice_step(0.7) == 0.2
