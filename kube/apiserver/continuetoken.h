#pragma once
// The continue token of a paginated list: the revision the first page was read at and the key
// to resume after, as opaque base64 JSON (upstream encodes the same two facts). A token from a
// compacted revision makes the next page 410 Expired, as upstream.
// Pure functions; any thread.

#include "kube/api/expected.h"

#include <QByteArray>
#include <QString>

namespace kube {

struct ContinueToken {
    qint64 revision = 0;
    QByteArray startAfterKey;

    QString encode() const;
    static Expected<ContinueToken> decode(const QString &token);
};

} // namespace kube
