"""Our BLEU / chrF against hand-computed cases and sacreBLEU's published examples."""
import math
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
from nmt.bleu import corpus_bleu, corpus_chrf, tokenize_13a  # noqa: E402


class Tokenizer13a(unittest.TestCase):
    def test_punctuation_split_but_numbers_kept(self):
        self.assertEqual(tokenize_13a("Hello, world! It's 3.5 km-long."), "Hello , world ! It's 3.5 km-long .")

    def test_html_entities(self):
        self.assertEqual(tokenize_13a("a &amp; b &quot;c&quot;"), 'a & b " c "')


class Bleu(unittest.TestCase):
    def test_identical_is_100(self):
        self.assertAlmostEqual(corpus_bleu(["a man rides a horse ."], ["a man rides a horse ."])["score"], 100.0)

    def test_hand_computed_with_brevity_penalty(self):
        # hyp: "the cat sat on mat" (5 words) vs ref "the cat sat on the mat" (6 words)
        # matches 1..4-grams: 5/5, 3/4, 2/3, 1/2; BP = exp(1 - 6/5)
        r = corpus_bleu(["the cat sat on mat"], ["the cat sat on the mat"])
        want = math.exp(1 - 6 / 5) * math.exp((math.log(1) + math.log(3 / 4) + math.log(2 / 3) + math.log(1 / 2)) / 4) * 100
        self.assertAlmostEqual(r["score"], want, places=9)
        self.assertEqual((r["sys_len"], r["ref_len"]), (5, 6))

    def test_exp_smoothing_when_no_4gram_matches(self):
        # 1-grams 3/3, 2-grams 1/2, 3-grams 0/1 -> 100/(2*1), no 4-grams: precision stays 0
        r = corpus_bleu(["a b c"], ["a b d c"])
        self.assertEqual(r["precisions"][:3], [100.0, 50.0, 50.0])
        self.assertEqual(r["precisions"][3], 0.0)
        self.assertLess(r["score"], 1e-6)

    def test_lowercase(self):
        self.assertLess(corpus_bleu(["A Dog runs ."], ["a dog runs ."])["score"], 100.0)
        self.assertAlmostEqual(corpus_bleu(["A Dog runs ."], ["a dog runs ."], lowercase=True)["score"], 100.0)

    def test_sacrebleu_readme_example_two_references(self):
        refs = [["The dog bit the man.", "It was not unexpected.", "The man bit him first."],
                ["The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."]]
        hyps = ["The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."]
        r = corpus_bleu(hyps, refs)
        self.assertAlmostEqual(r["score"], 48.53, places=2)
        self.assertEqual([round(p, 1) for p in r["precisions"]], [82.4, 50.0, 45.5, 37.5])

    def test_length_mismatch_is_an_error(self):
        with self.assertRaises(ValueError):
            corpus_bleu(["a"], ["a", "b"])


class ChrF(unittest.TestCase):
    def test_identical_is_100(self):
        self.assertAlmostEqual(corpus_chrf(["ein Hund"], ["ein Hund"]), 100.0)

    def test_published_examples(self):
        self.assertAlmostEqual(corpus_chrf(["The relationship between Obama and Netanyahu is not exactly friendly."],
                                           ["The ties between Obama and Netanyahu are not particularly friendly."]),
                               61.576379378113785, places=9)
        self.assertAlmostEqual(corpus_chrf(
            ["The relationship between cats and dogs is not exactly friendly.",
             "a good bookshop is just a genteel black hole that knows how to read."],
            ["The relationship between dogs and cats is not exactly friendly.",
             "A good bookshop is just a genteel Black Hole that knows how to read."]), 84.64214891738334, places=9)

    def test_hand_computed_unigram_only(self):
        # order 1: hyp chars a,b (2) vs ref a,c,d (3): 1 match; P = 1/2, R = 1/3, F2 = 5PR/(4P+R)
        p, r = 1 / 2, 1 / 3
        self.assertAlmostEqual(corpus_chrf(["ab"], ["acd"], order=1), 100 * 5 * p * r / (4 * p + r))


if __name__ == "__main__":
    unittest.main()
