// Internal to src/store/: an interned node as the World keeps it (world.hpp). One allocation:
// this header, then the value's bytes and a NUL, then a literal's language tag and a NUL.
// `serd` is the node as Serd's writer takes it (its buffer is the value), measured as
// serd_strlen() would: the character count, and for literals the newline and quote flags that
// choose Turtle's long strings.
#pragma once

#include <serd/serd.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ng::store {

struct Node {
  SerdNode serd;
  std::uint64_t hash;       // of the kind, value, datatype and language (the World's table)
  std::size_t refs;         // references held; the node goes when the last one does
  const Node* datatype;     // literals: nullptr or the datatype IRI's node (a reference held)
  std::uint32_t lang_size;  // literals: the language tag's size (0: none)
  std::string_view value() const { return {reinterpret_cast<const char*>(serd.buf), serd.n_bytes}; }
  const char* lang() const {  // nullptr without a tag
    return lang_size ? reinterpret_cast<const char*>(serd.buf) + serd.n_bytes + 1 : nullptr;
  }
};

}  // namespace ng::store
