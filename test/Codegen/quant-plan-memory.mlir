// -quant-plan-memory after quant-finalize-entry: the static byte-sized
// memref.alloc ops in the top-level block of `<name>_run` become
// memref.view ops into one workspace argument, at first-fit offsets
// (largest first, 64-byte aligned) over live ranges from a buffer's first
// to its last top-level use (through views), so buffers that are never
// live together share bytes; their deallocs disappear. The function is
// renamed `<name>_run_with_workspace`; a new `<name>_run` with the old
// signature allocates the workspace (64-byte aligned; a 1-byte alloca if
// nothing was placed), calls it and frees it; the module records
// quant.workspace_size. The second RUN line sets the symbol prefix; the
// cases it rejects print nothing.
// RUN: quant-opt %s -split-input-file -verify-diagnostics -quant-plan-memory | FileCheck %s
// RUN: not quant-opt %s -split-input-file -quant-plan-memory=name=net 2>/dev/null | FileCheck %s --check-prefix=NET

// All three buffers are allocated first (as buffer-results-to-out-params
// hoists them); %a (256 bytes) is used by ops 1-3 (through a subview), %b
// (128 bytes) by ops 3-5, %c (256 bytes) by ops 4-6. %a and %c are never
// live together: both at 0; %b after %a: 384 bytes instead of 640.
// CHECK: module attributes {quant.workspace_size = 384 : i64}
// CHECK-LABEL: func.func @model_run_with_workspace(
// CHECK-SAME: %[[IN:[^:]*]]: memref<64xf32>, %[[OUT:[^:]*]]: memref<64xf32>, %[[WS:[^:]*]]: memref<384xi8>) -> i32
// CHECK-NOT: memref.alloc
// CHECK: %[[O0:.*]] = arith.constant 0 : index
// CHECK: %[[A:.*]] = memref.view %[[WS]][%[[O0]]][] : memref<384xi8> to memref<64xf32>
// CHECK: %[[O256:.*]] = arith.constant 256 : index
// CHECK: %[[B:.*]] = memref.view %[[WS]][%[[O256]]][] : memref<384xi8> to memref<32xf32>
// CHECK: %[[O0B:.*]] = arith.constant 0 : index
// CHECK: %[[C:.*]] = memref.view %[[WS]][%[[O0B]]][] : memref<384xi8> to memref<64xf32>
// CHECK-NOT: memref.alloc
// CHECK: memref.copy %[[IN]], %[[A]]
// CHECK: memref.subview %[[A]]
// CHECK: memref.copy %{{.*}}, %[[B]]
// CHECK: memref.subview %[[C]]
// CHECK: memref.copy %[[B]], %{{.*}}
// CHECK: memref.copy %[[C]], %[[OUT]]
// CHECK-NOT: memref.dealloc
// CHECK: return
// CHECK-LABEL: func.func @model_run(
// CHECK-SAME: %[[IN2:[^:]*]]: memref<64xf32>, %[[OUT2:[^:]*]]: memref<64xf32>) -> i32
// CHECK: %[[BUF:.*]] = memref.alloc() {alignment = 64 : i64} : memref<384xi8>
// CHECK: %[[S:.*]] = call @model_run_with_workspace(%[[IN2]], %[[OUT2]], %[[BUF]]) : (memref<64xf32>, memref<64xf32>, memref<384xi8>) -> i32
// CHECK: memref.dealloc %[[BUF]] : memref<384xi8>
// CHECK: return %[[S]] : i32
// CHECK: func.func @net_run(
// CHECK: memref.alloc() : memref<16xf32>
// With name=net only @net_run is planned: nothing to place but its
// allocation in a nested region, so the wrapper uses a 1-byte alloca.
// NET: module attributes {quant.workspace_size = 0 : i64}
// NET-LABEL: func.func @model_run(
// NET: memref.alloc() : memref<64xf32>
// NET: func.func @net_run_with_workspace(%{{.*}}: i1, %{{.*}}: memref<1xi8>) -> i32
// NET: scf.if
// NET: memref.alloc() : memref<16xf32>
// NET-LABEL: func.func @net_run(
// NET: %[[WS:.*]] = memref.alloca() : memref<1xi8>
// NET: call @net_run_with_workspace(%{{.*}}, %[[WS]])
// NET-NOT: memref.dealloc
// NET: return
module {
  func.func @model_run(%in: memref<64xf32>, %out: memref<64xf32>) -> i32 {
    %a = memref.alloc() : memref<64xf32>
    %b = memref.alloc() : memref<32xf32>
    %c = memref.alloc() : memref<64xf32>
    memref.copy %in, %a : memref<64xf32> to memref<64xf32>
    %sa = memref.subview %a[0] [32] [1] : memref<64xf32> to memref<32xf32, strided<[1]>>
    memref.copy %sa, %b : memref<32xf32, strided<[1]>> to memref<32xf32>
    %sc = memref.subview %c[0] [32] [1] : memref<64xf32> to memref<32xf32, strided<[1]>>
    memref.copy %b, %sc : memref<32xf32> to memref<32xf32, strided<[1]>>
    memref.copy %c, %out : memref<64xf32> to memref<64xf32>
    memref.dealloc %a : memref<64xf32>
    memref.dealloc %b : memref<32xf32>
    memref.dealloc %c : memref<64xf32>
    %z = arith.constant 0 : i32
    return %z : i32
  }
  func.func @net_run(%p: i1) -> i32 {
    scf.if %p {
      %t = memref.alloc() : memref<16xf32>
      memref.dealloc %t : memref<16xf32>
    }
    %z = arith.constant 0 : i32
    return %z : i32
  }
}

// -----

// Live at the same time: the 8-byte %y at 0, the 3-byte %x at the next
// 64-byte boundary. Left in place: a dynamic allocation, an i1 buffer
// (not byte-sized), an alloca, an allocation inside a region.
// CHECK: module attributes {quant.workspace_size = 67 : i64}
// CHECK-LABEL: func.func @model_run_with_workspace(
// CHECK-SAME: %[[N:[^:]*]]: index, %[[WS:[^:]*]]: memref<67xi8>) -> i32
// CHECK: %[[O64:.*]] = arith.constant 64 : index
// CHECK: %[[X:.*]] = memref.view %[[WS]][%[[O64]]][] : memref<67xi8> to memref<3xi8>
// CHECK: %[[O0:.*]] = arith.constant 0 : index
// CHECK: %[[Y:.*]] = memref.view %[[WS]][%[[O0]]][] : memref<67xi8> to memref<2xf32>
// CHECK: memref.alloc(%[[N]]) : memref<?xf32>
// CHECK: memref.alloc() : memref<8xi1>
// CHECK: memref.alloca() : memref<4xf32>
// CHECK: scf.execute_region
// CHECK: memref.alloc() : memref<4xf32>
// CHECK: memref.dealloc %{{.*}} : memref<4xf32>
// CHECK: memref.load %[[X]]
// CHECK-LABEL: func.func @model_run(
// CHECK: memref.alloc() {alignment = 64 : i64} : memref<67xi8>
module {
  func.func @model_run(%in: memref<3xi8>, %out: memref<2xf32>, %n: index) -> i32 {
    %c0 = arith.constant 0 : index
    %x = memref.alloc() : memref<3xi8>
    %y = memref.alloc() : memref<2xf32>
    %d = memref.alloc(%n) : memref<?xf32>
    %bits = memref.alloc() : memref<8xi1>
    %s = memref.alloca() : memref<4xf32>
    memref.copy %in, %x : memref<3xi8> to memref<3xi8>
    %v = memref.load %x[%c0] : memref<3xi8>
    %f = arith.sitofp %v : i8 to f32
    memref.store %f, %y[%c0] : memref<2xf32>
    memref.store %f, %d[%c0] : memref<?xf32>
    memref.store %f, %s[%c0] : memref<4xf32>
    %t = arith.constant true
    memref.store %t, %bits[%c0] : memref<8xi1>
    scf.execute_region {
      %inner = memref.alloc() : memref<4xf32>
      memref.store %f, %inner[%c0] : memref<4xf32>
      memref.dealloc %inner : memref<4xf32>
      scf.yield
    }
    %w = memref.load %x[%c0] : memref<3xi8>
    memref.copy %y, %out : memref<2xf32> to memref<2xf32>
    %z = arith.constant 0 : i32
    return %z : i32
  }
}

// -----

// Views are followed: %a's last use is through a cast of a cast, after
// %b is written, so %b does not take %a's bytes (0, 64). A buffer passed
// to an op that may alias it (arith.select of memrefs, not a view) stays
// live to the end of the function: %e (at 0, free again) overlaps %f,
// which goes to 64 although %e's last direct use is before %f's first.
// CHECK: module attributes {quant.workspace_size = 128 : i64}
// CHECK-LABEL: func.func @model_run_with_workspace(
// CHECK: %[[OA:.*]] = arith.constant 0 : index
// CHECK: memref.view %{{.*}}[%[[OA]]][] : memref<128xi8> to memref<16xf32>
// CHECK: %[[OB:.*]] = arith.constant 64 : index
// CHECK: memref.view %{{.*}}[%[[OB]]][] : memref<128xi8> to memref<16xf32>
// CHECK: %[[OE:.*]] = arith.constant 0 : index
// CHECK: memref.view %{{.*}}[%[[OE]]][] : memref<128xi8> to memref<16xf32>
// CHECK: %[[OF:.*]] = arith.constant 64 : index
// CHECK: memref.view %{{.*}}[%[[OF]]][] : memref<128xi8> to memref<16xf32>
module {
  func.func @model_run(%in: memref<16xf32>, %out: memref<16xf32>, %p: i1) -> i32 {
    %a = memref.alloc() : memref<16xf32>
    %b = memref.alloc() : memref<16xf32>
    %e = memref.alloc() : memref<16xf32>
    %f = memref.alloc() : memref<16xf32>
    memref.copy %in, %a : memref<16xf32> to memref<16xf32>
    %cast = memref.cast %a : memref<16xf32> to memref<?xf32>
    memref.copy %in, %b : memref<16xf32> to memref<16xf32>
    memref.copy %b, %out : memref<16xf32> to memref<16xf32>
    %c = memref.cast %cast : memref<?xf32> to memref<16xf32>
    memref.copy %c, %out : memref<16xf32> to memref<16xf32>
    memref.copy %in, %e : memref<16xf32> to memref<16xf32>
    %sel = arith.select %p, %e, %in : memref<16xf32>
    memref.copy %in, %f : memref<16xf32> to memref<16xf32>
    memref.copy %f, %out : memref<16xf32> to memref<16xf32>
    memref.copy %sel, %out : memref<16xf32> to memref<16xf32>
    %z = arith.constant 0 : i32
    return %z : i32
  }
}

// -----

// expected-error @+1 {{quant-plan-memory: no function '@model_run' (run quant-finalize-entry first)}}
module {
  func.func @main(%a: memref<4xf32>) {
    return
  }
}

// -----

// expected-error @+1 {{quant-plan-memory: symbol 'model_run_with_workspace' already exists}}
module {
  func.func @model_run(%a: memref<4xf32>) -> i32 {
    %z = arith.constant 0 : i32
    return %z : i32
  }
  func.func private @model_run_with_workspace()
}

// -----

// A buffer passed on through a region's result (scf.yield into scf.if)
// stays live to the end: %t, allocated after the scf.if, must not take
// the bytes of %a or %b, which memref.copy %r still reads.
// CHECK: module attributes {quant.workspace_size = 768 : i64}
// CHECK-LABEL: func.func @model_run_with_workspace(
// CHECK-DAG: memref.view %{{.*}}[%[[OA:.*]]][] : memref<768xi8> to memref<64xf32>
// CHECK-DAG: %[[OA]] = arith.constant 0 : index
// CHECK-DAG: %[[OB:.*]] = arith.constant 256 : index
// CHECK-DAG: memref.view %{{.*}}[%[[OB]]][] : memref<768xi8> to memref<64xf32>
// CHECK-DAG: %[[OT:.*]] = arith.constant 512 : index
// CHECK-DAG: memref.view %{{.*}}[%[[OT]]][] : memref<768xi8> to memref<64xf32>
module {
  func.func @model_run(%p: i1, %in: memref<64xf32>, %out: memref<64xf32>) -> i32 {
    %a = memref.alloc() : memref<64xf32>
    %b = memref.alloc() : memref<64xf32>
    memref.copy %in, %a : memref<64xf32> to memref<64xf32>
    memref.copy %in, %b : memref<64xf32> to memref<64xf32>
    %r = scf.if %p -> memref<64xf32> {
      scf.yield %a : memref<64xf32>
    } else {
      scf.yield %b : memref<64xf32>
    }
    %t = memref.alloc() : memref<64xf32>
    memref.copy %in, %t : memref<64xf32> to memref<64xf32>
    memref.copy %r, %out : memref<64xf32> to memref<64xf32>
    memref.copy %t, %out : memref<64xf32> to memref<64xf32>
    %c0 = arith.constant 0 : i32
    return %c0 : i32
  }
}
