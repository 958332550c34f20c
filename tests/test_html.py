"""The HTML report: self-contained, accessible, and rendered for real in headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from conftest import EXAMPLES

from invitecheck.reporters import html as html_reporter


@pytest.fixture
def report(run, tmp_path):
    target = tmp_path / "report.html"
    out = run("check", EXAMPLES / "champion.eml", EXAMPLES / "good-panel-invitation.eml", "--format", "html", "-o", target)
    assert out.exit_code == 1
    return target


def test_page_is_self_contained_and_structured(report):
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and '<html lang="en-GB">' in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "<script" not in page and "<link" not in page and "@import" not in page and "url(" not in page
    assert not re.search(r'src="https?://', page)
    for landmark in ("<header>", '<main id="main">', "<footer>"):
        assert landmark in page
    assert page.count("<h1>") == 1
    assert re.findall(r'<h2 id="file-\d">([^<]+)</h2>', page) == [str(EXAMPLES / "champion.eml"), str(EXAMPLES / "good-panel-invitation.eml")]
    assert "<caption>The checks</caption>" in page and '<th scope="col">Result</th>' in page
    assert "Score 20 out of 100: Not ready to send" in page and "Score 100 out of 100: Ready to send" in page


def test_findings_are_marked_in_the_invitation_and_linked_both_ways(report):
    page = report.read_text(encoding="utf-8")
    marks = re.findall(r'<mark id="m-1-(\d+)">([^<]*)</mark>', page)
    assert ("3", "Patient Champion") in marks or any(text == "Patient Champion" for _, text in marks)
    assert any(text == "Sunday" for _, text in marks)
    for number, _ in marks:
        assert f'id="f-1-{number}"' in page and f'href="#m-1-{number}"' in page
    assert "Nothing to fix." in page  # the good invitation


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_colours_meet_wcag_aa_contrast():
    css = html_reporter.CSS
    pairs = [("#1b1b1b", "#ffffff"), ("#004b93", "#ffffff"), ("#b10e1e", "#ffffff"), ("#00703c", "#ffffff"),
             ("#4c6272", "#ffffff"), ("#000000", "#ffe066"), ("#1b1b1b", "#f0f4f5"), ("#1b1b1b", "#f8f8f8")]
    for foreground, background in pairs:
        assert foreground in css and background in css
        assert _contrast(foreground, background) >= 4.5, (foreground, background)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_renders_in_headless_chromium_on_a_phone_sized_screen(report, tmp_path):
    profile = tmp_path / "profile"
    shot = tmp_path / "phone.png"
    subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--window-size=412,915", f"--screenshot={shot}", report.as_uri()],
                   capture_output=True, timeout=120)
    assert shot.is_file() and shot.stat().st_size > 10_000
    assert shot.read_bytes().startswith(b"\x89PNG")
    dom = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", report.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    assert "<h1>Invitation check</h1>" in dom
    assert len(re.findall(r"<h2 ", dom)) == 2
    assert len(re.findall(r'<mark id="m-', dom)) >= 5
