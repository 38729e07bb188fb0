// Shape arithmetic and the layouts that index by shape, on shapes built to hurt: dimensions
// near 2^63, products that wrap around 64 bits, negative sizes, and a handful of values.
// Input: byte 0 picks the rank (0-6), the plugin and the encoding; each dimension takes a
// selector byte and 8 bytes (small, raw, INT64_MAX / small, or a power of two); one byte says
// how many values the tensor holds (0-15).
// Checks: checkedElementCount agrees with 128-bit arithmetic; a tensor is accepted exactly
// when its values fit its element count (typed fields: at most; tensor_content: exactly);
// PR-curve points, text tables, audio clip counts and histogram buckets never exceed what
// the values hold (or, for a broadcast PR curve, the bounded threshold count); and the
// decoder either keeps a value or reports it, never both.

#include "core/analysis/pr_curve.h"
#include "core/analysis/text_layout.h"
#include "core/events/event_decoder.h"
#include "core/events/tensor_values.h"
#include "core/io/checked_size.h"

#include "event.pb.h"
#include "fuzz/fuzz_check.h"

#include <cstring>
#include <optional>
#include <vector>

using namespace lantern::core;
using lantern::fuzz::check;
namespace pb = lantern::pb;

namespace {

class Bytes {
public:
    Bytes(const std::uint8_t* data, std::size_t size)
        : m_data(data)
        , m_size(size)
    {
    }
    std::uint8_t byte() { return m_at < m_size ? m_data[m_at++] : 0; }
    std::uint64_t word()
    {
        std::uint64_t value = 0;
        for (int i = 0; i < 8; ++i)
            value = value << 8 | byte();
        return value;
    }

private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_at = 0;
};

std::int64_t dimension(Bytes& in)
{
    const std::uint8_t selector = in.byte();
    const std::uint64_t raw = in.word();
    switch (selector % 4) {
    case 0:
        return std::int64_t(raw % 8);
    case 1:
        return std::int64_t(raw);
    case 2:
        return INT64_MAX / std::int64_t(raw % 16 + 1) - std::int64_t(selector / 4 % 3);
    default:
        return std::int64_t(1) << (raw % 63);
    }
}

// The element count by 128-bit arithmetic, independently of checkedElementCount.
std::optional<std::uint64_t> referenceCount(const std::vector<std::int64_t>& shape)
{
    for (const std::int64_t size : shape)
        if (size < 0)
            return std::nullopt;
    unsigned __int128 count = 1;
    bool overflow = false;
    for (const std::int64_t size : shape) {
        count *= static_cast<unsigned __int128>(size);
        if (count >> 64)
            overflow = true, count = 1; // keep going: a later 0 still makes it 0
        if (size == 0)
            return 0;
    }
    if (overflow)
        return std::nullopt;
    return std::uint64_t(count);
}

bool fitsIn(std::uint64_t a, std::uint64_t b, std::uint64_t limit)
{
    return static_cast<unsigned __int128>(a) * b <= limit;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Bytes in(data, size);
    const std::uint8_t head = in.byte();
    const int rank = head % 7;
    static const char* const kPlugins[]
        = {"pr_curves", "audio", "text", "histograms", "custom", "images"};
    const std::string plugin = kPlugins[head / 7 % 6];
    const bool rawContent = head >= 252;
    std::vector<std::int64_t> shape;
    for (int i = 0; i < rank; ++i)
        shape.push_back(dimension(in));
    if (plugin == "pr_curves" && rank == 2 && (head & 1))
        shape[0] = 6;
    const std::size_t held = in.byte() % 16;

    const auto count = checkedElementCount(shape);
    check(count == referenceCount(shape), "checkedElementCount disagrees with 128-bit maths");

    pb::Event event;
    event.set_step(1);
    pb::Summary::Value* value = event.mutable_summary()->add_value();
    value->set_tag("t");
    value->mutable_metadata()->mutable_plugin_data()->set_plugin_name(plugin);
    pb::TensorProto& tensor = *value->mutable_tensor();
    for (const std::int64_t dim : shape)
        tensor.mutable_tensor_shape()->add_dim()->set_size(dim);
    const bool strings = plugin == "audio" || plugin == "text" || plugin == "images";
    std::vector<double> numbers;
    std::vector<std::string> texts;
    tensor.set_dtype(strings ? pb::DT_STRING : pb::DT_FLOAT);
    for (std::size_t i = 0; i < held; ++i) {
        if (strings) {
            texts.push_back(std::string(1, char('a' + i)));
            tensor.add_string_val(texts.back());
        } else {
            numbers.push_back(double(i));
            if (!rawContent)
                tensor.add_float_val(float(i));
        }
    }
    if (rawContent && !strings)
        for (std::size_t i = 0; i < held; ++i) {
            const float f = float(i);
            char bytes[4];
            std::memcpy(bytes, &f, 4);
            tensor.mutable_tensor_content()->append(bytes, 4);
        }

    // Accepted exactly when the values fit the element count.
    const bool fits = rawContent && !strings ? count == held : count && held <= *count;
    if (!(rawContent && !strings && held == 0))
        check(tensorShapeError(tensor, held).empty() == fits, "shape check vs element count");

    // Layouts that index by shape stay within the values.
    const auto points = prCurvePoints(shape, numbers);
    if (!points.empty()) {
        check(prCurveShapeError(shape, numbers.size()).empty(), "points from a rejected shape");
        check(points.size() <= std::uint64_t(shape[1]), "more points than thresholds");
        check(
            points.size() <= std::max<std::size_t>(numbers.size(), kMaxBroadcastPrCurveThresholds),
            "PR points beyond the values and the broadcast bound");
    }
    const TextLayout layout = textLayoutOf(shape, texts.size());
    if (layout.isTable && !layout.repeatsOne)
        check(fitsIn(layout.rows, layout.columns, texts.size()), "text table past its strings");
    if (layout.repeatsOne)
        check(texts.size() == 1 && layout.cellIndex(layout.rows - 1, layout.columns - 1) == 0,
            "a repeated cell other than the one string");

    EventDecoder decoder;
    const auto decoded = decoder.decode(event.SerializeAsString());
    check(decoded.has_value(), "our own event does not decode");
    check(decoded->items.size() + decoded->rejectedValues.size() == 1, "kept and rejected");
    for (const SummaryItem& item : decoded->items) {
        check(item.blobCount <= texts.size(), "more clips or images than strings");
        check(item.histogram.size() <= numbers.size() / 3 + 2, "more buckets than rows");
        check(item.strings.size() <= texts.size() && item.numbers.size() <= numbers.size(),
            "values from nowhere");
        if (item.kind == ValueKind::PrCurve)
            check(prCurveShapeError(item.shape, item.numbers.size()).empty(), "bad PR kept");
    }
    return 0;
}
