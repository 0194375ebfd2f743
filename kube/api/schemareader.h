#pragma once
// Typed reads of a schema file's parsed JSON (schema/README.md) that note every problem as
// "<file>: <entry>: <what>" and carry on, so one load reports every mistake in the files, not
// only the first. Private to kube_api (SchemaLoader).
//
// One reader per load, one thread; no read allocates beyond the strings it returns.

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <simdjson.h>

#include <initializer_list>
#include <optional>
#include <string_view>

namespace kube {

class SchemaReader
{
public:
    using element = simdjson::dom::element;
    using object = simdjson::dom::object;

    static QString qs(std::string_view s); // simdjson strings are UTF-8 views
    static QJsonValue toJsonValue(element e); // for "default" values, kept as written

    // The file that later problems are reported against (its file name, not the path).
    void setFile(const QString &fileName) { m_file = fileName; }
    const QString &currentFile() const { return m_file; }
    const QStringList &errors() const { return m_errors; }

    void error(const QString &entry, const QString &problem);
    // A problem with the file as a whole (unreadable, not JSON): no entry.
    void fileError(const QString &problem) { m_errors << m_file + u": "_qs + problem; }

    bool checkObject(element e, const QString &entry, object &out);
    void checkKeys(object o, std::initializer_list<std::string_view> allowed, const QString &entry);
    // nullopt when the key is absent (a problem if required) or holds the wrong JSON type.
    std::optional<QString> string(object o, std::string_view key, const QString &entry, bool required);
    std::optional<bool> boolean(object o, std::string_view key, const QString &entry, bool required);
    std::optional<qint64> integer(object o, std::string_view key, const QString &entry); // non-negative
    QStringList strings(object o, std::string_view key, const QString &entry, bool required);
    void oneOf(const std::optional<QString> &value, const QStringList &allowed, const QString &entry,
               std::string_view key);

private:
    QString m_file;
    QStringList m_errors;
};

} // namespace kube
