// The value types of rank_distribution.hpp: the own score (normal or samples), its check, and
// the summaries of a rank distribution (probabilities, expectation, quantiles and the Monte
// Carlo standard errors). The two methods that compute a distribution are rank_exact.cpp and
// rank_montecarlo.cpp.
#include "dtiplan/rank/rank_distribution.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "dtiplan/error.hpp"

namespace dtiplan {

// ---- OwnScore --------------------------------------------------------------------------------

OwnScore OwnScore::normal(double mean, double sd) {
    OwnScore s;
    s.mean = mean;
    s.sd = sd;
    return s;
}

OwnScore OwnScore::from_samples(std::vector<double> samples) {
    OwnScore s;
    s.samples = std::move(samples);
    if (!s.samples.empty()) s.mean = s.expected();
    return s;
}

double OwnScore::expected() const noexcept {
    if (samples.empty()) return mean;
    double sum = 0.0;
    for (const double x : samples) sum += x;
    return sum / static_cast<double>(samples.size());
}

OwnScore OwnScore::shifted(double delta) const {
    OwnScore s = *this;
    s.mean += delta;
    for (double& x : s.samples) x = std::clamp(x + delta, 0.0, 1.0);
    return s;
}

void validate_own_score(const OwnScore& own) {
    if (own.samples.empty()) {
        if (!std::isfinite(own.mean) || own.mean < 0.0 || own.mean > 1.0)
            throw ValidationError("own.mean",
                                  "expected a DTI from 0 to 1, found " + std::to_string(own.mean));
        if (!std::isfinite(own.sd) || own.sd < 0.0)
            throw ValidationError("own.sd",
                                  "expected a spread >= 0, found " + std::to_string(own.sd));
        return;
    }
    for (std::size_t i = 0; i < own.samples.size(); ++i) {
        const double x = own.samples[i];
        if (!std::isfinite(x) || x < 0.0 || x > 1.0)
            throw ValidationError("own.samples[" + std::to_string(i) + "]",
                                  "expected a DTI from 0 to 1, found " + std::to_string(x));
    }
}

// ---- RankDistribution ------------------------------------------------------------------------

double RankDistribution::prob(int rank) const noexcept {
    if (rank < 1 || static_cast<std::size_t>(rank) > pmf.size()) return 0.0;
    return pmf[static_cast<std::size_t>(rank - 1)];
}

double RankDistribution::prob_top(int k) const noexcept {
    if (k < 1) return 0.0;
    if (static_cast<std::size_t>(k) >= pmf.size()) return pmf.empty() ? 0.0 : 1.0;
    double sum = 0.0;
    for (std::size_t r = 0; r < static_cast<std::size_t>(k); ++r) sum += pmf[r];
    return std::clamp(sum, 0.0, 1.0);
}

double RankDistribution::expected() const noexcept {
    double sum = 0.0;
    for (std::size_t r = 0; r < pmf.size(); ++r) sum += static_cast<double>(r + 1) * pmf[r];
    return sum;
}

double RankDistribution::sd() const noexcept {
    const double m = expected();
    double sum = 0.0;
    for (std::size_t r = 0; r < pmf.size(); ++r) {
        const double d = static_cast<double>(r + 1) - m;
        sum += d * d * pmf[r];
    }
    return std::sqrt(std::max(0.0, sum));
}

int RankDistribution::quantile(double q) const {
    if (!(q > 0.0 && q <= 1.0))
        throw ValidationError("q", "expected a probability in (0, 1], found " + std::to_string(q));
    if (pmf.empty()) throw ValidationError("pmf", "the distribution is empty");
    double sum = 0.0;
    for (std::size_t r = 0; r < pmf.size(); ++r) {
        sum += pmf[r];
        if (sum >= q - 1e-12) return static_cast<int>(r + 1);
    }
    return static_cast<int>(pmf.size());
}

double RankDistribution::standard_error(int rank) const noexcept {
    if (draws == 0) return 0.0;
    const double p = prob(rank);
    return std::sqrt(std::max(0.0, p * (1.0 - p)) / static_cast<double>(draws));
}

double RankDistribution::prob_top_standard_error(int k) const noexcept {
    if (draws == 0) return 0.0;
    const double p = prob_top(k);
    return std::sqrt(std::max(0.0, p * (1.0 - p)) / static_cast<double>(draws));
}

double RankDistribution::expected_standard_error() const noexcept {
    if (draws == 0) return 0.0;
    return sd() / std::sqrt(static_cast<double>(draws));
}

RankDistribution rank_distribution_from_counts(const std::vector<std::uint64_t>& counts) {
    RankDistribution d;
    d.method = RankMethod::MonteCarlo;
    std::uint64_t total = 0;
    for (const auto c : counts) total += c;
    d.draws = static_cast<std::size_t>(total);
    d.pmf.assign(counts.size(), 0.0);
    if (total == 0) return d;
    const double inv = 1.0 / static_cast<double>(total);
    for (std::size_t r = 0; r < counts.size(); ++r) d.pmf[r] = static_cast<double>(counts[r]) * inv;
    return d;
}

}  // namespace dtiplan
