"""Builds a small OPUS-MT-style package the tests can use (no internet here): source.spm and
target.spm trained by spm_train on Multi30k, a joint vocab.yml numbering the pieces of both, a
random-weight Marian transformer (self-attention decoder, swish, tied embeddings) as model.npz,
and the converted files our engine runs (vocab.spm via nmt.opus_vocab, model.twm via nmt.marian).

Usage: /usr/bin/python3 tests/scripts/make_opus_package.py OUT_DIR
"""
import gzip
import json
import os
import subprocess
import sys

import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from nmt.marian import _pairs, marian_yml, to_marian  # noqa: E402
from nmt.opus_vocab import joint_model  # noqa: E402

CORPUS = os.path.join(ROOT, "..", "shared", "data", "multi30k")


def corpus_lines(lang, n):
    with gzip.open(os.path.join(CORPUS, f"train.{lang}.gz"), "rt", encoding="utf-8") as f:
        return [next(f).rstrip("\n") for _ in range(n)]


def spm_train(lines, prefix, size):
    text = prefix + ".txt"
    with open(text, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    subprocess.run(["spm_train", f"--input={text}", f"--model_prefix={prefix}", f"--vocab_size={size}",
                    "--model_type=unigram", "--character_coverage=1.0"], check=True, capture_output=True)
    os.replace(prefix + ".model", prefix + ".spm")


def pieces_of(vocab_file):
    with open(vocab_file, encoding="utf-8") as f:
        return [line.split("\t")[0] for line in f]


def random_state(cfg, seed=0):
    rng = np.random.RandomState(seed)
    d, f, v = cfg["d_model"], cfg["ffn"], cfg["vocab_size"]
    state = {}
    for ours, _, _ in _pairs(cfg):
        if ours == "embedding":
            shape = (v, d)
        elif ours == "output_bias":
            shape = (v,)
        elif ours.endswith("w1.weight"):
            shape = (f, d)
        elif ours.endswith("w2.weight"):
            shape = (d, f)
        elif ours.endswith("w1.bias"):
            shape = (f,)
        elif ours.endswith(".weight"):
            shape = (d, d)
        elif ours.endswith("scale"):
            state[ours] = np.ones(d, np.float32)
            continue
        else:
            shape = (d,)
        state[ours] = (rng.randn(*shape) * 0.3).astype(np.float32)
    return state


def make(out):
    os.makedirs(out, exist_ok=True)
    spm_train(corpus_lines("en", 4000), os.path.join(out, "source"), 500)
    spm_train(corpus_lines("de", 4000), os.path.join(out, "target"), 500)
    # Marian's layout: </s> 0, <unk> 1, then the pieces of both sides, <pad> last.
    pieces = ["</s>", "<unk>"]
    seen = set(pieces) | {"<s>"}
    for side in ("source", "target"):
        for p in pieces_of(os.path.join(out, side + ".vocab")):
            if p not in seen:
                seen.add(p)
                pieces.append(p)
    pieces.append("<pad>")
    with open(os.path.join(out, "vocab.yml"), "w", encoding="utf-8") as f:
        f.writelines(f"{json.dumps(p, ensure_ascii=False)}: {i}\n" for i, p in enumerate(pieces))
    cfg = dict(vocab_size=len(pieces), d_model=16, heads=2, ffn=32, enc_layers=2, dec_layers=2,
               dec_cell="self-attention", activation="swish", eos_id=0, unk_id=1)
    arrays = dict(to_marian(random_state(cfg), cfg))
    yml = marian_yml(cfg)
    arrays["special:model.yml"] = np.frombuffer(yml.encode() + b"\0", dtype=np.int8)
    np.savez(os.path.join(out, "model.npz"), **arrays)
    with open(os.path.join(out, "source.spm"), "rb") as f, open(os.path.join(out, "vocab.yml"), encoding="utf-8") as y:
        model, missing = joint_model(f.read(), y.read())
    with open(os.path.join(out, "vocab.spm"), "wb") as f:
        f.write(model)
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "scripts"))
    subprocess.run(["/usr/bin/python3", "-m", "nmt.marian", "import", os.path.join(out, "model.npz"), "--out",
                    os.path.join(out, "model.twm"), "--dtype", "int8", "--src", "en", "--tgt", "de"],
                   check=True, env=env, capture_output=True)
    return pieces, missing


if __name__ == "__main__":
    make(sys.argv[1])
