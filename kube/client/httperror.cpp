#include "httperror.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace kube {

namespace {

// client-go's messages for bodies that are not a Status (apimachinery errors.NewGenericServerResponse).
QString messageForHttpCode(int code)
{
    switch (code) {
    case 400: return u"the server rejected our request for an unknown reason"_qs;
    case 401: return u"the server has asked for the client to provide credentials"_qs;
    case 403: return u"the server does not allow access to the requested resource"_qs;
    case 404: return u"the server could not find the requested resource"_qs;
    case 405: return u"the server does not allow this method on the requested resource"_qs;
    case 406: return u"the server was unable to respond with a content type that the client supports"_qs;
    case 409: return u"the server reported a conflict"_qs;
    case 410: return u"the server reported that the requested resource is gone"_qs;
    case 413: return u"the server has rejected the request because the request entity is too large"_qs;
    case 415: return u"the server was unable to process the request body's media type"_qs;
    case 422: return u"the server rejected our request due to an error in our request"_qs;
    case 429: return u"the server has received too many requests and has asked us to try again later"_qs;
    case 503: return u"the server is currently unable to handle the request"_qs;
    case 504: return u"the server was unable to return a response in the time allotted, but may still be processing the request"_qs;
    default: break;
    }
    if (code >= 500)
        return u"an error on the server has prevented the request from succeeding"_qs;
    return u"the server responded with the status code %1 but did not return more information"_qs.arg(code);
}

// A short, printable excerpt of a body for the message (bodies may be HTML error pages).
QString excerpt(const QByteArray &body)
{
    constexpr qsizetype kMax = 200;
    QString text = QString::fromUtf8(body.left(kMax)).simplified();
    if (body.size() > kMax)
        text += u"…"_qs;
    return text;
}

} // namespace

QString reasonForHttpCode(int code)
{
    switch (code) {
    case 400: return QString::fromLatin1(reason::BadRequest);
    case 401: return QString::fromLatin1(reason::Unauthorized);
    case 403: return QString::fromLatin1(reason::Forbidden);
    case 404: return QString::fromLatin1(reason::NotFound);
    case 405: return QString::fromLatin1(reason::MethodNotAllowed);
    case 406: return QString::fromLatin1(reason::NotAcceptable);
    case 409: return QString::fromLatin1(reason::Conflict);
    case 410: return QString::fromLatin1(reason::Gone);
    case 413: return QString::fromLatin1(reason::RequestEntityTooLarge);
    case 415: return QString::fromLatin1(reason::UnsupportedMediaType);
    case 422: return QString::fromLatin1(reason::Invalid);
    case 429: return QString::fromLatin1(reason::TooManyRequests);
    case 500: return QString::fromLatin1(reason::InternalError);
    case 503: return QString::fromLatin1(reason::ServiceUnavailable);
    case 504: return QString::fromLatin1(reason::Timeout);
    default: break;
    }
    if (code >= 500)
        return QString::fromLatin1(reason::InternalError);
    return QString();
}

int retryAfterSeconds(const HttpResponse &response)
{
    const QByteArray value = response.header("Retry-After").trimmed();
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = value.toInt(&ok);
    return ok && seconds >= 0 ? seconds : -1;
}

Status statusFromResponse(const HttpResponse &response)
{
    const int code = response.statusCode;
    Status status;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body);
    if (doc.isObject())
        status = Status::fromJson(doc.object());
    if (status.code() == 0 && !status.message().isEmpty())
        status = Status(code, status.reason(), status.message()); // a Status without a code
    if (status.isSuccess() || status.code() == 0) {
        QString message = messageForHttpCode(code);
        if (code >= 500 && !response.body.isEmpty())
            message += u" (%1)"_qs.arg(excerpt(response.body));
        status = Status(code, reasonForHttpCode(code), message);
    }
    if (const int after = retryAfterSeconds(response); after >= 0 && status.retryAfterSeconds() == 0)
        status.setRetryAfterSeconds(after);
    return status;
}

Status transportError(const QString &message, const QString &reason)
{
    return Status(0, reason, message);
}

Status redacted(const Status &status, const QList<QByteArray> &secrets)
{
    auto scrub = [&](QString text) {
        for (const QByteArray &secret : secrets) {
            if (secret.size() >= 4) // shorter "secrets" would mangle ordinary words
                text.replace(QString::fromUtf8(secret), u"<redacted>"_qs);
        }
        return text;
    };
    Status out(status.code(), status.reason(), scrub(status.message()));
    out.setDetails(status.detailsGroup(), status.detailsKind(), scrub(status.detailsName()));
    for (const StatusCause &cause : status.causes())
        out.addCause({cause.reason, scrub(cause.message), cause.field});
    out.setRetryAfterSeconds(status.retryAfterSeconds());
    return out;
}

} // namespace kube
