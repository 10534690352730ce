// Observations as CSV and JSON (docs/observations.md). CSV is what a coordinator edits in Excel,
// so the reader is forgiving about spelling (decimal comma, "85%", "có"/"không", a UTF-8 BOM, CRLF,
// ";" as the separator) but strict about meaning: every row is validated against the plan, and
// the first bad cell stops the load with "origin: row N, column NAME" and the cell quoted. The
// writers spell every value so that reading it back gives an equal log (origins aside).
#include "dtiplan/track/observation_io.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>

#include "detail/cells.hpp"
#include "detail/csv.hpp"
#include "detail/json_cursor.hpp"
#include "dtiplan/error.hpp"
#include "dtiplan/io/file.hpp"

namespace dtiplan {
namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

constexpr std::string_view kSchema = "dtiplan.observations/1";
constexpr std::array<std::string_view, 11> kColumns{
    "indicator", "period",      "value",          "numerator",         "denominator", "unit",
    "submitted", "evidence_id", "evidence_title", "evidence_location", "note"};

// ---- small text helpers ----------------------------------------------------------------------

using detail::ascii_lower;
using detail::is_blank;
using detail::trim;
std::string in_quotes(std::string_view s) { return detail::quoted(s); }

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t pos = s.find(sep, start);
        out.emplace_back(trim(s.substr(start, pos == std::string_view::npos ? pos : pos - start)));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return out;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += sep;
        out += items[i];
    }
    return out;
}

std::string allowed_columns() {
    std::string out;
    for (auto c : kColumns) {
        if (!out.empty()) out += ", ";
        out += c;
    }
    return out;
}

/// The plan's spelling of a unit or group id written in another case ("ttpvhcc" -> "TTPVHCC");
/// the text as written when none matches (validation then lists the plan's ids).
std::string unit_id(const Plan& plan, std::string text) {
    if (text.empty() || plan.find_unit(text) != nullptr || plan.find_group(text) != nullptr)
        return text;
    const std::string low = ascii_lower(text);
    for (const auto& u : plan.units)
        if (ascii_lower(u.id) == low) return u.id;
    for (const auto& g : plan.groups)
        if (ascii_lower(g.id) == low) return g.id;
    return text;
}

using detail::csv_cell;
using detail::NumberCell;
using detail::read_count_cell;
using detail::read_value_cell;
using detail::read_yes_no;
using detail::shortest;

// ---- CSV -------------------------------------------------------------------------------------

using detail::CsvRecord;

/// Reads one data row of the CSV into an observation.
class CsvRow {
public:
    CsvRow(const CsvRecord& rec, const std::vector<std::string>& names, const std::string& origin,
           const Plan& plan)
        : rec_(rec), names_(names), origin_(origin), plan_(plan) {}

    Observation read() {
        Observation o;
        o.origin = origin_ + ":" + std::to_string(rec_.line);

        o.indicator = cell("indicator");
        if (o.indicator.empty()) fail<FormatError>("indicator", "missing indicator id");
        const Indicator* ind = plan_.find_indicator(o.indicator);
        if (!ind)
            fail<ValidationError>("indicator", "unknown indicator " + in_quotes(o.indicator) +
                                                   " (not in the plan " + in_quotes(plan_.id) +
                                                   ")");

        const std::string period = cell("period");
        if (period.empty()) fail<FormatError>("period", "missing period (e.g. 2026-03)");
        try {
            o.period = Period::parse(period);
        } catch (const FormatError& e) {
            fail<FormatError>("period", e.detail());
        }

        read_value(*ind, o.value);
        o.unit = unit_id(plan_, cell("unit"));

        const std::string submitted = cell("submitted");
        if (submitted.empty())
            fail<FormatError>("submitted", "missing submission date (e.g. 2026-03-19)");
        try {
            o.submitted = parse_iso_date(submitted);
        } catch (const FormatError& e) {
            fail<FormatError>("submitted", e.detail());
        }

        read_evidence(o.evidence);
        o.note = cell("note");

        std::string field_at_fault;
        try {
            validate_observation(plan_, o, [&](std::string_view field) {
                field_at_fault = field == "evidence" ? "evidence_id" : std::string(field);
                if (fraction_in_value_ && (field == "numerator" || field == "denominator"))
                    field_at_fault = "value";  // "10/9" was written in the value cell
                return where(field_at_fault);
            });
        } catch (const ValidationError& e) {
            // Quote the cell as written when the message shows the value as read (120% -> 1.2).
            const std::string raw = cell(field_at_fault);
            if (raw.empty() || e.detail().find(in_quotes(raw)) != std::string::npos) throw;
            throw ValidationError(e.where(),
                                  e.detail() + " (the cell reads " + in_quotes(raw) + ")");
        }
        return o;
    }

private:
    [[nodiscard]] std::string where(std::string_view column) const {
        return origin_ + ": row " + std::to_string(rec_.line) + ", column " + std::string(column);
    }
    template <class E>
    [[noreturn]] void fail(std::string_view column, const std::string& what) const {
        throw E(where(column), what);
    }

    [[nodiscard]] std::string cell(std::string_view column) const {
        for (std::size_t k = 0; k < names_.size(); ++k)
            if (names_[k] == column) return rec_.cells[k];
        return {};
    }

    /// A rate or value cell (`count` false: "0,85", "85%") or a count cell (`count` true: a
    /// whole number, "1.234" read as 1234).
    double number(std::string_view column, const std::string& text, bool count) const {
        const NumberCell n = count ? read_count_cell(text) : read_value_cell(text);
        if (!n.value)
            fail<FormatError>(column, "cannot read " + in_quotes(text) +
                                          (!n.why.empty() ? ": " + n.why
                                           : count        ? " as a count (e.g. 9, 120, 1.234)"
                                                   : " as a number (e.g. 0.85, 85%, 85,5%)"));
        if (n.percent && count)
            fail<FormatError>(column, "a percentage " + in_quotes(text) +
                                          " is not allowed here; write a count (e.g. 9, 1.234)");
        return *n.value;
    }

    /// "9/9" or "3/4": numerator and denominator written in the value cell.
    void fraction(const std::string& text, ObservedValue& v) {
        fraction_in_value_ = true;
        const auto slash = text.find('/');
        v.numerator = number("value", std::string(trim(text.substr(0, slash))), true);
        v.denominator = number("value", std::string(trim(text.substr(slash + 1))), true);
    }

    void read_value(const Indicator& ind, ObservedValue& v) {
        const std::string text = cell("value");
        const std::string num_text = cell("numerator");
        const std::string den_text = cell("denominator");
        if (!num_text.empty()) v.numerator = number("numerator", num_text, true);
        if (!den_text.empty()) v.denominator = number("denominator", den_text, true);

        const auto given_twice = [&] {
            if (!num_text.empty() || !den_text.empty())
                fail<FormatError>("value", "the figure " + in_quotes(text) +
                                               " is given as a/b and in the numerator and "
                                               "denominator columns too; give it once");
        };
        switch (ind.kind) {
            case MeasureKind::Rate:
                if (!text.empty()) {
                    if (text.find('/') != std::string::npos) {
                        given_twice();
                        fraction(text, v);
                        v.value = *v.denominator > 0 ? *v.numerator / *v.denominator : 0.0;
                    } else {
                        v.value = number("value", text, false);
                    }
                } else if (v.numerator && v.denominator) {
                    v.value = *v.denominator > 0 ? *v.numerator / *v.denominator : 0.0;
                } else if (!v.numerator && !v.denominator) {
                    missing_value();
                }  // else: validation names the missing half
                break;
            case MeasureKind::CountOfTotal:
                if (!text.empty()) {
                    if (text.find('/') != std::string::npos) {
                        given_twice();
                        fraction(text, v);
                        v.value = *v.numerator;
                    } else {
                        v.value = number("value", text, true);
                    }
                } else if (v.numerator) {
                    v.value = *v.numerator;
                } else {
                    missing_value();
                }
                break;
            case MeasureKind::YesNo:
            case MeasureKind::Milestone:
                if (text.empty()) missing_value();
                if (const auto yn = read_yes_no(text)) {
                    v.value = *yn ? 1.0 : 0.0;
                } else {
                    const NumberCell n = read_value_cell(text);
                    if (!n.value || n.percent)
                        fail<FormatError>("value", "cannot read " + in_quotes(text) +
                                                       " as yes/no (expected 1/0, có/không, "
                                                       "yes/no, true/false)");
                    v.value = *n.value;  // validation says it must be 0 or 1
                }
                break;
        }
    }

    [[noreturn]] void missing_value() const {
        fail<FormatError>("value", "missing value: give a value, or a numerator and a denominator");
    }

    void read_evidence(std::vector<Evidence>& out) const {
        constexpr std::array<std::string_view, 3> kEvidence{"evidence_id", "evidence_title",
                                                            "evidence_location"};
        std::array<std::vector<std::string>, 3> lists;
        std::size_t count = 0;
        std::string_view count_column;
        for (std::size_t k = 0; k < kEvidence.size(); ++k) {
            const std::string text = cell(kEvidence[k]);
            if (text.empty()) continue;
            lists[k] = split(text, ';');
            if (count == 0) {
                count = lists[k].size();
                count_column = kEvidence[k];
            } else if (lists[k].size() != count) {
                fail<FormatError>(kEvidence[k],
                                  std::to_string(lists[k].size()) + " documents in " +
                                      in_quotes(text) + " but " + std::to_string(count) + " in " +
                                      std::string(count_column) +
                                      "; the evidence columns list the same documents, "
                                      "separated by \";\"");
            }
        }
        for (std::size_t i = 0; i < count; ++i) {
            auto item = [&](std::size_t k) {
                return lists[k].empty() ? std::string{} : lists[k][i];
            };
            out.push_back({item(0), item(1), item(2)});
        }
    }

    const CsvRecord& rec_;
    const std::vector<std::string>& names_;
    const std::string& origin_;
    const Plan& plan_;
    bool fraction_in_value_ = false;
};

// ---- JSON ------------------------------------------------------------------------------------

using detail::Cursor;

Observation read_json_observation(const Cursor& c, const Plan& plan) {
    c.expect_object({"indicator", "period", "value", "numerator", "denominator", "unit",
                     "submitted", "evidence", "note"});
    Observation o;
    o.origin = c.where();
    o.indicator = c.required("indicator").string();
    const Indicator* ind = plan.find_indicator(o.indicator);
    if (!ind)
        throw ValidationError(c.at("indicator").where(),
                              "unknown indicator " + in_quotes(o.indicator) + " (not in the plan " +
                                  in_quotes(plan.id) + ")");
    const Cursor period = c.required("period");
    try {
        o.period = Period::parse(period.string());
    } catch (const FormatError& e) {
        period.fail(e.detail());
    }
    if (c.has("numerator")) o.value.numerator = c.at("numerator").number();
    if (c.has("denominator")) o.value.denominator = c.at("denominator").number();
    if (c.has("value")) {
        o.value.value = c.at("value").number();
    } else if (ind->kind == MeasureKind::Rate && o.value.numerator && o.value.denominator) {
        o.value.value = *o.value.denominator > 0 ? *o.value.numerator / *o.value.denominator : 0.0;
    } else if (ind->kind == MeasureKind::CountOfTotal && o.value.numerator) {
        o.value.value = *o.value.numerator;
    } else if (!(ind->kind == MeasureKind::Rate && (o.value.numerator || o.value.denominator))) {
        throw FormatError(c.where() + ".value",
                          "missing required field (or give numerator and denominator)");
    }
    o.unit = unit_id(plan, optional_string(c, "unit"));
    const Cursor submitted = c.required("submitted");
    try {
        o.submitted = parse_iso_date(submitted.string());
    } catch (const FormatError& e) {
        submitted.fail(e.detail());
    }
    if (c.has("evidence"))
        c.at("evidence").each([&](const Cursor& e) {
            e.expect_object({"id", "title", "location"});
            o.evidence.push_back({optional_string(e, "id"), optional_string(e, "title"),
                                  optional_string(e, "location")});
        });
    o.note = optional_string(c, "note");
    validate_observation(
        plan, o, [&](std::string_view field) { return c.where() + "." + std::string(field); });
    return o;
}

std::string extension_of(const std::filesystem::path& path) {
    return ascii_lower(path.extension().string());
}

}  // namespace

// ---- CSV -------------------------------------------------------------------------------------

ObservationLog observations_from_csv(std::string_view csv_text, const std::string& origin,
                                     const Plan& plan) {
    const std::vector<CsvRecord> records = detail::open_csv(csv_text, origin, allowed_columns());
    const std::string header_row = origin + ": row " + std::to_string(records.front().line);

    std::vector<std::string> names;
    for (std::size_t k = 0; k < records.front().cells.size(); ++k) {
        const std::string& written = records.front().cells[k];
        const std::string name = ascii_lower(trim(written));
        const std::string where =
            header_row + ", column " + (written.empty() ? std::to_string(k + 1) : written);
        if (name.empty()) throw FormatError(where, "a column has no name");
        if (std::find(kColumns.begin(), kColumns.end(), name) == kColumns.end())
            throw FormatError(where, "unknown column " + in_quotes(written) +
                                         " (allowed: " + allowed_columns() + ")");
        if (std::find(names.begin(), names.end(), name) != names.end())
            throw FormatError(where, "the column " + in_quotes(written) + " appears twice");
        names.push_back(name);
    }
    const auto has = [&](std::string_view n) {
        return std::find(names.begin(), names.end(), n) != names.end();
    };
    for (std::string_view required : {"indicator", "period", "submitted"})
        if (!has(required))
            throw FormatError(header_row, "missing required column " + in_quotes(required));
    if (!has("value") && !(has("numerator") && has("denominator")))
        throw FormatError(header_row,
                          "missing column \"value\" (or both \"numerator\" and \"denominator\")");

    ObservationLog log;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const CsvRecord& rec = records[r];
        if (rec.cells.size() != names.size())
            throw FormatError(origin + ": row " + std::to_string(rec.line),
                              std::to_string(rec.cells.size()) + " cells, but the header has " +
                                  std::to_string(names.size()) + " columns");
        log.add(CsvRow(rec, names, origin, plan).read());
    }
    return log;
}

std::string observations_to_csv(const ObservationLog& log) {
    std::string out;
    for (std::size_t k = 0; k < kColumns.size(); ++k) {
        if (k) out += ',';
        out += kColumns[k];
    }
    out += '\n';
    for (std::size_t n = 0; n < log.all().size(); ++n) {
        const Observation& o = log.all()[n];
        std::array<std::vector<std::string>, 3> ev;
        for (const auto& e : o.evidence) {
            for (const auto& [k, text] : {std::pair<std::size_t, const std::string*>{0, &e.id},
                                          {1, &e.title},
                                          {2, &e.location}}) {
                if (text->find(';') != std::string::npos)
                    throw FormatError("observation " + std::to_string(n + 1) + " (" + o.indicator +
                                          " " + o.period.to_string() + ")",
                                      "the evidence field " + in_quotes(*text) +
                                          " contains \";\", which separates documents in CSV; "
                                          "save as JSON instead");
                ev[k].push_back(*text);
            }
        }
        const std::array<std::string, 11> cells{
            o.indicator,
            o.period.to_string(),
            shortest(o.value.value),
            o.value.numerator ? shortest(*o.value.numerator) : std::string{},
            o.value.denominator ? shortest(*o.value.denominator) : std::string{},
            o.unit,
            format_date(o.submitted),
            join(ev[0], ";"),
            join(ev[1], ";"),
            join(ev[2], ";"),
            o.note};
        for (std::size_t k = 0; k < cells.size(); ++k) {
            if (k) out += ',';
            out += csv_cell(cells[k]);
        }
        out += '\n';
    }
    return out;
}

// ---- JSON ------------------------------------------------------------------------------------

ObservationLog observations_from_json(std::string_view json_text, const std::string& origin,
                                      const Plan& plan) {
    const json doc = detail::parse_document(json_text, origin);
    const Cursor root(doc, origin, "");
    root.expect_object({"schema", "observations"});
    const Cursor schema = root.required("schema");
    if (schema.string() != kSchema)
        schema.fail("expected " + in_quotes(kSchema) + ", found " + in_quotes(schema.string()));
    ObservationLog log;
    root.required("observations").each([&](const Cursor& c) {
        log.add(read_json_observation(c, plan));
    });
    return log;
}

std::string observations_to_json(const ObservationLog& log) {
    ojson root;
    root["schema"] = kSchema;
    root["observations"] = ojson::array();
    for (const auto& o : log.all()) {
        ojson e;
        e["indicator"] = o.indicator;
        e["period"] = o.period.to_string();
        e["value"] = o.value.value;
        e["numerator"] = o.value.numerator ? ojson(*o.value.numerator) : ojson(nullptr);
        e["denominator"] = o.value.denominator ? ojson(*o.value.denominator) : ojson(nullptr);
        e["unit"] = o.unit;
        e["submitted"] = format_date(o.submitted);
        e["evidence"] = ojson::array();
        for (const auto& ev : o.evidence)
            e["evidence"].push_back(
                ojson{{"id", ev.id}, {"title", ev.title}, {"location", ev.location}});
        e["note"] = o.note;
        root["observations"].push_back(std::move(e));
    }
    try {
        return root.dump(2) + "\n";
    } catch (const ojson::type_error& e) {  // text that is not UTF-8
        throw FormatError("observations", std::string("cannot write as JSON: ") + e.what());
    }
}

// ---- files -----------------------------------------------------------------------------------

ObservationLog load_observations(const std::filesystem::path& path, const Plan& plan) {
    const std::string ext = extension_of(path);
    if (ext != ".csv" && ext != ".json")
        throw FormatError(path.string(), "unknown extension " +
                                             in_quotes(path.extension().string()) +
                                             "; expected .csv or .json");
    const std::string text = read_file(path);
    return ext == ".csv" ? observations_from_csv(text, path.string(), plan)
                         : observations_from_json(text, path.string(), plan);
}

void save_observations(const ObservationLog& log, const std::filesystem::path& path) {
    const std::string ext = extension_of(path);
    if (ext != ".csv" && ext != ".json")
        throw FormatError(path.string(), "unknown extension " +
                                             in_quotes(path.extension().string()) +
                                             "; expected .csv or .json");
    write_file_atomically(path,
                          ext == ".csv" ? observations_to_csv(log) : observations_to_json(log));
}

}  // namespace dtiplan
