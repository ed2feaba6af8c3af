#include "checksum.h"

#include <zlib.h>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#define FLOWTRACE_CRC32_CLMUL 1
#include <immintrin.h>
#endif

/// zlib's own CRC-32: for CPUs without carry-less multiplication and for the last few bytes.
static uint32_t crc32_portable(uint32_t crc, const void *data, size_t length) {
    return (uint32_t)crc32_z(crc, (const Bytef *)data, (z_size_t)length);
}

#ifdef FLOWTRACE_CRC32_CLMUL

// Folding after "Fast CRC Computation for Generic Polynomials Using PCLMULQDQ Instruction"
// (Gopal, Ozturk et al., Intel, 2009). The state is the bit-reflected CRC before its final
// inversion. Folding a 128-bit lane forward by D bits multiplies its low half by x^(D+32) mod P
// and its high half by x^(D-32) mod P (bit-reflected, shifted left by one): `FOLD(D)`.
#define FOLD_512 0x01c6e41596, 0x0154442bd4
#define FOLD_384 0x0174359406, 0x003db1ecdc
#define FOLD_256 0x015a546366, 0x00f1da05aa
#define FOLD_128 0x00ccaa009e, 0x01751997d0
#define FOLD_2048 0x01322d1430, 0x011542778a

/// `lane` folded forward over the distance of `constants` onto `next`.
__attribute__((target("pclmul,sse4.1")))
static inline __m128i fold_lane(__m128i lane, __m128i constants, __m128i next) {
    __m128i low = _mm_clmulepi64_si128(lane, constants, 0x00);
    __m128i high = _mm_clmulepi64_si128(lane, constants, 0x11);
    return _mm_xor_si128(_mm_xor_si128(high, low), next);
}

/// Folds the remaining 16-byte blocks of `length` (a multiple of 16) into `folded`, then reduces
/// its 128 bits to the 32-bit state: to 64 bits, then Barrett reduction with P and μ.
__attribute__((target("pclmul,sse4.1")))
static uint32_t reduce(__m128i folded, const unsigned char *data, size_t length) {
    const __m128i fold128 = _mm_set_epi64x(FOLD_128);
    const __m128i fold64 = _mm_set_epi64x(0, 0x0163cd6124);
    const __m128i barrett = _mm_set_epi64x(0x01f7011641, 0x01db710641);
    const __m128i low32 = _mm_setr_epi32(~0, 0, ~0, 0);

    for (; length >= 16; data += 16, length -= 16) {
        folded = fold_lane(folded, fold128, _mm_loadu_si128((const __m128i *)data));
    }
    __m128i product = _mm_clmulepi64_si128(folded, fold128, 0x10);
    folded = _mm_xor_si128(_mm_srli_si128(folded, 8), product);
    __m128i high = _mm_srli_si128(folded, 4);
    folded = _mm_and_si128(folded, low32);
    folded = _mm_xor_si128(_mm_clmulepi64_si128(folded, fold64, 0x00), high);

    __m128i quotient = _mm_and_si128(folded, low32);
    quotient = _mm_clmulepi64_si128(quotient, barrett, 0x10);
    quotient = _mm_and_si128(quotient, low32);
    quotient = _mm_clmulepi64_si128(quotient, barrett, 0x00);
    folded = _mm_xor_si128(folded, quotient);
    return (uint32_t)_mm_extract_epi32(folded, 1);
}

/// The state after `length` bytes (at least 64, a multiple of 16): four 128-bit lanes, each
/// folded over 512 bits per step, then folded into one.
__attribute__((target("pclmul,sse4.1")))
static uint32_t fold_sse(uint32_t state, const unsigned char *data, size_t length) {
    const __m128i fold512 = _mm_set_epi64x(FOLD_512);
    const __m128i fold128 = _mm_set_epi64x(FOLD_128);
    __m128i lane0 = _mm_loadu_si128((const __m128i *)(data + 0x00));
    __m128i lane1 = _mm_loadu_si128((const __m128i *)(data + 0x10));
    __m128i lane2 = _mm_loadu_si128((const __m128i *)(data + 0x20));
    __m128i lane3 = _mm_loadu_si128((const __m128i *)(data + 0x30));
    lane0 = _mm_xor_si128(lane0, _mm_cvtsi32_si128((int)state));
    for (data += 64, length -= 64; length >= 64; data += 64, length -= 64) {
        lane0 = fold_lane(lane0, fold512, _mm_loadu_si128((const __m128i *)(data + 0x00)));
        lane1 = fold_lane(lane1, fold512, _mm_loadu_si128((const __m128i *)(data + 0x10)));
        lane2 = fold_lane(lane2, fold512, _mm_loadu_si128((const __m128i *)(data + 0x20)));
        lane3 = fold_lane(lane3, fold512, _mm_loadu_si128((const __m128i *)(data + 0x30)));
    }
    __m128i folded = fold_lane(lane0, fold128, lane1);
    folded = fold_lane(folded, fold128, lane2);
    folded = fold_lane(folded, fold128, lane3);
    return reduce(folded, data, length);
}

/// `lanes` (four 128-bit lanes) folded forward over the distance of `constants` onto `next`.
__attribute__((target("avx512f,avx512vl,vpclmulqdq")))
static inline __m512i fold_lanes(__m512i lanes, __m512i constants, __m512i next) {
    __m512i low = _mm512_clmulepi64_epi128(lanes, constants, 0x00);
    __m512i high = _mm512_clmulepi64_epi128(lanes, constants, 0x11);
    return _mm512_ternarylogic_epi64(low, high, next, 0x96);
}

/// The state after `length` bytes (at least 256, a multiple of 16): sixteen 128-bit lanes in
/// four 512-bit registers, each folded over 2048 bits per step, then folded into one.
__attribute__((target("avx512f,avx512vl,vpclmulqdq,pclmul,sse4.1")))
static uint32_t fold_avx512(uint32_t state, const unsigned char *data, size_t length) {
    const __m512i fold2048 = _mm512_broadcast_i32x4(_mm_set_epi64x(FOLD_2048));
    const __m512i fold512 = _mm512_broadcast_i32x4(_mm_set_epi64x(FOLD_512));
    __m512i lanes0 = _mm512_loadu_si512(data + 0x00);
    __m512i lanes1 = _mm512_loadu_si512(data + 0x40);
    __m512i lanes2 = _mm512_loadu_si512(data + 0x80);
    __m512i lanes3 = _mm512_loadu_si512(data + 0xC0);
    lanes0 = _mm512_xor_si512(lanes0, _mm512_zextsi128_si512(_mm_cvtsi32_si128((int)state)));
    for (data += 256, length -= 256; length >= 256; data += 256, length -= 256) {
        lanes0 = fold_lanes(lanes0, fold2048, _mm512_loadu_si512(data + 0x00));
        lanes1 = fold_lanes(lanes1, fold2048, _mm512_loadu_si512(data + 0x40));
        lanes2 = fold_lanes(lanes2, fold2048, _mm512_loadu_si512(data + 0x80));
        lanes3 = fold_lanes(lanes3, fold2048, _mm512_loadu_si512(data + 0xC0));
    }
    __m512i lanes = fold_lanes(lanes0, fold512, lanes1);
    lanes = fold_lanes(lanes, fold512, lanes2);
    lanes = fold_lanes(lanes, fold512, lanes3);
    for (; length >= 64; data += 64, length -= 64) {
        lanes = fold_lanes(lanes, fold512, _mm512_loadu_si512(data));
    }
    __m128i folded = _mm512_extracti32x4_epi32(lanes, 3);
    folded = fold_lane(_mm512_extracti32x4_epi32(lanes, 0), _mm_set_epi64x(FOLD_384), folded);
    folded = fold_lane(_mm512_extracti32x4_epi32(lanes, 1), _mm_set_epi64x(FOLD_256), folded);
    folded = fold_lane(_mm512_extracti32x4_epi32(lanes, 2), _mm_set_epi64x(FOLD_128), folded);
    return reduce(folded, data, length);
}

static uint32_t crc32_sse(uint32_t crc, const void *data, size_t length) {
    if (length < 64) return crc32_portable(crc, data, length);
    size_t folded = length & ~(size_t)15;
    crc = ~fold_sse(~crc, (const unsigned char *)data, folded);
    return crc32_portable(crc, (const unsigned char *)data + folded, length - folded);
}

static uint32_t crc32_avx512(uint32_t crc, const void *data, size_t length) {
    if (length < 256) return crc32_sse(crc, data, length);
    size_t folded = length & ~(size_t)15;
    crc = ~fold_avx512(~crc, (const unsigned char *)data, folded);
    return crc32_portable(crc, (const unsigned char *)data + folded, length - folded);
}

#endif

typedef uint32_t (*crc32_function)(uint32_t, const void *, size_t);

static crc32_function choose_crc32(void) {
#ifdef FLOWTRACE_CRC32_CLMUL
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl")
        && __builtin_cpu_supports("vpclmulqdq")) {
        return crc32_avx512;
    }
    if (__builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse4.1")) return crc32_sse;
#endif
    return crc32_portable;
}

uint32_t flowtrace_crc32(uint32_t crc, const void *data, size_t length) {
    // Threads may race to choose: they all choose the same function.
    static crc32_function chosen;
    crc32_function function = __atomic_load_n(&chosen, __ATOMIC_RELAXED);
    if (function == NULL) {
        function = choose_crc32();
        __atomic_store_n(&chosen, function, __ATOMIC_RELAXED);
    }
    return function(crc, data, length);
}
