// lantern: the desktop app. `lantern [LOGDIR...]`, `lantern --logdir SPEC`.

#include "ui/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTimer>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Lantern"));
    QApplication::setOrganizationName(QStringLiteral("Lantern"));
    QApplication::setApplicationVersion(QStringLiteral(LANTERN_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A desktop viewer for TensorBoard logs."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption logdirOption(QStringLiteral("logdir"),
        QStringLiteral("Log directory to open: PATH or NAME:PATH (repeatable)."),
        QStringLiteral("SPEC"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QStringLiteral("Load fully, save an image of the window to FILE and exit."),
        QStringLiteral("FILE"));
    parser.addOption(logdirOption);
    parser.addOption(screenshotOption);
    parser.addPositionalArgument(QStringLiteral("LOGDIR"),
        QStringLiteral("Log directories to open."), QStringLiteral("[LOGDIR...]"));
    parser.process(app);

    QStringList specs = parser.values(logdirOption);
    specs += parser.positionalArguments();
    const bool scripted = parser.isSet(screenshotOption);
    if (specs.isEmpty() && !scripted)
        specs = QSettings().value(QStringLiteral("logdirs/lastSession")).toStringList();

    lantern::ui::MainWindow window;
    window.show();
    if (!specs.isEmpty())
        window.openLogdirs(specs);

    if (scripted) {
        const QString file = parser.value(screenshotOption);
        auto save = [&window, file] {
            const bool saved = window.grab().save(file);
            QApplication::exit(saved ? 0 : 1);
        };
        if (specs.isEmpty())
            QTimer::singleShot(200, &window, save);
        else
            QObject::connect(&window, &lantern::ui::MainWindow::loadFinished, &window,
                [save] { QTimer::singleShot(50, save); });
    }
    return app.exec();
}
