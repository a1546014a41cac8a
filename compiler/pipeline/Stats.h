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
#include <utility>

namespace mlir::hone {

/// Figures of the simplified graph, before rewriting and fusion.
struct UnfusedFigures {
  /// Intermediate bytes, every op its own kernel.
  int64_t intermediateBytes = 0;
  /// Bytes the layout transformations write, each a copy.
  int64_t layoutTransformBytes = 0;
};


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
///   layout_transforms_before / layout_transforms_after
///                layout transformations (ops whose mapping type is
///                Reorganize or Shuffle: Reshape, Flatten, Squeeze,
///                Unsqueeze, Transpose, DepthToSpace, SpaceToDepth,
///                ReverseSequence): nodes of the imported model / ops still
///                executed as their own copy or kernel (one not a view of
///                its operand's bytes and not fused with other work, or in
///                a fused kernel of layout transformations only);
///   layout_transform_bytes_before / layout_transform_bytes_after
///                the bytes those write: every layout transformation of
///                the simplified graph as a copy / those still executed.
///   data_movement_kernels
///                kernels that only move data: every op in them a layout
///                transformation or an op that selects or places elements
///                (Gather, Slice, Concat, Split, Pad, Tile, Expand...; a
///                Transpose fused with the Gathers of a q/k/v split is one).
///   and `targetFigures`, what the target's code generator reports (the CPU
///                target: constants_laid_out, constant_bytes_laid_out: the
///                weights it stores in the layout their kernels read best).
std::string statsJson(ModuleOp module, const std::optional<UnfusedFigures> &before = std::nullopt,
                      ArrayRef<std::pair<std::string, int64_t>> targetFigures = {});

/// The figures of `module`'s @main before rewriting and fusion (none when
/// @main has no single block).
std::optional<UnfusedFigures> unfusedFigures(ModuleOp module);


} // namespace mlir::hone

#endif // HONE_COMPILER_PIPELINE_STATS_H
