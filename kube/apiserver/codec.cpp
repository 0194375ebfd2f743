#include "codec.h"

#include "jsonduplicates.h"

#include "kube/api/protobuf.h"
#include "kube/api/protoscalar.h"
#include "kube/api/status.h"
#include "kube/api/typeregistry.h"
#include "kube/api/yaml.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kube {

QByteArray mediaType(QByteArrayView contentType)
{
    QByteArrayView type = contentType;
    const qsizetype semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type = type.first(semicolon);
    return type.trimmed().toByteArray().toLower();
}

Expected<Object> decodeObjectBody(QByteArrayView contentType, const QByteArray &body, const TypeRegistry &registry,
                                  const GroupVersionKind &expected)
{
    const QByteArray type = mediaType(contentType);
    if (body.trimmed().isEmpty())
        return Status::badRequest(u"the request body is empty"_qs);
    if (type.isEmpty() || type == "application/json")
        return Object::parse(body);
    if (type == "application/yaml") {
        // Repeated keys: the last value wins here; admitDecoded answers them per fieldValidation.
        auto json = yamlToJson(scanYamlKeys(body).lastWins);
        if (!json.ok())
            return json.error();
        return Object::parse(json.value());
    }
    if (type == "application/vnd.kubernetes.protobuf") {
        ProtobufDecodeOptions options;
        options.defaults = expected;
        return decodeProtobufObject(body, registry, options);
    }
    return Status(415, QString::fromLatin1(reason::UnsupportedMediaType),
                  u"the body of the request was in an unknown format - accepted media types include: "
                  "application/json, application/yaml, application/vnd.kubernetes.protobuf"_qs);
}

static QByteArray jsonString(const QString &s)
{
    QByteArray out;
    appendJsonString(out, s.toUtf8()); // the one JSON string escaper kube_api has
    return out;
}

QByteArray encodeList(const KindInfo &kind, const QList<Object> &items, const ListMeta &meta)
{
    qsizetype size = 160;
    for (const Object &o : items)
        size += o.json().size() + 1;
    QByteArray out;
    out.reserve(size);
    out += "{\"kind\":" + jsonString(kind.listKind()) + ",\"apiVersion\":" + jsonString(kind.gvk.apiVersion());
    out += ",\"metadata\":{\"resourceVersion\":" + jsonString(meta.resourceVersion);
    if (!meta.continueToken.isEmpty())
        out += ",\"continue\":" + jsonString(meta.continueToken);
    if (meta.remainingItemCount >= 0)
        out += ",\"remainingItemCount\":" + QByteArray::number(meta.remainingItemCount);
    out += "},\"items\":[";
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i)
            out += ',';
        out += items[i].json();
    }
    out += "]}";
    return out;
}

bool acceptsTable(QByteArrayView acceptHeader)
{
    for (const QByteArray &range : acceptHeader.toByteArray().split(',')) {
        const QList<QByteArray> parts = range.split(';');
        if (parts.value(0).trimmed() != "application/json")
            continue;
        bool table = false, metaGroup = false, v1 = false;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray p = parts[i].trimmed();
            table = table || p == "as=Table";
            metaGroup = metaGroup || p == "g=meta.k8s.io";
            v1 = v1 || p == "v=v1";
        }
        if (table && metaGroup && v1)
            return true;
        if (parts.size() == 1)
            return false; // plain JSON preferred before any Table range
    }
    return false;
}

QByteArray encodeWatchEvent(QByteArrayView type, const QByteArray &objectJson)
{
    QByteArray out;
    out.reserve(objectJson.size() + 32);
    out += "{\"type\":\"";
    out += type;
    out += "\",\"object\":";
    out += objectJson;
    out += "}\n";
    return out;
}

} // namespace kube
