#include "objecttransform.h"

namespace kube {

namespace {

// Scanners over minified JSON (no whitespace outside strings), so every token starts where
// the previous one ended. Each returns the index just past what it skipped, or -1.

qsizetype skipString(const QByteArray &s, qsizetype i)
{
    if (i >= s.size() || s[i] != '"')
        return -1;
    for (++i; i < s.size(); ++i) {
        if (s[i] == '\\')
            ++i;
        else if (s[i] == '"')
            return i + 1;
    }
    return -1;
}

qsizetype skipValue(const QByteArray &s, qsizetype i)
{
    if (i >= s.size())
        return -1;
    if (s[i] == '"')
        return skipString(s, i);
    if (s[i] != '{' && s[i] != '[') {
        while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']')
            ++i;
        return i;
    }
    int depth = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '"') {
            i = skipString(s, i);
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

struct Member {
    qsizetype keyStart = -1;
    qsizetype valueStart = -1;
    qsizetype valueEnd = -1;
};

Member findMember(const QByteArray &s, qsizetype objectStart, QByteArrayView key)
{
    if (objectStart < 0 || objectStart >= s.size() || s[objectStart] != '{')
        return {};
    qsizetype i = objectStart + 1;
    while (i < s.size() && s[i] != '}') {
        const qsizetype keyEnd = skipString(s, i);
        if (keyEnd < 0 || keyEnd >= s.size() || s[keyEnd] != ':')
            return {};
        const qsizetype valueEnd = skipValue(s, keyEnd + 1);
        if (valueEnd < 0)
            return {};
        if (QByteArrayView(s).sliced(i + 1, keyEnd - i - 2) == key)
            return {i, keyEnd + 1, valueEnd};
        i = valueEnd;
        if (i < s.size() && s[i] == ',')
            ++i;
    }
    return {};
}

} // namespace

std::optional<QByteArray> removeMember(const QByteArray &json, qsizetype objectStart, QByteArrayView key)
{
    const Member m = findMember(json, objectStart, key);
    if (m.keyStart < 0)
        return std::nullopt;
    qsizetype from = m.keyStart;
    qsizetype to = m.valueEnd;
    if (to < json.size() && json[to] == ',')
        ++to;
    else if (json[from - 1] == ',')
        --from;
    QByteArray out = json;
    out.remove(from, to - from);
    return out;
}

Object dropManagedFields(const Object &object)
{
    const QByteArray &json = object.json();
    if (!json.contains("\"managedFields\""))
        return object;
    const Member metadata = findMember(json, 0, "metadata");
    if (metadata.keyStart < 0)
        return object;
    const std::optional<QByteArray> stripped = removeMember(json, metadata.valueStart, "managedFields");
    if (!stripped)
        return object;
    Expected<Object> parsed = Object::parse(*stripped);
    return parsed.ok() ? std::move(parsed).value() : object;
}

} // namespace kube
