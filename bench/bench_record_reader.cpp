// Record framing throughput against the bare CRC32C over the same bytes (the baseline), on a
// clean stream and on streams where damage makes the reader search for the next record: 64 MiB
// of zeros (a sparse file's hole read without hole support) and of random bytes.

#include "core/io/crc32c.h"
#include "core/io/record_reader.h"
#include "core/io/record_writer.h"

#include <benchmark/benchmark.h>
#include <cstring>
#include <random>

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

// A record, then 64 MiB of `filler` bytes, then a record: all but 12 bytes of it are searched.
const std::string& damagedStream(bool zeros)
{
    static const auto make = [](bool ofZeros) {
        std::string bytes = frameRecord("before");
        std::string filler(64u << 20, '\0');
        if (!ofZeros) {
            std::mt19937_64 random(7);
            for (char& c : filler)
                c = char(random());
        }
        return bytes + filler + frameRecord("after");
    };
    static const std::string withZeros = make(true);
    static const std::string withGarbage = make(false);
    return zeros ? withZeros : withGarbage;
}

void searchThrough(benchmark::State& state, bool zeros)
{
    const std::string& stream = damagedStream(zeros);
    for (auto _ : state) {
        RecordReader reader(std::make_unique<MemorySource>(stream));
        std::size_t records = 0;
        while (reader.next())
            ++records;
        if (records != 2)
            state.SkipWithError("records lost");
        benchmark::DoNotOptimize(records);
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(stream.size()));
}

void recordReaderSearchThroughZeros(benchmark::State& state)
{
    searchThrough(state, true);
}
void recordReaderSearchThroughGarbage(benchmark::State& state)
{
    searchThrough(state, false);
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
BENCHMARK(recordReaderSearchThroughZeros)->Unit(benchmark::kMillisecond);
BENCHMARK(recordReaderSearchThroughGarbage)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
