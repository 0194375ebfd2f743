#include "servingcertificates.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace kube {

namespace {

template<typename T, void (*Free)(T *)>
struct Deleter {
    void operator()(T *p) const { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

constexpr long kValiditySeconds = 10L * 365 * 24 * 3600;

KeyPtr newKey()
{
    return KeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

CertPtr newCertificate(EVP_PKEY *key, const char *commonName)
{
    CertPtr cert(X509_new());
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f; // positive
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), kValiditySeconds);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("Timonel"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(commonName), -1, -1, 0);
    return cert;
}

QByteArray certificatePem(X509 *cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), cert);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, size);
}

QByteArray keyPem(EVP_PKEY *key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, size);
}

Expected<ServingCertificates> generate()
{
    KeyPtr caKey = newKey();
    KeyPtr serverKey = newKey();
    if (!caKey || !serverKey)
        return Status::internalError(u"cannot generate TLS keys"_qs);

    CertPtr ca = newCertificate(caKey.get(), "timonel-ca");
    X509_set_issuer_name(ca.get(), X509_get_subject_name(ca.get()));
    bool ok = addExtension(ca.get(), ca.get(), NID_basic_constraints, "critical,CA:TRUE")
              && addExtension(ca.get(), ca.get(), NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature")
              && addExtension(ca.get(), ca.get(), NID_subject_key_identifier, "hash");
    ok = ok && X509_sign(ca.get(), caKey.get(), EVP_sha256()) > 0;

    CertPtr server = newCertificate(serverKey.get(), "timonel-apiserver");
    X509_set_issuer_name(server.get(), X509_get_subject_name(ca.get()));
    ok = ok && addExtension(server.get(), ca.get(), NID_basic_constraints, "critical,CA:FALSE")
         && addExtension(server.get(), ca.get(), NID_key_usage, "critical,digitalSignature,keyEncipherment")
         && addExtension(server.get(), ca.get(), NID_ext_key_usage, "serverAuth")
         && addExtension(server.get(), ca.get(), NID_subject_alt_name, "IP:127.0.0.1,IP:::1,DNS:localhost")
         && addExtension(server.get(), ca.get(), NID_authority_key_identifier, "keyid:always");
    ok = ok && X509_sign(server.get(), caKey.get(), EVP_sha256()) > 0;
    if (!ok)
        return Status::internalError(u"cannot sign the API server's TLS certificates"_qs);
    return ServingCertificates{certificatePem(ca.get()), certificatePem(server.get()), keyPem(serverKey.get())};
}

Status writePrivate(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::internalError(u"cannot write %1: %2"_qs.arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(data);
    if (!file.commit())
        return Status::internalError(u"cannot write %1: %2"_qs.arg(path, file.errorString()));
    return {};
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

Expected<ServingCertificates> loadOrCreateServingCertificates(const QString &dir)
{
    const QString caPath = dir + u"/ca.crt"_qs;
    const QString certPath = dir + u"/apiserver.crt"_qs;
    const QString keyPath = dir + u"/apiserver.key"_qs;
    ServingCertificates existing{readAll(caPath), readAll(certPath), readAll(keyPath)};
    if (!existing.caCertificatePem.isEmpty() && !existing.certificatePem.isEmpty() && !existing.privateKeyPem.isEmpty())
        return existing;

    QDir().mkpath(dir);
    auto fresh = generate();
    if (!fresh.ok())
        return fresh;
    for (const auto &[path, data] : {std::pair{keyPath, fresh->privateKeyPem}, std::pair{certPath, fresh->certificatePem},
                                     std::pair{caPath, fresh->caCertificatePem}}) {
        if (Status s = writePrivate(path, data); !s.isSuccess())
            return s;
    }
    return fresh;
}

} // namespace kube
