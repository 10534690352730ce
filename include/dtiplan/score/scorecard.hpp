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
    /// A unit id, or a group id when a group leads: the calendar has a group report as one
    /// (a submission by any member fulfils the duty), so it has one card.
    std::string unit;
    /// Indicators it reports each month (ReportingCalendar::indicators_reported_by: its commune
    /// Lead duties, groups expanded; for an indicator led only at the upper level, the commune
    /// Tracking units).
    int indicators = 0;
    int with_value = 0;  ///< of those, how many have a value on the date (latest(as_of))
    int met = 0;         ///< of those, how many meet the target in force (attainment())
    /// (indicator, month) reports owed: every month from January of the plan's first year
    /// through as_of's month (no later than the plan's last year), counted when its unit
    /// deadline is before as_of (on the deadline day itself it is not yet due).
    int reports_due = 0;
    /// Of those, the ones ReportingCalendar::status finds OnTime on as_of (submitted on or
    /// before the deadline, as known on as_of). A late report is due but not on time.
    int reports_on_time = 0;
    double on_time_rate = 0.0;  ///< reports_on_time / reports_due (0 when none due)
    /// Framework points of the components its indicators measure (each component once, scored
    /// from every indicator measuring it, as score() with the plan and as_of's year does, the
    /// latest values taken as fractions and clamped to 0..1), and their maximum. Shown beside
    /// the score; not part of it.
    double points = 0.0;
    double max_points = 0.0;
    /// The board's score: 0.5 × share of indicators met + 0.5 × on-time rate (docs/scoring.md).
    double score = 0.0;
    int rank = 0;  ///< competition rank by score, 1 = best
    friend bool operator==(const UnitScorecard&, const UnitScorecard&) = default;
};

/// One card per unit or group of the plan that has something to report (in `calendar`), ordered
/// by rank, then plan order (units in the plan's order, then groups). Ranks are competition ranks
/// of the scores rounded to 4 decimals.
[[nodiscard]] std::vector<UnitScorecard> unit_scorecards(const Plan& plan, const Framework& f,
                                                         const ObservationLog& log,
                                                         const ReportingCalendar& calendar,
                                                         const Date& as_of);

}  // namespace dtiplan
