// Large objects a command leaves to the end of the process instead of destroying them.
#pragma once

#include <memory>

namespace ng::cli {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kTearDownAtExit = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
inline constexpr bool kTearDownAtExit = true;
#else
inline constexpr bool kTearDownAtExit = false;
#endif
#else
inline constexpr bool kTearDownAtExit = false;
#endif

// Called when a command has written its output and is about to return its exit code. A store
// of millions of quads holds a reference on a node per position of each quad; destroying it
// drops them one by one, each a cache miss (~7 % of ingesting 10,000 articles). The process
// exits right after, and the kernel takes the memory back at once, so the objects are released
// unowned instead. Sanitizer builds destroy them as usual, so that leak checking still sees
// every real leak: there the owners destroy the objects as usual, at the end of their scope and
// in their order (objects declared later, which may hold node references into these, go
// first).
template <typename... T>
void leave_to_exit(std::unique_ptr<T>&... objects) {
  if constexpr (kTearDownAtExit) {
    (static_cast<void>(objects), ...);  // destroyed by their owners
  } else {
    (static_cast<void>(objects.release()), ...);
  }
}

}  // namespace ng::cli
