//===- ReductionFamily.h - The files of the reduction family ----*- C++ -*-===//
//
// registerReductionKernels() (Reduction.cpp) registers the Reduce* ops and
// calls one function per other file. A reduction is described by which
// dims it folds; reduceTargets maps every input element to the output
// element it folds into, so that each kernel is a single loop over the
// input.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_COMPILER_REFERENCE_KERNELS_REDUCTIONFAMILY_H
#define HONE_COMPILER_REFERENCE_KERNELS_REDUCTIONFAMILY_H

#include "compiler/reference/kernels/KernelSupport.h"

namespace hone::ref {

/// The output shape of folding the dims marked in `reduced` (kept as 1 with
/// `keepDims`, dropped otherwise), and in `target`, for every flat input
/// index, the flat output index it folds into.
Shape reduceTargets(const Shape &input, const std::vector<bool> &reduced, bool keepDims,
                    std::vector<int64_t> &target);

void registerArgAndTopKKernels(); // ReductionSelect.cpp: ArgMax, ArgMin, TopK
void registerCumSumKernel();      // ReductionScan.cpp: CumSum

} // namespace hone::ref

#endif // HONE_COMPILER_REFERENCE_KERNELS_REDUCTIONFAMILY_H
