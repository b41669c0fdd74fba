"""Marian .bin writer/reader and name mapping, on files the test generates."""
import os
import struct
import sys
import tempfile
import unittest

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
sys.path.insert(0, os.path.dirname(__file__))
from make_opus_package import random_state  # noqa: E402
from nmt.marian import (check_supported, compute_alphas, config_from_yml, from_marian, is_intgemm_name,  # noqa: E402
                        marian_int8_tensors, marian_yml, read_bin, read_marian, to_marian, write_bin)

CFG = dict(vocab_size=40, d_model=16, heads=2, ffn=24, enc_layers=2, dec_layers=1, dec_cell="ssru", activation="relu",
           eos_id=0, unk_id=1)


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

    def test_alpha_model_keeps_marians_integers_and_multipliers(self):
        path = os.path.join(self.dir, "ma.bin")
        alphas = {n: 3.5 for n, _ in to_marian(self.state, CFG) if is_intgemm_name(n)}
        write_bin(path, to_marian(self.state, CFG), marian_yml(CFG), precision="intgemm8", alphas=alphas)
        raw = {}
        tensors, yml = read_bin(path, raw)
        kept, done = marian_int8_tensors(config_from_yml(yml, tensors), tensors, raw)
        by_name = {n: a for n, _, a in kept}
        q, mult = raw["encoder_l1_self_Wq"]
        np.testing.assert_array_equal(by_name["enc.0.attn.q.weight"], q)  # stored W^T is our [out, in]
        self.assertEqual(by_name["enc.0.attn.q.weight.b_mult"][0], mult)
        self.assertEqual(by_name["enc.0.attn.q.weight.a_mult"][0], np.float32(3.5))
        self.assertEqual(by_name["dec.0.ssru.weight.a_mult"][0], np.float32(3.5))  # the SSRU's bias-free matrix too
        self.assertIn("embedding", done)
        np.testing.assert_array_equal(by_name["embedding"], raw["Wemb"][0])
        # Wemb is requantized by Marian from its float copy: the multiplier is recomputed, not the file's
        self.assertAlmostEqual(float(by_name["embedding.b_mult"][0]), float(raw["Wemb"][1]), delta=1e-5 * float(raw["Wemb"][1]))
        del tensors["encoder_l1_self_Wq_QuantMultA"]
        with self.assertRaisesRegex(ValueError, "encoder_l1_self_Wq_QuantMultA is missing"):
            marian_int8_tensors(config_from_yml(yml, tensors), tensors, raw)

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

    def test_npz_reads_like_bin(self):
        """OPUS-MT ships .npz: same names, biases [1, n], the yml as an int8 array."""
        path = os.path.join(self.dir, "model.npz")
        arrays = dict(to_marian(self.state, CFG))
        arrays["special:model.yml"] = np.frombuffer(marian_yml(CFG).encode() + b"\0", dtype=np.int8)
        np.savez(path, **arrays)
        tensors, yml = read_marian(path)
        self.assertIn("transformer-decoder-autoreg: rnn", yml)
        check_supported(tensors, yml)
        back = from_marian(tensors, CFG)
        for k, v in self.state.items():
            np.testing.assert_array_equal(back[k], v, err_msg=k)

    def test_unsupported_layouts_are_named(self):
        tensors, yml = dict(to_marian(self.state, CFG)), marian_yml(CFG)
        split = {("encoder_Wemb" if k == "Wemb" else k): v for k, v in tensors.items()}
        split["decoder_Wemb"] = tensors["Wemb"]
        cases = [
            (split, yml, "separate source and target embeddings"),
            ({**tensors, "decoder_ff_logit_out_W": tensors["Wemb"].T}, yml, "untied output layer"),
            ({**tensors, "Wpos": tensors["Wemb"]}, yml, "trained position embeddings"),
            (tensors, yml.replace('transformer-preprocess: ""', "transformer-preprocess: n"), "pre-norm"),
        ]
        for t, y, message in cases:
            with self.assertRaisesRegex(ValueError, message):
                check_supported(t, y)

    def test_alphas_cover_every_intgemm_matrix_and_round_trip(self):
        rng = np.random.RandomState(3)
        sents = [[int(x) for x in rng.randint(2, CFG["vocab_size"], size=rng.randint(2, 9))] + [0] for _ in range(40)]
        alphas = compute_alphas(self.state, CFG, sents, sents[::-1], batch=8)
        matrices = {n for n, _ in to_marian(self.state, CFG) if is_intgemm_name(n)}
        self.assertEqual(set(alphas), matrices | {"none"})
        for n, a in alphas.items():
            self.assertTrue(np.isfinite(a) and a > 0, n)
        # Cross-attention K and V read the same encoder output, so they get the same multiplier.
        self.assertAlmostEqual(alphas["decoder_l1_context_Wk"], alphas["decoder_l1_context_Wv"])
        self.assertNotAlmostEqual(alphas["encoder_l1_ffn_W1"], alphas["encoder_l1_ffn_W2"])
        path = os.path.join(self.dir, "alphas.bin")
        write_bin(path, to_marian(self.state, CFG), marian_yml(CFG), "intgemm8", alphas)
        tensors, _ = read_bin(path)
        for n, a in alphas.items():
            self.assertEqual(tensors[f"{n}_QuantMultA"].shape, (1, 1))
            self.assertAlmostEqual(float(tensors[f"{n}_QuantMultA"][0, 0]), a, places=4)


if __name__ == "__main__":
    unittest.main()
