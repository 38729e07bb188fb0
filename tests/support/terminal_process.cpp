// forkpty gives the child a new session whose controlling terminal is the pty's far end; the
// child only redirects stdout and execs (nothing else is safe after fork in a threaded process).

#include "tests/support/terminal_process.h"

#include <QElapsedTimer>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace lantern::test {
namespace {

// Reads what `fd` has now into `into`; false at its end (or on an error).
bool drain(int fd, QByteArray& into)
{
    char buffer[4096];
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got > 0)
        into.append(buffer, got);
    return got > 0 || (got < 0 && errno == EINTR);
}

} // namespace

TerminalResult runOnTerminal(const QString& program, const QStringList& arguments,
    const QProcessEnvironment& environment, const QByteArray& prompt, const QStringList& answers,
    int timeoutMs)
{
    TerminalResult result;
    std::vector<std::string> texts {program.toStdString()};
    for (const QString& argument : arguments)
        texts.push_back(argument.toStdString());
    std::vector<std::string> variables;
    for (const QString& variable : environment.toStringList())
        variables.push_back(variable.toStdString());
    std::vector<char*> argv, envp;
    for (std::string& text : texts)
        argv.push_back(text.data());
    argv.push_back(nullptr);
    for (std::string& variable : variables)
        envp.push_back(variable.data());
    envp.push_back(nullptr);

    int output[2];
    if (::pipe2(output, O_CLOEXEC) != 0)
        return result;
    int terminal = -1;
    const pid_t child = ::forkpty(&terminal, nullptr, nullptr, nullptr);
    if (child == 0) {
        ::dup2(output[1], STDOUT_FILENO);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(output[1]);
    if (child < 0) {
        ::close(output[0]);
        return result;
    }

    qsizetype answered = 0, searchFrom = 0;
    bool terminalOpen = true, outputOpen = true;
    QElapsedTimer clock;
    clock.start();
    while ((terminalOpen || outputOpen) && clock.elapsed() < timeoutMs) {
        pollfd watched[2] = {{terminal, POLLIN, 0}, {output[0], POLLIN, 0}};
        if (::poll(watched, 2, 100) < 0 && errno != EINTR)
            break;
        if (terminalOpen && (watched[0].revents & (POLLIN | POLLHUP | POLLERR)))
            terminalOpen = drain(terminal, result.terminal);
        if (outputOpen && (watched[1].revents & (POLLIN | POLLHUP | POLLERR)))
            outputOpen = drain(output[0], result.out);
        const qsizetype shown = result.terminal.indexOf(prompt, searchFrom);
        if (terminalOpen && shown >= 0) {
            searchFrom = shown + prompt.size();
            if (answered < answers.size()) {
                const QByteArray line = answers[answered++].toUtf8() + '\n';
                (void)!::write(terminal, line.constData(), std::size_t(line.size()));
            } else {
                const char endOfFile = 4; // Ctrl-D on an empty line
                (void)!::write(terminal, &endOfFile, 1);
            }
        }
    }
    int status = 0;
    if (terminalOpen || outputOpen) { // timed out
        ::kill(child, SIGKILL);
        ::waitpid(child, &status, 0);
    } else if (::waitpid(child, &status, 0) == child && WIFEXITED(status)) {
        result.exitCode = WEXITSTATUS(status);
    }
    ::close(terminal);
    ::close(output[0]);
    return result;
}

} // namespace lantern::test
