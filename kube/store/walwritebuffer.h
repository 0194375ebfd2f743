#pragma once
// WalWriteBuffer: a SQLite VFS ("timonel-walbuffer") layered over the default one. It gathers the
// writes SQLite makes to a write-ahead log and hands them to the disk as one write when SQLite
// syncs (or reads, truncates, asks the size of, or closes the file, or when the gathered writes
// stop being contiguous). SQLite writes each WAL frame as two writes — its header, then its page —
// so a group commit of 8 pods (~17 frames) cost ~34 write calls, ~100 us of a ~0.8 ms commit on
// this machine; now it costs one. Every other file goes straight to the default VFS.
//
// Durability is unchanged: SQLite acknowledges a commit only after it syncs the WAL, and the sync
// writes the gathered frames first; a crash before that loses frames that were never synced nor
// acknowledged (which WAL recovery would discard by their checksums anyway). Other connections
// see frames only after the commit's sync has published them in the WAL index.
//
// Thread affinity: a file belongs to its connection, which SQLite uses from one thread at a time.
// Ownership: the buffer belongs to the open file and is freed when it closes.
// Cost: one copy of the frames into the buffer (memcpy speed); the buffer keeps its capacity
// (up to 4 MiB, beyond which writes are flushed as they come).

namespace kube::walbuffer {

// The VFS's name, registered with SQLite on first use (thread-safe), for sqlite3_open_v2; null
// when it could not be registered (the caller then uses the default VFS).
const char *vfsName();

// Since the process started, over every WAL opened through the VFS: the writes SQLite made, and
// the writes handed to the disk (diagnostics and tests).
struct Counts {
    unsigned long long gathered = 0;
    unsigned long long issued = 0;
};
Counts counts();

} // namespace kube::walbuffer
