// The OpenAPI models that the type registry does not describe: apimachinery's wrapper types,
// the patch body and the discovery documents' types. Shapes are kube-openapi's v3 models;
// descriptions are our own.

#include "openapischemas.h"

#include <QJsonDocument>

namespace kube {

namespace {

constexpr char models[] = R"json({
"io.k8s.apimachinery.pkg.api.resource.Quantity": {
  "description": "A fixed-point number with an optional SI or binary suffix (\"500m\", \"1Gi\", \"2\"). Written as a string; a plain number is accepted on input.",
  "oneOf": [{"type": "string"}, {"type": "number"}]
},
"io.k8s.apimachinery.pkg.util.intstr.IntOrString": {
  "description": "Either a 32-bit integer or a string (a port number or name, a count or a percentage).",
  "format": "int-or-string",
  "oneOf": [{"type": "integer"}, {"type": "string"}]
},
"io.k8s.apimachinery.pkg.apis.meta.v1.Time": {
  "description": "A point in time written as an RFC 3339 string with second precision.",
  "format": "date-time",
  "type": "string"
},
"io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime": {
  "description": "A point in time written as an RFC 3339 string with microsecond precision.",
  "format": "date-time",
  "type": "string"
},
"io.k8s.apimachinery.pkg.apis.meta.v1.Duration": {
  "description": "A length of time written as a Go duration string (\"1h30m\").",
  "type": "string"
},
"io.k8s.apimachinery.pkg.runtime.RawExtension": {
  "description": "An embedded object of any kind, kept as written.",
  "type": "object"
},
"io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1": {
  "description": "The set of fields a manager owns, as a trie of f:, v:, i: and k: keys.",
  "type": "object"
},
"io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON": {
  "description": "Any JSON value: boolean, number, string, array, object or null."
},
"io.k8s.apimachinery.pkg.apis.meta.v1.Patch": {
  "description": "The body of a PATCH request; its format is given by the Content-Type (JSON patch, merge patch, strategic merge patch or apply configuration).",
  "type": "object"
},
"io.k8s.apimachinery.pkg.apis.meta.v1.APIResource": {
  "description": "One resource a group-version serves.",
  "properties": {
    "categories": {"description": "Groups of resources this one belongs to (\"all\").", "items": {"default": "", "type": "string"}, "type": "array", "x-kubernetes-list-type": "atomic"},
    "group": {"description": "The preferred group of the resource, when it differs from the containing group.", "type": "string"},
    "kind": {"default": "", "description": "The kind of the resource's objects.", "type": "string"},
    "name": {"default": "", "description": "The plural name of the resource, with \"/<subresource>\" for a subresource.", "type": "string"},
    "namespaced": {"default": false, "description": "Whether objects of the resource live in a namespace.", "type": "boolean"},
    "shortNames": {"description": "Abbreviations kubectl accepts.", "items": {"default": "", "type": "string"}, "type": "array", "x-kubernetes-list-type": "atomic"},
    "singularName": {"default": "", "description": "The singular name of the resource.", "type": "string"},
    "storageVersionHash": {"description": "A hash of the version objects are stored in.", "type": "string"},
    "verbs": {"description": "The verbs the resource supports.", "items": {"default": "", "type": "string"}, "type": "array"},
    "version": {"description": "The preferred version of the resource, when it differs from the containing version.", "type": "string"}
  },
  "required": ["name", "singularName", "namespaced", "kind", "verbs"],
  "type": "object"
},
"io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList": {
  "description": "The resources one group-version serves.",
  "properties": {
    "apiVersion": {"description": "The API version of this object.", "type": "string"},
    "groupVersion": {"default": "", "description": "The group-version the resources belong to.", "type": "string"},
    "kind": {"description": "The kind of this object.", "type": "string"},
    "resources": {"description": "The resources.", "items": {"allOf": [{"$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.APIResource"}], "default": {}}, "type": "array", "x-kubernetes-list-type": "atomic"}
  },
  "required": ["groupVersion", "resources"],
  "type": "object",
  "x-kubernetes-group-version-kind": [{"group": "", "kind": "APIResourceList", "version": "v1"}]
},
"io.k8s.apimachinery.pkg.apis.meta.v1.GroupVersionForDiscovery": {
  "description": "One version of a group.",
  "properties": {
    "groupVersion": {"default": "", "description": "The version as \"group/version\".", "type": "string"},
    "version": {"default": "", "description": "The version alone.", "type": "string"}
  },
  "required": ["groupVersion", "version"],
  "type": "object"
},
"io.k8s.apimachinery.pkg.apis.meta.v1.ServerAddressByClientCIDR": {
  "description": "The address clients in a network should use to reach the server.",
  "properties": {
    "clientCIDR": {"default": "", "description": "The client network.", "type": "string"},
    "serverAddress": {"default": "", "description": "host:port of the server for that network.", "type": "string"}
  },
  "required": ["clientCIDR", "serverAddress"],
  "type": "object"
},
"io.k8s.apimachinery.pkg.apis.meta.v1.APIGroup": {
  "description": "One API group and its versions.",
  "properties": {
    "apiVersion": {"description": "The API version of this object.", "type": "string"},
    "kind": {"description": "The kind of this object.", "type": "string"},
    "name": {"default": "", "description": "The group name.", "type": "string"},
    "preferredVersion": {"allOf": [{"$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.GroupVersionForDiscovery"}], "default": {}, "description": "The version clients should use."},
    "serverAddressByClientCIDRs": {"description": "Server addresses per client network.", "items": {"allOf": [{"$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ServerAddressByClientCIDR"}], "default": {}}, "type": "array", "x-kubernetes-list-type": "atomic"},
    "versions": {"description": "The versions served.", "items": {"allOf": [{"$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.GroupVersionForDiscovery"}], "default": {}}, "type": "array", "x-kubernetes-list-type": "atomic"}
  },
  "required": ["name", "versions"],
  "type": "object",
  "x-kubernetes-group-version-kind": [{"group": "", "kind": "APIGroup", "version": "v1"}]
},
"io.k8s.apimachinery.pkg.apis.meta.v1.APIGroupList": {
  "description": "The API groups the server serves.",
  "properties": {
    "apiVersion": {"description": "The API version of this object.", "type": "string"},
    "groups": {"description": "The groups.", "items": {"allOf": [{"$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.APIGroup"}], "default": {}}, "type": "array", "x-kubernetes-list-type": "atomic"},
    "kind": {"description": "The kind of this object.", "type": "string"}
  },
  "required": ["groups"],
  "type": "object",
  "x-kubernetes-group-version-kind": [{"group": "", "kind": "APIGroupList", "version": "v1"}]
},
"io.k8s.apimachinery.pkg.apis.meta.v1.APIVersions": {
  "description": "The versions of the core API the server serves under /api.",
  "properties": {
    "apiVersion": {"description": "The API version of this object.", "type": "string"},
    "kind": {"description": "The kind of this object.", "type": "string"},
    "serverAddressByClientCIDRs": {"description": "Server addresses per client network.", "items": {"allOf": [{"$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ServerAddressByClientCIDR"}], "default": {}}, "type": "array", "x-kubernetes-list-type": "atomic"},
    "versions": {"description": "The versions.", "items": {"default": "", "type": "string"}, "type": "array", "x-kubernetes-list-type": "atomic"}
  },
  "required": ["versions", "serverAddressByClientCIDRs"],
  "type": "object",
  "x-kubernetes-group-version-kind": [{"group": "", "kind": "APIVersions", "version": "v1"}]
},
"io.k8s.apimachinery.pkg.version.Info": {
  "description": "The version of the server and how it was built.",
  "properties": {
    "buildDate": {"default": "", "type": "string"},
    "compiler": {"default": "", "type": "string"},
    "emulationMajor": {"description": "The major version being emulated.", "type": "string"},
    "emulationMinor": {"description": "The minor version being emulated.", "type": "string"},
    "gitCommit": {"default": "", "type": "string"},
    "gitTreeState": {"default": "", "type": "string"},
    "gitVersion": {"default": "", "type": "string"},
    "goVersion": {"default": "", "type": "string"},
    "major": {"default": "", "description": "The major version.", "type": "string"},
    "minCompatibilityMajor": {"description": "The oldest major version compatible with this server.", "type": "string"},
    "minCompatibilityMinor": {"description": "The oldest minor version compatible with this server.", "type": "string"},
    "minor": {"default": "", "description": "The minor version.", "type": "string"},
    "platform": {"default": "", "type": "string"}
  },
  "required": ["major", "minor", "gitVersion", "gitCommit", "gitTreeState", "buildDate", "goVersion", "compiler", "platform"],
  "type": "object"
}
})json";

} // namespace

const QJsonObject &openApiFixedModels()
{
    static const QJsonObject parsed = [] {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(models, sizeof(models) - 1), &error);
        if (!doc.isObject())
            qFatal("openapimodels.cpp: %s at %d", qPrintable(error.errorString()), error.offset); // a build defect
        return doc.object();
    }();
    return parsed;
}

} // namespace kube
