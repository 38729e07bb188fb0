#pragma once
// TensorBoard's projector bookmarks (the file a config's bookmarks_path names): a JSON array
// of saved states, each with a label, the projection shown (PCA with its components, t-SNE,
// UMAP or a custom one), the selected points and a camera. Lantern applies the PCA ones (and
// their camera where its view can show it); the others are listed with why they cannot be
// applied.

#include <array>
#include <cstddef>
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

struct ProjectorBookmark {
    std::string label; // as saved, or "Bookmark N" (1-based) when it has none
    std::string projection; // "pca", "tsne", "umap", "custom", as saved; empty when not said
    std::vector<std::size_t> pcaComponents; // 0-based; 2 or 3 of them for a PCA state
    int dimensions = 2; // 2 or 3
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
// the text, and real files that big hold per-point projections Lantern does not use.
inline constexpr std::size_t kMaxParsedBookmarksBytes = 8u << 20;
// Values (numbers, strings, arrays…) in one file; beyond this it is refused, so that a file
// of tiny values cannot make a huge tree.
inline constexpr std::size_t kMaxParsedBookmarksValues = 500'000;

// Unknown fields are ignored; a state that is not an object, or whose projection Lantern
// cannot show, is kept with `unsupported` saying why.
ProjectorBookmarks parseProjectorBookmarks(std::string_view json);

} // namespace lantern::core
