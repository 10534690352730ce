// Fuzz target: peer tables (CSV: unit, year, DTI, and the main indices and components when a
// framework is given). The first byte picks whether the built-in framework is given ('f') or
// not. A table read is written as CSV and reads back equal.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "dtiplan/error.hpp"
#include "dtiplan/rank/peers.hpp"
#include "dtiplan/score/framework.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const dtiplan::Framework framework = dtiplan::builtin_framework();
    const dtiplan::Framework* f = data[0] == 'f' ? &framework : nullptr;
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    try {
        dtiplan::PeerTable table = dtiplan::peers_from_csv(text, "peers.csv", f);
        dtiplan::PeerTable again =
            dtiplan::peers_from_csv(dtiplan::peers_to_csv(table, f), "again.csv", f);
        for (auto* t : {&table, &again})
            for (auto& r : t->results) r.origin.clear();  // "origins aside" (peers.hpp)
        if (!(again == table)) std::abort();
    } catch (const dtiplan::Error& e) {
        dtiplan_fuzz::check_message(e);
    }
    return 0;
}
