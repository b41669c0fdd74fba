"""Marian binary model files (`*.bin`, as read by Marian and Bergamot), both directions.

Layout (see ../shared/docs/marian-format.md): u64 version (1), u64 count, count x 4 u64 headers
(name length incl. NUL, type, ndims, data bytes incl. padding), the NUL-terminated names, the
int32 shapes, u64 pad + pad zero bytes up to the next 256-byte boundary, then the tensors back to
back, each padded to a multiple of 256 bytes; `special:model.yml` (int8 YAML + NUL) comes last,
unpadded. W matrices are [in, out]; biases and norms [1, n].

OPUS-MT models come as `.npz` (numpy zip) with the same tensor names; both are read here.
Alpha models (`gemm-precision: int8shiftAlphaAll`) add a [1, 1] `<matrix>_QuantMultA` per
intgemm matrix: 127 / (mean + 1.1 std) of the per-batch max |input| measured on sample text.

Usage: /usr/bin/python3 -m nmt.marian export CHECKPOINT.pt|MODEL.twm [...] --out model.bin
                                            [--precision intgemm8 [--alphas --src en --tgt de]]
       /usr/bin/python3 -m nmt.marian import model.bin|model.npz --out model.twm --dtype int8 --src en --tgt de
"""
import argparse
import struct

import numpy as np

FLOAT32, INT8, INTGEMM8 = 0x404, 0x101, 0x4101
TYPES = {0x101: np.int8, 0x102: np.int16, 0x104: np.int32, 0x108: np.int64, 0x201: np.uint8, 0x402: np.float16,
         0x404: np.float32, 0x408: np.float64}


def _pad256(n):
    return (n + 255) // 256 * 256


def is_intgemm_name(name):
    """Matrices Marian multiplies with intgemm: names whose first _W is 2 or 3 chars from the end, and Wemb."""
    i = name.find("_W")
    return name == "Wemb" or (i >= 0 and len(name) - i in (2, 3))


def intgemm8_bytes(name, a):
    """One scale per tensor (q = 127 / max|W|), round to nearest, clamp to [-127, 127]; W^T row-major
    ([out][in]) except Wemb, then the float32 q."""
    mult = 127.0 / max(float(np.abs(a).max()), 1e-12)
    q = np.clip(np.rint(a * mult), -127, 127).astype(np.int8)
    body = (q if name == "Wemb" else q.T).tobytes()
    return np.frombuffer(body + struct.pack("<f", mult), dtype=np.int8)


def write_bin(path, tensors, yml, precision="float32", alphas=None):
    """tensors: list of (name, float32 array); yml: the model config text; precision float32|intgemm8;
    alphas: {matrix name: activation multiplier} written as `<name>_QuantMultA` (intgemm8 only)."""
    items = []
    for n, a in tensors:
        a = np.ascontiguousarray(a, dtype=np.float32)
        if precision == "intgemm8" and is_intgemm_name(n):
            items.append((n, INTGEMM8, a.shape, intgemm8_bytes(n, a)))
        else:
            items.append((n, FLOAT32, a.shape, a))
    for n, alpha in (alphas or {}).items():
        a = np.array([[alpha]], dtype=np.float32)
        items.append((f"{n}_QuantMultA", FLOAT32, a.shape, a))
    cfg = np.frombuffer(yml.encode() + b"\0", dtype=np.int8)
    items.append(("special:model.yml", INT8, cfg.shape, cfg))
    sizes = [_pad256(a.nbytes) if n != "special:model.yml" else a.nbytes for n, _, _, a in items]
    out = bytearray(struct.pack("<QQ", 1, len(items)))
    for (n, t, shape, a), size in zip(items, sizes):
        out += struct.pack("<QQQQ", len(n) + 1, t, len(shape), size)
    for n, _, _, _ in items:
        out += n.encode() + b"\0"
    for _, _, shape, _ in items:
        out += struct.pack(f"<{len(shape)}i", *shape)
    pos = len(out)
    nextpos = ((pos + 8) // 256 + 1) * 256
    out += struct.pack("<Q", nextpos - pos - 8) + b"\0" * (nextpos - pos - 8)
    for (_, _, _, a), size in zip(items, sizes):
        b = a.tobytes()
        out += b + b"\0" * (size - len(b))
    with open(path, "wb") as f:
        f.write(out)


def read_bin(path, raw_intgemm=None):
    """-> (dict name -> numpy array, yml text). intgemm8 tensors are dequantized to float32 (as
    Marian does for Wemb: q * (1 / mult) in float32); when raw_intgemm is a dict it also receives
    name -> (int8 array as stored: [out, in], i.e. W^T, except Wemb [V, d]; float32 mult)."""
    with open(path, "rb") as f:
        b = f.read()
    version, count = struct.unpack_from("<QQ", b, 0)
    if version != 1:
        raise ValueError(f"{path}: Marian binary version {version}, expected 1")
    at = 16
    headers = [struct.unpack_from("<QQQQ", b, at + 32 * i) for i in range(count)]
    at += 32 * count
    names = []
    for name_len, _, _, _ in headers:
        names.append(b[at:at + name_len - 1].decode())
        at += name_len
    shapes = []
    for _, _, ndim, _ in headers:
        shapes.append(struct.unpack_from(f"<{ndim}i", b, at))
        at += 4 * ndim
    (pad,) = struct.unpack_from("<Q", b, at)
    at += 8 + pad
    out, yml = {}, ""
    for name, (_, typ, _, size), shape in zip(names, headers, shapes):
        raw = b[at:at + size]
        at += size
        n = int(np.prod(shape))
        if name == "special:model.yml":
            yml = raw.split(b"\0")[0].decode()
        elif typ == 0x4101:  # intgemm8: W^T bytes [out][in], then float32 q = 127 / max|W|
            rows, cols = shape
            stored = np.frombuffer(raw[:n], dtype=np.int8).reshape((rows, cols) if name.endswith("Wemb") else (cols, rows))
            mult = np.frombuffer(raw[n:n + 4], dtype=np.float32)[0]
            if raw_intgemm is not None:
                raw_intgemm[name] = (stored, mult)
            deq = stored.astype(np.float32) * (np.float32(1) / mult)
            out[name] = deq if name.endswith("Wemb") else deq.T
        elif typ in TYPES:
            out[name] = np.frombuffer(raw, dtype=TYPES[typ], count=n).reshape(shape).astype(np.float32)
        else:
            raise ValueError(f"{path}: tensor {name} has unsupported type {typ:#x}")
    return out, yml


def marian_int8_tensors(cfg, tensors, raw_intgemm):
    """Our int8 tensors for int8_arithmetic = marian-shifted (engine/backends/marian_int8.h): the
    file's own int8 weights, per-tensor multiplier b_mult, static activation multiplier a_mult
    (the model's `_QuantMultA`), and a per-row scale 1 / b_mult for code that dequantizes."""
    from .model_format import F32, I8
    out, done = [], set()
    for ours, theirs, _ in _pairs(cfg):
        if theirs not in raw_intgemm:
            continue
        alpha = tensors.get(f"{theirs}_QuantMultA")
        if alpha is None:
            raise ValueError(f"{theirs}_QuantMultA is missing: Marian int8 arithmetic needs an alpha model (int8shiftAlphaAll)")
        q, mult = raw_intgemm[theirs]
        b_mult = mult
        if theirs == "Wemb":
            # Marian dequantizes Wemb at load; the output layer requantizes that float matrix with
            # 127 / max|Wemb| (float32 arithmetic), which gives back the same integers.
            inv = np.float32(1) / mult
            b_mult = np.float32(127) / (np.float32(np.abs(q.astype(np.int32)).max()) * inv)
            again = np.clip(np.rint((q.astype(np.float32) * inv) * b_mult), -127, 127)
            if not np.array_equal(again.astype(np.int8), q):
                raise ValueError("Wemb does not requantize to its own integers; cannot reproduce Marian's output layer")
        rows = q.shape[0]
        out += [(ours, I8, np.ascontiguousarray(q)),
                (ours + ".scale", F32, np.full(rows, np.float32(1) / mult, dtype=np.float32)),
                (ours + ".a_mult", F32, np.array([alpha.reshape(-1)[0]], dtype=np.float32)),
                (ours + ".b_mult", F32, np.array([b_mult], dtype=np.float32))]
        done.add(ours)
    return out, done


def read_npz(path):
    """-> (dict name -> float32 array, yml text) of an OPUS-MT style numpy zip."""
    with np.load(path) as z:
        out = {k: z[k] for k in z.files}
    yml = ""
    if "special:model.yml" in out:
        yml = out.pop("special:model.yml").astype(np.int8).tobytes().split(b"\0")[0].decode()
    return {k: v.astype(np.float32) for k, v in out.items()}, yml


def read_marian(path, raw_intgemm=None):
    return read_npz(path) if path.endswith(".npz") else read_bin(path, raw_intgemm)


def check_supported(tensors, yml):
    """Raises ValueError naming what our engine cannot run (instead of converting it wrongly)."""
    def get(key):
        for line in yml.splitlines():
            if line.startswith(key + ":"):
                return line.split(":", 1)[1].strip().strip('"')
        return None
    if "Wemb" not in tensors:
        names = [n for n in ("encoder_Wemb", "decoder_Wemb") if n in tensors]
        raise ValueError(f"separate source and target embeddings ({', '.join(names) or 'no Wemb'}): the engine runs models "
                         "with one joint vocabulary and tied embeddings (tied-embeddings-all)")
    if "decoder_ff_logit_out_W" in tensors or "decoder_ff_logit_out_Wt" in tensors:
        raise ValueError("untied output layer (decoder_ff_logit_out_W): the engine ties it to Wemb")
    if any(n.endswith("Wpos") for n in tensors):
        raise ValueError("trained position embeddings: the engine uses sinusoidal positions")
    if get("transformer-preprocess") not in (None, "", '""'):
        raise ValueError(f"transformer-preprocess '{get('transformer-preprocess')}' (pre-norm): the engine is post-norm (dan)")
    if get("transformer-postprocess") not in (None, "dan"):
        raise ValueError(f"transformer-postprocess '{get('transformer-postprocess')}': the engine implements 'dan'")


def compute_alphas(state, cfg, src_ids, tgt_ids, batch=16):
    """Marian-style activation multipliers: for each intgemm matrix, 127 / (mean + 1.1 std) over
    batches of the batch's max |input|, measured with the PyTorch twin (teacher-forced on sample
    sentence pairs). state: our tensor names -> arrays; *_ids: lists of id lists ending in EOS."""
    import torch
    from .model import Config, Transformer
    from .data import pad
    model = Transformer(Config(**{k: cfg[k] for k in ("vocab_size", "d_model", "heads", "ffn", "enc_layers", "dec_layers",
                                                     "dec_cell", "activation")}, dropout=0.0))
    model.load_state_dict({k: torch.as_tensor(np.asarray(v)) for k, v in state.items()})
    model.eval()
    maxima = {}

    def record(name, x):
        maxima.setdefault(name, []).append(float(x.detach().abs().max()))

    marian = {ours: theirs for ours, theirs, _ in _pairs(cfg)}
    hooks = []
    for mod_name, mod in model.named_modules():
        if isinstance(mod, torch.nn.Linear):
            theirs = marian[f"{mod_name}.weight"]
            hooks.append(mod.register_forward_pre_hook(lambda m, inp, n=theirs: record(n, inp[0])))
            if mod_name.endswith("ssru.forget"):  # the SSRU's own matrix multiplies the same input
                hooks.append(mod.register_forward_pre_hook(lambda m, inp, n=theirs[:-1]: record(n, inp[0])))
    # The output layer's input: what the last decoder layer returns.
    hooks.append(model.dec[-1].ffn_norm.register_forward_hook(lambda m, inp, out: record("Wemb", out)))
    with torch.no_grad():
        for i in range(0, len(src_ids), batch):
            s, t = src_ids[i:i + batch], tgt_ids[i:i + batch]
            src = pad(s, cfg["eos_id"])
            tgt_in = pad([[cfg["eos_id"]] + x[:-1] for x in t], cfg["eos_id"])
            model(src, torch.tensor([len(x) for x in s]), tgt_in)
    for h in hooks:
        h.remove()
    alphas = {n: 127.0 / (np.mean(v) + 1.1 * np.std(v)) for n, v in maxima.items()}
    alphas["none"] = alphas["Wemb"]  # the shortlisted output layer
    return alphas


# ------------------------------------------------------------------ name mapping

def _pairs(cfg):
    """(our name, Marian name, transpose) for every tensor of a tied SSRU / self-attention model."""
    m = [("embedding", "Wemb", False), ("output_bias", "decoder_ff_logit_out_b", False)]

    def attention(ours, theirs):
        for x in "qkvo":
            m.append((f"{ours}.{x}.weight", f"{theirs}_W{x}", True))
            m.append((f"{ours}.{x}.bias", f"{theirs}_b{x}", False))

    def norm(ours, theirs):
        m.append((f"{ours}.scale", f"{theirs}_scale", False))
        m.append((f"{ours}.bias", f"{theirs}_bias", False))

    def ffn(ours, theirs):
        m.extend([(f"{ours}.ffn.w1.weight", f"{theirs}_ffn_W1", True), (f"{ours}.ffn.w1.bias", f"{theirs}_ffn_b1", False),
                  (f"{ours}.ffn.w2.weight", f"{theirs}_ffn_W2", True), (f"{ours}.ffn.w2.bias", f"{theirs}_ffn_b2", False)])
        norm(f"{ours}.ffn_norm", f"{theirs}_ffn_ffn_ln")

    for i in range(cfg["enc_layers"]):
        attention(f"enc.{i}.attn", f"encoder_l{i + 1}_self")
        norm(f"enc.{i}.attn_norm", f"encoder_l{i + 1}_self_Wo_ln")
        ffn(f"enc.{i}", f"encoder_l{i + 1}")
    for i in range(cfg["dec_layers"]):
        d = f"decoder_l{i + 1}"
        if cfg["dec_cell"] == "ssru":
            m.extend([(f"dec.{i}.ssru.weight", f"{d}_rnn_W", True), (f"dec.{i}.ssru.forget.weight", f"{d}_rnn_Wf", True),
                      (f"dec.{i}.ssru.forget.bias", f"{d}_rnn_bf", False)])
            norm(f"dec.{i}.ssru_norm", f"{d}_rnn_ffn_ln")
        else:
            attention(f"dec.{i}.self_attn", f"{d}_self")
            norm(f"dec.{i}.self_norm", f"{d}_self_Wo_ln")
        attention(f"dec.{i}.cross", f"{d}_context")
        norm(f"dec.{i}.cross_norm", f"{d}_context_Wo_ln")
        ffn(f"dec.{i}", d)
    return m


def marian_yml(cfg):
    autoreg = "rnn\ndec-cell: ssru" if cfg["dec_cell"] == "ssru" else "self-attention"
    return f"""type: transformer
dim-emb: {cfg['d_model']}
dim-vocabs:
  - {cfg['vocab_size']}
  - {cfg['vocab_size']}
enc-depth: {cfg['enc_layers']}
dec-depth: {cfg['dec_layers']}
transformer-heads: {cfg['heads']}
transformer-dim-ffn: {cfg['ffn']}
transformer-ffn-depth: 2
transformer-ffn-activation: {cfg['activation']}
transformer-decoder-autoreg: {autoreg}
tied-embeddings-all: true
transformer-preprocess: ""
transformer-postprocess: dan
transformer-postprocess-emb: d
transformer-train-position-embeddings: false
"""


def to_marian(state, cfg):
    out = []
    for ours, theirs, transpose in _pairs(cfg):
        a = np.asarray(state[ours], dtype=np.float32)
        if transpose:
            a = a.T
        elif a.ndim == 1 and theirs != "Wemb":
            a = a[None, :]
        out.append((theirs, a))
    return out


def from_marian(tensors, cfg):
    state = {}
    for ours, theirs, transpose in _pairs(cfg):
        if theirs not in tensors:
            raise KeyError(f"Marian tensor {theirs} is missing")
        a = tensors[theirs]
        state[ours] = a.T.copy() if transpose else a.reshape(-1) if a.ndim == 2 and a.shape[0] == 1 and theirs != "Wemb" else a
    return state


def config_from_yml(yml, tensors):
    def get(key, default=None):
        for line in yml.splitlines():
            if line.startswith(key + ":"):
                return line.split(":", 1)[1].strip().strip('"')
        return default
    v, d = tensors["Wemb"].shape
    return dict(vocab_size=v, d_model=d, heads=int(get("transformer-heads", 8)), ffn=int(get("transformer-dim-ffn", 2048)),
                enc_layers=int(get("enc-depth", 6)), dec_layers=int(get("dec-depth", 6)),
                dec_cell="ssru" if get("transformer-decoder-autoreg") == "rnn" else "self-attention",
                activation=get("transformer-ffn-activation", "swish"), eos_id=0, unk_id=1)


def main():
    import torch
    from .export import average_checkpoints
    from .model_format import config_from_metadata, config_metadata, read_model, tensors_for, write_model
    p = argparse.ArgumentParser()
    p.add_argument("command", choices=["export", "import"])
    p.add_argument("inputs", nargs="+")
    p.add_argument("--out", required=True)
    p.add_argument("--dtype", choices=["int8", "f32"], default="int8")
    p.add_argument("--src", default="")
    p.add_argument("--tgt", default="")
    p.add_argument("--precision", choices=["float32", "intgemm8"], default="float32")
    p.add_argument("--alphas", action="store_true", help="intgemm8 + _QuantMultA from 256 val sentence pairs (needs --src --tgt --vocab)")
    p.add_argument("--vocab", help="SentencePiece model, for --alphas")
    a = p.parse_args()
    if a.command == "export":
        if a.inputs[0].endswith(".twm"):  # a shipped model: its (dequantized) weights
            meta, state = read_model(a.inputs[0])
            cfg = config_from_metadata(meta)
        else:
            state, cfg = average_checkpoints(a.inputs)
            state = {k: v.numpy() for k, v in state.items()}
        alphas = None
        if a.alphas:
            import sentencepiece as spm
            from .data import read_lines
            sp = spm.SentencePieceProcessor(model_file=a.vocab)
            enc = lambda lines: [sp.encode(x) + [cfg["eos_id"]] for x in lines[:256]]
            alphas = compute_alphas(state, cfg, enc(read_lines("val", a.src)), enc(read_lines("val", a.tgt)))
        write_bin(a.out, to_marian(state, cfg), marian_yml(cfg), a.precision, alphas)
    else:
        raw = {}
        tensors, yml = read_marian(a.inputs[0], raw)
        check_supported(tensors, yml)
        cfg = config_from_yml(yml, tensors)
        state = {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in from_marian(tensors, cfg).items()}
        meta = config_metadata(cfg)
        meta.update(src_lang=a.src, tgt_lang=a.tgt, max_length_factor=2, source="marian")
        alpha_model = any(n.endswith("_QuantMultA") for n in tensors)
        if a.dtype == "int8" and raw and alpha_model:
            # intgemm8 + alphas: keep Marian's integers and arithmetic, so we translate as Bergamot does.
            kept, done = marian_int8_tensors(cfg, tensors, raw)
            rest = tensors_for({k: v for k, v in state.items() if k not in done}, a.dtype)
            meta["int8_arithmetic"] = "marian-shifted"
            write_model(a.out, kept + rest, meta)
        else:
            write_model(a.out, tensors_for(state, a.dtype), meta)
    print(a.out)


if __name__ == "__main__":
    main()
