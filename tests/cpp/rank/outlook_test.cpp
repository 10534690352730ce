// The outlook pipeline: its defaults are the command's, each step's result is what the step's own
// function gives for the same inputs, the commune is found in a peer table under its full name,
// and the everyone-at-once model and targets are made from the outlook as docs/rank.md §13 says.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "dtiplan/dtiplan.hpp"

using namespace dtiplan;

namespace {

const Date kAsOf(2026, 11, 28);

constexpr const char* kPeersCsv =
    "unit,year,dti\n"
    "Phường Tam Hiệp,2025,0.8002\n"
    "Phường Trấn Biên,2025,0.7815\n"
    "Phường Long Bình,2025,0.7511\n"
    "Xã Phú Hữu,2025,0.7240\n"
    "Xã Long Thành,2025,0.7010\n"
    "Xã Đại Phước,2025,0.6900\n";

/// The example outlook with a smaller projection, shared by the tests that only read it.
const Outlook& example_outlook() {
    static const Outlook outlook = [] {
        OutlookOptions o;
        o.as_of = kAsOf;
        o.projection.draws = 2000;
        const Plan plan = builtin_plan();
        return rank_outlook(plan, builtin_framework(), example_observations(plan), o);
    }();
    return outlook;
}

}  // namespace

TEST(OutlookOptions, DefaultsAreTheCommands) {
    const OutlookOptions o;
    EXPECT_FALSE(o.as_of.has_value());       // today
    EXPECT_FALSE(o.evaluation.has_value());  // the plan's first milestone not yet passed
    EXPECT_EQ(o.projection.draws, 10000U);
    EXPECT_EQ(o.projection.seed, 20260101U);
    EXPECT_EQ(o.projection.model, TrendModel::Auto);
    EXPECT_EQ(o.growth.mean, 0.02);
    EXPECT_EQ(o.growth.sd, 0.02);
    EXPECT_EQ(o.growth.shock_sd, 0.01);
    EXPECT_FALSE(o.estimate_growth);
    EXPECT_EQ(o.untracked.basis, UntrackedBasis::PeerMedian);
    EXPECT_FALSE(o.top.has_value());  // the plan's goal: top 10
    EXPECT_EQ(o.probability, 0.5);
    EXPECT_EQ(o.method, RankMethod::Exact);
    EXPECT_EQ(o.exact.decimals, 4);
    EXPECT_EQ(o.montecarlo.draws, 100000U);
    EXPECT_EQ(o.montecarlo.seed, 20260101U);
    EXPECT_TRUE(o.improve);
    EXPECT_FALSE(o.budget.has_value());
}

TEST(Outlook, FindsTheCommuneUnderItsFullName) {
    const PeerTable t = peers_from_csv(kPeersCsv, "peers.csv");
    EXPECT_EQ(find_own_unit(t, "Đại Phước"), "Xã Đại Phước");
    EXPECT_EQ(find_own_unit(t, "Xã Đại Phước"), "Xã Đại Phước");
    EXPECT_EQ(find_own_unit(t, "Phước"), "Xã Đại Phước");  // a name ending in " Phước"
    EXPECT_EQ(find_own_unit(t, "Đại Phước Mới"), "");
    EXPECT_EQ(find_own_unit(t, ""), "");

    Plan plan = builtin_plan();
    EXPECT_EQ(ranked_name(plan), "Xã Đại Phước");
    EXPECT_EQ(ranked_name(plan, "Xã Đại Phước (huyện Nhơn Trạch cũ)"),
              "Xã Đại Phước (huyện Nhơn Trạch cũ)");
    plan.commune = "Phường Tam Hiệp";
    EXPECT_EQ(ranked_name(plan), "Phường Tam Hiệp");
    plan.commune = "xã Long Phước";
    EXPECT_EQ(ranked_name(plan), "xã Long Phước");
}

TEST(Outlook, ChainsTheStepsOfTheCommand) {
    const Outlook& o = example_outlook();
    const Plan plan = builtin_plan();
    const Framework f = builtin_framework();
    EXPECT_EQ(o.as_of, kAsOf);
    EXPECT_EQ(o.evaluation, Date(2026, 12, 31));  // default_evaluation of the built-in plan
    EXPECT_EQ(o.top, 10);
    EXPECT_EQ(o.units(), 95U);
    EXPECT_EQ(o.own_unit, "");  // the example peers do not list Đại Phước
    EXPECT_EQ(o.commune, "Xã Đại Phước");
    EXPECT_EQ(o.peer_source, "illustrative-peers-2025.csv");
    EXPECT_TRUE(o.observations_illustrative && o.peers_illustrative && o.illustrative());
    EXPECT_EQ(o.growth, GrowthModel{});

    // Each step is its own function's result.
    EXPECT_EQ(o.forecasts, evolve_peers(example_peers(f), GrowthModel{}, o.evaluation));
    EXPECT_EQ(o.fill, untracked_fill(f, coverage(f, plan), {}, example_peers(f), 2026));
    EXPECT_NEAR(o.fill.untracked_points, 355.0, 1e-9);
    ASSERT_EQ(o.own.samples.size(), o.projection.samples.size());
    for (std::size_t i = 0; i < o.own.samples.size(); ++i)
        EXPECT_EQ(o.own.samples[i], std::clamp(o.projection.samples[i] + o.fill.dti(), 0.0, 1.0));
    EXPECT_NEAR(o.projected_dti(), o.tracked_dti + o.fill.dti(), 1e-9);
    EXPECT_EQ(o.distribution, rank_distribution_exact(o.own, o.forecasts));
    PointsNeededOptions pn;
    EXPECT_EQ(o.needed, points_needed(o.own, o.forecasts, 1000.0, pn));
    pn.keep_own_spread = true;
    EXPECT_EQ(o.needed_shift, points_needed(o.own, o.forecasts, 1000.0, pn));
    EXPECT_GE(o.needed.prob_at_needed, 0.5);
    EXPECT_EQ(o.held, indicator_values(plan, example_observations(plan), kAsOf));

    ASSERT_TRUE(o.improvements.has_value());
    EXPECT_FALSE(o.improvement_options.empty());
    EXPECT_NEAR(o.improvements->points_needed, std::max(0.0, o.needed_shift.gap_points), 1e-9);
    EXPECT_GE(o.improvements->prob_top_after, o.improvements->prob_top_before);
}

TEST(Outlook, AgainstATableThatListsTheCommune) {
    const Plan plan = builtin_plan();
    const Framework f = builtin_framework();
    const ObservationLog log = example_observations(plan);
    OutlookOptions o;
    o.as_of = kAsOf;
    o.projection.draws = 500;
    o.improve = false;
    o.peer_source = "ket-qua-dti-2025.csv";
    o.top = 3;
    o.untracked.basis = UntrackedBasis::Zero;
    const PeerTable peers = peers_from_csv(kPeersCsv, "ket-qua-dti-2025.csv");
    const Outlook out = rank_outlook(plan, f, log, peers, o);
    EXPECT_EQ(out.own_unit, "Xã Đại Phước");
    EXPECT_EQ(out.commune, "Xã Đại Phước");
    EXPECT_EQ(out.forecasts.size(), 5U);  // the commune's own result is not a peer
    EXPECT_FALSE(out.peers_illustrative);
    EXPECT_TRUE(out.illustrative());  // the observations still are
    EXPECT_EQ(out.top, 3);
    EXPECT_EQ(out.needed.top, 3);
    EXPECT_EQ(out.fill.points, 0.0);
    EXPECT_NEAR(out.projected_dti(), out.tracked_dti, 1e-9);
    EXPECT_FALSE(out.improvements.has_value());

    // Told otherwise, the observations are the commune's own.
    o.observations_illustrative = false;
    EXPECT_FALSE(rank_outlook(plan, f, log, peers, o).illustrative());

    // Monte Carlo from the seed: the same twice.
    o.method = RankMethod::MonteCarlo;
    o.montecarlo.draws = 5000;
    const Outlook mc = rank_outlook(plan, f, log, peers, o);
    EXPECT_EQ(mc.distribution.method, RankMethod::MonteCarlo);
    EXPECT_EQ(mc.distribution.draws, 5000U);
    EXPECT_EQ(mc.distribution, rank_outlook(plan, f, log, peers, o).distribution);

    // Results only after the evaluation year: nothing to rank against.
    const PeerTable later = peers_from_csv("unit,year,dti\nXã Phú Hữu,2027,0.7240\n", "sau.csv");
    o.peer_source = "sau.csv";
    try {
        (void)rank_outlook(plan, f, log, later, o);
        ADD_FAILURE() << "expected a ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "sau.csv: no peer result of 2026 or earlier to rank against");
    }
}

TEST(Outlook, EstimatesTheGrowthFromThePeersHistory) {
    const PeerTable history = peers_from_csv(
        "unit,year,dti\n"
        "Phường Tam Hiệp,2023,0.70\nPhường Tam Hiệp,2024,0.70\nPhường Tam Hiệp,2025,0.76\n"
        "Phường Trấn Biên,2023,0.60\nPhường Trấn Biên,2024,0.62\nPhường Trấn Biên,2025,0.70\n"
        "Xã Phú Hữu,2023,0.65\nXã Phú Hữu,2024,0.66\nXã Phú Hữu,2025,0.73\n",
        "lich-su.csv");
    OutlookOptions o;
    o.as_of = kAsOf;
    o.projection.draws = 500;
    o.improve = false;
    o.estimate_growth = true;
    const Plan plan = builtin_plan();
    const Outlook out =
        rank_outlook(plan, builtin_framework(), example_observations(plan), history, o);
    ASSERT_TRUE(out.growth_estimate.has_value());
    EXPECT_EQ(*out.growth_estimate, estimate_growth(history, 2026));
    EXPECT_EQ(out.growth, out.growth_estimate->model);
    EXPECT_NEAR(out.forecasts[0].mean, 0.76 + out.growth.mean, 1e-12);
}

TEST(Outlook, EveryoneModelPutsTheCommuneLast) {
    const Outlook& o = example_outlook();
    const Framework f = builtin_framework();
    const ComponentModel model = everyone_model(f, o);
    ASSERT_EQ(model.unit_count(), 95U);
    ASSERT_EQ(model.component_count(), 47U);
    EXPECT_EQ(model.units.back(), "Xã Đại Phước");
    EXPECT_TRUE(model.illustrative);
    EXPECT_NO_THROW(validate_component_model(model, f));

    // A peer: its 2025 value grown by one year of the growth mean, the spread of its value and
    // of its growth added.
    const PeerResult& peer = o.peers->results[0];
    EXPECT_EQ(model.units[0], peer.unit);
    const double m = std::min(1.0, peer.components.at(model.components[0]) + 0.02);
    EXPECT_DOUBLE_EQ(model.mean(0, 0), m);
    EXPECT_DOUBLE_EQ(model.sd(0, 0), std::hypot(component_value_sd(m), 0.02));
    EXPECT_DOUBLE_EQ(component_value_sd(0.5), kComponentValueSd);
    EXPECT_EQ(component_value_sd(1.0), 0.0);

    // The commune: a tracked component at the mean of its indicators' projected values, an
    // untracked one at the fill's fraction of its main indicator.
    const IndicatorValues projected = projected_values(o.projection, o.held);
    const auto last = static_cast<Eigen::Index>(model.unit_count() - 1);
    const Component* cqs = f.find_component("CQS.01");
    ASSERT_NE(cqs, nullptr);
    double sum = 0.0;
    for (const auto& id : cqs->indicators) sum += projected.at(id);
    const auto column = [&](const std::string& id) {
        return static_cast<Eigen::Index>(
            std::find(model.components.begin(), model.components.end(), id) -
            model.components.begin());
    };
    EXPECT_DOUBLE_EQ(model.mean(last, column("CQS.01")),
                     sum / static_cast<double>(cqs->indicators.size()));
    const CoverageGap gap = coverage(f, builtin_plan()).untracked_components.front();
    EXPECT_DOUBLE_EQ(model.mean(last, column(gap.component)), o.fill.fraction_by_main.at(gap.main));
}

TEST(Outlook, EveryoneModelNeedsEveryComponentValue) {
    OutlookOptions o;
    o.as_of = kAsOf;
    o.projection.draws = 200;
    o.improve = false;
    o.peer_source = "peers.csv";
    const Plan plan = builtin_plan();
    const Framework f = builtin_framework();
    const Outlook out = rank_outlook(plan, f, example_observations(plan),
                                     peers_from_csv(kPeersCsv, "peers.csv"), o);
    try {
        (void)everyone_model(f, out);
        ADD_FAILURE() << "expected a ValidationError";
    } catch (const ValidationError& e) {
        const std::string what = e.what();
        EXPECT_EQ(
            what.rfind("peers.csv: Phường Tam Hiệp (2025) has no value for component NTS.01", 0),
            0U)
            << what;
    }
}

TEST(Outlook, ComponentTargetsAreThePlansTargetsInForce) {
    const Framework f = builtin_framework();
    const Plan plan = builtin_plan();
    const auto t2026 = component_targets(f, plan, 2026);
    ASSERT_EQ(t2026.count("TCS.03"), 1U);  // II.09 "Đạt trên 1%"
    EXPECT_EQ(t2026.at("TCS.03").comparator, Comparator::Above);
    EXPECT_DOUBLE_EQ(t2026.at("TCS.03").value, 0.01);
    EXPECT_EQ(t2026.at("TCS.03").kind, MeasureKind::Rate);
    const auto t2030 = component_targets(f, plan, 2030);
    EXPECT_EQ(t2030.at("TCS.03").comparator, Comparator::AtLeast);  // "3%"
    EXPECT_DOUBLE_EQ(t2030.at("TCS.03").value, 0.03);
    for (const auto& [id, target] : t2026) {
        const Component* c = f.find_component(id);
        ASSERT_NE(c, nullptr);
        EXPECT_EQ(c->rule.kind, RuleKind::Target) << id;
    }
}

TEST(Outlook, ARelativeToBestComponentIsScoredAgainstThePeersBest) {
    // KTS.01 (25 points, relative to the best unit) is measured by II.10. Two peers publish it
    // for 2025 (0.80 and 0.90, grown by 0.02 a year to 2026-12-31: best 0.92); the commune is
    // left out. Without a best it scored all 25 points whatever II.10's value.
    const Framework f = builtin_framework();
    const PeerTable peers = peers_from_csv(
        "unit,year,dti,KTS.01\n"
        "Xã Phú Hữu,2025,0.7240,0.80\n"
        "Xã Long Thành,2025,0.7010,0.90\n"
        "Xã Đại Phước,2025,0.6900,0.99\n",
        "peers.csv", &f);
    const auto best = peers_best(f, peers, GrowthModel{}, Date(2026, 12, 31), "Xã Đại Phước");
    ASSERT_EQ(best.size(), 1U);
    EXPECT_NEAR(best.at("KTS.01"), 0.92, 1e-12);

    const Plan plan = builtin_plan();
    OutlookOptions o;
    o.as_of = kAsOf;
    o.projection.draws = 200;
    o.improve = false;
    const Outlook with = rank_outlook(plan, f, example_observations(plan), peers, o);
    EXPECT_NEAR(with.best.at("KTS.01"), 0.92, 1e-12);
    EXPECT_TRUE(with.best_assumed.empty());
    // The projection scores KTS.01 at II.10's value over 0.92 in every draw.
    const IndicatorValues values = projected_values(with.projection, with.held);
    ASSERT_TRUE(values.count("II.10"));
    ScoringContext ctx;
    ctx.plan = &plan;
    ctx.year = 2026;
    ctx.best = {{"KTS.01", 0.92}};
    const ScoreCard card = score(f, values, ctx);
    const auto kts01 =
        std::find_if(card.components.begin(), card.components.end(),
                     [](const ComponentScore& c) { return c.component == "KTS.01"; });
    ASSERT_NE(kts01, card.components.end());
    EXPECT_NEAR(kts01->points, std::min(values.at("II.10") / 0.92, 1.0) * 25.0, 1e-9);
    EXPECT_LT(kts01->points, 25.0);

    // A table without the component's values: scored against 100%, and said so.
    const Outlook without = rank_outlook(plan, f, example_observations(plan),
                                         peers_from_csv(kPeersCsv, "peers.csv"), o);
    EXPECT_EQ(without.best_assumed, std::vector<std::string>{"KTS.01"});
    EXPECT_DOUBLE_EQ(without.best.at("KTS.01"), 1.0);
    // The same draws, II.10 (about 21%) over 1 instead of 0.92: fewer points.
    EXPECT_LT(without.tracked_dti, with.tracked_dti);
}
