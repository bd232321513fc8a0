//===- ToolOptions.h - keep a tool's --help to its own options -*- C++ -*-===//
//
// Our tools link the shared libLLVM and libMLIR, which register hundreds of
// command-line options (every backend's tuning flags) into the same
// registry, so `--help` would list them all. hideLibraryOptions() marks
// every option defined outside the tool's own executable as hidden: they
// still work and `--help-hidden` lists them.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_SUPPORT_TOOLOPTIONS_H
#define QUANT_SUPPORT_TOOLOPTIONS_H

namespace mlir::qnn {

/// Hides the options registered by shared libraries (call before parsing).
void hideLibraryOptions();

} // namespace mlir::qnn

#endif // QUANT_SUPPORT_TOOLOPTIONS_H
