#include "jsonduplicates.h"

#include <QJsonArray>
#include <QJsonDocument>
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

} // namespace kube
