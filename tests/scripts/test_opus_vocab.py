"""OPUS-MT vocabulary conversion (nmt.opus_vocab) on a package the test builds with spm_train."""
import os
import sys
import tempfile
import unittest

import sentencepiece as spm

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
sys.path.insert(0, os.path.dirname(__file__))
from make_opus_package import corpus_lines, make  # noqa: E402
from nmt.opus_vocab import parse_vocab_yml, read_pieces, UNUSED  # noqa: E402


class OpusVocabulary(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp()
        cls.pieces, cls.missing = make(cls.dir)
        cls.ids = {p: i for i, p in enumerate(cls.pieces)}
        cls.joint = spm.SentencePieceProcessor(model_file=os.path.join(cls.dir, "vocab.spm"))
        cls.source = spm.SentencePieceProcessor(model_file=os.path.join(cls.dir, "source.spm"))
        cls.target = spm.SentencePieceProcessor(model_file=os.path.join(cls.dir, "target.spm"))

    def test_ids_are_the_vocab_yml_ids_of_source_spm_pieces(self):
        """What Marian computes: source.spm pieces looked up in vocab.yml."""
        self.assertEqual(self.missing, 0)
        self.assertEqual(self.joint.get_piece_size(), len(self.pieces))
        self.assertEqual((self.joint.eos_id(), self.joint.unk_id()), (0, 1))
        lines = corpus_lines("en", 6000)[4000:]  # sentences the vocabularies were not trained on
        checked = 0
        for line in lines:
            pieces = self.source.encode_as_pieces(line)
            if any(self.source.piece_to_id(p) == self.source.unk_id() for p in pieces):
                continue  # an unknown run: Marian looks its surface up, we emit <unk> (README)
            self.assertEqual(self.joint.encode(line), [self.ids[p] for p in pieces], line)
            checked += 1
        self.assertGreater(checked, 1900)

    def test_target_ids_decode_like_target_spm(self):
        for line in corpus_lines("de", 300):
            pieces = self.target.encode_as_pieces(line)
            self.assertEqual(self.joint.decode([self.ids[p] for p in pieces]), self.target.decode_pieces(pieces))

    def test_target_only_pieces_are_unused(self):
        source = {p for p, _, _ in read_pieces(open(os.path.join(self.dir, "source.spm"), "rb").read())}
        types = {p: t for p, _, t in read_pieces(open(os.path.join(self.dir, "vocab.spm"), "rb").read())}
        target_only = [p for p in self.pieces if p not in source and not p.startswith("<")]
        self.assertGreater(len(target_only), 50)
        self.assertTrue(all(types[p] == UNUSED for p in target_only))

    def test_vocab_yml_quoting_and_errors(self):
        text = '"</s>": 0\n<unk>: 1\n"\\u2581a": 2\nno: 3\n"\\"": 4\n\'it\'\'s\': 5\n1e3: 6\n'
        self.assertEqual(parse_vocab_yml(text), ["</s>", "<unk>", "\u2581a", "no", '"', "it's", "1e3"])
        for bad, message in [("a: 0\nb: 0\n", "used twice"), ("a: 0\nb: 2\n", "not 0..n-1"), ("a 0\n", "line 1"), ("", "no pieces")]:
            with self.assertRaisesRegex(ValueError, message):
                parse_vocab_yml(bad)


if __name__ == "__main__":
    unittest.main()
