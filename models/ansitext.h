#pragma once
// AnsiText: one line of container output reduced to what is safe to show — visible text plus
// styled spans from its SGR sequences (ESC [ … m). Nothing in the input is ever interpreted as
// terminal control: cursor moves, screen clears, OSC titles/hyperlinks, DCS/APC/PM/SOS strings,
// lone ESC, C0 controls (except TAB), DEL and C1 controls (including 8-bit CSI/OSC) are removed,
// and so are the Unicode line/paragraph separators (U+2028/U+2029) that would break a painted
// row. The visible text never contains a control character other than TAB.
//
// Carriage return: a terminal would overwrite the line from column 0. We keep the text after the
// last CR that is followed by visible text ("10%\r20%\r30%" shows "30%"), and a CR with nothing
// visible after it changes nothing, so CRLF endings and "done\r\x1b[K" keep their text. Leftovers
// of a longer earlier segment (a terminal shows "abcdef\rXY" as "XYcdef") are dropped: logs want
// the last write, not a screen.
//
// Unterminated sequences: a CSI cut off by the end of the line or by a byte that cannot belong to
// it is dropped up to that byte; an unterminated OSC/DCS string swallows the rest of the line, as
// a terminal would. SGR parameters may use ';' or ':' separators (38:2::r:g:b).
//
// Pure functions over values; any thread. Cost: one pass over the line; a line without any
// control character is returned as an implicitly shared copy (no allocation, no spans).

#include <QList>
#include <QString>

namespace timonel {

// A colour as a terminal names it: the default, an index into the 256-colour palette (0–15 the
// basic and bright colours the theme decides), or 24-bit RGB.
struct AnsiColor {
    enum class Kind : quint8 { Default, Palette, Rgb };
    Kind kind = Kind::Default;
    quint8 index = 0;   // Palette: 0–255
    quint32 rgb = 0;    // Rgb: 0xRRGGBB

    static AnsiColor palette(int index) { return {Kind::Palette, quint8(index), 0}; }
    static AnsiColor fromRgb(quint32 rgb) { return {Kind::Rgb, 0, rgb & 0xffffffu}; }
    bool isDefault() const { return kind == Kind::Default; }
    friend bool operator==(const AnsiColor &, const AnsiColor &) = default;
};

struct AnsiStyle {
    AnsiColor foreground;
    AnsiColor background;
    bool bold = false;
    bool dim = false;
    bool italic = false;
    bool underline = false;
    bool inverse = false; // SGR 7: the painter swaps foreground and background

    bool isDefault() const { return *this == AnsiStyle{}; }
    friend bool operator==(const AnsiStyle &, const AnsiStyle &) = default;
};

// A run of visible text (UTF-16 offsets into AnsiLine::text) drawn in one non-default style.
struct AnsiSpan {
    int start = 0;
    int length = 0;
    AnsiStyle style;
    friend bool operator==(const AnsiSpan &, const AnsiSpan &) = default;
};

struct AnsiLine {
    QString text;          // visible text: no control characters except TAB
    QList<AnsiSpan> spans; // sorted, non-overlapping, adjacent equal styles merged; default-styled text has none
};

// Parses one line (without its trailing LF) into visible text and styled spans.
AnsiLine parseAnsiLine(const QString &line);

// The visible text alone (what parseAnsiLine(line).text is), without building spans.
QString stripAnsi(const QString &line);

// True when the line holds no character that parsing would remove or interpret (fast check).
bool isPlainText(QStringView line);

// The xterm 256-colour palette as 0xRRGGBB. Indices 0–15 get the variant that reads well on the
// given background: the basic colours are darkened on light backgrounds and lightened on dark
// ones (black and white swap roles so neither disappears into the background).
enum class AnsiBackground { Light, Dark };
quint32 ansiPaletteRgb(int index, AnsiBackground background);

} // namespace timonel
