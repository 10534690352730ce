// A DTI framework: main indicators, components with their scoring rules, and the plan
// indicators measuring each (docs/framework.md). Plain values, read from and written to JSON; the
// built-in default is embedded in the library.
#include "common.hpp"

#include <string>

namespace dtiplan_bindings {

void register_framework(py::module_& m) {
    using dtiplan::Component;
    using dtiplan::Framework;
    using dtiplan::MainIndicator;
    using dtiplan::RuleKind;
    using dtiplan::ScoreLevel;
    using dtiplan::ScoringRule;
    using dtiplan::Step;

    py::native_enum<RuleKind>(m, "RuleKind", "enum.Enum", "How a component's value earns points.")
        .value("Proportional", RuleKind::Proportional, "min(value, 1) × max (Tỷ lệ × Điểm tối đa)")
        .value("Steps", RuleKind::Steps, "points of the highest step the value reaches")
        .value("Categorical", RuleKind::Categorical, "the matching level's share × max")
        .value("YesNo", RuleKind::YesNo, "max when yes (value >= 0.5), else 0")
        .value("RelativeToBest", RuleKind::RelativeToBest, "value / best value × max, capped")
        .value("Target", RuleKind::Target, "max when the plan's target is met, linear below")
        .finalize();
    add_spelling<RuleKind>(m, "RuleKind", &dtiplan::rule_kind_from_string);

    py::class_<Step> step(m, "Step",
                          "A step of a Steps rule: at least `threshold` gives `points`.");
    def_value_type(step, "A step: Step(threshold=0.75, points=15).",
                   field("threshold", &Step::threshold, "The value to reach (0..1)."),
                   field("points", &Step::points, "The points it earns (absolute)."));

    py::class_<ScoreLevel> level(
        m, "ScoreLevel", "A level of a Categorical rule: the value earns `share` of the maximum.");
    def_value_type(level, "A level: ScoreLevel(value=0.5, share=0.5, label='Phó Chủ tịch').",
                   field("value", &ScoreLevel::value, "The observed value of this level."),
                   field("share", &ScoreLevel::share, "Share of the maximum points (0..1)."),
                   field("label", &ScoreLevel::label, "'Trưởng ban là Chủ tịch'."));

    py::class_<ScoringRule> rule(m, "ScoringRule",
                                 "A component's scoring rule: its kind, with steps (Steps) or "
                                 "levels (Categorical).");
    def_value_type(rule, "A rule: ScoringRule(kind=RuleKind.Steps, steps=[...]).",
                   field("kind", &ScoringRule::kind, "The rule (RuleKind)."),
                   field("steps", &ScoringRule::steps, "Steps, highest threshold first."),
                   field("levels", &ScoringRule::levels, "Levels of a Categorical rule."));

    py::class_<Component> component(
        m, "Component",
        "A component indicator (chỉ số thành phần): maximum points, a rule, and the plan "
        "indicators measuring it (none: the plan does not track it).");
    def_value_type(
        component, "A component: Component(id='CQS.05', name=..., max_points=20, ...).",
        field("id", &Component::id, "'CQS.05'."),
        field("name", &Component::name, "Vietnamese name."),
        field("max_points", &Component::max_points, "Maximum points (> 0)."),
        field("rule", &Component::rule, "The scoring rule (ScoringRule)."),
        field("indicators", &Component::indicators, "Plan indicator ids measuring it."),
        field("source", &Component::source, "Where it comes from ('922/QĐ-BTTTT ...')."),
        field("assumed", &Component::assumed, "True when the component or its points are ours."));

    py::class_<MainIndicator> main(m, "MainIndicator",
                                   "A main indicator (chỉ số chính): one of the eight groups, "
                                   "with its maximum points and components.");
    def_value_type(main, "A main indicator: MainIndicator(id='CQS', name=..., max_points=200).",
                   field("id", &MainIndicator::id, "'CQS'."),
                   field("name", &MainIndicator::name, "'Hoạt động chính quyền số'."),
                   field("name_en", &MainIndicator::name_en, "'Digital government'."),
                   field("pillar", &MainIndicator::pillar, "The plan's pillar (Pillar)."),
                   field("max_points", &MainIndicator::max_points, "Maximum points."),
                   field("components", &MainIndicator::components, "Its components."));

    py::class_<Framework> framework(
        m, "Framework",
        "How the DTI is scored (the evaluator's, not the commune's): main indicators with "
        "maximum points and components with rules. Data in schema dtiplan.framework/1.");
    def_value_type(framework, "A framework: Framework(id=..., name=..., main_indicators=[...]).",
                   field("id", &Framework::id, "'dtiplan-default-commune'."),
                   field("name", &Framework::name, "Vietnamese name."),
                   field("sources", &Framework::sources, "What is sourced, from which decisions."),
                   field("assumptions", &Framework::assumptions, "What is assumed."),
                   field("main_indicators", &Framework::main_indicators,
                         "The main indicators, in publication order."));
    framework
        .def_property_readonly("max_points", &Framework::max_points,
                               "Total maximum points (1,000): a property, as Component.max_points "
                               "and MainIndicator.max_points are.")
        .def("component_count", &Framework::component_count, "The number of components.")
        .def(
            "find_main",
            [](const Framework& self, std::string_view id_or_name) {
                return copy_or_none(self.find_main(id_or_name));
            },
            py::arg("id_or_name"), "A copy of the main indicator with this id or name, or None.")
        .def(
            "find_component",
            [](const Framework& self, std::string_view id) {
                return copy_or_none(self.find_component(id));
            },
            py::arg("id"), "A copy of the component with this id, or None.")
        .def("save", &dtiplan::save_framework, py::arg("path"),
             "Save atomically to a JSON file (see save_framework).")
        .def("to_json", &dtiplan::framework_to_json, "The framework as JSON text.");

    m.def("framework_from_json", &dtiplan::framework_from_json, py::arg("json_text"),
          py::arg("origin") = "<string>",
          "Read a framework from JSON text; checks points add up, ids are unique and rules are "
          "complete. FormatError / ValidationError naming origin and JSON path.");
    m.def("framework_to_json", &dtiplan::framework_to_json, py::arg("framework"),
          "The framework as JSON text; reading it back gives an equal framework.");
    m.def("load_framework", &dtiplan::load_framework, py::arg("path"),
          "Load a framework file. Raises FileError, FormatError or ValidationError.");
    m.def("save_framework", &dtiplan::save_framework, py::arg("framework"), py::arg("path"),
          "Save a framework atomically (temporary file, then rename).");
    m.def("builtin_framework", &dtiplan::builtin_framework,
          "The built-in default framework (8 main indicators, 1,000 points, 47 components; an "
          "approximation: sources and assumptions are in the data). A fresh copy each call.");
}

}  // namespace dtiplan_bindings
