#include "deleteoptions.h"

#include "apirequest.h"
#include "codec.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kube {

static Expected<DeleteOptions::Propagation> parsePropagation(const QString &text)
{
    if (text.isEmpty())
        return DeleteOptions::Propagation::Default;
    if (text == u"Background")
        return DeleteOptions::Propagation::Background;
    if (text == u"Foreground")
        return DeleteOptions::Propagation::Foreground;
    if (text == u"Orphan")
        return DeleteOptions::Propagation::Orphan;
    return Status::invalid(QString(), u"DeleteOptions"_qs, QString(),
                           {{u"FieldValueNotSupported"_qs,
                             u"Unsupported value: \"%1\": supported values: \"Foreground\", \"Background\", \"Orphan\""_qs.arg(text),
                             u"propagationPolicy"_qs}});
}

Expected<DeleteOptions> DeleteOptions::fromRequest(const ApiRequest &request, const TypeRegistry &registry)
{
    DeleteOptions options;
    QJsonObject body;
    if (!request.body.trimmed().isEmpty()) {
        auto decoded = decodeObjectBody(request.header("Content-Type"), request.body, registry);
        if (!decoded.ok())
            return decoded.error();
        body = decoded->toJson();
    }
    QString propagation = body.value(u"propagationPolicy").toString();
    if (request.hasParam(u"propagationPolicy"_qs))
        propagation = request.param(u"propagationPolicy"_qs);
    auto parsed = parsePropagation(propagation);
    if (!parsed.ok())
        return parsed.error();
    options.propagation = *parsed;
    if (body.value(u"orphanDependents").toBool() && options.propagation == Propagation::Default)
        options.propagation = Propagation::Orphan;

    if (body.contains(u"gracePeriodSeconds"))
        options.gracePeriodSeconds = body.value(u"gracePeriodSeconds").toInteger();
    if (request.hasParam(u"gracePeriodSeconds"_qs)) {
        bool ok = false;
        options.gracePeriodSeconds = request.param(u"gracePeriodSeconds"_qs).toLongLong(&ok);
        if (!ok)
            return Status::badRequest(u"invalid gracePeriodSeconds"_qs);
    }
    const QJsonObject preconditions = body.value(u"preconditions").toObject();
    options.preconditionUid = preconditions.value(u"uid").toString();
    options.preconditionResourceVersion = preconditions.value(u"resourceVersion").toString();
    options.dryRun = body.value(u"dryRun").toArray().contains(u"All"_qs)
                     || request.query.allQueryItemValues(u"dryRun"_qs).contains(u"All"_qs);
    return options;
}

} // namespace kube
