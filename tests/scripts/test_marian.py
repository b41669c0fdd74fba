"""Marian .bin writer/reader and name mapping, on files the test generates."""
import os
import struct
import sys
import tempfile
import unittest

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
from nmt.marian import from_marian, marian_yml, read_bin, to_marian, write_bin  # noqa: E402

CFG = dict(vocab_size=40, d_model=16, heads=2, ffn=24, enc_layers=2, dec_layers=1, dec_cell="ssru", activation="relu",
           eos_id=0, unk_id=1)


def random_state(cfg, seed=0):
    rng = np.random.RandomState(seed)
    from nmt.marian import _pairs
    state = {}
    d, f, v = cfg["d_model"], cfg["ffn"], cfg["vocab_size"]
    for ours, theirs, transpose in _pairs(cfg):
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
        else:
            shape = (d,)
        state[ours] = rng.randn(*shape).astype(np.float32)
    return state


class MarianBinary(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.state = random_state(CFG)

    def test_float32_roundtrip_is_exact_and_layout_follows_marian(self):
        path = os.path.join(self.dir, "m.bin")
        write_bin(path, to_marian(self.state, CFG), marian_yml(CFG))
        with open(path, "rb") as f:
            b = f.read()
        version, count = struct.unpack_from("<QQ", b, 0)
        self.assertEqual(version, 1)
        self.assertEqual(count, len(self.state) + 1)
        tensors, yml = read_bin(path)
        self.assertIn("transformer-decoder-autoreg: rnn", yml)
        self.assertEqual(tensors["encoder_l1_self_Wq"].shape, (16, 16))   # Marian W is [in, out]
        self.assertEqual(tensors["encoder_l1_ffn_W1"].shape, (16, 24))
        self.assertEqual(tensors["decoder_l1_rnn_bf"].shape, (1, 16))     # biases [1, n]
        back = from_marian(tensors, CFG)
        for k, v in self.state.items():
            np.testing.assert_array_equal(back[k], v, err_msg=k)
        # Data section starts on a 256-byte boundary; every tensor but the config is padded to 256.
        at = 16 + 32 * count
        headers = [struct.unpack_from("<QQQQ", b, 16 + 32 * i) for i in range(count)]
        at += sum(h[0] for h in headers) + sum(4 * h[2] for h in headers)
        (pad,) = struct.unpack_from("<Q", b, at)
        self.assertEqual((at + 8 + pad) % 256, 0)
        self.assertTrue(all(h[3] % 256 == 0 for h in headers[:-1]))

    def test_intgemm8_is_within_half_a_step_of_float(self):
        path = os.path.join(self.dir, "m8.bin")
        write_bin(path, to_marian(self.state, CFG), marian_yml(CFG), precision="intgemm8")
        tensors, _ = read_bin(path)
        back = from_marian(tensors, CFG)
        for k, v in self.state.items():
            step = np.abs(v).max() / 127 if v.ndim == 2 else 0
            self.assertLessEqual(np.abs(back[k] - v).max(), step / 2 + 1e-6, k)
        with open(path, "rb") as f:
            raw = f.read()
        (count,) = struct.unpack_from("<Q", raw, 8)
        headers = [struct.unpack_from("<QQQQ", raw, 16 + 32 * i) for i in range(count)]
        types = {h[1] for h in headers}
        self.assertIn(0x4101, types)   # intgemm8 matrices
        self.assertIn(0x404, types)    # float32 biases and norms
        q = [h for h in headers if h[1] == 0x4101]
        self.assertEqual(len(q), 1 + 2 * (4 + 2) + (2 + 4 + 2))  # Wemb; encoder q,k,v,o,W1,W2; decoder rnn W,Wf + context + ffn

    def test_missing_tensor_is_named(self):
        tensors = dict(to_marian(self.state, CFG))
        del tensors["decoder_l1_rnn_Wf"]
        with self.assertRaisesRegex(KeyError, "decoder_l1_rnn_Wf"):
            from_marian(tensors, CFG)


if __name__ == "__main__":
    unittest.main()
