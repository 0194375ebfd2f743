#pragma once
// DefaultIngressClass admission (upstream plugin/pkg/admission/network/defaultingressclass): an
// Ingress written without a class (no spec.ingressClassName, no kubernetes.io/ingress.class
// annotation) gets the cluster's default IngressClass — the one annotated
// ingressclass.kubernetes.io/is-default-class: "true", the newest when several are. With no
// default class the Ingress is left alone. So `kubectl get ingress` shows the class the
// controller serves it with.
//
// The API server's thread. Cost: a list of the stored IngressClasses per Ingress write.

class QJsonObject;

namespace kube {

struct ApiContext;
struct KindInfo;

void admitDefaultIngressClass(QJsonObject &object, const KindInfo &kind, const ApiContext &context);

} // namespace kube
