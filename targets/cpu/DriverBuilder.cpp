//===- DriverBuilder.cpp - The host driver's LLVM-dialect module ----------===//
#include "targets/cpu/DriverBuilder.h"

#include "mlir/IR/BuiltinAttributes.h"

using namespace mlir;
using namespace mlir::hone::cpu;

Value mlir::hone::cpu::fieldPtr(OpBuilder &b, Location loc, Value base, int64_t offset) {
  auto ptr = LLVM::LLVMPointerType::get(b.getContext());
  return b.create<LLVM::GEPOp>(loc, ptr, b.getI8Type(), base, ArrayRef<LLVM::GEPArg>{offset});
}

Value mlir::hone::cpu::fieldPtr(OpBuilder &b, Location loc, Value base, Value offset) {
  auto ptr = LLVM::LLVMPointerType::get(b.getContext());
  return b.create<LLVM::GEPOp>(loc, ptr, b.getI8Type(), base, ValueRange{offset});
}

Value mlir::hone::cpu::constantInt(OpBuilder &b, Location loc, Type type, int64_t value) {
  return b.create<LLVM::ConstantOp>(loc, type, b.getIntegerAttr(type, value));
}

void mlir::hone::cpu::storeField(OpBuilder &b, Location loc, Value value, Value base,
                                 int64_t offset) {
  b.create<LLVM::StoreOp>(loc, value, fieldPtr(b, loc, base, offset));
}

Value mlir::hone::cpu::loadField(OpBuilder &b, Location loc, Type type, Value base,
                                 int64_t offset) {
  return b.create<LLVM::LoadOp>(loc, type, fieldPtr(b, loc, base, offset));
}

DriverBuilder::DriverBuilder(MLIRContext *context, const std::string &name)
    : context(context), name(name), builder(context), loc(UnknownLoc::get(context)) {
  module = ModuleOp::create(loc);
  builder.setInsertionPointToEnd(module->getBody());
  ptr = LLVM::LLVMPointerType::get(context);
}

void DriverBuilder::addGlobal(StringRef symbol, Type type, Attribute value, int64_t alignment) {
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToEnd(module->getBody());
  builder.create<LLVM::GlobalOp>(loc, type, /*isConstant=*/true, LLVM::Linkage::Internal, symbol,
                                 value, alignment);
}

std::string DriverBuilder::addString(StringRef text) {
  auto it = stringSymbols.find(text.str());
  if (it != stringSymbols.end())
    return it->second;
  std::string symbol = name + "_str" + std::to_string(strings++);
  std::string data = text.str();
  data.push_back('\0');
  addGlobal(symbol, LLVM::LLVMArrayType::get(builder.getI8Type(), data.size()),
            builder.getStringAttr(data));
  stringSymbols[text.str()] = symbol;
  return symbol;
}

std::string DriverBuilder::addI64Array(ArrayRef<int64_t> values) {
  std::string symbol = name + "_dims" + std::to_string(arrays++);
  SmallVector<int64_t> data(values);
  if (data.empty())
    data.push_back(0); // a zero-length global is not allowed; rank 0 never reads it
  auto type = RankedTensorType::get({static_cast<int64_t>(data.size())}, builder.getI64Type());
  addGlobal(symbol, LLVM::LLVMArrayType::get(builder.getI64Type(), data.size()),
            DenseElementsAttr::get(type, ArrayRef<int64_t>(data)));
  return symbol;
}
