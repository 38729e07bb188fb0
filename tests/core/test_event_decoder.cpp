// Normalization of every summary style into SummaryItems.

#include "core/events/event_decoder.h"
#include "core/events/scalar_fast_path.h"
#include "core/events/tensor_values.h"
#include "core/events/wire_bounds.h"
#include "tests/support/test_main.h"

#include "event.pb.h"

#include <QTest>

#include <bit>

using namespace lantern::core;
namespace pb = lantern::pb;

namespace {

pb::Summary::Value* addValue(
    pb::Event& event, const std::string& tag, const std::string& plugin = {})
{
    auto* value = event.mutable_summary()->add_value();
    value->set_tag(tag);
    if (!plugin.empty())
        value->mutable_metadata()->mutable_plugin_data()->set_plugin_name(plugin);
    return value;
}

DecodedEvent decode(EventDecoder& decoder, const pb::Event& event)
{
    const auto decoded = decoder.decode(event.SerializeAsString());
    if (!decoded)
        qFatal("event did not decode");
    return *decoded;
}

} // namespace

class TestEventDecoder : public QObject {
    Q_OBJECT
private slots:
    void fileVersionAndSessionLog()
    {
        EventDecoder decoder;
        pb::Event event;
        event.set_wall_time(1234.5);
        event.set_file_version("brain.Event:2");
        auto decoded = decode(decoder, event);
        QCOMPARE(decoded.kind, EventKind::FileVersion);
        QCOMPARE(decoded.fileVersion, std::string("brain.Event:2"));
        QCOMPARE(decoded.wallTime, 1234.5);

        pb::Event start;
        start.set_step(7);
        start.mutable_session_log()->set_status(pb::SessionLog::START);
        decoded = decode(decoder, start);
        QCOMPARE(decoded.kind, EventKind::SessionLog);
        QCOMPARE(decoded.sessionStatus, SessionStatus::Start);
        QCOMPARE(decoded.step, std::int64_t(7));
    }

    void simpleValueIsScalar()
    {
        EventDecoder decoder;
        pb::Event event;
        event.set_step(3);
        event.set_wall_time(10.000001);
        addValue(event, "loss")->set_simple_value(0.25f);
        const auto decoded = decode(decoder, event);
        QCOMPARE(decoded.items.size(), std::size_t(1));
        QCOMPARE(decoded.items[0].kind, ValueKind::Scalar);
        QCOMPARE(decoded.items[0].scalar, 0.25);
        QCOMPARE(decoded.items[0].scalarType, ScalarType::Float32);
        QCOMPARE(decoded.wallTime, 10.000001);
    }

    void tensorScalarsOfEveryDtype()
    {
        struct Case {
            pb::DataType dtype;
            double expected;
            ScalarType type;
        };
        const Case cases[] = {
            {pb::DT_FLOAT, 1.5, ScalarType::Float32},
            {pb::DT_DOUBLE, 0.1, ScalarType::Float64},
            {pb::DT_INT32, -42, ScalarType::Integer},
            {pb::DT_INT64, 1e15, ScalarType::Integer},
            {pb::DT_HALF, 1.5, ScalarType::Float32},
            {pb::DT_BFLOAT16, -2.0, ScalarType::Float32},
            {pb::DT_UINT8, 200, ScalarType::Integer},
            {pb::DT_BOOL, 1, ScalarType::Integer},
        };
        for (const Case& c : cases) {
            for (const bool raw : {false, true}) {
                EventDecoder decoder;
                pb::Event event;
                pb::TensorProto* tensor = addValue(event, "metric", "scalars")->mutable_tensor();
                tensor->set_dtype(c.dtype);
                tensor->mutable_tensor_shape(); // rank 0
                std::string bytes;
                auto put = [&bytes](auto value) {
                    bytes.append(reinterpret_cast<const char*>(&value), sizeof value);
                };
                switch (c.dtype) {
                case pb::DT_FLOAT:
                    raw ? put(float(c.expected)) : tensor->add_float_val(float(c.expected));
                    break;
                case pb::DT_DOUBLE:
                    raw ? put(c.expected) : tensor->add_double_val(c.expected);
                    break;
                case pb::DT_INT32:
                    raw ? put(std::int32_t(c.expected)) : tensor->add_int_val(int(c.expected));
                    break;
                case pb::DT_INT64:
                    raw ? put(std::int64_t(c.expected))
                        : tensor->add_int64_val(std::int64_t(c.expected));
                    break;
                case pb::DT_HALF:
                    raw ? put(std::uint16_t(0x3E00)) : tensor->add_half_val(0x3E00);
                    break;
                case pb::DT_BFLOAT16:
                    raw ? put(std::uint16_t(0xC000)) : tensor->add_half_val(0xC000);
                    break;
                case pb::DT_UINT8:
                    raw ? put(std::uint8_t(200)) : tensor->add_int_val(200);
                    break;
                case pb::DT_BOOL:
                    raw ? put(std::uint8_t(1)) : tensor->add_bool_val(true);
                    break;
                default:
                    break;
                }
                if (raw)
                    tensor->set_tensor_content(bytes);
                const auto decoded = decode(decoder, event);
                QCOMPARE(decoded.items.size(), std::size_t(1));
                QCOMPARE(decoded.items[0].kind, ValueKind::Scalar);
                QCOMPARE(decoded.items[0].scalar, c.expected);
                QCOMPARE(decoded.items[0].scalarType, c.type);
            }
        }
    }

    void pluginMetadataIsRememberedPerTag()
    {
        EventDecoder decoder;
        pb::Event first;
        auto* tensor = addValue(first, "notes", "text")->mutable_tensor();
        tensor->set_dtype(pb::DT_STRING);
        tensor->add_string_val("hello **world**");
        QCOMPARE(decode(decoder, first).items[0].kind, ValueKind::Text);

        // The second value of the tag carries no metadata, as real writers do.
        pb::Event second;
        auto* image = addValue(second, "notes")->mutable_tensor();
        image->set_dtype(pb::DT_STRING);
        image->add_string_val("second note");
        const auto decoded = decode(decoder, second);
        QCOMPARE(decoded.items[0].kind, ValueKind::Text);
        QCOMPARE(decoded.items[0].pluginName, std::string("text"));
        QCOMPARE(decoded.items[0].strings, std::vector<std::string> {"second note"});
    }

    void histogramProtoTrimsEmptyBuckets()
    {
        EventDecoder decoder;
        pb::Event event;
        pb::HistogramProto* histo = addValue(event, "weights")->mutable_histo();
        histo->set_min(-0.5);
        histo->set_max(2.5);
        for (double limit : {-1.0, 0.0, 1.0, 2.0, 3.0, 4.0})
            histo->add_bucket_limit(limit);
        for (double count : {0.0, 3.0, 0.0, 5.0, 2.0, 0.0})
            histo->add_bucket(count);
        const auto decoded = decode(decoder, event);
        QCOMPARE(decoded.items[0].kind, ValueKind::Histogram);
        const std::vector<HistogramBucket> expected
            = {{-0.5, 0.0, 3.0}, {0.0, 1.0, 0.0}, {1.0, 2.0, 5.0}, {2.0, 2.5, 2.0}};
        QCOMPARE(decoded.items[0].histogram, expected);
    }

    void histogramTensorRows()
    {
        EventDecoder decoder;
        pb::Event event;
        pb::TensorProto* tensor = addValue(event, "activations", "histograms")->mutable_tensor();
        tensor->set_dtype(pb::DT_DOUBLE);
        tensor->mutable_tensor_shape()->add_dim()->set_size(2);
        tensor->mutable_tensor_shape()->add_dim()->set_size(3);
        for (double v : {0.0, 1.0, 4.0, 1.0, 2.0, 6.0})
            tensor->add_double_val(v);
        const auto decoded = decode(decoder, event);
        const std::vector<HistogramBucket> expected = {{0.0, 1.0, 4.0}, {1.0, 2.0, 6.0}};
        QCOMPARE(decoded.items[0].kind, ValueKind::Histogram);
        QCOMPARE(decoded.items[0].histogram, expected);
    }

    void imagesBothStyles()
    {
        EventDecoder decoder;
        pb::Event event;
        addValue(event, "tf1 image")->mutable_image()->set_encoded_image_string("\x89PNG");
        pb::TensorProto* tensor = addValue(event, "tf2 images", "images")->mutable_tensor();
        tensor->set_dtype(pb::DT_STRING);
        tensor->mutable_tensor_shape()->add_dim()->set_size(5);
        for (const char* s : {"28", "28", "png-1", "png-2", "png-3"})
            tensor->add_string_val(s);
        const auto decoded = decode(decoder, event);
        QCOMPARE(decoded.items[0].kind, ValueKind::Image);
        QCOMPARE(decoded.items[0].blobCount, 1u);
        QCOMPARE(decoded.items[1].kind, ValueKind::Image);
        QCOMPARE(decoded.items[1].blobCount, 3u);
    }

    void legacyTextUsesNodeName()
    {
        EventDecoder decoder;
        pb::Event event;
        auto* value = event.mutable_summary()->add_value();
        value->set_node_name("legacy_text");
        value->mutable_tensor()->set_dtype(pb::DT_STRING);
        value->mutable_tensor()->add_string_val("old style");
        const auto decoded = decode(decoder, event);
        QCOMPARE(decoded.items[0].tag, std::string("legacy_text"));
        QCOMPARE(decoded.items[0].kind, ValueKind::Text);
    }

    void fastPathFollowsTheDtype()
    {
        // A float tensor carrying a double value: libprotobuf's path reads float_val only, so
        // it is no scalar there, and the fast path must not call it one either.
        EventDecoder decoder;
        pb::Event first;
        pb::TensorProto* tensor = addValue(first, "metric", "scalars")->mutable_tensor();
        tensor->set_dtype(pb::DT_FLOAT);
        tensor->mutable_tensor_shape();
        tensor->add_float_val(1.0f);
        QVERIFY(decoder.decode(first.SerializeAsString()).has_value()); // remembers the plugin

        pb::Event odd;
        pb::TensorProto* mismatched = addValue(odd, "metric")->mutable_tensor();
        mismatched->set_dtype(pb::DT_FLOAT);
        mismatched->mutable_tensor_shape();
        mismatched->add_double_val(2.5);
        FastScalarEvent fast;
        QVERIFY(!decodeScalarsFast(odd.SerializeAsString(), decoder, fast));
        QVERIFY(decode(decoder, odd).items.at(0).kind != ValueKind::Scalar);

        pb::Event good;
        pb::TensorProto* matching = addValue(good, "metric")->mutable_tensor();
        matching->set_dtype(pb::DT_FLOAT);
        matching->mutable_tensor_shape();
        matching->add_float_val(2.5f);
        QVERIFY(decodeScalarsFast(good.SerializeAsString(), decoder, fast));
        QCOMPARE(fast.values[0].value, 2.5);
    }

    void fastPathAsksTheDecoderForEveryTagItHasNotSeenAsScalars()
    {
        // One FastScalarEvent reused across records remembers tags known as "scalars"; it must
        // agree with the decoder for every tag: many tags (more than its slots, so they
        // collide), tags of other plugins, tags never announced, and tags announced later.
        EventDecoder decoder;
        const auto tensorEvent = [](const std::string& tag, const std::string& plugin) {
            pb::Event event;
            pb::TensorProto* tensor = addValue(event, tag, plugin)->mutable_tensor();
            tensor->set_dtype(pb::DT_FLOAT);
            tensor->mutable_tensor_shape();
            tensor->add_float_val(0.5f);
            return event.SerializeAsString();
        };
        std::vector<std::string> tags;
        for (int i = 0; i < 40; ++i)
            tags.push_back("tag/" + std::string(std::size_t(i % 7 + 1), char('a' + i % 26))
                + std::to_string(i));
        FastScalarEvent fast;
        for (int round = 0; round < 3; ++round) {
            for (std::size_t i = 0; i < tags.size(); ++i) {
                // Round 0 announces every third tag as scalars and every third as text; round
                // 1 announces the rest as scalars.
                const bool announce = (round == 0 && i % 3 != 2) || (round == 1 && i % 3 == 2);
                if (announce)
                    QVERIFY(decoder
                                .decode(tensorEvent(
                                    tags[i], round == 0 && i % 3 == 1 ? "text" : "scalars"))
                                .has_value());
                const bool expected = decoder.pluginOf(tags[i]) == "scalars";
                const std::string record = tensorEvent(tags[i], {}); // the tag points into it
                QCOMPARE(decodeScalarsFast(record, decoder, fast), expected);
                if (expected)
                    QCOMPARE(fast.values[0].tag, std::string_view(tags[i]));
            }
        }
    }

    void splatsAreNeverExpanded()
    {
        // 20 bytes claiming 16 million elements must not become 128 MiB of doubles: the
        // values are kept as written, and the broadcast rule gives the others.
        pb::TensorProto tensor;
        tensor.set_dtype(pb::DT_FLOAT);
        tensor.mutable_tensor_shape()->add_dim()->set_size(1 << 24);
        tensor.add_float_val(3.0f);
        QCOMPARE(tensorNumbers(tensor), std::vector<double> {3.0});
        QCOMPARE(tensorShapeError(tensor, 1), std::string());
        QCOMPARE(tensorScalar(tensor), std::nullopt); // a splat of many is not a scalar
        tensor.add_float_val(4.0f);
        const std::vector<double> held = tensorNumbers(tensor);
        QCOMPARE(broadcastElement(held, 0), 3.0);
        QCOMPARE(broadcastElement(held, (1 << 24) - 1), 4.0);
        QCOMPARE(broadcastElement({}, 5), 0.0);
        // More values than the shape declares is not a broadcast.
        tensor.mutable_tensor_shape()->mutable_dim(0)->set_size(1);
        QVERIFY(!tensorShapeError(tensor, 2).empty());
    }

    void nestedLengthsPastTheRecordAreRefusedFirst()
    {
        // Found by fuzz_event_decoder's peak-allocation invariant: a Summary (length 13, true)
        // whose Value claims 172 MB holds a tag claiming 100 MB; libprotobuf reserved 50 MB
        // for that string before finding the record short. Refused before parsing now.
        const std::string value = std::string("\x0a\x80\x80\x80\x30", 5) + "tag";
        const std::string summary = std::string("\x0a\xaa\xaa\xaa\x52", 5) + value;
        const std::string record = std::string("\x10\x01\x2a", 3) + char(summary.size()) + summary;
        QVERIFY(!lengthsFitTheirMessages(record, pb::Event::descriptor()));
        pb::Event parsed;
        QVERIFY(!parsed.ParseFromString(record)); // what libprotobuf concludes anyway
        EventDecoder decoder;
        QVERIFY(!decoder.decode(record));
        // Lengths that fit, unknown fields and groups included, pass.
        pb::Event event;
        event.set_step(3);
        event.mutable_summary()->add_value()->set_tag("loss");
        const std::string group = std::string("\xa3\x06\x0a\x02hi\xa4\x06", 8); // field 100
        QVERIFY(
            lengthsFitTheirMessages(event.SerializeAsString() + group, pb::Event::descriptor()));
        QVERIFY(decoder.decode(event.SerializeAsString()).has_value());
    }

    void garbageIsRejected()
    {
        EventDecoder decoder;
        QVERIFY(!decoder.decode("\xff\xff\xff\xff\xff not a protobuf"));
    }

    void halfFloats()
    {
        QCOMPARE(halfToFloat(0x3C00), 1.0f);
        QCOMPARE(halfToFloat(0xC000), -2.0f);
        QCOMPARE(halfToFloat(0x0001), std::ldexp(1.0f, -24));
        QVERIFY(std::isinf(halfToFloat(0x7C00)));
        QVERIFY(std::isnan(halfToFloat(0x7E00)));
    }
};

LANTERN_TEST_GUILESS_MAIN(TestEventDecoder)
#include "test_event_decoder.moc"
