// The improvement planner: a small knapsack checked by hand, the least-effort plan and the
// best plan within a budget against brute force over every combination (with a step rule shared
// by two indicators, so gains interact), the ranked actions with their lead units and
// probabilities, and the default options derived from a projection of the built-in plan.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "dtiplan/detail/random.hpp"
#include "dtiplan/dtiplan.hpp"

using namespace dtiplan;

namespace {

Component component(std::string id, double max, RuleKind kind,
                    std::vector<std::string> indicators) {
    Component c;
    c.id = std::move(id);
    c.name = "Chỉ số thành phần " + c.id;
    c.max_points = max;
    c.rule.kind = kind;
    c.indicators = std::move(indicators);
    return c;
}

Framework framework_of(std::vector<Component> comps) {
    MainIndicator m;
    m.id = "CQS";
    m.name = "Hoạt động chính quyền số";
    for (const auto& c : comps) m.max_points += c.max_points;
    m.components = std::move(comps);
    Framework f;
    f.id = "thu-nghiem";
    f.main_indicators = {m};
    return f;
}

ImprovementOption option(std::string id, double from, double to, double step, double effort,
                         std::vector<std::string> leads = {}) {
    ImprovementOption o;
    o.indicator = std::move(id);
    o.from = from;
    o.to_max = to;
    o.step = step;
    o.effort_per_step = effort;
    o.lead_units = std::move(leads);
    return o;
}

/// 94 peers from 0.5 to 0.92, a year of uncertain growth each.
std::vector<PeerForecast> province_peers() {
    std::vector<PeerForecast> peers;
    for (int i = 0; i < 94; ++i) {
        PeerForecast p;
        p.unit = "Xã minh họa " + std::to_string(i + 1);
        p.mean = 0.5 + 0.42 * (i + 0.5) / 94.0;
        p.sd = 0.02;
        peers.push_back(p);
    }
    return peers;
}

/// Every combination of levels: the least effort reaching `needed`, and the most points
/// within `budget` (then the least effort), scored with score() on the whole framework.
struct Brute {
    double min_effort = std::numeric_limits<double>::infinity();
    double best_gain = -1.0;
    double best_gain_effort = 0.0;
};
Brute brute_force(const Framework& f, const IndicatorValues& base,
                  const std::vector<ImprovementOption>& opts, double needed, double budget) {
    Brute b;
    const double base_points = score(f, base).points;
    std::vector<int> level(opts.size(), 0);
    std::function<void(std::size_t)> rec = [&](std::size_t k) {
        if (k == opts.size()) {
            IndicatorValues v = base;
            double effort = 0.0;
            for (std::size_t i = 0; i < opts.size(); ++i) {
                v[opts[i].indicator] =
                    std::min(opts[i].from + opts[i].step * level[i], opts[i].to_max);
                effort += opts[i].effort_per_step * level[i];
            }
            const double gain = score(f, v).points - base_points;
            if (gain >= needed - 1e-9) b.min_effort = std::min(b.min_effort, effort);
            if (effort <= budget + 1e-9 &&
                (gain > b.best_gain + 1e-9 ||
                 (std::fabs(gain - b.best_gain) <= 1e-9 && effort < b.best_gain_effort))) {
                b.best_gain = gain;
                b.best_gain_effort = effort;
            }
            return;
        }
        const int levels =
            static_cast<int>(std::floor((opts[k].to_max - opts[k].from) / opts[k].step + 1e-9));
        for (int l = 0; l <= levels; ++l) {
            level[k] = l;
            rec(k + 1);
        }
        level[k] = 0;
    };
    rec(0);
    return b;
}

}  // namespace

TEST(Improvement, HandCheckedSmallKnapsack) {
    // I.03 is worth 40 points, I.04 and I.05 30 each; steps of 0.1 earn 4, 3 and 3 points for
    // an effort of 2, 1 and 3. Ten points at least effort: I.04 two steps (6 points, effort 2)
    // and I.03 one step (4 points, effort 2), effort 4; nothing with effort 3 reaches 10.
    const Framework f = framework_of({component("CQS.01", 40, RuleKind::Proportional, {"I.03"}),
                                      component("CQS.02", 30, RuleKind::Proportional, {"I.04"}),
                                      component("CQS.03", 30, RuleKind::Proportional, {"I.05"})});
    const IndicatorValues base{{"I.03", 0.5}, {"I.04", 0.6}, {"I.05", 0.7}};
    const std::vector<ImprovementOption> opts{option("I.03", 0.5, 0.8, 0.1, 2.0, {"TTPVHCC"}),
                                              option("I.04", 0.6, 0.9, 0.1, 1.0, {"TTPVHCC"}),
                                              option("I.05", 0.7, 1.0, 0.1, 3.0, {"VHXH"})};
    PlannerOptions po;
    po.goal = PlannerGoal::Points;
    po.points_needed = 10.0;
    const OwnScore own = OwnScore::normal(0.6, 0.01);
    const ImprovementPlan plan = plan_improvements(f, base, opts, own, province_peers(), po);
    EXPECT_TRUE(plan.reaches);
    EXPECT_NEAR(plan.total_effort, 4.0, 1e-12);
    EXPECT_NEAR(plan.points_gained, 10.0, 1e-9);
    ASSERT_EQ(plan.actions.size(), 2U);
    EXPECT_EQ(plan.actions[0].indicator, "I.04");  // 3 points per effort first
    EXPECT_NEAR(plan.actions[0].from, 0.6, 1e-12);
    EXPECT_NEAR(plan.actions[0].to, 0.8, 1e-12);
    EXPECT_EQ(plan.actions[0].steps, 2);
    EXPECT_NEAR(plan.actions[0].points_gained, 6.0, 1e-9);
    EXPECT_NEAR(plan.actions[0].effort, 2.0, 1e-12);
    EXPECT_EQ(plan.actions[0].components, std::vector<std::string>{"CQS.02"});
    EXPECT_EQ(plan.actions[0].lead_units, std::vector<std::string>{"TTPVHCC"});
    EXPECT_EQ(plan.actions[1].indicator, "I.03");
    EXPECT_NEAR(plan.actions[1].points_gained, 4.0, 1e-9);
    // Each action moves the own score up: P(top 10) never falls along the list.
    EXPECT_LE(plan.prob_top_before, plan.actions[0].prob_top_after);
    EXPECT_LE(plan.actions[0].prob_top_after, plan.actions[1].prob_top_after);
    EXPECT_DOUBLE_EQ(plan.prob_top_after, plan.actions[1].prob_top_after);
    EXPECT_NEAR(plan.prob_top_after,
                rank_distribution_exact(own.shifted(10.0 / 100.0), province_peers()).prob_top(10),
                1e-12);

    // Within a budget of 3: the most points is I.04 three steps (9 points).
    po.points_needed.reset();
    po.budget = 3.0;
    const ImprovementPlan within = plan_improvements(f, base, opts, own, province_peers(), po);
    EXPECT_NEAR(within.points_gained, 9.0, 1e-9);
    EXPECT_NEAR(within.total_effort, 3.0, 1e-12);
    EXPECT_FALSE(within.reaches);

    // More than everything can give: the plan with the most points (30 + 9 + 9 = 12 + 9 + 9).
    po.budget.reset();
    po.points_needed = 100.0;
    const ImprovementPlan all = plan_improvements(f, base, opts, own, province_peers(), po);
    EXPECT_FALSE(all.reaches);
    EXPECT_NEAR(all.points_gained, 12.0 + 9.0 + 9.0, 1e-9);
    EXPECT_NEAR(all.total_effort, 6.0 + 3.0 + 9.0, 1e-12);
}

TEST(Improvement, LeastEffortMatchesBruteForceWithInteractingIndicators) {
    // I.01 and I.02 share a step rule (their mean is scored in steps of 0.25), I.03 is
    // proportional, I.04 yes/no: gains are not additive, so the plan must weigh combinations.
    Component steps = component("NTS.02", 40, RuleKind::Steps, {"I.01", "I.02"});
    steps.rule.steps = {{1.0, 40}, {0.75, 30}, {0.5, 20}, {0.25, 10}};
    const Framework f =
        framework_of({steps, component("CQS.01", 30, RuleKind::Proportional, {"I.03"}),
                      component("CQS.02", 30, RuleKind::YesNo, {"I.04"})});
    detail::Rng rng(99, 0);
    int reachable = 0;
    for (int trial = 0; trial < 30; ++trial) {
        std::vector<ImprovementOption> opts;
        IndicatorValues base;
        for (const char* id : {"I.01", "I.02", "I.03", "I.04"}) {
            const double from = std::string(id) == "I.04" ? 0.0 : 0.1 + 0.5 * rng.uniform();
            const double step = std::string(id) == "I.04" ? 1.0 : 0.05 + 0.1 * rng.uniform();
            const double to =
                std::string(id) == "I.04"
                    ? 1.0
                    : std::min(1.0, from + step * (1 + static_cast<int>(5 * rng.uniform())));
            opts.push_back(option(id, from, to, step, 0.5 + 3.0 * rng.uniform()));
            base[id] = from;
        }
        const double needed = 5.0 + 40.0 * rng.uniform();
        const double budget = 1.0 + 10.0 * rng.uniform();
        const Brute b = brute_force(f, base, opts, needed, budget);

        PlannerOptions po;
        po.goal = PlannerGoal::Points;
        po.thresholds = false;  // the grid the brute force enumerates
        po.points_needed = needed;
        const ImprovementPlan plan =
            plan_improvements(f, base, opts, OwnScore::normal(0.5, 0.0), {}, po);
        if (std::isfinite(b.min_effort)) {
            ++reachable;
            EXPECT_TRUE(plan.reaches) << trial;
            EXPECT_NEAR(plan.total_effort, b.min_effort, 1e-9) << trial;
            EXPECT_GE(plan.points_gained, needed - 1e-9) << trial;
        } else {
            EXPECT_FALSE(plan.reaches) << trial;
        }
        // The actions, applied, give the points the plan claims; each action's points are what
        // its moves give on their own.
        IndicatorValues after = base;
        for (const auto& a : plan.actions) {
            IndicatorValues alone = base;
            alone[a.indicator] = a.to;
            after[a.indicator] = a.to;
            for (const Move& m : a.with) {
                alone[m.indicator] = m.to;
                after[m.indicator] = m.to;
            }
            EXPECT_NEAR(score(f, alone).points - score(f, base).points, a.points_gained, 1e-9)
                << trial << " " << a.indicator;
        }
        EXPECT_NEAR(score(f, after).points - score(f, base).points, plan.points_gained, 1e-9)
            << trial;

        po.points_needed.reset();
        po.budget = budget;
        const ImprovementPlan within =
            plan_improvements(f, base, opts, OwnScore::normal(0.5, 0.0), {}, po);
        EXPECT_NEAR(within.points_gained, b.best_gain, 1e-9) << trial;
        EXPECT_NEAR(within.total_effort, b.best_gain_effort, 1e-9) << trial;
        EXPECT_LE(within.total_effort, budget + 1e-9) << trial;
    }
    // Most trials can reach the points: the least-effort comparison above is exercised.
    EXPECT_GE(reachable, 10);
}

TEST(Improvement, DefaultOptionsComeFromTheProjectionAndTheResponsibilityMatrix) {
    const Plan plan = builtin_plan();
    const Framework f = builtin_framework();
    DtiProjection projection;
    IndicatorProjection rate;
    rate.indicator = "I.03";  // online dossiers, led by the TT PVHCC
    rate.forecast = Forecast{2026.99, 0.70, 0.60, 0.80, 0.95, 0.0, 0.0};
    rate.fraction = 0.70;
    IndicatorProjection count;
    count.indicator = "II.02";  // 9/9 shared platforms, led by Sở KH&CN, tracked by Phòng VH-XH
    count.forecast = Forecast{2026.99, 6.0, 5.0, 7.0, 0.95, 0.0, 0.0};
    count.fraction = 6.0 / 9.0;
    projection.indicators = {rate, count};
    const IndicatorValues held{{"II.03", 0.0}};  // no AI application yet

    const auto opts = default_improvement_options(plan, f, projection, held);
    ASSERT_EQ(opts.size(), 3U);
    const auto find = [&](const std::string& id) {
        for (const auto& o : opts)
            if (o.indicator == id) return o;
        ADD_FAILURE() << id;
        return ImprovementOption{};
    };
    const ImprovementOption i03 = find("I.03");
    EXPECT_DOUBLE_EQ(i03.from, 0.70);
    EXPECT_DOUBLE_EQ(i03.to_max, 0.80);
    EXPECT_DOUBLE_EQ(i03.step, 0.01);
    EXPECT_NEAR(i03.effort_per_step, 0.01 / (0.2 / (2 * 1.959963984540054)), 1e-9);
    EXPECT_EQ(i03.lead_units, std::vector<std::string>{"TTPVHCC"});
    const ImprovementOption ii02 = find("II.02");
    EXPECT_NEAR(ii02.step, 1.0 / 9.0, 1e-12);
    EXPECT_NEAR(ii02.to_max, 7.0 / 9.0, 1e-12);
    EXPECT_EQ(ii02.lead_units, (std::vector<std::string>{"VHXH", "SKHCN"}));
    const ImprovementOption ii03 = find("II.03");
    EXPECT_DOUBLE_EQ(ii03.step, 1.0);
    EXPECT_DOUBLE_EQ(ii03.effort_per_step, 2.0);

    // A plan on the built-in framework with these options.
    IndicatorValues base = projected_values(projection, held);
    PlannerOptions po;
    po.goal = PlannerGoal::Points;
    po.points_needed = 15.0;
    ScoringContext ctx;
    ctx.plan = &plan;
    ctx.year = 2026;
    po.scoring = ctx;
    const ImprovementPlan p =
        plan_improvements(f, base, opts, OwnScore::normal(0.70, 0.01), province_peers(), po);
    EXPECT_TRUE(p.reaches);
    EXPECT_GE(p.points_gained, 15.0 - 1e-9);
    for (const auto& a : p.actions) {
        EXPECT_FALSE(a.lead_units.empty()) << a.indicator;
        EXPECT_GT(a.points_gained, 0.0) << a.indicator;
    }
}

TEST(Improvement, RejectsBadOptions) {
    const Framework f = framework_of({component("CQS.01", 40, RuleKind::Proportional, {"I.03"})});
    const IndicatorValues base{{"I.03", 0.5}};
    const auto run = [&](const std::vector<ImprovementOption>& opts) {
        PlannerOptions po;
        po.goal = PlannerGoal::Points;
        po.points_needed = 1.0;
        return plan_improvements(f, base, opts, OwnScore::normal(0.5, 0.0), province_peers(), po);
    };
    EXPECT_THROW((void)run({option("I.99", 0.5, 0.6, 0.1, 1.0)}),
                 ValidationError);  // scores nowhere
    EXPECT_THROW((void)run({option("I.03", 0.5, 0.4, 0.1, 1.0)}),
                 ValidationError);  // to_max < from
    EXPECT_THROW((void)run({option("I.03", 0.5, 0.6, 0.0, 1.0)}), ValidationError);  // no step
    EXPECT_THROW((void)run({option("I.03", 0.5, 0.6, 0.1, -1.0)}), ValidationError);
    EXPECT_THROW(
        (void)run({option("I.03", 0.5, 0.6, 0.1, 1.0), option("I.03", 0.5, 0.6, 0.1, 1.0)}),
        ValidationError);
    EXPECT_NO_THROW((void)run({option("I.03", 0.5, 0.6, 0.1, 1.0)}));
}

TEST(Improvement, AnActionsPointsAreItsOwnAndAStepCrossedTogetherIsOneAction) {
    // I.01 and I.02 (both 60%, each up to 80%) feed a steps component that pays 40 points only
    // from a mean of 80%: one alone brings the mean to 70% and gives nothing, only both cross the
    // step. I.03 (50%, proportional, 60 points) gives 6 points a step of 10%. Reaching 46 points
    // needs both (effort 2 + 2) and I.03 one step (effort 1). The combination is one action of
    // 40 points (10 per effort, first), not two actions of 20 that each alone would not give.
    Component steps = component("NTS.02", 40, RuleKind::Steps, {"I.01", "I.02"});
    steps.rule.steps = {{0.8, 40}};
    const Framework f =
        framework_of({steps, component("CQS.01", 60, RuleKind::Proportional, {"I.03"})});
    const IndicatorValues base{{"I.01", 0.6}, {"I.02", 0.6}, {"I.03", 0.5}};
    const std::vector<ImprovementOption> opts{option("I.01", 0.6, 0.8, 0.1, 1.0, {"VHXH"}),
                                              option("I.02", 0.6, 0.8, 0.1, 1.0, {"CA"}),
                                              option("I.03", 0.5, 0.6, 0.1, 1.0, {"TTPVHCC"})};
    PlannerOptions po;
    po.goal = PlannerGoal::Points;
    po.points_needed = 46.0;
    const OwnScore own = OwnScore::normal(0.5, 0.01);
    const ImprovementPlan plan = plan_improvements(f, base, opts, own, province_peers(), po);
    EXPECT_TRUE(plan.reaches);
    EXPECT_NEAR(plan.points_gained, 46.0, 1e-9);
    EXPECT_NEAR(plan.total_effort, 5.0, 1e-12);
    ASSERT_EQ(plan.actions.size(), 2U);
    const Action& both = plan.actions[0];
    EXPECT_EQ(both.indicator, "I.01");
    EXPECT_NEAR(both.to, 0.8, 1e-12);
    ASSERT_EQ(both.with.size(), 1U);
    EXPECT_EQ(both.with[0].indicator, "I.02");
    EXPECT_NEAR(both.with[0].to, 0.8, 1e-12);
    EXPECT_NEAR(both.with[0].effort, 2.0, 1e-12);
    EXPECT_EQ(both.with[0].lead_units, std::vector<std::string>{"CA"});
    EXPECT_NEAR(both.points_gained, 40.0, 1e-9);
    EXPECT_NEAR(both.effort, 4.0, 1e-12);
    EXPECT_EQ(both.components, std::vector<std::string>{"NTS.02"});
    EXPECT_EQ(plan.actions[1].indicator, "I.03");
    EXPECT_TRUE(plan.actions[1].with.empty());
    EXPECT_NEAR(plan.actions[1].points_gained, 6.0, 1e-9);
    // P(top 10) after each action is that of the moves done so far: 40, then 46 points.
    const auto p = [&](double points) {
        return rank_distribution_exact(own.shifted(points / 100.0), province_peers());
    };
    EXPECT_NEAR(both.prob_top_after, p(40.0).prob_top(10), 1e-12);
    EXPECT_NEAR(both.expected_rank_after, p(40.0).expected(), 1e-9);
    EXPECT_NEAR(plan.actions[1].prob_top_after, p(46.0).prob_top(10), 1e-12);
    EXPECT_NEAR(plan.prob_top_before, p(0.0).prob_top(10), 1e-12);

    // Where the moves add up (a proportional component shared by two), each is its own action
    // with its own points: 20 points × 0.2 / 2 = 2 for I.04, 20 × 0.1 / 2 = 1 for I.05.
    const Framework g =
        framework_of({component("CQS.02", 20, RuleKind::Proportional, {"I.04", "I.05"}),
                      component("CQS.03", 80, RuleKind::Proportional, {"I.06"})});
    const IndicatorValues base2{{"I.04", 0.5}, {"I.05", 0.5}, {"I.06", 0.5}};
    const std::vector<ImprovementOption> opts2{option("I.04", 0.5, 0.7, 0.1, 0.5),
                                               option("I.05", 0.5, 0.6, 0.1, 0.5)};
    po.points_needed = 3.0;
    const ImprovementPlan split = plan_improvements(g, base2, opts2, own, province_peers(), po);
    ASSERT_EQ(split.actions.size(), 2U);
    EXPECT_EQ(split.actions[0].indicator, "I.04");
    EXPECT_NEAR(split.actions[0].points_gained, 2.0, 1e-9);
    EXPECT_TRUE(split.actions[0].with.empty());
    EXPECT_EQ(split.actions[1].indicator, "I.05");
    EXPECT_NEAR(split.actions[1].points_gained, 1.0, 1e-9);
}

TEST(Improvement, PointsAndChancesAreOverTheProjectionsDraws) {
    // I.01's four draws 35%, 45%, 55%, 65% (forecast 50%) feed a step paying 40 of the
    // framework's 1,000 points from 50%: two draws of four reach it, 20 points expected. Moved
    // to 60%, the draws are 45%-75%: three of four, 30 points: +10 expected, where the points
    // at the forecast's mean (50% is already on the step) would say +0. The own samples
    // 0.60, 0.65, 0.62, 0.63 move by each draw's gain: only the second (45% -> 55%) by 0.04, to
    // 0.69, ahead of the one peer (a sure 0.66): P(top 1) from 0 to 1/4, expected rank 2 -> 1.75.
    Component steps = component("NTS.02", 40, RuleKind::Steps, {"I.01"});
    steps.rule.steps = {{0.5, 40}};
    const Framework f =
        framework_of({steps, component("CQS.01", 960, RuleKind::Proportional, {"I.09"})});
    const IndicatorValues base{{"I.01", 0.5}, {"I.09", 0.5}};
    const std::vector<ImprovementOption> opts{option("I.01", 0.5, 0.6, 0.1, 1.0)};
    PlannerOptions po;
    po.top = 1;
    po.budget = 1.0;
    po.draws = {{"I.01", {0.35, 0.45, 0.55, 0.65}}};
    PeerForecast peer;
    peer.unit = "Xã minh họa 01";
    peer.mean = 0.66;
    const OwnScore own = OwnScore::from_samples({0.60, 0.65, 0.62, 0.63});
    const ImprovementPlan plan = plan_improvements(f, base, opts, own, {peer}, po);
    ASSERT_EQ(plan.actions.size(), 1U);
    EXPECT_NEAR(plan.actions[0].to, 0.6, 1e-12);
    EXPECT_NEAR(plan.actions[0].points_gained, 10.0, 1e-9);
    EXPECT_NEAR(plan.points_gained, 10.0, 1e-9);
    EXPECT_NEAR(plan.prob_top_before, 0.0, 1e-12);
    EXPECT_NEAR(plan.actions[0].prob_top_after, 0.25, 1e-12);
    EXPECT_NEAR(plan.expected_rank_before, 2.0, 1e-12);
    EXPECT_NEAR(plan.expected_rank_after, 1.75, 1e-12);

    // Draws that are not one per own sample are refused, naming the indicator.
    po.draws = {{"I.01", {0.35, 0.45}}};
    try {
        (void)plan_improvements(f, base, opts, own, {peer}, po);
        ADD_FAILURE() << "expected a ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("draws[\"I.01\"]"), std::string::npos) << e.what();
    }
}

TEST(Improvement, ARulesThresholdIsACandidateBetweenGridSteps) {
    // II.09 ("Đạt trên 1%" in 2026, a target rule worth 40 points) projected at 0.92%: it
    // earns 0.92 × 40 = 36.8 points. The grid's next value, 1.92%, costs 1.40 (one step); the
    // target just past 1% (1.1%: 0.1 point past it) gives the same 3.2 points for
    // 0.18 × 1.40 = 0.252.
    const Plan plan = builtin_plan();
    const Framework f = framework_of({component("TCS.03", 40, RuleKind::Target, {"II.09"})});
    const IndicatorValues base{{"II.09", 0.0092}};
    const std::vector<ImprovementOption> opts{option("II.09", 0.0092, 0.03, 0.01, 1.40)};
    PlannerOptions po;
    po.goal = PlannerGoal::Points;
    po.points_needed = 3.2;
    po.scoring.plan = &plan;
    po.scoring.year = 2026;
    const OwnScore own = OwnScore::normal(0.5, 0.01);
    const ImprovementPlan p = plan_improvements(f, base, opts, own, {}, po);
    ASSERT_EQ(p.actions.size(), 1U);
    EXPECT_NEAR(p.actions[0].to, 0.011, 1e-12);
    EXPECT_NEAR(p.actions[0].points_gained, 3.2, 1e-9);
    EXPECT_NEAR(p.actions[0].effort, 0.18 * 1.40, 1e-12);
    EXPECT_EQ(p.actions[0].steps, 1);
    // The grid alone: 1.92% for a whole step.
    po.thresholds = false;
    const ImprovementPlan grid = plan_improvements(f, base, opts, own, {}, po);
    ASSERT_EQ(grid.actions.size(), 1U);
    EXPECT_NEAR(grid.actions[0].to, 0.0192, 1e-12);
    EXPECT_NEAR(grid.actions[0].effort, 1.40, 1e-12);

    // A step's limit: 70% with a step of 30 points from 75%, on a grid of 10%: 75% for half a
    // step's effort. A whole-steps option (a count) reaches it at its next whole step only.
    Component steps = component("NTS.02", 30, RuleKind::Steps, {"I.01"});
    steps.rule.steps = {{0.75, 30}};
    const Framework g = framework_of({steps});
    po.thresholds = true;
    po.points_needed = 30.0;
    po.scoring = {};
    const ImprovementPlan limit =
        plan_improvements(g, {{"I.01", 0.7}}, {option("I.01", 0.7, 0.9, 0.1, 1.0)}, own, {}, po);
    ASSERT_EQ(limit.actions.size(), 1U);
    EXPECT_NEAR(limit.actions[0].to, 0.75, 1e-12);
    EXPECT_NEAR(limit.actions[0].effort, 0.5, 1e-12);
    ImprovementOption count = option("I.01", 0.7, 0.9, 0.1, 1.0);
    count.whole_steps = true;
    const ImprovementPlan whole = plan_improvements(g, {{"I.01", 0.7}}, {count}, own, {}, po);
    ASSERT_EQ(whole.actions.size(), 1U);
    EXPECT_NEAR(whole.actions[0].to, 0.8, 1e-12);
    EXPECT_NEAR(whole.actions[0].effort, 1.0, 1e-12);
}

TEST(Improvement, AFlatForecastCanStillBePlannedAboveTheEffortFloor) {
    // I.03 forecast at 10% with a band of ±0.1 point (sd 0.05 point): without a floor it had no
    // room for one step of 1 point and each step cost 20 effort units. With the floor of 5
    // points: one unit per 5 points (0.2 a step) and room up to 10% + 1.96 × 5% = 19.8%.
    const Plan plan = builtin_plan();
    const Framework f = builtin_framework();
    DtiProjection projection;
    IndicatorProjection flat;
    flat.indicator = "I.03";
    flat.forecast = Forecast{2026.99, 0.10, 0.099, 0.101, 0.95, 0.0, 0.0};
    flat.fraction = 0.10;
    projection.indicators = {flat};
    const auto opts = default_improvement_options(plan, f, projection, {{"I.03", 0.12}});
    ASSERT_EQ(opts.size(), 1U);
    const double z = 1.959963984540054;
    EXPECT_NEAR(opts[0].to_max, 0.10 + z * 0.05, 1e-9);
    EXPECT_NEAR(opts[0].effort_per_step, 0.01 / 0.05, 1e-9);
    EXPECT_FALSE(opts[0].whole_steps);
    ASSERT_TRUE(opts[0].latest.has_value());
    EXPECT_DOUBLE_EQ(*opts[0].latest, 0.12);  // the latest value reported, shown beside `from`
    // The floor can be lowered to the band: then the indicator has no room and no option.
    ImprovementDefaults no_floor;
    no_floor.effort_floor = 0.0;
    EXPECT_TRUE(default_improvement_options(plan, f, projection, {}, no_floor).empty());
}

TEST(Improvement, NoEffortIsSpentWhenTheChanceOfTheGoalCannotRise) {
    // I.03 (40 of 100 points, 50%) can rise 4 points a step for an effort of 1, up to 90%.
    const Framework f = framework_of({component("CQS.01", 40, RuleKind::Proportional, {"I.03"}),
                                      component("CQS.02", 60, RuleKind::Proportional, {"I.04"})});
    const IndicatorValues base{{"I.03", 0.5}, {"I.04", 0.5}};
    const std::vector<ImprovementOption> opts{option("I.03", 0.5, 0.9, 0.1, 1.0)};
    const OwnScore own = OwnScore::normal(0.5, 0.0);
    PlannerOptions po;
    po.budget = 10.0;
    // 94 peers far below (0.30): the top 10 is certain, nothing is proposed.
    std::vector<PeerForecast> low;
    for (int i = 0; i < 94; ++i) {
        PeerForecast p;
        p.unit = "Xã minh họa " + std::to_string(i + 1);
        p.mean = 0.30;
        low.push_back(p);
    }
    const ImprovementPlan certain = plan_improvements(f, base, opts, own, low, po);
    EXPECT_DOUBLE_EQ(certain.prob_top_before, 1.0);
    EXPECT_TRUE(certain.actions.empty());
    EXPECT_DOUBLE_EQ(certain.total_effort, 0.0);
    EXPECT_DOUBLE_EQ(certain.prob_top_after, 1.0);
    // No peers at all is refused (an empty peer table is an input error, as for every rank).
    EXPECT_THROW((void)plan_improvements(f, base, opts, own, {}, po), ValidationError);
    // Eleven sure peers at 0.99: no plan reaches the top 10, nothing is proposed either.
    std::vector<PeerForecast> high(11, low[0]);
    for (auto& p : high) p.mean = 0.99;
    const ImprovementPlan stuck = plan_improvements(f, base, opts, own, high, po);
    EXPECT_TRUE(stuck.actions.empty());
    EXPECT_NEAR(stuck.points_possible, 16.0, 1e-9);
    // One sure peer at 0.53 ahead of the top 1: one step (0.54) makes the top 1 certain and
    // the expected rank 1; more within the budget (16 points) would add nothing to either, so
    // the plan stops there.
    po.top = 1;
    std::vector<PeerForecast> one(1, low[0]);
    one[0].mean = 0.53;
    const ImprovementPlan enough = plan_improvements(f, base, opts, own, one, po);
    ASSERT_EQ(enough.actions.size(), 1U);
    EXPECT_NEAR(enough.actions[0].to, 0.6, 1e-12);
    EXPECT_NEAR(enough.total_effort, 1.0, 1e-12);
    EXPECT_DOUBLE_EQ(enough.prob_top_after, 1.0);
    // Points for their own sake, asked for: the most points within the budget.
    po.goal = PlannerGoal::Points;
    const ImprovementPlan points = plan_improvements(f, base, opts, own, one, po);
    EXPECT_NEAR(points.points_gained, 16.0, 1e-9);
    EXPECT_NEAR(points.total_effort, 4.0, 1e-12);
}
