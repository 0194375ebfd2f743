#pragma once
// LineBuffer: reassembles newline-terminated lines from stream pieces that split them
// anywhere (watch events, log lines). Memory is bounded by maxLineBytes: a longer line either
// fails the stream (watch: an event cannot be cut) or is passed on in pieces (logs).
//
// Not thread-safe; owned by one stream. Cost: linear in the bytes fed; a partial line is kept.

#include <QByteArray>
#include <QList>

namespace kube {

class LineBuffer
{
public:
    enum class Overflow { Fail, Split };

    explicit LineBuffer(qsizetype maxLineBytes, Overflow overflow = Overflow::Fail)
        : m_max(maxLineBytes), m_overflow(overflow) {}

    // Appends the complete lines in data (without "\n" or "\r\n") to lines. False when a line
    // overflowed with Overflow::Fail; the buffer is then unusable.
    bool feed(QByteArrayView data, QList<QByteArray> &lines);
    // The unterminated rest, at end of stream.
    QByteArray takeRest();
    qsizetype pendingBytes() const { return m_partial.size(); }

private:
    qsizetype m_max;
    Overflow m_overflow;
    QByteArray m_partial;
    bool m_failed = false;
};

} // namespace kube
