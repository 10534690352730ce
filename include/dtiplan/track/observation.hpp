// Observations (số liệu báo cáo): a measured value for an indicator and a period, reported by a
// unit on a date, backed by evidence documents (tài liệu kiểm chứng). A later submission for the
// same indicator and period supersedes an earlier one; both are kept, so history is never lost.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dtiplan/model/enums.hpp"
#include "dtiplan/model/plan.hpp"
#include "dtiplan/track/period.hpp"

namespace dtiplan {

/// A document backing a reported figure.
struct Evidence {
    std::string id;  ///< "QD-123/2026"
    std::string title;  ///< "Quyết định phân công công chức phụ trách chuyển đổi số"
    std::string location;  ///< where to find it: a path, a link, "Hồ sơ lưu VT"
    friend bool operator==(const Evidence&, const Evidence&) = default;
};

/// A measured value in the indicator's own scale: a fraction for a Rate, a count for a
/// CountOfTotal, 0/1 for YesNo and Milestone. When the figure was reported as a/b, numerator and
/// denominator are kept and value = a/b (Rate) or a (CountOfTotal).
struct ObservedValue {
    double value = 0.0;
    std::optional<double> numerator;
    std::optional<double> denominator;
    friend bool operator==(const ObservedValue&, const ObservedValue&) = default;
};

struct Observation {
    std::string indicator;  ///< plan indicator id
    Period period;
    ObservedValue value;
    std::string unit;  ///< the reporting unit's id ("" when not said)
    Date submitted;    ///< the day the figure was submitted
    std::vector<Evidence> evidence;
    std::string note;
    std::string origin;  ///< where it was read: "observations.csv:12" ("" when built in code)

    friend bool operator==(const Observation&, const Observation&) = default;
};

/// Every submission, in the order received. Look-ups return the effective one: for an indicator
/// and period, the latest submitted (the later one in the log on the same day).
class ObservationLog {
public:
    ObservationLog() = default;
    explicit ObservationLog(std::vector<Observation> all) : all_(std::move(all)) {}

    void add(Observation o) { all_.push_back(std::move(o)); }
    [[nodiscard]] const std::vector<Observation>& all() const noexcept { return all_; }
    [[nodiscard]] std::size_t size() const noexcept { return all_.size(); }

    /// A submission is known on `as_of` when it was made on or before that day (one without a
    /// submission date never is).
    [[nodiscard]] static bool known_on(const Observation& o, const Date& as_of) noexcept;
    /// The submission in force for an indicator and period on `as_of` (the one rule for every
    /// reader of the log): among those known on as_of (all of them without as_of), the one
    /// submitted last, the later in the log on the same day. nullptr when none.
    [[nodiscard]] const Observation* in_force(std::string_view indicator, const Period& period,
                                              const std::optional<Date>& as_of = {}) const;
    /// The effective observation of an indicator for a period (in force today and for good:
    /// in_force without a date), or nullptr.
    [[nodiscard]] const Observation* effective(std::string_view indicator,
                                               const Period& period) const;
    /// Every submission for an indicator and period, oldest first.
    [[nodiscard]] std::vector<const Observation*> history(std::string_view indicator,
                                                          const Period& period) const;
    /// The effective observations, one per (indicator, period), ordered by indicator as first
    /// seen, then by period.
    [[nodiscard]] std::vector<const Observation*> effective_all() const;
    /// The latest value of an indicator known on `as_of`: only submissions made on or before
    /// as_of count (so a past date sees what was known then); among periods that start on or
    /// before as_of, the one that ends last, with its effective submission. nullptr when none.
    [[nodiscard]] const Observation* latest(std::string_view indicator, const Date& as_of) const;

    friend bool operator==(const ObservationLog&, const ObservationLog&) = default;

private:
    std::vector<Observation> all_;
};

/// Check an observation against a plan: unknown indicator, rate outside 0..1, numerator above
/// denominator (or a denominator not above 0, or a value that disagrees with them), negative,
/// infinite or NaN values, a yes/no or milestone not 0 or 1, a count above its total (its own
/// denominator, else its count-of-total target's), a period outside the plan's years, an unknown
/// reporting unit (a unit or group id of the plan is fine; "" is fine), a missing submission
/// date or one before the period's first day, an evidence document with every field empty.
/// `where` locates the record ("observations.csv: row 12"); the ValidationError's where() adds
/// the field at fault: "observations.csv: row 12, column value" (just "column value" when
/// `where` is empty). Fields: indicator, period, value, numerator, denominator, unit, submitted,
/// evidence.
void validate_observation(const Plan& plan, const Observation& o, const std::string& where);
/// The same, with each field located by `where_field(field)`, for readers whose locations are
/// not rows and columns ("observations.json: observations[3].value").
void validate_observation(const Plan& plan, const Observation& o,
                          const std::function<std::string(std::string_view field)>& where_field);

/// Every observation of the log validated against the plan (validate_observation), located by
/// its origin ("so-lieu.csv:12") or, for one built in code, its place in the log
/// ("observations[3] (I.03 2026-03)"). Every function that judges a log against a plan calls it
/// first (indicator_values, attainment, indicator_progress, project_dti, unit_scorecards), so a
/// NaN, an infinite value or a rate of 5 built in Python is refused as a file's would be.
void validate_log(const Plan& plan, const ObservationLog& log);

}  // namespace dtiplan
