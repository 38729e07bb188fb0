// Field numbers (FORMATS.md): Event wall_time=1 (double), step=2, summary=5;
// Summary value=1; Value tag=1, simple_value=2 (float), node_name=7, tensor=8, metadata=9;
// TensorProto dtype=1, tensor_shape=2, tensor_content=4, float_val=5, double_val=6.

#include "core/events/scalar_fast_path.h"

#include "core/events/event_decoder.h"
#include "core/events/wire_reader.h"

#include <bit>
#include <string>

namespace lantern::core {
namespace {

constexpr std::uint64_t kDtypeFloat = 1;
constexpr std::uint64_t kDtypeDouble = 2;

// A rank-0 float or double tensor with exactly one value.
bool readTensorScalar(std::string_view bytes, FastScalar& out)
{
    WireReader tensor(bytes);
    std::uint64_t dtype = 0;
    int valueCount = 0;
    std::size_t valueWidth = 0; // 4 for a float value, 8 for a double: it must match dtype
    std::uint32_t field;
    WireType type;
    while (tensor.nextField(field, type)) {
        if (field == 1 && type == WireType::Varint) {
            dtype = tensor.varint();
        } else if (field == 2 && type == WireType::LengthDelimited) {
            if (!tensor.lengthDelimited().empty())
                return false; // a shape with dimensions is not a scalar
        } else if (field == 5 && type == WireType::LengthDelimited) { // packed float_val
            const std::string_view packed = tensor.lengthDelimited();
            if (packed.size() != 4)
                return false;
            out.value = std::bit_cast<float>(loadLittleEndian32(packed.data()));
            ++valueCount;
            valueWidth = 4;
        } else if (field == 5 && type == WireType::Fixed32) {
            out.value = std::bit_cast<float>(tensor.fixed32());
            ++valueCount;
            valueWidth = 4;
        } else if (field == 6 && type == WireType::LengthDelimited) { // packed double_val
            const std::string_view packed = tensor.lengthDelimited();
            if (packed.size() != 8)
                return false;
            out.value = std::bit_cast<double>(loadLittleEndian64(packed.data()));
            ++valueCount;
            valueWidth = 8;
        } else if (field == 6 && type == WireType::Fixed64) {
            out.value = std::bit_cast<double>(tensor.fixed64());
            ++valueCount;
            valueWidth = 8;
        } else if (field == 4 && type == WireType::LengthDelimited) { // tensor_content
            const std::string_view raw = tensor.lengthDelimited();
            if (raw.size() == 4)
                out.value = std::bit_cast<float>(loadLittleEndian32(raw.data()));
            else if (raw.size() == 8)
                out.value = std::bit_cast<double>(loadLittleEndian64(raw.data()));
            else
                return false;
            ++valueCount;
            valueWidth = raw.size();
        } else {
            return false;
        }
    }
    if (!tensor.ok() || valueCount != 1)
        return false;
    // libprotobuf's path reads only the field that matches the dtype; a float tensor that
    // carries a double value is not a scalar there, so it must not be one here.
    if (dtype == kDtypeFloat && valueWidth == 4) {
        out.type = ScalarType::Float32;
        return true;
    }
    if (dtype == kDtypeDouble && valueWidth == 8) {
        out.type = ScalarType::Float64;
        return true;
    }
    return false;
}

// Whether the decoder knows `tag` as "scalars" plugin data, asked once per tag and slot.
bool isScalarsTag(std::string_view tag, const EventDecoder& decoder, FastScalarEvent& event)
{
    std::string& slot
        = event
              .knownScalarTags[(tag.size() + std::size_t(tag.front()) + 3 * std::size_t(tag.back()))
                  % event.knownScalarTags.size()];
    if (slot == tag)
        return true;
    if (decoder.pluginOf(tag) != "scalars")
        return false;
    slot = std::string(tag);
    return true;
}

bool readValue(
    std::string_view bytes, const EventDecoder& decoder, FastScalarEvent& event, FastScalar& out)
{
    WireReader value(bytes);
    bool haveScalar = false;
    std::string_view tensorBytes;
    bool haveTensor = false;
    std::uint32_t field;
    WireType type;
    while (value.nextField(field, type)) {
        if (field == 1 && type == WireType::LengthDelimited) {
            out.tag = value.lengthDelimited();
        } else if (field == 2 && type == WireType::Fixed32) {
            out.value = std::bit_cast<float>(value.fixed32());
            out.type = ScalarType::Float32;
            haveScalar = true;
        } else if (field == 8 && type == WireType::LengthDelimited) {
            tensorBytes = value.lengthDelimited();
            haveTensor = true;
        } else {
            return false; // metadata, node_name, images, histograms…: the full decoder's job
        }
    }
    if (!value.ok() || out.tag.empty() || haveScalar == haveTensor)
        return false;
    if (haveTensor) {
        // Only tags already known to be scalars: their plugin came with the first value.
        if (!isScalarsTag(out.tag, decoder, event))
            return false;
        return readTensorScalar(tensorBytes, out);
    }
    return true;
}

} // namespace

bool decodeScalarsFast(std::string_view record, const EventDecoder& decoder, FastScalarEvent& out)
{
    WireReader event(record);
    out.wallTime = 0; // reset only what is read: the value array is large
    out.step = 0;
    out.count = 0;
    bool haveSummary = false;
    std::uint32_t field;
    WireType type;
    while (event.nextField(field, type)) {
        if (field == 1 && type == WireType::Fixed64) {
            out.wallTime = std::bit_cast<double>(event.fixed64());
        } else if (field == 2 && type == WireType::Varint) {
            out.step = static_cast<std::int64_t>(event.varint());
        } else if (field == 5 && type == WireType::LengthDelimited && !haveSummary) {
            haveSummary = true;
            WireReader summary(event.lengthDelimited());
            std::uint32_t summaryField;
            WireType summaryType;
            while (summary.nextField(summaryField, summaryType)) {
                if (summaryField != 1 || summaryType != WireType::LengthDelimited
                    || out.count == FastScalarEvent::kMaxValues)
                    return false;
                if (!readValue(summary.lengthDelimited(), decoder, out, out.values[out.count++]))
                    return false;
            }
            if (!summary.ok())
                return false;
        } else {
            return false;
        }
    }
    return event.ok() && haveSummary && out.count > 0;
}

} // namespace lantern::core
