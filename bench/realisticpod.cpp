#include "realisticpod.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace kube;

namespace bench {

QString podName(int index)
{
    return u"web-7d9f8b6c5-%1"_qs.arg(index, 5, 36, QChar(u'0'));
}

// A pod as a real cluster stores it: labels, annotations, owner, two containers, status,
// managedFields — about 4 KB of minified JSON.
Object realisticPod(int index, const QString &ns)
{
    const QString name = podName(index);
    const auto container = [](const QString &n, const QString &image) {
        return QJsonObject{
            {u"name"_qs, n},
            {u"image"_qs, image},
            {u"ports"_qs, QJsonArray{QJsonObject{{u"containerPort"_qs, 8080}, {u"protocol"_qs, u"TCP"_qs}}}},
            {u"env"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"LOG_LEVEL"_qs}, {u"value"_qs, u"info"_qs}},
                                   QJsonObject{{u"name"_qs, u"POD_IP"_qs},
                                               {u"valueFrom"_qs, QJsonObject{{u"fieldRef"_qs, QJsonObject{{u"fieldPath"_qs, u"status.podIP"_qs}}}}}}}},
            {u"resources"_qs, QJsonObject{{u"requests"_qs, QJsonObject{{u"cpu"_qs, u"100m"_qs}, {u"memory"_qs, u"128Mi"_qs}}},
                                         {u"limits"_qs, QJsonObject{{u"cpu"_qs, u"500m"_qs}, {u"memory"_qs, u"256Mi"_qs}}}}},
            {u"volumeMounts"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"kube-api-access-x7k2p"_qs},
                                                        {u"mountPath"_qs, u"/var/run/secrets/kubernetes.io/serviceaccount"_qs},
                                                        {u"readOnly"_qs, true}}}},
            {u"terminationMessagePath"_qs, u"/dev/termination-log"_qs},
            {u"terminationMessagePolicy"_qs, u"File"_qs},
            {u"imagePullPolicy"_qs, u"IfNotPresent"_qs},
        };
    };
    const auto condition = [](const QString &type) {
        return QJsonObject{{u"type"_qs, type}, {u"status"_qs, u"True"_qs}, {u"lastProbeTime"_qs, QJsonValue()},
                           {u"lastTransitionTime"_qs, u"2026-11-27T10:00:00Z"_qs}};
    };
    const QJsonObject managed{
        {u"manager"_qs, u"kube-controller-manager"_qs}, {u"operation"_qs, u"Update"_qs}, {u"apiVersion"_qs, u"v1"_qs},
        {u"time"_qs, u"2026-11-27T10:00:00Z"_qs}, {u"fieldsType"_qs, u"FieldsV1"_qs},
        {u"fieldsV1"_qs, QJsonObject{{u"f:metadata"_qs, QJsonObject{{u"f:generateName"_qs, QJsonObject{}},
                                                                   {u"f:labels"_qs, QJsonObject{{u"."_qs, QJsonObject{}}, {u"f:app"_qs, QJsonObject{}}}},
                                                                   {u"f:ownerReferences"_qs, QJsonObject{{u"."_qs, QJsonObject{}}}}}},
                                     {u"f:spec"_qs, QJsonObject{{u"f:containers"_qs, QJsonObject{{u"k:{\"name\":\"app\"}"_qs, QJsonObject{{u"."_qs, QJsonObject{}}, {u"f:image"_qs, QJsonObject{}}, {u"f:name"_qs, QJsonObject{}}}}}},
                                                                {u"f:dnsPolicy"_qs, QJsonObject{}}, {u"f:restartPolicy"_qs, QJsonObject{}}}}}}};
    const QJsonObject pod{
        {u"apiVersion"_qs, u"v1"_qs},
        {u"kind"_qs, u"Pod"_qs},
        {u"metadata"_qs, QJsonObject{
             {u"name"_qs, name},
             {u"generateName"_qs, u"web-7d9f8b6c5-"_qs},
             {u"namespace"_qs, ns},
             {u"uid"_qs, u"6f1c2e4a-0b7d-4c3e-9a51-%1"_qs.arg(index, 12, 10, QChar(u'0'))},
             {u"creationTimestamp"_qs, u"2026-11-27T10:00:00Z"_qs},
             {u"labels"_qs, QJsonObject{{u"app"_qs, u"web"_qs}, {u"pod-template-hash"_qs, u"7d9f8b6c5"_qs}, {u"tier"_qs, u"frontend"_qs}}},
             {u"annotations"_qs, QJsonObject{{u"kubernetes.io/psp"_qs, u"restricted"_qs}, {u"prometheus.io/scrape"_qs, u"true"_qs}}},
             {u"ownerReferences"_qs, QJsonArray{QJsonObject{{u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"ReplicaSet"_qs},
                                                            {u"name"_qs, u"web-7d9f8b6c5"_qs}, {u"uid"_qs, u"0d5c1f0e-8f3a-4b7e-a1c2-3e4f5a6b7c8d"_qs},
                                                            {u"controller"_qs, true}, {u"blockOwnerDeletion"_qs, true}}}},
             {u"managedFields"_qs, QJsonArray{managed, managed}},
         }},
        {u"spec"_qs, QJsonObject{
             {u"containers"_qs, QJsonArray{container(u"app"_qs, u"registry.example.com/web:1.24.3"_qs), container(u"sidecar"_qs, u"registry.example.com/envoy:1.29.1"_qs)}},
             {u"volumes"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"kube-api-access-x7k2p"_qs},
                                                    {u"projected"_qs, QJsonObject{{u"defaultMode"_qs, 420},
                                                                                  {u"sources"_qs, QJsonArray{QJsonObject{{u"serviceAccountToken"_qs, QJsonObject{{u"expirationSeconds"_qs, 3607}, {u"path"_qs, u"token"_qs}}}}}}}}}}},
             {u"restartPolicy"_qs, u"Always"_qs}, {u"dnsPolicy"_qs, u"ClusterFirst"_qs}, {u"serviceAccountName"_qs, u"default"_qs},
             {u"nodeName"_qs, u"node-%1"_qs.arg(index % 50)}, {u"schedulerName"_qs, u"default-scheduler"_qs},
             {u"terminationGracePeriodSeconds"_qs, 30}, {u"priority"_qs, 0}, {u"enableServiceLinks"_qs, true},
             {u"tolerations"_qs, QJsonArray{QJsonObject{{u"key"_qs, u"node.kubernetes.io/not-ready"_qs}, {u"operator"_qs, u"Exists"_qs}, {u"effect"_qs, u"NoExecute"_qs}, {u"tolerationSeconds"_qs, 300}},
                                           QJsonObject{{u"key"_qs, u"node.kubernetes.io/unreachable"_qs}, {u"operator"_qs, u"Exists"_qs}, {u"effect"_qs, u"NoExecute"_qs}, {u"tolerationSeconds"_qs, 300}}}},
         }},
        {u"status"_qs, QJsonObject{
             {u"phase"_qs, u"Running"_qs},
             {u"conditions"_qs, QJsonArray{condition(u"Initialized"_qs), condition(u"Ready"_qs), condition(u"ContainersReady"_qs), condition(u"PodScheduled"_qs)}},
             {u"hostIP"_qs, u"10.0.0.%1"_qs.arg(index % 250)}, {u"podIP"_qs, u"10.244.%1.%2"_qs.arg(index / 250 % 250).arg(index % 250)},
             {u"startTime"_qs, u"2026-11-27T10:00:00Z"_qs}, {u"qosClass"_qs, u"Burstable"_qs},
             {u"containerStatuses"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"app"_qs}, {u"ready"_qs, true}, {u"restartCount"_qs, 0}, {u"started"_qs, true},
                                                              {u"image"_qs, u"registry.example.com/web:1.24.3"_qs},
                                                              {u"imageID"_qs, u"registry.example.com/web@sha256:4f1b3c8e9d2a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c"_qs},
                                                              {u"containerID"_qs, u"containerd://8e3f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f"_qs},
                                                              {u"state"_qs, QJsonObject{{u"running"_qs, QJsonObject{{u"startedAt"_qs, u"2026-11-27T10:00:02Z"_qs}}}}}},
                                                  QJsonObject{{u"name"_qs, u"sidecar"_qs}, {u"ready"_qs, true}, {u"restartCount"_qs, 0}, {u"started"_qs, true},
                                                              {u"image"_qs, u"registry.example.com/envoy:1.29.1"_qs},
                                                              {u"imageID"_qs, u"registry.example.com/envoy@sha256:9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b"_qs},
                                                              {u"containerID"_qs, u"containerd://1f2e3d4c5b6a7980f1e2d3c4b5a69788f1e2d3c4b5a69788f1e2d3c4b5a69788"_qs},
                                                              {u"state"_qs, QJsonObject{{u"running"_qs, QJsonObject{{u"startedAt"_qs, u"2026-11-27T10:00:02Z"_qs}}}}}}}},
         }},
    };
    return Object::fromJson(pod);
}

} // namespace bench
