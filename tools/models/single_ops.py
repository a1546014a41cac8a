#!/usr/bin/env python3
"""Writes single-op models for kernel benchmarks, one per case below, each
with a random seeded input:

    /usr/bin/python3 tools/models/single_ops.py OUT_DIR

- lnW: LayerNormalization over the last dim of [1, rows, W] (W = 20, 48,
  192, 768: Swin's first stage is 3136 x 48);
- rmN: ReduceMean, Swin's mean over tokens ([1, 196, 192] over axis 1)
  with and without keepdims, over the last axis, over a map's two axes;
- gN: Gemm with transB and constant B (nn.Linear's export): a classifier
  head of 192 or 2048 features, and 64 rows of 256.

OUT_DIR/CASE.onnx reads input x, OUT_DIR/CASE.npy; `honec CASE.onnx
--emit=shared -o CASE`, then `hone-run CASE.so --input x=CASE.npy --bench
3000 --threads 1 [--bench-against OTHER.so]` (BENCHMARKS.md). Needs
python3-onnx and numpy only.
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def layer_norm(rng, rows, width):
    weights = {"scale": rng.standard_normal(width), "bias": rng.standard_normal(width)}
    node = helper.make_node("LayerNormalization", ["x", "scale", "bias"], ["y"], axis=-1)
    return [node], weights, [1, rows, width], [1, rows, width], 3


def reduce_mean(rng, shape, axes, keepdims, result):
    return [helper.make_node("ReduceMean", ["x"], ["y"], axes=axes, keepdims=keepdims)], {}, shape, result, 1


def gemm(rng, m, k, n):
    weights = {"w": rng.standard_normal((n, k)) / np.sqrt(k), "b": rng.standard_normal(n)}
    return [helper.make_node("Gemm", ["x", "w", "b"], ["y"], transB=1)], weights, [m, k], [m, n], 1


CASES = {
    "ln20": (layer_norm, 1000, 20),
    "ln48": (layer_norm, 3136, 48),
    "ln192": (layer_norm, 196, 192),
    "ln768": (layer_norm, 197, 768),
    "rm1": (reduce_mean, [1, 196, 192], [1], 0, [1, 192]),
    "rm2": (reduce_mean, [1, 196, 192], [1], 1, [1, 1, 192]),
    "rm3": (reduce_mean, [1, 196, 192], [2], 0, [1, 196]),
    "rm4": (reduce_mean, [2, 64, 14, 14], [2, 3], 0, [2, 64]),
    "g1": (gemm, 1, 192, 1000),
    "g2": (gemm, 1, 2048, 1000),
    "g3": (gemm, 64, 256, 256),
}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(0)
    for name, (make, *args) in CASES.items():
        nodes, weights, shape, result, spread = make(rng, *args)
        graph = helper.make_graph(nodes, name, [helper.make_tensor_value_info("x", TensorProto.FLOAT, shape)],
                                  [helper.make_tensor_value_info("y", TensorProto.FLOAT, result)],
                                  [numpy_helper.from_array(np.asarray(v, np.float32), k) for k, v in weights.items()])
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
        onnx.checker.check_model(model)
        onnx.save(model, os.path.join(out, name + ".onnx"))
        np.save(os.path.join(out, name + ".npy"), (rng.standard_normal(shape) * spread + 1).astype(np.float32))


if __name__ == "__main__":
    main()
