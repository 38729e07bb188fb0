#pragma once
// What decides a run's colour: the run itself (its own stable colour), or a group it shares
// with other runs — the text its name matches in a regular expression's capture groups (as
// TensorBoard's "colour runs by regex"), its log directory, or the value of one hparam. Runs
// of one group share a colour; a run in no group is grey.

#include "core/events/hparams.h"

#include <QColor>
#include <QRegularExpression>
#include <QString>

#include <optional>

namespace lantern::core {
struct RunSnapshot;
}

namespace lantern::ui {

enum class ColorBy { Run, RegexGroup, LogDirectory, HParam };

struct RunColorScheme {
    ColorBy by = ColorBy::Run;
    QString pattern; // ColorBy::RegexGroup
    QString hparam; // ColorBy::HParam
    bool operator==(const RunColorScheme&) const = default;
};

// The colour of runs that fall in no group.
inline const QColor kUngroupedRunColor(0x9E, 0x9E, 0x9E);

// The group `run` falls in under `scheme` (`expression` is the scheme's pattern, compiled;
// `session` the hparams the run shows), or nullopt for none. The regex group is the text of
// every capture group, or the whole match when the pattern has none.
std::optional<QString> colorGroupOf(const RunColorScheme& scheme,
    const QRegularExpression& expression, const core::RunSnapshot& run,
    const core::SessionStartInfo* session);

// An hparam value as shown in tables and used as a group: numbers as the shortest text that
// reads back exactly, booleans as true/false.
QString hparamValueText(const core::HParamValue& value);

} // namespace lantern::ui
