#include <marketshock/io/checksum.hpp>

#include <marketshock/core/error.hpp>

#include <fmt/format.h>
#include <openssl/evp.h>

#include <array>

namespace marketshock::io {

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
    throw IoError("SHA-256 computation failed (OpenSSL EVP_Digest)");
  }
  std::string hex;
  hex.reserve(2 * static_cast<std::size_t>(length));
  for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

std::string sha256_file(const std::filesystem::path& path) {
  return sha256_hex(read_file(path));
}

}  // namespace marketshock::io
