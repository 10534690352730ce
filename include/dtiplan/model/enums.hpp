// The small closed vocabularies of the model and their stable spellings in files and outputs.
// Each enum has to_string (the spelling used in JSON/CSV), a parser of that spelling, and the
// Vietnamese and English labels shown to people.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace dtiplan {

enum class Language { Vietnamese, English };

/// Level of a unit: the commune's own units, or an upper-level (provincial) body.
enum class Level { Commune, Upper };

/// Role of a unit for an indicator (appendix columns of the plan).
enum class Role {
    Lead,          ///< cơ quan chủ trì (a commune unit leads)
    Coordinating,  ///< cơ quan phối hợp
    Tracking,      ///< cơ quan theo dõi và tổng hợp
    UpperLead,     ///< cơ quan chủ trì triển khai của cấp trên
};
inline constexpr std::array<Role, 4> kAllRoles{Role::Lead, Role::Coordinating, Role::Tracking,
                                               Role::UpperLead};

/// The eight main groups of the DTI (922/QĐ-BTTTT, 405/QĐ-BKHCN); each plan indicator sits in one.
enum class Pillar {
    Awareness,       ///< Nhận thức số
    Institution,     ///< Thể chế số
    Infrastructure,  ///< Hạ tầng số (hạ tầng, nền tảng số)
    Workforce,       ///< Nhân lực số
    Security,        ///< An toàn thông tin mạng
    Government,      ///< Hoạt động chính quyền số
    Economy,         ///< Hoạt động kinh tế số
    Society,         ///< Hoạt động xã hội số
};
inline constexpr std::array<Pillar, 8> kAllPillars{
    Pillar::Awareness, Pillar::Institution, Pillar::Infrastructure, Pillar::Workforce,
    Pillar::Security,  Pillar::Government,  Pillar::Economy,        Pillar::Society};

/// What kind of quantity an indicator or a target measures.
enum class MeasureKind {
    Rate,          ///< a share in 0..1, written as a percentage ("Trên 80%")
    CountOfTotal,  ///< a count out of a known total ("9/9 nền tảng")
    YesNo,         ///< present or not ("Có ứng dụng AI")
    Milestone,  ///< a qualitative milestone reached or not ("... được công nhận đạt chuẩn")
};

/// How a value is compared with a target's value.
enum class Comparator {
    AtLeast,  ///< đạt X: value >= X
    Above,    ///< trên X: value > X (strict)
    Exactly,  ///< value == X (yes/no and milestones: 1 = yes/reached)
};

/// Whether a larger value is better.
enum class Direction { Increase, Decrease };

enum class Severity { Info, Warning, Error };

/// Which days a periodic report covers (thời gian chốt số liệu báo cáo).
enum class ReportingWindow {
    /// Nghị định 09/2019/NĐ-CP: a month's report covers the 15th of the month before to the 14th
    /// of the month; a quarter's, the 15th of the month before the quarter to the 14th of its
    /// last month; a year's, 15/12 of the year before to 14/12.
    Decree09,
    /// The calendar month, quarter or year (a month's figures are reported the month after).
    CalendarMonth,
};

// Stable spellings used in files ("lead", "upper-lead", "count-of-total", ...).
[[nodiscard]] std::string_view to_string(Level v) noexcept;
[[nodiscard]] std::string_view to_string(Role v) noexcept;
[[nodiscard]] std::string_view to_string(Pillar v) noexcept;
[[nodiscard]] std::string_view to_string(MeasureKind v) noexcept;
[[nodiscard]] std::string_view to_string(Comparator v) noexcept;
[[nodiscard]] std::string_view to_string(Direction v) noexcept;
[[nodiscard]] std::string_view to_string(Severity v) noexcept;
[[nodiscard]] std::string_view to_string(ReportingWindow v) noexcept;

// Inverse of to_string; std::nullopt for an unknown spelling.
[[nodiscard]] std::optional<Level> level_from_string(std::string_view s) noexcept;
[[nodiscard]] std::optional<Role> role_from_string(std::string_view s) noexcept;
[[nodiscard]] std::optional<Pillar> pillar_from_string(std::string_view s) noexcept;
[[nodiscard]] std::optional<MeasureKind> measure_kind_from_string(std::string_view s) noexcept;
[[nodiscard]] std::optional<Comparator> comparator_from_string(std::string_view s) noexcept;
[[nodiscard]] std::optional<Direction> direction_from_string(std::string_view s) noexcept;
[[nodiscard]] std::optional<Severity> severity_from_string(std::string_view s) noexcept;
[[nodiscard]] std::optional<ReportingWindow> reporting_window_from_string(
    std::string_view s) noexcept;

// Labels for people: Role::Lead -> "chủ trì" / "lead"; Pillar::Government -> "Hoạt động chính
// quyền số" / "Digital government"; Severity::Warning -> "cảnh báo" / "warning".
[[nodiscard]] std::string_view label(Role v, Language lang) noexcept;
[[nodiscard]] std::string_view label(Pillar v, Language lang) noexcept;
[[nodiscard]] std::string_view label(MeasureKind v, Language lang) noexcept;
[[nodiscard]] std::string_view label(Severity v, Language lang) noexcept;
[[nodiscard]] std::string_view label(ReportingWindow v, Language lang) noexcept;

}  // namespace dtiplan
