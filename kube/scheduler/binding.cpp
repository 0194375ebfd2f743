#include "binding.h"

#include "kube/api/protoscalar.h"

namespace kube::scheduler {

QByteArray bindingJson(const QString &namespace_, const QString &podName, const QString &nodeName)
{
    QByteArray out;
    out.reserve(160 + podName.size() + namespace_.size() + nodeName.size());
    out += R"({"apiVersion":"v1","kind":"Binding","metadata":{"name":)";
    appendJsonString(out, podName.toUtf8());
    out += R"(,"namespace":)";
    appendJsonString(out, namespace_.toUtf8());
    out += R"(},"target":{"apiVersion":"v1","kind":"Node","name":)";
    appendJsonString(out, nodeName.toUtf8());
    out += "}}";
    return out;
}

Object makeBinding(const Object &pod, const QString &nodeName)
{
    // Our own well-formed JSON: parsing cannot fail.
    return Object::parse(bindingJson(pod.namespace_(), pod.name(), nodeName)).value();
}

} // namespace kube::scheduler
