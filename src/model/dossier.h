// The recognition dossier (hồ sơ xét công nhận) of a commune for a title and
// year: a state machine driven by the recognition rules (docs/recognition.md).
//   preparing  — the commune: report, postings, comments, survey,
//                declarations, documents; then submits
//   submitted  — the departments appraise their criteria
//   appraised  — every criterion agreed; the office checks the conditions
//                and records the council's vote
//   voted      — the office records the chairman's decision
//   decided    — a recognition is recorded and announced on the portal
// The office returns a dossier to `preparing` at any step with a reason, or
// closes it without a decision (closed, with the reason).
// A revocation dossier (kind "revocation") takes a recognition in force to
// the chairman's decision revoking it: the office opens it when a trigger of
// the rules fires on the verified data (preparing: the commune may file its
// explanation) and submits it; the departments confirm the failing criteria
// they are responsible for (appraised); the council votes; the decision
// ends the recognised status from its date.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"

namespace ntm {

enum class DossierState { kPreparing, kSubmitted, kAppraised, kVoted, kDecided, kClosed };
const char* dossier_state_name(DossierState s);  // preparing, submitted, ...
std::optional<DossierState> parse_dossier_state(const std::string& s);

struct Dossier {
  int64_t id = 0;
  int64_t unit_id = 0;
  std::string unit_code, unit_name;  // read with it (the name on assessed_on)
  std::string kind = "recognition";  // or "revocation"
  std::string title;
  int year = 0;
  DossierState state = DossierState::kPreparing;
  Date assessed_on;  // the criteria are judged on the verified data of this day
  std::string returned_reason;
  // recognition: the recognition decided; revocation: the one it revokes.
  int64_t recognition_id = 0;
  std::string opened_by, opened_at, updated_at;
  bool revocation() const { return kind == "revocation"; }
};

struct DossierPosting {
  int64_t id = 0;
  std::string place;
  Date posted_on;
  std::string note, recorded_by;
};

// One village's answers to one question (question 0 holds no answers: it
// records the village's households and how many were asked).
struct SurveyRow {
  std::string village;
  int question = 0;
  int households = 0, asked = 0, satisfied = 0;
};

struct DossierDeclaration {
  std::string condition;
  bool holds = false;
  std::string note, declared_by, declared_at;
};

struct DossierFile {
  int64_t id = 0;
  int64_t dossier_id = 0;
  std::string document;  // a document code of the rules
  std::string file_name, original_name, content_type;
  int64_t size = 0;
  std::string uploaded_by, uploaded_at;
};

struct DossierAppraisal {
  std::string criterion;
  std::string verdict;  // agree, more
  std::string note, appraised_by, appraised_at;
};

struct DossierVote {
  Date met_on;
  int members = 0, present = 0, agree = 0;
  std::string note, recorded_by;
};

struct DossierComment {
  int64_t id = 0;
  int64_t dossier_id = 0;
  std::string name, body, created_at, client;
  std::string status;  // pending, published, hidden
  std::string answer, answered_by;
};

}  // namespace ntm
