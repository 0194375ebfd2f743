#include "listdecoder.h"

#include <simdjson.h>

namespace kube {

namespace {

QString toQString(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

Status decodeError(simdjson::error_code error)
{
    return Status::badRequest(u"cannot decode the list: "_qs + QString::fromLatin1(simdjson::error_message(error)));
}

Expected<ListPage> decode(simdjson::padded_string_view padded, Object::ManagedFields managedFields)
{
    // A parser per thread: lists are decoded often and the parser keeps its buffers.
    thread_local simdjson::ondemand::parser parser;
    simdjson::ondemand::document doc;
    if (auto error = parser.iterate(padded).get(doc))
        return decodeError(error);
    simdjson::ondemand::object top;
    if (auto error = doc.get_object().get(top))
        return decodeError(error);

    ListPage page;
    for (auto field : top) {
        std::string_view key;
        if (auto error = field.unescaped_key().get(key))
            return decodeError(error);
        if (key == "metadata") {
            simdjson::ondemand::object metadata;
            if (auto error = field.value().get_object().get(metadata))
                return decodeError(error);
            for (auto m : metadata) {
                std::string_view mkey;
                if (auto error = m.unescaped_key().get(mkey))
                    return decodeError(error);
                std::string_view text;
                int64_t number = 0;
                if (mkey == "resourceVersion" && m.value().get_string().get(text) == simdjson::SUCCESS)
                    page.resourceVersion = toQString(text);
                else if (mkey == "continue" && m.value().get_string().get(text) == simdjson::SUCCESS)
                    page.continueToken = toQString(text);
                else if (mkey == "remainingItemCount" && m.value().get_int64().get(number) == simdjson::SUCCESS)
                    page.remainingItemCount = number;
            }
            continue;
        }
        if (key != "items")
            continue;
        simdjson::ondemand::value value = field.value();
        simdjson::ondemand::json_type type;
        if (auto error = value.type().get(type))
            return decodeError(error);
        if (type == simdjson::ondemand::json_type::null)
            continue; // "items": null in an empty list from some servers
        simdjson::ondemand::array items;
        if (auto error = value.get_array().get(items))
            return decodeError(error);
        for (auto item : items) {
            simdjson::ondemand::object object;
            if (auto error = item.get_object().get(object))
                return decodeError(error);
            std::string_view raw;
            if (auto error = object.raw_json().get(raw))
                return decodeError(error);
            auto parsed = Object::parse(QByteArrayView(raw.data(), qsizetype(raw.size())), managedFields);
            if (!parsed)
                return parsed.error();
            page.items.append(std::move(parsed).value());
        }
    }
    return page;
}

} // namespace

Expected<ListPage> decodeListPage(QByteArrayView body, Object::ManagedFields managedFields)
{
    const simdjson::padded_string padded(body.data(), size_t(body.size()));
    return decode(padded, managedFields);
}

Expected<ListPage> decodeListPage(const QByteArray &body, Object::ManagedFields managedFields)
{
    // simdjson reads up to SIMDJSON_PADDING bytes past the end: a body with that much spare
    // capacity (the usual case for a body grown by appends) is parsed where it is.
    if (body.capacity() - body.size() >= qsizetype(simdjson::SIMDJSON_PADDING))
        return decode(simdjson::padded_string_view(body.constData(), size_t(body.size()), size_t(body.capacity())), managedFields);
    return decodeListPage(QByteArrayView(body), managedFields);
}

} // namespace kube
