#pragma once
// Runs a program with a pseudo-terminal as its controlling terminal, as when a person runs it
// in a terminal window, and types answers when it asks: what lantern-cli reads from /dev/tty
// (passphrases, passwords) can then be tested. Standard output goes to a pipe of its own, so
// what the program wrote to the terminal and to stdout can be told apart.

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace lantern::test {

struct TerminalResult {
    int exitCode = -1; // -1 when it crashed, could not start or timed out
    QByteArray terminal; // everything shown on the terminal (prompts, stderr, echoes)
    QByteArray out; // standard output
};

// Each time the terminal shows `prompt` again, the next of `answers` is typed (with Enter);
// past the last answer, the terminal is closed (as when the person presses Ctrl-D).
TerminalResult runOnTerminal(const QString& program, const QStringList& arguments,
    const QProcessEnvironment& environment, const QByteArray& prompt, const QStringList& answers,
    int timeoutMs = 60000);

} // namespace lantern::test
