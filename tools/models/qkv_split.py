#!/usr/bin/env python3
"""Writes one attention block's q/k/v projection twice: as PyTorch exports
a fused projection (one MatMul + Add of 3 * heads * D columns, then
Reshape, Transpose and three Gathers, K transposed) and split by hand (a
product per part, x unsqueezed for the heads, the weights laid out
[1, heads, K, D]), both followed by attention without softmax.

    /usr/bin/python3 tools/models/qkv_split.py OUT_DIR [--windows 64] [--tokens 49] [--heads 3] [--dim 16]

Writes OUT_DIR/fused.onnx, OUT_DIR/split.onnx (the same weights) and
OUT_DIR/x.npy. The layout stage's projection-split rule
(passes/layout/SplitProjections.cpp) compiles fused.onnx to what
split.onnx spells out; a honec without the rule shows what the split
kernel cost (BENCHMARKS.md). Needs python3-onnx and numpy only.
"""
import argparse
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def save(path, nodes, weights, shape, out_shape):
    graph = helper.make_graph(nodes, "qkv", [helper.make_tensor_value_info("x", TensorProto.FLOAT, shape)],
                              [helper.make_tensor_value_info("o", TensorProto.FLOAT, out_shape)],
                              [numpy_helper.from_array(v, k) for k, v in weights.items()])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    onnx.checker.check_model(model)
    onnx.save(model, path)


def attention(nodes):
    nodes.append(helper.make_node("Transpose", ["k"], ["kt"], perm=[0, 1, 3, 2]))
    nodes.append(helper.make_node("MatMul", ["q", "kt"], ["a"]))
    nodes.append(helper.make_node("MatMul", ["a", "v"], ["o"]))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--windows", type=int, default=64)
    parser.add_argument("--tokens", type=int, default=49)
    parser.add_argument("--heads", type=int, default=3)
    parser.add_argument("--dim", type=int, default=16)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    b, s, h, d = args.windows, args.tokens, args.heads, args.dim
    c = h * d
    rng = np.random.default_rng(0)
    w = (rng.standard_normal((c, 3 * c)) / np.sqrt(c)).astype(np.float32)
    bias = rng.standard_normal(3 * c).astype(np.float32)
    out_shape = [b, h, s, d]

    nodes = [helper.make_node("MatMul", ["x", "w"], ["xw"]), helper.make_node("Add", ["xw", "b"], ["qkv"]),
             helper.make_node("Reshape", ["qkv", "heads"], ["qkv5"]),
             helper.make_node("Transpose", ["qkv5"], ["t"], perm=[2, 0, 3, 1, 4])]
    weights = {"w": w, "b": bias, "heads": np.array([b, s, 3, h, d], np.int64)}
    for i, part in enumerate("qkv"):
        weights[f"i{i}"] = np.array(i, np.int64)
        nodes.append(helper.make_node("Gather", ["t", f"i{i}"], [part], axis=0))
    attention(nodes)
    save(os.path.join(args.out, "fused.onnx"), nodes, weights, [b, s, c], out_shape)

    nodes = [helper.make_node("Reshape", ["x", "viewed"], ["x4"])]
    weights = {"viewed": np.array([b, 1, s, c], np.int64)}
    for i, part in enumerate("qkv"):
        columns = w[:, i * c:(i + 1) * c].reshape(c, h, d).transpose(1, 0, 2)
        weights[f"w{part}"] = np.ascontiguousarray(columns[None])
        weights[f"b{part}"] = np.ascontiguousarray(bias[i * c:(i + 1) * c].reshape(1, h, 1, d))
        nodes.append(helper.make_node("MatMul", ["x4", f"w{part}"], [f"{part}m"]))
        nodes.append(helper.make_node("Add", [f"{part}m", f"b{part}"], [part]))
    attention(nodes)
    save(os.path.join(args.out, "split.onnx"), nodes, weights, [b, s, c], out_shape)
    np.save(os.path.join(args.out, "x.npy"), rng.standard_normal((b, s, c)).astype(np.float32))


if __name__ == "__main__":
    main()
