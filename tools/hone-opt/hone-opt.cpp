//===- hone-opt.cpp - mlir-opt with hone's dialects and passes ------------===//
//
// The driver of the lit tests: parses hone IR, runs passes, prints IR. It
// registers hone's dialect and passes plus the few core dialects and passes
// that the tests use.
//
//===----------------------------------------------------------------------===//
#include "dialects/hone/HoneDialect.h"
#include "passes/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  registry.insert<mlir::hone::HoneDialect, mlir::func::FuncDialect>();
  mlir::hone::registerAllHonePasses();
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "hone optimizer driver\n", registry));
}
