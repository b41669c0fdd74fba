"""nmt.numbers_kept: the share of a source's numbers that its translation keeps."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
from nmt.numbers_kept import kept_share, numbers  # noqa: E402


class NumbersKept(unittest.TestCase):
    def test_numbers_by_their_digits(self):
        self.assertEqual(numbers("1,000.5 people, 1.000,5 km and 10 000 in 2026"), ["10005", "10005", "10000", "2026"])

    def test_changed_and_lost_numbers_count_against(self):
        src = ["You clicked 40 times.", "Prices rose 3,2 % in 2008.", "No numbers."]
        self.assertEqual(kept_share(src, ["Sie haben 40-mal geklickt.", "Prices rose 3.2% in 2008.", "Keine."]), 1.0)
        self.assertEqual(kept_share(src, ["400 Mal.", "Prices rose 3 % since 2008.", "Keine."]), 1 / 3)

    def test_each_use_counted_once(self):
        self.assertEqual(kept_share(["10 to 10"], ["10 bis"]), 0.5)
        self.assertEqual(kept_share(["No numbers."], ["Keine Zahlen."]), 1.0)


if __name__ == "__main__":
    unittest.main()
