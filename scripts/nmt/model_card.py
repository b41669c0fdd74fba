"""Writes a model card (markdown) from the corpus statistics, the training history and the
native-engine scores (test_2016_flickr and every dev part, f32 and int8)."""
import argparse
import json
import os
import sys

import torch

from . import data

# Where each source of the mix comes from and under which terms (../shared/data/general/README.md).
SOURCES = {
    "tatoeba": ("Tatoeba sentences via manythings.org (everyday, short)",
                "CC-BY 2.0: attribution to the Tatoeba contributors (tatoeba.org) and manythings.org"),
    "news": ("WMT news test sets 2009-2012 and 2015-2018 (newstest2013 is dev; 2014 and 2019 on never used)",
             "WMT: research use"),
    "ui": ("software interface messages: Debian gettext catalogues, Magento 2 (en-de), GNOME help",
           "per package, mostly GPL/LGPL; Magento pack MIT; GNOME help CC-BY-SA 3.0"),
    "debian-descriptions": ("Debian package descriptions (technical prose)", "Debian Description Translation Project"),
    "apps": ("interface strings of ~500 desktop and web applications (.po/.mo catalogues)",
             "each application's own: GPL/LGPL/MIT/BSD"),
    "libreoffice": ("LibreOffice interface strings and help paragraphs", "MPL-2.0"),
    "web-apps": ("Firefox, Thunderbird, Chromium, MediaWiki, OpenStreetMap and other web application interfaces; "
                 "CLDR names and units", "MPL-2.0, BSD-3, GPL-2+, MIT, ISC, GPL-3; CLDR Unicode-3.0"),
    "docs": ("documentation: translated man pages, git, Debian and GNOME manuals; fr also the Python and Django docs",
             "GPL-2+/GPL-3+, CC-BY-SA 3.0, CC0 (Python translations), BSD-3 (Django)"),
    "wikipedia": ("Wikipedia sentences: MLQE-PE post-edited German, Universal Dependencies PUD", "CC0; CC-BY-SA 3.0"),
    "dictionary": ("bilingual dictionary entries: Ding (de), FreeDict (fr)", "GPL-2+"),
    "multi30k": ("Multi30k image captions (train)",
                 "NON-COMMERCIAL research use only (Flickr30k terms): a commercial user must retrain without it "
                 "(TW_CORPUS_WEIGHTS=multi30k=0)"),
}
PART_NAMES = {"news": "news (newstest2013)", "everyday": "everyday (Tatoeba, held out)",
              "interface": "interface (UI messages, held out)", "docs": "docs (documentation paragraphs, held out)",
              "wikipedia": "wikipedia (MLQE-PE / UD PUD rows, held out)", "captions": "captions (Multi30k val)"}


def probe_section(path, src):
    """What a visitor would read: the shipped model's output on the probe lines, unedited."""
    if not path:
        return ""
    return (f"\n## Ordinary web text, as translated by this model\n\nThe twenty lines of `scripts/probe/{src}.txt` "
            "(interface strings, prices, placeholders, news, instructions; written for this, from no corpus), "
            "output of `scripts/probe-model` with the shipped file (the JS API around it, as a page gets it: a line that "
            "is one interface word, such as \"Remove\", comes from `web/translator/ui-glossary.js`, not the model), "
            "unedited:\n\n```\n" + open(path).read().rstrip() + "\n```\n")


def good_and_bad_section(i8, numbers, assessment):
    """Plainly what the model is good and bad at: the dev parts from best to worst (shipped int8),
    how many numbers survive (scripts/measure-numbers), and what a person noticed reading it."""
    ranked = sorted(data.DEV_PARTS, key=lambda part: -i8["dev"][part]["chrf"])
    parts = ", ".join(f"{part} {i8['dev'][part]['bleu']} / {i8['dev'][part]['chrf']}" for part in ranked)
    out = ["\n## Good and bad at\n", f"- Held-out dev parts from best to worst (int8 BLEU / chrF): {parts}."]
    if numbers:
        out.append(f"- Numbers, through the JS API (`scripts/measure-numbers`, newstest2013 lines with digits): {numbers}")
    if assessment:
        out.append(f"- Read by us: {assessment}")
    return "\n".join(out) + "\n"


def quality_section(model_dir):
    """The quality table: f32, int8 and (when the model has a shortlist) int8 as the widget runs it."""
    scores = {k: json.load(open(os.path.join(model_dir, f"scores.{k}.json"))) for k in ("f32", "int8")}
    shortlist_path = os.path.join(model_dir, "scores.shortlist.json")
    if os.path.exists(shortlist_path):
        scores["shortlist"] = json.load(open(shortlist_path))
    heads = ["f32", "int8 (shipped)"] + (["int8 + shortlist (what the widget runs)"] if "shortlist" in scores else [])
    cell = lambda s: f"{s['bleu']} / {s['chrf']}"
    rows = "\n".join(f"| {PART_NAMES[part]} | {scores['f32']['dev'][part]['sentences']} | "
                     + " | ".join(cell(s["dev"][part]) for s in scores.values()) + " |" for part in data.DEV_PARTS)
    note = ("\n\nThe shortlist (`lex.s2t.bin`, made by `scripts/make-shortlist`) lets the output layer score only "
            "the target pieces that a sentence's source pieces are likely to produce.") if "shortlist" in scores else ""
    return f"""## Quality, native engine, greedy (BLEU / chrF, cased)

| dev part | sentences | {' | '.join(heads)} |
|---|---|{'---|' * len(heads)}
{rows}
| Multi30k test_2016_flickr | 1000 | {' | '.join(cell(s) for s in scores.values())} |{note}

"""


def refresh_quality(model_dir):
    """Rewrites the quality section of an existing card (make-shortlist adds a column)."""
    path = os.path.join(model_dir, "README.md")
    if not os.path.exists(path):  # a first ship: ship-model writes the card next
        return
    card = open(path).read()
    start = card.index("## Quality, native engine")
    end = card.index("int8 greedy output is identical")
    open(path, "w").write(card[:start] + quality_section(model_dir) + card[end:])


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--refresh-quality":
        return refresh_quality(sys.argv[2])
    p = argparse.ArgumentParser()
    p.add_argument("--src", required=True)
    p.add_argument("--tgt", required=True)
    p.add_argument("--run", required=True)
    p.add_argument("--dir", required=True)
    p.add_argument("--corpus", required=True, help="the nmt.corpus directory the model was trained on")
    p.add_argument("--f32-bytes", type=int, required=True)
    p.add_argument("--checkpoints", nargs="+", required=True)
    p.add_argument("--notes", default="", help="free text: how it was trained (restarts, weights)")
    p.add_argument("--assessment", default="", help="free text: what reading its output shows it is good and bad at")
    p.add_argument("--numbers", default="", help="scripts/measure-numbers' figures for this model")
    p.add_argument("--probe", default=None, help="scripts/probe-model's output with this model: shown as it is")
    a = p.parse_args()
    last = torch.load(os.path.join(a.run, "last.pt"), map_location="cpu")
    pos, cfg = last["pos"], last["config"]
    hist = pos["history"]
    stats = json.load(open(os.path.join(a.corpus, "stats.json")))
    f32 = json.load(open(os.path.join(a.dir, "scores.f32.json")))
    i8 = json.load(open(os.path.join(a.dir, "scores.int8.json")))
    size = os.path.getsize(os.path.join(a.dir, "model.twm"))
    weights = stats["weights"]
    data_rows = "\n".join(
        f"| {name} | {what} | {stats.get(f'kept {name}', 0):,} | {weights[name]} | "
        f"{stats.get(f'written {name}', 0) + stats.get(f'written {name}+renumbered', 0) + stats.get(f'written {name}+placeholder', 0):,} | {lic} |"
        for name, (what, lic) in SOURCES.items())
    curve = "\n".join(
        f"| {h['step']} | {h['epoch']:.2f} | {h.get('cpu_hours', 0):.2f} | {h['dev_bits_per_char']:.3f} | "
        + " | ".join(f"{h['bleu_' + part]:.1f}" if 'bleu_' + part in h else "–" for part in data.DEV_PARTS) + " |" for h in hist)
    print(f"""# {a.src}→{a.tgt} model

Trained from scratch by `scripts/train-direction {a.src} {a.tgt}` on a general-domain mix (everyday
sentences, news, software interface text, technical descriptions, image captions). Weights are ours;
the training data keeps its own terms (below): Tatoeba's CC-BY asks for attribution.

## Data (`nmt.corpus`: cleaned, filtered, deduplicated, mixed by weight)

| source | what | pairs kept | weight | rows per epoch | license |
|---|---|---|---|---|---|
{data_rows}

Placeholders, URLs, e-mail addresses and numbers must match on both sides of a pair (else it is
dropped); renumbered copies teach copying numbers, `{{1}}` copies teach passing do-not-translate
terms. Never trained on: FLORES, NTREX, WMT newstest 2014 and later, Tatoeba test releases.

| | |
|---|---|
| Architecture | Firefox Translations "tiny" layout: {cfg['enc_layers']}-layer encoder, {cfg['dec_layers']} SSRU decoder layers, d {cfg['d_model']}, {cfg['heads']} heads, FFN {cfg['ffn']}, ReLU, post-norm, tied embeddings |
| Vocabulary | joint SentencePiece unigram, {cfg['vocab_size']} pieces (`vocab.spm`), byte fallback (no `<unk>`), digits split, no NFKC |
| Shipped file | `model.twm`, int8 weights with per-row scales, {size:,} bytes (f32: {a.f32_bytes:,} bytes) |
| Training | CPU (PyTorch), {pos['step']} updates, {pos['target_tokens'] / 1e6:.1f} M target tokens, {pos.get('cpu_seconds', 0) / 3600:.1f} CPU hours; {'that update' + chr(39) + 's snapshot' if len(a.checkpoints) == 1 else f'average of the last {len(a.checkpoints)} snapshots'} |

## Learning curve (PyTorch greedy on the first rows of each dev part, cased BLEU)

| update | epoch | CPU hours | dev bits/char | {' | '.join(data.DEV_PARTS)} |
|---|---|---|---|{'---|' * len(data.DEV_PARTS)}
{curve}

{quality_section(a.dir)}int8 greedy output is identical to f32 for {i8.get('identical_to_f32', 0) * 100:.1f} % of the test_2016_flickr sentences.
{('Notes: ' + a.notes) if a.notes else ''}
{good_and_bad_section(i8, a.numbers, a.assessment)}{probe_section(a.probe, a.src)}

BLEU is sacreBLEU-compatible (13a tokenization) computed by `scripts/nmt/bleu.py` on the output of
`build/tw-translate`; reproduce with `scripts/ship-model {a.src} {a.tgt}`.
""")


if __name__ == "__main__":
    main()
