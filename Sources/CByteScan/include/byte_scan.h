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

#if defined(__SSE2__)
/// The sixteen ASCII hex digits in `bytes` as nibbles (first digit in the lowest byte); sets
/// `*valid` to 0 when one of them is not a hex digit.
static inline __m128i flowtrace_hex_nibbles(__m128i bytes, int *valid) {
    // Unsigned `x < n` as a signed compare: both sides with their top bit flipped.
    const __m128i flip = _mm_set1_epi8((char)0x80);
    __m128i digit = _mm_cmplt_epi8(_mm_xor_si128(_mm_sub_epi8(bytes, _mm_set1_epi8('0')), flip),
                                   _mm_set1_epi8((char)(0x80 + 10)));
    __m128i letter = _mm_cmplt_epi8(
        _mm_xor_si128(_mm_sub_epi8(_mm_or_si128(bytes, _mm_set1_epi8(0x20)), _mm_set1_epi8('a')), flip),
        _mm_set1_epi8((char)(0x80 + 6)));
    if (_mm_movemask_epi8(_mm_or_si128(digit, letter)) != 0xFFFF) *valid = 0;
    return _mm_add_epi8(_mm_and_si128(bytes, _mm_set1_epi8(0x0F)), _mm_and_si128(letter, _mm_set1_epi8(9)));
}

/// Pairs of nibbles (first of each pair in the lower byte) as bytes, first pair in the lowest.
static inline __m128i flowtrace_pack_nibbles(__m128i first, __m128i second) {
    const __m128i low = _mm_set1_epi16(0x00FF);
    __m128i a = _mm_and_si128(_mm_or_si128(_mm_slli_epi16(first, 4), _mm_srli_epi16(first, 8)), low);
    __m128i b = _mm_and_si128(_mm_or_si128(_mm_slli_epi16(second, 4), _mm_srli_epi16(second, 8)), low);
    return _mm_packus_epi16(a, b);
}
#endif

/// The 128 bits of the canonical UUID (`8-4-4-4-12` hex digits, any case) at `p[0..<36]`, first
/// digit most significant, into `high` and `low`; returns 0 (and leaves them) when it is not one.
static inline int flowtrace_uuid_bits(const unsigned char *p, uint64_t *high, uint64_t *low) {
    if (p[8] != '-' || p[13] != '-' || p[18] != '-' || p[23] != '-') return 0;
#if defined(__SSE2__)
    // The 32 digits, gathered without the hyphens as four 8-byte words.
    uint32_t parts[4];
    uint64_t words[4];
    memcpy(&words[0], p, 8);
    memcpy(&parts[0], p + 9, 4);
    memcpy(&parts[1], p + 14, 4);
    memcpy(&parts[2], p + 19, 4);
    memcpy(&parts[3], p + 24, 4);
    memcpy(&words[3], p + 28, 8);
    words[1] = (uint64_t)parts[0] | (uint64_t)parts[1] << 32;
    words[2] = (uint64_t)parts[2] | (uint64_t)parts[3] << 32;
    int valid = 1;
    __m128i first = flowtrace_hex_nibbles(_mm_set_epi64x((long long)words[1], (long long)words[0]), &valid);
    __m128i second = flowtrace_hex_nibbles(_mm_set_epi64x((long long)words[3], (long long)words[2]), &valid);
    if (!valid) return 0;
    __m128i bytes = flowtrace_pack_nibbles(first, second);
    uint64_t halves[2];
    _mm_storeu_si128((__m128i *)halves, bytes);
    *high = __builtin_bswap64(halves[0]);
    *low = __builtin_bswap64(halves[1]);
    return 1;
#else
    uint64_t value[2] = {0, 0};
    int digits = 0;
    for (int index = 0; index < 36; index++) {
        if (index == 8 || index == 13 || index == 18 || index == 23) continue;
        unsigned char byte = p[index];
        unsigned nibble;
        if (byte >= '0' && byte <= '9') nibble = byte - '0';
        else if ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'f') nibble = (byte | 0x20) - 'a' + 10;
        else return 0;
        value[digits / 16] = value[digits / 16] << 4 | nibble;
        digits++;
    }
    *high = value[0];
    *low = value[1];
    return 1;
#endif
}

/// The offset of the first `i` in `p[from..<end - 1]` where `p[i] == first` and `p[i + 1] == second`,
/// or `end` when there is none: where a short literal may start. It reads only `p[0..<end]`.
static inline long flowtrace_find_pair(const unsigned char *p, long from, long end,
                                       unsigned char first, unsigned char second) {
    long position = from;
#if defined(__SSE2__)
    __m128i wantedFirst = _mm_set1_epi8((char)first), wantedSecond = _mm_set1_epi8((char)second);
    while (position + 17 <= end) {
        __m128i both = _mm_and_si128(
            _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(p + position)), wantedFirst),
            _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(p + position + 1)), wantedSecond));
        unsigned mask = (unsigned)_mm_movemask_epi8(both);
        if (mask) return position + __builtin_ctz(mask);
        position += 16;
    }
    if (position + 1 < end && end >= 17) {
        long start = end - 17;
        __m128i both = _mm_and_si128(
            _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(p + start)), wantedFirst),
            _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(p + start + 1)), wantedSecond));
        unsigned mask = (unsigned)_mm_movemask_epi8(both) >> (position - start);
        return mask ? position + __builtin_ctz(mask) : end;
    }
#endif
    for (; position + 1 < end; position++) {
        if (p[position] == first && p[position + 1] == second) return position;
    }
    return end;
}

/// The number spans of `p[0..<count]` (`count` at most 256): maximal runs of ASCII digits whose
/// first byte begins the text or follows a byte that is not a letter, digit or `_`. Writes each
/// span's start and length to `starts` and `lengths` (room for `capacity`) and returns how many
/// there are; -1 when there are more than `capacity`, a run is longer than `longest`, or a byte
/// equals `sentinel`. Reads `p[0..<count rounded up to 16]`: the buffer must hold that much.
static inline int flowtrace_number_spans(const unsigned char *p, long count, unsigned char sentinel, long longest,
                                         unsigned char *starts, unsigned char *lengths, int capacity) {
    if (count > 256) return -1;
    // Bit i of `digits` (`words`): byte i is a digit (a letter, digit or `_`).
    uint64_t digits[4] = {0, 0, 0, 0}, words[4] = {0, 0, 0, 0};
#if defined(__SSE2__)
    const __m128i flip = _mm_set1_epi8((char)0x80);
    for (long block = 0; block < count; block += 16) {
        __m128i bytes = _mm_loadu_si128((const __m128i *)(p + block));
        // Unsigned `x < n` as a signed compare: both sides with their top bit flipped.
        __m128i digit = _mm_cmplt_epi8(_mm_xor_si128(_mm_sub_epi8(bytes, _mm_set1_epi8('0')), flip),
                                       _mm_set1_epi8((char)(0x80 + 10)));
        __m128i letter = _mm_cmplt_epi8(
            _mm_xor_si128(_mm_sub_epi8(_mm_or_si128(bytes, _mm_set1_epi8(0x20)), _mm_set1_epi8('a')), flip),
            _mm_set1_epi8((char)(0x80 + 26)));
        __m128i word = _mm_or_si128(_mm_or_si128(digit, letter), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('_')));
        unsigned keep = count - block >= 16 ? 0xFFFFu : (1u << (count - block)) - 1;
        unsigned marked = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8((char)sentinel)));
        if (marked & keep) return -1;
        digits[block >> 6] |= (uint64_t)((unsigned)_mm_movemask_epi8(digit) & keep) << (block & 63);
        words[block >> 6] |= (uint64_t)((unsigned)_mm_movemask_epi8(word) & keep) << (block & 63);
    }
#else
    for (long index = 0; index < count; index++) {
        unsigned char byte = p[index];
        if (byte == sentinel) return -1;
        int digit = byte >= '0' && byte <= '9';
        int word = digit || ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z') || byte == '_';
        digits[index >> 6] |= (uint64_t)digit << (index & 63);
        words[index >> 6] |= (uint64_t)word << (index & 63);
    }
#endif
    int found = 0;
    uint64_t previousWord = 0;  // whether the last byte of the 64 before is a word byte
    for (long part = 0; part * 64 < count; part++) {
        uint64_t first = digits[part] & ~(words[part] << 1 | previousWord);
        previousWord = words[part] >> 63;
        while (first) {
            long start = part * 64 + __builtin_ctzll(first);
            first &= first - 1;
            // The run ends at the first byte that is not a digit (bits past `count` are not).
            long end = start;
            for (;;) {
                uint64_t rest = ~digits[end >> 6] >> (end & 63);
                if (rest) { end += __builtin_ctzll(rest); break; }
                end = (end | 63) + 1;
                if (end >= count) { end = count; break; }
            }
            if (end - start > longest || found == capacity) return -1;
            starts[found] = (unsigned char)start;
            lengths[found] = (unsigned char)(end - start);
            found++;
        }
    }
    return found;
}

/// Whether `byte` is a letter, digit or `_`.
static inline int flowtrace_is_word(unsigned char byte) {
    return (unsigned char)(byte - '0') < 10 || (unsigned char)((byte | 0x20) - 'a') < 26 || byte == '_';
}

/// The stand-alone canonical UUIDs of `p[0..<count]` (no letter, digit or `_` touches either
/// end), at most four: their starts into `starts` and keys (``flowtrace_uuid_bits``, high then
/// low) into `keys`. Once there is one, `masked` holds the text with each UUID's 36 bytes
/// replaced: the first by 0x01, the others by 0x02 plus the index of the first UUID with the same
/// key. Returns how many there are, or -1 when there are more than four.
static inline int flowtrace_uuid_spans(const unsigned char *p, long count, unsigned char *masked,
                                       unsigned char *starts, uint64_t *keys) {
    int found = 0;
    // A UUID's first `-` is its ninth byte.
    long position = 8;
    while (position + 28 <= count) {
        long hyphen = flowtrace_first_byte(p, position, count - 27, '-');
        if (hyphen >= count - 27) break;
        long start = hyphen - 8;
        uint64_t high, low;
        if ((start == 0 || !flowtrace_is_word(p[start - 1])) && (start + 36 == count || !flowtrace_is_word(p[start + 36]))
            && flowtrace_uuid_bits(p + start, &high, &low)) {
            if (found == 4) return -1;
            if (found == 0) memcpy(masked, p, (size_t)count);
            int first = found;
            for (int index = 0; index < found; index++) {
                if (keys[2 * index] == high && keys[2 * index + 1] == low) { first = index; break; }
            }
            keys[2 * found] = high;
            keys[2 * found + 1] = low;
            starts[found] = (unsigned char)start;
            memset(masked + start, 0x02 + first, 36);
            masked[start] = 0x01;
            found++;
            position = start + 36 + 8;
        } else {
            position = hyphen + 1;
        }
    }
    return found;
}

#endif
