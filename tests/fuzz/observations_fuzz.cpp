// Fuzz target: observation files, CSV (spreadsheet cells: decimal commas, thousands dots,
// percentages, có/không, quoting) or JSON, read against the built-in plan. The first byte picks
// the format ('j': JSON, anything else: CSV); the seeds start with it. A log read is written as
// CSV and JSON, and each reads back as the same figures.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "dtiplan/error.hpp"
#include "dtiplan/io/builtin.hpp"
#include "dtiplan/track/observation_io.hpp"
#include "fuzz_support.hpp"

namespace {

const dtiplan::Plan& plan() {
    static const dtiplan::Plan p = dtiplan::builtin_plan();
    return p;
}

bool same_figures(const dtiplan::ObservationLog& a, const dtiplan::ObservationLog& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto& x = a.all()[i];
        const auto& y = b.all()[i];
        if (x.indicator != y.indicator || !(x.period == y.period) || !(x.value == y.value) ||
            x.unit != y.unit || x.submitted != y.submitted || x.note != y.note)
            return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const bool json = data[0] == 'j';
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    try {
        const dtiplan::ObservationLog log =
            json ? dtiplan::observations_from_json(text, "so-lieu.json", plan())
                 : dtiplan::observations_from_csv(text, "so-lieu.csv", plan());
        if (!same_figures(log, dtiplan::observations_from_json(dtiplan::observations_to_json(log),
                                                               "again.json", plan())))
            std::abort();
        try {
            const std::string csv = dtiplan::observations_to_csv(log);
            if (!same_figures(log, dtiplan::observations_from_csv(csv, "again.csv", plan())))
                std::abort();
        } catch (const dtiplan::FormatError&) {  // evidence with ";": documented, JSON only
        }
    } catch (const dtiplan::Error& e) {
        dtiplan_fuzz::check_message(e);
    }
    return 0;
}
