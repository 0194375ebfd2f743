#include "jsonstrings.h"

#include <QJsonArray>
#include <QJsonValue>

namespace kube {

QStringList jsonStrings(const QJsonValue &array)
{
    QStringList out;
    const QJsonArray items = array.toArray();
    out.reserve(items.size());
    for (const QJsonValue &item : items)
        out.append(item.toString());
    return out;
}

} // namespace kube
