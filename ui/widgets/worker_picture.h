#pragma once
// A view's cached picture, kept by version and redrawn on a worker. Every change of what the
// picture shows bumps the version; the picture is current when drawn for the present one. With
// nothing of the view's size to show yet, the picture is drawn on the GUI thread, at once;
// afterwards the last picture stands in while a worker draws the next, asked once per version
// (the latest request wins, ui/widgets/latest_job.h). A picture from the worker is taken only
// if it is still the latest asked for; it may still be behind the present version (more
// changed while it was drawn), and the next refresh asks again then.

#include "ui/widgets/latest_job.h"

#include <cstdint>
#include <functional>
#include <utility>

namespace lantern::ui {

// `Inputs` is what drawing needs, copied so that a worker may draw while the view changes.
template <typename Inputs, typename Picture> class WorkerPicture {
public:
    // `draw` makes a picture from its inputs on any thread. `take` gets every picture that is
    // still the latest, drawn here or on the worker, and says whether it took it (false: it
    // was drawn for a size the view has left). `arrived` runs once a worker's picture was
    // taken, to repaint (a picture drawn here is shown by the paint that asked for it).
    WorkerPicture(std::function<Picture(Inputs)> draw, std::function<bool(Picture&)> take,
        std::function<void()> arrived, QThreadPool* pool = nullptr)
        : m_draw(std::move(draw))
        , m_take(std::move(take))
        , m_arrived(std::move(arrived))
        , m_job(
              [this](Drawn drawn) {
                  if (accept(drawn))
                      m_arrived();
              },
              pool)
    {
    }

    // What the picture shows changed: the one kept is out of date.
    void invalidate() { ++m_version; }
    bool isCurrent() const { return m_drawnFor == m_version; }
    // True while a picture is awaited from the worker.
    bool isDrawing() const { return m_job.isBusy(); }
    // How many pictures were drawn on the GUI thread.
    int drawnHere() const { return m_drawnHere; }

    // Brings the picture up to date for a paint. When `standIn` (the last picture can be shown
    // meanwhile) the worker is asked for it, once per version; otherwise it is drawn here and
    // taken now, and whatever the worker was drawing is dropped.
    void refresh(bool standIn, const std::function<Inputs()>& inputs)
    {
        if (isCurrent())
            return;
        if (standIn) {
            if (m_requested != m_version)
                request(inputs());
            return;
        }
        m_job.cancel();
        Drawn drawn {m_draw(inputs()), m_version};
        ++m_drawnHere;
        accept(drawn);
    }

    // Asks the worker for the present version unless it is current or asked for, and waits
    // until its picture is taken (a benchmark's or test's settle point).
    void finish(const std::function<Inputs()>& inputs)
    {
        if (!isCurrent() && m_requested != m_version)
            request(inputs());
        m_job.waitForLatest();
    }

private:
    struct Drawn {
        Picture picture;
        std::uint64_t version = 0;
    };

    void request(Inputs inputs)
    {
        m_requested = m_version;
        m_job.run([draw = m_draw, inputs = std::move(inputs), version = m_version]() mutable {
            return Drawn {draw(std::move(inputs)), version};
        });
    }

    bool accept(Drawn& drawn)
    {
        if (!m_take(drawn.picture))
            return false;
        m_drawnFor = drawn.version;
        return true;
    }

    std::function<Picture(Inputs)> m_draw;
    std::function<bool(Picture&)> m_take;
    std::function<void()> m_arrived;
    std::uint64_t m_version = 1;
    std::uint64_t m_drawnFor = 0;
    std::uint64_t m_requested = 0; // the version last asked of the worker
    int m_drawnHere = 0;
    LatestJob<Drawn> m_job;
};

} // namespace lantern::ui
