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
  /// Loads a library that `honec --emit=shared -o PREFIX` wrote (PREFIX.so)
  /// and creates an instance with `threads`; its descriptor is named after
  /// the file, as honec names it.
  static std::unique_ptr<CompiledModel> load(const std::string &path, int threads, std::string &error);
  /// The names of the model's inputs and outputs, in order.
  std::vector<std::string> inputNames() const { return names(/*outputs=*/false); }
  std::vector<std::string> outputNames() const { return names(/*outputs=*/true); }
  /// Runs on `inputs`; the outputs are copies.
  FailureOr<std::vector<ref::Tensor>> run(const std::vector<ref::Tensor> &inputs, std::string &error);

private:
  CompiledModel() = default;
  /// The names of the instance's inputs or outputs, from its metadata.
  std::vector<std::string> names(bool outputs) const;
  /// dlopens `path` and creates the instance of its NAME_descriptor.
  bool open(const std::string &path, const std::string &name, int threads, std::string &error);
  std::string workDir;
  void *library = nullptr;
  hone_model_t *instance = nullptr;
};

} // namespace mlir::hone

#endif // HONE_TOOLS_HONE_RUN_COMPILEDMODEL_H
