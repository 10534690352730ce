// Spellings and labels of the model's enums. One table per enum keeps the file spelling, the
// Vietnamese label and the English label of each value side by side.
#include "dtiplan/model/enums.hpp"

#include <cstddef>

namespace dtiplan {
namespace {

template <class E>
struct Entry {
    E value;
    std::string_view spelling;
    std::string_view vi;
    std::string_view en;
};

constexpr Entry<Level> kLevels[] = {
    {Level::Commune, "commune", "cấp xã", "commune"},
    {Level::Upper, "upper", "cấp trên", "upper level"},
};
constexpr Entry<Role> kRoles[] = {
    {Role::Lead, "lead", "chủ trì", "lead"},
    {Role::Coordinating, "coordinating", "phối hợp", "coordinating"},
    {Role::Tracking, "tracking", "theo dõi, tổng hợp", "tracking"},
    {Role::UpperLead, "upper-lead", "chủ trì cấp trên", "upper-level lead"},
};
constexpr Entry<Pillar> kPillars[] = {
    {Pillar::Awareness, "awareness", "Nhận thức số", "Digital awareness"},
    {Pillar::Institution, "institution", "Thể chế số", "Digital institutions"},
    {Pillar::Infrastructure, "infrastructure", "Hạ tầng số", "Digital infrastructure"},
    {Pillar::Workforce, "workforce", "Nhân lực số", "Digital workforce"},
    {Pillar::Security, "security", "An toàn thông tin mạng", "Information security"},
    {Pillar::Government, "government", "Hoạt động chính quyền số", "Digital government"},
    {Pillar::Economy, "economy", "Hoạt động kinh tế số", "Digital economy"},
    {Pillar::Society, "society", "Hoạt động xã hội số", "Digital society"},
};
constexpr Entry<MeasureKind> kKinds[] = {
    {MeasureKind::Rate, "rate", "tỷ lệ", "rate"},
    {MeasureKind::CountOfTotal, "count-of-total", "số lượng trên tổng số", "count of a total"},
    {MeasureKind::YesNo, "yes-no", "có/không", "yes/no"},
    {MeasureKind::Milestone, "milestone", "mốc định tính", "milestone"},
};
constexpr Entry<Comparator> kComparators[] = {
    {Comparator::AtLeast, "at-least", "đạt", "at least"},
    {Comparator::Above, "above", "trên", "above"},
    {Comparator::Exactly, "exactly", "bằng", "exactly"},
};
constexpr Entry<Direction> kDirections[] = {
    {Direction::Increase, "increase", "tăng", "increase"},
    {Direction::Decrease, "decrease", "giảm", "decrease"},
};
constexpr Entry<Severity> kSeverities[] = {
    {Severity::Info, "info", "thông tin", "info"},
    {Severity::Warning, "warning", "cảnh báo", "warning"},
    {Severity::Error, "error", "lỗi", "error"},
};
constexpr Entry<ReportingWindow> kWindows[] = {
    {ReportingWindow::Decree09, "decree-09", "theo Nghị định 09/2019/NĐ-CP",
     "Decree 09/2019/ND-CP"},
    {ReportingWindow::CalendarMonth, "calendar-month", "theo tháng dương lịch", "calendar month"},
};

template <class E, std::size_t N>
constexpr const Entry<E>* find(const Entry<E> (&table)[N], E v) noexcept {
    for (const auto& e : table)
        if (e.value == v) return &e;
    return nullptr;
}
template <class E, std::size_t N>
std::string_view spelling(const Entry<E> (&table)[N], E v) noexcept {
    const auto* e = find(table, v);
    return e ? e->spelling : std::string_view{};
}
template <class E, std::size_t N>
std::string_view label_of(const Entry<E> (&table)[N], E v, Language lang) noexcept {
    const auto* e = find(table, v);
    if (!e) return {};
    return lang == Language::Vietnamese ? e->vi : e->en;
}
template <class E, std::size_t N>
std::optional<E> parse(const Entry<E> (&table)[N], std::string_view s) noexcept {
    for (const auto& e : table)
        if (e.spelling == s) return e.value;
    return std::nullopt;
}

}  // namespace

std::string_view to_string(Level v) noexcept { return spelling(kLevels, v); }
std::string_view to_string(Role v) noexcept { return spelling(kRoles, v); }
std::string_view to_string(Pillar v) noexcept { return spelling(kPillars, v); }
std::string_view to_string(MeasureKind v) noexcept { return spelling(kKinds, v); }
std::string_view to_string(Comparator v) noexcept { return spelling(kComparators, v); }
std::string_view to_string(Direction v) noexcept { return spelling(kDirections, v); }
std::string_view to_string(Severity v) noexcept { return spelling(kSeverities, v); }
std::string_view to_string(ReportingWindow v) noexcept { return spelling(kWindows, v); }

std::optional<Level> level_from_string(std::string_view s) noexcept { return parse(kLevels, s); }
std::optional<Role> role_from_string(std::string_view s) noexcept { return parse(kRoles, s); }
std::optional<Pillar> pillar_from_string(std::string_view s) noexcept { return parse(kPillars, s); }
std::optional<MeasureKind> measure_kind_from_string(std::string_view s) noexcept {
    return parse(kKinds, s);
}
std::optional<Comparator> comparator_from_string(std::string_view s) noexcept {
    return parse(kComparators, s);
}
std::optional<Direction> direction_from_string(std::string_view s) noexcept {
    return parse(kDirections, s);
}
std::optional<Severity> severity_from_string(std::string_view s) noexcept {
    return parse(kSeverities, s);
}
std::optional<ReportingWindow> reporting_window_from_string(std::string_view s) noexcept {
    return parse(kWindows, s);
}

std::string_view label(Role v, Language lang) noexcept { return label_of(kRoles, v, lang); }
std::string_view label(Pillar v, Language lang) noexcept { return label_of(kPillars, v, lang); }
std::string_view label(MeasureKind v, Language lang) noexcept { return label_of(kKinds, v, lang); }
std::string_view label(Severity v, Language lang) noexcept {
    return label_of(kSeverities, v, lang);
}
std::string_view label(ReportingWindow v, Language lang) noexcept {
    return label_of(kWindows, v, lang);
}

}  // namespace dtiplan
