#pragma once
// LifecycleRules: the stage timings and back-off rules of the simulated kubelet, read from
// resources/simulation/lifecycle.yaml. All durations in milliseconds. Plain value type.

#include <QtGlobal>

namespace kube::kubelet {

struct BackOffRule {
    qint64 initialMs = 10'000;
    qint64 maxMs = 300'000;
    // The delay before attempt n (n = 0 is the first back-off): initial × 2^n, capped at max.
    qint64 delayMs(int n) const;
};

struct LifecycleRules {
    qint64 sandboxReadyMs = 1000;
    qint64 pullAlwaysCheckMs = 400;
    qint64 pullFailMs = 1500;
    qint64 pullErrorShownMs = 1000;
    BackOffRule pullBackOff;
    qint64 createMs = 100;
    qint64 startMs = 100;
    qint64 restartMs = 500;
    qint64 stopMs = 200;
    BackOffRule crashLoopBackOff;
    qint64 crashLoopResetMs = 600'000;
    int probePeriodSeconds = 10;
    int probeTimeoutSeconds = 1;
    int probeSuccessThreshold = 1;
    int probeFailureThreshold = 3;
    qint64 defaultGracePeriodSeconds = 30;
    int logMaxLines = 5000;
    qint64 logMaxBytes = 1024 * 1024;
    int shellMaxSteps = 10'000;
};

} // namespace kube::kubelet
