//===- OutputCheck.cpp - Compares computed outputs with expected ones -----===//
//
// Integers and bools are compared through double, which is exact for every
// value a test tensor holds below 2^53.
//
//===----------------------------------------------------------------------===//
#include "tools/hone-run/OutputCheck.h"

#include <cmath>
#include <sstream>

namespace mlir::hone {

CheckResult checkOutput(const ref::Tensor &got, const ref::Tensor &want,
                        const Tolerance &tolerance) {
  CheckResult result;
  if (got.dtype() != want.dtype()) {
    result.ok = false;
    result.message = std::string("element type ") + ref::dtypeName(got.dtype()) +
                     ", expected " + ref::dtypeName(want.dtype());
    return result;
  }
  if (got.shape() != want.shape()) {
    result.ok = false;
    result.message = "shape " + ref::shapeToString(got.shape()) + ", expected " +
                     ref::shapeToString(want.shape());
    return result;
  }
  double maxDiff = 0, maxWant = 0;
  int64_t firstBad = -1;
  for (int64_t i = 0; i < want.numel(); ++i) {
    double g = got.getDouble(i), w = want.getDouble(i);
    bool same;
    if (std::isnan(w) || std::isnan(g))
      same = std::isnan(w) && std::isnan(g);
    else if (std::isinf(w) || std::isinf(g))
      same = g == w;
    else {
      double diff = std::fabs(g - w);
      maxDiff = std::max(maxDiff, diff);
      maxWant = std::max(maxWant, std::fabs(w));
      same = tolerance.tol || diff <= tolerance.atol + tolerance.rtol * std::fabs(w);
    }
    if (!same && firstBad < 0)
      firstBad = i;
  }
  result.maxRelativeError = maxWant > 0 ? maxDiff / maxWant : maxDiff;
  if (tolerance.tol && firstBad < 0 && maxDiff > *tolerance.tol * maxWant) {
    result.ok = false;
    std::ostringstream os;
    os << "max |got - want| = " << maxDiff << " exceeds " << *tolerance.tol
       << " * max |want| = " << *tolerance.tol * maxWant;
    result.message = os.str();
    return result;
  }
  if (firstBad >= 0) {
    result.ok = false;
    std::ostringstream os;
    os.precision(9);
    os << "element " << firstBad << " is " << got.getDouble(firstBad) << ", expected "
       << want.getDouble(firstBad) << " (max |got - want| = " << maxDiff << ")";
    result.message = os.str();
  }
  return result;
}

} // namespace mlir::hone
