#pragma once
// JsonView: read-only access to one node of a parsed simdjson DOM, with the Go decoding rules
// the row printers rely on (absent, null or of the wrong type reads as the zero value), so a row
// function can take its cells straight from an Object's bytes without building a QJsonObject.
//
// A view borrows the document of the thread's printing parser: it is valid until the next
// parseForPrinting() on the same thread. Internal to printers/; cheap to copy (two pointers).
// Cost: parseForPrinting() is one simdjson parse (a copy of the bytes into the parser's padded
// buffer plus a few µs for a 4 KB pod); key lookups are linear in the object's fields.

#include <QByteArray>
#include <QString>
#include <QVarLengthArray>

#include <simdjson.h>

#include <string_view>

namespace kube::printers {

class JsonView
{
public:
    JsonView() = default; // missing
    explicit JsonView(simdjson::dom::element element) : m_element(element), m_present(true) {}

    // Present (in its parent) and not null: Go's "pointer is set".
    bool has() const { return m_present && !m_element.is_null(); }
    bool isObject() const { return m_present && m_element.is_object(); }
    bool isArray() const { return m_present && m_element.is_array(); }

    // The member of an object; missing for anything else.
    JsonView operator[](std::string_view key) const;

    // A string's bytes (UTF-8, unescaped); empty for anything else.
    std::string_view stringView() const;
    QString string() const;
    bool stringEquals(std::string_view text) const { return stringView() == text; }
    // An integer (or an integral number); fallback for anything else.
    qint64 integer(qint64 fallback = 0) const;
    bool boolean(bool fallback = false) const;

    // The elements of an array (empty for anything else), in order.
    QVarLengthArray<JsonView, 8> elements() const;
    // The length of an array or the size of an object; 0 for anything else.
    qsizetype size() const;

private:
    simdjson::dom::element m_element;
    bool m_present = false;
};

// Parses an object's minified JSON with the calling thread's parser; the views it returns stay
// valid until that thread parses again. A missing view when the bytes are not JSON.
JsonView parseForPrinting(const QByteArray &json);

} // namespace kube::printers
