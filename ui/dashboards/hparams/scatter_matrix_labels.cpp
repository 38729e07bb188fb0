// ScatterMatrixView's titles and tick labels, and the text fitting they need.

#include "ui/dashboards/hparams/scatter_matrix_labels.h"

#include "ui/dashboards/hparams/scatter_matrix_view.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QRegularExpression>

#include <algorithm>

namespace lantern::ui {
namespace {

// Breaks after spaces, else after _ / . - (names like "distortion_loss_weight").
QStringList pieces(const QString& text)
{
    static const QRegularExpression space(QStringLiteral("(?<= )"));
    static const QRegularExpression joint(QStringLiteral("(?<=[_/.\\-])"));
    QStringList words = text.split(space, Qt::SkipEmptyParts);
    return words.size() > 1 ? words : text.split(joint, Qt::SkipEmptyParts);
}

constexpr int kTickTarget = 3;

} // namespace

double scatterTopMargin(const QFont& font)
{
    return 2 * QFontMetricsF(font).lineSpacing() + 12;
}

double scatterBottomMargin(const QFont& font)
{
    return QFontMetricsF(font).lineSpacing() + 8;
}

QStringList fittedTitle(
    const QFontMetricsF& metrics, const QString& text, double width, int maxLines)
{
    const auto fits = [&](const QString& line) { return metrics.horizontalAdvance(line) <= width; };
    QStringList lines;
    QString line;
    const QStringList parts = pieces(text);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (lines.size() == maxLines - 1) { // the last line takes the rest, elided if need be
            const QString rest = (line + QStringList(parts.mid(i)).join(QString())).trimmed();
            lines.append(metrics.elidedText(rest, Qt::ElideMiddle, width));
            return lines;
        }
        if (line.isEmpty() || fits((line + parts[i]).trimmed())) {
            line += parts[i];
            continue;
        }
        lines.append(fits(line.trimmed())
                ? line.trimmed()
                : metrics.elidedText(line.trimmed(), Qt::ElideMiddle, width));
        line = parts[i];
    }
    if (!line.isEmpty())
        lines.append(fits(line.trimmed())
                ? line.trimmed()
                : metrics.elidedText(line.trimmed(), Qt::ElideMiddle, width));
    return lines;
}

std::vector<ScatterMatrixView::Label> ScatterMatrixView::titleLabels() const
{
    ensureLayout();
    QFont bold = font();
    bold.setBold(true);
    const QFontMetricsF metrics(bold);
    const double line = metrics.lineSpacing();
    std::vector<Label> labels;
    for (std::size_t c = 0; c < m_hparams.size(); ++c) {
        const core::CellBox box = m_layout.box({0, c});
        const QStringList lines
            = fittedTitle(metrics, m_hparams[c].title, box.width + m_layout.gap, 2);
        double top = m_layout.top - 6 - line * double(lines.size());
        for (const QString& text : lines) {
            labels.push_back(
                {QRectF(box.left - m_layout.gap / 2, top, box.width + m_layout.gap, line), text});
            top += line;
        }
    }
    const double titleWidth = m_layout.left - kScatterTickRoom - 8;
    for (std::size_t r = 0; r < m_metrics.size(); ++r) {
        const core::CellBox box = m_layout.box({r, 0});
        const int most = std::max(1, int(box.height / line));
        const QStringList lines
            = fittedTitle(metrics, m_metrics[r].title, titleWidth, std::min(3, most));
        double top = box.top + (box.height - line * double(lines.size())) / 2;
        for (const QString& text : lines) {
            labels.push_back({QRectF(4, top, titleWidth, line), text});
            top += line;
        }
    }
    return labels;
}

std::vector<ScatterMatrixView::Label> ScatterMatrixView::tickLabels() const
{
    ensureLayout();
    const QFontMetricsF metrics(font());
    const double line = metrics.lineSpacing();
    std::vector<Label> labels;
    if (m_metrics.empty())
        return labels;
    // An axis's ticks, as many (up to three) as fit without overlapping or leaving their cell:
    // `place` gives a tick's box, `fits` whether it clears the last one kept.
    const auto add = [&](const ParallelAxis& axis, const auto& place, const auto& fits) {
        for (int target = kTickTarget; target >= 1; --target) {
            std::vector<Label> kept;
            bool crowded = false;
            for (const auto& [fraction, tick] : axis.ticks(target)) {
                if (fraction < -1e-9 || fraction > 1 + 1e-9)
                    continue;
                Label label = place(fraction, tick);
                if (fits(label, kept.empty() ? nullptr : &kept.back()))
                    kept.push_back(std::move(label));
                else
                    crowded = true;
            }
            if (!crowded || target == 1 || !axis.numeric) {
                labels.insert(labels.end(), kept.begin(), kept.end());
                return;
            }
        }
    };
    const core::CellBox last = m_layout.box({m_metrics.size() - 1, 0});
    for (std::size_t c = 0; c < m_hparams.size(); ++c) {
        const core::CellBox box = m_layout.box({m_metrics.size() - 1, c});
        const double left = box.left - m_layout.gap / 2,
                     right = box.left + box.width + m_layout.gap / 2;
        add(
            m_hparams[c],
            [&](double fraction, const QString& tick) {
                const QString text = metrics.elidedText(tick, Qt::ElideRight, box.width);
                const double w = metrics.horizontalAdvance(text) + 2;
                const double x
                    = box.left + kScatterInset + fraction * (box.width - 2 * kScatterInset);
                // Labels at the ends move inwards rather than into the next column.
                const double from = std::clamp(x - w / 2, left, std::max(left, right - w));
                return Label {QRectF(from, last.top + last.height + 3, w, line), text, x};
            },
            [&](const Label& label, const Label* before) {
                return label.box.left() >= (before ? before->box.right() + 4 : left)
                    && label.box.right() <= right;
            });
    }
    for (std::size_t r = 0; r < m_metrics.size(); ++r) {
        const core::CellBox box = m_layout.box({r, 0});
        const double top = box.top - m_layout.gap / 2,
                     bottom = box.top + box.height + m_layout.gap / 2;
        add(
            m_metrics[r],
            [&](double fraction, const QString& tick) {
                const QString text = metrics.elidedText(tick, Qt::ElideRight, kScatterTickRoom - 6);
                const double y
                    = box.top + kScatterInset + (1 - fraction) * (box.height - 2 * kScatterInset);
                const double from = std::clamp(y - line / 2, top, std::max(top, bottom - line));
                return Label {
                    QRectF(box.left - kScatterTickRoom, from, kScatterTickRoom - 4, line), text, y};
            },
            [&](const Label& label, const Label* before) { // upwards from the bottom
                return label.box.bottom() <= (before ? before->box.top() - 1 : bottom)
                    && label.box.top() >= top;
            });
    }
    return labels;
}

void ScatterMatrixView::paintTitles(QPainter& painter) const
{
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(palette().color(QPalette::Text));
    for (const Label& label : titleLabels()) {
        const bool row = label.box.right() < m_layout.left; // right-aligned, next to its row
        painter.drawText(
            label.box, (row ? Qt::AlignRight : Qt::AlignHCenter) | Qt::AlignVCenter, label.text);
    }
    painter.setFont(font());
}

void ScatterMatrixView::paintTicks(QPainter& painter) const
{
    painter.setPen(palette().color(QPalette::PlaceholderText));
    for (const Label& label : tickLabels()) {
        const bool left = label.box.right() < m_layout.left;
        painter.drawText(
            label.box, (left ? Qt::AlignRight : Qt::AlignHCenter) | Qt::AlignVCenter, label.text);
        // A short mark on the cell's edge at the tick.
        if (left)
            painter.drawLine(
                QPointF(m_layout.left - 3, label.at), QPointF(m_layout.left, label.at));
        else
            painter.drawLine(
                QPointF(label.at, label.box.top() - 3), QPointF(label.at, label.box.top()));
    }
}

} // namespace lantern::ui
