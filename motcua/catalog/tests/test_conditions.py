"""Document lines: required, conditional ("trường hợp …", "đối với …", "nếu …", a heading's case), optional
("nếu có") or a note that is not a document; measured against hand-labelled lines of the national catalogue."""

from collections import Counter
from pathlib import Path

import pytest

from motcua.catalog import conditions, portal_format
from motcua.catalog.conditions import CONDITIONAL, NOTE, OPTIONAL, REQUIRED, classify, classify_lines
from motcua.catalog.portal_tables import DocumentRow
from motcua.vntext.legacy import repair

from .document_sample import read

FIXTURES = Path(__file__).parent / "fixtures"


def row(name, group=""):
    return DocumentRow(name=name, form="", originals=1, copies=0, group=group)


@pytest.mark.parametrize(
    "name, group, kind, condition",
    [
        ("Tờ khai đăng ký khai sinh theo mẫu", "", REQUIRED, ""),
        ("Biên bản tổ chức đối thoại (nếu có)", "", OPTIONAL, ""),
        ("- Bản sao hợp đồng ủy quyền (nếu có thay đổi);", "", CONDITIONAL, "nếu có thay đổi"),
        (
            "- Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập.",
            "* Giấy tờ phải nộp:",
            CONDITIONAL,
            "Trường hợp trẻ em bị bỏ rơi",
        ),
        (
            "Văn bản ủy quyền (được chứng thực) trong trường hợp ủy quyền thực hiện việc đăng ký khai sinh.",
            "",
            CONDITIONAL,
            "trong trường hợp ủy quyền thực hiện việc đăng ký khai sinh",
        ),
        (
            "- Tờ khai đăng ký khai sinh theo mẫu (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp);",
            "",
            CONDITIONAL,
            "nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp",
        ),
        (
            "Đơn đề nghị cấp giấy phép xây dựng",
            "(1.5) Đối với công trình tượng đài, tranh hoành tráng:",
            CONDITIONAL,
            "Đối với công trình tượng đài, tranh hoành tráng",
        ),
        (
            "Văn bản ủy quyền cho cá nhân",
            "* Trường hợp ủy quyền thực hiện thủ tục:",
            CONDITIONAL,
            "Trường hợp ủy quyền thực hiện thủ tục",
        ),
        ("Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng", "", REQUIRED, ""),
        (
            "Bản sao có chứng thực (trường hợp nộp bản sao không có chứng thực thì mang theo bản chính để đối chiếu)",
            "",
            REQUIRED,
            "",
        ),
        (
            "- Người ủy quyền và người được ủy quyền thực hiện thủ tục đăng ký doanh nghiệp chịu trách nhiệm trước "
            "pháp "
            "luật về tính hợp pháp, trung thực và chính xác của việc ủy quyền.",
            "",
            NOTE,
            "",
        ),
        ("Số lượng hồ sơ: 01 (một) bộ.", "", NOTE, ""),
        ("+ Người tiếp nhận có trách nhiệm tiếp nhận đúng, đủ hồ sơ đăng ký hộ tịch", "* Lưu ý:", NOTE, ""),
        ("- Đối với giấy tờ gửi kèm theo nếu người yêu cầu nộp hồ sơ theo hình thức trực tuyến:", "", NOTE, ""),
        ("Trường hợp người yêu cầu đã nộp bản điện tử Giấy chứng sinh thì không phải nộp bản giấy.", "", NOTE, ""),
        # how the papers travel in a case is an instruction; a paper the case adds is a document
        (
            "Trường hợp nộp hồ sơ trực tuyến thì hộ chiếu phải gửi qua dịch vụ bưu chính công ích về cơ quan tiếp "
            "nhận.",
            "",
            NOTE,
            "",
        ),
        (
            "- Trường hợp gửi hồ sơ qua hệ thống bưu chính thì phải gửi kèm theo bản sao có chứng thực các giấy tờ "
            "phải xuất "
            "trình nêu trên.",
            "",
            CONDITIONAL,
            "Trường hợp gửi hồ sơ qua hệ thống bưu chính",
        ),
        # a case that picks the last of two issuers inside the document's name: the document is asked all the same
        (
            "+ Quyết định của Đại hội đồng cổ đông hoặc Hội đồng quản trị (trong trường hợp được Đại hội đồng cổ đông "
            "ủy "
            "quyền) thông qua phương án phát hành.",
            "",
            REQUIRED,
            "",
        ),
        # "nếu có" closes the document's name before its form's reference or the list of what proves it
        (
            "Bảng kê các đơn vị phụ thuộc mẫu số BK02-ĐK-TCT (nếu có) ban hành kèm theo Thông tư số 86/2024/TT-BTC",
            "",
            OPTIONAL,
            "",
        ),
        (
            "+ Nộp cho Biên phòng cửa khẩu: Danh sách thuyền viên theo mẫu, Danh sách hành khách (nếu có) theo mẫu",
            "",
            REQUIRED,
            "",
        ),
        (
            "- Bản sao giấy tờ chứng minh thuộc đối tượng được miễn, giảm tiền thuê nhà ở (nếu có) sau: (1) Trường hợp "
            "là "
            "người có công với cách mạng thì phải có giấy tờ chứng minh …",
            "",
            OPTIONAL,
            "Trường hợp là người có công với cách mạng",
        ),
        # the case in the last item of a long heading
        (
            "Bản sao giấy tờ pháp lý của cá nhân được ủy quyền",
            "Người có thẩm quyền ký văn bản đề nghị đăng ký doanh "
            "nghiệp có thể ủy quyền cho tổ chức, cá nhân khác theo quy định sau đây: - Trường hợp ủy quyền cho cá "
            "nhân:",
            CONDITIONAL,
            "Trường hợp ủy quyền cho cá nhân",
        ),
    ],
)
def test_one_line(name, group, kind, condition):
    reading = classify(name, group)
    assert (reading.kind, reading.condition) == (kind, condition)


def test_a_heading_that_names_one_of_several_dossiers_is_a_case():
    rows = [
        row("Danh sách thuyền viên", "Nhập cảnh"),
        row("Bản khai chung", "Nhập cảnh"),
        row("Danh sách thuyền viên", "Xuất cảnh"),
        row("Giấy phép rời cảng", "Xuất cảnh"),
    ]
    assert [(r.kind, r.condition) for r in classify_lines(rows)] == [(CONDITIONAL, "Nhập cảnh")] * 2 + [
        (CONDITIONAL, "Xuất cảnh")
    ] * 2
    # parts of every dossier are not cases, nor is a lone title beside "Trường hợp ủy quyền"
    parts = [row("Tờ khai", "* Giấy tờ phải nộp:"), row("Hộ chiếu", "* Giấy tờ phải xuất trình:")]
    assert {r.kind for r in classify_lines(parts)} == {REQUIRED}
    titled = [
        row("Đơn đề nghị", "Hồ sơ đề nghị cấp giấy phép gồm:"),
        row("Văn bản ủy quyền", "Trường hợp ủy quyền thực hiện thủ tục:"),
    ]
    assert [r.kind for r in classify_lines(titled)] == [REQUIRED, CONDITIONAL]


def test_a_case_heading_in_a_row_of_its_own_holds_for_the_rows_below_it():
    rows = [
        row("- Đơn đề nghị cấp giấy phép"),
        row("- Đối với các dự án đầu tư trong phạm vi bảo vệ của công trình thủy lợi, hồ sơ phải bổ sung:"),
        row("+ Bản sao quyết định phê duyệt dự án đầu tư"),
        row("+ Bản vẽ thiết kế kỹ thuật thi công"),
        row("- Sơ họa vị trí khu vực"),
    ]
    case = "Đối với các dự án đầu tư trong phạm vi bảo vệ của công trình thủy lợi"
    assert [(r.kind, r.condition) for r in classify_lines(rows)] == [
        (REQUIRED, ""),
        (NOTE, ""),
        (CONDITIONAL, case),
        (CONDITIONAL, case),
        (REQUIRED, ""),
    ]
    # the crawl's rows out of order: each heading holds until the next one
    rows = [
        row("+ Đối với hồ sơ đề nghị gia hạn tái cấp vốn"),
        row("Giấy đề nghị gia hạn vay tái cấp vốn"),
        row("+ Đối với hồ sơ đề nghị tái cấp vốn"),
        row("Giấy đề nghị vay tái cấp vốn"),
    ]
    assert [(r.kind, r.condition) for r in classify_lines(rows)] == [
        (NOTE, ""),
        (CONDITIONAL, "Đối với hồ sơ đề nghị gia hạn tái cấp vốn"),
        (NOTE, ""),
        (CONDITIONAL, "Đối với hồ sơ đề nghị tái cấp vốn"),
    ]
    # a rule about documents at large is not a case heading
    rows = [
        row("- Đối với giấy tờ gửi kèm theo nếu người yêu cầu nộp hồ sơ theo hình thức trực tuyến:"),
        row("- Tờ khai theo mẫu"),
    ]
    assert [r.kind for r in classify_lines(rows)] == [NOTE, REQUIRED]


def test_notes_are_kept_in_the_requirements_text():
    text = conditions.with_notes("Không", ["- Số lượng hồ sơ: 01 bộ.", "- Số lượng hồ sơ: 01 bộ.", ""])
    assert text == "Không\n\nLưu ý về thành phần hồ sơ:\n- Số lượng hồ sơ: 01 bộ."
    assert conditions.with_notes("", []) == ""


def parsed_lists(shared_data, codes):
    """The document rows of the sampled procedures, parsed as the importer parses them."""
    lists = {}
    for record in portal_format.iter_jsonl(shared_data / "tthc-national-portal" / "procedures.jsonl"):
        if record.get("ma_thu_tuc", "").strip() in codes:
            record = {key: repair(value) if isinstance(value, str) else value for key, value in record.items()}
            parsed = portal_format.parse_record(record)
            lists[parsed.code] = parsed.documents
    return lists


# Every sample was labelled by hand before the classifier ever ran on it (the commits record it), measured once, and
# the classifier was then changed for the errors it showed: all five are development data now, and only their first
# measurement estimates how the classifier does on lines it has never seen (docs/catalog.md). A new sample is
# measured once, before any change made for it; tuning on its errors ends its use as an estimate.
SAMPLES = {
    "document_lines_dev.csv": "seed 1003, 220 lines: built and tuned on it from the start",
    "document_lines_dev2.csv": "seed 2026, 200 lines: first held-out, blind 0.912 / 0.948",
    "document_lines_dev3.csv": "seed 4242, 170 lines: second held-out, blind 0.947 / 0.960",
    "document_lines_test.csv": "seed 7777, 160 lines: third held-out, blind 0.893 / 0.957",
    "document_lines_blind.csv": "seed 5151, 170 lines: fourth held-out, blind 0.904 / 0.930 (see below)",
}


@pytest.fixture(scope="module")
def sample_lists(shared_data):
    """The five samples' procedures, parsed in one pass over the crawl."""
    codes = {line["code"] for name in SAMPLES for line in read(FIXTURES / name)}
    return parsed_lists(shared_data, codes)


def measure(sample, lists):
    pairs = []
    for line in sample:
        rows = lists[line["code"]]
        got = classify_lines(rows)[line["position"]]
        assert rows[line["position"]].name == line["name"], "the catalogue's parse changed: relabel the sample"
        pairs.append((line["label"], got.kind))
    confusion = Counter(pairs)

    def precision_recall(kind):
        hit = confusion[(kind, kind)]
        said = sum(n for (_, got), n in confusion.items() if got == kind)
        truth = sum(n for (label, _), n in confusion.items() if label == kind)
        return hit / said if said else 1.0, hit / truth if truth else 1.0

    documents = [(label, got) for label, got in pairs if label != NOTE]
    return {
        "lines": len(pairs),
        "conditional": precision_recall(CONDITIONAL),
        "optional": precision_recall(OPTIONAL),
        "note": precision_recall(NOTE),
        "accuracy": sum(label == got for label, got in pairs) / len(pairs),
        "accuracy_3way": sum(label == got for label, got in documents) / len(documents),
        "confusion": dict(confusion),
    }


def report(name, figures):
    (cp, cr), (op, orr), (np_, nr) = figures["conditional"], figures["optional"], figures["note"]
    print(
        f"\n{name}: {figures['lines']} dòng; có điều kiện P={cp:.3f} R={cr:.3f}; nếu có P={op:.3f} R={orr:.3f}; "
        f"ghi chú P={np_:.3f} R={nr:.3f}; đúng {figures['accuracy']:.3f} (4 loại), "
        f"{figures['accuracy_3way']:.3f} (3 loại, trên các dòng là giấy tờ)"
    )
    kinds = (REQUIRED, CONDITIONAL, OPTIONAL, NOTE)
    print("nhãn \\ máy: " + " ".join(f"{kind:>11}" for kind in kinds))
    for label in kinds:
        print(f"{label:>11}: " + " ".join(f"{figures['confusion'].get((label, got), 0):>11}" for got in kinds))


@pytest.mark.parametrize("name", [name for name in SAMPLES if name != "document_lines_blind.csv"])
def test_development_samples_stay_right(sample_lists, name):
    """Conditional precision and recall at least 0.95 on each development sample (figures in docs/catalog.md).

    document_lines_test.csv: two of its lines now disagree with their labels because the classifier reads a case
    heading that sits in a row of its own above them (1.004427/9 under "- Đối với các dự án đầu tư trong phạm vi bảo
    vệ …, hồ sơ … phải bổ sung:", 1.012888/3 under "1. Đối với Ban quản trị được bầu … lần đầu thì hồ sơ … bao gồm:");
    the blind sample's labeller read such rows as headings, the test sample's did not."""
    sample = read(FIXTURES / name)
    assert len({line["code"] for line in sample}) == len(sample)
    figures = measure(sample, sample_lists)
    report(f"{name} ({SAMPLES[name]})", figures)
    precision, recall = figures["conditional"]
    assert precision >= 0.95 and recall >= 0.95, (name, figures)
    assert figures["accuracy_3way"] >= 0.9, (name, figures)


def test_blind_sample_is_development_data_now(sample_lists):
    """document_lines_blind.csv (seed 5151, 170 lines), labelled by hand by a different person and committed before
    the classifier ever ran on it, was measured once, BELOW the issue's 95 % target: conditional precision 66/73 =
    0.904, recall 66/71 = 0.930 (optional 2/3 and 2/3, accuracy over the four kinds 153/170 = 0.900). That is the
    sample's only independent figure. The classifier was then changed for the general patterns its errors showed
    (an instruction on how papers travel, a case heading in a row of its own, a case in the last item of a long
    heading, a case that picks one of two issuers, "nếu có" before ":" or a form's reference), so from then on the
    sample is development data like the other four: after the change 69/72 = 0.958 and 69/71 = 0.972 (optional 3/4
    and 3/3, accuracy 161/170 = 0.947), which say nothing about unseen lines."""
    sample = read(FIXTURES / "document_lines_blind.csv")
    assert len(sample) == 170 and len({line["code"] for line in sample}) == len(sample)
    figures = measure(sample, sample_lists)
    report(f"document_lines_blind.csv ({SAMPLES['document_lines_blind.csv']})", figures)
    precision, recall = figures["conditional"]
    assert precision >= 0.95 and recall >= 0.95, figures
    assert figures["accuracy_3way"] >= 0.9, figures


def test_fifth_blind_sample_measured_once_below_target(shared_data):
    """document_lines_blind2.csv (seed 8080, 200 lines), labelled by hand by a third person and committed before
    the classifier ever ran on it; measured once, after the classifier was changed for the fourth sample's errors
    and before any change made for this one. Conditional precision 53/61 = 0.869 and recall 53/62 = 0.855: BELOW the
    issue's 95 % target (pooled over the five blind runs, 900 lines: precision 331/365 = 0.907, recall 331/355 =
    0.932). This test keeps those floors so that the figure cannot silently get worse; it is the honest measure of
    how the rules do on lines they have never seen (docs/catalog.md). Do not tune on its errors without drawing a
    new blind sample."""
    sample = read(FIXTURES / "document_lines_blind2.csv")
    assert len(sample) == 200 and len({line["code"] for line in sample}) == len(sample)
    figures = measure(sample, parsed_lists(shared_data, {line["code"] for line in sample}))
    report("document_lines_blind2.csv (seed 8080, 200 lines, measured once, below target)", figures)
    precision, recall = figures["conditional"]
    assert precision >= 0.86 and recall >= 0.85, figures


def test_two_readers_of_the_fifth_sample_agree_about_as_well_as_the_target(shared_data):
    """How far 95 % is from what people do: document_lines_blind2_reader2.csv is the fifth sample's 200 lines
    labelled again, by a fourth person, from the line, its heading and its procedure's page only (neither the first
    reader's labels nor the classifier were seen). On "conditional" the two readers agree at 59/62 = 0.952 each way
    (0.955 over the four kinds): the issue's target is the agreement of two careful people. The classifier, never
    tuned on this sample, reads 0.885 / 0.871 against the second reader and 0.898 / 0.898 on the 191 lines both
    readers label alike: about five points under people, wherever the truth is taken from (docs/catalog.md)."""
    first = read(FIXTURES / "document_lines_blind2.csv")
    second = read(FIXTURES / "document_lines_blind2_reader2.csv")
    assert [(a["code"], a["position"], a["name"]) for a in first] == [
        (b["code"], b["position"], b["name"]) for b in second
    ]
    both = sum(a["label"] == b["label"] == CONDITIONAL for a, b in zip(first, second))
    said = [sum(line["label"] == CONDITIONAL for line in sample) for sample in (first, second)]
    assert (both, said) == (59, [62, 62])
    agreeing = [a for a, b in zip(first, second) if a["label"] == b["label"]]
    assert len(agreeing) == 191
    lists = parsed_lists(shared_data, {line["code"] for line in first})
    for name, sample in [("second reader", second), ("both readers alike", agreeing)]:
        figures = measure(sample, lists)
        report(f"document_lines_blind2 ({name})", figures)
        precision, recall = figures["conditional"]
        assert precision >= 0.88 and recall >= 0.87, (name, figures)


def test_samples_do_not_overlap():
    samples = [{line["code"] for line in read(FIXTURES / name)} for name in [*SAMPLES, "document_lines_blind2.csv"]]
    assert sum(map(len, samples)) == len(set().union(*samples))
