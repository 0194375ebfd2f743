#!/bin/sh
# exec-secret-garbage.sh: prints something that is not an ExecCredential but contains a secret.
echo 'not json: secret-token-value'
