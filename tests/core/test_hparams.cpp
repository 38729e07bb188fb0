// Structured hparams on each run's snapshot: the experiment (hparam infos with their domains,
// metric infos), the session start (values, group, time) and end (status, time), from our
// writer, from hand-made plugin data, from garbage, and from real Keras and Lightning logs.

#include "core/events/hparams_decoder.h"
#include "core/io/file_byte_source.h"
#include "core/io/path_text.h"
#include "core/io/record_reader.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include "event.pb.h"
#include "plugins.pb.h"

#include <QTemporaryDir>
#include <QTest>

using namespace lantern::core;
using namespace lantern::test;
namespace fs = std::filesystem;
namespace pb = lantern::pb;

namespace {

std::shared_ptr<const LogdirSnapshot> load(const fs::path& logdir)
{
    LogdirLoader loader({{"", logdir}});
    loader.reload();
    return loader.snapshot();
}

std::vector<pb::Event> readEvents(const fs::path& file)
{
    RecordReader reader(std::make_unique<FileByteSource>(file, 0));
    std::vector<pb::Event> events;
    while (const auto record = reader.next())
        events.emplace_back().ParseFromArray(record->data.data(), int(record->data.size()));
    return events;
}

pb::Event hparamsEvent(const std::string& tag, const pb::HParamsPluginData& data)
{
    pb::Event event;
    event.set_wall_time(5.0);
    pb::Summary::Value* value = event.mutable_summary()->add_value();
    value->set_tag(tag);
    value->mutable_metadata()->mutable_plugin_data()->set_plugin_name("hparams");
    value->mutable_metadata()->mutable_plugin_data()->set_content(data.SerializeAsString());
    value->mutable_tensor()->set_dtype(pb::DT_FLOAT);
    return event;
}

} // namespace

class TestHParams : public QObject {
    Q_OBJECT
private slots:
    void writerHParamsRoundTrip()
    {
        QTemporaryDir temp;
        const std::map<std::string, HParamValue> values
            = {{"lr", 0.001}, {"optimizer", std::string("adam")}, {"augment", true}};
        const std::string metrics[] = {"loss", "accuracy"};
        {
            EventFileWriter writer(pathFromText(temp.path().toStdString()) / "trial");
            writer.addHParams(values, metrics, 1000.5);
            writer.addScalar("loss", 0, 0.25f);
            writer.addHParamsSessionEnd(SessionEndStatus::Success, 2000.25);
        }
        const auto snapshot = load(pathFromText(temp.path().toStdString()));
        const RunHParams& hparams = snapshot->find("trial")->hparams;
        QVERIFY(hparams.errors.empty());
        QVERIFY(hparams.experiment && hparams.sessionStart && hparams.sessionEnd);

        QCOMPARE(hparams.experiment->timeCreatedSecs, 1000.5);
        QCOMPARE(hparams.experiment->hparams.size(), std::size_t(3));
        std::map<std::string, HParamType> types;
        for (const HParamInfo& info : hparams.experiment->hparams)
            types[info.name] = info.type;
        QCOMPARE(types.at("lr"), HParamType::Float64);
        QCOMPARE(types.at("optimizer"), HParamType::String);
        QCOMPARE(types.at("augment"), HParamType::Bool);
        QCOMPARE(hparams.experiment->metrics.size(), std::size_t(2));
        QCOMPARE(hparams.experiment->metrics[1].tag, std::string("accuracy"));

        QVERIFY(hparams.sessionStart->hparams == values);
        QCOMPARE(hparams.sessionStart->startTimeSecs, 1000.5);
        QCOMPARE(hparams.sessionEnd->status, SessionEndStatus::Success);
        QCOMPARE(hparams.sessionEnd->endTimeSecs, 2000.25);
    }

    // hp.hparams_config's experiment from TF 2.1 (b04), rewritten by our writer: the plugin
    // content is the same bytes. The event around it is TensorBoard's current layout: no step
    // (0, which proto3 leaves out) and the plugin's NULL_TENSOR, a length-0 float vector.
    void writerMatchesTensorBoardLayout()
    {
        HParamsExperiment experiment;
        HParamInfo& units = experiment.hparams.emplace_back();
        units.name = "num_units";
        units.type = HParamType::Float64;
        units.discreteDomain = {16.0, 32.0};
        HParamInfo& dropout = experiment.hparams.emplace_back();
        dropout.name = "dropout";
        dropout.type = HParamType::Float64;
        dropout.intervalDomain = std::pair(0.1, 0.2);
        HParamInfo& optimizer = experiment.hparams.emplace_back();
        optimizer.name = "optimizer";
        optimizer.type = HParamType::String;
        optimizer.discreteDomain = {std::string("adam"), std::string("sgd")};
        MetricInfo& accuracy = experiment.metrics.emplace_back();
        accuracy.tag = "accuracy";
        accuracy.displayName = "Accuracy";

        QTemporaryDir temp;
        fs::path file;
        {
            EventFileWriter writer(pathFromText(temp.path().toStdString()));
            writer.addHParamsExperiment(experiment, 1585792142.5);
            file = writer.path();
        }
        const std::vector<pb::Event> events = readEvents(file);
        QCOMPARE(events.size(), std::size_t(2));
        QVERIFY(!events[1].has_step());
        const pb::Summary::Value& value = events[1].summary().value(0);
        QCOMPARE(value.tag(), std::string("_hparams_/experiment"));
        QVERIFY(!value.metadata().has_data_class());
        QCOMPARE(value.tensor().SerializeAsString(), std::string("\x08\x01\x12\x02\x12\x00", 6));

        const auto corpus = corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(corpusMissingMessage()));
        const auto theirs = readEvents(*corpus
            / "b04_tf2_hparams_plugin/logs/hparam_tuning/"
              "events.out.tfevents.1585792142.ezio-virtual-machine.128712.5.v2");
        QCOMPARE(theirs.size(), std::size_t(2));
        QCOMPARE(value.metadata().plugin_data().content(),
            theirs[1].summary().value(0).metadata().plugin_data().content());
    }

    void domainsMetricsAndGroups()
    {
        pb::HParamsPluginData experiment;
        pb::HParamsExperiment* e = experiment.mutable_experiment();
        e->set_name("sweep");
        e->set_user("me");
        pb::HParamInfo* units = e->add_hparam_infos();
        units->set_name("units");
        units->set_display_name("Units");
        units->set_type(pb::HParamInfo::DATA_TYPE_FLOAT64);
        units->mutable_domain_discrete()->add_values()->set_number_value(16);
        units->mutable_domain_discrete()->add_values()->set_number_value(32);
        pb::HParamInfo* rate = e->add_hparam_infos();
        rate->set_name("rate");
        rate->mutable_domain_interval()->set_min_value(0.1);
        rate->mutable_domain_interval()->set_max_value(0.5);
        rate->set_differs(true);
        pb::HParamsMetricInfo* metric = e->add_metric_infos();
        metric->mutable_name()->set_group("validation");
        metric->mutable_name()->set_tag("epoch_accuracy");
        metric->set_dataset_type(pb::HParamsMetricInfo::DATASET_VALIDATION);

        pb::HParamsPluginData start;
        pb::HParamsSessionStartInfo* s = start.mutable_session_start_info();
        (*s->mutable_hparams())["units"].set_number_value(32);
        (*s->mutable_hparams())["nothing"].set_null_value({});
        (*s->mutable_hparams())["list"].mutable_list_value()->add_values()->set_bool_value(true);
        s->set_group_name("group-7");
        s->set_model_uri("/models/7");

        QTemporaryDir temp;
        {
            EventFileWriter writer(pathFromText(temp.path().toStdString()) / "run");
            writer.writeEvent(hparamsEvent("_hparams_/experiment", experiment));
            writer.writeEvent(hparamsEvent("_hparams_/session_start_info", start));
        }
        const auto snapshot = load(pathFromText(temp.path().toStdString()));
        const RunHParams& hparams = snapshot->find("run")->hparams;
        QVERIFY(hparams.experiment && hparams.sessionStart && !hparams.sessionEnd);
        QCOMPARE(hparams.experiment->name, std::string("sweep"));
        QCOMPARE(hparams.experiment->user, std::string("me"));
        const HParamInfo& unitsInfo = hparams.experiment->hparams.at(0);
        QCOMPARE(unitsInfo.displayName, std::string("Units"));
        QVERIFY(unitsInfo.discreteDomain == (std::vector<HParamValue> {16.0, 32.0}));
        QVERIFY(!unitsInfo.intervalDomain);
        const HParamInfo& rateInfo = hparams.experiment->hparams.at(1);
        QVERIFY(rateInfo.discreteDomain.empty());
        QVERIFY(rateInfo.intervalDomain == std::pair(0.1, 0.5));
        QVERIFY(rateInfo.differs && !unitsInfo.differs);
        QCOMPARE(hparams.experiment->metrics.at(0).group, std::string("validation"));
        QCOMPARE(hparams.experiment->metrics.at(0).datasetType, DatasetType::Validation);
        QCOMPARE(hparams.sessionStart->groupName, std::string("group-7"));
        QCOMPARE(hparams.sessionStart->modelUri, std::string("/models/7"));
        QVERIFY(hparams.sessionStart->hparams.at("units") == HParamValue(32.0));
        QVERIFY(!hparams.sessionStart->hparams.contains("nothing")); // null carries nothing
        QCOMPARE(hparamValueText(hparams.sessionStart->hparams.at("list")), std::string("[true]"));
    }

    void undecodableContentIsReported()
    {
        RunHParams hparams;
        decodeHParamsContent("\xff\xff\xff\xff", hparams);
        QCOMPARE(hparams.errors.size(), std::size_t(1));
        decodeHParamsContent("", hparams); // parses, but holds nothing
        QCOMPARE(hparams.errors.size(), std::size_t(2));
        QVERIFY(hparams.empty());
    }

    void valuesAsText()
    {
        QCOMPARE(hparamValueText(0.1), std::string("0.1"));
        QCOMPARE(hparamValueText(32.0), std::string("32"));
        QCOMPARE(hparamValueText(true), std::string("true"));
        QCOMPARE(hparamValueText(std::string("adam")), std::string("adam"));
    }

    // Keras' hp.hparams (TF 2.1) and PyTorch Lightning's log_hyperparams.
    void corpusHParams()
    {
        const auto corpus = corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(corpusMissingMessage()));
        const auto keras = load(*corpus / "b04_tf2_hparams_plugin");
        std::size_t sessions = 0, ended = 0;
        for (const auto& run : keras->runs) {
            QVERIFY(run->hparams.errors.empty());
            if (!run->hparams.sessionStart)
                continue;
            ++sessions;
            QVERIFY(!run->hparams.sessionStart->hparams.empty());
            QVERIFY(run->hparams.sessionStart->startTimeSecs > 1.5e9);
            if (run->hparams.sessionEnd) { // sessions cut short wrote no end
                ++ended;
                QCOMPARE(run->hparams.sessionEnd->status, SessionEndStatus::Success);
            }
        }
        qInfo("b04: %zu sessions, %zu ended", sessions, ended);
        QVERIFY2(sessions >= 17, qPrintable(QString::number(sessions)));
        QVERIFY2(ended >= 9, qPrintable(QString::number(ended)));

        for (const char* name :
            {"d08_lightning_minimal_hparams_only", "d07_lightning_hparams_15k_records"}) {
            const auto lightning = load(*corpus / name);
            const RunHParams& hparams = lightning->runs.at(0)->hparams;
            QVERIFY(hparams.errors.empty());
            QVERIFY(hparams.experiment && hparams.sessionStart && hparams.sessionEnd);
            // Lightning declares every logged hparam in the experiment.
            for (const auto& hparam : hparams.sessionStart->hparams) {
                const std::string& key = hparam.first; // clang 14 lambdas cannot capture bindings
                const auto& infos = hparams.experiment->hparams;
                QVERIFY2(std::any_of(infos.begin(), infos.end(),
                             [&](const HParamInfo& info) { return info.name == key; }),
                    key.c_str());
            }
        }
    }
};

LANTERN_TEST_GUILESS_MAIN(TestHParams)
#include "test_hparams.moc"
