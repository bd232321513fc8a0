// RUN: quant-translate --import-onnx %S/Inputs/integer-arith.onnx | FileCheck %s
// RUN: quant-translate --import-onnx %S/Inputs/integer-arith.onnx | quant-opt | FileCheck %s

// Add/Sub/Mul/Div/Clip on plain integer tensors (scripts/make-onnx-test-
// models.py, integer_arith) become the qnn.int_* ops, not the real-valued
// qnn.add etc.: uint8 ones with is_unsigned (so the division and the
// clipping read them as unsigned), the uint8 divisor 255 as the i8 bits -1,
// and the int32 Clip without a min bound from the type's minimum.

// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xi8> {onnx.name = "a", onnx.unsigned}, %[[B:.*]]: tensor<3xi8> {onnx.name = "b", onnx.unsigned}, %[[C:.*]]: tensor<2x3xi32> {onnx.name = "c"})
// CHECK-SAME: -> (tensor<2x3xi8> {onnx.name = "clip", onnx.unsigned}, tensor<2x3xi32> {onnx.name = "cclip"})
// CHECK: %[[SUM:.*]] = qnn.int_add %[[A]], %[[B]] {is_unsigned} : (tensor<2x3xi8>, tensor<3xi8>) -> tensor<2x3xi8>
// CHECK: %[[DIFF:.*]] = qnn.int_sub %[[SUM]], %[[B]] {is_unsigned} : (tensor<2x3xi8>, tensor<3xi8>) -> tensor<2x3xi8>
// CHECK: %[[PROD:.*]] = qnn.int_mul %[[DIFF]], %[[A]] {is_unsigned} : (tensor<2x3xi8>, tensor<2x3xi8>) -> tensor<2x3xi8>
// CHECK: %[[D:.*]] = qnn.constant dense<[1, 7, -1]> : tensor<3xi8> -> tensor<3xi8>
// CHECK: %[[QUOT:.*]] = qnn.int_div %[[PROD]], %[[D]] {is_unsigned} : (tensor<2x3xi8>, tensor<3xi8>) -> tensor<2x3xi8>
// CHECK: %[[CLIP:.*]] = qnn.int_clamp %[[QUOT]] {is_unsigned, max = 200 : i64, min = 10 : i64} : tensor<2x3xi8>
// CHECK: %[[NEG:.*]] = qnn.constant dense<-3> : tensor<1xi32> -> tensor<1xi32>
// CHECK: %[[CQ:.*]] = qnn.int_div %[[C]], %[[NEG]] : (tensor<2x3xi32>, tensor<1xi32>) -> tensor<2x3xi32>
// CHECK: %[[CCLIP:.*]] = qnn.int_clamp %[[CQ]] {max = 7 : i64, min = -2147483648 : i64} : tensor<2x3xi32>
// CHECK: return %[[CLIP]], %[[CCLIP]] : tensor<2x3xi8>, tensor<2x3xi32>
