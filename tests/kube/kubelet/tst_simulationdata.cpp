// SimulationData: the compiled-in catalogue and lifecycle rules, against a golden file.
// Update the golden file with TIMONEL_UPDATE_GOLDEN=1 ctest -R tst_simulationdata.

#include "kube/kubelet/simulationdata.h"

#include "tests/support/testpaths.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace kube::kubelet;

class tst_SimulationData : public QObject
{
    Q_OBJECT
private slots:
    void builtinMatchesGolden();
    void sourceDirectoryMatchesBuiltin();
    void imageLookup_data();
    void imageLookup();
};

void tst_SimulationData::builtinMatchesGolden()
{
    const QByteArray actual = QJsonDocument(SimulationData::builtin().toJson()).toJson(QJsonDocument::Indented);
    const QString golden = timonel::test::dataPath(QStringLiteral("kubelet/catalogue.golden.json"));
    if (qEnvironmentVariableIntValue("TIMONEL_UPDATE_GOLDEN")) {
        QFile f(golden);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(actual);
        QSKIP("golden file updated");
    }
    QFile f(golden);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(golden));
    QCOMPARE(actual, f.readAll());
}

void tst_SimulationData::sourceDirectoryMatchesBuiltin()
{
    const auto loaded = SimulationData::load(qEnvironmentVariable("TIMONEL_SOURCE_DIR") + QStringLiteral("/resources/simulation"));
    QVERIFY2(loaded.ok(), qPrintable(loaded.error().message()));
    QCOMPARE(loaded->toJson(), SimulationData::builtin().toJson());
    QVERIFY(!SimulationData::load(QStringLiteral("/nonexistent")).ok());
}

void tst_SimulationData::imageLookup_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QString>("normalised");
    QTest::addColumn<bool>("known");
    QTest::newRow("short-name") << "nginx" << "docker.io/library/nginx" << "docker.io/library/nginx:latest" << true;
    QTest::newRow("tag") << "nginx:1.25" << "docker.io/library/nginx" << "docker.io/library/nginx:1.25" << true;
    QTest::newRow("library-prefix") << "docker.io/library/busybox:1.36" << "docker.io/library/busybox" << "docker.io/library/busybox:1.36" << true;
    QTest::newRow("user-repo") << "learnk8s/app:1.0.0" << "docker.io/learnk8s/app" << "docker.io/learnk8s/app:1.0.0" << true;
    QTest::newRow("course-demo") << "wardviaene/k8s-demo" << "docker.io/wardviaene/k8s-demo" << "docker.io/wardviaene/k8s-demo:latest" << true;
    QTest::newRow("registry") << "registry.k8s.io/pause:3.9" << "registry.k8s.io/pause" << "registry.k8s.io/pause:3.9" << true;
    QTest::newRow("digest") << "redis@sha256:abc" << "docker.io/library/redis" << "docker.io/library/redis@sha256:abc" << true;
    QTest::newRow("typo") << "ngnix" << "docker.io/library/ngnix" << "docker.io/library/ngnix:latest" << false;
    QTest::newRow("registry-port") << "localhost:5000/app:1" << "localhost:5000/app" << "localhost:5000/app:1" << false;
}

void tst_SimulationData::imageLookup()
{
    QFETCH(QString, image);
    QFETCH(QString, repository);
    QFETCH(QString, normalised);
    QFETCH(bool, known);
    const ImageReference ref = ImageReference::parse(image);
    QCOMPARE(ref.repository(), repository);
    QCOMPARE(ref.normalised(), normalised);
    QCOMPARE(SimulationData::builtin().findImage(ref) != nullptr, known);
}

QTEST_GUILESS_MAIN(tst_SimulationData)
#include "tst_simulationdata.moc"
