#pragma once
// takeHttpReply: one HTTP/1.1 response with a Content-Length body taken off the front of what a
// test read from a raw socket (keep-alive and pipelining tests of the API server speak HTTP by
// hand to control exactly what goes on the wire). Header-only; QtCore.

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

struct HttpReply {
    int status = 0; // 0: no complete answer
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// The first complete response in buffer, removed from it; nullopt while it is incomplete.
inline std::optional<HttpReply> takeHttpReply(QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    const QByteArray head = buffer.left(end);
    const qsizetype at = head.toLower().indexOf("content-length:");
    const qsizetype length = at < 0 ? 0 : head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
    if (buffer.size() < end + 4 + length)
        return std::nullopt;
    HttpReply r;
    r.status = head.split(' ').value(1).toInt();
    r.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    return r;
}
