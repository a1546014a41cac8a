#!/usr/bin/env python3
"""Writes hone's bundled example: a tiny CNN in ONNX's textual syntax, an input,
and the expected output computed here with plain numpy (an independent
reference for the evaluator). Needs only python3-numpy:

    /usr/bin/python3 test/e2e/example/make_example.py test/e2e/example
"""
import sys

import numpy as np


def conv2d(x, w, b):
    n, c, h, wd = x.shape
    k, _, r, s = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    y = np.zeros((n, k, h, wd), np.float64)
    for i in range(h):
        for j in range(wd):
            patch = xp[:, :, i:i + r, j:j + s].astype(np.float64)
            y[:, :, i, j] = np.tensordot(patch, w.astype(np.float64), ([1, 2, 3], [1, 2, 3]))
    return y + b.reshape(1, k, 1, 1)


def tensor_text(name, array):
    dims = ",".join(str(d) for d in array.shape)
    values = ", ".join(f"{v:.8e}" for v in array.reshape(-1))
    return f"    float[{dims}] {name} = {{{values}}}"


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    rng = np.random.default_rng(7)
    w1 = (rng.standard_normal((4, 1, 3, 3)) * 0.5).astype(np.float32)
    b1 = (rng.standard_normal(4) * 0.1).astype(np.float32)
    w2 = (rng.standard_normal((3, 64)) * 0.2).astype(np.float32)
    b2 = (rng.standard_normal(3) * 0.1).astype(np.float32)
    x = rng.standard_normal((1, 1, 8, 8)).astype(np.float32)

    y = np.maximum(conv2d(x, w1, b1), 0)                       # Conv + Relu
    y = y.reshape(1, 4, 4, 2, 4, 2).max(axis=(3, 5))           # MaxPool 2x2
    y = y.reshape(1, 64) @ w2.T.astype(np.float64) + b2        # Flatten + Gemm
    y = np.exp(y - y.max(axis=1, keepdims=True))
    y = (y / y.sum(axis=1, keepdims=True)).astype(np.float32)  # Softmax

    model = "\n".join([
        "<",
        "  ir_version: 8,",
        '  opset_import: ["" : 17],',
        '  producer_name: "hone make_example.py"',
        ">",
        "tiny_cnn (float[1,1,8,8] input) => (float[1,3] probabilities)",
        "  <",
        tensor_text("conv_w", w1) + ",",
        tensor_text("conv_b", b1) + ",",
        tensor_text("fc_w", w2) + ",",
        tensor_text("fc_b", b2),
        "  >",
        "{",
        "  conv = Conv <kernel_shape = [3, 3], pads = [1, 1, 1, 1]> (input, conv_w, conv_b)",
        "  relu = Relu (conv)",
        "  pool = MaxPool <kernel_shape = [2, 2], strides = [2, 2]> (relu)",
        "  flat = Flatten <axis = 1> (pool)",
        "  logits = Gemm <transB = 1> (flat, fc_w, fc_b)",
        "  probabilities = Softmax <axis = 1> (logits)",
        "}",
        "",
    ])
    with open(f"{out}/tiny_cnn.onnxtext", "w") as f:
        f.write(model)
    np.save(f"{out}/input.npy", x)
    np.save(f"{out}/expected_output.npy", y)


if __name__ == "__main__":
    main()
