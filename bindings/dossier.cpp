// The dossier layer (docs/dossiers.md): a dossier export read in one streaming pass, its counts
// per unit and reporting window, the rates, the "nửa vời" cases, the 766 index and the figures
// as observations. Rows from a workbook or a DataFrame are fed to a DossierReader in batches.
#include "common.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "dtiplan/dossier/observations.hpp"
#include "dtiplan/dossier/reader.hpp"
#include "dtiplan/dossier/summary.hpp"

namespace dtiplan_bindings {

void register_dossier(py::module_& m) {
    using namespace dtiplan;

    py::class_<DossierRate> rate(m, "DossierRate",
                                 "A rate as numerator / denominator; value() is None when the "
                                 "denominator is 0 (không có hồ sơ).");
    def_value_type(rate, "DossierRate(numerator=1, denominator=4).",
                   field("numerator", &DossierRate::numerator, "Dossiers counted."),
                   field("denominator", &DossierRate::denominator, "Dossiers it is out of."));
    rate.def("value", &DossierRate::value, "numerator / denominator, or None when there are none.");

    py::class_<DossierTally> tally(m, "DossierTally",
                                   "The counts of one unit (or the commune) in one window.");
    def_value_type(
        tally, "Counts, all 0 by default.", field("dossiers", &DossierTally::dossiers, "Dossiers."),
        field("with_online_service", &DossierTally::with_online_service,
              "Of procedures with an online service."),
        field("filed_online", &DossierTally::filed_online, "Filed online."),
        field("online_with_service", &DossierTally::online_with_service,
              "Filed online, procedure with an online service."),
        field("full_online_procedure", &DossierTally::full_online_procedure,
              "Of toàn trình procedures."),
        field("full_online_done", &DossierTally::full_online_done, "Handled fully online."),
        field("half_online", &DossierTally::half_online, "'Nửa vời' cases."),
        field("digitised", &DossierTally::digitised, "Digitised."),
        field("with_result", &DossierTally::with_result, "Processing finished."),
        field("e_result", &DossierTally::e_result, "Finished with an electronic result."),
        field("with_fee", &DossierTally::with_fee, "With a fee."),
        field("paid_online", &DossierTally::paid_online, "With a fee, paid online."),
        field("on_time", &DossierTally::on_time, "On time."),
        field("late", &DossierTally::late, "Late (or open past due at the window's end)."),
        field("open_not_due", &DossierTally::open_not_due, "Open, not yet due."));

    py::class_<DossierRates> rates(m, "DossierRates", "The rates of a tally.");
    def_value_type(rates, "Rates.", field("online", &DossierRates::online, "I.03."),
                   field("full_online", &DossierRates::full_online, "I.04."),
                   field("digitised", &DossierRates::digitised, "III.3.a.04."),
                   field("handled_online", &DossierRates::handled_online, "III.3.a.06."),
                   field("e_result", &DossierRates::e_result, "III.3.a.08."),
                   field("online_payment", &DossierRates::online_payment, "III.3.a.10."),
                   field("on_time", &DossierRates::on_time, "On time."));
    m.def("dossier_rates", &dossier_rates, py::arg("tally"), "The rates of a DossierTally.");

    py::class_<Index766Criterion> crit(m, "Index766Criterion",
                                       "A criterion of the 766 index that dossiers measure.");
    def_value_type(crit, "A criterion.", field("id", &Index766Criterion::id, "'2.1'."),
                   field("name", &Index766Criterion::name, "Vietnamese name."),
                   field("group", &Index766Criterion::group, "Its group."),
                   field("max_points", &Index766Criterion::max_points, "Maximum points."),
                   field("threshold", &Index766Criterion::threshold,
                         "Full points at or above it (1 = proportional)."),
                   field("rate", &Index766Criterion::rate, "Which rate: 'on_time', ..."),
                   field("confirmed", &Index766Criterion::confirmed,
                         "Maximum confirmed by a published summary."),
                   field("source", &Index766Criterion::source, "Where the values come from."));
    m.def("default_index_766_criteria", &default_index_766_criteria,
          "The criteria shipped with dtiplan (secondary sources; docs/dossiers.md).");

    py::class_<Index766Score> score(m, "Index766Score", "Points of one criterion.");
    def_value_type(score, "Points.", field("criterion", &Index766Score::criterion, "Its id."),
                   field("rate", &Index766Score::rate, "The rate."),
                   field("points", &Index766Score::points, "Points earned."),
                   field("max_points", &Index766Score::max_points, "Maximum."),
                   field("scored", &Index766Score::scored, "False when the rate has no dossiers."));
    py::class_<Index766> idx(m, "Index766", "The dossier groups of the 766 index.");
    def_value_type(idx, "Points.", field("criteria", &Index766::criteria, "Per criterion."),
                   field("points", &Index766::points, "Sum over the scored criteria."),
                   field("max_points", &Index766::max_points, "Sum of their maxima."));
    m.def("index_766", &index_766, py::arg("tally"),
          py::arg_v("criteria", default_index_766_criteria(), "default_index_766_criteria()"),
          "Points of a tally under the threshold rule of Quyết định 766/QĐ-TTg.");

    py::class_<HalfOnlineCase> half(m, "HalfOnlineCase",
                                    "A dossier filed online for a toàn trình procedure that was "
                                    "not handled fully online.");
    def_value_type(half, "A case.", field("dossier", &HalfOnlineCase::dossier, "ma_ho_so."),
                   field("procedure", &HalfOnlineCase::procedure, "ma_thu_tuc."),
                   field("procedure_name", &HalfOnlineCase::procedure_name, "ten_thu_tuc."),
                   field("unit", &HalfOnlineCase::unit, "Unit id."),
                   field("received", &HalfOnlineCase::received, "Receipt date."),
                   field("period", &HalfOnlineCase::period, "Its window's period."),
                   field("originals", &HalfOnlineCase::originals, "Originals were asked for."),
                   field("counter", &HalfOnlineCase::counter, "Result collected at the counter."),
                   field("row", &HalfOnlineCase::row, "Row in the file (header = 1)."));
    half.def("reason", &HalfOnlineCase::reason,
             py::arg_v("lang", Language::Vietnamese, "Language.Vietnamese"), "Why it is flagged.");

    py::class_<BadDossierRow> bad(m, "BadDossierRow", "A row left out under skip_bad.");
    def_value_type(bad, "A bad row.", field("row", &BadDossierRow::row, "Row (header = 1)."),
                   field("column", &BadDossierRow::column, "Header of the bad cell ('' = row)."),
                   field("message", &BadDossierRow::message, "What is wrong."));

    py::class_<DossierUnitTally> ut(m, "DossierUnitTally", "One unit's counts.");
    def_value_type(ut, "A unit's counts.", field("unit", &DossierUnitTally::unit, "Unit id."),
                   field("tally", &DossierUnitTally::tally, "Counts."));

    py::class_<DossierWindow> win(m, "DossierWindow", "The dossiers received in one window.");
    def_value_type(win, "A window.", field("period", &DossierWindow::period, "The month."),
                   field("window", &DossierWindow::window, "Its days."),
                   field("units", &DossierWindow::units, "Per unit, plan order."),
                   field("commune", &DossierWindow::commune, "The commune."));

    py::class_<DossierSummary> sum(m, "DossierSummary", "What a dossier export says.");
    def_value_type(
        sum, "A summary.", field("origin", &DossierSummary::origin, "File name."),
        field("sha256", &DossierSummary::sha256, "SHA-256 of the file ('' when not a file)."),
        field("rule", &DossierSummary::rule, "The reporting window rule."),
        field("rows", &DossierSummary::rows, "Data rows read."),
        field("counted", &DossierSummary::counted, "Rows counted in a window."),
        field("outside", &DossierSummary::outside, "Good rows outside the selected period."),
        field("windows", &DossierSummary::windows, "Per window, in order."),
        field("half_online", &DossierSummary::half_online, "'Nửa vời' cases, file order."),
        field("bad_rows", &DossierSummary::bad_rows, "Rows left out (skip_bad)."));

    py::class_<DossierOptions> opts(m, "DossierOptions", "How to read a dossier export.");
    def_record_type(opts, "Options.",
                    field("columns", &DossierOptions::columns, "Header -> field."),
                    field("period", &DossierOptions::period, "Only this period's window."),
                    field("rule", &DossierOptions::rule, "The reporting window rule."),
                    field("skip_bad", &DossierOptions::skip_bad, "Leave out bad rows."));

    py::class_<DossierReader>(m, "DossierReader",
                              "Rows fed one batch at a time (a workbook, a DataFrame).")
        .def(py::init<const Plan*, DossierOptions, std::string>(), py::arg("plan"),
             py::arg("options"), py::arg("origin"), py::keep_alive<1, 2>())
        .def("header", &DossierReader::header, py::arg("cells"), "The header row.")
        .def(
            "rows",
            [](DossierReader& self, const std::vector<std::vector<std::string>>& rows,
               std::size_t first_row) {
                std::vector<std::string_view> cells;
                for (std::size_t i = 0; i < rows.size(); ++i) {
                    cells.assign(rows[i].begin(), rows[i].end());
                    self.row(cells, first_row + i);
                }
            },
            py::arg("rows"), py::arg("first_row"),
            "Data rows; the first is row `first_row` of the file (header = 1).")
        .def("finish", &DossierReader::finish, "The summary.");

    m.def("dossier_fields", &dossier_fields, "The fields dtiplan reads, default column names.");
    m.def("dossier_field_required", &dossier_field_required, py::arg("field"),
          "Whether a file must have the field.");
    m.def("parse_dossier_columns", &parse_dossier_columns, py::arg("json"), py::arg("origin"),
          "A column mapping from its JSON text.");
    m.def("read_dossiers",
          static_cast<DossierSummary (*)(const std::filesystem::path&, const Plan*,
                                         const DossierOptions&)>(&read_dossiers),
          py::arg("path"), py::arg("plan"),
          py::arg_v("options", DossierOptions{}, "DossierOptions()"),
          py::call_guard<py::gil_scoped_release>(), "Read a CSV export in one streaming pass.");
    m.def("file_sha256", &file_sha256, py::arg("path"), "SHA-256 of a file, lowercase hex.");
    m.def("dossier_observations", &dossier_observations, py::arg("summary"), py::arg("plan"),
          py::arg("submitted"), py::arg("unit") = std::string(),
          "The figures as observations, with the export as evidence.");
}

}  // namespace dtiplan_bindings
