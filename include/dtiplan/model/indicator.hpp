// An indicator (chỉ số) of the plan: what is measured, its targets per milestone year, who
// answers for it and the task text, with every column of the plan's row kept as written.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dtiplan/model/enums.hpp"
#include "dtiplan/model/source.hpp"
#include "dtiplan/model/target.hpp"

namespace dtiplan {

/// One unit (or group) in one role for an indicator.
struct Assignment {
    std::string unit;  ///< a unit id or a group id of the plan
    Role role = Role::Lead;
    std::string
        note;  ///< qualifier kept from the cell: "liên quan khai thác, cập nhật dữ liệu ..."

    friend bool operator==(const Assignment&, const Assignment&) = default;
};

/// The responsibility cells of the plan's row, verbatim (empty where the table has no column).
struct ResponsibilityText {
    std::string lead;  ///< CƠ QUAN CHỦ TRÌ / Cơ quan chủ trì triển khai của cấp trên
    std::string coordinating;  ///< CƠ QUAN PHỐI HỢP / Cơ quan phối hợp của xã
    std::string tracking;      ///< Cơ quan theo dõi và tổng hợp của xã

    friend bool operator==(const ResponsibilityText&, const ResponsibilityText&) = default;
};

struct Indicator {
    std::string id;    ///< "I.03", "II.12", "III.3.a.01"
    std::string name;  ///< Vietnamese name as the plan writes it
    Pillar pillar = Pillar::Government;
    MeasureKind kind = MeasureKind::Rate;
    Direction direction = Direction::Increase;
    std::vector<Target> targets;  ///< any order; two for one year is a conflict the checker reports
    std::vector<Assignment> assignments;
    ResponsibilityText responsibility_text;
    std::string task;  ///< NHIỆM VỤ THỰC HIỆN / Nhiệm vụ phối hợp thực hiện, verbatim
    std::vector<SourceRef> sources;  ///< every place in the plan this indicator is written

    /// Targets for a year, in the order stored (several when the plan contradicts itself).
    [[nodiscard]] std::vector<const Target*> targets_for(int year) const;
    /// The total a count is out of in `year` (the one rule for every reader of counts): the
    /// positive total of the count-of-total target in force then, that of the first year >=
    /// `year` with one, else that of the last year before it. Targets of other kinds are
    /// skipped, so II.02 ("9/9 nền tảng" in 2026, "100%" in 2030) counts out of 9 in 2030.
    /// None when the indicator has no such target.
    [[nodiscard]] std::optional<double> count_total(int year) const noexcept;
    /// Units (or groups) holding a role, in the order stored.
    [[nodiscard]] std::vector<std::string> units_with(Role role) const;

    friend bool operator==(const Indicator&, const Indicator&) = default;
};

}  // namespace dtiplan
