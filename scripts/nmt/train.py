"""Resumable, time-budgeted CPU training of one translation direction on a prepared corpus.

Usage: /usr/bin/python3 -m nmt.train --data CORPUS_DIR --spm SPM.model --workdir DIR [--minutes M]
CORPUS_DIR is what `nmt.corpus` writes (train.tsv, dev.<part>.tsv). The workdir keeps `last.pt`
(model + optimizer + position, written every --save-every steps and when the budget ends),
`stepN.pt` snapshots for averaging (one per evaluation), `ids.pt` (the encoded corpus) and
`log.txt`. Re-running the same command continues where the last run stopped. Every --eval-every
updates the dev parts are translated (PyTorch greedy, first --eval-rows rows of each) and the
learning curve (BLEU per part, dev loss in bits per target character, CPU hours) is appended to
the history that the model card prints.
"""
import argparse
import contextlib
import json
import math
import os
import signal
import sys
import time

import sentencepiece as spm
import torch
import torch.nn.functional as F

from . import carry_over, data
from .bleu import corpus_bleu
from .loss import smoothed_cross_entropy
from .model import Config, Transformer, greedy


def parse():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True, help="directory written by nmt.corpus")
    p.add_argument("--spm", required=True)
    p.add_argument("--workdir", required=True)
    p.add_argument("--minutes", type=float, default=150, help="wall-clock budget for this invocation")
    p.add_argument("--cpu-minutes", type=float, default=None,
                   help="CPU-time budget for this invocation (all threads): fair comparisons on a shared machine")
    p.add_argument("--max-epochs", type=int, default=40)
    p.add_argument("--batch-tokens", type=int, default=3000)
    p.add_argument("--warmup", type=int, default=1000)
    p.add_argument("--lr", type=float, default=7e-4, help="peak learning rate (1.5e-3 stalled en-de: the decoder ignored the source)")
    p.add_argument("--dropout", type=float, default=0.1)
    p.add_argument("--ffn-dropout", type=float, default=0.0, help="dropout inside the FFN (its masks are costly on CPU)")
    p.add_argument("--smoothing", type=float, default=0.1)
    p.add_argument("--d-model", type=int, default=256)
    p.add_argument("--heads", type=int, default=8)
    p.add_argument("--ffn", type=int, default=1024)
    p.add_argument("--enc-layers", type=int, default=6)
    p.add_argument("--dec-layers", type=int, default=2)
    p.add_argument("--save-every", type=int, default=200)
    p.add_argument("--eval-every", type=int, default=1500)
    p.add_argument("--eval-rows", type=int, default=400)
    p.add_argument("--threads", type=int, default=1, help="torch threads (OpenBLAS spreads each GEMM already)")
    p.add_argument("--bf16", action="store_true", help="bfloat16 autocast of the forward pass (fast only with AMX / AVX-512 BF16)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--init-from", default=None,
                   help="a carried-over run (nmt.carry_over) to continue when the workdir has no last.pt")
    p.add_argument("--rewarm", type=int, default=300, help="updates to ramp the learning rate up again after --init-from")
    p.add_argument("--device", default="cpu", help="torch device: cpu, or cuda on a GPU machine (checkpoints stay loadable on CPU)")
    return p.parse_args()


def lr_at(step, args, pos=None):
    """Inverse square root after a linear warmup; a run continued from a carried-over copy has a
    fresh optimizer (no moment estimates yet), so its rate ramps up again over --rewarm updates."""
    rate = args.lr * min(max(step, 1) / args.warmup, (args.warmup / max(step, 1)) ** 0.5)
    since = step - pos["rewarm_from"] if pos and "rewarm_from" in pos else None
    return rate if since is None else rate * min(1.0, max(since, 1) / args.rewarm)


def translate_lines(model, sp, lines, eos_id, device, batch=64):
    model.eval()
    order = sorted(range(len(lines)), key=lambda i: len(lines[i]))
    out = [None] * len(lines)
    for i in range(0, len(order), batch):
        chunk = order[i:i + batch]
        ids = [sp.encode(lines[j])[:200] + [eos_id] for j in chunk]
        hyps = greedy(model, data.pad(ids, eos_id).to(device), torch.tensor([len(s) for s in ids], device=device))
        for j, h in zip(chunk, hyps):
            out[j] = sp.decode(h)
    model.train()
    return out


@torch.no_grad()
def dev_bits_per_char(model, pairs, refs, eos_id, device):
    """Cross-entropy of the references in bits per character: comparable across vocabularies."""
    model.eval()
    total, chars = 0.0, sum(len(r) + 1 for r in refs)
    for idx in data.make_batches(pairs, 4000, seed=0):
        src, src_len, tgt_in, tgt_out = (t.to(device) for t in data.collate(pairs, idx, eos_id))
        logits = model(src, src_len, tgt_in)
        total += F.cross_entropy(logits.reshape(-1, logits.shape[-1]), tgt_out.reshape(-1), ignore_index=-100,
                                 reduction="sum").item()
    model.train()
    return total / math.log(2) / chars


def save_atomic(obj, path):
    torch.save(obj, path + ".tmp")
    os.replace(path + ".tmp", path)


def load_ids(args, sp, eos_id, say):
    """Encoded training pairs, cached in the workdir (encoding 300 000 rows takes half a minute)."""
    path = os.path.join(args.workdir, "ids.pt")
    train = os.path.join(args.data, "train.tsv")
    stamp = [os.path.getsize(train), os.path.getmtime(train), os.path.getmtime(args.spm)]
    if os.path.exists(path):
        cached = torch.load(path)
        if cached["stamp"] == stamp:
            return cached["pairs"]
    src, tgt = data.read_tsv(train)
    pairs = data.encode_pairs(sp, src, tgt, eos_id)
    say(f"encoded {len(pairs)} of {len(src)} pairs (longer ones dropped)")
    save_atomic(dict(stamp=stamp, pairs=pairs), path)
    return pairs


def main():
    args = parse()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    os.makedirs(args.workdir, exist_ok=True)
    log = open(os.path.join(args.workdir, "log.txt"), "a", buffering=1)

    def say(msg):
        print(msg, file=log)
        print(msg, flush=True)

    # A stop (the session ending, Ctrl-C) saves the position after the current step, then exits.
    stop = []
    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, lambda s, f: stop.append(s))

    sp = spm.SentencePieceProcessor(model_file=args.spm)
    cfg = Config(vocab_size=sp.get_piece_size(), d_model=args.d_model, heads=args.heads, ffn=args.ffn,
                 enc_layers=args.enc_layers, dec_layers=args.dec_layers, dropout=args.dropout, ffn_dropout=args.ffn_dropout,
                 eos_id=sp.eos_id(), unk_id=sp.unk_id())
    model = Transformer(cfg).to(args.device)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.9, 0.98), eps=1e-9)
    pos = dict(epoch=0, batch=0, step=0, target_tokens=0, train_seconds=0.0, cpu_seconds=0.0, history=[])
    last = os.path.join(args.workdir, "last.pt")
    if os.path.exists(last):
        ck = torch.load(last, map_location=args.device)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["opt"])
        pos = ck["pos"]
        say(f"resumed at epoch {pos['epoch']} batch {pos['batch']} step {pos['step']} "
            f"({pos['train_seconds'] / 3600:.2f} h trained)")
    elif args.init_from:
        state, pos, carried_cfg = carry_over.load(args.init_from)
        shape = ("vocab_size", "d_model", "heads", "ffn", "enc_layers", "dec_layers", "dec_cell", "eos_id", "unk_id")
        want = {k: cfg.to_dict()[k] for k in shape}
        if {k: carried_cfg.get(k) for k in shape} != want:
            sys.exit(f"{args.init_from}: a model of {carried_cfg}, not the {want} asked for")
        model.load_state_dict(state)
        pos["rewarm_from"] = pos["step"]
        say(f"continued from {args.init_from} at epoch {pos['epoch']} batch {pos['batch']} step {pos['step']} "
            f"({pos['cpu_seconds'] / 3600:.2f} CPU h trained before); fresh optimizer, {args.rewarm} updates of warmup")

    pairs = load_ids(args, sp, cfg.eos_id, say)
    dev = {}
    for part in data.DEV_PARTS:
        src, ref = data.read_tsv(os.path.join(args.data, f"dev.{part}.tsv"))
        dev[part] = (src[:args.eval_rows], ref[:args.eval_rows])
    dev_refs = [r for _, refs in dev.values() for r in refs]
    dev_pairs = data.encode_pairs(sp, [s for srcs, _ in dev.values() for s in srcs], dev_refs, cfg.eos_id, max_len=10 ** 6)
    say(f"{len(pairs)} training pairs, vocab {cfg.vocab_size}, params {sum(p.numel() for p in model.parameters())}, "
        f"threads {args.threads}, bf16 {args.bf16}")

    def cpu_state():  # snapshots load anywhere (export and ship run on CPU machines)
        return {k: v.detach().cpu() for k, v in model.state_dict().items()}

    def checkpoint():
        save_atomic(dict(model=cpu_state(), opt=opt.state_dict(), pos=pos, config=cfg.to_dict(),
                         args=vars(args)), last)

    def evaluate():
        t0 = time.time()
        row = dict(step=pos["step"], epoch=pos["epoch"] + pos["batch"] / max(len(batches), 1),
                   hours=round(pos["train_seconds"] / 3600, 3), cpu_hours=round(pos["cpu_seconds"] / 3600, 3),
                   target_tokens=pos["target_tokens"],
                   dev_bits_per_char=round(dev_bits_per_char(model, dev_pairs, dev_refs, cfg.eos_id, args.device), 4))
        for part, (src, ref) in dev.items():
            hyps = translate_lines(model, sp, src, cfg.eos_id, args.device)
            row[f"bleu_{part}"] = round(corpus_bleu(hyps, ref)["score"], 2)
        pos["history"].append(row)
        say(f"eval {json.dumps(row)} ({time.time() - t0:.0f} s) e.g. {hyps[0]!r}")
        save_atomic(dict(model=cpu_state(), config=cfg.to_dict()),
                    os.path.join(args.workdir, f"step{pos['step']}.pt"))
        snaps = sorted((f for f in os.listdir(args.workdir) if f.startswith("step") and f.endswith(".pt")),
                       key=lambda f: int(f[4:-3]))
        for old in snaps[:-6]:
            os.remove(os.path.join(args.workdir, old))

    device_type = torch.device(args.device).type
    autocast = (lambda: torch.autocast(device_type, dtype=torch.bfloat16)) if args.bf16 else contextlib.nullcontext
    deadline = time.time() + args.minutes * 60
    cpu_deadline = time.process_time() + args.cpu_minutes * 60 if args.cpu_minutes else float("inf")
    model.train()
    while pos["epoch"] < args.max_epochs:
        batches = data.make_batches(pairs, args.batch_tokens, seed=args.seed * 1000 + pos["epoch"])
        t0, tokens, loss_sum = time.time(), 0, 0.0
        while pos["batch"] < len(batches):
            step_start, step_cpu = time.time(), time.process_time()
            src, src_len, tgt_in, tgt_out = (t.to(args.device) for t in data.collate(pairs, batches[pos["batch"]], cfg.eos_id))
            for g in opt.param_groups:
                g["lr"] = lr_at(pos["step"] + 1, args, pos)
            with autocast():
                logits = model(src, src_len, tgt_in)
            loss = smoothed_cross_entropy(logits.reshape(-1, cfg.vocab_size), tgt_out.reshape(-1), args.smoothing)
            n = int((tgt_out != -100).sum())
            opt.zero_grad(set_to_none=True)  # no zero-filling of every gradient
            (loss / n).backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            pos["batch"] += 1
            pos["step"] += 1
            pos["target_tokens"] += n
            pos["train_seconds"] += time.time() - step_start
            pos["cpu_seconds"] += time.process_time() - step_cpu
            tokens += n
            loss_sum += loss.item()
            if pos["step"] % 100 == 0:
                say(f"epoch {pos['epoch'] + 1} batch {pos['batch']}/{len(batches)} step {pos['step']} "
                    f"loss {loss_sum / tokens:.3f} {tokens / (time.time() - t0):.0f} tok/s lr {lr_at(pos['step'], args, pos):.2e}")
            if pos["step"] % args.eval_every == 0:
                evaluate()
            if pos["step"] % args.save_every == 0:
                checkpoint()
            if stop:
                checkpoint()
                say(f"signal {stop[0]}: position saved at step {pos['step']}, exiting")
                sys.exit(1)
            if time.time() > deadline or time.process_time() > cpu_deadline:
                if not pos["history"] or pos["history"][-1]["step"] != pos["step"]:
                    evaluate()  # a point on the learning curve at the end of every run
                checkpoint()
                say("time budget reached; re-run to continue")
                return
        pos["epoch"] += 1
        pos["batch"] = 0
        checkpoint()
    evaluate()
    checkpoint()
    say("finished")


if __name__ == "__main__":
    main()
