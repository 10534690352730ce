// Fuzz target: DTI framework files (JSON). A framework read must write back to JSON that reads
// as an equal framework (framework.hpp: framework_from_json(framework_to_json(f)) == f).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "dtiplan/error.hpp"
#include "dtiplan/score/framework.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const dtiplan::Framework f = dtiplan::framework_from_json(text, "khung.json");
        if (!(dtiplan::framework_from_json(dtiplan::framework_to_json(f), "again.json") == f))
            std::abort();
    } catch (const dtiplan::Error& e) {
        dtiplan_fuzz::check_message(e);
    }
    return 0;
}
