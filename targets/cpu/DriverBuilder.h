//===- DriverBuilder.h - The host driver's LLVM-dialect module --*- C++ -*-===//
//
// The driver is built directly in MLIR's LLVM dialect: constant globals
// (strings, dims, metadata tables) and functions that read and write the
// runtime's structs (runtime.h) field by field at their LP64 offsets.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_TARGETS_CPU_DRIVERBUILDER_H
#define HONE_TARGETS_CPU_DRIVERBUILDER_H

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

#include <map>
#include <string>

namespace mlir::hone::cpu {

/// The pointer to field `offset` (bytes) of the struct at `base`.
Value fieldPtr(OpBuilder &b, Location loc, Value base, int64_t offset);
/// The same at a byte offset known only at run time (an i64).
Value fieldPtr(OpBuilder &b, Location loc, Value base, Value offset);
Value constantInt(OpBuilder &b, Location loc, Type type, int64_t value);
void storeField(OpBuilder &b, Location loc, Value value, Value base, int64_t offset);
Value loadField(OpBuilder &b, Location loc, Type type, Value base, int64_t offset);

/// Builds the LLVM-dialect module of the host driver.
class DriverBuilder {
public:
  DriverBuilder(MLIRContext *context, const std::string &name);

  OwningOpRef<ModuleOp> module;

  /// A constant global named `symbol` holding `value`; its address type is ptr.
  void addGlobal(StringRef symbol, Type type, Attribute value, int64_t alignment = 0);
  /// A NUL-terminated string constant (the same text shares one global).
  std::string addString(StringRef text);
  std::string addI64Array(ArrayRef<int64_t> values);

  MLIRContext *context;
  std::string name;
  OpBuilder builder;
  Location loc;
  Type ptr;

private:
  int strings = 0, arrays = 0;
  std::map<std::string, std::string> stringSymbols;
};

} // namespace mlir::hone::cpu

#endif // HONE_TARGETS_CPU_DRIVERBUILDER_H
