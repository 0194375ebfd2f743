#include "jsonview.h"

namespace kube::printers {

JsonView JsonView::operator[](std::string_view key) const
{
    simdjson::dom::object object;
    if (!m_present || m_element.get_object().get(object) != simdjson::SUCCESS)
        return {};
    simdjson::dom::element member;
    if (object.at_key(key).get(member) != simdjson::SUCCESS)
        return {};
    return JsonView(member);
}

std::string_view JsonView::stringView() const
{
    std::string_view s;
    if (!m_present || m_element.get_string().get(s) != simdjson::SUCCESS)
        return {};
    return s;
}

QString JsonView::string() const
{
    const std::string_view s = stringView();
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

qint64 JsonView::integer(qint64 fallback) const
{
    if (!m_present)
        return fallback;
    int64_t i = 0;
    if (m_element.get_int64().get(i) == simdjson::SUCCESS)
        return i;
    // QJsonValue reads every number as a double; an integral one counts (3.0 is 3).
    double d = 0;
    if (m_element.get_double().get(d) == simdjson::SUCCESS && d == double(qint64(d)))
        return qint64(d);
    return fallback;
}

bool JsonView::boolean(bool fallback) const
{
    bool b = false;
    if (!m_present || m_element.get_bool().get(b) != simdjson::SUCCESS)
        return fallback;
    return b;
}

QVarLengthArray<JsonView, 8> JsonView::elements() const
{
    QVarLengthArray<JsonView, 8> out;
    simdjson::dom::array array;
    if (!m_present || m_element.get_array().get(array) != simdjson::SUCCESS)
        return out;
    for (simdjson::dom::element e : array)
        out.append(JsonView(e));
    return out;
}

qsizetype JsonView::size() const
{
    if (!m_present)
        return 0;
    simdjson::dom::array array;
    if (m_element.get_array().get(array) == simdjson::SUCCESS)
        return qsizetype(array.size());
    simdjson::dom::object object;
    if (m_element.get_object().get(object) == simdjson::SUCCESS)
        return qsizetype(object.size());
    return 0;
}

JsonView parseForPrinting(const QByteArray &json)
{
    // One parser per thread: its buffers are reused across rows, and the DOM it holds is what
    // the views point into.
    thread_local simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (parser.parse(json.constData(), size_t(json.size())).get(root) != simdjson::SUCCESS)
        return {};
    return JsonView(root);
}

} // namespace kube::printers
