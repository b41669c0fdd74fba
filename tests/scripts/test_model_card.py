"""nmt.model_card's "Good and bad at" section: dev parts ranked, numbers and a reader's notes as given."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
from nmt.model_card import good_and_bad_section  # noqa: E402


def scores(**chrf):
    return {"dev": {part: {"bleu": c / 2, "chrf": c} for part, c in chrf.items()}}


class GoodAndBad(unittest.TestCase):
    def test_parts_from_best_to_worst(self):
        text = good_and_bad_section(scores(news=37.0, everyday=58.6, interface=60.1, docs=45.0, wikipedia=40.0, captions=50.0), "", "")
        self.assertIn("interface 30.05 / 60.1, everyday 29.3 / 58.6, captions 25.0 / 50.0, docs 22.5 / 45.0, "
                      "wikipedia 20.0 / 40.0, news 18.5 / 37.0.", text)
        self.assertNotIn("Numbers", text)
        self.assertNotIn("Read by us", text)

    def test_numbers_and_assessment_shown_as_given(self):
        text = good_and_bad_section(scores(news=1, everyday=2, interface=3, docs=5, wikipedia=6, captions=4), "97 % kept.",
                                    "copies single words.")
        self.assertIn("- Numbers, through the JS API (`scripts/measure-numbers`, newstest2013 lines with digits): 97 % kept.", text)
        self.assertIn("- Read by us: copies single words.", text)


if __name__ == "__main__":
    unittest.main()
