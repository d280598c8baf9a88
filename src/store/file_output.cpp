#include "store/file_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <system_error>

namespace ng::store::detail {
namespace {

bool aligned(const char* p) {
  return reinterpret_cast<std::uintptr_t>(p) % FileOutput::kAlign == 0;
}

}  // namespace

FileOutput::FileOutput(int fd, bool try_direct)
    : fd_(fd), buffer_(static_cast<char*>(::operator new[](kBuffer, std::align_val_t{kAlign}))) {
  setp(buffer_.get(), buffer_.get() + kBuffer);
  if (try_direct) {
    const int flags = ::fcntl(fd_, F_GETFL);
    // A file system without direct I/O refuses the flag here (or fails the first write).
    direct_ = flags >= 0 && ::fcntl(fd_, F_SETFL, flags | O_DIRECT) == 0;
  }
}

FileOutput::~FileOutput() {
  if (!behind_.joinable()) return;
  {
    const std::lock_guard<std::mutex> lock(behind_mutex_);
    stopping_ = true;
  }
  behind_changed_.notify_all();
  behind_.join();
}

void FileOutput::write_behind(const char* data, std::size_t size) {
  wait_behind();
  if (failed_) return;  // the file is bad whatever follows (finish() says so)
  if (buffered() != 0 || (direct_ && (!aligned(data) || size % kAlign != 0))) {
    sputn(data, static_cast<std::streamsize>(size));
    return;
  }
  if (!behind_.joinable()) {
    try {
      behind_ = std::thread([this] { write_behind_loop(); });
    } catch (const std::system_error&) {  // no thread to be had: written here and now
      sputn(data, static_cast<std::streamsize>(size));
      return;
    }
  }
  {
    const std::lock_guard<std::mutex> lock(behind_mutex_);
    job_data_ = data;
    job_size_ = size;
    has_job_ = true;
  }
  behind_changed_.notify_all();
}

void FileOutput::write_behind_loop() {
  std::unique_lock<std::mutex> lock(behind_mutex_);
  for (;;) {
    behind_changed_.wait(lock, [&] { return has_job_ || stopping_; });
    if (!has_job_) return;
    lock.unlock();
    write_all(job_data_, job_size_);  // (the caller waits before it touches the state again)
    lock.lock();
    has_job_ = false;
    behind_changed_.notify_all();
  }
}

void FileOutput::wait_behind() {
  if (!behind_.joinable()) return;
  std::unique_lock<std::mutex> lock(behind_mutex_);
  behind_changed_.wait(lock, [&] { return !has_job_; });
}

bool FileOutput::finish() {
  wait_behind();
  return drain(true) && !failed_;
}

FileOutput::int_type FileOutput::overflow(int_type ch) {
  wait_behind();
  if (!drain(false)) return traits_type::eof();
  if (ch != traits_type::eof()) {  // (a full buffer is whole blocks: it is empty now)
    *pptr() = static_cast<char>(ch);
    pbump(1);
  }
  return traits_type::not_eof(ch);
}

int FileOutput::sync() {
  wait_behind();
  return drain(false) && !failed_ ? 0 : -1;
}

std::streamsize FileOutput::xsputn(const char* s, std::streamsize n) {
  wait_behind();
  auto size = static_cast<std::size_t>(n);
  // A block at least as large as the buffer, with nothing buffered before it, goes to the file
  // as it is (a direct file takes its whole blocks if it is aligned): copying it through the
  // buffer would be a second pass over the output.
  if (buffered() == 0 && size >= kBuffer && (!direct_ || aligned(s))) {
    const std::size_t whole = direct_ ? size - size % kAlign : size;
    if (!write_all(s, whole)) return 0;
    s += whole;
    size -= whole;
  }
  while (size > 0) {
    if (pptr() == epptr() && !drain(false)) return 0;
    const std::size_t piece = std::min(size, static_cast<std::size_t>(epptr() - pptr()));
    std::memcpy(pptr(), s, piece);
    pbump(static_cast<int>(piece));
    s += piece;
    size -= piece;
  }
  return n;
}

bool FileOutput::drain(bool all) {
  const std::size_t used = buffered();
  std::size_t written = direct_ ? used - used % kAlign : used;
  bool ok = write_all(buffer_.get(), written);
  if (ok && all && written < used) {
    stop_direct();  // the last partial block: direct I/O cannot write it
    ok = write_all(buffer_.get() + written, used - written);
    written = used;
  }
  if (!ok) written = used;  // failed: the file is bad whatever is kept
  std::memmove(buffer_.get(), buffer_.get() + written, used - written);
  setp(buffer_.get(), buffer_.get() + kBuffer);
  pbump(static_cast<int>(used - written));
  return ok;
}

bool FileOutput::write_all(const char* p, std::size_t size) {
  const char* const end = p + size;
  while (p < end) {
    const ssize_t n = ::write(fd_, p, static_cast<std::size_t>(end - p));
    if (n < 0) {
      if (errno == EINTR) continue;
      if (direct_ && errno == EINVAL) {  // no direct I/O here after all: the ordinary way
        stop_direct();
        continue;
      }
      if (!failed_) error_ = errno;
      failed_ = true;
      return false;
    }
    p += n;
    // A short direct write may leave the file offset unaligned: the rest goes the ordinary way.
    if (direct_ && p < end) stop_direct();
  }
  return true;
}

void FileOutput::stop_direct() {
  if (!direct_) return;
  direct_ = false;
  const int flags = ::fcntl(fd_, F_GETFL);
  if (flags >= 0) ::fcntl(fd_, F_SETFL, flags & ~O_DIRECT);
}

}  // namespace ng::store::detail
