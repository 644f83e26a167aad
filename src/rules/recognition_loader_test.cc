#include "rules/recognition_loader.h"

#include <gtest/gtest.h>

namespace ntm {
namespace {

const std::string kDoc = R"(
rules:
  id: thu
  name_vi: "Quy định thử"
  legal_basis: "QĐ thử"
  effective_from: 2022-08-02
  confirmed: partial
  titles:
    - {code: NTM, name_vi: "Xã NTM", set_title: NTM, confirmed: true}
    - {code: NTMNC, name_vi: "Xã NTM nâng cao", requires: NTM, confirmed: false}
  conditions:
    - {code: criteria, kind: criteria, name_vi: "Đủ tiêu chí", confirmed: true}
    - {code: no_debt, kind: declaration, evidence: true, name_vi: "Không nợ", titles: [NTMNC], confirmed: true}
  postings: {min_count: 5, within_days: 15, places: ["Trụ sở"], confirmed: true}
  survey: {coverage_min_pct: null, overall_min_pct: 90, confirmed: false}
  steps:
    - {code: publication, actor: commune, name_vi: "Công bố", time_limit_days: 15, confirmed: true}
    - {code: council, actor: office, name_vi: "Hội đồng", vote_min_pct: null, confirmed: false}
  documents:
    - {code: report, name_vi: "Báo cáo", generated: true, confirmed: true}
  revocation:
    confirmed: partial
    key_criteria: [{code: "10", name_vi: "Thu nhập"}]
    triggers:
      - {failing_min_pct: 30, failing_below_pct: 50, needs_key: true}
      - {failing_min_pct: 50}
  merged: {acknowledgement: null, confirmed: false}
)";

TEST(RecognitionLoader, ReadsEveryPartAndKeepsBlanksBlank) {
  const auto r = load_recognition_rules(kDoc, "thu.yaml");
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  EXPECT_EQ(r->id, "thu");
  EXPECT_EQ(r->effective_to, Date::max());
  ASSERT_EQ(r->titles.size(), 2u);
  EXPECT_EQ(r->title("NTMNC")->requires_title, "NTM");
  EXPECT_EQ(r->conditions[1].titles, std::vector<std::string>{"NTMNC"});
  EXPECT_TRUE(r->conditions[1].evidence);
  EXPECT_EQ(r->postings.min_count, 5);
  EXPECT_FALSE(r->survey.coverage_min_pct.has_value());  // "chưa quy định"
  EXPECT_EQ(r->survey.overall_min_pct, 90);
  EXPECT_EQ(r->steps[0].time_limit_days, 15);
  EXPECT_FALSE(r->steps[1].vote_min_pct.has_value());
  EXPECT_TRUE(r->documents[0].generated);
  ASSERT_EQ(r->triggers.size(), 2u);
  EXPECT_TRUE(r->triggers[0].needs_key);
  EXPECT_FALSE(r->triggers[1].failing_below_pct.has_value());
  EXPECT_FALSE(r->merged_acknowledgement.has_value());
}

TEST(RecognitionLoader, ErrorsNameTheFileLineAndPath) {
  auto with = [](const std::string& from, const std::string& to) {
    std::string s = kDoc;
    const size_t at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return s.replace(at, from.size(), to);
  };
  struct Case {
    std::string from, to, expect;
  };
  for (const Case& c : std::vector<Case>{
           {"actor: commune", "actor: mayor", "rules.steps[0].actor: cần commune"},
           {"requires: NTM", "requires: NTX", "rules.titles[1].requires"},
           {"overall_min_pct: 90", "overall_min_pct: 190",
            "rules.survey.overall_min_pct: cần từ 0 đến 100"},
           {"overall_min_pct: 90", "overall_min_pct: chín", "không phải là số"},
           {"failing_below_pct: 50", "failing_below_pct: 20", "phải lớn hơn failing_min_pct"},
           {"kind: declaration", "kind: wish", "rules.conditions[1].kind"},
           {"titles: [NTMNC]", "titles: [NTMKM]", "không có danh hiệu \"NTMKM\""},
           {"confirmed: true}\n    - {code: NTMNC", "confirmed: maybe}\n    - {code: NTMNC",
            "rules.titles[0].confirmed"},
           {"effective_from: 2022-08-02", "effective_from: 2022-02-30", "rules.effective_from"},
       }) {
    const auto r = load_recognition_rules(with(c.from, c.to), "thu.yaml");
    ASSERT_FALSE(r.is_ok()) << c.to;
    EXPECT_NE(r.status().message().find("thu.yaml, dòng "), std::string::npos)
        << r.status().message();
    EXPECT_NE(r.status().message().find(c.expect), std::string::npos) << r.status().message();
  }
}

}  // namespace
}  // namespace ntm
