"""PyTorch reference of the engine's encoder-decoder Transformer (Marian math).

This is both the training model and the oracle the C++ engine is tested against, so
every detail follows ../shared/docs/marian-format.md:
  * embeddings tied everywhere, x = E[id] * sqrt(d) + PE, PE not interleaved
    (first half sines, second half cosines, rate 10000^(-i/(d/2-1)));
  * post-norm residual blocks, y = LN(x + F(x)), LayerNorm eps 1e-6, biased variance;
  * decoder input at step 0 is a zero vector (+ PE[0]), then E[y_{t-1}] * sqrt(d) + PE[t];
  * decoder autoregression either SSRU (Firefox "tiny") or causal self-attention (OPUS-MT);
  * logits = h E^T + b, UNK suppressed at search time.

Parameter names are exactly the tensor names of our model file (see engine/format/model_file.h).
"""
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

LN_EPS = 1e-6


class Config:
    def __init__(self, vocab_size, d_model=256, heads=8, ffn=1024, enc_layers=6, dec_layers=2,
                 dec_cell="ssru", activation="relu", dropout=0.1, eos_id=0, unk_id=1, ffn_dropout=None):
        self.vocab_size, self.d_model, self.heads, self.ffn = vocab_size, d_model, heads, ffn
        self.enc_layers, self.dec_layers, self.dec_cell = enc_layers, dec_layers, dec_cell
        self.activation, self.dropout, self.eos_id, self.unk_id = activation, dropout, eos_id, unk_id
        # Dropout inside the FFN (on the wide hidden layer): its random masks cost ~10 % of a CPU
        # training step; Marian's tiny recipes leave it off. None: the same as dropout.
        self.ffn_dropout = dropout if ffn_dropout is None else ffn_dropout

    def to_dict(self):
        return dict(self.__dict__)

    @staticmethod
    def from_dict(d):
        return Config(**d)


def sinusoid(positions, d):
    """[len, d] Marian positional signal for the given integer positions."""
    half = d // 2
    rate = torch.exp(torch.arange(half, dtype=torch.float64, device=positions.device) * -(math.log(10000.0) / (half - 1)))
    angle = positions.to(torch.float64)[:, None] * rate[None, :]
    return torch.cat([torch.sin(angle), torch.cos(angle)], dim=1).to(torch.float32)


class Norm(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(d))
        self.bias = nn.Parameter(torch.zeros(d))

    def forward(self, x):
        return F.layer_norm(x, x.shape[-1:], self.scale, self.bias, LN_EPS)


class Attention(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.heads = heads
        self.q, self.k, self.v, self.o = (nn.Linear(d, d) for _ in range(4))

    def split(self, x):  # [B, T, d] -> [B, H, T, dh]
        b, t, d = x.shape
        return x.view(b, t, self.heads, d // self.heads).transpose(1, 2)

    def project_kv(self, memory):
        return self.split(self.k(memory)), self.split(self.v(memory))

    def forward(self, x, kv, mask):
        """x [B, Tq, d]; kv = (k, v) each [B, H, Tk, dh]; mask [B, 1 or Tq, Tk] additive."""
        q = self.split(self.q(x))
        k, v = kv
        scores = q @ k.transpose(-1, -2) / math.sqrt(q.shape[-1]) + mask[:, None]
        ctx = torch.softmax(scores, dim=-1) @ v
        b, h, t, dh = ctx.shape
        return self.o(ctx.transpose(1, 2).reshape(b, t, h * dh))


class FeedForward(nn.Module):
    def __init__(self, d, ffn, activation, dropout):
        super().__init__()
        self.w1 = nn.Linear(d, ffn)
        self.w2 = nn.Linear(ffn, d)
        self.act = F.relu if activation == "relu" else F.silu
        self.drop = nn.Dropout(dropout) if dropout > 0 else nn.Identity()

    def forward(self, x):
        return self.w2(self.drop(self.act(self.w1(x))))


class EncoderLayer(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.attn = Attention(c.d_model, c.heads)
        self.attn_norm = Norm(c.d_model)
        self.ffn = FeedForward(c.d_model, c.ffn, c.activation, c.ffn_dropout)
        self.ffn_norm = Norm(c.d_model)

    def forward(self, x, mask, drop):
        x = self.attn_norm(x + drop(self.attn(x, self.attn.project_kv(x), mask)))
        return self.ffn_norm(x + drop(self.ffn(x)))


class SSRU(nn.Module):
    """Simpler Simple Recurrent Unit: f = sigmoid(x Wf + bf); c = f*c + (1-f)*(x W); h = relu(c)."""

    def __init__(self, d):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(d, d))
        nn.init.xavier_uniform_(self.weight)
        self.forget = nn.Linear(d, d)

    def forward(self, x, c):
        """x [B, T, d], c [B, d] -> (h [B, T, d], last c)."""
        f = torch.sigmoid(self.forget(x))
        u = (1 - f) * (x @ self.weight.t())
        outs = []
        for t in range(x.shape[1]):
            c = f[:, t] * c + u[:, t]
            outs.append(c)
        return torch.relu(torch.stack(outs, dim=1)), c


class DecoderLayer(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.cell = c.dec_cell
        if c.dec_cell == "ssru":
            self.ssru = SSRU(c.d_model)
            self.ssru_norm = Norm(c.d_model)
        else:
            self.self_attn = Attention(c.d_model, c.heads)
            self.self_norm = Norm(c.d_model)
        self.cross = Attention(c.d_model, c.heads)
        self.cross_norm = Norm(c.d_model)
        self.ffn = FeedForward(c.d_model, c.ffn, c.activation, c.ffn_dropout)
        self.ffn_norm = Norm(c.d_model)

    def forward(self, x, state, cross_kv, src_mask, drop):
        """state: SSRU cell [B, d], or self-attention (k, v) cache of earlier steps (or None)."""
        if self.cell == "ssru":
            h, state = self.ssru(x, state)
            x = self.ssru_norm(x + drop(h))
        else:
            k, v = self.self_attn.project_kv(x)
            if state is not None:
                k, v = torch.cat([state[0], k], 2), torch.cat([state[1], v], 2)
            state = (k, v)
            tq, tk = x.shape[1], k.shape[2]
            causal = torch.full((tq, tk), float("-inf"), device=x.device).triu(tk - tq + 1)
            x = self.self_norm(x + drop(self.self_attn(x, (k, v), causal[None].expand(x.shape[0], -1, -1))))
        x = self.cross_norm(x + drop(self.cross(x, cross_kv, src_mask)))
        return self.ffn_norm(x + drop(self.ffn(x))), state


class Transformer(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.config = c
        self.embedding = nn.Parameter(torch.randn(c.vocab_size, c.d_model) * c.d_model ** -0.5)
        self.enc = nn.ModuleList(EncoderLayer(c) for _ in range(c.enc_layers))
        self.dec = nn.ModuleList(DecoderLayer(c) for _ in range(c.dec_layers))
        self.output_bias = nn.Parameter(torch.zeros(c.vocab_size))
        self.drop = nn.Dropout(c.dropout)

    def embed(self, ids, start_pos=0, zero_first=False):
        """ids [B, T] -> [B, T, d]; zero_first replaces the first row by the zero start vector."""
        x = F.embedding(ids, self.embedding) * math.sqrt(self.config.d_model)
        if zero_first:
            x = torch.cat([torch.zeros_like(x[:, :1]), x[:, 1:]], dim=1)
        pos = torch.arange(start_pos, start_pos + ids.shape[1], device=ids.device)
        return self.drop(x + sinusoid(pos, self.config.d_model)[None])

    @staticmethod
    def mask_from_lengths(lengths, t):
        """Additive key mask [B, 1, t]: 0 for real tokens, -inf for padding."""
        keep = torch.arange(t, device=lengths.device)[None, :] < lengths[:, None]
        return torch.zeros(keep.shape, device=lengths.device).masked_fill(~keep, float("-inf"))[:, None, :]

    def encode(self, src, src_len):
        mask = self.mask_from_lengths(src_len, src.shape[1])
        x = self.embed(src)
        for layer in self.enc:
            x = layer(x, mask, self.drop)
        return x, mask

    def start_state(self, memory):
        """Per-layer decoder state and cached cross-attention K/V."""
        b, d = memory.shape[0], self.config.d_model
        cells = [torch.zeros(b, d, device=memory.device) if l.cell == "ssru" else None for l in self.dec]
        cross = [l.cross.project_kv(memory) for l in self.dec]
        return cells, cross

    def decode(self, x, state, mask):
        cells, cross = state
        new_cells = []
        for layer, cell, kv in zip(self.dec, cells, cross):
            x, cell = layer(x, cell, kv, mask, self.drop)
            new_cells.append(cell)
        logits = F.linear(x, self.embedding, self.output_bias)  # one addmm: under autocast, no f32 bias pass
        return logits, (new_cells, cross)

    def forward(self, src, src_len, tgt_in):
        """Teacher forcing: tgt_in [B, T] is the target shifted right (first column ignored)."""
        memory, mask = self.encode(src, src_len)
        logits, _ = self.decode(self.embed(tgt_in, zero_first=True), self.start_state(memory), mask)
        return logits

    def step(self, prev, t, state, mask):
        """One decoding step for all rows; prev [B] (ignored when t == 0) -> logits [B, V]."""
        x = self.embed(prev[:, None], start_pos=t, zero_first=(t == 0))
        logits, state = self.decode(x, state, mask)
        return logits[:, 0], state


def suppress_unk(logits, unk_id):
    logits[..., unk_id] = float("-inf")
    return logits


@torch.no_grad()
def greedy(model, src, src_len, max_factor=2.0, extra=5):
    """Batched greedy search; returns lists of token ids without EOS."""
    c = model.config
    memory, mask = model.encode(src, src_len)
    state = model.start_state(memory)
    b = src.shape[0]
    max_len = int(max_factor * src_len.max().item()) + extra
    prev = torch.zeros(b, dtype=torch.long, device=src.device)
    out = [[] for _ in range(b)]
    done = torch.zeros(b, dtype=torch.bool)
    for t in range(max_len):
        logits, state = model.step(prev, t, state, mask)
        prev = suppress_unk(logits, c.unk_id).argmax(-1)
        for i in range(b):
            if not done[i]:
                if prev[i].item() == c.eos_id or len(out[i]) >= max_factor * src_len[i].item() + extra:
                    done[i] = True
                else:
                    out[i].append(prev[i].item())
        if done.all():
            break
    return out
