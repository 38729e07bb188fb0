#pragma once
// Writes text summaries into a rich-text document, as TensorBoard's text dashboard shows them:
// each step under a heading, its strings rendered as markdown (GitHub's dialect; raw HTML is
// shown as the text it is, never interpreted) or as plain text, a rank-0 tensor as a paragraph
// and higher ranks as a table (see core/analysis/text_layout.h).

#include "core/store/tag_entries.h"

#include <cstddef>

class QTextCursor;

namespace lantern::ui {

enum class TextFormat { Markdown, Plain };

// Very large texts and tables are cut so one step cannot stall the view; the cut is said.
inline constexpr std::size_t kMaxTextBytes = 200'000;
inline constexpr std::size_t kMaxTableColumns = 100;
inline constexpr std::size_t kMaxTableCells = 10'000;

// Appends `entry` at the end of the cursor's document: a heading "Step N" with the wall time,
// then its text.
void appendTextEntry(QTextCursor& cursor, const core::TensorEntry& entry, TextFormat format);

} // namespace lantern::ui
