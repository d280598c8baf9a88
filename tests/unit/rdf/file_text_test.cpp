// rdf::read_whole_file: every byte of the file, and an error naming the path when it cannot open.
#include "rdf/file_text.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

TEST_CASE("read_whole_file returns every byte, NUL and CR LF included", "[rdf][file]") {
  const std::string path =
      (std::filesystem::temp_directory_path() / "ng_file_text_test.bin").string();
  const std::string bytes = std::string("a\r\nb\0c\xff", 7) + std::string(70000, 'x');
  {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  CHECK(ng::rdf::read_whole_file(path) == bytes);
  std::remove(path.c_str());
}

TEST_CASE("read_whole_file names the path it cannot open", "[rdf][file]") {
  const std::string path =
      (std::filesystem::temp_directory_path() / "ng_file_text_test_missing.txt").string();
  std::remove(path.c_str());
  CHECK_THROWS_WITH(ng::rdf::read_whole_file(path), path + ": cannot open");
}
