#pragma once
// Helpers shared by the tests that run against the real embedded cluster (started in the test
// process on a free port, serving TLS) and wait for asynchronous answers. Tests that include it
// link kube_cluster and kube_client.

#include "kube/client/clustertransport.h"
#include "kube/cluster/embeddedcluster.h"

#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>
#include <optional>

// Runs start(callback) and pumps the event loop until the callback ran (or timeoutMs passed).
template<typename T, typename Start>
std::optional<T> awaitResult(Start start, int timeoutMs = 15000)
{
    std::optional<T> result;
    QEventLoop loop;
    start([&](T value) {
        result.emplace(std::move(value));
        loop.quit();
    });
    if (!result) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result;
}

struct ClusterFixture {
    // Off: the API alone, so nothing but the test writes; On: controllers, scheduler, kubelets.
    enum class Controllers { Off, On };

    QTemporaryDir dir;
    std::unique_ptr<kube::EmbeddedCluster> cluster;

    kube::Status start(Controllers controllers = Controllers::Off)
    {
        kube::ClusterOptions options;
        options.controllers = controllers == Controllers::On;
        options.dataDir = dir.path();
        options.token = "test-token-0123456789";
        cluster = std::make_unique<kube::EmbeddedCluster>(options);
        return cluster->start();
    }
    kube::RestConfig config() const
    {
        kube::RestConfig c;
        c.server = QUrl(cluster->url());
        c.certificateAuthorityPem = cluster->caCertificate();
        c.bearerToken = cluster->token();
        return c;
    }
};
