#include "cli/dossier_cli.h"

#include <fstream>
#include <ostream>

#include "base/csv.h"
#include "base/strings.h"
#include "base/xlsx.h"
#include "reports/recognition_reports.h"
#include "service/dossier.h"

namespace ntm {
namespace {

struct Sub {
  const char* name;
  const char* help;
};
constexpr Sub kSubs[] = {
    {"open", "Open a dossier: --unit CODE --title NTM --year Y"},
    {"show", "The state and the checklist (CSV)"},
    {"posting", "Record a posting of the draft: ID --place P --date D"},
    {"survey", "The satisfaction survey: ID FILE (village,question,households,asked,satisfied)"},
    {"declare", "Declare a condition: ID --condition C [--holds yes|no] [--note N]"},
    {"file", "Upload a document: ID FILE --document D"},
    {"submit", "Submit to the province: ID"},
    {"appraise", "A criterion's appraisal: ID --criterion C --verdict agree|more [--note N]"},
    {"vote", "The council's vote: ID --date D --members M --present P --agree A"},
    {"decide", "The decision: ID --number N --date D [--signer S]"},
    {"return", "Back to the commune: ID --reason R"},
    {"close", "Close without a decision: ID --reason R"},
    {"revoke", "Open a revocation dossier: --unit CODE --title NTM --at D (a trigger fires)"},
    {"export", "The whole dossier as one ZIP for the archive: ID -o FILE"},
    {"waiting", "What the account's dossiers wait for, with deadlines (CSV): [--at D]"},
    {"acknowledge",
     "Acknowledge a merged commune (thừa nhận): --unit CODE --title NTM --number N --date D"},
};

Result<Date> date_of(const std::string& text) {
  auto d = Date::parse(text);
  if (!d.is_ok()) return Status::invalid("--date: " + d.status().message());
  return d;
}

}  // namespace

void add_dossier_commands(CLI::App& app, DossierOptions& o) {
  auto* d = app.add_subcommand("dossier", "Recognition dossiers (docs/recognition.md)");
  d->require_subcommand(1);
  for (const Sub& s : kSubs) {
    auto* c = d->add_subcommand(s.name, s.help);
    c->add_option("--as", o.as, "The account the step is recorded for")->required();
    const std::string name = s.name;
    if (name == "waiting") {
      c->add_option("--at", o.at, "Today for the deadlines (default today)");
    } else if (name == "acknowledge") {
      c->add_option("--unit", o.unit, "The merged commune's code")->required();
      c->add_option("--title", o.title, "Title (default NTM)");
    } else if (name == "open" || name == "revoke") {
      c->add_option("--unit", o.unit, "Commune code")->required();
      c->add_option("--title", o.title, "Title (default NTM)");
      if (name == "open") c->add_option("--year", o.year, "Year")->required();
      c->add_option("--at", o.at, "Assessment date: the verified data of this day")->required();
    } else {
      c->add_option("ID", o.id, "Dossier number")->required();
    }
    for (const char* f :
         {"--place", "--date", "--document", "--condition", "--holds", "--criterion", "--verdict",
          "--note", "--reason", "--number", "--signer"}) {
      const std::string flag = f;
      std::string* target = flag == "--place"       ? &o.place
                            : flag == "--date"      ? &o.date
                            : flag == "--document"  ? &o.document
                            : flag == "--condition" ? &o.condition
                            : flag == "--holds"     ? &o.holds
                            : flag == "--criterion" ? &o.criterion
                            : flag == "--verdict"   ? &o.verdict
                            : flag == "--note"      ? &o.note
                            : flag == "--reason"    ? &o.reason
                            : flag == "--number"    ? &o.number
                                                    : &o.signer;
      c->add_option(flag, *target);
    }
    c->add_option("--members", o.members);
    c->add_option("--present", o.present);
    c->add_option("--agree", o.agree);
    if (name == "export") c->add_option("-o,--output", o.output, "The ZIP file")->required();
    if (std::string(s.name) == "survey" || std::string(s.name) == "file")
      c->add_option("FILE", o.file)->required();
    c->callback([&o, c] { o.command = c; });
  }
}

Status run_dossier(const std::string& db, const std::string& evidence_dir, const DossierOptions& o,
                   std::ostream& out) {
  auto store = TRY(Store::open(db));
  const auto user = TRY(store->find_user(o.as));
  if (!user || user->disabled) return Status::invalid("--as: không có tài khoản \"" + o.as + "\"");
  const Catalog catalog = TRY(Catalog::load(*store));
  const RecognitionBook book = TRY(RecognitionBook::load(*store));
  const std::string cmd = o.command ? o.command->get_name() : "";
  if (cmd == "open" || cmd == "revoke") {
    const auto at = Date::parse(o.at);
    if (!at.is_ok()) return Status::invalid("--at: " + at.status().message());
    const int64_t id =
        cmd == "open"
            ? TRY(open_dossier(*store, catalog, book, *user, o.unit, o.title, o.year, *at))
            : TRY(open_revocation(*store, catalog, book, *user, o.unit, o.title, *at));
    out << "Hồ sơ số " << id << "\n";
    return Status::ok();
  }
  if (cmd == "show") {
    const DossierContext ctx = TRY(dossier_context(*store, catalog, book, o.id));
    if (!TRY(may_read_dossier(*store, *user, ctx.dossier)))
      return Status::forbidden("không được xem hồ sơ này");
    out << ctx.dossier.kind << "," << ctx.dossier.id << "," << ctx.dossier.unit_code << ","
        << ctx.dossier.title << "," << ctx.dossier.year << ","
        << dossier_state_name(ctx.dossier.state) << "\n";
    for (const CheckItem& c : TRY(check_dossier(*store, ctx)))
      out << c.code << "," << check_state_name(c.state) << "," << csv_field(c.detail) << "\n";
    return Status::ok();
  }
  if (cmd == "export") {
    const DossierContext ctx = TRY(dossier_context(*store, catalog, book, o.id));
    if (!TRY(may_read_dossier(*store, *user, ctx.dossier)))
      return Status::forbidden("không được xem hồ sơ này");
    const std::string zip = TRY(dossier_zip(*store, ctx, evidence_dir, today_local()));
    std::ofstream f(o.output, std::ios::binary);
    if (!(f << zip)) return Status::invalid("không ghi được " + o.output);
    out << o.output << ": " << zip.size() << " byte\n";
    return Status::ok();
  }
  if (cmd == "waiting") {
    const Date today = o.at.empty() ? today_local() : TRY(Date::parse(o.at));
    out << "dossier,unit_code,kind,due,overdue,text\n";
    const bool commune = user->role == Role::kCommune;
    for (const DossierDuty& d :
         TRY(dossier_duties(*store, catalog, book, commune ? 0 : user->province_id,
                            commune ? user->unit_id : 0))) {
      if (!duty_of(*user, d)) continue;
      out << d.dossier.id << "," << d.dossier.unit_code << "," << d.kind << ","
          << (d.due ? d.due->iso() : "") << "," << (d.due && *d.due < today ? "yes" : "") << ","
          << csv_field(d.text) << "\n";
    }
    return Status::ok();
  }
  if (cmd == "acknowledge") {
    const int64_t rec = TRY(acknowledge_merged(*store, book, *user, o.unit, o.title, o.number,
                                               TRY(date_of(o.date)), o.note));
    out << "Công nhận số " << rec << "\n";
    return Status::ok();
  }
  if (cmd == "posting")
    return record_posting(*store, *user, o.id, {0, o.place, TRY(date_of(o.date)), o.note, ""});
  if (cmd == "survey")
    return record_survey(*store, *user, o.id,
                         TRY(parse_survey_table(TRY(read_table_file(o.file)), o.file)));
  if (cmd == "declare")
    return record_declaration(*store, book, *user, o.id,
                              {o.condition, o.holds == "yes", o.note, "", ""});
  if (cmd == "file") {
    const std::string data = TRY(read_file(o.file));
    return add_dossier_file(*store, evidence_dir, *user, o.id, o.document, o.file, data).status();
  }
  if (cmd == "submit") return submit_dossier(*store, catalog, book, *user, o.id);
  if (cmd == "appraise")
    return appraise(*store, catalog, book, *user, o.id, o.criterion, o.verdict, o.note);
  if (cmd == "vote")
    return record_vote(*store, catalog, book, *user, o.id,
                       {TRY(date_of(o.date)), o.members, o.present, o.agree, o.note, ""});
  if (cmd == "decide") {
    const int64_t rec = TRY(record_decision(*store, catalog, book, *user, o.id, o.number,
                                            TRY(date_of(o.date)), o.signer));
    out << (TRY(store->dossier(o.id))->revocation() ? "Thu hồi công nhận số " : "Công nhận số ")
        << rec << "\n";
    return Status::ok();
  }
  if (cmd == "return") return return_dossier(*store, *user, o.id, o.reason);
  if (cmd == "close") return close_dossier(*store, *user, o.id, o.reason);
  return Status::invalid("ntm dossier: cần một lệnh con");
}

}  // namespace ntm
