// Whole-file reads and atomic writes (io/file.hpp), shared by every loader and saver: errors
// name the path, and a write replaces the old file whole or leaves it as it was.
#include <gtest/gtest.h>

#include <filesystem>
#include <iterator>
#include <string>

#include "dtiplan/error.hpp"
#include "dtiplan/io/file.hpp"
#include "temp_dir.hpp"

using namespace dtiplan;
using test_support::TempDir;

TEST(File, WritesAtomicallyAndReadsBackTheSameBytes) {
    const TempDir dir;
    const auto path = dir.path() / "báo cáo tháng 3.csv";
    const std::string text = "\xEF\xBB\xBFindicator;value\r\nI.03;0,82\r\n";
    write_file_atomically(path, text);
    EXPECT_EQ(read_file(path), text);
    write_file_atomically(path, "I.03;0,85\n");
    EXPECT_EQ(read_file(path), "I.03;0,85\n");
    // Nothing is left beside it.
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                            std::filesystem::directory_iterator{}),
              1);
}

TEST(File, ErrorsNameThePath) {
    const TempDir dir;
    try {
        (void)read_file(dir.path());
        ADD_FAILURE() << "a folder was read as a file";
    } catch (const FileError& e) {
        EXPECT_NE(std::string(e.what()).find("is a directory"), std::string::npos) << e.what();
    }
    const auto missing = dir.path() / "không có" / "kế hoạch.json";
    try {
        write_file_atomically(missing, "{}");
        ADD_FAILURE() << "wrote into a folder that does not exist";
    } catch (const FileError& e) {
        EXPECT_NE(std::string(e.what()).find("kế hoạch.json"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists(missing));
}
