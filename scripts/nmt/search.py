"""Beam search, the Python twin of engine/model/search.cc (same candidate order and tie-breaks)."""
import math

import torch

from .model import suppress_unk


def max_output_length(src_len, max_factor=2.0, extra=5):
    return math.ceil(max_factor * src_len + extra)


def _select_rows(state, rows):
    cells, cross = state
    idx = torch.tensor(rows, dtype=torch.long)
    new_cells = [c.index_select(0, idx) if torch.is_tensor(c) else
                 (None if c is None else (c[0].index_select(0, idx), c[1].index_select(0, idx))) for c in cells]
    return new_cells, cross


@torch.no_grad()
def beam_search(model, src_ids, beam, length_penalty=1.0, max_factor=2.0, extra=5):
    """src_ids: list of ids ending in EOS -> output ids without EOS."""
    c = model.config
    limit = max_output_length(len(src_ids), max_factor, extra)
    src = torch.tensor([src_ids])
    memory, mask = model.encode(src, torch.tensor([len(src_ids)]))
    cells, cross1 = model.start_state(memory)
    live = [([], 0.0)]
    finished = []
    t = 0
    while live and len(finished) < beam:
        n = len(live)
        cross = [(k.expand(n, -1, -1, -1), v.expand(n, -1, -1, -1)) for k, v in cross1]
        prev = torch.tensor([h[0][-1] if h[0] else c.eos_id for h in live])
        logits, (cells, _) = model.step(prev, t, (cells, cross), mask.expand(n, -1, -1))
        logp = torch.log_softmax(suppress_unk(logits.double(), c.unk_id), dim=-1)
        cands = []
        for h, (tokens, score) in enumerate(live):
            row = logp[h].tolist()
            for v, lp in enumerate(row):
                if v != c.unk_id:
                    cands.append((score + lp, h, v))
        cands.sort(key=lambda x: (-x[0], x[1], x[2]))
        nxt, src_rows = [], []
        for score, h, v in cands[:beam]:
            tokens = live[h][0]
            if v == c.eos_id:
                finished.append((score / (len(tokens) + 1) ** length_penalty, tokens))
                continue
            tokens = tokens + [v]
            if len(tokens) >= limit:
                finished.append((score / len(tokens) ** length_penalty, tokens))
                continue
            nxt.append((tokens, score))
            src_rows.append(h)
        if nxt:
            cells, _ = _select_rows((cells, None), src_rows)
        live = nxt
        t += 1
    best = 0
    for i in range(1, len(finished)):
        if finished[i][0] > finished[best][0]:
            best = i
    return finished[best][1] if finished else []
