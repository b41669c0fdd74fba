"""nmt.corpus mixing: placeholder copies as the widget and the JS API send them ({1}, {2}, … in
page order), and short interface strings seen often enough to be learned."""
import json
import os
import random
import tempfile
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
from nmt.corpus import (GENERAL_SOURCES, PUBLIC_NEWS_YEARS, SHORT_UI_COPIES, WEIGHTS, mix, mixed_with,  # noqa: E402
                        names_to_placeholders, normalize_text, weights_with)


class NamesToPlaceholders(unittest.TestCase):
    def test_one_name_anywhere_including_the_start(self):
        self.assertEqual(names_to_placeholders("Tom lives in Berlin.", "Tom wohnt in Berlin."),
                         ("{1} lives in Berlin.", "{1} wohnt in Berlin."))

    def test_two_names_numbered_in_source_order_whatever_the_target_order(self):
        self.assertEqual(names_to_placeholders("Tom wrote to Mary.", "An Mary schrieb Tom.", count=2),
                         ("{1} wrote to {2}.", "An {2} schrieb {1}."))

    def test_names_not_on_both_sides_once_are_left_alone(self):
        self.assertIsNone(names_to_placeholders("The dog sleeps.", "Der Hund schläft."))
        self.assertIsNone(names_to_placeholders("Tom and Tom.", "Tom und Tom."))
        self.assertIsNone(names_to_placeholders("Use {0} here, Tom.", "Tom, nutze {0} hier."))  # has placeholders

    def test_a_name_inside_a_longer_one_is_not_split(self):
        src, tgt = names_to_placeholders("Ask Linux users on Linux-Forum.", "Frag Linux-Nutzer im Linux-Forum.", count=2)
        self.assertEqual((src, tgt), ("Ask Linux users on {1}.", "Frag Linux-Nutzer im {1}."))


class NormalizeText(unittest.TestCase):
    def test_rest_markup_becomes_what_the_rendered_docs_show(self):
        self.assertEqual(normalize_text("Pass :term:`arguments <argument>` to :func:`time.localtime`::"),
                         "Pass arguments to time.localtime:")
        self.assertEqual(normalize_text("Voir :meth:`~email.message.Message.get` ::"), "Voir get :")
        self.assertEqual(normalize_text("Set ``DEBUG = True`` in `the settings <https://x.org/s>`_."),
                         "Set DEBUG = True in the settings.")
        self.assertEqual(normalize_text("See `Tutorial`_ first."), "See Tutorial first.")

    def test_text_that_only_looks_like_rest_is_kept(self):
        for text in ("std::vector and a::b", "Ratio 1:2", "C++ :: scope", "Press Ctrl+: now"):
            self.assertEqual(normalize_text(text), text)

    def test_html_entities_become_their_characters(self):
        self.assertEqual(normalize_text("Wait&hellip; it&#8217;s &#x2014; <b>done</b>&nbsp;now"), "Wait… it’s — done now")
        self.assertEqual(normalize_text("Save &amp; Close"), "Save & Close")
        self.assertEqual(normalize_text("AT&T and R&D"), "AT&T and R&D")


class Sources(unittest.TestCase):
    def test_every_source_has_a_weight_and_public_test_years_are_out(self):
        self.assertEqual(set(WEIGHTS), set(GENERAL_SOURCES) | {"multi30k"})
        self.assertEqual([y for y in range(2009, 2022) if PUBLIC_NEWS_YEARS(y)], [2014, 2019, 2020, 2021])


class Mix(unittest.TestCase):
    def test_short_interface_strings_are_repeated_and_nothing_else_is(self):
        train = {"ui": [("Remove", "Entfernen", "ui"), ("Save all changes now", "Alle Änderungen jetzt speichern", "ui")],
                 "news": [("Remove the lid.", "Den Deckel abnehmen.", "news")]}
        out = mix(train, random.Random(0), weights={"ui": 1.0, "news": 1.0})
        self.assertEqual(out.count(("Remove", "Entfernen", "ui")), SHORT_UI_COPIES)
        self.assertEqual(out.count(("Save all changes now", "Alle Änderungen jetzt speichern", "ui")), 1)
        self.assertEqual(out.count(("Remove the lid.", "Den Deckel abnehmen.", "news")), 1)


    def test_a_source_weighted_zero_leaves_nothing_not_even_copies(self):
        train = {"multi30k": [("Tom has 2 dogs.", "Tom hat 2 Hunde.", "multi30k")] * 50, "news": [("A.", "B.", "news")]}
        out = mix(train, random.Random(0), weights={"multi30k": 0.0, "news": 1.0})
        self.assertEqual(out, [("A.", "B.", "news")])


class WeightsWith(unittest.TestCase):
    def test_overrides_change_only_the_named_sources(self):
        w = weights_with("multi30k=4,news=2.5")
        self.assertEqual((w["multi30k"], w["news"]), (4.0, 2.5))
        self.assertEqual({k: v for k, v in w.items() if k not in ("multi30k", "news")},
                         {k: v for k, v in WEIGHTS.items() if k not in ("multi30k", "news")})
        self.assertEqual(weights_with(""), WEIGHTS)

    def test_unknown_sources_and_bad_numbers_are_named(self):
        for spec, said in (("captions=4", "no source 'captions'"), ("multi30k=lots", "not name=number"),
                           ("multi30k=-1", "negative")):
            with self.assertRaises(SystemExit) as e:
                weights_with(spec)
            self.assertIn(said, str(e.exception))


class MixedWith(unittest.TestCase):
    def test_a_complete_corpus_tells_its_weights_an_incomplete_one_none(self):
        with tempfile.TemporaryDirectory() as out:
            self.assertIsNone(mixed_with(out))
            with open(os.path.join(out, "stats.json"), "w") as f:
                json.dump({"weights": weights_with("multi30k=4")}, f)
            self.assertIsNone(mixed_with(out), "no train.tsv: a build that stopped half-way")
            open(os.path.join(out, "train.tsv"), "w").close()
            self.assertEqual(mixed_with(out), weights_with("multi30k=4"))
            self.assertNotEqual(mixed_with(out), WEIGHTS)


if __name__ == "__main__":
    unittest.main()
