// Fuzz target: plan files (JSON, schema dtiplan.plan/1). A plan read must write back to JSON
// that reads as an equal plan (plan_json.hpp: plan_from_json(plan_to_json(p)) == p).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "dtiplan/error.hpp"
#include "dtiplan/io/plan_json.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const dtiplan::Plan plan = dtiplan::plan_from_json(text, "ke-hoach.json");
        if (!(dtiplan::plan_from_json(dtiplan::plan_to_json(plan), "again.json") == plan))
            std::abort();
    } catch (const dtiplan::Error& e) {
        dtiplan_fuzz::check_message(e);
    }
    return 0;
}
