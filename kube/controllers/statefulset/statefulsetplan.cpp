#include "statefulsetplan.h"

#include <algorithm>

namespace kube::statefulset {

namespace {

bool isFinished(const MemberState &m)
{
    return m.phase == u"Failed" || m.phase == u"Succeeded";
}

// isUnavailable; a member not created yet is unavailable too.
bool isUnavailable(const MemberState *m)
{
    return !m || !m->available || m->terminating;
}

PlanStep memberStep(PlanStep::Kind kind, PlanStep::Reason reason, const MemberState &m)
{
    return PlanStep{kind, reason, m.ordinal, m.name, m.uid, true};
}

class Planner
{
public:
    explicit Planner(const PlanInput &input) : m_in(input), m_monotonic(!input.parallel)
    {
        m_slots.resize(std::max(0, input.replicas), nullptr);
        for (const MemberState &m : input.members) {
            const int index = m.ordinal - input.startOrdinal;
            if (m.ordinal >= 0 && index >= 0 && index < m_slots.size())
                m_slots[index] = &m;
            else if (m.ordinal >= 0)
                m_condemned.append(&m);
        }
        std::sort(m_condemned.begin(), m_condemned.end(), [](const MemberState *a, const MemberState *b) { return a->ordinal > b->ordinal; });
    }

    Plan run()
    {
        if (m_in.beingDeleted)
            return m_plan;
        if (processReplicas() && processCondemned() && !m_in.onDelete)
            rollUpdate();
        return m_plan;
    }

private:
    // processReplica over the members in range; false when OrderedReady has to wait.
    bool processReplicas()
    {
        for (qsizetype i = 0; i < m_slots.size(); ++i) {
            const int ordinal = m_in.startOrdinal + int(i);
            const MemberState *m = m_slots.at(i);
            if (!m) {
                if (!m_in.staleClaimOrdinals.contains(ordinal))
                    m_plan.steps.append(PlanStep{PlanStep::Kind::CreatePod, PlanStep::Reason::Missing, ordinal, QString(), QString(),
                                                 createsAtUpdateRevision(m_in, ordinal)});
                if (m_monotonic)
                    return false;
                continue;
            }
            if (isFinished(*m)) {
                if (!m->terminating)
                    m_plan.steps.append(memberStep(PlanStep::Kind::DeletePod, PlanStep::Reason::Failed, *m));
                if (m_monotonic)
                    return false;
                continue;
            }
            // A pending member may be waiting for a claim someone deleted: create it at once.
            const bool pending = m->phase.isEmpty() || m->phase == u"Pending";
            const bool claimsFixed = pending && m->claimsMissing;
            if (claimsFixed)
                m_plan.steps.append(memberStep(PlanStep::Kind::FixClaims, PlanStep::Reason::Claims, *m));
            if (m_monotonic && (m->terminating || !m->runningAndReady || !m->available))
                return false;
            if (!m->identityOk)
                m_plan.steps.append(memberStep(PlanStep::Kind::FixPod, PlanStep::Reason::Identity, *m));
            if (!claimsFixed && (!m->claimOwnersOk || m->claimsMissing))
                m_plan.steps.append(memberStep(PlanStep::Kind::FixClaims, PlanStep::Reason::Claims, *m));
        }
        return true;
    }

    // processCondemned, highest ordinal first; false when OrderedReady has to wait.
    bool processCondemned()
    {
        // Claims get their owners before their pods go, so the garbage collector follows the
        // policy; the claim updates bring the set back for the deletions.
        bool fixing = false;
        for (const MemberState *m : m_condemned) {
            if (!m->claimOwnersOk) {
                m_plan.steps.append(memberStep(PlanStep::Kind::FixClaims, PlanStep::Reason::Claims, *m));
                fixing = true;
            }
        }
        if (fixing)
            return false;
        const MemberState *firstUnhealthy = firstUnhealthyCondemned();
        for (const MemberState *m : m_condemned) {
            if (m->terminating) {
                if (m_monotonic)
                    return false;
                continue;
            }
            if (m_monotonic && isUnavailable(m) && m != firstUnhealthy)
                return false;
            m_plan.steps.append(memberStep(PlanStep::Kind::DeletePod, PlanStep::Reason::ScaleDown, *m));
            if (m_monotonic)
                return false;
        }
        return true;
    }

    // The lowest unavailable condemned member, when every member in range is available.
    const MemberState *firstUnhealthyCondemned() const
    {
        for (const MemberState *m : m_slots) {
            if (isUnavailable(m))
                return nullptr;
        }
        for (auto it = m_condemned.crbegin(); it != m_condemned.crend(); ++it) {
            if (isUnavailable(*it))
                return *it;
        }
        return nullptr;
    }

    void rollUpdate()
    {
        int unavailable = 0;
        for (const MemberState *m : m_slots) {
            if (isUnavailable(m))
                ++unavailable;
        }
        const int budget = std::max(1, m_in.maxUnavailable) - unavailable;
        for (qsizetype target = m_slots.size() - 1; target >= m_in.partition && target >= 0 && m_plan.updateDeletions < budget; --target) {
            const MemberState *m = m_slots.at(target);
            if (!m || m->terminating || m->revision == m_in.updateRevision)
                continue;
            m_plan.steps.append(memberStep(PlanStep::Kind::DeletePod, PlanStep::Reason::Update, *m));
            ++m_plan.updateDeletions;
        }
    }

    const PlanInput &m_in;
    const bool m_monotonic;
    QList<const MemberState *> m_slots;     // by ordinal - startOrdinal; null: not created
    QList<const MemberState *> m_condemned; // beyond the range, highest ordinal first
    Plan m_plan;
};

} // namespace

bool createsAtUpdateRevision(const PlanInput &input, int ordinal)
{
    return input.onDelete || ordinal >= input.startOrdinal + input.partition;
}

Plan planStatefulSet(const PlanInput &input)
{
    return Planner(input).run();
}

} // namespace kube::statefulset
