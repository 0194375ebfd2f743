#include "watchdecoder.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <simdjson.h>

namespace kube {

namespace {

Status decodeError(const QString &why)
{
    return Status(0, QString(), u"cannot decode watch event: "_qs + why);
}

std::optional<WatchEvent::Type> typeFromName(std::string_view name)
{
    if (name == "ADDED")
        return WatchEvent::Type::Added;
    if (name == "MODIFIED")
        return WatchEvent::Type::Modified;
    if (name == "DELETED")
        return WatchEvent::Type::Deleted;
    if (name == "BOOKMARK")
        return WatchEvent::Type::Bookmark;
    if (name == "ERROR")
        return WatchEvent::Type::Error;
    return std::nullopt;
}

} // namespace

Expected<WatchEvent> WatchDecoder::decodeEvent(QByteArrayView line, Object::ManagedFields managedFields)
{
    thread_local simdjson::ondemand::parser parser;
    const simdjson::padded_string padded(line.data(), size_t(line.size()));
    simdjson::ondemand::document doc;
    simdjson::ondemand::object top;
    if (parser.iterate(padded).get(doc) || doc.get_object().get(top))
        return decodeError(u"not a JSON object"_qs);
    std::optional<WatchEvent::Type> type;
    std::string_view objectJson;
    for (auto field : top) {
        std::string_view key;
        if (field.unescaped_key().get(key))
            return decodeError(u"malformed JSON"_qs);
        if (key == "type") {
            std::string_view name;
            if (field.value().get_string().get(name))
                return decodeError(u"type is not a string"_qs);
            type = typeFromName(name);
            if (!type)
                return decodeError(u"unknown type \"%1\""_qs.arg(QString::fromUtf8(name.data(), qsizetype(name.size()))));
        } else if (key == "object") {
            simdjson::ondemand::object object;
            if (field.value().get_object().get(object) || object.raw_json().get(objectJson))
                return decodeError(u"object is not a JSON object"_qs);
        }
    }
    if (!type)
        return decodeError(u"no type"_qs);
    if (objectJson.empty())
        return decodeError(u"no object"_qs);
    const QByteArrayView objectBytes(objectJson.data(), qsizetype(objectJson.size()));
    WatchEvent event;
    event.type = *type;
    if (event.type == WatchEvent::Type::Error) {
        const QJsonDocument status = QJsonDocument::fromJson(objectBytes.toByteArray());
        event.error = Status::fromJson(status.object());
        if (event.error.isSuccess() || event.error.code() == 0)
            event.error = Status(500, QString::fromLatin1(reason::InternalError), event.error.message().isEmpty()
                                     ? u"the watch ended with an error the server did not describe"_qs : event.error.message());
        return event;
    }
    auto object = Object::parse(objectBytes, managedFields);
    if (!object)
        return decodeError(object.error().message());
    event.object = std::move(object).value();
    return event;
}

Status WatchDecoder::feed(QByteArrayView data, QList<WatchEvent> &events)
{
    QList<QByteArray> lines;
    const bool ok = m_lines.feed(data, lines);
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        auto event = decodeEvent(line, m_managedFields);
        if (!event)
            return event.error();
        events.append(std::move(event).value());
    }
    if (!ok)
        return decodeError(u"an event is larger than %1 bytes"_qs.arg(kMaxEventBytes));
    return Status();
}

Status WatchDecoder::finish(QList<WatchEvent> &events)
{
    const QByteArray rest = m_lines.takeRest();
    if (rest.trimmed().isEmpty())
        return Status();
    // A last event without its newline is complete if it decodes.
    auto event = decodeEvent(rest, m_managedFields);
    if (!event)
        return decodeError(u"the stream ended inside an event"_qs);
    events.append(std::move(event).value());
    return Status();
}

} // namespace kube
