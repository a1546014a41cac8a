//===- CompiledModel.h - A model compiled for the host and loaded -*- C++ -*-===//
//
// hone-run without --interp: compiles the model with the CPU target into a
// shared library in a temporary directory, loads it, and runs it through
// the runtime's C API, exactly as an app would call it.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_TOOLS_HONE_RUN_COMPILEDMODEL_H
#define HONE_TOOLS_HONE_RUN_COMPILEDMODEL_H

#include "compiler/reference/Tensor.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"

#include <memory>
#include <string>
#include <vector>

struct hone_model_t;

namespace mlir::hone {

class CompiledModel {
public:
  ~CompiledModel();
  /// Compiles `module` (its @main) and creates an instance with `threads`.
  /// Fails with a diagnostic, or with `error` set for what is not one.
  static std::unique_ptr<CompiledModel> compile(ModuleOp module, int threads, std::string &error);
  /// Runs on `inputs`; the outputs are copies.
  FailureOr<std::vector<ref::Tensor>> run(const std::vector<ref::Tensor> &inputs, std::string &error);

private:
  CompiledModel() = default;
  std::string workDir;
  void *library = nullptr;
  hone_model_t *instance = nullptr;
};

} // namespace mlir::hone

#endif // HONE_TOOLS_HONE_RUN_COMPILEDMODEL_H
