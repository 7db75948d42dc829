"""What a citizen does with the document lines of an online draft, in Chromium: a file where one is needed, "Không"
to each case asked; the tờ khai line has no file to give (the e-form is it) and "nếu có" lines are skipped."""


def give_documents(page, files) -> list[str]:
    """`files`: paths handed out in order to the lines that need one; returns the names of the lines given a file."""
    lines, given, files = page.locator(".doc-line"), [], list(files)
    for index in range(lines.count()):
        line = lines.nth(index)
        if line.locator("fieldset.applies").count():
            line.locator("input[type=radio][value=no]").check()
            continue
        chooser = line.locator("input[type=file]")
        if not chooser.count() or "(nếu có)" in line.inner_text():
            continue
        path = files.pop(0) if len(files) > 1 else files[0]
        chooser.set_input_files(str(path))
        line.locator(".upload-state", has_text=f"Đã tải lên: {path.name}").wait_for()
        given.append(line.locator("strong").first.inner_text())
    return given
