#pragma once
// YamlHighlighter: Timonel's own YAML syntax highlighter — keys, quoted and plain strings,
// numbers, booleans and null (by the same go-yaml rules the validator uses), comments,
// anchors and aliases, tags, document markers (--- and ...), list dashes and flow brackets,
// and block scalars (| and >), whose text continues over the following more-indented lines
// through the block state. Used when KSyntaxHighlighting is not available (highlighterfactory.h).
//
// GUI thread (QSyntaxHighlighter). Cost: one pass over each changed line; a block scalar's
// edit re-highlights the lines after it until the state settles.

#include "editortheme.h"

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>

namespace timonel {

class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Token { Key, String, Number, Keyword, Comment, Anchor, Tag, Marker, BlockScalar, Punctuation, Count };

    YamlHighlighter(QTextDocument *document, const EditorTheme &theme);

    void setTheme(const EditorTheme &theme); // re-highlights the document
    QTextCharFormat format(Token token) const { return m_formats[size_t(token)]; }

protected:
    void highlightBlock(const QString &text) override;

private:
    void highlightValue(const QString &line, int pos, int lineIndent, int flowDepth);
    void apply(int start, int length, Token token);

    std::array<QTextCharFormat, size_t(Token::Count)> m_formats;
};

} // namespace timonel
