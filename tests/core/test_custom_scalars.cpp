// The custom_scalars plugin's layout: written by our writer byte for byte as TensorBoard's
// custom_scalar summary writes it, read back from the file through the loader, merged across
// runs, and charts' tags found by regular expression; bad layouts say what is wrong.

#include "core/analysis/custom_chart_tags.h"
#include "core/io/file_byte_source.h"
#include "core/io/path_text.h"
#include "core/io/record_reader.h"
#include "core/load/logdir_custom_scalars.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "tests/support/test_main.h"

#include "event.pb.h"

#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace lantern::core;
namespace fs = std::filesystem;
namespace pb = lantern::pb;

namespace {

// A length-delimited protobuf field (wire type 2) of a field number below 16, by hand.
std::string field(int number, const std::string& bytes)
{
    std::string out(1, char(number << 3 | 2));
    std::size_t length = bytes.size();
    do { // varint
        out += char((length & 0x7f) | (length > 0x7f ? 0x80 : 0));
        length >>= 7;
    } while (length);
    return out + bytes;
}

CustomScalarsLayout sampleLayout()
{
    CustomScalarsLayout layout;
    layout.categories.push_back({"losses",
        {{"loss", {"loss/.*"}, {}}, {"band", {}, {{"acc", "acc/lo", "acc/hi"}}}}, false});
    layout.categories.push_back({"rates", {{"", {"lr", "momentum"}, {}}}, true});
    return layout;
}

std::shared_ptr<const LogdirSnapshot> load(const fs::path& logdir)
{
    LogdirLoader loader({{"", logdir}});
    loader.reload();
    return loader.snapshot();
}

bool anyProblemSays(const std::vector<std::string>& problems, const std::string& text)
{
    return std::any_of(problems.begin(), problems.end(),
        [&](const std::string& problem) { return problem.find(text) != std::string::npos; });
}

} // namespace

class TestCustomScalars : public QObject {
    Q_OBJECT
private slots:
    void writerBytesAreTensorBoards()
    {
        QTemporaryDir temp;
        fs::path file;
        {
            EventFileWriter writer(pathFromText(temp.path().toStdString()) / "run");
            writer.addCustomScalarsLayout(sampleLayout(), 10.5);
            file = writer.path();
        }
        // file_version, then the layout's event alone.
        RecordReader reader(std::make_unique<FileByteSource>(file, 0));
        QVERIFY(reader.next());
        const auto record = reader.next();
        QVERIFY(record && !reader.next());
        pb::Event event;
        QVERIFY(event.ParseFromArray(record->data.data(), int(record->data.size())));
        QVERIFY(!event.has_step()); // summary.pb at step 0: proto3 leaves it out
        QCOMPARE(event.wall_time(), 10.5);
        QCOMPARE(event.summary().value_size(), 1);

        // Layout.SerializeToString(): fields in number order, defaults (version 0, closed
        // false, empty titles) left out.
        const std::string chartLoss = field(1, "loss") + field(2, field(1, "loss/.*"));
        const std::string chartBand = field(1, "band")
            + field(3, field(1, field(1, "acc") + field(2, "acc/lo") + field(3, "acc/hi")));
        const std::string losses = field(1, "losses") + field(2, chartLoss) + field(2, chartBand);
        const std::string rates = field(1, "rates")
            + field(2, field(2, field(1, "lr") + field(1, "momentum")))
            + std::string("\x18\x01", 2); // closed = true
        const std::string layout = field(2, losses) + field(2, rates);
        // Summary.Value: tag 1, tensor 8 (dtype DT_STRING = 7, an empty shape, string_val 8),
        // metadata 9 (plugin_data 1 holding plugin_name 1 only).
        const std::string tensor = std::string("\x08\x07", 2) + field(2, "") + field(8, layout);
        const std::string expected = field(1, "custom_scalars__config__") + field(8, tensor)
            + field(9, field(1, field(1, "custom_scalars")));
        QCOMPARE(QByteArray::fromStdString(event.summary().value(0).SerializeAsString()).toHex(),
            QByteArray::fromStdString(expected).toHex());
    }

    void layoutReadBackFromOurFile()
    {
        QTemporaryDir temp;
        const fs::path logdir = pathFromText(temp.path().toStdString());
        {
            EventFileWriter writer(logdir / "a");
            writer.addCustomScalarsLayout(sampleLayout());
            writer.addScalar("loss/train", 1, 0.5f);
        }
        {
            // A second run's layout: one chart the first has, one it lacks, a new category.
            CustomScalarsLayout more;
            more.categories.push_back(
                {"losses", {{"loss", {"loss/.*"}, {}}, {"x", {"x"}, {}}}, false});
            more.categories.push_back({"extra", {{"e", {"e"}, {}}}, false});
            EventFileWriter writer(logdir / "b");
            writer.addCustomScalarsLayout(more);
        }
        const auto snapshot = load(logdir);
        const RunSnapshot* run = snapshot->find("a");
        QVERIFY(run);
        const TagSnapshot* tag = run->find(kCustomScalarsTag, ValueKind::Tensor);
        QVERIFY(tag);
        QCOMPARE(tag->metadata->pluginName, std::string("custom_scalars"));
        QCOMPARE(decodeCustomScalarsLayout(tag->tensors.back().strings.at(0), "a"), sampleLayout());

        const CustomScalarsLayout merged = customScalarsLayout(*snapshot);
        QVERIFY(merged.problems.empty());
        QCOMPARE(merged.categories.size(), std::size_t(3)); // losses, rates, extra
        QCOMPARE(merged.categories[0].title, std::string("losses"));
        QCOMPARE(merged.categories[0].charts.size(), std::size_t(3)); // loss, band, x
        QCOMPARE(merged.categories[0].charts[2].title, std::string("x"));
        QVERIFY(merged.categories[1].closed);
        QCOMPARE(chartTitle(merged.categories[1].charts[0]), std::string("lr, momentum"));
        QCOMPARE(merged.categories[2].title, std::string("extra"));
    }

    void multilinePatternsMatchFromTheTagsStart()
    {
        const std::vector<std::string> tags = {"eval/train_acc", "train/acc", "train/loss", "zeta"};
        const ChartTags found = chartTags({"c", {"train/", "nothing.*"}, {}}, tags);
        QCOMPARE(found.tags, (std::vector<std::string> {"train/acc", "train/loss"}));
        QCOMPARE(found.problems.size(), std::size_t(1));
        QVERIFY(anyProblemSays(found.problems, "no scalar tag matches 'nothing.*'"));
        // A tag two patterns match is shown once.
        QCOMPARE(chartTags({"c", {"train/acc", "train"}, {}}, tags).tags.size(), std::size_t(2));
    }

    void badLayoutsSayWhatIsWrong()
    {
        const std::vector<std::string> tags = {"acc", "acc/lo", "loss"};
        const ChartTags invalid = chartTags({"bad", {"loss/(", "loss"}, {}}, tags);
        QCOMPARE(invalid.tags, std::vector<std::string> {"loss"}); // the valid pattern still counts
        QVERIFY(anyProblemSays(
            invalid.problems, "chart 'bad': 'loss/(' is not a valid regular expression"));

        const ChartTags missing = chartTags({"band", {}, {{"acc", "acc/lo", "acc/hi"}}}, tags);
        QVERIFY(missing.tags.empty());
        QVERIFY(anyProblemSays(missing.problems, "no run holds scalar tag 'acc/hi'"));

        // Garbage bytes, a chart naming nothing, a margin series without its upper tag.
        const CustomScalarsLayout garbage
            = decodeCustomScalarsLayout("\xff\xff\xff\x0f garbage", "run1");
        QVERIFY(garbage.categories.empty());
        QVERIFY(anyProblemSays(garbage.problems, "run1: the custom scalars layout"));
        const std::string chartWithout = field(1, "empty");
        const std::string marginWithout
            = field(1, "m") + field(3, field(1, field(1, "v") + field(2, "lo")));
        const std::string bytes = std::string("\x08\x02", 2) // version 2
            + field(2, field(1, "cat") + field(2, chartWithout) + field(2, marginWithout));
        const CustomScalarsLayout partial = decodeCustomScalarsLayout(bytes, "run2");
        QCOMPARE(partial.categories.size(), std::size_t(1));
        QVERIFY(partial.categories[0].charts.empty());
        QVERIFY(anyProblemSays(partial.problems, "run2: layout version 2 is unknown"));
        QVERIFY(anyProblemSays(partial.problems, "chart 'empty' in category 'cat' names no tags"));
        QVERIFY(anyProblemSays(partial.problems, "margin series 1 of chart 'm' has no upper tag"));
    }

    void hugeLayoutsAreCutShort()
    {
        CustomScalarsLayout huge;
        huge.categories.push_back({"many", {}, false});
        for (int i = 0; i < 600; ++i)
            huge.categories[0].charts.push_back({std::to_string(i), {"p", "q"}, {}});
        const CustomScalarsLayout read
            = decodeCustomScalarsLayout(encodeCustomScalarsLayout(huge), "r");
        QCOMPARE(read.categories.size(), std::size_t(1));
        QCOMPARE(read.categories[0].charts.size(), std::size_t(256)); // 512 patterns
        QVERIFY(anyProblemSays(read.problems, "r: the layout names more than 512 tag patterns"));
    }

    void randomBytesNeverCrash()
    {
        std::mt19937 random(21);
        const std::string valid = encodeCustomScalarsLayout(sampleLayout());
        for (int i = 0; i < 2000; ++i) {
            std::string bytes = valid;
            for (int flips = 1 + int(random() % 4); flips > 0; --flips)
                bytes[random() % bytes.size()] = char(random());
            const CustomScalarsLayout layout = decodeCustomScalarsLayout(bytes, "r");
            QVERIFY(!layout.categories.empty() || !layout.problems.empty());
            for (const CustomCategory& category : layout.categories)
                for (const CustomChart& chart : category.charts)
                    chartTags(chart, std::vector<std::string> {"loss/a", "acc"});
        }
    }
};

LANTERN_TEST_GUILESS_MAIN(TestCustomScalars)
#include "test_custom_scalars.moc"
