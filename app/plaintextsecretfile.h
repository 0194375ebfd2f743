#pragma once
// PlainTextSecretFile: the opt-in fallback for a machine without a system keychain — secrets in
// plain text in one JSON file ({"<account>": "<secret>", …}) that only the user can read. Used
// only after the user ticked "Store in a file readable only by me (plain text)"; nothing else
// writes it.
//
// Every write replaces the file atomically: a temporary file created with O_EXCL and mode 0600
// (fchmod'ed again, so a permissive umask cannot widen it), written, fsync'ed, renamed over the
// old one — the secret is never in a file anyone else can read, not even briefly. The directory
// is created 0700 when missing.
//
// Thread affinity: none (no shared state; the file is re-read on every call). Cost: one small
// file read per call, one atomic write per change — fine on the GUI thread.

#include "kube/api/status.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace timonel {

class PlainTextSecretFile
{
public:
    // path: the file; empty: "<AppConfigLocation>/tokens.json".
    explicit PlainTextSecretFile(QString path = {});

    QString path() const { return m_path; }
    bool exists() const;

    std::optional<QByteArray> read(const QString &account) const;
    kube::Status write(const QString &account, const QByteArray &secret);
    // Removes the entry; the file itself when it was the last one. Success when absent.
    kube::Status remove(const QString &account);

private:
    kube::Status save(const QByteArray &bytes) const;

    QString m_path;
};

} // namespace timonel
