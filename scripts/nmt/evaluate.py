"""Scores a model as users run it: the native engine's output on a Multi30k split, and on each
part of the development set that nmt.corpus holds out (news, everyday, interface, captions).

Usage: /usr/bin/python3 -m nmt.evaluate --model DIR|FILE.twm --src en --tgt de
         [--split test_2016_flickr] [--dev CORPUS_DIR] [--backend native] [--beam 1] [--batch N] [--shortlist lex.s2t.bin] [--out hyps.txt] [--json scores.json]
Prints cased BLEU (raw text, sacreBLEU 13a), lowercased BLEU and chrF; with --dev, the same per
dev part under "dev".
"""
import argparse
import json
import os
import subprocess
import time

from . import data
from .bleu import corpus_bleu, corpus_chrf

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def translate(model, lines, backend="native", beam=1, vocab=None, shortlist=None, batch=None):
    cmd = [os.path.join(ROOT, "build", "tw-translate"), "--model", model, "--backend", backend, "--beam", str(beam)]
    if batch:
        cmd += ["--batch", str(batch)]
    if vocab:
        cmd += ["--vocab", vocab]
    # Explicit either way: a model directory's own lex.s2t.bin is otherwise used by the CLI.
    cmd += ["--shortlist", shortlist] if shortlist else ["--no-shortlist"]
    res = subprocess.run(cmd, input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
    out = res.stdout.split("\n")[:-1]
    if len(out) != len(lines):
        raise RuntimeError(f"{len(lines)} inputs but {len(out)} outputs")
    return out


def score(hyps, refs):
    return {"bleu": round(corpus_bleu(hyps, refs)["score"], 2),
            "bleu_lc": round(corpus_bleu(hyps, refs, lowercase=True)["score"], 2),
            "chrf": round(corpus_chrf(hyps, refs), 2)}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", required=True)
    p.add_argument("--vocab")
    p.add_argument("--src", required=True)
    p.add_argument("--tgt", required=True)
    p.add_argument("--split", default="test_2016_flickr")
    p.add_argument("--backend", default="native")
    p.add_argument("--beam", type=int, default=1)
    p.add_argument("--out")
    p.add_argument("--json")
    p.add_argument("--batch", type=int, help="sentences per batch (the engine's default otherwise; with a shortlist, 1 gives each sentence its own)")
    p.add_argument("--shortlist", help="a lexical shortlist (lex.s2t.bin) restricting the output layer")
    p.add_argument("--dev", help="directory written by nmt.corpus: also score its dev.<part>.tsv files")
    a = p.parse_args()
    src, ref = data.read_lines(a.split, a.src), data.read_lines(a.split, a.tgt)
    t0 = time.time()
    hyps = translate(a.model, src, a.backend, a.beam, a.vocab, a.shortlist, a.batch)
    s = score(hyps, ref)
    s.update(split=a.split, backend=a.backend, beam=a.beam, seconds=round(time.time() - t0, 1))
    if a.dev:
        s["dev"] = {}
        for part in data.DEV_PARTS:
            dsrc, dref = data.read_tsv(os.path.join(a.dev, f"dev.{part}.tsv"))
            s["dev"][part] = dict(score(translate(a.model, dsrc, a.backend, a.beam, a.vocab, a.shortlist, a.batch), dref), sentences=len(dsrc))
    if a.out:
        with open(a.out, "w") as f:
            f.write("\n".join(hyps) + "\n")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(s, f, indent=1)
    print(json.dumps(s))


if __name__ == "__main__":
    main()
