#include "sparql/eval/hash.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace ng::sparql {
namespace {

const EVP_MD* digest_of(HashAlgo algo) {
  switch (algo) {
    case HashAlgo::Md5:
      return EVP_md5();
    case HashAlgo::Sha1:
      return EVP_sha1();
    case HashAlgo::Sha256:
      return EVP_sha256();
    case HashAlgo::Sha384:
      return EVP_sha384();
    case HashAlgo::Sha512:
      return EVP_sha512();
  }
  return nullptr;
}

}  // namespace

std::string hex_digest(HashAlgo algo, std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  const EVP_MD* type = digest_of(algo);
  if (!type || EVP_Digest(data.data(), data.size(), md, &length, type, nullptr) != 1) {
    // Only when the crypto library lacks the digest (a FIPS-only build without MD5).
    throw std::runtime_error("newsgraph: the crypto library cannot compute this digest");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * length);
  for (unsigned int k = 0; k < length; ++k) {
    out += kHex[md[k] >> 4];
    out += kHex[md[k] & 0x0F];
  }
  return out;
}

}  // namespace ng::sparql
