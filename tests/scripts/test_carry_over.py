"""A training run carried over in the repository (nmt.carry_over) and continued by nmt.train on a
machine without its checkpoints: the weights come back within int8 rounding, the position and the
learning curve exactly, and training goes on from the carried step with a fresh optimizer."""
import os
import subprocess
import sys
import tempfile
import unittest

import sentencepiece as spm
import torch

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from nmt import carry_over, data  # noqa: E402
from nmt.model import Config, Transformer  # noqa: E402

VOCAB = os.path.join(ROOT, "models", "en-de", "vocab.spm")
TINY = dict(d_model=32, heads=4, ffn=64, enc_layers=1, dec_layers=1)


def fake_run(workdir):
    """The last.pt of a run of a tiny model over VOCAB, 1234 updates in."""
    torch.manual_seed(3)
    sp = spm.SentencePieceProcessor(model_file=VOCAB)
    cfg = Config(vocab_size=sp.get_piece_size(), eos_id=sp.eos_id(), unk_id=sp.unk_id(), **TINY)
    model = Transformer(cfg)
    pos = dict(epoch=1, batch=5, step=1234, target_tokens=99, train_seconds=10.0, cpu_seconds=20.0,
               history=[dict(step=1200, bleu_news=1.5)])
    os.makedirs(workdir, exist_ok=True)
    torch.save(dict(model=model.state_dict(), opt={}, pos=pos, config=cfg.to_dict(), args={}),
               os.path.join(workdir, "last.pt"))
    return model.state_dict(), pos


class CarryOver(unittest.TestCase):
    def test_round_trip_keeps_position_and_weights_within_int8_rounding(self):
        with tempfile.TemporaryDirectory() as tmp:
            state, pos = fake_run(os.path.join(tmp, "run"))
            carry_over.save(os.path.join(tmp, "run"), VOCAB, os.path.join(tmp, "carried"))
            back, back_pos, cfg = carry_over.load(os.path.join(tmp, "carried", carry_over.SNAPSHOT))
            self.assertEqual(back_pos, pos)
            self.assertEqual(cfg["d_model"], 32)
            self.assertEqual(set(back), set(state))
            for name, value in state.items():
                if value.ndim == 2:  # int8 rows: off by at most half a step of the row's scale
                    step = value.abs().amax(dim=1, keepdim=True) / 127
                    self.assertTrue(bool(((back[name] - value).abs() <= step / 2 + 1e-7).all()), name)
                else:
                    self.assertTrue(torch.equal(back[name], value), name)
            with open(VOCAB, "rb") as a, open(os.path.join(tmp, "carried", carry_over.VOCAB), "rb") as b:
                self.assertEqual(a.read(), b.read())

    def test_training_continues_from_the_carried_step(self):
        with tempfile.TemporaryDirectory() as tmp:
            corpus = os.path.join(tmp, "corpus")
            os.makedirs(corpus)
            rows = [("The cat sits on the mat.", "Die Katze sitzt auf der Matte."),
                    ("Click here to save.", "Klicken Sie hier, um zu speichern.")] * 20
            for name in ["train"] + [f"dev.{p}" for p in data.DEV_PARTS]:
                with open(os.path.join(corpus, f"{name}.tsv"), "w") as f:
                    f.writelines(f"{s}\t{t}\n" for s, t in rows)
            fake_run(os.path.join(tmp, "old"))
            carry_over.save(os.path.join(tmp, "old"), VOCAB, os.path.join(tmp, "carried"))
            env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "scripts"))

            def train(workdir, d_model):
                return subprocess.run(
                    [sys.executable, "-m", "nmt.train", "--data", corpus, "--spm", VOCAB, "--workdir", os.path.join(tmp, workdir),
                     "--init-from", os.path.join(tmp, "carried", carry_over.SNAPSHOT), "--minutes", "0", "--eval-rows", "2",
                     "--d-model", str(d_model), "--heads", "4", "--ffn", "64", "--enc-layers", "1", "--dec-layers", "1"],
                    capture_output=True, text=True, env=env)

            out = train("new", 32)
            self.assertEqual(out.returncode, 0, out.stderr)
            self.assertIn("continued from", out.stdout)
            pos = torch.load(os.path.join(tmp, "new", "last.pt"))["pos"]
            self.assertEqual(pos["step"], 1235)  # one update (the budget is zero minutes) after the carried 1234
            self.assertEqual(pos["rewarm_from"], 1234)
            self.assertEqual([h["step"] for h in pos["history"]], [1200, 1235])

            out = train("other", 64)  # a different shape: refused with what was carried and what was asked
            self.assertNotEqual(out.returncode, 0)
            self.assertIn("not the", out.stderr)


if __name__ == "__main__":
    unittest.main()
