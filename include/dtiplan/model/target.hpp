// A target (chỉ tiêu) for one milestone year, as the plan writes it and as read. The original
// phrase is kept verbatim next to the parsed comparator and value, because the phrase is what
// the commune signed and the parse is only our reading of it.
#pragma once

#include <cmath>
#include <optional>
#include <string>

#include "dtiplan/model/enums.hpp"
#include "dtiplan/model/source.hpp"

namespace dtiplan {

/// The parsed meaning of a target phrase.
///  - Rate: value is a fraction in 0..1 ("Trên 80%" -> Above 0.8).
///  - CountOfTotal: value is the count and denominator the total ("9/9 nền tảng" -> AtLeast 9 of
///  9).
///  - YesNo, Milestone: Exactly 1 (yes / reached).
struct TargetValue {
    MeasureKind kind = MeasureKind::Rate;
    Comparator comparator = Comparator::AtLeast;
    double value = 0.0;
    std::optional<double> denominator;  ///< the total of a CountOfTotal
    std::string basis;  ///< what a rate is of / what is counted: "tổng số cán bộ, ..." or ""
    bool aspirational = false;  ///< "Phấn đấu đạt ..." (strive to reach)

    /// Whether an observed value meets this target. value is in the target's own scale: a
    /// fraction for a Rate, a count for a CountOfTotal, 0/1 for YesNo and Milestone.
    /// Strict comparators are strict: Above 0.8 is not met by 0.8.
    [[nodiscard]] bool met(double observed) const noexcept {
        if (std::isnan(observed)) return false;
        switch (comparator) {
            case Comparator::AtLeast: return observed >= value - kTolerance;
            case Comparator::Above: return observed > value + kTolerance;
            case Comparator::Exactly: return std::fabs(observed - value) <= kTolerance;
        }
        return false;
    }

    /// The value as a fraction of full attainment where one exists: a rate as is, a count
    /// divided by its total, yes/milestone 1. Lets "9/9" and "100%" be compared.
    [[nodiscard]] double as_fraction() const noexcept {
        if (kind == MeasureKind::CountOfTotal && denominator && *denominator > 0)
            return value / *denominator;
        return value;
    }

    /// Tolerance for floating comparisons of fractions (a rounding of 1e-9 is no miss).
    static constexpr double kTolerance = 1e-9;

    friend bool operator==(const TargetValue&, const TargetValue&) = default;
};

/// A target for one year, with the phrase as written and where it is written.
struct Target {
    int year = 0;
    std::string text;  ///< verbatim: "Trên 80%", "Phần đầu đạt 10%/tổng số ..."
    TargetValue parsed;
    SourceRef source;
    /// True when the plan does not give the year and it was inferred (section III's undated
    /// rates are read as the first milestone, 2026; see docs/plan-data.md).
    bool year_inferred = false;

    [[nodiscard]] bool met(double observed) const noexcept { return parsed.met(observed); }

    friend bool operator==(const Target&, const Target&) = default;
};

}  // namespace dtiplan
