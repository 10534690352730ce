// The synthetic province (docs/rank.md, "The synthetic province") and the component model it
// produces. Published commune-level DTI tables with component values do not exist for Đồng
// Nai, so demos, tests and benchmarks need a stand-in that looks like the published spreads:
// DTIs roughly 0.50 to 0.92 with a mean near 0.70, units strong in some components and weak in
// others, some components hard for everyone. Every output is marked illustrative.
//
// Construction, for unit i and component k:
//   t_i   target DTI: a stratified, jittered quantile of Kumaraswamy(a, b) on [low, high]
//         (closed-form quantile (1 - (1 - u)^(1/b))^(1/a)), the strata shuffled over units;
//   d_k   component difficulty ~ N(0, component_spread^2), shared by all units;
//   e_ik  unit strength ~ N(0, unit_spread^2);
//   m_ik  = logistic(logit(t_i) + c_i + d_k + e_ik), with c_i found by bisection so that the
//         unit's DTI at its means equals t_i (up to the jumps of step rules; relative-to-best
//         components are taken against 1 while solving);
//   s_ik  = value_sd × U(0.5, 1.5) × 2 sqrt(m_ik (1 - m_ik)).
// Stream 0 of the seed draws the shuffle and the difficulties; stream 1 + i draws unit i's.
#include "dtiplan/rank/synthetic.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <set>
#include <string>

#include "dtiplan/detail/random.hpp"
#include "dtiplan/error.hpp"
#include "dtiplan/score/scoring.hpp"
#include "rank/detail/component_points.hpp"

namespace dtiplan {
namespace {

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

double logistic(double x) noexcept { return 1.0 / (1.0 + std::exp(-x)); }
double logit(double p) noexcept { return std::log(p / (1.0 - p)); }

/// Unit names in the proportions of the reorganised administration.
std::vector<std::string> unit_names(std::size_t n) {
    std::size_t phuong = 0;
    std::size_t dac_khu = 0;
    if (n == kDongNaiCommuneUnits) {
        phuong = 23;
    } else {
        const auto scaled = [n](double count) {
            return static_cast<std::size_t>(std::llround(
                static_cast<double>(n) * count / static_cast<double>(kNationalCommuneUnits)));
        };
        phuong = scaled(687.0);
        dac_khu = scaled(13.0);
    }
    const std::size_t xa = n - phuong - dac_khu;
    const auto width = [](std::size_t count) {
        return static_cast<int>(std::to_string(std::max<std::size_t>(count, 1)).size());
    };
    std::vector<std::string> names;
    names.reserve(n);
    const auto add = [&](const char* kind, std::size_t count) {
        const int w = std::max(2, width(count));
        for (std::size_t i = 1; i <= count; ++i) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%s minh họa %0*zu", kind, w, i);
            names.emplace_back(buf);
        }
    };
    add("Xã", xa);
    add("Phường", phuong);
    add("Đặc khu", dac_khu);
    return names;
}

}  // namespace

SyntheticProvince synthetic_province(const Framework& framework, const SyntheticOptions& o) {
    const auto bad = [](const std::string& field, const std::string& what) {
        throw ValidationError("options." + field, what);
    };
    if (o.units < 2) bad("units", "expected at least 2 units");
    if (!(o.dti_low >= 0.0 && o.dti_low < o.dti_high && o.dti_high <= 1.0))
        bad("dti_low", "expected 0 <= dti_low < dti_high <= 1, found " + fixed(o.dti_low, 4) +
                           " and " + fixed(o.dti_high, 4));
    if (!(o.shape_a > 0.0 && o.shape_b > 0.0 && std::isfinite(o.shape_a) &&
          std::isfinite(o.shape_b)))
        bad("shape_a", "expected positive shapes");
    if (!(o.component_spread >= 0.0 && o.unit_spread >= 0.0 && std::isfinite(o.component_spread) &&
          std::isfinite(o.unit_spread)))
        bad("component_spread", "expected spreads >= 0");
    if (!(o.value_sd >= 0.0 && o.value_sd <= 0.5))
        bad("value_sd", "expected a spread from 0 to 0.5");
    if (o.year < 2000 || o.year > 2100) bad("year", "expected a year from 2000 to 2100");
    const auto comps = detail::components_of(framework);
    if (comps.empty()) throw ValidationError("framework", "the framework has no components");
    const double total = framework.max_points();
    if (!(total > 0.0)) throw ValidationError("framework", "the framework has no points");

    const std::size_t n = o.units;
    const std::size_t k = comps.size();
    SyntheticProvince out;

    // Target levels: stratified Kumaraswamy quantiles, shuffled over the units.
    detail::Rng province(o.seed, 0);
    std::vector<std::size_t> stratum(n);
    std::iota(stratum.begin(), stratum.end(), std::size_t{0});
    for (std::size_t i = n - 1; i > 0; --i) {  // Fisher-Yates
        const auto j = static_cast<std::size_t>(province.uniform() * static_cast<double>(i + 1));
        std::swap(stratum[i], stratum[std::min(j, i)]);
    }
    std::vector<double> difficulty(k);
    for (auto& d : difficulty) d = o.component_spread * province.normal();

    ComponentModel& model = out.model;
    model.units = unit_names(n);
    model.components = component_ids(framework);
    model.mean.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(k));
    model.sd.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(k));
    model.illustrative = true;
    out.target_dti.resize(n);

    const std::vector<double> best_one(k, 1.0);
    std::vector<double> strength(k);
    std::vector<double> factor(k);
    std::vector<double> row(k);
    for (std::size_t i = 0; i < n; ++i) {
        detail::Rng rng(o.seed, 1 + i);
        const double u = (static_cast<double>(stratum[i]) + rng.uniform()) / static_cast<double>(n);
        const double q = std::pow(1.0 - std::pow(1.0 - u, 1.0 / o.shape_b), 1.0 / o.shape_a);
        const double t = o.dti_low + (o.dti_high - o.dti_low) * q;
        out.target_dti[i] = t;
        for (std::size_t j = 0; j < k; ++j) strength[j] = o.unit_spread * rng.normal();
        for (std::size_t j = 0; j < k; ++j) factor[j] = 0.5 + rng.uniform();
        const double base = logit(std::clamp(t, 1e-4, 1.0 - 1e-4));
        const auto means_at = [&](double c) {
            for (std::size_t j = 0; j < k; ++j)
                row[j] = logistic(base + c + difficulty[j] + strength[j]);
        };
        double lo = -30.0;
        double hi = 30.0;
        for (int it = 0; it < 56; ++it) {  // [-30, 30] to 1e-15
            const double mid = 0.5 * (lo + hi);
            means_at(mid);
            if (detail::unit_points(comps, row.data(), best_one) / total < t)
                lo = mid;
            else
                hi = mid;
        }
        means_at(hi);
        for (std::size_t j = 0; j < k; ++j) {
            const double m = row[j];
            const auto r = static_cast<Eigen::Index>(i);
            const auto c = static_cast<Eigen::Index>(j);
            model.mean(r, c) = m;
            model.sd(r, c) = component_value_sd(m, o.value_sd * factor[j]);
        }
    }
    out.dti = dti_at_means(model, framework);

    // The same as a peer table: DTI and main indices to 4 decimals, as published.
    std::vector<double> best(k, 0.0);
    for (std::size_t j = 0; j < k; ++j)
        best[j] = model.mean.col(static_cast<Eigen::Index>(j)).maxCoeff();
    std::vector<std::string> main_ids;
    for (const auto& main : framework.main_indicators) main_ids.push_back(main.id);
    const auto main_keys = PeerValues::make_keys(std::move(main_ids));
    for (std::size_t i = 0; i < n; ++i) {
        PeerResult r;
        r.main_indices = PeerValues(main_keys);  // one list of ids for every row
        r.unit = model.units[i];
        r.year = o.year;
        r.illustrative = true;
        std::size_t j = 0;
        double points = 0.0;
        for (const auto& main : framework.main_indicators) {
            double main_points = 0.0;
            for (const auto& comp : main.components) {
                const double v =
                    model.mean(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
                main_points += rule_points(comp.rule, v, comp.max_points,
                                           comp.rule.kind == RuleKind::RelativeToBest
                                               ? std::optional<double>(best[j])
                                               : std::nullopt);
                ++j;
            }
            points += main_points;
            r.main_indices.set(
                main.id, round_to(main.max_points > 0 ? main_points / main.max_points : 0.0, 4));
        }
        r.dti = round_to(points / total, 4);
        out.peers.results.push_back(std::move(r));
    }

    const auto [lo_it, hi_it] = std::minmax_element(out.dti.begin(), out.dti.end());
    const double mean =
        std::accumulate(out.dti.begin(), out.dti.end(), 0.0) / static_cast<double>(n);
    out.description =
        "Illustrative synthetic province (tỉnh minh họa), not real results: " + std::to_string(n) +
        " units, seed " + std::to_string(o.seed) + ", DTI at the component means " +
        fixed(*lo_it, 4) + " to " + fixed(*hi_it, 4) + " (mean " + fixed(mean, 4) +
        "), framework \"" + framework.id + "\"";
    return out;
}

}  // namespace dtiplan
