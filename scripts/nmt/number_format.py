"""Numbers in the reader's format: of the numbers that a human translation writes with a decimal or
thousands separator ("6.000", "3,2", "330 000"), the share that our translation writes the same way,
beside BLEU and chrF.

Usage: /usr/bin/python3 -m nmt.number_format REF_FILE HYP_FILE [TARGET_LANGUAGE]
Spaces inside a number count alike (" ", U+00A0, U+202F: French pages use all three); each
reference number is matched once. With TARGET_LANGUAGE, the share is also given for the reference
numbers written in that language's own convention (the French news references often write the
English "80,000" where French typography, and our output, write "80 000").
"""
import re
import sys

from .bleu import corpus_bleu, corpus_chrf
from .corpus import NUMBER

SPACES = re.compile("[\u00a0\u202f ]")
# group mark, decimal mark (spaces already made alike)
CONVENTIONS = {"en": (",", "."), "de": (".", ","), "fr": (" ", ",")}


def in_convention(number, lang):
    group, decimal = CONVENTIONS[lang]
    g, d = re.escape(group), re.escape(decimal)
    # a decimal with exactly three places reads as a thousand in the other convention: not counted
    return re.fullmatch(rf"\d{{1,3}}(?:{g}\d{{3}})+(?:{d}\d+)?|\d+{d}(?:\d{{1,2}}|\d{{4,}})", number) is not None


def separated_numbers(line):
    """The numbers of a line that are written with a separator, spaces made alike."""
    return [SPACES.sub(" ", n) for n in NUMBER.findall(line) if re.search(r"\D", n)]


def format_share(refs, hyps, lang=None):
    """(matched, total): reference numbers with separators (in `lang`'s convention, if given) that
    the hypothesis writes identically."""
    total = matched = 0
    for ref, hyp in zip(refs, hyps):
        left = [SPACES.sub(" ", n) for n in NUMBER.findall(hyp)]
        for n in separated_numbers(ref):
            if lang and not in_convention(n, lang):
                continue
            total += 1
            if n in left:
                left.remove(n)
                matched += 1
    return matched, total


def main(argv):
    if len(argv) not in (2, 3):
        raise SystemExit(__doc__.split("\n\n")[1])
    ref, hyp = ([line.rstrip("\n") for line in open(p, encoding="utf-8")] for p in argv[:2])
    if len(ref) != len(hyp):
        raise SystemExit(f"number_format: {len(ref)} references, {len(hyp)} translations")
    matched, total = format_share(ref, hyp)
    print(f"{len(ref)} lines: BLEU {corpus_bleu(hyp, ref)['score']:.2f}  chrF {corpus_chrf(hyp, ref):.1f}  "
          f"numbers in the reference's format {matched}/{total} = {100 * matched / max(total, 1):.1f} %", end="")
    if len(argv) == 3:
        m, t = format_share(ref, hyp, argv[2])
        print(f"  (those in the {argv[2]} convention: {m}/{t} = {100 * m / max(t, 1):.1f} %)", end="")
    print()


if __name__ == "__main__":
    main(sys.argv[1:])
