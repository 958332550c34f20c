"""Rule kinds: each module checks one shape of rule and yields findings.

Every kind module has:

- ``CONTRACT``: a :class:`~invitecheck.kinds.base.Contract`: a one-line doc,
  its options (types, default, doc), the ``{placeholders}`` its messages may
  use and the scopes it honours. The rule loader checks rule files against it,
  and ``explain`` and the README's kind table are written from it;
- ``prepare(options)``: compile what it needs once, when the rule is loaded
  (raise ``RuleError`` for a bad value);
- ``check(rule, invitation, context) -> Outcome``: pass, fail or not applicable,
  with findings. ``context.spans`` are the parts of the text the rule's scope
  covers, worked out by the engine: a kind that honours scope reads only those.

To add a kind, write the module and add one line to ``KINDS``.
"""

from . import (
    acronyms, attachments, conditional, consistency, fact, forbid, instant, metric, notice,
    readability, require, sender, swap,
)

KINDS = {
    # Data only: a rule of these kinds is all YAML.
    "forbid": forbid,
    "require": require,
    "swap": swap,
    "conditional": conditional,
    "fact": fact,  # a judgement over the invitation's facts
    "metric": metric,
    # With code of their own, configured by options in the YAML.
    "sender": sender,
    "notice": notice,
    "attachments": attachments,
    "instant": instant,
    "readability": readability,
    "consistency": consistency,
    "acronyms": acronyms,
}
