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
    Operation *op = &main.getBody().front().front();

    std::vector<ref::Tensor> inputs;
    std::vector<Halide::ImageParam> params;
    std::vector<cpu::HalideValue> operands;
    for (BlockArgument arg : main.getArguments()) {
      auto type = cast<RankedTensorType>(arg.getType());
      inputs.push_back(randomInput(type, rng));
      params.emplace_back(cpu::halideTypeOf(type.getElementType()), static_cast<int>(type.getRank()));
      Halide::Func read;
      std::vector<Halide::Var> vars = cpu::tensorVars(type.getRank());
      read(cpu::halideArgs(vars)) = params.back()(cpu::halideArgs(vars));
      operands.push_back({read, type});
    }
    std::string error;
    FailureOr<cpu::HalideValue> kernel = cpu::defineHalideKernel(op, operands, error);
    INFO(error);
    REQUIRE(succeeded(kernel));
    for (size_t i = 0; i < params.size(); ++i)
      params[i].set(bufferOver(inputs[i], params[i].type()));

    FailureOr<std::vector<ref::Tensor>> want = evaluateFunction(main, inputs, error);
    REQUIRE(succeeded(want));
    ref::Tensor got((*want)[0].dtype(), (*want)[0].shape());
    Halide::Buffer<> out = bufferOver(got, cpu::halideTypeOf(kernel->type.getElementType()));
    kernel->func.realize(out);
    for (int64_t i = 0; i < got.numel(); ++i) {
      double g = got.getDouble(i), w = (*want)[0].getDouble(i);
      INFO("element " << i);
      CHECK(std::fabs(g - w) <= 1e-6 + 1e-5 * std::fabs(w));
    }
  }
}

TEST_CASE("ops without a CPU kernel are refused by name", "[targets][cpu]") {
  DialectRegistry registry;
  registry.insert<HoneDialect, func::FuncDialect>();
  MLIRContext context(registry);
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(
      "func.func @main(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {\n"
      "  %y = hone.transpose %x : (tensor<2x3xf32>) -> tensor<3x2xf32>\n  return %y : tensor<3x2xf32>\n}",
      &context);
  REQUIRE(module);
  auto main = module->lookupSymbol<func::FuncOp>("main");
  std::string error;
  Halide::ImageParam x(Halide::Float(32), 2);
  std::vector<Halide::Var> vars = cpu::tensorVars(2);
  Halide::Func read;
  read(cpu::halideArgs(vars)) = x(cpu::halideArgs(vars));
  std::vector<cpu::HalideValue> operands{{read, cast<ShapedType>(main.getArgument(0).getType())}};
  CHECK(failed(cpu::defineHalideKernel(&main.getBody().front().front(), operands, error)));
  CHECK(error == "no CPU kernel for Transpose yet");
}
