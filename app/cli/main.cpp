// lantern-cli: headless access to Lantern's engine (no Qt): inspect, export, generate, bench,
// project.

#include "app/cli/commands.h"
#include "app/cli/terminal_prompt.h"
#include "core/remote/ssh_hosts.h"

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
           "  inspect SPEC... [--json] [--keep-orphaned-data]\n"
           "      list runs, tags, value counts per kind and diagnostics\n"
           "  export SPEC... [--kind scalars] [--format csv|json] [--out FILE]\n"
           "      [--keep-orphaned-data]\n"
           "      every scalar point, exactly: CSV columns run,tag,step,wall_time,value, or JSON\n"
           "      [{run, tag, type, points: [[step, wall_time, value], ...]}, ...]\n"
           "  gen DIR [--runs R] [--tags T] [--steps S] [--histograms] [--images]\n"
           "      [--live SECONDS] [--seed N]\n"
           "      write synthetic event files: R runs of T scalar tags over S steps; --live keeps\n"
           "      appending about 10 steps a second for SECONDS\n"
           "  bench SPEC... [--repeat N] [--json]\n"
           "      time full loads against reading and CRC-checking the files; bytes per point\n"
           "  project SPEC... --embedding NAME [--run RUN] --method pca|tsne|umap [--dims 2|3]\n"
           "      [--perplexity P] [--neighbors K] [--iterations N] [--seed S] --out FILE.tsv\n"
           "      lay out a projector embedding; writes one row of coordinates per point and\n"
           "      prints the time the layout took (UMAP's --iterations are its epochs)\n"
           "\n"
           "SPEC is a log directory, or NAME:DIRECTORY as in `tensorboard --logdir_spec`; a\n"
           "directory may be remote: ssh://[user@]host[:port]/path (read over SFTP; hosts, users\n"
           "and keys as ~/.ssh/config gives them, host keys checked against known_hosts).\n"
           "As TensorBoard does, a point at step s replaces the points of its series (run, tag)\n"
           "read before it with step >= s; --keep-orphaned-data keeps every point as written.\n";
}

int runCommand(const std::string& command, const std::vector<std::string>& arguments)
{
    if (command == "inspect")
        return lantern::cli::runInspect(arguments);
    if (command == "export")
        return lantern::cli::runExport(arguments);
    if (command == "gen")
        return lantern::cli::runGen(arguments);
    if (command == "bench")
        return lantern::cli::runBench(arguments);
    if (command == "project")
        return lantern::cli::runProject(arguments);
    std::cerr << "lantern-cli: unknown command '" << command << "'\n\n";
    printUsage(std::cerr);
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        printUsage(argc < 2 ? std::cerr : std::cout);
        return argc < 2 ? 2 : 0;
    }
    // Passphrases and passwords for ssh:// log directories are asked on the terminal.
    lantern::core::SshHosts::shared().setPrompt(lantern::cli::askOnTerminal);
    const std::string command = argv[1];
    const std::vector<std::string> arguments(argv + 2, argv + argc);
    const int status = runCommand(command, arguments);
    lantern::core::SshHosts::shared().closeAll(); // disconnect while libssh can still do so
    return status;
}
