"""Generates random-weight models and their PyTorch outputs for the C++ parity tests.

Usage: /usr/bin/python3 -m nmt.parity_cases OUT_DIR
Writes, for each architecture A in {ssru, selfattn}:
  A.f32.twm, A.int8.twm          the same random model in both storage types
  A.cases.txt                    per case: "src ids", "greedy ids", "beam ids" (beam 4)
  A.logits.bin                   f32 logits [steps, V] of teacher-forced greedy decoding of the first
                                 LOGIT_CASES cases, concatenated in case order
"""
import os
import sys

import numpy as np
import torch

from .model_format import config_metadata, tensors_for, write_model
from .model import Config, Transformer, greedy
from .search import beam_search

CASES = 220
LOGIT_CASES = 24
BEAM = 4


def random_model(dec_cell, activation, seed):
    torch.manual_seed(seed)
    cfg = Config(vocab_size=300, d_model=64, heads=4, ffn=128, enc_layers=2, dec_layers=2, dec_cell=dec_cell,
                 activation=activation, dropout=0.0)
    model = Transformer(cfg)
    with torch.no_grad():  # norms and biases away from their init so the tests see them used
        for name, p in model.named_parameters():
            if name.endswith(".scale"):
                p.copy_(1 + 0.2 * torch.randn_like(p))
            elif name.endswith("bias") and p.ndim == 1:
                p.copy_(0.1 * torch.randn_like(p))
    train_briefly(model, seed)
    return model.eval()


def train_briefly(model, seed, steps=150):
    """A few hundred updates on a toy task (map each token, reverse the order): untrained random
    models emit one repeated token, which would make identical greedy outputs a weak test."""
    import torch.nn.functional as F
    from .data import collate
    c = model.config
    rng = np.random.RandomState(seed + 100)
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    for _ in range(steps):
        pairs = []
        for _ in range(32):
            src = [int(x) for x in rng.randint(2, c.vocab_size, size=rng.randint(1, 16))]
            tgt = [(t * 7 + 3) % (c.vocab_size - 2) + 2 for t in reversed(src)]
            pairs.append((src + [c.eos_id], tgt + [c.eos_id]))
        src, src_len, tgt_in, tgt_out = collate(pairs, range(len(pairs)), c.eos_id)
        loss = F.cross_entropy(model(src, src_len, tgt_in).reshape(-1, c.vocab_size), tgt_out.reshape(-1),
                               ignore_index=-100)
        opt.zero_grad()
        loss.backward()
        opt.step()


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    torch.set_num_threads(1)
    for arch, cell, act, seed in (("ssru", "ssru", "relu", 11), ("selfattn", "self-attention", "swish", 12)):
        model = random_model(cell, act, seed)
        cfg = model.config
        meta = config_metadata(cfg.to_dict())
        meta.update(src_lang="xx", tgt_lang="yy", max_length_factor=2)
        state = model.state_dict()
        write_model(os.path.join(out, f"{arch}.f32.twm"), tensors_for(state, "f32"), meta)
        write_model(os.path.join(out, f"{arch}.int8.twm"), tensors_for(state, "int8"), meta)
        rng = np.random.RandomState(seed)
        lines, logits = [], []
        for i in range(CASES):
            n = int(rng.randint(1, 21))
            src = [int(x) for x in rng.randint(2, cfg.vocab_size, size=n)] + [cfg.eos_id]
            hyp = greedy(model, torch.tensor([src]), torch.tensor([len(src)]))[0]
            lines.append("src " + " ".join(map(str, src)))
            lines.append("greedy " + " ".join(map(str, hyp)))
            lines.append("beam " + " ".join(map(str, beam_search(model, src, BEAM))))
            if i < LOGIT_CASES:
                with torch.no_grad():
                    tgt_in = torch.tensor([[cfg.eos_id] + hyp])
                    lg = model(torch.tensor([src]), torch.tensor([len(src)]), tgt_in)[0]
                logits.append(lg.numpy().astype(np.float32))
        with open(os.path.join(out, f"{arch}.cases.txt"), "w") as f:
            f.write("\n".join(lines) + "\n")
        np.concatenate(logits).tofile(os.path.join(out, f"{arch}.logits.bin"))
    print(out)


if __name__ == "__main__":
    main()
