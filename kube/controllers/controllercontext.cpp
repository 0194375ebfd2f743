#include "controllercontext.h"

#include "kube/cache/sharedinformerfactory.h"

namespace kube {

SharedInformer *ControllerContext::informer(const GroupVersionResource &resource) const
{
    return informers->informer(InformerKey{resource.groupResource(), QString(), QString(), QString()});
}

QString queueKey(const QString &namespace_, const QString &name)
{
    return namespace_.isEmpty() ? name : namespace_ + u'/' + name;
}

std::pair<QString, QString> splitQueueKey(const QString &key)
{
    const qsizetype slash = key.indexOf(u'/');
    if (slash < 0)
        return {QString(), key};
    return {key.left(slash), key.mid(slash + 1)};
}

} // namespace kube
