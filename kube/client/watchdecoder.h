#pragma once
// WatchDecoder: turns a watch response body — newline-delimited JSON events
// ({"type":"ADDED","object":{…}}) split across chunks anywhere — into WatchEvents. ERROR events
// carry a Status (410 Expired when the requested revision was compacted) and become
// WatchEvent::Type::Error. One event may be at most kMaxEventBytes.
//
// Not thread-safe; owned by one watch. Cost: one simdjson pass per event plus Object::parse.

#include "linebuffer.h"
#include "listwatch.h"

namespace kube {

class WatchDecoder
{
public:
    static constexpr qsizetype kMaxEventBytes = 16 * 1024 * 1024;

    explicit WatchDecoder(Object::ManagedFields managedFields = Object::ManagedFields::Keep) : m_managedFields(managedFields) {}

    // Appends the events completed by data; an error Status stops the stream (the decoder is
    // then unusable).
    Status feed(QByteArrayView data, QList<WatchEvent> &events);
    // At end of stream: appends a last event that lacked its newline; an error when a partial
    // event was left.
    Status finish(QList<WatchEvent> &events);

    static Expected<WatchEvent> decodeEvent(QByteArrayView line, Object::ManagedFields managedFields = Object::ManagedFields::Keep);

private:
    Object::ManagedFields m_managedFields;
    LineBuffer m_lines{kMaxEventBytes, LineBuffer::Overflow::Fail};
};

} // namespace kube
