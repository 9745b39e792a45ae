#include <marketshock/io/bulk/share_count_table.hpp>

#include <marketshock/core/error.hpp>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace marketshock::io {
namespace {

namespace fs = std::filesystem;
using boost::gregorian::date;
using testing::ElementsAre;
using testing::HasSubstr;
using testing::ThrowsMessage;

class SharesFile {
 public:
  explicit SharesFile(const std::string& text) {
    path_ = fs::temp_directory_path() / fmt::format("marketshock_shares_{}_{}", getpid(), n_++);
    fs::create_directories(path_);
    path_ /= "shares.csv";
    std::ofstream(path_, std::ios::binary) << text;
  }
  SharesFile(const SharesFile&) = delete;
  SharesFile& operator=(const SharesFile&) = delete;
  ~SharesFile() {
    std::error_code ec;
    fs::remove_all(path_.parent_path(), ec);
  }
  [[nodiscard]] const fs::path& path() const noexcept { return path_; }

 private:
  static inline int n_ = 0;
  fs::path path_;
};

ShareCountOptions options(LoadPolicy policy = LoadPolicy::strict, unsigned threads = 1,
                          std::size_t chunk = std::size_t{1} << 20) {
  ShareCountOptions o;
  o.load.policy = policy;
  o.load.threads = threads;
  o.load.chunk_bytes = chunk;
  return o;
}

TEST(BulkShareCountTable, GroupsStepsBySymbolForAsOfLookups) {
  const SharesFile file(
      "symbol,effective_date,shares\n"
      "AA,2020-01-02,1000\n"
      "AA,2020-01-04,2000\n"  // a Saturday: in force from the next session on
      "AA,2020-03-01,6000000000\n"
      "BB,2019-12-31,7\n");
  for (const unsigned threads : {1U, 3U}) {
    const ShareCountTable table =
        load_share_count_table(file.path(), options(LoadPolicy::strict, threads, 20));
    EXPECT_THAT(table.symbols(), ElementsAre(Symbol("AA"), Symbol("BB")));
    EXPECT_THAT(table.offsets(), ElementsAre(0U, 3U, 4U));
    EXPECT_THAT(table.shares(0), ElementsAre(1000, 2000, 6000000000));
    EXPECT_EQ(table.find(Symbol("BB")), 1U);
    EXPECT_EQ(table.find(Symbol("CC")), std::nullopt);
    EXPECT_EQ(table.shares_on(0, date(2020, 1, 1)), std::nullopt);
    EXPECT_EQ(table.shares_on(0, date(2020, 1, 2)), 1000);
    EXPECT_EQ(table.shares_on(0, date(2020, 1, 3)), 1000);
    EXPECT_EQ(table.shares_on(0, date(2020, 1, 6)), 2000);
    EXPECT_EQ(table.shares_on(0, date(2021, 1, 1)), 6000000000);
    EXPECT_EQ(table.shares_on(1, date(2020, 1, 2)), 7);
    EXPECT_EQ(table.report().rows_read, 4U);
    EXPECT_EQ(table.stats().rows, 4U);
  }
  EXPECT_THROW((void)load_share_count_table(file.path()).shares(2), InvalidArgument);
}

TEST(BulkShareCountTable, ValidatesRowsAndOrder) {
  const SharesFile bad(
      "symbol,effective_date,shares\n"
      "AA,2020-01-02,0\n"
      "AA,2020-01-03,12.5\n"
      "a a,2020-01-03,1\n"
      "BB,2020-01-03,\"5\"\n");
  EXPECT_THAT([&] { (void)load_share_count_table(bad.path()); },
              ThrowsMessage<ParseError>(
                  HasSubstr("shares.csv:2:15: column 'shares': shares must be positive")));
  const ShareCountTable lenient = load_share_count_table(bad.path(), options(LoadPolicy::lenient));
  ASSERT_EQ(lenient.report().skipped.size(), 3U);
  EXPECT_EQ(lenient.report().skipped[1].reason, "column 'shares': invalid integer '12.5'");
  EXPECT_EQ(lenient.report().skipped[2].reason, "column 'symbol': invalid symbol 'a a'");
  EXPECT_THAT(lenient.shares(), ElementsAre(5));  // the quoted field is fine

  const SharesFile unsorted("symbol,effective_date,shares\nBB,2020-01-02,1\nAA,2020-01-02,1\n");
  EXPECT_THAT([&] { (void)load_share_count_table(unsorted.path(), options(LoadPolicy::lenient)); },
              ThrowsMessage<DataError>(HasSubstr(
                  "shares.csv:3:1: column 'symbol': row (AA, 2020-01-02) is not after row (BB, "
                  "2020-01-02) of line 2 (rows must be sorted by symbol, then effective date")));
  const SharesFile missing("symbol,date,shares\n");
  EXPECT_THAT([&] { (void)load_share_count_table(missing.path()); },
              ThrowsMessage<ParseError>(HasSubstr("missing column 'effective_date'")));
}

}  // namespace
}  // namespace marketshock::io
