#include "ui/dashboards/projector/projector_dashboard.h"

#include "core/analysis/nearest_neighbours.h"
#include "core/io/logdir_spec.h"
#include "ui/dashboards/projector/embedding_scatter_plot.h"
#include "ui/dashboards/projector/metadata_colors.h"
#include "ui/widgets/plain_tool_tip.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRegularExpression>
#include <QToolTip>

#include <algorithm>
#include <utility>

namespace lantern::ui {
namespace {

constexpr std::size_t kComponents = 10; // as TensorBoard offers
constexpr std::size_t kNeighbours = 10;

QString sourceLabel(const core::ProjectorEmbeddingSource& source)
{
    return QStringLiteral("%1 · %2").arg(
        QString::fromStdString(source.run), QString::fromStdString(source.name));
}

bool sameSource(const core::ProjectorEmbeddingSource& a, const core::ProjectorEmbeddingSource& b)
{
    return a.run == b.run && a.name == b.name && a.tensorPath == b.tensorPath
        && a.checkpointPrefix == b.checkpointPrefix && a.metadataPath == b.metadataPath;
}

} // namespace

struct ProjectorDashboard::Projection {
    int source = -1;
    core::ProjectorEmbeddingSource origin;
    core::LoadedEmbedding embedding;
    core::PcaResult pca;
};

// The jobs hold no pointer to us, but are waited for when we go, so that none outlives the pool.
ProjectorDashboard::ProjectorDashboard(QWidget* parent)
    : Dashboard(parent)
    , m_discovering([this](core::ProjectorDiscovery found) { applyDiscovery(std::move(found)); },
          nullptr, LatestJobRunner::OnDestroy::Wait)
    , m_projecting([this](ProjectionPtr projection) { showProjection(std::move(projection)); },
          nullptr, LatestJobRunner::OnDestroy::Wait)
{
    setObjectName(QStringLiteral("projector")); // the tab's key
    connect(this, &ProjectorDashboard::embeddingsFound, this, &Dashboard::dataAvailabilityChanged);
    m_embeddingChooser = new QComboBox(this);
    m_embeddingChooser->setObjectName(QStringLiteral("embeddingChooser"));
    m_xComponent = new QComboBox(this);
    m_xComponent->setObjectName(QStringLiteral("xComponent"));
    m_yComponent = new QComboBox(this);
    m_yComponent->setObjectName(QStringLiteral("yComponent"));
    m_colorBy = new QComboBox(this);
    m_colorBy->setObjectName(QStringLiteral("colorBy"));
    m_searchColumn = new QComboBox(this);
    m_searchColumn->setObjectName(QStringLiteral("searchColumn"));
    m_searchField = new QLineEdit(this);
    m_searchField->setObjectName(QStringLiteral("searchField"));
    m_searchField->setPlaceholderText(tr("Search labels (regular expression)"));
    m_searchField->setClearButtonEnabled(true);
    m_searchCount = new QLabel(this);
    m_searchCount->setObjectName(QStringLiteral("searchCount"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("projectorStatus"));
    m_status->setWordWrap(true);
    m_selection = new QLabel(tr("Click a point to see its nearest neighbours."), this);
    m_selection->setWordWrap(true);
    m_neighbours = new QListWidget(this);
    m_neighbours->setObjectName(QStringLiteral("neighbourList"));
    m_plot = new EmbeddingScatterPlot(this);
    m_plot->setObjectName(QStringLiteral("embeddingPlot"));

    auto* panel = new QWidget(this);
    auto* form = new QFormLayout(panel);
    form->addRow(tr("Embedding"), m_embeddingChooser);
    form->addRow(tr("X axis"), m_xComponent);
    form->addRow(tr("Y axis"), m_yComponent);
    form->addRow(tr("Colour by"), m_colorBy);
    form->addRow(tr("Search in"), m_searchColumn);
    form->addRow(m_searchField);
    form->addRow(m_searchCount);
    form->addRow(m_status);
    form->addRow(m_selection);
    form->addRow(m_neighbours);
    panel->setMinimumWidth(240);
    panel->setMaximumWidth(360);

    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_plot, 1);
    layout->addWidget(panel);

    connect(
        m_embeddingChooser, &QComboBox::currentIndexChanged, this, &ProjectorDashboard::loadChosen);
    connect(
        m_xComponent, &QComboBox::currentIndexChanged, this, &ProjectorDashboard::plotComponents);
    connect(
        m_yComponent, &QComboBox::currentIndexChanged, this, &ProjectorDashboard::plotComponents);
    connect(m_colorBy, &QComboBox::currentIndexChanged, this, &ProjectorDashboard::recolor);
    connect(m_searchColumn, &QComboBox::currentIndexChanged, this, &ProjectorDashboard::search);
    connect(m_searchField, &QLineEdit::textChanged, this, &ProjectorDashboard::search);
    connect(m_plot, &EmbeddingScatterPlot::pointHovered, this, &ProjectorDashboard::hover);
    connect(m_plot, &EmbeddingScatterPlot::selectionChanged, this,
        [this](
            const std::vector<int>& selected) { select(selected.empty() ? -1 : selected.back()); });
    connect(m_neighbours, &QListWidget::itemActivated, this,
        [this](QListWidgetItem* item) { select(item->data(Qt::UserRole).toInt()); });
}

ProjectorDashboard::~ProjectorDashboard() = default;

std::optional<bool> ProjectorDashboard::hasDataFor(const DashboardUpdate&) const
{
    if (m_discovering.isBusy())
        return std::nullopt; // embeddingsFound will tell
    return hasEmbeddings();
}

bool ProjectorDashboard::isComputing() const
{
    return m_discovering.isBusy() || m_projecting.isBusy();
}

void ProjectorDashboard::setSnapshot(
    const LogdirSnapshotPtr& snapshot, const QStringList& logdirSpecs)
{
    std::vector<core::ProjectorRunDirectory> runs;
    QString key = logdirSpecs.join(QLatin1Char('\n'));
    for (const auto& run : snapshot->runs) {
        runs.push_back({run->name, run->directory});
        key += QLatin1Char('\n') + QString::fromStdString(run->directory.string());
    }
    if (key == m_discoveryKey)
        return;
    m_discoveryKey = key;
    std::vector<std::pair<std::string, std::filesystem::path>> logdirs;
    for (const QString& spec : logdirSpecs) {
        const core::LogdirSpec parsed = core::parseLogdirSpec(spec.toStdString());
        logdirs.emplace_back(parsed.name, parsed.path);
    }
    m_discovering.run([runs = std::move(runs), logdirs = std::move(logdirs)] {
        return core::discoverProjectorEmbeddings(runs, logdirs);
    });
}

void ProjectorDashboard::applyDiscovery(core::ProjectorDiscovery discovery)
{
    const bool unchanged = discovery.embeddings.size() == m_sources.size()
        && std::equal(m_sources.begin(), m_sources.end(), discovery.embeddings.begin(), sameSource);
    if (!unchanged) {
        m_sources = std::move(discovery.embeddings);
        m_projection.reset();
        m_projectedSource = -1;
        const QSignalBlocker blocker(m_embeddingChooser);
        m_embeddingChooser->clear();
        for (const auto& source : m_sources)
            m_embeddingChooser->addItem(sourceLabel(source));
        m_plot->setPoints({}, 2);
        loadChosen();
    }
    if (!discovery.problems.empty())
        m_status->setToolTip(plainToolTip(QString::fromStdString(discovery.problems.front())));
    emit embeddingsFound(!m_sources.empty());
}

void ProjectorDashboard::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_loadWhenShown)
        loadChosen();
}

void ProjectorDashboard::loadChosen()
{
    const int chosen = m_embeddingChooser->currentIndex();
    if (chosen < 0 || std::size_t(chosen) >= m_sources.size() || chosen == m_projectedSource)
        return;
    // Loading can take seconds and much memory: only for a tab someone looks at.
    m_loadWhenShown = !isVisible();
    if (m_loadWhenShown)
        return;
    m_status->setText(tr("Computing: loading and projecting %1…")
                          .arg(m_embeddingChooser->currentText().toHtmlEscaped()));
    m_projecting.run([source = m_sources[std::size_t(chosen)], chosen] {
        auto projection = std::make_shared<Projection>();
        projection->source = chosen;
        projection->origin = source;
        projection->embedding = core::loadEmbedding(source);
        const auto& embedding = projection->embedding;
        projection->pca = core::principalComponents(
            embedding.values, embedding.rows, embedding.columns, kComponents);
        return ProjectionPtr(std::move(projection));
    });
}

void ProjectorDashboard::showProjection(ProjectionPtr projection)
{
    const int chosen = m_embeddingChooser->currentIndex();
    if (chosen < 0)
        return; // the embeddings are gone
    if (projection->source != chosen
        || !sameSource(projection->origin, m_sources[std::size_t(chosen)])) {
        loadChosen(); // the choice changed while this one was computed
        return;
    }
    m_projection = std::move(projection);
    m_projectedSource = m_projection->source;
    const auto& embedding = m_projection->embedding;
    const auto& pca = m_projection->pca;
    {
        const QSignalBlocker blockX(m_xComponent), blockY(m_yComponent);
        const QSignalBlocker blockColor(m_colorBy), blockSearch(m_searchColumn);
        m_xComponent->clear();
        m_yComponent->clear();
        for (std::size_t c = 0; c < pca.components; ++c) {
            const QString label
                = tr("PC%1 (%2%)").arg(c + 1).arg(100 * pca.varianceRatio[c], 0, 'f', 1);
            m_xComponent->addItem(label);
            m_yComponent->addItem(label);
        }
        m_xComponent->setCurrentIndex(0);
        m_yComponent->setCurrentIndex(pca.components > 1 ? 1 : 0);
        m_colorBy->clear();
        m_searchColumn->clear();
        m_colorBy->addItem(tr("(none)"));
        for (const auto& column : embedding.metadata.columns) {
            m_colorBy->addItem(QString::fromStdString(column.name));
            m_searchColumn->addItem(QString::fromStdString(column.name));
        }
        // Labels (text) colour best by default; a numeric index column would not.
        const auto& columns = embedding.metadata.columns;
        const auto text = std::find_if(
            columns.begin(), columns.end(), [](const auto& column) { return !column.numeric; });
        m_colorBy->setCurrentIndex(
            columns.empty() ? 0 : 1 + int(text == columns.end() ? 0 : text - columns.begin()));
    }
    if (!embedding.error.empty())
        m_status->setText(
            tr("Could not load: %1").arg(QString::fromStdString(embedding.error).toHtmlEscaped()));
    else
        m_status->setText(
            tr("%1 points × %2 dimensions%3")
                .arg(embedding.rows)
                .arg(embedding.columns)
                .arg(embedding.warning.empty()
                        ? QString()
                        : tr("<br>Metadata left out: %1")
                              .arg(QString::fromStdString(embedding.warning).toHtmlEscaped())));
    m_neighbours->clear();
    plotComponents();
    emit projectionShown();
}

void ProjectorDashboard::plotComponents()
{
    if (!m_projection)
        return;
    const auto& pca = m_projection->pca;
    const std::size_t x = std::size_t(std::max(0, m_xComponent->currentIndex()));
    const std::size_t y = std::size_t(std::max(0, m_yComponent->currentIndex()));
    std::vector<QVector3D> points;
    if (pca.components > 0) {
        points.reserve(pca.rows);
        for (std::size_t row = 0; row < pca.rows; ++row) {
            const float* coordinates = pca.coordinates.data() + row * pca.components;
            // With one component, spread the points along x only.
            points.emplace_back(coordinates[x], pca.components > 1 ? coordinates[y] : 0.f, 0.f);
        }
    }
    m_plot->setPoints(std::move(points), 2);
    recolor();
    search();
}

void ProjectorDashboard::recolor()
{
    if (!m_projection)
        return;
    const int column = m_colorBy->currentIndex() - 1; // after "(none)"
    m_plot->setColors(column < 0
            ? std::vector<QRgb>()
            : colorsForColumn(m_projection->embedding.metadata, std::size_t(column)));
}

void ProjectorDashboard::search()
{
    const QString pattern = m_searchField->text();
    const int column = m_searchColumn->currentIndex();
    if (!m_projection || pattern.isEmpty() || column < 0) {
        m_plot->setHighlighted({});
        m_searchCount->clear();
        return;
    }
    const QRegularExpression expression(pattern, QRegularExpression::CaseInsensitiveOption);
    if (!expression.isValid()) {
        m_plot->setHighlighted({});
        m_searchCount->setText(tr("Not a valid regular expression"));
        return;
    }
    const auto& metadata = m_projection->embedding.metadata;
    std::vector<bool> matches(std::size_t(m_plot->pointCount()), false);
    int count = 0;
    for (std::size_t row = 0; row < metadata.rows.size() && row < matches.size(); ++row) {
        const auto cell = metadata.cell(row, std::size_t(column));
        if (expression.match(QString::fromUtf8(cell.data(), qsizetype(cell.size()))).hasMatch()) {
            matches[row] = true;
            ++count;
        }
    }
    m_plot->setHighlighted(std::move(matches));
    m_searchCount->setText(count == 1 ? tr("1 point matches") : tr("%1 points match").arg(count));
}

QString ProjectorDashboard::describePoint(int index) const
{
    const auto& metadata = m_projection->embedding.metadata;
    QStringList lines {tr("Point %1").arg(index)};
    if (std::size_t(index) < metadata.rows.size())
        for (std::size_t column = 0; column < metadata.columns.size(); ++column)
            lines << QStringLiteral("%1: %2").arg(
                QString::fromStdString(metadata.columns[column].name),
                QString::fromUtf8(metadata.cell(std::size_t(index), column)));
    return lines.join(QLatin1Char('\n'));
}

void ProjectorDashboard::hover(int index)
{
    m_hoverText = index >= 0 && m_projection ? describePoint(index) : QString();
    if (m_hoverText.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(
            m_plot->mapToGlobal(m_plot->positionOf(index)), plainToolTip(m_hoverText), m_plot);
}

void ProjectorDashboard::select(int index)
{
    m_neighbours->clear();
    if (!m_projection || index < 0) {
        m_plot->setSelection({});
        m_plot->setNeighbours({});
        m_selection->setText(tr("Click a point to see its nearest neighbours."));
        return;
    }
    const auto& embedding = m_projection->embedding;
    // One pass over the points: a few milliseconds even for 100,000 × 300.
    const auto nearest = core::nearestNeighbours(embedding.values, embedding.rows,
        embedding.columns, std::size_t(index), kNeighbours, core::DistanceMetric::Cosine);
    std::vector<int> indices;
    const auto& metadata = embedding.metadata;
    const auto label = [&metadata](std::size_t row) {
        return row < metadata.rows.size() && !metadata.columns.empty()
            ? QString::fromUtf8(metadata.cell(row, 0))
            : QString::number(row);
    };
    for (const core::Neighbour& neighbour : nearest) {
        indices.push_back(int(neighbour.index));
        auto* item = new QListWidgetItem(QStringLiteral("%1   %2")
                                             .arg(neighbour.distance, 0, 'f', 3)
                                             .arg(label(neighbour.index)),
            m_neighbours);
        item->setData(Qt::UserRole, int(neighbour.index));
    }
    m_plot->setSelection({index});
    m_plot->setNeighbours(std::move(indices));
    m_selection->setText(tr("Selected: %1 — nearest by cosine distance:")
                             .arg(label(std::size_t(index)).toHtmlEscaped()));
}

} // namespace lantern::ui
