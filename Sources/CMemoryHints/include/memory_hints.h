#ifndef FLOWTRACE_MEMORY_HINTS_H
#define FLOWTRACE_MEMORY_HINTS_H

/// Asks the CPU to start loading the cache line at `address` for reading. The pipeline hands
/// events from one core to the other: without a hint, the first touch of each one waits for the
/// line to come over from the other core's cache.
static inline void flowtrace_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

/// Asks the CPU to start loading the cache line at `address` for writing.
static inline void flowtrace_prefetch_for_write(void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif
