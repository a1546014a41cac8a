"""Writes a MatMul model whose weight lives in an external-data file, an input
and the expected output (numpy), plus a copy in sub/ whose weight location
escapes its directory (to a file that exists).

    make_external_data_model.py OUT_DIR
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
w = (np.arange(32, dtype=np.float32).reshape(4, 8) - 16) / 8
x = np.linspace(-1, 1, 8, dtype=np.float32).reshape(2, 4)
graph = helper.make_graph(
    [helper.make_node("MatMul", ["x", "w"], ["y"], name="project")], "g",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 4])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2, 8])],
    [numpy_helper.from_array(w, "w")])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
onnx.save_model(model, os.path.join(out, "model.onnx"), save_as_external_data=True,
                all_tensors_to_one_file=True, location="weights.bin", size_threshold=0)
np.save(os.path.join(out, "x.npy"), x)
np.save(os.path.join(out, "y.npy"), x @ w)

escaping = onnx.load(os.path.join(out, "model.onnx"), load_external_data=False)
for entry in escaping.graph.initializer[0].external_data:
    if entry.key == "location":
        entry.value = "../weights.bin"
os.makedirs(os.path.join(out, "sub"), exist_ok=True)
onnx.save_model(escaping, os.path.join(out, "sub", "escaping.onnx"))
