#include "listfilter.h"

#include "apirequest.h"
#include "selectablefields.h"

#include "kube/api/object.h"
#include "kube/api/typeregistry.h"

namespace kube {

Expected<ListFilter> ListFilter::fromRequest(const ApiRequest &request, const KindInfo &kind)
{
    ListFilter filter;
    const QString labelText = request.param(u"labelSelector"_qs);
    const QString fieldText = request.param(u"fieldSelector"_qs);
    if (!labelText.trimmed().isEmpty()) {
        auto labels = LabelSelector::parse(labelText);
        if (!labels.ok())
            return labels.error();
        filter.m_labels = labels.value();
        filter.m_everything = false;
    }
    if (!fieldText.trimmed().isEmpty()) {
        auto fields = FieldSelector::parse(fieldText);
        if (!fields.ok())
            return fields.error();
        if (Status s = fields->checkSupported(selectableFields(kind.gvk)); !s.isSuccess())
            return s;
        filter.m_fields = fields.value();
        filter.m_everything = false;
    }
    return filter;
}

bool ListFilter::matches(const Object &object) const
{
    if (m_everything)
        return true;
    return m_labels.matches(object.labels()) && m_fields.matches(object);
}

} // namespace kube
