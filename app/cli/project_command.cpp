// `lantern-cli project`: one embedding of a log directory laid out in 2 or 3 dimensions by PCA,
// t-SNE or UMAP, written as a TSV of coordinates (one row per point, in the embedding's row order,
// no header), with the time the layout took (not the loading) on stdout. The benchmarks and
// users' scripts call this.

#include "app/cli/commands.h"
#include "core/analysis/pca.h"
#include "core/analysis/tsne.h"
#include "core/analysis/umap.h"
#include "core/io/open_file.h"
#include "core/io/path_text.h"
#include "core/io/run_discovery.h"
#include "core/projector/projector_discovery.h"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <optional>

namespace lantern::cli {

using namespace lantern::core;

namespace {

struct ProjectOptions {
    std::vector<LogdirSpec> specs;
    std::string embedding;
    std::string run; // empty: any run, when the name is not ambiguous
    std::string method;
    std::size_t dimensions = 2;
    double perplexity = 30;
    std::size_t neighbours = 15;
    std::size_t iterations = 1000;
    bool iterationsGiven = false; // UMAP's default epochs depend on the points
    std::uint64_t seed = 1;
    std::string out;
};

constexpr const char* kUsage
    = "Usage: lantern-cli project SPEC... --embedding NAME [--run RUN] --method pca|tsne|umap\n"
      "    [--dims 2|3] [--perplexity P] [--neighbors K] [--iterations N] [--seed S] --out "
      "FILE.tsv\n";

bool parseProjectOptions(const std::vector<std::string>& arguments, ProjectOptions& options)
{
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        const bool hasValue = i + 1 < arguments.size();
        try {
            if (argument == "--embedding" && hasValue)
                options.embedding = arguments[++i];
            else if (argument == "--run" && hasValue)
                options.run = arguments[++i];
            else if (argument == "--method" && hasValue)
                options.method = arguments[++i];
            else if (argument == "--dims" && hasValue)
                options.dimensions = std::stoul(arguments[++i]);
            else if (argument == "--perplexity" && hasValue)
                options.perplexity = std::stod(arguments[++i]);
            else if (argument == "--neighbors" && hasValue)
                options.neighbours = std::stoul(arguments[++i]);
            else if (argument == "--iterations" && hasValue) {
                options.iterations = std::stoul(arguments[++i]);
                options.iterationsGiven = true;
            } else if (argument == "--seed" && hasValue)
                options.seed = std::stoull(arguments[++i]);
            else if (argument == "--out" && hasValue)
                options.out = arguments[++i];
            else if (!argument.starts_with("--"))
                options.specs.push_back(parseLogdirSpec(argument));
            else
                return false;
        } catch (const std::exception&) {
            return false;
        }
    }
    return !options.specs.empty() && !options.embedding.empty() && !options.out.empty();
}

// The embedding called `name` (in `run`, when given) among every run and log directory root.
std::optional<ProjectorEmbeddingSource> findEmbedding(const ProjectOptions& options)
{
    std::vector<ProjectorRunDirectory> runs;
    std::vector<std::pair<std::string, std::filesystem::path>> logdirs;
    for (const LogdirSpec& spec : options.specs) {
        logdirs.emplace_back(spec.name, spec.path);
        for (const RunLocation& location : discoverRuns(spec.path).runs) {
            std::string name = location.name;
            if (!spec.name.empty())
                name = location.name == "." ? spec.name : spec.name + "/" + location.name;
            runs.push_back({name, location.directory});
        }
    }
    const ProjectorDiscovery discovery = discoverProjectorEmbeddings(runs, logdirs);
    std::vector<const ProjectorEmbeddingSource*> matches;
    for (const ProjectorEmbeddingSource& source : discovery.embeddings)
        if (source.name == options.embedding && (options.run.empty() || source.run == options.run))
            matches.push_back(&source);
    if (matches.size() == 1)
        return *matches.front();
    if (matches.empty()) {
        std::cerr << "lantern-cli project: no embedding named '" << options.embedding << "'"
                  << (options.run.empty() ? "" : " in run '" + options.run + "'")
                  << "; the embeddings found are:\n";
        for (const ProjectorEmbeddingSource& source : discovery.embeddings)
            std::cerr << "  run '" << source.run << "': '" << source.name << "'\n";
        if (discovery.embeddings.empty())
            std::cerr << "  (none)\n";
    } else {
        std::cerr << "lantern-cli project: runs";
        for (const ProjectorEmbeddingSource* source : matches)
            std::cerr << " '" << source->run << "'";
        std::cerr << " each have an embedding named '" << options.embedding
                  << "'; choose one with --run\n";
    }
    return std::nullopt;
}

bool writeCoordinates(
    const std::string& path, std::span<const float> coordinates, std::size_t dimensions)
{
    std::FILE* file = openFile(pathFromText(path), "wb");
    if (!file)
        return false;
    std::string text;
    char number[32];
    for (std::size_t i = 0; i < coordinates.size(); ++i) {
        const auto end = std::to_chars(number, number + sizeof number, coordinates[i]).ptr;
        text.append(number, end);
        text += (i + 1) % dimensions == 0 ? '\n' : '\t';
    }
    const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
    return std::fclose(file) == 0 && written;
}

// The time from `began` to the layout's first frame (its preparation), for large inputs; with
// the processor time of every thread so far, which a busy machine does not inflate.
void printPrepared(std::chrono::steady_clock::time_point began)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.3f s (processor %.1f s)",
        std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count(),
        double(std::clock()) / CLOCKS_PER_SEC);
    std::cout << "prepared: " << text << "\n";
}

// UMAP on both cores: the same seed gives a layout of the same quality, not the same bytes.
bool layOutByUmap(const LoadedEmbedding& embedding, const std::string& name,
    const ProjectOptions& options, std::vector<float>& coordinates)
{
    const auto began = std::chrono::steady_clock::now();
    UmapOptions umap;
    umap.dimensions = options.dimensions;
    umap.neighbours = options.neighbours;
    umap.epochs = options.iterationsGiven ? options.iterations : 0;
    umap.seed = options.seed;
    UmapLayout layout
        = UmapLayout::prepare(embedding.values, embedding.rows, embedding.columns, umap);
    if (!layout.ok()) {
        std::cerr << "lantern-cli project: UMAP cannot lay out '" << name << "': " << layout.error()
                  << "\n";
        return false;
    }
    printPrepared(began);
    for (const std::string& note : layout.notes())
        std::cout << "note: " << note << "\n";
    layout.iterate(layout.totalEpochs());
    coordinates.assign(layout.coordinates().begin(), layout.coordinates().end());
    return true;
}

} // namespace

int runProject(const std::vector<std::string>& arguments)
{
    ProjectOptions options;
    if (!parseProjectOptions(arguments, options)) {
        std::cerr << kUsage;
        return 2;
    }
    if (options.method != "pca" && options.method != "tsne" && options.method != "umap") {
        std::cerr << "lantern-cli project: --method must be pca, tsne or umap, not '"
                  << options.method << "'\n";
        return 2;
    }
    if (options.dimensions != 2 && options.dimensions != 3) {
        std::cerr << "lantern-cli project: --dims must be 2 or 3\n";
        return 2;
    }
    if (!logdirsReadable(options.specs, "project"))
        return 1;
    const std::optional<ProjectorEmbeddingSource> source = findEmbedding(options);
    if (!source)
        return 1;
    const LoadedEmbedding embedding = loadEmbedding(*source);
    if (!embedding.error.empty()) {
        std::cerr << "lantern-cli project: " << embedding.error << "\n";
        return 1;
    }
    if (!embedding.warning.empty())
        std::cerr << embedding.warning << "\n";

    const auto began = std::chrono::steady_clock::now();
    std::vector<float> coordinates;
    std::size_t dimensions = options.dimensions;
    if (options.method == "pca") {
        PcaResult pca = principalComponents(
            embedding.values, embedding.rows, embedding.columns, options.dimensions);
        coordinates = std::move(pca.coordinates);
        dimensions = pca.components;
    } else if (options.method == "umap") {
        if (!layOutByUmap(embedding, source->name, options, coordinates))
            return 1;
    } else {
        TsneOptions tsne;
        tsne.dimensions = options.dimensions;
        tsne.perplexity = options.perplexity;
        tsne.seed = options.seed;
        TsneLayout layout
            = TsneLayout::prepare(embedding.values, embedding.rows, embedding.columns, tsne);
        if (!layout.ok()) {
            std::cerr << "lantern-cli project: t-SNE cannot lay out '" << source->name
                      << "': " << layout.error() << "\n";
            return 1;
        }
        printPrepared(began);
        for (const std::string& note : layout.notes())
            std::cout << "note: " << note << "\n";
        layout.iterate(options.iterations);
        coordinates.assign(layout.coordinates().begin(), layout.coordinates().end());
    }
    const double seconds
        = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    if (dimensions == 0 || !writeCoordinates(options.out, coordinates, dimensions)) {
        std::cerr << "lantern-cli project: cannot write " << options.out << "\n";
        return 1;
    }
    std::cout << options.method << ": " << embedding.rows << " points × " << embedding.columns
              << " → " << dimensions << " dimensions\n";
    char time[32];
    std::snprintf(time, sizeof time, "%.3f", seconds);
    std::cout << "time: " << time << " s\n";
    return 0;
}

} // namespace lantern::cli
