// Internal to src/store/: the stream buffer of write_file_atomically().
//
// An output of gigabytes (the N-Quads of a large ingest) written through the page cache cost the
// kernel more than formatting it did: every page copied into a fresh page-cache page, then
// written back and fsynced. Where the file system allows it, the file is opened for direct I/O
// (O_DIRECT): whole blocks go from this buffer (or from the caller's block, when it is aligned)
// to the device without a copy, and only the last partial block goes through the page cache.
// Where it does not, or as soon as a direct write fails, the same bytes are written the ordinary
// way.
#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <streambuf>

namespace ng::store::detail {

class FileOutput : public std::streambuf {
 public:
  // Direct I/O needs addresses, sizes and file offsets in multiples of this (the largest logical
  // block size of common devices).
  static constexpr std::size_t kAlign = 4096;
  static constexpr std::size_t kBuffer = std::size_t{1} << 20;  // a multiple of kAlign

  // `fd` is a new, empty file open for writing; `try_direct`: use direct I/O if it can.
  FileOutput(int fd, bool try_direct);
  FileOutput(const FileOutput&) = delete;
  FileOutput& operator=(const FileOutput&) = delete;

  // Writes everything buffered, the last partial block included; false if any write failed.
  // Call it once, at the end: the stream's own flush (sync()) keeps a direct file's partial
  // block for the next bytes.
  bool finish();
  bool failed() const { return failed_; }
  int error() const { return error_; }  // errno of the first failed write (0 if none)
  bool direct() const { return direct_; }

 protected:
  int_type overflow(int_type ch) override;
  int sync() override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;

 private:
  struct AlignedDelete {
    void operator()(char* p) const { ::operator delete[](p, std::align_val_t{kAlign}); }
  };
  std::size_t buffered() const { return static_cast<std::size_t>(pptr() - pbase()); }
  // Writes the buffer's whole blocks (with `all`, the rest too) and moves what is left to its
  // start.
  bool drain(bool all);
  bool write_all(const char* p, std::size_t size);
  void stop_direct();

  int fd_;
  bool direct_ = false;
  bool failed_ = false;
  int error_ = 0;
  std::unique_ptr<char[], AlignedDelete> buffer_;
};

}  // namespace ng::store::detail
