#pragma once
// Turns SIGTERM and SIGINT into a clean QCoreApplication::quit() from the event loop (a signal
// handler may only write to a pipe; a QSocketNotifier reads it on the main thread).

namespace timonel {

void quitOnTerminationSignals();

} // namespace timonel
