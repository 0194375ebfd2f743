#include "yamldocument.h"

#include <algorithm>

namespace timonel {

int YamlDocument::derefIndex(int index) const
{
    const YamlNode &n = nodes[size_t(index)];
    return n.kind == YamlNodeKind::Alias ? n.target : index;
}

const YamlNode &YamlDocument::deref(int index) const
{
    return nodes[size_t(derefIndex(index))];
}

QList<YamlDocument::Entry> YamlDocument::entries(int mapping) const
{
    QList<Entry> out;
    const YamlNode &map = deref(mapping);
    if (map.kind != YamlNodeKind::Mapping)
        return out;
    QList<int> mergeValues;
    for (int k = map.firstChild; k >= 0;) {
        const int v = nodes[size_t(k)].next;
        if (v < 0)
            break;
        const YamlNode &key = deref(k);
        if (key.kind == YamlNodeKind::Scalar && !key.quoted && key.text == u"<<")
            mergeValues.append(v);
        else
            out.append({k, v});
        k = nodes[size_t(v)].next;
    }
    for (int mergeValue : std::as_const(mergeValues)) {
        QList<int> sources;
        const YamlNode &m = deref(mergeValue);
        if (m.kind == YamlNodeKind::Sequence)
            sources = items(mergeValue);
        else
            sources.append(mergeValue);
        for (int source : std::as_const(sources)) {
            for (const Entry &e : entries(source)) {
                const QString name = scalarText(e.key);
                const bool present = std::any_of(out.cbegin(), out.cend(), [&](const Entry &o) { return scalarText(o.key) == name; });
                if (!present)
                    out.append(e);
            }
        }
    }
    return out;
}

int YamlDocument::value(int mapping, QStringView key, int *keyNode) const
{
    const YamlNode &map = deref(mapping);
    if (map.kind != YamlNodeKind::Mapping)
        return -1;
    bool hasMerge = false;
    for (int k = map.firstChild; k >= 0;) {
        const int v = nodes[size_t(k)].next;
        if (v < 0)
            break;
        const YamlNode &keyN = deref(k);
        if (keyN.kind == YamlNodeKind::Scalar && keyN.text == key) {
            if (keyNode)
                *keyNode = k;
            return v;
        }
        hasMerge = hasMerge || (keyN.kind == YamlNodeKind::Scalar && !keyN.quoted && keyN.text == u"<<");
        k = nodes[size_t(v)].next;
    }
    if (!hasMerge)
        return -1;
    for (const Entry &e : entries(mapping)) {
        if (scalarText(e.key) == key) {
            if (keyNode)
                *keyNode = e.key;
            return e.value;
        }
    }
    return -1;
}

QList<int> YamlDocument::items(int sequence) const
{
    QList<int> out;
    const YamlNode &seq = deref(sequence);
    if (seq.kind != YamlNodeKind::Sequence)
        return out;
    for (int c = seq.firstChild; c >= 0; c = nodes[size_t(c)].next)
        out.append(c);
    return out;
}

QString YamlDocument::scalarText(int index) const
{
    const YamlNode &n = deref(index);
    return n.kind == YamlNodeKind::Scalar ? n.text : QString();
}

SourceRange YamlDocument::problemRange(int index) const
{
    const YamlNode &n = nodes[size_t(index)];
    if (n.kind == YamlNodeKind::Scalar || n.kind == YamlNodeKind::Alias)
        return n.range;
    if (n.parentKey >= 0)
        return nodes[size_t(n.parentKey)].range;
    return n.range;
}

} // namespace timonel
