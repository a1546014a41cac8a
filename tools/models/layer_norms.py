#!/usr/bin/env python3
"""Writes single-LayerNormalization models over the last dim, one per row
width of the public transformers (and a narrow one), for kernel benchmarks:

    /usr/bin/python3 tools/models/layer_norms.py OUT_DIR

OUT_DIR/lnW.onnx normalizes [1, rows, W] (W = 20, 48, 192, 768; rows as
Swin's first stage, ViT, and so on) with random seeded scale and bias;
OUT_DIR/lnW.npy is its input. `honec lnW.onnx --emit=shared -o lnW` then
`hone-run lnW.so --input x=lnW.npy --bench 3000 --threads 1
[--bench-against OTHER.so]` (BENCHMARKS.md). Needs python3-onnx and numpy.
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

SHAPES = {"ln20": (1000, 20), "ln48": (3136, 48), "ln192": (196, 192), "ln768": (197, 768)}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(0)
    for name, (rows, width) in SHAPES.items():
        node = helper.make_node("LayerNormalization", ["x", "scale", "bias"], ["y"], axis=-1)
        weights = [numpy_helper.from_array(rng.standard_normal(width).astype(np.float32), "scale"),
                   numpy_helper.from_array(rng.standard_normal(width).astype(np.float32), "bias")]
        graph = helper.make_graph([node], name, [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, rows, width])],
                                  [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, rows, width])], weights)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
        onnx.checker.check_model(model)
        onnx.save(model, os.path.join(out, name + ".onnx"))
        np.save(os.path.join(out, name + ".npy"), (rng.standard_normal((1, rows, width)) * 3 + 1).astype(np.float32))


if __name__ == "__main__":
    main()
