// The streaming dossier reader: a CSV export read in blocks, each row checked and counted into its
// unit and reporting window, then forgotten (docs/dossiers.md).
#include "dtiplan/dossier/reader.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <fstream>
#include <functional>
#include <future>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>

#include <nlohmann/json.hpp>

#include "detail/cells.hpp"
#include "detail/mapped_file.hpp"
#include "detail/sha256.hpp"
#include "detail/utf8.hpp"
#include "dossier/detail/fold.hpp"
#include "dtiplan/error.hpp"

namespace dtiplan {

namespace {

enum Field : std::size_t {
    MaHoSo,
    MaThuTuc,
    TenThuTuc,
    MucDo,
    Kenh,
    DonVi,
    NgayTiepNhan,
    NgayHenTra,
    NgayKetThuc,
    NgayTra,
    TrangThai,
    SoHoa,
    KetQuaDienTu,
    CoPhi,
    ThanhToanTrucTuyen,
    SoLanBoSung,
    YeuCauBanChinh,
    NhanKetQua,
    FieldCount
};

const std::vector<std::string> kFields = {"ma_ho_so",
                                          "ma_thu_tuc",
                                          "ten_thu_tuc",
                                          "muc_do",
                                          "kenh",
                                          "don_vi",
                                          "ngay_tiep_nhan",
                                          "ngay_hen_tra",
                                          "ngay_ket_thuc",
                                          "ngay_tra",
                                          "trang_thai",
                                          "so_hoa",
                                          "ket_qua_dien_tu",
                                          "co_phi",
                                          "thanh_toan_truc_tuyen",
                                          "so_lan_bo_sung",
                                          "yeu_cau_ban_chinh",
                                          "nhan_ket_qua"};

bool optional_field(std::size_t f) { return f == TenThuTuc || f == NgayTra || f == TrangThai; }

/// A date as yyyymmdd: "03/11/2026", "3/11/2026", "2026-11-03", each optionally followed by a
/// time ("03/11/2026 08:15", "2026-11-03T08:15:00"). 0 when it is not one.
int read_ymd(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i)  // a loop, not find_first_of: one call a byte
        if (s[i] == ' ' || s[i] == 'T') {
            s = s.substr(0, i);
            break;
        }
    auto number = [](std::string_view t, int& out) {
        if (t.empty() || t.size() > 4) return false;
        out = 0;
        for (const char c : t) {
            if (c < '0' || c > '9') return false;
            out = out * 10 + (c - '0');
        }
        return true;
    };
    int y = 0, m = 0, d = 0;
    if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
        if (!number(s.substr(0, 4), y) || !number(s.substr(5, 2), m) || !number(s.substr(8, 2), d))
            return 0;
    } else if (s.size() == 10 && s[2] == '/' && s[5] == '/') {  // dd/mm/yyyy, the usual form
        if (!number(s.substr(0, 2), d) || !number(s.substr(3, 2), m) || !number(s.substr(6, 4), y))
            return 0;
    } else {
        const std::size_t a = s.find('/');
        const std::size_t b = a == std::string_view::npos ? a : s.find('/', a + 1);
        if (b == std::string_view::npos || a == 0 || a > 2 || b - a - 1 == 0 || b - a - 1 > 2 ||
            s.size() - b - 1 != 4)
            return 0;
        if (!number(s.substr(0, a), d) || !number(s.substr(a + 1, b - a - 1), m) ||
            !number(s.substr(b + 1), y))
            return 0;
    }
    if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return 0;
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > days[static_cast<std::size_t>(m - 1)] + (m == 2 && leap ? 1 : 0)) return 0;
    return y * 10000 + m * 100 + d;
}

int ymd(const Date& d) {
    return static_cast<int>(d.year()) * 10000 + static_cast<int>(d.month()) * 100 +
           static_cast<int>(d.day());
}

Date to_date(int v) {
    return Date(static_cast<unsigned short>(v / 10000), static_cast<unsigned short>(v / 100 % 100),
                static_cast<unsigned short>(v % 100));
}

enum class ServiceLevel { None, Partial, Full };
enum class Channel { Counter, Online, Post, None };

}  // namespace

const std::vector<std::string>& dossier_fields() { return kFields; }

bool dossier_field_required(std::string_view field) {
    const auto it = std::find(kFields.begin(), kFields.end(), field);
    return it != kFields.end() && !optional_field(static_cast<std::size_t>(it - kFields.begin()));
}

std::map<std::string, std::string> parse_dossier_columns(std::string_view text,
                                                         const std::string& origin) {
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw FormatError(origin, std::string("not valid JSON: ") + e.what());
    }
    if (!doc.is_object())
        throw FormatError(origin, "a column mapping is a JSON object {\"header\": \"field\"}");
    std::map<std::string, std::string> out;
    for (const auto& [key, value] : doc.items()) {
        if (!value.is_string()) throw FormatError(origin + ": " + key, "the field must be a text");
        const auto field = value.get<std::string>();
        if (std::find(kFields.begin(), kFields.end(), field) == kFields.end())
            throw FormatError(
                origin + ": " + key, "unknown field " + detail::quoted(field) + " (fields: " + [] {
                    std::string all;
                    for (const auto& f : kFields) all += (all.empty() ? "" : ", ") + f;
                    return all;
                }() + ")");
        out[key] = field;
    }
    return out;
}

struct DossierReader::Impl {
    struct Window {
        Period period;
        DateRange range;
        int last = 0;                     // yyyymmdd of the window's last day
        std::vector<DossierTally> units;  // by unit index
    };

    const Plan* plan;
    DossierOptions options;
    std::string origin;
    std::array<std::ptrdiff_t, FieldCount> col{};
    std::vector<std::string> headers;
    bool have_header = false;

    std::vector<std::string> unit_ids;  // index -> id
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view v) const noexcept {
            return std::hash<std::string_view>{}(v);
        }
    };
    // exact and folded spellings; looked up by the cell's view, without a copy
    std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> unit_lookup;
    std::vector<std::size_t> plan_rank;  // index -> order in the plan (or after it)

    std::map<int, Window> windows;  // key: year * 100 + month, or 0 for a selected period
    Window outside_;                // what window_for returns for a row outside the selected period
    int last_key = -1;
    Window* last_window = nullptr;  // the window of the last row (map nodes do not move)
    std::optional<DateRange> selected;
    int selected_first = 0, selected_last = 0;

    DossierSummary summary;
    std::string scratch;

    Impl(const Plan* p, DossierOptions o, std::string org)
        : plan(p), options(std::move(o)), origin(std::move(org)) {
        col.fill(-1);
        summary.origin = origin;
        summary.rule = options.rule;
        if (options.period) {
            selected = reporting_window(*options.period, options.rule);
            selected_first = ymd(selected->first);
            selected_last = ymd(selected->last);
        }
        if (plan) {
            for (const auto& u : plan->units) {
                const std::size_t i = unit_ids.size();
                unit_ids.push_back(u.id);
                plan_rank.push_back(i);
                for (const std::string* s : {&u.id, &u.name, &u.short_name}) {
                    if (s->empty()) continue;
                    unit_lookup.emplace(*s, i);
                    unit_lookup.emplace(detail::fold(*s), i);
                }
            }
        }
    }

    [[noreturn]] void fail_column(std::size_t row, std::size_t field, const std::string& what) {
        throw FormatError(origin + ": row " + std::to_string(row) + ", column " +
                              headers[static_cast<std::size_t>(col[field])],
                          what);
    }

    void set_header(const std::vector<std::string>& cells) {
        headers = cells;
        std::map<std::string, std::string> folded_map;
        for (const auto& [k, v] : options.columns) folded_map[detail::fold(k)] = v;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const std::string h(detail::trim(cells[i]));
            std::string field;
            if (auto it = options.columns.find(h); it != options.columns.end())
                field = it->second;
            else if (auto jt = folded_map.find(detail::fold(h)); jt != folded_map.end())
                field = jt->second;
            else
                field = detail::fold(h);
            std::replace(field.begin(), field.end(), ' ', '_');
            const auto f = std::find(kFields.begin(), kFields.end(), field);
            if (f == kFields.end()) continue;  // a column dtiplan does not read
            const auto idx = static_cast<std::size_t>(f - kFields.begin());
            if (col[idx] >= 0)
                throw FormatError(origin + ": row 1",
                                  "the field " + field + " is given by two columns: " +
                                      detail::quoted(headers[static_cast<std::size_t>(col[idx])]) +
                                      " and " + detail::quoted(h));
            col[idx] = static_cast<std::ptrdiff_t>(i);
        }
        std::string missing;
        for (std::size_t f = 0; f < FieldCount; ++f)
            if (col[f] < 0 && !optional_field(f))
                missing += (missing.empty() ? "" : ", ") + kFields[f];
        if (!missing.empty())
            throw FormatError(origin + ": row 1",
                              "missing columns: " + missing +
                                  " (name them in a column mapping, --columns mapping.json)");
        have_header = true;
    }

    std::size_t unit_index(std::string_view cell, std::size_t row) {
        if (auto it = unit_lookup.find(cell); it != unit_lookup.end()) return it->second;
        const std::string key(cell);
        if (auto it = unit_lookup.find(detail::fold(key)); it != unit_lookup.end()) {
            unit_lookup.emplace(key, it->second);
            return it->second;
        }
        if (plan) {
            std::string known;
            for (const auto& u : plan->units)
                if (u.level == dtiplan::Level::Commune) known += (known.empty() ? "" : ", ") + u.id;
            fail_column(row, DonVi,
                        "unknown unit " + detail::quoted(cell) + " (the plan's units: " + known +
                            "; an id, a name or a short name)");
        }
        const std::size_t i = unit_ids.size();
        unit_ids.push_back(key);
        plan_rank.push_back(i);
        unit_lookup.emplace(key, i);
        return i;
    }

    Window& window_for(int received, std::size_t row, bool& inside) {
        inside = true;
        if (selected) {
            if (received < selected_first || received > selected_last) {
                inside = false;
                return outside_;  // not counted
            }
            auto [it, fresh] = windows.try_emplace(0);
            if (fresh) {
                it->second.period = *options.period;
                it->second.range = *selected;
                it->second.last = selected_last;
            }
            return it->second;
        }
        int y = received / 10000, m = received / 100 % 100;
        if (options.rule == ReportingWindow::Decree09 && received % 100 >= 15 && ++m == 13) {
            m = 1;
            ++y;
        }
        const int key = y * 100 + m;
        if (key == last_key && last_window != nullptr) return *last_window;
        auto [it, fresh] = windows.try_emplace(key);
        if (fresh) {
            try {
                it->second.period = Period::month(y, m);
            } catch (const Error& e) {
                fail_column(row, NgayTiepNhan, e.detail());
            }
            it->second.range = reporting_window(it->second.period, options.rule);
            it->second.last = ymd(it->second.range.last);
        }
        last_key = key;
        last_window = &it->second;
        return it->second;
    }

    std::string_view cell(const std::vector<std::string_view>& cells, std::size_t f) const {
        const std::ptrdiff_t c = col[f];
        if (c < 0) return {};
        return detail::trim(cells[static_cast<std::size_t>(c)]);
    }

    bool yes_no(const std::vector<std::string_view>& cells, std::size_t f, std::size_t row) {
        const std::string_view s = cell(cells, f);
        if (s.empty() || s == "0" || s == "không") return false;
        if (s == "1" || s == "x" || s == "X" || s == "có") return true;
        if (const auto v = detail::read_yes_no(s)) return *v;
        fail_column(row, f,
                    "not a yes/no cell: " + detail::quoted(s) + " (có/không, x or empty, 1/0)");
    }

    int date(const std::vector<std::string_view>& cells, std::size_t f, std::size_t row,
             bool required) {
        const std::string_view s = cell(cells, f);
        if (s.empty()) {
            if (required) fail_column(row, f, "a date is required (dd/mm/yyyy or yyyy-mm-dd)");
            return 0;
        }
        const int v = read_ymd(s);
        if (v == 0)
            fail_column(row, f, "not a date: " + detail::quoted(s) + " (dd/mm/yyyy or yyyy-mm-dd)");
        return v;
    }

    ServiceLevel level(const std::vector<std::string_view>& cells, std::size_t row) {
        const std::string_view s = cell(cells, MucDo);
        if (s.empty()) return ServiceLevel::None;
        if (s == "toàn trình") return ServiceLevel::Full;
        if (s == "một phần") return ServiceLevel::Partial;
        const std::string f = detail::fold(s);
        if (f == "toan trinh" || f == "4") return ServiceLevel::Full;
        if (f == "mot phan" || f == "3") return ServiceLevel::Partial;
        if (f == "khong" || f == "khong co") return ServiceLevel::None;
        fail_column(row, MucDo,
                    "not a level of online service: " + detail::quoted(s) +
                        " (toàn trình, một phần, or empty when the procedure has none)");
    }

    Channel channel(const std::vector<std::string_view>& cells, std::size_t f, std::size_t row,
                    bool required) {
        const std::string_view s = cell(cells, f);
        if (s.empty()) {
            if (required)
                fail_column(row, f, "a channel is required (trực tiếp, trực tuyến, bưu chính)");
            return Channel::None;
        }
        if (s == "trực tuyến") return Channel::Online;
        if (s == "trực tiếp") return Channel::Counter;
        if (s == "bưu chính") return Channel::Post;
        const std::string t = detail::fold(s);
        if (t == "truc tiep" || t == "1") return Channel::Counter;
        if (t == "truc tuyen" || t == "2") return Channel::Online;
        if (t == "buu chinh" || t == "buu chinh cong ich" || t == "3") return Channel::Post;
        fail_column(row, f,
                    "not a channel: " + detail::quoted(s) +
                        " (trực tiếp, trực tuyến, bưu chính; or 1, 2, 3)");
    }

    std::size_t count(const std::vector<std::string_view>& cells, std::size_t f, std::size_t row) {
        const std::string_view s = cell(cells, f);
        if (s.empty()) return 0;
        std::size_t v = 0;
        for (const char c : s) {
            if (c < '0' || c > '9' || v > 1000000)
                fail_column(row, f, "not a count: " + detail::quoted(s) + " (0, 1, 2, ...)");
            v = v * 10 + static_cast<std::size_t>(c - '0');
        }
        return v;
    }

    void add_row(const std::vector<std::string_view>& cells, std::size_t row) {
        if (!have_header) throw FormatError(origin, "a header row is required before the rows");
        ++summary.rows;
        try {
            count_row(cells, row);
        } catch (const FormatError& e) {
            if (!options.skip_bad) throw;
            const std::string& where = e.where();
            const std::size_t pos = where.find(", column ");
            summary.bad_rows.push_back(
                {row, pos == std::string::npos ? std::string() : where.substr(pos + 9),
                 e.detail()});
        }
    }

    void count_row(const std::vector<std::string_view>& cells, std::size_t row) {
        if (cells.size() < headers.size()) {
            throw FormatError(origin + ": row " + std::to_string(row),
                              "the row has " + std::to_string(cells.size()) +
                                  " cells, the header " + std::to_string(headers.size()));
        }
        for (std::size_t i = headers.size(); i < cells.size(); ++i)
            if (!detail::trim(cells[i]).empty())
                throw FormatError(
                    origin + ": row " + std::to_string(row),
                    "a cell beyond the header's last column: " + detail::quoted(cells[i]));
        const std::string_view code = cell(cells, MaHoSo);
        if (code.empty()) fail_column(row, MaHoSo, "a dossier code is required");
        const std::string_view procedure = cell(cells, MaThuTuc);
        if (procedure.empty()) fail_column(row, MaThuTuc, "a procedure code is required");
        const std::string_view unit_cell = cell(cells, DonVi);
        if (unit_cell.empty()) fail_column(row, DonVi, "a unit is required");
        const std::size_t unit = unit_index(unit_cell, row);
        const ServiceLevel lv = level(cells, row);
        const Channel ch = channel(cells, Kenh, row, true);
        const Channel result_channel = channel(cells, NhanKetQua, row, false);
        const int received = date(cells, NgayTiepNhan, row, true);
        const int due = date(cells, NgayHenTra, row, true);
        const int finished = date(cells, NgayKetThuc, row, false);
        (void)date(cells, NgayTra, row, false);
        if (due < received)
            fail_column(row, NgayHenTra, "the due date comes before the receipt date");
        if (finished != 0 && finished < received)
            fail_column(row, NgayKetThuc, "the end of processing comes before the receipt date");
        const bool digitised = yes_no(cells, SoHoa, row);
        const bool e_result = yes_no(cells, KetQuaDienTu, row);
        const bool fee = yes_no(cells, CoPhi, row);
        const bool paid_online = yes_no(cells, ThanhToanTrucTuyen, row);
        const std::size_t supplements = count(cells, SoLanBoSung, row);
        const bool originals = yes_no(cells, YeuCauBanChinh, row);

        bool inside = true;
        Window& w = window_for(received, row, inside);
        if (!inside) {
            ++summary.outside;
            return;
        }
        ++summary.counted;
        if (w.units.size() <= unit) w.units.resize(unit + 1);
        DossierTally& t = w.units[unit];
        const bool online = ch == Channel::Online;
        ++t.dossiers;
        if (online) ++t.filed_online;
        if (lv != ServiceLevel::None) {
            ++t.with_online_service;
            if (online) ++t.online_with_service;
        }
        if (lv == ServiceLevel::Full) {
            ++t.full_online_procedure;
            const bool counter = result_channel == Channel::Counter;
            if (online && (originals || counter)) {
                ++t.half_online;
                HalfOnlineCase c;
                c.dossier = std::string(code);
                c.procedure = std::string(procedure);
                c.procedure_name = std::string(cell(cells, TenThuTuc));
                c.unit = unit_ids[unit];
                c.received = to_date(received);
                c.period = w.period;
                c.originals = originals;
                c.counter = counter;
                c.row = row;
                summary.half_online.push_back(std::move(c));
            } else if (online) {
                ++t.full_online_done;
            }
        }
        if (digitised) ++t.digitised;
        if (finished != 0) {
            ++t.with_result;
            if (e_result) ++t.e_result;
            if (finished <= due && supplements <= 1)
                ++t.on_time;
            else
                ++t.late;
        } else if (due < w.last) {
            ++t.late;
        } else {
            ++t.open_not_due;
        }
        if (fee) {
            ++t.with_fee;
            if (paid_online) ++t.paid_online;
        }
    }

    /// Add what `b` counted in the part of the file after this reader's part: its windows and
    /// units (by id; units new to this reader come after its own, as first seen), its rows, and
    /// its cases and bad rows with their rows moved by `line_offset` (b counted lines from 1).
    void absorb(Impl& b, std::size_t line_offset) {
        std::vector<std::size_t> index(b.unit_ids.size());
        for (std::size_t u = 0; u < b.unit_ids.size(); ++u) {
            if (auto it = unit_lookup.find(b.unit_ids[u]); it != unit_lookup.end()) {
                index[u] = it->second;
                continue;
            }
            index[u] = unit_ids.size();
            unit_ids.push_back(b.unit_ids[u]);
            plan_rank.push_back(index[u]);
            unit_lookup.emplace(b.unit_ids[u], index[u]);
        }
        for (auto& [key, wb] : b.windows) {
            auto [it, fresh] = windows.try_emplace(key);
            Window& wa = it->second;
            if (fresh) {
                wa.period = wb.period;
                wa.range = wb.range;
                wa.last = wb.last;
            }
            for (std::size_t u = 0; u < wb.units.size(); ++u) {
                if (wb.units[u].dossiers == 0) continue;
                if (wa.units.size() <= index[u]) wa.units.resize(index[u] + 1);
                wa.units[index[u]].add(wb.units[u]);
            }
        }
        summary.rows += b.summary.rows;
        summary.counted += b.summary.counted;
        summary.outside += b.summary.outside;
        for (HalfOnlineCase& c : b.summary.half_online) {
            c.row += line_offset;
            summary.half_online.push_back(std::move(c));
        }
        for (BadDossierRow& r : b.summary.bad_rows) {
            r.row += line_offset;
            summary.bad_rows.push_back(std::move(r));
        }
        last_window = nullptr;
        last_key = -1;
    }

    DossierSummary take() {
        std::vector<std::size_t> order(unit_ids.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return plan_rank[a] < plan_rank[b]; });
        for (auto& [key, w] : windows) {
            DossierWindow out;
            out.period = w.period;
            out.window = w.range;
            for (const std::size_t u : order) {
                if (u >= w.units.size() || w.units[u].dossiers == 0) continue;
                out.units.push_back({unit_ids[u], w.units[u]});
                out.commune.add(w.units[u]);
            }
            summary.windows.push_back(std::move(out));
        }
        DossierSummary s = std::move(summary);
        summary = DossierSummary{};
        windows.clear();
        last_window = nullptr;
        last_key = -1;
        return s;
    }
};

DossierReader::DossierReader(const Plan* plan, DossierOptions options, std::string origin)
    : impl_(std::make_unique<Impl>(plan, std::move(options), std::move(origin))) {}
DossierReader::~DossierReader() = default;

void DossierReader::header(const std::vector<std::string>& cells) { impl_->set_header(cells); }

void DossierReader::row(const std::vector<std::string_view>& cells, std::size_t row) {
    impl_->add_row(cells, row);
}

DossierSummary DossierReader::finish() { return impl_->take(); }

void DossierReader::absorb(DossierReader& later, std::size_t line_offset) {
    impl_->absorb(*later.impl_, line_offset);
}

namespace {

/// CSV records from a stream, block by block: cells are views into the block (or into `pool` for
/// quoted cells), valid until the next record.
class CsvStream {
public:
    /// `sha` (may be null) is given every byte read, as read.
    CsvStream(std::istream& in, const std::string& origin, detail::Sha256* sha = nullptr)
        : in_(&in), origin_(origin), sha_(sha) {}
    /// Records of bytes already in memory (a mapped file, or a part of one): nothing is copied.
    /// With `start` false, a part that does not start the file: no byte-order mark, and the
    /// separator `sep` of the file's first line, not guessed from this part's.
    CsvStream(std::string_view bytes, const std::string& origin, bool start = true, char sep = ',')
        : origin_(origin), view_(bytes), eof_(true), first_(false), sep_(sep) {
        guess_ = start;
        begin();
    }

    [[nodiscard]] char separator() const noexcept { return sep_; }
    /// The line the next record starts on (1 = the first line read).
    [[nodiscard]] std::size_t next_line() const noexcept { return line_; }
    /// Whether every byte allowed was read and parsed.
    [[nodiscard]] bool at_end() const noexcept { return eof_ && pos_ >= view_.size(); }

    /// The next record that is not blank; false at the end.
    bool next(std::vector<std::string_view>& cells, std::size_t& row) {
        while (true) {
            if (!parse(cells, row)) return false;
            const bool blank = std::all_of(cells.begin(), cells.end(),
                                           [](std::string_view c) { return c.empty(); });
            if (!blank) return true;
        }
    }

private:
    // Blocks grow from 64 KiB to 1 MiB: a small file is not read into a zeroed megabyte.
    static constexpr std::size_t kFirstBlock = 1 << 16;
    static constexpr std::size_t kBlock = 1 << 20;

    /// The start of the bytes: the byte-order mark dropped and the separator guessed from the
    /// first line (a file's start only), and the bytes that stop the field scan.
    void begin() {
        if (guess_) {
            if (view_.starts_with("\xEF\xBB\xBF")) view_.remove_prefix(3);
            const std::string_view first_line = view_.substr(0, view_.find('\n'));
            if (first_line.find(',') == std::string_view::npos &&
                first_line.find(';') != std::string_view::npos)
                sep_ = ';';
        }
        for (const char c : {sep_, '\r', '\n', '"'}) stop_[static_cast<unsigned char>(c)] = true;
        // Bytes of letters with diacritics stop the scan too: their UTF-8 is checked there, in
        // the one pass over the bytes.
        for (std::size_t c = 0x80; c < 0x100; ++c) stop_[c] = true;
    }

    bool fill() {
        if (eof_) return false;
        if (pos_ > 0) {
            buf_.erase(0, pos_);
            pos_ = 0;
        }
        const std::size_t old = buf_.size();
        const std::size_t want = block_;
        buf_.resize(old + want);
        in_->read(buf_.data() + old, static_cast<std::streamsize>(want));
        const auto got = static_cast<std::size_t>(in_->gcount());
        buf_.resize(old + got);
        if (sha_ != nullptr) sha_->update(std::string_view(buf_).substr(old));
        if (in_->bad()) throw FileError(origin_, "error while reading the file");
        view_ = buf_;
        if (first_) {
            first_ = false;
            begin();
            if (view_.size() < buf_.size()) {  // the byte-order mark
                buf_.erase(0, buf_.size() - view_.size());
                view_ = buf_;
            }
        }
        if (got < want) eof_ = true;
        block_ = std::min(block_ * 2, kBlock);
        return got > 0 || view_.size() > pos_;
    }

    [[noreturn]] void fail(std::size_t row, const std::string& what) const {
        throw FormatError(origin_ + ": row " + std::to_string(row), what);
    }

    /// The length of the UTF-8 sequence at s[i] (a byte >= 0x80), 0 when the block must be
    /// refilled first (the sequence may be cut by the block's end); fails on bytes that are not
    /// UTF-8.
    std::size_t letter(std::string_view s, std::size_t i, std::size_t row) const {
        const std::size_t len = detail::utf8_length(s, i);
        if (len != 0) return len;
        if (i + 4 > s.size() && !eof_) return 0;
        fail(row, "the text is not UTF-8 (in Excel, save as \"CSV UTF-8\")");
    }

    // One record from pos_; refills and restarts when it runs past the block.
    bool parse(std::vector<std::string_view>& cells, std::size_t& row) {
        while (true) {
            if (pos_ >= view_.size() && !fill()) return false;
            if (pos_ >= view_.size()) return false;
            cells.clear();
            pool_.clear();
            std::size_t i = pos_;
            std::size_t lines = 0;
            bool complete = false;
            const std::string_view s = view_;
            while (true) {
                // one field
                std::size_t j = i;
                while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
                if (j < s.size() && s[j] == '"') {
                    std::string& out = pool_.emplace_back();
                    i = j + 1;
                    bool closed = false;
                    while (i < s.size()) {
                        const char c = s[i];
                        if (c == '"') {
                            if (i + 1 >= s.size() && !eof_) break;  // need more to decide
                            if (i + 1 < s.size() && s[i + 1] == '"') {
                                out += '"';
                                i += 2;
                                continue;
                            }
                            ++i;
                            closed = true;
                            break;
                        }
                        if (c == '\n') ++lines;
                        if (static_cast<unsigned char>(c) >= 0x80) {
                            const std::size_t len = letter(s, i, line_ + lines);
                            if (len == 0) break;  // refill
                            out.append(s.substr(i, len));
                            i += len;
                            continue;
                        }
                        out += c;
                        ++i;
                    }
                    if (!closed) {
                        if (eof_) fail(line_, "a quoted field is not closed (a \" is missing)");
                        break;  // refill
                    }
                    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
                    if (i < s.size() && s[i] != sep_ && s[i] != '\r' && s[i] != '\n')
                        fail(line_ + lines, "text after the closing quote of a field");
                    cells.emplace_back(out);
                } else {
                    const std::size_t start = i;
                    // One look-up a byte: the separator, a line break, a quote or a letter's
                    // first byte stops it.
                    bool cut = false;
                    while (true) {
                        while (i < s.size() && !stop_[static_cast<unsigned char>(s[i])]) ++i;
                        if (i >= s.size() || static_cast<unsigned char>(s[i]) < 0x80) break;
                        const std::size_t len = letter(s, i, line_ + lines);
                        if (len == 0) {
                            cut = true;
                            break;
                        }
                        i += len;
                    }
                    if (cut) break;  // refill
                    if (i < s.size() && s[i] == '"')
                        fail(line_ + lines,
                             "a quote inside an unquoted field; quote the whole field and "
                             "double the quotes in it");
                    if (i >= s.size() && !eof_) break;  // refill
                    cells.push_back(detail::trim(s.substr(start, i - start)));
                }
                if (i < s.size() && s[i] == sep_) {
                    ++i;
                    continue;
                }
                if (i < s.size() && s[i] == '\r') {
                    if (i + 1 >= s.size() && !eof_) break;
                    ++i;
                }
                if (i < s.size() && s[i] == '\n') ++i;
                complete = true;
                break;
            }
            if (!complete) {
                if (!fill()) fail(line_, "the file ends inside a record");
                continue;
            }
            row = line_;
            line_ += lines + 1;
            pos_ = i;
            return true;
        }
    }

    std::istream* in_ = nullptr;  ///< null for bytes in memory
    const std::string& origin_;
    detail::Sha256* sha_ = nullptr;
    std::size_t block_ = kFirstBlock;
    bool guess_ = true;  ///< guess the separator and drop a byte-order mark (the file's start)
    std::array<bool, 256> stop_{};  ///< the bytes that end an unquoted field
    std::string buf_;               ///< the block read from the stream
    std::string_view view_;         ///< the bytes parsed: buf_, or the bytes in memory
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    bool eof_ = false;
    bool first_ = true;
    char sep_ = ',';
    std::deque<std::string> pool_;
};

/// The header and every row of a CSV stream, through a DossierReader.
DossierSummary read_csv_rows(CsvStream& csv, const Plan* plan, const DossierOptions& options,
                             const std::string& origin) {
    DossierReader reader(plan, options, origin);
    std::vector<std::string_view> cells;
    std::size_t row = 0;
    if (!csv.next(cells, row))
        throw FormatError(origin + ": row 1", "a header row is required (docs/dossiers.md)");
    reader.header(std::vector<std::string>(cells.begin(), cells.end()));
    while (csv.next(cells, row)) reader.row(cells, row);
    return reader.finish();
}

}  // namespace

namespace {

/// Files from this size are read as two parts on two threads.
constexpr std::size_t kSplitBytes = 4u << 20;

/// The rows of a file's bytes in two parts read at once: the first part from the start (with the
/// header) to the first line break after the middle, the second from there. Where that line break
/// is inside a quoted cell, the first part ends inside a quote and fails: nothing is returned
/// then (as for any error in either part), and the caller reads the file again in one pass,
/// which gives the right error and row. Without a second core, nothing is returned either.
std::optional<DossierSummary> read_in_two_parts(std::string_view bytes, const Plan* plan,
                                                const DossierOptions& options,
                                                const std::string& origin) {
    if (std::thread::hardware_concurrency() < 2) return std::nullopt;
    const std::size_t cut = bytes.find('\n', bytes.size() / 2);
    if (cut == std::string_view::npos || cut + 1 >= bytes.size()) return std::nullopt;
    const std::size_t start = cut + 1;  // the byte after the line break
    try {
        CsvStream a(bytes.substr(0, start), origin);
        DossierReader ra(plan, options, origin);
        std::vector<std::string_view> cells;
        std::size_t row = 0;
        if (!a.next(cells, row)) return std::nullopt;
        const std::vector<std::string> header(cells.begin(), cells.end());
        ra.header(header);
        DossierReader rb(plan, options, origin);
        rb.header(header);
        const char sep = a.separator();
        std::future<void> later = std::async(std::launch::async, [&] {
            CsvStream b(bytes.substr(start), origin, false, sep);
            std::vector<std::string_view> bc;
            std::size_t brow = 0;
            while (b.next(bc, brow)) rb.row(bc, brow);
        });
        bool ok = true;
        try {
            while (a.next(cells, row)) ra.row(cells, row);
            ok = a.at_end();
        } catch (const Error&) {
            ok = false;
        }
        later.get();  // rethrows the second part's error: read again in one pass
        if (!ok) return std::nullopt;
        ra.absorb(rb, a.next_line() - 1);
        return ra.finish();
    } catch (const Error&) {
        return std::nullopt;
    }
}

}  // namespace

DossierSummary read_dossiers(const std::filesystem::path& path, const Plan* plan,
                             const DossierOptions& options) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw FileError(path.string(), "is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FileError(path.string(), "cannot open the file for reading");
    // Errors name the file as it was given, as every reader's do; the summary (and the
    // evidence written from it) keeps the file's name.
    const std::string origin = path.string();
    DossierSummary s;
    // A large file is parsed from its pages in memory, on two threads; a small one (a month's
    // export of a commune is well under a megabyte) block by block. A file mapped in memory that
    // another program shortens while it is read ends the process (SIGBUS), so only files where
    // the copy costs time are mapped (docs/dossiers.md, "Speed").
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    const detail::MappedFile mapped(!ec && size >= kSplitBytes ? path : std::filesystem::path());
    if (mapped.mapped()) {
        // The file's digest on another thread while the rows are read from the same pages: the
        // pass costs no more than the slowest of them.
        const std::string_view bytes = mapped.bytes();
        std::future<std::string> digest = std::async(std::launch::async, [bytes] {
            detail::Sha256 sha;
            sha.update(bytes);
            return sha.hex();
        });
        std::optional<DossierSummary> parts = read_in_two_parts(bytes, plan, options, origin);
        if (parts) {
            s = std::move(*parts);
        } else {
            CsvStream csv(bytes, origin);
            s = read_csv_rows(csv, plan, options, origin);
        }
        s.sha256 = digest.get();
    } else {
        detail::Sha256 sha;
        CsvStream csv(in, origin, &sha);
        s = read_csv_rows(csv, plan, options, origin);
        s.sha256 = sha.hex();
    }
    s.origin = path.filename().string();
    return s;
}

DossierSummary read_dossiers(std::istream& in, const std::string& origin, const Plan* plan,
                             const DossierOptions& options) {
    detail::Sha256 sha;
    CsvStream csv(in, origin, &sha);
    DossierSummary s = read_csv_rows(csv, plan, options, origin);
    s.origin = origin;
    s.sha256 = sha.hex();
    return s;
}

std::string file_sha256(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FileError(path.string(), "cannot open the file for reading");
    detail::Sha256 sha;
    std::string buf(1 << 16, '\0');
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        sha.update(std::string_view(buf.data(), static_cast<std::size_t>(in.gcount())));
    }
    return sha.hex();
}

}  // namespace dtiplan
