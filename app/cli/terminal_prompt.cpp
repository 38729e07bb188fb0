// The terminal, not stdin/stdout: those may carry exported data.

#include "app/cli/terminal_prompt.h"

#include <cstdio>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace lantern::cli {

std::optional<std::string> askOnTerminal(const std::string& prompt, bool echo)
{
    const int tty = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (tty < 0)
        return std::nullopt;
    termios saved {};
    const bool isTerminal = tcgetattr(tty, &saved) == 0;
    if (isTerminal && !echo) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(tty, TCSAFLUSH, &quiet);
    }
    (void)!::write(tty, prompt.data(), prompt.size());
    std::string answer;
    char c = 0;
    bool gotLine = false;
    while (::read(tty, &c, 1) == 1) {
        if (c == '\n') {
            gotLine = true;
            break;
        }
        answer += c;
    }
    if (isTerminal && !echo) {
        tcsetattr(tty, TCSAFLUSH, &saved);
        (void)!::write(tty, "\n", 1);
    }
    ::close(tty);
    if (!gotLine)
        return std::nullopt;
    return answer;
}

} // namespace lantern::cli
