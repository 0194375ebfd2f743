#pragma once
// Comparing secrets (bearer tokens, signatures) without an early exit on the first differing
// byte, so that how long a comparison takes does not tell an attacker how much of a guess was
// right. Lengths are not secret. Pure function; any thread.

#include <QByteArrayView>

namespace kube {

bool equalsInConstantTime(QByteArrayView a, QByteArrayView b);

} // namespace kube
