// Progress status by two published methods (docs/progress.md has the formulas and sources):
//  - Statistics Canada / Open SDG (open-sdg/sdg-build, sdg/ProgressMeasure.py): the ratio of the
//    observed compound growth to the growth the target requires;
//  - UN Statistics Division progress chart (2023 technical note, as EUSTAT applies it): the
//    share of the required progress the observed growth would deliver by the target date.
// Both are deliberately simple (two values, a growth rate) and say so: the explanation carries
// every number, so a coordinator can redo the arithmetic by hand.
#include "dtiplan/project/progress.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <string>

#include "dtiplan/error.hpp"
#include "dtiplan/model/target.hpp"

namespace dtiplan {
namespace {

struct CategoryName {
    ProgressCategory category;
    std::string_view spelling;
    std::string_view vi;
    std::string_view en;
};
constexpr std::array<CategoryName, 6> kCategories{{
    {ProgressCategory::TargetAchieved, "target-achieved", "Đã đạt chỉ tiêu", "Target achieved"},
    {ProgressCategory::OnTrack, "on-track", "Đúng tiến độ", "On track"},
    {ProgressCategory::AccelerationNeeded, "acceleration-needed", "Có tiến bộ nhưng cần đẩy nhanh",
     "Progress made but acceleration needed"},
    {ProgressCategory::LimitedProgress, "limited-progress", "Tiến bộ hạn chế", "Limited progress"},
    {ProgressCategory::Deterioration, "deterioration", "Đi xuống hoặc dậm chân tại chỗ",
     "Deterioration"},
    {ProgressCategory::InsufficientData, "insufficient-data", "Không đủ dữ liệu để đánh giá",
     "Insufficient data"},
}};

/// Open SDG replaces a base or target of exactly 0 by this value (growth from 0 is undefined).
constexpr double kZeroReplacement = 0.001;
/// A ratio within this of a threshold counts as reaching it (floating-point rounding).
constexpr double kThresholdSlack = 1e-12;

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}
std::string signed_num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.4f", v);
    return buf;
}
std::string year(double t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", t);
    return buf;
}
std::string percent(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.2f%%", 100.0 * v);
    return buf;
}

[[nodiscard]] bool reaches(double value, double threshold) noexcept {
    return value >= threshold - kThresholdSlack;
}

[[nodiscard]] double cagr(double to, double from, double t_to, double t_from) {
    return std::pow(to / from, 1.0 / (t_to - t_from)) - 1.0;
}

void check_finite(double v, const char* field) {
    if (!std::isfinite(v))
        throw ValidationError(field, "expected a finite number, found " + num(v));
}

/// Whether the current value meets the target, strict comparators strictly (as TargetValue::met).
[[nodiscard]] bool meets(const ProgressInput& in) noexcept {
    constexpr double tol = TargetValue::kTolerance;
    if (in.direction == Direction::Increase)
        return in.strict ? in.current_value > in.target_value + tol
                         : in.current_value >= in.target_value - tol;
    return in.strict ? in.current_value < in.target_value - tol
                     : in.current_value <= in.target_value + tol;
}

std::string comparison(const ProgressInput& in) {
    const bool up = in.direction == Direction::Increase;
    return std::string(up ? (in.strict ? "above" : "at least")
                          : (in.strict ? "below" : "at most")) +
           " " + num(in.target_value);
}

/// The Open SDG reading of the observed growth: base and current must share a sign (growth
/// between them is a ratio); a negative series flips the sense of "growth".
struct Growth {
    double base = 0.0;  ///< after the 0 -> 0.001 replacement
    double sign = 1.0;  ///< -1 when the base is negative
    double observed = 0.0;
    std::string note;  ///< the replacement made, if any
};

bool observed_growth(const ProgressInput& in, Growth& g, std::string& why) {
    g.base = in.base_value;
    if (g.base == 0.0) {
        g.base = kZeroReplacement;
        g.note = " (base 0 replaced by " + num(kZeroReplacement) + ")";
    }
    g.sign = g.base < 0.0 ? -1.0 : 1.0;
    if ((g.base > 0.0 && in.current_value < 0.0) || (g.base < 0.0 && in.current_value > 0.0)) {
        why = "the base value " + num(in.base_value) + " and the current value " +
              num(in.current_value) + " must both be positive or both negative for a growth rate";
        return false;
    }
    g.observed = cagr(in.current_value, g.base, in.current_time, in.base_time);
    return true;
}

ProgressCategory by_thresholds(double v, double high, double med, double low, bool three_levels) {
    if (reaches(v, high)) return ProgressCategory::OnTrack;
    if (reaches(v, med)) return ProgressCategory::AccelerationNeeded;
    if (three_levels) return ProgressCategory::Deterioration;
    if (reaches(v, low)) return ProgressCategory::LimitedProgress;
    return ProgressCategory::Deterioration;
}

std::string verdict(ProgressCategory c) {
    for (const auto& e : kCategories)
        if (e.category == c) {
            std::string s(e.en);
            s[0] = static_cast<char>(s[0] - 'A' + 'a');
            return s;
        }
    return "?";
}

/// The observed growth both methods start from: false (and the result marked insufficient data,
/// with the reason) when it cannot be computed; otherwise r.observed_growth is set.
bool start_from_observed_growth(const ProgressInput& in, Growth& g, ProgressResult& r) {
    std::string why;
    if (!observed_growth(in, g, why)) {
        r.category = ProgressCategory::InsufficientData;
        r.explanation = why;
        return false;
    }
    r.observed_growth = g.observed;
    return true;
}

/// "<label> 12.3%/year from 0.5 at 2024.0 to 0.6 at 2025.5": the observed growth in words.
std::string observed_text(const char* label, const ProgressInput& in, const Growth& g) {
    return label + percent(g.observed) + "/year from " + num(in.base_value) + g.note + " at " +
           year(in.base_time) + " to " + num(in.current_value) + " at " + year(in.current_time);
}

/// Each method fills the numbers, the category it would give a target not yet achieved and the
/// explanation of the numbers, and returns the verdict read from them (": on track");
/// progress_status() puts "target achieved" first and then leaves that verdict out.
std::string open_sdg(const ProgressInput& in, bool has_target, ProgressResult& r) {
    Growth g;
    if (!start_from_observed_growth(in, g, r)) return "";
    const double d = in.direction == Direction::Increase ? 1.0 : -1.0;
    const std::string observed = observed_text("observed growth (CAGR) ", in, g);
    const double signed_observed = g.sign * d * g.observed;
    if (!has_target) {
        // Without a target: thresholds 1.5% / 0.5% / 0 on d·CAGR, those above 0 scaled down by
        // C = 1 - y0^4.44 near the natural limit 100% of a rate that should rise.
        double c = 1.0;
        if (in.bounded_rate && in.direction == Direction::Increase && g.base >= 0.0 &&
            g.base <= 1.0)
            c = 1.0 - std::pow(g.base, 4.44);
        const double high = 0.015 * c;
        const double med = 0.005 * c;
        r.category = (c == 0.0 && signed_observed >= 0.0)
                         ? ProgressCategory::OnTrack
                         : by_thresholds(signed_observed, high, med, 0.0, false);
        r.explanation = "no target: " + observed + "; in the desired direction " +
                        percent(signed_observed) + "/year against thresholds " + percent(high) +
                        " / " + percent(med) + " / 0" +
                        (c < 1.0 ? " (scaled by C = " + num(c) + " near the 100% limit)" : "");
        return ": " + verdict(r.category);
    }

    double target = in.target_value;
    std::string target_note;
    if (target == 0.0) {
        target = kZeroReplacement;
        target_note = " (target 0 replaced by " + num(kZeroReplacement) + ")";
    }
    if (!(target / g.base > 0.0)) {
        r.category = ProgressCategory::InsufficientData;
        r.explanation = "the target " + num(in.target_value) + " and the base " +
                        num(in.base_value) + " must both be positive or both negative";
        return "";
    }
    const double required = cagr(target, g.base, in.target_time, in.base_time);
    r.required_growth = required;
    const std::string needed = "required growth " + percent(required) + "/year to reach " +
                               num(in.target_value) + target_note + " by " + year(in.target_time);
    if (std::fabs(required) < 1e-15) {
        // The target equals the base: any move in the desired direction is enough.
        r.category = signed_observed > 0.0    ? ProgressCategory::OnTrack
                     : signed_observed == 0.0 ? ProgressCategory::LimitedProgress
                                              : ProgressCategory::Deterioration;
        r.explanation = observed + "; " + needed +
                        " (the target equals the base, so R is undefined; judged by the sign of "
                        "the observed growth)";
        return ": " + verdict(r.category);
    }
    const double ratio = signed_observed / std::fabs(required);
    r.ratio = ratio;
    r.category = by_thresholds(ratio, 0.95, 0.60, 0.0, false);
    const char* band = r.category == ProgressCategory::OnTrack              ? " >= 0.95"
                       : r.category == ProgressCategory::AccelerationNeeded ? " in [0.60, 0.95)"
                       : r.category == ProgressCategory::LimitedProgress    ? " in [0, 0.60)"
                                                                            : " < 0";
    r.explanation =
        observed + "; " + needed + "; R = d·CAGR_observed/|CAGR_required| = " + signed_num(ratio);
    return band + (": " + verdict(r.category));
}

std::string unsd(const ProgressInput& in, bool has_target, ProgressResult& r) {
    Growth g;
    if (!start_from_observed_growth(in, g, r)) return "";
    const double d = in.direction == Direction::Increase ? 1.0 : -1.0;
    const std::string observed = observed_text("CAGR_a ", in, g);
    if (!has_target) {
        // EUSTAT's reading for series without a target: 2% and 0.5% a year.
        const double v = g.sign * d * g.observed;
        r.category = by_thresholds(v, 0.02, 0.005, 0.0, true);
        r.explanation = "no target (EUSTAT thresholds): " + observed +
                        "; in the desired direction " + percent(v) +
                        "/year against +2.00% / +0.50%";
        return ": " + (r.category == ProgressCategory::Deterioration
                           ? std::string("stagnation or regression")
                           : verdict(r.category));
    }
    if (in.target_value != 0.0 && !(in.target_value / g.base > 0.0)) {
        r.category = ProgressCategory::InsufficientData;
        r.explanation = "the target " + num(in.target_value) + " and the base " +
                        num(in.base_value) + " must both be positive or both negative";
        return "";
    }
    const double projected =
        in.current_value * std::pow(1.0 + g.observed, in.target_time - in.current_time);
    r.projected_value = projected;
    const double target_for_growth = in.target_value == 0.0 ? kZeroReplacement : in.target_value;
    r.required_growth = cagr(target_for_growth, g.base, in.target_time, in.base_time);
    const std::string projection = "projected value at " + year(in.target_time) + ": " +
                                   num(projected) + " (target " + num(in.target_value) + ")";
    const double required_progress = in.target_value - g.base;
    if (d * required_progress <= 0.0) {
        // The base already met (or equalled) the target: the ratio's sign would mislead.
        r.category = ProgressCategory::Deterioration;
        r.explanation = observed + "; " + projection + "; the base " + num(in.base_value) +
                        " already met or equalled the target, so the ratio is not used";
        return ": a value short of the target is stagnation or regression";
    }
    const double ratio = (projected - g.base) / required_progress;
    r.ratio = ratio;
    r.category = by_thresholds(ratio, 0.95, 0.10, 0.0, true);
    const char* band = r.category == ProgressCategory::OnTrack              ? " >= 0.95"
                       : r.category == ProgressCategory::AccelerationNeeded ? " in [0.10, 0.95)"
                                                                            : " < 0.10";
    r.explanation = observed + "; " + projection +
                    "; ratio (projected - base)/(target - base) = " + signed_num(ratio);
    return band + (": " + (r.category == ProgressCategory::Deterioration
                               ? std::string("stagnation or regression")
                               : verdict(r.category)));
}

}  // namespace

std::string_view to_string(ProgressMethod m) noexcept {
    return m == ProgressMethod::OpenSdg ? "open-sdg" : "unsd";
}

std::optional<ProgressMethod> progress_method_from_string(std::string_view s) noexcept {
    if (s == "open-sdg") return ProgressMethod::OpenSdg;
    if (s == "unsd") return ProgressMethod::Unsd;
    return std::nullopt;
}

std::string_view to_string(ProgressCategory c) noexcept {
    for (const auto& e : kCategories)
        if (e.category == c) return e.spelling;
    return "?";
}

std::string_view label(ProgressCategory c, Language lang) noexcept {
    for (const auto& e : kCategories)
        if (e.category == c) return lang == Language::Vietnamese ? e.vi : e.en;
    return "?";
}

ProgressResult progress_status(const ProgressInput& in, ProgressMethod method) {
    check_finite(in.base_time, "base_time");
    check_finite(in.base_value, "base_value");
    check_finite(in.current_time, "current_time");
    check_finite(in.current_value, "current_value");
    check_finite(in.target_time, "target_time");
    if (std::isinf(in.target_value))
        throw ValidationError("target_value", "expected a finite target, or NaN for none");
    const bool has_target = !std::isnan(in.target_value);
    const std::string name = method == ProgressMethod::OpenSdg ? "Open SDG" : "UNSD";

    // The latest value meeting the target is "target achieved" whatever the trend: both methods
    // test it first. UNSD also counts a value within 1 percentage point of a 0% or 100% target
    // on a 0..1 scale.
    std::string achieved;
    if (has_target) {
        if (meets(in)) {
            achieved = "the current value " + num(in.current_value) + " is " + comparison(in);
        } else if (method == ProgressMethod::Unsd && in.bounded_rate &&
                   (std::fabs(in.target_value) <= TargetValue::kTolerance ||
                    std::fabs(in.target_value - 1.0) <= TargetValue::kTolerance) &&
                   std::fabs(in.current_value - in.target_value) <= 0.01 + 1e-12) {
            achieved = "the current value " + num(in.current_value) +
                       " is within 0.01 (1 percentage point) of the " + num(in.target_value) +
                       " target";
        }
    }

    ProgressResult r;
    r.method = method;
    std::string why;
    if (!(in.current_time > in.base_time))
        why = "needs a base value and a later current value (base at " + year(in.base_time) +
              ", current at " + year(in.current_time) + ")";
    else if (has_target && !(in.target_time > in.base_time))
        why = "the target's due time " + year(in.target_time) + " is not after the base time " +
              year(in.base_time);
    std::string rule;
    if (why.empty()) {
        rule = method == ProgressMethod::OpenSdg ? open_sdg(in, has_target, r)
                                                 : unsd(in, has_target, r);
    } else {
        r.category = ProgressCategory::InsufficientData;
        r.explanation = (achieved.empty() ? "insufficient data: " : "no growth rate: ") + why;
    }

    if (!achieved.empty()) {
        r.category = ProgressCategory::TargetAchieved;
        r.explanation = name + ": target achieved: " + achieved + " (" + r.explanation + ").";
    } else {
        r.explanation = name + ": " + r.explanation + rule + ".";
    }
    return r;
}

}  // namespace dtiplan
