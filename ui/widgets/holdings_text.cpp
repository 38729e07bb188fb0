#include "ui/widgets/holdings_text.h"

#include "core/analysis/run_summary.h"
#include "core/load/logdir_loader.h"
#include "ui/widgets/counted.h"

#include <QCoreApplication>
#include <QStringList>

namespace lantern::ui {
namespace {

// The texts' translation context; a class of its own, so that files built together (CMake's
// unity builds) do not each define a tr().
struct HoldingsTextTexts {
    Q_DECLARE_TR_FUNCTIONS(HoldingsText)
};

} // namespace

QString holdingsText(const core::LogdirSnapshot& snapshot)
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
        {snapshot.runs.size(), HoldingsTextTexts::tr("run"), HoldingsTextTexts::tr("runs")},
        {valuesOf(core::ValueKind::Scalar), HoldingsTextTexts::tr("scalar point"),
            HoldingsTextTexts::tr("scalar points")},
        {valuesOf(core::ValueKind::Histogram), HoldingsTextTexts::tr("histogram"),
            HoldingsTextTexts::tr("histograms")},
        {valuesOf(core::ValueKind::Image), HoldingsTextTexts::tr("image"),
            HoldingsTextTexts::tr("images")},
        {valuesOf(core::ValueKind::Audio), HoldingsTextTexts::tr("audio clip"),
            HoldingsTextTexts::tr("audio clips")},
        {valuesOf(core::ValueKind::Text), HoldingsTextTexts::tr("text"),
            HoldingsTextTexts::tr("texts")},
        {valuesOf(core::ValueKind::PrCurve), HoldingsTextTexts::tr("PR curve"),
            HoldingsTextTexts::tr("PR curves")},
        {valuesOf(core::ValueKind::Tensor), HoldingsTextTexts::tr("tensor"),
            HoldingsTextTexts::tr("tensors")},
        {holdings.graphs, HoldingsTextTexts::tr("graph"), HoldingsTextTexts::tr("graphs")},
    };
    QStringList parts;
    for (const Noun& noun : nouns)
        if (noun.count > 0 || parts.isEmpty()) // the run count always
            parts.append(counted(noun.count, noun.singular, noun.plural));
    if (parts.size() == 1)
        parts.append(HoldingsTextTexts::tr("no values yet"));
    return parts.join(QStringLiteral(" · "));
}

} // namespace lantern::ui
