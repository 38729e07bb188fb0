// lantern-bench-remote LOGDIR [--repeat N] [--latency MS]: the full load of LOGDIR over SSH (a
// real sshd on 127.0.0.1, started here as the tests start it) against the local full load of
// the same files, alternating in the same run; and an unchanged reload of each (one remote
// listing). Also over SSH through a relay that delays every byte by MS (default 25) each way:
// a distant host, simulated, since netem is not available on every kernel.
// For W1: `lantern-cli gen W1 --runs 50 --tags 5 --steps 4000`.

#include "core/io/run_discovery.h"
#include "core/load/logdir_loader.h"
#include "core/remote/ssh_hosts.h"
#include "tests/support/ssh_test_server.h"

#include "bench/latency_relay.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
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

// CPU time of the calling thread: what a reload costs here, whatever the server and the
// machine's other work do meanwhile.
double threadCpuSeconds()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) * 1e-9;
}

struct Timings {
    std::vector<double> load, reload, reloadCpu;
    std::size_t records = 0;
};

void measure(const std::string& spec, Timings& timings)
{
    LogdirLoader loader({{"", spec}});
    timings.load.push_back(secondsOf([&] { timings.records = loader.reload().records; }));
    const double cpu = threadCpuSeconds();
    timings.reload.push_back(secondsOf([&] { loader.reload(); }));
    timings.reloadCpu.push_back(threadCpuSeconds() - cpu);
}

// The parent of process `pid`, from /proc; 0 when it is gone.
int parentOf(int pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(stat, line);
    const std::size_t end = line.rfind(')'); // the name may hold spaces
    int parent = 0;
    if (end != std::string::npos)
        std::sscanf(line.c_str() + end + 1, " %*c %d", &parent);
    return parent;
}

// sshd starts each channel's process (the SFTP server, the kept shell) in a session of its own,
// that is a scheduling group of its own, at normal priority. On a real host those run on the
// server's CPUs; here they share this machine's with everything else, so they are given the
// benchmark's priority, as its local load has.
void prioritizeServer(int sshdPid)
{
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos)
            continue;
        for (int pid = std::stoi(name); pid > 1; pid = parentOf(pid))
            if (pid == sshdPid) {
                std::ofstream(entry.path() / "autogroup") << "-15";
                break;
            }
    }
}

// Opens the connection to `url`'s host and its kept shell now (a listing), so a timed load
// does not include them.
void connect(const std::string& url, int sshdPid)
{
    std::string error;
    if (!SshHosts::shared().connect(*parseSshUrl(url), error))
        std::fprintf(stderr, "cannot connect to %s: %s\n", url.c_str(), error.c_str());
    discoverRuns(url);
    prioritizeServer(sshdPid);
}

void report(const char* what, const std::vector<double>& times, double baseline, const char* of)
{
    std::printf("  %-34s %.4f s  (%.2fx %s)\n", what, median(times), median(times) / baseline, of);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = application.arguments();
    if (arguments.size() < 2) {
        std::fprintf(stderr, "Usage: lantern-bench-remote LOGDIR [--repeat N] [--latency MS]\n");
        return 2;
    }
    const std::filesystem::path logdir = std::filesystem::absolute(argv[1]);
    const auto option = [&](const QString& name, int fallback) {
        const qsizetype at = arguments.indexOf(name);
        return at > 0 && at + 1 < arguments.size() ? arguments[at + 1].toInt() : fallback;
    };
    const int repeat = std::max(option(QStringLiteral("--repeat"), 5), 1);
    const int latencyMs = option(QStringLiteral("--latency"), 25);
    lantern::test::SshTestServer server;
    if (!server.start()) {
        std::fprintf(stderr, "cannot start sshd: %s\n", qPrintable(server.why()));
        return 1;
    }
    qputenv("HOME", server.home().toUtf8());
    qunsetenv("SSH_AUTH_SOCK");
    const QString path = QString::fromStdString(logdir.string());
    const std::string remote = server.url(path).toStdString();
    // The relay's port is another host name to the client: it must know the same key there.
    LatencyRelay relay(server.port(), std::chrono::milliseconds(latencyMs));
    if (latencyMs > 0 && !relay.port()) {
        std::fprintf(stderr, "cannot start the latency relay\n");
        return 1;
    }
    QString relayKnownHost = server.knownHostsLine();
    relayKnownHost.replace(
        QStringLiteral("]:%1 ").arg(server.port()), QStringLiteral("]:%1 ").arg(relay.port()));
    server.writeKnownHosts(server.knownHostsLine() + relayKnownHost);
    const std::string distant
        = QStringLiteral("ssh://127.0.0.1:%1%2").arg(relay.port()).arg(path).toStdString();

    // The listening sshd: the one started with this server's configuration.
    int sshdPid = 0;
    const std::string config = server.path(QStringLiteral("sshd_config")).toStdString();
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        std::ifstream file(entry.path() / "cmdline");
        const std::string commandLine((std::istreambuf_iterator<char>(file)), {});
        if (commandLine.find(config) != std::string::npos
            && (commandLine.starts_with("/usr/sbin/sshd") // or as it renames itself:
                || commandLine.starts_with("sshd: ")))
            sshdPid = std::atoi(entry.path().filename().c_str());
    }
    Timings local, overSsh, cold, delayed;
    for (int i = 0; i < repeat; ++i) {
        measure(logdir.string(), local);
        connect(remote, sshdPid);
        measure(remote, overSsh); // the connection stays open between loads, as in the app
        if (latencyMs > 0) {
            connect(distant, sshdPid);
            measure(distant, delayed);
        }
        SshHosts::shared().closeAll();
        measure(remote, cold); // connecting (key exchange, authentication) included
    }
    SshHosts::shared().closeAll();
    std::printf("%s: %zu records, %d repetition(s), medians\n", logdir.string().c_str(),
        local.records, repeat);
    const double localLoad = median(local.load), localReload = median(local.reload);
    std::printf("  %-34s %.4f s\n", "local full load", localLoad);
    report("SSH full load", overSsh.load, localLoad, "local");
    report("SSH full load, connecting", cold.load, localLoad, "local");
    std::printf("  (connecting: the server's processes at normal priority, with its start-up)\n");
    std::printf("  %-34s %.4f s\n", "local unchanged reload", localReload);
    report("SSH unchanged reload", overSsh.reload, localReload, "local");
    std::printf("  %-34s %.4f s local, %.4f s SSH\n", "  of which this thread's CPU",
        median(local.reloadCpu), median(overSsh.reloadCpu));
    if (latencyMs > 0) {
        std::printf(
            "  through a relay adding %d ms each way (simulated latency, not netem):\n", latencyMs);
        report("SSH full load", delayed.load, median(overSsh.load), "SSH without latency");
        report(
            "SSH unchanged reload", delayed.reload, median(overSsh.reload), "SSH without latency");
    }
    return 0;
}
