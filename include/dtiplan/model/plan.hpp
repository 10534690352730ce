// A commune's plan (kế hoạch): its units and groups, indicators with targets and assignments,
// the overall goal and the reporting rules. A plain value: copy it, compare it, save it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dtiplan/model/indicator.hpp"
#include "dtiplan/model/source.hpp"
#include "dtiplan/model/unit.hpp"

namespace dtiplan {

/// The overall goal: rank within the top `top` of `of` units of `scope` (II.1 of the plan).
struct Goal {
    std::string text;  ///< verbatim
    int top = 10;
    int of = 95;
    std::string scope;  ///< "tỉnh Đồng Nai"
    SourceRef source;

    friend bool operator==(const Goal&, const Goal&) = default;
};

/// The monthly reporting rhythm (section V): each lead unit reports its indicators before day
/// `unit_report_before_day` of each month to `recipient` through `consolidator`, which reports
/// the consolidated result before day `consolidated_report_before_day`. A report covers the days
/// of `window` (Nghị định 09/2019/NĐ-CP by default); it is due before that day of the first month
/// in which the day comes after the window closes (docs/calendar.md).
struct ReportingRules {
    int unit_report_before_day = 20;
    int consolidated_report_before_day = 25;
    std::string consolidator;  ///< unit id: "VHXH"
    std::string recipient;     ///< unit id: "UBND"
    ReportingWindow window = ReportingWindow::Decree09;
    /// Who the consolidated monthly report is sent to ("Nơi nhận" of the document), one line
    /// each as written there: "UBND xã (Chủ tịch, các Phó Chủ tịch)", "Sở Khoa học và Công
    /// nghệ", "Lưu: VT, VHXH".
    std::vector<std::string> report_recipients;
    std::vector<SourceRef> sources;

    friend bool operator==(const ReportingRules&, const ReportingRules&) = default;
};

struct Plan {
    std::string id;        ///< "dai-phuoc-2026-2030"
    std::string title;     ///< the plan's title, verbatim
    std::string issuer;    ///< "UBND xã Đại Phước"
    std::string commune;   ///< "Đại Phước"
    std::string province;  ///< "Đồng Nai"
    int start_year = 2026;
    int end_year = 2030;
    std::vector<int> milestones;  ///< the years targets are set for: {2026, 2030}
    Goal goal;
    ReportingRules reporting;
    std::vector<Unit> units;
    std::vector<UnitGroup> groups;
    std::vector<Indicator> indicators;

    [[nodiscard]] const Unit* find_unit(std::string_view wanted) const noexcept;
    [[nodiscard]] const UnitGroup* find_group(std::string_view wanted) const noexcept;
    [[nodiscard]] const Indicator* find_indicator(std::string_view wanted) const noexcept;

    /// A unit-or-group id as tables name it: the unit's label() ("Phòng VH-XH"), else the
    /// group's name ("Các cơ quan, đơn vị; các ngành xã"), else the id itself.
    [[nodiscard]] std::string label_of(std::string_view unit_or_group) const;

    /// The unit ids a unit-or-group id stands for: a unit -> itself; a group -> its members
    /// (every Commune unit for all_commune_units), in the order of `units`. Throws
    /// ValidationError naming the id when it is neither.
    [[nodiscard]] std::vector<std::string> expand(std::string_view unit_or_group) const;

    friend bool operator==(const Plan&, const Plan&) = default;
};

}  // namespace dtiplan
