#pragma once
// plainHttpGet: one GET over a plain loopback socket, as `curl -H 'Host: …'` would send it — for
// tests of the simulated traffic (NodePorts, the ingress controller). Blocking is fine there: the
// listeners live on the embedded cluster's threads. Needs Qt6::Network.

#include <QByteArray>
#include <QTcpSocket>

struct HttpResult {
    int status = 0; // 0: no connection / no answer
    QByteArray body;
};

inline HttpResult plainHttpGet(int port, const QByteArray &path = "/", const QByteArray &host = "127.0.0.1")
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
    if (!socket.waitForConnected(3000))
        return {};
    socket.write("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: timonel-tests\r\n\r\n");
    QByteArray data;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(3000))
        data += socket.readAll();
    data += socket.readAll();
    const qsizetype headEnd = data.indexOf("\r\n\r\n");
    if (!data.startsWith("HTTP/1.1 ") || headEnd < 0)
        return {};
    return {data.mid(9, 3).toInt(), data.mid(headEnd + 4)};
}
