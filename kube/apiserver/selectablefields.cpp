#include "selectablefields.h"

#include "kube/api/groupversion.h"

namespace kube {

QStringList selectableFields(const GroupVersionKind &gvk)
{
    QStringList fields{u"metadata.name"_qs, u"metadata.namespace"_qs};
    const QString &k = gvk.kind;
    if (gvk.group.isEmpty()) {
        if (k == u"Pod")
            fields << u"spec.nodeName"_qs << u"spec.restartPolicy"_qs << u"spec.schedulerName"_qs
                   << u"spec.serviceAccountName"_qs << u"spec.hostNetwork"_qs << u"status.phase"_qs
                   << u"status.podIP"_qs << u"status.nominatedNodeName"_qs;
        else if (k == u"Event")
            fields << u"involvedObject.kind"_qs << u"involvedObject.namespace"_qs << u"involvedObject.name"_qs
                   << u"involvedObject.uid"_qs << u"involvedObject.apiVersion"_qs << u"involvedObject.resourceVersion"_qs
                   << u"involvedObject.fieldPath"_qs << u"reason"_qs << u"reportingComponent"_qs << u"source"_qs << u"type"_qs;
        else if (k == u"Secret")
            fields << u"type"_qs;
        else if (k == u"Namespace")
            fields << u"status.phase"_qs;
        else if (k == u"Node")
            fields << u"spec.unschedulable"_qs;
        else if (k == u"ReplicationController")
            fields << u"status.replicas"_qs;
        else if (k == u"PersistentVolume" || k == u"PersistentVolumeClaim")
            fields << u"status.phase"_qs;
        return fields;
    }
    if (gvk.group == u"apps" && k == u"ReplicaSet")
        fields << u"status.replicas"_qs;
    else if (gvk.group == u"batch" && k == u"Job")
        fields << u"status.successful"_qs;
    else if (gvk.group == u"events.k8s.io" && k == u"Event")
        fields << u"reason"_qs << u"type"_qs << u"regarding.kind"_qs << u"regarding.name"_qs << u"regarding.namespace"_qs
               << u"reportingController"_qs;
    return fields;
}

} // namespace kube
