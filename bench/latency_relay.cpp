// One thread, poll(): bytes read from either side are queued with the time they are due at the
// other; due bytes are written as soon as that side takes them. An end of stream is passed on
// (shutdown) once everything before it was delivered.

#include "bench/latency_relay.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <deque>
#include <fcntl.h>
#include <memory>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Chunk {
    Clock::time_point due;
    std::string bytes;
    std::size_t sent = 0;
};

struct Direction {
    int from = -1, to = -1;
    std::deque<Chunk> queue;
    bool ended = false; // `from` said end of stream (or failed)
    bool passedOn = false; // ... and `to` was shut down for writing after the queue
    bool waitsForRoom = false; // a due chunk did not fit in `to`'s buffer
};

struct Link {
    Direction up, down; // client to target, target to client
    ~Link()
    {
        ::close(up.from);
        ::close(up.to);
    }
    bool finished() const { return up.passedOn && down.passedOn; }
};

void tune(int fd)
{
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

sockaddr_in loopback(int port)
{
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(std::uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

void deliver(Direction& direction, Clock::time_point now)
{
    direction.waitsForRoom = false;
    while (!direction.queue.empty() && direction.queue.front().due <= now) {
        Chunk& chunk = direction.queue.front();
        const ssize_t n = ::send(direction.to, chunk.bytes.data() + chunk.sent,
            chunk.bytes.size() - chunk.sent, MSG_NOSIGNAL);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            direction.waitsForRoom = true;
            return;
        }
        if (n < 0) { // the receiver is gone: nothing more can reach it
            direction.queue.clear();
            direction.ended = true;
            break;
        }
        chunk.sent += std::size_t(n);
        if (chunk.sent == chunk.bytes.size())
            direction.queue.pop_front();
    }
    if (direction.queue.empty() && direction.ended && !direction.passedOn) {
        ::shutdown(direction.to, SHUT_WR);
        direction.passedOn = true;
    }
}

void receive(Direction& direction, Clock::time_point due)
{
    char buffer[64 * 1024];
    const ssize_t n = ::recv(direction.from, buffer, sizeof buffer, 0);
    if (n > 0)
        direction.queue.push_back({due, std::string(buffer, std::size_t(n))});
    else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
        direction.ended = true;
}

} // namespace

LatencyRelay::LatencyRelay(int targetPort, std::chrono::milliseconds oneWayDelay)
    : m_targetPort(targetPort)
    , m_delay(oneWayDelay)
{
    m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = loopback(0);
    socklen_t length = sizeof address;
    if (m_listener < 0 || ::bind(m_listener, reinterpret_cast<sockaddr*>(&address), length) != 0
        || ::listen(m_listener, 8) != 0
        || ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        return;
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { serve(); });
}

LatencyRelay::~LatencyRelay()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    if (m_listener >= 0)
        ::close(m_listener);
}

void LatencyRelay::serve()
{
    std::vector<std::unique_ptr<Link>> links;
    while (!m_stop) {
        Clock::time_point now = Clock::now();
        auto wait = std::chrono::milliseconds(50); // at most: m_stop is looked at between polls
        for (auto& link : links)
            for (Direction* direction : {&link->up, &link->down}) {
                deliver(*direction, now);
                if (!direction->queue.empty() && !direction->waitsForRoom)
                    wait = std::min(wait,
                        std::chrono::ceil<std::chrono::milliseconds>(
                            direction->queue.front().due - now));
            }
        std::erase_if(links, [](const auto& link) { return link->finished(); });

        std::vector<pollfd> fds {{m_listener, POLLIN, 0}};
        // Entry 2k+1 is link k's client end, 2k+2 its target end; an end with nothing to wait
        // for is left out (a negative descriptor), or its hang-up would wake poll at once.
        const auto entry = [](int fd, bool read, bool write) {
            const short events = short((read ? POLLIN : 0) | (write ? POLLOUT : 0));
            return pollfd {events ? fd : -1, events, 0};
        };
        for (auto& link : links) {
            fds.push_back(entry(link->up.from, !link->up.ended, link->down.waitsForRoom));
            fds.push_back(entry(link->down.from, !link->down.ended, link->up.waitsForRoom));
        }
        if (::poll(fds.data(), fds.size(), int(std::max<long>(wait.count(), 0))) < 0)
            continue;
        now = Clock::now();
        for (std::size_t i = 0; i < links.size(); ++i) {
            Link& link = *links[i];
            if (fds[2 * i + 1].revents & (POLLIN | POLLHUP | POLLERR))
                receive(link.up, now + m_delay);
            if (fds[2 * i + 2].revents & (POLLIN | POLLHUP | POLLERR))
                receive(link.down, now + m_delay);
        }
        if (fds[0].revents & POLLIN) {
            const int client = ::accept(m_listener, nullptr, nullptr);
            const int target = ::socket(AF_INET, SOCK_STREAM, 0);
            const sockaddr_in address = loopback(m_targetPort);
            if (client < 0 || target < 0
                || ::connect(target, reinterpret_cast<const sockaddr*>(&address), sizeof address)
                    != 0) {
                ::close(client);
                ::close(target);
                continue;
            }
            tune(client);
            tune(target);
            auto link = std::make_unique<Link>();
            link->up.from = link->down.to = client;
            link->up.to = link->down.from = target;
            links.push_back(std::move(link));
        }
    }
}
