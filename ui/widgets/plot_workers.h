#pragma once
// The threads plots compute and render on in the background: half the cores, at a low
// priority, so that the GUI thread always finds one free (on two cores, a plot of a thousand
// runs on each worker left the window waiting for the processor, not for the plots).

class QThreadPool;

namespace lantern::ui {

QThreadPool& plotWorkers();

} // namespace lantern::ui
