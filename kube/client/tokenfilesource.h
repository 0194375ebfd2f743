#pragma once
// TokenFileSource: a kubeconfig user's `tokenFile` as a CredentialSource. Like client-go's
// cached token file source it re-reads the file at most once a minute (tokens such as
// projected service-account tokens are rotated in place), or at once on credential(true).
// Surrounding whitespace is trimmed; an empty file is an error. When a re-read fails but an
// earlier read succeeded, the earlier token is kept (as client-go does).
//
// Thread safety: any thread (one mutex). Cost: one small file read per minute.

#include "kube/api/clock.h"
#include "kube/client/restconfig.h"

#include <QMutex>

#include <optional>

namespace kube {

class TokenFileSource final : public CredentialSource
{
public:
    static constexpr int RereadIntervalSeconds = 60;

    explicit TokenFileSource(QString path, const Clock *clock = &Clock::system());

    Expected<Credential> credential(bool forceRefresh) override;
    QString describe() const override;
    QString path() const { return m_path; }

private:
    QString m_path;
    const Clock *m_clock;
    QMutex m_mutex;
    std::optional<Credential> m_cached;
    QDateTime m_readAt;
};

} // namespace kube
