#pragma once
// What a StatefulSet does next with its members (upstream stateful_set_control.go
// updateStatefulSet, processReplica, processCondemned, updateStatefulSetAfterInvariantEstablished),
// decided from what the caches show. In ordinal order over the members in range:
//   failed or succeeded → delete it (it comes back with the same name);  missing → create it,
//   at the current revision below the partition, else at the update revision;  pending →
//   create its missing claims;  identity or claim owners off → fix them.
// OrderedReady stops at the first member it created or that is not Running, Ready and Available
// (minReadySeconds); Parallel carries on. Then the members beyond the range are deleted from the
// highest ordinal down, one at a time under OrderedReady, once their claims carry the owners the
// retention policy wants. Then, for RollingUpdate, members not at the update revision are deleted
// from the highest ordinal down to the partition, at most maxUnavailable unavailable at a time.
// A set being deleted takes no step. Pure; any thread.

#include <QList>
#include <QSet>
#include <QString>

namespace kube::statefulset {

// One member as the plan sees it.
struct MemberState {
    QString name;
    QString uid;
    int ordinal = -1;
    QString phase;                // "", Pending, Running, Succeeded, Failed, Unknown
    bool runningAndReady = false; // phase Running and condition Ready
    bool available = false;       // and ready for minReadySeconds
    bool terminating = false;     // deletionTimestamp set
    QString revision;             // its controller-revision-hash label
    bool identityOk = true;       // identityMatches
    bool claimsMissing = false;   // a claim of its templates does not exist
    bool claimOwnersOk = true;    // its claims carry the retention policy's owner references
};

struct PlanInput {
    int replicas = 1;
    int startOrdinal = 0;
    bool parallel = false;        // podManagementPolicy Parallel
    bool onDelete = false;        // updateStrategy OnDelete
    int partition = 0;
    int maxUnavailable = 1;       // already scaled against replicas, at least 1
    QString updateRevision;
    QList<MemberState> members;   // owned pods with an ordinal
    QSet<int> staleClaimOrdinals; // absent ordinals whose claims still belong to a deleted pod
    bool beingDeleted = false;
};

struct PlanStep {
    enum class Kind {
        CreatePod, // with its missing claims first
        DeletePod,
        FixPod,    // restore its identity labels
        FixClaims, // create missing claims, set the retention policy's owner references
    };
    enum class Reason { Missing, Failed, ScaleDown, Update, Identity, Claims };
    Kind kind;
    Reason reason;
    int ordinal = -1;
    QString podName; // members' steps
    QString podUid;
    bool atUpdateRevision = true; // CreatePod

    friend bool operator==(const PlanStep &, const PlanStep &) = default;
};

struct Plan {
    QList<PlanStep> steps;
    int updateDeletions = 0; // members deleted to roll them to the update revision
};

Plan planStatefulSet(const PlanInput &input);

// newVersionedStatefulSetPod's choice: a RollingUpdate creates ordinals below the partition at
// the current revision; everything else is created at the update revision.
bool createsAtUpdateRevision(const PlanInput &input, int ordinal);

} // namespace kube::statefulset
