#include "apirequest.h"

#include "kube/api/status.h"

namespace kube {

QByteArray ApiRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArray();
}

HttpHeaders ApiResponder::withWarnings(const HttpHeaders &headers) const
{
    HttpHeaders out = headers;
    for (const QString &w : m_warnings) {
        QByteArray text = w.toUtf8();
        text.replace('\\', "\\\\").replace('"', "\\\"");
        text.replace('\r', ' ').replace('\n', ' ');
        out.append({"Warning", "299 - \"" + text + '"'});
    }
    return out;
}

void ApiResponder::respond(int status, const QByteArray &contentType, const QByteArray &body, const HttpHeaders &headers)
{
    Q_ASSERT(!m_responded);
    m_responded = true;
    if (m_deferred) {
        m_answer = Answer{status, contentType, body, withWarnings(headers)};
        return;
    }
    writeHttpResponse(m_socket, status, contentType, body, withWarnings(headers));
}

void ApiResponder::respondJson(int status, const QByteArray &json, const HttpHeaders &headers)
{
    respond(status, "application/json", json, headers);
}

void ApiResponder::respondStatus(const Status &status)
{
    HttpHeaders headers;
    if (status.retryAfterSeconds() > 0)
        headers.append({"Retry-After", QByteArray::number(status.retryAfterSeconds())});
    respondJson(status.code() > 0 ? status.code() : 500, status.toJsonBytes(), headers);
}

ChunkedStream *ApiResponder::startStream(int status, const QByteArray &contentType, const HttpHeaders &headers)
{
    Q_ASSERT(!m_responded);
    Q_ASSERT_X(!m_deferred, "ApiResponder::startStream", "a stream must start on the server's thread");
    if (m_deferred) {
        respondStatus(Status::internalError(u"a streamed response cannot be answered from a worker thread"_qs));
        return new ChunkedStream(nullptr, status, contentType);
    }
    m_responded = true;
    return new ChunkedStream(m_socket, status, contentType, withWarnings(headers));
}

} // namespace kube
