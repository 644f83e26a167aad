// Store: every read and write of NTM Monitor's data goes through this class.
//
// The SQL is written once in the common dialect (see db.h) and runs on any
// Connection, so a PostgreSQL backend needs only its Connection and its
// migrations (migrations/postgres, same numbers as migrations/sqlite).
// Dates are stored as ISO text "yyyy-mm-dd"; an open end is "9999-12-31".
//
// Thread safety: one Store per thread (it owns one Connection and caches
// prepared statements). Writes that must be all-or-nothing run inside
// transaction().
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/status.h"
#include "model/article.h"
#include "model/coordination.h"
#include "model/dossier.h"
#include "model/measure.h"
#include "model/observation.h"
#include "model/recognition.h"
#include "model/unit.h"
#include "model/user.h"
#include "store/db.h"

namespace ntm {

// A criteria set as stored: its YAML document plus the keys used to pick it.
struct StoredCriteriaSet {
  std::string id;
  std::string series;
  Date effective_from;
  Date effective_to;
  std::string document;
  int64_t province_id = 0;  // a province's own version (applies there only); 0: national
};

// Recognition rules of a period as stored: the YAML document and its keys.
struct StoredRecognitionRules {
  std::string id;
  Date effective_from;
  Date effective_to;
  int64_t province_id = 0;  // a province's own version; 0 national
  std::string document;
};

// A version of a criteria set being prepared in the editor.
struct CriteriaDraft {
  std::string id;
  std::string base_id;
  std::string document;
  std::string created_by;
  std::string created_at;
  std::string updated_at;
  int64_t province_id = 0;  // the office preparing it; 0: the central office
};

// A cached statement in use; resets it when dropped so that no read stays
// open (an open read would pin an old snapshot and block COMMIT).
class StatementRef {
 public:
  explicit StatementRef(Statement* s) : s_(s) {}
  StatementRef(StatementRef&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
  StatementRef(const StatementRef&) = delete;
  StatementRef& operator=(const StatementRef&) = delete;
  ~StatementRef() {
    if (s_) s_->reset();
  }
  Statement* operator->() const { return s_; }
  Statement& operator*() const { return *s_; }

 private:
  Statement* s_;
};

// The bits of observation.shown (migration 0012): which views count a row.
// A new version of `status` with nothing before it: verified 3, submitted 1,
// draft or returned 0. The bit of a view: self-assessed 1, verified only 2.
int64_t shown_bits(ObservationStatus status);
int64_t view_bit(bool verified_only);
// observation.status: the enum's value (0 draft, 1 submitted, 2 verified,
// 3 returned; migration 0018).
int64_t status_code(ObservationStatus status);
Result<ObservationStatus> status_of_code(int64_t code);
// The status a counted row (shown != 0) stands for in a view: verified, or
// else submitted (a draft or return counts its earlier verified version).
ObservationStatus counted_status(int64_t code);

class Store {
 public:
  // Opens an SQLite file (":memory:" for tests) and applies pending migrations.
  static Result<std::unique_ptr<Store>> open_sqlite(const std::string& path);
  // Opens `db`: a postgresql:// URL or an SQLite file; migrates it.
  // On PostgreSQL a statement running longer than statement_timeout_ms is
  // cancelled (0: never).
  static Result<std::unique_ptr<Store>> open(const std::string& db,
                                             int statement_timeout_ms = 60000);
  // Opens a PostgreSQL hot standby for reads (ntm serve --read-db): no
  // migration (the standby replays the primary's); a write fails there.
  static Result<std::unique_ptr<Store>> open_replica(const std::string& url,
                                                     int statement_timeout_ms = 60000);

  // Opens without migrating (a restore's target, a copy's source).
  static Result<std::unique_ptr<Store>> open_unmigrated(const std::string& db,
                                                        int statement_timeout_ms = 60000);

  explicit Store(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  // Another connection to the same database, not migrated, for reading on
  // another thread (evaluate_each); on SQLite with a smaller page cache (the
  // operating system's cache holds the file for both). Fails for a database
  // in memory or a Store made from a bare connection.
  Result<std::unique_ptr<Store>> open_twin();

  // Applies every migration newer than the schema version, each in its own
  // transaction together with the version bump (on PostgreSQL under an
  // advisory lock: instances starting together migrate once).
  Status migrate();
  // Told how long work inside migrations goes (the observation table's
  // conversion): step name, done, total. Process-wide; the CLI shows it on
  // a terminal.
  using Progress = std::function<void(const std::string& step, int64_t done, int64_t total)>;
  static void set_progress(Progress progress);
  std::string backend() const { return conn_->backend(); }
  // The version the migrations reached (a read: also on a standby).
  Result<int> schema_version();
  Result<size_t> count_schema_versions();  // rows recorded: one per migration applied
  // The database's size on disk, in bytes.
  Result<int64_t> database_bytes();
  // Tables of the database (of its schema on PostgreSQL), oldest first.
  Result<std::vector<std::string>> table_names();
  // --- a whole database copied (copy.cc) --------------------------------------
  struct Column {
    std::string name;
    char kind;  // 'i' integer or boolean, 'r' real, 't' text, 'b' bytes
  };
  // The stored (not generated) columns of a table, in order.
  Result<std::vector<Column>> columns(const std::string& table);
  // Adds every row of `table` in `source` to the same table here (COPY on
  // PostgreSQL); returns the rows copied.
  Result<int64_t> copy_table_from(Store& source, const std::string& table,
                                  const std::vector<Column>& cols);
  struct TableSum {
    int64_t rows = 0;
    std::string checksum;  // of the rows' values, whatever their order
  };
  Result<TableSum> table_sum(const std::string& table, const std::vector<Column>& cols);
  // The tables the table's foreign keys refer to.
  Result<std::vector<std::string>> referenced_tables(const std::string& table);
  // Whether the table has any row.
  Result<bool> has_rows(const std::string& table);
  // Deletes every row of the table (inside a copy's transaction).
  Status delete_all(const std::string& table);
  // Inside a transaction: foreign keys are checked at its commit (SQLite;
  // PostgreSQL checks them at the end of each COPY).
  Status defer_foreign_keys();
  // The first and last dates of any value, if there is one.
  Result<std::optional<std::pair<Date, Date>>> observation_date_range();
  // After rows were copied in: PostgreSQL's id sequences set past them; the
  // article search index rebuilt.
  Status after_copy(const std::vector<std::string>& tables);
  // SQLite: a compact, consistent copy of the database in a new file, taken
  // in one read transaction while others write (VACUUM INTO).
  Status backup_into(const std::string& path);

  // Runs fn inside BEGIN/COMMIT; rolls back and returns fn's error on failure.
  // Inside another transaction() it joins that one (all or nothing together).
  Status transaction(const std::function<Status()>& fn);
  // Runs fn inside one read transaction: every read sees the same data, and
  // the file is locked once rather than once per statement. Not a write: the
  // data version does not change. Joins an enclosing transaction.
  Status read(const std::function<Status()>& fn);

  // --- units ---------------------------------------------------------------
  // The entity with this code, level and name (without type prefix), if any.
  Result<std::optional<int64_t>> find_unit(const std::string& code, Level level,
                                           const std::string& base_name);
  Result<int64_t> insert_unit(const std::string& code, Level level, const std::string& base_name);
  Result<std::vector<UnitVersion>> unit_versions(int64_t unit_id);
  Status insert_unit_version(const UnitVersion& v);
  Status set_unit_version_validity(int64_t version_id, Date from, Date to);
  // Every version of any entity that had this code.
  Result<std::vector<UnitVersion>> versions_with_code(const std::string& code);
  // The unit that carried `code` on `date`.
  Result<std::optional<UnitVersion>> unit_at(const std::string& code, Date date);
  Result<std::optional<UnitVersion>> unit_version_at(int64_t unit_id, Date date);
  // The versions on `date` of many units, in one statement per 1,000
  // (PostgreSQL; one each on SQLite).
  Result<std::vector<UnitVersion>> unit_versions_at(const std::vector<int64_t>& ids, Date date);
  // Units of `level` below `ancestor_id` (at any depth) on `date`, by code.
  Result<std::vector<UnitVersion>> descendants_at(int64_t ancestor_id, Level level, Date date);
  // Units without a parent (provinces) on `date`, by code.
  Result<std::vector<UnitVersion>> top_level_units(Date date);
  Result<int> count_units();

  // keep_share: leave a share already stored when `l` has none.
  Status upsert_lineage(const Lineage& l, bool keep_share = false);
  // Links where the unit is the new side (merged from) or the old side (into).
  Result<std::vector<Lineage>> lineage_of(int64_t unit_id);
  // Every unit once, with its latest version (for search), by level and code.
  Result<std::vector<UnitVersion>> latest_versions();
  // Provinces (provinces.cc): which province answers for each unit today,
  // computed again after each import of units or lineage.
  Status refresh_unit_provinces();
  Result<int64_t> province_of(int64_t unit_id);  // 0: none
  Result<std::vector<int64_t>> provinces_in_force(Date date);
  Status assign_single_province();  // migration 0014

  Status upsert_attribute(const UnitAttribute& a);
  // Every value of `attribute` ever set, by unit then valid_from.
  Result<std::vector<UnitAttribute>> attribute_rows(const std::string& attribute);
  // The attribute's value set on this unit itself on `date` (no inheritance).
  Result<std::optional<std::string>> attribute_at(int64_t unit_id, const std::string& attribute,
                                                  Date date);

  // --- catalogue -------------------------------------------------------------
  Status upsert_measure(const Measure& m);
  Result<std::map<std::string, Measure>> measures();
  Status upsert_criteria_set(const StoredCriteriaSet& s);
  Result<std::vector<StoredCriteriaSet>> criteria_sets();

  // Recognition (store/recognition.cc).
  Status upsert_recognition_rules(const StoredRecognitionRules& r);
  Result<std::vector<StoredRecognitionRules>> recognition_rules();
  Result<int64_t> insert_recognition(const Recognition& r);
  // Records the revocation of a recognition in force (no-op if already revoked).
  Status revoke_recognition(int64_t id, const std::string& number, Date date,
                            const std::string& reason);
  // Every recognition, oldest decision first: of one unit (unit_id) or of the
  // units a province answers for (province); 0 = any.
  Result<std::vector<Recognition>> recognitions(int64_t unit_id = 0, int64_t province = 0);

  // Recognition dossiers (store/dossier.cc).
  Result<int64_t> insert_dossier(const Dossier& d);
  Result<std::optional<Dossier>> dossier(int64_t id);
  // Newest change first: of one unit and/or of a province's units; 0 = any.
  Result<std::vector<Dossier>> dossiers(int64_t unit_id = 0, int64_t province = 0);
  Status update_dossier(const Dossier& d);  // state, returned_reason, recognition_id
  Status insert_posting(int64_t dossier_id, const DossierPosting& p);
  Result<std::vector<DossierPosting>> postings(int64_t dossier_id);
  Status replace_survey(int64_t dossier_id, const std::vector<SurveyRow>& rows);
  Result<std::vector<SurveyRow>> survey(int64_t dossier_id);
  Status upsert_declaration(int64_t dossier_id, const DossierDeclaration& d);
  Result<std::vector<DossierDeclaration>> declarations(int64_t dossier_id);
  Result<int64_t> insert_dossier_file(const DossierFile& f);
  // A dossier's files, or one file by id (0 = any).
  Result<std::vector<DossierFile>> dossier_files(int64_t dossier_id, int64_t id = 0);
  Status upsert_appraisal(int64_t dossier_id, const DossierAppraisal& a);
  Status clear_appraisals(int64_t dossier_id);
  Result<std::vector<DossierAppraisal>> appraisals(int64_t dossier_id);
  Status upsert_vote(int64_t dossier_id, const DossierVote& v);
  Result<std::optional<DossierVote>> vote(int64_t dossier_id);
  Result<int64_t> insert_comment(const DossierComment& c);
  Result<std::vector<DossierComment>> comments(int64_t dossier_id);
  Status moderate_comment(int64_t id, const std::string& status, const std::string& answer,
                          const std::string& by);
  // Comments sent from `client` (an address) since a UTC timestamp.
  Result<int64_t> comments_since(const std::string& client, const std::string& since);
  // Ends a published version: it stays in force until `to` (inclusive).
  Status close_criteria_set(const std::string& id, Date to);
  Status upsert_criteria_draft(const CriteriaDraft& d);  // sets updated_at
  Result<std::vector<CriteriaDraft>> criteria_drafts();
  Result<std::optional<CriteriaDraft>> criteria_draft(const std::string& id);
  Status delete_criteria_draft(const std::string& id);

  // --- observations ----------------------------------------------------------
  Result<std::optional<Observation>> current_observation(int64_t unit_id,
                                                         const std::string& measure, Date date);
  // Records o as the current version of (unit, measure, date), superseding the
  // previous current version if there is one. Sets o.id.
  Status add_observation(Observation& o);
  // The insert part of add_observation when the caller already knows the
  // current row it supersedes (its id; nullopt: none) — bulk imports.
  Status insert_observation(Observation& o, std::optional<int64_t> supersedes);
  // Inserts rows that supersede nothing (no current version of their unit,
  // measure and date), many per statement, without reading back their ids,
  // all by `author` and recorded now. Fastest in the table's order (unit,
  // day, measure).
  struct NewObservation {
    int64_t unit_id = 0;
    int64_t measure = 0;  // its number (measure_num)
    int32_t day = 0;      // Date::days()
    double value = 0;
    ObservationStatus status = ObservationStatus::kSubmitted;
    std::string note;
  };
  Status insert_new_observations(const std::vector<NewObservation>& rows,
                                 const std::string& author);
  // The measure's number in the observation table (measure.num).
  Result<int64_t> measure_num(std::string_view id);
  // Every insert keeps the unit's values as of each year end and its latest
  // date (observation_asof) up to date: at once outside a transaction, else
  // once per unit just before the commit (see units_changed).
  // Whether the unit has any observation at all (bulk imports skip the
  // per-row lookup of the current value for units without any).
  Result<bool> has_observations(int64_t unit_id);
  // Latest current value per measure on or before `at` whose status counts:
  // verified, plus submitted unless verified_only.
  Result<std::vector<MeasureValue>> latest_values(int64_t unit_id, Date at, bool verified_only);
  // latest_values of many units at once (PostgreSQL: two statements per
  // 1,000 units instead of one or two per unit), by unit.
  Result<std::unordered_map<int64_t, std::vector<MeasureValue>>> latest_values_many(
      const std::vector<int64_t>& units, Date at, bool verified_only);
  // Every current value of the unit whose status counts (as latest_values),
  // at any date, ordered by date (then by measure number).
  Result<std::vector<MeasureValue>> value_history(int64_t unit_id, bool verified_only);
  Result<std::optional<Observation>> observation_by_id(int64_t id);
  // Current observations with this status of one province's units (0: any)
  // or of one unit (0: any), newest date first, at most `limit`: the queues
  // (submitted, returned, drafts; verified values, most of the table, are
  // not indexed for this and give none).
  Result<std::vector<Observation>> observations_with_status(ObservationStatus status,
                                                            int64_t province, int64_t unit,
                                                            int limit);
  // Every version for (unit, measure), oldest first.
  Result<std::vector<Observation>> observation_history(int64_t unit_id, const std::string& measure);
  Result<int64_t> count_observations();
  // Changes whenever any connection commits: for caches of computed views.
  Result<int64_t> data_version();
  // PostgreSQL: how far this server's WAL goes, as a number — on a primary
  // where its next record will be inserted, on a standby what it has
  // replayed. A standby at or past a primary's position shows every write
  // committed there before (read-your-writes). SQLite: 0.
  Result<int64_t> wal_position();

  // --- accounts (accounts.cc) -------------------------------------------------
  Result<int64_t> insert_user(const User& u);
  Result<std::optional<User>> find_user(const std::string& username);
  Result<std::optional<User>> user_by_id(int64_t id);
  Result<std::vector<User>> users();
  Status set_user_disabled(int64_t id, bool disabled);
  Status set_password_hash(int64_t id, const std::string& hash);
  Status add_user_unit(int64_t user_id, int64_t unit_id);

  Status insert_session(const Session& s);
  Result<std::optional<Session>> find_session(const std::string& token_hash);
  Status delete_session(const std::string& token_hash);
  Status delete_user_sessions(int64_t user_id);

  // Records an attempt and removes those before `prune_before` (UTC timestamp).
  Status record_login_attempt(const std::string& username, const std::string& address, bool ok,
                              const std::string& prune_before);
  // Failed attempts since `since` (UTC timestamp) for the name, and for the address.
  Result<std::pair<int, int>> failed_logins_since(const std::string& username,
                                                  const std::string& address,
                                                  const std::string& since);

  // Departments belong to a province (0: not assigned to one).
  Status upsert_department(int64_t province_id, const std::string& code, const std::string& name);
  Result<std::vector<std::pair<std::string, std::string>>> departments(int64_t province_id);
  Status set_criterion_department(int64_t province_id, const std::string& set_id,
                                  const std::string& criterion, const std::string& department);
  // criterion code -> department, for one set in one province (overrides of the set file).
  Result<std::map<std::string, std::string>> criterion_departments(int64_t province_id,
                                                                   const std::string& set_id);

  Result<int64_t> insert_evidence(const Evidence& e);
  Result<std::optional<Evidence>> evidence_by_id(int64_t id);
  Result<std::vector<Evidence>> evidence_for(int64_t unit_id, const std::string& measure,
                                             const std::string& date);

  Status insert_audit(const AuditEntry& e);
  // --- receipts of items from a phone's offline queue (entry_receipts.cc) ----
  // The values an item stored, if this account's item `key` was stored.
  Result<std::optional<int64_t>> entry_receipt(int64_t user_id, const std::string& key);
  Status add_entry_receipt(int64_t user_id, const std::string& key, int64_t unit_id, Date period,
                           int64_t changed);
  // Newest first; filters are ignored when empty / 0.
  Result<std::vector<AuditEntry>> audit(int64_t unit_id, const std::string& actor,
                                        const std::string& action, int limit,
                                        const std::string& subject_prefix = "");
  // The same with the audit page's filters: entries about any of `measures`
  // (a criterion's) and about values of the day `date` (a period).
  struct AuditFilter {
    int64_t unit_id = 0;
    std::string actor, action, subject_prefix;
    std::vector<std::string> measures;
    std::string date;         // ISO
    int64_t province_id = 0;  // 0: every province
  };
  Result<std::vector<AuditEntry>> audit(const AuditFilter& f, int limit);

  // --- coordination (coordination.cc) -----------------------------------------
  // Replaces the unit's plan, its criterion targets and milestones.
  Status upsert_plan(const Plan& p);
  Result<std::optional<Plan>> plan(int64_t unit_id);
  Result<std::vector<Plan>> plans();

  Status upsert_sponsor(const Sponsor& s);
  Result<std::optional<Sponsor>> sponsor(const std::string& code);
  Result<std::vector<Sponsor>> sponsors();
  // Inserts, or updates the commitment with the same sponsor, unit and start.
  Result<int64_t> upsert_sponsorship(const Sponsorship& s);
  Result<std::optional<Sponsorship>> sponsorship(int64_t id);
  // Filters are ignored when empty / 0. By sponsor, then unit.
  Result<std::vector<Sponsorship>> sponsorships(const std::string& sponsor, int64_t unit_id);
  Result<int64_t> insert_delivery(const Delivery& d);
  Result<std::vector<Delivery>> deliveries(int64_t sponsorship_id);  // by date
  Status upsert_review(const Review& r);
  Result<std::vector<Review>> reviews(int64_t sponsorship_id);  // by due date

  Result<int64_t> insert_work_item(const WorkItem& w);
  Status update_work_item(const WorkItem& w);
  Result<std::optional<WorkItem>> work_item(int64_t id);
  Result<std::vector<WorkItem>> work_items();  // by due date, then id
  Result<int64_t> insert_work_item_file(const WorkItemFile& f);
  Result<std::vector<WorkItemFile>> work_item_files(int64_t work_item_id);
  Result<std::optional<WorkItemFile>> work_item_file(int64_t id);

  Result<int64_t> insert_meeting(const Meeting& m);
  Result<std::optional<Meeting>> meeting(int64_t id);
  Result<std::vector<Meeting>> meetings();  // newest first
  // Stores the conclusion with its links; sets nothing on c.
  Result<int64_t> insert_conclusion(const Conclusion& c);
  Status set_conclusion_status(int64_t id, ConclusionStatus status);
  // With links and reports; meeting_id 0: every meeting's. By meeting, position.
  Result<std::vector<Conclusion>> conclusions(int64_t meeting_id);
  Result<std::optional<Conclusion>> conclusion(int64_t id);
  Result<int64_t> insert_conclusion_report(const ConclusionReport& r);

  // When the user last opened their notifications ("" if never).
  Result<std::string> notifications_seen(int64_t user_id);
  Status set_notifications_seen(int64_t user_id, const std::string& at);

  // --- articles (articles.cc) -------------------------------------------------
  Result<int64_t> insert_article(const Article& a);
  Status update_article(const Article& a);
  Result<std::optional<Article>> article(int64_t id);
  Result<std::optional<Article>> article_by_slug(const std::string& slug);
  // Published and visible at `now` in `category` ("" any), newest first
  // (publish_at, then id: ties have a stable order), `offset`/`limit` paging;
  // `province`: -1 every office's, 0 the central office's, else that province's.
  Result<std::vector<Article>> published_articles(const std::string& category,
                                                  const std::string& now, int offset, int limit,
                                                  int64_t province = -1);
  // The visible articles of a's category and office just newer / just older than a.
  Result<std::vector<Article>> newer_articles(const Article& a, const std::string& now, int limit);
  Result<std::vector<Article>> older_articles(const Article& a, const std::string& now, int limit);
  // Every article (newest change first), or those of one author.
  Result<std::vector<Article>> articles(const std::string& author, int limit);
  // Visible articles matching every phrase (folded words), best first (bm25
  // over title, summary, body, tags weighted 10:4:1:6).
  // `province`: that office's articles (0 the central office's); -1 every one.
  Result<std::vector<Article>> search_articles(const std::vector<std::vector<std::string>>& phrases,
                                               const std::string& now, int limit,
                                               int64_t province = -1);
  Result<int64_t> insert_article_file(const ArticleFile& f);
  Result<std::vector<ArticleFile>> article_files(int64_t article_id);
  Result<std::optional<ArticleFile>> article_file(int64_t id);
  Result<int64_t> insert_snapshot(const PublicSnapshot& s);
  Result<std::optional<PublicSnapshot>> snapshot(int64_t id);

  // --- settings --------------------------------------------------------------
  Result<std::optional<std::string>> setting(const std::string& key);
  Status set_setting(const std::string& key, const std::string& value);

  Connection& connection() { return *conn_; }

 private:
  Status run_in_transaction(const std::function<Status()>& fn, bool write);
  Status migrate_locked();
  Status foreign_key_check();  // SQLite
  // Recomputes the kept values of these units now, or marks them for the
  // commit of the enclosing transaction.
  Status units_changed(const std::set<int64_t>& units);
  Status refresh_latest(const std::vector<int64_t>& units);
  Status refresh_all_latest();    // every unit with observations (migration 0011)
  Status convert_observations();  // into the compact table (migration 0018)
  // SQLite, after the conversion: the old table's pages given back to the
  // disk (VACUUM); a failure (no room for the copy) is told, not fatal.
  Status compact_file();
  // Measures by number in the observation table (measure.num), read once
  // and again when a number or name is not known yet (measure_num too).
  Result<std::string> measure_name(int64_t num);
  Status load_measure_nums();
  // The values of one kept row of observation_asof (its vals' records).
  Result<std::vector<MeasureValue>> decode_kept(std::string_view bytes);
  Result<Observation> read_observation(Statement& s);  // kObservationColumns
  Result<int64_t> next_observation_id();               // SQLite: ids are given by the writer
  Result<std::vector<Plan>> read_plans(std::optional<int64_t> unit_id);  // every one: nullopt
  Status index_article(const Article& a);
  Result<std::vector<Article>> neighbour_articles(const Article& a, const std::string& now,
                                                  int limit, bool newer);
  // A prepared statement for sql, reset and ready to bind; cached by text.
  Result<StatementRef> sql(const std::string& text);

  std::unique_ptr<Connection> conn_;
  std::string location_;  // what open_unmigrated opened (open_twin)
  int statement_timeout_ms_ = 0;
  int64_t write_count_ = 0;        // commits through this Store, part of data_version()
  int tx_depth_ = 0;               // > 0 inside transaction()
  std::set<int64_t> stale_units_;  // kept values to refresh before the commit
  std::map<std::string, std::unique_ptr<Statement>> cache_;
  bool converted_ = false;                  // the observation table was converted
  std::vector<std::string> measure_names_;  // by number; "" where none
  std::map<std::string, int64_t, std::less<>> measure_nums_;
};

// The migration scripts compiled into the binary, for one backend, in order.
struct Migration {
  int version;
  const char* name;
  const char* sql;
};
const std::vector<Migration>& migrations(const std::string& backend);
// The version this binary's migrations bring a database to.
inline int latest_schema_version(const std::string& backend) {
  return migrations(backend).back().version;
}

}  // namespace ntm
