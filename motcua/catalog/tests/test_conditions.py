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


@pytest.mark.parametrize("name, group, kind, condition", [
    ("Tờ khai đăng ký khai sinh theo mẫu", "", REQUIRED, ""),
    ("Biên bản tổ chức đối thoại (nếu có)", "", OPTIONAL, ""),
    ("- Bản sao hợp đồng ủy quyền (nếu có thay đổi);", "", CONDITIONAL, "nếu có thay đổi"),
    ("- Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập.",
     "* Giấy tờ phải nộp:", CONDITIONAL, "Trường hợp trẻ em bị bỏ rơi"),
    ("Văn bản ủy quyền (được chứng thực) trong trường hợp ủy quyền thực hiện việc đăng ký khai sinh.", "",
     CONDITIONAL, "trong trường hợp ủy quyền thực hiện việc đăng ký khai sinh"),
    ("- Tờ khai đăng ký khai sinh theo mẫu (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp);",
     "", CONDITIONAL, "nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp"),
    ("Đơn đề nghị cấp giấy phép xây dựng", "(1.5) Đối với công trình tượng đài, tranh hoành tráng:", CONDITIONAL,
     "Đối với công trình tượng đài, tranh hoành tráng"),
    ("Văn bản ủy quyền cho cá nhân", "* Trường hợp ủy quyền thực hiện thủ tục:", CONDITIONAL,
     "Trường hợp ủy quyền thực hiện thủ tục"),
    ("Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng", "", REQUIRED, ""),
    ("Bản sao có chứng thực (trường hợp nộp bản sao không có chứng thực thì mang theo bản chính để đối chiếu)", "",
     REQUIRED, ""),
    ("- Người ủy quyền và người được ủy quyền thực hiện thủ tục đăng ký doanh nghiệp chịu trách nhiệm trước pháp "
     "luật về tính hợp pháp, trung thực và chính xác của việc ủy quyền.", "", NOTE, ""),
    ("Số lượng hồ sơ: 01 (một) bộ.", "", NOTE, ""),
    ("+ Người tiếp nhận có trách nhiệm tiếp nhận đúng, đủ hồ sơ đăng ký hộ tịch", "* Lưu ý:", NOTE, ""),
    ("- Đối với giấy tờ gửi kèm theo nếu người yêu cầu nộp hồ sơ theo hình thức trực tuyến:", "", NOTE, ""),
    ("Trường hợp người yêu cầu đã nộp bản điện tử Giấy chứng sinh thì không phải nộp bản giấy.", "", NOTE, ""),
])
def test_one_line(name, group, kind, condition):
    reading = classify(name, group)
    assert (reading.kind, reading.condition) == (kind, condition)


def test_a_heading_that_names_one_of_several_dossiers_is_a_case():
    rows = [row("Danh sách thuyền viên", "Nhập cảnh"), row("Bản khai chung", "Nhập cảnh"),
            row("Danh sách thuyền viên", "Xuất cảnh"), row("Giấy phép rời cảng", "Xuất cảnh")]
    assert [(r.kind, r.condition) for r in classify_lines(rows)] == [(CONDITIONAL, "Nhập cảnh")] * 2 + [
        (CONDITIONAL, "Xuất cảnh")] * 2
    # parts of every dossier are not cases, nor is a lone title beside "Trường hợp ủy quyền"
    parts = [row("Tờ khai", "* Giấy tờ phải nộp:"), row("Hộ chiếu", "* Giấy tờ phải xuất trình:")]
    assert {r.kind for r in classify_lines(parts)} == {REQUIRED}
    titled = [row("Đơn đề nghị", "Hồ sơ đề nghị cấp giấy phép gồm:"),
              row("Văn bản ủy quyền", "Trường hợp ủy quyền thực hiện thủ tục:")]
    assert [r.kind for r in classify_lines(titled)] == [REQUIRED, CONDITIONAL]


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
    print(f"\n{name}: {figures['lines']} dòng; có điều kiện P={cp:.3f} R={cr:.3f}; nếu có P={op:.3f} R={orr:.3f}; "
          f"ghi chú P={np_:.3f} R={nr:.3f}; đúng {figures['accuracy']:.3f} (4 loại), "
          f"{figures['accuracy_3way']:.3f} (3 loại, trên các dòng là giấy tờ)")


def test_held_out_sample_precision_and_recall_of_conditional_lines(shared_data):
    """document_lines_test.csv: lines labelled by hand before the classifier ran on them (see its commit). Its blind
    run gave 0.893 / 0.957; the classifier was changed after reading the errors, so this is no longer blind."""
    sample = read(FIXTURES / "document_lines_test.csv")
    assert len(sample) >= 150 and len({line["code"] for line in sample}) == len(sample)
    figures = measure(sample, parsed_lists(shared_data, {line["code"] for line in sample}))
    report("Mẫu kiểm tra", figures)
    precision, recall = figures["conditional"]
    assert precision >= 0.95 and recall >= 0.95, figures
    assert figures["accuracy_3way"] >= 0.9, figures


def test_blind_sample_measured_once(shared_data):
    """document_lines_blind.csv (seed 5151, 170 lines): labelled by hand and committed before the classifier ever ran
    on it, then measured once; the classifier was not changed after. The blind figure is BELOW the issue's 95 %
    target: conditional precision 66/73 = 0.904, recall 66/71 = 0.930 (optional 2/3 and 2/3, accuracy over the four
    kinds 153/170 = 0.900). The floors asserted are those measured, rounded down, so that a later change to the
    classifier cannot quietly lose ground on unseen lines; they are not a claim that the target is met. Tuning the
    classifier on this sample's errors would end its use as a blind estimate: draw a new sample instead."""
    sample = read(FIXTURES / "document_lines_blind.csv")
    assert len(sample) == 170 and len({line["code"] for line in sample}) == len(sample)
    figures = measure(sample, parsed_lists(shared_data, {line["code"] for line in sample}))
    report("Mẫu mù (seed 5151)", figures)
    kinds = (REQUIRED, CONDITIONAL, OPTIONAL, NOTE)
    print("nhãn \\ máy: " + " ".join(f"{kind:>11}" for kind in kinds))
    for label in kinds:
        print(f"{label:>11}: " + " ".join(f"{figures['confusion'].get((label, got), 0):>11}" for got in kinds))
    precision, recall = figures["conditional"]
    assert precision >= 0.90 and recall >= 0.92, figures


def test_development_samples_stay_right(shared_data):
    for name in ("document_lines_dev.csv", "document_lines_dev2.csv", "document_lines_dev3.csv"):
        sample = read(FIXTURES / name)
        figures = measure(sample, parsed_lists(shared_data, {line["code"] for line in sample}))
        report(name, figures)
        precision, recall = figures["conditional"]
        assert precision >= 0.95 and recall >= 0.95, (name, figures)


def test_samples_do_not_overlap():
    samples = [{line["code"] for line in read(FIXTURES / f"document_lines_{name}.csv")}
               for name in ("dev", "dev2", "dev3", "test", "blind")]
    assert sum(map(len, samples)) == len(set().union(*samples))
