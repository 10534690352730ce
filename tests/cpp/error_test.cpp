// The error classes' messages (error.hpp): whatever the bad input held, one line of valid UTF-8
// of bounded length, so that Python can decode it and the command prints one line.
#include <gtest/gtest.h>

#include <string>

#include "dtiplan/error.hpp"

using namespace dtiplan;

TEST(ErrorMessage, BytesThatAreNotUtf8AndLineBreaksAreWrittenAsEscapes) {
    // A file name in Windows-1258 ("báo cáo" with 0xE1 for á) and a cell with a line break.
    const FormatError e("b\xE1o c\xE1o.csv: row 3", "text \"Số liệu\r\ntháng 3\"\tcut \xE1\xBB");
    EXPECT_EQ(e.where(), "b\\xe1o c\\xe1o.csv: row 3");
    EXPECT_EQ(e.detail(), "text \"Số liệu\\r\\ntháng 3\"\\tcut \\xe1\\xbb");
    EXPECT_STREQ(e.what(),
                 "b\\xe1o c\\xe1o.csv: row 3: text \"Số liệu\\r\\ntháng 3\"\\tcut \\xe1\\xbb");
}

TEST(ErrorMessage, ALongMessageKeepsItsStartAndEndAndCutsBetweenCharacters) {
    std::string long_text = "cannot read \"";
    for (int i = 0; i < 20000; ++i) long_text += "ệ";  // 3 bytes each
    long_text += "\" as a target";
    const ValidationError e("kế-hoạch.json: indicators[2].targets[0].text", long_text);
    EXPECT_LE(e.detail().size(), 490U);
    EXPECT_EQ(e.detail().rfind("cannot read \"ệệ", 0), 0U);
    EXPECT_NE(e.detail().find("ệ … ệ"), std::string::npos) << e.detail();
    EXPECT_EQ(e.detail().substr(e.detail().size() - 16), "ệ\" as a target");
    EXPECT_EQ(e.where(), "kế-hoạch.json: indicators[2].targets[0].text");
    // Short messages are kept as they are.
    EXPECT_STREQ(ValidationError("", "tỷ lệ 1,2 ngoài 0..1").what(), "tỷ lệ 1,2 ngoài 0..1");
}
