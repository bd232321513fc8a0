//===- Pipeline.cpp - the qnn to LLVM dialect pipeline -------------------===//
//
// Phase by phase (see Pipeline.h):
//   integer:   with foldQDQ: qnn-propagate-scales, qnn-fold-requant; then
//              qnn-lower-to-integer (a no-op on float and integer graphs)
//   linalg:    quant-prepare-entry, inline, symbol-dce,
//              quant-linear-kernels, convert-qnn-to-linalg, canonicalize, cse
//   vector:    quant-tile-and-vectorize, canonicalize, cse
//   bufferize: one-shot-bufferize (function boundaries, identity layouts),
//              buffer-results-to-out-params (hoisting static allocs so
//              results are written in place), buffer-deallocation-pipeline,
//              quant-finalize-entry, quant-plan-memory (one workspace),
//              canonicalize, cse
//   loops:     quant-split-narrow-transfers, quant-lower-vectors,
//              convert-linalg-to-loops,
//              convert-vector-to-scf (full unroll), expand-strided-metadata,
//              lower-affine
//   llvm:      scf-to-cf, vector/math/memref/arith/index/cf/ub/func to
//              LLVM (bare-pointer calling convention), reconcile casts
//
//===----------------------------------------------------------------------===//

#include "quant/Compiler/Pipeline.h"
#include "quant/Codegen/Passes.h"
#include "quant/Conversion/Passes.h"
#include "quant/Dialect/QNN/Transforms/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Conversion/VectorToSCF/VectorToSCF.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/FuncBufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Index/IR/IndexDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/Linalg/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Linalg/Transforms/TilingInterfaceImpl.h"
#include "mlir/Dialect/MemRef/Transforms/AllocationOpInterfaceImpl.h"
#include "mlir/Dialect/MemRef/Transforms/BufferViewFlowOpInterfaceImpl.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Tensor/IR/TensorInferTypeOpInterfaceImpl.h"
#include "mlir/Dialect/Tensor/IR/TensorTilingInterfaceImpl.h"
#include "mlir/Dialect/Tensor/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Tensor/Transforms/SubsetInsertionOpInterfaceImpl.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/Dialect/Vector/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Vector/Transforms/SubsetOpInterfaceImpl.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/CommandLine.h"

using namespace mlir;
using namespace mlir::qnn::compiler;

namespace {
struct PhaseName {
  Phase phase;
  const char *name;
};
constexpr PhaseName kPhases[] = {
    {Phase::Integer, "integer"}, {Phase::Linalg, "linalg"},
    {Phase::Vector, "vector"},   {Phase::Bufferize, "bufferize"},
    {Phase::Loops, "loops"},     {Phase::LLVM, "llvm"},
};
/// The features the kernels and vector shapes are chosen for: the
/// emulated CPU's under --emulate-cpu, else the target's.
const TargetFeatures &kernelTarget(const CodegenOptions &options) {
  return options.emulated ? *options.emulated : options.target;
}
} // namespace

StringRef mlir::qnn::compiler::getPhaseName(Phase phase) {
  for (const PhaseName &p : kPhases)
    if (p.phase == phase)
      return p.name;
  return "";
}

std::optional<Phase> mlir::qnn::compiler::parsePhase(StringRef name) {
  for (const PhaseName &p : kPhases)
    if (name == p.name)
      return p.phase;
  return std::nullopt;
}

std::string mlir::qnn::compiler::listPhaseNames() {
  std::string names;
  for (const PhaseName &p : kPhases)
    names += (names.empty() ? "" : ", ") + std::string(p.name);
  return names;
}

void mlir::qnn::compiler::addPhasePasses(OpPassManager &pm, Phase phase,
                                         const CodegenOptions &options) {
  switch (phase) {
  case Phase::Integer:
    if (options.foldQDQ) {
      pm.addNestedPass<func::FuncOp>(qnn::createQNNPropagateScales());
      pm.addNestedPass<func::FuncOp>(qnn::createQNNFoldRequant());
    }
    pm.addNestedPass<func::FuncOp>(qnn::createQNNLowerToInteger());
    break;
  case Phase::Linalg: {
    qnn::QuantPrepareEntryOptions prepare;
    prepare.entry = options.entry;
    pm.addPass(qnn::createQuantPrepareEntry(prepare));
    pm.addPass(createInlinerPass());
    pm.addPass(createSymbolDCEPass());
    if (options.kernels) {
      const TargetFeatures &kt = kernelTarget(options);
      qnn::QuantXnorKernelsOptions xnor;
      xnor.vectorBits = kt.vectorBits;
      xnor.registers = kt.registers;
      // vpopcntq where it exists; else the nibble tables if pshufb covers
      // a whole vector; else math.ctpop as LLVM expands it.
      xnor.nibbleLookup = !kt.vpopcntdq && kt.byteShuffleBits >= kt.vectorBits;
      xnor.emulate = options.emulated.has_value();
      pm.addNestedPass<func::FuncOp>(qnn::createQuantXnorKernels(xnor));
      qnn::QuantLinearKernelsOptions kernels;
      kernels.vectorBits = kt.vectorBits;
      kernels.registers = kt.registers;
      // vpdpbusd at the kernel's vector width: AVX-512 VNNI, or AVX-VNNI
      // on a 256-bit target.
      kernels.vnni = kt.avx512vnni || (kt.avxvnni && kt.vectorBits == 256);
      kernels.pmaddwd = kt.x86;
      // pmaddubsw where the byte instructions cover a whole vector.
      kernels.maddubs = kt.x86 && kt.byteShuffleBits >= kt.vectorBits;
      kernels.emulate = options.emulated.has_value();
      kernels.weightBlockBytes = options.weightBlockBytes;
      pm.addNestedPass<func::FuncOp>(qnn::createQuantLinearKernels(kernels));
    }
    pm.addPass(qnn::createConvertQNNToLinalg());
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createCSEPass());
    break;
  }
  case Phase::Vector: {
    const TargetFeatures &kt = kernelTarget(options);
    qnn::QuantVectorizePoolingOptions pooling;
    pooling.vectorBits = kt.vectorBits;
    pm.addNestedPass<func::FuncOp>(qnn::createQuantVectorizePooling(pooling));
    qnn::QuantTileAndVectorizeOptions tile;
    tile.vectorBits = kt.vectorBits;
    tile.mTile = kt.registers >= 32 ? 8 : 6;
    tile.vnni = kt.avx512vnni;
    pm.addNestedPass<func::FuncOp>(qnn::createQuantTileAndVectorize(tile));
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createCSEPass());
    break;
  }
  case Phase::Bufferize: {
    bufferization::OneShotBufferizePassOptions bufferize;
    bufferize.bufferizeFunctionBoundaries = true;
    bufferize.functionBoundaryTypeConversion =
        bufferization::LayoutMapOption::IdentityLayoutMap;
    pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createCSEPass());
    // Results become out-parameters; an output computed into its own
    // allocation is computed in the caller's buffer instead (no copy).
    bufferization::BufferResultsToOutParamsPassOptions outParams;
    outParams.hoistStaticAllocs = true;
    outParams.modifyPublicFunctions = true;
    pm.addPass(bufferization::createBufferResultsToOutParamsPass(outParams));
    bufferization::buildBufferDeallocationPipeline(pm);
    qnn::QuantFinalizeEntryOptions finalize;
    finalize.entry = options.entry;
    finalize.symbolName = options.name;
    pm.addPass(qnn::createQuantFinalizeEntry(finalize));
    qnn::QuantPlanMemoryOptions plan;
    plan.symbolName = options.name;
    pm.addPass(qnn::createQuantPlanMemory(plan));
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createCSEPass());
    break;
  }
  case Phase::Loops: {
    // Masks follow the real target (not an emulated one): they are what
    // LLVM must emit for it.
    qnn::QuantSplitNarrowTransfersOptions split;
    split.nativeMaskBits = options.target.maskBits;
    pm.addNestedPass<func::FuncOp>(qnn::createQuantSplitNarrowTransfers(split));
    qnn::QuantLowerVectorsOptions lower;
    lower.fma = options.target.fma;
    lower.expandFloor = !options.target.vectorRound;
    pm.addNestedPass<func::FuncOp>(qnn::createQuantLowerVectors(lower));
    pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
    VectorTransferToSCFOptions toScf;
    toScf.enableFullUnroll(true);
    pm.addNestedPass<func::FuncOp>(createConvertVectorToSCFPass(toScf));
    pm.addPass(memref::createExpandStridedMetadataPass());
    pm.addPass(createLowerAffinePass());
    // No canonicalization from here on: it would fold the per-row
    // vector.insert chains of the register tiles into element-wise
    // vector.from_elements, which LLVM does not turn back into vectors.
    pm.addPass(createCSEPass());
    break;
  }
  case Phase::LLVM: {
    pm.addPass(createSCFToControlFlowPass());
    pm.addPass(createConvertVectorToLLVMPass());
    pm.addPass(createConvertMathToLLVMPass());
    pm.addPass(createFinalizeMemRefToLLVMConversionPass());
    pm.addPass(createArithToLLVMConversionPass());
    pm.addPass(createConvertIndexToLLVMPass());
    pm.addPass(createConvertControlFlowToLLVMPass());
    pm.addPass(createUBToLLVMConversionPass());
    ConvertFuncToLLVMPassOptions funcToLLVM;
    funcToLLVM.useBarePtrCallConv = true;
    pm.addPass(createConvertFuncToLLVMPass(funcToLLVM));
    pm.addPass(createReconcileUnrealizedCastsPass());
    break;
  }
  }
}

LogicalResult mlir::qnn::compiler::runPipeline(ModuleOp module,
                                               const CodegenOptions &options,
                                               Phase last) {
  PassManager pm(module.getContext());
  // Honors --mlir-print-ir-after-all, --mlir-timing, ... when the tool
  // registered the pass manager options. applyPassManagerCLOptions fails,
  // without a diagnostic, when nobody did: library users (JITModel, the
  // fuzz targets) have none to apply.
  if (llvm::cl::getRegisteredOptions().count("mlir-print-ir-after-all") &&
      failed(applyPassManagerCLOptions(pm)))
    return failure();
  for (const PhaseName &p : kPhases) {
    addPhasePasses(pm, p.phase, options);
    if (p.phase == last)
      break;
  }
  return pm.run(module);
}

void mlir::qnn::compiler::registerCodegenDialects(DialectRegistry &registry) {
  registry.insert<qnn::QNNDialect, quant::QuantDialect>();
  registry.insert<affine::AffineDialect, arith::ArithDialect,
                  bufferization::BufferizationDialect, cf::ControlFlowDialect,
                  func::FuncDialect, index::IndexDialect, linalg::LinalgDialect,
                  LLVM::LLVMDialect, math::MathDialect, memref::MemRefDialect,
                  scf::SCFDialect, tensor::TensorDialect, ub::UBDialect,
                  vector::VectorDialect>();
  arith::registerBufferizableOpInterfaceExternalModels(registry);
  bufferization::func_ext::registerBufferizableOpInterfaceExternalModels(
      registry);
  linalg::registerBufferizableOpInterfaceExternalModels(registry);
  memref::registerAllocationOpInterfaceExternalModels(registry);
  memref::registerBufferViewFlowOpInterfaceExternalModels(registry);
  linalg::registerTilingInterfaceExternalModels(registry);
  scf::registerBufferizableOpInterfaceExternalModels(registry);
  tensor::registerBufferizableOpInterfaceExternalModels(registry);
  tensor::registerInferTypeOpInterfaceExternalModels(registry);
  tensor::registerTilingInterfaceExternalModels(registry);
  tensor::registerSubsetOpInterfaceExternalModels(registry);
  vector::registerBufferizableOpInterfaceExternalModels(registry);
  vector::registerSubsetOpInterfaceExternalModels(registry);
  compiler::registerKernelInterfaces(registry);
  registerTranslations(registry);
}

void mlir::qnn::compiler::registerCodegenPasses() {
  qnn::registerQuantCodegenPasses();
}
