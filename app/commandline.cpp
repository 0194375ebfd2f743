#include "commandline.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QSettings>
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
    setLanguage(preferredLanguage());
}

QString preferredLanguage()
{
    const QString forced = qEnvironmentVariable("TIMONEL_LANGUAGE");
    if (!forced.isEmpty())
        return forced;
    return QSettings().value(QStringLiteral("ui/language")).toString();
}

void setLanguage(const QString &language)
{
    // One pair of translators for the process, replaced on every switch: installing a new one
    // sends LanguageChange to every widget, which retranslates itself.
    static QPointer<QTranslator> ours;
    static QPointer<QTranslator> qt;
    if (ours) {
        QCoreApplication::removeTranslator(ours);
        delete ours;
    }
    if (qt) {
        QCoreApplication::removeTranslator(qt);
        delete qt;
    }
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    ours = new QTranslator(QCoreApplication::instance());
    if (ours->load(locale, QStringLiteral("timonel"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
    // Qt's own strings (standard dialogs, --help) from the system's Qt translations.
    qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace timonel
