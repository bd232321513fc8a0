"""Fashion-MNIST BNN check against PyTorch's logits.

  bnn-check.py prepare ref.npz images.npy   float32 x / 255, [N, 1, 28, 28]
  bnn-check.py compare ref.npz logits.npy ATOL
      prints the largest logit difference, the argmax agreement and the
      number of samples within ATOL; exit 1 if any sample is off by more
      than ATOL or disagrees on the argmax.
"""
import sys

import numpy as np


def main(argv):
    ref = np.load(argv[2])
    if argv[1] == "prepare":
        x = ref["images"].astype(np.float32) / np.float32(255.0)
        np.save(argv[3], np.ascontiguousarray(x, dtype=np.float32))
        return 0
    got = np.load(argv[3]).reshape(ref["logits"].shape)
    want = ref["logits"]
    atol = float(argv[4])
    diff = np.abs(got - want).max(axis=1)
    agree = (got.argmax(axis=1) == want.argmax(axis=1)).sum()
    n = len(want)
    print("samples: %d" % n)
    print("max |logit - pytorch|: %.3g" % diff.max())
    print("argmax agreement: %d/%d" % (agree, n))
    print("within atol %g: %d/%d" % (atol, (diff <= atol).sum(), n))
    return 0 if agree == n and (diff <= atol).all() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
