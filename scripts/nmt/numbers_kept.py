"""How well translations keep the numbers of their sources, beside BLEU and chrF.

Usage: /usr/bin/python3 -m nmt.numbers_kept SRC_FILE REF_FILE HYP_FILE
Prints BLEU, chrF and the share of the sources' numbers found in the hypotheses (and, as the
ceiling, in the references). Numbers are compared by their digits, as nmt.corpus filters training
pairs: "1,000.5" and "1.000,5" are the same number, "40" and "400" are not.
"""
import sys

from .bleu import corpus_bleu, corpus_chrf
from .corpus import number_digits as numbers


def kept_share(sources, translations):
    """Share of the sources' numbers that their translations contain (each use counted once)."""
    total = kept = 0
    for src, out in zip(sources, translations):
        left = numbers(out)
        for n in numbers(src):
            total += 1
            if n in left:
                left.remove(n)
                kept += 1
    return kept / total if total else 1.0


def main(argv):
    if len(argv) != 3:
        raise SystemExit(__doc__.split("\n\n")[1])
    src, ref, hyp = ([line.rstrip("\n") for line in open(p, encoding="utf-8")] for p in argv)
    if not len(src) == len(ref) == len(hyp):
        raise SystemExit(f"numbers_kept: {len(src)} sources, {len(ref)} references, {len(hyp)} translations")
    print(f"{len(src)} lines: BLEU {corpus_bleu(hyp, ref)['score']:.2f}  chrF {corpus_chrf(hyp, ref):.1f}  "
          f"numbers kept {100 * kept_share(src, hyp):.1f} % (reference {100 * kept_share(src, ref):.1f} %)")


if __name__ == "__main__":
    main(sys.argv[1:])
