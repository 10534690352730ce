// Frameworks <-> JSON (schema dtiplan.framework/1, docs/framework.md) and the built-in default.
// A framework is the evaluator's data, edited by hand and swapped year to year, so reading is as
// strict as the plan reader (every field checked, unknown fields rejected, errors naming origin
// and JSON path) and, unlike a plan, a framework is validated whole on reading: a framework whose
// points do not add up would silently score every commune wrong.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "detail/json_cursor.hpp"
#include "dtiplan/error.hpp"
#include "dtiplan/io/file.hpp"
#include "dtiplan/score/framework.hpp"

namespace dtiplan {
namespace detail {
extern const unsigned char dtiplan_builtin_framework_json[];
extern const std::size_t dtiplan_builtin_framework_json_size;
}  // namespace detail

namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;
using detail::Cursor;

constexpr std::string_view kSchema = "dtiplan.framework/1";
/// Points are compared within this absolute tolerance (sums of decimal points).
constexpr double kPointsTolerance = 1e-9;

struct RuleKindEntry {
    RuleKind kind;
    std::string_view spelling;
};
constexpr RuleKindEntry kRuleKinds[] = {
    {RuleKind::Proportional, "proportional"},       {RuleKind::Steps, "steps"},
    {RuleKind::Categorical, "categorical"},         {RuleKind::YesNo, "yes-no"},
    {RuleKind::RelativeToBest, "relative-to-best"}, {RuleKind::Target, "target"},
};

/// "100", "12.5", "0.3333333333333333": whole numbers without a decimal point.
std::string format_points(double v) {
    if (std::isfinite(v) && std::fabs(v) < 1e15 && v == std::trunc(v))
        return std::to_string(static_cast<long long>(v));
    return json(v).dump();
}

[[noreturn]] void invalid(const Cursor& c, const std::string& what) {
    throw ValidationError(c.where(), what);
}

double positive_points(const Cursor& c) {
    const double v = c.number();
    if (!(v > 0.0)) invalid(c, "maximum points must be greater than 0, found " + format_points(v));
    return v;
}

ScoringRule read_rule(const Cursor& c, double max_points) {
    c.expect_object({"kind", "steps", "levels"});
    ScoringRule rule;
    rule.kind = c.required("kind").enumeration<RuleKind>(
        &rule_kind_from_string,
        {"proportional", "steps", "categorical", "yes-no", "relative-to-best", "target"});
    if (rule.kind != RuleKind::Steps && c.has("steps"))
        c.at("steps").fail("only a \"steps\" rule has steps");
    if (rule.kind != RuleKind::Categorical && c.has("levels"))
        c.at("levels").fail("only a \"categorical\" rule has levels");

    if (rule.kind == RuleKind::Steps) {
        const Cursor steps = c.required("steps");
        std::map<double, std::size_t> seen;  // threshold -> index where first given
        std::size_t index = 0;
        steps.each([&](const Cursor& s) {
            s.expect_object({"threshold", "points"});
            Step step{s.required("threshold").number(), s.required("points").number()};
            if (step.threshold < 0.0)
                invalid(s.at("threshold"),
                        "a threshold must not be negative, found " + format_points(step.threshold));
            if (step.points < 0.0 || step.points > max_points + kPointsTolerance)
                invalid(s.at("points"), "step points must be from 0 to the component's " +
                                            format_points(max_points) + ", found " +
                                            format_points(step.points));
            if (const auto it = seen.find(step.threshold); it != seen.end())
                invalid(s.at("threshold"), "threshold " + format_points(step.threshold) +
                                               " is given twice (also steps[" +
                                               std::to_string(it->second) + "])");
            seen.emplace(step.threshold, index++);
            rule.steps.push_back(step);
        });
        if (rule.steps.empty()) invalid(steps, "a \"steps\" rule needs at least one step");
        std::stable_sort(rule.steps.begin(), rule.steps.end(),
                         [](const Step& a, const Step& b) { return a.threshold > b.threshold; });
    }
    if (rule.kind == RuleKind::Categorical) {
        const Cursor levels = c.required("levels");
        std::map<double, std::size_t> seen;
        std::size_t index = 0;
        levels.each([&](const Cursor& l) {
            l.expect_object({"value", "share", "label"});
            ScoreLevel level{l.required("value").number(), l.required("share").number(),
                             optional_string(l, "label")};
            if (level.share < 0.0 || level.share > 1.0)
                invalid(l.at("share"),
                        "a share must be from 0 to 1, found " + format_points(level.share));
            if (const auto it = seen.find(level.value); it != seen.end())
                invalid(l.at("value"), "value " + format_points(level.value) +
                                           " is given twice (also levels[" +
                                           std::to_string(it->second) + "])");
            seen.emplace(level.value, index++);
            rule.levels.push_back(std::move(level));
        });
        if (rule.levels.empty()) invalid(levels, "a \"categorical\" rule needs at least one level");
    }
    return rule;
}

Component read_component(const Cursor& c) {
    c.expect_object({"id", "name", "max_points", "rule", "indicators", "source", "assumed"});
    Component comp;
    comp.id = c.required("id").string();
    if (comp.id.empty()) invalid(c.at("id"), "a component id must not be empty");
    comp.name = c.required("name").string();
    comp.max_points = positive_points(c.required("max_points"));
    comp.rule = read_rule(c.required("rule"), comp.max_points);
    if (c.has("indicators")) {
        c.at("indicators").each([&](const Cursor& i) {
            std::string id = i.string();
            if (id.empty()) invalid(i, "an indicator id must not be empty");
            if (std::find(comp.indicators.begin(), comp.indicators.end(), id) !=
                comp.indicators.end())
                invalid(i, "indicator \"" + id + "\" is listed twice");
            comp.indicators.push_back(std::move(id));
        });
    }
    comp.source = optional_string(c, "source");
    if (c.has("assumed")) comp.assumed = c.at("assumed").boolean();
    return comp;
}

Framework read_framework(const Cursor& c) {
    c.expect_object({"schema", "id", "name", "sources", "assumptions", "main_indicators"});
    const Cursor schema = c.required("schema");
    if (schema.string() != kSchema)
        schema.fail("expected \"" + std::string(kSchema) + "\", found \"" + schema.string() + "\"");
    Framework f;
    f.id = c.required("id").string();
    if (f.id.empty()) invalid(c.at("id"), "a framework id must not be empty");
    f.name = c.required("name").string();
    f.sources = optional_string(c, "sources");
    f.assumptions = optional_string(c, "assumptions");

    // Where each id and main name was first given, for "given twice" messages.
    std::map<std::string, std::string, std::less<>> main_ids;
    std::map<std::string, std::string, std::less<>> main_names;
    std::map<std::string, std::string, std::less<>> component_ids;

    const Cursor mains = c.required("main_indicators");
    mains.each([&](const Cursor& m) {
        m.expect_object({"id", "name", "name_en", "pillar", "max_points", "components"});
        MainIndicator main;
        const Cursor id = m.required("id");
        main.id = id.string();
        if (main.id.empty()) invalid(id, "a main indicator id must not be empty");
        if (const auto it = main_ids.find(main.id); it != main_ids.end())
            invalid(id, "main indicator id \"" + main.id + "\" is given twice (also " + it->second +
                            ")");
        main_ids.emplace(main.id, id.where());
        const Cursor name = m.required("name");
        main.name = name.string();
        if (main.name.empty()) invalid(name, "a main indicator name must not be empty");
        if (const auto it = main_names.find(main.name); it != main_names.end())
            invalid(name, "main indicator name \"" + main.name + "\" is given twice (also " +
                              it->second + ")");
        main_names.emplace(main.name, name.where());
        main.name_en = optional_string(m, "name_en");
        main.pillar = m.required("pillar").enumeration<Pillar>(
            &pillar_from_string, {"awareness", "institution", "infrastructure", "workforce",
                                  "security", "government", "economy", "society"});
        const Cursor max = m.required("max_points");
        main.max_points = positive_points(max);

        const Cursor comps = m.required("components");
        double sum = 0.0;
        comps.each([&](const Cursor& k) {
            Component comp = read_component(k);
            if (const auto it = component_ids.find(comp.id); it != component_ids.end())
                invalid(k.at("id"), "component id \"" + comp.id + "\" is given twice (also " +
                                        it->second + ")");
            component_ids.emplace(comp.id, k.at("id").where());
            sum += comp.max_points;
            main.components.push_back(std::move(comp));
        });
        if (main.components.empty())
            invalid(comps, "a main indicator needs at least one component");
        if (std::fabs(sum - main.max_points) > kPointsTolerance)
            invalid(max, "the components add up to " + format_points(sum) +
                             " points, not the main indicator's " + format_points(main.max_points));
        f.main_indicators.push_back(std::move(main));
    });
    if (f.main_indicators.empty()) invalid(mains, "a framework needs at least one main indicator");
    return f;
}

// ---- writing --------------------------------------------------------------------------------

ojson write_rule(const ScoringRule& r) {
    ojson o;
    o["kind"] = to_string(r.kind);
    if (r.kind == RuleKind::Steps) {
        o["steps"] = ojson::array();
        for (const auto& s : r.steps)
            o["steps"].push_back(ojson{{"threshold", s.threshold}, {"points", s.points}});
    }
    if (r.kind == RuleKind::Categorical) {
        o["levels"] = ojson::array();
        for (const auto& l : r.levels)
            o["levels"].push_back(
                ojson{{"value", l.value}, {"share", l.share}, {"label", l.label}});
    }
    return o;
}

ojson write_component(const Component& c) {
    ojson o;
    o["id"] = c.id;
    o["name"] = c.name;
    o["max_points"] = c.max_points;
    o["rule"] = write_rule(c.rule);
    o["indicators"] = c.indicators;
    o["source"] = c.source;
    o["assumed"] = c.assumed;
    return o;
}

ojson write_framework(const Framework& f) {
    ojson o;
    o["schema"] = kSchema;
    o["id"] = f.id;
    o["name"] = f.name;
    o["sources"] = f.sources;
    o["assumptions"] = f.assumptions;
    o["main_indicators"] = ojson::array();
    for (const auto& m : f.main_indicators) {
        ojson mo;
        mo["id"] = m.id;
        mo["name"] = m.name;
        mo["name_en"] = m.name_en;
        mo["pillar"] = to_string(m.pillar);
        mo["max_points"] = m.max_points;
        mo["components"] = ojson::array();
        for (const auto& c : m.components) mo["components"].push_back(write_component(c));
        o["main_indicators"].push_back(std::move(mo));
    }
    return o;
}

}  // namespace

std::string_view to_string(RuleKind k) noexcept {
    for (const auto& e : kRuleKinds)
        if (e.kind == k) return e.spelling;
    return "?";
}

std::optional<RuleKind> rule_kind_from_string(std::string_view s) noexcept {
    for (const auto& e : kRuleKinds)
        if (e.spelling == s) return e.kind;
    return std::nullopt;
}

double Framework::max_points() const noexcept {
    double total = 0.0;
    for (const auto& m : main_indicators) total += m.max_points;
    return total;
}

std::size_t Framework::component_count() const noexcept {
    std::size_t n = 0;
    for (const auto& m : main_indicators) n += m.components.size();
    return n;
}

const MainIndicator* Framework::find_main(std::string_view id_or_name) const noexcept {
    for (const auto& m : main_indicators)
        if (m.id == id_or_name) return &m;
    for (const auto& m : main_indicators)
        if (m.name == id_or_name) return &m;
    return nullptr;
}

const Component* Framework::find_component(std::string_view component_id) const noexcept {
    for (const auto& m : main_indicators)
        for (const auto& c : m.components)
            if (c.id == component_id) return &c;
    return nullptr;
}

Framework framework_from_json(std::string_view json_text, const std::string& origin) {
    const json doc = detail::parse_document(json_text, origin);
    return read_framework(Cursor(doc, origin, ""));
}

std::string framework_to_json(const Framework& f) { return write_framework(f).dump(2) + "\n"; }

Framework load_framework(const std::filesystem::path& path) {
    return framework_from_json(read_file(path), path.string());
}

void save_framework(const Framework& f, const std::filesystem::path& path) {
    write_file_atomically(path, framework_to_json(f));
}

Framework builtin_framework() {
    const std::string_view text{
        reinterpret_cast<const char*>(detail::dtiplan_builtin_framework_json),
        detail::dtiplan_builtin_framework_json_size};
    return framework_from_json(text, "<built-in framework-default>");
}

}  // namespace dtiplan
