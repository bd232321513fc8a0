// -quant-finalize-entry after bufferization and buffer-results-to-out-
// params: the entry becomes the public `<name>_run` returning an i32
// status 0 (so the bare-pointer convention gives `int <name>_run(const T
// *in..., T *out...)`); an argument without elements and rank > 1 becomes
// memref<0xT> in the signature and its uses read a zero-byte alloca of the
// original type. Entries with results, non-static or non-identity memref
// arguments, a taken `<name>_run` symbol, or no body are rejected. The
// second RUN line picks the entry and the symbol prefix; the cases it
// rejects print nothing.
// RUN: quant-opt %s -split-input-file -verify-diagnostics -quant-finalize-entry | FileCheck %s
// RUN: not quant-opt %s -split-input-file -quant-finalize-entry="entry=other name=net" 2>/dev/null | FileCheck %s --check-prefix=NET

// CHECK-LABEL: func.func @model_run(
// CHECK-SAME: %[[X:[^:]*]]: memref<2x3xf32>, %[[E:[^:]*]]: memref<0xf32>, %[[Z:[^:]*]]: memref<0xi8>, %[[OUT:[^:]*]]: memref<2x3xf32>) -> i32
// CHECK: %[[LOCAL:.*]] = memref.alloca() : memref<3x4x0xf32>
// CHECK-NOT: memref.alloca
// CHECK: memref.copy %[[X]], %[[OUT]]
// CHECK: memref.dim %[[LOCAL]], %{{.*}} : memref<3x4x0xf32>
// CHECK: memref.load %[[Z]][%{{.*}}] : memref<0xi8>
// CHECK: %[[OK:.*]] = arith.constant 0 : i32
// CHECK: return %[[OK]] : i32
// CHECK: func.func @other(
// CHECK-NOT: @main
// NET-LABEL: func.func private @main(
// NET-SAME: %{{.*}}: memref<3x4x0xf32>, %{{.*}}: memref<0xi8>, %{{.*}}: memref<2x3xf32>) {
// NET-NOT: memref.alloca
// NET: func.func @net_run(%{{.*}}: memref<4xf32>) -> i32
// NET: return %{{.*}} : i32
module {
  func.func private @main(%x: memref<2x3xf32>, %e: memref<3x4x0xf32>, %z: memref<0xi8>, %out: memref<2x3xf32>) {
    memref.copy %x, %out : memref<2x3xf32> to memref<2x3xf32>
    %c0 = arith.constant 0 : index
    %d = memref.dim %e, %c0 : memref<3x4x0xf32>
    %v = memref.load %z[%c0] : memref<0xi8>
    return
  }
  func.func @other(%x: memref<4xf32>) {
    return
  }
}

// -----

module {
  // expected-error @+1 {{quant-finalize-entry: results must have become out-parameters (buffer-results-to-out-params)}}
  func.func @main(%x: memref<4xf32>) -> memref<4xf32> {
    return %x : memref<4xf32>
  }
}

// -----

module {
  // expected-error @+1 {{quant-finalize-entry: argument type 'memref<4x4xf32, strided<[8, 1]>>' is not a static identity-layout memref}}
  func.func @main(%x: memref<4x4xf32, strided<[8, 1]>>) {
    return
  }
}

// -----

module {
  // expected-error @+1 {{quant-finalize-entry: argument type 'memref<?xf32>' is not a static identity-layout memref}}
  func.func @main(%x: memref<?xf32>) {
    return
  }
}

// -----

module {
  // expected-error @+1 {{quant-finalize-entry: argument type 'tensor<4xf32>' is not a static identity-layout memref}}
  func.func @main(%x: tensor<4xf32>) {
    return
  }
}

// -----

// expected-error @+1 {{quant-finalize-entry: symbol 'model_run' already exists}}
module {
  func.func @main(%x: memref<4xf32>) {
    return
  }
  func.func private @model_run()
}

// -----

// expected-error @+1 {{quant-finalize-entry: no function '@main' with a body to compile (see --entry)}}
module {
  func.func @model(%x: memref<4xf32>) {
    return
  }
}
