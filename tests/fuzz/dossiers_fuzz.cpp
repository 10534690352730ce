// Fuzz target: dossier exports from the one-stop-shop system (CSV, "," or ";", quoting, dates,
// có/không cells, units by id or name), read against the built-in plan in one streaming pass.
// The first byte picks the options (bit 0: skip bad rows, bit 1: calendar-month windows, bit 2:
// only November 2026's window); the seeds start with it. Besides "no crash", a summary read must
// add up: every row is counted, left outside the period or listed as bad; each window's commune
// is the sum of its units; no numerator exceeds its denominator; the 766 index stays within its
// maxima.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "dtiplan/dossier/reader.hpp"
#include "dtiplan/dossier/summary.hpp"
#include "dtiplan/error.hpp"
#include "dtiplan/io/builtin.hpp"
#include "fuzz_support.hpp"

namespace {

const dtiplan::Plan& plan() {
    static const dtiplan::Plan p = dtiplan::builtin_plan();
    return p;
}

void require(bool ok) {
    if (!ok) std::abort();
}

void check_tally(const dtiplan::DossierTally& t) {
    require(t.online_with_service <= t.with_online_service);
    require(t.with_online_service <= t.dossiers);
    require(t.online_with_service <= t.filed_online && t.filed_online <= t.dossiers);
    require(t.full_online_done + t.half_online <= t.full_online_procedure);
    require(t.full_online_procedure <= t.with_online_service);
    require(t.digitised <= t.dossiers);
    require(t.e_result <= t.with_result && t.with_result <= t.dossiers);
    require(t.paid_online <= t.with_fee && t.with_fee <= t.dossiers);
    require(t.on_time + t.late + t.open_not_due == t.dossiers);
    const dtiplan::Index766 index = dtiplan::index_766(t, dtiplan::default_index_766_criteria());
    require(index.points >= 0.0 && index.points <= index.max_points + 1e-9);
}

void check_summary(const dtiplan::DossierSummary& s, bool skip_bad) {
    require(s.rows == s.counted + s.outside + s.bad_rows.size());
    require(skip_bad || s.bad_rows.empty());
    std::size_t dossiers = 0;
    std::size_t half = 0;
    for (const auto& w : s.windows) {
        dtiplan::DossierTally sum;
        for (const auto& u : w.units) {
            require(u.tally.dossiers > 0);
            check_tally(u.tally);
            sum.add(u.tally);
        }
        require(sum == w.commune);
        check_tally(w.commune);
        dossiers += w.commune.dossiers;
        half += w.commune.half_online;
    }
    require(dossiers == s.counted);
    require(half == s.half_online.size());
    require(s.sha256.size() == 64);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    dtiplan::DossierOptions options;
    options.skip_bad = (data[0] & 1) != 0;
    if ((data[0] & 2) != 0) options.rule = dtiplan::ReportingWindow::CalendarMonth;
    if ((data[0] & 4) != 0) options.period = dtiplan::Period::month(2026, 11);
    std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
    try {
        check_summary(dtiplan::read_dossiers(in, "ho-so.csv", &plan(), options), options.skip_bad);
    } catch (const dtiplan::Error& e) {
        dtiplan_fuzz::check_message(e);
    }
    return 0;
}
