//===- HoneBase.td - The hone dialect ---------------------*- tablegen -*-===//
//
// The dialect definition and the base classes that every hone op uses.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_BASE
#define HONE_BASE

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "dialects/hone/HoneInterfaces.td"

def Hone_Dialect : Dialect {
  let name = "hone";
  let cppNamespace = "::mlir::hone";
  let summary = "Graph-level IR of hone: one op per ONNX operator";
  let description = [{
    The `hone` dialect is the graph level of the compiler: a function of tensor
    values in which each op is one ONNX operator in one canonical form, whatever
    the opset of the model it came from (compiler/reference/CANONICAL.md lists
    the forms). Dims may be dynamic anywhere (`tensor<?x3x?x?xf32>`); weights
    are `dense_resource` blobs, never per-element attributes; an absent optional
    ONNX input is the value of `hone.none`. Every op has an executable meaning
    in the reference evaluator, so each rewrite at this level can be checked
    by running the module before and after it.
  }];
  let hasConstantMaterializer = 1;
}

/// Element types of tensors that the ONNX operators of hone accept.
class Hone_TensorOf<list<Type> types> : TensorOf<types>;
/// An optional ONNX input: a tensor, or the `none` value of `hone.none`.
class Hone_OptionalTensorOf<list<Type> types>
    : AnyTypeOf<[TensorOf<types>, NoneType], "tensor or none">;

class Hone_Op<string mnemonic, list<Trait> traits = []>
    : Op<Hone_Dialect, mnemonic, traits>;

/// An op that mirrors the ONNX operator `onnxName`. The importer creates it by
/// that name (OnnxOpNames.inc) and the evaluator runs the reference kernel of
/// that name.
class Hone_OnnxOp<string mnemonic, string onnxName, list<Trait> traits = []>
    : Hone_Op<mnemonic, !listconcat(traits, [
        DeclareOpInterfaceMethods<Hone_OnnxOpInterface>])> {
  let extraClassDeclaration = [{
    static constexpr ::llvm::StringLiteral getOnnxName() {
      return ::llvm::StringLiteral("}] # onnxName # [{");
    }
  }];
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

class Hone_ElementwiseOp<string mnemonic, string onnxName, list<Trait> traits = []>
    : Hone_OnnxOp<mnemonic, onnxName, !listconcat(traits, [Pure])>;
class Hone_NNOp<string mnemonic, string onnxName, list<Trait> traits = []>
    : Hone_OnnxOp<mnemonic, onnxName, !listconcat(traits, [Pure])>;
class Hone_TensorOp<string mnemonic, string onnxName, list<Trait> traits = []>
    : Hone_OnnxOp<mnemonic, onnxName, !listconcat(traits, [Pure])>;
class Hone_ReduceOp<string mnemonic, string onnxName, list<Trait> traits = []>
    : Hone_OnnxOp<mnemonic, onnxName, !listconcat(traits, [Pure])>;
/// If and Loop: their regions are ONNX subgraphs; the generic form prints them.
class Hone_ControlFlowOp<string mnemonic, string onnxName, list<Trait> traits = []>
    : Hone_OnnxOp<mnemonic, onnxName, !listconcat(traits, [RecursiveMemoryEffects])> {
  let assemblyFormat = ?;
}

#endif // HONE_BASE
