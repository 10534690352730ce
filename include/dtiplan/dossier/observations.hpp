// The figures of a dossier export as observations of the plan's indicators (I.03, I.04,
// III.3.a.04, III.3.a.06, III.3.a.08, III.3.a.10), one per indicator and window, with the export
// as evidence, so that status, projections and reports use them like any reported figure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dtiplan/dossier/summary.hpp"
#include "dtiplan/model/plan.hpp"
#include "dtiplan/track/observation.hpp"

namespace dtiplan {

/// Which rate of a DossierRates measures which indicator of the seed plan.
struct DossierIndicator {
    std::string indicator;  ///< "I.04"
    std::string rate;       ///< "full_online_rate"
};
[[nodiscard]] const std::vector<DossierIndicator>& dossier_indicators();

/// The rate of `rates` named as in the JSON output ("online_rate", "full_online_rate",
/// "digitised_rate", "handled_online_rate", "e_result_rate", "online_payment_rate",
/// "on_time_rate"). Throws ValidationError for another name.
[[nodiscard]] DossierRate dossier_rate(const DossierRates& rates, std::string_view name);

/// One observation per window and indicator of dossier_indicators() that the plan has and whose
/// commune-wide rate has dossiers: the rate with numerator and denominator, submitted on
/// `submitted` (no earlier than the period's first day), reported by `unit` ("" = not said),
/// with the export as evidence (file name, SHA-256, rows, window). Throws ValidationError when an
/// observation would not pass validate_observation.
[[nodiscard]] std::vector<Observation> dossier_observations(const DossierSummary& summary,
                                                            const Plan& plan, const Date& submitted,
                                                            const std::string& unit = "");

}  // namespace dtiplan
