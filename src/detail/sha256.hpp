// Private to the library (not installed): SHA-256 (FIPS 180-4), fed in pieces, so a file's digest
// is computed in the same pass that reads it. Used to name the export an observation comes from.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace dtiplan::detail {

/// Compress `blocks` 64-byte blocks at `data` into the state `h`: with the CPU's SHA extensions
/// when it has them (x86-64 SHA-NI, chosen once at run time), else in portable C++. Both give
/// the same digest (tests/cpp/dossier/reader_test.cpp checks the published test vectors).
void sha256_blocks(std::array<std::uint32_t, 8>& h, const std::uint8_t* data, std::size_t blocks);
/// The portable path alone (for the tests that compare the two).
void sha256_blocks_portable(std::array<std::uint32_t, 8>& h, const std::uint8_t* data,
                            std::size_t blocks);
/// Whether sha256_blocks uses the CPU's SHA extensions.
[[nodiscard]] bool sha256_hardware();

class Sha256 {
public:
    void update(std::string_view data) {
        bits_ += static_cast<std::uint64_t>(data.size()) * 8u;
        const auto* p = reinterpret_cast<const std::uint8_t*>(data.data());
        std::size_t n = data.size();
        if (used_ > 0) {  // fill the block begun by the last piece
            const std::size_t take = std::min<std::size_t>(64 - used_, n);
            std::memcpy(block_.data() + used_, p, take);
            used_ += take;
            p += take;
            n -= take;
            if (used_ < 64) return;
            sha256_blocks(h_, block_.data(), 1);
            used_ = 0;
        }
        if (n >= 64) {  // whole blocks straight from the input
            sha256_blocks(h_, p, n / 64);
            p += n / 64 * 64;
            n %= 64;
        }
        std::memcpy(block_.data(), p, n);
        used_ = n;
    }

    /// The digest in lowercase hex; the object is spent afterwards.
    [[nodiscard]] std::string hex() {
        const std::uint64_t bits = bits_;
        block_[used_++] = 0x80;
        if (used_ > 56) {
            while (used_ < 64) block_[used_++] = 0;
            sha256_blocks(h_, block_.data(), 1);
            used_ = 0;
        }
        while (used_ < 56) block_[used_++] = 0;
        for (int i = 7; i >= 0; --i) block_[used_++] = static_cast<std::uint8_t>(bits >> (i * 8));
        sha256_blocks(h_, block_.data(), 1);
        static constexpr char digits[] = "0123456789abcdef";
        std::string out;
        for (const std::uint32_t w : h_)
            for (int i = 28; i >= 0; i -= 4) out += digits[(w >> i) & 0xFu];
        return out;
    }

private:
    std::array<std::uint32_t, 8> h_ = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                       0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::array<std::uint8_t, 64> block_{};
    std::size_t used_ = 0;
    std::uint64_t bits_ = 0;
};

}  // namespace dtiplan::detail
