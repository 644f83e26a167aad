// Observations from CSV: every row checked before anything is written (all
// or nothing, errors by row and column), streamed from the file in bounded
// memory — a first pass checks, a second writes — so that a country's file
// loads on a province's server (docs/performance.md).
#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "base/csv.h"
#include "base/strings.h"
#include "service/import_errors.h"
#include "service/importer.h"

namespace ntm {
namespace {

// Reads a value as the measure's type requires; the reason on failure.
Result<double> read_value(const Measure& m, std::string_view text) {
  if (m.type == MeasureType::kBoolean) {
    if (auto b = parse_bool(text)) return *b ? 1.0 : 0.0;
    return Status::invalid("\"" + std::string(text) +
                           "\" không phải giá trị có/không (Có/Không, 1/0, đạt/chưa đạt)");
  }
  const auto v = parse_number(text);
  if (!v) {
    return Status::invalid(
        "\"" + std::string(text) +
        "\" không phải là số (dùng dấu chấm thập phân, không phân cách hàng nghìn)");
  }
  if (std::abs(*v) > 1e15) return Status::invalid("\"" + std::string(text) + "\" quá lớn");
  if (m.type == MeasureType::kPercent && (*v < 0 || *v > 100)) {
    return Status::invalid("tỷ lệ " + std::string(text) + " nằm ngoài 0..100");
  }
  return *v;
}

// Lookups by a field's text without building a string per row.
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using TextMap = std::unordered_map<std::string, V, TextHash, std::equal_to<>>;

// One row as checked: what the second pass writes.
struct CheckedRow {
  int64_t unit_id = 0;
  const Measure* measure = nullptr;
  uint32_t measure_index = 0;
  int64_t measure_num = 0;  // in the observation table
  Date date;
  double value = 0;
  ObservationStatus status = ObservationStatus::kSubmitted;
  bool ok = false;
  // (unit, measure, date) in 8 bytes: duplicates are found by sorting these.
  uint64_t key() const {
    return (static_cast<uint64_t>(unit_id) << 34) | (static_cast<uint64_t>(measure_index) << 22) |
           (static_cast<uint64_t>(date.days()) & 0x3FFFFF);
  }
};

// Checks rows of one file: measures, units on the row's date, statuses and
// values; the file's columns found once.
class RowChecker {
 public:
  RowChecker(Store& store, const CsvTableStream& in, const std::string& default_status)
      : store_(store), default_status_(default_status) {
    unit_ = in.column("unit_code");
    measure_ = in.column("measure");
    date_ = in.column("date");
    value_ = in.column("value");
    status_ = in.column("status");
    note_ = in.column("note");
  }
  Status load() {
    measures_ = TRY(store_.measures());
    uint32_t i = 0;
    for (const auto& [code, m] : measures_) {
      index_.emplace(code, std::make_pair(&m, i++));
      nums_.push_back(TRY(store_.measure_num(code)));
    }
    return Status::ok();
  }
  std::string_view note(const CsvRow& r) const { return CsvTableStream::field(r, note_); }
  void freeze() { frozen_ = true; }

  // The row checked; its problems added to `errors` (when given).
  Result<CheckedRow> check(const CsvRow& r, ImportErrors* errors) {
    CheckedRow out;
    bool ok = true;
    auto fail = [&](const char* column, const std::string& reason) {
      ok = false;
      if (errors) errors->add(r.line, column, reason);
    };
    const std::string_view status_text = CsvTableStream::field(r, status_);
    const auto status =
        parse_observation_status(status_text.empty() ? default_status_ : std::string(status_text));
    if (!status)
      fail("status", "trạng thái \"" +
                         (status_text.empty() ? default_status_ : std::string(status_text)) +
                         "\" không hợp lệ (draft, submitted, verified, returned)");
    out.status = status.value_or(ObservationStatus::kSubmitted);
    const std::string_view measure = CsvTableStream::field(r, measure_);
    const auto m = index_.find(measure);
    if (m == index_.end()) {
      fail("measure", "không có chỉ số \"" + std::string(measure) + "\"");
    } else {
      out.measure = m->second.first;
      out.measure_index = m->second.second;
      out.measure_num = nums_[out.measure_index];
      auto v = read_value(*out.measure, CsvTableStream::field(r, value_));
      if (v.is_ok())
        out.value = *v;
      else
        fail("value", v.status().message());
    }
    const auto date = Date::parse(CsvTableStream::field(r, date_));
    if (!date.is_ok()) {
      fail("date", date.status().message());
    } else {
      out.date = *date;
      const std::string_view code = CsvTableStream::field(r, unit_);
      auto it = versions_.find(code);
      // Frozen (the second pass, on its own thread): every code was read in
      // the first pass, and the store belongs to the writing thread.
      if (it == versions_.end() && frozen_)
        return Status::internal("unit code " + std::string(code) + " not seen in the first pass");
      if (it == versions_.end())
        it = versions_.emplace(std::string(code), TRY(store_.versions_with_code(std::string(code))))
                 .first;
      for (const UnitVersion& v : it->second)
        if (v.valid_from <= out.date && out.date <= v.valid_to) out.unit_id = v.unit_id;
      if (!out.unit_id)
        fail("unit_code",
             "không có đơn vị mã \"" + std::string(code) + "\" vào ngày " + out.date.iso());
    }
    out.ok = ok;
    return out;
  }

 private:
  Store& store_;
  std::string default_status_;
  int unit_, measure_, date_, value_, status_, note_;
  std::map<std::string, Measure> measures_;
  TextMap<std::pair<const Measure*, uint32_t>> index_;
  std::vector<int64_t> nums_;  // by measure index
  bool frozen_ = false;
  TextMap<std::vector<UnitVersion>> versions_;  // read once per code
};

constexpr int64_t kProgressEvery = 1 << 16;
constexpr size_t kWriteBatch = 1 << 14;  // rows written per batch

using Opener = std::function<Result<CsvStream::Source>()>;

using Batch = std::vector<std::pair<CheckedRow, std::string>>;  // row, note

// Reads and checks the file's rows on its own thread, a batch at a time,
// at most two batches ahead of the writer.
class BatchReader {
 public:
  using Tell = std::function<void(int64_t rows, const CsvTableStream& in)>;
  BatchReader(CsvTableStream in, RowChecker& checker, Tell tell)
      : in_(std::move(in)), checker_(checker), tell_(std::move(tell)) {
    thread_ = std::thread([this] { run(); });
  }
  ~BatchReader() { stop(); }

  // The next batch; nullopt at the end of the file.
  Result<std::optional<Batch>> next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !ready_.empty() || done_; });
    if (!ready_.empty()) {
      Batch b = std::move(ready_.front());
      ready_.pop_front();
      changed_.notify_all();
      return std::optional<Batch>(std::move(b));
    }
    TRY(status_);
    return std::optional<Batch>();
  }
  // Ends the thread (the writer stops early on an error).
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void run() {
    Status s = read();
    std::lock_guard lock(mutex_);
    status_ = s;
    done_ = true;
    changed_.notify_all();
  }
  Status read() {
    CsvRow row;
    Batch batch;
    batch.reserve(kWriteBatch);
    int64_t rows = 0;
    auto hand_over = [&]() -> bool {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return ready_.size() < 2 || stopping_; });
      if (stopping_) return false;
      ready_.push_back(std::move(batch));
      changed_.notify_all();
      batch = Batch();
      batch.reserve(kWriteBatch);
      return true;
    };
    while (TRY(in_.next(row))) {
      batch.emplace_back(TRY(checker_.check(row, nullptr)), std::string(checker_.note(row)));
      tell_(++rows, in_);
      if (batch.size() == kWriteBatch && !hand_over()) return Status::ok();
    }
    if (!batch.empty()) hand_over();
    return Status::ok();
  }

  CsvTableStream in_;
  RowChecker& checker_;
  Tell tell_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch> ready_;
  Status status_ = Status::ok();
  bool done_ = false, stopping_ = false;
};

Result<ImportCounts> import_from(Store& store, const std::string& file, const Opener& open,
                                 int64_t total_bytes, const std::string& author,
                                 const std::string& default_status,
                                 const std::function<void(const ImportProgress&)>& progress) {
  const std::vector<std::string> required = {"unit_code", "measure", "date", "value"},
                                 optional = {"status", "note"};
  auto reopen = [&]() -> Result<CsvTableStream> {
    return CsvTableStream::open(TRY(open()), file, required, optional);
  };
  auto tell = [&](int pass, int64_t rows, const CsvTableStream& in) {
    if (progress) progress({pass, rows, in.bytes_read(), total_bytes});
  };
  // Pass 1: check every row; keep only an 8-byte key per row.
  CsvTableStream in = TRY(reopen());
  RowChecker checker(store, in, default_status);
  TRY(checker.load());
  ImportErrors errors(file);
  std::vector<uint64_t> keys;
  CsvRow row;
  int64_t rows = 0;
  while (TRY(in.next(row))) {
    const CheckedRow c = TRY(checker.check(row, &errors));
    if (c.ok) keys.push_back(c.key());
    if (++rows % kProgressEvery == 0) tell(1, rows, in);
  }
  // Duplicates: found by sorting the keys; their rows named by reading again.
  std::sort(keys.begin(), keys.end());
  std::vector<uint64_t> repeated;
  for (size_t i = 1; i < keys.size(); ++i)
    if (keys[i] == keys[i - 1] && (repeated.empty() || repeated.back() != keys[i]))
      repeated.push_back(keys[i]);
  std::vector<uint64_t>().swap(keys);
  if (!repeated.empty()) {
    CsvTableStream again = TRY(reopen());
    std::unordered_set<uint64_t> seen;  // repeated keys met once already
    while (TRY(again.next(row))) {
      const CheckedRow c = TRY(checker.check(row, nullptr));
      const uint64_t k = c.key();
      if (!c.ok || !std::binary_search(repeated.begin(), repeated.end(), k)) continue;
      if (!seen.insert(k).second) {
        const std::string code(CsvTableStream::field(row, again.column("unit_code")));
        const std::string measure(CsvTableStream::field(row, again.column("measure")));
        errors.add(
            row.line, "",
            "dòng lặp: " + code + ", " + measure + ", " + c.date.iso() + " đã có ở dòng trước");
      }
    }
  }
  if (!errors.empty()) return errors.status();

  // Pass 2: one thread reads and checks the file again a batch at a time
  // while this one writes the batch before, all in one transaction.
  ImportCounts counts{static_cast<int>(rows), 0};
  checker.freeze();
  BatchReader reader(TRY(reopen()), checker, [&](int64_t n, const CsvTableStream& in) {
    if (n % kProgressEvery == 0) tell(2, n, in);
  });
  std::unordered_map<int64_t, bool> has_data;  // units with observations before this file
  std::vector<Store::NewObservation> fresh;    // rows that supersede nothing: in bulk
  fresh.reserve(kWriteBatch);
  auto write = [&](Batch& batch) -> Status {
    fresh.clear();
    for (auto& [c, note] : batch) {
      auto known = has_data.find(c.unit_id);
      if (known == has_data.end())
        known = has_data.emplace(c.unit_id, TRY(store.has_observations(c.unit_id))).first;
      std::optional<Observation> current;
      if (known->second) current = TRY(store.current_observation(c.unit_id, c.measure->id, c.date));
      if (current && current->value == c.value && current->status == c.status &&
          current->note == note)
        continue;
      ++counts.written;
      if (!current) {
        fresh.push_back(
            {c.unit_id, c.measure_num, c.date.days(), c.value, c.status, std::move(note)});
        continue;
      }
      Observation o{.unit_id = c.unit_id,
                    .measure_id = c.measure->id,
                    .date = c.date,
                    .value = c.value,
                    .status = c.status,
                    .author = author,
                    .note = note};
      TRY(store.insert_observation(o, current->id));
    }
    // In the table's order (unit, day, measure): its pages are then
    // appended to rather than split.
    std::sort(fresh.begin(), fresh.end(), [](const auto& a, const auto& b) {
      return std::tie(a.unit_id, a.day, a.measure) < std::tie(b.unit_id, b.day, b.measure);
    });
    return store.insert_new_observations(fresh, author);
  };
  Status written = store.transaction([&]() -> Status {
    while (auto batch = TRY(reader.next())) TRY(write(*batch));
    return Status::ok();
  });
  reader.stop();
  if (!written.is_ok()) return written;
  return counts;
}

}  // namespace

Result<ImportCounts> import_observations(Store& store, const std::string& file,
                                         const std::string& text, const std::string& author,
                                         const std::string& default_status) {
  const Opener open = [&]() -> Result<CsvStream::Source> { return CsvStream::of(text); };
  return import_from(store, file, open, static_cast<int64_t>(text.size()), author, default_status,
                     nullptr);
}

Result<ImportCounts> import_observations_file(
    Store& store, const std::string& path, const std::string& author,
    const std::string& default_status, const std::function<void(const ImportProgress&)>& progress) {
  const Opener open = [&]() -> Result<CsvStream::Source> {
    auto in = std::make_shared<std::ifstream>(path, std::ios::binary);
    if (!*in) return Status::io("không mở được tệp " + path);
    return CsvStream::Source([in](char* b, size_t n) { return CsvStream::of(*in)(b, n); });
  };
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return import_from(store, path, open, ec ? 0 : static_cast<int64_t>(size), author, default_status,
                     progress);
}

}  // namespace ntm
