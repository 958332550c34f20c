"""One self-contained HTML page: the score, the checks, and the invitation itself with
each finding highlighted where it is and explained.

No scripts, no web fonts, no images, no links out except each rule's guidance
(http and https addresses only, checked when the rule is loaded), and a
Content-Security-Policy that forbids scripts and loading anything:
it opens offline, reads on a phone, and works with a screen reader (landmarks,
headings, a table with a caption, real text; colour is never the only signal,
and every colour pair meets WCAG AA contrast).
"""

from __future__ import annotations

from datetime import date
from html import escape

from .. import __version__
from ..measured import how_sure, often_wrong
from ..reply import READER_ALL_THERE
from ..wording import plural

STATUS_WORDS = {"pass": "Passed", "fail": "Failed", "not-applicable": "Does not apply"}

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 1.05rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
       color: #1b1b1b; background: #ffffff; }
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 1rem; }
header { border-bottom: 4px solid #005eb8; }
h1 { font-size: 1.6rem; margin: 0.2rem 0; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.5rem; overflow-wrap: anywhere; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
a { color: #004b93; }
a:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #ffffff; padding: 0.5rem; }
.score { font-size: 1.25rem; font-weight: 700; padding: 0.5rem 0.75rem; border-left: 8px solid #4c6272; background: #f0f4f5; }
.score.bad { border-color: #b10e1e; } .score.some { border-color: #8a5a00; } .score.good { border-color: #00703c; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.meta dt { font-weight: 700; } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 700; padding: 0.3rem 0; }
th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #b1b4b6; vertical-align: top; }
td.fail { color: #b10e1e; font-weight: 700; } td.pass { color: #00703c; } td.not-applicable { color: #4c6272; }
ol.findings li { margin-bottom: 0.8rem; }
.suggestion { display: block; color: #00703c; }
.sure { display: block; color: #4c6272; }
.quote { display: block; font-family: ui-monospace, Menlo, Consolas, monospace; background: #f0f4f5; padding: 0.2rem 0.4rem; overflow-wrap: anywhere; }
pre.invitation { white-space: pre-wrap; overflow-wrap: anywhere; font: 0.95rem/1.5 ui-monospace, Menlo, Consolas, monospace;
                 background: #f8f8f8; border: 1px solid #b1b4b6; padding: 0.75rem; }
mark { background: #ffe066; color: #000000; border-bottom: 2px solid #8a5a00; }
a.ref { font-size: 0.75em; vertical-align: super; margin: 0 0.1em; }
.error { color: #b10e1e; font-weight: 700; }
@media (max-width: 30rem) { body { font-size: 1rem; } dl.meta { grid-template-columns: 1fr; } th:nth-child(3), td:nth-child(3) { display: none; } }
"""


def _verdict_class(verdict: str) -> str:
    return {"Ready to send": "good", "Needs some work": "some"}.get(verdict, "bad")


def _sent(result) -> str:
    if not result.sent:
        return "unknown"
    day = date.fromisoformat(result.sent)
    return f"{day:%A} {day.day} {day:%B %Y}"


def _highlighted(text: str, marks: list[tuple[int, int, str, int]]) -> str:
    """The invitation's text with each finding marked, overlaps skipped (they are still listed)."""
    out, last = [], 0
    for start, end, anchor, number in sorted(marks):
        if start < last or end <= start:
            continue
        out.append(escape(text[last:start]))
        out.append(f'<mark id="m-{anchor}">{escape(text[start:end])}</mark>'
                   f'<a class="ref" href="#f-{anchor}" aria-label="Finding {number}">{number}</a>')
        last = end
    out.append(escape(text[last:]))
    return "".join(out)


def _quote(finding) -> str:
    a, b = finding.highlight
    text = finding.excerpt
    return f"{escape(text[:a])}<mark>{escape(text[a:b])}</mark>{escape(text[b:])}" if b > a else escape(text)


def _opening(index: int, result, error: str) -> tuple[list[str], bool]:
    """A file's article so far, and whether that is all of it (a file not read, or not scored)."""
    parts = [f'<article aria-labelledby="file-{index}">', f'<h2 id="file-{index}">{escape(result.path)}</h2>']
    if result.error:
        parts.append(f'<p class="error">{escape(error)}</p></article>')
    elif result.skipped:
        parts.append(f"<p>{escape(result.skipped_sentence)}</p></article>")
    return parts, bool(result.error or result.skipped)


def _file(index: int, result, rules_by_id: dict) -> str:
    parts, done = _opening(index, result, f"This file could not be checked: {result.error}")
    if done:
        return "\n".join(parts)
    parts.append(f'<p class="score {_verdict_class(result.verdict)}">Score {result.score} out of 100: {escape(result.verdict)}</p>')
    parts.append('<dl class="meta">')
    parts.append(f"<dt>From</dt><dd>{escape(result.sender)}</dd><dt>Sent</dt><dd>{escape(_sent(result))}</dd>")
    if result.subject:
        parts.append(f"<dt>Subject</dt><dd>{escape(result.subject)}</dd>")
    parts.append("</dl>")

    parts.append('<table><caption>The checks</caption><thead><tr><th scope="col">Result</th><th scope="col">Check</th>'
                 '<th scope="col">Severity</th><th scope="col">Points</th></tr></thead><tbody>')
    for check in result.checks:
        points = "–" if check.status == "not-applicable" else f"{check.weight if check.status == 'pass' else 0} of {check.weight}"
        parts.append(f'<tr><td class="{check.status}">{STATUS_WORDS[check.status]}</td><td>{escape(check.title)}</td>'
                     f"<td>{escape(check.severity)}</td><td>{points}</td></tr>")
    parts.append("</tbody></table>")

    findings = sorted(((c, f) for c in result.checks for f in c.findings), key=lambda cf: (cf[1].line, cf[1].column))
    marks = []
    if findings:
        parts.append(f'<h3 id="fix-{index}">What to fix</h3><ol class="findings">')
        for number, (check, finding) in enumerate(findings, 1):
            anchor = f"{index}-{number}"
            marks.append((finding.start, finding.end, anchor, number))
            rule = rules_by_id.get(check.rule)
            guidance = f' <a href="{escape(rule.source, quote=True)}">Why this matters</a>' if rule and rule.source else ""
            parts.append(
                f'<li id="f-{anchor}"><strong>{escape(check.title)}</strong> (line {finding.line}, '
                f'<a href="#m-{anchor}">show in the invitation</a>)'
                f'<span class="quote">{_quote(finding)}</span>{escape(finding.message)}'
                + (f'<span class="suggestion">Suggestion: {escape(finding.suggestion)}</span>' if finding.suggestion else "")
                + (f'<span class="sure">{escape(how_sure(check.measured))}</span>' if check.measured else "")
                + f"{guidance}</li>"
            )
        parts.append("</ol>")
    else:
        parts.append("<p>Nothing to fix.</p>")
    for check in result.checks:
        if check.evidence:
            parts.append(f"<p>Confirmed: {escape(check.evidence)}.</p>")
    if result.suppressed:
        parts.append(f"<p>{result.suppressed} finding(s) were turned off by comments in the file.</p>")
    for note in result.notes:
        parts.append(f"<p><em>Note: {escape(note)}</em></p>")

    doc = result.invitation
    if doc is not None:
        parts.append(f'<h3 id="text-{index}">The invitation, with each finding marked</h3>')
        parts.append(f'<pre class="invitation" tabindex="0" aria-labelledby="text-{index}">{_highlighted(doc.text, marks)}</pre>')
    parts.append("</article>")
    return "\n".join(parts)


def _reader_file(index: int, result, rules, template: dict) -> str:
    """The page for someone who received the invitation: plain words, what to ask, a reply; no rule ids or points."""
    from ..reply import reader_values

    parts, done = _opening(index, result, f"We could not read this file: {(result.error or '').split(': ', 1)[-1]}.")
    if done:
        return "\n".join(parts)
    sender = result.sender if result.sender != "(no sender given)" else "no sender given"
    parts.append(f'<dl class="meta"><dt>From</dt><dd>{escape(sender)}</dd><dt>Sent</dt><dd>{escape(_sent(result))}</dd>')
    if result.subject:
        parts.append(f"<dt>About</dt><dd>{escape(result.subject)}</dd>")
    parts.append("</dl>")
    values = reader_values(result, rules, template)
    if not values["points"]:
        parts.append(f"<p>{escape(READER_ALL_THERE)}</p>")
    else:
        parts.append(f'<h3 id="missing-{index}">What is missing or unclear</h3><ol class="findings">')
        marks = []
        findings = {check.rule: check.findings[0] for check in result.checks if check.status == "fail" and check.findings}
        measured = {check.rule: check.measured for check in result.checks}
        for number, point in enumerate(values["points"], 1):
            anchor = f"{index}-{number}"
            finding = findings.get(point["rule"])
            link = ""
            if finding is not None:
                marks.append((finding.start, finding.end, anchor, number))
                link = f' (<a href="#m-{anchor}">show in the invitation</a>)'
            warning = often_wrong(measured.get(point["rule"]))
            warning = f'<span class="sure">{escape(warning)}</span>' if warning else ""
            parts.append(f'<li id="f-{anchor}">{escape(point["says"])}{link}{warning}</li>')
        parts.append("</ol>")
        if values["asks"]:
            parts.append(f'<h3 id="ask-{index}">What you could ask them</h3><ul>')
            parts += [f"<li>{escape(ask)}</li>" for ask in values["asks"]]
            parts.append("</ul>")
        if values["reply"]:
            parts.append(f'<h3 id="reply-{index}">A reply you could send</h3>')
            parts.append(f'<pre class="invitation" tabindex="0" aria-labelledby="reply-{index}">{escape(values["reply"])}</pre>')
        if result.invitation is not None:
            parts.append(f'<h3 id="text-{index}">The invitation, with each problem marked</h3>')
            parts.append(f'<pre class="invitation" tabindex="0" aria-labelledby="text-{index}">{_highlighted(result.invitation.text, marks)}</pre>')
    parts.append("</article>")
    return "\n".join(parts)


def render(results, rules, reader: bool = False, **options) -> str:
    """The page for the team that wrote the invitation, or with `reader` for someone who received it."""
    rules_by_id = {rule.id: rule for rule in rules}
    checked = [r for r in results if not r.error and not r.skipped]
    summary = f"{plural(len(checked), 'file')} checked"
    if reader:
        from ..reply import load_template

        template = load_template()
        body = "\n".join(_reader_file(i, r, rules, template) for i, r in enumerate(results, 1))
    else:
        if checked:
            summary += f"; {sum(1 for r in checked if r.verdict == 'Ready to send')} ready to send"
        body = "\n".join(_file(i, r, rules_by_id) for i, r in enumerate(results, 1))
    return f"""<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="invitecheck {__version__}">
<title>Invitation check: {escape(results[0].path) if len(results) == 1 else summary}</title>
<style>{CSS}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<header><h1>Invitation check</h1><p>{escape(summary)}.</p></header>
<main id="main">
{body}
</main>
<footer><p>Made by invitecheck {__version__} on this computer. Nothing in this report was sent anywhere.</p></footer>
</body>
</html>
"""
