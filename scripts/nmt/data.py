"""Corpus access and token-bucketed batching for training."""
import gzip
import os
import random
import torch

from nmt.corpus import DEV_PARTS  # noqa: F401  (the dev files nmt.corpus writes)

CORPUS = os.environ.get("MULTI30K", os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data", "multi30k"))


def read_lines(split, lang, corpus=CORPUS):
    with gzip.open(os.path.join(corpus, f"{split}.{lang}.gz"), "rt", encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def read_tsv(path):
    """-> (sources, targets) of a src<TAB>tgt[<TAB>origin] file written by nmt.corpus."""
    src, tgt = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            src.append(parts[0])
            tgt.append(parts[1])
    return src, tgt


def encode_pairs(sp, src_lines, tgt_lines, eos_id, max_len=100):
    """Token ids with EOS appended to both sides; drops pairs longer than max_len."""
    pairs = []
    for si, ti in zip(sp.encode(src_lines), sp.encode(tgt_lines)):
        si, ti = si + [eos_id], ti + [eos_id]
        if len(si) <= max_len and len(ti) <= max_len:
            pairs.append((si, ti))
    return pairs


def make_batches(pairs, max_tokens, seed):
    """Length-sorted buckets of at most max_tokens target tokens, shuffled with the seed."""
    rng = random.Random(seed)
    order = sorted(range(len(pairs)), key=lambda i: (len(pairs[i][1]), len(pairs[i][0]), rng.random()))
    batches, cur, longest = [], [], 0
    for i in order:
        longest_new = max(longest, len(pairs[i][1]), len(pairs[i][0]))
        if cur and longest_new * (len(cur) + 1) > max_tokens:
            batches.append(cur)
            cur, longest_new = [], max(len(pairs[i][1]), len(pairs[i][0]))
        cur.append(i)
        longest = longest_new
    if cur:
        batches.append(cur)
    rng.shuffle(batches)
    return batches


def pad(seqs, value):
    t = max(len(s) for s in seqs)
    return torch.tensor([s + [value] * (t - len(s)) for s in seqs], dtype=torch.long)


def collate(pairs, idx, eos_id):
    """-> src [B,S], src_len [B], tgt_in [B,T] (shifted right), tgt_out [B,T] (-100 = pad)."""
    src = [pairs[i][0] for i in idx]
    tgt = [pairs[i][1] for i in idx]
    src_t = pad(src, eos_id)
    src_len = torch.tensor([len(s) for s in src])
    tgt_out = pad(tgt, -100)
    tgt_in = pad([[eos_id] + t[:-1] for t in tgt], eos_id)
    return src_t, src_len, tgt_in, tgt_out
