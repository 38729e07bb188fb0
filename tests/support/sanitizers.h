#pragma once
// Whether this test is built with AddressSanitizer (CI's asan preset, which adds
// UndefinedBehaviorSanitizer). Its checks make heavy maths several times slower, so the slowest
// tests run there on smaller inputs that still fail on a broken algorithm; the ordinary build
// keeps the full sizes.

#if defined(__has_feature) // clang before 17 tells it only this way
#if __has_feature(address_sanitizer)
#define LANTERN_TEST_UNDER_ASAN
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(LANTERN_TEST_UNDER_ASAN)
#define LANTERN_TEST_UNDER_ASAN
#endif

namespace lantern::test {

#ifdef LANTERN_TEST_UNDER_ASAN
inline constexpr bool kUnderSanitizers = true;
#else
inline constexpr bool kUnderSanitizers = false;
#endif

// `full` in an ordinary build, `sanitized` under the sanitizers.
template <typename T> constexpr T fullOrSanitized(T full, T sanitized)
{
    return kUnderSanitizers ? sanitized : full;
}

} // namespace lantern::test
