#include "ansitext.h"

#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <optional>

namespace timonel {

namespace {

constexpr char16_t kEsc = 0x1b;
constexpr char16_t kBel = 0x07;
constexpr char16_t kCr = 0x0d;
constexpr char16_t kTab = 0x09;
constexpr char16_t kC1Csi = 0x9b;
constexpr char16_t kC1St = 0x9c;

// A character that is removed or starts a sequence (TAB is kept as visible text).
bool isSpecial(char16_t c)
{
    if (c < 0x20)
        return c != kTab;
    if (c >= 0x7f && c <= 0x9f)
        return true;
    return c == 0x2028 || c == 0x2029;
}

bool inRange(char16_t c, char16_t low, char16_t high)
{
    return c >= low && c <= high;
}

// C1 (and ESC-introduced) string controls: OSC, DCS, SOS, PM, APC. Their payload is never shown.
bool isStringIntroducerC1(char16_t c)
{
    return c == 0x9d || c == 0x90 || c == 0x98 || c == 0x9e || c == 0x9f;
}

bool isStringIntroducerAfterEsc(char16_t c)
{
    return c == u']' || c == u'P' || c == u'X' || c == u'^' || c == u'_';
}

// One SGR parameter with its ':' sub-parameters; -1 marks an empty (defaulted) value.
struct SgrParam {
    std::array<int, 6> values{-1, -1, -1, -1, -1, -1};
    int count = 0;
    int operator[](int i) const { return i < count ? values[size_t(i)] : -1; }
};

using SgrParams = QVarLengthArray<SgrParam, 16>;

SgrParams splitSgr(QStringView params)
{
    SgrParams out;
    SgrParam current;
    int value = -1;
    auto endValue = [&] {
        if (current.count < int(current.values.size()))
            current.values[size_t(current.count)] = value;
        ++current.count;
        value = -1;
    };
    for (QChar ch : params) {
        const char16_t c = ch.unicode();
        if (c >= u'0' && c <= u'9') {
            value = value < 0 ? 0 : value;
            if (value < 100000)
                value = value * 10 + (c - u'0');
            continue;
        }
        endValue();
        if (c == u';') {
            current.count = std::min(current.count, int(current.values.size()));
            out.append(current);
            current = {};
        }
        // ':' only separates sub-parameters; anything else in the parameter range is ignored.
    }
    endValue();
    current.count = std::min(current.count, int(current.values.size()));
    out.append(current);
    return out;
}

bool isByte(int v)
{
    return v >= 0 && v <= 255;
}

std::optional<AnsiColor> rgbColor(int r, int g, int b)
{
    if (!isByte(r) || !isByte(g) || !isByte(b))
        return std::nullopt;
    return AnsiColor::fromRgb(quint32(r) << 16 | quint32(g) << 8 | quint32(b));
}

// 38/48 with ':' sub-parameters: 38:5:n, 38:2:r:g:b or 38:2:<colourspace>:r:g:b.
std::optional<AnsiColor> extendedColorColon(const SgrParam &p)
{
    if (p[1] == 5)
        return isByte(p[2]) ? std::optional(AnsiColor::palette(p[2])) : std::nullopt;
    if (p[1] != 2)
        return std::nullopt;
    if (p.count >= 6)
        return rgbColor(p[3], p[4], p[5]);
    return rgbColor(p[2], p[3], p[4]);
}

class Parser
{
public:
    Parser(QStringView input, bool wantSpans) : m_in(input), m_wantSpans(wantSpans)
    {
        m_text.reserve(input.size());
    }

    void run()
    {
        const qsizetype n = m_in.size();
        qsizetype i = 0;
        while (i < n) {
            const char16_t c = m_in[i].unicode();
            if (!isSpecial(c)) {
                qsizetype j = i + 1;
                while (j < n && !isSpecial(m_in[j].unicode()))
                    ++j;
                appendVisible(m_in.sliced(i, j - i));
                i = j;
                continue;
            }
            if (c == kEsc)
                i = escape(i + 1);
            else if (c == kC1Csi)
                i = csi(i + 1);
            else if (isStringIntroducerC1(c))
                i = controlString(i + 1);
            else if (c == kCr)
                m_pendingClear = true, ++i;
            else
                ++i; // any other control: removed
        }
        closeRun();
    }

    QString takeText() { return std::move(m_text); }
    QList<AnsiSpan> takeSpans() { return std::move(m_spans); }

private:
    void appendVisible(QStringView s)
    {
        if (m_pendingClear) {
            m_pendingClear = false;
            m_text.clear();
            m_spans.clear();
            m_runStart = 0;
        }
        m_text.append(s);
    }

    // After ESC at i-1. Returns where processing continues.
    qsizetype escape(qsizetype i)
    {
        const qsizetype n = m_in.size();
        if (i >= n)
            return n; // lone ESC at the end
        const char16_t c = m_in[i].unicode();
        if (c == u'[')
            return csi(i + 1);
        if (isStringIntroducerAfterEsc(c))
            return controlString(i + 1);
        if (inRange(c, 0x20, 0x2f)) { // nF: intermediates then a final byte (charset selection…)
            qsizetype k = i;
            while (k < n && inRange(m_in[k].unicode(), 0x20, 0x2f))
                ++k;
            if (k < n && inRange(m_in[k].unicode(), 0x30, 0x7e))
                return k + 1;
            return k;
        }
        if (inRange(c, 0x30, 0x7e))
            return i + 1; // two-character escape (ESC 7, ESC c, ESC M…)
        return i;         // ESC before something that cannot follow it: drop the ESC alone
    }

    // After the CSI introducer. Parameter bytes 0x30–0x3F, intermediates 0x20–0x2F, final 0x40–0x7E.
    qsizetype csi(qsizetype i)
    {
        const qsizetype n = m_in.size();
        qsizetype k = i;
        while (k < n && inRange(m_in[k].unicode(), 0x30, 0x3f))
            ++k;
        const qsizetype paramsEnd = k;
        while (k < n && inRange(m_in[k].unicode(), 0x20, 0x2f))
            ++k;
        if (k >= n)
            return n;
        const char16_t final = m_in[k].unicode();
        if (!inRange(final, 0x40, 0x7e))
            return k; // broken sequence: drop what was read, handle this character normally
        const QStringView params = m_in.sliced(i, paramsEnd - i);
        const bool privateMarker = !params.isEmpty() && inRange(params.front().unicode(), 0x3c, 0x3f);
        if (final == u'm' && paramsEnd == k && !privateMarker)
            applySgr(params);
        return k + 1;
    }

    // After an OSC/DCS/SOS/PM/APC introducer: the payload up to BEL, ESC \ or C1 ST is dropped.
    qsizetype controlString(qsizetype i)
    {
        const qsizetype n = m_in.size();
        for (qsizetype k = i; k < n; ++k) {
            const char16_t c = m_in[k].unicode();
            if (c == kBel || c == kC1St)
                return k + 1;
            if (c == kEsc)
                return (k + 1 < n && m_in[k + 1] == u'\\') ? k + 2 : k; // another ESC ends it too
        }
        return n;
    }

    void applySgr(QStringView params)
    {
        const SgrParams ps = splitSgr(params);
        AnsiStyle s = m_style;
        for (qsizetype p = 0; p < ps.size(); ++p) {
            const SgrParam &param = ps[p];
            const int code = param[0] < 0 ? 0 : param[0];
            if (code == 0) {
                s = {};
            } else if (code == 1) {
                s.bold = true;
            } else if (code == 2) {
                s.dim = true;
            } else if (code == 3) {
                s.italic = true;
            } else if (code == 4) {
                s.underline = param.count < 2 || param[1] != 0; // 4:0 is "no underline"
            } else if (code == 7) {
                s.inverse = true;
            } else if (code == 21) {
                s.underline = true; // double underline: drawn as underline
            } else if (code == 22) {
                s.bold = s.dim = false;
            } else if (code == 23) {
                s.italic = false;
            } else if (code == 24) {
                s.underline = false;
            } else if (code == 27) {
                s.inverse = false;
            } else if (code >= 30 && code <= 37) {
                s.foreground = AnsiColor::palette(code - 30);
            } else if (code == 39) {
                s.foreground = {};
            } else if (code >= 40 && code <= 47) {
                s.background = AnsiColor::palette(code - 40);
            } else if (code == 49) {
                s.background = {};
            } else if (code >= 90 && code <= 97) {
                s.foreground = AnsiColor::palette(code - 90 + 8);
            } else if (code >= 100 && code <= 107) {
                s.background = AnsiColor::palette(code - 100 + 8);
            } else if (code == 38 || code == 48) {
                std::optional<AnsiColor> color;
                if (param.count > 1) {
                    color = extendedColorColon(param);
                } else {
                    const int mode = p + 1 < ps.size() ? ps[p + 1][0] : -1;
                    if (mode == 5 && p + 2 < ps.size()) {
                        const int index = ps[p + 2][0];
                        if (isByte(index))
                            color = AnsiColor::palette(index);
                        p += 2;
                    } else if (mode == 2 && p + 4 < ps.size()) {
                        color = rgbColor(ps[p + 2][0], ps[p + 3][0], ps[p + 4][0]);
                        p += 4;
                    } else {
                        p = ps.size(); // malformed: ignore the rest, as its meaning is unknown
                    }
                }
                if (color)
                    (code == 38 ? s.foreground : s.background) = *color;
            }
            // Everything else (blink, conceal, strike, fonts…) is ignored.
        }
        if (s == m_style)
            return;
        closeRun();
        m_style = s;
    }

    // Ends the current run of text in m_style, recording it when it is styled.
    void closeRun()
    {
        const int end = int(m_text.size());
        if (m_wantSpans && !m_style.isDefault() && end > m_runStart) {
            if (!m_spans.isEmpty() && m_spans.last().style == m_style &&
                m_spans.last().start + m_spans.last().length == m_runStart)
                m_spans.last().length += end - m_runStart;
            else
                m_spans.append(AnsiSpan{m_runStart, end - m_runStart, m_style});
        }
        m_runStart = end;
    }

    QStringView m_in;
    bool m_wantSpans;
    QString m_text;
    QList<AnsiSpan> m_spans;
    AnsiStyle m_style;
    int m_runStart = 0;
    bool m_pendingClear = false;
};

constexpr std::array<quint32, 16> kOnDark = {
    0x7d8590, 0xf47067, 0x57c785, 0xe0c75a, 0x5c9dff, 0xd38be8, 0x4cc5d8, 0xd8dde3,
    0x9aa4ae, 0xff938a, 0x7ee2a0, 0xf2dc7e, 0x8cbcff, 0xe4aef7, 0x7fdcea, 0xffffff,
};
constexpr std::array<quint32, 16> kOnLight = {
    0x24292f, 0xc21f2c, 0x17703a, 0x7a5200, 0x0a55b3, 0x8239d6, 0x12707a, 0x6b737c,
    0x555d66, 0x9c1020, 0x1f8544, 0x946200, 0x1466d6, 0x9a55e8, 0x1b8793, 0x8a929b,
};

} // namespace

bool isPlainText(QStringView line)
{
    for (QChar c : line) {
        if (isSpecial(c.unicode()))
            return false;
    }
    return true;
}

AnsiLine parseAnsiLine(const QString &line)
{
    if (isPlainText(line))
        return {line, {}};
    Parser parser(line, true);
    parser.run();
    return {parser.takeText(), parser.takeSpans()};
}

QString stripAnsi(const QString &line)
{
    if (isPlainText(line))
        return line;
    Parser parser(line, false);
    parser.run();
    return parser.takeText();
}

quint32 ansiPaletteRgb(int index, AnsiBackground background)
{
    if (index < 0 || index > 255)
        return 0;
    if (index < 16)
        return background == AnsiBackground::Dark ? kOnDark[size_t(index)] : kOnLight[size_t(index)];
    if (index < 232) {
        static constexpr std::array<quint32, 6> level = {0, 95, 135, 175, 215, 255};
        const int i = index - 16;
        return level[size_t(i / 36)] << 16 | level[size_t(i / 6 % 6)] << 8 | level[size_t(i % 6)];
    }
    const quint32 grey = quint32(8 + 10 * (index - 232));
    return grey << 16 | grey << 8 | grey;
}

} // namespace timonel
