#include "core/projector/projector_bookmarks.h"

#include "core/events/json_value.h"

#include <algorithm>
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
    else if (bookmark.projection == "tsne")
        bookmark.unsupported = "it shows a t-SNE projection; Lantern computes PCA only";
    else if (bookmark.projection == "umap")
        bookmark.unsupported = "it shows a UMAP projection; Lantern computes PCA only";
    else if (bookmark.projection == "custom")
        bookmark.unsupported = "it shows a custom projection; Lantern computes PCA only";
    else if (bookmark.projection.empty())
        bookmark.unsupported = "it does not say which projection it shows";
    else
        bookmark.unsupported = "its projection \"" + bookmark.projection.substr(0, 40)
            + "\" is not one Lantern knows";
    return bookmark;
}

} // namespace

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
