// A small hand-made dossier export whose figures the tests work out by hand: two units of the
// built-in plan, six dossiers in the window of tháng 11/2026 (15/10 – 14/11, Nghị định 09) and one
// in the window of tháng 12/2026.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "dtiplan/io/builtin.hpp"
#include "dtiplan/model/plan.hpp"

namespace dtiplan::test_support {

inline const Plan& dossier_plan() {
    static const Plan p = builtin_plan();
    return p;
}

inline const std::string kDossierHeader =
    "ma_ho_so,ma_thu_tuc,ten_thu_tuc,muc_do,kenh,don_vi,ngay_tiep_nhan,ngay_hen_tra,"
    "ngay_ket_thuc,ngay_tra,trang_thai,so_hoa,ket_qua_dien_tu,co_phi,thanh_toan_truc_tuyen,"
    "so_lan_bo_sung,yeu_cau_ban_chinh,nhan_ket_qua\n";

// H1 toàn trình, online, done on time: full online.
// H2 toàn trình, online, originals asked and result at the counter: "nửa vời", late, paid online.
// H3 một phần, at the counter, finished by the due date but with two supplement requests: late.
// H4 no online service, open, due after the window: not judged. Unit given by its name.
// H5 toàn trình filed at the counter, open and past due at the window's end: late.
// C1 Công an xã, toàn trình, online, one supplement, originals asked ("CÓ"): "nửa vời", on time.
// H6 15/11/2026: the window of tháng 12.
inline const std::string kDossierRows =
    "H1,1.001,Đăng ký khai sinh,toàn trình,trực tuyến,TTPVHCC,20/10/2026,22/10/2026,21/10/2026,"
    "21/10/2026,Đã trả kết quả,có,có,không,không,0,không,trực tuyến\n"
    "H2,1.002,\"Chứng thực bản sao, chữ ký\",Toàn trình,Trực tuyến,TTPVHCC,01/11/2026,05/11/2026,"
    "06/11/2026,06/11/2026,Đã trả kết quả,có,không,có,có,0,có,trực tiếp\n"
    "H3,1.003,Đăng ký kết hôn,một phần,trực tiếp,TTPVHCC,2026-11-10,2026-11-12,2026-11-12,,"
    "Đã trả kết quả,không,x,x,,2,,\n"
    "H4,1.004,Xác nhận tình trạng hôn nhân,,trực tiếp,Trung tâm Phục vụ hành chính công xã,"
    "14/11/2026,20/11/2026,,,Đang xử lý,1,0,1,0,,0,\n"
    "H5,1.001,Đăng ký khai sinh,toàn trình,trực tiếp,TTPVHCC,15/10/2026,16/10/2026,,,Đang xử lý,"
    "không,không,không,không,0,không,\n"
    "C1,2.001,Đăng ký thường trú,toàn trình,trực tuyến,Công an xã,25/10/2026,30/10/2026,"
    "29/10/2026,30/10/2026,Đã trả kết quả,có,có,có,không,1,CÓ,bưu chính\n"
    "H6,1.001,Đăng ký khai sinh,toàn trình,trực tuyến,TTPVHCC,15/11/2026,18/11/2026,17/11/2026,"
    "17/11/2026,Đã trả kết quả,có,có,không,không,0,không,trực tuyến\n";

inline void write_text(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

}  // namespace dtiplan::test_support
