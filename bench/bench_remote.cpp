// lantern-bench-remote LOGDIR [--repeat N]: the full load of LOGDIR over SSH (a real sshd on
// 127.0.0.1, started here as the tests start it) against the local full load of the same
// files, alternating in the same run; and an unchanged reload of each (one remote listing).
// For W1: `lantern-cli gen W1 --runs 50 --tags 5 --steps 4000`.

#include "core/load/logdir_loader.h"
#include "core/remote/ssh_hosts.h"
#include "tests/support/ssh_test_server.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

using namespace lantern::core;
using Clock = std::chrono::steady_clock;

namespace {

double secondsOf(const std::function<void()>& work)
{
    const auto start = Clock::now();
    work();
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

struct Timings {
    std::vector<double> load, reload;
    std::size_t records = 0;
};

void measure(const std::string& spec, Timings& timings)
{
    LogdirLoader loader({{"", spec}});
    timings.load.push_back(secondsOf([&] { timings.records = loader.reload().records; }));
    timings.reload.push_back(secondsOf([&] { loader.reload(); }));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "Usage: lantern-bench-remote LOGDIR [--repeat N]\n");
        return 2;
    }
    const std::filesystem::path logdir = std::filesystem::absolute(argv[1]);
    const int repeat = argc > 3 && std::string(argv[2]) == "--repeat" ? std::atoi(argv[3]) : 5;
    lantern::test::SshTestServer server;
    if (!server.start()) {
        std::fprintf(stderr, "cannot start sshd: %s\n", qPrintable(server.why()));
        return 1;
    }
    qputenv("HOME", server.home().toUtf8());
    qunsetenv("SSH_AUTH_SOCK");
    const std::string remote = server.url(QString::fromStdString(logdir.string())).toStdString();

    Timings local, overSsh, cold;
    for (int i = 0; i < std::max(repeat, 1); ++i) {
        measure(logdir.string(), local);
        measure(remote, overSsh); // the connection stays open between loads, as in the app
        SshHosts::shared().closeAll();
        measure(remote, cold); // connecting (key exchange, authentication) included
    }
    SshHosts::shared().closeAll();
    std::printf("%s: %zu records, %d repetition(s), medians\n", logdir.string().c_str(),
        local.records, repeat);
    std::printf("  local full load             %.3f s\n", median(local.load));
    std::printf("  SSH full load               %.3f s  (%.2fx local)\n", median(overSsh.load),
        median(overSsh.load) / median(local.load));
    std::printf("  SSH full load, connecting   %.3f s  (%.2fx local)\n", median(cold.load),
        median(cold.load) / median(local.load));
    std::printf("  local unchanged reload      %.4f s\n", median(local.reload));
    std::printf("  SSH unchanged reload        %.4f s  (%.2fx local)\n", median(overSsh.reload),
        median(overSsh.reload) / median(local.reload));
    return 0;
}
