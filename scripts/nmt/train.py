"""Resumable CPU training of one translation direction.

Usage: /usr/bin/python3 -m nmt.train --src en --tgt de --spm SPM.model --workdir DIR [--minutes M]
The workdir keeps `last.pt` (model + optimizer + position, written every --save-every steps and at
each epoch end), `epochN.pt` snapshots for averaging, and `log.tsv`. Re-running the same command
continues where the last run stopped, so an interrupted run loses at most --save-every steps.
"""
import argparse
import json
import os
import signal
import sys
import time

import sentencepiece as spm
import torch
import torch.nn.functional as F

from . import data
from .bleu import corpus_bleu
from .model import Config, Transformer, greedy


def parse():
    p = argparse.ArgumentParser()
    p.add_argument("--src", required=True)
    p.add_argument("--tgt", required=True)
    p.add_argument("--spm", required=True)
    p.add_argument("--workdir", required=True)
    p.add_argument("--minutes", type=float, default=150, help="wall-clock budget for this invocation")
    p.add_argument("--max-epochs", type=int, default=60)
    p.add_argument("--patience", type=int, default=6, help="epochs without val BLEU gain before stopping")
    p.add_argument("--batch-tokens", type=int, default=2000)
    p.add_argument("--warmup", type=int, default=600)
    p.add_argument("--lr", type=float, default=8e-4, help="peak learning rate (1.5e-3 stalled en-de: the decoder ignored the source)")
    p.add_argument("--dropout", type=float, default=0.3)
    p.add_argument("--smoothing", type=float, default=0.1)
    p.add_argument("--d-model", type=int, default=256)
    p.add_argument("--heads", type=int, default=8)
    p.add_argument("--ffn", type=int, default=960)
    p.add_argument("--enc-layers", type=int, default=6)
    p.add_argument("--dec-layers", type=int, default=2)
    p.add_argument("--save-every", type=int, default=300)
    p.add_argument("--seed", type=int, default=1)
    return p.parse_args()


def lr_at(step, args):
    step = max(step, 1)
    return args.lr * min(step / args.warmup, (args.warmup / step) ** 0.5)


def translate_ids(model, sp, lines, eos_id, batch=64):
    model.eval()
    out = []
    for i in range(0, len(lines), batch):
        ids = [sp.encode(s)[:200] + [eos_id] for s in lines[i:i + batch]]
        src = data.pad(ids, eos_id)
        src_len = torch.tensor([len(s) for s in ids])
        out += [sp.decode(h) for h in greedy(model, src, src_len)]
    model.train()
    return out


def save_atomic(obj, path):
    torch.save(obj, path + ".tmp")
    os.replace(path + ".tmp", path)


def main():
    args = parse()
    torch.set_num_threads(1)  # OpenBLAS already spreads one GEMM over the cores
    torch.manual_seed(args.seed)
    os.makedirs(args.workdir, exist_ok=True)
    log = open(os.path.join(args.workdir, "log.txt"), "a", buffering=1)

    def say(msg):
        print(msg, file=log)
        print(msg, flush=True)

    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, lambda s, f: (say(f"signal {s}, exiting"), sys.exit(1)))

    sp = spm.SentencePieceProcessor(model_file=args.spm)
    cfg = Config(vocab_size=sp.get_piece_size(), d_model=args.d_model, heads=args.heads, ffn=args.ffn,
                 enc_layers=args.enc_layers, dec_layers=args.dec_layers, dropout=args.dropout,
                 eos_id=sp.eos_id(), unk_id=sp.unk_id())
    model = Transformer(cfg)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.9, 0.98), eps=1e-9)
    pos = dict(epoch=0, batch=0, step=0, best_bleu=-1.0, best_epoch=0, history=[])
    last = os.path.join(args.workdir, "last.pt")
    if os.path.exists(last):
        ck = torch.load(last)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["opt"])
        pos = ck["pos"]
        say(f"resumed at epoch {pos['epoch']} batch {pos['batch']} step {pos['step']}")

    pairs = data.encode_pairs(sp, data.read_lines("train", args.src), data.read_lines("train", args.tgt), cfg.eos_id)
    val_src, val_ref = data.read_lines("val", args.src), data.read_lines("val", args.tgt)
    say(f"{len(pairs)} training pairs, vocab {cfg.vocab_size}, params {sum(p.numel() for p in model.parameters())}")

    def checkpoint():
        save_atomic(dict(model=model.state_dict(), opt=opt.state_dict(), pos=pos, config=cfg.to_dict()), last)

    deadline = time.time() + args.minutes * 60
    model.train()
    while pos["epoch"] < args.max_epochs:
        batches = data.make_batches(pairs, args.batch_tokens, seed=args.seed * 1000 + pos["epoch"])
        t0, tokens, loss_sum = time.time(), 0, 0.0
        while pos["batch"] < len(batches):
            src, src_len, tgt_in, tgt_out = data.collate(pairs, batches[pos["batch"]], cfg.eos_id)
            for g in opt.param_groups:
                g["lr"] = lr_at(pos["step"] + 1, args)
            logits = model(src, src_len, tgt_in)
            loss = F.cross_entropy(logits.reshape(-1, cfg.vocab_size), tgt_out.reshape(-1),
                                   ignore_index=-100, label_smoothing=args.smoothing, reduction="sum")
            n = int((tgt_out != -100).sum())
            opt.zero_grad()
            (loss / n).backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            pos["batch"] += 1
            pos["step"] += 1
            tokens += n
            loss_sum += loss.item()
            if pos["step"] % 100 == 0:
                say(f"epoch {pos['epoch'] + 1} step {pos['step']} loss {loss_sum / tokens:.3f} "
                    f"{tokens / (time.time() - t0):.0f} tok/s lr {lr_at(pos['step'], args):.2e}")
            if pos["step"] % args.save_every == 0:
                checkpoint()
            if time.time() > deadline:
                checkpoint()
                say("time budget reached; re-run to continue")
                return
        pos["epoch"] += 1
        pos["batch"] = 0
        hyps = translate_ids(model, sp, val_src, cfg.eos_id)
        bleu = corpus_bleu(hyps, val_ref)["score"]
        pos["history"].append(dict(epoch=pos["epoch"], step=pos["step"], val_bleu=bleu,
                                   seconds=time.time() - t0))
        say(f"epoch {pos['epoch']} done: val BLEU {bleu:.2f} ({time.time() - t0:.0f} s) e.g. {hyps[0]!r}")
        save_atomic(dict(model=model.state_dict(), config=cfg.to_dict()),
                    os.path.join(args.workdir, f"epoch{pos['epoch']}.pt"))
        old = os.path.join(args.workdir, f"epoch{pos['epoch'] - 8}.pt")
        if os.path.exists(old):
            os.remove(old)
        if bleu > pos["best_bleu"]:
            pos["best_bleu"], pos["best_epoch"] = bleu, pos["epoch"]
        checkpoint()
        if pos["epoch"] - pos["best_epoch"] >= args.patience:
            say(f"early stop: best val BLEU {pos['best_bleu']:.2f} at epoch {pos['best_epoch']}")
            break
    with open(os.path.join(args.workdir, "history.json"), "w") as f:
        json.dump(pos, f, indent=1)
    say("finished")


if __name__ == "__main__":
    main()
