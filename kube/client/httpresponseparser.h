#pragma once
// HttpResponseParser: an incremental HTTP/1.1 response parser. Bytes go in as they arrive from
// the socket, in pieces of any size; the head comes out once, then the body in pieces, decoded
// from Content-Length, chunked transfer coding, or read-until-close framing. Informational
// (1xx) responses are skipped. Memory is bounded: the head may take kMaxHeadBytes, a chunk-size
// or trailer line kMaxLineBytes; body bytes are passed on, never kept.
//
// Not thread-safe; one parser per response, owned by the connection reading it. Cost: linear
// in the bytes fed, one copy of the head.

#include "httpmessage.h"

#include "kube/api/status.h"

#include <functional>

namespace kube {

class HttpResponseParser
{
public:
    static constexpr qsizetype kMaxHeadBytes = 64 * 1024;
    static constexpr qsizetype kMaxLineBytes = 8 * 1024;

    enum class State { Head, Body, Complete, Failed };
    enum class RequestMethod { Other, Head }; // a response to HEAD has no body whatever it says

    explicit HttpResponseParser(RequestMethod method = RequestMethod::Other) : m_method(method) {}

    // Called once when the head is complete (body empty), then for each piece of body.
    std::function<void(const HttpResponse &head)> onHead;
    std::function<void(QByteArrayView body)> onBody;

    // Consumes data; the callbacks run from inside. Returns an error Status (code 0) when the
    // bytes are not HTTP/1.1; the parser is then Failed and ignores more input.
    Status feed(QByteArrayView data);
    // The connection closed: completes a read-until-close body, otherwise it is an error.
    Status finishOnClose();

    State state() const { return m_state; }
    bool isComplete() const { return m_state == State::Complete; }
    // Whether the connection may carry another request after this response.
    bool keepAlive() const { return m_keepAlive && m_framing != Framing::UntilClose && !m_trailingBytes; }
    // Bytes received so far (head and body, as framed): a connection that saw none may be retried.
    qint64 bytesReceived() const { return m_bytesReceived; }

private:
    enum class Framing { None, Length, Chunked, UntilClose };
    enum class ChunkState { Size, Data, DataEnd, Trailer };

    Status fail(const QString &message);
    Status parseHead(QByteArrayView head);
    Status feedChunked(QByteArrayView &data);
    bool takeLine(QByteArrayView &data, QByteArray &line, bool &tooLong);

    RequestMethod m_method;
    State m_state = State::Head;
    Framing m_framing = Framing::None;
    ChunkState m_chunkState = ChunkState::Size;
    QByteArray m_buffer;      // the head so far, or a partial chunk-size/trailer line
    qint64 m_remaining = 0;   // body bytes left (Length) or chunk bytes left (Chunked)
    qint64 m_bytesReceived = 0;
    bool m_keepAlive = true;
    bool m_trailingBytes = false; // bytes after the end of the response: do not reuse
};

} // namespace kube
