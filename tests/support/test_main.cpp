// The main of a test executable: runs the registered test its first argument names.

#include "tests/support/test_main.h"

#include <cstdio>
#include <map>
#include <string>

namespace lantern::test {
namespace {

std::map<std::string, TestMain>& registeredTests()
{
    static std::map<std::string, TestMain> tests; // filled before main by static initialisers
    return tests;
}

// "…/tests/core/test_crc32c.cpp" → "test_crc32c".
std::string baseName(std::string path)
{
    if (const auto slash = path.find_last_of("/\\"); slash != std::string::npos)
        path.erase(0, slash + 1);
    if (const auto dot = path.rfind('.'); dot != std::string::npos)
        path.erase(dot);
    return path;
}

} // namespace

bool registerTest(const char* sourceFile, TestMain run)
{
    registeredTests()[baseName(sourceFile)] = run;
    return true;
}

} // namespace lantern::test

int main(int argc, char* argv[])
{
    const auto& tests = lantern::test::registeredTests();
    const auto test = argc >= 2 ? tests.find(argv[1]) : tests.end();
    if (test == tests.end()) {
        std::fprintf(stderr, "Usage: %s TEST [QtTest options]\nTests:\n", argv[0]);
        for (const auto& entry : tests)
            std::fprintf(stderr, "  %s\n", entry.first.c_str());
        return 2;
    }
    // The test sees argv[0] as <this directory>/<test name>: the application name (and so the
    // QStandardPaths test-mode folders and settings) stays the test's own, as when each test was
    // an executable of its own; the remaining arguments are QtTest's.
    std::string program = argv[0];
    const auto slash = program.find_last_of('/');
    program = (slash == std::string::npos ? std::string() : program.substr(0, slash + 1)) + argv[1];
    argv[1] = program.data();
    return test->second(argc - 1, argv + 1);
}
