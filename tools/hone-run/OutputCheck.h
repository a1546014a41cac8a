//===- OutputCheck.h - Compares computed outputs with expected ones -*- C++ -*-===//
//
// The two tolerance rules of DESIGN.md: element-wise |got - want| <= atol +
// rtol * |want| (ONNX's backend-test rule), or, with a whole-model `tol`,
// max|got - want| <= tol * max|want| per output.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_TOOLS_HONE_RUN_OUTPUTCHECK_H
#define HONE_TOOLS_HONE_RUN_OUTPUTCHECK_H

#include "compiler/reference/Tensor.h"

#include <optional>
#include <string>

namespace mlir::hone {

struct Tolerance {
  double rtol = 1e-3;
  double atol = 1e-7;
  /// When set, the whole-output rule replaces the element-wise one.
  std::optional<double> tol;
};

struct CheckResult {
  bool ok = true;
  /// What differs, for the first mismatch ("" when ok).
  std::string message;
  /// max |got - want| / max |want| over the output (0 when want is all 0).
  double maxRelativeError = 0;
};

/// Compares one output. Dtypes and shapes must match exactly; NaN matches
/// NaN, and infinities must match in sign.
CheckResult checkOutput(const ref::Tensor &got, const ref::Tensor &want,
                        const Tolerance &tolerance);

} // namespace mlir::hone

#endif // HONE_TOOLS_HONE_RUN_OUTPUTCHECK_H
