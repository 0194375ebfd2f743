#include "ingressclassinfo.h"

namespace kube::ingress {

namespace {

QString annotation(const QJsonObject &object, const char *name)
{
    return object.value(u"metadata").toObject().value(u"annotations").toObject().value(QLatin1String(name)).toString();
}

} // namespace

bool isOurClass(const QJsonObject &ingressClass)
{
    return ingressClass.value(u"spec").toObject().value(u"controller").toString() == QLatin1String(ControllerName);
}

bool isDefaultClass(const QJsonObject &ingressClass)
{
    return annotation(ingressClass, IsDefaultClassAnnotation) == u"true";
}

int listenPort(const QJsonObject &ingressClass)
{
    bool ok = false;
    const int port = annotation(ingressClass, PortAnnotation).toInt(&ok);
    return ok && port > 0 && port <= 65535 ? port : 0;
}

QString requestedClass(const QJsonObject &ingress)
{
    const QJsonValue name = ingress.value(u"spec").toObject().value(u"ingressClassName");
    if (name.isString())
        return name.toString();
    return annotation(ingress, LegacyClassAnnotation);
}

bool belongsTo(const QJsonObject &ingress, const QJsonObject &ingressClass)
{
    const QString requested = requestedClass(ingress);
    if (requested.isEmpty())
        return isDefaultClass(ingressClass);
    return requested == ingressClass.value(u"metadata").toObject().value(u"name").toString();
}

QJsonObject defaultIngressClass(int port)
{
    const QJsonObject annotations{{QLatin1String(IsDefaultClassAnnotation), u"true"_qs},
                                  {QLatin1String(PortAnnotation), QString::number(port)}};
    return QJsonObject{{u"apiVersion"_qs, u"networking.k8s.io/v1"_qs},
                       {u"kind"_qs, u"IngressClass"_qs},
                       {u"metadata"_qs, QJsonObject{{u"name"_qs, QLatin1String(DefaultClassName)}, {u"annotations"_qs, annotations}}},
                       {u"spec"_qs, QJsonObject{{u"controller"_qs, QLatin1String(ControllerName)}}}};
}

} // namespace kube::ingress
