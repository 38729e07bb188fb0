#include "core/load/text_graph_loader.h"

#include "core/io/path_text.h"

#include "graph.pb.h"
#include "text_graph.pb.h"

#include <fstream>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>
#include <system_error>

namespace lantern::core {
namespace {

// The parser reports every problem; the first one, with its line, is what a user needs.
class FirstParseProblem : public google::protobuf::io::ErrorCollector {
public:
    void AddError(int line, int column, const std::string& message) override
    {
        if (!m_text.empty())
            return;
        m_text = "line " + std::to_string(line + 1) + ":" + std::to_string(column + 1) + ": "
            + message;
    }
    std::string text() const { return m_text; }

private:
    std::string m_text;
};

DecodedGraph failed(std::string why)
{
    DecodedGraph out;
    out.error = std::move(why);
    return out;
}

} // namespace

GraphReference textGraphReference(const std::filesystem::path& file)
{
    GraphReference reference;
    reference.source = GraphSource::GraphDef;
    reference.file = file;
    reference.tag = std::string(kTextGraphFileName);
    return reference;
}

bool isTextGraph(const GraphReference& reference)
{
    return reference.source == GraphSource::GraphDef && reference.tag == kTextGraphFileName;
}

DecodedGraph parseTextGraph(std::string_view source)
{
    if (source.size() > kMaxTextGraphBytes)
        return failed("the text graph is larger than 512 MiB");
    pb::TextGraphDef text;
    FirstParseProblem problem;
    google::protobuf::TextFormat::Parser parser;
    parser.RecordErrorsTo(&problem);
    parser.AllowUnknownField(true); // fields of newer GraphDefs that our schema leaves out
    parser.SetRecursionLimit(100); // nested attr lists of a hostile file stop here
    if (!parser.ParseFromString(std::string(source), &text))
        return failed("not a GraphDef in text format"
            + (problem.text().empty() ? std::string() : " (" + problem.text() + ")"));
    auto graph = std::make_shared<pb::GraphDef>();
    graph->mutable_node()->Swap(text.mutable_node());
    if (text.has_versions())
        graph->mutable_versions()->Swap(text.mutable_versions());
    DecodedGraph parsed;
    parsed.graph = std::move(graph);
    return parsed;
}

DecodedGraph loadTextGraph(
    const std::filesystem::path& file, const std::function<bool()>& cancelled)
{
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(file, error);
    if (error)
        return failed(pathText(file) + ": " + error.message());
    if (size > kMaxTextGraphBytes)
        return failed(pathText(file) + ": larger than 512 MiB, not read");
    std::string text(std::size_t(size), '\0');
    std::ifstream in(file, std::ios::binary);
    if (!in.read(text.data(), std::streamsize(text.size())))
        return failed(pathText(file) + ": could not be read");
    if (cancelled && cancelled())
        return failed("cancelled");
    DecodedGraph graph = parseTextGraph(text);
    if (!graph.ok())
        graph.error = pathText(file) + ": " + graph.error;
    return graph;
}

} // namespace lantern::core
