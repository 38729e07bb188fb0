#include "core/projector/projector_bookmarks.h"

#include "core/events/json_value.h"
#include "core/export/json_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace lantern::core {
namespace {

// TensorBoard computes and offers the first 10 principal components.
constexpr double kPcaComponentsOffered = 10;

// Every JSON value starts at one of these bytes or after one of these separators, so their
// count bounds the values the parser would build (for a cheap check before it builds them).
std::size_t valuesBound(std::string_view json)
{
    return std::size_t(std::count_if(json.begin(), json.end(), [](char c) {
        return c == ',' || c == ':' || c == '[' || c == '{';
    })) + 1;
}

bool isIndex(const JsonValue& value, double limit)
{
    return value.isNumber() && value.number >= 0 && value.number < limit
        && value.number == std::floor(value.number);
}

void readPca(const JsonValue& state, ProjectorBookmark& bookmark)
{
    const JsonValue* dimensions = state.member("pcaComponentDimensions");
    if (dimensions == nullptr || !dimensions->isArray()) {
        bookmark.unsupported = "its PCA components are not saved";
        return;
    }
    const auto& elements = dimensions->elements;
    const bool valid = (elements.size() == 2 || elements.size() == 3)
        && std::all_of(elements.begin(), elements.end(),
            [](const JsonValue& value) { return isIndex(value, kPcaComponentsOffered); });
    if (!valid) {
        bookmark.unsupported
            = "its PCA components are not 2 or 3 of the first 10 (pcaComponentDimensions)";
        return;
    }
    for (const JsonValue& value : elements)
        bookmark.pcaComponents.push_back(std::size_t(value.number));
    bookmark.dimensions = int(elements.size());
}

bool readPoint(const JsonValue* value, std::array<double, 3>& point)
{
    if (value == nullptr || !value->isArray() || value->elements.size() != 3)
        return false;
    for (std::size_t axis = 0; axis < 3; ++axis) {
        const JsonValue& coordinate = value->elements[axis];
        if (!coordinate.isNumber() || !std::isfinite(coordinate.number))
            return false;
        point[axis] = coordinate.number;
    }
    return true;
}

std::optional<ProjectorBookmarkCamera> readCamera(const JsonValue& state)
{
    const JsonValue* definition = state.member("cameraDef");
    if (definition == nullptr || !definition->isObject())
        return std::nullopt;
    ProjectorBookmarkCamera camera;
    const JsonValue* orthographic = definition->member("orthographic");
    camera.orthographic = orthographic != nullptr && orthographic->type == JsonValue::Type::Bool
        && orthographic->boolean;
    const JsonValue* zoom = definition->member("zoom");
    if (!readPoint(definition->member("position"), camera.position)
        || !readPoint(definition->member("target"), camera.target) || zoom == nullptr
        || !zoom->isNumber() || !std::isfinite(zoom->number) || zoom->number <= 0)
        return std::nullopt;
    camera.zoom = zoom->number;
    return camera;
}

double numberOr(const JsonValue& state, const char* field, double fallback)
{
    const JsonValue* value = state.member(field);
    return value != nullptr && value->isNumber() && std::isfinite(value->number) ? value->number
                                                                                 : fallback;
}

bool flagOr(const JsonValue& state, const char* field, bool fallback)
{
    const JsonValue* value = state.member(field);
    return value != nullptr && value->type == JsonValue::Type::Bool ? value->boolean : fallback;
}

std::string textOr(const JsonValue& state, const std::string& field)
{
    const JsonValue* value = state.member(field);
    return value != nullptr && value->isString() ? value->string : std::string();
}

std::size_t countOr(const JsonValue& state, const char* field, std::size_t fallback)
{
    const double value = numberOr(state, field, -1);
    return value >= 0 && value < 1e15 ? std::size_t(value) : fallback;
}

// A t-SNE or UMAP state: parameters, and every point's coordinates from `projections`.
void readLayout(const JsonValue& state, ProjectorBookmark& bookmark)
{
    const bool tsne = bookmark.projection == "tsne";
    ProjectorBookmarkLayout& layout = bookmark.layout;
    layout.perplexity = numberOr(state, "tSNEPerplexity", 0);
    if (!(layout.perplexity > 0))
        layout.perplexity = 30;
    layout.learningRate = std::max(0.0, numberOr(state, "tSNELearningRate", 0));
    layout.neighbours = countOr(state, "umapNeighbors", 15);
    layout.minDist = numberOr(state, "umapMinDist", 0.1);
    layout.epochs = countOr(state, "lanternUmapEpochs", 0);
    layout.seed = std::max<std::size_t>(1, countOr(state, "lanternSeed", 1));
    layout.iteration = countOr(state, tsne ? "tSNEIteration" : "lanternUmapEpoch", 0);
    bookmark.dimensions = flagOr(state, tsne ? "tSNEis3d" : "umapIs3d", true) ? 3 : 2;

    const std::string name = tsne ? "t-SNE" : "UMAP";
    const JsonValue* projections = state.member("projections");
    if (projections == nullptr || !projections->isArray() || projections->elements.empty()) {
        bookmark.unsupported = "its " + name + " coordinates are not saved";
        return;
    }
    std::string keys[3];
    for (int d = 0; d < 3; ++d)
        keys[d] = (tsne ? "tsne-" : "umap-") + std::to_string(d);
    layout.coordinates.reserve(projections->elements.size() * std::size_t(bookmark.dimensions));
    for (const JsonValue& point : projections->elements)
        for (int d = 0; d < bookmark.dimensions; ++d) {
            const JsonValue* value = point.member(keys[d]);
            if (value == nullptr || !value->isNumber() || !std::isfinite(value->number)) {
                layout.coordinates.clear();
                bookmark.unsupported = "its " + name
                    + " coordinates are not saved for every point (TensorBoard saves those of "
                      "the points it sampled)";
                return;
            }
            layout.coordinates.push_back(float(value->number));
        }
}

void readCustom(const JsonValue& state, ProjectorBookmark& bookmark)
{
    ProjectorBookmarkCustom& custom = bookmark.custom;
    custom.column = textOr(state, "customSelectedSearchByMetadataOption");
    const char* names[4] = {"customXLeft", "customXRight", "customYDown", "customYUp"};
    for (std::size_t i = 0; i < 4; ++i) {
        custom.text[i] = textOr(state, std::string(names[i]) + "Text");
        custom.regex[i] = flagOr(state, (std::string(names[i]) + "Regex").c_str(), false);
    }
}

ProjectorBookmark readState(const JsonValue& state, std::size_t position)
{
    ProjectorBookmark bookmark;
    const JsonValue* label = state.member("label");
    bookmark.label = label != nullptr && label->isString() && !label->string.empty()
        ? label->string
        : "Bookmark " + std::to_string(position + 1);
    if (!state.isObject()) {
        bookmark.unsupported = "it is not a saved state (a JSON object)";
        return bookmark;
    }
    if (const JsonValue* selected = state.member("selectedPoints");
        selected != nullptr && selected->isArray())
        for (const JsonValue& value : selected->elements)
            if (isIndex(value, 1e15))
                bookmark.selectedPoints.push_back(std::size_t(value.number));

    bookmark.camera = readCamera(state);

    const JsonValue* projection = state.member("selectedProjection");
    if (projection != nullptr && projection->isString())
        bookmark.projection = projection->string;
    else if (state.member("pcaComponentDimensions") != nullptr)
        bookmark.projection = "pca"; // older states say only this

    if (bookmark.projection == "pca")
        readPca(state, bookmark);
    else if (bookmark.projection == "tsne" || bookmark.projection == "umap")
        readLayout(state, bookmark);
    else if (bookmark.projection == "custom")
        readCustom(state, bookmark);
    else if (bookmark.projection.empty())
        bookmark.unsupported = "it does not say which projection it shows";
    else
        bookmark.unsupported = "its projection \"" + bookmark.projection.substr(0, 40)
            + "\" is not one Lantern knows";
    return bookmark;
}

void writePoint(std::string& out, const std::array<double, 3>& point)
{
    out += '[';
    for (std::size_t axis = 0; axis < 3; ++axis) {
        if (axis > 0)
            out += ',';
        out += jsonNumber(point[axis]);
    }
    out += ']';
}

// Floats in their shortest form that reads back the same.
void writeFloat(std::string& out, float value)
{
    char digits[32];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, end);
}

void writeState(std::string& out, const ProjectorBookmark& bookmark)
{
    const auto field = [&out](const char* name, const std::string& json) {
        out += "\n  " + jsonString(name) + ": " + json + ",";
    };
    const auto flag = [](bool value) { return std::string(value ? "true" : "false"); };
    const ProjectorBookmarkLayout& layout = bookmark.layout;
    const bool tsne = bookmark.projection == "tsne", umap = bookmark.projection == "umap";
    out += "{";
    field("label", jsonString(bookmark.label));
    field("isSelected", "false");
    field("selectedProjection", jsonString(bookmark.projection));
    // TensorBoard restores every tab's controls from any state: each field is written.
    std::string components;
    for (const std::size_t component :
        bookmark.projection == "pca" ? bookmark.pcaComponents : std::vector<std::size_t> {0, 1})
        components += (components.empty() ? "" : ",") + std::to_string(component);
    field("pcaComponentDimensions", "[" + components + "]");
    field("tSNEIteration", std::to_string(tsne ? layout.iteration : 0));
    field("tSNEPerplexity", jsonNumber(layout.perplexity));
    field("tSNELearningRate", jsonNumber(layout.learningRate));
    field("tSNEis3d", flag(tsne ? bookmark.dimensions == 3 : true));
    field("umapIs3d", flag(umap ? bookmark.dimensions == 3 : true));
    field("umapNeighbors", std::to_string(layout.neighbours));
    field("umapMinDist", jsonNumber(layout.minDist));
    field("lanternSeed", std::to_string(layout.seed));
    field("lanternUmapEpochs", std::to_string(layout.epochs));
    field("lanternUmapEpoch", std::to_string(umap ? layout.iteration : 0));
    const ProjectorBookmarkCustom& custom = bookmark.custom;
    field("customSelectedSearchByMetadataOption", jsonString(custom.column));
    const char* names[4] = {"customXLeft", "customXRight", "customYDown", "customYUp"};
    for (std::size_t i = 0; i < 4; ++i) {
        field((std::string(names[i]) + "Text").c_str(), jsonString(custom.text[i]));
        field((std::string(names[i]) + "Regex").c_str(), flag(custom.regex[i]));
    }
    std::string selected;
    for (const std::size_t row : bookmark.selectedPoints)
        selected += (selected.empty() ? "" : ",") + std::to_string(row);
    field("selectedPoints", "[" + selected + "]");
    if (const auto& camera = bookmark.camera) {
        std::string definition = "{\"orthographic\": " + flag(camera->orthographic);
        definition += ", \"position\": ";
        writePoint(definition, camera->position);
        definition += ", \"target\": ";
        writePoint(definition, camera->target);
        definition += ", \"zoom\": " + jsonNumber(camera->zoom) + "}";
        field("cameraDef", definition);
    }
    // Last, since it is by far the longest: a point per line.
    out += "\n  \"projections\": [";
    const std::size_t dimensions = std::size_t(bookmark.dimensions);
    const std::string prefix = tsne ? "\"tsne-" : "\"umap-";
    for (std::size_t i = 0; (tsne || umap) && i + dimensions <= layout.coordinates.size();
         i += dimensions) {
        out += i == 0 ? "\n    {" : ",\n    {";
        for (std::size_t d = 0; d < dimensions; ++d) {
            out += (d > 0 ? ", " : "") + prefix + std::to_string(d) + "\": ";
            writeFloat(out, layout.coordinates[i + d]);
        }
        out += '}';
    }
    out += "]\n}";
}

} // namespace

std::string projectorBookmarksJson(const std::vector<ProjectorBookmark>& bookmarks)
{
    std::string out = "[";
    bool first = true;
    for (const ProjectorBookmark& bookmark : bookmarks) {
        if (!bookmark.unsupported.empty())
            continue;
        out += first ? "\n" : ",\n";
        first = false;
        writeState(out, bookmark);
    }
    out += "\n]\n";
    return out;
}

ProjectorBookmarks parseProjectorBookmarks(std::string_view json)
{
    ProjectorBookmarks result;
    if (json.size() > kMaxParsedBookmarksBytes) {
        result.error = "The bookmarks file is " + std::to_string(json.size())
            + " bytes, more than the " + std::to_string(kMaxParsedBookmarksBytes)
            + " Lantern reads";
        return result;
    }
    if (valuesBound(json) > kMaxParsedBookmarksValues) {
        result.error = "The bookmarks file holds more than "
            + std::to_string(kMaxParsedBookmarksValues) + " values, more than Lantern reads";
        return result;
    }
    const JsonParseResult parsed = parseJson(json);
    if (!parsed.error.empty()) {
        result.error = "The bookmarks file is not JSON: " + parsed.error;
        return result;
    }
    if (!parsed.value.isArray()) {
        result.error = "The bookmarks file is not a list of saved states (a JSON array)";
        return result;
    }
    for (std::size_t i = 0; i < parsed.value.elements.size(); ++i)
        result.bookmarks.push_back(readState(parsed.value.elements[i], i));
    return result;
}

} // namespace lantern::core
