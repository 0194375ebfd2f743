#pragma once
// Expected<T>: a value or the Kubernetes Status explaining why there is none.
// (std::expected arrives with C++23; GCC 12 in C++20 mode lacks it.)

#include "status.h"

#include <optional>
#include <utility>

namespace kube {

template<typename T>
class Expected
{
public:
    Expected(T value) : m_value(std::move(value)) {}
    Expected(Status error) : m_error(std::move(error)) { Q_ASSERT(!m_error.isSuccess()); }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { Q_ASSERT(ok()); return *m_value; }
    T &value() & { Q_ASSERT(ok()); return *m_value; }
    T &&value() && { Q_ASSERT(ok()); return std::move(*m_value); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    const Status &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Status m_error;
};

} // namespace kube
