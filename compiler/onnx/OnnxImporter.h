//===- OnnxImporter.h - ONNX models into the hone dialect -------*- C++ -*-===//
//
// Reads an ONNX model (binary protobuf, with external-data weight files, or
// ONNX's textual syntax) and builds a module with one `func.func @main` of
// hone ops. Every problem with the model is reported as one diagnostic whose
// location names the model file and the ONNX node (see Diagnostics.h).
//
//===----------------------------------------------------------------------===//
#ifndef HONE_COMPILER_ONNX_ONNXIMPORTER_H
#define HONE_COMPILER_ONNX_ONNXIMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <map>
#include <string>
#include <vector>

namespace mlir::hone {

/// Dims of one graph input given on the command line: -1 is dynamic (`?`).
using InputShapeOverrides = std::map<std::string, std::vector<int64_t>>;

struct ImportOptions {
  /// `--input-shape NAME:1x3x224x224` / `NAME:?x128`.
  InputShapeOverrides inputShapes;
  /// Every dim of every graph input becomes dynamic (the forced-dynamic
  /// conformance run); ranks stay.
  bool forceDynamicInputs = false;
};

/// Parses "NAME:1x3x224x224" or "NAME:?x128" into `overrides`; false with
/// `error` set on malformed text.
bool parseInputShapeOverride(const std::string &text, InputShapeOverrides &overrides,
                             std::string &error);

/// Imports the model at `path`. Returns null after emitting a diagnostic.
OwningOpRef<ModuleOp> importOnnxModel(MLIRContext *context, const std::string &path,
                                      const ImportOptions &options = {});

/// Registers the dialects the imported IR uses.
void registerImportedDialects(DialectRegistry &registry);

} // namespace mlir::hone

#endif // HONE_COMPILER_ONNX_ONNXIMPORTER_H
