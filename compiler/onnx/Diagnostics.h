//===- Diagnostics.h - Diagnostics that name the model file and node -*- C++ -*-===//
//
// Imported ops carry a location naming the model file, the ONNX node and its
// op type. The handler here prints every error as one line:
//
//   model.onnx: node 'conv1' (Conv): error: expected 4-D input, got 3-D
//
//===----------------------------------------------------------------------===//
#ifndef HONE_COMPILER_ONNX_DIAGNOSTICS_H
#define HONE_COMPILER_ONNX_DIAGNOSTICS_H

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"

#include <string>

namespace mlir::hone {

/// The location of ONNX node `nodeName` of type `opType` in `file`.
Location onnxNodeLoc(MLIRContext *context, const std::string &file,
                     const std::string &nodeName, const std::string &opType);
/// The location of the model as a whole (graph-level problems).
Location onnxFileLoc(MLIRContext *context, const std::string &file);

/// "model.onnx: node 'conv1' (Conv)" for a location made above, otherwise
/// MLIR's own rendering of `loc`.
std::string describeLocation(Location loc);
/// "node 'conv1' (Conv)" without the file (for messages a compiled model
/// gives at run time), or describeLocation's rendering of other locations.
std::string describeNode(Location loc);

/// Prints diagnostics to stderr as `describeLocation(loc): severity: message`
/// for as long as it lives.
class OnnxDiagnosticHandler : public ScopedDiagnosticHandler {
public:
  explicit OnnxDiagnosticHandler(MLIRContext *context);
  /// Number of errors printed so far.
  unsigned errorCount() const { return errors; }

private:
  unsigned errors = 0;
};

} // namespace mlir::hone

#endif // HONE_COMPILER_ONNX_DIAGNOSTICS_H
