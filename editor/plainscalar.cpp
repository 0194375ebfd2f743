#include "plainscalar.h"

#include "kube/api/yamlscalar.h"

namespace timonel {

namespace {

constexpr std::string_view kCoreTag = "tag:yaml.org,2002:";

} // namespace

ResolvedScalar resolvePlainScalar(std::string_view text)
{
    // The codec's own resolution (kube/api/yamlscalar.h), so the editor and the YAML→JSON
    // conversion the server sees can never disagree. Timestamps and merge keys read as strings.
    using kube::yamlscalar::Type;
    const kube::yamlscalar::Resolved resolved = kube::yamlscalar::resolvePlain(text, kube::yamlscalar::Timestamps::Ignore);
    ResolvedScalar r;
    switch (resolved.type) {
    case Type::Null: r.type = ScalarType::Null; break;
    case Type::Bool: r.type = ScalarType::Bool; break;
    case Type::Float: r.type = ScalarType::Float; break;
    case Type::Int:
        r.type = ScalarType::Int;
        r.integer = resolved.integer;
        r.integerFits = true;
        break;
    case Type::Uint: // only fits in quint64
        r.type = ScalarType::Int;
        r.integerFits = false;
        break;
    case Type::String:
    case Type::Timestamp:
    case Type::Merge: break;
    }
    return r;
}

ResolvedScalar resolveScalar(std::string_view text, std::string_view tag)
{
    if (tag == "?")
        return resolvePlainScalar(text);
    if (!tag.starts_with(kCoreTag))
        return {}; // quoted, block, !!-less local tags: strings
    const std::string_view name = tag.substr(kCoreTag.size());
    if (name == "int" || name == "float" || name == "bool" || name == "null") {
        ResolvedScalar r = resolvePlainScalar(text);
        if (name == "float" && r.type == ScalarType::Int)
            r.type = ScalarType::Float;
        return r;
    }
    return {};
}

} // namespace timonel
