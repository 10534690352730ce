// Peer tables (bảng kết quả DTI của các đơn vị khác): other communes' published DTI results,
// the ground every rank estimate stands on. Read from CSV and validated like observations (the
// first bad cell stops the load, named by origin, row and column), so a mistyped 8.002 or a
// duplicated commune cannot quietly move the estimated rank.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "dtiplan/rank/peer_values.hpp"
#include "dtiplan/score/framework.hpp"

namespace dtiplan {

/// One unit's published DTI result for one year.
struct PeerResult {
    std::string unit;  ///< the unit's name as published: "Phường Tam Hiệp"
    int year = 0;      ///< the year assessed (DTI 2025: the activity of 1/1 to 31/12/2025)
    double dti = 0.0;  ///< 0..1, as published (to 4 decimals)
    /// Main-indicator indices (0..1) by main indicator id ("CQS" -> 0.8575), when published.
    /// The rows read from one table share their ids (peer_values.hpp).
    PeerValues main_indices;
    /// Component values (fractions of full attainment, 0..1) by component id, when known.
    PeerValues components;
    /// True for generated data (the synthetic province): every output that uses it says so.
    bool illustrative = false;
    std::string origin;  ///< where it was read: "peers.csv:12" ("" when built in code)

    friend bool operator==(const PeerResult&, const PeerResult&) = default;
};

/// Peers' results, several years per unit allowed (one result per unit and year).
struct PeerTable {
    std::vector<PeerResult> results;

    /// Each unit's latest result of a year <= max_year (every year when max_year is 0), one per
    /// unit, in the order units first appear.
    [[nodiscard]] std::vector<const PeerResult*> latest(int max_year = 0) const;
    /// The result of a unit for a year, or nullptr.
    [[nodiscard]] const PeerResult* find(std::string_view unit, int year) const noexcept;
    /// Unit names, once each, in the order they first appear.
    [[nodiscard]] std::vector<std::string> units() const;
    /// True when any result is illustrative.
    [[nodiscard]] bool illustrative() const noexcept;
    [[nodiscard]] std::size_t size() const noexcept { return results.size(); }

    friend bool operator==(const PeerTable&, const PeerTable&) = default;
};

/// Check one result: a unit name, a year from 2000 to 2100, a DTI, indices and component values
/// that are numbers from 0 to 1; with a framework, index and component keys that are its main
/// indicator and component ids, and, when every main index is given, a DTI that agrees with
/// them (Σ index × max points / total, within 1e-4: both are published to 4 decimals). Throws
/// ValidationError located by `where_field(field)`; fields: unit, year, dti, illustrative, and
/// the index or component id.
void validate_peer_result(const PeerResult& result, const Framework* framework,
                          const std::function<std::string(std::string_view field)>& where_field);

/// Check every result (as validate_peer_result, located by its origin or its position
/// "results[3]") and that no unit has two results for one year.
void validate_peer_table(const PeerTable& table, const Framework* framework = nullptr);

/// Columns: unit, year, dti (required), illustrative (optional: 1/0, có/không, yes/no,
/// true/false), and, with a framework, one optional column per main indicator id ("CQS") or
/// component id ("CQS.05") holding its index or value; an empty cell is "not given". Numbers
/// take a decimal point or a decimal comma ("0,8002"); no percentages (a DTI is 0..1). Column
/// names are matched ignoring ASCII case; order is free; unknown or repeated columns are
/// errors naming them. A UTF-8 byte-order mark is ignored; ";" separates cells when the header
/// has no ",". Throws FormatError or ValidationError: "peers.csv: row 7, column dti: ...".
[[nodiscard]] PeerTable peers_from_csv(std::string_view csv_text, const std::string& origin,
                                       const Framework* framework = nullptr);

/// The table as CSV: unit, year, dti, illustrative (only when some result is), then the main
/// indicator and component columns any result has (framework order with a framework, else
/// sorted). Reading it back with the same framework gives an equal table, origins aside.
[[nodiscard]] std::string peers_to_csv(const PeerTable& table,
                                       const Framework* framework = nullptr);

/// Load a peer table from a CSV file. Throws FileError / FormatError / ValidationError.
[[nodiscard]] PeerTable load_peers(const std::filesystem::path& path,
                                   const Framework* framework = nullptr);
/// Save atomically (temporary file, then rename).
void save_peers(const PeerTable& table, const std::filesystem::path& path,
                const Framework* framework = nullptr);

}  // namespace dtiplan
