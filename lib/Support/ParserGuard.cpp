//===- ParserGuard.cpp - inputs known to crash the MLIR parser -----------===//
//
// See ParserGuard.h. The scan is a small lexer: it skips `//` comments and
// string literals, and matches the keyword `array` followed by `<` and the
// type `index` (with any whitespace between them) at identifier
// boundaries.
//
//===----------------------------------------------------------------------===//

#include "quant/Support/ParserGuard.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

using namespace llvm;

/// Characters that continue an MLIR identifier or keyword (and the sigils
/// that make `%array` or `@array` a name, not the keyword).
static bool isIdentifierChar(char c) {
  return isAlnum(c) || c == '_' || c == '$' || c == '.' || c == '%' ||
         c == '@' || c == '#' || c == '!' || c == '^';
}

/// The position after `keyword` at `pos` if it is there as a whole word,
/// else npos.
static size_t matchWord(StringRef text, size_t pos, StringRef keyword) {
  if (!text.substr(pos).starts_with(keyword))
    return StringRef::npos;
  size_t end = pos + keyword.size();
  if (end < text.size() && isIdentifierChar(text[end]))
    return StringRef::npos;
  return end;
}

static size_t skipSpace(StringRef text, size_t pos) {
  while (pos < text.size() && isSpace(text[pos]))
    ++pos;
  return pos;
}

std::optional<size_t> mlir::qnn::findParserCrasher(StringRef text) {
  for (size_t i = 0, e = text.size(); i < e; ++i) {
    char c = text[i];
    if (c == '/' && i + 1 < e && text[i + 1] == '/') {
      i = text.find('\n', i);
      if (i == StringRef::npos)
        return std::nullopt;
      continue;
    }
    if (c == '"') {
      for (++i; i < e && text[i] != '"' && text[i] != '\n'; ++i)
        if (text[i] == '\\')
          ++i;
      continue;
    }
    if (c != 'a' || (i > 0 && isIdentifierChar(text[i - 1])))
      continue;
    size_t pos = matchWord(text, i, "array");
    if (pos == StringRef::npos)
      continue;
    pos = skipSpace(text, pos);
    if (pos >= e || text[pos] != '<')
      continue;
    if (matchWord(text, skipSpace(text, pos + 1), "index") != StringRef::npos)
      return i;
  }
  return std::nullopt;
}

bool mlir::qnn::reportParserCrasher(MemoryBufferRef buffer, raw_ostream &os) {
  StringRef text = buffer.getBuffer();
  if (text.starts_with("ML\xefR")) // Bytecode.
    return false;
  std::optional<size_t> offset = findParserCrasher(text);
  if (!offset)
    return false;
  SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(MemoryBuffer::getMemBuffer(buffer, false),
                               SMLoc());
  sourceMgr.PrintMessage(
      os, SMLoc::getFromPointer(text.data() + *offset), SourceMgr::DK_Error,
      "dense arrays of index elements (array<index: ...>) are not supported: "
      "they crash the MLIR 22 parser; use i64 elements");
  return true;
}
