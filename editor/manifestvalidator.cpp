#include "manifestvalidator.h"

#include "editortr.h"
#include "removedapis.h"
#include "schemawalker.h"
#include "yamlsourcemap.h"

#include "kube/api/labelselector.h"
#include "kube/api/namevalidation.h"
#include "kube/api/object.h"
#include "kube/api/status.h"
#include "kube/api/typeregistry.h"

#include <QJsonObject>

#include <algorithm>

namespace timonel {

namespace {

using kube::validation::NameUse;
using kube::validation::NameValidator;

// What a kind requires of metadata.name: kube-apiserver's table (validationrules.cpp).
NameValidator nameValidatorFor(const kube::KindInfo &kind)
{
    struct Rule {
        QStringView group;
        QStringView kind;
        NameValidator validator;
    };
    static const Rule rules[] = {
        {u"", u"Namespace", kube::validation::nameIsDNSLabel},
        {u"", u"Service", kube::validation::nameIsDNS1035Label},
        {u"apps", u"StatefulSet", kube::validation::nameIsDNSLabel},
        {u"rbac.authorization.k8s.io", u"Role", kube::validation::nameIsPathSegment},
        {u"rbac.authorization.k8s.io", u"ClusterRole", kube::validation::nameIsPathSegment},
        {u"rbac.authorization.k8s.io", u"RoleBinding", kube::validation::nameIsPathSegment},
        {u"rbac.authorization.k8s.io", u"ClusterRoleBinding", kube::validation::nameIsPathSegment},
    };
    if (!kind.isCustom) {
        for (const Rule &r : rules) {
            if (kind.gvk.group == r.group && kind.gvk.kind == r.kind)
                return r.validator;
        }
    }
    return kube::validation::nameIsDNSSubdomain;
}

bool isMissingValue(const YamlDocument &doc, int node)
{
    if (node < 0)
        return true;
    const YamlNode &n = doc.deref(node);
    if (n.kind == YamlNodeKind::Null || (n.kind == YamlNodeKind::Scalar && n.scalarType == ScalarType::Null))
        return true;
    return n.kind == YamlNodeKind::Scalar && n.text.isEmpty();
}

QString stringValue(const YamlDocument &doc, int node)
{
    if (node < 0)
        return {};
    const YamlNode &n = doc.deref(node);
    return n.kind == YamlNodeKind::Scalar && n.scalarType == ScalarType::String ? n.text : QString();
}

class DocumentValidator
{
public:
    DocumentValidator(const YamlDocument &doc, const kube::TypeRegistry &registry, QList<ManifestProblem> &out)
        : m_doc(doc), m_registry(registry), m_walker(doc, registry, out) {}

    void run()
    {
        m_walker.findDuplicateKeys();
        validateObject(0, nullptr);
    }

private:
    void problem(int node, ProblemSeverity severity, ProblemKind kind, const QString &message, const PathStep *path)
    {
        m_walker.report(node, severity, kind, message, path);
    }

    void validateObject(int node, const PathStep *path)
    {
        if (m_doc.deref(node).kind != YamlNodeKind::Mapping) {
            problem(node, ProblemSeverity::Error, ProblemKind::MissingType,
                    Tr::tr("A manifest must be an object with apiVersion, kind and metadata"), path);
            return;
        }
        int apiVersionKey = -1;
        int kindKey = -1;
        const int apiVersionNode = m_doc.value(node, u"apiVersion", &apiVersionKey);
        const int kindNode = m_doc.value(node, u"kind", &kindKey);
        const QString apiVersion = stringValue(m_doc, apiVersionNode);
        const QString kind = stringValue(m_doc, kindNode);
        const int anchor = kindKey >= 0 ? kindKey : apiVersionKey >= 0 ? apiVersionKey : node;
        if (apiVersion.isEmpty()) {
            problem(apiVersionNode >= 0 ? apiVersionNode : anchor, ProblemSeverity::Error, ProblemKind::MissingType,
                    Tr::tr("apiVersion is missing: every manifest needs one (such as \"v1\" or \"apps/v1\")"), path);
        }
        if (kind.isEmpty()) {
            problem(kindNode >= 0 ? kindNode : anchor, ProblemSeverity::Error, ProblemKind::MissingType,
                    Tr::tr("kind is missing: every manifest needs one (such as \"Deployment\")"), path);
        }
        if (apiVersion.isEmpty() || kind.isEmpty())
            return;
        if (apiVersion == u"v1" && kind == u"List") {
            PathStep items{path, u"items"};
            const int itemsNode = m_doc.value(node, u"items");
            const QList<int> list = itemsNode >= 0 ? m_doc.items(itemsNode) : QList<int>();
            for (int i = 0; i < list.size(); ++i) {
                PathStep item{&items, {}, i};
                validateObject(list[i], &item);
            }
            return;
        }
        if (const RemovedApi *removed = findRemovedApi(apiVersion, kind)) {
            problem(apiVersionNode, ProblemSeverity::Error, ProblemKind::RemovedApiVersion, removedApiExplanation(*removed), path);
            return;
        }
        const kube::GroupVersion gv = kube::GroupVersion::fromApiVersion(apiVersion);
        const kube::KindInfoPtr info = m_registry.kind({gv.group, gv.version, kind});
        if (!info) {
            unknownKind(gv, kind, apiVersionNode, kindNode, path);
            return;
        }
        m_walker.walkStruct(node, info->rootType, path, true);
        if (info->verbs.contains(u"get"_qs))
            checkMetadata(node, *info, kindKey, path);
        checkWorkloadSelector(node, *info, path);
    }

    void unknownKind(const kube::GroupVersion &gv, const QString &kind, int apiVersionNode, int kindNode, const PathStep *path)
    {
        QStringList versionsOfKind;  // the same group and kind in served versions
        QStringList groupsOfKind;    // the same kind in other groups
        QStringList kindsOfVersion;  // what this group-version serves
        bool groupKnown = false;
        for (const kube::KindInfoPtr &k : m_registry.kinds()) {
            const bool sameGroup = k->gvk.group == gv.group;
            groupKnown = groupKnown || sameGroup;
            if (sameGroup && k->gvk.kind == kind)
                versionsOfKind << k->gvk.apiVersion();
            else if (k->gvk.kind == kind)
                groupsOfKind << k->gvk.apiVersion();
            if (sameGroup && k->gvk.version == gv.version)
                kindsOfVersion << k->gvk.kind;
        }
        const QString apiVersion = gv.apiVersion();
        if (!versionsOfKind.isEmpty()) {
            problem(apiVersionNode, ProblemSeverity::Error, ProblemKind::UnknownKind,
                    Tr::tr("%1 does not serve %2; use %3").arg(apiVersion, kind, versionsOfKind.join(u", "_qs)), path);
            return;
        }
        if (!kindsOfVersion.isEmpty()) {
            const QString close = closestKind(kind, kindsOfVersion);
            QString message;
            if (!close.isEmpty())
                message = Tr::tr("Unknown kind \"%1\" in %2 (did you mean \"%3\"?)").arg(kind, apiVersion, close);
            else if (!groupsOfKind.isEmpty())
                message = Tr::tr("Unknown kind \"%1\" in %2 (%1 is served by %3)").arg(kind, apiVersion, groupsOfKind.join(u", "_qs));
            else
                message = Tr::tr("Unknown kind \"%1\" in %2").arg(kind, apiVersion);
            problem(kindNode, ProblemSeverity::Error, ProblemKind::UnknownKind, message, path);
            return;
        }
        if (!groupsOfKind.isEmpty()) {
            problem(apiVersionNode, ProblemSeverity::Error, ProblemKind::UnknownKind,
                    Tr::tr("%1 does not serve %2; use %3").arg(apiVersion, kind, groupsOfKind.join(u", "_qs)), path);
            return;
        }
        if (groupKnown || gv.group.isEmpty()) {
            problem(apiVersionNode, ProblemSeverity::Error, ProblemKind::UnknownKind,
                    Tr::tr("Unknown apiVersion \"%1\"").arg(apiVersion), path);
            return;
        }
        problem(apiVersionNode, ProblemSeverity::Warning, ProblemKind::UnknownKind,
                Tr::tr("%1 %2 is not known here: if a CustomResourceDefinition on the cluster defines it, its fields are not checked")
                    .arg(apiVersion, kind), path);
    }

    static QString closestKind(const QString &kind, const QStringList &candidates)
    {
        for (const QString &c : candidates) {
            if (c.compare(kind, Qt::CaseInsensitive) == 0)
                return c;
        }
        QString best;
        int bestDistance = 3;
        for (const QString &c : candidates) {
            const int d = editDistance(c, kind);
            if (d < bestDistance && d <= c.size() / 4 + 1) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    void checkMetadata(int node, const kube::KindInfo &info, int kindKey, const PathStep *path)
    {
        int metadataKey = -1;
        const int metadata = m_doc.value(node, u"metadata", &metadataKey);
        PathStep metaStep{path, u"metadata"};
        PathStep nameStep{&metaStep, u"name"};
        const int nameNode = metadata >= 0 ? m_doc.value(metadata, u"name") : -1;
        const int generateNode = metadata >= 0 ? m_doc.value(metadata, u"generateName") : -1;
        const NameValidator nameFn = nameValidatorFor(info);
        if (isMissingValue(m_doc, nameNode) && isMissingValue(m_doc, generateNode)) {
            const int anchor = nameNode >= 0 ? nameNode : metadataKey >= 0 ? metadata : kindKey >= 0 ? kindKey : node;
            problem(anchor, ProblemSeverity::Error, ProblemKind::RequiredField,
                    Tr::tr("metadata.name is required (or metadata.generateName)"), &nameStep);
        }
        const QString name = stringValue(m_doc, nameNode);
        if (!name.isEmpty()) {
            const QStringList errors = nameFn(name, NameUse::Name);
            if (!errors.isEmpty()) {
                problem(nameNode, ProblemSeverity::Error, ProblemKind::InvalidValue,
                        Tr::tr("Invalid name \"%1\": %2").arg(name, errors.join(u"; "_qs)), &nameStep);
            }
            if (info.gvk.group == u"batch" && info.gvk.kind == u"CronJob" && name.size() > 52) {
                problem(nameNode, ProblemSeverity::Error, ProblemKind::InvalidValue,
                        Tr::tr("A CronJob's name must be no more than 52 characters"), &nameStep);
            }
        }
        const QString prefix = stringValue(m_doc, generateNode);
        if (!prefix.isEmpty()) {
            const QStringList errors = nameFn(kube::validation::maskTrailingDash(prefix), NameUse::GenerateNamePrefix);
            if (!errors.isEmpty()) {
                PathStep step{&metaStep, u"generateName"};
                problem(generateNode, ProblemSeverity::Error, ProblemKind::InvalidValue,
                        Tr::tr("Invalid generateName \"%1\": %2").arg(prefix, errors.join(u"; "_qs)), &step);
            }
        }
        const int namespaceNode = metadata >= 0 ? m_doc.value(metadata, u"namespace") : -1;
        const QString ns = stringValue(m_doc, namespaceNode);
        if (ns.isEmpty())
            return;
        PathStep nsStep{&metaStep, u"namespace"};
        if (!info.namespaced) {
            problem(namespaceNode, ProblemSeverity::Warning, ProblemKind::InvalidValue,
                    Tr::tr("%1 is cluster-scoped: metadata.namespace is ignored").arg(info.gvk.kind), &nsStep);
            return;
        }
        const QStringList errors = kube::validation::isDNS1123Label(ns);
        if (!errors.isEmpty()) {
            problem(namespaceNode, ProblemSeverity::Error, ProblemKind::InvalidValue,
                    Tr::tr("Invalid namespace \"%1\": %2").arg(ns, errors.join(u"; "_qs)), &nsStep);
        }
    }

    // apps workloads: a selector that is valid, not empty and matches the template's labels.
    void checkWorkloadSelector(int node, const kube::KindInfo &info, const PathStep *path)
    {
        const QString &k = info.gvk.kind;
        if (info.gvk.group != u"apps" || !(k == u"Deployment" || k == u"ReplicaSet" || k == u"StatefulSet" || k == u"DaemonSet"))
            return;
        const int spec = m_doc.value(node, u"spec");
        const int selector = spec >= 0 ? m_doc.value(spec, u"selector") : -1;
        if (selector < 0 || m_doc.deref(selector).kind != YamlNodeKind::Mapping)
            return; // absent: reported as required
        PathStep specStep{path, u"spec"};
        PathStep selectorStep{&specStep, u"selector"};
        auto parsed = kube::LabelSelector::fromLabelSelectorJson(yamlNodeToJson(m_doc, selector));
        if (!parsed.ok()) {
            problem(selector, ProblemSeverity::Error, ProblemKind::InvalidValue,
                    Tr::tr("Invalid spec.selector: %1").arg(parsed.error().message()), &selectorStep);
            return;
        }
        if (parsed->isEmpty()) {
            problem(selector, ProblemSeverity::Error, ProblemKind::InvalidValue,
                    Tr::tr("spec.selector must not be empty: it decides which pods belong to this %1").arg(k), &selectorStep);
            return;
        }
        const int templ = m_doc.value(spec, u"template");
        const int templMeta = templ >= 0 ? m_doc.value(templ, u"metadata") : -1;
        const int labelsNode = templMeta >= 0 ? m_doc.value(templMeta, u"labels") : -1;
        kube::Labels labels;
        if (labelsNode >= 0) {
            const QJsonObject o = yamlNodeToJson(m_doc, labelsNode).toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                labels.insert(it.key(), it.value().toString());
        }
        if (parsed->matches(labels))
            return;
        PathStep templStep{&specStep, u"template"};
        PathStep metaStep{&templStep, u"metadata"};
        PathStep labelsStep{&metaStep, u"labels"};
        const int anchor = labelsNode >= 0 ? labelsNode : templMeta >= 0 ? templMeta : templ >= 0 ? templ : selector;
        problem(anchor, ProblemSeverity::Error, ProblemKind::InvalidValue,
                Tr::tr("spec.selector does not match spec.template.metadata.labels: the %1 would not own its pods").arg(k),
                &labelsStep);
    }

    const YamlDocument &m_doc;
    const kube::TypeRegistry &m_registry;
    SchemaWalker m_walker;
};

bool isCrd(const YamlDocument &doc)
{
    const int root = 0;
    return stringValue(doc, doc.value(root, u"apiVersion")) == u"apiextensions.k8s.io/v1"
        && stringValue(doc, doc.value(root, u"kind")) == u"CustomResourceDefinition";
}

} // namespace

ManifestValidator::ManifestValidator(const kube::TypeRegistry &registry) : m_registry(&registry) {}

ManifestValidator::ManifestValidator() : ManifestValidator(kube::TypeRegistry::builtin()) {}

ManifestValidator::~ManifestValidator() = default;

kube::Status ManifestValidator::addCustomResource(const kube::Object &crd)
{
    if (!m_owned) {
        m_owned = m_registry->clone();
        m_registry = m_owned.get();
    }
    return m_owned->addCustomResource(crd);
}

QList<ManifestProblem> ManifestValidator::validate(const QString &text) const
{
    return validate(YamlSourceMap::parse(text));
}

QList<ManifestProblem> ManifestValidator::validate(const YamlSourceMap &map) const
{
    QList<ManifestProblem> out;
    std::unique_ptr<kube::TypeRegistry> withTextCrds;
    const kube::TypeRegistry *registry = m_registry;
    for (const YamlDocument &doc : map.documents()) {
        if (doc.error) {
            const SourceRange &r = doc.error->range;
            out.append({doc.index, r.line, r.column, r.length, ProblemSeverity::Error, ProblemKind::Syntax, doc.error->message, QString()});
            continue;
        }
        if (doc.isEmpty())
            continue;
        const qsizetype before = out.size();
        DocumentValidator(doc, *registry, out).run();
        if (out.size() == before && isCrd(doc)) {
            if (!withTextCrds) {
                withTextCrds = registry->clone();
                registry = withTextCrds.get();
            }
            withTextCrds->addCustomResource(kube::Object::fromJson(yamlNodeToJson(doc, 0).toObject()));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const ManifestProblem &a, const ManifestProblem &b) {
        return std::tie(a.document, a.line, a.column) < std::tie(b.document, b.line, b.column);
    });
    return out;
}

} // namespace timonel
