"""Rule kinds: each module checks one shape of rule and yields findings.

Every kind module has:

- ``FIELDS``: its own rule fields, ``name -> (types, required, default)``;
- ``prepare(options)``: compile what it needs once, when the rule is loaded
  (raise ``RuleError`` for a bad value);
- ``check(rule, invitation, context) -> Outcome``: pass, fail or not applicable,
  with findings.

To add a kind, write the module and add one line to ``KINDS``.
"""

from . import (
    acronyms, attachments, conditional, consistency, fact, forbid, instant, notice,
    readability, require, sender, swap,
)

KINDS = {
    # Data only: a rule of these kinds is all YAML.
    "forbid": forbid,
    "require": require,
    "swap": swap,
    "conditional": conditional,
    "fact": fact,  # a judgement over the invitation's facts
    # With code of their own, configured by options in the YAML.
    "sender": sender,
    "notice": notice,
    "attachments": attachments,
    "instant": instant,
    "readability": readability,
    "consistency": consistency,
    "acronyms": acronyms,
}
