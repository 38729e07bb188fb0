#pragma once
// The fuzz targets' assertion: a broken invariant prints what broke and aborts, which libFuzzer
// reports as a crash and saves the input for (the target's name is in the artifact's).

#include <cstdio>
#include <cstdlib>

namespace lantern::fuzz {

inline void check(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

} // namespace lantern::fuzz
