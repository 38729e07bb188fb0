#pragma once
// Reads a file from a given offset, and keeps reading what is appended after end of file.

#include "core/io/byte_source.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>

namespace lantern::core {

class FileByteSource final : public ByteSource {
public:
    // Opens `path` at `offset`. On failure the source is empty and error() says why.
    FileByteSource(const std::filesystem::path& path, std::uint64_t offset);

    std::size_t read(char* buffer, std::size_t size) override;
    const std::string& error() const override { return m_error; }
    // Uses lseek(SEEK_DATA) where the platform has it.
    std::uint64_t skipHole() override;

private:
    struct FileCloser {
        void operator()(std::FILE* file) const { std::fclose(file); }
    };
    std::unique_ptr<std::FILE, FileCloser> m_file;
    std::string m_error;
};

} // namespace lantern::core
