#ifndef FLOWTRACE_CHECKSUM_H
#define FLOWTRACE_CHECKSUM_H

#include <stddef.h>
#include <stdint.h>

/// Updates the gzip CRC-32 `crc` (0 to start) with `length` bytes at `data`: the same result as
/// zlib's `crc32`, so a CRC can be built up piece by piece. Folds 64 bytes at a time with
/// carry-less multiplication on x86_64 CPUs that have it (checked once, at the first call);
/// elsewhere it calls zlib.
uint32_t flowtrace_crc32(uint32_t crc, const void *data, size_t length);

#endif
