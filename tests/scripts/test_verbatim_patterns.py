"""The training corpus (nmt.verbatim_patterns) finds the same numbers and addresses as their owner,
the JS API (web/translator/verbatim.js), on the same lines, run by Node."""
import json
import os
import subprocess
import sys
import unittest

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from nmt.verbatim_patterns import ADDRESS, NUMBER, js_to_python  # noqa: E402

LINES = [
    "Free shipping on orders over 1,299.50 (or 3,5 kg, 10 000 items, 10\u00a0000 or 12\u202f500).",
    "Version 2.4.1 was released on 2026-12-07 at 09:30; call +44 20 7946 0958.",
    "1,2345 is not a thousands group; 1.000.000 is; 1234567890123456789 is long.",
    "Write to help@example.com. Or to jean-luc.o'neil+news@mail.example.co.uk!",
    "See https://example.com/a?b=1&c=[2]), www.example.org/path. and (http://x.y/z).",
    "Müller@beispiel.de and straße@example.com: the @ needs ASCII letters before it.",
    "Prices: €25, $1,299.00, 25 € and 3½; ½ is not a digit, nor is ٣ (Arabic three).",
    "",
]

JS = """
import { ADDRESS, NUMBER } from './web/translator/verbatim.js';
const lines = JSON.parse(process.argv[1]);
const all = (source, line) => [...line.matchAll(new RegExp(source, 'gu'))].map((m) => m[0]);
console.log(JSON.stringify(lines.map((l) => ({ number: all(NUMBER, l), address: all(ADDRESS, l) }))));
"""


class VerbatimPatternsMatchJs(unittest.TestCase):
    def test_same_matches_as_the_js_api(self):
        out = subprocess.run(["node", "--input-type=module", "-e", JS, json.dumps(LINES)], cwd=ROOT,
                             capture_output=True, text=True, check=True)
        for line, js in zip(LINES, json.loads(out.stdout)):
            self.assertEqual(NUMBER.findall(line), js["number"], line)
            self.assertEqual(ADDRESS.findall(line), js["address"], line)

    def test_finds_something(self):
        # The comparison above means nothing if both sides found nothing.
        self.assertEqual(NUMBER.findall(LINES[0]), ["1,299.50", "3,5", "10 000", "10\u00a0000", "12\u202f500"])
        self.assertIn("help@example.com", ADDRESS.findall(LINES[3]))

    def test_translation_of_js_classes(self):
        self.assertEqual(js_to_python(r"[\w.+-]+\d\/x"), r"[A-Za-z0-9_.+-]+[0-9]/x")
        self.assertEqual(js_to_python(r"\\w"), r"\\w")  # an escaped backslash, then a letter


if __name__ == "__main__":
    unittest.main()
