// lantern: the desktop app. `lantern [LOGDIR...]`, `lantern --logdir SPEC`.

#include "ui/adapter/log_loader.h"
#include "ui/main_window.h"
#include "ui/settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileOpenEvent>
#include <QIcon>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>

namespace {

// --help and --version need no display: they are answered by a core application, before
// anything touches the window system (which aborts when there is none).
void answerWithoutDisplay(QCommandLineParser& parser, int& argc, char** argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    parser.parse(arguments); // mistakes are reported by process() once the GUI is up
    if (!parser.isSet(QStringLiteral("version")) && !parser.isSet(QStringLiteral("help"))
        && !parser.isSet(QStringLiteral("help-all")))
        return;
    QCoreApplication core(argc, argv);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp();
    parser.process(core); // --help-all, with Qt's own options
}

// macOS gives the app the folders and files opened with it from the Finder as events, not
// as arguments (Info.plist's document types).
class FileOpenListener final : public QObject {
public:
    explicit FileOpenListener(lantern::ui::MainWindow& window)
        : m_window(window)
    {
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::FileOpen)
            return QObject::eventFilter(watched, event);
        m_window.openLogdirs(
            lantern::ui::openedLogdirSpecs({static_cast<QFileOpenEvent*>(event)->file()}));
        return true;
    }

private:
    lantern::ui::MainWindow& m_window;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("Lantern"));
    QCoreApplication::setOrganizationName(QStringLiteral("Lantern"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LANTERN_VERSION));

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
    const QCommandLineOption tabOption(QStringLiteral("tab"),
        QStringLiteral("With --screenshot: the dashboard to show (scalars, histograms, "
                       "distributions, graphs, projector, images, audio, text, pr_curves, hparams, runs)."),
        QStringLiteral("NAME"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
        QStringLiteral("Window size, e.g. 1600x900."), QStringLiteral("WxH"));
    const QCommandLineOption reloadOption(QStringLiteral("reload"),
        QStringLiteral("Seconds between reloads (default 1)."), QStringLiteral("SECONDS"));
    parser.addOption(logdirOption);
    parser.addOption(screenshotOption);
    parser.addOption(tabOption);
    parser.addOption(sizeOption);
    parser.addOption(reloadOption);
    const QCommandLineOption keepOrphanedOption(QStringLiteral("keep-orphaned-data"),
        QStringLiteral("Keep every point as written. By default, as in TensorBoard, a point at "
                       "step s replaces the points of its series (run, tag) read before it with "
                       "step >= s."));
    parser.addOption(keepOrphanedOption);
    parser.addPositionalArgument(QStringLiteral("LOGDIR"),
        QStringLiteral("Log directories to open (an event file opens its folder)."),
        QStringLiteral("[LOGDIR...]"));
    answerWithoutDisplay(parser, argc, argv);

    QApplication app(argc, argv);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/lantern.svg")));
    parser.process(app);

    // What a file manager passes (Exec=lantern %F) or a user types. An event file opens the
    // folder it lies in, its run, with the run's other files (a single file of a run would be
    // a misleading part of it).
    QStringList specs = lantern::ui::openedLogdirSpecs(
        parser.values(logdirOption) + parser.positionalArguments());
    const bool scripted = parser.isSet(screenshotOption);
    if (specs.isEmpty() && !scripted && lantern::ui::Preferences::load().restoreLogdirs)
        specs = lantern::ui::Settings().lastSession();

    lantern::ui::MainWindow window;
    FileOpenListener fileOpenListener(window);
    app.installEventFilter(&fileOpenListener);
    if (parser.isSet(sizeOption)) {
        const QStringList parts = parser.value(sizeOption).split(QLatin1Char('x'));
        if (parts.size() != 2 || parts[0].toInt() <= 0 || parts[1].toInt() <= 0) {
            std::fprintf(stderr, "lantern: --size takes WIDTHxHEIGHT, e.g. 1600x900\n");
            return 2;
        }
        window.resize(parts[0].toInt(), parts[1].toInt());
    }
    if (parser.isSet(reloadOption)) {
        const double seconds = parser.value(reloadOption).toDouble();
        if (seconds <= 0) {
            std::fprintf(stderr, "lantern: --reload takes a positive number of seconds\n");
            return 2;
        }
        window.loader()->setReloadInterval(int(seconds * 1000));
    }
    if (parser.isSet(keepOrphanedOption))
        window.setKeepOrphanedData(true);
    window.show();
    if (!specs.isEmpty())
        window.openLogdirs(specs);
    else
        window.openDemo(); // with nothing to open, show what Lantern does

    if (scripted) {
        const QString file = parser.value(screenshotOption);
        const QString tab = parser.value(tabOption).toLower();
        // Views that compute in the background (the projector) are waited for before the
        // tab is chosen, and again after, as showing a tab may start its work. Dashboards say
        // when their work is done (MainWindow::viewsReady): each step runs then, nothing polls.
        // The connection below owns the step; the step holds itself only weakly (no cycle).
        auto save = std::make_shared<std::function<void(bool)>>();
        const std::weak_ptr<std::function<void(bool)>> again = save;
        *save = [&window, file, tab, again](bool tabShown) {
            const auto retry = [again](bool shown) {
                if (const auto step = again.lock())
                    (*step)(shown);
            };
            // Lay out and paint first: views may start their work as they do.
            QApplication::processEvents();
            if (window.isComputing()) {
                QObject::connect(
                    &window, &lantern::ui::MainWindow::viewsReady, &window,
                    [retry, tabShown] {
                        QTimer::singleShot(0, [retry, tabShown] { retry(tabShown); });
                    },
                    Qt::SingleShotConnection);
                return;
            }
            if (!tab.isEmpty() && !window.showTab(tab)) {
                std::fprintf(stderr, "lantern: the log directory holds nothing for the '%s' tab\n",
                    qPrintable(tab));
                QApplication::exit(3);
                return;
            }
            if (!tabShown) {
                retry(true);
                return;
            }
            const bool saved = window.grab().save(file);
            if (!saved)
                std::fprintf(stderr, "lantern: could not write %s\n", qPrintable(file));
            QApplication::exit(saved ? 0 : 1);
        };
        QObject::connect(&window, &lantern::ui::MainWindow::loadFinished, &window,
            [save] { QTimer::singleShot(0, [save] { (*save)(false); }); });
    }
    return app.exec();
}
