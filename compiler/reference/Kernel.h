//===- Kernel.h - Reference kernels: context, attributes, registry -*- C++ -*-===//
//
// A reference kernel computes one `hone` op (one ONNX operator in its
// canonical form, see dialects/hone) on host tensors with plain loops. It
// sees its inputs (nullptr for an absent optional input), its attributes by
// their ONNX names, the element types the IR declares for its results, and
// writes its outputs. Kernels report bad input through Status, never by
// crashing: the evaluator is also run on untrusted models.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_COMPILER_REFERENCE_KERNEL_H
#define HONE_COMPILER_REFERENCE_KERNEL_H

#include "compiler/reference/Tensor.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace hone::ref {

/// Success, or a message saying what is wrong with the op's inputs.
struct Status {
  bool ok = true;
  std::string message;
  static Status success() { return {}; }
  static Status failure(std::string message) { return {false, std::move(message)}; }
  explicit operator bool() const { return ok; }
};

/// An attribute value, by ONNX attribute type: INT, FLOAT, STRING, INTS,
/// FLOATS, STRINGS, TENSOR. (GRAPH attributes are regions, see runSubgraph.)
using AttrValue = std::variant<int64_t, double, std::string, std::vector<int64_t>,
                               std::vector<double>, std::vector<std::string>, Tensor>;

/// What a kernel can see and write.
class KernelContext {
public:
  virtual ~KernelContext() = default;

  /// The op's name in ONNX spelling ("Conv"), for messages.
  virtual const std::string &opType() const = 0;

  virtual size_t numInputs() const = 0;
  /// Input `i`, or nullptr when the optional input is absent (or i is past
  /// the end).
  virtual const Tensor *input(size_t i) const = 0;

  virtual size_t numOutputs() const = 0;
  /// The element type the IR declares for result `i`.
  virtual DType outputDType(size_t i) const = 0;
  /// Sets result `i`. Each result must be set exactly once.
  virtual void setOutput(size_t i, Tensor value) = 0;

  /// The attribute named `name` (ONNX spelling), or nullptr when absent.
  virtual const AttrValue *attr(const std::string &name) const = 0;

  /// Runs the op's region `index` (If: 0 = then, 1 = else; Loop: 0 = body)
  /// on `args` and returns its yielded values in `results`.
  virtual Status runSubgraph(size_t index, const std::vector<Tensor> &args,
                             std::vector<Tensor> &results) = 0;

  // Typed attribute accessors with defaults. A present attribute of another
  // type is reported by the verifier before evaluation, so these only fall
  // back to the default when the attribute is absent.
  int64_t getInt(const std::string &name, int64_t defaultValue) const;
  double getFloat(const std::string &name, double defaultValue) const;
  std::string getString(const std::string &name, const std::string &defaultValue) const;
  std::vector<int64_t> getInts(const std::string &name,
                               std::vector<int64_t> defaultValue = {}) const;
  std::vector<double> getFloats(const std::string &name,
                                std::vector<double> defaultValue = {}) const;
  bool hasAttr(const std::string &name) const { return attr(name) != nullptr; }

  /// A Status naming the op: "Conv: expected 4-D input, got 3-D".
  Status error(const std::string &message) const;
};

using Kernel = std::function<Status(KernelContext &)>;

/// Registers `kernel` for the ONNX operator `opType` ("Conv"); a second
/// registration of the same name replaces the first.
void registerKernel(const std::string &opType, Kernel kernel);
/// The kernel for `opType`, or nullptr. The first call registers every
/// kernel family (kernels/Kernels.h).
const Kernel *lookupKernel(const std::string &opType);
/// Every registered op type, sorted.
std::vector<std::string> registeredKernels();

} // namespace hone::ref

#endif // HONE_COMPILER_REFERENCE_KERNEL_H
