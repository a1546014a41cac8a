//===- OpAttributes.h - Reading ONNX-spelled attributes of hone ops -*- C++ -*-===//
//
// Shape functions and verifiers read attributes generically (one function
// serves a family of ops), by their ONNX names, with ONNX's defaults when
// absent.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_DIALECTS_HONE_OPS_OPATTRIBUTES_H
#define HONE_DIALECTS_HONE_OPS_OPATTRIBUTES_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Operation.h"

#include <optional>

namespace mlir::hone {

/// An INT attribute, or nullopt when absent.
inline std::optional<int64_t> getIntAttr(Operation *op, StringRef name) {
  if (auto attr = op->getAttrOfType<IntegerAttr>(name))
    return attr.getInt();
  return std::nullopt;
}

inline int64_t getIntAttr(Operation *op, StringRef name, int64_t fallback) {
  return getIntAttr(op, name).value_or(fallback);
}

/// An INTS attribute, or nullopt when absent.
inline std::optional<SmallVector<int64_t>> getIntsAttr(Operation *op, StringRef name) {
  auto array = op->getAttrOfType<ArrayAttr>(name);
  if (!array)
    return std::nullopt;
  SmallVector<int64_t> values;
  for (Attribute element : array)
    if (auto integer = dyn_cast<IntegerAttr>(element))
      values.push_back(integer.getInt());
  return values;
}

inline SmallVector<int64_t> getIntsAttr(Operation *op, StringRef name,
                                        SmallVector<int64_t> fallback) {
  return getIntsAttr(op, name).value_or(std::move(fallback));
}

inline StringRef getStrAttr(Operation *op, StringRef name, StringRef fallback) {
  if (auto attr = op->getAttrOfType<StringAttr>(name))
    return attr.getValue();
  return fallback;
}

} // namespace mlir::hone

#endif // HONE_DIALECTS_HONE_OPS_OPATTRIBUTES_H
