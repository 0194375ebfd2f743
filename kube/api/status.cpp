#include "status.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kube {

Status &Status::setDetails(QString group, QString kind, QString name)
{
    m_group = std::move(group);
    m_kind = std::move(kind);
    m_name = std::move(name);
    return *this;
}

QJsonObject Status::toJson() const
{
    QJsonObject o{{u"kind"_qs, u"Status"_qs}, {u"apiVersion"_qs, u"v1"_qs}, {u"metadata"_qs, QJsonObject()}};
    o[u"status"_qs] = isSuccess() ? u"Success"_qs : u"Failure"_qs;
    if (!m_message.isEmpty())
        o[u"message"_qs] = m_message;
    if (!m_reason.isEmpty())
        o[u"reason"_qs] = m_reason;
    QJsonObject details;
    if (!m_name.isEmpty())
        details[u"name"_qs] = m_name;
    if (!m_group.isEmpty())
        details[u"group"_qs] = m_group;
    if (!m_kind.isEmpty())
        details[u"kind"_qs] = m_kind;
    if (!m_causes.isEmpty()) {
        QJsonArray causes;
        for (const StatusCause &c : m_causes) {
            QJsonObject jc;
            if (!c.reason.isEmpty())
                jc[u"reason"_qs] = c.reason;
            if (!c.message.isEmpty())
                jc[u"message"_qs] = c.message;
            if (!c.field.isEmpty())
                jc[u"field"_qs] = c.field;
            causes.append(jc);
        }
        details[u"causes"_qs] = causes;
    }
    if (m_retryAfterSeconds > 0)
        details[u"retryAfterSeconds"_qs] = m_retryAfterSeconds;
    if (!details.isEmpty())
        o[u"details"_qs] = details;
    o[u"code"_qs] = m_code;
    return o;
}

QByteArray Status::toJsonBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

Status Status::fromJson(const QJsonObject &o)
{
    Status s;
    if (o.value(u"kind").toString() != u"Status") {
        s.m_code = 0;
        return s;
    }
    s.m_code = o.value(u"code").toInt();
    s.m_reason = o.value(u"reason").toString();
    s.m_message = o.value(u"message").toString();
    const QJsonObject d = o.value(u"details").toObject();
    s.m_name = d.value(u"name").toString();
    s.m_group = d.value(u"group").toString();
    s.m_kind = d.value(u"kind").toString();
    s.m_retryAfterSeconds = d.value(u"retryAfterSeconds").toInt();
    for (const QJsonValue &v : d.value(u"causes").toArray()) {
        const QJsonObject c = v.toObject();
        s.m_causes.append({c.value(u"reason").toString(), c.value(u"message").toString(), c.value(u"field").toString()});
    }
    return s;
}

static QPair<QString, QString> splitGroupResource(const QString &gr)
{
    const qsizetype dot = gr.indexOf(u'.');
    if (dot < 0)
        return {QString(), gr};
    return {gr.mid(dot + 1), gr.left(dot)};
}

Status Status::notFound(const QString &groupResource, const QString &name)
{
    const auto [group, resource] = splitGroupResource(groupResource);
    Status s(404, QString::fromLatin1(reason::NotFound), u"%1 \"%2\" not found"_qs.arg(groupResource, name));
    s.setDetails(group, resource, name);
    return s;
}

Status Status::alreadyExists(const QString &groupResource, const QString &name)
{
    const auto [group, resource] = splitGroupResource(groupResource);
    Status s(409, QString::fromLatin1(reason::AlreadyExists), u"%1 \"%2\" already exists"_qs.arg(groupResource, name));
    s.setDetails(group, resource, name);
    return s;
}

Status Status::conflict(const QString &groupResource, const QString &name, const QString &why)
{
    const auto [group, resource] = splitGroupResource(groupResource);
    Status s(409, QString::fromLatin1(reason::Conflict),
             u"Operation cannot be fulfilled on %1 \"%2\": %3"_qs.arg(groupResource, name, why));
    s.setDetails(group, resource, name);
    return s;
}

Status Status::invalid(const QString &group, const QString &kind, const QString &name, const QList<StatusCause> &causes)
{
    QStringList parts;
    for (const StatusCause &c : causes)
        parts.append(c.field.isEmpty() ? c.message : c.field + u": "_qs + c.message);
    const QString qualified = group.isEmpty() ? kind : kind + u'.' + group;
    QString message = u"%1 \"%2\" is invalid"_qs.arg(qualified, name);
    if (!parts.isEmpty())
        message += u": "_qs + (parts.size() == 1 ? parts.first() : u'[' + parts.join(u", "_qs) + u']');
    Status s(422, QString::fromLatin1(reason::Invalid), message);
    s.setDetails(group, kind, name);
    s.m_causes = causes;
    return s;
}

Status Status::badRequest(const QString &message)
{
    return Status(400, QString::fromLatin1(reason::BadRequest), message);
}

Status Status::expired(const QString &message)
{
    return Status(410, QString::fromLatin1(reason::Expired), message);
}

Status Status::internalError(const QString &message)
{
    return Status(500, QString::fromLatin1(reason::InternalError), u"Internal error occurred: "_qs + message);
}

} // namespace kube
