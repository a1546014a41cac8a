//===- Registry.cpp - Reference kernel registry and context helpers -------===//
//
// The registry maps ONNX op types to kernels; it is filled once, on first
// lookup, by the family registration functions in kernels/Kernels.h.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/Kernel.h"
#include "compiler/reference/kernels/Kernels.h"

#include <mutex>

namespace hone::ref {

static std::map<std::string, Kernel> &kernelTable() {
  static std::map<std::string, Kernel> table;
  return table;
}

static void registerAllFamilies() {
  static std::once_flag once;
  std::call_once(once, [] {
    registerElementwiseKernels();
    registerNNKernels();
    registerTensorKernels();
    registerReductionKernels();
  });
}

void registerKernel(const std::string &opType, Kernel kernel) {
  kernelTable()[opType] = std::move(kernel);
}

const Kernel *lookupKernel(const std::string &opType) {
  registerAllFamilies();
  auto it = kernelTable().find(opType);
  return it == kernelTable().end() ? nullptr : &it->second;
}

std::vector<std::string> registeredKernels() {
  registerAllFamilies();
  std::vector<std::string> names;
  for (const auto &entry : kernelTable())
    names.push_back(entry.first);
  return names;
}

int64_t KernelContext::getInt(const std::string &name, int64_t defaultValue) const {
  const AttrValue *value = attr(name);
  if (const auto *i = value ? std::get_if<int64_t>(value) : nullptr)
    return *i;
  return defaultValue;
}

double KernelContext::getFloat(const std::string &name, double defaultValue) const {
  const AttrValue *value = attr(name);
  if (const auto *f = value ? std::get_if<double>(value) : nullptr)
    return *f;
  if (const auto *i = value ? std::get_if<int64_t>(value) : nullptr)
    return static_cast<double>(*i);
  return defaultValue;
}

std::string KernelContext::getString(const std::string &name,
                                     const std::string &defaultValue) const {
  const AttrValue *value = attr(name);
  if (const auto *s = value ? std::get_if<std::string>(value) : nullptr)
    return *s;
  return defaultValue;
}

std::vector<int64_t> KernelContext::getInts(const std::string &name,
                                            std::vector<int64_t> defaultValue) const {
  const AttrValue *value = attr(name);
  if (const auto *v = value ? std::get_if<std::vector<int64_t>>(value) : nullptr)
    return *v;
  return defaultValue;
}

std::vector<double> KernelContext::getFloats(const std::string &name,
                                             std::vector<double> defaultValue) const {
  const AttrValue *value = attr(name);
  if (const auto *v = value ? std::get_if<std::vector<double>>(value) : nullptr)
    return *v;
  return defaultValue;
}

Status KernelContext::error(const std::string &message) const {
  return Status::failure(opType() + ": " + message);
}

} // namespace hone::ref
