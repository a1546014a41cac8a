//===- ImportContext.h - Shared state of the ONNX importer ------*- C++ -*-===//
//
// The pieces of the importer (graph walk, opset rules, tensor conversion)
// share this: a builder, the model file for diagnostics, and a way to emit
// canonical hone ops by ONNX name.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_COMPILER_ONNX_IMPORTCONTEXT_H
#define HONE_COMPILER_ONNX_IMPORTCONTEXT_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"

#include <onnx/onnx_pb.h>

#include <string>
#include <vector>

namespace mlir::hone {

/// One ONNX node on its way to a hone op: its inputs as values (null for an
/// absent optional input), its attributes converted to MLIR, and the GRAPH
/// attributes (If/Loop bodies) still as protos.
struct ImportedNode {
  std::string opType;
  std::vector<Value> operands;
  NamedAttrList attributes;
  std::vector<std::pair<std::string, const onnx::GraphProto *>> graphs;
  /// Result types known from ONNX type inference; null where unknown.
  std::vector<Type> resultTypes;
  Location loc;
};

/// Emits canonical ops for the opset rules.
class NodeEmitter {
public:
  virtual ~NodeEmitter() = default;
  virtual OpBuilder &builder() = 0;
  /// A 1-D (or, with `scalar`, 0-D) int64 constant.
  virtual Value constantI64(ArrayRef<int64_t> values, Location loc, bool scalar = false) = 0;
  /// A constant of `elementType` with the given values (1-D, or 0-D with
  /// `scalar`).
  virtual Value constantOf(Type elementType, ArrayRef<double> values, Location loc,
                           bool scalar = false) = 0;
  /// Builds the canonical op `node.opType` from `node`; its results.
  virtual FailureOr<SmallVector<Value>> emit(ImportedNode &node) = 0;
};

/// Rewrites `node` from the form of `opset` into the canonical form
/// (compiler/reference/CANONICAL.md). Rules that need several ops emit them
/// through `emitter`, set `results` and `handled`; the others only change
/// `node`. Fails, with a diagnostic at the node, on forms hone does not take.
LogicalResult applyOpsetRules(ImportedNode &node, int64_t opset, NodeEmitter &emitter,
                              SmallVector<Value> &results, bool &handled);

/// True when the importer knows the ONNX operator `opType` (default domain).
bool isImportableOnnxOp(const std::string &opType);

/// The MLIR element type of an ONNX TensorProto.DataType; null when hone
/// does not support it (strings, complex).
Type elementTypeFromOnnx(MLIRContext *context, int32_t onnxType);

} // namespace mlir::hone

#endif // HONE_COMPILER_ONNX_IMPORTCONTEXT_H
