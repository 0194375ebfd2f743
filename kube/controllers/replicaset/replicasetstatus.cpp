#include "replicasetstatus.h"

#include <QJsonArray>

namespace kube {

QJsonObject podFromTemplate(const QJsonObject &podTemplate, const OwnerInfo &owner)
{
    const QJsonObject templateMeta = podTemplate.value(u"metadata").toObject();
    QJsonObject metadata{
        {u"generateName"_qs, owner.name + u'-'},
        {u"namespace"_qs, owner.namespace_},
        {u"ownerReferences"_qs, QJsonArray{QJsonObject{
             {u"apiVersion"_qs, owner.apiVersion},
             {u"kind"_qs, owner.kind},
             {u"name"_qs, owner.name},
             {u"uid"_qs, owner.uid},
             {u"controller"_qs, true},
             {u"blockOwnerDeletion"_qs, true},
         }}},
    };
    if (templateMeta.contains(u"labels"))
        metadata.insert(u"labels", templateMeta.value(u"labels"));
    if (templateMeta.contains(u"annotations"))
        metadata.insert(u"annotations", templateMeta.value(u"annotations"));
    if (templateMeta.contains(u"finalizers"))
        metadata.insert(u"finalizers", templateMeta.value(u"finalizers"));
    return QJsonObject{
        {u"apiVersion"_qs, u"v1"_qs},
        {u"kind"_qs, u"Pod"_qs},
        {u"metadata"_qs, metadata},
        {u"spec"_qs, podTemplate.value(u"spec")},
    };
}

QJsonObject calculateReplicaSetStatus(const QJsonObject &oldStatus, const QJsonObject &templateLabels,
                                      const QList<PodInfo> &activePods, qint64 generation,
                                      int minReadySeconds, const QDateTime &now)
{
    int fullyLabeled = 0;
    int ready = 0;
    int available = 0;
    QList<std::pair<QString, QString>> wanted;
    for (auto it = templateLabels.begin(); it != templateLabels.end(); ++it)
        wanted.append({it.key(), it.value().toString()});
    // Pods of one set share their label list (Object::parse interns whole label sets): the
    // answer for the last list seen is reused (O(1) per pod instead of a lookup per label).
    const Labels::Item *lastLabels = nullptr;
    bool lastAll = false;
    for (const auto &pod : activePods) {
        const Labels &labels = pod.object.labels();
        const Labels::Item *data = labels.items().constData();
        bool all = true;
        if (data && data == lastLabels) {
            all = lastAll;
        } else {
            for (const auto &[key, value] : wanted) {
                const QString have = labels.value(key);
                if (have.isNull() || have != value) {
                    all = false;
                    break;
                }
            }
            lastLabels = data;
            lastAll = all;
        }
        if (all)
            ++fullyLabeled;
        if (pod.ready)
            ++ready;
        if (isPodAvailable(pod, minReadySeconds, now))
            ++available;
    }
    QJsonObject status{{u"replicas"_qs, int(activePods.size())}};
    if (fullyLabeled)
        status.insert(u"fullyLabeledReplicas", fullyLabeled);
    if (ready)
        status.insert(u"readyReplicas", ready);
    if (available)
        status.insert(u"availableReplicas", available);
    status.insert(u"observedGeneration", double(generation));
    if (oldStatus.contains(u"conditions"))
        status.insert(u"conditions", oldStatus.value(u"conditions"));
    return status;
}

} // namespace kube
