#pragma once
// The scatter matrix's margins and how its titles fit them: wrapped at spaces, or failing that
// after underscores, slashes, dots or dashes, onto a few lines, the last elided in the middle
// when the rest is still too wide, so no title is ever clipped by its box.

#include <QFont>
#include <QStringList>

class QFontMetricsF;

namespace lantern::ui {

// Room at the left for the rows' titles and the metrics' tick labels.
constexpr double kScatterLeftMargin = 176, kScatterTickRoom = 48;
// Room inside a cell so points on its edge stay whole.
constexpr double kScatterInset = 5;

double scatterTopMargin(const QFont& font); // two lines of column titles
double scatterBottomMargin(const QFont& font); // a line of the hparams' tick labels

// `text` as at most `maxLines` lines, each at most `width` wide in `metrics`.
QStringList fittedTitle(
    const QFontMetricsF& metrics, const QString& text, double width, int maxLines);

} // namespace lantern::ui
