#include "typeregistry.h"

#include "crdschema.h"
#include "schemaloader.h"
#include "typeregistry_p.h"

#include <QDir>
#include <QLoggingCategory>
#include <QReadLocker>
#include <QWriteLocker>

#include <algorithm>

namespace kube {

Q_LOGGING_CATEGORY(lcRegistry, "timonel.kube.typeregistry")

TypeRegistry::TypeRegistry() : d(std::make_unique<Private>()) {}
TypeRegistry::~TypeRegistry() = default;

QStringList TypeRegistry::builtinSchemaFiles()
{
    const QString dir = u":/timonel/schema"_qs;
    QStringList files;
    const QStringList names = QDir(dir).entryList({u"*.json"_qs}, QDir::Files, QDir::Name);
    for (const QString &name : names)
        files << dir + u'/' + name;
    return files;
}

const TypeRegistry &TypeRegistry::builtin()
{
    static const std::unique_ptr<TypeRegistry> registry = [] {
        auto r = std::make_unique<TypeRegistry>();
        const QStringList files = builtinSchemaFiles();
        const QStringList errors = SchemaLoader::load(*r->d, files);
        if (files.isEmpty())
            qCCritical(lcRegistry, "no built-in schema files under :/timonel/schema");
        for (const QString &e : errors)
            qCCritical(lcRegistry, "built-in schema: %s", qPrintable(e));
        return r;
    }();
    return *registry;
}

Expected<std::unique_ptr<TypeRegistry>> TypeRegistry::load(const QStringList &files)
{
    auto r = std::make_unique<TypeRegistry>();
    const QStringList errors = SchemaLoader::load(*r->d, files);
    if (errors.isEmpty())
        return r;
    Status s = Status::internalError(u"invalid schema files (%1 problems):\n"_qs.arg(errors.size())
                                     + errors.join(u'\n'));
    for (const QString &e : errors)
        s.addCause({u"FieldValueInvalid"_qs, e, QString()});
    return s;
}

std::unique_ptr<TypeRegistry> TypeRegistry::clone() const
{
    auto r = std::make_unique<TypeRegistry>();
    QReadLocker lock(&m_lock);
    *r->d = *d;
    return r;
}

QList<KindInfoPtr> TypeRegistry::kinds() const
{
    QReadLocker lock(&m_lock);
    return d->kinds;
}

QList<GroupVersion> TypeRegistry::groupVersions() const
{
    QReadLocker lock(&m_lock);
    QList<GroupVersion> out;
    for (const KindInfoPtr &k : std::as_const(d->kinds)) {
        const GroupVersion gv = k->gvk.groupVersion();
        if (!out.contains(gv))
            out.append(gv); // kinds are already in group priority and version order
    }
    return out;
}

KindInfoPtr TypeRegistry::kind(const GroupVersionKind &gvk) const
{
    QReadLocker lock(&m_lock);
    return d->byKind.value(gvk);
}

KindInfoPtr TypeRegistry::resource(const GroupVersionResource &gvr) const
{
    QReadLocker lock(&m_lock);
    return d->byResource.value(gvr);
}

QList<KindInfoPtr> TypeRegistry::resolve(QStringView name) const
{
    const QString text = name.trimmed().toString().toLower();
    if (text.isEmpty())
        return {};
    struct Query {
        QString resource;
        std::optional<QString> group;   // nullopt: any group
        std::optional<QString> version; // nullopt: the preferred one
    };
    QList<Query> queries;
    const qsizetype dot = text.indexOf(u'.');
    if (dot < 0) {
        queries.append({text, std::nullopt, std::nullopt});
    } else {
        // As kubectl's ParseResourceArg: "a.b.c" is first resource a, version b, group c; then
        // resource a in group "b.c".
        const QString resource = text.left(dot), rest = text.mid(dot + 1);
        const qsizetype dot2 = rest.indexOf(u'.');
        if (dot2 > 0)
            queries.append({resource, rest.mid(dot2 + 1), rest.left(dot2)});
        queries.append({resource, rest, std::nullopt});
    }
    QReadLocker lock(&m_lock);
    for (const Query &q : std::as_const(queries)) {
        QList<KindInfoPtr> out; // d->kinds is in group priority, preferred version first
        for (const KindInfoPtr &k : std::as_const(d->kinds)) {
            if (q.group && k->gvk.group != *q.group)
                continue;
            if (q.version && k->gvk.version != *q.version)
                continue;
            const bool matches = k->plural == q.resource || k->singular == q.resource
                || k->shortNames.contains(q.resource) || k->gvk.kind.toLower() == q.resource;
            if (!matches)
                continue;
            const bool groupTaken = std::any_of(out.cbegin(), out.cend(),
                                                [&](const KindInfoPtr &o) { return o->gvk.group == k->gvk.group; });
            if (!groupTaken)
                out.append(k);
        }
        if (!out.isEmpty())
            return out;
    }
    return {};
}

QList<KindInfoPtr> TypeRegistry::kindsInCategory(QStringView category) const
{
    if (category.isEmpty())
        return {};
    QReadLocker lock(&m_lock);
    const auto sameResource = [](const KindInfoPtr &a, const KindInfoPtr &b) {
        return a->gvk.group == b->gvk.group && a->plural == b->plural;
    };
    QList<KindInfoPtr> out;
    for (const KindInfoPtr &k : std::as_const(d->kinds)) {
        if (!k->categories.contains(category))
            continue;
        if (std::any_of(out.cbegin(), out.cend(), [&](const KindInfoPtr &o) { return sameResource(o, k); }))
            continue;
        // kubectl expands a category to group-resources and maps each to its preferred
        // version, even when only an older version lists the category. d->kinds puts the
        // preferred version first.
        out.append(*std::find_if(d->kinds.cbegin(), d->kinds.cend(),
                                 [&](const KindInfoPtr &p) { return sameResource(p, k); }));
    }
    return out;
}

TypeSchemaPtr TypeRegistry::type(QStringView typeName) const
{
    QReadLocker lock(&m_lock);
    return d->types.value(typeName.toString());
}

TypeSchemaPtr TypeRegistry::rootType(const GroupVersionKind &gvk) const
{
    QReadLocker lock(&m_lock);
    const KindInfoPtr k = d->byKind.value(gvk);
    return k ? d->types.value(k->rootType) : TypeSchemaPtr();
}

std::optional<FieldSchema> TypeRegistry::fieldAt(const GroupVersionKind &gvk, QStringView dottedPath) const
{
    if (dottedPath.isEmpty())
        return std::nullopt;
    QReadLocker lock(&m_lock);
    const KindInfoPtr k = d->byKind.value(gvk);
    TypeSchemaPtr type = k ? d->types.value(k->rootType) : TypeSchemaPtr();
    const QList<QStringView> segments = dottedPath.split(u'.');
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (!type)
            return std::nullopt;
        QStringView segment = segments.at(i);
        if (const qsizetype bracket = segment.indexOf(u'['); bracket >= 0)
            segment = segment.left(bracket);
        const FieldSchema *f = type->field(segment);
        if (!f)
            return std::nullopt;
        if (i == segments.size() - 1)
            return *f;
        const FieldType &inner = f->type.innermost();
        if (inner.shape != FieldType::Shape::Struct)
            return std::nullopt;
        type = d->types.value(inner.name);
    }
    return std::nullopt;
}

void TypeRegistry::Private::removeCustom(const QString &crdName)
{
    const auto it = custom.constFind(crdName);
    if (it == custom.cend())
        return;
    for (const GroupVersionKind &gvk : it->kinds) {
        const KindInfoPtr k = byKind.take(gvk);
        kindOwner.remove(gvk);
        if (!k)
            continue;
        byResource.remove(k->gvr());
        kinds.removeOne(k);
    }
    for (const QString &t : it->types)
        types.remove(t);
    custom.erase(it);
}

Status TypeRegistry::addCustomResource(const Object &crd)
{
    Expected<CrdSchema> schema = CrdSchema::fromObject(crd);
    if (!schema)
        return schema.error();
    QWriteLocker lock(&m_lock);
    QList<StatusCause> causes;
    const QString &crdName = schema->name;
    auto ownedElsewhere = [&](const KindInfoPtr &k) { return !k->isCustom || d->kindOwner.value(k->gvk) != crdName; };
    for (const KindInfoPtr &k : std::as_const(schema->kinds)) {
        for (const KindInfoPtr &other : std::as_const(d->kinds)) {
            if (other->gvk.group != k->gvk.group || !ownedElsewhere(other))
                continue;
            if (other->gvk.kind == k->gvk.kind)
                causes.append({u"FieldValueInvalid"_qs, u"Invalid value: \"%1\": kind is already in use by %2"_qs.arg(k->gvk.kind, other->gvr().groupResource()), u"spec.names.kind"_qs});
            if (other->plural == k->plural)
                causes.append({u"FieldValueInvalid"_qs, u"Invalid value: \"%1\": resource is already served by %2"_qs.arg(k->plural, other->gvk.toString()), u"spec.names.plural"_qs});
        }
    }
    const auto owned = d->custom.value(crdName).types;
    for (const TypeSchemaPtr &t : std::as_const(schema->types)) {
        if (d->types.contains(t->name) && !owned.contains(t->name))
            causes.append({u"FieldValueInvalid"_qs, u"Invalid value: \"%1\": type name is already in use"_qs.arg(t->name), u"spec.names.kind"_qs});
    }
    if (!causes.isEmpty()) {
        causes.erase(std::unique(causes.begin(), causes.end()), causes.end());
        return Status::invalid(u"apiextensions.k8s.io"_qs, u"CustomResourceDefinition"_qs, crdName, causes);
    }
    d->removeCustom(crdName);
    Private::Custom &entry = d->custom[crdName];
    for (const TypeSchemaPtr &t : std::as_const(schema->types)) {
        d->types.insert(t->name, t);
        entry.types.append(t->name);
    }
    for (const KindInfoPtr &k : std::as_const(schema->kinds)) {
        d->insertKind(k);
        d->kindOwner.insert(k->gvk, crdName);
        entry.kinds.append(k->gvk);
    }
    d->sortKinds();
    ++d->generation;
    return {};
}

void TypeRegistry::removeCustomResource(const QString &crdName)
{
    QWriteLocker lock(&m_lock);
    if (!d->custom.contains(crdName))
        return;
    d->removeCustom(crdName);
    ++d->generation;
}

QStringList TypeRegistry::customResourceNames() const
{
    QReadLocker lock(&m_lock);
    QStringList names = d->custom.keys();
    names.sort();
    return names;
}

quint64 TypeRegistry::generation() const
{
    QReadLocker lock(&m_lock);
    return d->generation;
}

} // namespace kube
