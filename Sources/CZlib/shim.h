#ifndef FLOWTRACE_CZLIB_SHIM_H
#define FLOWTRACE_CZLIB_SHIM_H
#include <zlib.h>

/// `inflateInit2` is a macro in zlib.h, which Swift cannot call: wrap it.
static inline int flowtrace_inflateInit2(z_streamp strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}
#endif
