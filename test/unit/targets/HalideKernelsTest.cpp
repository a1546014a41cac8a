//===- HalideKernelsTest.cpp - CPU kernels agree with the reference -------===//
//
// Each case is a one-op hone function. Its Halide definition is JIT-compiled
// and run on seeded random inputs, and compared with the reference
// evaluator's output for the same inputs: the CPU target is checked against
// the executable meaning of the dialect, op by op.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/Evaluator.h"
#include "dialects/hone/HoneDialect.h"
#include "dialects/hone/HoneOps.h"
#include "targets/cpu/HalideKernels.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

using namespace mlir;
using namespace mlir::hone;

namespace {

const char *const kCases[] = {
    "func.func @main(%x: tensor<3x5xf32>) -> tensor<3x5xf32> {\n"
    "  %y = hone.relu %x : (tensor<3x5xf32>) -> tensor<3x5xf32>\n  return %y : tensor<3x5xf32>\n}",
    "func.func @main(%x: tensor<7xf32>) -> tensor<7xf32> {\n"
    "  %y = hone.sigmoid %x : (tensor<7xf32>) -> tensor<7xf32>\n  return %y : tensor<7xf32>\n}",
    "func.func @main(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {\n"
    "  %y = hone.tanh %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>\n  return %y : tensor<2x3x4xf32>\n}",
    "func.func @main(%x: tensor<6xf64>) -> tensor<6xf64> {\n"
    "  %y = hone.exp %x : (tensor<6xf64>) -> tensor<6xf64>\n  return %y : tensor<6xf64>\n}",
    "func.func @main(%x: tensor<9xf32>) -> tensor<9xf32> {\n"
    "  %y = hone.round %x : (tensor<9xf32>) -> tensor<9xf32>\n  return %y : tensor<9xf32>\n}",
    "func.func @main(%x: tensor<4x4xf32>) -> tensor<4x4xf32> {\n"
    "  %y = hone.leaky_relu %x {alpha = 0.2 : f32} : (tensor<4x4xf32>) -> tensor<4x4xf32>\n"
    "  return %y : tensor<4x4xf32>\n}",
    "func.func @main(%x: tensor<4x4xf32>) -> tensor<4x4xf32> {\n"
    "  %y = hone.hard_swish %x : (tensor<4x4xf32>) -> tensor<4x4xf32>\n  return %y : tensor<4x4xf32>\n}",
    "func.func @main(%x: tensor<5xi32>) -> tensor<5xi32> {\n"
    "  %y = hone.abs %x : (tensor<5xi32>) -> tensor<5xi32>\n  return %y : tensor<5xi32>\n}",
    // Broadcasting: a row and a column against a matrix.
    "func.func @main(%a: tensor<3x4xf32>, %b: tensor<4xf32>) -> tensor<3x4xf32> {\n"
    "  %y = hone.add %a, %b : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3x4xf32>\n"
    "  return %y : tensor<3x4xf32>\n}",
    "func.func @main(%a: tensor<3x1xf32>, %b: tensor<1x4xf32>) -> tensor<3x4xf32> {\n"
    "  %y = hone.mul %a, %b : (tensor<3x1xf32>, tensor<1x4xf32>) -> tensor<3x4xf32>\n"
    "  return %y : tensor<3x4xf32>\n}",
    "func.func @main(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {\n"
    "  %y = hone.sub %a, %b : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>\n"
    "  return %y : tensor<2x3xf32>\n}",
    // Integer division truncates toward zero.
    "func.func @main(%a: tensor<8xi32>, %b: tensor<8xi32>) -> tensor<8xi32> {\n"
    "  %y = hone.div %a, %b : (tensor<8xi32>, tensor<8xi32>) -> tensor<8xi32>\n"
    "  return %y : tensor<8xi32>\n}",
    "func.func @main(%a: tensor<2x2xf32>, %b: tensor<2x2xf32>, %c: tensor<2xf32>) -> tensor<2x2xf32> {\n"
    "  %y = hone.max %a, %b, %c : (tensor<2x2xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<2x2xf32>\n"
    "  return %y : tensor<2x2xf32>\n}",
    // NN family.
    "func.func @main(%x: tensor<1x2x5x5xf32>) -> tensor<1x3x3x3xf32> {\n"
    "  %w = hone.constant dense<[[[[0.5, -1.0], [2.0, 0.25]], [[1.0, 1.0], [-0.5, 0.0]]],"
    " [[[0.0, 1.0], [1.0, 0.0]], [[1.5, -2.0], [0.5, 0.5]]], [[[1.0, 0.0], [0.0, 1.0]], [[0.0, 0.0], [0.0, 3.0]]]]>"
    " : tensor<3x2x2x2xf32>\n"
    "  %b = hone.constant dense<[0.1, -0.2, 0.3]> : tensor<3xf32>\n"
    "  %y = hone.conv %x, %w, %b {kernel_shape = [2, 2], pads = [1, 1, 0, 0], strides = [2, 2]}"
    " : (tensor<1x2x5x5xf32>, tensor<3x2x2x2xf32>, tensor<3xf32>) -> tensor<1x3x3x3xf32>\n"
    "  return %y : tensor<1x3x3x3xf32>\n}",
    "func.func @main(%x: tensor<1x4x5x5xf32>) -> tensor<1x4x5x5xf32> {\n"
    "  %w = hone.constant dense<0.5> : tensor<4x1x3x3xf32>\n  %n = hone.none\n"
    "  %y = hone.conv %x, %w, %n {group = 4 : i64, kernel_shape = [3, 3], pads = [1, 1, 1, 1], dilations = [1, 1]}"
    " : (tensor<1x4x5x5xf32>, tensor<4x1x3x3xf32>, none) -> tensor<1x4x5x5xf32>\n"
    "  return %y : tensor<1x4x5x5xf32>\n}",
    "func.func @main(%x: tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32> {\n"
    "  %y, %i = hone.max_pool %x {kernel_shape = [3, 3], pads = [1, 1, 1, 1], strides = [2, 2]}"
    " : (tensor<1x2x6x6xf32>) -> (tensor<1x2x3x3xf32>, tensor<*xi64>)\n  return %y : tensor<1x2x3x3xf32>\n}",
    "func.func @main(%x: tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32> {\n"
    "  %y = hone.average_pool %x {kernel_shape = [3, 3], pads = [1, 1, 1, 1], strides = [2, 2]}"
    " : (tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32>\n  return %y : tensor<1x2x3x3xf32>\n}",
    "func.func @main(%x: tensor<2x3x4x4xf32>) -> tensor<2x3x1x1xf32> {\n"
    "  %y = hone.global_average_pool %x : (tensor<2x3x4x4xf32>) -> tensor<2x3x1x1xf32>\n"
    "  return %y : tensor<2x3x1x1xf32>\n}",
    "func.func @main(%a: tensor<2x3x4xf32>, %b: tensor<4x5xf32>) -> tensor<2x3x5xf32> {\n"
    "  %y = hone.matmul %a, %b : (tensor<2x3x4xf32>, tensor<4x5xf32>) -> tensor<2x3x5xf32>\n"
    "  return %y : tensor<2x3x5xf32>\n}",
    "func.func @main(%a: tensor<4x3xf32>, %b: tensor<5x4xf32>, %c: tensor<5xf32>) -> tensor<3x5xf32> {\n"
    "  %y = hone.gemm %a, %b, %c {alpha = 0.5 : f32, beta = 2.0 : f32, transA = 1 : i64, transB = 1 : i64}"
    " : (tensor<4x3xf32>, tensor<5x4xf32>, tensor<5xf32>) -> tensor<3x5xf32>\n  return %y : tensor<3x5xf32>\n}",
    "func.func @main(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {\n"
    "  %y = hone.softmax %x {axis = 1 : i64} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>\n"
    "  return %y : tensor<2x3x4xf32>\n}",
    "func.func @main(%x: tensor<3x5xf32>) -> tensor<3x5xf32> {\n"
    "  %y = hone.log_softmax %x : (tensor<3x5xf32>) -> tensor<3x5xf32>\n  return %y : tensor<3x5xf32>\n}",
    "func.func @main(%x: tensor<2x3x2x2xf32>) -> tensor<2x3x2x2xf32> {\n"
    "  %s = hone.constant dense<[1.0, 2.0, 0.5]> : tensor<3xf32>\n"
    "  %b = hone.constant dense<[0.0, 0.1, -0.1]> : tensor<3xf32>\n"
    "  %m = hone.constant dense<[0.2, -0.3, 0.0]> : tensor<3xf32>\n"
    "  %v = hone.constant dense<[1.0, 0.5, 2.0]> : tensor<3xf32>\n"
    "  %y, %rm, %rv = hone.batch_normalization %x, %s, %b, %m, %v : (tensor<2x3x2x2xf32>, tensor<3xf32>,"
    " tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<2x3x2x2xf32>, tensor<3xf32>, tensor<3xf32>)\n"
    "  return %y : tensor<2x3x2x2xf32>\n}",
    // Tensor family.
    "func.func @main(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {\n"
    "  %s = hone.constant dense<[4, 6]> : tensor<2xi64>\n"
    "  %y = hone.reshape %x, %s : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<4x6xf32>\n"
    "  return %y : tensor<4x6xf32>\n}",
    "func.func @main(%x: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {\n"
    "  %y = hone.transpose %x {perm = [2, 0, 1]} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>\n"
    "  return %y : tensor<4x2x3xf32>\n}",
    "func.func @main(%a: tensor<2x3xf32>, %b: tensor<2x1xf32>, %c: tensor<2x2xf32>) -> tensor<2x6xf32> {\n"
    "  %y = hone.concat %a, %b, %c {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x1xf32>, tensor<2x2xf32>) -> tensor<2x6xf32>\n"
    "  return %y : tensor<2x6xf32>\n}",
    "func.func @main(%a: tensor<3x4xf32>, %b: tensor<4xf32>) -> tensor<3x4xi1> {\n"
    "  %y = hone.greater %a, %b : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3x4xi1>\n"
    "  return %y : tensor<3x4xi1>\n}",
    "func.func @main(%c: tensor<3x4xi1>, %a: tensor<3x4xf32>, %b: tensor<4xf32>) -> tensor<3x4xf32> {\n"
    "  %y = hone.where %c, %a, %b : (tensor<3x4xi1>, tensor<3x4xf32>, tensor<4xf32>) -> tensor<3x4xf32>\n"
    "  return %y : tensor<3x4xf32>\n}",
    "func.func @main(%x: tensor<2x5xf32>) -> tensor<2x5xi32> {\n"
    "  %y = hone.cast %x {to = 6 : i64} : (tensor<2x5xf32>) -> tensor<2x5xi32>\n  return %y : tensor<2x5xi32>\n}",
    "func.func @main(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {\n"
    "  %lo = hone.constant dense<-1.0> : tensor<f32>\n  %hi = hone.constant dense<1.5> : tensor<f32>\n"
    "  %y = hone.clip %x, %lo, %hi : (tensor<2x5xf32>, tensor<f32>, tensor<f32>) -> tensor<2x5xf32>\n"
    "  return %y : tensor<2x5xf32>\n}",
    "func.func @main(%x: tensor<5x3xf32>) -> tensor<2x2x3xf32> {\n"
    "  %i = hone.constant dense<[[0, 4], [-1, 2]]> : tensor<2x2xi64>\n"
    "  %y = hone.gather %x, %i : (tensor<5x3xf32>, tensor<2x2xi64>) -> tensor<2x2x3xf32>\n"
    "  return %y : tensor<2x2x3xf32>\n}",
    "func.func @main(%x: tensor<2x3x4xf32>) -> tensor<2x1x1xf32> {\n"
    "  %a = hone.constant dense<[1, 2]> : tensor<2xi64>\n"
    "  %y = hone.reduce_mean %x, %a : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<2x1x1xf32>\n"
    "  return %y : tensor<2x1x1xf32>\n}",
    "func.func @main(%x: tensor<2x3x4xf32>) -> tensor<3xf32> {\n"
    "  %a = hone.constant dense<[0, -1]> : tensor<2xi64>\n"
    "  %y = hone.reduce_max %x, %a {keepdims = 0 : i64} : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<3xf32>\n"
    "  return %y : tensor<3xf32>\n}",
    "func.func @main(%x: tensor<2x3x8xf32>) -> tensor<2x3x8xf32> {\n"
    "  %s = hone.constant dense<[1.0, 0.5, 2.0, 1.0, 1.0, 1.5, 1.0, 0.25]> : tensor<8xf32>\n"
    "  %b = hone.constant dense<0.1> : tensor<8xf32>\n"
    "  %y, %m, %v = hone.layer_normalization %x, %s, %b {epsilon = 1.0e-5 : f32}"
    " : (tensor<2x3x8xf32>, tensor<8xf32>, tensor<8xf32>) -> (tensor<2x3x8xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>)\n"
    "  return %y : tensor<2x3x8xf32>\n}",
    "func.func @main(%x: tensor<6xf32>) -> tensor<6xf32> {\n"
    "  %y = hone.erf %x : (tensor<6xf32>) -> tensor<6xf32>\n  return %y : tensor<6xf32>\n}",
    "func.func @main(%x: tensor<4x10xf32>) -> tensor<2x4xf32> {\n"
    "  %st = hone.constant dense<[1, 8]> : tensor<2xi64>\n  %en = hone.constant dense<[100, 0]> : tensor<2xi64>\n"
    "  %ax = hone.constant dense<[0, 1]> : tensor<2xi64>\n  %sp = hone.constant dense<[2, -2]> : tensor<2xi64>\n"
    "  %y = hone.slice %x, %st, %en, %ax, %sp : (tensor<4x10xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>,"
    " tensor<2xi64>) -> tensor<2x4xf32>\n  return %y : tensor<2x4xf32>\n}",
    // Multi-result kernels: every returned result is compared.
    "func.func @main(%x: tensor<2x6xf32>) -> (tensor<2x2xf32>, tensor<2x4xf32>) {\n"
    "  %p = hone.constant dense<[2, 4]> : tensor<2xi64>\n"
    "  %s:2 = hone.split %x, %p {axis = 1 : i64} : (tensor<2x6xf32>, tensor<2xi64>) -> (tensor<2x2xf32>, tensor<2x4xf32>)\n"
    "  return %s#0, %s#1 : tensor<2x2xf32>, tensor<2x4xf32>\n}",
    "func.func @main(%x: tensor<3x4xf32>, %g: tensor<4xf32>) -> (tensor<3x4xf32>, tensor<3x1xf32>, tensor<3x1xf32>) {\n"
    "  %n = hone.none\n"
    "  %y:3 = hone.layer_normalization %x, %g, %n {axis = 1 : i64}"
    " : (tensor<3x4xf32>, tensor<4xf32>, none) -> (tensor<3x4xf32>, tensor<3x1xf32>, tensor<3x1xf32>)\n"
    "  return %y#0, %y#1, %y#2 : tensor<3x4xf32>, tensor<3x1xf32>, tensor<3x1xf32>\n}",
    // Scatter with an add reduction: repeated indices accumulate in order.
    "func.func @main(%d: tensor<3x3xf32>, %u: tensor<2x3xf32>) -> tensor<3x3xf32> {\n"
    "  %i = hone.constant dense<[[1, 0, 2], [1, 2, 0]]> : tensor<2x3xi64>\n"
    "  %y = hone.scatter_elements %d, %i, %u {axis = 0 : i64, reduction = \"add\"}"
    " : (tensor<3x3xf32>, tensor<2x3xi64>, tensor<2x3xf32>) -> tensor<3x3xf32>\n"
    "  return %y : tensor<3x3xf32>\n}",
    // Pointwise Convs (computed over [N, C, spatial flattened]), 2-D with a
    // bias and 1-D without.
    "func.func @main(%x: tensor<2x3x5x7xf32>, %w: tensor<4x3x1x1xf32>, %b: tensor<4xf32>) -> tensor<2x4x5x7xf32> {\n"
    "  %y = hone.conv %x, %w, %b : (tensor<2x3x5x7xf32>, tensor<4x3x1x1xf32>, tensor<4xf32>) -> tensor<2x4x5x7xf32>\n"
    "  return %y : tensor<2x4x5x7xf32>\n}",
    "func.func @main(%x: tensor<1x5x9xf32>, %w: tensor<3x5x1xf32>) -> tensor<1x3x9xf32> {\n"
    "  %n = hone.none\n"
    "  %y = hone.conv %x, %w, %n : (tensor<1x5x9xf32>, tensor<3x5x1xf32>, none) -> tensor<1x3x9xf32>\n"
    "  return %y : tensor<1x3x9xf32>\n}",
    // ConvTranspose with stride 2 and pads.
    "func.func @main(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32> {\n"
    "  %n = hone.none\n"
    "  %y = hone.conv_transpose %x, %w, %n {strides = [2, 2], pads = [1, 1, 1, 1]}"
    " : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>, none) -> tensor<1x3x5x5xf32>\n"
    "  return %y : tensor<1x3x5x5xf32>\n}",
};

/// Seeded inputs: floats in [-3, 3), integers in [-9, 9] without zero (so
/// that they can be divisors).
ref::Tensor randomInput(RankedTensorType type, std::mt19937 &rng) {
  ref::Tensor t(dtypeOf(type.getElementType()), type.getShape().vec());
  std::uniform_real_distribution<double> real(-3, 3);
  for (int64_t i = 0; i < t.numel(); ++i) {
    if (ref::isFloatDType(t.dtype())) {
      t.setDouble(i, real(rng));
    } else {
      int64_t v = static_cast<int64_t>(rng() % 18) - 9;
      t.setInt(i, v == 0 ? 5 : v);
    }
  }
  return t;
}

/// A Halide buffer over `tensor`'s bytes (dims reversed: innermost first).
Halide::Buffer<> bufferOver(ref::Tensor &tensor, Halide::Type type) {
  std::vector<int> extents(tensor.shape().rbegin(), tensor.shape().rend());
  return Halide::Buffer<>(type, tensor.rawData(), extents);
}

} // namespace

TEST_CASE("CPU kernels agree with the reference evaluator", "[targets][cpu]") {
  DialectRegistry registry;
  registry.insert<HoneDialect, func::FuncDialect>();
  MLIRContext context(registry);
  std::mt19937 rng(2026);
  for (const char *source : kCases) {
    INFO(source);
    OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(source, &context);
    REQUIRE(module);
    auto main = module->lookupSymbol<func::FuncOp>("main");
    Operation *op = main.getBody().front().getTerminator()->getOperand(0).getDefiningOp();

    std::vector<ref::Tensor> inputs;
    for (BlockArgument arg : main.getArguments())
      inputs.push_back(randomInput(cast<RankedTensorType>(arg.getType()), rng));
    // Operands: function arguments become parameters, constants buffers,
    // hone.none an undefined Func.
    std::vector<Halide::ImageParam> params(main.getNumArguments());
    std::vector<ref::Tensor> constants;
    constants.reserve(op->getNumOperands());
    std::vector<cpu::HalideValue> operands;
    for (Value operand : op->getOperands()) {
      if (isa<NoneType>(operand.getType())) {
        operands.push_back({Halide::Func(), nullptr});
        continue;
      }
      auto type = cast<RankedTensorType>(operand.getType());
      std::vector<Halide::Var> vars = cpu::tensorVars(type.getRank());
      Halide::Func read;
      if (auto arg = dyn_cast<BlockArgument>(operand)) {
        Halide::ImageParam &param = params[arg.getArgNumber()];
        param = Halide::ImageParam(cpu::halideTypeOf(type.getElementType()), static_cast<int>(type.getRank()));
        param.set(bufferOver(inputs[arg.getArgNumber()], param.type()));
        read(cpu::halideArgs(vars)) = param(cpu::halideArgs(vars));
      } else {
        std::string message;
        auto constant = cast<ConstantOp>(operand.getDefiningOp());
        constants.push_back(*tensorFromElementsAttr(constant.getValue(), message));
        Halide::Buffer<> buffer = bufferOver(constants.back(), cpu::halideTypeOf(type.getElementType()));
        read(cpu::halideArgs(vars)) = buffer(cpu::halideArgs(vars));
      }
      operands.push_back({read, type});
    }
    std::string error;
    FailureOr<std::vector<cpu::HalideValue>> kernel = cpu::defineHalideKernel(op, operands, error);
    INFO(error);
    REQUIRE(succeeded(kernel));

    FailureOr<std::vector<ref::Tensor>> want = evaluateFunction(main, inputs, error);
    REQUIRE(succeeded(want));
    // Every returned value is one of the op's results.
    auto returned = main.getBody().front().getTerminator()->getOperands();
    for (auto [j, value] : llvm::enumerate(returned)) {
    auto result = cast<OpResult>(value);
    cpu::HalideValue defined = (*kernel)[result.getResultNumber()];
    INFO("result " << result.getResultNumber());
    REQUIRE(defined.func.defined());
    // A kernel may compute a dense view of its result (a pointwise Conv's
    // [N, M, H*W]): same elements, same order.
    auto kernelType = cast<RankedTensorType>(defined.type);
    ref::Tensor got((*want)[j].dtype(), kernelType.getShape().vec());
    REQUIRE(got.numel() == (*want)[j].numel());
    Halide::Buffer<> out = bufferOver(got, cpu::halideTypeOf(defined.type.getElementType()));
    defined.func.realize(out);
    for (int64_t i = 0; i < got.numel(); ++i) {
      double g = got.getDouble(i), w = (*want)[j].getDouble(i);
      INFO("element " << i);
      if (std::isnan(w)) {
        CHECK(std::isnan(g));
        continue;
      }
      CHECK(std::fabs(g - w) <= 1e-6 + 1e-5 * std::fabs(w));
    }
    }
  }
}

TEST_CASE("ops without a CPU kernel are refused by name", "[targets][cpu]") {
  // If is control flow, not a kernel: defineHalideKernel refuses it.
  DialectRegistry registry;
  registry.insert<HoneDialect, func::FuncDialect>();
  MLIRContext context(registry);
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(
      "func.func @main(%c: tensor<i1>, %x: tensor<2xf32>) -> tensor<2xf32> {\n"
      "  %y = \"hone.if\"(%c) ({\n    hone.yield %x : tensor<2xf32>\n  }, {\n"
      "    hone.yield %x : tensor<2xf32>\n  }) : (tensor<i1>) -> tensor<2xf32>\n"
      "  return %y : tensor<2xf32>\n}",
      &context);
  REQUIRE(module);
  auto main = module->lookupSymbol<func::FuncOp>("main");
  std::string error;
  Halide::ImageParam c(Halide::UInt(8), 0);
  Halide::Func read;
  read() = c();
  std::vector<cpu::HalideValue> operands{{read, cast<ShapedType>(main.getArgument(0).getType())}};
  CHECK(failed(cpu::defineHalideKernel(&main.getBody().front().front(), operands, error)));
  CHECK(error == "no CPU kernel for If yet");
}
