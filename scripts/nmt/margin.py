"""Where two translations of the same source part, and by how much the model preferred one.

For each case (source, output A, output B), the PyTorch twin is fed the common prefix of the
two outputs (teacher forcing) and reports the logit of A's token minus B's at the first
differing position: a small margin means the engines split on a near-tie (float rounding), a
large one would point at a real difference in arithmetic.

Usage: /usr/bin/python3 -m nmt.margin MODEL.twm VOCAB.spm < cases.json   ([[src, a, b], ...])
Prints a JSON list of {position, token_a, token_b, margin}.
"""
import json
import sys

import sentencepiece as spm
import torch

from .model_format import config_from_metadata, read_model
from .model import Config, Transformer


def load(model_path):
    meta, state = read_model(model_path)
    cfg = config_from_metadata(meta)
    model = Transformer(Config(**{k: cfg[k] for k in ("vocab_size", "d_model", "heads", "ffn", "enc_layers", "dec_layers",
                                                     "dec_cell", "activation")}, dropout=0.0))
    model.load_state_dict({k: torch.as_tensor(v) for k, v in state.items()})
    model.eval()
    return model, cfg


def margin(model, cfg, sp, src, a, b):
    ids_a, ids_b = sp.encode(a), sp.encode(b)
    pos = 0
    while pos < min(len(ids_a), len(ids_b)) and ids_a[pos] == ids_b[pos]:
        pos += 1
    eos = cfg["eos_id"]
    tok_a = ids_a[pos] if pos < len(ids_a) else eos
    tok_b = ids_b[pos] if pos < len(ids_b) else eos
    with torch.no_grad():
        src_ids = torch.tensor([sp.encode(src) + [eos]])
        memory, mask = model.encode(src_ids, torch.tensor([src_ids.shape[1]]))
        state = model.start_state(memory)
        prev = torch.tensor([eos])
        for t in range(pos + 1):
            logits, state = model.step(prev, t, state, mask)
            if t < pos:
                prev = torch.tensor([ids_a[t]])
    l = logits[0]
    return {"position": pos, "token_a": sp.id_to_piece(tok_a), "token_b": sp.id_to_piece(tok_b),
            "margin": round(float(l[tok_a] - l[tok_b]), 4)}


def main():
    model, cfg = load(sys.argv[1])
    sp = spm.SentencePieceProcessor(model_file=sys.argv[2])
    print(json.dumps([margin(model, cfg, sp, *case) for case in json.load(sys.stdin)]))


if __name__ == "__main__":
    main()
