#include "clock.h"

namespace kube {

namespace {
class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};
} // namespace

const Clock &Clock::system()
{
    static const SystemClock clock;
    return clock;
}

QString formatKubeTime(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss'Z'"_qs);
}

QString formatKubeMicroTime(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    return utc.toString(u"yyyy-MM-dd'T'HH:mm:ss"_qs) + u".%1Z"_qs.arg(utc.time().msec() * 1000, 6, 10, QLatin1Char('0'));
}

} // namespace kube
