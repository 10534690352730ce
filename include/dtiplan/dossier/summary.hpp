// What a dossier export (hồ sơ thủ tục hành chính from the one-stop-shop system) says about the
// plan's rates: counts per unit and reporting window, the rates built from them (I.03, I.04,
// III.3.a.04/06/08/10, on time), the "trực tuyến nửa vời" cases, and the dossier groups of the
// 766 index (Quyết định 766/QĐ-TTg). The counts are what a streaming read keeps: their size grows
// with units x windows, never with the number of dossiers.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dtiplan/model/enums.hpp"
#include "dtiplan/track/calendar.hpp"
#include "dtiplan/track/period.hpp"

namespace dtiplan {

/// A rate as numerator / denominator; no value when the denominator is 0 ("không có hồ sơ").
struct DossierRate {
    std::size_t numerator = 0;
    std::size_t denominator = 0;
    [[nodiscard]] std::optional<double> value() const {
        if (denominator == 0) return std::nullopt;
        return static_cast<double>(numerator) / static_cast<double>(denominator);
    }
    friend bool operator==(const DossierRate&, const DossierRate&) = default;
};

/// The counts of one unit (or the commune) in one window. docs/dossiers.md §3 says which dossiers
/// each count takes.
struct DossierTally {
    std::size_t dossiers = 0;
    std::size_t with_online_service = 0;    ///< muc_do "toàn trình" or "một phần"
    std::size_t filed_online = 0;           ///< kenh "trực tuyến"
    std::size_t online_with_service = 0;    ///< filed online, procedure with an online service
    std::size_t full_online_procedure = 0;  ///< muc_do "toàn trình"
    std::size_t full_online_done =
        0;  ///< toàn trình, filed online, no originals, result not at the counter
    std::size_t half_online = 0;  ///< toàn trình, filed online, but originals or the counter
    std::size_t digitised = 0;
    std::size_t with_result = 0;  ///< processing finished (ngay_ket_thuc given)
    std::size_t e_result = 0;     ///< finished with an electronic result
    std::size_t with_fee = 0;
    std::size_t paid_online = 0;   ///< with a fee, paid online
    std::size_t on_time = 0;       ///< finished by the due date, at most one supplement request
    std::size_t late = 0;          ///< finished late, or open past the due date at the window's end
    std::size_t open_not_due = 0;  ///< open, not yet due at the window's end (not judged)

    void add(const DossierTally& other);
    friend bool operator==(const DossierTally&, const DossierTally&) = default;
};

/// The rates of a tally, each with its numerator and denominator.
struct DossierRates {
    DossierRate online;       ///< I.03: filed online / procedures with an online service
    DossierRate full_online;  ///< I.04: handled fully online / dossiers of toàn trình procedures
    DossierRate digitised;    ///< III.3.a.04: digitised / dossiers
    DossierRate handled_online;  ///< III.3.a.06: filed (so handled) online / dossiers
    DossierRate e_result;        ///< III.3.a.08: electronic results / dossiers with a result
    DossierRate online_payment;  ///< III.3.a.10: paid online / dossiers with a fee
    DossierRate on_time;         ///< on time / (on time + late)
    friend bool operator==(const DossierRates&, const DossierRates&) = default;
};
[[nodiscard]] DossierRates dossier_rates(const DossierTally& t);

/// One criterion of the 766 index that dossiers measure. Full points at or above `threshold`,
/// otherwise rate x max_points / threshold (threshold 1 = proportional).
struct Index766Criterion {
    std::string id;     ///< "2.1"
    std::string name;   ///< "Tiến độ giải quyết hồ sơ (đúng hạn)"
    std::string group;  ///< "Tiến độ, kết quả giải quyết"
    double max_points = 0.0;
    double threshold = 1.0;
    std::string
        rate;  ///< which rate: "on_time", "online", "online_payment", "digitised", "e_result"
    bool confirmed = false;  ///< maximum confirmed by a published summary; else secondary source
    std::string source;
    friend bool operator==(const Index766Criterion&, const Index766Criterion&) = default;
};

/// The criteria shipped with dtiplan (docs/dossiers.md §5): secondary sources, so a caller can
/// pass its own.
[[nodiscard]] const std::vector<Index766Criterion>& default_index_766_criteria();

struct Index766Score {
    std::string criterion;
    DossierRate rate;
    double points = 0.0;  ///< 0 when the rate has no dossiers (the criterion is not scored)
    double max_points = 0.0;
    bool scored = false;  ///< false when the rate has no dossiers
    friend bool operator==(const Index766Score&, const Index766Score&) = default;
};

struct Index766 {
    std::vector<Index766Score> criteria;
    double points = 0.0;      ///< sum over the scored criteria
    double max_points = 0.0;  ///< sum of the maxima of the scored criteria
    friend bool operator==(const Index766&, const Index766&) = default;
};
/// Points of a tally under the threshold rule of Quyết định 766/QĐ-TTg.
[[nodiscard]] Index766 index_766(const DossierTally& t,
                                 const std::vector<Index766Criterion>& criteria);

/// A dossier filed online for a toàn trình procedure that was not handled fully online.
struct HalfOnlineCase {
    std::string dossier;    ///< ma_ho_so
    std::string procedure;  ///< ma_thu_tuc
    std::string procedure_name;
    std::string unit;  ///< the plan's unit id (or the cell as written without a plan)
    Date received;
    Period period;           ///< the window it belongs to
    bool originals = false;  ///< the citizen was asked to bring originals
    bool counter = false;    ///< the result was collected at the counter
    std::size_t row = 0;     ///< its row in the file (header = 1)
    /// "yêu cầu mang bản chính đến đối chiếu; nhận kết quả trực tiếp tại bộ phận một cửa"
    [[nodiscard]] std::string reason(Language lang) const;
    friend bool operator==(const HalfOnlineCase&, const HalfOnlineCase&) = default;
};

/// A row left out under skip_bad: where, and why.
struct BadDossierRow {
    std::size_t row = 0;
    std::string column;  ///< the header as written in the file
    std::string message;
    friend bool operator==(const BadDossierRow&, const BadDossierRow&) = default;
};

struct DossierUnitTally {
    std::string unit;
    DossierTally tally;
    friend bool operator==(const DossierUnitTally&, const DossierUnitTally&) = default;
};

/// One reporting window: the dossiers received in it, per unit (plan order, then first seen).
struct DossierWindow {
    Period period;
    DateRange window;
    std::vector<DossierUnitTally> units;
    DossierTally commune;
    friend bool operator==(const DossierWindow&, const DossierWindow&) = default;
};

struct DossierSummary {
    std::string origin;  ///< the file name (or "DataFrame")
    std::string sha256;  ///< of the file's bytes ("" when not read from a file)
    ReportingWindow rule = ReportingWindow::Decree09;
    std::size_t rows = 0;                     ///< data rows read (header excluded)
    std::size_t counted = 0;                  ///< rows counted in a window
    std::size_t outside = 0;                  ///< good rows received outside the selected period
    std::vector<DossierWindow> windows;       ///< in period order
    std::vector<HalfOnlineCase> half_online;  ///< in file order
    std::vector<BadDossierRow> bad_rows;      ///< in file order (only with skip_bad)
    friend bool operator==(const DossierSummary&, const DossierSummary&) = default;
};

}  // namespace dtiplan
