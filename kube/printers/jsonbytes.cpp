#include "jsonbytes.h"

#include "kube/api/protoscalar.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>


namespace kube::printers {

namespace {

// The index just past the string starting at `at` (a quote); -1 when it does not end. A byte
// loop: the strings of an object's metadata are short (keys, "f:…" field names), and a memchr
// call per string cost more than the bytes it skipped.
qsizetype skipString(QByteArrayView json, qsizetype at)
{
    const char *data = json.data();
    const qsizetype size = json.size();
    for (qsizetype i = at + 1; i < size; ++i) {
        if (data[i] == '\\')
            ++i; // the escaped character, a quote included
        else if (data[i] == '"')
            return i + 1;
    }
    return -1;
}

// The index just past the value starting at `at`; -1 when malformed. Minified JSON has no
// whitespace outside strings, so a scalar ends at the next ',' '}' or ']'.
qsizetype skipValue(QByteArrayView json, qsizetype at)
{
    if (at >= json.size())
        return -1;
    const char first = json[at];
    if (first == '"')
        return skipString(json, at);
    if (first != '{' && first != '[') {
        qsizetype i = at;
        while (i < json.size() && json[i] != ',' && json[i] != '}' && json[i] != ']')
            ++i;
        return i;
    }
    int depth = 0;
    qsizetype i = at;
    while (i < json.size()) {
        const char c = json[i];
        if (c == '"') {
            i = skipString(json, i);
            if (i < 0)
                return -1;
            continue;
        }
        if (c == '{' || c == '[')
            ++depth;
        else if ((c == '}' || c == ']') && --depth == 0)
            return i + 1;
        ++i;
    }
    return -1;
}

} // namespace

void appendJsonString(QByteArray &out, const QString &text)
{
    kube::appendJsonString(out, text.toUtf8());
}

void appendJsonValue(QByteArray &out, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        appendJsonString(out, v.toString());
        return;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        constexpr double maxExact = 9007199254740992.0; // 2^53
        if (d == double(qint64(d)) && d >= -maxExact && d <= maxExact)
            out += QByteArray::number(qint64(d));
        else
            out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
        return;
    }
    case QJsonValue::Bool:
        out += v.toBool() ? "true" : "false";
        return;
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray array = v.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out += ',';
            appendJsonValue(out, array.at(i));
        }
        out += ']';
        return;
    }
    case QJsonValue::Object: {
        out += '{';
        const QJsonObject object = v.toObject();
        bool first = true;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!first)
                out += ',';
            first = false;
            appendJsonString(out, it.key());
            out += ':';
            appendJsonValue(out, it.value());
        }
        out += '}';
        return;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    out += "null";
}

QByteArrayView topLevelMember(QByteArrayView json, QByteArrayView key)
{
    if (json.isEmpty() || json.front() != '{')
        return {};
    qsizetype i = 1;
    while (i < json.size() && json[i] == '"') {
        const qsizetype keyEnd = skipString(json, i);
        if (keyEnd < 0 || keyEnd >= json.size() || json[keyEnd] != ':')
            return {};
        const qsizetype valueStart = keyEnd + 1;
        const qsizetype valueEnd = skipValue(json, valueStart);
        if (valueEnd < 0)
            return {};
        if (json.sliced(i + 1, keyEnd - i - 2) == key)
            return json.sliced(valueStart, valueEnd - valueStart);
        if (valueEnd >= json.size() || json[valueEnd] != ',')
            return {};
        i = valueEnd + 1;
    }
    return {};
}

} // namespace kube::printers
