#pragma once
// decodeListPage: splits a list response ({"kind":"PodList","metadata":{…},"items":[…]}) into
// Objects with simdjson's on-demand parser — each item's bytes are located without building a
// tree of the whole list, then parsed once by Object::parse. This is the hot path of every
// informer's initial list (10k pods, ~40 MB).
//
// Pure function; any thread. Cost: one parse per item, plus one copy of the body (simdjson needs
// 64 bytes of padding) unless it is a QByteArray with that much spare capacity.

#include "listwatch.h"

namespace kube {

Expected<ListPage> decodeListPage(QByteArrayView body, Object::ManagedFields managedFields = Object::ManagedFields::Keep);
Expected<ListPage> decodeListPage(const QByteArray &body, Object::ManagedFields managedFields = Object::ManagedFields::Keep);

} // namespace kube
