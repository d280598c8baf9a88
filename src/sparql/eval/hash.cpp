#include "sparql/eval/hash.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace ng::sparql {
namespace {

using u32 = std::uint32_t;
using u64 = std::uint64_t;

u32 rotl32(u32 x, int n) { return (x << n) | (x >> (32 - n)); }
u32 rotr32(u32 x, int n) { return (x >> n) | (x << (32 - n)); }
u64 rotr64(u64 x, int n) { return (x >> n) | (x << (64 - n)); }

// Pads to a multiple of `block` bytes with the bit length in `len_bytes` bytes at the end.
std::vector<unsigned char> pad(std::string_view data, size_t block, size_t len_bytes,
                               bool little_endian) {
  std::vector<unsigned char> msg(data.begin(), data.end());
  u64 bits = static_cast<u64>(data.size()) * 8;
  msg.push_back(0x80);
  while ((msg.size() + len_bytes) % block != 0) msg.push_back(0);
  for (size_t k = 0; k < len_bytes; ++k) {
    size_t shift = little_endian ? k : len_bytes - 1 - k;
    msg.push_back(shift < 8 ? static_cast<unsigned char>(bits >> (8 * shift)) : 0);
  }
  return msg;
}

std::string to_hex(const std::vector<unsigned char>& bytes) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

std::string md5(std::string_view data) {
  static const u32 kK[64] = {0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a,
                             0xa8304613, 0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be,
                             0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340,
                             0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
                             0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8,
                             0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
                             0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
                             0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
                             0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92,
                             0xffeff47d, 0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
                             0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};
  static const int kS[64] = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                             5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
                             4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                             6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};
  u32 h[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
  auto msg = pad(data, 64, 8, true);
  for (size_t off = 0; off < msg.size(); off += 64) {
    u32 w[16];
    for (std::size_t k = 0; k < 16; ++k) {
      w[k] = static_cast<u32>(msg[off + 4 * k]) | static_cast<u32>(msg[off + 4 * k + 1]) << 8 |
             static_cast<u32>(msg[off + 4 * k + 2]) << 16 |
             static_cast<u32>(msg[off + 4 * k + 3]) << 24;
    }
    u32 a = h[0], b = h[1], c = h[2], d = h[3];
    for (int k = 0; k < 64; ++k) {
      u32 f;
      int g;
      if (k < 16)
        f = (b & c) | (~b & d), g = k;
      else if (k < 32)
        f = (d & b) | (~d & c), g = (5 * k + 1) % 16;
      else if (k < 48)
        f = b ^ c ^ d, g = (3 * k + 5) % 16;
      else
        f = c ^ (b | ~d), g = (7 * k) % 16;
      u32 tmp = d;
      d = c;
      c = b;
      b = b + rotl32(a + f + kK[k] + w[g], kS[k]);
      a = tmp;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d;
  }
  std::vector<unsigned char> out;
  for (u32 v : h) {
    for (int k = 0; k < 4; ++k) out.push_back(static_cast<unsigned char>(v >> (8 * k)));
  }
  return to_hex(out);
}

std::string sha1(std::string_view data) {
  u32 h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  auto msg = pad(data, 64, 8, false);
  for (size_t off = 0; off < msg.size(); off += 64) {
    u32 w[80];
    for (std::size_t k = 0; k < 16; ++k) {
      w[k] = static_cast<u32>(msg[off + 4 * k]) << 24 |
             static_cast<u32>(msg[off + 4 * k + 1]) << 16 |
             static_cast<u32>(msg[off + 4 * k + 2]) << 8 | static_cast<u32>(msg[off + 4 * k + 3]);
    }
    for (int k = 16; k < 80; ++k) w[k] = rotl32(w[k - 3] ^ w[k - 8] ^ w[k - 14] ^ w[k - 16], 1);
    u32 a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int k = 0; k < 80; ++k) {
      u32 f, kk;
      if (k < 20)
        f = (b & c) | (~b & d), kk = 0x5A827999;
      else if (k < 40)
        f = b ^ c ^ d, kk = 0x6ED9EBA1;
      else if (k < 60)
        f = (b & c) | (b & d) | (c & d), kk = 0x8F1BBCDC;
      else
        f = b ^ c ^ d, kk = 0xCA62C1D6;
      u32 tmp = rotl32(a, 5) + f + e + kk + w[k];
      e = d, d = c, c = rotl32(b, 30), b = a, a = tmp;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
  }
  std::vector<unsigned char> out;
  for (u32 v : h) {
    for (int k = 3; k >= 0; --k) out.push_back(static_cast<unsigned char>(v >> (8 * k)));
  }
  return to_hex(out);
}

std::string sha256(std::string_view data) {
  static const u32 kK[64] = {0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
                             0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
                             0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
                             0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
                             0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
                             0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
                             0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
                             0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
                             0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
                             0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
                             0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
  u32 h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
              0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  auto msg = pad(data, 64, 8, false);
  for (size_t off = 0; off < msg.size(); off += 64) {
    u32 w[64];
    for (std::size_t k = 0; k < 16; ++k) {
      w[k] = static_cast<u32>(msg[off + 4 * k]) << 24 |
             static_cast<u32>(msg[off + 4 * k + 1]) << 16 |
             static_cast<u32>(msg[off + 4 * k + 2]) << 8 | static_cast<u32>(msg[off + 4 * k + 3]);
    }
    for (int k = 16; k < 64; ++k) {
      u32 s0 = rotr32(w[k - 15], 7) ^ rotr32(w[k - 15], 18) ^ (w[k - 15] >> 3);
      u32 s1 = rotr32(w[k - 2], 17) ^ rotr32(w[k - 2], 19) ^ (w[k - 2] >> 10);
      w[k] = w[k - 16] + s0 + w[k - 7] + s1;
    }
    u32 a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int k = 0; k < 64; ++k) {
      u32 s1 = rotr32(e, 6) ^ rotr32(e, 11) ^ rotr32(e, 25);
      u32 ch = (e & f) ^ (~e & g);
      u32 t1 = hh + s1 + ch + kK[k] + w[k];
      u32 s0 = rotr32(a, 2) ^ rotr32(a, 13) ^ rotr32(a, 22);
      u32 maj = (a & b) ^ (a & c) ^ (b & c);
      u32 t2 = s0 + maj;
      hh = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
  }
  std::vector<unsigned char> out;
  for (u32 v : h) {
    for (int k = 3; k >= 0; --k) out.push_back(static_cast<unsigned char>(v >> (8 * k)));
  }
  return to_hex(out);
}

std::string sha512(std::string_view data, bool is384) {
  static const u64 kK[80] = {
      0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
      0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
      0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
      0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
      0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
      0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
      0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
      0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
      0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
      0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
      0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
      0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
      0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
      0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
      0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
      0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
      0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
      0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
      0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
      0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817};
  u64 h[8];
  if (is384) {
    const u64 init[8] = {0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17,
                         0x152fecd8f70e5939, 0x67332667ffc00b31, 0x8eb44a8768581511,
                         0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4};
    std::copy(init, init + 8, h);
  } else {
    const u64 init[8] = {0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b,
                         0xa54ff53a5f1d36f1, 0x510e527fade682d1, 0x9b05688c2b3e6c1f,
                         0x1f83d9abfb41bd6b, 0x5be0cd19137e2179};
    std::copy(init, init + 8, h);
  }
  auto msg = pad(data, 128, 16, false);
  for (size_t off = 0; off < msg.size(); off += 128) {
    u64 w[80];
    for (int k = 0; k < 16; ++k) {
      u64 v = 0;
      for (int j = 0; j < 8; ++j)
        v = (v << 8) | msg[off + 8 * static_cast<size_t>(k) + static_cast<size_t>(j)];
      w[k] = v;
    }
    for (int k = 16; k < 80; ++k) {
      u64 s0 = rotr64(w[k - 15], 1) ^ rotr64(w[k - 15], 8) ^ (w[k - 15] >> 7);
      u64 s1 = rotr64(w[k - 2], 19) ^ rotr64(w[k - 2], 61) ^ (w[k - 2] >> 6);
      w[k] = w[k - 16] + s0 + w[k - 7] + s1;
    }
    u64 a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int k = 0; k < 80; ++k) {
      u64 s1 = rotr64(e, 14) ^ rotr64(e, 18) ^ rotr64(e, 41);
      u64 ch = (e & f) ^ (~e & g);
      u64 t1 = hh + s1 + ch + kK[k] + w[k];
      u64 s0 = rotr64(a, 28) ^ rotr64(a, 34) ^ rotr64(a, 39);
      u64 maj = (a & b) ^ (a & c) ^ (b & c);
      u64 t2 = s0 + maj;
      hh = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
  }
  std::vector<unsigned char> out;
  for (int k = 0; k < (is384 ? 6 : 8); ++k) {
    for (int j = 7; j >= 0; --j) out.push_back(static_cast<unsigned char>(h[k] >> (8 * j)));
  }
  return to_hex(out);
}

}  // namespace

std::string hex_digest(HashAlgo algo, std::string_view data) {
  switch (algo) {
    case HashAlgo::Md5:
      return md5(data);
    case HashAlgo::Sha1:
      return sha1(data);
    case HashAlgo::Sha256:
      return sha256(data);
    case HashAlgo::Sha384:
      return sha512(data, true);
    case HashAlgo::Sha512:
      return sha512(data, false);
  }
  return {};
}

}  // namespace ng::sparql
