"""Output formats. Each reporter is a function of the result records and writes text.

To add a format, write ``reporters/<name>.py`` with ``render(results, rules) -> str``
and add it to ``FORMATS``.
"""

FORMATS = ("human", "json")


def render(name: str, results, rules, **options) -> str:
    if name == "json":
        from .json import render as json_render

        return json_render(results, rules)
    from .human import render as human_render

    return human_render(results, rules, **options)
