#!/bin/sh
# exec-hang.sh: never answers (a plugin waiting for a browser login).
exec sleep 30
