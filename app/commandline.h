#pragma once
// Command-line handling shared by both executables: --help, --version and the options each adds.

#include <QCommandLineParser>

namespace timonel {

// Sets the application name/version and adds the standard --help and --version options.
void setUpCommandLine(QCommandLineParser &parser, const QString &description);

// Loads the translation for the user's language (or TIMONEL_LANGUAGE, e.g. "es") from the
// embedded :/i18n catalogue and installs it. Call before any translated text is built.
void installTranslations();

} // namespace timonel
