"""Output formats. Each reporter is a function of the result records and the rules.

To add a format, write ``reporters/<name>.py`` with ``render(results, rules) -> str``
and add it to ``FORMATS``.
"""

from importlib import import_module

FORMATS = ("human", "json", "sarif", "github", "line", "html")


def render(name: str, results, rules, **options) -> str:
    module = import_module(f".{name}", __name__)
    return module.render(results, rules, **options)
