#pragma once
// IngressClass facts the ingress controller decides by: which classes are ours (spec.controller
// "timonel.dev/ingress-controller"), which one is the default (the
// ingressclass.kubernetes.io/is-default-class annotation), which port a class is served on
// (our own annotation timonel.dev/ingress-port, written by the embedded cluster at start so the
// port lives in an API object a learner can read), and which Ingresses a class serves.
//
// Thread affinity: none (pure functions over JSON). Cost: O(annotations).

#include "kube/api/groupversion.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace kube::ingress {

inline constexpr auto ControllerName = "timonel.dev/ingress-controller";
inline constexpr auto DefaultClassName = "timonel";
inline constexpr auto IsDefaultClassAnnotation = "ingressclass.kubernetes.io/is-default-class";
inline constexpr auto PortAnnotation = "timonel.dev/ingress-port";
inline constexpr auto LegacyClassAnnotation = "kubernetes.io/ingress.class"; // deprecated, still honoured

inline GroupVersionResource ingresses() { return {u"networking.k8s.io"_qs, u"v1"_qs, u"ingresses"_qs}; }
inline GroupVersionResource ingressClasses() { return {u"networking.k8s.io"_qs, u"v1"_qs, u"ingressclasses"_qs}; }

// spec.controller names this controller.
bool isOurClass(const QJsonObject &ingressClass);
bool isDefaultClass(const QJsonObject &ingressClass);
// The loopback port the class is served on; 0 when the annotation is absent or not a port.
int listenPort(const QJsonObject &ingressClass);

// The class an Ingress asks for: spec.ingressClassName, else the legacy annotation, else "".
QString requestedClass(const QJsonObject &ingress);
// The Ingress names this class, or names none while the class is a default one.
bool belongsTo(const QJsonObject &ingress, const QJsonObject &ingressClass);

// The IngressClass the embedded cluster creates at start: "timonel", default, served on port.
QJsonObject defaultIngressClass(int port);

} // namespace kube::ingress
