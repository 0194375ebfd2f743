#include "controllercontext.h"

#include "kube/api/scaledclock.h"
#include "kube/cache/sharedinformerfactory.h"

namespace kube {

SharedInformer *ControllerContext::informer(const GroupVersionResource &resource) const
{
    return informers->informer(InformerKey{resource.groupResource(), QString(), QString(), QString()});
}

const Clock &ControllerContext::realClock() const
{
    if (scale)
        return scale->base();
    return clock ? *clock : Clock::system();
}

qint64 ControllerContext::realMsecs(qint64 clockMs) const
{
    return scale ? scale->realMsecs(clockMs) : clockMs;
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
