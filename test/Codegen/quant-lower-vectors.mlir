// -quant-lower-vectors on bufferized code: subviews fold into the vector
// transfers, the loop-invariant accumulator transfer pair leaves the
// reduction loop (a vector iter_arg), vector.contract becomes one
// broadcast + FMA per row (mixed i8 -> i32 contractions sign-extended
// first), 1-D transfers become loads / stores / masked loads, strided
// memref.copy becomes linalg.copy, math.exp its polynomial approximation,
// and with fma=false every FMA a mulf + addf {contract}.
//
// Cases that fold subviews or rewrite memref.copy contain a linalg op, as
// bufferized code does: the pass does not declare the affine and linalg
// dialects it creates ops of, and crashes on inputs that load neither.
// RUN: quant-opt %s -split-input-file -quant-lower-vectors | FileCheck %s
// RUN: quant-opt %s -split-input-file -quant-lower-vectors="fma=false" | FileCheck %s --check-prefix=NOFMA
// RUN: quant-opt %s -split-input-file -quant-lower-vectors="fma=false expand-floor=true" | FileCheck %s --check-prefix=FLOOR

#a = affine_map<(m, n, k) -> (m, k)>
#b = affine_map<(m, n, k) -> (k, n)>
#c = affine_map<(m, n, k) -> (m, n)>

// A 4 x 16 register tile: the accumulator is read once before the k loop
// from the base buffer (subview folded), carried as vector<4x16xf32>,
// and written once after it; each step loads one row of B and does one
// broadcast + FMA per row of A.
// CHECK-LABEL: func.func @tile(
// CHECK-SAME: %[[A:[^:]*]]: memref<4x8xf32>, %[[B:[^:]*]]: memref<8x16xf32>, %[[C:[^:]*]]: memref<8x32xf32>, %[[I:[^:]*]]: index, %[[J:[^:]*]]: index
// CHECK-NOT: memref.subview
// CHECK: %[[INIT:.*]] = vector.transfer_read %[[C]][%[[I]], %[[J]]], %{{.*}} {in_bounds = [true, true]} : memref<8x32xf32>, vector<4x16xf32>
// CHECK: %[[SUM:.*]] = scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %[[INIT]]) -> (vector<4x16xf32>)
// CHECK-NOT: %[[C]]
// CHECK: %[[AV:.*]] = vector.transfer_read %[[A]][%{{.*}}, %[[K]]]
// CHECK: %[[BROW:.*]] = vector.load %[[B]][%[[K]], %{{.*}}] : memref<8x16xf32>, vector<16xf32>
// CHECK: %[[A0:.*]] = vector.extract %[[AV]][0, 0] : f32 from vector<4x1xf32>
// CHECK: %[[A0V:.*]] = vector.broadcast %[[A0]] : f32 to vector<16xf32>
// CHECK: %[[C0:.*]] = vector.extract %[[ACC]][0] : vector<16xf32> from vector<4x16xf32>
// CHECK: vector.fma %[[A0V]], %[[BROW]], %[[C0]] : vector<16xf32>
// CHECK-COUNT-3: vector.fma %{{.*}}, %[[BROW]], %{{.*}} : vector<16xf32>
// CHECK-NOT: vector.contract
// CHECK: scf.yield
// CHECK: vector.transfer_write %[[SUM]], %[[C]][%[[I]], %[[J]]] {in_bounds = [true, true]} : vector<4x16xf32>, memref<8x32xf32>
// CHECK: return
// NOFMA-LABEL: func.func @tile(
// NOFMA-NOT: vector.fma
// NOFMA: %[[M:.*]] = arith.mulf %{{.*}}, %{{.*}} fastmath<contract> : vector<16xf32>
// NOFMA: arith.addf %[[M]], %{{.*}} fastmath<contract> : vector<16xf32>
// NOFMA-NOT: vector.fma
// NOFMA: return
func.func @tile(%A: memref<4x8xf32>, %B: memref<8x16xf32>, %C: memref<8x32xf32>, %i: index, %j: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %cst = arith.constant 0.0 : f32
  linalg.fill ins(%cst : f32) outs(%C : memref<8x32xf32>)
  %sc = memref.subview %C[%i, %j] [4, 16] [1, 1] : memref<8x32xf32> to memref<4x16xf32, strided<[32, 1], offset: ?>>
  scf.for %k = %c0 to %c8 step %c1 {
    %sa = memref.subview %A[0, %k] [4, 1] [1, 1] : memref<4x8xf32> to memref<4x1xf32, strided<[8, 1], offset: ?>>
    %sb = memref.subview %B[%k, 0] [1, 16] [1, 1] : memref<8x16xf32> to memref<1x16xf32, strided<[16, 1], offset: ?>>
    %a = vector.transfer_read %sa[%c0, %c0], %cst {in_bounds = [true, true]} : memref<4x1xf32, strided<[8, 1], offset: ?>>, vector<4x1xf32>
    %b = vector.transfer_read %sb[%c0, %c0], %cst {in_bounds = [true, true]} : memref<1x16xf32, strided<[16, 1], offset: ?>>, vector<1x16xf32>
    %acc = vector.transfer_read %sc[%c0, %c0], %cst {in_bounds = [true, true]} : memref<4x16xf32, strided<[32, 1], offset: ?>>, vector<4x16xf32>
    %r = vector.contract {indexing_maps = [#a, #b, #c], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %a, %b, %acc : vector<4x1xf32>, vector<1x16xf32> into vector<4x16xf32>
    vector.transfer_write %r, %sc[%c0, %c0] {in_bounds = [true, true]} : vector<4x16xf32>, memref<4x16xf32, strided<[32, 1], offset: ?>>
  }
  return
}

// -----

#a = affine_map<(m, n, k) -> (m, k)>
#b = affine_map<(m, n, k) -> (k, n)>
#c = affine_map<(m, n, k) -> (m, n)>

// Not hoisted: the accumulator row depends on the loop (a different tile
// each iteration), so its read and write stay in the loop.
// CHECK-LABEL: func.func @not_invariant(
// CHECK-SAME: %[[C:[^:]*]]: memref<8x16xf32>
// CHECK: scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
// CHECK: vector.load %[[C]][%[[K]], %{{.*}}] : memref<8x16xf32>, vector<16xf32>
// CHECK: vector.fma
// CHECK: vector.store %{{.*}}, %[[C]][%[[K]], %{{.*}}] : memref<8x16xf32>, vector<16xf32>
// CHECK: }
// CHECK: return
func.func @not_invariant(%C: memref<8x16xf32>, %a: vector<1x1xf32>, %b: vector<1x16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %cst = arith.constant 0.0 : f32
  linalg.fill ins(%cst : f32) outs(%C : memref<8x16xf32>)
  scf.for %k = %c0 to %c8 step %c1 {
    %acc = vector.transfer_read %C[%k, %c0], %cst {in_bounds = [true, true]} : memref<8x16xf32>, vector<1x16xf32>
    %r = vector.contract {indexing_maps = [#a, #b, #c], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %a, %b, %acc : vector<1x1xf32>, vector<1x16xf32> into vector<1x16xf32>
    vector.transfer_write %r, %C[%k, %c0] {in_bounds = [true, true]} : vector<1x16xf32>, memref<8x16xf32>
  }
  return
}

// -----

// A conv tap's i8 x i8 -> i32 contraction with unit dimensions between M
// and N (upstream's mixed-type lowering does not take it): the operands
// are sign-extended to i32, then one broadcast, muli and addi per output
// channel.
// CHECK-LABEL: func.func @mixed_i8(
// CHECK-DAG: %[[W:.*]] = arith.extsi %{{.*}} : vector<3x1xi8> to vector<3x1xi32>
// CHECK-DAG: %[[X:.*]] = arith.extsi %{{.*}} : vector<1x1x8xi8> to vector<1x1x8xi32>
// CHECK: %[[XR:.*]] = vector.extract %[[X]][0, 0] : vector<8xi32> from vector<1x1x8xi32>
// CHECK: %[[W0:.*]] = vector.extract %[[W]][0, 0] : i32 from vector<3x1xi32>
// CHECK: %[[W0V:.*]] = vector.broadcast %[[W0]] : i32 to vector<8xi32>
// CHECK: %[[P:.*]] = arith.muli %[[XR]], %[[W0V]] : vector<8xi32>
// CHECK: arith.addi %[[P]], %{{.*}} : vector<8xi32>
// CHECK-COUNT-2: arith.muli %{{.*}}, %{{.*}} : vector<8xi32>
// CHECK-NOT: vector.contract
// CHECK: return
#lhs = affine_map<(g, n, o, y, x, c) -> (g, o, c)>
#rhs = affine_map<(g, n, o, y, x, c) -> (n, g, c, y, x)>
#out = affine_map<(g, n, o, y, x, c) -> (n, g, o, y, x)>
func.func @mixed_i8(%w: vector<1x3x1xi8>, %x: vector<1x1x1x1x8xi8>, %acc: vector<1x1x3x1x8xi32>) -> vector<1x1x3x1x8xi32> {
  %r = vector.contract {indexing_maps = [#lhs, #rhs, #out], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction"], kind = #vector.kind<add>} %w, %x, %acc : vector<1x3x1xi8>, vector<1x1x1x1x8xi8> into vector<1x1x3x1x8xi32>
  return %r : vector<1x1x3x1x8xi32>
}

// -----

// 1-D transfers: in bounds -> vector.load / vector.store; with a mask ->
// vector.maskedload; a transfer that may cross the end of the buffer
// (no in_bounds, no mask) is left for the later lowering.
// CHECK-LABEL: func.func @transfers(
// CHECK-SAME: %[[M:[^:]*]]: memref<20xf32>, %[[I:[^:]*]]: index, %[[MASK:[^:]*]]: vector<8xi1>
// CHECK: %[[A:.*]] = vector.load %[[M]][%[[I]]] : memref<20xf32>, vector<8xf32>
// CHECK: %[[B:.*]] = vector.maskedload %[[M]][%[[I]]], %[[MASK]], %{{.*}} : memref<20xf32>, vector<8xi1>, vector<8xf32> into vector<8xf32>
// CHECK: %[[C:.*]] = vector.transfer_read %[[M]][%[[I]]], %{{.*}} : memref<20xf32>, vector<8xf32>
// CHECK: vector.store %[[A]], %[[M]][%[[I]]] : memref<20xf32>, vector<8xf32>
// CHECK: return %[[A]], %[[B]], %[[C]]
func.func @transfers(%m: memref<20xf32>, %i: index, %mask: vector<8xi1>) -> (vector<8xf32>, vector<8xf32>, vector<8xf32>) {
  %cst = arith.constant 0.0 : f32
  %a = vector.transfer_read %m[%i], %cst {in_bounds = [true]} : memref<20xf32>, vector<8xf32>
  %b = vector.transfer_read %m[%i], %cst, %mask {in_bounds = [true]} : memref<20xf32>, vector<8xf32>
  %c = vector.transfer_read %m[%i], %cst : memref<20xf32>, vector<8xf32>
  vector.transfer_write %a, %m[%i] {in_bounds = [true]} : vector<8xf32>, memref<20xf32>
  return %a, %b, %c : vector<8xf32>, vector<8xf32>, vector<8xf32>
}

// -----

// A copy between strided views becomes linalg.copy (upstream would call
// the MLIR runtime library); a contiguous copy stays memref.copy.
// CHECK-LABEL: func.func @copies(
// CHECK-SAME: %[[A:[^:]*]]: memref<4x8xf32>, %[[B:[^:]*]]: memref<4x8xf32>
// CHECK: memref.copy %[[A]], %[[B]] : memref<4x8xf32> to memref<4x8xf32>
// CHECK: %[[S:.*]] = memref.subview %[[A]]
// CHECK: %[[T:.*]] = memref.subview %[[B]]
// CHECK: linalg.copy ins(%[[S]] : memref<4x2xf32, strided<[8, 1]>>) outs(%[[T]] : memref<4x2xf32, strided<[8, 1]>>)
// CHECK-NOT: memref.copy
// CHECK: return
func.func @copies(%a: memref<4x8xf32>, %b: memref<4x8xf32>, %c: memref<2x8xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%c : memref<2x8xf32>)
  memref.copy %a, %b : memref<4x8xf32> to memref<4x8xf32>
  %s = memref.subview %a[0, 0] [4, 2] [1, 1] : memref<4x8xf32> to memref<4x2xf32, strided<[8, 1]>>
  %t = memref.subview %b[0, 0] [4, 2] [1, 1] : memref<4x8xf32> to memref<4x2xf32, strided<[8, 1]>>
  memref.copy %s, %t : memref<4x2xf32, strided<[8, 1]>> to memref<4x2xf32, strided<[8, 1]>>
  return
}

// -----

// math.exp becomes its polynomial approximation (FMAs, a floor, the
// exponent built with shli / bitcast); vector.fma and math.fma survive
// with fma=true and split into mulf + addf {contract} with fma=false.
// CHECK-LABEL: func.func @exp_fma(
// CHECK-SAME: %[[X:[^:]*]]: vector<8xf32>, %[[Y:[^:]*]]: vector<8xf32>, %[[S:[^:]*]]: f32
// CHECK-NOT: math.exp
// CHECK: math.fma {{.*}} : vector<8xf32>
// CHECK: math.floor {{.*}} : vector<8xf32>
// CHECK: arith.shli {{.*}} : vector<8xi32>
// CHECK: %[[E:.*]] = arith.mulf %{{.*}}, %{{.*}} : vector<8xf32>
// CHECK: %[[F:.*]] = vector.fma %[[E]], %[[Y]], %[[X]] : vector<8xf32>
// CHECK: %[[G:.*]] = math.fma %[[S]], %[[S]], %[[S]] : f32
// CHECK-NOT: math.exp
// CHECK-NOT: call
// CHECK: return %[[F]], %[[G]]
// NOFMA-LABEL: func.func @exp_fma(
// NOFMA-SAME: %[[X:[^:]*]]: vector<8xf32>, %[[Y:[^:]*]]: vector<8xf32>, %[[S:[^:]*]]: f32
// NOFMA-NOT: fma
// NOFMA: %[[EM:.*]] = arith.mulf %{{.*}}, %[[Y]] fastmath<contract> : vector<8xf32>
// NOFMA: %[[F:.*]] = arith.addf %[[EM]], %[[X]] fastmath<contract> : vector<8xf32>
// NOFMA: %[[SM:.*]] = arith.mulf %[[S]], %[[S]] fastmath<contract> : f32
// NOFMA: %[[G:.*]] = arith.addf %[[SM]], %[[S]] fastmath<contract> : f32
// NOFMA-NOT: fma
// NOFMA: return %[[F]], %[[G]]
// With expand-floor (no rounding instruction: LLVM would call floorf) the
// floor is trunc through i32, minus 1 where that is above x, for |x| < 2^23.
// FLOOR-LABEL: func.func @exp_fma(
// FLOOR-NOT: math.floor
// FLOOR: %[[I:.*]] = arith.fptosi %[[A:.*]] : vector<8xf32> to vector<8xi32>
// FLOOR: %[[T:.*]] = arith.sitofp %[[I]] : vector<8xi32> to vector<8xf32>
// FLOOR: %[[GT:.*]] = arith.cmpf ogt, %[[T]], %[[A]] : vector<8xf32>
// FLOOR: %[[D:.*]] = arith.subf %[[T]], %{{.*}} : vector<8xf32>
// FLOOR: %[[FL:.*]] = arith.select %[[GT]], %[[D]], %[[T]]
// FLOOR: %[[ABS:.*]] = math.absf %[[A]] : vector<8xf32>
// FLOOR: %[[SMALL:.*]] = arith.cmpf olt, %[[ABS]], %{{.*}} : vector<8xf32>
// FLOOR: arith.select %[[SMALL]], %[[FL]], %[[A]]
// FLOOR-NOT: math.floor
func.func @exp_fma(%x: vector<8xf32>, %y: vector<8xf32>, %s: f32) -> (vector<8xf32>, f32) {
  %e = math.exp %x : vector<8xf32>
  %f = vector.fma %e, %y, %x : vector<8xf32>
  %g = math.fma %s, %s, %s : f32
  return %f, %g : vector<8xf32>, f32
}
