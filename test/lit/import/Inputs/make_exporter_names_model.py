"""Writes OUT/model.onnx: two convolutions whose weights have the names
exporters give (`onnx::Conv_71`, `/layer/weight`, `0.bias`)."""
import os
import sys

import numpy as np
from onnx import TensorProto, helper, numpy_helper, save

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
w1 = numpy_helper.from_array(np.arange(18, dtype=np.float32).reshape(2, 1, 3, 3), "onnx::Conv_71")
w2 = numpy_helper.from_array(np.ones((2, 1, 3, 3), dtype=np.float32), "/layer/weight")
b = numpy_helper.from_array(np.arange(2, dtype=np.float32) + 20, "0.bias")
graph = helper.make_graph(
    [helper.make_node("Conv", ["x", "onnx::Conv_71"], ["y"], kernel_shape=[3, 3]),
     helper.make_node("Conv", ["x", "/layer/weight", "0.bias"], ["z"], kernel_shape=[3, 3])],
    "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 1, 4, 4])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 2, 2, 2]),
     helper.make_tensor_value_info("z", TensorProto.FLOAT, [1, 2, 2, 2])],
    [w1, w2, b])
save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), os.path.join(out, "model.onnx"))
