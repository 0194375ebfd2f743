#include "commandline.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace timonel {

void setUpCommandLine(QCommandLineParser &parser, const QString &description)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Timonel"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("timonel.dev"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TIMONEL_VERSION));
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addVersionOption();
}

void installTranslations()
{
    const QString forced = qEnvironmentVariable("TIMONEL_LANGUAGE");
    const QLocale locale = forced.isEmpty() ? QLocale() : QLocale(forced);
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(locale, QStringLiteral("timonel"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
    // Qt's own strings (standard dialogs, --help) from the system's Qt translations.
    auto *qtTranslator = new QTranslator(QCoreApplication::instance());
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
}

} // namespace timonel
