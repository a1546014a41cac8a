//===- Weights.h - Embedded or memory-mapped model weights ------*- C++ -*-===//
//
// A library compiled with --weights=embed carries its weights as read-only
// data; one compiled with --weights=file reads PREFIX.weights, mapped
// read-only so that its pages are shared and loaded on demand.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_RUNTIME_SRC_WEIGHTS_H
#define HONE_RUNTIME_SRC_WEIGHTS_H

#include "hone/runtime.h"

#include <string>

namespace hone::runtime {

class Weights {
public:
  Weights() = default;
  ~Weights();
  Weights(const Weights &) = delete;
  Weights &operator=(const Weights &) = delete;

  /// Embedded weights when `path` is null, else the mapped file, whose size
  /// must be the descriptor's weights_size.
  hone_status_t open(const hone_model_descriptor_t *descriptor, const char *path);
  const uint8_t *data() const { return data_; }

private:
  const uint8_t *data_ = nullptr;
  void *mapping = nullptr;
  size_t mappedSize = 0;
};

} // namespace hone::runtime

#endif // HONE_RUNTIME_SRC_WEIGHTS_H
