#include "ui/dashboards/projector/projector_layout_controls.h"

#include "ui/dashboards/projector/projector_custom_controls.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace lantern::ui {
namespace {

template <typename Widget> Widget* withName(Widget* widget, const char* name)
{
    widget->setObjectName(QString::fromLatin1(name));
    return widget;
}

QSpinBox* spinBox(QWidget* parent, const char* name, int low, int high, int value)
{
    auto* box = withName(new QSpinBox(parent), name);
    box->setRange(low, high);
    box->setValue(value);
    return box;
}

QFormLayout* compactForm(QWidget* widget)
{
    auto* form = new QFormLayout(widget);
    form->setContentsMargins(0, 0, 0, 0);
    return form;
}

} // namespace

ProjectorLayoutControls::ProjectorLayoutControls(QWidget* parent)
    : QWidget(parent)
{
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    methodChooser = withName(new QComboBox(this), "projectionMethod");
    methodChooser->addItem(tr("PCA"), int(ProjectionMethod::Pca));
    methodChooser->addItem(tr("t-SNE"), int(ProjectionMethod::Tsne));
    methodChooser->addItem(tr("UMAP"), int(ProjectionMethod::Umap));
    methodChooser->addItem(tr("Custom"), int(ProjectionMethod::Custom));
    auto* methodForm = compactForm(nullptr);
    methodForm->addRow(tr("Method"), methodChooser);
    column->addLayout(methodForm);

    tsne = new QWidget(this);
    auto* tsneForm = compactForm(tsne);
    perplexity = spinBox(tsne, "perplexity", 2, 100, 30);
    learningRate = withName(new QDoubleSpinBox(tsne), "learningRate");
    learningRate->setRange(0, 100000);
    learningRate->setDecimals(0);
    learningRate->setSingleStep(10);
    learningRate->setSpecialValueText(tr("automatic"));
    learningRate->setToolTip(tr("0: automatic, max(points / 12, 200)"));
    stopAfter = spinBox(tsne, "stopAfter", 0, 1000000, 0);
    stopAfter->setSingleStep(100);
    stopAfter->setSpecialValueText(tr("never (run until paused)"));
    superviseBy = withName(new QComboBox(tsne), "superviseBy");
    supervision = withName(new QDoubleSpinBox(tsne), "supervision");
    supervision->setRange(0, 1);
    supervision->setSingleStep(0.1);
    supervision->setToolTip(tr("How much points with equal labels are drawn together"));
    tsneForm->addRow(tr("Perplexity"), perplexity);
    tsneForm->addRow(tr("Learning rate"), learningRate);
    tsneForm->addRow(tr("Stop at"), stopAfter);
    tsneForm->addRow(tr("Supervise"), superviseBy);
    tsneForm->addRow(tr("Supervision"), supervision);
    column->addWidget(tsne);

    umap = new QWidget(this);
    auto* umapForm = compactForm(umap);
    neighbours = spinBox(umap, "umapNeighbours", 5, 50, 15);
    minDist = withName(new QDoubleSpinBox(umap), "minDist");
    minDist->setRange(0, 0.99);
    minDist->setSingleStep(0.05);
    minDist->setValue(0.1);
    epochs = spinBox(umap, "epochs", 0, 10000, 0);
    epochs->setSingleStep(50);
    epochs->setSpecialValueText(tr("automatic"));
    umapForm->addRow(tr("Neighbours"), neighbours);
    umapForm->addRow(tr("Min. distance"), minDist);
    umapForm->addRow(tr("Epochs"), epochs);
    column->addWidget(umap);

    running = new QWidget(this);
    auto* runningForm = compactForm(running);
    seed = spinBox(running, "layoutSeed", 1, 1000000000, 1);
    pause = withName(new QPushButton(tr("Pause"), running), "pauseLayout");
    restart = withName(new QPushButton(tr("Restart"), running), "restartLayout");
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(pause);
    buttons->addWidget(restart);
    progress = withName(new QLabel(running), "layoutProgress");
    progress->setWordWrap(true);
    progress->setTextFormat(Qt::PlainText);
    runningForm->addRow(tr("Seed"), seed);
    runningForm->addRow(buttons);
    runningForm->addRow(progress);
    column->addWidget(running);

    custom = new ProjectorCustomControls(this);
    column->addWidget(custom);
    showControlsOf(ProjectionMethod::Pca);
}

ProjectionMethod ProjectorLayoutControls::method() const
{
    return ProjectionMethod(methodChooser->currentData().toInt());
}

void ProjectorLayoutControls::showControlsOf(ProjectionMethod shown)
{
    tsne->setVisible(shown == ProjectionMethod::Tsne);
    umap->setVisible(shown == ProjectionMethod::Umap);
    running->setVisible(isIterative(shown));
    custom->setVisible(shown == ProjectionMethod::Custom);
}

LayoutSettings ProjectorLayoutControls::settings(int dimensions) const
{
    LayoutSettings settings;
    settings.method = method();
    settings.dimensions = dimensions == 3 ? 3 : 2;
    settings.seed = std::uint64_t(seed->value());
    if (settings.method == ProjectionMethod::Tsne) {
        settings.perplexity = perplexity->value();
        settings.learningRate = learningRate->value();
        settings.supervision = supervision->value();
        settings.superviseColumn
            = superviseBy->count() > 0 ? superviseBy->currentData().toInt() : -1;
    } else {
        settings.neighbours = std::size_t(neighbours->value());
        settings.minDist = minDist->value();
        settings.epochs = std::size_t(epochs->value());
    }
    return settings;
}

void ProjectorLayoutControls::showSettings(const LayoutSettings& settings)
{
    const QSignalBlocker blocks[] = {QSignalBlocker(seed), QSignalBlocker(perplexity),
        QSignalBlocker(learningRate), QSignalBlocker(supervision), QSignalBlocker(superviseBy),
        QSignalBlocker(neighbours), QSignalBlocker(minDist), QSignalBlocker(epochs)};
    seed->setValue(int(settings.seed));
    if (settings.method == ProjectionMethod::Tsne) {
        perplexity->setValue(int(settings.perplexity));
        learningRate->setValue(settings.learningRate);
        supervision->setValue(settings.supervision);
        superviseBy->setCurrentIndex(std::max(0, superviseBy->findData(settings.superviseColumn)));
    } else {
        neighbours->setValue(int(settings.neighbours));
        minDist->setValue(settings.minDist);
        epochs->setValue(int(settings.epochs));
    }
}

std::size_t ProjectorLayoutControls::stopAt() const
{
    return std::size_t(stopAfter->value());
}

} // namespace lantern::ui
