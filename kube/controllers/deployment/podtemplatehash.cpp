#include "podtemplatehash.h"

#include <QJsonDocument>

namespace kube {

namespace {

QJsonObject withoutHashLabel(QJsonObject podTemplate)
{
    QJsonObject metadata = podTemplate.value(u"metadata").toObject();
    QJsonObject labels = metadata.value(u"labels").toObject();
    if (!labels.contains(QLatin1StringView(PodTemplateHashLabel)))
        return podTemplate;
    labels.remove(QLatin1StringView(PodTemplateHashLabel));
    if (labels.isEmpty())
        metadata.remove(u"labels");
    else
        metadata.insert(u"labels", labels);
    if (metadata.isEmpty())
        podTemplate.remove(u"metadata");
    else
        podTemplate.insert(u"metadata", metadata);
    return podTemplate;
}

quint32 fnv32a(quint32 hash, QByteArrayView bytes)
{
    for (char c : bytes) {
        hash ^= quint8(c);
        hash *= 16777619u;
    }
    return hash;
}

} // namespace

QString computePodTemplateHash(const QJsonObject &podTemplate, std::optional<int> collisionCount)
{
    // QJsonDocument writes keys in sorted order, so equal templates give equal bytes.
    const QByteArray canonical = QJsonDocument(withoutHashLabel(podTemplate)).toJson(QJsonDocument::Compact);
    quint32 hash = fnv32a(2166136261u, canonical);
    if (collisionCount) {
        const quint32 count = quint32(*collisionCount);
        const char bytes[4] = {char(count & 0xff), char((count >> 8) & 0xff), char((count >> 16) & 0xff), char((count >> 24) & 0xff)};
        hash = fnv32a(hash, QByteArrayView(bytes, 4));
    }
    static constexpr char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    const QByteArray digits = QByteArray::number(hash);
    QString out;
    out.reserve(digits.size());
    for (char d : digits)
        out.append(QLatin1Char(alphabet[quint8(d) % (sizeof(alphabet) - 1)]));
    return out;
}

bool templatesEqualIgnoringHash(QJsonObject a, QJsonObject b)
{
    return withoutHashLabel(std::move(a)) == withoutHashLabel(std::move(b));
}

} // namespace kube
