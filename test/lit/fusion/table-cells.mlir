// RUN: hone-opt %s -split-input-file --hone-fuse-ops=profile=fuse | FileCheck %s --check-prefixes=CHECK,PROFILE-FUSE
// RUN: hone-opt %s -split-input-file --hone-fuse-ops=profile=never | FileCheck %s --check-prefixes=CHECK,PROFILE-NEVER

// Every cell of the fusion table (FusionTable.cpp, DNNFusion's Table 3):
// first op X (row) -> relu (the seed) -> second op Y (column). The seed
// takes Y first (One-to-One fuses with anything and takes its type),
// then X is asked with the cell (X, Y). Profile cells fuse with
// profile=fuse and stay apart with profile=never.

// (one_to_one, one_to_one): one_to_one, fuse
// CHECK-LABEL: func.func @one_to_one_then_one_to_one
// CHECK: hone.fused{{.*}}fused_mapping = "one_to_one"
// CHECK: hone.neg
// CHECK: hone.relu
// CHECK: hone.exp
func.func @one_to_one_then_one_to_one(%in: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %x = hone.neg %in : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %y = hone.exp %s : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// -----

// (one_to_one, one_to_many): one_to_many, fuse
// CHECK-LABEL: func.func @one_to_one_then_one_to_many
// CHECK: hone.fused{{.*}}fused_mapping = "one_to_many"
// CHECK: hone.neg
// CHECK: hone.relu
// CHECK: hone.expand
func.func @one_to_one_then_one_to_many(%in: tensor<4x8xf32>) -> tensor<2x4x8xf32> {
  %x = hone.neg %in : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %to = hone.constant dense<[2, 4, 8]> : tensor<3xi64>
  %y = hone.expand %s, %to : (tensor<4x8xf32>, tensor<3xi64>) -> tensor<2x4x8xf32>
  return %y : tensor<2x4x8xf32>
}

// -----

// (one_to_one, many_to_many): many_to_many, fuse
// CHECK-LABEL: func.func @one_to_one_then_many_to_many
// CHECK: hone.fused{{.*}}fused_mapping = "many_to_many"
// CHECK: hone.neg
// CHECK: hone.relu
// CHECK: hone.matmul
func.func @one_to_one_then_many_to_many(%in: tensor<4x8xf32>, %w: tensor<8x8xf32>) -> tensor<4x8xf32> {
  %x = hone.neg %in : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %y = hone.matmul %s, %w : (tensor<4x8xf32>, tensor<8x8xf32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// -----

// (one_to_one, reorganize): reorganize, fuse
// CHECK-LABEL: func.func @one_to_one_then_reorganize
// CHECK: hone.fused{{.*}}fused_mapping = "reorganize"
// CHECK: hone.neg
// CHECK: hone.relu
// CHECK: hone.reshape
func.func @one_to_one_then_reorganize(%in: tensor<4x8xf32>) -> tensor<32xf32> {
  %x = hone.neg %in : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %flat = hone.constant dense<[32]> : tensor<1xi64>
  %y = hone.reshape %s, %flat : (tensor<4x8xf32>, tensor<1xi64>) -> tensor<32xf32>
  return %y : tensor<32xf32>
}

// -----

// (one_to_one, shuffle): shuffle, fuse
// CHECK-LABEL: func.func @one_to_one_then_shuffle
// CHECK: hone.fused{{.*}}fused_mapping = "shuffle"
// CHECK: hone.neg
// CHECK: hone.relu
// CHECK: hone.transpose
func.func @one_to_one_then_shuffle(%in: tensor<4x8xf32>) -> tensor<8x4xf32> {
  %x = hone.neg %in : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %y = hone.transpose %s {perm = [1, 0]} : (tensor<4x8xf32>) -> tensor<8x4xf32>
  return %y : tensor<8x4xf32>
}

// -----

// (one_to_many, one_to_one): one_to_many, fuse
// CHECK-LABEL: func.func @one_to_many_then_one_to_one
// CHECK: hone.fused{{.*}}fused_mapping = "one_to_many"
// CHECK: hone.add
// CHECK: hone.relu
// CHECK: hone.exp
// CHECK: hone.yield
func.func @one_to_many_then_one_to_one(%in: tensor<4x1xf32>, %full: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %x = hone.add %in, %full : (tensor<4x1xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %y = hone.exp %s : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// -----

// (one_to_many, one_to_many): one_to_many, profile
// CHECK-LABEL: func.func @one_to_many_then_one_to_many
// PROFILE-FUSE: hone.fused{{.*}}fused_mapping = "one_to_many"
// PROFILE-FUSE: hone.add
// PROFILE-FUSE: hone.relu
// PROFILE-FUSE: hone.expand
// PROFILE-FUSE: hone.yield
// PROFILE-NEVER: hone.add
// PROFILE-NEVER: hone.fused{{.*}}fused_mapping = "one_to_many"
// PROFILE-NEVER: hone.relu
// PROFILE-NEVER: hone.expand
// PROFILE-NEVER: hone.yield
func.func @one_to_many_then_one_to_many(%in: tensor<4x1xf32>, %full: tensor<4x8xf32>) -> tensor<2x4x8xf32> {
  %x = hone.add %in, %full : (tensor<4x1xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %to = hone.constant dense<[2, 4, 8]> : tensor<3xi64>
  %y = hone.expand %s, %to : (tensor<4x8xf32>, tensor<3xi64>) -> tensor<2x4x8xf32>
  return %y : tensor<2x4x8xf32>
}

// -----

// (one_to_many, many_to_many): many_to_many, never
// CHECK-LABEL: func.func @one_to_many_then_many_to_many
// CHECK: hone.add
// CHECK: hone.fused{{.*}}fused_mapping = "many_to_many"
// CHECK: hone.relu
// CHECK: hone.matmul
// CHECK: hone.yield
func.func @one_to_many_then_many_to_many(%in: tensor<4x1xf32>, %full: tensor<4x8xf32>, %w: tensor<8x8xf32>) -> tensor<4x8xf32> {
  %x = hone.add %in, %full : (tensor<4x1xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %y = hone.matmul %s, %w : (tensor<4x8xf32>, tensor<8x8xf32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// -----

// (one_to_many, reorganize): one_to_many, profile
// CHECK-LABEL: func.func @one_to_many_then_reorganize
// PROFILE-FUSE: hone.fused{{.*}}fused_mapping = "one_to_many"
// PROFILE-FUSE: hone.add
// PROFILE-FUSE: hone.relu
// PROFILE-FUSE: hone.reshape
// PROFILE-FUSE: hone.yield
// PROFILE-NEVER: hone.add
// PROFILE-NEVER: hone.fused{{.*}}fused_mapping = "reorganize"
// PROFILE-NEVER: hone.relu
// PROFILE-NEVER: hone.reshape
// PROFILE-NEVER: hone.yield
func.func @one_to_many_then_reorganize(%in: tensor<4x1xf32>, %full: tensor<4x8xf32>) -> tensor<32xf32> {
  %x = hone.add %in, %full : (tensor<4x1xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %flat = hone.constant dense<[32]> : tensor<1xi64>
  %y = hone.reshape %s, %flat : (tensor<4x8xf32>, tensor<1xi64>) -> tensor<32xf32>
  return %y : tensor<32xf32>
}

// -----

// (one_to_many, shuffle): one_to_many, profile
// CHECK-LABEL: func.func @one_to_many_then_shuffle
// PROFILE-FUSE: hone.fused{{.*}}fused_mapping = "one_to_many"
// PROFILE-FUSE: hone.add
// PROFILE-FUSE: hone.relu
// PROFILE-FUSE: hone.transpose
// PROFILE-FUSE: hone.yield
// PROFILE-NEVER: hone.add
// PROFILE-NEVER: hone.fused{{.*}}fused_mapping = "shuffle"
// PROFILE-NEVER: hone.relu
// PROFILE-NEVER: hone.transpose
// PROFILE-NEVER: hone.yield
func.func @one_to_many_then_shuffle(%in: tensor<4x1xf32>, %full: tensor<4x8xf32>) -> tensor<8x4xf32> {
  %x = hone.add %in, %full : (tensor<4x1xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %y = hone.transpose %s {perm = [1, 0]} : (tensor<4x8xf32>) -> tensor<8x4xf32>
  return %y : tensor<8x4xf32>
}

// -----

// (many_to_many, one_to_one): many_to_many, fuse
// CHECK-LABEL: func.func @many_to_many_then_one_to_one
// CHECK: hone.fused{{.*}}fused_mapping = "many_to_many"
// CHECK: hone.softmax
// CHECK: hone.relu
// CHECK: hone.exp
// CHECK: hone.yield
func.func @many_to_many_then_one_to_one(%in: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %x = hone.softmax %in : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %y = hone.exp %s : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// -----

// (many_to_many, one_to_many): many_to_many, profile
// CHECK-LABEL: func.func @many_to_many_then_one_to_many
// PROFILE-FUSE: hone.fused{{.*}}fused_mapping = "many_to_many"
// PROFILE-FUSE: hone.softmax
// PROFILE-FUSE: hone.relu
// PROFILE-FUSE: hone.expand
// PROFILE-FUSE: hone.yield
// PROFILE-NEVER: hone.softmax
// PROFILE-NEVER: hone.fused{{.*}}fused_mapping = "one_to_many"
// PROFILE-NEVER: hone.relu
// PROFILE-NEVER: hone.expand
// PROFILE-NEVER: hone.yield
func.func @many_to_many_then_one_to_many(%in: tensor<4x8xf32>) -> tensor<2x4x8xf32> {
  %x = hone.softmax %in : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %to = hone.constant dense<[2, 4, 8]> : tensor<3xi64>
  %y = hone.expand %s, %to : (tensor<4x8xf32>, tensor<3xi64>) -> tensor<2x4x8xf32>
  return %y : tensor<2x4x8xf32>
}

// -----

// (many_to_many, many_to_many): many_to_many, never
// CHECK-LABEL: func.func @many_to_many_then_many_to_many
// CHECK: hone.softmax
// CHECK: hone.fused{{.*}}fused_mapping = "many_to_many"
// CHECK: hone.relu
// CHECK: hone.matmul
// CHECK: hone.yield
func.func @many_to_many_then_many_to_many(%in: tensor<4x8xf32>, %w: tensor<8x8xf32>) -> tensor<4x8xf32> {
  %x = hone.softmax %in : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %y = hone.matmul %s, %w : (tensor<4x8xf32>, tensor<8x8xf32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// -----

// (many_to_many, reorganize): many_to_many, profile
// CHECK-LABEL: func.func @many_to_many_then_reorganize
// PROFILE-FUSE: hone.fused{{.*}}fused_mapping = "many_to_many"
// PROFILE-FUSE: hone.softmax
// PROFILE-FUSE: hone.relu
// PROFILE-FUSE: hone.reshape
// PROFILE-FUSE: hone.yield
// PROFILE-NEVER: hone.softmax
// PROFILE-NEVER: hone.fused{{.*}}fused_mapping = "reorganize"
// PROFILE-NEVER: hone.relu
// PROFILE-NEVER: hone.reshape
// PROFILE-NEVER: hone.yield
func.func @many_to_many_then_reorganize(%in: tensor<4x8xf32>) -> tensor<32xf32> {
  %x = hone.softmax %in : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %flat = hone.constant dense<[32]> : tensor<1xi64>
  %y = hone.reshape %s, %flat : (tensor<4x8xf32>, tensor<1xi64>) -> tensor<32xf32>
  return %y : tensor<32xf32>
}

// -----

// (many_to_many, shuffle): many_to_many, profile
// CHECK-LABEL: func.func @many_to_many_then_shuffle
// PROFILE-FUSE: hone.fused{{.*}}fused_mapping = "many_to_many"
// PROFILE-FUSE: hone.softmax
// PROFILE-FUSE: hone.relu
// PROFILE-FUSE: hone.transpose
// PROFILE-FUSE: hone.yield
// PROFILE-NEVER: hone.softmax
// PROFILE-NEVER: hone.fused{{.*}}fused_mapping = "shuffle"
// PROFILE-NEVER: hone.relu
// PROFILE-NEVER: hone.transpose
// PROFILE-NEVER: hone.yield
func.func @many_to_many_then_shuffle(%in: tensor<4x8xf32>) -> tensor<8x4xf32> {
  %x = hone.softmax %in : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %y = hone.transpose %s {perm = [1, 0]} : (tensor<4x8xf32>) -> tensor<8x4xf32>
  return %y : tensor<8x4xf32>
}

// -----

// (reorganize, one_to_one): reorganize, fuse
// CHECK-LABEL: func.func @reorganize_then_one_to_one
// CHECK: hone.fused{{.*}}fused_mapping = "reorganize"
// CHECK: hone.reshape
// CHECK: hone.relu
// CHECK: hone.exp
// CHECK: hone.yield
func.func @reorganize_then_one_to_one(%in: tensor<8x4xf32>) -> tensor<4x8xf32> {
  %shape = hone.constant dense<[4, 8]> : tensor<2xi64>
  %x = hone.reshape %in, %shape : (tensor<8x4xf32>, tensor<2xi64>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %y = hone.exp %s : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// -----

// (reorganize, one_to_many): one_to_many, profile
// CHECK-LABEL: func.func @reorganize_then_one_to_many
// PROFILE-FUSE: hone.fused{{.*}}fused_mapping = "one_to_many"
// PROFILE-FUSE: hone.reshape
// PROFILE-FUSE: hone.relu
// PROFILE-FUSE: hone.expand
// PROFILE-FUSE: hone.yield
// PROFILE-NEVER: hone.reshape
// PROFILE-NEVER: hone.fused{{.*}}fused_mapping = "one_to_many"
// PROFILE-NEVER: hone.relu
// PROFILE-NEVER: hone.expand
// PROFILE-NEVER: hone.yield
func.func @reorganize_then_one_to_many(%in: tensor<8x4xf32>) -> tensor<2x4x8xf32> {
  %shape = hone.constant dense<[4, 8]> : tensor<2xi64>
  %x = hone.reshape %in, %shape : (tensor<8x4xf32>, tensor<2xi64>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %to = hone.constant dense<[2, 4, 8]> : tensor<3xi64>
  %y = hone.expand %s, %to : (tensor<4x8xf32>, tensor<3xi64>) -> tensor<2x4x8xf32>
  return %y : tensor<2x4x8xf32>
}

// -----

// (reorganize, many_to_many): many_to_many, profile
// CHECK-LABEL: func.func @reorganize_then_many_to_many
// PROFILE-FUSE: hone.fused{{.*}}fused_mapping = "many_to_many"
// PROFILE-FUSE: hone.reshape
// PROFILE-FUSE: hone.relu
// PROFILE-FUSE: hone.matmul
// PROFILE-FUSE: hone.yield
// PROFILE-NEVER: hone.reshape
// PROFILE-NEVER: hone.fused{{.*}}fused_mapping = "many_to_many"
// PROFILE-NEVER: hone.relu
// PROFILE-NEVER: hone.matmul
// PROFILE-NEVER: hone.yield
func.func @reorganize_then_many_to_many(%in: tensor<8x4xf32>, %w: tensor<8x8xf32>) -> tensor<4x8xf32> {
  %shape = hone.constant dense<[4, 8]> : tensor<2xi64>
  %x = hone.reshape %in, %shape : (tensor<8x4xf32>, tensor<2xi64>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %y = hone.matmul %s, %w : (tensor<4x8xf32>, tensor<8x8xf32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// -----

// (reorganize, reorganize): reorganize, fuse
// CHECK-LABEL: func.func @reorganize_then_reorganize
// CHECK: hone.fused{{.*}}fused_mapping = "reorganize"
// CHECK: hone.reshape
// CHECK: hone.relu
// CHECK: hone.reshape
// CHECK: hone.yield
func.func @reorganize_then_reorganize(%in: tensor<8x4xf32>) -> tensor<32xf32> {
  %shape = hone.constant dense<[4, 8]> : tensor<2xi64>
  %x = hone.reshape %in, %shape : (tensor<8x4xf32>, tensor<2xi64>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %flat = hone.constant dense<[32]> : tensor<1xi64>
  %y = hone.reshape %s, %flat : (tensor<4x8xf32>, tensor<1xi64>) -> tensor<32xf32>
  return %y : tensor<32xf32>
}

// -----

// (reorganize, shuffle): reorganize, fuse
// CHECK-LABEL: func.func @reorganize_then_shuffle
// CHECK: hone.fused{{.*}}fused_mapping = "reorganize"
// CHECK: hone.reshape
// CHECK: hone.relu
// CHECK: hone.transpose
// CHECK: hone.yield
func.func @reorganize_then_shuffle(%in: tensor<8x4xf32>) -> tensor<8x4xf32> {
  %shape = hone.constant dense<[4, 8]> : tensor<2xi64>
  %x = hone.reshape %in, %shape : (tensor<8x4xf32>, tensor<2xi64>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %y = hone.transpose %s {perm = [1, 0]} : (tensor<4x8xf32>) -> tensor<8x4xf32>
  return %y : tensor<8x4xf32>
}

// -----

// (shuffle, one_to_one): shuffle, fuse
// CHECK-LABEL: func.func @shuffle_then_one_to_one
// CHECK: hone.fused{{.*}}fused_mapping = "shuffle"
// CHECK: hone.transpose
// CHECK: hone.relu
// CHECK: hone.exp
// CHECK: hone.yield
func.func @shuffle_then_one_to_one(%in: tensor<8x4xf32>) -> tensor<4x8xf32> {
  %x = hone.transpose %in {perm = [1, 0]} : (tensor<8x4xf32>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %y = hone.exp %s : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// -----

// (shuffle, one_to_many): one_to_many, profile
// CHECK-LABEL: func.func @shuffle_then_one_to_many
// PROFILE-FUSE: hone.fused{{.*}}fused_mapping = "one_to_many"
// PROFILE-FUSE: hone.transpose
// PROFILE-FUSE: hone.relu
// PROFILE-FUSE: hone.expand
// PROFILE-FUSE: hone.yield
// PROFILE-NEVER: hone.transpose
// PROFILE-NEVER: hone.fused{{.*}}fused_mapping = "one_to_many"
// PROFILE-NEVER: hone.relu
// PROFILE-NEVER: hone.expand
// PROFILE-NEVER: hone.yield
func.func @shuffle_then_one_to_many(%in: tensor<8x4xf32>) -> tensor<2x4x8xf32> {
  %x = hone.transpose %in {perm = [1, 0]} : (tensor<8x4xf32>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %to = hone.constant dense<[2, 4, 8]> : tensor<3xi64>
  %y = hone.expand %s, %to : (tensor<4x8xf32>, tensor<3xi64>) -> tensor<2x4x8xf32>
  return %y : tensor<2x4x8xf32>
}

// -----

// (shuffle, many_to_many): many_to_many, profile
// CHECK-LABEL: func.func @shuffle_then_many_to_many
// PROFILE-FUSE: hone.fused{{.*}}fused_mapping = "many_to_many"
// PROFILE-FUSE: hone.transpose
// PROFILE-FUSE: hone.relu
// PROFILE-FUSE: hone.matmul
// PROFILE-FUSE: hone.yield
// PROFILE-NEVER: hone.transpose
// PROFILE-NEVER: hone.fused{{.*}}fused_mapping = "many_to_many"
// PROFILE-NEVER: hone.relu
// PROFILE-NEVER: hone.matmul
// PROFILE-NEVER: hone.yield
func.func @shuffle_then_many_to_many(%in: tensor<8x4xf32>, %w: tensor<8x8xf32>) -> tensor<4x8xf32> {
  %x = hone.transpose %in {perm = [1, 0]} : (tensor<8x4xf32>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %y = hone.matmul %s, %w : (tensor<4x8xf32>, tensor<8x8xf32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// -----

// (shuffle, reorganize): reorganize, fuse
// CHECK-LABEL: func.func @shuffle_then_reorganize
// CHECK: hone.fused{{.*}}fused_mapping = "reorganize"
// CHECK: hone.transpose
// CHECK: hone.relu
// CHECK: hone.reshape
// CHECK: hone.yield
func.func @shuffle_then_reorganize(%in: tensor<8x4xf32>) -> tensor<32xf32> {
  %x = hone.transpose %in {perm = [1, 0]} : (tensor<8x4xf32>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %flat = hone.constant dense<[32]> : tensor<1xi64>
  %y = hone.reshape %s, %flat : (tensor<4x8xf32>, tensor<1xi64>) -> tensor<32xf32>
  return %y : tensor<32xf32>
}

// -----

// (shuffle, shuffle): shuffle, fuse
// CHECK-LABEL: func.func @shuffle_then_shuffle
// CHECK: hone.fused{{.*}}fused_mapping = "shuffle"
// CHECK: hone.transpose
// CHECK: hone.relu
// CHECK: hone.transpose
// CHECK: hone.yield
func.func @shuffle_then_shuffle(%in: tensor<8x4xf32>) -> tensor<8x4xf32> {
  %x = hone.transpose %in {perm = [1, 0]} : (tensor<8x4xf32>) -> tensor<4x8xf32>
  %s = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %y = hone.transpose %s {perm = [1, 0]} : (tensor<4x8xf32>) -> tensor<8x4xf32>
  return %y : tensor<8x4xf32>
}
