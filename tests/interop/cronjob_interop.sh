#!/usr/bin/env bash
# Interop: CronJobs and Indexed Jobs with the real kubectl against a fresh timonel-cluster:
# kubectl's own `create cronjob` generator, the CronJob table columns, `create job --from`,
# the manual run's logs, an Indexed Job's completedIndexes, one real scheduled run (the only
# wait for a minute boundary, overlapped with the other steps), and suspend.
# Usage: cronjob_interop.sh <timonel-cluster> <clients-dir>
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
start_cluster "$1" "$2"

want='cronjob.batch/hello created' expect "create cronjob (kubectl's generator)" \
  "$K" create cronjob hello --image=busybox --schedule='*/1 * * * *' -- echo hi
want='^NAME +SCHEDULE +TIMEZONE +SUSPEND +ACTIVE +LAST SCHEDULE +AGE' expect "get cronjob header" "$K" get cronjob hello
want='^hello +\*/1 \* \* \* \* +<none> +False +0 +<none> +' expect "get cronjob row before the first run" "$K" get cronjob hello

want='job.batch/manual created' expect "create job --from=cronjob/hello" "$K" create job manual --from=cronjob/hello
want='^manual$' expect "manual job is annotated as instantiated by hand" \
  "$K" get job manual -o jsonpath='{.metadata.annotations.cronjob\.kubernetes\.io/instantiate}'
want='^CronJob hello true$' expect "manual job is controlled by the CronJob" \
  "$K" get job manual -o jsonpath='{.metadata.ownerReferences[0].kind} {.metadata.ownerReferences[0].name} {.metadata.ownerReferences[0].controller}'
want='condition met' expect "manual job completes" timeout 60 "$K" wait --for=condition=complete job/manual --timeout=50s
want='^hi$' expect "manual job's logs say hi" "$K" logs job/manual
want='^manual +Complete +1/1 +[0-9]+s +' expect "get job columns (COMPLETIONS, DURATION)" bash -c "'$K' get job manual --no-headers"

want='job.batch/indexed created' expect "create an Indexed Job" bash -c "'$K' create -f - <<'EOF'
apiVersion: batch/v1
kind: Job
metadata:
  name: indexed
spec:
  completionMode: Indexed
  completions: 3
  parallelism: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: work
        image: busybox
        command: [sh, -c, 'echo working']
EOF"
want='condition met' expect "Indexed Job completes" timeout 60 "$K" wait --for=condition=complete job/indexed --timeout=50s
want='^0-2$' expect "completedIndexes 0-2" "$K" get job indexed -o jsonpath='{.status.completedIndexes}'
want='^indexed +Complete +3/3 ' expect "Indexed Job shows 3/3" bash -c "'$K' get job indexed --no-headers"
want='^0 indexed-0,1 indexed-1,2 indexed-2,$' expect "one pod per index, hostname <job>-<index>" bash -c \
  "'$K' get pods -l batch.kubernetes.io/job-name=indexed -o jsonpath='{range .items[*]}{.metadata.labels.batch\.kubernetes\.io/job-completion-index} {.spec.hostname},{end}' | tr ',' '\n' | sort | tr '\n' ',' | sed 's/^,//'"
want='JOB_COMPLETION_INDEX' expect "pods get JOB_COMPLETION_INDEX" \
  "$K" get pods -l batch.kubernetes.io/job-name=indexed -o jsonpath='{.items[0].spec.containers[0].env[*].name}'

# The one wait for the real minute boundary: the run scheduled at the next minute.
want='^hello-[0-9]+$' eventually 75 "the schedule starts a run" bash -c \
  "'$K' get jobs -o jsonpath='{range .items[*]}{.metadata.ownerReferences[0].name} {.metadata.name} {.metadata.annotations.cronjob\.kubernetes\.io/instantiate}{\"\\n\"}{end}' | awk '\$1==\"hello\" && \$3==\"\" {print \$2}' | head -1"
run=$("$K" get jobs -o jsonpath='{range .items[*]}{.metadata.name}{"\n"}{end}' | grep -E '^hello-[0-9]+$' | head -1)
want='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:00Z$' expect "run carries its scheduled timestamp" \
  "$K" get job "$run" -o jsonpath='{.metadata.annotations.batch\.kubernetes\.io/cronjob-scheduled-timestamp}'
want="Created job $run" eventually 10 "SuccessfulCreate event" "$K" get events --field-selector involvedObject.name=hello
want='condition met' expect "scheduled run completes" timeout 40 "$K" wait --for=condition=complete "job/$run" --timeout=30s
want="Saw completed job: $run, condition: Complete" eventually 15 "SawCompletedJob event" "$K" get events --field-selector involvedObject.name=hello
want='^hello +\*/1 \* \* \* \* +<none> +False +0 +[0-9]+s +' eventually 15 "LAST SCHEDULE filled, nothing active" "$K" get cronjob hello --no-headers
want='[0-9]{4}-' expect "lastSuccessfulTime" "$K" get cronjob hello -o jsonpath='{.status.lastSuccessfulTime}'

want='cronjob.batch/hello patched' expect "suspend" "$K" patch cronjob hello -p '{"spec":{"suspend":true}}'
want='^hello +\*/1 \* \* \* \* +<none> +True ' expect "SUSPEND column True" "$K" get cronjob hello --no-headers

# --- the API refuses what the controller could never run ---
want='spec.schedule: Invalid value: "61 \* \* \* \*"' expect_fail "an invalid schedule is refused" \
  "$K" create cronjob bad --image=busybox --schedule="61 * * * *" -- true
want='unknown time zone Mars/Olympus' expect_fail "an unknown time zone is refused" bash -c \
  "'$K' create cronjob tz --image=busybox --schedule='0 * * * *' --dry-run=client -o json -- true | sed 's/\"schedule\"/\"timeZone\": \"Mars\/Olympus\", \"schedule\"/' | '$K' create -f -"

finish
