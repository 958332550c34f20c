"""Rule kinds: each module checks one shape of rule and yields findings.

Every kind module has:

- ``FIELDS``: its own rule fields, ``name -> (types, required, default)``;
- ``prepare(options)``: compile what it needs once, when the rule is loaded
  (raise ``RuleError`` for a bad value);
- ``check(rule, invitation, context) -> Outcome``: pass, fail or not applicable,
  with findings.

To add a kind, write the module and add one line to ``KINDS``.
"""

from . import attachments, conditional, forbid, notice, require, sender, swap

KINDS = {
    "forbid": forbid,
    "require": require,
    "swap": swap,
    "conditional": conditional,
    "sender": sender,
    "notice": notice,
    "attachments": attachments,
}
