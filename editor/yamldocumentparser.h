#pragma once
// Private to YamlSourceMap: reads one document of a YAML text with yaml-cpp's event parser
// into a YamlDocument, turning yaml-cpp's UTF-8 byte marks into editor ranges (LineIndex) and
// its error messages into clearer ones ("Tabs are not allowed for indentation…"). Limits on
// depth and node count stop hostile input; a quoted string that never closes, which yaml-cpp
// 0.7 accepts silently, is reported.
//
// Pure functions; any thread. Cost: one yaml-cpp parse of the document.

#include "yamldocument.h"

#include <QByteArray>

#include <algorithm>
#include <vector>

namespace timonel {

// Line starts of the text in UTF-8 bytes, and UTF-8 column → UTF-16 column per line.
class LineIndex
{
public:
    explicit LineIndex(const QByteArray &utf8) : m_utf8(utf8)
    {
        m_starts.push_back(0);
        for (qsizetype i = 0; i < utf8.size(); ++i) {
            if (utf8[i] == '\n')
                m_starts.push_back(int(i + 1));
        }
    }
    int lineCount() const { return int(m_starts.size()); }
    int lineStart(int line) const { return m_starts[size_t(line)]; }
    // The end of the line's text (before "\r\n" or "\n").
    int lineEnd(int line) const
    {
        int end = line + 1 < lineCount() ? m_starts[size_t(line) + 1] - 1 : int(m_utf8.size());
        if (end > lineStart(line) && m_utf8[end - 1] == '\r')
            --end;
        return end;
    }
    int lineOf(int byteOffset) const
    {
        const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), byteOffset);
        return int(it - m_starts.begin()) - 1;
    }
    int utf16Column(int line, int byteColumn) const
    {
        const int start = lineStart(line);
        const char *p = m_utf8.constData() + start;
        bool ascii = true;
        for (int i = 0; i < byteColumn && ascii; ++i)
            ascii = uchar(p[i]) < 0x80;
        if (ascii)
            return byteColumn;
        return int(QString::fromUtf8(p, byteColumn).size());
    }
    // A byte span on one line as an editor range.
    SourceRange range(int begin, int end) const
    {
        const int line = lineOf(begin);
        const int start = lineStart(line);
        const int column = utf16Column(line, begin - start);
        return {line, column, utf16Column(line, end - start) - column};
    }

private:
    const QByteArray &m_utf8;
    std::vector<int> m_starts;
};

// Parses lines [beginLine, endLine) of utf8 as one document.
YamlDocument parseYamlDocument(const QByteArray &utf8, const LineIndex &lines, int beginLine, int endLine,
                               const YamlParseLimits &limits);

} // namespace timonel
