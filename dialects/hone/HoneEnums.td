//===- HoneEnums.td - Enums of the hone dialect -------------*- tablegen -*-===//
//
// Classifications that ops report through their interfaces.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_ENUMS
#define HONE_ENUMS

include "mlir/IR/EnumAttr.td"

/// DNNFusion's (PLDI'21) mapping type: how an op's output elements map to
/// its input elements, which decides whether and how it fuses with its
/// neighbours (passes/fusion/FusionTable.h).
def Hone_MappingType : I32EnumAttr<"MappingType", "the mapping type of an op", [
    I32EnumAttrCase<"OneToOne", 0, "one_to_one">,
    I32EnumAttrCase<"OneToMany", 1, "one_to_many">,
    I32EnumAttrCase<"ManyToMany", 2, "many_to_many">,
    I32EnumAttrCase<"Reorganize", 3, "reorganize">,
    I32EnumAttrCase<"Shuffle", 4, "shuffle">]> {
  let cppNamespace = "::mlir::hone";
  let genSpecializedAttr = 0;
}

/// SmartMem's (ASPLOS'24, Table 3) layout class, on two axes: whether the
/// op's performance depends on the layout of its inputs (input layout
/// dependent, ILD, or independent, ILI), and whether its output layout may
/// be chosen (variable) or is fixed by its semantics. The producer-consumer
/// table of the layout passes is keyed by it.
def Hone_LayoutClass : I32EnumAttr<"LayoutClass", "the layout class of an op", [
    I32EnumAttrCase<"DependentVariable", 0, "ild_variable">,
    I32EnumAttrCase<"IndependentVariable", 1, "ili_variable">,
    I32EnumAttrCase<"DependentFixed", 2, "ild_fixed">,
    I32EnumAttrCase<"IndependentFixed", 3, "ili_fixed">]> {
  let cppNamespace = "::mlir::hone";
  let genSpecializedAttr = 0;
}

#endif // HONE_ENUMS
