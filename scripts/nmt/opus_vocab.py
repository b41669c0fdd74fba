"""OPUS-MT vocabularies -> one SentencePiece model whose ids are the model's ids.

An OPUS-MT package segments with `source.spm` / `target.spm` but numbers pieces with a joint
`*.vocab.yml` (piece: id), which is what its tied embedding rows follow. Our engine reads ids
straight from one SentencePiece model, so the converter writes a new `.model` protobuf:
piece i is the vocab.yml piece with id i; pieces of source.spm keep their type and score (so
segmentation is source.spm's), every other piece (target-only ones) becomes UNUSED (decoded as
text, never produced by encoding); `</s>`, `<s>`, `<pad>` are CONTROL and `<unk>` UNKNOWN. The
trainer and normalizer specs are copied from source.spm byte for byte.

Source pieces missing from vocab.yml cannot be represented (Marian maps them to <unk>); they are
counted and reported.

Usage: /usr/bin/python3 -m nmt.opus_vocab SOURCE.spm VOCAB.yml --out vocab.spm
"""
import argparse
import re
import struct

NORMAL, UNKNOWN, CONTROL, USER_DEFINED, UNUSED, BYTE = 1, 2, 3, 4, 5, 6


def _varint(b, at):
    v = shift = 0
    while True:
        c = b[at]
        at += 1
        v |= (c & 0x7F) << shift
        shift += 7
        if c < 0x80:
            return v, at


def _put_varint(v):
    out = bytearray()
    while True:
        c = v & 0x7F
        v >>= 7
        out.append(c | (0x80 if v else 0))
        if not v:
            return bytes(out)


def top_level_fields(b):
    """-> list of (field number, wire type, raw bytes of the whole field incl. key)."""
    out, at = [], 0
    while at < len(b):
        start = at
        key, at = _varint(b, at)
        field, wire = key >> 3, key & 7
        if wire == 0:
            _, at = _varint(b, at)
        elif wire == 1:
            at += 8
        elif wire == 2:
            n, at = _varint(b, at)
            at += n
        elif wire == 5:
            at += 4
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        if at > len(b):
            raise ValueError("truncated SentencePiece model")
        out.append((field, wire, b[start:at]))
    return out


def read_pieces(b):
    """-> list of (piece, score, type) from a SentencePiece .model."""
    pieces = []
    for field, wire, raw in top_level_fields(b):
        if field != 1 or wire != 2:
            continue
        _, at = _varint(raw, 0)
        n, at = _varint(raw, at)
        piece, score, typ = "", 0.0, NORMAL
        for f, w, r in top_level_fields(raw[at:at + n]):
            _, a = _varint(r, 0)
            if f == 1 and w == 2:
                m, a = _varint(r, a)
                piece = r[a:a + m].decode("utf-8")
            elif f == 2 and w == 5:
                (score,) = struct.unpack_from("<f", r, a)
            elif f == 3 and w == 0:
                typ, _ = _varint(r, a)
        pieces.append((piece, score, typ))
    return pieces


def encode_piece(piece, score, typ):
    text = piece.encode("utf-8")
    body = b"\x0a" + _put_varint(len(text)) + text + b"\x15" + struct.pack("<f", score)
    if typ != NORMAL:
        body += b"\x18" + _put_varint(typ)
    return b"\x0a" + _put_varint(len(body)) + body


_ESCAPES = {"\\": "\\", '"': '"', "/": "/", "0": "\0", "a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v",
            "f": "\f", "r": "\r", "e": "\x1b", " ": " ", "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029"}


def _unquote_double(s):
    out, i = [], 0
    while i < len(s):
        ch = s[i]
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        e = s[i + 1]
        width = {"x": 2, "u": 4, "U": 8}.get(e)
        if width:
            out.append(chr(int(s[i + 2:i + 2 + width], 16)))
            i += 2 + width
        else:
            out.append(_ESCAPES[e])
            i += 2
    return "".join(out)


_LINE = re.compile(r'^(?:"((?:[^"\\]|\\.)*)"|\'((?:[^\']|\'\')*)\'|(.+?))\s*:\s+(-?\d+)\s*$')


def parse_vocab_yml(text):
    """-> list of pieces indexed by id; ids must be 0..n-1 without gaps. A line parser, not a YAML
    library: Marian's vocab.yml is one `piece: id` per line, and a YAML 1.1 loader would turn
    pieces such as `no` or `1e3` into booleans and numbers."""
    by_id = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#") or line.strip() in ("---", "..."):
            continue
        m = _LINE.match(line)
        if not m:
            raise ValueError(f"vocab.yml line {n}: expected 'piece: id', got {line!r}")
        dq, sq, plain, i = m.groups()
        piece = _unquote_double(dq) if dq is not None else sq.replace("''", "'") if sq is not None else plain
        i = int(i)
        if i < 0:
            raise ValueError(f"vocab.yml line {n}: negative id")
        if i in by_id:
            raise ValueError(f"vocab.yml: id {i} is used twice")
        by_id[i] = piece
    if not by_id:
        raise ValueError("vocab.yml holds no pieces")
    if sorted(by_id) != list(range(len(by_id))):
        raise ValueError("vocab.yml: ids are not 0..n-1")
    return [by_id[i] for i in range(len(by_id))]


def joint_model(source_spm, vocab_yml_text):
    """-> (bytes of the new .model, number of source pieces missing from vocab.yml)."""
    ids = parse_vocab_yml(vocab_yml_text)
    if ids[0] != "</s>" or "<unk>" not in ids:
        raise ValueError("vocab.yml must have </s> at id 0 and an <unk> piece (Marian's layout)")
    source = {p: (s, t) for p, s, t in read_pieces(source_spm)}
    specials = {"</s>": CONTROL, "<s>": CONTROL, "<pad>": CONTROL, "<unk>": UNKNOWN}
    out = bytearray()
    for piece in ids:
        if piece in specials:
            out += encode_piece(piece, 0.0, specials[piece])
        elif piece in source and source[piece][1] in (NORMAL, USER_DEFINED, BYTE):
            out += encode_piece(piece, *source[piece])
        else:
            out += encode_piece(piece, 0.0, UNUSED)
    known = set(ids)
    missing = sum(1 for p, (_, t) in source.items() if t == NORMAL and p not in known)
    for field, _, raw in top_level_fields(source_spm):
        if field != 1:
            out += raw  # trainer_spec, normalizer_spec, denormalizer_spec, self-test data
    return bytes(out), missing


def main():
    p = argparse.ArgumentParser()
    p.add_argument("source_spm")
    p.add_argument("vocab_yml")
    p.add_argument("--out", required=True)
    a = p.parse_args()
    with open(a.source_spm, "rb") as f:
        src = f.read()
    with open(a.vocab_yml, encoding="utf-8") as f:
        model, missing = joint_model(src, f.read())
    with open(a.out, "wb") as f:
        f.write(model)
    print(f"{a.out}: {len(read_pieces(model))} pieces" + (f", {missing} source pieces not in vocab.yml (become <unk>)" if missing else ""))


if __name__ == "__main__":
    main()
