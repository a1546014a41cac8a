#!/usr/bin/env python3
"""Writes a residual conv net in the shape TF-to-ONNX converters emit: the
model computes in NHWC, so every Conv is wrapped in NHWC -> NCHW -> NHWC
Transposes, and the Relus and residual Adds run between them.

    /usr/bin/python3 tools/models/nhwc_blocks.py OUT_DIR [--blocks 4] [--channels 32] [--size 56]

Writes OUT_DIR/model.onnx (random seeded weights) and OUT_DIR/input_0.npy.
For benchmarks of layout transformation elimination (BENCHMARKS.md):
`honec --stats` counts its Transposes, and `tools/bench/layout`-style
paired runs compare `--layout=false`. Needs python3-onnx and numpy only.
"""
import argparse
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--blocks", type=int, default=4)
    parser.add_argument("--channels", type=int, default=32)
    parser.add_argument("--size", type=int, default=56)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    c, h = args.channels, args.size
    nodes, weights = [], []
    current = "x"
    for b in range(args.blocks):
        for half in "ab":
            weights.append(numpy_helper.from_array(
                (rng.standard_normal([c, c, 3, 3]) * 0.05).astype(np.float32), f"w{b}{half}"))
        nodes += [
            helper.make_node("Transpose", [current], [f"r{b}"], perm=[0, 2, 3, 1]),
            helper.make_node("Conv", [current, f"w{b}a"], [f"c{b}a"], pads=[1, 1, 1, 1]),
            helper.make_node("Transpose", [f"c{b}a"], [f"t{b}a"], perm=[0, 2, 3, 1]),
            helper.make_node("Relu", [f"t{b}a"], [f"u{b}a"]),
            helper.make_node("Transpose", [f"u{b}a"], [f"v{b}a"], perm=[0, 3, 1, 2]),
            helper.make_node("Conv", [f"v{b}a", f"w{b}b"], [f"c{b}b"], pads=[1, 1, 1, 1]),
            helper.make_node("Transpose", [f"c{b}b"], [f"t{b}b"], perm=[0, 2, 3, 1]),
            helper.make_node("Add", [f"t{b}b", f"r{b}"], [f"s{b}"]),
            helper.make_node("Relu", [f"s{b}"], [f"u{b}b"]),
            helper.make_node("Transpose", [f"u{b}b"], [f"o{b}"], perm=[0, 3, 1, 2]),
        ]
        current = f"o{b}"
    graph = helper.make_graph(nodes, "nhwc_blocks",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, c, h, h])],
                              [helper.make_tensor_value_info(current, TensorProto.FLOAT, [1, c, h, h])], weights)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    os.makedirs(args.out, exist_ok=True)
    onnx.save(model, os.path.join(args.out, "model.onnx"))
    np.save(os.path.join(args.out, "input_0.npy"), rng.standard_normal([1, c, h, h]).astype(np.float32))


if __name__ == "__main__":
    main()
