// RUN: hone-opt %s -split-input-file --hone-plan-memory | FileCheck %s
// RUN: hone-opt %s -split-input-file --hone-plan-memory=alignment=16 | FileCheck %s --check-prefix=ALIGN16

// A chain: %c reuses %a's bytes once %a is dead; %b lives beside both.
// CHECK-LABEL: func.func @chain
// CHECK-SAME: attributes {hone.arena_bytes = 2048 : i64}
// CHECK: hone.relu {{.*}} {hone.arena_offsets = array<i64: 0>}
// CHECK: hone.exp {{.*}} {hone.arena_offsets = array<i64: 1024>}
// CHECK: hone.neg {{.*}} {hone.arena_offsets = array<i64: 0>}
func.func @chain(%x: tensor<256xf32>) -> tensor<256xf32> {
  %a = hone.relu %x : (tensor<256xf32>) -> tensor<256xf32>
  %b = hone.exp %a : (tensor<256xf32>) -> tensor<256xf32>
  %c = hone.neg %b : (tensor<256xf32>) -> tensor<256xf32>
  return %c : tensor<256xf32>
}

// -----

// %a is used by two ops and lives until the second; %d reuses %a's bytes
// after it (an op's output never shares bytes with its own inputs, whose
// lifetimes end at that op). Offsets are aligned: 10 floats = 40 bytes, the
// next tensor at 64 (or 48 with alignment 16).
// CHECK-LABEL: func.func @diamond
// CHECK-SAME: attributes {hone.arena_bytes = 192 : i64}
// CHECK: hone.relu {{.*}} {hone.arena_offsets = array<i64: 0>}
// CHECK: hone.exp {{.*}} {hone.arena_offsets = array<i64: 64>}
// CHECK: hone.sigmoid {{.*}} {hone.arena_offsets = array<i64: 128>}
// CHECK: hone.add {{.*}} {hone.arena_offsets = array<i64: 0>}
// ALIGN16-LABEL: func.func @diamond
// ALIGN16-SAME: attributes {hone.arena_bytes = 144 : i64}
func.func @diamond(%x: tensor<10xf32>) -> tensor<10xf32> {
  %a = hone.relu %x : (tensor<10xf32>) -> tensor<10xf32>
  %b = hone.exp %a : (tensor<10xf32>) -> tensor<10xf32>
  %c = hone.sigmoid %a : (tensor<10xf32>) -> tensor<10xf32>
  %d = hone.add %b, %c : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
  return %d : tensor<10xf32>
}

// -----

// Constants live in the weights; a size known only after an op runs is
// the runtime's (-1); an unused optional result takes no space (it is not
// computed), ranked or not, but keeps its slot in the list; a used one is
// placed.
// CHECK-LABEL: func.func @mixed
// CHECK: hone.constant
// CHECK-NOT: hone.arena_offsets
// CHECK: hone.nonzero {{.*}} {hone.arena_offsets = array<i64: -1>}
// CHECK: hone.max_pool {{.*}}hone.arena_offsets = array<i64: {{[0-9]+}}, -1>
// CHECK: hone.max_pool {{.*}}hone.arena_offsets = array<i64: {{[0-9]+}}, -1>
// CHECK: hone.max_pool {{.*}}hone.arena_offsets = array<i64: {{[0-9]+}}, {{[0-9]+}}>
func.func @mixed(%x: tensor<3x4xf32>, %y: tensor<1x1x4x4xf32>) -> (tensor<2x?xi64>, tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>) {
  %w = hone.constant dense<1.0> : tensor<4xf32>
  %a = hone.nonzero %x : (tensor<3x4xf32>) -> tensor<2x?xi64>
  %p, %i = hone.max_pool %y {kernel_shape = [2, 2], strides = [2, 2]} : (tensor<1x1x4x4xf32>) -> (tensor<1x1x2x2xf32>, tensor<*xi64>)
  %q, %j = hone.max_pool %y {kernel_shape = [2, 2], strides = [2, 2]} : (tensor<1x1x4x4xf32>) -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>)
  %r, %k = hone.max_pool %y {kernel_shape = [2, 2], strides = [2, 2]} : (tensor<1x1x4x4xf32>) -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>)
  return %a, %p, %q, %r, %k : tensor<2x?xi64>, tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>
}

// -----

// Sizes of the input dims: each offset is a variable @k defined over the
// dims and earlier variables (in the order of the representative plan), and
// the arena's size an expression. %c reuses %a's place as in @chain; %b sits
// above both whatever n is.
// CHECK-LABEL: func.func @symbolic
// CHECK-SAME: hone.arena_bytes = "(floordiv((((input0.dim0 * 16) + @2) + 63), 64) * 64)"
// CHECK: hone.relu {{.*}} {hone.arena_offsets = ["@0 = 0"]}
// CHECK: hone.exp {{.*}} {hone.arena_offsets = ["@2 = max((floordiv((((input0.dim0 * 16) + @0) + 63), 64) * 64), (floordiv((((input0.dim0 * 16) + @1) + 63), 64) * 64))"]}
// CHECK: hone.neg {{.*}} {hone.arena_offsets = ["@1 = 0"]}
func.func @symbolic(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %a = hone.relu %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  %b = hone.exp %a : (tensor<?x4xf32>) -> tensor<?x4xf32>
  %c = hone.neg %b : (tensor<?x4xf32>) -> tensor<?x4xf32>
  return %c : tensor<?x4xf32>
}
