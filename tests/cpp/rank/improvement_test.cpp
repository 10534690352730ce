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
        // The actions, applied, give the points the plan claims.
        IndicatorValues after = base;
        double sum = 0.0;
        for (const auto& a : plan.actions) {
            after[a.indicator] = a.to;
            sum += a.points_gained;
        }
        EXPECT_NEAR(score(f, after).points - score(f, base).points, plan.points_gained, 1e-9)
            << trial;
        EXPECT_NEAR(sum, plan.points_gained, 1e-9) << trial;

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
        po.points_needed = 1.0;
        return plan_improvements(f, base, opts, OwnScore::normal(0.5, 0.0), {}, po);
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
