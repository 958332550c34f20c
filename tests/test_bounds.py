"""The red team's small hostile files (issue 14, Hangs and Memory): each is checked or
refused in bounded time and memory.

The bounds are generous multiples: every shape here took from a minute to many
minutes (or gigabytes) before, and now takes well under a second; the exact
figures are in benchmarks/run.py --hostile-only.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

import hostile_shapes as shapes

ROOT = Path(__file__).resolve().parent.parent
SECONDS = 15  # each shape below is well under a second on an idle machine; quadratic, it took minutes


def _write(folder: Path, shape) -> Path:
    name, data = shape
    path = folder / name
    path.write_bytes(data)
    return path


def _timed(run, *args):
    started = time.perf_counter()
    out = run(*args)
    return out, time.perf_counter() - started


@pytest.mark.parametrize("builder", [shapes.html_anchors, shapes.html_email_anchors, shapes.html_form_blanks],
                         ids=["html-draft", "html-email", "form-blanks"])
def test_html_with_20000_unclosed_tags_is_read_in_seconds(run, tmp_path, builder):
    path = _write(tmp_path, builder(20_000))
    out, seconds = _timed(run, "check", path, "--force", "--format", "json")
    assert seconds < SECONDS
    assert out.exit_code in (0, 1) and "checks" in out.json["results"][0]


@pytest.mark.parametrize("builder", [shapes.no_spaces, shapes.token], ids=["chinese", "token"])
def test_100_kb_without_spaces_is_checked_in_seconds(run, tmp_path, builder):
    path = _write(tmp_path, builder(100_000))
    out, seconds = _timed(run, "check", path, "--force", "--format", "json")
    assert seconds < SECONDS
    assert out.check(path.name, "plain-english")["status"] == "fail"  # it was measured, not skipped


@pytest.mark.parametrize("motif", [" ", "\n", " \n", "\t ", ", ", "a-", "a.b-", "'a", "1 ", "> ", "\u60a3"])
def test_long_runs_of_one_shape_are_checked_in_seconds(run, tmp_path, motif):
    """Each motif made a bundled pattern rescan the rest of the run from every position."""
    path = _write(tmp_path, shapes.pumped(motif, 100_000))
    out, seconds = _timed(run, "check", path, "--force", "--format", "json", "--sent", "2024-02-01")
    assert seconds < SECONDS
    assert out.exit_code in (0, 1) and out.result(path.name)["checks"]


# A long text of one thing found thousands of times: the work for each one looked at every other, or at all
# the text before or after it, so 400 KB took over a minute. (rule, its status, words its findings must hold)
MANY_OF_ONE_THING = {
    "dates": (shapes.many_dates, "dates-consistent", "pass", ""),  # 12 May 2027 is a Wednesday: nothing wrong
    "promises-below": (shapes.many_promises, "attachments-present", "fail", "nothing below it looks like a form"),
    "promises-above": (shapes.many_promises_above, "attachments-present", "fail", "but nothing above it looks like a form"),
    "demands-tomorrow": (shapes.many_demands, "reply-time-realistic", "fail", ""),
}


@pytest.mark.parametrize("builder, rule, status, words", MANY_OF_ONE_THING.values(), ids=MANY_OF_ONE_THING.keys())
def test_thousands_of_one_thing_are_checked_in_seconds(run, tmp_path, builder, rule, status, words):
    path = _write(tmp_path, builder(400_000))
    out, seconds = _timed(run, "check", path, "--force", "--format", "json", "--sent", "2027-01-01", "--max-text", "400000")
    assert seconds < SECONDS
    check = out.check(path.name, rule)
    assert check["status"] == status and words in json.dumps(check)


def test_unterminated_suppressions_are_read_in_seconds(run, tmp_path):
    path = _write(tmp_path, shapes.unterminated_suppressions(400_000))
    out, seconds = _timed(run, "check", path, "--force", "--format", "json")
    assert seconds < SECONDS
    assert out.exit_code in (0, 1)


def test_thousands_of_suppressions_are_capped_with_a_warning(run, draft):
    path = draft("Subject: Join\n\n" + "<!-- invitecheck-disable respectful-wording -->\n<!-- invitecheck-enable other -->\n" * 20_000, name="many.md")
    out, seconds = _timed(run, "check", path, "--force", "--format", "json")
    assert seconds < SECONDS
    warnings = out.result("many.md")["warnings"]
    assert any("Only the first 200 suppressions are used" in w["message"] for w in warnings)
    assert len(warnings) < 250


@pytest.mark.parametrize("builder", [shapes.digits_date_header, shapes.digits_date_draft], ids=["email", "draft"])
def test_a_date_of_a_million_digits_is_refused_quickly_and_quoted_short(run, tmp_path, builder):
    path = _write(tmp_path, builder(1_000_000))
    out, seconds = _timed(run, "check", path, "--force", "--format", "json")
    assert seconds < SECONDS
    result = out.result(path.name)
    said = result.get("error") or " ".join(result["notes"])
    assert "is not a" in said and "1" * 59 + "…'" in said and "1" * 61 not in said


def test_a_docx_of_3_million_empty_paragraphs_is_refused_in_seconds(run, tmp_path):
    path = _write(tmp_path, shapes.docx_empty_paragraphs(3_000_000))
    assert path.stat().st_size < 400_000
    out, seconds = _timed(run, "check", path, "--force", "--format", "json")
    assert seconds < SECONDS
    assert out.exit_code == 2
    assert "could not be read as a Word document (its part word/document.xml unpacks to 17 MB, more than the 10 MB limit)" in out.result(path.name)["error"]


def test_a_long_docx_is_read_up_to_its_paragraph_limit_with_a_note(run, tmp_path):
    path = _write(tmp_path, shapes.docx_empty_paragraphs(1_000_000))
    out, seconds = _timed(run, "check", path, "--force", "--format", "json")
    assert seconds < SECONDS * 2
    assert "Only the first 20,000 paragraphs of the Word document were read." in out.result(path.name)["notes"]


def test_an_ordinary_docx_is_still_read(run, tmp_path):
    path = tmp_path / "draft.docx"
    path.write_bytes(shapes.docx_text(["Subject: Join our panel", "", "Please reply by 29 March 2024.", "Helen Mbeki"]))
    out = run("check", path, "--force", "--format", "json", "--sent", "2024-03-04")
    assert out.result("draft.docx")["subject"] == "Join our panel"


def _peak_megabytes(function) -> float:
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1] / (1024 * 1024)
    finally:
        tracemalloc.stop()


def test_a_word_zip_bomb_is_refused_before_it_is_inflated(run, tmp_path):
    bomb = _write(tmp_path, shapes.docx_bomb(1000))  # 1 GB inflated, about 1 MB of zip
    draft = tmp_path / "draft.txt"
    draft.write_text("Subject: Join\n\nPlease fill in the attached application form.\n")
    outs = {}

    def everything():
        outs["check"] = run("check", bomb, "--force", "--format", "json")
        outs["attach"] = run("check", draft, "--attach", bomb, "--force", "--format", "json")

    peak = _peak_megabytes(everything)
    assert peak < 100  # it took 8 GB
    assert "unpacks to 1,000 MB, more than the 10 MB limit" in outs["check"].result("bomb.docx")["error"]
    assert outs["attach"].check("draft.txt", "attachments-present")["status"] == "fail"  # attached, but not readable as the form


def test_a_zip_bomb_attached_to_an_email_is_not_inflated(tmp_path):
    from invitecheck.loaders.documents import extract_text

    _, bomb = shapes.docx_bomb(1000)
    peak = _peak_megabytes(lambda: extract_text("form.docx", "", bomb))
    assert peak < 100
    assert extract_text("form.docx", "", bomb) is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_pipes_and_devices_are_refused_without_reading_them(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    os.mkfifo(folder / "x.eml")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "good.txt").write_bytes(shapes.ORDINARY)
    (tmp_path / "named.txt").symlink_to("/dev/zero")
    command = [sys.executable, "-m", "invitecheck", "check", str(folder), str(folder / "x.eml"), str(tmp_path / "named.txt"),
               "--force", "--format", "json"]
    out = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=ROOT)  # it blocked for ever
    assert out.returncode == 2
    results = {Path(r["path"]).name: r for r in json.loads(out.stdout)["results"]}
    assert results["x.eml"]["error"].endswith("x.eml: is not an ordinary file (it is a device, a pipe or a socket), so it is not read")
    # Inside a folder, a link out of it is never followed; named on the command line, it is read only if ordinary.
    assert "zero.txt: is a link to a file outside" in results["zero.txt"]["error"]
    assert "named.txt: is not an ordinary file" in results["named.txt"]["error"]
    assert "checks" in results["good.txt"]  # the others are still checked
    audit = subprocess.run([sys.executable, "-m", "invitecheck", "audit", str(folder), "--all", "--format", "json", "--jobs", "1"],
                           capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert "is not an ordinary file" in audit.stdout + audit.stderr


def test_standard_input_is_read_no_further_than_the_limit(tmp_path):
    with open("/dev/zero", "rb") as zero:
        out = subprocess.run([sys.executable, "-m", "invitecheck", "check", "-", "--max-file-size", "1"],
                             stdin=zero, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert out.returncode == 2 and "more than the 1 MB limit" in out.stdout + out.stderr


def test_one_long_line_in_an_mbox_is_never_held_whole(run, tmp_path):
    mbox = tmp_path / "inbox.mbox"
    shapes.write_mbox_long_line(mbox, megabytes=200)
    from invitecheck.sources import iter_mbox

    items = []
    peak = _peak_megabytes(lambda: items.extend(iter_mbox(mbox, max_bytes=1024 * 1024)))
    assert peak < 20  # the whole line was 2.1 GB for a 1 GB line
    assert [bool(item.error) for item in items] == [False, True, False]
    assert "larger than the 1 MB limit" in items[1].error
    assert items[2].data.endswith(b"The last message.\n")


def test_headerless_mime_parts_count_against_max_parts(run, tmp_path):
    path = _write(tmp_path, shapes.headerless_parts(3_200_000))  # 22 MB
    out, seconds = _timed(run, "check", path, "--force", "--format", "json")
    assert seconds < SECONDS * 2  # it took 114 s and 1.4 GB
    assert "the email has 3200000 MIME parts, more than the limit of 1000" in out.result(path.name)["error"]


def test_an_ordinary_multipart_email_is_not_counted_twice():
    from invitecheck.loaders.email import count_parts

    data = (shapes.HEADERS + b'Content-Type: multipart/alternative; boundary="=_b1"\n\n--=_b1\nContent-Type: text/plain\n\nHi\n'
            b"--=_b1\nContent-Type: text/html\n\n<p>Hi</p>\n--=_b1--\n")
    assert count_parts(data) == 3  # the multipart and its two parts


def test_findings_are_capped_with_a_note(run, tmp_path):
    path = _write(tmp_path, shapes.many_findings(10_000))
    out, seconds = _timed(run, "check", path, "--force", "--format", "json")
    assert seconds < SECONDS
    check = out.check(path.name, "no-placeholders")
    assert check["status"] == "fail" and len(check["findings"]) == 25
    assert "Rule 'no-placeholders' found 10,000 problems; only the first 25 are listed." in out.result(path.name)["notes"]
    assert sum(len(c["findings"]) for c in out.result(path.name)["checks"]) <= 200
