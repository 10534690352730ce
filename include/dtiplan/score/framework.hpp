// A DTI framework: how the index is scored. It belongs to the evaluator (province, ministry), not
// to the commune, and changes year to year, so it is data (docs/framework.md): main
// indicators (chỉ số chính) with maximum points, component indicators (chỉ số thành phần) with
// maximum points and a scoring rule, and the plan indicators each component is measured by.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dtiplan/model/enums.hpp"

namespace dtiplan {

enum class RuleKind {
    Proportional,    ///< points = min(fraction, 1) × max          (Tỷ lệ × Điểm tối đa)
    Steps,           ///< points of the highest step whose threshold the value reaches
    Categorical,     ///< points = the matching level's share × max (full / half / none)
    YesNo,           ///< max when yes (value >= 0.5), else 0
    RelativeToBest,  ///< points = value / best value among peers × max, capped at max
    Target,          ///< max when the plan's target is met, linear below: value / target × max
                     ///< (an unmet target never earns max: docs/scoring.md)
};
[[nodiscard]] std::string_view to_string(RuleKind k) noexcept;
[[nodiscard]] std::optional<RuleKind> rule_kind_from_string(std::string_view s) noexcept;

/// A step of a Steps rule: at least `threshold` gives `points`.
struct Step {
    double threshold = 0.0;
    double points = 0.0;
    friend bool operator==(const Step&, const Step&) = default;
};

/// A level of a Categorical rule: the observed value `value` earns `share` of the max points.
struct ScoreLevel {
    double value = 0.0;
    double share = 0.0;
    std::string label;  ///< "Trưởng ban là Chủ tịch"
    friend bool operator==(const ScoreLevel&, const ScoreLevel&) = default;
};

struct ScoringRule {
    RuleKind kind = RuleKind::Proportional;
    std::vector<Step> steps;         ///< Steps only; any order in files, kept sorted descending
    std::vector<ScoreLevel> levels;  ///< Categorical only
    friend bool operator==(const ScoringRule&, const ScoringRule&) = default;
};

struct Component {
    std::string id;    ///< "CQS.05"
    std::string name;  ///< Vietnamese name
    double max_points = 0.0;
    ScoringRule rule;
    std::vector<std::string> indicators;  ///< plan indicator ids measuring it (empty: untracked)
    std::string source;                   ///< where the component comes from ("922/QĐ-BTTTT ...")
    bool assumed = false;                 ///< true when the component or its points are ours
    friend bool operator==(const Component&, const Component&) = default;
};

struct MainIndicator {
    std::string id;       ///< "CQS"
    std::string name;     ///< "Hoạt động chính quyền số"
    std::string name_en;  ///< "Digital government"
    Pillar pillar = Pillar::Government;
    double max_points = 0.0;
    std::vector<Component> components;
    friend bool operator==(const MainIndicator&, const MainIndicator&) = default;
};

struct Framework {
    std::string id;
    std::string name;
    std::string sources;      ///< what is sourced, and from which decisions
    std::string assumptions;  ///< what is assumed
    std::vector<MainIndicator> main_indicators;

    [[nodiscard]] double max_points() const noexcept;
    [[nodiscard]] std::size_t component_count() const noexcept;
    [[nodiscard]] const MainIndicator* find_main(std::string_view id_or_name) const noexcept;
    [[nodiscard]] const Component* find_component(std::string_view id) const noexcept;
    friend bool operator==(const Framework&, const Framework&) = default;
};

/// Read a framework (schema dtiplan.framework/1). Checks that component points add up to their
/// main indicator's (within 1e-9), main ids, main names and component ids are unique, max points
/// are > 0, steps (distinct thresholds >= 0, points 0..max) and levels (distinct values, shares
/// 0..1) are given for their rules and only for them. Errors name the origin and JSON path:
/// FormatError for bad JSON or a wrong shape (missing field, wrong type, unknown field or
/// spelling), ValidationError for a well-formed but invalid value. Steps are stored sorted by
/// descending threshold, so framework_from_json(framework_to_json(f)) == f for any f read.
[[nodiscard]] Framework framework_from_json(std::string_view json_text, const std::string& origin);
[[nodiscard]] std::string framework_to_json(const Framework& f);
[[nodiscard]] Framework load_framework(const std::filesystem::path& path);
void save_framework(const Framework& f, const std::filesystem::path& path);
/// The built-in default (data/framework-default.json): the provincial DTI structure (1,000
/// points in 8 main indicators) with 47 commune components, sourced parts and assumptions marked.
[[nodiscard]] Framework builtin_framework();

}  // namespace dtiplan
