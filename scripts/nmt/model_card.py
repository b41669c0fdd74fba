"""Writes a model card (markdown) from the training history and the native-engine scores."""
import argparse
import json
import os

import torch


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--src", required=True)
    p.add_argument("--tgt", required=True)
    p.add_argument("--run", required=True)
    p.add_argument("--dir", required=True)
    p.add_argument("--f32-bytes", type=int, required=True)
    p.add_argument("--checkpoints", nargs="+", required=True)
    p.add_argument("--notes", default="", help="free text about this run (schedule changes, restarts)")
    a = p.parse_args()
    last = torch.load(os.path.join(a.run, "last.pt"))
    pos, cfg = last["pos"], last["config"]
    hist = pos["history"]
    minutes = sum(h["seconds"] for h in hist) / 60
    f32 = json.load(open(os.path.join(a.dir, "scores.f32.json")))
    i8 = json.load(open(os.path.join(a.dir, "scores.int8.json")))
    size = os.path.getsize(os.path.join(a.dir, "model.twm"))
    curve = ", ".join(f"{h['epoch']}: {h['val_bleu']:.1f}" for h in hist)
    print(f"""# {a.src}→{a.tgt} demo model

Trained from scratch by `scripts/train-direction {a.src} {a.tgt}` on Multi30k (29 000 human-translated
image captions). Weights are ours; the Multi30k data (Flickr30k captions and their translations) is
distributed for research under its own terms — check them before commercial use.

| | |
|---|---|
| Architecture | Firefox Translations "tiny" layout: {cfg['enc_layers']}-layer encoder, {cfg['dec_layers']} SSRU decoder layers, d {cfg['d_model']}, {cfg['heads']} heads, FFN {cfg['ffn']}, ReLU, post-norm, tied embeddings |
| Vocabulary | joint SentencePiece unigram, {cfg['vocab_size']} pieces (`vocab.spm`), eos 0, unk 1 |
| Shipped file | `model.twm`, int8 weights with per-row scales, {size:,} bytes (f32: {a.f32_bytes:,} bytes) |
| Training | CPU (2 cores, PyTorch), {pos['epoch']} epochs / {pos['step']} updates, {minutes:.0f} min; average of {len(a.checkpoints)} last epoch snapshots |
| Val BLEU per epoch (PyTorch greedy, cased) | {curve} |

## Quality on test_2016_flickr (1 000 sentences), native engine, greedy

| weights | BLEU (cased) | BLEU (lowercased) | chrF |
|---|---|---|---|
| f32 | {f32['bleu']} | {f32['bleu_lc']} | {f32['chrf']} |
| int8 (shipped) | {i8['bleu']} | {i8['bleu_lc']} | {i8['chrf']} |

int8 greedy output is identical to f32 for {i8.get('identical_to_f32', 0) * 100:.1f} % of the test sentences.
{('Training notes: ' + a.notes) if a.notes else ''}

BLEU is sacreBLEU-compatible (13a tokenization) computed by `scripts/nmt/bleu.py` on the output of
`build/tw-translate`; reproduce with `scripts/ship-model {a.src} {a.tgt}`.
""")


if __name__ == "__main__":
    main()
