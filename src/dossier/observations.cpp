// Dossier figures as observations, with the export (name, SHA-256, rows, window) as evidence.
#include "dtiplan/dossier/observations.hpp"

#include "dtiplan/error.hpp"

namespace dtiplan {

const std::vector<DossierIndicator>& dossier_indicators() {
    static const std::vector<DossierIndicator> list = {
        {"I.03", "online_rate"},          {"I.04", "full_online_rate"},
        {"III.3.a.04", "digitised_rate"}, {"III.3.a.06", "handled_online_rate"},
        {"III.3.a.08", "e_result_rate"},  {"III.3.a.10", "online_payment_rate"},
    };
    return list;
}

DossierRate dossier_rate(const DossierRates& r, std::string_view name) {
    if (name == "online_rate") return r.online;
    if (name == "full_online_rate") return r.full_online;
    if (name == "digitised_rate") return r.digitised;
    if (name == "handled_online_rate") return r.handled_online;
    if (name == "e_result_rate") return r.e_result;
    if (name == "online_payment_rate") return r.online_payment;
    if (name == "on_time_rate") return r.on_time;
    throw ValidationError("", "unknown dossier rate \"" + std::string(name) + "\"");
}

namespace {

std::string day_month_year(const Date& d) {
    const auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
    return two(d.day()) + "/" + two(d.month()) + "/" + std::to_string(static_cast<int>(d.year()));
}

}  // namespace

std::vector<Observation> dossier_observations(const DossierSummary& summary, const Plan& plan,
                                              const Date& submitted, const std::string& unit) {
    std::vector<Observation> out;
    for (const auto& w : summary.windows) {
        const DossierRates rates = dossier_rates(w.commune);
        const std::string days =
            day_month_year(w.window.first) + " – " + day_month_year(w.window.last);
        for (const auto& [indicator, rate_name] : dossier_indicators()) {
            if (!plan.find_indicator(indicator)) continue;
            const DossierRate rate = dossier_rate(rates, rate_name);
            const auto value = rate.value();
            if (!value) continue;
            Observation o;
            o.indicator = indicator;
            o.period = w.period;
            o.value.value = *value;
            o.value.numerator = static_cast<double>(rate.numerator);
            o.value.denominator = static_cast<double>(rate.denominator);
            o.unit = unit;
            o.submitted = submitted;
            Evidence e;
            e.id = summary.sha256.empty() ? summary.origin : "sha256:" + summary.sha256;
            e.title = "Dữ liệu hồ sơ TTHC " + summary.origin + ": " + std::to_string(summary.rows) +
                      " dòng, " + std::to_string(w.commune.dossiers) + " hồ sơ tiếp nhận " + days;
            e.location = summary.origin;
            o.evidence.push_back(std::move(e));
            o.note = "Tính từ " + std::to_string(rate.numerator) + "/" +
                     std::to_string(rate.denominator) + " hồ sơ (" + rate_name + "), kỳ " + days +
                     (summary.sha256.empty() ? "" : ", SHA-256 " + summary.sha256);
            validate_observation(plan, o, summary.origin);
            out.push_back(std::move(o));
        }
    }
    return out;
}

}  // namespace dtiplan
