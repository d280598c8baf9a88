// Internal to src/store/: the stream buffer of write_file_atomically().
//
// An output of gigabytes (the N-Quads of a large ingest) written through the page cache cost the
// kernel more than formatting it did: every page copied into a fresh page-cache page, then
// written back and fsynced. Where the file system allows it, the file is opened for direct I/O
// (O_DIRECT): whole blocks go from this buffer (or from the caller's block, when it is aligned)
// to the device without a copy, and only the last partial block goes through the page cache.
// Where it does not, or as soon as a direct write fails, the same bytes are written the ordinary
// way.
//
// A direct write returns when the device has the bytes: a producer that fills whole blocks
// itself hands each to write_behind(), which writes it on a thread of its own while the
// producer fills the next one (the write phase of a large ingest waited on the disk for a third
// of its time).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <new>
#include <streambuf>
#include <thread>

namespace ng::store::detail {

class FileOutput : public std::streambuf {
 public:
  // Direct I/O needs addresses, sizes and file offsets in multiples of this (the largest logical
  // block size of common devices).
  static constexpr std::size_t kAlign = 4096;
  static constexpr std::size_t kBuffer = std::size_t{1} << 20;  // a multiple of kAlign

  // `fd` is a new, empty file open for writing; `try_direct`: use direct I/O if it can.
  FileOutput(int fd, bool try_direct);
  ~FileOutput() override;
  FileOutput(const FileOutput&) = delete;
  FileOutput& operator=(const FileOutput&) = delete;

  // Writes `size` bytes from `data` after every byte written before, in the background, and
  // returns at once (after the previous write_behind() has ended). The bytes must stay as they
  // are until the next call of any member: each waits for the write in progress first. Direct
  // writes need `data` aligned and `size` a multiple of kAlign; otherwise, or with bytes still
  // in the buffer (they go first), the bytes are written through the buffer before it returns.
  void write_behind(const char* data, std::size_t size);
  // Waits until no write_behind() is in progress (its bytes may then change or go).
  void wait_behind();

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
  void write_behind_loop();

  int fd_;
  bool direct_ = false;
  bool failed_ = false;
  int error_ = 0;
  std::unique_ptr<char[], AlignedDelete> buffer_;

  // The background writer, started by the first write_behind(), and its one job at a time.
  std::thread behind_;
  std::mutex behind_mutex_;
  std::condition_variable behind_changed_;
  const char* job_data_ = nullptr;
  std::size_t job_size_ = 0;
  bool has_job_ = false;
  bool stopping_ = false;
};

}  // namespace ng::store::detail
