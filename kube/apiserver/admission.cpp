#include "admission.h"

#include "codec.h"
#include "crdvalidation.h"
#include "defaultingressclass.h"
#include "defaultstorageclass.h"
#include "defaulttolerations.h"
#include "jsonduplicates.h"
#include "kindstrategy.h"
#include "resourcerequest.h"
#include "storagekeys.h"
#include "validation.h"

#include "kube/api/defaulting.h"
#include "kube/store/store.h"

#include <QJsonObject>

namespace kube {

void defaultObject(QJsonObject &object, const KindInfo &kind, const ApiContext &context)
{
    if (const TypeSchemaPtr root = context.registry->type(kind.rootType))
        applyDefaults(object, *root, *context.registry);
    applyKindDefaults(object, kind);
    admitDefaultStorageClass(object, kind, context);
    admitDefaultIngressClass(object, kind, context);
    admitDefaultTolerationSeconds(object, kind);
}

Status admitNamespace(const ApiContext &context, const KindInfo &kind, const QString &namespace_)
{
    if (!kind.namespaced)
        return {};
    const KindInfoPtr namespaces = context.registry->resource({QString(), u"v1"_qs, u"namespaces"_qs});
    if (!namespaces)
        return {};
    auto ns = context.store->get(storageKey(*namespaces, QString(), namespace_));
    if (!ns.ok())
        return Status::notFound(u"namespaces"_qs, namespace_);
    if (ns->isBeingDeleted()) {
        return Status(403, QString::fromLatin1(reason::Forbidden),
                      u"%1 \"%2\" is forbidden: unable to create new content in namespace %3 because it is being terminated"_qs
                          .arg(kind.gvr().groupResource(), QString(), namespace_));
    }
    return {};
}

Status admitDecoded(QJsonObject &object, const ResourceRequest &request, const ApiContext &context,
                    ApiResponder &responder, const QString &optionsKind, const QJsonObject *live)
{
    auto directive = parseFieldValidation(request.http.param(u"fieldValidation"_qs), optionsKind);
    if (!directive.ok())
        return directive.error();
    DecodingFindings findings = findDecodingProblems(object, *request.kind, *context.registry);
    if (live) {
        QJsonObject copy = *live;
        const DecodingFindings before = findDecodingProblems(copy, *request.kind, *context.registry);
        for (const QString &f : before.unknownFields)
            findings.unknownFields.removeAll(f);
        if (findings.typeError == before.typeError)
            findings.typeError.clear();
        for (const StatusCause &c : before.typeCauses)
            findings.typeCauses.removeAll(c);
    }
    // Repeated keys: YAML bodies as go-yaml reports them (line numbers), JSON bodies (objects
    // and merge patches) as Go's JSON decoder does (paths). Apply patches are checked when they
    // are read (serversideapply.cpp), as upstream does.
    const QByteArray body = request.http.body.trimmed();
    const QByteArray type = mediaType(request.http.header("Content-Type"));
    if (type == "application/yaml")
        findings.yamlDuplicates = scanYamlKeys(request.http.body).duplicates;
    else if (body.startsWith('{') && type != "application/apply-patch+yaml")
        findDuplicateFields(body, findings);
    QStringList warnings;
    const Status s = decodingStatus(findings, *request.kind, *directive, &warnings);
    for (const QString &w : std::as_const(warnings))
        responder.addWarning(w);
    return s;
}

Status validateForStore(const QJsonObject &object, const ResourceRequest &request, const ApiContext &context,
                        const QJsonObject *old)
{
    const KindInfo &kind = *request.kind;
    QList<StatusCause> causes;
    if (request.subresource != u"status")
        causes = validateObject(object, kind, *context.registry, old);
    // Custom resources are checked against their schema whatever is written, status included,
    // as apiextensions-apiserver does.
    if (kind.isCustom) {
        if (const auto schema = customResourceSchema(context, kind))
            causes += validateAgainstSchema(object, *schema);
    }
    if (causes.isEmpty())
        return {};
    return Status::invalid(kind.gvk.group, kind.gvk.kind, object.value(u"metadata").toObject().value(u"name").toString(), causes);
}

} // namespace kube
