// SHA-256's compression function (FIPS 180-4, §6.2.2), portable and with the x86-64 SHA
// extensions. A dossier export of a province's year is hundreds of megabytes: the portable loop
// takes about as long as reading the rows, the SHA instructions a tenth of that.
#include "detail/sha256.hpp"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define DTIPLAN_SHA_NI 1
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace dtiplan::detail {

namespace {

constexpr std::array<std::uint32_t, 64> kRound = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

#ifdef DTIPLAN_SHA_NI

/// CPUID: leaf 1 ECX bits 9 (SSSE3) and 19 (SSE4.1), leaf 7 EBX bit 29 (SHA).
bool cpu_has_sha() {
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (__get_cpuid(1, &a, &b, &c, &d) == 0) return false;
    if ((c & (1u << 9)) == 0 || (c & (1u << 19)) == 0) return false;
    if (__get_cpuid_count(7, 0, &a, &b, &c, &d) == 0) return false;
    return (b & (1u << 29)) != 0;
}

// The state is held as two registers in the order the SHA instructions take: ABEF (A in the top
// lane) and CDGH. sha256rnds2 does two rounds from the low two lanes of W+K; sha256msg1 and
// sha256msg2 extend the message schedule four words at a time:
//   W[i..i+3] = msg2(msg1(W[i-16..], W[i-12..]) + W[i-7..i-4], W[i-4..i-1]).
__attribute__((target("sha,sse4.1,ssse3"))) void blocks_sha_ni(std::array<std::uint32_t, 8>& h,
                                                               const std::uint8_t* data,
                                                               std::size_t blocks) {
    const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i tmp = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&h[0]));     // a b c d
    __m128i state1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&h[4]));  // e f g h
    tmp = _mm_shuffle_epi32(tmp, 0xB1);                                         // b a d c
    state1 = _mm_shuffle_epi32(state1, 0x1B);                                   // h g f e
    __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);                           // f e b a: ABEF
    state1 = _mm_blend_epi16(state1, tmp, 0xF0);                                // h g d c: CDGH
    for (std::size_t b = 0; b < blocks; ++b, data += 64) {
        const __m128i abef = state0;
        const __m128i cdgh = state1;
        __m128i m[4];
        for (int j = 0; j < 4; ++j)
            m[j] = _mm_shuffle_epi8(
                _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * j)), swap);
#pragma GCC unroll 16
        for (int j = 0; j < 16; ++j) {
            __m128i& w = m[j % 4];
            if (j >= 4) {
                const __m128i w7 = _mm_alignr_epi8(m[(j + 3) % 4], m[(j + 2) % 4], 4);
                w = _mm_sha256msg2_epu32(_mm_add_epi32(_mm_sha256msg1_epu32(w, m[(j + 1) % 4]), w7),
                                         m[(j + 3) % 4]);
            }
            __m128i wk = _mm_add_epi32(w, _mm_loadu_si128(reinterpret_cast<const __m128i*>(
                                              &kRound[static_cast<std::size_t>(4 * j)])));
            state1 = _mm_sha256rnds2_epu32(state1, state0, wk);
            wk = _mm_shuffle_epi32(wk, 0x0E);
            state0 = _mm_sha256rnds2_epu32(state0, state1, wk);
        }
        state0 = _mm_add_epi32(state0, abef);
        state1 = _mm_add_epi32(state1, cdgh);
    }
    tmp = _mm_shuffle_epi32(state0, 0x1B);        // a b e f
    state1 = _mm_shuffle_epi32(state1, 0xB1);     // g h c d
    state0 = _mm_blend_epi16(tmp, state1, 0xF0);  // a b c d
    state1 = _mm_alignr_epi8(state1, tmp, 8);     // e f g h
    _mm_storeu_si128(reinterpret_cast<__m128i*>(&h[0]), state0);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(&h[4]), state1);
}

#endif

}  // namespace

void sha256_blocks_portable(std::array<std::uint32_t, 8>& h, const std::uint8_t* data,
                            std::size_t blocks) {
    for (std::size_t b = 0; b < blocks; ++b, data += 64) {
        std::array<std::uint32_t, 64> w{};
        for (std::size_t i = 0; i < 16; ++i)
            w[i] = (std::uint32_t{data[i * 4]} << 24) | (std::uint32_t{data[i * 4 + 1]} << 16) |
                   (std::uint32_t{data[i * 4 + 2]} << 8) | std::uint32_t{data[i * 4 + 3]};
        for (std::size_t i = 16; i < 64; ++i) {
            const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::array<std::uint32_t, 8> v = h;
        for (std::size_t i = 0; i < 64; ++i) {
            const std::uint32_t s1 = rotr(v[4], 6) ^ rotr(v[4], 11) ^ rotr(v[4], 25);
            const std::uint32_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
            const std::uint32_t t1 = v[7] + s1 + ch + kRound[i] + w[i];
            const std::uint32_t s0 = rotr(v[0], 2) ^ rotr(v[0], 13) ^ rotr(v[0], 22);
            const std::uint32_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            const std::uint32_t t2 = s0 + maj;
            v[7] = v[6];
            v[6] = v[5];
            v[5] = v[4];
            v[4] = v[3] + t1;
            v[3] = v[2];
            v[2] = v[1];
            v[1] = v[0];
            v[0] = t1 + t2;
        }
        for (std::size_t i = 0; i < 8; ++i) h[i] += v[i];
    }
}

bool sha256_hardware() {
#ifdef DTIPLAN_SHA_NI
    static const bool has = cpu_has_sha();
    return has;
#else
    return false;
#endif
}

void sha256_blocks(std::array<std::uint32_t, 8>& h, const std::uint8_t* data, std::size_t blocks) {
#ifdef DTIPLAN_SHA_NI
    if (sha256_hardware()) {
        blocks_sha_ni(h, data, blocks);
        return;
    }
#endif
    sha256_blocks_portable(h, data, blocks);
}

}  // namespace dtiplan::detail
