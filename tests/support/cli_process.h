#pragma once
// Runs a built executable (lantern-cli) as a user would and collects what it printed.

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace lantern::test {

struct CliResult {
    int exitCode = -1; // -1 when it crashed or timed out
    QByteArray out;
    QByteArray err;
};

// `environment`, when not empty, replaces the inherited one.
inline CliResult runProgram(const QString& program, const QStringList& arguments,
    const QProcessEnvironment& environment = {}, int timeoutMs = 120000)
{
    QProcess process;
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    process.start(program, arguments);
    CliResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace lantern::test
