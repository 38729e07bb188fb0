#pragma once
// Everything loaded for one run: its tags, scalar series, counts of other values, diagnostics.

#include "core/events/decoded_event.h"
#include "core/store/diagnostic.h"
#include "core/store/scalar_series.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace lantern::core {

struct TagInfo {
    ValueKind kind = ValueKind::Tensor;
    std::string pluginName;
    std::uint64_t valueCount = 0; // values (events) recorded for the tag
    std::uint64_t blobCount = 0; // images or audio clips, which can be several per value
};

struct RunData {
    std::string name;
    std::filesystem::path directory;
    std::string fileVersion;
    std::map<std::string, TagInfo> tags;
    std::map<std::string, ScalarSeries> scalars;
    std::uint64_t graphCount = 0;
    std::uint64_t metaGraphCount = 0;
    std::uint64_t runMetadataCount = 0;
    std::uint64_t eventCount = 0;
    std::vector<Diagnostic> diagnostics;

    // Adds one decoded event's contents.
    void add(const DecodedEvent& event);
    std::uint64_t countOf(ValueKind kind) const;
};

} // namespace lantern::core
