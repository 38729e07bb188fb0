// `lantern-cli inspect`: what a log directory holds, run by run.

#include "app/cli/commands.h"
#include "core/load/logdir_loader.h"

#include <iostream>

namespace lantern::cli {

using namespace lantern::core;

namespace {

// The same facts as the text form, for scripts: {event_files, records, bytes, runs: [{name,
// directory, file_version, events, tags: {kind: [{tag, plugin, values[, blobs]}]}, graphs,
// diagnostics: [{file, offset, bytes, reason}]}], discovery_problems}.
void printJson(const LogdirLoader& loader, const LoadStatistics& statistics)
{
    std::string out = "{\"event_files\": " + std::to_string(statistics.eventFiles)
        + ", \"records\": " + std::to_string(statistics.records)
        + ", \"bytes\": " + std::to_string(statistics.bytesRead) + ",\n\"runs\": [";
    bool firstRun = true;
    for (const auto& run : loader.runs()) {
        out += firstRun ? "\n" : ",\n";
        firstRun = false;
        out += "{\"name\": " + jsonString(run->name)
            + ", \"directory\": " + jsonString(run->directory.string())
            + ", \"file_version\": " + jsonString(run->fileVersion)
            + ", \"events\": " + std::to_string(run->eventCount) + ",\n \"tags\": {";
        bool firstKind = true;
        for (const ValueKind kind : kAllValueKinds) {
            if (run->countOf(kind) == 0)
                continue;
            out += firstKind ? "" : ", ";
            firstKind = false;
            out += jsonString(valueKindName(kind)) + ": [";
            bool firstTag = true;
            for (const auto& [tag, data] : run->tags) {
                if (data.kind != kind)
                    continue;
                out += firstTag ? "" : ", ";
                firstTag = false;
                out += "{\"tag\": " + jsonString(tag)
                    + ", \"plugin\": " + jsonString(data.metadata.pluginName)
                    + ", \"values\": " + std::to_string(data.size());
                if (!data.blobs.empty()) {
                    const auto blobs = data.blobs.snapshot();
                    std::uint64_t count = 0;
                    for (std::size_t i = 0; i < blobs.size(); ++i)
                        count += blobs[i].count;
                    out += ", \"blobs\": " + std::to_string(count);
                }
                out += "}";
            }
            out += "]";
        }
        out += "},\n \"graphs\": {\"graph_def\": " + std::to_string(run->graphCount)
            + ", \"meta_graph_def\": " + std::to_string(run->metaGraphCount)
            + ", \"run_metadata\": " + std::to_string(run->runMetadataCount)
            + "},\n \"diagnostics\": [";
        bool firstDiagnostic = true;
        for (const Diagnostic& diagnostic : run->diagnostics) {
            out += firstDiagnostic ? "" : ", ";
            firstDiagnostic = false;
            out += "{\"file\": " + jsonString(diagnostic.file)
                + ", \"offset\": " + std::to_string(diagnostic.offset)
                + ", \"bytes\": " + std::to_string(diagnostic.bytesSkipped)
                + ", \"reason\": " + jsonString(diagnostic.reason) + "}";
        }
        out += "]}";
    }
    out += firstRun ? "],\n" : "\n],\n";
    out += "\"discovery_problems\": [";
    for (std::size_t i = 0; i < loader.discoveryProblems().size(); ++i)
        out += (i ? ", " : "") + jsonString(loader.discoveryProblems()[i]);
    out += "]}\n";
    std::cout << out;
}

} // namespace

int runInspect(const std::vector<std::string>& arguments)
{
    std::vector<LogdirSpec> specs;
    bool json = false;
    for (const std::string& argument : arguments) {
        if (argument == "--json")
            json = true;
        else
            specs.push_back(parseLogdirSpec(argument));
    }
    if (specs.empty()) {
        std::cerr << "Usage: lantern-cli inspect SPEC... [--json]\n";
        return 2;
    }
    LogdirLoader loader(specs);
    const LoadStatistics statistics = loader.reload();
    if (json) {
        printJson(loader, statistics);
        return 0;
    }

    std::cout << loader.runs().size() << " run(s), " << statistics.eventFiles << " event file(s), "
              << statistics.records << " record(s), " << statistics.bytesRead << " bytes\n";
    std::size_t diagnosticCount = 0;
    for (const auto& run : loader.runs()) {
        std::cout << "\nrun " << run->name << "  (" << run->eventCount << " events";
        if (!run->fileVersion.empty())
            std::cout << ", " << run->fileVersion;
        std::cout << ")\n";
        for (const ValueKind kind : kAllValueKinds) {
            if (run->countOf(kind) == 0)
                continue;
            std::cout << "  " << valueKindName(kind) << ":\n";
            for (const auto& [tag, data] : run->tags)
                if (data.kind == kind)
                    std::cout << "    " << tag << "  " << data.size() << "\n";
        }
        if (run->graphCount + run->metaGraphCount + run->runMetadataCount > 0)
            std::cout << "  graphs: " << run->graphCount << " graph_def, " << run->metaGraphCount
                      << " meta_graph_def, " << run->runMetadataCount << " run_metadata\n";
        for (const Diagnostic& diagnostic : run->diagnostics)
            std::cout << "  ! " << diagnostic.file << " @" << diagnostic.offset << ": "
                      << diagnostic.reason << " (" << diagnostic.bytesSkipped
                      << " bytes skipped)\n";
        diagnosticCount += run->diagnostics.size();
    }
    for (const std::string& problem : loader.discoveryProblems())
        std::cout << "! " << problem << "\n";
    if (loader.runs().empty())
        std::cout << "No event files (names containing 'tfevents') were found.\n";
    return 0;
}

} // namespace lantern::cli
