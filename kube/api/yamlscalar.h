#pragma once
// The YAML codec's scalar rules (yaml.cpp, yamlemitter.cpp; the editor's validator reads
// types through them too): how go-yaml v2 resolves a plain (unquoted) scalar to a type, and how
// Go prints floats. Pure functions; any thread.

#include <QByteArray>
#include <QtGlobal>

#include <string_view>

namespace kube::yamlscalar {

enum class Type : quint8 { String, Null, Bool, Int, Uint, Float, Timestamp, Merge };

struct Resolved {
    Type type = Type::String;
    bool boolean = false;
    qint64 integer = 0;
    quint64 unsignedInteger = 0;
    double real = 0;
};

enum class Timestamps { Detect, Ignore };

// go-yaml v2 resolve("", text): the type a plain scalar reads as. Floats may be inf or nan.
Resolved resolvePlain(std::string_view text, Timestamps timestamps = Timestamps::Detect);

// The timestamp forms go-yaml v2 recognises (2006-1-2, 2006-1-2T15:4:5.9Z07:00, …).
bool isTimestamp(std::string_view text);
// YAML 1.1 sexagesimal numbers ("1:20"): go-yaml quotes such strings on output.
bool isBase60Float(std::string_view text);

// A finite double as Go's encoding/json writes it (shortest round-trip digits; exponent form
// below 1e-6 and from 1e21).
void appendJsonFloat(QByteArray &out, double value);
// strconv.FormatFloat(v, 'g', -1, 32) with .inf/-.inf/.nan: how sigs.k8s.io/yaml names a
// float map key.
QByteArray floatKey(double value);

} // namespace kube::yamlscalar
