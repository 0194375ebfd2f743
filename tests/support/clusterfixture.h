#pragma once
// Helpers shared by the tests that run against the real embedded cluster (started in the test
// process on a free port, serving TLS) and wait for asynchronous answers. Tests that include it
// link kube_cluster and kube_client.

#include "kube/client/clustertransport.h"
#include "kube/client/restclient.h"
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
    // Connected to the cluster once it started (declared after it: destroyed before it).
    std::unique_ptr<kube::ClusterTransport> transport;
    std::unique_ptr<kube::RestClient> client;

    kube::Status start(Controllers controllers = Controllers::Off)
    {
        kube::ClusterOptions options;
        options.controllers = controllers == Controllers::On;
        return start(std::move(options));
    }

    // Starts a cluster with the options a test chose (the data dir and token are the fixture's
    // when left empty) and connects `transport` and `client` to it.
    kube::Status start(kube::ClusterOptions options)
    {
        if (options.dataDir.isEmpty())
            options.dataDir = dir.path();
        if (options.token.isEmpty())
            options.token = "test-token-0123456789";
        cluster = std::make_unique<kube::EmbeddedCluster>(options);
        kube::Status started = cluster->start();
        if (!started.isSuccess())
            return started;
        transport = std::make_unique<kube::ClusterTransport>(config());
        client = std::make_unique<kube::RestClient>(transport.get());
        return started;
    }

    // Disconnects, then stops the cluster (tests that must stop it before their own teardown).
    void stop()
    {
        client.reset();
        transport.reset();
        cluster.reset();
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
