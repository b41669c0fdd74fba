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


def open_log(workdir):
    """say(msg): to the workdir's log.txt and to stdout."""
    log = open(os.path.join(workdir, "log.txt"), "a", buffering=1)

    def say(msg):
        print(msg, file=log)
        print(msg, flush=True)
    return say


def stop_requests():
    """A list that gets the signal's number when the session ends or Ctrl-C comes: the loop saves
    the position after the current step, then exits."""
    stop = []
    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, lambda s, f: stop.append(s))
    return stop


class Run:
    """The model, its optimizer and its position (epoch, batch, step, time, learning curve), and
    where they are saved: made fresh, resumed from the workdir's last.pt, or continued from a
    carried-over copy (--init-from)."""

    def __init__(self, args, say):
        self.args, self.say = args, say
        self.sp = spm.SentencePieceProcessor(model_file=args.spm)
        self.cfg = Config(vocab_size=self.sp.get_piece_size(), d_model=args.d_model, heads=args.heads, ffn=args.ffn,
                          enc_layers=args.enc_layers, dec_layers=args.dec_layers, dropout=args.dropout,
                          ffn_dropout=args.ffn_dropout, eos_id=self.sp.eos_id(), unk_id=self.sp.unk_id())
        self.model = Transformer(self.cfg).to(args.device)
        self.opt = torch.optim.Adam(self.model.parameters(), lr=args.lr, betas=(0.9, 0.98), eps=1e-9)
        self.pos = dict(epoch=0, batch=0, step=0, target_tokens=0, train_seconds=0.0, cpu_seconds=0.0, history=[])
        self.last = os.path.join(args.workdir, "last.pt")
        if os.path.exists(self.last):
            self.resume()
        elif args.init_from:
            self.continue_carried(args.init_from)
        device_type = torch.device(args.device).type
        self.autocast = ((lambda: torch.autocast(device_type, dtype=torch.bfloat16)) if args.bf16
                         else contextlib.nullcontext)

    def resume(self):
        ck = torch.load(self.last, map_location=self.args.device)
        self.model.load_state_dict(ck["model"])
        self.opt.load_state_dict(ck["opt"])
        self.pos = pos = ck["pos"]
        self.say(f"resumed at epoch {pos['epoch']} batch {pos['batch']} step {pos['step']} "
                 f"({pos['train_seconds'] / 3600:.2f} h trained)")

    def continue_carried(self, path):
        state, pos, carried_cfg = carry_over.load(path)
        shape = ("vocab_size", "d_model", "heads", "ffn", "enc_layers", "dec_layers", "dec_cell", "eos_id", "unk_id")
        want = {k: self.cfg.to_dict()[k] for k in shape}
        if {k: carried_cfg.get(k) for k in shape} != want:
            sys.exit(f"{path}: a model of {carried_cfg}, not the {want} asked for")
        self.model.load_state_dict(state)
        pos["rewarm_from"] = pos["step"]
        self.pos = pos
        self.say(f"continued from {path} at epoch {pos['epoch']} batch {pos['batch']} step {pos['step']} "
                 f"({pos['cpu_seconds'] / 3600:.2f} CPU h trained before); fresh optimizer, {self.args.rewarm} updates of warmup")

    def cpu_state(self):  # snapshots load anywhere (export and ship run on CPU machines)
        return {k: v.detach().cpu() for k, v in self.model.state_dict().items()}

    def checkpoint(self):
        save_atomic(dict(model=self.cpu_state(), opt=self.opt.state_dict(), pos=self.pos, config=self.cfg.to_dict(),
                         args=vars(self.args)), self.last)

    def snapshot(self):
        """stepN.pt for averaging at export; the last six are kept."""
        workdir = self.args.workdir
        save_atomic(dict(model=self.cpu_state(), config=self.cfg.to_dict()),
                    os.path.join(workdir, f"step{self.pos['step']}.pt"))
        snaps = sorted((f for f in os.listdir(workdir) if f.startswith("step") and f.endswith(".pt")),
                       key=lambda f: int(f[4:-3]))
        for old in snaps[:-6]:
            os.remove(os.path.join(workdir, old))

    def update(self, pairs, batch):
        """One optimizer step on one batch -> (target tokens, summed loss)."""
        args, cfg, pos = self.args, self.cfg, self.pos
        step_start, step_cpu = time.time(), time.process_time()
        src, src_len, tgt_in, tgt_out = (t.to(args.device) for t in data.collate(pairs, batch, cfg.eos_id))
        for g in self.opt.param_groups:
            g["lr"] = lr_at(pos["step"] + 1, args, pos)
        with self.autocast():
            logits = self.model(src, src_len, tgt_in)
        loss = smoothed_cross_entropy(logits.reshape(-1, cfg.vocab_size), tgt_out.reshape(-1), args.smoothing)
        n = int((tgt_out != -100).sum())
        self.opt.zero_grad(set_to_none=True)  # no zero-filling of every gradient
        (loss / n).backward()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
        self.opt.step()
        pos["batch"] += 1
        pos["step"] += 1
        pos["target_tokens"] += n
        pos["train_seconds"] += time.time() - step_start
        pos["cpu_seconds"] += time.process_time() - step_cpu
        return n, loss.item()


class DevSet:
    """The first --eval-rows rows of each dev part; evaluate() appends a point to the learning curve."""

    def __init__(self, run):
        args, sp, eos_id = run.args, run.sp, run.cfg.eos_id
        self.run, self.parts = run, {}
        for part in data.DEV_PARTS:
            src, ref = data.read_tsv(os.path.join(args.data, f"dev.{part}.tsv"))
            self.parts[part] = (src[:args.eval_rows], ref[:args.eval_rows])
        self.refs = [r for _, refs in self.parts.values() for r in refs]
        self.pairs = data.encode_pairs(sp, [s for srcs, _ in self.parts.values() for s in srcs], self.refs, eos_id,
                                       max_len=10 ** 6)

    def evaluate(self, batches_in_epoch):
        run, pos, args = self.run, self.run.pos, self.run.args
        t0 = time.time()
        row = dict(step=pos["step"], epoch=pos["epoch"] + pos["batch"] / max(batches_in_epoch, 1),
                   hours=round(pos["train_seconds"] / 3600, 3), cpu_hours=round(pos["cpu_seconds"] / 3600, 3),
                   target_tokens=pos["target_tokens"],
                   dev_bits_per_char=round(dev_bits_per_char(run.model, self.pairs, self.refs, run.cfg.eos_id,
                                                             args.device), 4))
        for part, (src, ref) in self.parts.items():
            hyps = translate_lines(run.model, run.sp, src, run.cfg.eos_id, args.device)
            row[f"bleu_{part}"] = round(corpus_bleu(hyps, ref)["score"], 2)
        pos["history"].append(row)
        run.say(f"eval {json.dumps(row)} ({time.time() - t0:.0f} s) e.g. {hyps[0]!r}")
        run.snapshot()


def train(run, pairs, dev, stop):
    """Epoch after epoch until --max-epochs, the wall-clock or the CPU budget, or a stop signal."""
    args, pos = run.args, run.pos
    deadline = time.time() + args.minutes * 60
    cpu_deadline = time.process_time() + args.cpu_minutes * 60 if args.cpu_minutes else float("inf")
    run.model.train()
    while pos["epoch"] < args.max_epochs:
        batches = data.make_batches(pairs, args.batch_tokens, seed=args.seed * 1000 + pos["epoch"])
        t0, tokens, loss_sum = time.time(), 0, 0.0
        while pos["batch"] < len(batches):
            n, loss = run.update(pairs, batches[pos["batch"]])
            tokens += n
            loss_sum += loss
            if pos["step"] % 100 == 0:
                run.say(f"epoch {pos['epoch'] + 1} batch {pos['batch']}/{len(batches)} step {pos['step']} "
                        f"loss {loss_sum / tokens:.3f} {tokens / (time.time() - t0):.0f} tok/s "
                        f"lr {lr_at(pos['step'], args, pos):.2e}")
            if pos["step"] % args.eval_every == 0:
                dev.evaluate(len(batches))
            if pos["step"] % args.save_every == 0:
                run.checkpoint()
            if stop:
                run.checkpoint()
                run.say(f"signal {stop[0]}: position saved at step {pos['step']}, exiting")
                sys.exit(1)
            if time.time() > deadline or time.process_time() > cpu_deadline:
                if not pos["history"] or pos["history"][-1]["step"] != pos["step"]:
                    dev.evaluate(len(batches))  # a point on the learning curve at the end of every run
                run.checkpoint()
                run.say("time budget reached; re-run to continue")
                return
        pos["epoch"] += 1
        pos["batch"] = 0
        run.checkpoint()
    dev.evaluate(0)
    run.checkpoint()
    run.say("finished")


def main():
    args = parse()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    os.makedirs(args.workdir, exist_ok=True)
    say = open_log(args.workdir)
    stop = stop_requests()
    run = Run(args, say)
    pairs = load_ids(args, run.sp, run.cfg.eos_id, say)
    dev = DevSet(run)
    say(f"{len(pairs)} training pairs, vocab {run.cfg.vocab_size}, params {sum(p.numel() for p in run.model.parameters())}, "
        f"threads {args.threads}, bf16 {args.bf16}")
    train(run, pairs, dev, stop)


if __name__ == "__main__":
    main()
