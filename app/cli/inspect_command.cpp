// `lantern-cli inspect`: what a log directory holds, run by run. Names from the log are printed
// with control characters escaped (core/export/text_encoding.h): nothing reaches the terminal raw.

#include "app/cli/commands.h"
#include "core/events/hparams_decoder.h"
#include "core/export/text_encoding.h"
#include "core/io/opened_logdirs.h"
#include "core/io/path_text.h"
#include "core/load/graph_loader.h"
#include "core/load/logdir_loader.h"
#include "core/projector/embedding_summary.h"

#include "graph.pb.h"

#include <cmath>
#include <iostream>
#include <map>
#include <set>

namespace lantern::cli {

using namespace lantern::core;

namespace {

std::string_view graphSourceName(GraphSource source)
{
    switch (source) {
    case GraphSource::GraphDef:
        return "graph_def";
    case GraphSource::MetaGraphDef:
        return "meta_graph_def";
    case GraphSource::KerasModel:
        return "keras_model";
    case GraphSource::RunMetadata:
        return "run_metadata";
    }
    return "unknown";
}

std::string_view statusName(SessionEndStatus status)
{
    switch (status) {
    case SessionEndStatus::Success:
        return "success";
    case SessionEndStatus::Failure:
        return "failure";
    case SessionEndStatus::Running:
        return "running";
    case SessionEndStatus::Unknown:
        break;
    }
    return "unknown";
}

// What a run holds beyond its tags: images and clips counted one by one, the graph shown
// first (decoded now, from disk, to count its nodes) and the hparams.
struct RunExtras {
    std::uint64_t images = 0;
    std::uint64_t clips = 0;
    std::optional<GraphReference> graph;
    int graphNodes = 0;
    std::string graphError;
    RunHParams hparams;
};

RunExtras extrasOf(const RunSnapshot& run)
{
    RunExtras extras;
    for (const TagSnapshot& tag : run.tags) {
        if (tag.kind != ValueKind::Image && tag.kind != ValueKind::Audio)
            continue;
        std::uint64_t& count = tag.kind == ValueKind::Image ? extras.images : extras.clips;
        for (std::size_t i = 0; i < tag.blobs.size(); ++i)
            count += tag.blobs[i].count;
    }
    extras.graph = run.graphReference();
    if (extras.graph) {
        const DecodedGraph graph = loadGraph(*extras.graph);
        if (graph.ok())
            extras.graphNodes = graph.graph->node_size();
        else
            extras.graphError = graph.error;
    }
    extras.hparams = run.hparams;
    return extras;
}

std::string hparamJson(const HParamValue& value)
{
    if (const auto* text = std::get_if<std::string>(&value))
        return jsonString(*text);
    if (const auto* number = std::get_if<double>(&value); number && !std::isfinite(*number))
        return jsonString(hparamValueText(value)); // JSON has no NaN or infinity
    return hparamValueText(value);
}

std::string extrasJson(const RunExtras& extras)
{
    std::string out = ",\n \"media\": {\"images\": " + std::to_string(extras.images)
        + ", \"audio\": " + std::to_string(extras.clips) + "},\n \"graph\": ";
    if (!extras.graph) {
        out += "null";
    } else {
        out += "{\"source\": " + jsonString(graphSourceName(extras.graph->source)) + ", \"tag\": "
            + jsonString(extras.graph->tag) + ", \"nodes\": " + std::to_string(extras.graphNodes);
        if (!extras.graphError.empty())
            out += ", \"error\": " + jsonString(extras.graphError);
        out += "}";
    }
    const RunHParams& hparams = extras.hparams;
    out += ",\n \"hparams\": ";
    if (hparams.empty()) {
        out += "null";
        return out;
    }
    out += "{\"values\": {";
    if (hparams.sessionStart) {
        bool first = true;
        for (const auto& [name, value] : hparams.sessionStart->hparams) {
            out += (first ? "" : ", ") + jsonString(name) + ": " + hparamJson(value);
            first = false;
        }
    }
    out += "}";
    if (hparams.sessionStart)
        out += ", \"group\": " + jsonString(hparams.sessionStart->groupName);
    if (hparams.sessionEnd)
        out += ", \"status\": " + jsonString(statusName(hparams.sessionEnd->status));
    if (hparams.experiment) {
        out += ", \"experiment\": {\"hparams\": [";
        for (std::size_t i = 0; i < hparams.experiment->hparams.size(); ++i)
            out += (i ? ", " : "") + jsonString(hparams.experiment->hparams[i].name);
        out += "], \"metrics\": [";
        for (std::size_t i = 0; i < hparams.experiment->metrics.size(); ++i)
            out += (i ? ", " : "") + jsonString(hparams.experiment->metrics[i].tag);
        out += "]}";
    }
    out += "}";
    return out;
}

void printExtras(const RunExtras& extras)
{
    if (extras.images + extras.clips > 0)
        std::cout << "  media: " << extras.images << " image(s), " << extras.clips
                  << " audio clip(s)\n";
    if (extras.graph) {
        std::cout << "  graph: " << graphSourceName(extras.graph->source);
        if (!extras.graph->tag.empty())
            std::cout << " '" << printableText(extras.graph->tag) << "'";
        if (extras.graphError.empty())
            std::cout << ", " << extras.graphNodes << " node(s)\n";
        else
            std::cout << ", unreadable: " << printableText(extras.graphError) << "\n";
    }
    const RunHParams& hparams = extras.hparams;
    if (hparams.sessionStart) {
        std::cout << "  hparam values:";
        for (const auto& [name, value] : hparams.sessionStart->hparams)
            std::cout << " " << printableText(name) << "=" << printableText(hparamValueText(value));
        if (hparams.sessionEnd)
            std::cout << "  (" << statusName(hparams.sessionEnd->status) << ")";
        std::cout << "\n";
    }
    if (hparams.experiment)
        std::cout << "  hparams experiment: " << hparams.experiment->hparams.size()
                  << " hparam(s), " << hparams.experiment->metrics.size() << " metric(s)\n";
}

// The projector's embeddings in the loaded runs and at the log directories' roots (a folder
// with only projector data has no runs, yet its embeddings are listed), each summarised
// without reading its values; problems that concern no one embedding come separately.
struct ProjectorFacts {
    std::vector<ProjectorEmbeddingSource> sources;
    std::vector<EmbeddingSummary> summaries;
    std::vector<std::string> otherProblems;
};

ProjectorFacts projectorFacts(const LogdirLoader& loader, const std::vector<LogdirSpec>& specs)
{
    std::vector<ProjectorRunDirectory> runs;
    for (const auto& run : loader.runs())
        runs.push_back({run->name, run->directory});
    std::vector<std::pair<std::string, std::filesystem::path>> logdirs;
    for (const LogdirSpec& spec : specs)
        logdirs.emplace_back(spec.name, spec.path);
    ProjectorDiscovery discovery = discoverProjectorEmbeddings(runs, logdirs);
    ProjectorFacts facts;
    std::set<std::string> ownProblems;
    for (const ProjectorEmbeddingSource& source : discovery.embeddings) {
        ownProblems.insert(source.problems.begin(), source.problems.end());
        facts.summaries.push_back(summarizeEmbedding(source));
    }
    facts.sources = std::move(discovery.embeddings);
    for (std::string& problem : discovery.problems)
        if (!ownProblems.contains(problem))
            facts.otherProblems.push_back(std::move(problem));
    return facts;
}

std::string_view originName(TensorOrigin origin)
{
    switch (origin) {
    case TensorOrigin::TextFile:
        return "tsv";
    case TensorOrigin::BinaryFile:
        return "binary";
    case TensorOrigin::Checkpoint:
        return "checkpoint";
    case TensorOrigin::None:
        break;
    }
    return "none";
}

std::string stringArrayJson(const std::vector<std::string>& texts)
{
    std::string out = "[";
    for (std::size_t i = 0; i < texts.size(); ++i)
        out += (i ? ", " : "") + jsonString(texts[i]);
    return out + "]";
}

// {run, name, shape: [rows, dims], source: {kind, path[, variable]}, metadata_path,
// metadata_columns, metadata_rows, sprite: {path, width, height, tile_width, tile_height} | null,
// bookmarks (count or null), problems}
std::string embeddingJson(const ProjectorEmbeddingSource& source, const EmbeddingSummary& summary)
{
    const bool checkpoint = summary.origin == TensorOrigin::Checkpoint;
    std::string out = "{\"run\": " + jsonString(source.run)
        + ", \"name\": " + jsonString(source.name) + ", \"shape\": [" + std::to_string(summary.rows)
        + ", " + std::to_string(summary.columns)
        + "],\n  \"source\": {\"kind\": " + jsonString(originName(summary.origin)) + ", \"path\": "
        + jsonString(pathText(checkpoint ? source.checkpointPrefix : source.tensorPath));
    if (checkpoint)
        out += ", \"variable\": " + jsonString(source.checkpointVariable);
    out += "},\n  \"metadata_path\": " + jsonString(pathText(source.metadataPath))
        + ", \"metadata_columns\": " + stringArrayJson(summary.metadataColumns)
        + ", \"metadata_rows\": " + std::to_string(summary.metadataRows) + ",\n  \"sprite\": ";
    if (source.spritePath.empty()) {
        out += "null";
    } else {
        const auto number = [](const auto& value, bool first) {
            return value ? std::to_string(first ? value->first : value->second)
                         : std::string("null");
        };
        out += "{\"path\": " + jsonString(pathText(source.spritePath))
            + ", \"width\": " + number(source.spriteImageSize, true)
            + ", \"height\": " + number(source.spriteImageSize, false)
            + ", \"tile_width\": " + number(source.spriteTile, true)
            + ", \"tile_height\": " + number(source.spriteTile, false) + "}";
    }
    out += ", \"bookmarks\": "
        + (summary.bookmarks ? std::to_string(*summary.bookmarks) : std::string("null"))
        + ",\n  \"problems\": " + stringArrayJson(summary.problems) + "}";
    return out;
}

void printProjector(const ProjectorFacts& facts)
{
    if (facts.sources.empty() && facts.otherProblems.empty())
        return;
    std::cout << "\nprojector: " << facts.sources.size() << " embedding(s)\n";
    for (std::size_t i = 0; i < facts.sources.size(); ++i) {
        const ProjectorEmbeddingSource& source = facts.sources[i];
        const EmbeddingSummary& summary = facts.summaries[i];
        std::cout << "  run " << printableText(source.run) << ", " << printableText(source.name)
                  << ": " << summary.rows << " × " << summary.columns;
        if (summary.origin == TensorOrigin::Checkpoint)
            std::cout << " from checkpoint " << printableText(pathText(source.checkpointPrefix))
                      << ", variable " << printableText(source.checkpointVariable) << "\n";
        else if (summary.origin != TensorOrigin::None)
            std::cout << " from " << originName(summary.origin) << " file "
                      << printableText(pathText(source.tensorPath)) << "\n";
        else
            std::cout << ", no tensor\n";
        if (!source.metadataPath.empty()) {
            std::cout << "    metadata: " << summary.metadataRows << " row(s), columns:";
            for (const std::string& column : summary.metadataColumns)
                std::cout << " " << printableText(column);
            std::cout << "\n";
        }
        if (!source.spritePath.empty()) {
            std::cout << "    sprite: " << printableText(pathText(source.spritePath));
            if (source.spriteImageSize)
                std::cout << " (" << source.spriteImageSize->first << " × "
                          << source.spriteImageSize->second << ")";
            if (source.spriteTile)
                std::cout << ", tiles " << source.spriteTile->first << " × "
                          << source.spriteTile->second;
            std::cout << "\n";
        }
        if (summary.bookmarks)
            std::cout << "    bookmarks: " << *summary.bookmarks << "\n";
        for (const std::string& problem : summary.problems)
            std::cout << "    ! " << printableText(problem) << "\n";
    }
    for (const std::string& problem : facts.otherProblems)
        std::cout << "  ! " << printableText(problem) << "\n";
}

// The same facts as the text form, for scripts: {event_files, records, bytes, runs: [{name,
// directory, file_version, events, tags: {kind: [{tag, plugin, values[, blobs]}]}, graphs,
// media: {images, audio}, graph: {source, tag, nodes[, error]} | null, hparams: {values,
// group, status, experiment: {hparams, metrics}} | null, diagnostics: [{file, offset, bytes,
// reason}]}], discovery_problems, embeddings: [see embeddingJson], projector_problems}.
void printJson(const LogdirLoader& loader, const LoadStatistics& statistics,
    const std::map<std::string, RunExtras>& extras, const ProjectorFacts& projector)
{
    std::string out = "{\"event_files\": " + std::to_string(statistics.eventFiles)
        + ", \"records\": " + std::to_string(statistics.records)
        + ", \"bytes\": " + std::to_string(statistics.bytesRead) + ",\n\"runs\": [";
    bool firstRun = true;
    for (const auto& run : loader.runs()) {
        out += firstRun ? "\n" : ",\n";
        firstRun = false;
        out += "{\"name\": " + jsonString(run->name)
            + ", \"directory\": " + jsonString(pathText(run->directory))
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
                    + ", \"plugin\": " + jsonString(data.metadata->pluginName)
                    + ", \"values\": " + std::to_string(data.size());
                if (!data.blobs().empty()) {
                    const auto blobs = data.blobs().snapshot();
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
            + ", \"run_metadata\": " + std::to_string(run->runMetadataCount) + "}"
            + extrasJson(extras.at(run->name)) + ",\n \"diagnostics\": [";
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
    out += "],\n\"embeddings\": [";
    for (std::size_t i = 0; i < projector.sources.size(); ++i)
        out += (i ? ",\n " : "\n ") + embeddingJson(projector.sources[i], projector.summaries[i]);
    out += "],\n\"projector_problems\": " + stringArrayJson(projector.otherProblems) + "}\n";
    std::cout << out;
}

} // namespace

int runInspect(const std::vector<std::string>& arguments)
{
    std::vector<std::string> opened;
    bool json = false;
    LoadOptions options;
    for (const std::string& argument : arguments) {
        if (argument == "--json")
            json = true;
        else if (argument == "--keep-orphaned-data")
            options.keepOrphanedData = true;
        else
            opened.push_back(argument);
    }
    std::vector<LogdirSpec> specs;
    for (const std::string& spec : openedLogdirSpecs(opened)) // an event file opens its folder
        specs.push_back(parseLogdirSpec(spec));
    if (specs.empty()) {
        std::cerr << "Usage: lantern-cli inspect SPEC... [--json] [--keep-orphaned-data]\n";
        return 2;
    }
    if (!logdirsReadable(specs, "inspect"))
        return 1;
    LogdirLoader loader(specs, options);
    loader.setSettlePolicy(SettlePolicy::settledNow());
    const LoadStatistics statistics = loader.reload();
    std::map<std::string, RunExtras> extras;
    const auto snapshot = loader.snapshot();
    for (const auto& run : snapshot->runs)
        extras.emplace(run->name, extrasOf(*run));
    const ProjectorFacts projector = projectorFacts(loader, specs);
    if (json) {
        printJson(loader, statistics, extras, projector);
        return 0;
    }

    std::cout << loader.runs().size() << " run(s), " << statistics.eventFiles << " event file(s), "
              << statistics.records << " record(s), " << statistics.bytesRead << " bytes\n";
    for (const auto& run : loader.runs()) {
        std::cout << "\nrun " << printableText(run->name) << "  (" << run->eventCount << " events";
        if (!run->fileVersion.empty())
            std::cout << ", " << printableText(run->fileVersion);
        std::cout << ")\n";
        for (const ValueKind kind : kAllValueKinds) {
            if (run->countOf(kind) == 0)
                continue;
            std::cout << "  " << valueKindName(kind) << ":\n";
            for (const auto& [tag, data] : run->tags)
                if (data.kind == kind)
                    std::cout << "    " << printableText(tag) << "  " << data.size() << "\n";
        }
        if (run->graphCount + run->metaGraphCount + run->runMetadataCount > 0)
            std::cout << "  graphs: " << run->graphCount << " graph_def, " << run->metaGraphCount
                      << " meta_graph_def, " << run->runMetadataCount << " run_metadata\n";
        printExtras(extras.at(run->name));
        for (const Diagnostic& diagnostic : run->diagnostics)
            std::cout << "  ! " << printableText(diagnostic.file) << " @" << diagnostic.offset
                      << ": " << printableText(diagnostic.reason) << " (" << diagnostic.bytesSkipped
                      << " bytes skipped)\n";
    }
    for (const std::string& problem : loader.discoveryProblems())
        std::cout << "! " << printableText(problem) << "\n";
    printProjector(projector);
    if (loader.runs().empty())
        std::cout << "No event files (names containing 'tfevents') were found"
                  << (projector.sources.empty() ? ".\n"
                                                : "; the projector's data is listed above.\n");
    return 0;
}

} // namespace lantern::cli
