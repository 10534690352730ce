// The responsibility matrix: groups expanded to their units, role bits combined, what one unit
// answers for (directly or through a group) and the workload per unit, on a small plan and on
// the built-in plan of Đại Phước.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "dtiplan/dtiplan.hpp"

using namespace dtiplan;

namespace {

Indicator indicator(std::string id, std::vector<Assignment> assignments) {
    Indicator ind;
    ind.id = std::move(id);
    ind.name = "Chỉ tiêu thử nghiệm " + ind.id;
    ind.assignments = std::move(assignments);
    return ind;
}

/// Units VHXH, CAX, TTPVHCC, PKT (commune) and SKHCN (upper); group ALL = every commune unit,
/// TTHC = TTPVHCC and PKT.
Plan small_plan() {
    Plan p;
    p.id = "thu-nghiem";
    p.units = {
        {"VHXH", "Phòng Văn hóa - Xã hội", "Phòng VH-XH", Level::Commune},
        {"CAX", "Công an xã", "Công an xã", Level::Commune},
        {"TTPVHCC", "Trung tâm Phục vụ hành chính công xã", "TT PVHCC", Level::Commune},
        {"PKT", "Phòng Kinh tế", "Phòng Kinh tế", Level::Commune},
        {"SKHCN", "Sở Khoa học và Công nghệ", "Sở KH&CN", Level::Upper},
    };
    p.groups = {
        {"ALL", "Các cơ quan, đơn vị; các ngành xã", true, {}, ""},
        {"TTHC",
         "Các cơ quan, đơn vị giải quyết thủ tục hành chính xã",
         false,
         {"TTPVHCC", "PKT"},
         ""},
    };
    p.indicators = {
        indicator("I.01", {{"ALL", Role::Lead, ""}, {"VHXH", Role::Coordinating, ""}}),
        indicator("I.03", {{"TTPVHCC", Role::Lead, ""}, {"TTHC", Role::Coordinating, ""}}),
        indicator(
            "I.06",
            {{"VHXH", Role::Lead, ""}, {"CAX", Role::Lead, ""}, {"ALL", Role::Coordinating, ""}}),
        indicator("II.02", {{"SKHCN", Role::UpperLead, ""},
                            {"VHXH", Role::Coordinating, ""},
                            {"ALL", Role::Coordinating, "liên quan sử dụng nền tảng"},
                            {"VHXH", Role::Tracking, ""}}),
        indicator("III.3.a.10", {}),
    };
    return p;
}

Workload workload_of(const std::vector<Workload>& all, const std::string& unit) {
    const auto it =
        std::find_if(all.begin(), all.end(), [&](const Workload& w) { return w.unit == unit; });
    if (it == all.end()) {
        ADD_FAILURE() << "no workload row for " << unit;
        return {};
    }
    return *it;
}

}  // namespace

TEST(Responsibility, RoleBitsAreDistinctPowersOfTwo) {
    EXPECT_EQ(role_bit(Role::Lead), 1);
    EXPECT_EQ(role_bit(Role::Coordinating), 2);
    EXPECT_EQ(role_bit(Role::Tracking), 4);
    EXPECT_EQ(role_bit(Role::UpperLead), 8);
}

TEST(Responsibility, MatrixLabelsFollowThePlansOrder) {
    const Plan p = small_plan();
    const ResponsibilityMatrix m = responsibility_matrix(p);
    EXPECT_EQ(m.indicators,
              (std::vector<std::string>{"I.01", "I.03", "I.06", "II.02", "III.3.a.10"}));
    EXPECT_EQ(m.units, (std::vector<std::string>{"VHXH", "CAX", "TTPVHCC", "PKT", "SKHCN"}));
    EXPECT_EQ(m.roles.rows(), 5);
    EXPECT_EQ(m.roles.cols(), 5);
}

TEST(Responsibility, GroupsAreExpandedToTheirUnits) {
    const ResponsibilityMatrix m = responsibility_matrix(small_plan());
    // "Các cơ quan, đơn vị; các ngành xã" leads I.01: every commune unit, not the Sở.
    for (const char* u : {"VHXH", "CAX", "TTPVHCC", "PKT"}) {
        SCOPED_TRACE(u);
        EXPECT_TRUE(m.has("I.01", u, Role::Lead));
    }
    EXPECT_FALSE(m.has("I.01", "SKHCN", Role::Lead));
    // TTHC coordinates I.03: its two listed members only.
    EXPECT_TRUE(m.has("I.03", "PKT", Role::Coordinating));
    EXPECT_TRUE(m.has("I.03", "TTPVHCC", Role::Coordinating));
    EXPECT_FALSE(m.has("I.03", "VHXH", Role::Coordinating));
    EXPECT_TRUE(m.has("II.02", "SKHCN", Role::UpperLead));
}

TEST(Responsibility, RolesOfOneUnitCombine) {
    const ResponsibilityMatrix m = responsibility_matrix(small_plan());
    // VHXH coordinates II.02 (directly and through ALL) and tracks it.
    EXPECT_EQ(m.roles(3, 0), role_bit(Role::Coordinating) | role_bit(Role::Tracking));
    // TTPVHCC leads I.03 and coordinates it through TTHC.
    EXPECT_EQ(m.roles(1, 2), role_bit(Role::Lead) | role_bit(Role::Coordinating));
    // An indicator nobody answers for is an empty row.
    EXPECT_EQ(m.roles.row(4).cast<int>().sum(), 0);
}

TEST(Responsibility, IncidenceIsAZeroOneMatrixOfOneRole) {
    const ResponsibilityMatrix m = responsibility_matrix(small_plan());
    const Eigen::MatrixXi lead = m.incidence(Role::Lead);
    ASSERT_EQ(lead.rows(), 5);
    ASSERT_EQ(lead.cols(), 5);
    EXPECT_EQ(lead.maxCoeff(), 1);
    EXPECT_EQ(lead.minCoeff(), 0);
    EXPECT_EQ(lead.row(0).sum(), 4);  // I.01: the four commune units through ALL
    EXPECT_EQ(lead.row(2).sum(), 2);  // I.06: VHXH and CAX
    EXPECT_EQ(lead.col(0).sum(), 2);  // VHXH leads I.01 (through ALL) and I.06
    EXPECT_EQ(m.incidence(Role::Tracking).sum(), 1);
}

TEST(Responsibility, HasRejectsLabelsNotInTheMatrix) {
    const ResponsibilityMatrix m = responsibility_matrix(small_plan());
    EXPECT_THROW((void)m.has("I.99", "VHXH", Role::Lead), ValidationError);
    EXPECT_THROW((void)m.has("I.01", "ALL", Role::Lead), ValidationError);  // a group, no column
    EXPECT_THROW((void)m.has("I.01", "PHONG-VHXH", Role::Lead), ValidationError);
}

TEST(Responsibility, UnknownIdsInAssignmentsAreSkipped) {
    Plan p = small_plan();
    p.indicators[4].assignments = {{"KHONGCO", Role::Lead, ""}, {"VHXH", Role::Tracking, ""}};
    p.groups.push_back({"NHOMLOI", "Nhóm có thành viên lạ", false, {"KHONGCO", "CAX"}, ""});
    p.indicators[4].assignments.push_back({"NHOMLOI", Role::Coordinating, ""});
    const ResponsibilityMatrix m = responsibility_matrix(p);
    EXPECT_EQ(m.incidence(Role::Lead).row(4).sum(), 0);
    EXPECT_TRUE(m.has("III.3.a.10", "VHXH", Role::Tracking));
    EXPECT_TRUE(m.has("III.3.a.10", "CAX", Role::Coordinating));
    EXPECT_NO_THROW((void)workload(p));
    EXPECT_NO_THROW((void)responsibilities_of(p, "VHXH"));
}

TEST(Responsibility, ResponsibilitiesOfAUnitDirectAndThroughGroups) {
    const auto r = responsibilities_of(small_plan(), "VHXH");
    const std::vector<Responsibility> want = {
        {"I.01", Role::Lead, "ALL"},  // "mọi cơ quan, đơn vị" lead I.01
        {"I.01", Role::Coordinating, ""},
        {"I.06", Role::Lead, ""},
        {"I.06", Role::Coordinating, "ALL"},
        {"II.02", Role::Coordinating, ""},  // named directly and through ALL: listed once
        {"II.02", Role::Tracking, ""},
    };
    EXPECT_EQ(r, want);
}

TEST(Responsibility, ResponsibilitiesOfAGroupAreItsOwnAssignments) {
    const auto r = responsibilities_of(small_plan(), "TTHC");
    EXPECT_EQ(r, (std::vector<Responsibility>{{"I.03", Role::Coordinating, ""}}));
}

TEST(Responsibility, ResponsibilitiesOfAnUnknownIdIsAnError) {
    EXPECT_THROW((void)responsibilities_of(small_plan(), "Phòng VH-XH"), ValidationError);
}

TEST(Responsibility, WorkloadCountsIndicatorsPerRole) {
    const Plan p = small_plan();
    const auto all = workload(p);
    ASSERT_EQ(all.size(), p.units.size());
    for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i].unit, p.units[i].id);

    const Workload vhxh = workload_of(all, "VHXH");
    EXPECT_EQ(vhxh.lead, 2);          // I.01 through ALL, I.06
    EXPECT_EQ(vhxh.coordinating, 3);  // I.01, I.06 through ALL, II.02 (counted once)
    EXPECT_EQ(vhxh.tracking, 1);
    EXPECT_EQ(vhxh.upper_lead, 0);
    EXPECT_EQ(vhxh.sole_lead, 0);  // I.06 is shared with Công an xã
    EXPECT_EQ(vhxh.total(), 6);

    const Workload tt = workload_of(all, "TTPVHCC");
    EXPECT_EQ(tt.lead, 2);          // I.01 through ALL, I.03
    EXPECT_EQ(tt.sole_lead, 1);     // I.03
    EXPECT_EQ(tt.coordinating, 3);  // I.03 through TTHC, I.06 and II.02 through ALL

    const Workload so = workload_of(all, "SKHCN");
    EXPECT_EQ(so, (Workload{"SKHCN", 0, 0, 0, 1, 0}));
}

// --- The built-in plan ------------------------------------------------------------------------

namespace {

const Plan& builtin() {
    static const Plan p = builtin_plan();
    return p;
}

}  // namespace

TEST(ResponsibilityBuiltIn, MatrixCoversEveryIndicatorAndUnit) {
    const ResponsibilityMatrix m = responsibility_matrix(builtin());
    EXPECT_EQ(m.roles.rows(), static_cast<Eigen::Index>(builtin().indicators.size()));
    EXPECT_EQ(m.roles.cols(), static_cast<Eigen::Index>(builtin().units.size()));
    // Section III names no unit for its rates: their rows are empty.
    for (std::size_t i = 0; i < m.indicators.size(); ++i) {
        if (m.indicators[i].rfind("III.", 0) != 0) continue;
        EXPECT_EQ(m.roles.row(static_cast<Eigen::Index>(i)).cast<int>().sum(), 0)
            << m.indicators[i];
    }
}

TEST(ResponsibilityBuiltIn, RowsOfTheAppendix) {
    const ResponsibilityMatrix m = responsibility_matrix(builtin());
    EXPECT_TRUE(m.has("I.03", "TTPVHCC", Role::Lead));
    EXPECT_EQ(m.incidence(Role::Lead).row(2).sum(), 1);  // only the Trung tâm leads I.03
    EXPECT_TRUE(m.has("II.12", "DTNT", Role::UpperLead));
    EXPECT_TRUE(m.has("II.12", "DTN", Role::Coordinating));
    EXPECT_TRUE(m.has("II.12", "VHXH", Role::Tracking));
    EXPECT_FALSE(m.has("II.12", "VHXH", Role::Lead));
    EXPECT_TRUE(m.has("I.06", "VHXH", Role::Lead));
    EXPECT_TRUE(m.has("I.06", "CAX", Role::Lead));
}

TEST(ResponsibilityBuiltIn, GroupAllIsExpanded) {
    const ResponsibilityMatrix m = responsibility_matrix(builtin());
    EXPECT_TRUE(m.has("I.01", "PKT", Role::Lead));
    EXPECT_TRUE(m.has("I.02", "TYT", Role::Lead));
    EXPECT_FALSE(m.has("I.01", "UBND", Role::Lead));  // the committee is not in ALL
    EXPECT_FALSE(m.has("I.01", "SKHCN", Role::Lead));
    const auto pkt = responsibilities_of(builtin(), "PKT");
    EXPECT_NE(std::find(pkt.begin(), pkt.end(), Responsibility{"I.01", Role::Lead, "ALL"}),
              pkt.end());
    EXPECT_NE(std::find(pkt.begin(), pkt.end(), Responsibility{"II.09", Role::Tracking, ""}),
              pkt.end());
}

TEST(ResponsibilityBuiltIn, WorkloadOfPhongVHXH) {
    const auto all = workload(builtin());
    // Lead: I.01 and I.02 through ALL, I.06 with Công an xã.
    // Tracking: II.01-II.08, II.12, II.13.
    EXPECT_EQ(workload_of(all, "VHXH"), (Workload{"VHXH", 3, 16, 10, 0, 0}));
    const Workload tt = workload_of(all, "TTPVHCC");
    EXPECT_EQ(tt.sole_lead, 3);  // I.03, I.04, I.05
    EXPECT_EQ(workload_of(all, "SKHCN").upper_lead, 5);
    EXPECT_EQ(workload_of(all, "CAT").upper_lead, 5);
    EXPECT_EQ(workload_of(all, "DTNT"), (Workload{"DTNT", 0, 0, 0, 1, 0}));
    EXPECT_EQ(workload_of(all, "UBND").total(), 0);
}
