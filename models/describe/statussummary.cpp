// summarizeStatus(): the header chip's and the related list's one-word state, read from the
// kind's kubectl table row so the console says what `kubectl get` says.

#include "models/objectdescription.h"

#include "kube/api/object.h"
#include "kube/api/typeregistry.h"
#include "kube/printers/tableprinter.h"

#include <QJsonArray>

namespace timonel {

namespace {

int columnIndex(const kube::KindInfo &kind, QStringView name)
{
    for (int i = 0; i < kind.printerColumns.size(); ++i) {
        if (kind.printerColumns.at(i).name == name)
            return i;
    }
    return -1;
}

QString cellText(const QJsonArray &cells, int index)
{
    if (index < 0 || index >= cells.size())
        return {};
    const QJsonValue v = cells.at(index);
    return v.isDouble() ? QString::number(v.toInteger()) : v.toString();
}

StatusSummary readyCount(const QString &ready, const QString &desired)
{
    const qsizetype slash = ready.indexOf(u'/');
    const QString have = slash < 0 ? ready : ready.left(slash);
    const QString want = slash < 0 ? desired : ready.mid(slash + 1);
    if (have.isEmpty() || want.isEmpty())
        return {};
    const StatusCategory category = have == want ? StatusCategory::Good : StatusCategory::Pending;
    return {have + u'/' + want, category};
}

} // namespace

StatusSummary summarizeStatus(const kube::Object &object, const QDateTime &now)
{
    if (object.isNull())
        return {};
    const kube::KindInfoPtr kind = kube::TypeRegistry::builtin().kind(object.gvk());
    if (!kind || kind->printerColumns.isEmpty())
        return {};
    const QJsonArray cells = kube::tableRowCells(*kind, object, now.isValid() ? now : QDateTime::currentDateTimeUtc());

    const int status = columnIndex(*kind, u"Status");
    if (status >= 0) {
        const QString text = cellText(cells, status);
        StatusCategory category = statusCategory(text);
        // A running pod whose containers are not all ready needs a look.
        const StatusSummary ready = readyCount(cellText(cells, columnIndex(*kind, u"Ready")), {});
        if (category == StatusCategory::Good && ready.category == StatusCategory::Pending)
            category = StatusCategory::Warning;
        return {text, category};
    }
    const int ready = columnIndex(*kind, u"Ready");
    if (ready >= 0)
        return readyCount(cellText(cells, ready), cellText(cells, columnIndex(*kind, u"Desired")));
    const int type = columnIndex(*kind, u"Type");
    if (type >= 0 && (object.kind() == u"Event")) {
        const QString text = cellText(cells, type);
        return {text, statusCategory(text)};
    }
    return {};
}

} // namespace timonel
