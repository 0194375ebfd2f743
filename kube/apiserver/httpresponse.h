#pragma once
// Writing HTTP/1.1 responses straight to the socket: whole responses with Content-Length, and
// chunked streams (watch, logs follow) that outlive the request handler. Qt 6.4's
// QHttpServerResponder cannot be kept past its handler (it crashes on a later write), so
// streams hold the socket themselves, through a QPointer that notices when it goes away.
//
// Thread affinity: the socket's thread (the API server's). Cost: one write per call; chunks
// are written as they come (the kernel buffers; a slow reader shows as bytesToWrite()).

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QTcpSocket>

class QTcpSocket;

namespace kube {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// Writes one complete response. Adds Content-Length, Date and Cache-Control.
void writeHttpResponse(QTcpSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
                       const HttpHeaders &extraHeaders = {});

// The standard reason phrase for a status code ("Not Found").
QByteArray httpReasonPhrase(int status);

// A chunked response body written over time. The status line and headers go out with the first
// chunk — so a producer that fails before any byte (the pod log proxy) can still answer with a
// plain error response instead — or at once with sendHeadersNow() (watches: clients wait for the
// headers, and a watch may have nothing to say for minutes). finish() sends the terminating
// chunk; the socket then stays open for keep-alive.
class ChunkedStream : public QObject
{
    Q_OBJECT
public:
    ChunkedStream(QTcpSocket *socket, int status, const QByteArray &contentType, const HttpHeaders &extraHeaders = {},
                  QObject *parent = nullptr);
    ~ChunkedStream() override;

    bool isOpen() const;
    // Bytes queued in the socket and not yet sent: lets producers drop a reader that is too slow.
    qint64 pendingBytes() const;
    void sendHeadersNow();
    void writeChunk(const QByteArray &data);
    void finish();
    QTcpSocket *socket() const { return m_socket; }

Q_SIGNALS:
    // The peer went away (or finish() ran): producers stop.
    void closed();

private:
    void sendHeaders();
    QPointer<QTcpSocket> m_socket;
    int m_status;
    QByteArray m_contentType;
    HttpHeaders m_extraHeaders;
    bool m_headersSent = false;
    bool m_finished = false;
};

} // namespace kube
