#pragma once
// YAML <-> JSON codec with the type rules Kubernetes uses (sigs.k8s.io/yaml on go-yaml v2), and
// YAML output laid out the way `kubectl get -o yaml` prints it.
//
// Reading (YAML -> JSON), go-yaml v2 rules for plain (unquoted) scalars:
//   - bool:  y Y yes Yes YES true True TRUE on On ON / n N no No NO false False FALSE off Off OFF
//   - null:  empty, ~, null, Null, NULL
//   - int:   decimal, 0x hex, 0o octal, 0b binary, leading-0 octal (017 = 15), '_' separators,
//            optional sign; up to int64, then uint64. "08" is not octal and reads as the float 8.
//   - float: 1.5, 1e3, .5, 1_000.5; printed as Go's encoding/json does (1.0 -> 1, 1e21 -> 1e+21).
//            Integers beyond uint64 become floats (precision is lost, as upstream).
//            .inf/.nan are errors (JSON cannot hold them), as upstream.
//   - timestamps (2001-12-14, 2001-12-14T21:59:43Z) stay strings.
//   Quoted and block (|, >) scalars are always strings. Tags: !!str !!int !!float !!bool !!null
//   !!timestamp are honoured (mismatches are errors); !!binary keeps the base64 text (whitespace
//   removed); other tags are ignored. Map keys become strings (1 -> "1", true -> "true");
//   null or collection keys are errors; duplicate keys are errors (as sigs.k8s.io/yaml strict).
//   Merge keys (<<) follow the YAML merge spec: keys written in the mapping win, then earlier
//   merge sources win over later ones (go-yaml v2 instead lets whatever comes last win).
//   Deliberate difference: keys keep their document order (upstream sorts them).
//
// Writing (JSON -> YAML), as go-yaml v2's emitter: block style, 2-space indent, sequences under
// a key not indented ("key:\n- a"), keys in the JSON's order, strings quoted only when needed
// ("true", "1.0", "", "~", timestamps -> double quotes; leading/trailing space, ": ", " #",
// leading indicator characters -> single quotes; control and non-BMP characters -> double
// quotes with escapes), multi-line strings as literal blocks (|, |-, |+). Numbers keep their
// JSON text. Deliberate difference: long lines are never folded at 80 columns.
//
// Guards: input size, nesting depth (own limit, below yaml-cpp's 500), node count after alias
// expansion (billion-laughs), JSON output size, document count; self-referential aliases and
// the inputs yaml-cpp 0.7 mis-parses (endless documents for ",", `"a" "b"`, `"a",b`) are
// rejected. Known gap: other malformed input yaml-cpp 0.7 accepts silently is accepted too.
//
// Errors: 400 BadRequest, "error converting YAML to JSON: yaml: line L: <what> (column C)";
// functions reading a stream add the 1-based document number ("(column C, document N)").
// Oversized input: 413 RequestEntityTooLarge.
//
// Thread safety: reentrant free functions; no shared state. Cost: yaml-cpp parses at roughly
// 10-20 MB/s; the conversion itself is linear in the expanded node count.

#include "expected.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace kube {

class Object;

struct YamlLimits {
    qsizetype maxBytes = 3 * 1024 * 1024;        // input size (the apiserver's request limit)
    int maxDepth = 100;                          // nesting of sequences and mappings
    qsizetype maxNodes = 1'000'000;              // per document: nodes visited, aliases expanded
    qsizetype maxOutputBytes = 64 * 1024 * 1024; // JSON produced for the whole stream (413)
    int maxDocuments = 10'000;
};

// A multi-document stream (---, ...) -> one minified JSON text per document. Empty,
// comment-only and null documents are skipped, as kubectl does.
Expected<QList<QByteArray>> yamlToJsonDocuments(QByteArrayView yaml, const YamlLimits &limits = {});

// One document -> minified JSON. An empty stream gives "null" (as sigs.k8s.io/yaml); more than
// one non-empty document is an error.
Expected<QByteArray> yamlToJson(QByteArrayView yaml, const YamlLimits &limits = {});

// Manifests as `kubectl apply -f` reads them: JSON (input starting with '{', one or more
// concatenated objects) or a YAML stream. Each document must be a mapping (object).
Expected<QList<Object>> parseManifests(QByteArrayView yamlOrJson, const YamlLimits &limits = {});

// JSON text (any value) -> YAML text ending in a newline. Invalid JSON gives an empty result.
QByteArray jsonToYaml(QByteArrayView json);
QByteArray toYaml(const Object &object);

} // namespace kube
