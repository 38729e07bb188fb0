#pragma once
// A TCP relay on 127.0.0.1 that delivers every chunk of bytes a fixed time after it arrived, in
// each direction (one-way latency, order kept, no bandwidth cap): a stand-in for a distant
// host where the kernel has no netem qdisc to add the delay. Each connection accepted is joined
// to a new connection to the target port. Runs on its own thread until destroyed.

#include <atomic>
#include <chrono>
#include <thread>

class LatencyRelay {
public:
    LatencyRelay(int targetPort, std::chrono::milliseconds oneWayDelay);
    ~LatencyRelay();
    LatencyRelay(const LatencyRelay&) = delete;
    LatencyRelay& operator=(const LatencyRelay&) = delete;

    // The port to connect to instead of the target's; 0 when the relay could not listen.
    int port() const { return m_port; }

private:
    void serve();

    int m_listener = -1;
    int m_port = 0;
    int m_targetPort;
    std::chrono::milliseconds m_delay;
    std::atomic<bool> m_stop {false};
    std::thread m_thread;
};
