// The data workflow: a commune officer enters values for a period (draft or
// submitted), the department responsible for a criterion verifies or returns
// them, and every change is kept (observation versions) and audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/user.h"
#include "service/evaluate.h"

namespace ntm {

// The department responsible for each measure under a set in a province: the
// departments of the criteria testing it (the province's criterion_department
// overrides the set file).
Result<std::map<std::string, std::vector<std::string>>> measure_departments(Store& store,
                                                                            const CriteriaSet& set,
                                                                            int64_t province);

// The office makes its province's `department` responsible for a criterion of a set (adding
// the department, or renaming it when `department_name` is given), audited
// "department.assign" with the one it replaces.
Status assign_department(Store& store, const User& user, const std::string& set_id,
                         const Criterion& criterion, const std::string& department,
                         const std::string& department_name);

struct EntryField {
  const Criterion* criterion = nullptr;
  const Indicator* indicator = nullptr;
  const Measure* measure = nullptr;
  std::optional<Observation> current;  // this period's value, any status
  std::optional<MeasureValue> last;    // the latest accepted value before the period
  // The period's verified value that `current` would correct (set when the
  // current one is not verified and a verified version of the period exists).
  std::optional<Observation> verified;
};

struct EntryForm {
  UnitVersion unit;
  const CriteriaSet* set = nullptr;
  Date period;
  std::vector<EntryField> fields;  // one per measure, in the order of the set
};

// May this user enter data for this unit? Commune officers: their commune;
// an office: the communes of its province.
Result<bool> may_enter(Store& store, const User& user, int64_t unit_id);
// May this user verify values of a unit of `province` for a measure these
// departments answer for? The province's department, or its office.
bool may_verify(const User& user, int64_t province, const std::vector<std::string>& departments);

// The unit that carried `code` on `at`, else not_found "không có đơn vị mã
// "X" vào ngày yyyy-mm-dd".
Result<UnitVersion> unit_on(Store& store, const std::string& code, Date at);

Result<EntryForm> entry_form(Store& store, const Catalog& catalog, const std::string& unit_code,
                             Date period);

struct FieldError {
  std::string measure;
  std::string message;  // Vietnamese, names what to enter
};

// `notes` (measure -> note, as a template's note column holds them) are
// stored with the values they stand beside; a note without a value, or beside
// an unchanged submitted or verified value, is an error (never dropped).
// Validates every value (type, range; with `complete`, also that every
// measure of the form has a value — typed now or already recorded for the
// period); if any is wrong returns the errors and stores nothing. Otherwise
// stores each changed value as a new draft version with an audit entry.
// Values already recorded unchanged are kept as they are (a verified value
// stays verified). Returns the errors (empty on success).
Result<std::vector<FieldError>> save_entry(Store& store, const EntryForm& form, const User& user,
                                           const std::map<std::string, std::string>& values,
                                           bool complete,
                                           ObservationStatus status = ObservationStatus::kDraft,
                                           const std::map<std::string, std::string>& notes = {});

// A value that would change: the field and the new value.
using EntryChange = std::pair<const EntryField*, double>;
// The checks of save_entry without storing anything (for previews); fills
// `changes` with the values that differ from what is recorded.
std::vector<FieldError> check_entry(const EntryForm& form,
                                    const std::map<std::string, std::string>& values, bool complete,
                                    std::vector<EntryChange>* changes = nullptr,
                                    const std::map<std::string, std::string>& notes = {});

// Submits the period's report after the officer checked it: every measure of
// the form must have a value; drafts and returned values become submitted,
// in one transaction. Returns the fields still missing (nothing stored then).
Result<std::vector<FieldError>> submit_entry(Store& store, const EntryForm& form, const User& user);

struct QueueItem {
  Observation observation;
  UnitVersion unit;
  const Criterion* criterion = nullptr;
  const Indicator* indicator = nullptr;
  std::vector<std::string> departments;
  // The verified value this one would replace: the same period's (a
  // correction) or the latest before it.
  std::optional<Observation> previous;
  bool correction = false;  // previous is of the same period
  // The indicator judged on this value with the unit's threshold for the
  // period's year (threshold unset -> unknown).
  IndicatorResult judged;
};

// Submitted values this user may verify, newest reporting date first.
Result<std::vector<QueueItem>> verification_queue(Store& store, const Catalog& catalog,
                                                  const User& user);

// Verifies (accept) or returns a submitted value with a comment (required
// when returning). Refuses values that are not submitted or not this
// user's department's.
Status review(Store& store, const Catalog& catalog, const User& user, int64_t observation_id,
              bool accept, const std::string& comment);
// The same for several values in one transaction, one audit row each: all
// reviewed, or none (the error names the value refused).
Status review_many(Store& store, const Catalog& catalog, const User& user,
                   const std::vector<int64_t>& observation_ids, bool accept,
                   const std::string& comment);

}  // namespace ntm
