// Coordination use cases: who may see and change work items, sponsorships
// and conclusions; overdue detection; six-monthly sponsor review duties;
// in-app notifications; the "before the meeting" briefing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/coordination.h"
#include "model/user.h"
#include "service/dossier.h"
#include "service/plans.h"

namespace ntm {

// --- scope --------------------------------------------------------------------
// May the user see this unit's coordination data (on `at`)? The office,
// departments: every unit; steering members and sponsors: their assigned
// units and below; a commune officer: their commune.
Result<bool> may_see_unit(Store& store, const User& user, int64_t unit_id, Date at);
// Is the user (one of) the owner(s) of the item? The office owns everything.
bool owns(const User& user, const WorkItem& w);
bool owns(const User& user, const Conclusion& c);
// "department:SYT", "sponsor:VCB", "commune" — how an owner is written.
std::string owner_key(OwnerKind kind, const std::string& code);

// --- work items ------------------------------------------------------------------
struct WorkFilter {
  std::string owner;      // owner_key, "" any
  int64_t unit_id = 0;    // 0 any
  std::string criterion;  // "" any
  std::string status;     // work_status_name, "overdue", "" any
};
// The items the user may see, filtered; the user's own first, then by due date.
Result<std::vector<WorkItem>> work_items_for(Store& store, const User& user,
                                             const WorkFilter& filter, Date at);
// The office creates items (checked: title, dates, owner known, unit exists).
Result<int64_t> create_work_item(Store& store, const User& user, WorkItem w);
// Owners (and the office) report status, progress, spending and a note.
Status update_work_progress(Store& store, const User& user, int64_t id, WorkStatus status,
                            int progress, int64_t spent, const std::string& note);

// Attaches a file (PDF, JPEG, PNG; checked by content) to a work item: its
// owners and the office. Files live in `dir` under random names.
Result<WorkItemFile> add_work_file(Store& store, const std::string& dir, const User& user,
                                   int64_t work_item_id, const std::string& name,
                                   std::string_view data);
// Who may see a work item (and its files): its owners and those whose scope
// holds its unit.
Result<bool> may_see_work_item(Store& store, const User& user, const WorkItem& w, Date at);

// --- sponsors -----------------------------------------------------------------------
struct ReviewDuty {
  Date due;  // 30/06 or 31/12
  std::optional<Review> done;
  bool overdue = false;  // due before `at` and not recorded
};
// The six-monthly reviews a commitment asks for: every 30/06 and 31/12 from
// its start until its end, up to the first one after `at`.
std::vector<ReviewDuty> review_duties(const Sponsorship& s, const std::vector<Review>& done,
                                      Date at);

struct SponsorshipView {
  Sponsorship sponsorship;
  std::string sponsor_name;
  std::optional<UnitVersion> unit;
  std::vector<Delivery> deliveries;
  int64_t money_delivered = 0;
  std::vector<ReviewDuty> duties;
};
// Commitments the user may see (sponsor "" any, unit 0 any), with ledger and duties.
Result<std::vector<SponsorshipView>> sponsorship_views(Store& store, const User* user,
                                                       const std::string& sponsor, int64_t unit_id,
                                                       Date at);
// The office records a sponsor (added or renamed) and its commitment to a
// unit, in one transaction, audited "sponsor.commit". Returns the id.
Result<int64_t> commit_sponsorship(Store& store, const User& user, const Sponsor& sponsor,
                                   const Sponsorship& commitment, const std::string& unit_name);
// The sponsor itself or the office records deliveries and reviews.
Status record_delivery(Store& store, const User& user, Delivery d);
Status record_review(Store& store, const User& user, Review r);
bool may_act_for_sponsorship(const User& user, const Sponsorship& s);

// --- directives -------------------------------------------------------------------------
Result<int64_t> create_meeting(Store& store, const User& user, Meeting m);
Result<int64_t> add_conclusion(Store& store, const User& user, Conclusion c);
// An owner reports progress; the office may also close (done) or reopen.
Status report_on_conclusion(Store& store, const User& user, int64_t conclusion_id, int progress,
                            const std::string& text, std::optional<ConclusionStatus> status);
bool conclusion_overdue(const Conclusion& c, Date at);

// --- notifications -------------------------------------------------------------------------
struct Notification {
  // due_soon, overdue, returned, directive, review_due; a recognition
  // dossier's: dossier_postings, dossier_returned, dossier_comments,
  // dossier_appraisal, dossier_vote, dossier_decision (overdue past the
  // rules' time limit)
  std::string kind;
  std::string text;  // what it is about, as people wrote it (title, reason, unit)
  std::string href;
  std::string date;  // ISO: due date, or when it happened
  bool is_new = false;
  std::string measure;  // "returned": the measure returned (the page names it)
};
inline constexpr int kDueSoonDays = 14;
// With `duties` (dossier_duties of the user's scope or wider), those that
// are the user's too.
Result<std::vector<Notification>> notifications_for(
    Store& store, const User& user, Date today, const std::vector<DossierDuty>* duties = nullptr);
// The user has read their notifications now (what is "new" is what came later).
Status mark_notifications_seen(Store& store, const User& user);

// --- before the meeting -----------------------------------------------------------------------
struct BriefingUnit {
  PlanRow row;
  std::vector<std::pair<const Criterion*, std::string>> missing;  // criterion, department
  std::vector<SponsorshipView> sponsors;
  std::vector<WorkItem> overdue;
};
struct Briefing {
  UnitVersion scope;
  std::vector<BriefingUnit> units;  // behind, then at risk, then no data / no plan
  int on_track = 0, achieved = 0;
  std::vector<WorkItem> overdue;  // every overdue item in scope
  std::vector<std::pair<Meeting, Conclusion>> open_conclusions;
  // With the recognition rules: the open dossiers of the scope and what each
  // waits for ("chờ thẩm định", "công bố chưa đủ"), and the recognised
  // communes at risk or liable to revocation on the date.
  std::vector<DossierDuty> dossiers;
  std::vector<UpkeepRow> upkeep;
};
Result<Briefing> build_briefing(Store& store, const Catalog& catalog, const User& user,
                                const std::string& scope_code, const EvaluateOptions& opts,
                                const RecognitionBook* book = nullptr);

}  // namespace ntm
