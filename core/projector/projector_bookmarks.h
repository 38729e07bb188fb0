#pragma once
// TensorBoard's projector bookmarks (the file a config's bookmarks_path names): a JSON array
// of saved states, each with a label, the projection shown (PCA with its components, t-SNE,
// UMAP or a custom one), the selected points and a camera. Lantern reads them and writes its
// own in the same form (TensorBoard's field names, so that either reads the other's): a t-SNE
// or UMAP state holds its parameters and every point's coordinates ("projections", as
// TensorBoard saves them), so that it is shown again without being computed; a custom one
// holds its searches. States Lantern cannot apply are listed with why.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

// A state's camera (TensorBoard's cameraDef), in the coordinates of TensorBoard's view: each
// axis of the shown points scaled from its range to [-1, 1]. 2-D views are orthographic and
// look down at `target` (`position` is above it); 3-D views look from `position` at `target`.
struct ProjectorBookmarkCamera {
    bool orthographic = false;
    std::array<double, 3> position {};
    std::array<double, 3> target {};
    double zoom = 1; // > 0
};

// A t-SNE or UMAP state's parameters and coordinates. TensorBoard's fields: tSNEPerplexity,
// tSNELearningRate, tSNEIteration, tSNEis3d; umapNeighbors, umapMinDist, umapIs3d; the
// coordinates are each point's "tsne-0".."tsne-2" or "umap-0".."umap-2" in `projections`.
// Lantern adds lanternSeed, lanternUmapEpochs and lanternUmapEpoch, which TensorBoard ignores.
struct ProjectorBookmarkLayout {
    double perplexity = 30;
    double learningRate = 0; // 0: automatic
    std::size_t iteration = 0; // t-SNE steps or UMAP epochs done
    std::size_t neighbours = 15;
    double minDist = 0.1;
    std::size_t epochs = 0; // UMAP's total; 0: automatic
    std::uint64_t seed = 1;
    std::vector<float> coordinates; // points × dimensions; empty when not saved for every point
};

// A custom state's searches (customSelectedSearchByMetadataOption, customXLeftText and
// customXLeftRegex, …XRight…, …YDown…, …YUp…).
struct ProjectorBookmarkCustom {
    std::string column;
    std::array<std::string, 4> text; // x left, x right, y down, y up
    std::array<bool, 4> regex {};
};

struct ProjectorBookmark {
    std::string label; // as saved, or "Bookmark N" (1-based) when it has none
    std::string projection; // "pca", "tsne", "umap", "custom", as saved; empty when not said
    std::vector<std::size_t> pcaComponents; // 0-based; 2 or 3 of them for a PCA state
    int dimensions = 2; // 2 or 3
    ProjectorBookmarkLayout layout; // a t-SNE or UMAP state's
    ProjectorBookmarkCustom custom; // a custom state's
    std::vector<std::size_t> selectedPoints; // as saved (may exceed the embedding's rows)
    // When the state saved one whose numbers are all finite (and a zoom above 0).
    std::optional<ProjectorBookmarkCamera> camera;
    std::string unsupported; // why Lantern cannot apply it; empty when it can
};

struct ProjectorBookmarks {
    std::vector<ProjectorBookmark> bookmarks;
    std::string error; // the text is not a bookmarks list at all (not JSON, not an array…)
};

// Bookmarks bigger than this are refused with an error: the parsed tree costs many times
// the text. A t-SNE state of 300,000 points in 2-D is some 15 MB.
inline constexpr std::size_t kMaxParsedBookmarksBytes = 32u << 20;
// Values (numbers, strings, arrays…) in one file; beyond this it is refused, so that a file
// of tiny values cannot make a huge tree (a value costs some 130 bytes parsed).
inline constexpr std::size_t kMaxParsedBookmarksValues = 2'000'000;

// Unknown fields are ignored; a state that is not an object, or whose projection Lantern
// cannot show, is kept with `unsupported` saying why.
ProjectorBookmarks parseProjectorBookmarks(std::string_view json);

// `bookmarks` as a bookmarks file TensorBoard reads, states written with its field names (a
// PCA state's components, a t-SNE or UMAP state's parameters and per-point coordinates, a
// custom state's searches, the selection, the camera). States marked unsupported are left out.
std::string projectorBookmarksJson(const std::vector<ProjectorBookmark>& bookmarks);

} // namespace lantern::core
