// Uses the installed dtiplan: loads the built-in plan, checks it, and fails loudly if what a
// commune program relies on is missing.
#include <dtiplan/dtiplan.hpp>

#include <iostream>

int main() {
    const dtiplan::Plan plan = dtiplan::builtin_plan();
    const auto findings = dtiplan::check_plan(plan);
    const dtiplan::Indicator* usage = plan.find_indicator("I.03");
    if (usage == nullptr || usage->targets_for(2026).empty()) {
        std::cerr << "consumer: I.03 or its 2026 target is missing\n";
        return 1;
    }
    const dtiplan::Target& t = *usage->targets_for(2026).front();
    if (t.text != "Trên 80%" || t.met(0.80) || !t.met(0.81)) {
        std::cerr << "consumer: unexpected reading of " << t << "\n";
        return 1;
    }
    const dtiplan::Framework framework = dtiplan::builtin_framework();
    const dtiplan::Coverage cover = dtiplan::coverage(framework, plan);
    if (framework.component_count() != 47 || cover.tracked_points <= 0) {
        std::cerr << "consumer: unexpected built-in framework\n";
        return 1;
    }
    std::cout << "framework: " << framework.component_count() << " components, "
              << cover.tracked_points << " of " << framework.max_points()
              << " points tracked by the plan\n";
    std::cout << plan << ": " << findings.size() << " findings, "
              << (dtiplan::has_errors(findings) ? "with" : "no") << " errors; I.03 2026: "
              << t << "\n";
    return dtiplan::has_errors(findings) ? 1 : 0;
}
