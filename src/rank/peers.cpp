// Peer tables as CSV, and peers' evolution to the evaluation date (docs/rank.md).
// The CSV reader follows the observations reader (src/observation_io.cpp): forgiving about
// spelling (BOM, CRLF, ";" separators, decimal commas), strict about meaning. Every cell is
// checked and the first bad one stops the load with "origin: row N, column NAME"; a table is
// never returned half read. Peer results feed every rank estimate, so a DTI of 8.002, a main
// index that contradicts the DTI or a commune listed twice for one year is an error, not a
// warning.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "detail/cells.hpp"
#include "detail/csv.hpp"
#include "dtiplan/cancellation.hpp"
#include "dtiplan/error.hpp"
#include "dtiplan/io/file.hpp"
#include "dtiplan/rank/growth.hpp"
#include "dtiplan/rank/peers.hpp"

namespace dtiplan {
namespace {

constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2100;
/// A DTI recomputed from 4-decimal indices may differ from the 4-decimal DTI by up to 0.5e-4
/// (the indices' rounding, weighted) + 0.5e-4 (the DTI's rounding).
constexpr double kIndexAgreement = 1e-4 + 1e-9;

// ---- text helpers ----------------------------------------------------------------------------

using detail::ascii_lower;
using detail::is_blank;
using detail::trim;
std::string in_quotes(std::string_view s) { return detail::quoted(s); }

// ---- CSV records -----------------------------------------------------------------------------

using detail::csv_cell;
using detail::CsvRecord;
using detail::read_yes_no;
using detail::shortest;

/// "0.8002", "0,8002": a plain number; a percentage is not one (a DTI is 0..1). `why` is set when
/// the cell is refused for a reason worth saying ("1.000": the dot is ambiguous).
std::optional<double> read_number(std::string_view text, std::string& why) {
    const detail::NumberCell cell = detail::read_value_cell(text);
    why = cell.why;
    return cell.percent ? std::nullopt : cell.value;
}

/// What a column of the CSV holds.
struct Column {
    enum class Kind { Unit, Year, Dti, Illustrative, Main, Component } kind = Kind::Unit;
    std::string id;  ///< the main indicator or component id, as the framework spells it
};

std::string allowed_columns(const Framework* f) {
    std::string out = "unit, year, dti, illustrative";
    if (f != nullptr)
        out += ", and the framework's main indicator and component ids (e.g. CQS, CQS.05)";
    return out;
}

std::optional<Column> column_named(std::string_view written, const Framework* f) {
    const std::string name = ascii_lower(trim(written));
    if (name == "unit") return Column{Column::Kind::Unit, {}};
    if (name == "year") return Column{Column::Kind::Year, {}};
    if (name == "dti") return Column{Column::Kind::Dti, {}};
    if (name == "illustrative") return Column{Column::Kind::Illustrative, {}};
    if (f == nullptr) return std::nullopt;
    for (const auto& m : f->main_indicators) {
        if (ascii_lower(m.id) == name) return Column{Column::Kind::Main, m.id};
        for (const auto& c : m.components)
            if (ascii_lower(c.id) == name) return Column{Column::Kind::Component, c.id};
    }
    return std::nullopt;
}

/// `where()` is called only for a bad value: building "peers.csv: row 7, column CQS" for every
/// good one was most of the time of checking a long table.
template <class Where>
void check_fraction(double v, const Where& where_of, std::string_view what) {
    if (v >= 0.0 && v <= 1.0) return;  // false for NaN
    const std::string where = where_of();
    if (!std::isfinite(v))
        throw ValidationError(where, "expected " + std::string(what) + " from 0 to 1, found " +
                                         (std::isnan(v) ? "NaN" : "infinity"));
    if (v < 0.0 || v > 1.0)
        throw ValidationError(
            where, "expected " + std::string(what) + " from 0 to 1, found " + shortest(v) +
                       (v > 1.0 && v <= 1000.0 ? " (write the DTI on the 0..1 scale: 0.8002, not "
                                                 "800.2 points or 80.02%)"
                                               : ""));
}

}  // namespace

// ---- PeerTable -------------------------------------------------------------------------------

std::vector<const PeerResult*> PeerTable::latest(int max_year) const {
    // Hashed by the name the result holds (no copy): a sorted map of copied names took about a
    // second per call on a 128,000-row table, and the outlook asks several times.
    std::vector<const PeerResult*> out;
    std::unordered_map<std::string_view, std::size_t> slot;  // unit -> its place in out
    for (const auto& r : results) {
        if (max_year != 0 && r.year > max_year) continue;
        const auto [it, inserted] = slot.emplace(r.unit, out.size());
        if (inserted)
            out.push_back(&r);
        else if (r.year > out[it->second]->year)
            out[it->second] = &r;
    }
    return out;
}

const PeerResult* PeerTable::find(std::string_view unit, int year) const noexcept {
    for (const auto& r : results)
        if (r.unit == unit && r.year == year) return &r;
    return nullptr;
}

std::vector<std::string> PeerTable::units() const {
    std::vector<std::string> out;
    std::unordered_set<std::string_view> seen;
    for (const auto& r : results)
        if (seen.insert(r.unit).second) out.push_back(r.unit);
    return out;
}

bool PeerTable::illustrative() const noexcept {
    return std::any_of(results.begin(), results.end(),
                       [](const PeerResult& r) { return r.illustrative; });
}

// ---- validation ------------------------------------------------------------------------------

namespace {

/// The framework's ids, looked up by hash: a linear search over the components per cell was
/// most of the time of checking a 128,000-row table. `all`: every key is known to be an id
/// (the CSV reader matched its columns to the ids once, from the header).
struct KnownIds {
    bool all = false;
    std::unordered_set<std::string_view> mains;
    std::unordered_set<std::string_view> components;
    /// The last list of ids (PeerValues::keys, shared by a table's rows) found to hold only
    /// known ids, of the main indices and of the components: checked once, not per row.
    mutable const PeerKeys* known_mains = nullptr;
    mutable const PeerKeys* known_components = nullptr;

    /// True when every id `values` may hold is in `known` (remembered in `last`).
    static bool all_known(const PeerValues& values,
                          const std::unordered_set<std::string_view>& known,
                          const PeerKeys*& last) {
        const PeerKeys* keys = values.keys().get();
        if (keys == nullptr || keys == last) return true;
        for (const std::string& id : *keys)
            if (known.count(id) == 0) return false;
        last = keys;
        return true;
    }

    static KnownIds of(const Framework& f) {
        KnownIds ids;
        for (const auto& m : f.main_indicators) {
            ids.mains.insert(m.id);
            for (const auto& c : m.components) ids.components.insert(c.id);
        }
        return ids;
    }
};

/// validate_peer_result, ids looked up in `ids` when given (else in the framework).
void check_peer_result(const PeerResult& r, const Framework* framework,
                       const std::function<std::string(std::string_view)>& where_field,
                       const KnownIds* ids) {
    const auto main_known = [&](const std::string& id) {
        if (ids != nullptr) return ids->all || ids->mains.count(id) > 0;
        return framework->find_main(id) != nullptr;
    };
    const auto component_known = [&](const std::string& id) {
        if (ids != nullptr) return ids->all || ids->components.count(id) > 0;
        return framework->find_component(id) != nullptr;
    };
    if (trim(r.unit).empty()) throw ValidationError(where_field("unit"), "missing unit name");
    if (r.year < kFirstYear || r.year > kLastYear)
        throw ValidationError(where_field("year"),
                              "expected a year from " + std::to_string(kFirstYear) + " to " +
                                  std::to_string(kLastYear) + ", found " + std::to_string(r.year));
    check_fraction(
        r.dti, [&] { return where_field("dti"); }, "a DTI");
    const bool mains_known =
        ids != nullptr &&
        (ids->all || KnownIds::all_known(r.main_indices, ids->mains, ids->known_mains));
    const bool components_known =
        ids != nullptr &&
        (ids->all || KnownIds::all_known(r.components, ids->components, ids->known_components));
    // Entries, not structured bindings: a lambda may not capture a binding before C++20's
    // P1091, which the clang of the fuzz build does not have.
    for (const auto entry : r.main_indices) {
        const std::string& id = entry.first;
        const double v = entry.second;
        if (framework != nullptr && !mains_known && !main_known(id))
            throw ValidationError(where_field(id), "not a main indicator id of framework " +
                                                       in_quotes(framework->id));
        check_fraction(
            v, [&] { return where_field(id); }, "an index");
    }
    for (const auto entry : r.components) {
        const std::string& id = entry.first;
        const double v = entry.second;
        if (framework != nullptr && !components_known && !component_known(id))
            throw ValidationError(where_field(id),
                                  "not a component id of framework " + in_quotes(framework->id));
        check_fraction(
            v, [&] { return where_field(id); }, "a component value");
    }
    if (framework != nullptr && !framework->main_indicators.empty() &&
        r.main_indices.size() == framework->main_indicators.size()) {
        double points = 0.0;
        bool all = true;
        for (const auto& m : framework->main_indicators) {
            const auto it = r.main_indices.find(m.id);
            if (it == r.main_indices.end()) {
                all = false;
                break;
            }
            points += it->second * m.max_points;
        }
        const double total = framework->max_points();
        if (all && total > 0.0) {
            const double from_indices = points / total;
            if (std::fabs(from_indices - r.dti) > kIndexAgreement) {
                char buf[160];
                std::snprintf(buf, sizeof buf,
                              "the DTI %.4f disagrees with its main indices, which give %.4f "
                              "(Σ index × max points / %.0f)",
                              r.dti, from_indices, total);
                throw ValidationError(where_field("dti"), buf);
            }
        }
    }
}

}  // namespace

void validate_peer_result(const PeerResult& r, const Framework* framework,
                          const std::function<std::string(std::string_view)>& where_field) {
    check_peer_result(r, framework, where_field, nullptr);
}

namespace {

/// A unit and a year, the name viewed in the table (no copy per row).
struct UnitYear {
    std::string_view unit;
    int year = 0;
    friend bool operator==(const UnitYear&, const UnitYear&) = default;
};

struct UnitYearHash {
    std::size_t operator()(const UnitYear& k) const noexcept {
        constexpr std::size_t kMix = 0x9E3779B97F4A7C15U;
        return std::hash<std::string_view>{}(k.unit) ^ (std::hash<int>{}(k.year) * kMix);
    }
};

}  // namespace

void validate_peer_table(const PeerTable& table, const Framework* framework) {
    const KnownIds ids = framework != nullptr ? KnownIds::of(*framework) : KnownIds{};
    std::unordered_map<UnitYear, std::size_t, UnitYearHash> seen;  // -> index
    seen.reserve(table.results.size());
    for (std::size_t i = 0; i < table.results.size(); ++i) {
        const PeerResult& r = table.results[i];
        const auto where = [&] {
            return r.origin.empty() ? "results[" + std::to_string(i) + "]" : r.origin;
        };
        check_peer_result(
            r, framework,
            [&](std::string_view field) { return where() + ", " + std::string(field); }, &ids);
        const auto [it, inserted] = seen.emplace(UnitYear{r.unit, r.year}, i);
        if (!inserted) {
            const PeerResult& first = table.results[it->second];
            throw ValidationError(
                where() + ", unit",
                in_quotes(r.unit) + " has two results for " + std::to_string(r.year) + " (also " +
                    (first.origin.empty() ? "results[" + std::to_string(it->second) + "]"
                                          : first.origin) +
                    ")");
        }
    }
}

// ---- CSV -------------------------------------------------------------------------------------

PeerTable peers_from_csv(std::string_view csv_text, const std::string& origin,
                         const Framework* framework) {
    // One record at a time: a table of 128,000 rows keeps its results, not its cells.
    std::string composed;  // only when the text holds decomposed Vietnamese
    const std::string_view text = detail::csv_view_of(csv_text, origin, composed);
    detail::CsvReader reader(text, origin);
    CsvRecord header;
    if (!reader.next(header))
        throw FormatError(origin + ": row 1",
                          "a header row is required (columns: " + allowed_columns(framework) + ")");
    const std::string header_row = origin + ": row " + std::to_string(header.line);

    std::vector<Column> columns;
    std::vector<std::string> written;
    for (std::size_t k = 0; k < header.cells.size(); ++k) {
        const std::string& name = header.cells[k];
        const std::string where =
            header_row + ", column " + (name.empty() ? std::to_string(k + 1) : name);
        if (trim(name).empty()) throw FormatError(where, "a column has no name");
        const auto col = column_named(name, framework);
        if (!col)
            throw FormatError(where, "unknown column " + in_quotes(name) +
                                         " (allowed: " + allowed_columns(framework) + ")");
        for (std::size_t q = 0; q < columns.size(); ++q)
            if (columns[q].kind == col->kind && columns[q].id == col->id)
                throw FormatError(where, "the column " + in_quotes(name) +
                                             " appears twice (also as " + in_quotes(written[q]) +
                                             ")");
        columns.push_back(*col);
        written.emplace_back(trim(name));
    }
    for (const auto& [kind, label] :
         {std::pair{Column::Kind::Unit, "unit"}, std::pair{Column::Kind::Year, "year"},
          std::pair{Column::Kind::Dti, "dti"}}) {
        const bool present = std::any_of(columns.begin(), columns.end(),
                                         [k = kind](const Column& c) { return c.kind == k; });
        if (!present) throw FormatError(header_row, "missing required column " + in_quotes(label));
    }

    PeerTable table;
    // (unit, year) -> line, hashed: a sorted map compared unit names 17 times per row.
    std::unordered_map<std::string, std::size_t> seen;
    std::string seen_key;
    std::map<std::string, std::string, std::less<>> column_of;  // field -> column as written
    for (std::size_t k = 0; k < columns.size(); ++k)
        if (columns[k].kind == Column::Kind::Main || columns[k].kind == Column::Kind::Component)
            column_of[columns[k].id] = written[k];
    KnownIds all_known;
    all_known.all = true;
    // Every row shares one list of the main indicator ids and one of the component ids the
    // header names; a row keeps only its values (peer_values.hpp). `slot[k]`: column k's place
    // in its list.
    std::vector<std::string> main_ids;
    std::vector<std::string> component_ids;
    for (const Column& c : columns) {
        if (c.kind == Column::Kind::Main) main_ids.push_back(c.id);
        if (c.kind == Column::Kind::Component) component_ids.push_back(c.id);
    }
    const auto main_keys = PeerValues::make_keys(std::move(main_ids));
    const auto component_keys = PeerValues::make_keys(std::move(component_ids));
    std::vector<std::size_t> slot(columns.size(), 0);
    for (std::size_t k = 0; k < columns.size(); ++k) {
        const PeerKeys& keys = columns[k].kind == Column::Kind::Main ? *main_keys : *component_keys;
        slot[k] = static_cast<std::size_t>(
            std::lower_bound(keys.begin(), keys.end(), columns[k].id) - keys.begin());
    }
    // A long table says how far it is (bytes read of all) through the thread's progress scope
    // (the command's progress line), and stops there when asked.
    Progress progress(text.size());
    CsvRecord rec;
    while (reader.next(rec)) {
        if ((rec.line & 1023U) == 0 && !progress.keep_going(reader.position()))
            progress.throw_if_stopped();
        const std::string row = origin + ": row " + std::to_string(rec.line);
        if (rec.cells.size() != columns.size())
            throw FormatError(row, std::to_string(rec.cells.size()) +
                                       " cells, but the header has " +
                                       std::to_string(columns.size()) + " columns");
        const auto where = [&](std::string_view column) {
            return row + ", column " + std::string(column);
        };
        PeerResult res;
        res.origin = origin + ":" + std::to_string(rec.line);
        res.main_indices = PeerValues(main_keys);
        res.components = PeerValues(component_keys);
        for (std::size_t k = 0; k < columns.size(); ++k) {
            const std::string& cell = rec.cells[k];
            const Column& col = columns[k];
            const std::string& name = written[k];
            switch (col.kind) {
                case Column::Kind::Unit: res.unit = std::string(trim(cell)); break;
                case Column::Kind::Year: {
                    const std::string t(trim(cell));
                    int y = 0;
                    const auto rr = std::from_chars(t.data(), t.data() + t.size(), y);
                    if (t.empty()) throw FormatError(where(name), "missing year (e.g. 2025)");
                    if (rr.ec != std::errc{} || rr.ptr != t.data() + t.size())
                        throw FormatError(where(name), "cannot read " + in_quotes(cell) +
                                                           " as a year (e.g. 2025)");
                    res.year = y;
                    break;
                }
                case Column::Kind::Dti: {
                    if (trim(cell).empty())
                        throw FormatError(where(name), "missing DTI (e.g. 0.8002)");
                    std::string why;
                    const auto v = read_number(cell, why);
                    if (!v)
                        throw FormatError(
                            where(name),
                            "cannot read " + in_quotes(cell) +
                                (why.empty() ? " as a DTI (e.g. 0.8002 or 0,8002)" : ": " + why));
                    res.dti = *v;
                    break;
                }
                case Column::Kind::Illustrative: {
                    if (trim(cell).empty()) break;
                    const auto yn = read_yes_no(cell);
                    if (!yn)
                        throw FormatError(where(name),
                                          "cannot read " + in_quotes(cell) +
                                              " as yes/no (1/0, có/không, yes/no, true/false)");
                    res.illustrative = *yn;
                    break;
                }
                case Column::Kind::Main:
                case Column::Kind::Component: {
                    if (trim(cell).empty()) break;  // not given
                    std::string why;
                    const auto v = read_number(cell, why);
                    if (!v)
                        throw FormatError(
                            where(name), "cannot read " + in_quotes(cell) +
                                             (why.empty() ? " as a number from 0 to 1 (e.g. 0.8575)"
                                                          : ": " + why));
                    (col.kind == Column::Kind::Main ? res.main_indices : res.components)
                        .set_at(slot[k], *v);
                    break;
                }
            }
        }
        check_peer_result(
            res, framework,
            [&](std::string_view field) {
                if (field == "unit" || field == "year" || field == "dti" || field == "illustrative")
                    return where(field);
                const auto it = column_of.find(field);
                return where(it == column_of.end() ? field : std::string_view(it->second));
            },
            &all_known);
        seen_key.assign(std::to_string(res.year)).append(1, '\0').append(res.unit);
        const auto [it, inserted] = seen.emplace(seen_key, rec.line);
        if (!inserted)
            throw ValidationError(where("unit"), in_quotes(res.unit) + " has two results for " +
                                                     std::to_string(res.year) + " (also row " +
                                                     std::to_string(it->second) + ")");
        table.results.push_back(std::move(res));
    }
    progress.finish(text.size());
    return table;
}

std::string peers_to_csv(const PeerTable& table, const Framework* framework) {
    // Columns any result has, in framework order (or sorted without a framework).
    std::vector<std::pair<std::string, bool>> extra;  // (id, is main)
    const auto used_main = [&](const std::string& id) {
        return std::any_of(table.results.begin(), table.results.end(),
                           [&](const PeerResult& r) { return r.main_indices.contains(id); });
    };
    const auto used_comp = [&](const std::string& id) {
        return std::any_of(table.results.begin(), table.results.end(),
                           [&](const PeerResult& r) { return r.components.contains(id); });
    };
    if (framework != nullptr) {
        for (const auto& m : framework->main_indicators)
            if (used_main(m.id)) extra.emplace_back(m.id, true);
        for (const auto& m : framework->main_indicators)
            for (const auto& c : m.components)
                if (used_comp(c.id)) extra.emplace_back(c.id, false);
    }
    std::set<std::string> mains;
    std::set<std::string> comps;
    for (const auto& r : table.results) {
        for (const auto& [id, v] : r.main_indices) mains.insert(id);
        for (const auto& [id, v] : r.components) comps.insert(id);
    }
    for (const auto& id : mains)
        if (std::none_of(extra.begin(), extra.end(),
                         [&](const auto& e) { return e.first == id && e.second; }))
            extra.emplace_back(id, true);
    for (const auto& id : comps)
        if (std::none_of(extra.begin(), extra.end(),
                         [&](const auto& e) { return e.first == id && !e.second; }))
            extra.emplace_back(id, false);
    const bool illustrative = table.illustrative();

    std::string out = "unit,year,dti";
    if (illustrative) out += ",illustrative";
    for (const auto& e : extra) {
        out += ',';
        out += csv_cell(e.first);
    }
    out += '\n';
    for (const auto& r : table.results) {
        if (r.unit.find_first_of("\r\n") != std::string::npos)
            throw FormatError("results (" + r.unit + ")", "a unit name holds a line break");
        out += csv_cell(r.unit) + "," + std::to_string(r.year) + "," + shortest(r.dti);
        if (illustrative) out += r.illustrative ? ",1" : ",0";
        for (const auto& e : extra) {
            const auto& m = e.second ? r.main_indices : r.components;
            const auto it = m.find(e.first);
            out += ",";
            if (it != m.end()) out += shortest(it->second);
        }
        out += '\n';
    }
    return out;
}

PeerTable load_peers(const std::filesystem::path& path, const Framework* framework) {
    const std::string text = read_file(path);
    return peers_from_csv(text, path.string(), framework);
}

void save_peers(const PeerTable& table, const std::filesystem::path& path,
                const Framework* framework) {
    write_file_atomically(path, peers_to_csv(table, framework));
}

}  // namespace dtiplan
