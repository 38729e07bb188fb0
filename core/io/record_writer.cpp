#include "core/io/record_writer.h"

#include "core/io/crc32c.h"
#include "core/io/little_endian.h"
#include "core/io/open_file.h"

namespace lantern::core {

std::string frameRecord(std::string_view data)
{
    std::string framed(12 + data.size() + 4, '\0');
    storeLittleEndian64(framed.data(), data.size());
    storeLittleEndian32(framed.data() + 8, maskCrc(crc32c(framed.data(), 8)));
    framed.replace(12, data.size(), data);
    storeLittleEndian32(framed.data() + 12 + data.size(), maskCrc(crc32c(data)));
    return framed;
}

RecordWriter::RecordWriter(const std::filesystem::path& path)
{
    m_file.reset(openFile(path, "ab"));
}

bool RecordWriter::write(std::string_view data)
{
    if (!m_file)
        return false;
    const std::string framed = frameRecord(data);
    return std::fwrite(framed.data(), 1, framed.size(), m_file.get()) == framed.size();
}

bool RecordWriter::flush()
{
    return m_file && std::fflush(m_file.get()) == 0;
}

} // namespace lantern::core
