#include "httpresponseparser.h"

namespace kube {

namespace {

QByteArrayView trimmed(QByteArrayView v)
{
    return v.trimmed();
}

bool containsToken(QByteArrayView list, QByteArrayView token)
{
    for (QByteArrayView item : QByteArray(list.toByteArray()).split(',')) {
        if (trimmed(item).compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

Status HttpResponseParser::fail(const QString &message)
{
    m_state = State::Failed;
    m_buffer.clear();
    return Status(0, QString(), message);
}

Status HttpResponseParser::feed(QByteArrayView data)
{
    m_bytesReceived += data.size();
    while (!data.isEmpty()) {
        switch (m_state) {
        case State::Failed:
            return Status(0, QString(), u"malformed HTTP response"_qs);
        case State::Complete:
            m_trailingBytes = true;
            return Status();
        case State::Head: {
            // Append a bounded slice, then look for the blank line; what follows belongs to the body.
            const qsizetype before = m_buffer.size();
            const qsizetype take = std::min<qsizetype>(data.size(), kMaxHeadBytes + 4 - before);
            m_buffer.append(data.first(take));
            const qsizetype end = m_buffer.indexOf("\r\n\r\n", std::max<qsizetype>(0, before - 3));
            if (end < 0) {
                if (m_buffer.size() > kMaxHeadBytes)
                    return fail(u"HTTP response head larger than %1 bytes"_qs.arg(kMaxHeadBytes));
                data = data.sliced(take);
                continue;
            }
            const qsizetype used = end + 4 - before;
            data = data.sliced(used);
            const QByteArray head = m_buffer.left(end);
            m_buffer.clear();
            if (Status s = parseHead(head); !s.isSuccess())
                return s;
            continue;
        }
        case State::Body:
            if (m_framing == Framing::Chunked) {
                if (Status s = feedChunked(data); !s.isSuccess())
                    return s;
                continue;
            }
            if (m_framing == Framing::UntilClose) {
                if (onBody)
                    onBody(data);
                return Status();
            }
            {
                const qsizetype take = qsizetype(std::min<qint64>(m_remaining, data.size()));
                m_remaining -= take;
                const QByteArrayView piece = data.first(take);
                data = data.sliced(take);
                if (m_remaining == 0)
                    m_state = State::Complete;
                if (onBody && !piece.isEmpty())
                    onBody(piece);
            }
            continue;
        }
    }
    return Status();
}

Status HttpResponseParser::parseHead(QByteArrayView head)
{
    const QList<QByteArray> lines = head.toByteArray().split('\n');
    HttpResponse response;
    const QByteArray statusLine = lines.value(0).trimmed();
    // "HTTP/1.1 200 OK"
    if (!statusLine.startsWith("HTTP/1."))
        return fail(u"the server did not answer with HTTP/1.x"_qs);
    const qsizetype sp1 = statusLine.indexOf(' ');
    const qsizetype sp2 = statusLine.indexOf(' ', sp1 + 1);
    bool ok = false;
    response.statusCode = statusLine.mid(sp1 + 1, sp2 < 0 ? -1 : sp2 - sp1 - 1).toInt(&ok);
    if (sp1 < 0 || !ok || response.statusCode < 100 || response.statusCode > 999)
        return fail(u"malformed HTTP status line"_qs);
    response.reasonPhrase = sp2 < 0 ? QByteArray() : statusLine.mid(sp2 + 1);
    const bool http10 = statusLine.startsWith("HTTP/1.0");
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(u"malformed HTTP header line"_qs);
        response.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }

    // 1xx: an interim response; the real one follows on the same connection.
    if (response.statusCode < 200 && response.statusCode != 101) {
        m_state = State::Head;
        return Status();
    }

    const QByteArray connection = response.header("Connection");
    m_keepAlive = http10 ? containsToken(connection, "keep-alive") : !containsToken(connection, "close");

    const QByteArray transferEncoding = response.header("Transfer-Encoding");
    const QByteArray contentLength = response.header("Content-Length");
    if (m_method == RequestMethod::Head || response.statusCode == 204 || response.statusCode == 304) {
        m_framing = Framing::None;
    } else if (!transferEncoding.isEmpty()) {
        if (!containsToken(transferEncoding, "chunked"))
            return fail(u"unsupported Transfer-Encoding"_qs);
        m_framing = Framing::Chunked;
        m_chunkState = ChunkState::Size;
    } else if (!contentLength.isEmpty()) {
        m_remaining = contentLength.toLongLong(&ok);
        if (!ok || m_remaining < 0)
            return fail(u"malformed Content-Length"_qs);
        m_framing = m_remaining == 0 ? Framing::None : Framing::Length;
    } else {
        m_framing = Framing::UntilClose;
    }
    m_state = m_framing == Framing::None ? State::Complete : State::Body;
    if (onHead)
        onHead(response);
    return Status();
}

bool HttpResponseParser::takeLine(QByteArrayView &data, QByteArray &line, bool &tooLong)
{
    const qsizetype nl = data.indexOf('\n');
    const QByteArrayView part = nl < 0 ? data : data.first(nl + 1);
    m_buffer.append(part);
    data = data.sliced(part.size());
    tooLong = m_buffer.size() > kMaxLineBytes;
    if (nl < 0 || tooLong)
        return false;
    line = m_buffer.trimmed();
    m_buffer.clear();
    return true;
}

Status HttpResponseParser::feedChunked(QByteArrayView &data)
{
    while (!data.isEmpty() && m_state == State::Body) {
        QByteArray line;
        bool tooLong = false;
        switch (m_chunkState) {
        case ChunkState::Size: {
            if (!takeLine(data, line, tooLong))
                return tooLong ? fail(u"chunk-size line too long"_qs) : Status();
            const qsizetype semicolon = line.indexOf(';'); // chunk extensions are ignored
            bool ok = false;
            m_remaining = (semicolon < 0 ? line : line.left(semicolon)).trimmed().toLongLong(&ok, 16);
            if (!ok || m_remaining < 0)
                return fail(u"malformed chunk size"_qs);
            m_chunkState = m_remaining == 0 ? ChunkState::Trailer : ChunkState::Data;
            break;
        }
        case ChunkState::Data: {
            const qsizetype take = qsizetype(std::min<qint64>(m_remaining, data.size()));
            const QByteArrayView piece = data.first(take);
            data = data.sliced(take);
            m_remaining -= take;
            if (m_remaining == 0)
                m_chunkState = ChunkState::DataEnd;
            if (onBody)
                onBody(piece);
            break;
        }
        case ChunkState::DataEnd:
            if (!takeLine(data, line, tooLong))
                return tooLong ? fail(u"malformed chunk end"_qs) : Status();
            if (!line.isEmpty())
                return fail(u"malformed chunk end"_qs);
            m_chunkState = ChunkState::Size;
            break;
        case ChunkState::Trailer:
            if (!takeLine(data, line, tooLong))
                return tooLong ? fail(u"trailer line too long"_qs) : Status();
            if (line.isEmpty())
                m_state = State::Complete;
            break;
        }
    }
    return Status();
}

Status HttpResponseParser::finishOnClose()
{
    if (m_state == State::Complete || m_state == State::Failed)
        return Status();
    if (m_state == State::Body && m_framing == Framing::UntilClose) {
        m_state = State::Complete;
        return Status();
    }
    m_state = State::Failed;
    return Status(0, QString(), m_bytesReceived == 0 ? u"the server closed the connection without answering"_qs
                                                     : u"the server closed the connection before the response was complete"_qs);
}

} // namespace kube
