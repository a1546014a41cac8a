//===- AddOneModel.h - A hand-written model for runtime tests ---*- C++ -*-===//
//
// What honec's code generator will emit, written out by hand for one tiny
// model so that the runtime's API can be tested on its own: y = x + bias,
// x of float32 [2, n] with n dynamic in [1, 16], bias a one-value weight.
// The kernel runs on the instance's thread pool.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_TEST_UNIT_RUNTIME_ADDONEMODEL_H
#define HONE_TEST_UNIT_RUNTIME_ADDONEMODEL_H

#include "hone/runtime.h"

namespace hone::test {

/// The descriptor with embedded weights (bias = 1).
const hone_model_descriptor_t *addOneEmbedded();
/// The same model compiled with --weights=file: 4 bytes of float bias.
const hone_model_descriptor_t *addOneWeightsFile();

} // namespace hone::test

#endif // HONE_TEST_UNIT_RUNTIME_ADDONEMODEL_H
