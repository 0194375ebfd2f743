#include "jsonduplicates.h"

#include "kube/api/yaml.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace kube {

namespace {

struct Frame {
    bool isObject = false;
    QString path;         // of this container
    QSet<QString> names;  // objects: members seen
    qsizetype index = 0;  // arrays: the next item's index
    QString pendingKey;   // objects: the member whose value comes next
};

// The string starting at json[i] (a '"'); i ends after the closing quote.
QString readString(QByteArrayView json, qsizetype &i)
{
    const qsizetype start = i++;
    bool escaped = false;
    while (i < json.size() && json[i] != '"') {
        if (json[i] == '\\') {
            escaped = true;
            ++i;
        }
        ++i;
    }
    ++i; // closing quote
    const QByteArrayView raw = json.sliced(start, qMin(i, json.size()) - start);
    if (!escaped)
        return QString::fromUtf8(raw.sliced(1, raw.size() - 2));
    // Rare: let the JSON parser undo the escapes.
    return QJsonDocument::fromJson("[" + raw.toByteArray() + "]").array().at(0).toString();
}

QString childPath(const Frame &parent)
{
    if (parent.isObject)
        return parent.path.isEmpty() ? parent.pendingKey : parent.path + u'.' + parent.pendingKey;
    return parent.path + u'[' + QString::number(parent.index) + u']';
}

} // namespace

JsonKeyScan scanJsonKeys(QByteArrayView json)
{
    JsonKeyScan out;
    QList<Frame> stack;
    bool expectKey = false;
    for (qsizetype i = 0; i < json.size();) {
        const char c = json[i];
        if (c == '{' || c == '[') {
            Frame f;
            f.isObject = c == '{';
            f.path = stack.isEmpty() ? QString() : childPath(stack.last());
            stack.append(f);
            expectKey = f.isObject;
            ++i;
            continue;
        }
        if (c == '}' || c == ']') {
            if (!stack.isEmpty())
                stack.removeLast();
            expectKey = false;
            ++i;
            continue;
        }
        if (c == ',') {
            if (!stack.isEmpty() && stack.last().isObject)
                expectKey = true;
            else if (!stack.isEmpty())
                ++stack.last().index;
            ++i;
            continue;
        }
        if (c == '"') {
            const qsizetype at = i;
            const QString text = readString(json, i);
            if (expectKey && !stack.isEmpty()) {
                Frame &f = stack.last();
                f.pendingKey = text;
                const QString path = childPath(f);
                if (f.names.contains(text))
                    out.duplicates.append({path, at});
                else
                    out.firstOffsets.insert(path, at);
                f.names.insert(text);
                expectKey = false;
            }
            continue;
        }
        ++i; // ':', whitespace, scalars
    }
    return out;
}

namespace {

// One line of the body: where its text starts and ends (without the newline).
struct Line {
    qsizetype begin = 0;
    qsizetype end = 0;
};

QList<Line> splitLines(const QByteArray &text)
{
    QList<Line> lines;
    qsizetype begin = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\n') {
            lines.append({begin, i});
            begin = i + 1;
        }
    }
    return lines;
}

// The column of a block line's content once its indentation and sequence dashes ("- - ") are
// skipped; -1 for a blank or comment-only line.
qsizetype contentColumn(const QByteArray &text, const Line &line)
{
    qsizetype i = line.begin;
    for (;;) {
        while (i < line.end && (text[i] == ' ' || text[i] == '\t'))
            ++i;
        if (i + 1 < line.end && text[i] == '-' && (text[i + 1] == ' ' || text[i + 1] == '\t')) {
            ++i;
            continue;
        }
        if (i + 1 == line.end && text[i] == '-')
            return i - line.begin + 1; // a lone dash: its item's content comes on later lines
        break;
    }
    if (i == line.end || text[i] == '#' || (text[i] == '\r' && i + 1 == line.end))
        return -1;
    return i - line.begin;
}

qsizetype indentation(const QByteArray &text, const Line &line)
{
    qsizetype i = line.begin;
    while (i < line.end && text[i] == ' ')
        ++i;
    return i - line.begin;
}

// Whether the block line holds the mapping key `key` at `column` (plain, "double" or 'single').
bool startsWithKey(const QByteArray &text, const Line &line, qsizetype column, const QByteArray &key)
{
    const QByteArrayView rest = QByteArrayView(text).sliced(line.begin + column, line.end - line.begin - column);
    for (const QByteArray &written : {key, '"' + key + '"', '\'' + key + '\''}) {
        if (!rest.startsWith(written))
            continue;
        QByteArrayView after = rest.sliced(written.size());
        while (!after.isEmpty() && (after.front() == ' ' || after.front() == '\t'))
            after = after.sliced(1);
        if (after.startsWith(':'))
            return true;
    }
    return false;
}

void blank(QByteArray &text, qsizetype from, qsizetype to)
{
    for (qsizetype i = from; i < to; ++i) {
        if (text[i] != '\n' && text[i] != '\r')
            text[i] = ' ';
    }
}

// Blanks the earlier entry of `key` in the block mapping whose repeated key sits at 0-based
// (lineIndex, column): the entry runs from its key to the next line of the same mapping.
bool blankEarlierBlockEntry(QByteArray &text, qsizetype lineIndex, qsizetype column, const QByteArray &key)
{
    const QList<Line> lines = splitLines(text);
    if (lineIndex <= 0 || lineIndex >= lines.size())
        return false;
    qsizetype earlier = -1;
    for (qsizetype l = lineIndex - 1; l >= 0; --l) {
        const qsizetype at = contentColumn(text, lines[l]);
        if (at < 0 || at > column)
            continue; // blank, comment, or inside a sibling's value
        if (at < column)
            return false; // left the mapping
        if (startsWithKey(text, lines[l], at, key)) {
            earlier = l;
            break;
        }
        if (indentation(text, lines[l]) < column)
            return false; // the first entry of this sequence item's mapping: nothing before it
    }
    if (earlier < 0)
        return false;
    qsizetype next = earlier + 1;
    while (next < lineIndex) {
        const qsizetype at = contentColumn(text, lines[next]);
        if (at >= 0 && at <= column)
            break;
        ++next;
    }
    blank(text, lines[earlier].begin + column, lines[next].begin + column);
    return true;
}

// Blanks the earlier member `key` of the flow mapping (JSON object) on one line whose repeated
// key starts at `offset`.
bool blankEarlierFlowEntry(QByteArray &text, qsizetype offset, const QByteArray &key)
{
    // JSON text: the exact spans come from the JSON key scan.
    const JsonKeyScan scan = scanJsonKeys(text);
    for (const JsonKeyScan::Duplicate &d : scan.duplicates) {
        if (d.offset != offset)
            continue;
        const QString path = d.path;
        const qsizetype first = scan.firstOffsets.value(path, -1);
        if (first < 0)
            return false;
        // The earlier member runs from its name to the next member's name or the closing brace.
        qsizetype depth = 0;
        qsizetype i = first;
        bool inString = false;
        for (; i < text.size(); ++i) {
            const char c = text[i];
            if (inString) {
                if (c == '\\')
                    ++i;
                else if (c == '"')
                    inString = false;
                continue;
            }
            if (c == '"')
                inString = true;
            else if (c == '{' || c == '[')
                ++depth;
            else if (c == '}' || c == ']') {
                if (depth == 0)
                    break;
                --depth;
            } else if (c == ',' && depth == 0) {
                ++i;
                break;
            }
        }
        blank(text, first, i);
        return true;
    }
    Q_UNUSED(key);
    return false;
}

qsizetype offsetOf(const QByteArray &text, qsizetype lineIndex, qsizetype column)
{
    const QList<Line> lines = splitLines(text);
    return lineIndex < lines.size() ? lines[lineIndex].begin + column : -1;
}

} // namespace

YamlKeyScan scanYamlKeys(QByteArrayView yaml)
{
    // The YAML converter refuses a repeated key, naming it and its position: note it, blank out
    // the earlier entry (so the last value wins, as go-yaml), and convert again.
    static const QRegularExpression repeated(uR"re(yaml: line (\d+): key "(.*)" already set in map \(column (\d+)\))re"_qs);
    // Each repeated key costs a conversion of the whole body: past a few dozen (3 MiB bodies
    // allowed) that would hold the API server's thread, so the body is then left to the
    // converter, which refuses it.
    constexpr int kMaxRepeatedKeys = 64;
    YamlKeyScan out;
    out.lastWins = yaml.toByteArray();
    for (int guard = 0; guard <= kMaxRepeatedKeys; ++guard) {
        const Expected<QByteArray> converted = yamlToJson(out.lastWins);
        if (converted.ok())
            return out;
        const QRegularExpressionMatch m = repeated.match(converted.error().message());
        if (!m.hasMatch())
            return out; // another error: the converter will report it
        const qsizetype line = m.captured(1).toLongLong();
        const QString key = m.captured(2);
        const qsizetype column = m.captured(3).toLongLong();
        out.duplicates.append(u"line %1: key \"%2\" already set in map"_qs.arg(line).arg(key));
        const QByteArray keyBytes = key.toUtf8();
        const qsizetype offset = offsetOf(out.lastWins, line - 1, column - 1);
        const bool flow = offset >= 0 && offset < out.lastWins.size() && out.lastWins[offset] == '"'
                          && out.lastWins.trimmed().startsWith('{');
        const bool blanked = flow ? blankEarlierFlowEntry(out.lastWins, offset, keyBytes)
                                  : blankEarlierBlockEntry(out.lastWins, line - 1, column - 1, keyBytes);
        if (!blanked) {
            out.resolved = false;
            out.lastWins = yaml.toByteArray();
            return out;
        }
    }
    out.resolved = false;
    out.lastWins = yaml.toByteArray();
    return out;
}

} // namespace kube
