// CRC-32C with run-time dispatch: SSE4.2 on x86-64, the CRC extension on ARMv8,
// and a slicing-by-8 table everywhere else.

#include "core/io/crc32c.h"

#include <array>
#include <cstring>

// How each compiler and system lets us use the instruction and ask the CPU for it:
// GCC and clang compile one function for SSE4.2 (target attribute) and ask with
// __builtin_cpu_supports; MSVC compiles the intrinsics anywhere and asks with __cpuid. On ARM,
// Linux reports the CRC extension in its hardware capabilities; where the compiler already
// targets it (every Apple Silicon Mac), no question is needed.
#if (defined(__x86_64__) || defined(_M_X64)) && (defined(__GNUC__) || defined(__clang__))
#include <nmmintrin.h>
#define LANTERN_CRC_X86 1
#define LANTERN_TARGET_SSE42 __attribute__((target("sse4.2")))
#elif defined(_M_X64) && defined(_MSC_VER)
#include <intrin.h>
#include <nmmintrin.h>
#define LANTERN_CRC_X86 1
#define LANTERN_TARGET_SSE42
#elif defined(__aarch64__) && defined(__ARM_FEATURE_CRC32)
#include <arm_acle.h>
#define LANTERN_CRC_ARM 1
#define LANTERN_TARGET_ARM_CRC
#elif defined(__aarch64__) && defined(__linux__)
#include <arm_acle.h>
#include <asm/hwcap.h>
#include <sys/auxv.h>
#define LANTERN_CRC_ARM 1
#define LANTERN_CRC_ARM_ASK_LINUX 1
#define LANTERN_TARGET_ARM_CRC __attribute__((target("+crc")))
#endif

namespace lantern::core {
namespace {

constexpr std::uint32_t kPolynomial = 0x82F63B78u; // reflected Castagnoli polynomial

using Tables = std::array<std::array<std::uint32_t, 256>, 8>;

constexpr Tables makeTables()
{
    Tables tables {};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t crc = i;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1u) ? (crc >> 1) ^ kPolynomial : crc >> 1;
        tables[0][i] = crc;
    }
    for (std::size_t t = 1; t < 8; ++t)
        for (std::size_t i = 0; i < 256; ++i)
            tables[t][i] = (tables[t - 1][i] >> 8) ^ tables[0][tables[t - 1][i] & 0xFFu];
    return tables;
}

constexpr Tables kTables = makeTables();

std::uint64_t loadLe64(const unsigned char* p)
{
    std::uint64_t value;
    std::memcpy(&value, p, sizeof value);
    return value; // every supported target is little-endian
}

#if defined(LANTERN_CRC_X86)
LANTERN_TARGET_SSE42 std::uint32_t extendSse42(
    std::uint32_t crc, const void* data, std::size_t size)
{
    auto p = static_cast<const unsigned char*>(data);
    std::uint64_t state = ~crc;
    for (; size >= 8; size -= 8, p += 8)
        state = _mm_crc32_u64(state, loadLe64(p));
    auto state32 = static_cast<std::uint32_t>(state);
    for (; size > 0; --size, ++p)
        state32 = _mm_crc32_u8(state32, *p);
    return ~state32;
}
#endif

#if defined(LANTERN_CRC_ARM)
LANTERN_TARGET_ARM_CRC std::uint32_t extendArmCrc(
    std::uint32_t crc, const void* data, std::size_t size)
{
    auto p = static_cast<const unsigned char*>(data);
    std::uint32_t state = ~crc;
    for (; size >= 8; size -= 8, p += 8)
        state = __crc32cd(state, loadLe64(p));
    for (; size > 0; --size, ++p)
        state = __crc32cb(state, *p);
    return ~state;
}
#endif

using ExtendFunction = std::uint32_t (*)(std::uint32_t, const void*, std::size_t);

struct Implementation {
    ExtendFunction extend;
    std::string_view name;
};

#if defined(LANTERN_CRC_X86)
bool cpuHasSse42()
{
#if defined(_MSC_VER) && !defined(__clang__)
    int registers[4] = {}; // eax, ebx, ecx, edx of leaf 1
    __cpuid(registers, 1);
    return (registers[2] & (1 << 20)) != 0; // ECX bit 20: SSE4.2
#else
    return __builtin_cpu_supports("sse4.2");
#endif
}
#endif

#if defined(LANTERN_CRC_ARM)
bool cpuHasArmCrc()
{
#if defined(LANTERN_CRC_ARM_ASK_LINUX)
    return (getauxval(AT_HWCAP) & HWCAP_CRC32) != 0;
#else
    return true; // the compiler targets the extension (__ARM_FEATURE_CRC32)
#endif
}
#endif

Implementation chooseImplementation()
{
#if defined(LANTERN_CRC_X86)
    if (cpuHasSse42())
        return {extendSse42, "sse4.2"};
#elif defined(LANTERN_CRC_ARM)
    if (cpuHasArmCrc())
        return {extendArmCrc, "armv8-crc"};
#endif
    return {extendCrc32cPortable, "table"};
}

const Implementation& implementation()
{
    static const Implementation chosen = chooseImplementation();
    return chosen;
}

} // namespace

std::uint32_t extendCrc32cPortable(std::uint32_t crc, const void* data, std::size_t size)
{
    auto p = static_cast<const unsigned char*>(data);
    std::uint32_t state = ~crc;
    for (; size >= 8; size -= 8, p += 8) {
        const std::uint64_t word = loadLe64(p) ^ state;
        state = kTables[7][word & 0xFF] ^ kTables[6][(word >> 8) & 0xFF]
            ^ kTables[5][(word >> 16) & 0xFF] ^ kTables[4][(word >> 24) & 0xFF]
            ^ kTables[3][(word >> 32) & 0xFF] ^ kTables[2][(word >> 40) & 0xFF]
            ^ kTables[1][(word >> 48) & 0xFF] ^ kTables[0][word >> 56];
    }
    for (; size > 0; --size, ++p)
        state = kTables[0][(state ^ *p) & 0xFFu] ^ (state >> 8);
    return ~state;
}

std::uint32_t extendCrc32c(std::uint32_t crc, const void* data, std::size_t size)
{
    return implementation().extend(crc, data, size);
}

std::string_view crc32cImplementation()
{
    return implementation().name;
}

} // namespace lantern::core
