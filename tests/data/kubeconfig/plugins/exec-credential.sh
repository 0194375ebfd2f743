#!/bin/sh
# exec-credential.sh <apiVersion> <token> [expirationTimestamp]
# Prints an ExecCredential. When EXEC_COUNT_FILE is set, appends one line per run; when
# EXEC_INFO_FILE is set, saves KUBERNETES_EXEC_INFO and the env var PLUGIN_PROFILE there.
if [ -n "$EXEC_COUNT_FILE" ]; then echo run >> "$EXEC_COUNT_FILE"; fi
if [ -n "$EXEC_INFO_FILE" ]; then
  printf '%s\n%s\n' "$KUBERNETES_EXEC_INFO" "$PLUGIN_PROFILE" > "$EXEC_INFO_FILE"
fi
runs=0
if [ -n "$EXEC_COUNT_FILE" ]; then runs=$(wc -l < "$EXEC_COUNT_FILE" | tr -d ' '); fi
if [ -n "$3" ]; then
  printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"%s-%s","expirationTimestamp":"%s"}}\n' "$1" "$2" "$runs" "$3"
else
  printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"%s-%s"}}\n' "$1" "$2" "$runs"
fi
