// The model's closed vocabularies as Python enum.Enum classes (member names as in C++). Each enum
// with a file spelling gets a `spelling` property and a `from_spelling` class method, and each
// with people-facing labels a `label(lang)` method, all forwarding to the C++ tables.
#include "common.hpp"

namespace dtiplan_bindings {

using dtiplan::Language;

void register_enums(py::module_& m) {
    py::native_enum<Language>(m, "Language", "enum.Enum", "Language of messages and labels.")
        .value("Vietnamese", Language::Vietnamese, "Tiếng Việt (the default)")
        .value("English", Language::English, "English")
        .finalize();

    py::native_enum<dtiplan::Level>(m, "Level", "enum.Enum",
                                    "Level of a unit: the commune's own, or upper (provincial).")
        .value("Commune", dtiplan::Level::Commune, "cấp xã")
        .value("Upper", dtiplan::Level::Upper, "cấp trên")
        .finalize();
    add_spelling<dtiplan::Level>(m, "Level", &dtiplan::level_from_string);

    py::native_enum<dtiplan::Role>(m, "Role", "enum.Enum",
                                   "Role of a unit for an indicator (the appendix columns).")
        .value("Lead", dtiplan::Role::Lead, "cơ quan chủ trì")
        .value("Coordinating", dtiplan::Role::Coordinating, "cơ quan phối hợp")
        .value("Tracking", dtiplan::Role::Tracking, "cơ quan theo dõi và tổng hợp")
        .value("UpperLead", dtiplan::Role::UpperLead, "cơ quan chủ trì triển khai của cấp trên")
        .finalize();
    add_spelling<dtiplan::Role>(m, "Role", &dtiplan::role_from_string);
    add_label<dtiplan::Role>(m, "Role");

    py::native_enum<dtiplan::Pillar>(m, "Pillar", "enum.Enum", "The eight main groups of the DTI.")
        .value("Awareness", dtiplan::Pillar::Awareness, "Nhận thức số")
        .value("Institution", dtiplan::Pillar::Institution, "Thể chế số")
        .value("Infrastructure", dtiplan::Pillar::Infrastructure, "Hạ tầng số")
        .value("Workforce", dtiplan::Pillar::Workforce, "Nhân lực số")
        .value("Security", dtiplan::Pillar::Security, "An toàn thông tin mạng")
        .value("Government", dtiplan::Pillar::Government, "Hoạt động chính quyền số")
        .value("Economy", dtiplan::Pillar::Economy, "Hoạt động kinh tế số")
        .value("Society", dtiplan::Pillar::Society, "Hoạt động xã hội số")
        .finalize();
    add_spelling<dtiplan::Pillar>(m, "Pillar", &dtiplan::pillar_from_string);
    add_label<dtiplan::Pillar>(m, "Pillar");

    py::native_enum<dtiplan::MeasureKind>(m, "MeasureKind", "enum.Enum",
                                          "What kind of quantity a target measures.")
        .value("Rate", dtiplan::MeasureKind::Rate, "a share in 0..1 ('Trên 80%')")
        .value("CountOfTotal", dtiplan::MeasureKind::CountOfTotal, "a count of a total ('9/9')")
        .value("YesNo", dtiplan::MeasureKind::YesNo, "present or not ('Có ứng dụng AI')")
        .value("Milestone", dtiplan::MeasureKind::Milestone, "a qualitative milestone")
        .finalize();
    add_spelling<dtiplan::MeasureKind>(m, "MeasureKind", &dtiplan::measure_kind_from_string);
    add_label<dtiplan::MeasureKind>(m, "MeasureKind");

    py::native_enum<dtiplan::Comparator>(m, "Comparator", "enum.Enum",
                                         "How an observed value is compared with a target.")
        .value("AtLeast", dtiplan::Comparator::AtLeast, "đạt X: value >= X")
        .value("Above", dtiplan::Comparator::Above, "trên X: value > X (strict)")
        .value("Exactly", dtiplan::Comparator::Exactly, "value == X (1 = yes / reached)")
        .finalize();
    add_spelling<dtiplan::Comparator>(m, "Comparator", &dtiplan::comparator_from_string);

    py::native_enum<dtiplan::Direction>(m, "Direction", "enum.Enum",
                                        "Whether a larger value is better.")
        .value("Increase", dtiplan::Direction::Increase, "larger is better")
        .value("Decrease", dtiplan::Direction::Decrease, "smaller is better")
        .finalize();
    add_spelling<dtiplan::Direction>(m, "Direction", &dtiplan::direction_from_string);

    py::native_enum<dtiplan::Severity>(m, "Severity", "enum.Enum", "Severity of a checker finding.")
        .value("Info", dtiplan::Severity::Info, "thông tin")
        .value("Warning", dtiplan::Severity::Warning, "cảnh báo")
        .value("Error", dtiplan::Severity::Error, "lỗi")
        .finalize();
    add_spelling<dtiplan::Severity>(m, "Severity", &dtiplan::severity_from_string);
    add_label<dtiplan::Severity>(m, "Severity");

    py::native_enum<dtiplan::ReportingWindow>(
        m, "ReportingWindow", "enum.Enum",
        "Which days a periodic report covers (thời gian chốt số liệu).")
        .value("Decree09", dtiplan::ReportingWindow::Decree09,
               "Nghị định 09/2019/NĐ-CP: 15th of the month before to the 14th")
        .value("CalendarMonth", dtiplan::ReportingWindow::CalendarMonth, "the calendar month")
        .finalize();
    add_spelling<dtiplan::ReportingWindow>(m, "ReportingWindow",
                                           &dtiplan::reporting_window_from_string);
    add_label<dtiplan::ReportingWindow>(m, "ReportingWindow");
}

}  // namespace dtiplan_bindings
