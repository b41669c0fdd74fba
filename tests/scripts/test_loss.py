"""The fused label-smoothed cross-entropy of training (nmt.loss) against PyTorch's own: the same
value and gradient, over several row chunks, with ignored (padding) positions, in float32 and
bfloat16, and the logits left as they were."""
import os
import sys
import unittest

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
from nmt.loss import ROWS, smoothed_cross_entropy  # noqa: E402


class SmoothedCrossEntropy(unittest.TestCase):
    def check(self, dtype, value_tol, grad_tol):
        torch.manual_seed(5)
        n, vocab = 2 * ROWS + 37, 500  # three chunks, the last one short
        logits = (torch.randn(n, vocab) * 4).to(dtype).requires_grad_()
        target = torch.randint(0, vocab, (n,))
        target[::9] = -100
        kept = logits.detach().clone()
        want = F.cross_entropy(logits.float(), target, ignore_index=-100, label_smoothing=0.1, reduction="sum")
        (want * 0.5).backward()
        want_grad, logits.grad = logits.grad.clone(), None
        got = smoothed_cross_entropy(logits, target, 0.1)
        (got * 0.5).backward()
        self.assertTrue(torch.equal(logits.detach(), kept), "the logits are not modified")
        self.assertLess(abs(got.item() - want.item()) / want.item(), value_tol)
        self.assertEqual(logits.grad.dtype, dtype)
        self.assertLess((logits.grad.float() - want_grad.float()).abs().max().item(), grad_tol)
        self.assertTrue(bool((logits.grad[::9] == 0).all()), "ignored positions get no gradient")

    def test_float32(self):
        self.check(torch.float32, 1e-6, 1e-5)

    def test_bfloat16(self):
        self.check(torch.bfloat16, 1e-6, 4e-3)  # gradients rounded to bfloat16 (8 bits of mantissa)


if __name__ == "__main__":
    unittest.main()
