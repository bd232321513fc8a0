//===- ONNXSchemas.cpp - ONNX schemas of the QONNX custom ops -------------===//
//
// QONNX (and FINN, its older name) define `Quant` and `BipolarQuant` in
// their own domains without ONNX schemas. Registering schemas for them lets
// the ONNX checker validate their attributes and lets shape inference carry
// shapes through them (both keep the input's shape and type), so that the
// nodes after a quantizer get shapes too. Registration also guards the
// shape inference of ONNX's convolutions against weights of another rank
// than their input (libonnx 1.12 reads out of bounds there).
//
//===----------------------------------------------------------------------===//

#include "ONNXImporter.h"

#include "onnx/defs/schema.h"
#include "onnx/defs/shape_inference.h"

#include <limits>
#include <mutex>

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::onnximport;

static constexpr const char *kQONNXDomains[] = {"qonnx.custom_op.general",
                                                "finn.custom_op.general"};

bool onnximport::isQONNXDomain(StringRef domain) {
  return llvm::is_contained(kQONNXDomains, domain);
}

/// Output 0 has the type and shape of input 0.
static void sameAsInput(onnx::InferenceContext &ctx) {
  onnx::propagateElemTypeFromInputToOutput(ctx, 0, 0);
  if (onnx::hasInputShape(ctx, 0))
    onnx::propagateShapeFromInputToOutput(ctx, 0, 0);
}

static const std::vector<std::string> kFloatTypes = {
    "tensor(float)", "tensor(float16)", "tensor(double)"};

/// QONNX Quant: y = (clip(round(x / scale + zeropt), min, max) - zeropt) *
/// scale with [min, max] from bitwidth, signed and narrow.
static onnx::OpSchema quantSchema(const char *domain) {
  onnx::OpSchema schema;
  schema.SetName("Quant")
      .SetDomain(domain)
      .SinceVersion(1)
      .SetDoc("QONNX uniform quantize-dequantize with arbitrary bit width.")
      .Input(0, "X", "input", "T")
      .Input(1, "scale", "scale, scalar or broadcastable to X", "T")
      .Input(2, "zeropt", "zero point, scalar or broadcastable to X", "T")
      .Input(3, "bitwidth", "number of bits, scalar", "T")
      .Output(0, "Y", "quantized-dequantized X", "T")
      .TypeConstraint("T", kFloatTypes, "float tensors")
      .Attr("signed", "signed storage range", onnx::AttributeProto::INT,
            static_cast<int64_t>(1))
      .Attr("narrow",
            "drop the most negative (signed) or largest "
            "(unsigned) code",
            onnx::AttributeProto::INT, static_cast<int64_t>(0))
      .Attr("rounding_mode", "ROUND (half to even), CEIL, FLOOR, ...",
            onnx::AttributeProto::STRING, std::string("ROUND"))
      .TypeAndShapeInferenceFunction(sameAsInput);
  return schema;
}

/// QONNX BipolarQuant: y = scale where x >= 0, -scale elsewhere.
static onnx::OpSchema bipolarQuantSchema(const char *domain) {
  onnx::OpSchema schema;
  schema.SetName("BipolarQuant")
      .SetDomain(domain)
      .SinceVersion(1)
      .SetDoc("QONNX binarization to {-scale, +scale}.")
      .Input(0, "X", "input", "T")
      .Input(1, "scale", "scale, scalar or broadcastable to X", "T")
      .Output(0, "Y", "binarized X", "T")
      .TypeConstraint("T", kFloatTypes, "float tensors")
      .TypeAndShapeInferenceFunction(sameAsInput);
  return schema;
}

/// libonnx 1.12's convPoolShapeInference takes the kernel rank from the
/// weight shape when there is no kernel_shape attribute and then indexes
/// the dilations and strides (sized by the input's spatial rank) with it:
/// a weight of higher rank than the input reads out of bounds and crashes
/// (found by fuzz-onnx-import; later ONNX versions check it). The ranks
/// are only known during inference (the input's comes from earlier
/// nodes), so the inference functions of the convolutions are wrapped to
/// fail first, as ONNX fails on other malformed nodes.
static void guardConvShapeInference() {
  struct Conv {
    const char *op;
    int input, weight;
  };
  static constexpr Conv kConvs[] = {
      {"Conv", 0, 1}, {"ConvInteger", 0, 1}, {"QLinearConv", 0, 3}};
  const onnx::OpSchemaRegistry *registry = onnx::OpSchemaRegistry::Instance();
  for (const Conv &conv : kConvs) {
    // Every version of the operator, newest first.
    for (int version = std::numeric_limits<int>::max(); version > 0;) {
      const onnx::OpSchema *schema =
          registry->GetSchema(conv.op, version, onnx::ONNX_DOMAIN);
      if (!schema)
        break;
      version = schema->SinceVersion() - 1;
      onnx::InferenceFunction inner =
          schema->GetTypeAndShapeInferenceFunction();
      if (!inner)
        continue;
      const_cast<onnx::OpSchema *>(schema)->TypeAndShapeInferenceFunction(
          [inner, conv](onnx::InferenceContext &ctx) {
            if (onnx::hasInputShape(ctx, conv.input) &&
                onnx::hasInputShape(ctx, conv.weight)) {
              int inputRank = ctx.getInputType(conv.input)
                                  ->tensor_type()
                                  .shape()
                                  .dim_size();
              int weightRank = ctx.getInputType(conv.weight)
                                   ->tensor_type()
                                   .shape()
                                   .dim_size();
              if (inputRank != weightRank)
                fail_shape_inference("the input has rank ", inputRank,
                                     " but the weight has rank ", weightRank);
            }
            inner(ctx);
          });
    }
  }
}

void onnximport::registerQONNXSchemas() {
  static std::once_flag once;
  std::call_once(once, [] {
    auto &ranges = onnx::OpSchemaRegistry::DomainToVersionRange::Instance();
    for (const char *domain : kQONNXDomains) {
      if (!ranges.Map().count(domain))
        ranges.AddDomainToVersion(domain, 1, 1);
      onnx::OpSchema quant = quantSchema(domain);
      onnx::OpSchemaRegistry::OpSchemaRegisterOnce registerQuant(quant);
      onnx::OpSchema bipolar = bipolarQuantSchema(domain);
      onnx::OpSchemaRegistry::OpSchemaRegisterOnce registerBipolar(bipolar);
    }
    guardConvShapeInference();
  });
}
