// The hparams association across runs (buildHParamsTable): a declared experiment and its
// sessions, an experiment synthesized from the sessions, a session in the root run, sessions in
// several named logdirs, live updates, and TensorFlow's own hparams logs. Logs are written with
// our writer; every expected value is worked out by hand from what the test writes.

#include "core/analysis/hparams_table.h"
#include "core/io/path_text.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include <QTemporaryDir>
#include <QTest>

using namespace lantern::core;
using namespace lantern::test;
namespace fs = std::filesystem;
using namespace std::string_literals;

namespace {

HParamsTable tableOf(std::vector<LogdirSpec> logdirs)
{
    LogdirLoader loader(std::move(logdirs));
    loader.reload();
    return buildHParamsTable(*loader.snapshot());
}

SessionStartInfo startInfo(
    std::map<std::string, HParamValue> hparams, double startTime, std::string group = {})
{
    SessionStartInfo start;
    start.hparams = std::move(hparams);
    start.startTimeSecs = startTime;
    start.groupName = std::move(group);
    return start;
}

HParamInfo hparamInfo(const std::string& name, HParamType type)
{
    HParamInfo info;
    info.name = name;
    info.type = type;
    return info;
}

MetricInfo metricInfo(const std::string& group, const std::string& tag)
{
    MetricInfo metric;
    metric.group = group;
    metric.tag = tag;
    return metric;
}

void writeScalars(const fs::path& run, const std::string& tag,
    std::vector<std::pair<std::int64_t, float>> points, double wallTime = 10)
{
    EventFileWriter writer(run);
    for (const auto& [step, value] : points)
        writer.addScalar(tag, step, value, wallTime + double(step));
}

std::optional<HParamsMetricValue> metric(double value, std::int64_t step, double wallTime)
{
    return HParamsMetricValue {value, step, wallTime};
}

} // namespace

class TestHParamsTable : public QObject {
    Q_OBJECT
private slots:
    void declaredExperiment()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        HParamsExperiment declared;
        declared.hparams
            = {hparamInfo("lr", HParamType::Float64), hparamInfo("optimizer", HParamType::String),
                hparamInfo("dropout", HParamType::Float64)};
        declared.metrics = {metricInfo("", "loss"), metricInfo("validation", "accuracy"),
            metricInfo("train", "absent")};
        declared.metrics[0].displayName = "Loss";
        {
            EventFileWriter(root).addHParamsExperiment(declared, 1);
            EventFileWriter one(root / "run-1");
            one.addHParamsSessionStart(startInfo({{"lr", 0.01}, {"optimizer", "adam"s}}, 100, "a"));
            one.addHParamsSessionEnd(SessionEndStatus::Success, 200);
            EventFileWriter ten(root / "run-10");
            ten.addHParamsSessionStart(
                startInfo({{"lr", 0.1}, {"optimizer", "sgd"s}, {"dropout", 0.5}}, 300));
            ten.addHParamsSessionEnd(SessionEndStatus::Failure, 400);
            EventFileWriter(root / "run-2")
                .addHParamsSessionStart(startInfo({{"lr", 0.001}, {"momentum", 0.9}}, 500));
        }
        writeScalars(root / "run-1" / "scalars", "loss", {{0, 0.9f}, {1, 0.5f}, {2, 0.25f}});
        writeScalars(root / "run-1" / "validation", "accuracy", {{0, 0.5f}, {5, 0.75f}});
        writeScalars(root / "run-10" / "scalars", "loss", {{7, 2.0f}});
        writeScalars(root / "run-10" / "validation", "accuracy", {{3, 0.125f}});

        const HParamsTable table = tableOf({{"", root}});
        QCOMPARE(table.experimentRun, std::string("."));
        QCOMPARE(table.experiment.hparams.size(), std::size_t(3)); // momentum is not declared
        QCOMPARE(table.experiment.metrics[0].displayName, std::string("Loss"));
        QCOMPARE(table.sessions.size(), std::size_t(3));

        const HParamsSession& one = table.sessions[0];
        QCOMPARE(one.run, std::string("run-1"));
        QCOMPARE(one.groupName, std::string("a"));
        QVERIFY(one.hparams[0] == HParamValue(0.01));
        QVERIFY(one.hparams[1] == HParamValue("adam"s));
        QVERIFY(!one.hparams[2]); // declared, but this session has no dropout
        QVERIFY(!one.metrics[0]); // `loss` sits in run-1/scalars, not in run-1 itself
        QVERIFY(one.metrics[1] == metric(0.75, 5, 15));
        QVERIFY(!one.metrics[2]); // no run-1/train
        QCOMPARE(one.status, SessionEndStatus::Success);
        QCOMPARE(one.startTimeSecs, 100.0);
        QCOMPARE(one.endTimeSecs, std::optional(200.0));

        const HParamsSession& ten = table.sessions[1];
        QCOMPARE(ten.run, std::string("run-10"));
        QCOMPARE(ten.groupName, std::string("run-10")); // no group name given
        QVERIFY(ten.hparams[2] == HParamValue(0.5));
        QVERIFY(ten.metrics[1] == metric(0.125, 3, 13));
        QCOMPARE(ten.status, SessionEndStatus::Failure);

        const HParamsSession& two = table.sessions[2];
        QCOMPARE(two.run, std::string("run-2"));
        QVERIFY(!two.hparams[1] && !two.hparams[2]);
        QCOMPARE(two.status, SessionEndStatus::Unknown); // still running, or cut short
        QVERIFY(!two.endTimeSecs);
    }

    void synthesizedExperiment()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        {
            EventFileWriter s1(root / "s1");
            s1.addHParamsSessionStart(
                startInfo({{"lr", 0.1}, {"opt", "adam"s}, {"flag", true}}, 1));
            s1.addScalar("loss", 3, 0.5f, 20);
            const double weights[] = {1, 2, 3};
            s1.addHistogram("weights", 0, weights); // not a scalar: not a metric
            EventFileWriter(root / "s10")
                .addHParamsSessionStart(
                    startInfo({{"lr", 0.01}, {"opt", 3.0}, {"flag", false}}, 2));
        }
        writeScalars(root / "s1" / "train", "acc", {{1, 0.25f}, {2, 0.5f}});
        writeScalars(root / "s10" / "eval", "acc", {{4, 0.75f}}); // under s10, not s1
        writeScalars(root / "other", "zzz", {{0, 1.0f}}); // under no session

        const HParamsTable table = tableOf({{"", root}});
        QVERIFY(table.experimentRun.empty());
        const auto& hparams = table.experiment.hparams;
        QCOMPARE(hparams.size(), std::size_t(3));
        QCOMPARE(hparams[0].name, std::string("flag"));
        QCOMPARE(hparams[0].type, HParamType::Bool);
        QVERIFY(hparams[0].discreteDomain == (std::vector<HParamValue> {false, true}));
        QCOMPARE(hparams[1].name, std::string("lr"));
        QCOMPARE(hparams[1].type, HParamType::Float64);
        QVERIFY(hparams[1].intervalDomain == std::pair(0.01, 0.1));
        QVERIFY(hparams[1].discreteDomain.empty());
        QCOMPARE(hparams[2].name, std::string("opt"));
        QCOMPARE(hparams[2].type, HParamType::String); // a string and a number
        QVERIFY(hparams[2].discreteDomain == (std::vector<HParamValue> {"3"s, "adam"s}));
        QVERIFY(hparams[0].differs && hparams[1].differs && hparams[2].differs);

        // Every scalar tag under a session, by tag then group.
        const auto& metrics = table.experiment.metrics;
        QCOMPARE(metrics.size(), std::size_t(3));
        QCOMPARE(metrics[0].tag + "@" + metrics[0].group, std::string("acc@eval"));
        QCOMPARE(metrics[1].tag + "@" + metrics[1].group, std::string("acc@train"));
        QCOMPARE(metrics[2].tag + "@" + metrics[2].group, std::string("loss@"));

        QCOMPARE(table.sessions.size(), std::size_t(2));
        const HParamsSession& s1 = table.sessions[0];
        QVERIFY(!s1.metrics[0]);
        QVERIFY(s1.metrics[1] == metric(0.5, 2, 12));
        QVERIFY(s1.metrics[2] == metric(0.5, 3, 20));
        const HParamsSession& s10 = table.sessions[1];
        QVERIFY(s10.hparams[2] == HParamValue(3.0)); // the cell keeps the value as written
        QVERIFY(s10.metrics[0] == metric(0.75, 4, 14));
        QVERIFY(!s10.metrics[1] && !s10.metrics[2]);
    }

    // Lightning's layout: experiment, session and scalars all in the logdir's root run.
    void sessionInTheRootRun()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        const std::string metricTags[] = {"val_loss"};
        {
            EventFileWriter writer(root);
            writer.addHParams({{"batch_size", 32.0}}, metricTags, 1);
            writer.addScalar("val_loss", 9, 0.375f, 50);
        }
        writeScalars(root / "version_0", "val_loss", {{0, 1.0f}}); // not the root's

        const HParamsTable table = tableOf({{"", root}});
        QCOMPARE(table.sessions.size(), std::size_t(1));
        QCOMPARE(table.sessions[0].run, std::string("."));
        QVERIFY(table.sessions[0].metrics[0] == metric(0.375, 9, 50));
        QCOMPARE(metricRunName(".", "train"), std::string("train"));
        QCOMPARE(metricRunName("a/b", "train"), std::string("a/b/train"));
        QCOMPARE(metricRunName("a/b", ""), std::string("a/b"));
    }

    // Named logdirs prefix their runs ("A/run-0"); the first declared experiment holds for all.
    void sessionsInSeveralLogdirs()
    {
        QTemporaryDir a, b;
        const fs::path rootA = pathFromText(a.path().toStdString()),
                       rootB = pathFromText(b.path().toStdString());
        HParamsExperiment declared;
        declared.hparams
            = {hparamInfo("lr", HParamType::Float64), hparamInfo("units", HParamType::Float64)};
        declared.metrics = {metricInfo("validation", "acc")};
        {
            EventFileWriter(rootA).addHParamsExperiment(declared, 1);
            EventFileWriter(rootA / "run-0")
                .addHParamsSessionStart(startInfo({{"lr", 0.1}, {"units", 8.0}}, 1));
            EventFileWriter(rootB / "run-0").addHParamsSessionStart(startInfo({{"lr", 0.2}}, 2));
        }
        writeScalars(rootA / "run-0" / "validation", "acc", {{1, 0.5f}});
        writeScalars(rootB / "run-0" / "validation", "acc", {{2, 0.25f}});

        const HParamsTable table = tableOf({{"A", rootA}, {"B", rootB}});
        QCOMPARE(table.experimentRun, std::string("A"));
        QCOMPARE(table.sessions.size(), std::size_t(2));
        QCOMPARE(table.sessions[0].run, std::string("A/run-0"));
        QVERIFY(table.sessions[0].hparams[1] == HParamValue(8.0));
        QVERIFY(table.sessions[0].metrics[0] == metric(0.5, 1, 11));
        QCOMPARE(table.sessions[1].run, std::string("B/run-0"));
        QVERIFY(table.sessions[1].hparams[0] == HParamValue(0.2));
        QVERIFY(!table.sessions[1].hparams[1]);
        QVERIFY(table.sessions[1].metrics[0] == metric(0.25, 2, 12));
    }

    void followsLiveLogs()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        EventFileWriter first(root / "first");
        first.addHParamsSessionStart(startInfo({{"lr", 0.1}}, 1));
        first.addScalar("loss", 0, 1.0f, 10);
        first.flush();
        LogdirLoader loader({{"", root}});
        loader.reload();
        HParamsTable table = buildHParamsTable(*loader.snapshot());
        QCOMPARE(table.sessions.size(), std::size_t(1));
        QVERIFY(table.sessions[0].metrics[0] == metric(1.0, 0, 10));

        first.addScalar("loss", 1, 0.5f, 11);
        first.addHParamsSessionEnd(SessionEndStatus::Success, 12);
        first.flush();
        {
            EventFileWriter second(root / "second");
            second.addHParamsSessionStart(startInfo({{"lr", 0.2}}, 2));
        }
        loader.reload();
        table = buildHParamsTable(*loader.snapshot());
        QCOMPARE(table.sessions.size(), std::size_t(2));
        QVERIFY(table.sessions[0].metrics[0] == metric(0.5, 1, 11));
        QCOMPARE(table.sessions[0].status, SessionEndStatus::Success);
        QCOMPARE(table.sessions[1].run, std::string("second"));
        QVERIFY(table.experiment.hparams[0].intervalDomain == std::pair(0.1, 0.2));
        QVERIFY(!table.sessions[1].metrics[0]);
    }

    // TF 2.1's hp.hparams_config in logs/hparam_tuning (the first run with an experiment),
    // hp.hparams in its run-N; older Keras-callback sessions under log/text_hp keep only the
    // declared hparams they share (num_units) and have no `accuracy` of their own.
    void corpusKerasSweep()
    {
        const auto corpus = corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(corpusMissingMessage()));
        const HParamsTable table = tableOf({{"", *corpus / "b04_tf2_hparams_plugin"}});
        QCOMPARE(table.experimentRun, std::string("logs/hparam_tuning"));
        const auto& hparams = table.experiment.hparams;
        QCOMPARE(hparams.size(), std::size_t(3));
        QCOMPARE(hparams[0].name, std::string("num_units"));
        QVERIFY(hparams[0].discreteDomain == (std::vector<HParamValue> {16.0, 32.0}));
        QCOMPARE(hparams[1].name, std::string("dropout"));
        QVERIFY(hparams[1].intervalDomain == std::pair(0.1, 0.2));
        QCOMPARE(hparams[2].name, std::string("optimizer"));
        QCOMPARE(table.experiment.metrics.size(), std::size_t(1));
        QCOMPARE(table.experiment.metrics[0].tag, std::string("accuracy"));
        QCOMPARE(table.experiment.metrics[0].displayName, std::string("Accuracy"));

        QCOMPARE(table.sessions.size(), std::size_t(17)); // 9 under log/text_hp, 8 under logs
        const auto find = [&](const std::string& run) {
            for (const HParamsSession& session : table.sessions)
                if (session.run == run)
                    return &session;
            return static_cast<const HParamsSession*>(nullptr);
        };
        const HParamsSession* one = find("logs/hparam_tuning/run-1");
        QVERIFY(one);
        QVERIFY(one->hparams[0] == HParamValue(16.0));
        QVERIFY(one->hparams[1] == HParamValue(0.1));
        QVERIFY(one->hparams[2] == HParamValue("sgd"s));
        QCOMPARE(one->metrics[0]->value, double(0.7925000190734863f)); // bytes 48 e1 4a 3f
        QCOMPARE(one->metrics[0]->step, std::int64_t(1));
        QCOMPARE(one->groupName.size(), std::size_t(64)); // hp.hparams' SHA-256 trial id
        QCOMPARE(one->status, SessionEndStatus::Unknown); // hp.hparams writes no end
        const HParamsSession* seven = find("logs/hparam_tuning/run-7");
        QVERIFY(seven && seven->hparams[0] == HParamValue(32.0));
        QCOMPARE(seven->metrics[0]->value, double(0.7688999772071838f));

        const HParamsSession* keras = find("log/text_hp/hparam_tuning/run-0");
        QVERIFY(keras);
        QVERIFY(keras->hparams[0] == HParamValue(16.0));
        QVERIFY(!keras->hparams[1] && !keras->hparams[2]); // it logged "optimizers"
        QVERIFY(!keras->metrics[0]);
        QCOMPARE(keras->status, SessionEndStatus::Success);
    }
};

LANTERN_TEST_GUILESS_MAIN(TestHParamsTable)
#include "test_hparams_table.moc"
