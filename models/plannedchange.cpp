#include "plannedchange.h"

#include "kube/api/yaml.h"

#include <QJsonDocument>

namespace timonel {

namespace {

QString yamlOf(const kube::Object &object)
{
    if (object.isNull())
        return {};
    const QByteArray json = QJsonDocument(previewJson(object)).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(kube::jsonToYaml(json));
}

PlannedChange baseOf(const kube::GroupVersionResource &gvr, const kube::Object &object)
{
    PlannedChange c;
    c.gvr = gvr;
    c.kind = object.kind();
    c.namespace_ = object.namespace_();
    c.name = object.name();
    return c;
}

} // namespace

QJsonObject previewJson(const kube::Object &object)
{
    QJsonObject json = object.toJson();
    json.remove(u"status");
    QJsonObject metadata = json.value(u"metadata").toObject();
    for (const char *field : {"uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink"})
        metadata.remove(QLatin1StringView(field));
    QJsonObject annotations = metadata.value(u"annotations").toObject();
    annotations.remove(u"kubectl.kubernetes.io/last-applied-configuration");
    if (annotations.isEmpty())
        metadata.remove(u"annotations");
    else
        metadata.insert(u"annotations", annotations);
    json.insert(u"metadata", metadata);
    return json;
}

QJsonObject mergePatchBetween(const QJsonObject &before, const QJsonObject &after)
{
    QJsonObject patch;
    for (auto it = before.begin(); it != before.end(); ++it) {
        if (!after.contains(it.key()))
            patch.insert(it.key(), QJsonValue::Null);
    }
    for (auto it = after.begin(); it != after.end(); ++it) {
        const QJsonValue old = before.value(it.key());
        if (old == it.value())
            continue;
        if (old.isObject() && it.value().isObject()) {
            const QJsonObject nested = mergePatchBetween(old.toObject(), it.value().toObject());
            if (!nested.isEmpty())
                patch.insert(it.key(), nested);
            continue;
        }
        patch.insert(it.key(), it.value()); // scalars and arrays are replaced whole
    }
    return patch;
}

QString PlannedChange::beforeYaml() const
{
    return yamlOf(before);
}

QString PlannedChange::afterYaml() const
{
    return yamlOf(after);
}

PlannedChange PlannedChange::patchOf(const kube::GroupVersionResource &gvr, const kube::Object &before, const kube::Object &after)
{
    PlannedChange c = baseOf(gvr, before);
    c.action = Action::Patch;
    c.before = before;
    c.after = after;
    const QJsonObject patch = mergePatchBetween(previewJson(before), previewJson(after));
    if (!patch.isEmpty())
        c.patch = QJsonDocument(patch).toJson(QJsonDocument::Compact);
    return c;
}

PlannedChange PlannedChange::createOf(const kube::GroupVersionResource &gvr, const kube::Object &object)
{
    PlannedChange c = baseOf(gvr, object);
    c.action = Action::Create;
    c.after = object;
    return c;
}

PlannedChange PlannedChange::deleteOf(const kube::GroupVersionResource &gvr, const kube::Object &object)
{
    PlannedChange c = baseOf(gvr, object);
    c.action = Action::Delete;
    c.before = object;
    return c;
}

} // namespace timonel
