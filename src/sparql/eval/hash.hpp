// Message digests for MD5, SHA1, SHA256, SHA384, SHA512 (§17.4.6), as lower-case hex, computed
// by OpenSSL's libcrypto (EVP).
#pragma once

#include <string>
#include <string_view>

namespace ng::sparql {

enum class HashAlgo { Md5, Sha1, Sha256, Sha384, Sha512 };

std::string hex_digest(HashAlgo algo, std::string_view data);

}  // namespace ng::sparql
