#pragma once
// A step or a range of steps the user selected on a Scalars card (or on every card, with linked
// time): a single step when lo == hi.

#include <cstdint>

namespace lantern::ui {

struct StepSelection {
    std::int64_t lo = 0;
    std::int64_t hi = 0;
    bool isRange() const { return hi > lo; }
    bool operator==(const StepSelection&) const = default;
};

} // namespace lantern::ui
