#ifndef FLOWTRACE_CZLIB_SHIM_H
#define FLOWTRACE_CZLIB_SHIM_H
#include <zlib.h>

/// `inflateInit2` is a macro in zlib.h, which Swift cannot call: wrap it.
static inline int flowtrace_inflateInit2(z_streamp strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}

/// `deflateInit2` is a macro too; tests use it to write gzip data in-process.
static inline int flowtrace_deflateInit2(z_streamp strm, int level, int windowBits, int memLevel, int strategy) {
    return deflateInit2(strm, level, Z_DEFLATED, windowBits, memLevel, strategy);
}
#endif
