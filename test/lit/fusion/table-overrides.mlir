// RUN: hone-opt %s --hone-fuse-ops | FileCheck %s --check-prefix=DEFAULT
// RUN: hone-opt %s --hone-fuse-ops=table=%S/Inputs/cpu-no-prologue.table | FileCheck %s --check-prefix=NARROW
// RUN: hone-opt %s --hone-fuse-ops=table=%S/Inputs/contractions-chain.table | FileCheck %s --check-prefix=WIDE
// RUN: hone-opt %s --hone-fuse-ops=table=%S/Inputs/contractions-chain.table -o %t.wide.mlir
// RUN: hone-run %s --interp --random-inputs 4 --compare-with %t.wide.mlir | FileCheck %s --check-prefix=EVAL
// RUN: not hone-opt %s --hone-fuse-ops=table=%S/Inputs/bad.table 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: not hone-opt %s --hone-fuse-ops=table=%S/Inputs/missing.table 2>&1 | FileCheck %s --check-prefix=MISSING

// DNNFusion's table: the relu (the seed) takes the matmul after it
// (One-to-One, Many-to-Many: fuse) and then neither the next matmul nor the
// one before it (Many-to-Many, Many-to-Many: never).
// DEFAULT: %[[A:.*]] = hone.matmul
// DEFAULT: hone.fused(%[[A]], {{.*}}) {fused_mapping = "many_to_many"}
// DEFAULT-NEXT: ^bb0
// DEFAULT-NEXT: hone.relu
// DEFAULT-NEXT: hone.matmul
// DEFAULT-NEXT: hone.yield
// DEFAULT: hone.matmul

// A target that never fuses One-to-One into Many-to-Many: the relu joins
// the matmul before it instead (Many-to-Many, One-to-One: fuse).
// NARROW: hone.fused({{.*}}) {fused_mapping = "many_to_many"}
// NARROW-NEXT: ^bb0
// NARROW-NEXT: hone.matmul
// NARROW-NEXT: hone.relu
// NARROW-NEXT: hone.yield
// NARROW: hone.matmul
// NARROW: hone.matmul

// A target that chains contractions: one group of all four ops.
// WIDE: hone.fused({{.*}}) {fused_mapping = "many_to_many"}
// WIDE-NEXT: ^bb0
// WIDE-NEXT: hone.matmul
// WIDE-NEXT: hone.relu
// WIDE-NEXT: hone.matmul
// WIDE-NEXT: hone.matmul
// WIDE-NEXT: hone.yield
// WIDE-NOT: hone.matmul
// EVAL: outputs agree

// BAD: error: fusion table '{{.*}}bad.table': line 1: unknown decision 'maybe' (fuse, profile or never)
// MISSING: error: cannot read the fusion table '{{.*}}missing.table'
func.func @main(%x: tensor<4x8xf32>, %w: tensor<8x8xf32>) -> tensor<4x8xf32> {
  %a = hone.matmul %x, %w : (tensor<4x8xf32>, tensor<8x8xf32>) -> tensor<4x8xf32>
  %r = hone.relu %a : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %b = hone.matmul %r, %w : (tensor<4x8xf32>, tensor<8x8xf32>) -> tensor<4x8xf32>
  %c = hone.matmul %b, %w : (tensor<4x8xf32>, tensor<8x8xf32>) -> tensor<4x8xf32>
  return %c : tensor<4x8xf32>
}
