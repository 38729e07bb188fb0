// lantern-cli: headless access to Lantern's engine (no Qt): inspect, export, generate, bench.

#include "app/cli/commands.h"

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace {

void printUsage(std::ostream& out)
{
    out << "Usage: lantern-cli <command> [options]\n"
           "\n"
           "Commands:\n"
           "  inspect SPEC...   list runs, tags, value counts per kind and diagnostics\n"
           "\n"
           "SPEC is a log directory, or NAME:DIRECTORY as in `tensorboard --logdir_spec`.\n";
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        printUsage(argc < 2 ? std::cerr : std::cout);
        return argc < 2 ? 2 : 0;
    }
    const std::string command = argv[1];
    const std::vector<std::string> arguments(argv + 2, argv + argc);
    if (command == "inspect")
        return lantern::cli::runInspect(arguments);
    std::cerr << "lantern-cli: unknown command '" << command << "'\n\n";
    printUsage(std::cerr);
    return 2;
}
