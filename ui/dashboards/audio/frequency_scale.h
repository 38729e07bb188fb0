#pragma once
// Where frequencies lie up a spectrogram: evenly from 0 Hz to half the sample rate, or on a
// log scale (as pitch is heard: each octave the same height) from 20 Hz, or the first bin
// above 0 Hz when that is higher; and the labelled ticks of either (Hz, kHz).

#include "ui/widgets/axis_ticks.h"

namespace lantern::ui {

struct FrequencyScale {
    double lowest = 0; // at the bottom edge
    double highest = 1; // at the top edge
    bool log = false;

    // The scale of a spectrogram of `sampleRate` audio through a `windowSize`-frame transform.
    static FrequencyScale of(double sampleRate, int windowSize, bool log);

    // 0 at the bottom edge, 1 at the top (outside [0, 1] beyond them).
    double fractionOf(double hertz) const;
    double hertzAt(double fraction) const;
    // About `target` ticks inside the scale, labelled as hertzText: nice values (linear); 1, 2
    // and 5 times powers of ten, or 1 and 3 times, or only the powers when those are too many
    // (log).
    AxisTicks ticks(int target) const;
};

// "440 Hz", "1 kHz", "2.5 kHz".
QString hertzText(double hertz);

} // namespace lantern::ui
