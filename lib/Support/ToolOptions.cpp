//===- ToolOptions.cpp - keep a tool's --help to its own options ---------===//
//
// An option belongs to the tool when its cl::Option object lives in the
// executable (the tool's sources and the static quant-mlir libraries it
// links), found with dladdr; options in libLLVM.so / libMLIR.so are hidden.
// --help, --help-hidden and --version stay visible.
//
//===----------------------------------------------------------------------===//

#include "quant/Support/ToolOptions.h"

#include "llvm/Support/CommandLine.h"

#include <dlfcn.h>

namespace cl = llvm::cl;

/// The load address of the object that contains `address`, or null.
static const void *getObjectBase(const void *address) {
  Dl_info info;
  if (!dladdr(address, &info))
    return nullptr;
  return info.dli_fbase;
}

void mlir::qnn::hideLibraryOptions() {
  const void *self =
      getObjectBase(reinterpret_cast<const void *>(&hideLibraryOptions));
  if (!self)
    return;
  for (auto &entry : cl::getRegisteredOptions()) {
    cl::Option *option = entry.second;
    llvm::StringRef name = entry.first;
    if (name.starts_with("help") || name == "version")
      continue;
    if (getObjectBase(option) != self)
      option->setHiddenFlag(cl::Hidden);
  }
}
