"""The SVG charts: valid, accessible, every bar and point with its tooltip, "không có dữ liệu" drawn as no bar,
a label too long for the drawing shortened with its full text kept."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from motcua.dashboard import charts

NS = {"svg": "http://www.w3.org/2000/svg"}
BLUE = charts.Series("Trước hạn, đúng hạn (2.1)", charts.BLUE)
TEAL = charts.Series("Nộp trực tuyến (3.3)", charts.TEAL)


def parse(svg):
    return ET.fromstring(str(svg))


def test_bars_are_accessible_and_say_no_data_without_a_bar():
    svg = parse(
        charts.bars(
            "Tỷ lệ đúng hạn theo cơ quan",
            [
                charts.Bar("Sở Tư pháp", [0.6364], ["63,64%"]),
                charts.Bar("Sở Xây dựng", [None], ["không có dữ liệu"]),
            ],
            [BLUE],
            target=0.5,
            target_label="Mục tiêu 50%",
        )
    )
    assert svg.get("role") == "img" and svg.get("aria-label") == "Tỷ lệ đúng hạn theo cơ quan"
    bars = svg.findall("svg:g", NS)
    assert [g.find("svg:title", NS).text for g in bars] == ["Sở Tư pháp: 63,64%", "Sở Xây dựng: không có dữ liệu"]
    assert [len(g.findall("svg:rect", NS)) for g in bars] == [2, 1]  # track + bar; track only
    filled = bars[0].findall("svg:rect", NS)[1]
    track = float(bars[0].findall("svg:rect", NS)[0].get("width"))
    assert float(filled.get("width")) == pytest.approx(0.6364 * track, abs=0.1)
    assert "Mục tiêu 50%" in [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]


def test_a_long_label_is_shortened_and_kept_whole_in_its_tooltip():
    name = "Ủy ban nhân dân phường Việt Trì, tỉnh Phú Thọ (sau sắp xếp đơn vị hành chính năm 2025)"
    svg = parse(charts.bars("Xếp hạng", [charts.Bar(name, [0.5], ["50,00%"])], [BLUE]))
    label = next(t for t in svg.iter("{http://www.w3.org/2000/svg}text") if t.find("svg:title", NS) is not None)
    assert label.find("svg:title", NS).text == name
    shown = "".join(label.itertext())[len(name) :]
    assert shown.endswith("…") and name.startswith(shown[:-1])
    assert charts.text_width(shown) <= charts.WIDTH


def test_two_series_get_a_legend_and_two_bars_each():
    svg = parse(charts.bars("Hai tỷ lệ", [charts.Bar("Sở Tư pháp", [0.6, 0.1], ["60,00%", "10,00%"])], [BLUE, TEAL]))
    texts = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert BLUE.name in texts and TEAL.name in texts
    assert len(svg.findall("svg:g", NS)) == 2


def test_a_month_without_data_breaks_the_line():
    months = [dt.date(2026, m, 1) for m in range(1, 6)]
    svg = parse(
        charts.lines("Theo tháng", months, [[0.5, 0.6, None, 0.7, 0.8]], [BLUE], [[f"T{m}" for m in range(1, 6)]])
    )
    assert len(svg.findall("svg:polyline", NS)) == 2
    assert [c.find("svg:title", NS).text for c in svg.findall("svg:circle", NS)] == ["T1", "T2", "T4", "T5"]
    labels = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert [t for t in labels if t and t.startswith("T") and len(t) <= 3] == ["T1", "T2", "T3", "T4", "T5"]
    assert "2026" in labels and "100%" in labels and "0%" in labels


def test_text_is_escaped():
    svg = charts.bars("A & B", [charts.Bar("<Sở>", [0.1], ["10%"])], [BLUE])
    assert "&lt;Sở&gt;" in svg and parse(svg).get("aria-label") == "A & B"
