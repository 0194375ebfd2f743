#include "schemareader.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace kube {

using simdjson::dom::element;
using simdjson::dom::object;

QString SchemaReader::qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QJsonValue SchemaReader::toJsonValue(element e)
{
    // Wrapped in an array because QJsonDocument parses only objects and arrays.
    const std::string text = "[" + simdjson::minify(e) + "]";
    return QJsonDocument::fromJson(QByteArray::fromStdString(text)).array().at(0);
}

void SchemaReader::error(const QString &entry, const QString &problem)
{
    m_errors << m_file + u": "_qs + entry + u": "_qs + problem;
}

bool SchemaReader::checkObject(element e, const QString &entry, object &out)
{
    if (e.get_object().get(out) == simdjson::SUCCESS)
        return true;
    error(entry, u"expected a JSON object"_qs);
    return false;
}

void SchemaReader::checkKeys(object o, std::initializer_list<std::string_view> allowed, const QString &entry)
{
    for (auto field : o) {
        if (std::find(allowed.begin(), allowed.end(), field.key) == allowed.end())
            error(entry, u"unknown key \"%1\""_qs.arg(qs(field.key)));
    }
}

std::optional<QString> SchemaReader::string(object o, std::string_view key, const QString &entry, bool required)
{
    element e;
    if (o.at_key(key).get(e) != simdjson::SUCCESS) {
        if (required)
            error(entry, u"missing required key \"%1\""_qs.arg(qs(key)));
        return std::nullopt;
    }
    std::string_view s;
    if (e.get_string().get(s) != simdjson::SUCCESS) {
        error(entry, u"\"%1\" must be a string"_qs.arg(qs(key)));
        return std::nullopt;
    }
    return qs(s);
}

std::optional<bool> SchemaReader::boolean(object o, std::string_view key, const QString &entry, bool required)
{
    element e;
    if (o.at_key(key).get(e) != simdjson::SUCCESS) {
        if (required)
            error(entry, u"missing required key \"%1\""_qs.arg(qs(key)));
        return std::nullopt;
    }
    bool b = false;
    if (e.get_bool().get(b) != simdjson::SUCCESS) {
        error(entry, u"\"%1\" must be true or false"_qs.arg(qs(key)));
        return std::nullopt;
    }
    return b;
}

std::optional<qint64> SchemaReader::integer(object o, std::string_view key, const QString &entry)
{
    element e;
    if (o.at_key(key).get(e) != simdjson::SUCCESS)
        return std::nullopt;
    int64_t i = 0;
    if (e.get_int64().get(i) != simdjson::SUCCESS || i < 0) {
        error(entry, u"\"%1\" must be a non-negative integer"_qs.arg(qs(key)));
        return std::nullopt;
    }
    return i;
}

QStringList SchemaReader::strings(object o, std::string_view key, const QString &entry, bool required)
{
    element e;
    if (o.at_key(key).get(e) != simdjson::SUCCESS) {
        if (required)
            error(entry, u"missing required key \"%1\""_qs.arg(qs(key)));
        return {};
    }
    QStringList out;
    simdjson::dom::array a;
    if (e.get_array().get(a) == simdjson::SUCCESS) {
        for (element item : a) {
            std::string_view s;
            if (item.get_string().get(s) != simdjson::SUCCESS)
                break;
            out << qs(s);
        }
        if (out.size() == qsizetype(a.size()))
            return out;
    }
    error(entry, u"\"%1\" must be an array of strings"_qs.arg(qs(key)));
    return {};
}

void SchemaReader::oneOf(const std::optional<QString> &value, const QStringList &allowed, const QString &entry,
                         std::string_view key)
{
    if (value && !allowed.contains(*value))
        error(entry, u"\"%1\": unsupported value \"%2\" (one of %3)"_qs.arg(qs(key), *value, allowed.join(u", "_qs)));
}

} // namespace kube
