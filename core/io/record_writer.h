#pragma once
// Appends TFRecord-framed records to a file, as TensorFlow's writers do.

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace lantern::core {

// The framed bytes of one record: header, data and data checksum.
std::string frameRecord(std::string_view data);

class RecordWriter {
public:
    // Opens `path` for appending (creating it). ok() tells whether that worked.
    explicit RecordWriter(const std::filesystem::path& path);

    bool ok() const { return m_file != nullptr; }
    bool write(std::string_view data);
    bool flush();

private:
    struct FileCloser {
        void operator()(std::FILE* file) const { std::fclose(file); }
    };
    std::unique_ptr<std::FILE, FileCloser> m_file;
};

} // namespace lantern::core
