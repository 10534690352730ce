// Unit scorecards and the ranking board the plan asks to publish (appendix I.05: "công khai
// bảng xếp hạng kết quả thực hiện ... của các đơn vị"): per unit, the indicators it answers for,
// how many meet their current target, its on-time reporting rate and its score, ranked with ties.
#pragma once

#include <string>
#include <vector>

#include "dtiplan/model/plan.hpp"
#include "dtiplan/score/framework.hpp"
#include "dtiplan/track/calendar.hpp"
#include "dtiplan/track/observation.hpp"

namespace dtiplan {

struct UnitScorecard {
    std::string unit;
    int indicators = 0;          ///< indicators it reports (see ReportingCalendar)
    int with_value = 0;          ///< of those, how many have a value on the date
    int met = 0;                 ///< of those, how many meet the target in force
    int reports_due = 0;         ///< monthly reports whose deadline has passed, from the plan's start
    int reports_on_time = 0;
    double on_time_rate = 0.0;   ///< reports_on_time / reports_due (0 when none due)
    double points = 0.0;         ///< framework points of the components its indicators measure
    double max_points = 0.0;
    /// The board's score: 0.5 × share of indicators met + 0.5 × on-time rate (docs/scoring.md).
    double score = 0.0;
    int rank = 0;                ///< competition rank by score, 1 = best
    friend bool operator==(const UnitScorecard&, const UnitScorecard&) = default;
};

/// One card per unit that has something to report, ordered by rank then plan order.
[[nodiscard]] std::vector<UnitScorecard> unit_scorecards(const Plan& plan, const Framework& f,
                                                         const ObservationLog& log,
                                                         const ReportingCalendar& calendar,
                                                         const Date& as_of);

}  // namespace dtiplan
