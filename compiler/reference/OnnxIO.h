//===- OnnxIO.h - ONNX TensorProto and .npy files to tensors ----*- C++ -*-===//
//
// Reading the tensors of ONNX models and backend tests, and numpy files.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_COMPILER_REFERENCE_ONNXIO_H
#define HONE_COMPILER_REFERENCE_ONNXIO_H

#include "compiler/reference/Kernel.h"

#include <onnx/onnx_pb.h>

#include <string>

namespace hone::ref {

/// Converts a TensorProto (raw_data, typed fields, or external data relative
/// to `baseDir`) into `out`.
Status tensorFromProto(const onnx::TensorProto &proto, Tensor &out,
                       const std::string &baseDir = "");
/// Reads a serialized TensorProto (`input_0.pb` of a backend test).
Status readTensorProtoFile(const std::string &path, Tensor &out);
/// Reads and writes numpy .npy files.
Status readNpy(const std::string &path, Tensor &out);
Status writeNpy(const std::string &path, const Tensor &tensor);

} // namespace hone::ref

#endif // HONE_COMPILER_REFERENCE_ONNXIO_H
