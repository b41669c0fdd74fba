"""Our TWMODEL file in Python: writing, reading and the metadata of the configuration. The byte
layout is specified in engine/format/model_file.h and the tensor names and shapes in
engine/model/layout.h; tests/scripts/test_model_format.py checks this module against the engine's
own description of what it wrote (`tw-translate --describe`).
"""
import struct
import zlib

import numpy as np

MAGIC = b"TWMODEL\0"
VERSION = 1
F32, I8 = 1, 2


def quantize_rows(w):
    """Per-output-channel symmetric int8: scale = max|row| / 127, q = round-half-even(w / scale)."""
    w = np.asarray(w, dtype=np.float32)
    amax = np.abs(w).max(axis=1)
    scale = np.where(amax > 0, amax / 127.0, 1.0).astype(np.float32)
    q = np.clip(np.rint(w / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale


def is_matrix_weight(name, value):
    """Linear weights and the (tied) embedding are quantized; norms and biases stay f32."""
    return value.ndim == 2


def tensors_for(state, dtype):
    out = []
    for name, value in state.items():
        arr = value.detach().cpu().numpy().astype(np.float32)
        if dtype == "int8" and is_matrix_weight(name, arr):
            q, scale = quantize_rows(arr)
            out.append((name, I8, q))
            out.append((name + ".scale", F32, scale))
        else:
            out.append((name, F32, arr))
    return out


def config_metadata(cfg):
    return {
        "arch": "transformer", "vocab_size": cfg["vocab_size"], "d_model": cfg["d_model"], "heads": cfg["heads"],
        "ffn": cfg["ffn"], "enc_layers": cfg["enc_layers"], "dec_layers": cfg["dec_layers"],
        "dec_cell": "ssru" if cfg["dec_cell"] == "ssru" else "self-attention", "activation": cfg["activation"],
        "eos_id": cfg["eos_id"], "unk_id": cfg["unk_id"],
    }


def align64(x):
    return (x + 63) // 64 * 64


def write_model(path, tensors, meta):
    """tensors: list of (name, dtype code, numpy array); meta: dict of str -> str/int/float."""
    meta = {k: str(v) for k, v in meta.items()}
    header = 24 + 4
    header += sum(8 + len(k.encode()) + len(v.encode()) for k, v in meta.items())
    header += sum(4 + len(n.encode()) + 8 + 8 * a.ndim + 8 + 8 + 4 for n, _, a in tensors)
    h = bytearray(MAGIC + struct.pack("<IIII", VERSION, len(meta), len(tensors), header))
    for k, v in meta.items():
        kb, vb = k.encode(), v.encode()
        h += struct.pack("<I", len(kb)) + kb + struct.pack("<I", len(vb)) + vb
    offset = align64(header)
    blobs = []
    for name, code, arr in tensors:
        data = np.ascontiguousarray(arr).tobytes()
        nb = name.encode()
        h += struct.pack("<I", len(nb)) + nb + struct.pack("<II", code, arr.ndim)
        h += struct.pack(f"<{arr.ndim}Q", *arr.shape) + struct.pack("<QQI", offset, len(data), zlib.crc32(data))
        blobs.append((offset, data))
        offset = align64(offset + len(data))
    h += struct.pack("<I", zlib.crc32(bytes(h)))
    assert len(h) == header
    with open(path, "wb") as f:
        f.write(h)
        for off, data in blobs:
            f.write(b"\0" * (off - f.tell()))
            f.write(data)


def read_model(path):
    """Reads a TWMODEL file -> (metadata dict, {name: float32 array}); int8 tensors are dequantized."""
    with open(path, "rb") as f:
        b = f.read()
    if b[:8] != MAGIC:
        raise ValueError(f"{path}: not a TWMODEL file")
    version, n_meta, n_tensors, header = struct.unpack_from("<IIII", b, 8)
    at, meta, raw = 24, {}, {}

    def string():
        nonlocal at
        (n,) = struct.unpack_from("<I", b, at)
        s = b[at + 4:at + 4 + n].decode()
        at += 4 + n
        return s
    for _ in range(n_meta):
        k = string()
        meta[k] = string()
    for _ in range(n_tensors):
        name = string()
        code, ndim = struct.unpack_from("<II", b, at)
        shape = struct.unpack_from(f"<{ndim}Q", b, at + 8)
        offset, nbytes, _ = struct.unpack_from("<QQI", b, at + 8 + 8 * ndim)
        at += 8 + 8 * ndim + 20
        raw[name] = np.frombuffer(b, dtype=np.float32 if code == F32 else np.int8, count=nbytes // (4 if code == F32 else 1),
                                  offset=offset).reshape(shape)
    out = {}
    for name, a in raw.items():
        if name.endswith(".scale") and name[:-6] in raw and raw[name[:-6]].dtype == np.int8:
            continue
        out[name] = a.astype(np.float32) * raw[name + ".scale"][:, None] if a.dtype == np.int8 else a.astype(np.float32)
    return meta, out


def config_from_metadata(meta):
    keys = ("vocab_size", "d_model", "heads", "ffn", "enc_layers", "dec_layers", "eos_id", "unk_id")
    cfg = {k: int(meta[k]) for k in keys}
    cfg.update(dec_cell="ssru" if meta["dec_cell"] == "ssru" else "self-attention", activation=meta["activation"])
    return cfg
