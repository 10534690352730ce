// SHA-256, the digest that names a dossier export in the evidence of its figures: the published
// test vectors (FIPS 180-4 examples), pieces fed in any split, and the CPU's SHA instructions
// giving the same state as the portable loop on every length.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "detail/sha256.hpp"

using dtiplan::detail::Sha256;

namespace {

std::string digest(const std::string& text) {
    Sha256 sha;
    sha.update(text);
    return sha.hex();
}

}  // namespace

TEST(Sha256, PublishedTestVectors) {
    EXPECT_EQ(digest(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(digest(std::string(1'000'000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, AnySplitOfTheInputGivesTheSameDigest) {
    std::mt19937 gen(2026);
    std::string text(1000, '\0');
    for (char& c : text) c = static_cast<char>(gen() & 0xFFu);
    const std::string whole = digest(text);
    for (const std::size_t piece : {1U, 7U, 63U, 64U, 65U, 128U, 500U}) {
        Sha256 sha;
        for (std::size_t i = 0; i < text.size(); i += piece) sha.update(text.substr(i, piece));
        EXPECT_EQ(sha.hex(), whole) << "pieces of " << piece;
    }
}

TEST(Sha256, HardwareAndPortableBlocksAgree) {
    std::mt19937 gen(766);
    std::vector<std::uint8_t> data(64 * 40);
    for (auto& b : data) b = static_cast<std::uint8_t>(gen() & 0xFFu);
    for (std::size_t blocks = 0; blocks <= 40; ++blocks) {
        std::array<std::uint32_t, 8> a = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                          0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
        std::array<std::uint32_t, 8> b = a;
        dtiplan::detail::sha256_blocks(a, data.data(), blocks);
        dtiplan::detail::sha256_blocks_portable(b, data.data(), blocks);
        EXPECT_EQ(a, b) << blocks << " blocks";
    }
    RecordProperty("sha_instructions", dtiplan::detail::sha256_hardware() ? "yes" : "no");
}
