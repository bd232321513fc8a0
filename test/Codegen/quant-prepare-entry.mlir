// -quant-prepare-entry before bufferization: the entry function's
// arguments become `bufferization.writable = false` (the generated code
// never writes the caller's inputs), every other function with a body
// becomes private, and an entry that is missing, returns nothing or has a
// non-static-tensor signature is rejected. The second RUN line picks
// another entry with `entry=`; the cases it rejects print nothing.
// RUN: quant-opt %s -split-input-file -verify-diagnostics -quant-prepare-entry | FileCheck %s
// RUN: not quant-opt %s -split-input-file -quant-prepare-entry=entry=other 2>/dev/null | FileCheck %s --check-prefix=OTHER

// CHECK-LABEL: func.func @main(
// CHECK-SAME: %{{.*}}: tensor<2x3xf32> {bufferization.writable = false}, %{{.*}}: tensor<3xi8> {bufferization.writable = false}) -> tensor<2x3xf32>
// CHECK: call @helper
// CHECK: func.func private @other(
// CHECK-NOT: writable
// CHECK: func.func private @helper(
// CHECK: func.func private @decl(tensor<4xf32>) -> tensor<4xf32>
// OTHER-LABEL: func.func private @main(
// OTHER-NOT: writable
// OTHER: func.func @other(%{{.*}}: tensor<4xf32> {bufferization.writable = false}) -> (tensor<4xf32>, tensor<4xf32>)
// OTHER: func.func private @helper(
// OTHER-NOT: writable
// OTHER: func.func private @decl(
module {
  func.func @main(%x: tensor<2x3xf32>, %y: tensor<3xi8>) -> tensor<2x3xf32> {
    %r = call @helper(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
    return %r : tensor<2x3xf32>
  }
  func.func @other(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
    return %x, %x : tensor<4xf32>, tensor<4xf32>
  }
  func.func @helper(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
    return %x : tensor<2x3xf32>
  }
  func.func private @decl(tensor<4xf32>) -> tensor<4xf32>
}

// -----

// A zero-size tensor is still a static shape.
// CHECK-LABEL: func.func @main(
// CHECK-SAME: %{{.*}}: tensor<3x0xf32> {bufferization.writable = false}) -> tensor<0xi8>
module {
  func.func @main(%x: tensor<3x0xf32>) -> tensor<0xi8> {
    %e = tensor.empty() : tensor<0xi8>
    return %e : tensor<0xi8>
  }
}

// -----

module {
  // expected-error @+1 {{quant-prepare-entry: arguments and results of '@main' must be statically shaped tensors, got 'tensor<?x3xf32>'}}
  func.func @main(%x: tensor<?x3xf32>) -> tensor<?x3xf32> {
    return %x : tensor<?x3xf32>
  }
}

// -----

module {
  // expected-error @+1 {{quant-prepare-entry: arguments and results of '@main' must be statically shaped tensors, got 'memref<3xf32>'}}
  func.func @main(%x: memref<3xf32>) -> tensor<3xf32> {
    %t = arith.constant dense<1.0> : tensor<3xf32>
    return %t : tensor<3xf32>
  }
}

// -----

module {
  // expected-error @+1 {{quant-prepare-entry: arguments and results of '@main' must be statically shaped tensors, got 'i32'}}
  func.func @main(%x: tensor<3xf32>) -> i32 {
    %c = arith.constant 0 : i32
    return %c : i32
  }
}

// -----

module {
  // expected-error @+1 {{quant-prepare-entry: '@main' returns nothing}}
  func.func @main(%x: tensor<3xf32>) {
    return
  }
}

// -----

// A declaration is not a function to compile.
// expected-error @+1 {{quant-prepare-entry: no function '@main' with a body to compile (see --entry)}}
module {
  func.func private @main(tensor<3xf32>) -> tensor<3xf32>
}

// -----

// A private entry with a body is compiled: it becomes public (symbol-dce
// would otherwise drop it).
// CHECK-LABEL: func.func @main(
// CHECK-SAME: bufferization.writable = false
module {
  func.func private @main(%x: tensor<3xf32>) -> tensor<3xf32> {
    return %x : tensor<3xf32>
  }
}

// -----

// A value returned twice: the second result is a copy (its own buffer).
// CHECK-LABEL: func.func @main(
// CHECK: %[[V:.*]] = arith.addf
// CHECK: %[[C:.*]] = bufferization.alloc_tensor() copy(%[[V]]) : tensor<3xf32>
// CHECK: return %[[V]], %[[C]], %{{.*}} : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
module {
  func.func @main(%x: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) {
    %0 = arith.addf %x, %x : tensor<3xf32>
    return %0, %0, %x : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  }
}
