// Recognition (xét, công nhận): the rules of each period (rules as data,
// docs/recognition.md), the recognitions recorded — imported from before the
// system or decided through it — the recognised standing of a commune at a
// date, kept apart from the computed one, and the yearly upkeep check of
// recognised communes against the set in force (keeps / at risk / liable to
// revocation under the rules' triggers).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/recognition.h"
#include "model/user.h"
#include "service/evaluate.h"
#include "service/importer.h"
#include "store/store.h"

namespace ntm {

// The rules of every period, parsed once.
class RecognitionBook {
 public:
  static Result<RecognitionBook> load(Store& store);
  const std::vector<std::unique_ptr<RecognitionRules>>& all() const { return rules_; }
  // The rules in force on `d`: the province's own version first, else the
  // national one; nullptr when none.
  const RecognitionRules* in_force(Date d, int64_t province = 0) const;
  // A title of any period (the latest period that defines it).
  const RecognitionTitle* title(const std::string& code) const;

 private:
  std::vector<std::unique_ptr<RecognitionRules>> rules_;
};

// A rules YAML document; with `province_code` that province's own version.
// A version may not overlap another of the same scope (national or the
// province's) unless it has the same id (then it replaces it).
Result<ImportCounts> import_recognition_rules(Store& store, const std::string& file,
                                              const std::string& text,
                                              const std::string& province_code = "");

// The recognitions made before the system: CSV/XLSX
// unit_code,title,year,decision_no,decision_date[,signer,revoked_no,
// revoked_date,revoked_reason,note]. Every row is checked (the commune exists
// on the decision date, the title is known, the year is the decision's or the
// one before, no duplicate in the file or the database, within `province`
// when given); nothing is written unless every row is right; audited.
Result<ImportCounts> import_recognitions(Store& store, const std::string& file,
                                         const std::string& text, const std::string& actor,
                                         int64_t province = 0);

// The recognitions in force on `at`, the latest per title, from `all` (one
// unit's, oldest first).
std::vector<Recognition> in_force_at(const std::vector<Recognition>& all, Date at);

// "QĐ số 12/QĐ-UBND ngày 03/02/2023".
std::string decision_label(const std::string& number, Date date);

enum class Upkeep { kKeeps, kAtRisk, kRevocable, kUnknown };
const char* upkeep_name(Upkeep u);  // keeps, at_risk, revocable, unknown
std::string upkeep_label(Upkeep u);  // "Giữ chuẩn", "Có nguy cơ", "Thuộc diện thu hồi", ...

struct UpkeepRow {
  Recognition recognition;
  std::string unit_name;  // on the date checked
  Upkeep status = Upkeep::kUnknown;
  int criteria_total = 0, failing = 0, unknown = 0;
  std::vector<std::string> failing_codes;  // criteria not met
  std::vector<std::string> failing_key;    // of which key criteria (rules)
  std::string reason;                      // the trigger, or why unknown
  std::string trigger;                     // the trigger that fired (rules text)
  bool triggers_unset = false;             // the rules in force have none
};

// One recognised commune judged from its assessment under `rules` (those in
// force on the assessment's date; nullptr: none) and the recognised title.
UpkeepRow upkeep_of(const Recognition& r, const Assessment& a, const RecognitionTitle* title,
                    const RecognitionRules* rules);

// Every recognition in force on `at` (of `province`'s units; 0 every one)
// checked against the verified data on `at` under the set in force: keeps
// (every criterion met), at risk (a criterion not met), liable to revocation
// (a trigger of the rules in force fires), unknown (not every criterion can
// be decided, or the commune no longer exists on `at`).
Result<std::vector<UpkeepRow>> upkeep_check(Store& store, const Catalog& catalog,
                                            const RecognitionBook& book, int64_t province, Date at);

// The province's office acknowledges ("thừa nhận") a commune formed by a
// merger as holding `title` from `date`: every commune it was formed from
// held the title the day before the merger. Refused where the rules in force
// on `date` say no acknowledgement (the commune then follows the ordinary
// road); where they are silent the office decides (docs/recognition.md).
// Recorded as a recognition with source "acknowledged", naming the
// constituents' decisions; audited.
Result<int64_t> acknowledge_merged(Store& store, const RecognitionBook& book, const User& user,
                                   const std::string& code, const std::string& title,
                                   const std::string& number, Date date, const std::string& note);

}  // namespace ntm
