"""Numbers and web / e-mail addresses as the JS API finds them, for the training corpus.

The owner of these patterns is web/translator/verbatim.js (what the widget keeps or checks on a
page); this module reads them from there, so the corpus filter, the number augmentation and the
numbers-kept measure look for the same text as the runtime does. tests/scripts/
test_verbatim_patterns.py runs both on the same lines and compares what they find.
"""
import os
import re

VERBATIM_JS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "web", "translator", "verbatim.js")
_CONSTANT = re.compile(r"^export const (\w+) = String\.raw`([^`]*)`;", re.M)


def js_to_python(pattern):
    """A JS regex source (flag u) -> the same regex for Python's re: under u, JS's \\w and \\d are
    ASCII (Python's are Unicode) and \\/ is a plain slash."""
    out, in_class, i = [], False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            e = pattern[i + 1]
            ascii_class = {"w": "A-Za-z0-9_", "d": "0-9"}.get(e)
            if ascii_class:
                out.append(ascii_class if in_class else f"[{ascii_class}]")
            else:
                out.append("/" if e == "/" else c + e)
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class:
            in_class = False
        out.append(c)
        i += 1
    return "".join(out)


def _read(path=VERBATIM_JS):
    with open(path, encoding="utf-8") as f:
        return dict(_CONSTANT.findall(f.read()))


_SOURCES = _read()
# "1,299.50", "3,5", "10 000": a number with its thousands groups and decimals.
NUMBER = re.compile(js_to_python(_SOURCES["NUMBER"]))
# An e-mail or web address, without a trailing full stop or bracket.
ADDRESS = re.compile(js_to_python(_SOURCES["ADDRESS"]))
