#include "models/ansitext.h"

#include <QTest>

using namespace timonel;

namespace {

AnsiStyle fg(int index)
{
    AnsiStyle s;
    s.foreground = AnsiColor::palette(index);
    return s;
}

// Nothing a terminal would act on may survive: C0 except TAB, DEL, C1, line separators.
bool hasControl(const QString &text)
{
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != 0x09) || (u >= 0x7f && u <= 0x9f) || u == 0x2028 || u == 0x2029)
            return true;
    }
    return false;
}

} // namespace

class TestAnsiText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plainTextIsShared()
    {
        const QString line = QStringLiteral("GET /healthz 200 0.4ms\ttab kept");
        const AnsiLine parsed = parseAnsiLine(line);
        QCOMPARE(parsed.text, line);
        QVERIFY(parsed.spans.isEmpty());
        QCOMPARE(parsed.text.constData(), line.constData()); // no copy on the fast path
        QVERIFY(isPlainText(line));
    }

    void basicColours()
    {
        const AnsiLine p = parseAnsiLine(QStringLiteral("a\x1b[31mred\x1b[0m b \x1b[92mbright\x1b[39m c"));
        QCOMPARE(p.text, QStringLiteral("ared b bright c"));
        QCOMPARE(p.spans.size(), 2);
        QCOMPARE(p.spans[0], (AnsiSpan{1, 3, fg(1)}));
        QCOMPARE(p.spans[1], (AnsiSpan{7, 6, fg(10)}));
    }

    void backgroundsAndAttributes()
    {
        const AnsiLine p = parseAnsiLine(QStringLiteral("\x1b[1;3;4;44mX\x1b[22;23;24mY\x1b[49mZ\x1b[2;7mW\x1b[27mV"));
        QCOMPARE(p.text, QStringLiteral("XYZWV"));
        QCOMPARE(p.spans.size(), 4);
        AnsiStyle x;
        x.bold = x.italic = x.underline = true;
        x.background = AnsiColor::palette(4);
        QCOMPARE(p.spans[0], (AnsiSpan{0, 1, x}));
        AnsiStyle y;
        y.background = AnsiColor::palette(4);
        QCOMPARE(p.spans[1], (AnsiSpan{1, 1, y}));
        AnsiStyle w;
        w.dim = w.inverse = true;
        QCOMPARE(p.spans[2], (AnsiSpan{3, 1, w}));
        AnsiStyle v;
        v.dim = true;
        QCOMPARE(p.spans[3], (AnsiSpan{4, 1, v}));
        // Z is default-styled and gets no span.
        const AnsiLine bright = parseAnsiLine(QStringLiteral("\x1b[107mB"));
        QCOMPARE(bright.spans.value(0).style.background, AnsiColor::palette(15));
    }

    void extendedColours()
    {
        const AnsiLine p = parseAnsiLine(
            QStringLiteral("\x1b[38;5;208mA\x1b[38;2;1;2;3mB\x1b[48:2::10:20:30mC\x1b[38:5:99mD\x1b[48;5;300mE"));
        QCOMPARE(p.text, QStringLiteral("ABCDE"));
        QCOMPARE(p.spans[0].style.foreground, AnsiColor::palette(208));
        QCOMPARE(p.spans[1].style.foreground, AnsiColor::fromRgb(0x010203));
        QCOMPARE(p.spans[2].style.background, AnsiColor::fromRgb(0x0a141e));
        QCOMPARE(p.spans[2].style.foreground, AnsiColor::fromRgb(0x010203));
        QCOMPARE(p.spans[3].style.foreground, AnsiColor::palette(99));
        // 300 is not a palette index: E keeps the previous style, merged into D's span.
        QCOMPARE(p.spans.size(), 4);
        QCOMPARE(p.spans[3].length, 2);
    }

    void resetForms()
    {
        // ESC[m and an empty parameter both mean reset.
        const AnsiLine p = parseAnsiLine(QStringLiteral("\x1b[31mA\x1b[mB\x1b[32mC\x1b[;mD"));
        QCOMPARE(p.text, QStringLiteral("ABCD"));
        QCOMPARE(p.spans.size(), 2);
        QCOMPARE(p.spans[0], (AnsiSpan{0, 1, fg(1)}));
        QCOMPARE(p.spans[1], (AnsiSpan{2, 1, fg(2)}));
    }

    void adjacentEqualStylesMerge()
    {
        const AnsiLine p = parseAnsiLine(QStringLiteral("\x1b[31mab\x1b[31mcd\x1b[0m"));
        QCOMPARE(p.spans.size(), 1);
        QCOMPARE(p.spans[0], (AnsiSpan{0, 4, fg(1)}));
    }

    void hostileInput_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("visible");
        QTest::newRow("cursor-moves") << QStringLiteral("a\x1b[2;5Hb\x1b[3Ac\x1b[10C") << QStringLiteral("abc");
        QTest::newRow("clear-screen") << QStringLiteral("\x1b[2J\x1b[3J\x1b[Hhello\x1b[K") << QStringLiteral("hello");
        QTest::newRow("osc-title-bel") << QStringLiteral("\x1b]0;pwned title\x07" "after") << QStringLiteral("after");
        QTest::newRow("osc-title-st") << QStringLiteral("x\x1b]2;title\x1b\\y") << QStringLiteral("xy");
        QTest::newRow("osc-hyperlink") << QStringLiteral("\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\")
                                       << QStringLiteral("link");
        QTest::newRow("osc-unterminated") << QStringLiteral("keep\x1b]0;never ends") << QStringLiteral("keep");
        QTest::newRow("dcs") << QStringLiteral("a\x1bPq#0;2;0;0;0\x1b\\b") << QStringLiteral("ab");
        QTest::newRow("bell") << QStringLiteral("ding\x07" "dong") << QStringLiteral("dingdong");
        QTest::newRow("lone-esc-at-end") << QStringLiteral("tail\x1b") << QStringLiteral("tail");
        QTest::newRow("esc-before-control") << QStringLiteral("a\x1b\x01" "b") << QStringLiteral("ab");
        QTest::newRow("cut-off-csi") << QStringLiteral("text\x1b[31") << QStringLiteral("text");
        QTest::newRow("csi-broken-by-letter") << QStringLiteral("a\x1b[12\x01z") << QStringLiteral("az");
        QTest::newRow("private-mode") << QStringLiteral("\x1b[?1049h\x1b[?25lscreen") << QStringLiteral("screen");
        QTest::newRow("charset-and-reset") << QStringLiteral("\x1b(0q\x1b(B\x1b" "c\x1b" "7x") << QStringLiteral("qx");
        QTest::newRow("c1-csi") << QStringLiteral("a\u009b2Jb\u009b31mc") << QStringLiteral("abc");
        QTest::newRow("c1-osc") << QStringLiteral("a\u009d0;title\u009cb") << QStringLiteral("ab");
        // NEL and RI are removed; DCS swallows "d" up to its 8-bit ST.
        QTest::newRow("c1-other") << QStringLiteral("a\u0085b\u008dc\u0090d\u009c") << QStringLiteral("abc");
        QTest::newRow("c0-and-del") << QStringLiteral("a\x01\x02\x08\x0b\x0c\x0e\x1f\x7f" "b") << QStringLiteral("ab");
        QTest::newRow("nul") << QString::fromUtf16(u"a\0b", 3) << QStringLiteral("ab");
        QTest::newRow("line-separators") << QStringLiteral("a\u2028b\u2029c") << QStringLiteral("abc");
        QTest::newRow("tab-kept") << QStringLiteral("a\tb") << QStringLiteral("a\tb");
        QTest::newRow("unicode-kept") << QStringLiteral("héllo 世界 🚀") << QStringLiteral("héllo 世界 🚀");
    }

    void hostileInput()
    {
        QFETCH(QString, input);
        QFETCH(QString, visible);
        const AnsiLine p = parseAnsiLine(input);
        QCOMPARE(p.text, visible);
        QVERIFY2(!hasControl(p.text), qPrintable(p.text));
        QCOMPARE(stripAnsi(input), p.text);
        QVERIFY(!isPlainText(input) || input == p.text);
    }

    void carriageReturn_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("visible");
        QTest::newRow("progress") << QStringLiteral("10%\r20%\r30%") << QStringLiteral("30%");
        QTest::newRow("crlf") << QStringLiteral("line\r") << QStringLiteral("line");
        QTest::newRow("cr-then-clear") << QStringLiteral("done\r\x1b[K") << QStringLiteral("done");
        QTest::newRow("shorter-overwrite") << QStringLiteral("abcdef\rXY") << QStringLiteral("XY");
        QTest::newRow("leading-cr") << QStringLiteral("\rtext") << QStringLiteral("text");
        QTest::newRow("only-cr") << QStringLiteral("\r\r") << QString();
    }

    void carriageReturn()
    {
        QFETCH(QString, input);
        QFETCH(QString, visible);
        QCOMPARE(parseAnsiLine(input).text, visible);
        QCOMPARE(stripAnsi(input), visible);
    }

    void carriageReturnKeepsStyleAndDropsOldSpans()
    {
        const AnsiLine p = parseAnsiLine(QStringLiteral("\x1b[31mold\r\x1b[1mnew"));
        QCOMPARE(p.text, QStringLiteral("new"));
        QCOMPARE(p.spans.size(), 1);
        AnsiStyle s = fg(1);
        s.bold = true;
        QCOMPARE(p.spans[0], (AnsiSpan{0, 3, s}));
    }

    void spansStayInsideText()
    {
        // A deterministic soup of fragments: every span must lie inside the visible text.
        const QStringList parts = {QStringLiteral("\x1b[31m"), QStringLiteral("abc"), QStringLiteral("\r"),
                                   QStringLiteral("\x1b]0;t\x07"), QStringLiteral("\x1b[0m"), QStringLiteral("\u009b"),
                                   QStringLiteral("\x1b"), QStringLiteral("[38;5;1"), QStringLiteral("m"),
                                   QStringLiteral("\x1b[4m"), QStringLiteral("é"), QStringLiteral(";")};
        quint32 seed = 12345;
        for (int round = 0; round < 2000; ++round) {
            QString line;
            for (int k = 0; k < 12; ++k) {
                seed = seed * 1103515245u + 12345u;
                line += parts[(seed >> 16) % parts.size()];
            }
            const AnsiLine p = parseAnsiLine(line);
            QVERIFY2(!hasControl(p.text), qPrintable(line.toUtf8().toHex()));
            int previousEnd = 0;
            for (const AnsiSpan &span : p.spans) {
                QVERIFY(span.length > 0);
                QVERIFY(span.start >= previousEnd);
                QVERIFY(span.start + span.length <= p.text.size());
                QVERIFY(!span.style.isDefault());
                previousEnd = span.start + span.length;
            }
            QCOMPARE(stripAnsi(line), p.text);
        }
    }

    void paletteReadableOnBothBackgrounds()
    {
        // "White" must not vanish on a light background, nor "black" on a dark one.
        auto luminance = [](quint32 rgb) { return 0.2126 * (rgb >> 16 & 0xff) + 0.7152 * (rgb >> 8 & 0xff) +
                                                  0.0722 * (rgb & 0xff); };
        QVERIFY(luminance(ansiPaletteRgb(7, AnsiBackground::Light)) < 140);
        QVERIFY(luminance(ansiPaletteRgb(15, AnsiBackground::Light)) < 170);
        QVERIFY(luminance(ansiPaletteRgb(0, AnsiBackground::Dark)) > 90);
        QVERIFY(luminance(ansiPaletteRgb(1, AnsiBackground::Light)) < luminance(ansiPaletteRgb(1, AnsiBackground::Dark)));
        QCOMPARE(ansiPaletteRgb(16, AnsiBackground::Dark), 0x000000u);
        QCOMPARE(ansiPaletteRgb(196, AnsiBackground::Light), 0xff0000u);
        QCOMPARE(ansiPaletteRgb(231, AnsiBackground::Light), 0xffffffu);
        QCOMPARE(ansiPaletteRgb(232, AnsiBackground::Dark), 0x080808u);
        QCOMPARE(ansiPaletteRgb(255, AnsiBackground::Dark), 0xeeeeeeu);
    }
};

QTEST_GUILESS_MAIN(TestAnsiText)
#include "tst_ansitext.moc"
