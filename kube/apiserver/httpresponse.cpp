#include "httpresponse.h"

#include <QDateTime>
#include <QLocale>
#include <QTcpSocket>

namespace kube {

QByteArray httpReasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "Request Entity Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Unknown";
    }
}

static QByteArray httpDate()
{
    // RFC 7231 IMF-fixdate, always in English and GMT.
    return QLocale::c().toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_qs).toLatin1();
}

static QByteArray headerBlock(int status, const QByteArray &contentType, const HttpHeaders &extra)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + httpReasonPhrase(status) + "\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    out += "Cache-Control: no-cache, private\r\n";
    out += "Date: " + httpDate() + "\r\n";
    for (const auto &[name, value] : extra)
        out += name + ": " + value + "\r\n";
    return out;
}

namespace {

// Feeds a large body to the socket a piece at a time as the previous pieces drain. Handing Qt's
// (TLS) socket tens of megabytes at once costs repeated buffer moves (measured: ~0.8 s for a
// 44 MB list); a bounded window keeps the cost linear and the socket's buffer small. The window
// also bounds OpenSSL's output buffer, which Qt fills with a whole window before draining it:
// with 1 MiB it was regrown (realloc, copy, clear) on every Table page of 500 pods.
class BodyFeeder : public QObject
{
public:
    static constexpr qsizetype kPiece = 64 * 1024;
    static constexpr qint64 kWindow = 256 * 1024;

    BodyFeeder(QTcpSocket *socket, QByteArray body) : QObject(socket), m_socket(socket), m_body(std::move(body))
    {
        connect(socket, &QTcpSocket::bytesWritten, this, &BodyFeeder::feed);
        connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        feed();
    }

private:
    void feed()
    {
        while (m_offset < m_body.size() && m_socket->bytesToWrite() < kWindow) {
            const qsizetype n = qMin(kPiece, m_body.size() - m_offset);
            m_socket->write(m_body.constData() + m_offset, n);
            m_offset += n;
        }
        if (m_offset >= m_body.size()) {
            disconnect(m_socket, nullptr, this, nullptr);
            deleteLater();
        }
    }
    QTcpSocket *m_socket;
    const QByteArray m_body;
    qsizetype m_offset = 0;
};

} // namespace

void writeHttpResponse(QTcpSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
                       const HttpHeaders &extraHeaders)
{
    if (!socket)
        return;
    QByteArray head = headerBlock(status, contentType, extraHeaders);
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    if (body.size() <= BodyFeeder::kPiece) {
        socket->write(head + body); // one write: the head and a small body share a TLS record
        return;
    }
    socket->write(head);
    new BodyFeeder(socket, body);
}

ChunkedStream::ChunkedStream(QTcpSocket *socket, int status, const QByteArray &contentType, const HttpHeaders &extraHeaders,
                             QObject *parent)
    : QObject(parent), m_socket(socket), m_status(status), m_contentType(contentType), m_extraHeaders(extraHeaders)
{
    if (!socket)
        return;
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        if (!m_finished) {
            m_finished = true;
            Q_EMIT closed();
        }
    });
    connect(socket, &QObject::destroyed, this, [this] {
        if (!m_finished) {
            m_finished = true;
            Q_EMIT closed();
        }
    });
}

ChunkedStream::~ChunkedStream() = default;

bool ChunkedStream::isOpen() const
{
    return m_socket && !m_finished && m_socket->state() == QAbstractSocket::ConnectedState;
}

qint64 ChunkedStream::pendingBytes() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void ChunkedStream::sendHeaders()
{
    if (m_headersSent || !m_socket)
        return;
    m_headersSent = true;
    m_socket->write(headerBlock(m_status, m_contentType, m_extraHeaders) + "Transfer-Encoding: chunked\r\n\r\n");
}

void ChunkedStream::sendHeadersNow()
{
    if (!isOpen())
        return;
    sendHeaders();
    m_socket->flush();
}

void ChunkedStream::writeChunk(const QByteArray &data)
{
    if (!isOpen())
        return;
    sendHeaders();
    if (data.isEmpty())
        return; // an empty chunk would end the body
    m_socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
    m_socket->flush();
}

void ChunkedStream::finish()
{
    if (!isOpen())
        return;
    sendHeaders();
    m_socket->write("0\r\n\r\n");
    m_socket->flush();
    m_finished = true;
    Q_EMIT closed();
}

} // namespace kube
