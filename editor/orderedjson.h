#pragma once
// OrderedJson: a small JSON tree that keeps the order of object members as written, built
// from a YAML document's tree (go-yaml's scalar types), edited, and written back as JSON text
// for kube::jsonToYaml. QJsonObject sorts its keys, which would reorder a user's manifest
// every time the editor rewrites one document of it.
//
// Plain value; any thread. Member lookups are linear (objects in manifests are small).

#include <QString>

#include <vector>

namespace timonel {

struct YamlDocument;
struct OrderedJsonMember;

struct OrderedJson {
    enum class Type : quint8 { Null, Bool, Number, String, Object, Array };
    Type type = Type::Null;
    QString scalar; // String: the value; Number: JSON number text; Bool: "true" or "false"
    std::vector<OrderedJsonMember> members; // Object
    std::vector<OrderedJson> items;         // Array

    static OrderedJson string(const QString &s);
    static OrderedJson number(qint64 n);
    static OrderedJson object();
    static OrderedJson fromYaml(const YamlDocument &doc, int node, int depth = 0);

    bool isObject() const { return type == Type::Object; }
    bool isArray() const { return type == Type::Array; }
    bool isString() const { return type == Type::String; }
    bool isNumber() const { return type == Type::Number; }
    // The member's value, or nullptr.
    OrderedJson *find(QStringView key);
    const OrderedJson *find(QStringView key) const;
    // Replaces the member's value in place, or appends it (after `after` when given and present).
    OrderedJson &set(const QString &key, OrderedJson value, QStringView after = {});
    // Removes the member; false when absent.
    bool remove(QStringView key);
    // Renames a member in place, keeping its position; false when absent.
    bool rename(QStringView from, const QString &to);
    // Takes a member out (Null when absent).
    OrderedJson take(QStringView key);

    QByteArray toJson() const;
};

struct OrderedJsonMember {
    QString key;
    OrderedJson value;
};

} // namespace timonel
