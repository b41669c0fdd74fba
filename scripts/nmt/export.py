"""Exports trained checkpoints (averaged) as our TWMODEL file (nmt.model_format writes it).

Usage: /usr/bin/python3 -m nmt.export CHECKPOINT.pt [CHECKPOINT2.pt ...] --out model.twm --dtype int8|f32
       --vocab vocab.spm --src en --tgt de   (several checkpoints are averaged)
"""
import argparse
import hashlib

import torch

from .model_format import config_metadata, tensors_for, write_model


def average_checkpoints(paths):
    states = [torch.load(p, map_location="cpu")["model"] for p in paths]
    avg = {k: sum(s[k].float() for s in states) / len(states) for k in states[0]}
    return avg, torch.load(paths[0], map_location="cpu")["config"]


def export(state, cfg, out, dtype, extra_meta):
    meta = config_metadata(cfg)
    meta.update(extra_meta)
    meta["dtype"] = dtype
    write_model(out, tensors_for(state, dtype), meta)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("checkpoints", nargs="+")
    p.add_argument("--out", required=True)
    p.add_argument("--dtype", choices=["int8", "f32"], default="int8")
    p.add_argument("--vocab", required=True)
    p.add_argument("--src", required=True)
    p.add_argument("--tgt", required=True)
    p.add_argument("--name", default="")
    p.add_argument("--license", default="CC-BY-4.0 model trained on Multi30k (research use of Flickr30k captions)")
    p.add_argument("--placeholders", action="store_true",
                   help="the model was trained to pass {1}, {2}, … through (nmt.corpus placeholder copies): "
                        "recorded in the file, so callers may stand placeholders in for kept text")
    a = p.parse_args()
    state, cfg = average_checkpoints(a.checkpoints)
    with open(a.vocab, "rb") as f:
        vocab_sha = hashlib.sha256(f.read()).hexdigest()
    meta = {"src_lang": a.src, "tgt_lang": a.tgt, "name": a.name or f"{a.src}-{a.tgt}",
            "license": a.license, "vocab_sha256": vocab_sha, "max_length_factor": 2}
    if a.placeholders:
        meta["placeholders"] = "{n}"  # the engine's one known convention (engine/model/config.h)
    export(state, cfg, a.out, a.dtype, meta)
    print(a.out)


if __name__ == "__main__":
    main()
