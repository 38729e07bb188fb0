#include "ui/widgets/run_coloring.h"

#include "core/export/csv_text.h"
#include "core/store/run_snapshot.h"
#include "ui/adapter/path_qstring.h"

namespace lantern::ui {

QString hparamValueText(const core::HParamValue& value)
{
    if (const auto* number = std::get_if<double>(&value))
        return QString::fromStdString(core::shortestNumber(*number));
    if (const auto* flag = std::get_if<bool>(&value))
        return *flag ? QStringLiteral("true") : QStringLiteral("false");
    return QString::fromStdString(std::get<std::string>(value));
}

std::optional<QString> colorGroupOf(const RunColorScheme& scheme,
    const QRegularExpression& expression, const core::RunSnapshot& run,
    const core::SessionStartInfo* session)
{
    switch (scheme.by) {
    case ColorBy::Run:
        return QString::fromStdString(run.name);
    case ColorBy::LogDirectory:
        // A spec without a NAME (`lantern dirA dirB`) is known by its path.
        if (run.logdirName.empty())
            return qStringFromPath(run.logdirPath);
        return QString::fromStdString(run.logdirName);
    case ColorBy::HParam: {
        if (!session)
            return std::nullopt;
        const auto it = session->hparams.find(scheme.hparam.toStdString());
        if (it == session->hparams.end())
            return std::nullopt;
        return hparamValueText(it->second);
    }
    case ColorBy::RegexGroup: {
        if (scheme.pattern.isEmpty() || !expression.isValid())
            return std::nullopt;
        const QRegularExpressionMatch match = expression.match(QString::fromStdString(run.name));
        if (!match.hasMatch())
            return std::nullopt;
        if (expression.captureCount() == 0)
            return match.captured(0);
        QStringList captured;
        for (int group = 1; group <= expression.captureCount(); ++group)
            captured.append(match.captured(group));
        return captured.join(QChar(0x1F)); // a separator no run name holds
    }
    }
    return std::nullopt;
}

} // namespace lantern::ui
