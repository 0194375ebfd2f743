#include "resources.h"

#include "kube/api/quantity.h"

#include <QJsonValue>

#include <algorithm>
#include <optional>

namespace kube::scheduler {

namespace {

// ResourceList values are strings on the wire, but hand-written JSON may carry plain numbers.
std::optional<Quantity> quantityOf(const QJsonValue &value)
{
    const QString text = value.isDouble() ? QString::number(value.toDouble(), 'g', 17) : value.toString();
    if (text.isEmpty())
        return std::nullopt;
    auto parsed = Quantity::parse(text);
    if (!parsed)
        return std::nullopt;
    return *parsed;
}

} // namespace

qint64 Resources::scalar(QStringView name) const
{
    for (const auto &[n, v] : scalars) {
        if (n == name)
            return v;
    }
    return 0;
}

void Resources::setScalar(const QString &name, qint64 value)
{
    auto it = std::lower_bound(scalars.begin(), scalars.end(), name, [](const auto &item, const QString &n) { return item.first < n; });
    if (it != scalars.end() && it->first == name) {
        it->second = value;
        return;
    }
    scalars.insert(it, {name, value});
}

bool Resources::isZero() const
{
    if (milliCpu != 0 || memory != 0 || ephemeralStorage != 0)
        return false;
    return std::all_of(scalars.cbegin(), scalars.cend(), [](const auto &item) { return item.second == 0; });
}

Resources &Resources::operator+=(const Resources &other)
{
    milliCpu += other.milliCpu;
    memory += other.memory;
    ephemeralStorage += other.ephemeralStorage;
    pods += other.pods;
    for (const auto &[name, value] : other.scalars)
        setScalar(name, scalar(name) + value);
    return *this;
}

Resources &Resources::operator-=(const Resources &other)
{
    milliCpu -= other.milliCpu;
    memory -= other.memory;
    ephemeralStorage -= other.ephemeralStorage;
    pods -= other.pods;
    for (const auto &[name, value] : other.scalars)
        setScalar(name, scalar(name) - value);
    return *this;
}

void Resources::setMax(const Resources &other)
{
    milliCpu = std::max(milliCpu, other.milliCpu);
    memory = std::max(memory, other.memory);
    ephemeralStorage = std::max(ephemeralStorage, other.ephemeralStorage);
    pods = std::max(pods, other.pods);
    for (const auto &[name, value] : other.scalars)
        setScalar(name, std::max(scalar(name), value));
}

Resources Resources::fromResourceList(const QJsonObject &list)
{
    Resources r;
    for (auto it = list.begin(); it != list.end(); ++it) {
        const auto quantity = quantityOf(it.value());
        if (!quantity)
            continue;
        const QString name = it.key();
        if (name == u"cpu")
            r.milliCpu = quantity->milliValue();
        else if (name == u"memory")
            r.memory = quantity->value();
        else if (name == u"ephemeral-storage")
            r.ephemeralStorage = quantity->value();
        else if (name == u"pods")
            r.pods = quantity->value();
        else if (name != u"storage") // node-local "storage" is not scheduled on
            r.setScalar(name, quantity->value());
    }
    return r;
}

} // namespace kube::scheduler
