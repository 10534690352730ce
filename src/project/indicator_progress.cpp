// The evaluation date by default and one indicator's progress (indicator_progress.hpp).
#include "dtiplan/project/indicator_progress.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "dtiplan/error.hpp"
#include "dtiplan/project/series.hpp"
#include "dtiplan/score/attainment.hpp"
#include "dtiplan/track/observation.hpp"

namespace dtiplan {
namespace {

[[nodiscard]] Date end_of_year(int year) { return Date(static_cast<unsigned short>(year), 12, 31); }

}  // namespace

Date default_evaluation(const Plan& plan, const Date& as_of) {
    if (as_of.is_special()) throw ValidationError("as_of", "expected a date, found none");
    const int from = static_cast<int>(as_of.year());
    int year = 0;
    for (int y : plan.milestones)
        if (y >= from && (year == 0 || y < year)) year = y;
    return end_of_year(year == 0 ? from : year);
}

ProgressResult indicator_progress(const Plan& plan, const ObservationLog& log,
                                  const Indicator& indicator, const Date& as_of, int year,
                                  ProgressMethod method) {
    validate_log(plan, log);
    const Target* target = target_in_force(indicator, plan, year);
    const Series series = series_from_log(log, indicator.id, as_of);
    if (series.empty()) {
        ProgressResult none;
        none.method = method;
        none.category = ProgressCategory::InsufficientData;
        none.explanation = "no value of " + indicator.id + " known on " + format_date(as_of);
        return none;
    }
    const std::vector<double> times = series.times();
    auto fraction = [&](double v) {
        return as_fraction(ObservedValue{v, {}, {}}, indicator, target);
    };
    ProgressInput in;
    in.current_time = times.back();
    in.current_value = fraction(series.values.back());
    // One value gives no growth rate: the base is the current value (the library then says so).
    in.base_time = series.size() < 2 ? in.current_time : times.front();
    in.base_value = series.size() < 2 ? in.current_value : fraction(series.values.front());
    if (target == nullptr) {
        in.target_time = in.current_time;
        in.target_value = std::numeric_limits<double>::quiet_NaN();
    } else {
        in.target_time = decimal_year(end_of_year(target->year));
        in.target_value = target->parsed.as_fraction();
        in.strict = target->parsed.comparator == Comparator::Above;
    }
    in.direction = indicator.direction;
    in.bounded_rate = true;
    return progress_status(in, method);
}

}  // namespace dtiplan
