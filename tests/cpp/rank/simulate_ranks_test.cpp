// Everyone's rank at once: reproducible whatever the thread count, rows (and, without ties,
// columns) of the rank matrix summing to 1, a unit far ahead ranked first, the fast per-rule
// kernels and the vector random streams identical to rule_points() on detail::Rng streams, the
// progress callback and cancellation, and agreement with the one-unit exact method.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "dtiplan/dtiplan.hpp"

using namespace dtiplan;

namespace {

Component component(std::string id, double max, ScoringRule rule,
                    std::vector<std::string> indicators = {}) {
    Component c;
    c.id = std::move(id);
    c.name = "Chỉ số thành phần " + c.id;
    c.max_points = max;
    c.rule = std::move(rule);
    c.indicators = std::move(indicators);
    return c;
}

ScoringRule rule_of(RuleKind kind) {
    ScoringRule r;
    r.kind = kind;
    return r;
}

/// Every rule kind, 200 points in two main indicators.
Framework every_rule_framework() {
    ScoringRule steps = rule_of(RuleKind::Steps);
    steps.steps = {{1.0, 20}, {0.75, 15}, {0.5, 10}, {0.25, 5}};
    ScoringRule levels = rule_of(RuleKind::Categorical);
    levels.levels = {
        {1.0, 1.0, "Trưởng ban là Chủ tịch"}, {0.5, 0.5, "Phó Chủ tịch"}, {0.0, 0.0, "Chưa có"}};
    MainIndicator a;
    a.id = "NTS";
    a.name = "Nhận thức số";
    a.max_points = 100;
    a.components = {component("NTS.01", 20, levels), component("NTS.02", 20, steps),
                    component("NTS.03", 30, rule_of(RuleKind::Proportional)),
                    component("NTS.04", 30, rule_of(RuleKind::YesNo))};
    MainIndicator b;
    b.id = "KTS";
    b.name = "Hoạt động kinh tế số";
    b.pillar = Pillar::Economy;
    b.max_points = 100;
    b.components = {component("KTS.01", 40, rule_of(RuleKind::RelativeToBest)),
                    component("KTS.02", 30, rule_of(RuleKind::Target)),
                    component("KTS.03", 30, rule_of(RuleKind::Proportional))};
    Framework f;
    f.id = "every-rule";
    f.name = "Khung thử nghiệm";
    f.main_indicators = {a, b};
    return f;
}

ComponentModel synthetic_model(const Framework& f, std::size_t units, std::uint64_t seed = 1) {
    SyntheticOptions o;
    o.units = units;
    o.seed = seed;
    o.value_sd = 0.08;
    return synthetic_province(f, o).model;
}

SimulationOptions options(std::size_t draws, std::size_t threads) {
    SimulationOptions o;
    o.draws = draws;
    o.threads = threads;
    o.seed = 42;
    return o;
}

}  // namespace

TEST(SimulateRanks, SameSeedSameResultWithOneTwoAndFourThreads) {
    const Framework f = builtin_framework();
    const ComponentModel m = synthetic_model(f, 95);
    const RankSimulation one = simulate_ranks(f, m, options(1203, 1));  // not a multiple of 8
    const RankSimulation two = simulate_ranks(f, m, options(1203, 2));
    const RankSimulation four = simulate_ranks(f, m, options(1203, 4));
    EXPECT_EQ(one, two);
    EXPECT_EQ(one, four);
    EXPECT_TRUE(one.illustrative);
    SimulationOptions other = options(1203, 2);
    other.seed = 43;
    EXPECT_NE(one.probabilities, simulate_ranks(f, m, other).probabilities);
}

TEST(SimulateRanks, RowsAndColumnsOfTheRankMatrixSumToOne) {
    const Framework f = builtin_framework();
    const ComponentModel m = synthetic_model(f, 95);
    SimulationOptions o = options(2000, 2);
    o.decimals = -1;  // exact comparison: no ties, one unit per rank
    const RankSimulation exact = simulate_ranks(f, m, o);
    for (Eigen::Index i = 0; i < 95; ++i) {
        EXPECT_NEAR(exact.probabilities.row(i).sum(), 1.0, 1e-12);
        EXPECT_NEAR(exact.probabilities.col(i).sum(), 1.0, 1e-12);
    }
    // Rounded to 4 decimals, ties share a rank: rows still sum to 1.
    const RankSimulation rounded = simulate_ranks(f, m, options(2000, 2));
    for (Eigen::Index i = 0; i < 95; ++i)
        EXPECT_NEAR(rounded.probabilities.row(i).sum(), 1.0, 1e-12);
    EXPECT_NEAR(rounded.probabilities.sum(), 95.0, 1e-9);
    ASSERT_EQ(rounded.summaries.size(), 95U);
    for (std::size_t i = 0; i < rounded.summaries.size(); ++i) {
        const auto& s = rounded.summaries[i];
        double expected = 0.0;
        for (Eigen::Index r = 0; r < 95; ++r)
            expected +=
                static_cast<double>(r + 1) * rounded.probabilities(static_cast<Eigen::Index>(i), r);
        EXPECT_NEAR(s.expected_rank, expected, 1e-9) << s.unit;
        EXPECT_LE(s.p05_rank, s.median_rank);
        EXPECT_LE(s.median_rank, s.p95_rank);
        EXPECT_GE(s.mean_dti, 0.3);
    }
}

TEST(SimulateRanks, UnitFarAheadRanksFirst) {
    const Framework f = builtin_framework();
    ComponentModel m = synthetic_model(f, 40);
    m.units[7] = "Xã Đại Phước";
    m.mean.row(7).setConstant(0.999);
    m.sd.row(7).setConstant(0.001);
    const RankSimulation r = simulate_ranks(f, m, options(1000, 2));
    EXPECT_DOUBLE_EQ(r.probabilities(7, 0), 1.0);
    EXPECT_EQ(r.summaries[7].unit, "Xã Đại Phước");
    EXPECT_DOUBLE_EQ(r.summaries[7].prob_top, 1.0);
    EXPECT_DOUBLE_EQ(r.summaries[7].expected_rank, 1.0);
    EXPECT_EQ(r.distribution(7).prob(1), 1.0);
    EXPECT_EQ(r.distribution(7).draws, 1000U);
}

TEST(SimulateRanks, FastKernelsMatchRulePointsOnScalarStreams) {
    // The reference path draws each unit's values from detail::Rng(seed, draw) with the scalar
    // ziggurat and scores them with rule_points(); the fast path uses vector lanes of the same
    // streams and compiled rules. Same counts, bit for bit.
    const Framework f = every_rule_framework();
    ComponentModel m = synthetic_model(f, 23);
    m.sd.col(3).setZero();  // a component without spread: no normal drawn for it
    m.mean(0, 3) = 0.5;
    SimulationOptions o = options(203, 3);
    TargetValue above;
    above.comparator = Comparator::Above;
    above.value = 0.8;
    o.targets["KTS.02"] = above;
    const RankSimulation fast = simulate_ranks(f, m, o);
    o.reference_scoring = true;
    const RankSimulation reference = simulate_ranks(f, m, o);
    EXPECT_EQ(fast, reference);
    o.targets.clear();
    o.reference_scoring = false;
    const RankSimulation fast100 = simulate_ranks(f, m, o);
    o.reference_scoring = true;
    EXPECT_EQ(fast100, simulate_ranks(f, m, o));
}

TEST(SimulateRanks, EveryBuildOfTheKernelGivesTheSameNumbers) {
    // The kernel is built for AVX-512 (eight lanes per vector; table look-ups by loads or by
    // gathers), AVX2 (four) and any processor (two), from one source. Each build this processor
    // runs gives the counts of the reference path bit for bit, rare ziggurat paths included
    // (2,003 draws of 95 × 47 values miss the fast test about 16,000 times); a build it does not
    // run is refused, naming options.kernel.
    const Framework f = builtin_framework();
    const ComponentModel m = synthetic_model(f, 95, 7);
    SimulationOptions o = options(2003, 2);
    o.reference_scoring = true;
    const RankSimulation reference = simulate_ranks(f, m, o);
    o.reference_scoring = false;
    const std::vector<SimulationKernel> here = available_simulation_kernels();
    ASSERT_FALSE(here.empty());
    EXPECT_EQ(here.front(), SimulationKernel::Baseline);
    EXPECT_NE(std::find(here.begin(), here.end(), automatic_simulation_kernel()), here.end());
    for (const SimulationKernel k : {SimulationKernel::Baseline, SimulationKernel::Avx2,
                                     SimulationKernel::Avx512, SimulationKernel::Avx512Gather}) {
        o.kernel = k;
        if (std::find(here.begin(), here.end(), k) == here.end()) {
            try {
                (void)simulate_ranks(f, m, o);
                ADD_FAILURE() << to_string(k) << " is not available here but ran";
            } catch (const ValidationError& e) {
                EXPECT_NE(std::string(e.what()).find("options.kernel"), std::string::npos);
                EXPECT_NE(std::string(e.what()).find(to_string(k)), std::string::npos);
            }
            continue;
        }
        EXPECT_EQ(simulate_ranks(f, m, o), reference) << to_string(k);
    }
    o.kernel = SimulationKernel::Automatic;
    EXPECT_EQ(simulate_ranks(f, m, o), reference);

    // Every rule kind, a target, and a component without spread, on each build.
    const Framework every = every_rule_framework();
    ComponentModel few = synthetic_model(every, 23);
    few.sd.col(2).setZero();
    SimulationOptions eo = options(517, 1);
    TargetValue at_least;
    at_least.value = 0.7;
    eo.targets["KTS.02"] = at_least;
    eo.reference_scoring = true;
    const RankSimulation every_reference = simulate_ranks(every, few, eo);
    eo.reference_scoring = false;
    for (const SimulationKernel k : here) {
        eo.kernel = k;
        EXPECT_EQ(simulate_ranks(every, few, eo), every_reference) << to_string(k);
    }
}

TEST(SimulateRanks, AgreesWithTheExactMethodForOneComponent) {
    // One proportional component worth everything: a unit's DTI is its clamped value, so each
    // unit's rank distribution is the exact method's with itself as "own" and the others as
    // peers.
    Framework f;
    f.id = "one";
    MainIndicator mi;
    mi.id = "CQS";
    mi.max_points = 100;
    mi.components = {component("CQS.01", 100, rule_of(RuleKind::Proportional))};
    f.main_indicators = {mi};
    ComponentModel m;
    const std::size_t n = 30;
    m.components = {"CQS.01"};
    m.mean.resize(static_cast<Eigen::Index>(n), 1);
    m.sd.resize(static_cast<Eigen::Index>(n), 1);
    for (std::size_t i = 0; i < n; ++i) {
        m.units.push_back("Xã " + std::to_string(i + 1));
        m.mean(static_cast<Eigen::Index>(i), 0) =
            0.6 + 0.3 * static_cast<double>(i) / static_cast<double>(n);
        m.sd(static_cast<Eigen::Index>(i), 0) = 0.03 + 0.002 * static_cast<double>(i % 5);
    }
    const RankSimulation sim = simulate_ranks(f, m, options(40000, 2));
    for (const std::size_t unit : {std::size_t{0}, std::size_t{17}, n - 1}) {
        std::vector<PeerForecast> peers;
        for (std::size_t j = 0; j < n; ++j) {
            if (j == unit) continue;
            PeerForecast p;
            p.unit = m.units[j];
            p.mean = m.mean(static_cast<Eigen::Index>(j), 0);
            p.sd = m.sd(static_cast<Eigen::Index>(j), 0);
            peers.push_back(p);
        }
        const auto u = static_cast<Eigen::Index>(unit);
        const RankDistribution exact =
            rank_distribution_exact(OwnScore::normal(m.mean(u, 0), m.sd(u, 0)), peers);
        const RankDistribution mc = sim.distribution(unit);
        for (int r = 1; r <= static_cast<int>(n); ++r) {
            const double p = exact.prob(r);
            const double se = std::sqrt(std::max(p * (1 - p), 1.0 / 40000) / 40000);
            EXPECT_LE(std::fabs(p - mc.prob(r)), 4.5 * se) << m.units[unit] << " rank " << r;
        }
    }
}

TEST(SimulateRanks, ReportsProgressFromOneThreadAndCanBeCancelled) {
    const Framework f = builtin_framework();
    const ComponentModel m = synthetic_model(f, 95);
    std::vector<std::size_t> seen;
    const auto caller = std::this_thread::get_id();
    bool other_thread = false;
    const RankSimulation r =
        simulate_ranks(f, m, options(4000, 2), [&](std::size_t done, std::size_t total) {
            other_thread = other_thread || std::this_thread::get_id() != caller;
            EXPECT_EQ(total, 4000U);
            seen.push_back(done);
            return true;
        });
    EXPECT_FALSE(other_thread);
    ASSERT_FALSE(seen.empty());
    EXPECT_LE(seen.size(), 102U);  // about every 0.1 s, and once at the end
    EXPECT_EQ(seen.back(), 4000U);
    for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_GT(seen[i], seen[i - 1]);

    // Stopped at the first call: after 0.1 s of work, or at the end of a shorter run.
    int calls = 0;
    EXPECT_THROW((void)simulate_ranks(f, m, options(40000, 2),
                                      [&](std::size_t, std::size_t) { return ++calls < 1; }),
                 SimulationCancelled);
    EXPECT_EQ(calls, 1);
    EXPECT_THROW((void)simulate_ranks(
                     f, m, options(4000, 2),
                     [](std::size_t, std::size_t) -> bool { throw std::runtime_error("dừng"); }),
                 std::runtime_error);
}

TEST(SimulateRanks, RejectsAModelThatDoesNotFitTheFramework) {
    const Framework f = builtin_framework();
    ComponentModel m = synthetic_model(f, 10);
    ComponentModel swapped = m;
    std::swap(swapped.components[0], swapped.components[1]);
    EXPECT_THROW((void)simulate_ranks(f, swapped, options(10, 1)), ValidationError);
    ComponentModel bad = m;
    bad.mean(2, 3) = 1.2;
    try {
        (void)simulate_ranks(f, bad, options(10, 1));
        FAIL();
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("mean(2, 3) (Xã minh họa 03, NTS.04)"),
                  std::string::npos)
            << e.what();
    }
    ComponentModel twice = m;
    twice.units[1] = twice.units[0];
    EXPECT_THROW((void)simulate_ranks(f, twice, options(10, 1)), ValidationError);
    EXPECT_THROW((void)simulate_ranks(f, m, options(0, 1)), ValidationError);
    SimulationOptions o = options(10, 1);
    o.targets["CQS.01"] = TargetValue{};
    EXPECT_THROW((void)simulate_ranks(f, m, o), ValidationError);  // not a target rule
}

TEST(SimulateRanks, HalfWayDtisTieWithTheValueAboveAsPublished) {
    // The kernel's vector rank key is dti_rank_key (score/rank_key.hpp): for every half-way value
    // (k + 0.5) / 10^4 in 0..1, a unit there ties with a unit at (k + 1) / 10^4 (0.81395 and
    // 0.8140 share a rank). One proportional component worth 1 point: a unit's DTI is its value.
    Framework f;
    f.id = "one";
    MainIndicator mi;
    mi.id = "CQS";
    mi.max_points = 1;
    mi.components = {component("CQS.01", 1, rule_of(RuleKind::Proportional))};
    f.main_indicators = {mi};
    constexpr int kPairs = 125;  // 250 units a simulation, 80 simulations
    int untied = 0;
    for (int first = 0; first < 10000; first += kPairs) {
        ComponentModel m;
        m.components = {"CQS.01"};
        m.mean.resize(Eigen::Index{2} * kPairs, 1);
        m.sd = Eigen::MatrixXd::Zero(Eigen::Index{2} * kPairs, 1);
        for (int p = 0; p < kPairs; ++p) {
            const int k = first + p;
            m.units.push_back("Xã " + std::to_string(k) + " (nửa)");
            m.units.push_back("Xã " + std::to_string(k) + " (trên)");
            m.mean(Eigen::Index{2} * p, 0) = (k + 0.5) / 1e4;
            m.mean(Eigen::Index{2} * p + 1, 0) = (k + 1) / 1e4;
        }
        const RankSimulation sim = simulate_ranks(f, m, options(8, 1));
        for (std::size_t p = 0; p < static_cast<std::size_t>(kPairs); ++p)
            untied += sim.distribution(2 * p).pmf != sim.distribution(2 * p + 1).pmf ? 1 : 0;
    }
    EXPECT_EQ(untied, 0);
}
