"""Builds a lexical shortlist in Marian's binary format from training co-occurrences.

Usage: /usr/bin/python3 -m nmt.shortlist --src en --tgt de --vocab vocab.spm --out lex.s2t.bin
           [--corpus CORPUS_DIR/train.tsv [--max-pairs N] [--hyps HYPS.txt]] [--first 100 | --frequent N] [--best 50]
The pairs are Multi30k train, or (--corpus) the first N rows of a training mix that nmt.corpus
wrote (source TAB target; the mix is shuffled, so its first rows are a sample of it).
--hyps pairs those sources with the model's own translations of them instead (one per line):
the list then holds what this model writes for a source piece, not what some human wrote, and
restricting the output layer to it changes far fewer of the model's choices.
For every source piece s, the `best` target pieces t with the highest p(t|s) = c(s,t) / c(s)
(sentence-level co-occurrence) are kept; ids below `first` are always allowed by the engine.
--frequent N sets `first` past the control and byte pieces (the first 259 ids of our vocabularies)
to the N most frequent real pieces: the subword pieces that German or French words are built of
are what a lexical list misses most.
The format is documented in engine/model/shortlist.h.
"""
import argparse
import struct
from collections import Counter, defaultdict

import sentencepiece as spm

from . import data

MAGIC = 0xF11A48D5013417F5


def build(src_ids, tgt_ids, vocab, best):
    pair, single = defaultdict(Counter), Counter()
    tgt_freq = Counter()
    for s, t in zip(src_ids, tgt_ids):
        ts = set(t)
        tgt_freq.update(ts)
        for a in set(s):
            single[a] += 1
            pair[a].update(ts)
    lists = []
    for s in range(vocab):
        # p(t|s), discounted by how common t is anyway, so that lists are lexical, not "der, die, und"
        scored = sorted(pair[s].items(), key=lambda kv: (-(kv[1] / single[s]) * (kv[1] / (tgt_freq[kv[0]] + 5)), kv[0]))
        lists.append(sorted(t for t, _ in scored[:best]))
    return lists


def write(path, lists, first, best):
    offsets, ids = [0], []
    for lst in lists:
        ids.extend(lst)
        offsets.append(len(ids))
    with open(path, "wb") as f:
        f.write(struct.pack("<6Q", MAGIC, 0, first, best, len(offsets), len(ids)))
        f.write(struct.pack(f"<{len(offsets)}Q", *offsets))
        f.write(struct.pack(f"<{len(ids)}I", *ids))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--src", required=True)
    p.add_argument("--tgt", required=True)
    p.add_argument("--vocab", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--first", type=int, default=100)
    p.add_argument("--frequent", type=int, help="always allow the N most frequent pieces (sets --first)")
    p.add_argument("--best", type=int, default=50)
    p.add_argument("--corpus", help="train.tsv of nmt.corpus instead of Multi30k train")
    p.add_argument("--max-pairs", type=int, default=300_000)
    p.add_argument("--hyps", help="the model's translations of the corpus' first rows, as the target side")
    a = p.parse_args()
    sp = spm.SentencePieceProcessor(model_file=a.vocab)
    if a.frequent is not None:
        # SentencePiece orders pieces by score, most frequent first, after the special and byte ones.
        special = 0
        while sp.is_control(special) or sp.is_unknown(special) or sp.is_byte(special):
            special += 1
        a.first = special + a.frequent
    if a.corpus:
        src_lines, tgt_lines = data.read_tsv(a.corpus)
        if a.hyps:
            with open(a.hyps, encoding="utf-8") as f:
                tgt_lines = f.read().split("\n")[:-1]
        n = min(a.max_pairs, len(tgt_lines))  # --hyps covers only the first rows
        src_lines, tgt_lines = src_lines[:n], tgt_lines[:n]
    else:
        src_lines, tgt_lines = data.read_lines("train", a.src), data.read_lines("train", a.tgt)
    src = [sp.encode(x) for x in src_lines]
    tgt = [sp.encode(x) for x in tgt_lines]
    write(a.out, build(src, tgt, sp.get_piece_size(), a.best), a.first, a.best)
    print(a.out)


if __name__ == "__main__":
    main()
