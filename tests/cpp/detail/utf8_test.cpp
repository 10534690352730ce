// The UTF-8 check every reader relies on: Vietnamese letters are one to three bytes each, and a
// file saved in another encoding (Windows-1258, Latin-1) must be refused, never read as other
// letters. utf8_length checks the byte ranges of the Unicode Standard's Table 3-7; here it is
// compared, on every sequence of up to three bytes and on four-byte ones, with a decoder that
// works the other way (decode the code point, then refuse overlong forms, surrogates and values
// past U+10FFFF).
#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "detail/utf8.hpp"

using dtiplan::detail::first_bad_utf8;
using dtiplan::detail::first_bad_utf8_line;
using dtiplan::detail::utf8_length;

namespace {

// The length of the sequence at s[0] by decoding it, or 0.
std::size_t decoded_length(std::string_view s) {
    const auto c = static_cast<unsigned char>(s[0]);
    if (c < 0x80) return 1;
    std::size_t len = 0;
    char32_t min = 0;
    if ((c & 0xE0u) == 0xC0u)
        len = 2, min = 0x80;
    else if ((c & 0xF0u) == 0xE0u)
        len = 3, min = 0x800;
    else if ((c & 0xF8u) == 0xF0u)
        len = 4, min = 0x10000;
    else
        return 0;
    if (s.size() < len) return 0;
    char32_t cp = c & (0x7Fu >> len);
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[k]);
        if ((b & 0xC0u) != 0x80u) return 0;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

}  // namespace

TEST(Utf8, VietnameseLettersHaveTheirLengths) {
    const std::string text = "Đại Phước: trực tuyến toàn trình";
    EXPECT_EQ(utf8_length(text, 0), 2u);  // Đ U+0110
    EXPECT_EQ(utf8_length(text, 2), 3u);  // ạ U+1EA1
    EXPECT_EQ(utf8_length(text, 5), 1u);  // i
    EXPECT_EQ(first_bad_utf8(text), std::string_view::npos);
}

TEST(Utf8, EveryShortSequenceAgreesWithDecoding) {
    std::size_t valid = 0;
    for (unsigned a = 0; a < 256; ++a) {
        for (unsigned b = 0; b < 256; ++b) {
            for (unsigned c = 0; c < 256; ++c) {
                const char bytes[3] = {static_cast<char>(a), static_cast<char>(b),
                                       static_cast<char>(c)};
                for (std::size_t n = 1; n <= 3; ++n) {
                    if (n < 3 && c != 0) continue;  // a shorter text: the same for every c
                    if (n < 2 && b != 0) continue;
                    const std::string_view s(bytes, n);
                    const std::size_t got = utf8_length(s, 0);
                    ASSERT_EQ(got, decoded_length(s))
                        << std::hex << a << " " << b << " " << c << " (" << n << " bytes)";
                    if (got == n) ++valid;
                }
            }
        }
    }
    // 128 one-byte, 1,920 two-byte and 61,440 three-byte code points (U+0800-U+FFFF without
    // the 2,048 surrogates).
    EXPECT_EQ(valid, 128u + 1920u + 61440u);
}

TEST(Utf8, FourByteSequencesAgreeWithDecoding) {
    for (unsigned a = 0xF0; a < 0x100; ++a)
        for (unsigned b = 0; b < 256; ++b)
            for (const unsigned c : {0x00u, 0x80u, 0xBFu, 0xC0u})
                for (const unsigned d : {0x41u, 0x80u, 0xBFu, 0xC0u}) {
                    const char bytes[4] = {static_cast<char>(a), static_cast<char>(b),
                                           static_cast<char>(c), static_cast<char>(d)};
                    const std::string_view s(bytes, 4);
                    ASSERT_EQ(utf8_length(s, 0), decoded_length(s))
                        << std::hex << a << " " << b << " " << c << " " << d;
                }
}

TEST(Utf8, Windows1258TextIsRefusedOnItsLine) {
    // "Phước" in Windows-1258: ư is 0xFD, ớ is ơ (0xF5) + the acute accent (0xEC).
    const std::string text =
        "ma_ho_so,don_vi\nH1,Ph\xFD\xF5\xEC"
        "c\n";
    EXPECT_EQ(first_bad_utf8(text), 21u);
    EXPECT_EQ(first_bad_utf8_line(text), 2u);
    // A letter cut at the end of the text is not one either.
    EXPECT_EQ(first_bad_utf8(std::string_view("Tr\xE1\xBB", 4)), 2u);
}
