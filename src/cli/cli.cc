#include "cli/cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <ostream>

#include "api/routes.h"
#include "base/csv.h"
#include "base/xlsx.h"
#include "cli/dossier_cli.h"
#include "cli/output.h"
#include "http/server.h"
#include "reports/bulk_template.h"
#include "reports/entry_template.h"
#include "reports/progress.h"
#include "reports/table_report.h"
#include "service/assessment_json.h"
#include "service/auth.h"
#include "service/backup.h"
#include "service/copy.h"
#include "service/demo.h"
#include "service/evaluate.h"
#include "service/importer.h"
#include "service/offline_entry.h"
#include "service/periods.h"
#include "service/plans.h"
#include "service/reassess.h"
#include "service/recognition.h"
#include "service/scope.h"
#include "service/workflow.h"
#include "ui/pages.h"

namespace ntm {
namespace {

struct Options {
  std::string db;
  std::string file;
  std::string periods;
  int photo_px = 0;
  std::string valid_from, valid_to, date = "2025-07-01";
  std::string author = "import", status = "submitted";
  std::string unit, parent, level = "commune", at, set_id, format = "table";
  std::string province;  // import departments: whose departments
  std::string year;      // report recognitions: one year
  double scale = 1.0;    // demo --national
  bool all = false, verified_only = false, force = false, national = false;
  std::string data_dir;
  std::string host = "127.0.0.1";
  std::string username, role, department, sponsor, full_name;
  bool password_stdin = false;
  bool secure_cookies = false;
  std::vector<std::string> trusted_proxies;
  std::string public_url;
  std::string evidence_dir;
  std::string read_db;
  int statement_timeout = 60;
  int workers = 1;
  int port = 8080;
  std::string compare, issued, output, sponsor_code;
};

std::string default_db() {
  const char* env = std::getenv("NTM_DB");
  return env && *env ? env : "ntm.db";
}

Result<Date> date_option(const std::string& text, const std::string& flag) {
  auto d = Date::parse(text);
  if (!d.is_ok()) return Status::invalid(flag + ": " + d.status().message());
  return d;
}

// --at (default today), --set, --verified-only.
Result<EvaluateOptions> evaluate_options(const Options& o) {
  EvaluateOptions opts;
  opts.at = o.at.empty() ? today_local() : TRY(date_option(o.at, "--at"));
  opts.set_id = o.set_id;
  opts.verified_only = o.verified_only;
  return opts;
}

// A commune's filled Excel template: every value checked (errors name the
// cell), then the changed values stored as submitted, with audit, at once.
Status run_import_template(const Options& o, std::ostream& out) {
  const std::string bytes = TRY(read_file(o.file));
  auto store = TRY(Store::open(o.db));
  const Catalog catalog = TRY(Catalog::load(*store));
  // The command line acts as the office of the province the file is about.
  User office;
  office.username = o.author == "import" ? "cli" : o.author;
  office.role = Role::kAdmin;
  auto one = read_entry_template(bytes, o.file);
  if (!one.is_ok()) {
    // Not a commune's template: the office's bulk template (a row per commune)?
    auto bulk = read_bulk_template(bytes, o.file);
    if (!bulk.is_ok()) return one.status();
    const BulkForm form = TRY(bulk_form(*store, catalog, bulk->parent_code, bulk->period));
    office.province_id = TRY(store->province_of(form.parent.unit_id));
    const int64_t before = TRY(store->count_observations());
    const auto errors = TRY(save_bulk(*store, form, *bulk, office, ObservationStatus::kSubmitted));
    if (!errors.empty()) {
      std::string msg =
          o.file + ": " + std::to_string(errors.size()) + " lỗi, không có giá trị nào được nhập:";
      for (size_t i = 0; i < errors.size() && i < 20; ++i) msg += "\n  " + errors[i];
      return Status::invalid(msg);
    }
    out << o.file << ": " << form.parent.name << ", kỳ " << form.period.vi() << ": "
        << bulk->values.size() << " xã, ghi " << TRY(store->count_observations()) - before
        << " giá trị (đã gửi)\n";
    return Status::ok();
  }
  FilledTemplate& t = *one;
  const EntryForm form = TRY(entry_form(*store, catalog, t.unit_code, t.period));
  office.province_id = TRY(store->province_of(form.unit.unit_id));
  if (const auto wrong = match_template_ids(form, t, o.file); !wrong.empty()) {
    std::string msg = std::to_string(wrong.size()) + " lỗi, không có giá trị nào được nhập:";
    for (const std::string& e : wrong) msg += "\n  " + e;
    return Status::invalid(msg);
  }
  std::vector<EntryChange> changes;
  check_entry(form, t.values, false, &changes, t.notes);
  const auto errors = TRY(
      save_entry(*store, form, office, t.values, false, ObservationStatus::kSubmitted, t.notes));
  if (!errors.empty()) {
    std::string msg =
        o.file + ": " + std::to_string(errors.size()) + " lỗi, không có giá trị nào được nhập:";
    for (const FieldError& e : errors) msg += "\n  ô " + t.cells.at(e.measure) + " — " + e.message;
    return Status::invalid(msg);
  }
  out << o.file << ": " << form.unit.name << ", kỳ " << form.period.vi() << ": đã đọc "
      << t.values.size() << " chỉ tiêu, ghi " << changes.size() << " thay đổi (đã gửi)\n";
  return Status::ok();
}

// Whether a file is a zip archive (an XLSX) by its first bytes.
bool zip_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[4] = {};
  in.read(head, 4);
  return in.gcount() == 4 && std::string_view(head, 4) == std::string_view("PK\x03\x04", 4);
}

// Long imports on a terminal: rows, rows/s and the time left, on one line of
// standard error; nothing when it is not a terminal.
std::function<void(const ImportProgress&)> import_progress() {
  if (!isatty(STDERR_FILENO)) return nullptr;
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  return [start, pass_start = start, pass = 1](const ImportProgress& p) mutable {
    const auto now = Clock::now();
    if (p.pass != pass) pass = p.pass, pass_start = now;
    const double s = std::chrono::duration<double>(now - start).count();
    const double in_pass = std::chrono::duration<double>(now - pass_start).count();
    // The two passes read the file twice: the share done counts both.
    const double done = p.total_bytes ? (p.bytes + (p.pass - 1) * p.total_bytes) /
                                            (2.0 * static_cast<double>(p.total_bytes))
                                      : 0;
    std::fprintf(stderr, "\r%s: %s dòng, %s dòng/s, %s%% — còn khoảng %.0f s   ",
                 p.pass == 1 ? "Kiểm tra" : "Ghi", format_number_vi(p.rows, 0).c_str(),
                 format_number_vi(p.rows / std::max(in_pass, 1e-3), 0).c_str(),
                 format_number_vi(100 * done, 0).c_str(), done > 0 ? s * (1 - done) / done : 0.0);
    std::fflush(stderr);
  };
}

Status run_import(const std::string& kind, const Options& o, std::ostream& out) {
  if (kind == "xlsx" || kind == "template") return run_import_template(o, out);
  if (kind == "observations" && !zip_file(o.file)) {
    // A CSV of any size: streamed, in bounded memory.
    auto store = TRY(Store::open(o.db));
    const auto progress = import_progress();
    auto c = import_observations_file(*store, o.file, o.author, o.status, progress);
    if (progress) std::fprintf(stderr, "\n");
    if (!c.is_ok()) return c.status();
    out << o.file << ": đã đọc " << c->rows << " dòng, ghi " << c->written << " thay đổi\n";
    return Status::ok();
  }
  const std::string text = TRY(read_table_file(o.file));
  auto store = TRY(Store::open(o.db));
  ImportCounts c;
  if (kind == "units") {
    const Date from = TRY(date_option(o.valid_from, "--valid-from"));
    const Date to = o.valid_to.empty() ? Date::max() : TRY(date_option(o.valid_to, "--valid-to"));
    c = TRY(import_units(*store, o.file, text, from, to));
  } else if (kind == "lineage") {
    c = TRY(import_lineage(*store, o.file, text, TRY(date_option(o.date, "--date"))));
  } else if (kind == "attributes") {
    c = TRY(import_attributes(*store, o.file, text));
  } else if (kind == "departments") {
    c = TRY(import_departments(*store, o.file, text, "cli", o.province));
  } else if (kind == "criteria") {
    c = TRY(import_criteria(*store, o.file, text, o.province));
  } else if (kind == "recognition-rules") {
    c = TRY(import_recognition_rules(*store, o.file, text, o.province));
  } else if (kind == "recognitions") {
    const int64_t province = o.province.empty() ? 0 : TRY(province_named(*store, o.province));
    c = TRY(import_recognitions(*store, o.file, text, "cli", province));
  } else if (kind == "plans") {
    c = TRY(import_plans(*store, TRY(Catalog::load(*store)), o.file, text, "cli"));
  } else {
    c = TRY(import_observations(*store, o.file, text, o.author, o.status));
  }
  out << o.file << ": đã đọc " << c.rows << " dòng, ghi " << c.written << " thay đổi\n";
  return Status::ok();
}

Status run_evaluate(const Options& o, std::ostream& out) {
  if (o.all == !o.unit.empty()) return Status::invalid("cần đúng một trong --unit CODE hoặc --all");
  if (o.format != "table" && o.format != "json" && o.format != "csv") {
    return Status::invalid("--format phải là table, json hoặc csv");
  }
  const EvaluateOptions opts = TRY(evaluate_options(o));
  auto store = TRY(Store::open(o.db));
  const Catalog catalog = TRY(Catalog::load(*store));
  if (!o.all) {
    const Assessment a = TRY(evaluate_unit(*store, catalog, o.unit, opts));
    if (o.format == "json") out << to_json(a).dump(2) << "\n";
    if (o.format == "csv") print_unit_csv(a, out);
    if (o.format == "table") print_unit_table(a, out);
    return Status::ok();
  }
  const auto level = parse_level(o.level);
  if (!level) return Status::invalid("--level phải là province, district, commune hoặc village");
  // Without --parent: every province in force on the date, in code order.
  std::vector<Assessment> list;
  UnitVersion parent{.code = "VN", .name = "Toàn quốc"};
  if (o.parent.empty()) {
    // The provinces on two threads (a second connection).
    std::vector<std::string> codes;
    for (const UnitVersion& p : TRY(store->top_level_units(opts.at))) codes.push_back(p.code);
    auto twin = store->open_twin();
    // The provinces in code order as they are done: CSV is written as it
    // comes (the country is never held whole), the other formats collect.
    std::mutex order;
    std::vector<std::optional<std::vector<Assessment>>> done(codes.size());
    size_t next = 0;
    if (o.format == "csv") print_all_csv({}, out);
    TRY(evaluate_each(*store, twin.is_ok() ? twin->get() : nullptr, catalog, codes, *level, opts,
                      [&](size_t i, std::vector<Assessment> units) {
                        const std::lock_guard<std::mutex> lock(order);
                        done[i] = std::move(units);
                        for (; next < done.size() && done[next]; done[next++].reset()) {
                          if (o.format == "csv")
                            print_all_csv(*done[next], out, false);
                          else
                            list.insert(list.end(), std::make_move_iterator(done[next]->begin()),
                                        std::make_move_iterator(done[next]->end()));
                        }
                        return Status::ok();
                      }));
    if (o.format == "csv") return Status::ok();
  } else {
    list = TRY(evaluate_all(*store, catalog, o.parent, *level, opts));
    parent = *TRY(store->unit_at(o.parent, opts.at));
  }
  if (o.format == "json") {
    nlohmann::json arr = nlohmann::json::array();
    for (const Assessment& a : list) arr.push_back(to_json(a));
    out << arr.dump(2) << "\n";
  }
  if (o.format == "csv") print_all_csv(list, out);
  if (o.format == "table") print_all_table(parent, list, out);
  return Status::ok();
}

// A merged commune re-assessed from its constituents: the story, then one
// row per measure with where its value came from.
Status run_reassess(const Options& o, std::ostream& out) {
  if (o.unit.empty()) return Status::invalid("cần --unit CODE (mã xã sau sáp nhập)");
  if (o.format != "table" && o.format != "csv")
    return Status::invalid("--format phải là table hoặc csv");
  const EvaluateOptions opts = TRY(evaluate_options(o));
  auto store = TRY(Store::open(o.db));
  const Catalog catalog = TRY(Catalog::load(*store));
  const Reassessment r = TRY(reassess(*store, catalog, o.unit, opts));
  auto number = [](const std::optional<ObservedValue>& v) {
    return v ? format_number(v->value) : std::string();
  };
  if (o.format == "table") {
    out << r.unit.name << " (" << r.unit.code << "), hợp thành ngày " << r.merged_on.iso()
        << ", bộ tiêu chí " << r.set->id << "\n";
    out << "Trước sáp nhập: " << r.constituents_titled << "/" << r.constituents.size()
        << " xã cũ đạt chuẩn";
    if (!r.partial.empty()) out << " (nhập một phần: " << r.partial.size() << ")";
    out << "\nTính cho xã mới ngày " << opts.at.iso() << ": đạt " << r.computed.criteria_met << "/"
        << r.computed.criteria.size() << " tiêu chí, chưa xác định " << r.computed.criteria_unknown
        << "\n";
  }
  out << "measure,source,rule,value,value_date,from,reason\n";
  for (const MeasureSource& s : r.sources) {
    const auto m = catalog.measures().find(s.measure);
    const std::string rule =
        m == catalog.measures().end() ? "" : aggregation_name(m->second.aggregation);
    std::string from;
    for (const Part& p : s.parts)
      from += (from.empty() ? "" : " ") + p.code + "=" +
              (p.value      ? format_number(p.value->value)
               : p.assessed ? "?"
                            : "-") +
              (!p.partial ? ""
               : p.share  ? "(partial " + format_number(*p.share * 100) + "%)"
                          : "(partial)");
    const auto& v = s.used();
    out << csv_field(s.measure) << "," << (s.own ? "own,," : "computed," + rule + ",") << number(v)
        << "," << (v ? v->date.iso() : "") << "," << (s.own ? "" : csv_field(from)) << ","
        << s.aggregated.reason << "\n";
  }
  return Status::ok();
}

// Plan status of one unit or every commune under a parent.
// ntm recognition list | check: CSV on standard output.
Status run_recognition(const std::string& what, const Options& o, std::ostream& out) {
  const Date at = o.at.empty() ? today_local() : TRY(date_option(o.at, "--at"));
  auto store = TRY(Store::open(o.db));
  const int64_t province = o.province.empty() ? 0 : TRY(province_named(*store, o.province));
  if (what == "list") {
    out << "unit_code,unit_name,title,year,decision,status_at\n";
    for (const Recognition& r : TRY(store->recognitions(0, province))) {
      const std::string status = r.in_force(at)                            ? "in_force"
                                 : r.revoked_date && *r.revoked_date <= at ? "revoked"
                                                                           : "later";
      out << r.unit_code << "," << csv_field(r.unit_name) << "," << r.title << "," << r.year << ","
          << csv_field(decision_label(r.decision_no, r.decision_date)) << "," << status << "\n";
    }
    return Status::ok();
  }
  const Catalog catalog = TRY(Catalog::load(*store));
  const RecognitionBook book = TRY(RecognitionBook::load(*store));
  out << "unit_code,unit_name,title,year,upkeep,failing,criteria,failing_key,reason\n";
  for (const UpkeepRow& row : TRY(upkeep_check(*store, catalog, book, province, at))) {
    std::string key;
    for (const std::string& k : row.failing_key) key += (key.empty() ? "" : " ") + k;
    out << row.recognition.unit_code << "," << csv_field(row.unit_name) << ","
        << row.recognition.title << "," << row.recognition.year << "," << upkeep_name(row.status)
        << "," << row.failing << "," << row.criteria_total << "," << key << ","
        << csv_field(row.reason) << "\n";
  }
  return Status::ok();
}

Status run_plan_status(const Options& o, std::ostream& out) {
  if (o.parent.empty() == o.unit.empty()) {
    return Status::invalid("cần đúng một trong --unit CODE hoặc --parent CODE");
  }
  if (o.format != "table" && o.format != "csv")
    return Status::invalid("--format phải là table hoặc csv");
  const EvaluateOptions opts = TRY(evaluate_options(o));
  auto store = TRY(Store::open(o.db));
  const Catalog catalog = TRY(Catalog::load(*store));
  std::vector<PlanRow> rows;
  if (o.unit.empty()) {
    rows = TRY(plan_statuses(*store, catalog, o.parent, opts));
  } else {
    rows.push_back(TRY(unit_plan_status(*store, catalog, o.unit, opts)));
  }
  print_plan_rows(rows, o.format == "csv", out);
  return Status::ok();
}

// A report or template to -o FILE (saying so), or to standard output.
Status write_output(const Options& o, const std::string& bytes, std::ostream& out) {
  if (o.output.empty() || o.output == "-") {
    out << bytes;
    return Status::ok();
  }
  std::ofstream f(o.output, std::ios::binary);
  f << bytes;
  if (!f) return Status::io("không ghi được " + o.output);
  out << "Đã ghi " << o.output << " (" << bytes.size() / 1024 + 1 << " KB)\n";
  return Status::ok();
}

Status check_report_format(const Options& o) {
  if (o.format != "html" && o.format != "xlsx" && o.format != "csv" && o.format != "json") {
    return Status::invalid("--format phải là html, xlsx, csv hoặc json");
  }
  if (o.format == "xlsx" && o.output.empty()) return Status::invalid("tệp XLSX cần -o FILE");
  return Status::ok();
}

// The other reports (commune, department, sponsor, directives).
Status run_table_report(const std::string& kind, const Options& o, std::ostream& out) {
  TRY(check_report_format(o));
  TableReportOptions to;
  to.code = kind == "commune" || kind == "transition" ? o.unit
            : kind == "department"                    ? o.department
            : kind == "recognitions"                  ? o.year
                                                      : o.sponsor_code;
  to.at = o.at.empty() ? today_local() : TRY(date_option(o.at, "--at"));
  to.verified_only = o.verified_only;
  to.set_id = o.set_id;
  to.issued_on = o.issued.empty() ? today_local() : TRY(date_option(o.issued, "--issued"));
  if (!o.compare.empty()) to.compare = TRY(date_option(o.compare, "--compare"));
  auto store = TRY(Store::open(o.db));
  if (kind == "recognitions" && !o.province.empty())
    to.province_id = TRY(province_named(*store, o.province));
  const Catalog catalog = TRY(Catalog::load(*store));
  const TableReport r = TRY(build_table_report(*store, catalog, kind, to));
  const std::string bytes = o.format == "html"   ? table_report_html(r, "")
                            : o.format == "csv"  ? table_report_csv(r)
                            : o.format == "json" ? table_report_json(r)
                                                 : TRY(table_report_xlsx(r));
  return write_output(o, bytes, out);
}

// The progress report in one of its formats, to a file (or standard output).
Status run_report(const Options& o, std::ostream& out) {
  TRY(check_report_format(o));
  if (o.national == !o.parent.empty())
    return Status::invalid("cần đúng một trong --parent CODE hoặc --national");
  if (o.national) return run_table_report("national", o, out);
  ReportOptions ro;
  ro.parent_code = o.parent;
  ro.at = o.at.empty() ? today_local() : TRY(date_option(o.at, "--at"));
  if (!o.compare.empty()) ro.compare = TRY(date_option(o.compare, "--compare"));
  ro.set_id = o.set_id;
  ro.verified_only = o.verified_only;
  ro.issued_on = o.issued.empty() ? today_local() : TRY(date_option(o.issued, "--issued"));
  auto store = TRY(Store::open(o.db));
  const Catalog catalog = TRY(Catalog::load(*store));
  const ProgressReport r = TRY(build_progress_report(*store, catalog, ro));
  const std::string bytes = o.format == "html"   ? progress_html(r, "")
                            : o.format == "csv"  ? progress_csv(r)
                            : o.format == "json" ? progress_json(r)
                                                 : TRY(progress_xlsx(r));
  return write_output(o, bytes, out);
}

// A blank-for-offline template: a commune's (--unit) or the bulk one (--parent).
Status run_template(const Options& o, std::ostream& out) {
  if (o.unit.empty() == o.parent.empty())
    return Status::invalid("cần đúng một trong --unit CODE hoặc --parent CODE");
  if (o.format != "xlsx" && o.format != "csv")
    return Status::invalid("--format phải là xlsx hoặc csv");
  if (o.format == "xlsx" && o.output.empty()) return Status::invalid("tệp XLSX cần -o FILE");
  const Date period = TRY(date_option(o.at, "--period"));
  auto store = TRY(Store::open(o.db));
  const Catalog catalog = TRY(Catalog::load(*store));
  std::string bytes;
  if (!o.unit.empty()) {
    const EntryForm form = TRY(entry_form(*store, catalog, o.unit, period));
    bytes = o.format == "csv" ? entry_template_csv(form)
                              : TRY(entry_template_xlsx(form, today_local()));
  } else {
    const BulkForm form = TRY(bulk_form(*store, catalog, o.parent, period));
    bytes =
        o.format == "csv" ? bulk_template_csv(form) : TRY(bulk_template_xlsx(form, today_local()));
  }
  return write_output(o, bytes, out);
}

// Where evidence files live: --evidence-dir, else beside an SQLite file, or
// for PostgreSQL a folder of the working directory (several instances must
// share it: docs/operations.md).
std::string evidence_dir(const Options& o) {
  return !o.evidence_dir.empty() ? o.evidence_dir
         : is_postgres_url(o.db) ? std::string("ntm-evidence")
                                 : o.db + ".evidence";
}

Status run_backup(const Options& o, std::ostream& out) {
  auto store = TRY(Store::open(o.db));
  const BackupSummary b = TRY(backup_database(*store, o.db, evidence_dir(o), o.output));
  out << "Đã sao lưu vào " << o.output << " (" << format_number_vi(b.database_bytes / 1024.0, 0)
      << " KB; " << b.files << " tệp minh chứng trong " << o.output << ".evidence)\n";
  return Status::ok();
}

Status run_restore(const Options& o, std::ostream& out) {
  const BackupSummary b = TRY(restore_database(o.file, o.db, evidence_dir(o)));
  out << "Đã khôi phục " << o.file << " vào " << o.db << " (" << b.files << " tệp minh chứng vào "
      << evidence_dir(o) << ")\n";
  return Status::ok();
}

Status run_copy(const Options& o, std::ostream& out) {
  auto from = TRY(Store::open(o.file, 0));
  auto to = TRY(Store::open(o.output, 0));
  const CopyReport r = TRY(copy_database(
      *from, *to, today_local(), [&out](const std::string& step) { out << "  " << step << "\n"; }));
  int64_t rows = 0;
  for (const auto& t : r.tables) rows += t.rows;
  out << "Đã chép " << o.file << " sang " << o.output << ": " << r.tables.size() << " bảng, "
      << format_number_vi(static_cast<double>(rows), 0) << " dòng, "
      << format_number_vi(static_cast<double>(r.assessments), 0) << " lượt đánh giá giống nhau ở "
      << r.dates.size() << " ngày\n";
  return Status::ok();
}

Status run_serve(const Options& o, std::ostream& out) {
  const int timeout_ms = o.statement_timeout * 1000;
  const char* env_read = std::getenv("NTM_READ_DB");
  const std::string read_db = !o.read_db.empty() ? o.read_db : env_read ? env_read : "";
  if (!read_db.empty() && !is_postgres_url(o.db))
    return Status::invalid("--read-db: chỉ dùng với --db postgresql://");
  std::string public_url = !o.public_url.empty() ? o.public_url
                           : std::getenv("NTM_PUBLIC_URL")
                               ? std::getenv("NTM_PUBLIC_URL")
                               : "http://" + o.host + ":" + std::to_string(o.port);
  while (!public_url.empty() && public_url.back() == '/') public_url.pop_back();
  // One AppState, database connection (and standby connection) per worker.
  std::vector<std::unique_ptr<AppState>> apps;
  std::vector<Router> routers;
  for (int i = 0; i < o.workers; ++i) {
    std::shared_ptr<Store> store = TRY(Store::open(o.db, timeout_ms));
    std::shared_ptr<Store> replica;
    if (!read_db.empty()) replica = TRY(Store::open_replica(read_db, timeout_ms));
    auto app = std::make_unique<AppState>(store, replica);
    app->secure_cookies = o.secure_cookies;
    app->trusted_proxies = o.trusted_proxies;
    app->evidence_dir = evidence_dir(o);
    app->public_url = public_url;
    Router router;
    register_api(router, *app);
    register_ui(router, *app);
    routers.push_back(std::move(router));
    apps.push_back(std::move(app));
  }
  // Visitors' pages are kept until the data changes (see ServerOptions).
  ServerOptions so{o.host, static_cast<unsigned short>(o.port), o.db,
                   [&app = *apps.front(), failed = int64_t{0}]() mutable {
                     const auto v = app.read_version();
                     return v.is_ok() ? *v : --failed;  // unreadable: never reuse
                   }};
  return serve(so, std::move(routers), out);
}

// The first line of standard input (a password given with --password-stdin).
std::string read_stdin_line() {
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

Status run_user(const std::string& action, const Options& o, std::ostream& out) {
  auto store = TRY(Store::open(o.db));
  const std::string actor = "cli";
  if (action == "add") {
    if (!o.password_stdin) return Status::invalid("hãy đưa mật khẩu qua --password-stdin");
    const User u = TRY(add_user(
        *store,
        {o.username, o.role, o.unit, o.department, read_stdin_line(), o.sponsor, o.full_name},
        actor));
    out << "Đã tạo tài khoản " << u.username << " (" << role_name(u.role) << ")\n";
  } else if (action == "list") {
    out << "username,role,province,unit,department,disabled,full_name\n";
    auto code_of = [&](int64_t id) -> Result<std::string> {
      if (!id) return std::string();
      auto v = TRY(store->unit_versions(id));
      return v.empty() ? std::string() : v.back().code;
    };
    for (const User& u : TRY(store->users())) {
      const int64_t id = u.unit_id ? u.unit_id : (u.units.empty() ? 0 : u.units.front());
      out << u.username << "," << role_name(u.role) << "," << TRY(code_of(u.province_id)) << ","
          << TRY(code_of(id)) << "," << u.department << "," << (u.disabled ? "yes" : "no") << ","
          << csv_field(u.full_name) << "\n";
    }
  } else if (action == "disable") {
    TRY(disable_user(*store, o.username, actor));
    out << "Đã khóa tài khoản " << o.username << "\n";
  } else if (action == "reset-password") {
    if (!o.password_stdin) return Status::invalid("hãy đưa mật khẩu qua --password-stdin");
    TRY(reset_password(*store, actor, o.username, read_stdin_line()));
    out << "Đã đặt lại mật khẩu cho " << o.username << "\n";
  }
  return Status::ok();
}

// ntm periods [--set mm-dd,mm-dd]: shows (or sets) the reporting periods.
Status run_periods(const Options& o, std::ostream& out) {
  auto store = TRY(Store::open(o.db));
  if (!o.periods.empty()) TRY(set_reporting_periods(*store, "cli", o.periods));
  const Date today = today_local();
  out << "Kỳ báo cáo (ngày kết thúc kỳ trong năm " << today.year() << "):";
  for (Date end : TRY(period_ends_in(*store, today.year()))) out << " " << end.vi();
  out << "\nKỳ đang diễn ra: " << TRY(period_in_progress(*store, today)).vi() << "\n";
  return Status::ok();
}

// ntm photo-size [--set N]: shows (or sets) the longer side to which phones
// resize the photos they queue as evidence (docs/offline.md).
Status run_photo_size(const Options& o, std::ostream& out) {
  auto store = TRY(Store::open(o.db));
  if (o.photo_px) TRY(set_photo_max_px(*store, "cli", o.photo_px));
  out << "Ảnh chụp trên điện thoại thu về cạnh dài " << TRY(photo_max_px(*store))
      << " điểm ảnh trước khi gửi\n";
  return Status::ok();
}

// A PostgreSQL database that already holds NTM Monitor's tables is emptied
// with --force (its schema dropped and made again), else refused.
Status clear_postgres_database(const Options& o) {
  auto conn = TRY(open_postgres_connection(o.db));
  auto s = TRY(conn->prepare("SELECT to_regclass('public.schema_version') IS NOT NULL"));
  if (!TRY(s->step()) || !s->get_int(0)) return Status::ok();
  if (!o.force) return Status::conflict(o.db + " đã có dữ liệu; dùng --force để tạo lại");
  s.reset();
  return conn->exec_script("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
}

Status run_demo(const Options& o, std::ostream& out) {
  if (is_postgres_url(o.db)) {
    TRY(clear_postgres_database(o));
  } else if (std::filesystem::exists(o.db)) {
    if (!o.force) return Status::conflict(o.db + " đã tồn tại; dùng --force để tạo lại");
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(o.db + suffix);
  }
  auto store = TRY(Store::open(o.db));
  const std::string data = o.data_dir.empty() ? default_data_dir() : o.data_dir;
  const DemoReport r =
      o.national ? TRY(build_national_demo(*store, data, o.scale)) : TRY(build_demo(*store, data));
  out << "Đã tạo CSDL minh họa " << o.db << ": " << r.units << " đơn vị, " << r.lineage
      << " quan hệ sáp nhập, " << r.observations
      << " số liệu (TỔNG HỢP, không phải số liệu thật)\n";
  return Status::ok();
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Options o;
  DossierOptions dossier;
  o.db = default_db();
  CLI::App app{"NTM Monitor: theo dõi xây dựng nông thôn mới (New Rural Development monitoring)",
               "ntm"};
  app.require_subcommand(1);
  app.fallthrough();  // --db (and --help) may follow any subcommand; inherited by them
  app.add_option("--db", o.db,
                 "SQLite database file or postgresql://user@host:port/name URL"
                 " (default: $NTM_DB or ./ntm.db)");

  app.add_subcommand("init", "Create the database and apply migrations");

  auto* imp =
      app.add_subcommand("import", "Import units, lineage, attributes, criteria, observations");
  imp->require_subcommand(1);
  auto* iu = imp->add_subcommand("units", "GSO unit list: code,name,type,level,parent_code");
  iu->add_option("FILE", o.file)->required();
  iu->add_option("--valid-from", o.valid_from, "First day this structure is in force")->required();
  iu->add_option("--valid-to", o.valid_to, "Last day (default: open)");
  auto* il = imp->add_subcommand("lineage", "Merger mapping: old_code,new_code,relation");
  il->add_option("FILE", o.file)->required();
  il->add_option("--date", o.date, "Day the new units came into force (default 2025-07-01)");
  auto* ia = imp->add_subcommand("attributes", "unit_code,attribute,value,valid_from");
  ia->add_option("FILE", o.file)->required();
  auto* ic = imp->add_subcommand("criteria", "Criteria-set / measures YAML");
  ic->add_option("FILE", o.file)->required();
  ic->add_option("--province", o.province,
                 "A province's own version (applies in that province only, over the national)");
  auto* idp = imp->add_subcommand("departments", "set_id,criterion,department[,department_name]");
  idp->add_option("FILE", o.file)->required();
  idp->add_option("--province", o.province,
                  "The province whose departments these are (may be left out with one province)");
  auto* io = imp->add_subcommand("observations", "unit_code,measure,date,value[,status,note]");
  io->add_option("FILE", o.file)->required();
  io->add_option("--author", o.author, "Recorded as the author (default: import)");
  io->add_option("--status", o.status, "Status for rows without one (default: submitted)");
  auto* ix = imp->add_subcommand("xlsx", "A commune's filled Excel template (from /entry)");
  ix->add_option("FILE", o.file)->required();
  ix->add_option("--author", o.author, "Recorded as the author (default: cli)");
  auto* it = imp->add_subcommand("template",
                                 "A filled template (XLSX or CSV): a commune's or the bulk one");
  it->add_option("FILE", o.file)->required();
  it->add_option("--author", o.author, "Recorded as the author (default: cli)");
  auto* ip = imp->add_subcommand(
      "plans", "Plan framework: unit_code,kind,code,set,target_year,date,criteria_met,note");
  ip->add_option("FILE", o.file)->required();

  auto* irr =
      imp->add_subcommand("recognition-rules", "Recognition rules YAML (docs/recognition.md)");
  irr->add_option("FILE", o.file)->required();
  irr->add_option("--province", o.province, "A province's own version (applies there only)");
  auto* irc = imp->add_subcommand(
      "recognitions", "Recognitions made before: unit_code,title,year,decision_no,decision_date");
  irc->add_option("FILE", o.file)->required();
  irc->add_option("--province", o.province, "Refuse communes of any other province");

  auto* rc = app.add_subcommand("recognition", "Recognitions recorded; the upkeep check");
  rc->require_subcommand(1);
  auto* rcl = rc->add_subcommand("list", "Every recognition and its status on --at (CSV)");
  auto* rcc = rc->add_subcommand(
      "check", "Recognised communes on --at: keeps, at risk, liable to revocation (CSV)");
  for (auto* sub : {rcl, rcc}) {
    sub->add_option("--at", o.at, "Date yyyy-mm-dd (default today)");
    sub->add_option("--province", o.province, "Only this province's communes");
  }

  add_dossier_commands(app, dossier);

  auto* ev = app.add_subcommand("evaluate", "Where units stand against the criteria set");
  ev->add_option("--unit", o.unit, "Unit code");
  ev->add_flag("--all", o.all, "Every unit of --level under --parent");
  ev->add_option("--parent", o.parent, "Parent unit code (with --all; default the whole country)");
  ev->add_option("--level", o.level, "province|district|commune|village (default commune)");
  ev->add_option("--at", o.at, "Date yyyy-mm-dd (default today)");
  ev->add_option("--set", o.set_id, "Criteria set id (default: the one in force)");
  ev->add_flag("--verified-only", o.verified_only, "Count only verified data");
  ev->add_option("--format", o.format, "table|json|csv (default table)");

  auto* ra = app.add_subcommand("reassess", "A merged commune computed from its constituents");
  ra->add_option("--unit", o.unit, "The merged commune's code")->required();
  ra->add_option("--at", o.at, "Date yyyy-mm-dd (default today)");
  ra->add_option("--set", o.set_id,
                 "Criteria set id (default: the one in force before the merger)");
  ra->add_flag("--verified-only", o.verified_only, "Count only verified data");
  ra->add_option("--format", o.format, "table|csv (default table)");

  auto* pl = app.add_subcommand("plan", "Plan framework");
  pl->require_subcommand(1);
  auto* ps = pl->add_subcommand("status", "Achieved / on track / at risk / behind at a date");
  ps->add_option("--unit", o.unit, "Unit code");
  ps->add_option("--parent", o.parent, "Every commune under this unit");
  ps->add_option("--at", o.at, "Date yyyy-mm-dd (default today)");
  ps->add_option("--set", o.set_id, "Criteria set id (default: the one in force)");
  ps->add_flag("--verified-only", o.verified_only, "Count only verified data");
  ps->add_option("--format", o.format, "table|csv (default table)");

  auto* rp = app.add_subcommand("report", "Reports: progress");
  rp->require_subcommand(1);
  auto* rpp = rp->add_subcommand("progress", "Progress-assessment report for a parent unit");
  rpp->add_option("--parent", o.parent, "Parent unit code (province or district)");
  rpp->add_flag("--national", o.national, "The whole country, provinces as rows");
  rpp->add_option("--at", o.at, "Date yyyy-mm-dd (default today)");
  rpp->add_option("--compare", o.compare, "Comparison date (default one year earlier)");
  rpp->add_option("--set", o.set_id, "Criteria set id (default: the one in force)");
  rpp->add_option("--issued", o.issued, "Date printed on the report (default today)");
  rpp->add_flag("--verified-only", o.verified_only, "Count only verified data");
  rpp->add_option("--format", o.format, "html|xlsx|csv|json")->required();
  rpp->add_option("-o,--output", o.output,
                  "Output file (default: standard output; xlsx needs one)");
  std::vector<CLI::App*> table_reports;
  for (const auto& [name, help] : std::vector<std::pair<std::string, std::string>>{
           {"commune", "Commune scorecard (biểu tự đánh giá): --unit CODE"},
           {"department",
            "A department's criteria, gaps and pending verifications: --department CODE"},
           {"sponsor", "A sponsor's commitments, deliveries, reviews: --sponsor CODE"},
           {"directives", "Follow-up of steering-committee conclusions"},
           {"transition",
            "Communes under the old and the current criteria set: --unit CODE (province)"},
           {"recognitions",
            "Recognised communes, a sheet per year: [--year Y] [--province CODE]"}}) {
    auto* sub = rp->add_subcommand(name, help);
    if (name == "commune") sub->add_option("--unit", o.unit, "Commune code")->required();
    if (name == "transition") {
      sub->add_option("--unit", o.unit, "Parent unit code")->required();
      sub->add_option("--set", o.set_id, "Current set id (default: the version in force)");
    }
    if (name == "department")
      sub->add_option("--department", o.department, "Department code")->required();
    if (name == "recognitions") {
      sub->add_option("--year", o.year, "Only this year's recognitions");
      sub->add_option("--province", o.province, "Only this province's communes");
    }
    if (name == "sponsor") sub->add_option("--sponsor", o.sponsor_code, "Sponsor code")->required();
    sub->add_option("--at", o.at, "Date yyyy-mm-dd (default today)");
    sub->add_option("--issued", o.issued, "Date printed on the report (default today)");
    sub->add_flag("--verified-only", o.verified_only, "Count only verified data");
    sub->add_option("--format", o.format, "html|xlsx|csv|json")->required();
    sub->add_option("-o,--output", o.output,
                    "Output file (default: standard output; xlsx needs one)");
    table_reports.push_back(sub);
  }

  auto* tp = app.add_subcommand("template", "Entry template to fill offline (XLSX or CSV)");
  tp->add_option("--unit", o.unit, "A commune: its template");
  tp->add_option("--parent", o.parent,
                 "A province or district: the bulk template (a row per commune)");
  tp->add_option("--period", o.at, "Reporting date yyyy-mm-dd")->required();
  tp->add_option("--format", o.format, "xlsx|csv")->required();
  tp->add_option("-o,--output", o.output, "Output file (default: standard output; xlsx needs one)");

  auto* sv = app.add_subcommand("serve", "Serve the web application");
  sv->add_option("--port", o.port, "Port (default 8080)");
  sv->add_option("--host", o.host, "Address to listen on (default 127.0.0.1)");
  sv->add_option("--evidence-dir", o.evidence_dir,
                 "Evidence files (default: DB file + .evidence; ./ntm-evidence for PostgreSQL)");
  sv->add_flag("--secure-cookies", o.secure_cookies, "Mark cookies Secure (when served over TLS)");
  sv->add_option("--read-db", o.read_db,
                 "A PostgreSQL hot standby for read-only pages (default $NTM_READ_DB); writes"
                 " and a person's reads until the standby has their last write go to --db");
  sv->add_option("--workers", o.workers,
                 "Requests answered at once: worker threads, each with its own database"
                 " connection (default 1)")
      ->check(CLI::Range(1, 64));
  sv->add_option("--statement-timeout", o.statement_timeout,
                 "PostgreSQL: cancel a statement after this many seconds (default 60; 0: never)")
      ->check(CLI::Range(0, 86400));
  sv->add_option(
      "--trusted-proxy", o.trusted_proxies,
      "Address of a proxy in front (nginx) whose X-Forwarded-For is believed; repeatable");
  sv->add_option("--public-url", o.public_url,
                 "The site's public address for canonical links, feeds and the sitemap"
                 " (default $NTM_PUBLIC_URL, else http://HOST:PORT)");

  auto* us = app.add_subcommand("user", "Accounts: add, list, disable, reset-password");
  us->require_subcommand(1);
  auto* ua = us->add_subcommand("add", "Add an account (password on standard input)");
  ua->add_option("--username", o.username)->required();
  ua->add_option("--role", o.role, "office|central|department|commune|sponsor|steering")
      ->required();
  ua->add_option("--unit", o.unit,
                 "Province (office, department), commune (commune officer) or assigned unit "
                 "(sponsor, steering); an account's province follows it");
  ua->add_option("--department", o.department, "Department code (department officer)");
  ua->add_option("--sponsor", o.sponsor, "Sponsor unit code (a sponsor's account)");
  ua->add_option("--name", o.full_name, "The person's full name, e.g. \"Nguyễn Văn An\"");
  ua->add_flag("--password-stdin", o.password_stdin, "Read the password from standard input");
  us->add_subcommand("list", "List accounts (CSV)");
  auto* ud = us->add_subcommand("disable", "Disable an account and end its sessions");
  ud->add_option("USERNAME", o.username)->required();
  auto* ur = us->add_subcommand("reset-password", "Set a new password (standard input)");
  ur->add_option("USERNAME", o.username)->required();
  ur->add_flag("--password-stdin", o.password_stdin, "Read the password from standard input");

  auto* pe =
      app.add_subcommand("periods", "Show or set the reporting periods (default 06-30,12-31)");
  pe->add_option("--set", o.periods,
                 "Period ends in the year, mm-dd ascending: 03-31,06-30,09-30,12-31");

  auto* ph = app.add_subcommand("photo-size",
                                "Show or set the size phones resize evidence photos to (1600)");
  ph->add_option("--set", o.photo_px, "The longer side in pixels, 320-4096");

  auto* bk = app.add_subcommand(
      "backup",
      "Back up the database and evidence files while the server runs (FILE, FILE.evidence/)");
  bk->add_option("--to", o.output, "The backup file to write (must not exist)")->required();
  bk->add_option("--evidence-dir", o.evidence_dir, "Evidence files (default as for serve)");
  auto* rs = app.add_subcommand(
      "restore", "Restore a backup into --db: a new SQLite file or an empty PostgreSQL database");
  rs->add_option("--from", o.file, "The backup file (FILE.evidence/ beside it)")->required();
  rs->add_option("--evidence-dir", o.evidence_dir,
                 "Where the evidence files go (default as for serve)");

  auto* cp = app.add_subcommand(
      "copy", "Copy a whole database between SQLite and PostgreSQL (either way), proved equal");
  cp->add_option("--from", o.file, "The source: an SQLite file or a postgresql:// URL")->required();
  cp->add_option("--to", o.output, "The target: a new SQLite file or an empty PostgreSQL database")
      ->required();

  auto* dm = app.add_subcommand("demo",
                                "Build the demo database (Hà Tĩnh or the country, synthetic data)");
  dm->add_option("--data", o.data_dir, "Data directory (default: the shipped data/)");
  dm->add_flag("--force", o.force, "Replace an existing database (file, or PostgreSQL tables)");
  dm->add_flag("--national", o.national,
               "The whole country (63 then 34 provinces) instead of Hà Tĩnh alone");
  dm->add_option("--scale", o.scale, "With --national: the share of communes kept (0-1]");

  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    return app.exit(e, out, err) == 0 ? 0 : 2;
  }

  Status s;
  if (app.got_subcommand("init")) {
    auto store = Store::open(o.db);
    s = store.status();
    if (s.is_ok()) out << "Cơ sở dữ liệu " << o.db << " sẵn sàng\n";
  } else if (imp->parsed()) {
    for (auto* sub : {iu, il, ia, ic, idp, io, ip, ix, it, irr, irc})
      if (sub->parsed()) s = run_import(sub->get_name(), o, out);
  } else if (dossier.command) {
    s = run_dossier(o.db, evidence_dir(o), dossier, out);
  } else if (rc->parsed()) {
    s = run_recognition(rcl->parsed() ? "list" : "check", o, out);
  } else if (ev->parsed()) {
    s = run_evaluate(o, out);
  } else if (ra->parsed()) {
    s = run_reassess(o, out);
  } else if (ps->parsed()) {
    s = run_plan_status(o, out);
  } else if (tp->parsed()) {
    s = run_template(o, out);
  } else if (rpp->parsed()) {
    s = run_report(o, out);
  } else if (rp->parsed()) {
    for (auto* sub : table_reports)
      if (sub->parsed()) s = run_table_report(sub->get_name(), o, out);
  } else if (sv->parsed()) {
    s = run_serve(o, out);
  } else if (us->parsed()) {
    for (auto* sub : us->get_subcommands()) s = run_user(sub->get_name(), o, out);
  } else if (pe->parsed()) {
    s = run_periods(o, out);
  } else if (ph->parsed()) {
    s = run_photo_size(o, out);
  } else if (cp->parsed()) {
    s = run_copy(o, out);
  } else if (bk->parsed()) {
    s = run_backup(o, out);
  } else if (rs->parsed()) {
    s = run_restore(o, out);
  } else if (dm->parsed()) {
    s = run_demo(o, out);
  }
  if (!s.is_ok()) {
    err << "Lỗi: " << s.message() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace ntm
