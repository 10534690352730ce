// Observations (số liệu báo cáo) and the log that keeps every submission. The log's look-ups
// return copies (or None), never references into its list. ObservationLog has one Python
// property, `observations` (every submission, a copy; assigning replaces them), so it pickles,
// copies and compares like the value types.
#include "common.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace dtiplan_bindings {
namespace {

std::vector<dtiplan::Observation> copies(const std::vector<const dtiplan::Observation*>& found) {
    std::vector<dtiplan::Observation> out;
    out.reserve(found.size());
    for (const auto* o : found) out.push_back(*o);
    return out;
}

}  // namespace

void register_observation(py::module_& m) {
    using dtiplan::Evidence;
    using dtiplan::Observation;
    using dtiplan::ObservationLog;
    using dtiplan::ObservedValue;

    py::class_<Evidence> evidence(m, "Evidence",
                                  "A document backing a reported figure (tài liệu kiểm chứng).");
    def_value_type(evidence, "A document: Evidence(id='QD-123/2026', title=..., location=...).",
                   field("id", &Evidence::id, "Document number: 'QD-123/2026'."),
                   field("title", &Evidence::title,
                         "Title: 'Quyết định phân công công chức phụ trách chuyển đổi số'."),
                   field("location", &Evidence::location,
                         "Where to find it: a path, a link, 'Hồ sơ lưu VT'."));

    py::class_<ObservedValue> observed(
        m, "ObservedValue",
        "A measured value in the indicator's own scale: a fraction for a rate, a count for a "
        "count of a total, 0/1 for yes/no and milestones; numerator and denominator when the "
        "figure was reported as a/b.");
    def_value_type(observed, "A value: ObservedValue(value=0.94, numerator=188, denominator=200).",
                   field("value", &ObservedValue::value, "The value in the indicator's scale."),
                   field("numerator", &ObservedValue::numerator, "a of a/b, or None."),
                   field("denominator", &ObservedValue::denominator, "b of a/b, or None."));

    py::class_<Observation> observation(
        m, "Observation",
        "One reported figure: the value of a plan indicator for a period, sent by a unit on a "
        "date, with its evidence documents.");
    def_value_type(
        observation, "An observation: Observation(indicator='I.03', period='2026-03', ...).",
        field("indicator", &Observation::indicator, "Plan indicator id."),
        field("period", &Observation::period, "The period reported on (Period; a str is read)."),
        field("value", &Observation::value, "The value (ObservedValue)."),
        field("unit", &Observation::unit, "Reporting unit id ('' when not said)."),
        field("submitted", &Observation::submitted,
              "The day the figure was submitted (datetime.date, None when not set)."),
        field("evidence", &Observation::evidence, "Evidence documents (list of Evidence)."),
        field("note", &Observation::note, "Free text."),
        field("origin", &Observation::origin,
              "Where it was read: 'observations.csv:12' ('' when built in code)."));

    py::class_<ObservationLog> log(
        m, "ObservationLog",
        "Every submission, in the order received. A later submission for the same indicator "
        "and period supersedes an earlier one; both are kept. Look-ups return the effective one "
        "(the latest submitted; on the same day, the later in the log) as a copy.");
    log.def(py::init<>(), "An empty log.")
        .def(py::init<std::vector<Observation>>(), py::arg("observations"),
             "A log of these observations, in this order.")
        .def_property(
            "observations", [](const ObservationLog& self) { return self.all(); },
            [](ObservationLog& self, std::vector<Observation> all) {
                self = ObservationLog(std::move(all));
            },
            "Every submission in log order (a copy: assign a new list to replace them).")
        .def("add", &ObservationLog::add, py::arg("observation"),
             "Append a submission (a copy of it).")
        .def("all", &ObservationLog::all, "Every submission in log order (copies).")
        .def("__len__", &ObservationLog::size, "The number of submissions.")
        .def(
            "effective",
            [](const ObservationLog& self, std::string_view indicator,
               const dtiplan::Period& period) {
                return copy_or_none(self.effective(indicator, period));
            },
            py::arg("indicator"), py::arg("period"),
            "The effective observation of an indicator for a period, or None.")
        .def(
            "history",
            [](const ObservationLog& self, std::string_view indicator,
               const dtiplan::Period& period) { return copies(self.history(indicator, period)); },
            py::arg("indicator"), py::arg("period"),
            "Every submission for an indicator and period, oldest first.")
        .def(
            "effective_all",
            [](const ObservationLog& self) { return copies(self.effective_all()); },
            "The effective observations, one per (indicator, period): indicators as first "
            "seen, then periods in order.")
        .def(
            "effective_indices",
            [](const ObservationLog& self) {
                std::vector<std::size_t> out;
                const Observation* first = self.all().data();
                for (const auto* o : self.effective_all())
                    out.push_back(static_cast<std::size_t>(o - first));
                return out;
            },
            "The positions in all() of the effective observations, in effective_all() order.")
        .def(
            "latest",
            [](const ObservationLog& self, std::string_view indicator, const dtiplan::Date& as_of) {
                return copy_or_none(self.latest(indicator, as_of));
            },
            py::arg("indicator"), py::arg("as_of"),
            "The latest value of an indicator known on a date: only submissions made on or "
            "before as_of count; of the periods begun by then, the one ending last. None when "
            "none.")
        .def(
            "__eq__", [](const ObservationLog& a, const ObservationLog& b) { return a == b; },
            py::is_operator(), py::arg("other"), "Equal when every submission is equal.")
        .def(
            "__ne__", [](const ObservationLog& a, const ObservationLog& b) { return !(a == b); },
            py::is_operator(), py::arg("other"), "Not equal when any submission differs.")
        .def(
            "__repr__",
            [](py::handle self) {
                const auto& v = self.cast<const ObservationLog&>();
                return python_type_name(self) + "(" + std::to_string(v.size()) + " observations, " +
                       std::to_string(v.effective_all().size()) + " effective)";
            },
            "The number of submissions and of effective ones.")
        .def(
            "__copy__", [](const ObservationLog& self) { return ObservationLog(self); },
            "A copy (always deep).")
        .def(
            "__deepcopy__",
            [](const ObservationLog& self, const py::object&) { return ObservationLog(self); },
            py::arg("memo"), "A deep copy.")
        .def(py::pickle(
                 [](const ObservationLog& self) {
                     return py::make_tuple(kPickleVersion, self.all());
                 },
                 [](const py::tuple& state) {
                     if (state.size() != 2 || state[0].cast<int>() != kPickleVersion)
                         throw py::value_error(
                             "cannot unpickle ObservationLog: unknown state (expected version " +
                             std::to_string(kPickleVersion) + " with 1 field)");
                     return ObservationLog(state[1].cast<std::vector<Observation>>());
                 }),
             "Restore from the pickle state (version, observations).");

    m.def(
        "validate_observation",
        [](const dtiplan::Plan& plan, const Observation& o, const std::string& where) {
            dtiplan::validate_observation(plan, o, where);
        },
        py::arg("plan"), py::arg("observation"), py::arg("where") = "",
        "Check an observation against a plan (indicator, rate in 0..1, numerator <= denominator, "
        "period in the plan's years, known unit, submission date, evidence). Raises "
        "ValidationError whose where names the field: 'where, column value'.");
}

}  // namespace dtiplan_bindings
