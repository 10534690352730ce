// Fuzz target: the Vietnamese target phrases of a plan ("Trên 80%", "9/9 nền tảng", "Có ...").
// A phrase read is written back in both languages; every refusal is a TargetPhraseError with a
// message fit to show (fuzz_support.hpp).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dtiplan/error.hpp"
#include "dtiplan/model/target_phrase.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view phrase(reinterpret_cast<const char*>(data), size);
    try {
        const dtiplan::TargetValue v = dtiplan::parse_target_phrase(phrase);
        (void)dtiplan::format_target(v, dtiplan::Language::Vietnamese);
        (void)dtiplan::format_target(v, dtiplan::Language::English);
    } catch (const dtiplan::Error& e) {
        dtiplan_fuzz::check_message(e);
    }
    return 0;
}
