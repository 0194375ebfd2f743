#include "intorstring.h"

#include <QJsonValue>

#include <cmath>

namespace kube {

Expected<int> scaledIntOrPercent(const QJsonValue &value, int total, Rounding rounding, int fallback)
{
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (value.isDouble())
        return value.toInt();
    if (!value.isString())
        return Status::badRequest(QStringLiteral("invalid value for IntOrString: invalid type: neither int nor string"));
    const QString text = value.toString();
    if (!text.endsWith(u'%'))
        return Status::badRequest(QStringLiteral("invalid value for IntOrString: invalid type: string is not a percentage"));
    bool ok = false;
    const int percent = QStringView(text).chopped(1).toInt(&ok);
    if (!ok)
        return Status::badRequest(QStringLiteral("invalid value \"%1\": strconv.Atoi: parsing \"%2\": invalid syntax").arg(text, text.chopped(1)));
    const double scaled = double(percent) * double(total) / 100.0;
    return int(rounding == Rounding::Up ? std::ceil(scaled) : std::floor(scaled));
}

} // namespace kube
