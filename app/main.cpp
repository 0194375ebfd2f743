// timonel: the desktop console.
#include "app/hugepageheap.h"
#include "app/commandline.h"
#include "app/consolecontroller.h"
#include "app/theme.h"
#include "views/mainwindow.h"

#include "kube/api/scaledclock.h"

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>

#include <optional>

int main(int argc, char *argv[])
{
    timonel::relaunchWithHugePageHeap(argv); // before any thread: glibc reads its tunables at start
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("timonel"));
    QCoreApplication::setOrganizationName(QStringLiteral("Timonel"));
    QGuiApplication::setDesktopFileName(QStringLiteral("timonel"));

    timonel::installTranslations();

    QCommandLineParser parser;
    timonel::setUpCommandLine(parser, QCoreApplication::translate("main", "Timonel: a native console for Kubernetes."));
    const QCommandLineOption kubeconfigOption(QStringLiteral("kubeconfig"),
                                              QCoreApplication::translate("main", "Read clusters from this kubeconfig file."),
                                              QStringLiteral("file"));
    const QCommandLineOption contextOption(QStringLiteral("context"),
                                           QCoreApplication::translate("main", "Open this kubeconfig context instead of the embedded cluster."),
                                           QStringLiteral("name"));
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           QCoreApplication::translate("main", "Where the embedded cluster keeps its data."),
                                           QStringLiteral("dir"));
    const QCommandLineOption speedOption(
        QStringLiteral("speed"),
        QCoreApplication::translate("main", "Run the embedded cluster's clock this many times faster than real time (1 to 100), for demos."),
        QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption nodesOption(QStringLiteral("nodes"),
                                         QCoreApplication::translate("main", "How many simulated nodes the embedded cluster has (1 to 100)."),
                                         QStringLiteral("n"), QStringLiteral("1"));
    parser.addOption(kubeconfigOption);
    parser.addOption(contextOption);
    parser.addOption(dataDirOption);
    parser.addOption(speedOption);
    parser.addOption(nodesOption);
    parser.process(app);
    const std::optional<double> speed = kube::ScaledClock::parseSpeed(parser.value(speedOption));
    if (!speed) {
        QTextStream(stderr) << QCoreApplication::translate("main", "timonel: --speed must be a number from 1 to %1, such as 20")
                                   .arg(kube::ScaledClock::MaxSpeed)
                            << Qt::endl;
        return 2;
    }
    bool nodesOk = false;
    const int nodes = parser.value(nodesOption).toInt(&nodesOk);
    if (!nodesOk || nodes < 1 || nodes > 100) {
        QTextStream(stderr) << QCoreApplication::translate("main", "timonel: --nodes must be a number from 1 to 100") << Qt::endl;
        return 2;
    }

    timonel::applyTheme(timonel::savedTheme());

    timonel::ConsoleOptions options;
    options.embeddedDataDir = parser.isSet(dataDirOption)
                                  ? parser.value(dataDirOption)
                                  : QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                                        QStringLiteral("/timonel/cluster");
    options.embeddedSpeed = *speed;
    options.embeddedNodes = nodes;
    if (parser.isSet(kubeconfigOption))
        options.kubeconfig.explicitPath = parser.value(kubeconfigOption);

    if (parser.isSet(contextOption))
        options.initialCluster = QStringLiteral("context:") + parser.value(contextOption);

    timonel::MainWindow window;
    window.setTheme(timonel::MainWindow::Theme(int(timonel::savedTheme())));
    timonel::ConsoleController console(&window, options);
    QObject::connect(&window, &timonel::MainWindow::themeRequested, &window, [&window](timonel::MainWindow::Theme theme) {
        const auto choice = timonel::ThemeChoice(int(theme));
        timonel::applyTheme(choice);
        timonel::saveTheme(choice);
        window.setTheme(theme);
    });
    QObject::connect(&window, &timonel::MainWindow::languageRequested, &window, [](const QString &language) {
        QSettings().setValue(QStringLiteral("ui/language"), language);
        timonel::setLanguage(language);
    });
    window.show();
    console.start();
    return app.exec();
}
