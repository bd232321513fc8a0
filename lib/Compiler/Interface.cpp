//===- Interface.cpp - the C interface of a compiled model ---------------===//

#include "quant/Compiler/Interface.h"
#include "quant/Dialect/QNN/IR/QNN.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::compiler;

namespace {
/// Argument/result attribute: the signless integers are unsigned values.
constexpr StringLiteral kUnsignedAttr = "onnx.unsigned";

struct ElementTypeInfo {
  ElementType type;
  const char *name, *cName;
  unsigned size;
};
constexpr ElementTypeInfo kElementTypes[] = {
    {ElementType::F32, "f32", "float", 4},
    {ElementType::I8, "i8", "int8_t", 1},
    {ElementType::U8, "u8", "uint8_t", 1},
    {ElementType::I16, "i16", "int16_t", 2},
    {ElementType::U16, "u16", "uint16_t", 2},
    {ElementType::I32, "i32", "int32_t", 4},
    {ElementType::U32, "u32", "uint32_t", 4},
    {ElementType::I64, "i64", "int64_t", 8},
};

const ElementTypeInfo &info(ElementType type) {
  for (const ElementTypeInfo &i : kElementTypes)
    if (i.type == type)
      return i;
  llvm_unreachable("unknown element type");
}

/// The buffer element type of a boundary element type, if supported.
std::optional<ElementType> classify(Type elt) {
  if (elt.isF32())
    return ElementType::F32;
  unsigned width;
  bool isSigned = true;
  if (auto it = llvm::dyn_cast<IntegerType>(elt)) {
    width = it.getWidth();
    isSigned = !it.isUnsigned();
  } else if (auto q = llvm::dyn_cast<quant::QuantizedType>(elt)) {
    width = q.getStorageTypeIntegralWidth();
    isSigned = q.isSigned();
  } else {
    return std::nullopt;
  }
  switch (width) {
  case 8:
    return isSigned ? ElementType::I8 : ElementType::U8;
  case 16:
    return isSigned ? ElementType::I16 : ElementType::U16;
  case 32:
    return isSigned ? ElementType::I32 : ElementType::U32;
  case 64:
    if (isSigned)
      return ElementType::I64;
    break;
  default:
    break;
  }
  return std::nullopt;
}

/// Fills `info` from `type`; fails with a diagnostic at `loc`. A signless
/// integer buffer marked `onnx.unsigned` (ONNX uint8 inputs, ...) holds
/// unsigned values.
LogicalResult describe(Location loc, Type type, TensorInfo &info,
                       StringRef what, bool markedUnsigned) {
  auto tensor = llvm::dyn_cast<RankedTensorType>(type);
  if (!tensor || !tensor.hasStaticShape())
    return emitError(loc) << what << " must be a statically shaped tensor, got "
                          << type;
  Type elt = tensor.getElementType();
  std::optional<ElementType> et = classify(elt);
  if (!et)
    return emitError(loc) << what << " has unsupported element type " << elt
                          << " (f32, integers and !quant.uniform are)";
  if (getElementKind(elt) == ElementKind::Affine) {
    std::optional<AffineParams> p = getAffineParams(elt);
    if (!p)
      return emitError(loc) << what << " has a sub-channel quantized type, "
                            << "which has no C interface";
    info.scales.assign(p->scales.begin(), p->scales.end());
    info.zeroPoints.assign(p->zeroPoints.begin(), p->zeroPoints.end());
    info.axis = p->axis;
  }
  if (markedUnsigned && elt.isSignlessInteger()) {
    switch (*et) {
    case ElementType::I8:
      et = ElementType::U8;
      break;
    case ElementType::I16:
      et = ElementType::U16;
      break;
    case ElementType::I32:
      et = ElementType::U32;
      break;
    default:
      break;
    }
  }
  info.shape.assign(tensor.getShape().begin(), tensor.getShape().end());
  info.type = *et;
  llvm::raw_string_ostream os(info.mlirType);
  os << type;
  return success();
}
} // namespace

StringRef mlir::qnn::compiler::getElementTypeName(ElementType type) {
  return info(type).name;
}

StringRef mlir::qnn::compiler::getCTypeName(ElementType type) {
  return info(type).cName;
}

unsigned mlir::qnn::compiler::getElementSize(ElementType type) {
  return info(type).size;
}

int64_t TensorInfo::getNumElements() const {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

FailureOr<ModelInterface>
mlir::qnn::compiler::getModelInterface(ModuleOp module, StringRef entry) {
  auto func = SymbolTable::lookupNearestSymbolFrom<func::FuncOp>(
      module, StringAttr::get(module.getContext(), entry));
  if (!func || func.isExternal())
    return module.emitError()
           << "no function '@" << entry << "' with a body (see --entry)";
  ModelInterface interface;
  FunctionType type = func.getFunctionType();
  for (auto [i, t] : llvm::enumerate(type.getInputs())) {
    TensorInfo ti;
    if (failed(describe(func.getArgument(i).getLoc(), t, ti,
                        "input " + std::to_string(i),
                        func.getArgAttr(i, kUnsignedAttr) != nullptr)))
      return failure();
    interface.inputs.push_back(std::move(ti));
  }
  for (auto [i, t] : llvm::enumerate(type.getResults())) {
    TensorInfo ti;
    if (failed(describe(func.getLoc(), t, ti, "output " + std::to_string(i),
                        func.getResultAttr(i, kUnsignedAttr) != nullptr)))
      return failure();
    interface.outputs.push_back(std::move(ti));
  }
  if (interface.outputs.empty())
    return func.emitError() << "'@" << entry << "' returns nothing";
  return interface;
}

bool mlir::qnn::compiler::isCIdentifier(StringRef name) {
  if (name.empty() || llvm::isDigit(name[0]))
    return false;
  return llvm::all_of(name,
                      [](char c) { return llvm::isAlnum(c) || c == '_'; });
}

/// Writes the macros and constants describing one buffer.
static void writeTensor(llvm::raw_ostream &os, const TensorInfo &t,
                        StringRef macro, StringRef var, StringRef title) {
  os << "/* " << title << ": " << t.mlirType
     << (t.getNumElements() == 0
             ? " (no elements: the pointer is never used and may be NULL)"
             : "")
     << " */\n";
  os << "#define " << macro << "_RANK " << t.shape.size() << "\n";
  os << "#define " << macro << "_SIZE " << t.getNumElements()
     << " /* elements */\n";
  os << "#define " << macro << "_TYPE \"" << getElementTypeName(t.type)
     << "\"\n";
  os << "typedef " << getCTypeName(t.type) << " " << var << "_t;\n";
  if (!t.shape.empty()) {
    os << "static const int64_t " << var << "_shape[" << t.shape.size()
       << "] = {";
    llvm::interleaveComma(t.shape, os);
    os << "};\n";
  }
  if (!t.isQuantized()) {
    os << "\n";
    return;
  }
  os << "/* real = (q - zero_point) * scale */\n";
  if (t.axis < 0) {
    os << "#define " << macro << "_SCALE " << llvm::format("%.17g", t.scales[0])
       << "\n";
    os << "#define " << macro << "_ZERO_POINT " << t.zeroPoints[0] << "\n\n";
    return;
  }
  os << "#define " << macro << "_QUANT_AXIS " << t.axis << "\n";
  os << "static const double " << var << "_scales[" << t.scales.size()
     << "] = {";
  llvm::interleaveComma(t.scales, os,
                        [&](double s) { os << llvm::format("%.17g", s); });
  os << "};\n";
  os << "static const int32_t " << var << "_zero_points[" << t.zeroPoints.size()
     << "] = {";
  llvm::interleaveComma(t.zeroPoints, os);
  os << "};\n\n";
}

void mlir::qnn::compiler::writeCHeader(llvm::raw_ostream &os,
                                       const ModelInterface &interface,
                                       StringRef name, StringRef source,
                                       int64_t workspaceBytes) {
  std::string upper = StringRef(name).upper();
  os << "/* " << name << ".h - C interface of a model compiled by "
     << "quant-compile from " << source << ".\n"
     << " * Generated file: do not edit.\n"
     << " *\n"
     << " * " << name << "_run() takes one dense row-major buffer per input, "
     << "then one per\n"
     << " * output, in graph order, and returns 0 on success. It allocates "
     << "one\n"
     << " * workspace for its intermediate tensors with malloc per call and "
     << "is\n"
     << " * reentrant. " << name << "_run_with_workspace() takes that "
     << "workspace from the\n"
     << " * caller instead: " << upper << "_WORKSPACE_SIZE bytes, 64-byte "
     << "aligned, not shared\n"
     << " * by concurrent calls (it may be NULL when the size is 0); it never "
     << "allocates.\n"
     << " */\n"
     << "#ifndef " << upper << "_H\n#define " << upper << "_H\n\n"
     << "#include <stdint.h>\n\n"
     << "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n";
  os << "#define " << upper << "_NUM_INPUTS " << interface.inputs.size()
     << "\n";
  os << "#define " << upper << "_NUM_OUTPUTS " << interface.outputs.size()
     << "\n\n";
  for (auto [i, t] : llvm::enumerate(interface.inputs))
    writeTensor(os, t, upper + "_INPUT" + std::to_string(i),
                name.str() + "_input" + std::to_string(i),
                "Input " + std::to_string(i));
  for (auto [i, t] : llvm::enumerate(interface.outputs))
    writeTensor(os, t, upper + "_OUTPUT" + std::to_string(i),
                name.str() + "_output" + std::to_string(i),
                "Output " + std::to_string(i));
  os << "#define " << upper << "_WORKSPACE_SIZE " << workspaceBytes
     << " /* bytes */\n\n";
  std::string params;
  llvm::raw_string_ostream ps(params);
  bool first = true;
  for (auto [i, t] : llvm::enumerate(interface.inputs)) {
    ps << (first ? "" : ", ") << "const " << getCTypeName(t.type) << " *input"
       << i;
    first = false;
  }
  for (auto [i, t] : llvm::enumerate(interface.outputs)) {
    ps << (first ? "" : ", ") << getCTypeName(t.type) << " *output" << i;
    first = false;
  }
  os << "int " << name << "_run(" << params << ");\n";
  os << "int " << name << "_run_with_workspace(" << params
     << (first ? "" : ", ") << "void *workspace);\n";
  os << "\n#ifdef __cplusplus\n}\n#endif\n\n#endif /* " << upper << "_H */\n";
}

int64_t mlir::qnn::compiler::getWorkspaceSize(ModuleOp module) {
  auto size = module->getAttrOfType<IntegerAttr>("quant.workspace_size");
  return size ? size.getInt() : 0;
}
