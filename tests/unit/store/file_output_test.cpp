#include "store/file_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <new>
#include <ostream>
#include <string>

using ng::store::detail::FileOutput;

namespace {

std::filesystem::path test_file(const char* name) {
  const auto dir = std::filesystem::temp_directory_path() / "ng_file_output_test";
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::filesystem::remove(path);
  return path;
}

std::string read_back(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// Bytes that differ from block to block, so that a block written twice or skipped shows.
std::string pattern(std::size_t size, std::size_t seed) {
  std::string s(size, '\0');
  for (std::size_t i = 0; i < size; ++i) s[i] = static_cast<char>('a' + (i * 7 + seed) % 26);
  return s;
}

// A block the size of the buffer, or larger, at an address direct I/O can take as it is.
struct AlignedBlock {
  AlignedBlock(std::size_t bytes, std::size_t seed)
      : size(bytes),
        data(static_cast<char*>(::operator new[](bytes, std::align_val_t{FileOutput::kAlign}))) {
    const std::string text = pattern(bytes, seed);
    text.copy(data.get(), bytes);
  }
  struct Delete {
    void operator()(char* p) const { ::operator delete[](p, std::align_val_t{FileOutput::kAlign}); }
  };
  std::size_t size;
  std::unique_ptr<char[], Delete> data;
};

}  // namespace

TEST_CASE("a file output writes every byte in order, direct or not", "[store][file_output]") {
  for (const bool try_direct : {true, false}) {
    const auto path = test_file(try_direct ? "direct.txt" : "buffered.txt");
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    REQUIRE(fd >= 0);
    std::string expected;
    {
      FileOutput buf(fd, try_direct);
      std::ostream out(&buf);
      auto put = [&](std::string_view bytes) {
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        expected += bytes;
      };
      // Small pieces past the buffer, with flushes that leave a partial block (a direct file
      // keeps it for later).
      for (std::size_t i = 0; i < 300; ++i) {
        put(pattern(5000 + i, i));
        if (i % 50 == 0) out.flush();
      }
      out.put('!');
      expected += '!';
      // A large unaligned block after buffered bytes, then an aligned one after a flush (with a
      // partial block still buffered in a direct file) and one with nothing buffered before it
      // (the file ends at a block boundary: a flush empties the buffer).
      put(pattern(3 * FileOutput::kBuffer + 123, 1));
      out.flush();
      const AlignedBlock aligned(2 * FileOutput::kBuffer + 77, 2);
      put({aligned.data.get(), aligned.size});
      put(pattern(FileOutput::kAlign - expected.size() % FileOutput::kAlign, 3));
      out.flush();
      put({aligned.data.get(), aligned.size});
      put("the end\n");
      out.flush();
      CHECK(out.good());
      CHECK(buf.finish());
      CHECK_FALSE(buf.failed());
      if (!try_direct) CHECK_FALSE(buf.direct());
      // After finish() every byte is in the file, the last partial block included.
      CHECK(std::filesystem::file_size(path) == expected.size());
    }
    ::close(fd);
    CHECK(read_back(path) == expected);
    std::filesystem::remove(path);
  }
}

TEST_CASE("a file output that is empty or tiny writes just that", "[store][file_output]") {
  for (const std::string& text : {std::string(), std::string("x"), pattern(4095, 5)}) {
    const auto path = test_file("tiny.txt");
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    REQUIRE(fd >= 0);
    {
      FileOutput buf(fd, true);
      std::ostream out(&buf);
      out << text;
      out.flush();
      CHECK(buf.finish());
    }
    ::close(fd);
    CHECK(read_back(path) == text);
    std::filesystem::remove(path);
  }
}

TEST_CASE("a file output reports the system's reason for a failed write", "[store][file_output]") {
  const auto path = test_file("read_only.txt");
  { std::ofstream create(path); }
  const int fd = ::open(path.c_str(), O_RDONLY);  // writes fail with EBADF
  REQUIRE(fd >= 0);
  FileOutput buf(fd, true);
  std::ostream out(&buf);
  out << pattern(2 * FileOutput::kBuffer, 0);
  out.flush();
  CHECK_FALSE(buf.finish());
  CHECK(buf.failed());
  CHECK(buf.error() == EBADF);
  CHECK_FALSE(out.good());
  ::close(fd);
  std::filesystem::remove(path);
}

TEST_CASE("blocks written behind land in order with the bytes around them",
          "[store][file_output]") {
  for (const bool try_direct : {true, false}) {
    const auto path = test_file(try_direct ? "behind_direct.txt" : "behind_buffered.txt");
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    REQUIRE(fd >= 0);
    std::string expected;
    {
      FileOutput buf(fd, try_direct);
      std::ostream out(&buf);
      // Two blocks taking turns, as a producer fills one while the other is written; each is
      // refilled only after the next write_behind() (which waits for the one before).
      const AlignedBlock first(FileOutput::kBuffer, 1), second(FileOutput::kBuffer, 2);
      const AlignedBlock* blocks[] = {&first, &second};
      for (int i = 0; i < 5; ++i) {
        const AlignedBlock& b = *blocks[i % 2];
        buf.write_behind(b.data.get(), b.size);
        expected.append(b.data.get(), b.size);
      }
      // Bytes through the stream wait for the write in progress; a block behind them (still
      // buffered in part) is written through the buffer; and an unaligned or odd-sized block.
      out << "middle";
      expected += "middle";
      buf.write_behind(first.data.get(), first.size);
      expected.append(first.data.get(), first.size);
      buf.write_behind(second.data.get() + 1, 999);
      expected.append(second.data.get() + 1, 999);
      buf.wait_behind();
      buf.write_behind(second.data.get(), second.size);
      expected.append(second.data.get(), second.size);
      out << "end\n";
      expected += "end\n";
      out.flush();
      CHECK(out.good());
      CHECK(buf.finish());
    }
    ::close(fd);
    CHECK(read_back(path) == expected);
    std::filesystem::remove(path);
  }
}

TEST_CASE("a failed write behind is reported", "[store][file_output]") {
  const auto path = test_file("behind_read_only.txt");
  { std::ofstream create(path); }
  const int fd = ::open(path.c_str(), O_RDONLY);  // writes fail with EBADF
  REQUIRE(fd >= 0);
  {
    FileOutput buf(fd, false);
    std::ostream out(&buf);
    const AlignedBlock block(FileOutput::kBuffer, 4);
    buf.write_behind(block.data.get(), block.size);
    buf.write_behind(block.data.get(), block.size);  // (nothing more is written)
    out.flush();
    CHECK_FALSE(out.good());
    CHECK_FALSE(buf.finish());
    CHECK(buf.error() == EBADF);
  }
  ::close(fd);
  std::filesystem::remove(path);
}
