#pragma once
// SimulationData: the image catalogue (images.yaml) and lifecycle rules (lifecycle.yaml) the
// simulated kubelet runs on. builtin() reads the copies compiled into kube_kubelet
// (:/timonel/simulation/); load() reads a directory (tests, experiments).
//
// Thread safety: immutable after loading; builtin() is initialised once, thread-safely.
// Cost: loading parses two small YAML files (~1 ms); lookups are a hash probe.

#include "imageprofile.h"
#include "imagereference.h"
#include "lifecyclerules.h"

#include "kube/api/expected.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

namespace kube::kubelet {

class SimulationData
{
public:
    static constexpr auto BuiltinDirectory = ":/timonel/simulation";

    // Reads <directory>/images.yaml and <directory>/lifecycle.yaml. Errors are 400 BadRequest
    // naming the file and the field ("images.yaml: images[3].memory: unable to parse …").
    static Expected<SimulationData> load(const QString &directory);
    // The compiled-in data; aborts with a message if it does not load (a build error).
    static const SimulationData &builtin();

    const QList<ImageProfile> &images() const { return m_images; }
    const LifecycleRules &rules() const { return m_rules; }
    // Any tag or digest of a known repository; nullptr for unknown repositories.
    const ImageProfile *findImage(const ImageReference &ref) const;

    // A canonical dump of everything loaded (the golden-file test compares it).
    QJsonObject toJson() const;

private:
    QList<ImageProfile> m_images;
    QHash<QString, qsizetype> m_byRepository;
    LifecycleRules m_rules;
};

} // namespace kube::kubelet
