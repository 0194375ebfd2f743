#include "kube/api/status.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace kube;

class tst_Status : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void notFoundMatchesUpstream();
    void invalidListsCauses();
    void roundTrip();
    void nonStatusIsNotAnError();
};

void tst_Status::notFoundMatchesUpstream()
{
    const Status s = Status::notFound(u"deployments.apps"_qs, u"web"_qs);
    QCOMPARE(s.code(), 404);
    QVERIFY(s.is(reason::NotFound));
    QCOMPARE(s.message(), u"deployments.apps \"web\" not found"_qs);
    const QJsonObject j = s.toJson();
    QCOMPARE(j.value(u"kind").toString(), u"Status"_qs);
    QCOMPARE(j.value(u"status").toString(), u"Failure"_qs);
    QCOMPARE(j.value(u"details").toObject().value(u"group").toString(), u"apps"_qs);
    QCOMPARE(j.value(u"details").toObject().value(u"kind").toString(), u"deployments"_qs);
}

void tst_Status::invalidListsCauses()
{
    const Status s = Status::invalid(u"apps"_qs, u"Deployment"_qs, u"web"_qs,
                                     {{u"FieldValueInvalid"_qs, u"Invalid value: -1: must be greater than or equal to 0"_qs, u"spec.replicas"_qs},
                                      {u"FieldValueRequired"_qs, u"Required value"_qs, u"spec.selector"_qs}});
    QCOMPARE(s.code(), 422);
    QVERIFY(s.message().startsWith(u"Deployment.apps \"web\" is invalid: [spec.replicas: Invalid value"_qs));
    const QJsonArray causes = s.toJson().value(u"details").toObject().value(u"causes").toArray();
    QCOMPARE(causes.size(), 2);
    QCOMPARE(causes.at(1).toObject().value(u"field").toString(), u"spec.selector"_qs);
}

void tst_Status::roundTrip()
{
    Status s = Status::conflict(u"pods"_qs, u"p"_qs, u"the object has been modified; please apply your changes to the latest version and try again"_qs);
    s.setRetryAfterSeconds(3);
    const Status back = Status::fromJson(s.toJson());
    QCOMPARE(back.code(), 409);
    QCOMPARE(back.reason(), s.reason());
    QCOMPARE(back.message(), s.message());
    QCOMPARE(back.detailsName(), u"p"_qs);
    QCOMPARE(back.retryAfterSeconds(), 3);
}

void tst_Status::nonStatusIsNotAnError()
{
    QCOMPARE(Status::fromJson(QJsonObject{{u"kind"_qs, u"Pod"_qs}}).code(), 0);
}

QTEST_GUILESS_MAIN(tst_Status)
#include "tst_status.moc"
