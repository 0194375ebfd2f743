#include "editor/editortheme.h"
#include "editor/highlighterfactory.h"
#include "editor/yamlhighlighter.h"

#include <QPalette>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>

using timonel::YamlHighlighter;
using Token = YamlHighlighter::Token;

Q_DECLARE_METATYPE(YamlHighlighter::Token)

namespace {

const QString kSample = QStringLiteral(
    "--- # first\n"                        // 0
    "apiVersion: apps/v1\n"                // 1
    "kind: Deployment   # a comment\n"     // 2
    "metadata:\n"                          // 3
    "  name: \"web\"\n"                    // 4
    "  labels: {app: web, tier: 'front'}\n" // 5
    "spec:\n"                              // 6
    "  replicas: 3\n"                      // 7
    "  paused: false\n"                    // 8
    "  anchor: &a value\n"                 // 9
    "  alias: *a\n"                        // 10
    "  tagged: !!str 123\n"                // 11
    "  script: |\n"                        // 12
    "    echo \"not a key: here\"\n"       // 13
    "    # not a comment either\n"         // 14
    "\n"                                   // 15
    "    still inside\n"                   // 16
    "  after: ~\n"                         // 17
    "  list:\n"                            // 18
    "  - item\n"                           // 19
    "  - 1.5\n"                            // 20
    "...\n");                              // 21

// The format the highlighter gave the character at (line, column); an empty format if none.
QTextCharFormat formatAt(const QTextDocument &doc, int line, int column)
{
    const QTextBlock block = doc.findBlockByNumber(line);
    for (const QTextLayout::FormatRange &r : block.layout()->formats()) {
        if (column >= r.start && column < r.start + r.length)
            return r.format;
    }
    return {};
}

int columnOf(const QTextDocument &doc, int line, const QString &needle)
{
    return int(doc.findBlockByNumber(line).text().indexOf(needle));
}

} // namespace

class TestYamlHighlighter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokens_data()
    {
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("at");
        QTest::addColumn<Token>("token");
        QTest::newRow("document start") << 0 << "---" << Token::Marker;
        QTest::newRow("comment after marker") << 0 << "# first" << Token::Comment;
        QTest::newRow("key") << 1 << "apiVersion" << Token::Key;
        QTest::newRow("plain value") << 1 << "apps/v1" << Token::String;
        QTest::newRow("trailing comment") << 2 << "# a comment" << Token::Comment;
        QTest::newRow("nested key") << 4 << "name" << Token::Key;
        QTest::newRow("double-quoted value") << 4 << "\"web\"" << Token::String;
        QTest::newRow("flow mapping key") << 5 << "tier" << Token::Key;
        QTest::newRow("flow single-quoted value") << 5 << "'front'" << Token::String;
        QTest::newRow("flow bracket") << 5 << "{" << Token::Punctuation;
        QTest::newRow("integer") << 7 << "3" << Token::Number;
        QTest::newRow("boolean") << 8 << "false" << Token::Keyword;
        QTest::newRow("anchor") << 9 << "&a" << Token::Anchor;
        QTest::newRow("alias") << 10 << "*a" << Token::Anchor;
        QTest::newRow("tag") << 11 << "!!str" << Token::Tag;
        QTest::newRow("block scalar indicator") << 12 << "|" << Token::BlockScalar;
        QTest::newRow("block scalar text, not a key") << 13 << "not a key" << Token::BlockScalar;
        QTest::newRow("block scalar text, not a comment") << 14 << "# not" << Token::BlockScalar;
        QTest::newRow("block scalar after a blank line") << 16 << "still" << Token::BlockScalar;
        QTest::newRow("key after the block scalar") << 17 << "after" << Token::Key;
        QTest::newRow("null") << 17 << "~" << Token::Keyword;
        QTest::newRow("list dash") << 19 << "-" << Token::Punctuation;
        QTest::newRow("list item") << 19 << "item" << Token::String;
        QTest::newRow("float item") << 20 << "1.5" << Token::Number;
        QTest::newRow("document end") << 21 << "..." << Token::Marker;
    }
    void tokens()
    {
        QFETCH(int, line);
        QFETCH(QString, at);
        QFETCH(Token, token);
        QTextDocument doc(kSample);
        YamlHighlighter highlighter(&doc, timonel::EditorTheme::fromPalette(QPalette()));
        const int column = columnOf(doc, line, at);
        QVERIFY(column >= 0);
        QCOMPARE(formatAt(doc, line, column), highlighter.format(token));
    }

    void keysValuesAndCommentsDiffer()
    {
        QTextDocument doc;
        YamlHighlighter highlighter(&doc, timonel::EditorTheme::fromPalette(QPalette()));
        QVERIFY(highlighter.format(Token::Key) != highlighter.format(Token::String));
        QVERIFY(highlighter.format(Token::Key) != highlighter.format(Token::Comment));
        QVERIFY(highlighter.format(Token::String) != highlighter.format(Token::Comment));
        QVERIFY(highlighter.format(Token::BlockScalar) != highlighter.format(Token::String));
    }

    // Removing the block indicator ends the block scalar on the lines below it.
    void blockStateFollowsEdits()
    {
        QTextDocument doc(kSample);
        (void)doc.documentLayout(); // as in an editor: without a layout the document sends no change signals
        YamlHighlighter highlighter(&doc, timonel::EditorTheme::fromPalette(QPalette()));
        const int before = columnOf(doc, 16, u"still"_qs);
        QCOMPARE(formatAt(doc, 16, before), highlighter.format(Token::BlockScalar));
        QTextCursor c(doc.findBlockByNumber(12));
        c.setPosition(c.block().position() + columnOf(doc, 12, u"|"_qs));
        c.deleteChar();
        QVERIFY(formatAt(doc, 16, before) != highlighter.format(Token::BlockScalar));
        QCOMPARE(formatAt(doc, 14, columnOf(doc, 14, u"#"_qs)), highlighter.format(Token::Comment));
        c.insertText(u">-"_qs); // a folded block scalar brings it back
        QCOMPARE(formatAt(doc, 16, before), highlighter.format(Token::BlockScalar));
    }

    void darkPaletteGetsLighterColours()
    {
        QPalette dark;
        dark.setColor(QPalette::Base, Qt::black);
        dark.setColor(QPalette::Text, Qt::white);
        const auto light = timonel::EditorTheme::fromPalette(QPalette(Qt::white));
        const auto darkTheme = timonel::EditorTheme::fromPalette(dark);
        QVERIFY(darkTheme.dark);
        QVERIFY(darkTheme.key.lightness() > light.key.lightness());
        QVERIFY(darkTheme.comment.lightness() > light.comment.lightness());
    }

    void factoryAttachesAHighlighter()
    {
        QTextDocument doc(u"key: value # c\n"_qs);
        QSyntaxHighlighter *h = timonel::attachYamlHighlighter(&doc, QPalette());
        QVERIFY(h);
        QCOMPARE(h->document(), &doc);
        h->rehighlight();
        QVERIFY(!doc.firstBlock().layout()->formats().isEmpty());
        // Ours unless the build found KSyntaxHighlighting (not packaged for Qt 6 in Debian 12).
        QCOMPARE(qobject_cast<YamlHighlighter *>(h) != nullptr, timonel::yamlHighlighterBackend() == u"Timonel"_qs);
    }
};

QTEST_MAIN(TestYamlHighlighter)
#include "tst_yamlhighlighter.moc"
