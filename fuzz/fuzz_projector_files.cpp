// The projector's text inputs on fuzzed bytes. Byte 0 picks the parser: 0 → the text-format
// projector config, 1 → a metadata TSV, 2 → an embedding tensor (bytes 1–8 give the config's
// tensor_shape, which a raw binary file needs).
// Checks: no crash, hang or runaway memory; every result is consistent with itself.

#include "core/projector/embedding_tensor.h"
#include "core/projector/metadata_table.h"
#include "core/projector/projector_config.h"

#include "fuzz/fuzz_check.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace lantern::core;
using lantern::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 3) {
    case 0: {
        const ProjectorConfigParse parsed = parseProjectorConfig(rest);
        check(parsed.config.has_value() == parsed.error.empty(), "config xor error");
        // How names lose their output index is pinned by test_projector_files: a name
        // may rightly end in ":0" ("e:0:0", or a tensor named after its file).
        break;
    }
    case 1: {
        const MetadataTable table = parseMetadataTsv(rest);
        check(table.rows.empty() || !table.columns.empty(), "rows without columns");
        for (const auto& row : table.rows)
            check(row.size() <= table.columns.size(), "a row with more cells than columns");
        check(table.overlongRows <= table.rows.size(), "more overlong rows than rows");
        break;
    }
    default: {
        if (rest.size() < 8)
            return 0;
        std::uint32_t shape[2];
        std::memcpy(shape, rest.data(), sizeof shape);
        const EmbeddingTensor tensor = parseEmbeddingTensor(rest.substr(8), shape);
        if (tensor.error.empty()) {
            check(tensor.rows > 0 && tensor.columns > 0, "an empty tensor without an error");
            check(tensor.values.size() == tensor.rows * tensor.columns, "values ≠ rows × columns");
        } else {
            check(tensor.values.empty(), "values beside an error");
        }
        break;
    }
    }
    return 0;
}
