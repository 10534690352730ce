// The units' ranking board (appendix I.05: "công khai bảng xếp hạng"). The score mixes two
// things a unit controls, equally weighted: how many of its indicators meet their target in
// force, and how reliably it reports on time (section V). Points from the framework are shown
// beside it but do not enter the score, because a unit answers for indicators of very different
// weight and the board should reward the unit's own work, not the weight of its portfolio.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "dtiplan/score/attainment.hpp"
#include "dtiplan/score/score_log.hpp"
#include "dtiplan/score/scorecard.hpp"
#include "dtiplan/score/scoring.hpp"

namespace dtiplan {

std::vector<UnitScorecard> unit_scorecards(const Plan& plan, const Framework& f,
                                           const ObservationLog& log,
                                           const ReportingCalendar& calendar, const Date& as_of) {
    // Attainment and values of every indicator on the date.
    std::map<std::string, Attainment, std::less<>> attained;
    for (auto& a : attainment(plan, log, as_of)) attained.emplace(a.indicator, std::move(a));
    const ScoreCard card = score_log(f, plan, log, as_of);

    // Reports due: every month from the plan's first through as_of's (within the plan's years).
    struct Reports {
        int due = 0;
        int on_time = 0;
    };
    std::map<std::string, Reports, std::less<>> reports;
    const int last_year = std::min(plan.end_year, static_cast<int>(as_of.year()));
    for (int year = plan.start_year; year <= last_year; ++year) {
        const int last_month =
            year == static_cast<int>(as_of.year()) ? static_cast<int>(as_of.month()) : 12;
        for (int month = 1; month <= last_month; ++month) {
            for (const ReportStatus& s : calendar.status(Period::month(year, month), log, as_of)) {
                if (s.obligation.consolidated || !(s.obligation.deadline < as_of)) continue;
                Reports& r = reports[s.obligation.unit];
                ++r.due;
                if (s.state == ReportState::OnTime) ++r.on_time;
            }
        }
    }

    // The reporting parties: the plan's units, then its groups (a group that leads reports as
    // one, ReportingCalendar), each with at least one duty.
    std::vector<std::string> parties;
    for (const Unit& unit : plan.units) parties.push_back(unit.id);
    for (const UnitGroup& group : plan.groups) parties.push_back(group.id);

    std::vector<UnitScorecard> cards;
    for (const std::string& party : parties) {
        const std::vector<std::string> duties = calendar.indicators_reported_by(party);
        if (duties.empty()) continue;
        UnitScorecard sc;
        sc.unit = party;
        sc.indicators = static_cast<int>(duties.size());
        for (const auto& id : duties) {
            const auto it = attained.find(id);
            if (it == attained.end()) continue;
            if (it->second.value) ++sc.with_value;
            if (it->second.met.value_or(false)) ++sc.met;
        }
        if (const auto it = reports.find(party); it != reports.end()) {
            sc.reports_due = it->second.due;
            sc.reports_on_time = it->second.on_time;
        }
        sc.on_time_rate = sc.reports_due > 0 ? static_cast<double>(sc.reports_on_time) /
                                                   static_cast<double>(sc.reports_due)
                                             : 0.0;
        // Components measured by any of its indicators, each once.
        const std::set<std::string, std::less<>> mine(duties.begin(), duties.end());
        for (const auto& main : f.main_indicators)
            for (const auto& comp : main.components) {
                const bool measured =
                    std::any_of(comp.indicators.begin(), comp.indicators.end(),
                                [&](const std::string& id) { return mine.count(id) > 0; });
                if (!measured) continue;
                sc.max_points += comp.max_points;
                for (const auto& cs : card.components)
                    if (cs.component == comp.id) sc.points += cs.points;
            }
        sc.score = 0.5 * static_cast<double>(sc.met) / static_cast<double>(sc.indicators) +
                   0.5 * sc.on_time_rate;
        cards.push_back(std::move(sc));
    }

    std::vector<double> scores;
    scores.reserve(cards.size());
    for (const auto& c : cards) scores.push_back(c.score);
    const std::vector<int> ranks = competition_rank(scores, 4);
    for (std::size_t i = 0; i < cards.size(); ++i) cards[i].rank = ranks[i];
    std::stable_sort(
        cards.begin(), cards.end(),
        [](const UnitScorecard& a, const UnitScorecard& b) { return a.rank < b.rank; });
    return cards;
}

}  // namespace dtiplan
