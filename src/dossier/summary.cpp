// Rates, the 766 index and the wording of a "nửa vời" case, from the counts of a dossier export.
#include "dtiplan/dossier/summary.hpp"

#include <algorithm>

namespace dtiplan {

void DossierTally::add(const DossierTally& o) {
    dossiers += o.dossiers;
    with_online_service += o.with_online_service;
    filed_online += o.filed_online;
    online_with_service += o.online_with_service;
    full_online_procedure += o.full_online_procedure;
    full_online_done += o.full_online_done;
    half_online += o.half_online;
    digitised += o.digitised;
    with_result += o.with_result;
    e_result += o.e_result;
    with_fee += o.with_fee;
    paid_online += o.paid_online;
    on_time += o.on_time;
    late += o.late;
    open_not_due += o.open_not_due;
}

DossierRates dossier_rates(const DossierTally& t) {
    DossierRates r;
    r.online = {t.online_with_service, t.with_online_service};
    r.full_online = {t.full_online_done, t.full_online_procedure};
    r.digitised = {t.digitised, t.dossiers};
    r.handled_online = {t.filed_online, t.dossiers};
    r.e_result = {t.e_result, t.with_result};
    r.online_payment = {t.paid_online, t.with_fee};
    r.on_time = {t.on_time, t.on_time + t.late};
    return r;
}

const std::vector<Index766Criterion>& default_index_766_criteria() {
    static const std::vector<Index766Criterion> criteria = {
        {"2.1", "Hồ sơ giải quyết đúng hạn", "Tiến độ, kết quả giải quyết", 20.0, 1.0, "on_time",
         true,
         "Quyết định 766/QĐ-TTg; điểm tối đa theo bản tóm tắt trên baocaotaichinh.vn (nguồn thứ "
         "cấp)"},
        {"4.1", "Hồ sơ nộp trực tuyến", "Cung cấp dịch vụ trực tuyến", 12.0, 0.5, "online", false,
         "nhóm 12 điểm theo sonoivu.namdinh.gov.vn, quangnam.gov.vn; ngưỡng 50%: nguồn thứ cấp, "
         "chưa đối chiếu văn bản gốc"},
        {"4.2", "Thanh toán trực tuyến", "Cung cấp dịch vụ trực tuyến", 10.0, 0.5, "online_payment",
         false,
         "nhóm 10 điểm theo sonoivu.namdinh.gov.vn, quangnam.gov.vn; ngưỡng 50%: nguồn thứ cấp, "
         "chưa đối chiếu văn bản gốc"},
        {"3.1", "Số hóa hồ sơ", "Số hóa hồ sơ", 11.0, 0.8, "digitised", false,
         "nhóm 22 điểm theo sonoivu.namdinh.gov.vn, chia đều cho hồ sơ và kết quả; ngưỡng 80%: "
         "nguồn thứ cấp, chưa đối chiếu văn bản gốc"},
        {"3.2", "Cấp kết quả điện tử", "Số hóa hồ sơ", 11.0, 0.9, "e_result", false,
         "nhóm 22 điểm theo sonoivu.namdinh.gov.vn, chia đều cho hồ sơ và kết quả; ngưỡng 90%: "
         "nguồn thứ cấp, chưa đối chiếu văn bản gốc"},
    };
    return criteria;
}

namespace {

DossierRate pick(const DossierRates& r, const std::string& rate) {
    if (rate == "on_time") return r.on_time;
    if (rate == "online") return r.online;
    if (rate == "full_online") return r.full_online;
    if (rate == "online_payment") return r.online_payment;
    if (rate == "digitised") return r.digitised;
    if (rate == "e_result") return r.e_result;
    if (rate == "handled_online") return r.handled_online;
    return {};
}

}  // namespace

Index766 index_766(const DossierTally& t, const std::vector<Index766Criterion>& criteria) {
    const DossierRates rates = dossier_rates(t);
    Index766 out;
    for (const auto& c : criteria) {
        Index766Score s;
        s.criterion = c.id;
        s.rate = pick(rates, c.rate);
        s.max_points = c.max_points;
        if (const auto v = s.rate.value()) {
            s.scored = true;
            const double threshold = c.threshold > 0.0 ? c.threshold : 1.0;
            s.points = *v >= threshold ? c.max_points : *v * c.max_points / threshold;
            out.points += s.points;
            out.max_points += c.max_points;
        }
        out.criteria.push_back(std::move(s));
    }
    return out;
}

std::string HalfOnlineCase::reason(Language lang) const {
    const bool vi = lang == Language::Vietnamese;
    std::string out;
    if (originals)
        out = vi ? "yêu cầu mang bản chính đến đối chiếu" : "asked to bring originals for checking";
    if (counter) {
        if (!out.empty()) out += "; ";
        out += vi ? "trả kết quả trực tiếp tại bộ phận một cửa" : "result collected at the counter";
    }
    return out;
}

}  // namespace dtiplan
