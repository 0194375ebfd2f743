#pragma once
// The embedded API server's TLS identity: a private certificate authority and a serving
// certificate it signs for 127.0.0.1, ::1 and localhost. Generated on first start (ECDSA P-256,
// valid ten years) and kept in the data directory (keys 0600); the CA goes into the kubeconfig
// as certificate-authority-data, so kubectl verifies the server like any real cluster.
// TLS is not optional in practice: kubectl sends bearer tokens only over TLS.
// Any thread; blocking file I/O; key generation takes a few milliseconds.

#include "kube/api/expected.h"

#include <QByteArray>
#include <QString>

namespace kube {

struct ServingCertificates {
    QByteArray caCertificatePem;
    QByteArray certificatePem;
    QByteArray privateKeyPem;
};

Expected<ServingCertificates> loadOrCreateServingCertificates(const QString &dir);

} // namespace kube
