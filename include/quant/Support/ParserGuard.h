//===- ParserGuard.h - inputs known to crash the MLIR parser ----*- C++ -*-===//
//
// The MLIR 22 parser crashes (instead of reporting an error) on a few
// inputs. Our tools scan MLIR text for them before parsing and reject them
// with a diagnostic:
//   * a dense array of index elements, `array<index: 2, 3>`: the parser
//     asks the index type for its bit width (llvm-project issue #179045,
//     fixed upstream by PR #179075 after the 22 release).
// Bytecode is not scanned.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_SUPPORT_PARSERGUARD_H
#define QUANT_SUPPORT_PARSERGUARD_H

#include "llvm/Support/MemoryBufferRef.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>

namespace mlir::qnn {

/// The offset in MLIR text `text` of the first construct that crashes the
/// MLIR parser (outside comments and string literals), or nullopt.
std::optional<size_t> findParserCrasher(llvm::StringRef text);

/// If `buffer` is MLIR text holding a construct that crashes the MLIR
/// parser, prints "<file>:<line>:<col>: error: ..." with the source line to
/// `os` and returns true.
bool reportParserCrasher(llvm::MemoryBufferRef buffer, llvm::raw_ostream &os);

} // namespace mlir::qnn

#endif // QUANT_SUPPORT_PARSERGUARD_H
