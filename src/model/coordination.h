// Coordination: a unit's plan framework, work items and their owners,
// sponsor units with commitments, deliveries and reviews, steering-committee
// meetings with their conclusions. Money is whole VND.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"

namespace ntm {

struct PlanCriterion {
  std::string set_id;
  std::string criterion;
  int target_year = 0;
};

struct Milestone {
  Date date;
  int criteria_met = 0;  // criteria planned to be met by `date`
  std::string note;
};

// A unit's plan framework (khung kế hoạch).
struct Plan {
  int64_t unit_id = 0;
  std::string title;  // the title aimed for, e.g. "NTM"
  int target_year = 0;
  std::string note;
  std::vector<PlanCriterion> criteria;
  std::vector<Milestone> milestones;  // by date
  std::string updated_by;
  std::string updated_at;
};

// Who answers for a work item or a conclusion.
enum class OwnerKind { kDepartment, kSponsor, kCommune };
const char* owner_kind_name(OwnerKind k);  // "department", "sponsor", "commune"
std::optional<OwnerKind> parse_owner_kind(std::string_view s);

enum class WorkStatus { kPlanned, kInProgress, kDone, kCancelled };
const char* work_status_name(WorkStatus s);  // "planned", "in_progress", "done", "cancelled"
std::optional<WorkStatus> parse_work_status(std::string_view s);

// A work item (phần việc).
struct WorkItem {
  int64_t id = 0;
  std::string title;
  int64_t unit_id = 0;
  std::string set_id;  // with criterion: the criterion it serves (optional)
  std::string criterion;
  OwnerKind owner_kind = OwnerKind::kCommune;
  std::string owner_code;  // department or sponsor code; "" for the commune itself
  Date start;
  Date due;
  WorkStatus status = WorkStatus::kPlanned;
  int progress = 0;  // percent
  int64_t budget = 0;
  int64_t spent = 0;
  std::string note;
  std::string done_date;  // ISO date when marked done
  std::string updated_by;
  std::string updated_at;
  int64_t province_id = 0;  // its unit's province (read, not written)

  // Not finished (or cancelled) and its due date is before `at`.
  bool overdue(Date at) const {
    return (status == WorkStatus::kPlanned || status == WorkStatus::kInProgress) && due < at;
  }
};

// A file attached to a work item (stored like evidence: checked by content,
// random name outside the web root).
struct WorkItemFile {
  int64_t id = 0;
  int64_t work_item_id = 0;
  std::string file_name;      // random, in the files directory
  std::string original_name;  // as the browser sent it, without any path
  std::string content_type;
  int64_t size = 0;
  std::string uploaded_by;
  std::string uploaded_at;
};

struct Sponsor {
  std::string code;
  std::string name;
  int64_t province_id = 0;  // the office that recorded it; 0: not assigned
};

// A sponsor's commitment to a unit.
struct Sponsorship {
  int64_t id = 0;
  std::string sponsor;
  int64_t unit_id = 0;
  Date since;
  Date until = Date::max();
  std::string program;
  std::string tasks;
  int64_t money_pledged = 0;
  std::string in_kind_pledged;
  int64_t province_id = 0;  // its unit's province (read, not written)
};

struct Delivery {
  int64_t id = 0;
  int64_t sponsorship_id = 0;
  Date date;
  int64_t money = 0;
  std::string in_kind;
  std::string description;
  std::string recorded_by;
};

struct Review {
  int64_t sponsorship_id = 0;
  Date due;
  Date done;
  std::string findings;
  std::string recorded_by;
};

struct Meeting {
  int64_t id = 0;
  Date date;
  std::string chair;
  std::string title;
  std::string minutes;
  std::string created_by;
  int64_t province_id = 0;  // the province whose steering committee met
};

// What a conclusion is for: an owner (department, sponsor, commune, every
// sponsor), a unit it is about, or a criterion.
struct ConclusionLink {
  std::string kind;  // department | sponsor | commune | all_sponsors | unit | criterion
  std::string code;  // department/sponsor code, unit id, criterion code; "" for all_sponsors
  bool operator==(const ConclusionLink&) const = default;
};

enum class ConclusionStatus { kOpen, kInProgress, kDone };
const char* conclusion_status_name(ConclusionStatus s);  // "open", "in_progress", "done"
std::optional<ConclusionStatus> parse_conclusion_status(std::string_view s);

struct ConclusionReport {
  int64_t id = 0;
  int64_t conclusion_id = 0;
  Date date;
  std::string author;  // username
  std::string owner;   // whom the author reported for, e.g. "department:SYT"
  int progress = 0;
  std::string text;
};

struct Conclusion {
  int64_t id = 0;
  int64_t meeting_id = 0;
  int position = 0;  // 1, 2, ... within the meeting
  std::string text;
  std::string deadline;  // ISO date or ""
  ConclusionStatus status = ConclusionStatus::kOpen;
  std::string created_at;
  std::vector<ConclusionLink> links;
  std::vector<ConclusionReport> reports;  // oldest first
  int64_t province_id = 0;                // its meeting's province (read, not written)
};

}  // namespace ntm
