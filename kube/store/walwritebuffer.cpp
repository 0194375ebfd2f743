#include "walwritebuffer.h"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace kube::walbuffer {

namespace {

constexpr sqlite3_int64 maxBuffer = 4 << 20;

// SQLite allocates szOsFile bytes per open file: this struct, then the default VFS's own file.
struct File {
    sqlite3_file base;
    sqlite3_file *real;
    bool gathers;          // a WAL: writes are gathered
    char *buffer;          // malloc'd; null until the first gathered write
    sqlite3_int64 capacity;
    sqlite3_int64 start;   // file offset of buffer[0]
    sqlite3_int64 size;    // bytes gathered
};

sqlite3_vfs *realVfs = nullptr;
std::atomic<unsigned long long> gatheredWrites = 0;
std::atomic<unsigned long long> issuedWrites = 0;

File *self(sqlite3_file *f) { return reinterpret_cast<File *>(f); }

// The default VFS takes at most 128 KiB - 1 per write (it masks the length to 17 bits).
constexpr sqlite3_int64 maxWrite = 120 * 1024;

int flush(File *f)
{
    int rc = SQLITE_OK;
    for (sqlite3_int64 done = 0; done < f->size && rc == SQLITE_OK;) {
        const sqlite3_int64 n = std::min(maxWrite, f->size - done);
        rc = f->real->pMethods->xWrite(f->real, f->buffer + done, int(n), f->start + done);
        issuedWrites.fetch_add(1, std::memory_order_relaxed);
        done += n;
    }
    f->size = 0;
    return rc;
}

int xClose(sqlite3_file *file)
{
    File *f = self(file);
    const int flushed = flush(f);
    const int rc = f->real->pMethods->xClose(f->real);
    std::free(f->buffer);
    f->buffer = nullptr;
    return flushed != SQLITE_OK ? flushed : rc;
}

int xRead(sqlite3_file *file, void *out, int n, sqlite3_int64 offset)
{
    File *f = self(file);
    if (int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xRead(f->real, out, n, offset);
}

int xWrite(sqlite3_file *file, const void *data, int n, sqlite3_int64 offset)
{
    File *f = self(file);
    if (!f->gathers)
        return f->real->pMethods->xWrite(f->real, data, n, offset);
    if (f->size > 0 && (offset != f->start + f->size || f->size + n > maxBuffer)) {
        if (int rc = flush(f); rc != SQLITE_OK)
            return rc;
    }
    if (n > maxWrite) // SQLite's own writes are a page or a frame header: never this large
        return f->real->pMethods->xWrite(f->real, data, n, offset);
    if (f->size + n > f->capacity) {
        const sqlite3_int64 wanted = std::min(maxBuffer, std::max<sqlite3_int64>(f->size + n, f->capacity * 2 + 65536));
        char *grown = static_cast<char *>(std::realloc(f->buffer, size_t(wanted)));
        if (!grown)
            return SQLITE_IOERR_NOMEM;
        f->buffer = grown;
        f->capacity = wanted;
    }
    gatheredWrites.fetch_add(1, std::memory_order_relaxed);
    if (f->size == 0)
        f->start = offset;
    std::memcpy(f->buffer + f->size, data, size_t(n));
    f->size += n;
    return SQLITE_OK;
}

int xTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    File *f = self(file);
    if (int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xTruncate(f->real, size);
}

int xSync(sqlite3_file *file, int flags)
{
    File *f = self(file);
    if (int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xSync(f->real, flags);
}

int xFileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    File *f = self(file);
    if (int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xFileSize(f->real, size);
}

int xLock(sqlite3_file *file, int level) { return self(file)->real->pMethods->xLock(self(file)->real, level); }
int xUnlock(sqlite3_file *file, int level) { return self(file)->real->pMethods->xUnlock(self(file)->real, level); }
int xCheckReservedLock(sqlite3_file *file, int *out)
{
    return self(file)->real->pMethods->xCheckReservedLock(self(file)->real, out);
}
int xFileControl(sqlite3_file *file, int op, void *arg)
{
    return self(file)->real->pMethods->xFileControl(self(file)->real, op, arg);
}
int xSectorSize(sqlite3_file *file) { return self(file)->real->pMethods->xSectorSize(self(file)->real); }
int xDeviceCharacteristics(sqlite3_file *file)
{
    return self(file)->real->pMethods->xDeviceCharacteristics(self(file)->real);
}
int xShmMap(sqlite3_file *file, int region, int size, int extend, void volatile **out)
{
    return self(file)->real->pMethods->xShmMap(self(file)->real, region, size, extend, out);
}
int xShmLock(sqlite3_file *file, int offset, int n, int flags)
{
    return self(file)->real->pMethods->xShmLock(self(file)->real, offset, n, flags);
}
void xShmBarrier(sqlite3_file *file) { self(file)->real->pMethods->xShmBarrier(self(file)->real); }
int xShmUnmap(sqlite3_file *file, int deleteFlag)
{
    return self(file)->real->pMethods->xShmUnmap(self(file)->real, deleteFlag);
}
int xFetch(sqlite3_file *file, sqlite3_int64 offset, int n, void **out)
{
    File *f = self(file);
    if (int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xFetch(f->real, offset, n, out);
}
int xUnfetch(sqlite3_file *file, sqlite3_int64 offset, void *p)
{
    return self(file)->real->pMethods->xUnfetch(self(file)->real, offset, p);
}

const sqlite3_io_methods methods = {
    3,         xClose,     xRead,   xWrite,    xTruncate,  xSync,    xFileSize,   xLock,
    xUnlock,   xCheckReservedLock,  xFileControl,          xSectorSize,          xDeviceCharacteristics,
    xShmMap,   xShmLock,   xShmBarrier,         xShmUnmap, xFetch,   xUnfetch,
};

int xOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    File *f = self(file);
    std::memset(f, 0, sizeof(File));
    f->real = reinterpret_cast<sqlite3_file *>(reinterpret_cast<char *>(f) + ((sizeof(File) + 7) & ~size_t(7)));
    const int rc = realVfs->xOpen(realVfs, name, f->real, flags, outFlags);
    if (rc != SQLITE_OK || !f->real->pMethods) {
        if (f->real->pMethods)
            f->real->pMethods->xClose(f->real);
        f->base.pMethods = nullptr;
        return rc != SQLITE_OK ? rc : SQLITE_CANTOPEN;
    }
    if (f->real->pMethods->iVersion < 3) { // every method above is forwarded: the default VFS must have them
        f->real->pMethods->xClose(f->real);
        f->base.pMethods = nullptr;
        return SQLITE_CANTOPEN;
    }
    f->gathers = (flags & SQLITE_OPEN_WAL) != 0;
    f->base.pMethods = &methods;
    return SQLITE_OK;
}

sqlite3_vfs vfs;

} // namespace

const char *vfsName()
{
    static std::once_flag once;
    static bool registered = false;
    std::call_once(once, [] {
        realVfs = sqlite3_vfs_find(nullptr);
        if (!realVfs)
            return;
        vfs = *realVfs;
        vfs.pNext = nullptr;
        vfs.zName = "timonel-walbuffer";
        vfs.szOsFile = int((sizeof(File) + 7) & ~size_t(7)) + realVfs->szOsFile;
        vfs.xOpen = xOpen;
        registered = sqlite3_vfs_register(&vfs, 0) == SQLITE_OK;
    });
    return registered ? vfs.zName : nullptr;
}

Counts counts()
{
    return {gatheredWrites.load(std::memory_order_relaxed), issuedWrites.load(std::memory_order_relaxed)};
}

} // namespace kube::walbuffer
