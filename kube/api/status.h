#pragma once
// Kubernetes errors as values: the meta/v1 Status object an API server returns, with the
// upstream reasons (NotFound, AlreadyExists, Conflict, Invalid, Expired…) and one cause per
// bad field. Plain value type; usable from any thread.

#include <QList>
#include <QString>

class QJsonObject;

namespace kube {

struct StatusCause {
    QString reason;  // "FieldValueInvalid", "FieldValueRequired", … (JSON key "reason")
    QString message;
    QString field;   // "spec.replicas", "metadata.name"
    friend bool operator==(const StatusCause &, const StatusCause &) = default;
};

// The upstream StatusReason values (k8s.io/apimachinery/pkg/apis/meta/v1 types.go).
namespace reason {
inline constexpr auto Unauthorized = "Unauthorized";
inline constexpr auto Forbidden = "Forbidden";
inline constexpr auto NotFound = "NotFound";
inline constexpr auto AlreadyExists = "AlreadyExists";
inline constexpr auto Conflict = "Conflict";
inline constexpr auto Gone = "Gone";
inline constexpr auto Invalid = "Invalid";
inline constexpr auto ServerTimeout = "ServerTimeout";
inline constexpr auto Timeout = "Timeout";
inline constexpr auto TooManyRequests = "TooManyRequests";
inline constexpr auto BadRequest = "BadRequest";
inline constexpr auto MethodNotAllowed = "MethodNotAllowed";
inline constexpr auto NotAcceptable = "NotAcceptable";
inline constexpr auto RequestEntityTooLarge = "RequestEntityTooLarge";
inline constexpr auto UnsupportedMediaType = "UnsupportedMediaType";
inline constexpr auto InternalError = "InternalError";
inline constexpr auto Expired = "Expired";
inline constexpr auto ServiceUnavailable = "ServiceUnavailable";
} // namespace reason

class Status
{
public:
    Status() = default; // success
    Status(int code, QString reason, QString message) : m_code(code), m_reason(std::move(reason)), m_message(std::move(message)) {}

    bool isSuccess() const { return m_code >= 200 && m_code < 300; }
    int code() const { return m_code; }
    const QString &reason() const { return m_reason; }
    const QString &message() const { return m_message; }
    const QList<StatusCause> &causes() const { return m_causes; }
    // details.{name, group, kind}: the object the error is about.
    const QString &detailsName() const { return m_name; }
    const QString &detailsGroup() const { return m_group; }
    const QString &detailsKind() const { return m_kind; }
    int retryAfterSeconds() const { return m_retryAfterSeconds; }

    Status &setDetails(QString group, QString kind, QString name);
    Status &addCause(StatusCause cause) { m_causes.append(std::move(cause)); return *this; }
    Status &setRetryAfterSeconds(int s) { m_retryAfterSeconds = s; return *this; }

    bool is(const char *reason) const { return m_reason == QLatin1StringView(reason); }

    QJsonObject toJson() const;
    QByteArray toJsonBytes() const;
    // Reads a Status a server sent; anything that is not a Status gives a Status with code 0.
    static Status fromJson(const QJsonObject &o);

    // Constructors for the common errors, with upstream's message wording.
    static Status notFound(const QString &groupResource, const QString &name);
    static Status alreadyExists(const QString &groupResource, const QString &name);
    static Status conflict(const QString &groupResource, const QString &name, const QString &why);
    // 422: `kind "name" is invalid: field: message, …` with one cause per field.
    static Status invalid(const QString &group, const QString &kind, const QString &name, const QList<StatusCause> &causes);
    static Status badRequest(const QString &message);
    static Status expired(const QString &message); // 410
    static Status internalError(const QString &message);

private:
    int m_code = 200;
    QString m_reason;
    QString m_message;
    QString m_name, m_group, m_kind;
    QList<StatusCause> m_causes;
    int m_retryAfterSeconds = 0;
};

} // namespace kube
