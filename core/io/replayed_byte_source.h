#pragma once
// A source whose first bytes were already read (to look at a file's head): hands them out
// again, then reads on from the same source, so the file need not be opened a second time
// (over SSH, each open and close is a round trip).

#include "core/io/byte_source.h"

#include <algorithm>
#include <cstring>
#include <memory>

namespace lantern::core {

class ReplayedByteSource final : public ByteSource {
public:
    // `prefix`: the bytes already read from `rest`'s start.
    ReplayedByteSource(std::string prefix, std::unique_ptr<ByteSource> rest)
        : m_prefix(std::move(prefix))
        , m_rest(std::move(rest))
    {
    }

    std::size_t read(char* buffer, std::size_t size) override
    {
        const std::size_t replayed = std::min(size, m_prefix.size() - m_replayed);
        std::memcpy(buffer, m_prefix.data() + m_replayed, replayed);
        m_replayed += replayed;
        return replayed == size ? size
                                : replayed + m_rest->read(buffer + replayed, size - replayed);
    }
    const std::string& error() const override { return m_rest->error(); }
    std::uint64_t skipHole() override
    {
        return m_replayed == m_prefix.size() ? m_rest->skipHole() : 0;
    }
    bool connectionLost() const override { return m_rest->connectionLost(); }

private:
    std::string m_prefix;
    std::size_t m_replayed = 0;
    std::unique_ptr<ByteSource> m_rest;
};

} // namespace lantern::core
