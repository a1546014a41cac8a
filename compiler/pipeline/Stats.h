//===- Stats.h - What the compiler did, as one JSON object ------*- C++ -*-===//
//
// `honec --stats` (DESIGN.md): counts read off a planned module (after the
// memory stage), for benchmarks and for the passes' done-when figures.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_COMPILER_PIPELINE_STATS_H
#define HONE_COMPILER_PIPELINE_STATS_H

#include "mlir/IR/BuiltinOps.h"

#include <optional>
#include <string>

namespace mlir::hone {

/// One JSON object about the planned @main of `module`:
///   onnx_ops     nodes of the ONNX model's main graph (as imported);
///   kernels      kernels the code generator launches (a fused group is
///                one; a view, a Reshape-class op, launches none);
///   flops        floating-point operations of one run: 2 per multiply-add
///                of Conv, ConvTranspose, MatMul and Gemm, at the compiled
///                shapes (other ops are not counted, as in the papers'
///                GFLOP figures); null when a shape is dynamic;
///   intermediate_bytes_before / intermediate_bytes_after
///                bytes of the tensors one kernel writes and another reads
///                back: before, `bytesBefore` (the simplified graph's, every
///                op its own kernel: before rewriting and fusion), or when
///                not given, this module's as if every op were its own
///                kernel; after, with the fused kernels (at the compiled
///                shapes, or at representative dims where they are
///                symbolic);
///   peak_memory  bytes of the compile-time arena (the memory plan's peak):
///                a number, or for a model with dynamic dims a string, the
///                expression over the input dims' symbols (their
///                dim_params, or input.dimK) that gives it for any shape.
std::string statsJson(ModuleOp module, std::optional<int64_t> bytesBefore = std::nullopt);

/// The intermediate bytes of `module`'s @main as if every op were its own
/// kernel (none when @main has no single block).
std::optional<int64_t> unfusedIntermediateBytes(ModuleOp module);

} // namespace mlir::hone

#endif // HONE_COMPILER_PIPELINE_STATS_H
