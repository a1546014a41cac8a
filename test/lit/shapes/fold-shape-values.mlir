// Shape chains over dynamic dims (SoD² value propagation): a Reshape's
// target becomes a constant with 0 ("the input's dim") and -1 ("the rest")
// where the symbolic analysis knows its elements; an integer tensor whose
// elements are all constants becomes a constant. The chains go dead, and
// the types after the Reshape get their static dims. The evaluator runs
// each module before and after at several run-time sizes.
//
// RUN: hone-opt %S/Inputs/fold-shape-values-attention.mlir --hone-fold-shape-values --hone-infer-shapes --canonicalize -o %t.attention.mlir
// RUN: FileCheck %s --check-prefix=ATTN < %t.attention.mlir
// ATTN-NOT: hone.shape
// ATTN-NOT: hone.gather
// ATTN: %[[T:.*]] = hone.constant dense<[0, 0, 4, 16]> : tensor<4xi64>
// ATTN: hone.reshape %{{.*}}, %[[T]] : (tensor<?x?x64xf32>, tensor<4xi64>) -> tensor<?x?x4x16xf32>
// ATTN: hone.transpose {{.*}} -> tensor<?x4x?x16xf32>
// RUN: hone-run %S/Inputs/fold-shape-values-attention.mlir --interp --random-inputs 1 --dynamic-dim-size 5 --compare-with %t.attention.mlir | FileCheck %s --check-prefix=EVAL
// RUN: hone-run %S/Inputs/fold-shape-values-attention.mlir --interp --random-inputs 2 --dynamic-dim-size 1 --compare-with %t.attention.mlir | FileCheck %s --check-prefix=EVAL
//
// RUN: hone-opt %S/Inputs/fold-shape-values-flatten.mlir --hone-fold-shape-values --hone-infer-shapes --canonicalize -o %t.flatten.mlir
// RUN: FileCheck %s --check-prefix=FLAT < %t.flatten.mlir
// FLAT-NOT: hone.shape
// FLAT: %[[T:.*]] = hone.constant dense<[0, -1]> : tensor<2xi64>
// FLAT: hone.reshape %{{.*}}, %[[T]]
// RUN: hone-run %S/Inputs/fold-shape-values-flatten.mlir --interp --random-inputs 3 --dynamic-dim-size 4 --compare-with %t.flatten.mlir | FileCheck %s --check-prefix=EVAL
// RUN: hone-run %S/Inputs/fold-shape-values-flatten.mlir --interp --random-inputs 4 --dynamic-dim-size 7 --compare-with %t.flatten.mlir | FileCheck %s --check-prefix=EVAL
//
// RUN: hone-opt %S/Inputs/fold-shape-values-kept.mlir --hone-fold-shape-values --hone-infer-shapes --canonicalize -o %t.kept.mlir
// RUN: FileCheck %s --check-prefix=KEPT < %t.kept.mlir
// KEPT: hone.shape
// KEPT: hone.reshape %{{.*}}, %{{.*}} : (tensor<?x?xf32>, tensor<2xi64>) -> tensor<?x?xf32>
// KEPT: hone.reshape %{{.*}}, %{{.*}} {allowzero = 1 : i64} : (tensor<?x?xf32>, tensor<2xi64>) -> tensor<?x?xf32>
// RUN: hone-run %S/Inputs/fold-shape-values-kept.mlir --interp --random-inputs 5 --dynamic-dim-size 3 --compare-with %t.kept.mlir | FileCheck %s --check-prefix=EVAL
//
// EVAL: outputs agree
