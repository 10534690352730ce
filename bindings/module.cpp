// The extension module dtiplan._core: nothing but the registration of each topic, in an order
// where every type is known before a later binding uses it (see common.hpp).
#include "common.hpp"

namespace dtiplan_bindings {
// Declared here rather than in common.hpp so adding a topic does not rebuild every binding.
void register_dossier(py::module_& m);
}  // namespace dtiplan_bindings

PYBIND11_MODULE(_core, m) {
    dtiplan_bindings::register_version(m);
    dtiplan_bindings::register_errors(m);
    dtiplan_bindings::register_cancellation(m);
    dtiplan_bindings::register_enums(m);
    dtiplan_bindings::register_source(m);
    dtiplan_bindings::register_unit(m);
    dtiplan_bindings::register_target(m);
    dtiplan_bindings::register_target_phrase(m);
    dtiplan_bindings::register_indicator(m);
    dtiplan_bindings::register_plan(m);
    dtiplan_bindings::register_plan_io(m);
    dtiplan_bindings::register_check(m);
    dtiplan_bindings::register_responsibility(m);
    dtiplan_bindings::register_period(m);
    dtiplan_bindings::register_observation(m);
    dtiplan_bindings::register_observation_io(m);
    dtiplan_bindings::register_calendar(m);
    dtiplan_bindings::register_framework(m);
    dtiplan_bindings::register_scoring(m);
    dtiplan_bindings::register_attainment(m);
    dtiplan_bindings::register_scorecard(m);
    dtiplan_bindings::register_series(m);
    dtiplan_bindings::register_trend(m);
    dtiplan_bindings::register_progress(m);
    dtiplan_bindings::register_projection(m);
    dtiplan_bindings::register_rank_peers(m);
    dtiplan_bindings::register_rank_simulation(m);
    dtiplan_bindings::register_rank_planner(m);
    dtiplan_bindings::register_examples(m);
    dtiplan_bindings::register_score_log(m);
    dtiplan_bindings::register_indicator_progress(m);
    dtiplan_bindings::register_outlook(m);
    dtiplan_bindings::register_rank_scenario(m);
    dtiplan_bindings::register_dossier(m);
}
