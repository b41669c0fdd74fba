"""Corpus BLEU and chrF, compatible with sacreBLEU's defaults (13a tokenizer, exp smoothing off,
brevity penalty; chrF n=6, beta=2, whitespace removed)."""
import math
import re
from collections import Counter

_13A_RULES = [
    (re.compile(r"([\{-\~\[-\` -\&\(-\+\:-\@\/])"), r" \1 "),
    (re.compile(r"([^0-9])([\.,])"), r"\1 \2 "),
    (re.compile(r"([\.,])([^0-9])"), r" \1 \2"),
    (re.compile(r"([0-9])(-)"), r"\1 \2 "),
]


def tokenize_13a(line):
    """sacreBLEU's default tokenizer (mteval-v13a)."""
    line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
    if "&" in line:
        line = line.replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    line = f" {line} "
    for pattern, repl in _13A_RULES:
        line = pattern.sub(repl, line)
    return " ".join(line.split())


def _ngrams(words, n):
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def corpus_bleu(hyps, refs, lowercase=False, max_n=4):
    """sacreBLEU's default corpus BLEU: 13a tokenization, 'exp' smoothing, brevity penalty.

    refs is one reference per hypothesis (a list of strings) or several reference streams
    (a list of such lists). Returns dict(score, precisions, bp, sys_len, ref_len)."""
    streams = [refs] if refs and isinstance(refs[0], str) else list(refs)
    for stream in streams:
        if len(stream) != len(hyps):
            raise ValueError(f"{len(hyps)} hypotheses but {len(stream)} references")
    prep = (lambda x: tokenize_13a(x.lower())) if lowercase else tokenize_13a
    match, total = [0] * max_n, [0] * max_n
    sys_len = ref_len = 0
    for i, h in enumerate(hyps):
        hw = prep(h).split()
        rws = [prep(stream[i]).split() for stream in streams]
        sys_len += len(hw)
        # closest reference length, the shorter one on ties
        ref_len += min((abs(len(r) - len(hw)), len(r)) for r in rws)[1]
        for n in range(1, max_n + 1):
            hc = _ngrams(hw, n)
            best = Counter()
            for r in rws:
                best |= _ngrams(r, n)
            match[n - 1] += sum(min(c, best[g]) for g, c in hc.items())
            total[n - 1] += max(len(hw) - n + 1, 0)
    precisions = [0.0] * max_n
    smooth = 1.0
    for n in range(max_n):
        if total[n] == 0:
            break
        if match[n] == 0:
            smooth *= 2
            precisions[n] = 100.0 / (smooth * total[n])
        else:
            precisions[n] = 100.0 * match[n] / total[n]
    if sys_len == 0:
        return dict(score=0.0, precisions=precisions, bp=0.0, sys_len=0, ref_len=ref_len)
    bp = 1.0 if sys_len >= ref_len else math.exp(1 - ref_len / sys_len)
    log_sum = sum(math.log(p) if p > 0 else -9999999999 for p in precisions) / max_n
    return dict(score=bp * math.exp(log_sum), precisions=precisions, bp=bp, sys_len=sys_len, ref_len=ref_len)


def _char_ngrams(text, n):
    text = text.replace(" ", "")
    return Counter(text[i:i + n] for i in range(len(text) - n + 1))


def corpus_chrf(hyps, refs, order=6, beta=2.0):
    """sacreBLEU chrF (character n-grams 1..6, word order 0): statistics summed over the corpus."""
    stats = [[0, 0, 0] for _ in range(order)]  # matches, hyp count, ref count
    for h, r in zip(hyps, refs):
        for n in range(1, order + 1):
            hc, rc = _char_ngrams(h, n), _char_ngrams(r, n)
            stats[n - 1][0] += sum(min(c, rc[g]) for g, c in hc.items())
            stats[n - 1][1] += sum(hc.values())
            stats[n - 1][2] += sum(rc.values())
    prec = rec = 0.0
    eff = 0
    for m, hc, rc in stats:
        if hc > 0 and rc > 0:
            prec += m / hc
            rec += m / rc
            eff += 1
    if eff == 0:
        return 0.0
    prec, rec = prec / order, rec / order
    if prec + rec == 0:
        return 0.0
    b2 = beta * beta
    return 100.0 * (1 + b2) * prec * rec / (b2 * prec + rec)
