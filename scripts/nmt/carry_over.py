"""Training that outlives the machine: a compact copy of a run in the repository.

Checkpoints live outside the repository ($TW_TRAIN_DIR), so a session that lands on a new machine
would start every run from scratch. `save` writes models/training/SRC-TGT/ (committed): the
weights of the run's last.pt with int8 rows (quantize_rows, the export's rounding; 6.3 MB for
the 6 M-parameter model instead of 75 MB with the optimizer), its position and learning curve,
and the vocabulary it was trained with. `nmt.train --init-from` continues from it when the work
directory has no last.pt: same step, epoch and batch, a fresh optimizer warmed up again.

Usage: python3 -m nmt.carry_over --workdir TRAIN_DIR/SRC-TGT --spm VOCAB.model --out models/training/SRC-TGT
"""
import argparse
import os
import shutil

import torch

from .model_format import quantize_rows

SNAPSHOT = "snapshot.pt"
VOCAB = "spm.model"


def save(workdir, spm_path, out_dir):
    ck = torch.load(os.path.join(workdir, "last.pt"), map_location="cpu")
    weights = {}
    for name, value in ck["model"].items():
        arr = value.float().numpy()
        if arr.ndim == 2:
            q, scale = quantize_rows(arr)
            weights[name] = dict(int8=torch.from_numpy(q), scale=torch.from_numpy(scale))
        else:
            weights[name] = dict(f32=value.float().clone())
    os.makedirs(out_dir, exist_ok=True)
    tmp = os.path.join(out_dir, SNAPSHOT + ".tmp")
    torch.save(dict(config=ck["config"], pos=ck["pos"], args=ck["args"], weights=weights), tmp)
    os.replace(tmp, os.path.join(out_dir, SNAPSHOT))
    shutil.copyfile(spm_path, os.path.join(out_dir, VOCAB))
    return ck["pos"]


def load(path):
    """(state_dict in float32, position, config dict) of a carried-over run."""
    snap = torch.load(path, map_location="cpu")
    state = {}
    for name, w in snap["weights"].items():
        if "int8" in w:
            state[name] = w["int8"].float() * w["scale"][:, None]
        else:
            state[name] = w["f32"]
    return state, snap["pos"], snap["config"]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--workdir", required=True)
    p.add_argument("--spm", required=True)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    pos = save(a.workdir, a.spm, a.out)
    last = pos["history"][-1] if pos["history"] else {}
    bleu = " ".join(f"{k[5:]} {v}" for k, v in last.items() if k.startswith("bleu_"))
    size = os.path.getsize(os.path.join(a.out, SNAPSHOT)) / 1e6
    print(f"carried over step {pos['step']} ({pos['cpu_seconds'] / 3600:.2f} CPU h; last dev BLEU {bleu or 'none yet'}) "
          f"into {a.out} ({size:.1f} MB)")


if __name__ == "__main__":
    main()
