// RUN: hone-opt %s --hone-plan-memory=alignment=48 -verify-diagnostics
// expected-error @+1 {{alignment must be a power of two, got 48}}
func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}
