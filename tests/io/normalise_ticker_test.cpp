#include <marketshock/io/vendor/normalise_ticker.hpp>

#include <marketshock/core/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace marketshock::io {
namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

TEST(NormaliseTicker, WritesClassSeparatorsAsDots) {
  EXPECT_EQ(normalise_ticker("BRK-B"), Symbol("BRK.B"));
  EXPECT_EQ(normalise_ticker("BRK/B"), Symbol("BRK.B"));
  EXPECT_EQ(normalise_ticker("BRK.B"), Symbol("BRK.B"));
  EXPECT_EQ(normalise_ticker("BF-B"), Symbol("BF.B"));
  EXPECT_EQ(normalise_ticker("NVDA"), Symbol("NVDA"));
  EXPECT_EQ(normalise_ticker("AFS.A"), Symbol("AFS.A"));
}

TEST(NormaliseTicker, RejectsWhatIsNotATicker) {
  for (const char* text :
       {"", "brk.b", " NVDA", "NVDA ", "^GSPC", "BRK-", "-B", ".B", "ABCDEFGHIJKLMNOP", "NV DA"}) {
    EXPECT_EQ(try_normalise_ticker(text), std::nullopt) << "'" << text << "'";
  }
  EXPECT_THAT([] { (void)normalise_ticker("^GSPC"); },
              ThrowsMessage<InvalidArgument>(HasSubstr("invalid ticker '^GSPC'")));
}

}  // namespace
}  // namespace marketshock::io
