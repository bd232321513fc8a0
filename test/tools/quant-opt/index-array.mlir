// A dense array of index elements crashes the MLIR 22 parser
// (llvm-project issue #179045): quant-opt, quant-compile and quant-run
// reject it before parsing, with the position, exit code 1 and no output.
// Comments and string literals that mention it are not rejected.
// RUN: not quant-opt %s -o %t.out 2>&1 | FileCheck %s
// RUN: not test -e %t.out
// RUN: not quant-opt < %s 2>&1 | FileCheck %s --check-prefix=STDIN
// RUN: not quant-compile %s -o %t.o 2>&1 | FileCheck %s
// RUN: not test -e %t.o
// RUN: not quant-run %s --random-inputs 2>&1 | FileCheck %s
// RUN: echo 'func.func @g() attributes {s = "array<index: 2>"} { return } // array<index: 3>' | quant-opt | FileCheck %s --check-prefix=STRING

// CHECK: index-array.mlir:[[@LINE+5]]:32: error: dense arrays of index elements (array<index: ...>) are not supported: they crash the MLIR 22 parser; use i64 elements
// CHECK-NEXT: func.func @f() attributes {a = array<index: 2, 3>} {
// CHECK-NEXT: {{^ +\^$}}
// STDIN: <stdin>:[[@LINE+2]]:32: error: dense arrays of index elements
// STRING: s = "array<index: 2>"
func.func @f() attributes {a = array<index: 2, 3>} {
  return
}
