//===- Diagnostics.cpp - Diagnostics that name the model file and node ----===//
//
// A node location is fused<"OpType">[NameLoc(node), FileLineColLoc(file)];
// the metadata carries the op type so that messages can name it even when
// the node has no name.
//
//===----------------------------------------------------------------------===//
#include "compiler/onnx/Diagnostics.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::hone;

Location mlir::hone::onnxFileLoc(MLIRContext *context, const std::string &file) {
  return FileLineColLoc::get(context, file, 0, 0);
}

Location mlir::hone::onnxNodeLoc(MLIRContext *context, const std::string &file,
                                 const std::string &nodeName, const std::string &opType) {
  Location name = NameLoc::get(StringAttr::get(context, nodeName));
  return FusedLoc::get(context, {name, onnxFileLoc(context, file)},
                       StringAttr::get(context, opType));
}

namespace {

/// The file, node name and op type a location names (each may be empty).
void readLocation(Location loc, std::string &file, std::string &node, std::string &opType) {
  loc->walk([&](Location inner) {
    if (auto fused = dyn_cast<FusedLoc>(inner)) {
      if (auto type = dyn_cast_or_null<StringAttr>(fused.getMetadata()))
        if (opType.empty())
          opType = type.str();
    } else if (auto name = dyn_cast<NameLoc>(inner)) {
      if (node.empty())
        node = name.getName().str();
    } else if (auto fileLoc = dyn_cast<FileLineColLoc>(inner)) {
      if (file.empty())
        file = fileLoc.getFilename().str();
    }
    return WalkResult::advance();
  });
}

std::string printLocation(Location loc) {
  std::string text;
  llvm::raw_string_ostream os(text);
  loc.print(os);
  return text;
}

} // namespace

std::string mlir::hone::describeNode(Location loc) {
  std::string file, node, opType;
  readLocation(loc, file, node, opType);
  if (opType.empty())
    return describeLocation(loc);
  return "node '" + node + "' (" + opType + ")";
}

std::string mlir::hone::describeLocation(Location loc) {
  std::string file, node, opType;
  readLocation(loc, file, node, opType);
  if (file.empty() && node.empty())
    return printLocation(loc);
  std::string text = file.empty() ? "<model>" : file;
  if (!opType.empty())
    text += ": node '" + node + "' (" + opType + ")";
  return text;
}

OnnxDiagnosticHandler::OnnxDiagnosticHandler(MLIRContext *context)
    : ScopedDiagnosticHandler(context) {
  setHandler([this](Diagnostic &diag) {
    const char *severity = "note";
    switch (diag.getSeverity()) {
    case DiagnosticSeverity::Error:
      severity = "error";
      ++errors;
      break;
    case DiagnosticSeverity::Warning:
      severity = "warning";
      break;
    case DiagnosticSeverity::Remark:
      severity = "remark";
      break;
    case DiagnosticSeverity::Note:
      break;
    }
    llvm::errs() << describeLocation(diag.getLocation()) << ": " << severity << ": "
                 << diag.str() << "\n";
    for (Diagnostic &note : diag.getNotes())
      llvm::errs() << describeLocation(note.getLocation()) << ": note: " << note.str() << "\n";
    return success();
  });
}
