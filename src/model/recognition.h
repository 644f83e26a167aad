// Recognition (xét, công nhận): the rules of a period as data — titles,
// conditions, steps, the dossier's documents, revocation triggers — and the
// recognitions recorded (the chairman's decisions). Format of the rules
// file: docs/recognition.md. A blank (nullopt) value is "chưa quy định":
// shown as such and never applied.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"

namespace ntm {

// Where a value comes from and whether the law's text confirms it
// ("true", "partial", "false").
struct Sourced {
  std::string source;
  std::string confirmed = "false";
  std::string notes;
};

struct RecognitionTitle : Sourced {
  std::string code;  // NTM, NTMNC, NTMKM, NTMHD
  std::string name_vi, name_en;
  std::string set_title;       // the title of the criteria set to be met; "" unknown
  std::string requires_title;  // held first ("" none)
};

// kind: "criteria" (computed from verified data), "declaration" (a fact the
// commune declares with evidence), "survey" (residents' satisfaction).
struct RecognitionCondition : Sourced {
  std::string code, kind, name_vi;
  bool evidence = false;
  std::vector<std::string> titles;  // applies to these titles; empty = all
};

struct PostingRule : Sourced {
  std::optional<double> min_count, within_days;
  std::vector<std::string> places;
};

struct SurveyRule : Sourced {
  std::optional<double> coverage_min_pct;         // households asked / households
  std::optional<double> question_min_pct;         // each question's satisfied share
  std::optional<double> lowest_question_min_pct;  // no question below
  std::optional<double> overall_min_pct;          // the overall question
};

// actor: commune, department, office.
struct RecognitionStep : Sourced {
  std::string code, actor, name_vi;
  std::optional<double> time_limit_days;
  std::optional<double> vote_min_pct;  // the council's step
};

struct RequiredDocument : Sourced {
  std::string code, name_vi;
  bool generated = false;  // produced by the system from the dossier
};

// Fires when failing criteria are >= failing_min_pct (and < failing_below_pct
// when set) of the set's criteria, and, with needs_key, one of them is key.
struct RevocationTrigger {
  double failing_min_pct = 0;
  std::optional<double> failing_below_pct;
  bool needs_key = false;
  std::string name_vi;
};

struct KeyCriterion {
  std::string code, name_vi;
};

struct RecognitionRules : Sourced {
  std::string id, name_vi, name_en, legal_basis;
  Date effective_from;
  Date effective_to = Date::max();
  int64_t province_id = 0;  // a province's own version; 0 national
  std::vector<RecognitionTitle> titles;
  std::vector<RecognitionCondition> conditions;
  PostingRule postings;
  SurveyRule survey;
  std::vector<RecognitionStep> steps;
  std::vector<RequiredDocument> documents;
  Sourced revocation;
  std::vector<KeyCriterion> key_criteria;
  std::vector<RevocationTrigger> triggers;
  Sourced merged;
  std::optional<bool> merged_acknowledgement;  // may a merged commune be acknowledged

  const RecognitionTitle* title(const std::string& code) const {
    for (const RecognitionTitle& t : titles)
      if (t.code == code) return &t;
    return nullptr;
  }
};

// A recognition recorded: the chairman's decision, and its revocation.
struct Recognition {
  int64_t id = 0;
  int64_t unit_id = 0;
  std::string unit_code, unit_name;  // read with it
  std::string title;                 // a rules title code
  int year = 0;
  std::string decision_no;
  Date decision_date;
  std::string signer;
  std::string source;  // legacy (imported), dossier, acknowledged (merged commune)
  std::string revoked_no;
  std::optional<Date> revoked_date;
  std::string revoked_reason;
  std::string note;
  std::string created_by, created_at;

  // In force on `d`: decided on or before it and not yet revoked.
  bool in_force(Date d) const { return decision_date <= d && (!revoked_date || *revoked_date > d); }
};

}  // namespace ntm
