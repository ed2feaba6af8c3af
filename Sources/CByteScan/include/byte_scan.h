#ifndef FLOWTRACE_BYTE_SCAN_H
#define FLOWTRACE_BYTE_SCAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Byte scans of the parsing hot path, sixteen bytes at a time with SSE2 compares and a
// movemask: Swift's SIMD types have no movemask, and their lane compares compile lane by lane.
// Each has a plain C loop for other machines. Inline, so that Swift callers inline them.

#if defined(__SSE2__)
/// Bit i set when byte i of the sixteen at `p` is non-ASCII, a control byte (below 0x20: NUL and
/// ESC among them) or equal to `extra`. One signed compare flags both of the first two kinds.
static inline unsigned flowtrace_suspicious_mask(const unsigned char *p, __m128i extra) {
    __m128i bytes = _mm_loadu_si128((const __m128i *)p);
    __m128i flagged = _mm_or_si128(_mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(bytes, extra));
    return (unsigned)_mm_movemask_epi8(flagged);
}
#endif

/// The offset of the first byte of `p[from..<count]` that is non-ASCII, a control byte or (when
/// `quotes`) `"`, or `count` when there is none: a superset of what ``normalise`` must look at
/// (non-ASCII, NUL, ESC, the first `"`), which passes over a tab at the cost of one more call.
/// Lines of at least sixteen bytes are read in whole blocks, the last overlapping the one before.
static inline long flowtrace_next_suspicious(const unsigned char *p, long from, long count, int quotes) {
    long position = from;
#if defined(__SSE2__)
    // With no quotes to find, compare with 0x80: a byte equal to it is non-ASCII anyway.
    __m128i extra = _mm_set1_epi8(quotes ? 0x22 : (char)0x80);
    while (position + 16 <= count) {
        unsigned mask = flowtrace_suspicious_mask(p + position, extra);
        if (mask) return position + __builtin_ctz(mask);
        position += 16;
    }
    if (position >= count) return count;
    if (count >= 16) {
        long start = count - 16;
        unsigned mask = flowtrace_suspicious_mask(p + start, extra) >> (position - start);
        return mask ? position + __builtin_ctz(mask) : count;
    }
#endif
    for (; position < count; position++) {
        unsigned char byte = p[position];
        if (byte >= 0x80 || byte < 0x20 || (quotes && byte == 0x22)) return position;
    }
    return count;
}

/// The offset of the first `byte` in `p[from..<limit]`, or `limit`. For short runs, where calling
/// `memchr` costs more than the search. Like the screen above, it may read bytes before `from`,
/// never outside `p[0..<limit]`.
static inline long flowtrace_first_byte(const unsigned char *p, long from, long limit, unsigned char byte) {
    long position = from;
#if defined(__SSE2__)
    __m128i wanted = _mm_set1_epi8((char)byte);
    while (position + 16 <= limit) {
        unsigned mask = (unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(p + position)), wanted));
        if (mask) return position + __builtin_ctz(mask);
        position += 16;
    }
    if (position < limit && limit >= 16) {
        long start = limit - 16;
        unsigned mask = (unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(p + start)), wanted)) >> (position - start);
        return mask ? position + __builtin_ctz(mask) : limit;
    }
#endif
    while (position < limit && p[position] != byte) position++;
    return position;
}

#endif
