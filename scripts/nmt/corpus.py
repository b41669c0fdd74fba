"""General-domain training data: read every source, clean, filter, deduplicate, hold out a dev set, mix.

Usage: /usr/bin/python3 -m nmt.corpus --src en --tgt de --out DIR
Writes DIR/train.tsv (src<TAB>tgt<TAB>source, already mixed: a source with weight 2 appears twice,
0.5 half of its rows), DIR/dev.<part>.tsv for the fixed development parts and DIR/stats.json
(rows read, dropped per reason, kept, written per source). Both directions of a pair see the same
rows, swapped. The corpora are read in place (../shared/data), never copied into the repository.

Rules, each because a page needs it:
  * markup is removed (the widget sends text only), menu accelerators are removed (`_File`,
    `&Open`: a visitor never sees them), whitespace is collapsed;
  * placeholders (`%s`, `%1$d`, `{0}`, `{name}`, `$1`), URLs, e-mail addresses and numbers must
    appear on both sides (numbers compared by their digits, so 1,000.5 = 1.000,5), else the pair
    is dropped: the model should learn that these pass through untouched;
  * a share of the pairs with numbers gets a copy with other numbers (same on both sides), so that
    numbers are copied rather than remembered;
  * a share of the pairs with names written the same on both sides ("Tom", "Linux") gets a copy
    with one or two of them replaced by {1}, {2} in source order: the placeholders a page's kept
    text travels as (web/translator/placeholders.js: web/translator/stages/kept-pieces.js, web/widget/kept-inline.js), learned in the
    positions names take;
  * interface strings of up to three words (buttons, menu items) are seen three times per epoch:
    pages are full of them, and one sighting per epoch is too few for a word that stands alone;
  * reST left in documentation (``:func:`os.stat` ``, ```` ``code`` ````, `` `text <url>`_ ``, a
    closing ``::``) becomes the text a rendered page shows; HTML entities (``&hellip;``,
    ``&#8217;``) become their characters;
  * public evaluation sets never enter training or development data: newstest2014 and 2019 or
    later are skipped (2015-2018 may be trained on; the data README says which sets are public).
"""
import argparse
import collections
import gzip
import hashlib
import html
import json
import os
import random
import re
import unicodedata

from .verbatim_patterns import ADDRESS, NUMBER  # owned by web/translator/verbatim.js

SHARED = os.environ.get("TW_SHARED_DATA", os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data"))

# Sampling weight per source: copies per epoch. News is small but is the register of articles;
# captions keep the caption domain good; Tatoeba is large and very short, so it is thinned.
# Of the sources added in December 2026: Wikipedia is the rarest register of articles (x3);
# application strings (272 k, mostly one to three words) and dictionary headwords (354 k en-de) are
# many but short, so they are thinned — the weights measured before they were added (issue 25: 50
# CPU minutes of en-de on this mix beat the old mix on held-out general text, 11.0 vs 10.1 BLEU).
WEIGHTS = {"tatoeba": 0.6, "news": 3.0, "ui": 1.0, "debian-descriptions": 1.0, "apps": 0.5,
           "libreoffice": 1.0, "web-apps": 1.0, "docs": 1.0, "wikipedia": 3.0, "dictionary": 0.3,
           "multi30k": 1.5}
GENERAL_SOURCES = ("tatoeba", "news", "ui", "debian-descriptions", "apps", "libreoffice", "web-apps", "docs",
                   "wikipedia", "dictionary")
# The development parts, in the order scores are reported (nmt.data, train, evaluate, model cards read it here).
DEV_PARTS = ("news", "everyday", "interface", "docs", "wikipedia", "captions")
DEV_NEWS = "newstest2013"
DEV_TATOEBA_ROWS = 2000
DEV_UI_ROWS = 1000
DEV_DOCS_SHARE = 1 / 60  # of documentation rows: ~1 000 en-de, ~1 900 en-fr
# Wikipedia: ~1 000 post-edited MLQE-PE rows held out (en-de); en-fr has only UD PUD, of which 300.
DEV_WIKIPEDIA = {"de": ("mlqe-pe-wiki", 1000 / 7912), "fr": ("ud-pud", 300 / 998)}
MAX_CHARS = 600
MAX_RATIO = 2.5
# Interface strings of up to three words (buttons, menu items, labels) are each seen this many
# times per epoch: a visitor meets them on every page, and a single word seen once per epoch among
# 300 000 rows is not learned ("Remove" -> "Erwartet", "Cancel" -> "Abstand" after 5 epochs).
SHORT_UI_WORDS = 3
SHORT_UI_COPIES = 3
NUMBER_AUGMENT_SHARE = 0.3
PLACEHOLDER_AUGMENT_SHARE = 0.1
NAME = re.compile(r"(?<![\w{])[A-Z][\w&.-]*[\w](?![\w}])")

PLACEHOLDER = re.compile(r"%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?(?:l|ll|h|z)?[sdifuxXcpeEgG%]|\{\w*\}|\$\d+")
TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
ACCELERATOR = re.compile(r"(?<![\w&])[_&](?=[^\W\d_])")
ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# reST as the Python and Django docs write it: a role (:meth:`x`, :term:`text <target>`), an inline
# literal (``x``), a link (`text <url>`_) or reference (`text`_), and the literal-block marker "::".
RST_ROLE = re.compile(r"(?<![\w`]):[\w.+-]+(?::[\w.+-]+)*:`([^`]+?)`")
RST_LITERAL = re.compile(r"``([^`]+?)``")
RST_LINK = re.compile(r"`([^`<]*?)\s*<([^`>]*)>`_{0,2}")
RST_REFERENCE = re.compile(r"`([^`]+?)`_{1,2}")
RST_BLOCK = re.compile(r"(?<=\w|\s|\))::$")  # "example::" and French "exemple ::" show one colon
MOJIBAKE = re.compile("[\u00c3\u00c2][\u0080-\u00bf]|\u00e2\u20ac|\ufffd")


def rst_to_text(s):
    """reST inline markup -> the text a rendered page shows ("See :func:`os.stat`::" -> "See os.stat:")."""
    def role(m):
        text = m.group(1)
        label, bracket, _ = text.partition(" <")
        if bracket:  # :term:`arguments <argument>` shows "arguments"
            return label
        if text.startswith("~"):  # :meth:`~a.b.c` shows "c"
            return text[1:].rsplit(".", 1)[-1]
        return text.lstrip("!")
    s = RST_ROLE.sub(role, s)
    s = RST_LITERAL.sub(r"\1", s)
    s = RST_LINK.sub(lambda m: m.group(1) or m.group(2), s)
    s = RST_REFERENCE.sub(r"\1", s)
    return RST_BLOCK.sub(":", s)


def normalize_text(s):
    """Markup, accelerators and odd whitespace out; what remains is what a page would show."""
    s = unicodedata.normalize("NFC", s)
    s = TAG.sub(" ", s)
    s = ENTITY.sub(lambda m: html.unescape(m.group(0)), s)
    s = rst_to_text(s)
    s = ACCELERATOR.sub("", s)
    # Control and line separators become spaces; invisible format characters (BOM, soft hyphen) go.
    s = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else "" if unicodedata.category(c) == "Cf" else c
                for c in s)
    return " ".join(s.split())


def number_digits(s):
    """The numbers of s by their digits, in order: "1,000.5" and "1.000,5" are the same number."""
    return [re.sub(r"\D", "", n) for n in NUMBER.findall(s)]


def protected(s):
    """What must pass through unchanged: placeholders, URLs, e-mail addresses, numbers (as digits)."""
    fixed = sorted(PLACEHOLDER.findall(s) + ADDRESS.findall(s))
    rest = ADDRESS.sub(" ", PLACEHOLDER.sub(" ", s))
    return fixed, sorted(number_digits(rest))


def reject_reason(src, tgt):
    """None when the pair is usable, else a short reason (counted in stats.json)."""
    if not src or not tgt:
        return "empty"
    if src == tgt and len(src) > 3 and any(c.isalpha() for c in src):
        return "copied"
    if len(src) > MAX_CHARS or len(tgt) > MAX_CHARS:
        return "too long"
    shorter, longer = sorted((len(src), len(tgt)))
    if longer > 12 and longer > MAX_RATIO * shorter:
        return "length ratio"
    if MOJIBAKE.search(src) or MOJIBAKE.search(tgt):
        return "broken encoding"
    if not any(c.isalpha() for c in src):
        return "no words"
    if protected(src) != protected(tgt):
        return "placeholders/numbers differ"
    return None


def PUBLIC_NEWS_YEARS(year):
    """newstest2014 and 2019 on are public evaluation sets; 2015-2018 may be trained on."""
    return year == 2014 or year >= 2019


def read_tsv(name, pair):
    path = os.path.join(SHARED, "general", f"{name}.{pair}.tsv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3:
                yield parts


def read_multi30k(split, other):
    def lines(lang):
        with gzip.open(os.path.join(SHARED, "multi30k", f"{split}.{lang}.gz"), "rt", encoding="utf-8") as f:
            return [l.rstrip("\n") for l in f]
    return [(e, o, "multi30k") for e, o in zip(lines("en"), lines(other))]


def stable_fraction(text):
    """A number in [0, 1) fixed by the text alone: dev selection does not depend on file order."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16) / 2 ** 32


def collect(other):
    """-> {source name: [(english, other, origin)]}, dev parts {name: [(english, other)]}, stats."""
    pair = f"en-{other}"
    stats = collections.Counter()
    train = {name: [] for name in GENERAL_SOURCES + ("multi30k",)}
    dev = {part: [] for part in DEV_PARTS}
    wiki_origin, wiki_share = DEV_WIKIPEDIA[other]
    for name in GENERAL_SOURCES:
        for en, tr, origin in read_tsv(name, pair):
            stats[f"read {name}"] += 1
            if name == "news" and PUBLIC_NEWS_YEARS(int(origin[-4:])):
                stats["dropped: public evaluation set (newstest2014, 2019+)"] += 1
                continue
            en, tr = normalize_text(en), normalize_text(tr)
            if name == "news" and origin == DEV_NEWS:
                dev["news"].append((en, tr))
                continue
            if name == "tatoeba" and stable_fraction(en) < DEV_TATOEBA_ROWS / 150000:
                dev["everyday"].append((en, tr))
                continue
            if name == "ui" and stable_fraction(en) < DEV_UI_ROWS / 60000:
                dev["interface"].append((en, tr))
                continue
            if name == "docs" and stable_fraction(en) < DEV_DOCS_SHARE:
                dev["docs"].append((en, tr))
                continue
            if name == "wikipedia" and origin == wiki_origin and stable_fraction(en) < wiki_share:
                dev["wikipedia"].append((en, tr))
                continue
            why = reject_reason(en, tr)
            if why:
                stats[f"dropped: {why}"] += 1
                continue
            train[name].append((en, tr, name))
    for en, tr, _ in read_multi30k("train", other):
        stats["read multi30k"] += 1
        en, tr = normalize_text(en), normalize_text(tr)
        why = reject_reason(en, tr)
        if why:
            stats[f"dropped: {why}"] += 1
            continue
        train["multi30k"].append((en, tr, "multi30k"))
    dev["captions"] = [(e, o) for e, o, _ in read_multi30k("val", other)]
    # Nothing of the dev sources may be trained on, whatever source it sits in.
    dev_keys = {key(e) for rows in dev.values() for e, _ in rows}
    seen = set()
    for name, rows in train.items():
        kept = []
        for row in rows:
            k = (key(row[0]), key(row[1]))
            if k[0] in dev_keys:
                stats["dropped: dev sentence"] += 1
            elif k in seen:
                stats["dropped: duplicate"] += 1
            else:
                seen.add(k)
                kept.append(row)
        train[name] = kept
        stats[f"kept {name}"] = len(kept)
    return train, dev, stats


def key(s):
    return " ".join(re.sub(r"[^\w\s]", "", s.lower()).split())


def renumber(src, tgt, rng):
    """The same pair with each number replaced by another of the same shape, on both sides."""
    mapping = {}
    for n in NUMBER.findall(src):
        digits = re.sub(r"\D", "", n)
        if digits not in mapping:
            new = str(rng.randint(10 ** (len(digits) - 1) if len(digits) > 1 else 0, 10 ** len(digits) - 1))
            mapping[digits] = new
    if not mapping:
        return None

    def swap(m):
        digits = re.sub(r"\D", "", m.group(0))
        if digits not in mapping:
            return m.group(0)
        new, out, i = mapping[digits], [], 0
        for c in m.group(0):  # keep the separators where they were
            if c.isdigit():
                out.append(new[i] if i < len(new) else "")
                i += 1
            else:
                out.append(c)
        return "".join(out)
    a, b = NUMBER.sub(swap, src), NUMBER.sub(swap, tgt)
    return (a, b) if protected(a) == protected(b) else None


def names_to_placeholders(src, tgt, count=1):
    """The pair with up to `count` names that both sides spell alike (once each) replaced by {1},
    {2}, … in source order, as the widget and the JS API send kept text; or None."""
    # Once each: "Linux" is not taken from "Linux users on Linux-Forum".
    shared = [n for n in NAME.findall(src) if len(n) >= 3 and src.count(n) == 1 and tgt.count(n) == 1][:count]
    if not shared or "{" in src or "{" in tgt:
        return None
    shared.sort(key=src.index)
    for k, name in enumerate(shared, 1):
        src, tgt = src.replace(name, f"{{{k}}}"), tgt.replace(name, f"{{{k}}}")
    return src, tgt


def weights_with(overrides):
    """WEIGHTS with "name=w,name=w" overrides applied; SystemExit names an unknown source or weight."""
    weights = dict(WEIGHTS)
    for item in filter(None, overrides.split(",")):
        name, _, w = item.partition("=")
        if name not in weights:
            raise SystemExit(f"--weights: no source '{name}' (sources: {', '.join(weights)})")
        try:
            weights[name] = float(w)
        except ValueError:
            raise SystemExit(f"--weights: '{item}' is not name=number") from None
        if weights[name] < 0:
            raise SystemExit(f"--weights: '{item}' is negative")
    return weights


def mix(train, rng, weights=WEIGHTS):
    """Rows repeated / sampled by weight, plus renumbered and placeholder copies; shuffled."""
    out = []
    for name, rows in train.items():
        w = weights[name]
        if w == 0:  # left out altogether (e.g. multi30k=0 for a commercial model): no copies either
            continue
        whole, frac = int(w), w - int(w)
        picked = rows * whole + [r for r in rows if rng.random() < frac]
        if name == "ui":
            picked += [r for r in rows if len(r[0].split()) <= SHORT_UI_WORDS] * (SHORT_UI_COPIES - 1)
        out += picked
        for en, tr, origin in rows:
            if NUMBER.search(en) and rng.random() < NUMBER_AUGMENT_SHARE:
                new = renumber(en, tr, rng)
                if new:
                    out.append((new[0], new[1], origin + "+renumbered"))
            if rng.random() < PLACEHOLDER_AUGMENT_SHARE:
                new = names_to_placeholders(en, tr, count=rng.choice((1, 1, 2)))
                if new:
                    out.append((new[0], new[1], origin + "+placeholder"))
    rng.shuffle(out)
    return out


def mixed_with(out):
    """The weights the corpus in `out` was mixed with, or None where there is no complete corpus."""
    try:
        with open(os.path.join(out, "stats.json")) as f:
            weights = json.load(f)["weights"]
        return weights if os.path.exists(os.path.join(out, "train.tsv")) else None
    except (OSError, KeyError, ValueError):
        return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--src", required=True)
    p.add_argument("--tgt", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--weights", default="", help="overrides, e.g. multi30k=4 (a direction whose caption "
                   "domain lags behind its bar)")
    p.add_argument("--reuse", action="store_true", help="keep the corpus in --out when it was mixed with these weights")
    a = p.parse_args()
    weights = weights_with(a.weights)
    if a.reuse and mixed_with(a.out) == weights:
        return
    other = a.tgt if a.src == "en" else a.src
    if "en" not in (a.src, a.tgt):
        raise SystemExit("one side of a pair must be English (de<->fr pivots through English)")
    swap = a.src != "en"
    train, dev, stats = collect(other)
    rows = mix(train, random.Random(a.seed), weights)
    os.makedirs(a.out, exist_ok=True)

    def write(path, rows):
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            for r in rows:
                s, t = (r[1], r[0]) if swap else (r[0], r[1])
                f.write(f"{s}\t{t}" + (f"\t{r[2]}" if len(r) > 2 else "") + "\n")
        os.replace(path + ".tmp", path)
    write(os.path.join(a.out, "train.tsv"), rows)
    for part, prow in dev.items():
        write(os.path.join(a.out, f"dev.{part}.tsv"), prow)
    written = collections.Counter(r[2] for r in rows)
    stats.update({f"written {k}": v for k, v in written.items()})
    stats.update({f"dev {k}": len(v) for k, v in dev.items()})
    with open(os.path.join(a.out, "stats.json"), "w") as f:
        json.dump(dict(sorted(stats.items()), weights=weights), f, indent=1)
    print(json.dumps(dict(sorted(stats.items())), indent=1))


if __name__ == "__main__":
    main()
