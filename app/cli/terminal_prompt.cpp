// The terminal, not stdin/stdout: those may carry exported data. On Windows the console
// (CONIN$), read a key at a time; elsewhere /dev/tty with echo turned off in termios.

#include "app/cli/terminal_prompt.h"

#include <cstdio>

#if defined(_WIN32)
#include <conio.h>
#include <windows.h>
#else
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>
#endif

namespace lantern::cli {

#if defined(_WIN32)

std::optional<std::string> askOnTerminal(const std::string& prompt, bool echo)
{
    const HANDLE console = CreateFileW(L"CONIN$", GENERIC_READ | GENERIC_WRITE,
        FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr, OPEN_EXISTING, 0, nullptr);
    if (console == INVALID_HANDLE_VALUE)
        return std::nullopt; // no console: nothing can be asked
    CloseHandle(console);
    _cputs(prompt.c_str());
    std::wstring answer;
    for (;;) {
        const wint_t key = echo ? _getwche() : _getwch();
        if (key == L'\r' || key == L'\n')
            break;
        if (key == WEOF || key == 3 || key == 26) // Ctrl+C, Ctrl+Z: no answer
            return std::nullopt;
        if (key == L'\b') {
            if (!answer.empty())
                answer.pop_back();
            continue;
        }
        answer += wchar_t(key);
    }
    _cputs("\r\n");
    // The console gives UTF-16; passphrases and passwords go on as UTF-8.
    const int length = int(answer.size());
    const int size
        = WideCharToMultiByte(CP_UTF8, 0, answer.data(), length, nullptr, 0, nullptr, nullptr);
    std::string utf8(std::size_t(size), '\0');
    WideCharToMultiByte(CP_UTF8, 0, answer.data(), length, utf8.data(), size, nullptr, nullptr);
    return utf8;
}

#else

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

#endif

} // namespace lantern::cli
