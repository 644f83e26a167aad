#include "rules/recognition_loader.h"

#include <set>

#include "rules/yaml_reader.h"

namespace ntm {
namespace {

const std::set<std::string> kKinds = {"criteria", "declaration", "survey"};
const std::set<std::string> kActors = {"commune", "department", "office"};
const std::set<std::string> kConfirmed = {"true", "partial", "false"};

Status read_sourced(const Reader& r, const YAML::Node& n, const std::string& path, Sourced& out) {
  out.source = TRY(r.text(n, "source", path, false));
  out.notes = TRY(r.text(n, "notes", path, false));
  out.confirmed = TRY(r.text(n, "confirmed", path, true));
  if (!kConfirmed.count(out.confirmed))
    return r.error(n["confirmed"], path + ".confirmed", "cần true, partial hoặc false");
  return Status::ok();
}

Result<YAML::Node> map_at(const Reader& r, const YAML::Node& parent, const std::string& key,
                          const std::string& path) {
  const YAML::Node n = parent[key];
  if (!n || !n.IsMap()) return r.error(n ? n : parent, path + "." + key, "cần một bảng (map)");
  return n;
}

// Each item of the list `key` (absent or empty: none).
template <typename F>
Status each(const Reader& r, const YAML::Node& parent, const std::string& key,
            const std::string& path, F f) {
  const YAML::Node n = parent[key];
  if (!n || n.IsNull()) return Status::ok();
  if (!n.IsSequence()) return r.error(n, path + "." + key, "cần một danh sách");
  for (size_t i = 0; i < n.size(); ++i) {
    const std::string at = path + "." + key + "[" + std::to_string(i) + "]";
    if (!n[i].IsMap()) return r.error(n[i], at, "cần một bảng (map)");
    TRY(f(n[i], at));
  }
  return Status::ok();
}

Result<std::vector<std::string>> strings(const Reader& r, const YAML::Node& parent,
                                         const std::string& key, const std::string& path) {
  std::vector<std::string> out;
  const YAML::Node n = parent[key];
  if (!n || n.IsNull()) return out;
  if (!n.IsSequence()) return r.error(n, path + "." + key, "cần một danh sách");
  for (const auto& item : n) {
    if (!item.IsScalar()) return r.error(item, path + "." + key, "cần một giá trị đơn");
    out.push_back(item.Scalar());
  }
  return out;
}

Status check_pct(const Reader& r, const YAML::Node& n, const std::string& key,
                 const std::string& path, const std::optional<double>& v) {
  if (v && (*v < 0 || *v > 100)) return r.error(n[key], path + "." + key, "cần từ 0 đến 100");
  return Status::ok();
}

}  // namespace

Result<RecognitionRules> load_recognition_rules(const std::string& text,
                                                const std::string& file_name) {
  const Reader r(file_name);
  YAML::Node doc;
  try {
    doc = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    return Status::invalid(file_name + ", dòng " + std::to_string(e.mark.line + 1) +
                           ": YAML không hợp lệ: " + e.msg);
  }
  if (!doc.IsMap()) return r.error(doc, "", "cần một bảng (map) với khóa rules");
  const YAML::Node n = TRY(map_at(r, doc, "rules", ""));
  const std::string p = "rules";
  RecognitionRules out;
  out.id = TRY(r.text(n, "id", p, true));
  out.name_vi = TRY(r.text(n, "name_vi", p, true));
  out.name_en = TRY(r.text(n, "name_en", p, false));
  out.legal_basis = TRY(r.text(n, "legal_basis", p, true));
  out.effective_from = TRY(r.date(n, "effective_from", p, true, Date()));
  out.effective_to = TRY(r.date(n, "effective_to", p, false, Date::max()));
  if (out.effective_to < out.effective_from)
    return r.error(n["effective_to"], p + ".effective_to", "trước ngày hiệu lực");
  TRY(read_sourced(r, n, p, out));

  std::set<std::string> codes;
  TRY(each(r, n, "titles", p, [&](const YAML::Node& t, const std::string& at) -> Status {
    RecognitionTitle title;
    title.code = TRY(r.text(t, "code", at, true));
    title.name_vi = TRY(r.text(t, "name_vi", at, true));
    title.name_en = TRY(r.text(t, "name_en", at, false));
    title.set_title = TRY(r.text(t, "set_title", at, false));
    title.requires_title = TRY(r.text(t, "requires", at, false));
    TRY(read_sourced(r, t, at, title));
    if (!codes.insert(title.code).second)
      return r.error(t["code"], at + ".code", "danh hiệu \"" + title.code + "\" lặp lại");
    out.titles.push_back(std::move(title));
    return Status::ok();
  }));
  if (out.titles.empty()) return r.error(n, p + ".titles", "cần ít nhất một danh hiệu");
  for (size_t i = 0; i < out.titles.size(); ++i) {
    const std::string& req = out.titles[i].requires_title;
    if (!req.empty() && !codes.count(req))
      return r.error(n["titles"][i], p + ".titles[" + std::to_string(i) + "].requires",
                     "không có danh hiệu \"" + req + "\"");
  }

  TRY(each(r, n, "conditions", p, [&](const YAML::Node& c, const std::string& at) -> Status {
    RecognitionCondition cond;
    cond.code = TRY(r.text(c, "code", at, true));
    cond.kind = TRY(r.text(c, "kind", at, true));
    if (!kKinds.count(cond.kind))
      return r.error(c["kind"], at + ".kind", "cần criteria, declaration hoặc survey");
    cond.name_vi = TRY(r.text(c, "name_vi", at, true));
    cond.evidence = TRY(r.boolean(c, "evidence", at));
    cond.titles = TRY(strings(r, c, "titles", at));
    for (const std::string& t : cond.titles)
      if (!codes.count(t))
        return r.error(c["titles"], at + ".titles", "không có danh hiệu \"" + t + "\"");
    TRY(read_sourced(r, c, at, cond));
    out.conditions.push_back(std::move(cond));
    return Status::ok();
  }));

  const YAML::Node postings = TRY(map_at(r, n, "postings", p));
  out.postings.min_count = TRY(r.number(postings, "min_count", p + ".postings"));
  out.postings.within_days = TRY(r.number(postings, "within_days", p + ".postings"));
  out.postings.places = TRY(strings(r, postings, "places", p + ".postings"));
  TRY(read_sourced(r, postings, p + ".postings", out.postings));

  const YAML::Node survey = TRY(map_at(r, n, "survey", p));
  const std::string sp = p + ".survey";
  out.survey.coverage_min_pct = TRY(r.number(survey, "coverage_min_pct", sp));
  out.survey.question_min_pct = TRY(r.number(survey, "question_min_pct", sp));
  out.survey.lowest_question_min_pct = TRY(r.number(survey, "lowest_question_min_pct", sp));
  out.survey.overall_min_pct = TRY(r.number(survey, "overall_min_pct", sp));
  for (const auto& [key, v] :
       {std::pair{"coverage_min_pct", out.survey.coverage_min_pct},
        std::pair{"question_min_pct", out.survey.question_min_pct},
        std::pair{"lowest_question_min_pct", out.survey.lowest_question_min_pct},
        std::pair{"overall_min_pct", out.survey.overall_min_pct}})
    TRY(check_pct(r, survey, key, sp, v));
  TRY(read_sourced(r, survey, sp, out.survey));

  std::set<std::string> steps;
  TRY(each(r, n, "steps", p, [&](const YAML::Node& s, const std::string& at) -> Status {
    RecognitionStep step;
    step.code = TRY(r.text(s, "code", at, true));
    step.actor = TRY(r.text(s, "actor", at, true));
    if (!kActors.count(step.actor))
      return r.error(s["actor"], at + ".actor", "cần commune, department hoặc office");
    step.name_vi = TRY(r.text(s, "name_vi", at, true));
    step.time_limit_days = TRY(r.number(s, "time_limit_days", at));
    step.vote_min_pct = TRY(r.number(s, "vote_min_pct", at));
    TRY(check_pct(r, s, "vote_min_pct", at, step.vote_min_pct));
    TRY(read_sourced(r, s, at, step));
    if (!steps.insert(step.code).second)
      return r.error(s["code"], at + ".code", "bước \"" + step.code + "\" lặp lại");
    out.steps.push_back(std::move(step));
    return Status::ok();
  }));

  TRY(each(r, n, "documents", p, [&](const YAML::Node& d, const std::string& at) -> Status {
    RequiredDocument doc;
    doc.code = TRY(r.text(d, "code", at, true));
    doc.name_vi = TRY(r.text(d, "name_vi", at, true));
    doc.generated = TRY(r.boolean(d, "generated", at));
    TRY(read_sourced(r, d, at, doc));
    out.documents.push_back(std::move(doc));
    return Status::ok();
  }));

  const YAML::Node rev = TRY(map_at(r, n, "revocation", p));
  const std::string rp = p + ".revocation";
  TRY(read_sourced(r, rev, rp, out.revocation));
  TRY(each(r, rev, "key_criteria", rp, [&](const YAML::Node& k, const std::string& at) -> Status {
    out.key_criteria.push_back(
        {TRY(r.text(k, "code", at, true)), TRY(r.text(k, "name_vi", at, false))});
    return Status::ok();
  }));
  TRY(each(r, rev, "triggers", rp, [&](const YAML::Node& t, const std::string& at) -> Status {
    RevocationTrigger trig;
    const auto min = TRY(r.number(t, "failing_min_pct", at));
    if (!min) return r.error(t, at + ".failing_min_pct", "thiếu trường bắt buộc");
    trig.failing_min_pct = *min;
    trig.failing_below_pct = TRY(r.number(t, "failing_below_pct", at));
    TRY(check_pct(r, t, "failing_min_pct", at, min));
    TRY(check_pct(r, t, "failing_below_pct", at, trig.failing_below_pct));
    if (trig.failing_below_pct && *trig.failing_below_pct <= trig.failing_min_pct)
      return r.error(t["failing_below_pct"], at + ".failing_below_pct",
                     "phải lớn hơn failing_min_pct");
    trig.needs_key = TRY(r.boolean(t, "needs_key", at));
    if (trig.needs_key && out.key_criteria.empty())
      return r.error(t, at + ".needs_key", "cần danh sách key_criteria");
    trig.name_vi = TRY(r.text(t, "name_vi", at, false));
    out.triggers.push_back(std::move(trig));
    return Status::ok();
  }));

  const YAML::Node merged = TRY(map_at(r, n, "merged", p));
  TRY(read_sourced(r, merged, p + ".merged", out.merged));
  const std::string ack = TRY(r.text(merged, "acknowledgement", p + ".merged", false));
  if (ack == "true")
    out.merged_acknowledgement = true;
  else if (ack == "false")
    out.merged_acknowledgement = false;
  else if (!ack.empty())
    return r.error(merged["acknowledgement"], p + ".merged.acknowledgement",
                   "cần true, false hoặc null");
  return out;
}

}  // namespace ntm
