// The recognition dossier's use cases (model/dossier.h has the states). Each
// checks who may act — the commune officer of the commune, a department of
// its province for its criteria, the province's office — runs in one
// transaction and writes an audit entry ("dossier.<step>", subject
// "dossier:<id>"). The checklist says, from the rules in force on the
// assessment date, what is done, what is missing and what the rules leave
// "chưa quy định" (never required).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/dossier.h"
#include "model/user.h"
#include "service/evaluate.h"
#include "service/recognition.h"
#include "store/store.h"

namespace ntm {

// What the rules and the data say of a dossier now.
struct DossierContext {
  Dossier dossier;
  const RecognitionRules* rules = nullptr;  // in force on assessed_on
  const RecognitionTitle* title = nullptr;
  Assessment assessment;  // verified data on assessed_on, the set in force
  int64_t province = 0;
  std::optional<Recognition> recognition;  // decided, or (revocation) to be revoked
};
Result<DossierContext> dossier_context(Store& store, const Catalog& catalog,
                                       const RecognitionBook& book, int64_t dossier_id);
// The same for a dossier not yet stored (the checks before opening it).
Result<DossierContext> context_of(Store& store, const Catalog& catalog, const RecognitionBook& book,
                                  Dossier dossier);

// A revocation dossier's grounds: its recognition judged on the dossier's
// verified data under the rules in force (revocable when a trigger fires).
UpkeepRow revocation_grounds(const DossierContext& ctx);

enum class CheckState { kOk, kMissing, kNotSet };
const char* check_state_name(CheckState s);  // ok, missing, not_set
struct CheckItem {
  std::string code;   // criteria, postings, comments, survey, <condition>, doc:<document>
  std::string label;  // what is checked (Vietnamese, from the rules)
  CheckState state = CheckState::kMissing;
  std::string detail;  // why, in figures
};
// Every item must be kOk or kNotSet before the commune submits. A
// revocation dossier has one item: its grounds.
Result<std::vector<CheckItem>> check_dossier(Store& store, const DossierContext& ctx);

// Satisfaction rates of the survey: coverage and each question's share.
struct SurveyRates {
  int households = 0, asked = 0;
  std::vector<std::pair<int, double>> questions;  // question -> satisfied %
};
SurveyRates survey_rates(const std::vector<SurveyRow>& rows);

// The commune officer of the commune; the departments, office and steering
// members of its province; the central office.
// Criterion code -> the department responsible for it in the province (the
// province's own assignments over the set file's).
Result<std::map<std::string, std::string>> criterion_department(Store& store,
                                                                const CriteriaSet& set,
                                                                int64_t province);

// The criteria a dossier's appraisal covers and the department of each:
// every criterion of the set (recognition), or the failing ones
// (revocation: the departments confirm they are not met).
Result<std::map<std::string, std::string>> appraised_criteria(Store& store,
                                                              const DossierContext& ctx);

Result<bool> may_read_dossier(Store& store, const User& user, const Dossier& d);

// The commune (its verified data meets the title on `assessed`, a day of
// the year or early the next, usually a period end) or the province's office
// opens a dossier for (commune, title, year).
Result<int64_t> open_dossier(Store& store, const Catalog& catalog, const RecognitionBook& book,
                             const User& user, const std::string& code, const std::string& title,
                             int year, Date assessed);
// The province's office opens a revocation dossier for the recognition of
// `title` in force on `assessed` when a trigger of the rules fires on the
// verified data of that day.
Result<int64_t> open_revocation(Store& store, const Catalog& catalog, const RecognitionBook& book,
                                const User& user, const std::string& code, const std::string& title,
                                Date assessed);
// While preparing (the commune or the office):
Status record_posting(Store& store, const User& user, int64_t id, const DossierPosting& p);
Status record_survey(Store& store, const User& user, int64_t id,
                     const std::vector<SurveyRow>& rows);
// The survey's spreadsheet (CSV, or XLSX read as CSV by table_text):
// village,question,households,asked,satisfied — question 0 is the village's
// households and how many were asked. Errors name the file, row and column.
Result<std::vector<SurveyRow>> parse_survey_table(const std::string& csv, const std::string& file);
Status record_declaration(Store& store, const RecognitionBook& book, const User& user, int64_t id,
                          const DossierDeclaration& d);
Result<DossierFile> add_dossier_file(Store& store, const std::string& dir, const User& user,
                                     int64_t id, const std::string& document,
                                     const std::string& original_name, std::string_view data);
Status submit_dossier(Store& store, const Catalog& catalog, const RecognitionBook& book,
                      const User& user, int64_t id);
// A department (its criteria) or the office: agree / more, with a note. When
// every criterion is agreed the dossier is appraised.
Status appraise(Store& store, const Catalog& catalog, const RecognitionBook& book, const User& user,
                int64_t id, const std::string& criterion, const std::string& verdict,
                const std::string& note);
// The office: the council's vote (the rules' agreeing share when set), then
// the chairman's decision (a recognition recorded from its date). Both check
// again that the verified data meets the title.
Status record_vote(Store& store, const Catalog& catalog, const RecognitionBook& book,
                   const User& user, int64_t id, const DossierVote& v);
Result<int64_t> record_decision(Store& store, const Catalog& catalog, const RecognitionBook& book,
                                const User& user, int64_t id, const std::string& number, Date date,
                                const std::string& signer);
// The office sends the dossier back to the commune with a reason.
Status return_dossier(Store& store, const User& user, int64_t id, const std::string& reason);
// The office closes a dossier without a decision (withdrawn; a revocation
// not pursued because the commune recovered), with the reason.
Status close_dossier(Store& store, const User& user, int64_t id, const std::string& reason);

// What an open dossier waits for, from whom and by when: postings not yet
// complete (the rules' window from the first posting), a return to answer,
// comments to moderate or answer (the commune); criteria not yet appraised
// (their departments, the rules' appraisal time limit from submission); the
// council's vote and the decision (the office). `due` is unset where the
// rules set no time limit ("chưa quy định").
struct DossierDuty {
  Dossier dossier;
  std::string kind;  // postings, returned, comments, appraisal, vote, decision
  std::string text;  // Vietnamese, in figures
  std::optional<Date> due;
  std::vector<std::string> departments;  // appraisal: who has criteria left
  int64_t province = 0;                  // the commune's
};
// The open dossiers of `province` (0: every province) or, with `unit_id`, of
// one commune. A function of the data alone (whether a deadline has passed
// is the reader's "today").
Result<std::vector<DossierDuty>> dossier_duties(Store& store, const Catalog& catalog,
                                                const RecognitionBook& book, int64_t province,
                                                int64_t unit_id);
// Whether the duty is the user's to do: the commune's for its commune
// officer, an appraisal for a department with criteria left, the rest for
// the province's office.
bool duty_of(const User& user, const DossierDuty& duty);

// A resident's comment on the published draft (no account): while
// preparing; name ≤ 100 and text 1-2000 characters; at most 3 per client in
// 10 minutes and 20 a day. Stored pending until moderated.
Status add_comment(Store& store, int64_t id, const std::string& name, const std::string& body,
                   const std::string& client);
// The office or the commune publishes or hides a comment and answers it.
Status moderate(Store& store, const User& user, int64_t comment_id, int64_t dossier_id,
                const std::string& status, const std::string& answer);

}  // namespace ntm
