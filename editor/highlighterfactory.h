#pragma once
// The YAML highlighter the editor attaches to its document, behind one interface
// (QSyntaxHighlighter): KSyntaxHighlighting's YAML definition and theme when Timonel is built
// with a Qt 6 KSyntaxHighlighting (TIMONEL_HAVE_KSYNTAXHIGHLIGHTING, found by
// find_package(KF6SyntaxHighlighting) in editor/CMakeLists.txt), else our own YamlHighlighter.
//
// GUI thread. The highlighter is a child of the document (deleted with it, or by the caller).

#include <QString>

class QPalette;
class QSyntaxHighlighter;
class QTextDocument;

namespace timonel {

// Attaches a YAML highlighter for the palette's light or dark look to document.
QSyntaxHighlighter *attachYamlHighlighter(QTextDocument *document, const QPalette &palette);

// "KSyntaxHighlighting" or "Timonel": which implementation attachYamlHighlighter uses.
QString yamlHighlighterBackend();

} // namespace timonel
