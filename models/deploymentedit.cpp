#include "deploymentedit.h"

#include "plannedchange.h"
#include "workloadreadiness.h"

#include <QJsonArray>
#include <QJsonObject>

namespace timonel::deploymentedit {

namespace {

// Sets obj[path...] = value, creating the objects on the way.
QJsonObject setPath(QJsonObject obj, QStringList path, const QJsonValue &value)
{
    const QString key = path.takeFirst();
    if (path.isEmpty()) {
        obj.insert(key, value);
        return obj;
    }
    obj.insert(key, setPath(obj.value(key).toObject(), path, value));
    return obj;
}

QJsonObject valueAt(const QJsonObject &obj, const QStringList &path)
{
    QJsonObject o = obj;
    for (const QString &key : path)
        o = o.value(key).toObject();
    return o;
}

QJsonObject withLabel(const QJsonObject &json, const QStringList &mapPath, const QString &key, const QString &value)
{
    QJsonObject map = valueAt(json, mapPath);
    map.insert(key, value);
    return setPath(json, mapPath, map);
}

kube::Labels labelsOf(const QJsonObject &map)
{
    kube::Labels labels;
    for (auto it = map.begin(); it != map.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

const QStringList kTemplateLabels{u"spec"_qs, u"template"_qs, u"metadata"_qs, u"labels"_qs};
const QStringList kMatchLabels{u"spec"_qs, u"selector"_qs, u"matchLabels"_qs};

} // namespace

kube::Object withTemplateLabel(const kube::Object &deployment, const QString &key, const QString &value)
{
    return kube::Object::fromJson(withLabel(deployment.toJson(), kTemplateLabels, key, value));
}

kube::Object withSelectorLabel(const kube::Object &deployment, const QString &key, const QString &value)
{
    const QJsonObject json = withLabel(deployment.toJson(), kTemplateLabels, key, value);
    return kube::Object::fromJson(withLabel(json, kMatchLabels, key, value));
}

kube::Object withImage(const kube::Object &deployment, const QString &container, const QString &image)
{
    QJsonObject json = deployment.toJson();
    QJsonArray containers = valueAt(json, {u"spec"_qs, u"template"_qs, u"spec"_qs}).value(u"containers").toArray();
    for (qsizetype i = 0; i < containers.size(); ++i) {
        QJsonObject c = containers.at(i).toObject();
        if (c.value(u"name").toString() != container)
            continue;
        c.insert(u"image", image);
        containers.replace(i, c);
    }
    return kube::Object::fromJson(setPath(json, {u"spec"_qs, u"template"_qs, u"spec"_qs, u"containers"_qs}, containers));
}

kube::Object withReplicas(const kube::Object &deployment, int replicas)
{
    return kube::Object::fromJson(setPath(deployment.toJson(), {u"spec"_qs, u"replicas"_qs}, replicas));
}

kube::Object withServiceSelector(const kube::Object &service, const kube::Labels &selector)
{
    QJsonObject map;
    for (const auto &[key, value] : selector)
        map.insert(key, value);
    return kube::Object::fromJson(setPath(service.toJson(), {u"spec"_qs, u"selector"_qs}, map));
}

int replicasOf(const kube::Object &deployment)
{
    return deployment.toJson().value(u"spec").toObject().value(u"replicas").toInt(1);
}

QStringList containerNames(const kube::Object &deployment)
{
    QStringList names;
    const QJsonObject podSpec = valueAt(deployment.toJson(), {u"spec"_qs, u"template"_qs, u"spec"_qs});
    for (const QJsonValue &c : podSpec.value(u"containers").toArray())
        names.append(c.toObject().value(u"name").toString());
    return names;
}

QString imageOf(const kube::Object &deployment, const QString &container)
{
    const QJsonObject podSpec = valueAt(deployment.toJson(), {u"spec"_qs, u"template"_qs, u"spec"_qs});
    for (const QJsonValue &c : podSpec.value(u"containers").toArray()) {
        if (c.toObject().value(u"name").toString() == container)
            return c.toObject().value(u"image").toString();
    }
    return {};
}

kube::Labels templateLabels(const kube::Object &deployment)
{
    return labelsOf(valueAt(deployment.toJson(), kTemplateLabels));
}

kube::Labels serviceSelector(const kube::Object &service)
{
    return labelsOf(valueAt(service.toJson(), {u"spec"_qs, u"selector"_qs}));
}

bool selectsPodsOf(const kube::Object &service, const kube::Object &deployment)
{
    const kube::Labels selector = serviceSelector(service);
    if (selector.isEmpty())
        return false;
    const kube::Labels labels = templateLabels(deployment);
    for (const auto &[key, value] : selector) {
        if (labels.value(key) != value || !labels.contains(key))
            return false;
    }
    return true;
}

kube::Object sibling(const kube::Object &source, const QString &name, const QString &versionValue, int replicas,
                     const QString &container, const QString &image, const QString &annotationKey)
{
    QJsonObject json = previewJson(source);
    QJsonObject metadata{{u"name"_qs, name}, {u"namespace"_qs, source.namespace_()}};
    QJsonObject labels = json.value(u"metadata").toObject().value(u"labels").toObject();
    labels.insert(kVersionLabel.toString(), versionValue);
    metadata.insert(u"labels", labels);
    metadata.insert(u"annotations", QJsonObject{{annotationKey, source.name()}});
    json.insert(u"metadata", metadata);
    QJsonObject spec = json.value(u"spec").toObject();
    spec.remove(u"paused");
    json.insert(u"spec", spec);
    kube::Object object = kube::Object::fromJson(json);
    object = withSelectorLabel(object, kVersionLabel.toString(), versionValue);
    object = withReplicas(object, replicas);
    return withImage(object, container, image);
}

} // namespace timonel::deploymentedit
