//===- HoneInterfaces.td - What passes ask hone ops --------*- tablegen -*-===//
//
// Everything a pass or the evaluator needs to know about an op is asked
// through an interface declared here, never by switching on op names.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_INTERFACES
#define HONE_INTERFACES

include "mlir/IR/OpBase.td"

def Hone_OnnxOpInterface : OpInterface<"OnnxOpInterface"> {
  let cppNamespace = "::mlir::hone";
  let description = [{
    An op that is one ONNX operator in canonical form. The evaluator runs the
    reference kernel registered under `getOnnxOpType()`.
  }];
  let methods = [
    InterfaceMethod<"The ONNX operator name, e.g. \"Conv\".",
      "::llvm::StringRef", "getOnnxOpType", (ins), [{}],
      [{ return ConcreteOp::getOnnxName(); }]>,
  ];
}

#endif // HONE_INTERFACES
