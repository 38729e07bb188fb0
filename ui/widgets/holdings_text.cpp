#include "ui/widgets/holdings_text.h"

#include "core/analysis/run_summary.h"
#include "core/load/logdir_loader.h"
#include "ui/widgets/counted.h"

#include <QCoreApplication>
#include <QStringList>

namespace lantern::ui {
namespace {

// The texts' translation context ("HoldingsText", as lupdate reads it): its tr() is seen by
// the words below only, so that files built together (CMake's unity builds) do not each
// define one.
class HoldingsTextTexts {
    Q_DECLARE_TR_FUNCTIONS(HoldingsText)
public:
    static QString of(const core::LogdirSnapshot& snapshot);
};

QString HoldingsTextTexts::of(const core::LogdirSnapshot& snapshot)
{
    const core::LogdirHoldings holdings = core::holdingsOf(snapshot);
    const auto valuesOf = [&](core::ValueKind kind) {
        return holdings.valuesOfKind[static_cast<std::size_t>(kind)];
    };
    struct Noun {
        std::uint64_t count;
        QString singular, plural;
    };
    // Hparams and model or run-metadata records are counted by what they are seen as: the
    // HParams tab's sessions, and graphs.
    const Noun nouns[] = {
        {snapshot.runs.size(), tr("run"), tr("runs")},
        {valuesOf(core::ValueKind::Scalar), tr("scalar point"), tr("scalar points")},
        {valuesOf(core::ValueKind::Histogram), tr("histogram"), tr("histograms")},
        {valuesOf(core::ValueKind::Image), tr("image"), tr("images")},
        {valuesOf(core::ValueKind::Audio), tr("audio clip"), tr("audio clips")},
        {valuesOf(core::ValueKind::Text), tr("text"), tr("texts")},
        {valuesOf(core::ValueKind::PrCurve), tr("PR curve"), tr("PR curves")},
        {valuesOf(core::ValueKind::Tensor), tr("tensor"), tr("tensors")},
        {holdings.graphs, tr("graph"), tr("graphs")},
    };
    QStringList parts;
    for (const Noun& noun : nouns)
        if (noun.count > 0 || parts.isEmpty()) // the run count always
            parts.append(counted(noun.count, noun.singular, noun.plural));
    if (parts.size() == 1)
        parts.append(tr("no values yet"));
    return parts.join(QStringLiteral(" · "));
}

} // namespace

QString holdingsText(const core::LogdirSnapshot& snapshot)
{
    return HoldingsTextTexts::of(snapshot);
}

} // namespace lantern::ui
