// `lantern-cli inspect`: what a log directory holds, run by run.

#include "app/cli/commands.h"
#include "core/load/logdir_loader.h"

#include <iostream>

namespace lantern::cli {

using namespace lantern::core;

int runInspect(const std::vector<std::string>& arguments)
{
    std::vector<LogdirSpec> specs;
    for (const std::string& argument : arguments)
        specs.push_back(parseLogdirSpec(argument));
    if (specs.empty()) {
        std::cerr << "Usage: lantern-cli inspect SPEC...\n";
        return 2;
    }
    LogdirLoader loader(specs);
    const LoadStatistics statistics = loader.reload();

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
