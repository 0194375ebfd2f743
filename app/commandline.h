#pragma once
// Command-line handling shared by both executables: --help, --version and the options each adds.

#include <QCommandLineParser>

namespace timonel {

// Sets the application name/version and adds the standard --help and --version options.
void setUpCommandLine(QCommandLineParser &parser, const QString &description);

// Loads the translation for preferredLanguage() from the embedded :/i18n catalogue and
// installs it. Call before any translated text is built.
void installTranslations();

// The language chosen by TIMONEL_LANGUAGE, else in settings (ui/language), else "" (the system's).
QString preferredLanguage();
// Switches every translated string to language ("en", "es"; "" = the system's) while running.
void setLanguage(const QString &language);

} // namespace timonel
