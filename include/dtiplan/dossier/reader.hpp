// Reading a dossier export, one row per dossier, in one streaming pass: a row is checked, counted
// into its unit and reporting window, and forgotten, so memory grows with units x windows and the
// flagged lists, never with the number of rows. CSV files are read in blocks by read_dossiers;
// other sources (a workbook, a DataFrame) feed rows to a DossierReader.
#pragma once

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dtiplan/dossier/summary.hpp"
#include "dtiplan/model/plan.hpp"

namespace dtiplan {

/// The fields dtiplan reads, by their default column names (docs/dossiers.md §1).
[[nodiscard]] const std::vector<std::string>& dossier_fields();
/// The fields a file must have (the others are informative and may be missing).
[[nodiscard]] bool dossier_field_required(std::string_view field);

struct DossierOptions {
    /// Header as written in the file -> field ("MaHoSo" -> "ma_ho_so"). Headers are compared
    /// after trimming, case-insensitively for ASCII letters; a header not named here is read as
    /// the field of the same name.
    std::map<std::string, std::string> columns;
    /// Only dossiers received in this period's window; every month in the file when unset.
    std::optional<Period> period;
    ReportingWindow rule = ReportingWindow::Decree09;
    /// Leave out rows with a bad cell (listed in the summary) instead of stopping at the first.
    bool skip_bad = false;
};

/// Read a column mapping: a JSON object {"header as written": "field"}. Throws FormatError naming
/// `origin` and the key for a field that does not exist.
[[nodiscard]] std::map<std::string, std::string> parse_dossier_columns(std::string_view json,
                                                                       const std::string& origin);

/// Feeds rows one at a time. `plan` (may be null) resolves don_vi to unit ids by id, name or
/// short name; without a plan the unit is kept as written.
class DossierReader {
public:
    DossierReader(const Plan* plan, DossierOptions options, std::string origin);
    ~DossierReader();
    DossierReader(const DossierReader&) = delete;
    DossierReader& operator=(const DossierReader&) = delete;

    /// The header row. Throws FormatError for a missing required field or a field named twice.
    void header(const std::vector<std::string>& cells);
    /// One data row; `row` is its line in the file (header = 1). Throws FormatError naming the
    /// origin, row and column for a bad cell, unless skip_bad.
    void row(const std::vector<std::string_view>& cells, std::size_t row);
    /// Take the summary (the reader is then empty).
    [[nodiscard]] DossierSummary finish();
    /// Add the counts of `later`, which read the rows after this reader's (a file read in parts
    /// at once); its rows are numbered from 1 and moved by `line_offset`.
    void absorb(DossierReader& later, std::size_t line_offset);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Read a CSV export (UTF-8, "," or ";" separated, RFC 4180 quoting) in one streaming pass (a
/// file of 4 MiB or more: two parts at once, on two threads); the summary's sha256 is that of the
/// file's bytes. Throws FileError or FormatError naming the file,
/// row and column.
[[nodiscard]] DossierSummary read_dossiers(const std::filesystem::path& path, const Plan* plan,
                                           const DossierOptions& options = {});

/// The same from a stream (a download, a pipe, text in memory): `origin` names it in errors and
/// in the summary, whose sha256 is that of the bytes read.
[[nodiscard]] DossierSummary read_dossiers(std::istream& in, const std::string& origin,
                                           const Plan* plan, const DossierOptions& options = {});

/// SHA-256 of a file, in lowercase hex, read in blocks.
[[nodiscard]] std::string file_sha256(const std::filesystem::path& path);

}  // namespace dtiplan
