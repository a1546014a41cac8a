#!/usr/bin/env python3
"""Writes single-ReduceMean models for kernel benchmarks: the mean over
tokens that ends Swin ([1, 196, 192] over axis 1), with and without
keepdims, over the last axis, and over a map's two spatial axes:

    /usr/bin/python3 tools/models/reductions.py OUT_DIR

OUT_DIR/rmN.onnx with input OUT_DIR/rmN.npy; `honec rmN.onnx
--emit=shared -o rmN`, then `hone-run rmN.so --input x=rmN.npy --bench
3000 --threads 1 [--bench-against OTHER.so]` (BENCHMARKS.md). Needs
python3-onnx and numpy only.
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper

CASES = {
    "rm1": ([1, 196, 192], [1], 0, [1, 192]),
    "rm2": ([1, 196, 192], [1], 1, [1, 1, 192]),
    "rm3": ([1, 196, 192], [2], 0, [1, 196]),
    "rm4": ([2, 64, 14, 14], [2, 3], 0, [2, 64]),
}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(0)
    for name, (shape, axes, keepdims, result) in CASES.items():
        node = helper.make_node("ReduceMean", ["x"], ["y"], axes=axes, keepdims=keepdims)
        graph = helper.make_graph([node], name, [helper.make_tensor_value_info("x", TensorProto.FLOAT, shape)],
                                  [helper.make_tensor_value_info("y", TensorProto.FLOAT, result)])
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
        onnx.checker.check_model(model)
        onnx.save(model, os.path.join(out, name + ".onnx"))
        np.save(os.path.join(out, name + ".npy"), rng.standard_normal(shape).astype(np.float32))


if __name__ == "__main__":
    main()
