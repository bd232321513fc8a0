//===- TargetMachine.cpp - target machines and native code emission -----===//
//
// See TargetMachine.h. Feature checks use the MCSubtargetInfo of the requested
// CPU without the user's features, so `--mcpu=x86-64 --mattr=+avx512f` is an
// error instead of code that traps with an illegal instruction.
//
//===----------------------------------------------------------------------===//

#include "quant/Compiler/TargetMachine.h"

#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

#include <mutex>

using namespace mlir;
using namespace mlir::qnn::compiler;

void mlir::qnn::compiler::initializeLLVMTargets() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeAllTargetInfos();
    llvm::InitializeAllTargets();
    llvm::InitializeAllTargetMCs();
    llvm::InitializeAllAsmPrinters();
  });
}

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
mlir::qnn::compiler::createTargetMachine(const TargetOptions &options) {
  initializeLLVMTargets();
  std::string hostTriple = llvm::sys::getProcessTriple();
  llvm::Triple triple(options.triple.empty()
                          ? hostTriple
                          : llvm::Triple::normalize(options.triple));
  std::string error;
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return makeError("unknown target triple '" + triple.str() + "': " + error);

  // The host CPU (as -march=native): its name and the features this host
  // really has (a virtual machine may hide some of the CPU model's).
  std::string cpu = options.cpu;
  std::string hostFeatures;
  bool native = triple.getArch() == llvm::Triple(hostTriple).getArch();
  if (cpu.empty() || cpu == "native" || cpu == "host") {
    cpu = native ? llvm::sys::getHostCPUName().str() : "generic";
    if (native)
      for (const auto &f : llvm::sys::getHostCPUFeatures())
        hostFeatures += (hostFeatures.empty() ? "" : ",") +
                        std::string(f.second ? "+" : "-") + f.first().str();
  }

  // The CPU alone, to check what --mattr forces on top of it.
  std::unique_ptr<llvm::MCSubtargetInfo> base(
      target->createMCSubtargetInfo(triple, cpu, ""));
  if (!base || !base->isCPUStringValid(cpu))
    return makeError("unknown CPU '" + cpu + "' for target '" + triple.str() +
                     "'");
  SmallVector<StringRef> features;
  StringRef(options.features).split(features, ',', -1, false);
  for (StringRef f : features) {
    f = f.trim();
    if (f.empty())
      continue;
    if (f[0] != '+' && f[0] != '-')
      return makeError("feature '" + f + "' must start with '+' or '-'");
    StringRef name = f.drop_front();
    bool known = llvm::any_of(
        base->getAllProcessorFeatures(),
        [&](const llvm::SubtargetFeatureKV &kv) { return name == kv.Key; });
    if (!known)
      return makeError("unknown feature '" + name + "' for target '" +
                       triple.str() + "'");
    if (f[0] == '+' && !base->checkFeatures(("+" + name).str()))
      return makeError("CPU '" + cpu + "' does not have feature '" + name +
                       "' (forced by --mattr=" + f +
                       "); pick a --mcpu that has it");
  }

  llvm::TargetOptions targetOptions;
  llvm::CodeGenOptLevel level = llvm::CodeGenOptLevel::Default;
  switch (options.optLevel) {
  case 0:
    level = llvm::CodeGenOptLevel::None;
    break;
  case 1:
    level = llvm::CodeGenOptLevel::Less;
    break;
  case 2:
    level = llvm::CodeGenOptLevel::Default;
    break;
  default:
    level = llvm::CodeGenOptLevel::Aggressive;
    break;
  }
  std::string featureString = hostFeatures;
  if (!options.features.empty())
    featureString += (featureString.empty() ? "" : ",") + options.features;
  std::unique_ptr<llvm::TargetMachine> tm(
      target->createTargetMachine(triple, cpu, featureString, targetOptions,
                                  llvm::Reloc::PIC_, std::nullopt, level));
  if (!tm)
    return makeError("cannot create a target machine for '" + triple.str() +
                     "'");
  return tm;
}

llvm::Error
mlir::qnn::compiler::checkHostCanRun(const llvm::TargetMachine &tm) {
  llvm::Triple host(llvm::sys::getProcessTriple());
  if (tm.getTargetTriple().getArch() != host.getArch())
    return makeError("cannot run code for '" + tm.getTargetTriple().str() +
                     "' on this '" + host.str() + "' host");
  llvm::StringMap<bool> hostFeatures = llvm::sys::getHostCPUFeatures();
  const llvm::MCSubtargetInfo *sti = tm.getMCSubtargetInfo();
  // Instruction-set extensions the generated code may use; system features
  // (invpcid, ...) do not matter to user code and VMs often hide them.
  static const char *const kPrefixes[] = {
      "sse",   "ssse",  "avx",  "fma",     "f16c",    "bmi",    "popcnt",
      "lzcnt", "movbe", "gfni", "vaes",    "vpclmul", "pclmul", "aes",
      "sha",   "adx",   "xop",  "amx",     "neon",    "sve",    "dotprod",
      "i8mm",  "bf16",  "fp16", "fullfp16"};
  for (const llvm::SubtargetFeatureKV &kv : sti->getAllProcessorFeatures()) {
    StringRef key(kv.Key);
    if (!llvm::any_of(kPrefixes,
                      [&](const char *p) { return key.starts_with(p); }))
      continue;
    auto it = hostFeatures.find(kv.Key);
    if (it == hostFeatures.end() || it->second)
      continue;
    if (sti->checkFeatures(std::string("+") + kv.Key))
      return makeError("target feature '" + StringRef(kv.Key) + "' (CPU '" +
                       tm.getTargetCPU() +
                       "') is not available on this host (" +
                       llvm::sys::getHostCPUName() + ")");
  }
  return llvm::Error::success();
}

TargetFeatures
mlir::qnn::compiler::getTargetFeatures(const llvm::TargetMachine &tm) {
  TargetFeatures f;
  const llvm::MCSubtargetInfo *sti = tm.getMCSubtargetInfo();
  const llvm::Triple &triple = tm.getTargetTriple();
  if (triple.isX86()) {
    if (sti->checkFeatures("+avx512f")) {
      f.vectorBits = 512;
      f.registers = 32;
    } else if (sti->checkFeatures("+avx")) {
      f.vectorBits = 256;
    }
    f.fma = sti->checkFeatures("+fma");
    f.vectorRound = sti->checkFeatures("+sse4.1");
    f.avx512vnni = sti->checkFeatures("+avx512vnni,+avx512bw");
    f.avxvnni = sti->checkFeatures("+avxvnni");
    f.maskBits = sti->checkFeatures("+avx512bw") ? 8
                 : sti->checkFeatures("+avx")    ? 32
                                                 : 0;
    f.x86 = true;
    f.vpopcntdq = f.vectorBits == 512 && sti->checkFeatures("+avx512vpopcntdq");
    f.byteShuffleBits = sti->checkFeatures("+avx512bw") ? 512
                        : sti->checkFeatures("+avx2")   ? 256
                        : sti->checkFeatures("+ssse3")  ? 128
                                                        : 0;
  } else if (triple.isAArch64()) {
    f.registers = 32;
    f.fma = true;
    f.vectorRound = true;
  }
  return f;
}

void mlir::qnn::compiler::registerTranslations(DialectRegistry &registry) {
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
}

llvm::Expected<std::unique_ptr<llvm::Module>>
mlir::qnn::compiler::translateAndOptimize(ModuleOp module,
                                          llvm::LLVMContext &context,
                                          llvm::TargetMachine &tm,
                                          unsigned optLevel) {
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(module, context);
  if (!llvmModule)
    return makeError("translation to LLVM IR failed");
  llvmModule->setTargetTriple(tm.getTargetTriple());
  llvmModule->setDataLayout(tm.createDataLayout());
  auto optimize = makeOptimizingTransformer(optLevel, /*sizeLevel=*/0, &tm);
  if (llvm::Error err = optimize(llvmModule.get()))
    return std::move(err);
  return llvmModule;
}

llvm::Error mlir::qnn::compiler::emitNativeCode(llvm::Module &llvmModule,
                                                llvm::TargetMachine &tm,
                                                llvm::raw_pwrite_stream &os,
                                                llvm::CodeGenFileType type) {
  llvm::legacy::PassManager pm;
  if (tm.addPassesToEmitFile(pm, os, nullptr, type))
    return makeError("the target cannot emit this file type");
  pm.run(llvmModule);
  return llvm::Error::success();
}
