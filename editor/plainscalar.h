#pragma once
// PlainScalar: what a YAML scalar reads as when a Kubernetes manifest is converted to JSON —
// null, boolean, integer, float or string — by the rules of go-yaml v2 that sigs.k8s.io/yaml and
// kubectl use (kube/api/yaml.h lists them): plain `yes`, `on`, `~`, `0x1F`, `017`, `1_000`, `.5`
// are not strings; quoted and block scalars always are; explicit core tags (!!str, !!int, …)
// decide for themselves. The editor needs only the JSON type (and an integer's value for
// int32 ranges), so timestamps and merge keys read as strings.
//
// Pure functions; any thread. Cost: one pass over the scalar's text, no allocation for texts
// under 64 characters.

#include <QStringView>
#include <QtGlobal>

#include <string_view>

namespace timonel {

enum class ScalarType : quint8 { String, Null, Bool, Int, Float };

struct ResolvedScalar {
    ScalarType type = ScalarType::String;
    bool integerFits = false; // Int: the value fits in qint64 (else it only fits in quint64)
    qint64 integer = 0;
};

// How the scalar was written: yaml-cpp's tag string for it ("?" plain, "!" quoted or block,
// else the full tag such as "tag:yaml.org,2002:int").
ResolvedScalar resolveScalar(std::string_view text, std::string_view tag);

// A plain scalar only (go-yaml v2 resolve("", text)).
ResolvedScalar resolvePlainScalar(std::string_view text);

} // namespace timonel
