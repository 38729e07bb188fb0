// Record framing throughput against the bare CRC32C over the same bytes (the baseline).

#include "core/io/crc32c.h"
#include "core/io/record_reader.h"
#include "core/io/record_writer.h"

#include <benchmark/benchmark.h>
#include <cstring>

using namespace lantern::core;

namespace {

class MemorySource final : public ByteSource {
public:
    explicit MemorySource(const std::string& bytes)
        : m_bytes(bytes)
    {
    }
    std::size_t read(char* buffer, std::size_t size) override
    {
        const std::size_t n = std::min(size, m_bytes.size() - m_position);
        std::memcpy(buffer, m_bytes.data() + m_position, n);
        m_position += n;
        return n;
    }
    const std::string& error() const override { return m_error; }

private:
    const std::string& m_bytes;
    std::size_t m_position = 0;
    std::string m_error;
};

const std::string& sampleStream()
{
    static const std::string stream = [] {
        std::string bytes;
        const std::string data(40, 'x'); // about the size of a scalar summary event
        while (bytes.size() < (64u << 20))
            bytes += frameRecord(data);
        return bytes;
    }();
    return stream;
}

void baselineCrcOnly(benchmark::State& state)
{
    const std::string& stream = sampleStream();
    for (auto _ : state)
        benchmark::DoNotOptimize(crc32c(stream));
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(stream.size()));
}

void recordReaderVerified(benchmark::State& state)
{
    const std::string& stream = sampleStream();
    for (auto _ : state) {
        RecordReader reader(std::make_unique<MemorySource>(stream));
        std::size_t records = 0;
        while (reader.next())
            ++records;
        benchmark::DoNotOptimize(records);
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(stream.size()));
}

} // namespace

BENCHMARK(baselineCrcOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(recordReaderVerified)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
