"""How well confidence separates good from bad translations: reads lines of
PART<TAB>CONFIDENCE<TAB>HYPOTHESIS<TAB>REFERENCE and prints, per confidence threshold, the share of
sentences flagged (confidence below it) and the chrF of flagged vs unflagged sentences (corpus chrF
of each group, and the mean sentence chrF), then the figures at the widget's threshold.
Usage: python3 -m nmt.confidence_curve ROWS.tsv THRESHOLD"""
import sys

from nmt.bleu import corpus_chrf


def groups(rows, threshold):
    flagged = [r for r in rows if r[1] < threshold]
    kept = [r for r in rows if r[1] >= threshold]
    return flagged, kept


def describe(rows):
    if not rows:
        return "     -      -"
    corpus = corpus_chrf([r[2] for r in rows], [r[3] for r in rows])
    mean = sum(r[4] for r in rows) / len(rows)
    return f"{corpus:6.1f} {mean:6.1f}"


def main():
    path, threshold = sys.argv[1], float(sys.argv[2])
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            part, conf, hyp, ref = line.rstrip("\n").split("\t")
            if conf == "null":  # no model output (an interface word from the glossary)
                continue
            rows.append((part, float(conf), hyp, ref, corpus_chrf([hyp], [ref])))
    print(f"{len(rows)} scored dev lines; chrF as corpus / mean sentence")
    print("threshold  flagged   chrF flagged    chrF unflagged")
    for t in [0.3, 0.33, 0.35, 0.37, 0.4, 0.45, 0.5, 0.6]:
        flagged, kept = groups(rows, t)
        print(f"{t:9.2f}  {100 * len(flagged) / len(rows):6.1f}%  {describe(flagged)}   {describe(kept)}")
    print(f"\nat the widget's threshold {threshold} (web/widget/confidence-marks.js UNSURE_BELOW), per dev part:")
    for part in sorted({r[0] for r in rows}):
        sub = [r for r in rows if r[0] == part]
        flagged, kept = groups(sub, threshold)
        print(f"  {part:10} {len(sub):4} lines, flagged {100 * len(flagged) / len(sub):5.1f}%, chrF flagged {describe(flagged)} | unflagged {describe(kept)}")
    flagged, kept = groups(rows, threshold)
    print(f"  {'all':10} {len(rows):4} lines, flagged {100 * len(flagged) / len(rows):5.1f}%, chrF flagged {describe(flagged)} | unflagged {describe(kept)}")


if __name__ == "__main__":
    main()
