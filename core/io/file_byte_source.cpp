// Portable file reading with std::FILE: unbuffered, because RecordReader keeps its own buffer.

#include "core/io/file_byte_source.h"

#include "core/io/open_file.h"

#include <cerrno>
#include <cstring>

#if !defined(_WIN32)
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace lantern::core {

FileByteSource::FileByteSource(const std::filesystem::path& path, std::uint64_t offset)
{
    std::FILE* file = openFile(path, "rb");
    if (!file) {
        m_error = std::string("cannot open: ") + std::strerror(errno);
        return;
    }
    m_file.reset(file);
    std::setvbuf(file, nullptr, _IONBF, 0);
#if defined(_WIN32)
    const int seeked = _fseeki64(file, static_cast<long long>(offset), SEEK_SET);
#else
    const int seeked = fseeko(file, static_cast<off_t>(offset), SEEK_SET);
#endif
    if (seeked != 0) {
        m_error = std::string("cannot seek: ") + std::strerror(errno);
        m_file.reset();
    }
}

std::size_t FileByteSource::read(char* buffer, std::size_t size)
{
    if (!m_file)
        return 0;
    const std::size_t got = std::fread(buffer, 1, size, m_file.get());
    if (got < size) {
        if (std::ferror(m_file.get())) {
            m_error = std::string("read error: ") + std::strerror(errno);
            m_file.reset();
            return got;
        }
        std::clearerr(m_file.get()); // end of file for now; the writer may append later
    }
    return got;
}

std::uint64_t FileByteSource::skipHole()
{
#if defined(SEEK_DATA) && !defined(_WIN32)
    if (!m_file)
        return 0;
    const int fd = fileno(m_file.get());
    const off_t at = ftello(m_file.get());
    if (at < 0)
        return 0;
    off_t data = lseek(fd, at, SEEK_DATA);
    if (data < 0) {
        if (errno != ENXIO)
            return 0; // no hole information here (the file system may not support it)
        // ENXIO: no data after `at`, the file ends in a hole.
        struct stat status { };
        if (fstat(fd, &status) != 0)
            return 0;
        data = status.st_size;
    }
    if (data <= at || fseeko(m_file.get(), data, SEEK_SET) != 0) {
        fseeko(m_file.get(), at, SEEK_SET); // stay where the stream was
        return 0;
    }
    return std::uint64_t(data - at);
#else
    return 0;
#endif
}

} // namespace lantern::core
