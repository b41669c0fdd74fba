"""nmt.number_format: the share of the reference's separator-written numbers that a translation
writes the same way (spaces alike), and the same share for numbers in the target's convention."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
from nmt.number_format import format_share, in_convention  # noqa: E402


class FormatShare(unittest.TestCase):
    def test_numbers_written_as_the_reference_writes_them_count_spaces_alike(self):
        refs = ["Nur 6.000 von 330.000, also 3,2 %.", "Le prix : 1 299,50 €."]
        hyps = ["Nur 6,000 von 330.000, 3,2 %.", "Prix 1\u202f299,50 €."]
        self.assertEqual(format_share(refs, hyps), (3, 4))
        self.assertEqual(format_share(refs, refs), (4, 4))

    def test_numbers_without_separators_do_not_count_and_each_is_matched_once(self):
        self.assertEqual(format_share(["In 2024, 40 and 1.000 and 1.000."], ["2024 40 1.000"]), (1, 2))

    def test_the_convention_share_leaves_out_reference_numbers_written_another_way(self):
        refs = ["Environ 80,000 personnes et 11 700 habitants, soit 1,5 million."]
        hyps = ["Environ 80 000 personnes et 11 700 habitants, soit 1,5 million."]
        self.assertEqual(format_share(refs, hyps), (2, 3))
        self.assertEqual(format_share(refs, hyps, "fr"), (2, 2))
        self.assertTrue(in_convention("1.299,50", "de") and in_convention("1,299.50", "en") and in_convention("3,2", "fr"))
        self.assertFalse(in_convention("80,000", "fr") or in_convention("6,000", "de") or in_convention("3,2", "en"))


if __name__ == "__main__":
    unittest.main()
