#pragma once
// ListFilter: the labelSelector and fieldSelector of a list or watch request, parsed once and
// checked against the kind's selectable fields. Value type; any thread.

#include "kube/api/expected.h"
#include "kube/api/fieldselector.h"
#include "kube/api/labelselector.h"

namespace kube {

class Object;
struct ApiRequest;
struct KindInfo;

class ListFilter
{
public:
    // 400 BadRequest for a malformed selector or a field the kind does not support.
    static Expected<ListFilter> fromRequest(const ApiRequest &request, const KindInfo &kind);

    bool isEverything() const { return m_everything; }
    bool matches(const Object &object) const;

private:
    LabelSelector m_labels;
    FieldSelector m_fields;
    bool m_everything = true;
};

} // namespace kube
