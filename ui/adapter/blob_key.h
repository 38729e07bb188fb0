#pragma once
// Names one image or clip of a stored value, for caches and for "is this still the one shown".

#include "core/load/blob_reader.h"

#include <QString>

#include <cstdint>

namespace lantern::ui {

// The record (file, offset, length), the value and the sample.
QString blobKey(const core::BlobReference& reference, std::uint32_t sample);

} // namespace lantern::ui
