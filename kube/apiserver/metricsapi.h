#pragma once
// The metrics.k8s.io/v1beta1 API, served in-process as metrics-server would serve it behind an
// APIService: NodeMetrics (cluster-scoped, "nodes") and PodMetrics (namespaced, "pods"), verbs
// get and list, with labelSelector and fieldSelector (metadata.name, metadata.namespace).
// Values are computed at request time from the pods and nodes in the store (see
// metricsapimodel.h); nothing is stored and nothing polls.
//
// Also the group's discovery entries, which discovery.cpp adds to /apis (legacy and aggregated),
// and the group and version documents under /apis/metrics.k8s.io.
//
// Thread affinity: the API server's thread (the store is thread-safe). Cost per request: one
// store list of nodes plus one of pods (per namespace or all), one JSON parse of each.

#include <QJsonObject>
#include <QString>

namespace kube {

struct ApiContext;
struct ApiRequest;
class ApiResponder;

// True for /apis/metrics.k8s.io and everything under it.
bool isMetricsPath(const QString &path);
// Answers any request under /apis/metrics.k8s.io: discovery documents, get and list;
// 405 for other methods and for watch, 404 for unknown paths.
void handleMetrics(const ApiContext &context, const ApiRequest &request, ApiResponder &responder);

// The group as an APIGroup entry of /apis (APIGroupList.groups[]).
QJsonObject metricsApiGroup();
// The group as an APIGroupDiscovery item of the aggregated /apis document.
QJsonObject metricsAggregatedGroup();

} // namespace kube
