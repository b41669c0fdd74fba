"""The Python side of the model file against the engine's table (engine/model/layout.h): a fresh
PyTorch model, exported by nmt.model_format, is described by the native engine
(`tw-translate --describe`), and the metadata, names, shapes and dtypes must be exactly the engine's
(engine/format/model_file.h is the spec; scripts/update-registry reads metadata through the engine); the
Marian converter's name map must name the same tensors."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from nmt.marian import _pairs  # noqa: E402
from nmt.model_format import config_metadata, read_model, tensors_for, write_model  # noqa: E402

CLI = os.path.join(ROOT, "build", "tw-translate")
VOCAB = os.path.join(ROOT, "models", "en-de", "vocab.spm")


def describe(path):
    out = subprocess.run([CLI, "--model", path, "--vocab", VOCAB, "--describe"], capture_output=True, text=True)
    if out.returncode != 0:
        raise AssertionError(out.stderr)
    return json.loads(out.stdout)


def layout_names(node):
    """Every tensor name the engine's layout tree mentions."""
    if isinstance(node, dict):
        names = [v for k, v in node.items() if k in ("weight", "bias", "scale") and isinstance(v, str)]
        return names + [n for k, v in node.items() if isinstance(v, (dict, list)) for n in layout_names(v)]
    if isinstance(node, list):
        return [n for v in node for n in layout_names(v)]
    return []


class ModelFormatMatchesEngine(unittest.TestCase):
    def setUp(self):
        self.assertTrue(os.path.exists(CLI), f"{CLI} is missing: scripts/build makes it")

    def check(self, dec_cell, dtype):
        import torch
        from nmt.model import Config, Transformer
        vocab = describe(os.path.join(ROOT, "models", "en-de", "model.twm"))["config"]["vocab_size"]
        cfg = Config(vocab, d_model=16, heads=2, ffn=24, enc_layers=2, dec_layers=2, dec_cell=dec_cell)
        torch.manual_seed(0)
        state = Transformer(cfg).state_dict()
        tensors = tensors_for(state, dtype)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "m.twm")
            # Metadata values as a model card writes them: quotes, backslashes, non-ASCII, a newline.
            written_meta = {k: str(v) for k, v in config_metadata(cfg.to_dict()).items()}
            written_meta["license"] = 'CC-BY-4.0 "ours" \\ Müller\nnext line'  # written as strings
            write_model(path, tensors, written_meta)
            desc = describe(path)
            meta, back = read_model(path)
        # The engine reads the header Python wrote key for key (scripts/update-registry asks the
        # engine for it), and Python reads it back the same.
        self.assertEqual(desc["metadata"], written_meta)
        self.assertEqual(meta, written_meta)
        written = {name: (list(arr.shape), "i8" if code == 2 else "f32") for name, code, arr in tensors}
        engine = {name: (t["shape"], t["dtype"]) for name, t in desc["tensors"].items()}
        self.assertEqual(written, engine)
        used = layout_names(desc["layout"])
        self.assertEqual(len(used), len(set(used)))
        # Every tensor is one the engine reads: a layout name, or the scale of an int8 one.
        self.assertEqual(set(engine), set(used) | {n + ".scale" for n in used if engine[n][1] == "i8"})
        self.assertEqual(desc["config"]["dec_cell"], "ssru" if dec_cell == "ssru" else "self-attention")
        # The Marian converter's name map covers exactly the same tensors (nmt/marian.py).
        self.assertEqual({ours for ours, _, _ in _pairs(cfg.to_dict())}, set(used))
        for name, value in state.items():  # read_model gives back the weights (int8: within a step)
            tol = 0 if dtype == "f32" else np.abs(value.numpy()).max() / 127 * 0.51
            np.testing.assert_allclose(back[name], value.numpy(), atol=tol + 1e-7, rtol=0, err_msg=name)

    def test_ssru_int8(self):
        self.check("ssru", "int8")

    def test_ssru_float32(self):
        self.check("ssru", "f32")

    def test_self_attention_decoder(self):
        self.check("self-attention", "int8")

    def test_export_records_the_placeholder_convention(self):
        """nmt.export --placeholders writes what the engine reports to the widget and the API."""
        import torch
        from nmt.model import Config, Transformer
        vocab = describe(os.path.join(ROOT, "models", "en-de", "model.twm"))["config"]["vocab_size"]
        cfg = Config(vocab, d_model=16, heads=2, ffn=24, enc_layers=1, dec_layers=1)
        with tempfile.TemporaryDirectory() as d:
            ckpt = os.path.join(d, "step1.pt")
            torch.save({"model": Transformer(cfg).state_dict(), "config": cfg.to_dict()}, ckpt)
            env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "scripts"))
            for flag, want in (([], ""), (["--placeholders"], "{n}")):
                out = os.path.join(d, "m.twm")
                subprocess.run([sys.executable, "-m", "nmt.export", ckpt, "--out", out, "--vocab", VOCAB,
                                "--src", "en", "--tgt", "de", *flag], check=True, env=env, capture_output=True)
                self.assertEqual(describe(out)["config"]["placeholders"], want)


if __name__ == "__main__":
    unittest.main()
