#!/bin/sh
# exec-fail.sh: fails the way a cloud CLI does when its session expired.
echo "progress: refreshing the session" >&2
echo "error: the SSO session for profile dev has expired; run: cloud login" >&2
exit 3
