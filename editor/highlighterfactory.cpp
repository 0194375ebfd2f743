#include "highlighterfactory.h"

#include "editortheme.h"
#include "yamlhighlighter.h"

#include <QPalette>

#ifdef TIMONEL_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

namespace timonel {

#ifdef TIMONEL_HAVE_KSYNTAXHIGHLIGHTING
namespace {
// Loading the definitions reads files: once per process, on the GUI thread.
KSyntaxHighlighting::Repository &repository()
{
    static KSyntaxHighlighting::Repository instance;
    return instance;
}
} // namespace
#endif

QSyntaxHighlighter *attachYamlHighlighter(QTextDocument *document, const QPalette &palette)
{
#ifdef TIMONEL_HAVE_KSYNTAXHIGHLIGHTING
    const KSyntaxHighlighting::Definition definition = repository().definitionForName(QStringLiteral("YAML"));
    if (definition.isValid()) {
        auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document);
        highlighter->setTheme(repository().defaultTheme(EditorTheme::isDark(palette) ? KSyntaxHighlighting::Repository::DarkTheme
                                                                                     : KSyntaxHighlighting::Repository::LightTheme));
        highlighter->setDefinition(definition);
        return highlighter;
    }
#endif
    return new YamlHighlighter(document, EditorTheme::fromPalette(palette));
}

QString yamlHighlighterBackend()
{
#ifdef TIMONEL_HAVE_KSYNTAXHIGHLIGHTING
    if (repository().definitionForName(QStringLiteral("YAML")).isValid())
        return QStringLiteral("KSyntaxHighlighting");
    return QStringLiteral("Timonel");
#else
    return QStringLiteral("Timonel");
#endif
}

} // namespace timonel
