#include "tests/support/test_support.h"

#include "core/io/record_writer.h"

#include "event.pb.h"

#include <cstdlib>

namespace lantern::test {

std::optional<std::filesystem::path> corpusDirectory()
{
    std::filesystem::path directory = LANTERN_CORPUS_DIR;
    if (const char* overridden = std::getenv("LANTERN_CORPUS"))
        directory = overridden;
    std::error_code error;
    if (std::filesystem::is_regular_file(directory / "MANIFEST.tsv", error))
        return directory;
    return std::nullopt;
}

QString corpusMissingMessage()
{
    return QStringLiteral("real-log corpus not found (../shared/corpus or $LANTERN_CORPUS); "
                          "skipping corpus checks");
}

std::string fileVersionEvent(double wallTime)
{
    pb::Event event;
    event.set_wall_time(wallTime);
    event.set_file_version("brain.Event:2");
    return event.SerializeAsString();
}

std::string scalarEvent(const std::string& tag, long long step, float value, double wallTime)
{
    pb::Event event;
    event.set_wall_time(wallTime);
    event.set_step(step);
    auto* summaryValue = event.mutable_summary()->add_value();
    summaryValue->set_tag(tag);
    summaryValue->set_simple_value(value);
    return event.SerializeAsString();
}

void appendRecords(const std::filesystem::path& path, const std::vector<std::string>& records)
{
    std::filesystem::create_directories(path.parent_path());
    core::RecordWriter writer(path);
    for (const std::string& record : records)
        writer.write(record);
    writer.flush();
}

} // namespace lantern::test
