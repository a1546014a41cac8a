#!/usr/bin/env python3
"""Writes the ODS definitions of the `hone` ops that mirror ONNX operators.

The operand names, element-type constraints, attributes, defaults and summaries
come from ONNX's own operator schemas (python3-onnx 1.12, the version whose
libonnx the importer links), at the canonical opset documented in
compiler/reference/CANONICAL.md. Running it again after an ONNX upgrade shows
what changed as a diff of the generated files, which are committed:

    /usr/bin/python3 dialects/hone/generate_ops.py dialects/hone

Ops that need more than a schema gives (constant, none, yield) are written by
hand in HoneOps.td.
"""
import re
import sys

from onnx import defs, helper, AttributeProto

CANONICAL_OPSET = 17

# family -> ONNX ops. The family decides the .td file and its base class.
FAMILIES = {
    "Elementwise": """Abs Acos Acosh Asin Asinh Atan Atanh Ceil Cos Cosh Erf Exp Floor IsInf
        IsNaN Log Neg Not Reciprocal Relu Round Sigmoid Sign Sin Sinh Sqrt Tan Tanh Softplus
        Softsign Celu Elu HardSigmoid HardSwish LeakyRelu Selu Shrink ThresholdedRelu PRelu
        Add Sub Mul Div Mod Pow BitShift And Or Xor Equal Greater GreaterOrEqual Less
        LessOrEqual Where Clip Cast CastLike Sum Mean Max Min Identity""",
    "NN": """Conv ConvTranspose AveragePool MaxPool GlobalAveragePool GlobalMaxPool MaxUnpool
        LpPool GlobalLpPool BatchNormalization InstanceNormalization LayerNormalization LRN
        MeanVarianceNormalization LpNormalization Gemm MatMul Einsum Softmax LogSoftmax Hardmax
        Dropout Resize GridSample RoiAlign NonMaxSuppression Det NegativeLogLikelihoodLoss
        SoftmaxCrossEntropyLoss""",
    "Tensor": """Reshape Transpose Concat Split Slice Gather GatherElements GatherND
        ScatterElements ScatterND Squeeze Unsqueeze Flatten Expand Tile Pad Shape Size
        ConstantOfShape Range OneHot NonZero Compress Unique DepthToSpace SpaceToDepth EyeLike
        ReverseSequence Trilu""",
    "Reduce": """ReduceSum ReduceMean ReduceMax ReduceMin ReduceProd ReduceL1 ReduceL2
        ReduceLogSum ReduceLogSumExp ReduceSumSquare ArgMax ArgMin CumSum TopK""",
    "ControlFlow": "If Loop",
}

MNEMONIC_OVERRIDES = {
    "MatMul": "matmul", "TopK": "topk", "ArgMax": "argmax", "ArgMin": "argmin",
    "NonZero": "nonzero", "PRelu": "prelu", "GatherND": "gather_nd", "ScatterND": "scatter_nd",
    "IsNaN": "isnan", "IsInf": "isinf", "LRN": "lrn", "CumSum": "cumsum", "Hardmax": "hardmax",
    "Einsum": "einsum",
}

ONNX_TO_MLIR_TYPE = {
    "float16": "F16", "bfloat16": "BF16", "float": "F32", "double": "F64",
    "int8": "I8", "int16": "I16", "int32": "I32", "int64": "I64",
    "uint8": "UI8", "uint16": "UI16", "uint32": "UI32", "uint64": "UI64", "bool": "I1",
}

# Ops whose verifier checks more than types: op -> the shared check in
# ops/Verifiers.cpp that it calls.
VERIFIERS = {
    **{op: "verifyBroadcastOperands" for op in """Add Sub Mul Div Pow Mod And Or Xor Equal
        Greater GreaterOrEqual Less LessOrEqual BitShift Where Sum Max Min Mean""".split()},
    **{op: "verifyAxisInRange" for op in "Softmax LogSoftmax Hardmax Concat Flatten".split()},
    "Conv": "verifyConvolution", "ConvTranspose": "verifyConvolution",
    "MatMul": "verifyMatMul", "Gemm": "verifyGemm", "Transpose": "verifyTranspose",
}

# Op -> its family's shape function in ops/*Shapes.cpp (ShapeFunctions.h).
SAME_AS_OPERAND0 = """Abs Acos Acosh Asin Asinh Atan Atanh Ceil Cos Cosh Erf Exp Floor IsInf IsNaN Log
    Neg Not Reciprocal Relu Round Sigmoid Sign Sin Sinh Sqrt Tan Tanh Softplus Softsign Celu Elu
    HardSigmoid HardSwish LeakyRelu Selu Shrink ThresholdedRelu PRelu Clip Cast CastLike Identity
    Softmax LogSoftmax Hardmax LRN MeanVarianceNormalization LpNormalization
    InstanceNormalization CumSum ReverseSequence Trilu Dropout ScatterElements ScatterND
    EyeLike"""
SHAPE_FUNCTIONS = {
    **{op: "shapeSameAsOperand0" for op in SAME_AS_OPERAND0.split()},
    **{op: "shapeBroadcast" for op in """Add Sub Mul Div Pow Mod And Or Xor Equal Greater
        GreaterOrEqual Less LessOrEqual BitShift Where Sum Max Min Mean""".split()},
    **{op: "shapeReduce" for op in """ReduceSum ReduceMean ReduceMax ReduceMin ReduceProd
        ReduceL1 ReduceL2 ReduceLogSum ReduceLogSumExp ReduceSumSquare""".split()},
    **{op: "shapePool" for op in "AveragePool MaxPool LpPool".split()},
    **{op: "shapeGlobalPool" for op in "GlobalAveragePool GlobalMaxPool GlobalLpPool".split()},
    **{op: "shapeArgReduce" for op in "ArgMax ArgMin".split()},
    **{op: "shapeDepthToSpace" for op in "DepthToSpace SpaceToDepth".split()},
    "Conv": "shapeConv", "ConvTranspose": "shapeConvTranspose", "MatMul": "shapeMatMul",
    "Gemm": "shapeGemm", "BatchNormalization": "shapeBatchNormalization",
    "LayerNormalization": "shapeLayerNormalization", "TopK": "shapeTopK",
    "Reshape": "shapeReshape", "Transpose": "shapeTranspose", "Flatten": "shapeFlatten",
    "Squeeze": "shapeSqueeze", "Unsqueeze": "shapeUnsqueeze", "Concat": "shapeConcat",
    "Split": "shapeSplit", "Slice": "shapeSlice", "Gather": "shapeGather",
    "GatherElements": "shapeSameAsOperand1", "GatherND": "shapeGatherND",
    "Expand": "shapeExpand", "Tile": "shapeTile", "Pad": "shapePad", "Shape": "shapeShape",
    "Size": "shapeScalar", "ConstantOfShape": "shapeFromShapeOperand", "Range": "shapeRange",
    "OneHot": "shapeOneHot", "NonZero": "shapeNonZero", "Compress": "shapeCompress",
    "Unique": "shapeUnique", "Resize": "shapeResize", "Einsum": "shapeEinsum", "Det": "shapeDet",
    "MaxUnpool": "shapeMaxUnpool", "RoiAlign": "shapeRoiAlign", "GridSample": "shapeGridSample",
    "NonMaxSuppression": "shapeNonMaxSuppression", "NegativeLogLikelihoodLoss": "shapeLoss",
    "SoftmaxCrossEntropyLoss": "shapeLoss", "If": "shapeFromRegions", "Loop": "shapeFromRegions",
}

# Ops whose result values follow from operand shapes alone.
VALUE_FROM_SHAPES = {"Shape", "Size"}

# Op -> its value function in ops/ValueFunctions.cpp (ValueFunctions.h): the
# ops that build shapes in exported graphs.
VALUE_FUNCTIONS = {
    "Shape": "valueShape", "Size": "valueSize", "Gather": "valueGather",
    "Concat": "valueConcat", "Slice": "valueSlice", "Cast": "valueCast",
    **{op: "valueSameElements" for op in "Squeeze Unsqueeze Reshape Flatten Identity".split()},
    **{op: "value" + op for op in """Add Sub Mul Div Mod Max Min Neg Abs Equal Less
        Greater LessOrEqual GreaterOrEqual Not And Or Where""".split()},
    "ConstantOfShape": "valueConstantOfShape", "Range": "valueRange", "Expand": "valueExpand",
    **{op: "value" + op for op in "ReduceProd ReduceSum ReduceMax ReduceMin".split()},
}

# Op -> its mapping type (DNNFusion, PLDI'21, Table 2), the default the
# FusionOpInterface answers. "Elementwise": One-to-One, or One-to-Many when
# an operand is broadcast (decided per op by mappingTypeOfElementwise).
# Ops the paper's table does not list are placed by the same definitions:
# an output element from one input element is One-to-One (Trilu's mask,
# Dropout at inference), a gather or a fill is One-to-Many (Pad, Tile,
# GatherElements, generators of a shape), anything that combines several
# input elements per output is Many-to-Many, and so are data-dependent sizes
# (NonZero, Unique...) and control flow, so that nothing fuses across them.
MAPPING_TYPES = {
    **{op: "Elementwise" for op in """Add Sub Mul Div Mod Pow BitShift And Or Xor Equal Greater
        GreaterOrEqual Less LessOrEqual Where Sum Mean Max Min PRelu Clip""".split()},
    **{op: "OneToOne" for op in """Abs Acos Acosh Asin Asinh Atan Atanh Ceil Cos Cosh Erf Exp
        Floor IsInf IsNaN Log Neg Not Reciprocal Relu Round Sigmoid Sign Sin Sinh Sqrt Tan Tanh
        Softplus Softsign Celu Elu HardSigmoid HardSwish LeakyRelu Selu Shrink ThresholdedRelu
        Cast CastLike Identity BatchNormalization Concat Slice Split Dropout Trilu""".split()},
    **{op: "OneToMany" for op in """Expand Gather GatherElements GatherND Resize Tile Pad
        ConstantOfShape Range OneHot EyeLike""".split()},
    **{op: "Reorganize" for op in "Reshape Flatten Squeeze Unsqueeze".split()},
    **{op: "Shuffle" for op in "Transpose DepthToSpace SpaceToDepth ReverseSequence".split()},
}
# Everything else is Many-to-Many.
MAPPING_CASES = ("OneToOne", "OneToMany", "ManyToMany", "Reorganize", "Shuffle")

# Op -> its layout class (SmartMem, ASPLOS'24, Table 3), the default the
# LayoutOpInterface answers. The paper's table: Conv, MatMul, LayerNorm and
# Softmax are input-layout dependent with a variable output layout
# ("DependentVariable"); Reshape, Transpose, DepthToSpace and SpaceToDepth
# dependent and fixed (they are the layout: "DependentFixed"); unary ops and
# Add independent and variable ("IndependentVariable"); Gather and Slice
# independent and fixed ("IndependentFixed"). Ops the table does not list
# are placed by the same definitions: the other reinterpretations of the
# data (Flatten, Squeeze, Unsqueeze) are DependentFixed; ops that select or
# place elements at positions their semantics fix (the gathers, Split,
# Concat, Pad, Tile, Expand, ReverseSequence) IndependentFixed; the other
# elementwise and One-to-One ops, and generators, IndependentVariable
# (each element computed from the same-position elements of its operands,
# numpy-broadcast, or from no tensor's data);
# everything else (reductions and windows over dims, Resize)
# DependentVariable.
LAYOUT_CLASSES = {
    **{op: "DependentFixed" for op in "Reshape Transpose DepthToSpace SpaceToDepth Flatten Squeeze Unsqueeze".split()},
    **{op: "IndependentFixed" for op in
       "Gather GatherElements GatherND Slice Split Concat Pad Tile Expand ReverseSequence".split()},
    # Generators read no tensor's data: nothing to depend on.
    **{op: "IndependentVariable" for op in "ConstantOfShape Range OneHot".split()},
    # One-to-One ops whose elements depend on where they are: the channel
    # axis (BatchNormalization's per-channel operands are not numpy
    # broadcasts), the last two dims (Trilu), the diagonal (EyeLike). The
    # layout passes run an IndependentVariable op over any view of its dims.
    **{op: "DependentVariable" for op in "BatchNormalization Trilu EyeLike".split()},
}
LAYOUT_CASES = ("DependentVariable", "IndependentVariable", "DependentFixed", "IndependentFixed")

# Algebraic properties (DNNFusion section 4.2), as traits.
COMMUTATIVE = set("Add Mul Sum Mean Max Min And Or Xor Equal".split())
ASSOCIATIVE = set("Add Mul Sum Max Min And Or Xor".split())
# Linear in each operand: distributes over Add and Sub (and scales commute
# through it), which the algebraic rewriter relies on.
DISTRIBUTIVE = set("Mul MatMul Gemm Conv ConvTranspose".split())

# Reserved words that cannot name an operand, result or attribute accessor.
RESERVED = {"operands", "results", "type", "default", "region", "regions", "attributes"}


def mnemonic(op):
    if op in MNEMONIC_OVERRIDES:
        return MNEMONIC_OVERRIDES[op]
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", op)
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", s)
    return s.lower()


def ods_name(name):
    n = re.sub(r"[^A-Za-z0-9_]", "_", name).lower()
    return n + "_" if n in RESERVED else n


def element_types(schema, type_str):
    constraint = {c.type_param_str: c for c in schema.type_constraints}.get(type_str)
    names = list(constraint.allowed_type_strs) if constraint else [type_str]
    out = []
    for t in names:
        m = re.fullmatch(r"tensor\((\w+)\)", t)
        if m and m.group(1) in ONNX_TO_MLIR_TYPE:
            mt = ONNX_TO_MLIR_TYPE[m.group(1)]
            if mt not in out:
                out.append(mt)
    return out


def tensor_constraint(types, optional):
    tensor = f"Hone_TensorOf<[{', '.join(types)}]>"
    return f"Hone_OptionalTensorOf<[{', '.join(types)}]>" if optional else tensor


def float_literal(value):
    text = repr(float(value))
    return text


def attribute_def(name, attr):
    t = attr.type
    default = helper.get_attribute_value(attr.default_value) if attr.default_value.type else None
    if t == AttributeProto.INT:
        base = "I64Attr"
        if default is not None:
            return f'DefaultValuedAttr<I64Attr, "{int(default)}">'
    elif t == AttributeProto.FLOAT:
        base = "F32Attr"
        if default is not None:
            return f'DefaultValuedAttr<F32Attr, "{float_literal(default)}">'
    elif t == AttributeProto.STRING:
        base = "StrAttr"
        if default is not None:
            return f'DefaultValuedStrAttr<StrAttr, "{default.decode()}">'
    elif t == AttributeProto.INTS:
        base = "I64ArrayAttr"
    elif t == AttributeProto.FLOATS:
        base = "F32ArrayAttr"
    elif t == AttributeProto.STRINGS:
        base = "StrArrayAttr"
    elif t == AttributeProto.TENSOR:
        base = "ElementsAttr"
    else:
        return None
    return base if attr.required else f"OptionalAttr<{base}>"


# Results whose element type the schema does not tie to an operand.
SPECIAL_RESULT_RULES = {"Cast": "to", "ConstantOfShape": "value", "EyeLike": "dtype",
                        "GridSample": "0", "If": "region", "Loop": "region"}


def result_element_rule(op, schema, index):
    """How the importer finds result `index`'s element type: "K" for operand
    K's, a fixed type ("i64"), or the attribute that names it ("to", "value",
    "dtype", "stash_type"), or "region" (what If/Loop bodies yield)."""
    if op in SPECIAL_RESULT_RULES:
        return SPECIAL_RESULT_RULES[op]
    formal = schema.outputs[index]
    if op == "LayerNormalization" and formal.typeStr == "U":
        return "stash_type"
    types = element_types(schema, formal.typeStr)
    if len(types) == 1:
        return types[0].lower()
    for k, f in enumerate(schema.inputs):
        if f.typeStr == formal.typeStr:
            return str(k)
    raise SystemExit(f"generate_ops.py: no element type rule for {op} result {index}")


def first_paragraph(doc):
    text = " ".join(doc.strip().split("\n\n")[0].split())
    text = text.replace("[{", "[ {").replace("}]", "} ]")
    if len(text) > 400:
        cut = text.rfind(". ", 0, 400)
        text = text[: cut + 1] if cut > 0 else text[:400] + "..."
    return text


def op_def(op, family):
    schema = defs.get_schema(op, CANONICAL_OPSET)
    cls = f"Hone_{op}Op"
    names = set()
    args, results, regions = [], [], []

    def unique(name, keep_case=False):
        n = name if keep_case else ods_name(name)
        while n in names:
            n += "_"
        names.add(n)
        return n

    for formal in schema.inputs:
        types = element_types(schema, formal.typeStr)
        optional = formal.option == defs.OpSchema.FormalParameterOption.Optional
        constraint = tensor_constraint(types, optional)
        if formal.option == defs.OpSchema.FormalParameterOption.Variadic:
            constraint = f"Variadic<{tensor_constraint(types, False)}>"
        args.append(f"{constraint}:${unique(formal.name)}")
    # Reduce* take axes as an input in the canonical (opset 18) form.
    is_reduce = op.startswith("Reduce")
    if is_reduce and not any(f.name == "axes" for f in schema.inputs):
        args.append(f"Hone_OptionalTensorOf<[I64]>:${unique('axes')}")
    attr_names = []
    # Regions in the order the evaluator runs them: If is (then, else).
    order = {"then_branch": 0, "else_branch": 1}
    for name, attr in sorted(schema.attributes.items(), key=lambda kv: (order.get(kv[0], 2), kv[0])):
        if is_reduce and name == "axes":
            continue
        if attr.type == AttributeProto.GRAPH:
            regions.append(f"SizedRegion<1>:${unique(name)}")
            continue
        definition = attribute_def(name, attr)
        if definition is None:
            continue
        if is_reduce and name == "keepdims":
            pass
        # Attributes keep their ONNX spelling (transA), so that the importer
        # and the evaluator use ONNX's names unchanged.
        args.append(f"{definition}:${unique(name, keep_case=True)}")
        attr_names.append(name)
    if is_reduce and "noop_with_empty_axes" not in schema.attributes:
        args.append(f'DefaultValuedAttr<I64Attr, "0">:${unique("noop_with_empty_axes")}')
    for formal in schema.outputs:
        types = element_types(schema, formal.typeStr)
        constraint = tensor_constraint(types, False)
        if formal.option == defs.OpSchema.FormalParameterOption.Variadic:
            constraint = f"Variadic<{constraint}>"
        results.append(f"{constraint}:${unique(formal.name)}")

    # What the importer needs to build the op generically: the operand count
    # (absent trailing optional inputs become hone.none), whether the last
    # operand is variadic, and per result either a fixed element type (for an
    # absent optional output) or "" for "same as operand 0".
    num_inputs = len(schema.inputs) + (1 if is_reduce and not any(
        f.name == "axes" for f in schema.inputs) else 0)
    variadic_in = bool(schema.inputs) and schema.inputs[-1].option == defs.OpSchema.FormalParameterOption.Variadic
    variadic_out = bool(schema.outputs) and schema.outputs[-1].option == defs.OpSchema.FormalParameterOption.Variadic
    result_types = [result_element_rule(op, schema, i) for i in range(len(schema.outputs))]
    info = (op, mnemonic(op), num_inputs, variadic_in, variadic_out, result_types)
    since = schema.since_version
    if is_reduce:
        since = 18
    trait_list = ["DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>"] if op in SHAPE_FUNCTIONS else []
    if op in VALUE_FROM_SHAPES:
        trait_list.append("Hone_ValueFromShapes")
    if op in VALUE_FUNCTIONS:
        trait_list.append("DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>")
    trait_list.append("DeclareOpInterfaceMethods<Hone_FusionOpInterface>")
    trait_list.append("DeclareOpInterfaceMethods<Hone_LayoutOpInterface>")
    for name, members in (("Commutative", COMMUTATIVE), ("Associative", ASSOCIATIVE),
                          ("Distributive", DISTRIBUTIVE)):
        if op in members:
            trait_list.append(f"Hone_{name}")
    traits = "[" + ", ".join(trait_list) + "]"
    lines = [f'def {cls} : Hone_{family}Op<"{mnemonic(op)}", "{op}", {traits}> {{']
    lines.append(f'  let summary = "ONNX {op} (canonical form: opset {since})";')
    lines.append(f"  let description = [{{\n    {first_paragraph(schema.doc)}\n  }}];")
    lines.append("  let arguments = (ins" + ("\n    " + ",\n    ".join(args) if args else "") + ");")
    lines.append("  let results = (outs" + ("\n    " + ",\n    ".join(results) if results else "") + ");")
    # ONNX's type constraints: every operand and result with the same type
    # parameter (T) has the same element type. Operand i is i, result i is
    # -1 - i; a variadic formal (always last) stands for the rest; groups end
    # with kGroupEnd.
    groups = {}
    for i, formal in enumerate(schema.inputs):
        if formal.isHomogeneous and formal.typeStr in {c.type_param_str for c in schema.type_constraints}:
            groups.setdefault(formal.typeStr, []).append(i)
    for i, formal in enumerate(schema.outputs):
        if formal.isHomogeneous and formal.typeStr in {c.type_param_str for c in schema.type_constraints}:
            groups.setdefault(formal.typeStr, []).append(-1 - i)
    flat = []
    for members in groups.values():
        if len(members) > 1:
            flat += members + ["kGroupEnd"]
    checks = []
    if flat:
        vin = len(schema.inputs) - 1 if variadic_in else -1
        vout = len(schema.outputs) - 1 if variadic_out else -1
        checks.append("static const int groups[] = {" + ", ".join(
            f"::mlir::hone::{m}" if m == "kGroupEnd" else str(m) for m in flat) + "};\n"
            f"      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, "
            f"{vin}, {vout})))\n        return ::mlir::failure();")
    if op in VERIFIERS:
        checks.append(f"if (::mlir::failed(::mlir::hone::{VERIFIERS[op]}(getOperation())))\n"
                      "        return ::mlir::failure();")
    definitions = []
    if op in SHAPE_FUNCTIONS:
        checks.append("return ::mlir::hone::verifyResultShapes(getOperation());")
        definitions.append(
            "    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {\n"
            f"      return ::mlir::hone::{SHAPE_FUNCTIONS[op]}(context);\n    }}")
    elif checks:
        checks.append("return ::mlir::success();")
    if op in VALUE_FUNCTIONS:
        definitions.append(
            "    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {\n"
            f"      return ::mlir::hone::{VALUE_FUNCTIONS[op]}(context);\n    }}")
    mapping = MAPPING_TYPES.get(op, "ManyToMany")
    if mapping == "Elementwise":
        mapping_body = "return ::mlir::hone::mappingTypeOfElementwise(getOperation());"
    else:
        assert mapping in MAPPING_CASES, mapping
        mapping_body = f"return ::mlir::hone::MappingType::{mapping};"
    definitions.append(
        "    ::mlir::hone::MappingType $cppClass::getMappingType() {\n"
        f"      {mapping_body}\n    }}")
    layout = LAYOUT_CLASSES.get(op)
    if layout is None:
        layout = "IndependentVariable" if mapping in ("Elementwise", "OneToOne") else "DependentVariable"
    assert layout in LAYOUT_CASES, layout
    definitions.append(
        "    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {\n"
        f"      return ::mlir::hone::LayoutClass::{layout};\n    }}")
    if checks:
        lines.append("  let hasVerifier = 1;")
        definitions.insert(0, "    ::mlir::LogicalResult $cppClass::verify() {\n      "
                           + "\n      ".join(checks) + "\n    }")
    if definitions:
        lines.append("  let extraClassDefinition = [{\n" + "\n".join(definitions) + "\n  }];")
    if regions:
        lines.append("  let regions = (region " + ", ".join(regions) + ");")
    lines.append("}")
    return "\n".join(lines), info


def check_coverage():
    """Every op has a shape function: the table must name each one; the
    mapping-type and algebraic tables name only ops that exist."""
    all_ops = {op for ops in FAMILIES.values() for op in ops.split()}
    missing = [op for op in sorted(all_ops) if op not in SHAPE_FUNCTIONS]
    if missing:
        sys.exit(f"generate_ops.py: no shape function for {' '.join(missing)}")
    unknown = sorted((set(MAPPING_TYPES) | set(LAYOUT_CLASSES) | COMMUTATIVE | ASSOCIATIVE | DISTRIBUTIVE)
                     - all_ops)
    if unknown:
        sys.exit(f"generate_ops.py: mapping or algebraic tables name unknown ops: {' '.join(unknown)}")


def main():
    check_coverage()
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "."
    table = []
    for family, ops in FAMILIES.items():
        body = []
        for op in ops.split():
            text, entry = op_def(op, family)
            body.append(text)
            table.append((family, entry))
        guard = f"HONE_{family.upper()}_OPS"
        with open(f"{out_dir}/Hone{family}Ops.td", "w") as f:
            f.write(f"//===- Hone{family}Ops.td - {family} ops, generated -*- tablegen -*-===//\n")
            f.write("//\n// Generated from ONNX's operator schemas by generate_ops.py; edit the\n")
            f.write("// script, not this file. Included from HoneOps.td.\n//\n")
            f.write("//===----------------------------------------------------------------------===//\n")
            f.write(f"#ifndef {guard}\n#define {guard}\n\n")
            f.write("\n\n".join(body))
            f.write(f"\n\n#endif // {guard}\n")
    with open(f"{out_dir}/OnnxOpNames.inc", "w") as f:
        f.write("// Generated by generate_ops.py: ONNX op type -> hone op class.\n")
        f.write("// HONE_ONNX_OP(OnnxName, \"hone.mnemonic\", numOperands, variadicOperands,\n")
        f.write("//              variadicResults, \"element type rule per result (see\n")
        f.write("//              result_element_rule)\")\n")
        for family, (op, mn, n_in, v_in, v_out, rtypes) in table:
            f.write(f'HONE_ONNX_OP({op}, "hone.{mn}", {n_in}, {str(v_in).lower()}, '
                    f'{str(v_out).lower()}, "{",".join(rtypes)}")\n')


if __name__ == "__main__":
    main()
