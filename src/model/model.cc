#include <cmath>

#include "model/assessment.h"
#include "model/criteria_set.h"
#include "model/dossier.h"
#include "model/measure.h"
#include "model/observation.h"
#include "model/unit.h"
#include "model/user.h"

namespace ntm {

const char* level_name(Level level) {
  switch (level) {
    case Level::kProvince:
      return "province";
    case Level::kDistrict:
      return "district";
    case Level::kCommune:
      return "commune";
    case Level::kVillage:
      return "village";
  }
  return "?";
}

std::optional<Level> parse_level(std::string_view name) {
  if (name == "province") return Level::kProvince;
  if (name == "district") return Level::kDistrict;
  if (name == "commune") return Level::kCommune;
  if (name == "village") return Level::kVillage;
  return std::nullopt;
}

const char* measure_type_name(MeasureType t) {
  switch (t) {
    case MeasureType::kNumber:
      return "number";
    case MeasureType::kPercent:
      return "percent";
    case MeasureType::kBoolean:
      return "boolean";
  }
  return "?";
}

const char* aggregation_name(Aggregation a) {
  switch (a) {
    case Aggregation::kNone:
      return "none";
    case Aggregation::kSum:
      return "sum";
    case Aggregation::kMean:
      return "mean";
    case Aggregation::kWeightedMean:
      return "weighted_mean";
    case Aggregation::kAll:
      return "all";
    case Aggregation::kAny:
      return "any";
  }
  return "?";
}

const char* observation_status_name(ObservationStatus s) {
  switch (s) {
    case ObservationStatus::kDraft:
      return "draft";
    case ObservationStatus::kSubmitted:
      return "submitted";
    case ObservationStatus::kVerified:
      return "verified";
    case ObservationStatus::kReturned:
      return "returned";
  }
  return "?";
}

std::optional<ObservationStatus> parse_observation_status(std::string_view s) {
  if (s == "draft") return ObservationStatus::kDraft;
  if (s == "submitted") return ObservationStatus::kSubmitted;
  if (s == "verified") return ObservationStatus::kVerified;
  if (s == "returned") return ObservationStatus::kReturned;
  return std::nullopt;
}

const char* role_name(Role r) {
  switch (r) {
    case Role::kAdmin:
      return "admin";
    case Role::kDepartment:
      return "department";
    case Role::kCommune:
      return "commune";
    case Role::kSponsor:
      return "sponsor";
    case Role::kSteering:
      return "steering";
    case Role::kCentral:
      return "central";
  }
  return "?";
}

std::optional<Role> parse_role(std::string_view s) {
  if (s == "office") return Role::kAdmin;
  for (Role r : {Role::kAdmin, Role::kDepartment, Role::kCommune, Role::kSponsor, Role::kSteering,
                 Role::kCentral}) {
    if (s == role_name(r)) return r;
  }
  return std::nullopt;
}

const char* op_symbol(Op op) {
  switch (op) {
    case Op::kGe:
      return ">=";
    case Op::kGt:
      return ">";
    case Op::kLe:
      return "<=";
    case Op::kLt:
      return "<";
    case Op::kEq:
      return "=";
  }
  return "?";
}

std::optional<Op> parse_op(std::string_view s) {
  if (s == ">=") return Op::kGe;
  if (s == ">") return Op::kGt;
  if (s == "<=") return Op::kLe;
  if (s == "<") return Op::kLt;
  if (s == "=") return Op::kEq;
  return std::nullopt;
}

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::kMet:
      return "met";
    case Outcome::kNotMet:
      return "not_met";
    case Outcome::kUnknown:
      return "unknown";
  }
  return "?";
}

int CriteriaSet::band_of(int met) const {
  for (size_t i = 0; i < bands.size(); ++i)
    if (met >= bands[i].min_met) return static_cast<int>(i);
  return static_cast<int>(bands.size()) - 1;
}

bool CriteriaSet::applies_to(const UnitVersion& u) const {
  if (u.level != level) return false;
  if (unit_types.empty()) return true;
  for (const auto& t : unit_types)
    if (t == u.type) return true;
  return false;
}

int CriteriaSet::shipped_indicators() const {
  int n = 0;
  for (const Criterion& c : criteria) n += static_cast<int>(c.indicators.size());
  return n;
}

std::vector<Band> default_bands(int n) {
  // Lower bounds of the usual 19-criteria bands (19, 15, 10, 5), scaled to n.
  auto scaled = [n](int of19) { return static_cast<int>(std::ceil(n * of19 / 19.0)); };
  auto range = [](int lo, int hi) {
    return lo == hi ? std::to_string(lo) : std::to_string(lo) + "-" + std::to_string(hi);
  };
  std::vector<Band> out = {{n, std::to_string(n)}};
  int upper = n - 1;  // the highest count no band holds yet
  for (const int lo : {scaled(15), scaled(10), scaled(5)}) {
    if (lo > upper) continue;  // an empty band on a small set (e.g. "2-1" of 2 criteria)
    out.push_back({lo, range(lo, upper)});
    upper = lo - 1;
  }
  if (upper >= 0) out.push_back({0, upper == 0 ? "0" : "<" + std::to_string(upper + 1)});
  return out;
}

}  // namespace ntm

namespace ntm {

const char* dossier_state_name(DossierState s) {
  switch (s) {
    case DossierState::kPreparing:
      return "preparing";
    case DossierState::kSubmitted:
      return "submitted";
    case DossierState::kAppraised:
      return "appraised";
    case DossierState::kVoted:
      return "voted";
    case DossierState::kDecided:
      return "decided";
    case DossierState::kClosed:
      return "closed";
  }
  return "preparing";
}

std::optional<DossierState> parse_dossier_state(const std::string& s) {
  for (DossierState d :
       {DossierState::kPreparing, DossierState::kSubmitted, DossierState::kAppraised,
        DossierState::kVoted, DossierState::kDecided, DossierState::kClosed})
    if (s == dossier_state_name(d)) return d;
  return std::nullopt;
}

}  // namespace ntm
