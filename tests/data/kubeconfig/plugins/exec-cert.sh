#!/bin/sh
# exec-cert.sh <apiVersion>: answers with a client certificate instead of a token.
printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"clientCertificateData":"-----BEGIN CERTIFICATE-----\\nY2VydA==\\n-----END CERTIFICATE-----\\n","clientKeyData":"-----BEGIN PRIVATE KEY-----\\na2V5\\n-----END PRIVATE KEY-----\\n"}}\n' "$1"
