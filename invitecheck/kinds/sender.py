"""sender: a person who sent the invitation is named, so the reader knows whom to ask.

Passes when any of these names a person:

- the display name in ``From`` (not a role, team, organisation or mailbox);
- the sign-off ("Kind regards,\\nHelen Mbeki\\nPatient Experience Manager");
- a named contact in the text ("please contact Sam Patel on …", "talk to **Sam Patel**",
  "contact our Involvement Officer, Sam Patel, on …",
  "my name is Helen", "hi, it's Dawn from the surgery");
- a person named beside their role, as a page names whoever runs it ("Our Youth Participation Lead is
  Tamsin Oyelaran", "tell our practice manager, Denise Okafor", "Lucy, our youth involvement worker, will
  reply"), but not one quoted in a news item ("our clinical lead, Dr Sunil Varma, said").

Otherwise it fails, quoting what it found. Never not applicable.
"""

from __future__ import annotations

import re

from .. import programs
from ..letters import LETTER, LOWER, UPPER
from ..document import EMAIL_RE, VALEDICTION_RE, Invitation
from ..facts import structure
from ..prefilter import with_lead
from ..vocabulary import fragment, words
from .base import FAIL, PASS, Context, Contract, Option, Finding, Outcome, format_message, scope_start

CONTRACT = Contract(
    doc="Fails when no person is named in the From line, the sign-off or as a contact.",
    options={"role_words": Option((list,), "extra words that mark a name as a role or a team, such as your team's name", default=[])},
    placeholders=("match", "sender", "last_lines"),
    scopes=("all",),  # it reads the From line and the sign-off together
)



def prepare(options):
    return {str(word).lower() for word in options.get("role_words") or []}


ROLE_WORDS = words("sender_role_words")

NOT_NAME_WORDS = words("not_name_words")

TITLES = programs.compile(rf"^{fragment('person_title')}\.?\s+", re.I)
PRONOUNS = programs.compile(r"\s*[(\[](?:she|he|they|ze)/[a-z/]+[)\]]\s*|\s*\((?:she|he|they)\)", re.I)
POSTNOMINALS = programs.compile(rf"(?:[\s,]+(?:[A-Z]{{2,5}}|(?!Ma?c[A-Z])[A-Z][a-z]{{1,3}}[A-Z][A-Za-z]{{0,3}}|{fragment('postnominal')}))+$")
# Capital and small letters are the `regex` module's \p{Lu}, \p{Ll} and \p{L}, spelled out for `re` (letters.py).
NAME_TOKEN = programs.compile(rf"^(?:[{UPPER}][{LOWER}{UPPER}'’\-]*|[{UPPER}]\.?|{fragment('name_particle')}\.?)$")

_NAMED_CONTACT = (
    rf"(?i:\b(?:(?P<self>{fragment('self_introduction')})|(?P<its>{fragment('its_me')})|{fragment('contact_verb')}|{fragment('named_by')})\b)[ \t]*:?[ \t]+"
    # "contact our Involvement Officer, Femi Adeyemi, on …": the role before the name is passed over
    rf"(?:(?i:our|the|your)[ \t]+(?:[\w-]+[ \t]+){{0,3}}?(?i:{fragment('contact_role')}),?[ \t]+)?"
    r"(?:\*\*|\*|__|_)?"  # "Talk to **Sam Adeyinka**": a name in bold is still a name
    rf"(?P<name>(?:(?i:{fragment('person_title')})\.?[ \t]+)?[{UPPER}][{LETTER}'’\-]+(?:[ \t]+[{UPPER}][{LETTER}'’\-]+){{0,2}})"
    r"(?P<after>[^\n]{0,30})"
)


NAMED_CONTACT_RE = programs.compile(with_lead(_NAMED_CONTACT))  # the lead ignores case where the verbs do

# "Hi, it's Dawn from Brookfield Surgery": a first name that introduces the writer.
HERE_FROM_RE = programs.compile(r"\s+(?:from|here|at)\b", re.I)
# "Hi, it's Joanne Pike, practice manager": a name followed by the writer's job introduces the writer too.
JOB_AFTER_RE = programs.compile(r",[ \t]*(?:the[ \t]+|our[ \t]+|your[ \t]+)?((?:[\w'’-]+[ \t]+){0,3}[\w'’-]+)\b", re.I)
# "Hi Sue it's Kam.": "it's <name>" straight after a greeting on the same line introduces the writer
# ("Hi, it's Easter next week" is no name: the name must end its sentence or clause)
NAME_ENDS_RE = programs.compile(r"[ \t]*(?:[.!,;]|$)")
GREETING_BEFORE_RE = programs.compile(rf"^[ \t]*(?:{fragment('greeting_word')})\b[^.!?\n]{{0,30}}$", re.I)


def _introduces(after: str, role_words: set[str]) -> bool:
    """After "it's <name>": "from the surgery", "here", or the writer's job ("…, practice manager")."""
    if HERE_FROM_RE.match(after):
        return True
    job = JOB_AFTER_RE.match(after)
    return job is not None and any(word.lower() in role_words for word in job.group(1).split())


# "contact Helen on 0113 …": a first name alone is enough when a way to reach them follows.
CONTACT_DETAIL_RE = programs.compile(r"\d{3}|@")
# "Kevin Lavery, chief executive of the ICB, said:" introduces a quotation; it is not a sign-off.
QUOTATION_RE = programs.compile(rf"\b{fragment('quotation_verb')}\s*[:,]?\s*[\"“']?[^\n]{{0,3}}$", re.I)
BLANK_LINE_RE = programs.compile(r"\n[ \t]*\n")
SPLIT_RE = programs.compile(r"\s*(?:,|\||–|—| - |•|·|\t)\s*")


def _role_words(rule, doc: Invitation) -> set[str]:
    """The bundled role words, this rule's, and any the configuration gave (the facts use the same)."""
    return ROLE_WORDS | rule.compiled | doc.role_words


# A name is in the first NAME_WINDOW characters of a line or display name. The bound
# is a window: the patterns below backtrack over runs of blanks and commas, and a
# name never runs that long (is_person_name refuses anything over 60).
NAME_WINDOW = 200

# Compiled from the start-up cache, as the module's other patterns are.
BRACKETED_RE = programs.compile(r"\s*\((?![^)]*/)[^)]*\)\s*")  # "(NHS Leeds)", not "(she/her)"
ON_BEHALF_RE = programs.compile(r"\s+(?:via|on behalf of|obo|at|from)\s+", re.I)
LAST_FIRST_RE = programs.compile(r"([\w'’-]+),\s*([\w'’.-]+(?:\s+[\w'’.-]+)?)")
ADDRESS_PARTS_RE = programs.compile(r"[._]")
FROM_ORGANISATION_RE = programs.compile(r"\s(?:from|at|@|\||-|–)\s")  # "Helen from Healthwatch"
MAILBOX_PARTS_RE = programs.compile(r"[._+-]")  # "patient.voice" in patient.voice@…


KISSES_RE = programs.compile(r"[ \t]+x{1,3}$")


def _name_part(text: str) -> str:
    """The part of a display name or sign-off line that could be a name."""
    text = text[:NAME_WINDOW].strip().strip("\"'“”‘’ *_")  # "*Farid Halloway, Pharmacist*": a name in italics or bold
    text = KISSES_RE.sub("", text)  # "Nkechi x", "Jade xx": the name, and a kiss after it
    if text.isupper() and len(text) > 3:  # "HELEN MBEKI"
        text = text.title()
    text = PRONOUNS.sub(" ", text)
    text = BRACKETED_RE.sub(" ", text).strip()  # "(NHS Leeds)"
    text = ON_BEHALF_RE.split(text, maxsplit=1)[0]
    last_first = LAST_FIRST_RE.fullmatch(text)
    if last_first:  # "Mbeki, Helen" as Outlook shows it
        text = f"{last_first.group(2)} {last_first.group(1)}"
    return " ".join(SPLIT_RE.split(text)[0].split())


def _sign_off_line(line: str, min_tokens: int, role_words: set[str]) -> bool:
    """Could this line be the name on a sign-off (not a quotation's 'X, chief executive, said:')?"""
    return not QUOTATION_RE.search(line) and is_person_name(line, min_tokens, role_words)


def clean_name(text: str) -> str:
    """The name itself: 'Dr Helen Mbeki MBE (she/her), Patient Experience' -> 'Dr Helen Mbeki'."""
    return " ".join(POSTNOMINALS.sub("", _name_part(text)).split())


def is_person_name(text: str, min_tokens: int = 2, role_words: set[str] = ROLE_WORDS) -> bool:
    """Does this look like a person's name, not a role, a team or an organisation?"""
    part = _name_part(text)
    if any(word.lower().strip(".,()'’") in role_words for word in part.split()):
        return False  # before dropping post-nominals, which would drop "ICB" as if it were "MBE"
    text = " ".join(POSTNOMINALS.sub("", part).split())
    if not text or any(ch.isdigit() for ch in text) or "@" in text or len(text) > 60:
        return False
    had_title = bool(TITLES.match(text))
    text = TITLES.sub("", text)
    tokens = text.split()
    if not 1 <= len(tokens) <= 4:
        return False
    if len(tokens) < min_tokens and not (had_title and tokens):
        return False
    for token in tokens:
        word = token.lower().strip(".'’")
        initial = len(word) == 1 and token[0].isupper()  # "A." in "Dr A. Khan", not the article "a"
        if not initial and (word in role_words or word.rstrip("s") in role_words or word in NOT_NAME_WORDS):
            return False
        if not NAME_TOKEN.match(token):
            return False
    # A name has at least one real word, not only initials.
    return any(len(t.strip(".")) > 1 for t in tokens)


def _address_name(address: str, role_words: set[str]) -> str:
    """'helen.mbeki@nhs.net' -> 'Helen Mbeki'; role mailboxes give ''."""
    local = address.split("@", 1)[0]
    parts = [p for p in ADDRESS_PARTS_RE.split(local) if p]
    # "keziah.marlow-price@…": a double-barrelled surname keeps its hyphen
    if len(parts) != 2 or not all(p.replace("-", "").isalpha() and len(p) > 1 for p in parts):
        return ""
    name = " ".join("-".join(piece.capitalize() for piece in p.split("-")) for p in parts)
    return name if is_person_name(name, 2, role_words) else ""


def _initial_address_name(text: str, address: re.Match, start: int, role_words: set[str]) -> tuple[str, int]:
    """'t.nowicki@…' and "Tomasz Nowicki" written just before it: (the name, where it is written), or ('', -1)."""
    parts = [p for p in ADDRESS_PARTS_RE.split(address.group(0).split("@", 1)[0]) if p]
    if len(parts) != 2 or len(parts[0]) != 1 or not parts[0].isalpha() or len(parts[1]) < 2 or not parts[1].isalpha():
        return "", -1
    written = re.compile(rf"\b{parts[0].upper()}[{LOWER}'’-]+[ \t]+{parts[1].capitalize()}\b")
    found = None
    for found in written.finditer(text, max(start, address.start() - NAME_WINDOW), address.start()):
        pass  # the last one before the address
    if found is None or not is_person_name(found.group(0), 2, role_words):
        return "", -1
    return found.group(0), found.start()


def _sign_off_name(doc: Invitation, role_words: set[str]) -> str:
    sig = doc.signature
    text = doc.text[sig.start : sig.end]
    first = VALEDICTION_RE.match(text)
    lines = text.split("\n")
    if first:
        rest = first.group("rest").strip(" ,.-")
        if rest and is_person_name(rest, 1, role_words):
            return clean_name(rest)
        candidates = [line for line in lines[1:] if line.strip()][:3]
        for line in candidates:
            if _sign_off_line(line, 1, role_words):
                return clean_name(line)
        return ""
    # No valediction: a full name on a line of its own near the end, or the
    # sender's own first name as the last line ("From: Jo" … "Jo").
    own = [line for line in lines if line.strip()]
    for line in own[-6:]:
        if _sign_off_line(line, 2, role_words):
            return clean_name(line)
    first_name = _name_part(doc.sender_name).split()[:1]
    if own and first_name and own[-1].strip(" .,") == first_name[0] and is_person_name(first_name[0], 1, role_words):
        return first_name[0]
    return ""


# A text message signs off at the end of its last sentence: "… tell the chair. Thanks, Gail Ferris
# (practice manager)", wrapped or not.
CLOSING_RE = re.compile(
    r"[.!?][ \t]+(?:many[ \t]+|kind[ \t]+)?(?:thanks|thank[ \t]+you|regards|best[ \t]+wishes|cheers)[ \t]*[,!.]?[ \t]*\n?[ \t]*"
    r"(?P<rest>[^\n]{1,60}(?:\n[^\n]{1,40})?)\Z",
    re.I,
)
CLOSING_WINDOW = 160


def _closing_name(doc: Invitation, role_words: set[str]) -> str:
    """The name after a thank-you that ends the sender's own last sentence, as a text message signs."""
    end = own_end(doc)
    tail = doc.text[max(doc.body.start, end - CLOSING_WINDOW) : end].rstrip()
    match = CLOSING_RE.search(tail)
    if match is None:
        return ""
    lines = match["rest"].split("\n")
    for candidate in (" ".join(lines), lines[0]):
        if _sign_off_line(candidate, 1, role_words):
            return clean_name(candidate)
    return ""


def _after_greeting(doc: Invitation, position: int) -> bool:
    """The words before `position` on its line are a greeting: "Hi Sue it's Kam", "Hello, it's Kam"."""
    line = doc.line_span(position)
    return GREETING_BEFORE_RE.match(doc.text[line.start : position]) is not None


def _named_contact(doc: Invitation, role_words: set[str]) -> str:
    for match in NAMED_CONTACT_RE.finditer(doc.text, doc.body.start, own_end(doc)):
        name = match["name"]
        if name.isupper():
            continue  # "Text STOP to 07700 …", "email YES": a word to send, not a name
        words = name.split()
        single_ok = (bool(match["self"]) or bool(CONTACT_DETAIL_RE.search(match["after"]))
                     or (bool(match["its"]) and (_introduces(match["after"], role_words)
                                               or (NAME_ENDS_RE.match(match["after"]) is not None and _after_greeting(doc, match.start())))))
        if match["its"] and not single_ok:
            continue  # "it's Monday", "it's Healthwatch": only "it's Dawn from the PPG" introduces a person
        # Trim trailing words that are not part of a name ("Sam Patel On").
        while len(words) > 1 and not is_person_name(" ".join(words), 1, role_words):
            words.pop()
        candidate = " ".join(words)
        if is_person_name(candidate, 1 if single_ok else 2, role_words):
            return candidate
    return ""


# "our practice manager, Denise Okafor, …", "Our Youth Participation Lead is Tamsin Oyelaran", "Lucy, our youth
# involvement worker, will …": a page names the person behind it by their role. The role word is searched
# for first (it is rarer than "our" or "the"); the words around it are read after.
CONTACT_ROLE_RE = programs.compile(rf"\b(?:{fragment('contact_role')})s?\b", re.I)
OWNER_BEFORE_RE = programs.compile(r"\b(?:our|the|your)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
NAME_AFTER_ROLE_RE = programs.compile(
    rf"(?:,[ \t]*|[ \t]+(?i:is)[ \t]+)(?:\*\*|\*|__|_)?"
    rf"(?P<name>(?:(?i:{fragment('person_title')})\.?[ \t]+)?[{UPPER}][{LETTER}'’\-]+(?:[ \t]+[{UPPER}][{LETTER}'’\-]+){{1,2}})"
    r"(?P<after>[^\n]{0,30})"
)
NAME_BEFORE_ROLE_RE = programs.compile(rf"(?<![{LETTER}'’-])(?P<name>[{UPPER}][{LOWER}'’\-]+),[ \t]+(?i:our|your)\s+(?:[\w'’-]+\s+){{0,3}}$")
QUOTED_AFTER_RE = programs.compile(rf"^[ \t]*,?[ \t]*(?:{fragment('quotation_verb')})\b", re.I)
# '"…," said our clinic manager, Rhys Evans': the quotation verb comes before the role
QUOTED_BEFORE_RE = programs.compile(rf"\b(?:{fragment('quotation_verb')})\s+(?:our|the|your)\s+(?:[\w'’-]+\s+){{0,3}}$", re.I)
ROLE_CONTEXT = 60  # characters read either side of the role word


def _named_by_role(doc: Invitation, role_words: set[str]) -> str:
    """A person named beside their role, as a page names whoever runs it; not one quoted in a news item."""
    start, end = doc.body.start, own_end(doc)
    for match in CONTACT_ROLE_RE.finditer(doc.text, start, end):
        before = doc.text[max(start, match.start() - ROLE_CONTEXT) : match.start()]
        if OWNER_BEFORE_RE.search(before) and not QUOTED_BEFORE_RE.search(before):
            named = NAME_AFTER_ROLE_RE.match(doc.text, match.end(), min(end, match.end() + ROLE_CONTEXT + 40))
            if named and not QUOTED_AFTER_RE.match(named["after"]):
                words = named["name"].split()
                while len(words) > 2 and not is_person_name(" ".join(words), 2, role_words):
                    words.pop()  # "Tamsin Oyelaran Email": trailing words that are not part of the name
                if is_person_name(" ".join(words), 2, role_words):
                    return " ".join(words)
        first = NAME_BEFORE_ROLE_RE.search(before)
        if first and is_person_name(first["name"], 1, role_words) and not _after_greeting(doc, match.start() - len(before) + first.start()):
            return first["name"]
    return ""


def _name_with_own_address(doc: Invitation, role_words: set[str]) -> str:
    """A full name written out beside the person's own address: "Priya Chandrasekar, Patient Partnership
    Manager, at priya.chandrasekar@…" or a web page's contact box. The address alone is no name: a
    mailbox such as "involvement.team@" is not a person."""
    # In the sender's own words: not a forwarder's note, nor the "To: Sam Jones <sam@…>" of a forwarded header
    start, end = structure.region(doc).start, own_end(doc)
    for match in EMAIL_RE.finditer(doc.text, start, end):
        name = _address_name(match.group(0), role_words)
        if name:
            written = doc.text.find(name, start, end)
        else:  # "t.nowicki@…" beside "Dr Tomasz Nowicki": an initial and the surname
            name, written = _initial_address_name(doc.text, match, start, role_words)
        if written == -1:
            continue
        between = doc.text[min(written, match.start()) : max(written, match.start())]
        if len(between) <= 2 * NAME_WINDOW and not BLANK_LINE_RE.search(between):  # in the same paragraph or box
            return name
    return ""


def own_end(doc: Invitation) -> int:
    """Where the sender's own words end: before a quoted message or a disclaimer."""
    return structure.region(doc).end


def sender_of(doc: Invitation) -> tuple[str, str]:
    """(display name, address) of whoever sent the invitation: for a forward, who sent what was forwarded."""
    found = structure.sender(doc)
    return found.name, found.address


def _shared_mailbox(address: str, role_words: set[str]) -> bool:
    """'info@…', 'hello@…', 'enquiries@…': a mailbox many share, so the name shown with it ("Breathe Together
    Leeds") may be the organisation's; a person must be named in the text too, unless the name plainly is
    one ("Helen from Healthwatch", "Dr Osei")."""
    local = address.split("@", 1)[0].lower()
    parts = [p for p in MAILBOX_PARTS_RE.split(local) if p]
    return bool(parts) and all(p in role_words for p in parts)


def _find_person(doc: Invitation, role_words: set[str]) -> tuple[str, str]:
    """(name, where it was found) for the person who sent it, or ('', '')."""
    sender_name, sender_address = sender_of(doc)
    # "Helen from Healthwatch": a first name is enough when the rest names the organisation.
    from_minimum = 1 if FROM_ORGANISATION_RE.search(sender_name) else 2
    # "Breathe Together Leeds <info@…>": a shared mailbox's name may be the organisation's
    doubtful = _shared_mailbox(sender_address, role_words) and from_minimum == 2 and not TITLES.match(sender_name.strip())
    if sender_name and is_person_name(sender_name, from_minimum, role_words) and not doubtful:
        return clean_name(sender_name), "From"
    if not sender_name and sender_address:
        name = _address_name(sender_address, role_words)
        if name:
            return name, "From address"
    for finder, where in ((_sign_off_name, "sign-off"), (_closing_name, "sign-off"), (_named_contact, "named contact"), (_name_with_own_address, "named contact"), (_named_by_role, "named contact")):
        name = finder(doc, role_words)
        if name:
            return name, where
    return "", ""


def person_name(doc: Invitation, role_words: set[str] = ROLE_WORDS) -> str:
    """The name of the person who sent it, where one can be found; else ''."""
    return find_person(doc, role_words)[0]


def find_person(doc: Invitation, role_words: set[str] = ROLE_WORDS) -> tuple[str, str]:
    """_find_person, worked out once per invitation and set of role words."""
    return doc.memo(("person", frozenset(role_words)), lambda: _find_person(doc, role_words))


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    name, where = find_person(doc, _role_words(rule, doc))
    if name:
        return Outcome(PASS, note=f"{where}: {name}")

    name, address = sender_of(doc)  # for a forward, who sent what was forwarded
    shown = name.strip() or address or "(no From line)"
    sig = doc.signature
    # The sender's own words end before a quoted message or a disclaimer.
    own_words = doc.text[doc.body.start : own_end(doc)].strip().split("\n")
    last = " / ".join([line.strip() for line in own_words if any(ch.isalnum() for ch in line)][-3:])
    if len(last) > 120:  # the last 120 characters, from the start of a word: "…takes about 20 minutes", not "h takes about"
        cut = last[-120:]
        last = "…" + (cut.split(" ", 1)[1] if " " in cut[:-1] and not last[-121].isspace() else cut.lstrip())
    message = format_message(rule.message, match=shown, sender=shown, last_lines=last or "(nothing)")
    span = structure.sender(doc).span  # for a forward, the forwarded From line
    if span:
        start, end = span.start, span.end
    else:
        start = scope_start(doc, [sig]) if sig else doc.body.start
        end = doc.line_span(start).end
    return Outcome(FAIL, [Finding(start, end, message, rule.suggestion)])
