#include "ui/i18n.h"

#include <map>

#include "base/strings.h"

namespace ntm {
namespace {

struct Entry {
  const char* vi;
  const char* en;
};

// Every UI string. Keep keys sorted by page.
const std::map<std::string, Entry>& entries() {
  static const std::map<std::string, Entry> k = {
      {"app.name", {"NTM Monitor", "NTM Monitor"}},
      {"app.office",
       {"Văn phòng Điều phối nông thôn mới", "New Rural Development Coordination Office"}},
      {"app.tagline", {"Theo dõi xây dựng nông thôn mới", "New Rural Development monitoring"}},
      {"app.skip", {"Bỏ qua, đến nội dung chính", "Skip to main content"}},
      {"app.today", {"Hôm nay", "Today"}},
      {"app.lang_switch", {"English", "Tiếng Việt"}},
      {"app.demo_banner",
       {"Dữ liệu minh họa: số liệu là tổng hợp (giả lập) và ngưỡng theo bộ tiêu chí minh họa, "
        "không phải số liệu hay ngưỡng chính thức.",
        "Demo data: the figures are synthetic and the thresholds come from an illustrative "
        "criteria set, not official figures or thresholds."}},
      {"app.illustrative_set",
       {"Bộ tiêu chí minh họa - ngưỡng không chính thức",
        "Illustrative criteria set - thresholds are not official"}},
      {"app.home", {"Trang chủ", "Home"}},
      {"app.api", {"API", "API"}},
      {"app.footer",
       {"Số liệu theo ngày đã chọn và bộ tiêu chí có hiệu lực. Mọi bảng đều tải về được.",
        "Figures as of the chosen date under the criteria set in force. Every table can be "
        "downloaded."}},
      {"controls.at", {"Ngày", "Date"}},
      {"controls.set", {"Bộ tiêu chí", "Criteria set"}},
      {"controls.set_in_force",
       {"Bộ có hiệu lực vào ngày đã chọn", "The set in force on the date"}},
      {"controls.view", {"Số liệu", "Data"}},
      {"controls.view_all",
       {"Tự đánh giá (đã gửi và đã thẩm định)", "Self-assessed (submitted and verified)"}},
      {"controls.view_verified", {"Chỉ số liệu đã thẩm định", "Verified only"}},
      {"controls.public_view",
       {"Số liệu đã thẩm định. Đăng nhập để xem cả số liệu xã tự đánh giá.",
        "Verified figures. Sign in to see the communes' self-assessment too."}},
      {"controls.apply", {"Xem", "Show"}},
      {"search.label", {"Tìm đơn vị", "Find a unit"}},
      {"search.hint",
       {"Gõ tên, có dấu hoặc không dấu, ví dụ: loc ha",
        "Type a name, with or without diacritics, e.g. loc ha"}},
      {"search.button", {"Tìm", "Search"}},
      {"search.title", {"Tìm đơn vị hành chính", "Find an administrative unit"}},
      {"search.results", {"kết quả", "results"}},
      {"search.none", {"Không tìm thấy đơn vị nào.", "No unit found."}},
      {"search.valid", {"Hiệu lực", "In force"}},
      {"home.title", {"Tình hình xây dựng nông thôn mới", "New Rural Development progress"}},
      {"home.provinces", {"Các tỉnh, thành phố", "Provinces"}},
      {"home.no_data",
       {"Chưa có số liệu đánh giá cho ngày này.", "No assessment for this date yet."}},
      {"dash.communes_met", {"xã đạt chuẩn", "communes meet the title"}},
      {"dash.of", {"trên", "of"}},
      {"dash.average", {"tiêu chí bình quân mỗi xã", "criteria met per commune on average"}},
      {"dash.change", {"so với cùng kỳ năm trước", "versus a year earlier"}},
      {"dash.other_set",
       {"năm trước theo bộ tiêu chí khác", "a year earlier under another criteria set"}},
      {"dash.no_change_data",
       {"chưa có số liệu năm trước để so sánh", "no data a year earlier to compare"}},
      {"dash.bands", {"Số xã theo số tiêu chí đạt", "Communes by number of criteria met"}},
      {"dash.per_criterion", {"Số xã đạt từng tiêu chí", "Communes meeting each criterion"}},
      {"dash.map", {"Bản đồ số tiêu chí đạt", "Map of criteria met"}},
      {"dash.map_none",
       {"Chưa có bản đồ ranh giới cho cơ cấu hành chính của ngày này (bản đồ có cho các xã từ "
        "01/07/2025).",
        "No boundary map for the structure of this date (maps exist for the communes from "
        "01/07/2025)."}},
      {"dash.map_na", {"không áp dụng (phường)", "not applicable (ward)"}},
      {"dash.trend", {"Diễn biến qua các năm", "Trend over the years"}},
      {"dash.trend_share", {"% xã đạt chuẩn", "% of communes meeting the title"}},
      {"dash.communes", {"Các xã", "Communes"}},
      {"dash.districts", {"Các huyện", "Districts"}},
      {"dash.missing", {"Còn thiếu", "Missing"}},
      {"dash.lagging",
       {"Xã còn nhiều tiêu chí chưa đạt", "Communes with the most criteria missing"}},
      {"dash.no_units",
       {"Không có xã nào thuộc phạm vi bộ tiêu chí vào ngày này.",
        "No commune falls under the criteria set on this date."}},
      {"dash.no_set",
       {"Không có bộ tiêu chí nào có hiệu lực vào ngày này.",
        "No criteria set is in force on this date."}},
      {"dash.download_csv", {"Tải CSV", "Download CSV"}},
      {"col.code", {"Mã", "Code"}},
      {"col.unit", {"Đơn vị", "Unit"}},
      {"col.criteria_met", {"Tiêu chí đạt", "Criteria met"}},
      {"col.title", {"Danh hiệu", "Title"}},
      {"col.criterion", {"Tiêu chí", "Criterion"}},
      {"col.department", {"Cơ quan phụ trách", "Responsible department"}},
      {"col.met", {"Đạt", "Met"}},
      {"col.not_met", {"Chưa đạt", "Not met"}},
      {"col.unknown", {"Chưa xác định", "Unknown"}},
      {"col.indicator", {"Chỉ tiêu", "Indicator"}},
      {"col.value", {"Giá trị", "Value"}},
      {"col.threshold", {"Ngưỡng", "Threshold"}},
      {"col.status", {"Trạng thái", "Status"}},
      {"col.date", {"Ngày số liệu", "Data date"}},
      {"col.source", {"Nguồn ngưỡng", "Threshold source"}},
      {"col.history", {"Diễn biến", "History"}},
      {"col.failing", {"Chỉ tiêu chưa đạt nhiều nhất", "Indicators failing most"}},
      {"col.band", {"Số tiêu chí", "Criteria"}},
      {"col.units", {"Số xã", "Communes"}},
      {"col.share", {"Tỷ lệ", "Share"}},
      {"card.title", {"Phiếu đánh giá xã", "Commune scorecard"}},
      {"card.criteria_met", {"tiêu chí đạt", "criteria met"}},
      {"card.missing_title", {"Còn thiếu để đạt danh hiệu", "Still missing for the title"}},
      {"card.nothing_missing", {"Đã đạt tất cả tiêu chí.", "Every criterion is met."}},
      {"card.not_applicable",
       {"Bộ tiêu chí không áp dụng cho loại đơn vị này.",
        "The criteria set does not apply to this kind of unit."}},
      {"card.merged_from", {"Hình thành từ (sáp nhập)", "Formed from (merger)"}},
      {"card.merged_into", {"Đã sáp nhập vào", "Merged into"}},
      {"card.full", {"toàn bộ", "whole"}},
      {"card.partial", {"một phần", "part"}},
      {"card.confirmed_true", {"đã xác nhận", "confirmed"}},
      {"card.confirmed_partial", {"xác nhận một phần", "partly confirmed"}},
      {"card.confirmed_false", {"chưa xác nhận", "unconfirmed"}},
      {"card.variant", {"Áp dụng ngưỡng", "Thresholds for"}},
      {"crit.title", {"Tiêu chí", "Criterion"}},
      {"crit.units", {"Các xã theo tiêu chí này", "Communes on this criterion"}},
      {"crit.responsible", {"Cơ quan phụ trách", "Responsible department"}},
      {"crit.none", {"chưa phân công", "not assigned"}},
      {"status.met", {"Đạt", "Met"}},
      {"status.not_met", {"Chưa đạt", "Not met"}},
      {"status.unknown", {"Chưa có số liệu", "No data"}},
      {"status.not_set", {"Chưa đặt ngưỡng", "Threshold not set"}},
      {"reason.no data", {"chưa có số liệu", "no data"}},
      {"reason.threshold not set", {"chưa đặt ngưỡng", "threshold not set"}},
      {"reason.threshold not reached", {"chưa đạt ngưỡng", "threshold not reached"}},
      {"reason.no indicators defined", {"chưa có chỉ tiêu", "no indicators defined"}},
      {"value.yes", {"có", "yes"}},
      {"value.no", {"không", "no"}},
      {"unit.criteria", {"tiêu chí", "criteria"}},
      {"variant.commune_group", {"nhóm xã", "commune group"}},
      {"variant.TDMNPB", {"Trung du và miền núi phía Bắc", "Northern Midlands and Mountains"}},
      {"variant.DBSH", {"Đồng bằng sông Hồng", "Red River Delta"}},
      {"variant.BTB", {"Bắc Trung Bộ", "North Central Coast"}},
      {"variant.DHNTB", {"Duyên hải Nam Trung Bộ", "South Central Coast"}},
      {"variant.TN", {"Tây Nguyên", "Central Highlands"}},
      {"variant.DNB", {"Đông Nam Bộ", "Southeast"}},
      {"variant.DBSCL", {"Đồng bằng sông Cửu Long", "Mekong River Delta"}},
      {"role.admin", {"Văn phòng điều phối", "Coordination office"}},
      {"role.department", {"Sở, ngành", "Department"}},
      {"role.commune", {"Cán bộ xã", "Commune officer"}},
      {"role.sponsor", {"Đơn vị đỡ đầu", "Sponsor"}},
      {"role.steering", {"Thành viên BCĐ", "Steering member"}},
      {"nav.tasks", {"Việc của tôi", "My tasks"}},
      {"auth.login", {"Đăng nhập", "Sign in"}},
      {"auth.logout", {"Đăng xuất", "Sign out"}},
      {"auth.title", {"Đăng nhập", "Sign in"}},
      {"auth.username", {"Tên đăng nhập", "Username"}},
      {"auth.password", {"Mật khẩu", "Password"}},
      {"auth.problem", {"Có lỗi", "There is a problem"}},
      {"auth.demo_accounts",
       {"Tài khoản minh họa (chỉ có trong CSDL minh họa): xem README.",
        "Demo accounts (demo database only): see the README."}},
      {"account.title", {"Tài khoản", "Account"}},
      {"account.change_password", {"Đổi mật khẩu", "Change password"}},
      {"account.old_password", {"Mật khẩu hiện tại", "Current password"}},
      {"account.new_password",
       {"Mật khẩu mới (ít nhất 10 ký tự)", "New password (at least 10 characters)"}},
      {"account.changed",
       {"Đã đổi mật khẩu. Hãy đăng nhập lại.", "Password changed. Please sign in again."}},
      {"entry.title", {"Nhập số liệu", "Data entry"}},
      {"entry.period", {"Kỳ báo cáo (ngày số liệu)", "Reporting date"}},
      {"entry.last", {"Số liệu gần nhất", "Latest value"}},
      {"entry.no_last", {"Chưa có số liệu trước", "No earlier value"}},
      {"entry.evidence",
       {"Minh chứng (PDF, JPEG, PNG, tối đa 5 MB)", "Evidence (PDF, JPEG, PNG, at most 5 MB)"}},
      {"entry.note", {"Ghi chú", "Note"}},
      {"entry.save_draft", {"Lưu nháp", "Save draft"}},
      {"entry.review", {"Kiểm tra trước khi gửi", "Check before submitting"}},
      {"entry.required",
       {"Mọi chỉ tiêu đều bắt buộc khi gửi. Ô đã điền sẵn số liệu kỳ trước: giữ nguyên nếu không "
        "đổi, sửa nếu đã thay đổi.",
        "Every indicator is required to submit. Fields are prefilled with the last values: keep "
        "them if unchanged, correct them if they changed."}},
      {"entry.check_title", {"Kiểm tra số liệu trước khi gửi", "Check your figures before submitting"}},
      {"entry.check_lead",
       {"Số liệu đã được lưu nháp. Kiểm tra từng dòng rồi bấm Gửi để thẩm định.",
        "Your figures are saved as a draft. Check each line, then submit for verification."}},
      {"entry.check_changed", {"chỉ tiêu thay đổi so với kỳ trước", "indicators changed since the last period"}},
      {"entry.check_missing", {"chỉ tiêu chưa có số liệu — cần nhập trước khi gửi", "indicators have no value — enter them before submitting"}},
      {"entry.previous", {"Kỳ trước", "Last period"}},
      {"entry.this_period", {"Kỳ này", "This period"}},
      {"entry.changed", {"thay đổi", "changed"}},
      {"entry.edit", {"Sửa lại", "Change"}},
      {"entry.submit", {"Gửi để thẩm định", "Submit for verification"}},
      {"entry.excel", {"Làm việc ngoại tuyến bằng Excel", "Work offline in Excel"}},
      {"entry.template", {"Tải biểu Excel (điền sẵn số liệu)", "Download the Excel template (prefilled)"}},
      {"entry.upload", {"Tải lên biểu đã điền", "Upload the filled template"}},
      {"bulk.title", {"Xem trước biểu nhập tổng hợp", "Preview of the bulk template"}},
      {"bulk.changes", {"giá trị thay đổi so với số liệu hiện có.", "values change from what is recorded."}},
      {"bulk.apply", {"Lưu tất cả (đã gửi)", "Store them all (submitted)"}},
      {"bulk.heading", {"Nhập tổng hợp cho các xã (văn phòng)", "Bulk entry for the communes (office)"}},
      {"bulk.download", {"Tải biểu tổng hợp (mỗi xã một dòng)", "Download the bulk template (a row per commune)"}},
      {"upload.title", {"Xem trước số liệu từ biểu Excel", "Preview of the Excel template"}},
      {"upload.errors", {"Biểu có lỗi, hãy sửa trong Excel rồi tải lên lại", "The template has errors: correct them in Excel and upload again"}},
      {"upload.nothing_stored", {"Chưa có số liệu nào được lưu.", "Nothing has been stored."}},
      {"upload.changes", {"chỉ tiêu thay đổi. Kiểm tra rồi bấm Áp dụng (sau đó còn bước kiểm tra trước khi gửi).", "indicators change. Check them, then apply (the check-before-submitting step follows)."}},
      {"upload.cell", {"Ô", "Cell"}},
      {"upload.old", {"Hiện có", "Now"}},
      {"upload.new", {"Trong biểu", "In the file"}},
      {"upload.cancel", {"Hủy", "Cancel"}},
      {"upload.apply", {"Áp dụng (lưu nháp)", "Apply (save as draft)"}},
      {"entry.saved_draft",
       {"Đã lưu nháp. Số liệu nháp chưa được tính trong đánh giá.",
        "Draft saved. Drafts do not count in the assessment."}},
      {"entry.saved_submit",
       {"Đã gửi. Sở, ngành phụ trách sẽ thẩm định; số liệu đã gửi được tính trong chế độ tự đánh "
        "giá.",
        "Submitted. The responsible department will verify it; submitted values count in the "
        "self-assessed view."}},
      {"entry.choose_unit",
       {"Văn phòng: thêm ?unit=MÃ_XÃ để nhập cho một xã.",
        "Office: add ?unit=CODE to enter data for a commune."}},
      // Coordination: plans, work items, sponsors, meetings, briefing, notifications.
      {"nav.coordination", {"Điều phối", "Coordination"}},
      {"plan.title", {"Kế hoạch", "Plan"}},
      {"plan.col", {"Kế hoạch", "Plan"}},
      {"plan.progress", {"Tiến độ so với kế hoạch", "Progress against plan"}},
      {"plan.no_plan", {"Chưa có kế hoạch", "No plan"}},
      {"plan.achieved", {"Đã đạt", "Achieved"}},
      {"plan.on_track", {"Đúng tiến độ", "On track"}},
      {"plan.at_risk", {"Có nguy cơ chậm", "At risk"}},
      {"plan.behind", {"Chậm tiến độ", "Behind"}},
      {"plan.no_data", {"Chưa có số liệu", "No data"}},
      {"plan.layer", {"Tô màu bản đồ theo", "Colour the map by"}},
      {"plan.layer_bands", {"số tiêu chí đạt", "criteria met"}},
      {"plan.layer_plan", {"tiến độ kế hoạch", "plan status"}},
      {"plan.rule_note",
       {"Quy tắc: quá năm mục tiêu mà chưa đạt, hoặc thiếu từ 2 tiêu chí so với kế hoạch đến nay = "
        "chậm; thiếu 1 = có nguy cơ.",
        "Rule: target year passed without the title, or 2+ criteria short of the plan to date = "
        "behind; 1 short = at risk."}},
      {"plan.target", {"Mục tiêu", "Target"}},
      {"plan.title_aim", {"Danh hiệu mục tiêu", "Title aimed for"}},
      {"plan.target_year", {"Năm mục tiêu", "Target year"}},
      {"plan.targets", {"Năm đạt từng tiêu chí", "Year each criterion is to be met"}},
      {"plan.milestones",
       {"Mốc (mỗi dòng: yyyy-mm-dd số_tiêu_chí ghi chú)",
        "Milestones (one per line: yyyy-mm-dd criteria note)"}},
      {"plan.late", {"Tiêu chí trễ hạn kế hoạch", "Criteria behind their planned year"}},
      {"plan.edit", {"Sửa kế hoạch", "Edit plan"}},
      {"work.title", {"Phần việc", "Work items"}},
      {"work.items", {"phần việc", "work items"}},
      {"work.item", {"Phần việc", "Work item"}},
      {"work.all", {"Tất cả phần việc", "All work items"}},
      {"work.any", {"Tất cả", "Any"}},
      {"work.owner", {"Đơn vị chủ trì", "Owner"}},
      {"work.owner_commune", {"UBND xã (chính xã đó)", "The commune itself"}},
      {"work.owner_commune_short", {"UBND xã", "Commune"}},
      {"work.unit_code", {"Mã đơn vị", "Unit code"}},
      {"work.start", {"Bắt đầu", "Start"}},
      {"work.due", {"Hạn", "Due"}},
      {"work.progress", {"Tiến độ", "Progress"}},
      {"work.budget", {"Kinh phí", "Budget"}},
      {"work.spent", {"Đã chi", "Spent"}},
      {"work.planned", {"Chưa bắt đầu", "Planned"}},
      {"work.in_progress", {"Đang thực hiện", "In progress"}},
      {"work.done", {"Hoàn thành", "Done"}},
      {"work.cancelled", {"Đã hủy", "Cancelled"}},
      {"work.overdue", {"Quá hạn", "Overdue"}},
      {"work.mine", {"của tôi", "mine"}},
      {"work.mine_first", {"phần việc của bạn xếp trước", "your own items first"}},
      {"work.none", {"Không có phần việc nào.", "No work items."}},
      {"work.view_list", {"Danh sách", "List"}},
      {"work.view_board", {"Bảng theo trạng thái", "Board by status"}},
      {"work.add", {"Thêm phần việc", "Add a work item"}},
      {"work.update", {"Cập nhật tiến độ", "Report progress"}},
      {"work.save", {"Lưu", "Save"}},
      {"work.files", {"Tệp đính kèm", "Attachments"}},
      {"work.no_files", {"Chưa có tệp đính kèm.", "No attachments."}},
      {"work.attach", {"Đính kèm", "Attach"}},
      {"work.saved", {"Đã lưu.", "Saved."}},
      {"sponsor.title", {"Đơn vị đỡ đầu", "Sponsor units"}},
      {"sponsor.none", {"Chưa có đơn vị đỡ đầu.", "No sponsor unit."}},
      {"sponsor.code", {"Mã đơn vị đỡ đầu", "Sponsor code"}},
      {"sponsor.name", {"Tên đơn vị đỡ đầu", "Sponsor name"}},
      {"sponsor.since", {"Từ ngày", "Since"}},
      {"sponsor.program", {"Chương trình", "Program"}},
      {"sponsor.tasks", {"Nhiệm vụ, phần việc cụ thể", "Tasks and concrete work items"}},
      {"sponsor.pledged", {"Cam kết", "Pledged"}},
      {"sponsor.delivered", {"Đã hỗ trợ", "Delivered"}},
      {"sponsor.money", {"Tiền", "Money"}},
      {"sponsor.in_kind", {"Hiện vật", "In kind"}},
      {"sponsor.description", {"Nội dung", "Description"}},
      {"sponsor.ledger", {"Sổ theo dõi hỗ trợ", "Ledger of support delivered"}},
      {"sponsor.no_delivery", {"Chưa ghi nhận hỗ trợ nào.", "Nothing delivered yet."}},
      {"sponsor.reviews", {"Rà soát 6 tháng", "Six-monthly reviews"}},
      {"sponsor.reviews_overdue", {"kỳ rà soát quá hạn", "reviews overdue"}},
      {"sponsor.upcoming", {"sắp tới", "upcoming"}},
      {"sponsor.findings", {"Kết quả rà soát", "Findings"}},
      {"sponsor.record_review", {"Ghi kết quả", "Record"}},
      {"sponsor.record_delivery", {"Ghi nhận hỗ trợ", "Record support delivered"}},
      {"sponsor.add", {"Thêm cam kết đỡ đầu", "Add a sponsorship"}},
      {"meeting.title", {"Cuộc họp và kết luận", "Meetings and conclusions"}},
      {"meeting.name", {"Cuộc họp", "Meeting"}},
      {"meeting.date", {"Ngày họp", "Date"}},
      {"meeting.chair", {"Chủ trì", "Chair"}},
      {"meeting.minutes", {"Biên bản", "Minutes"}},
      {"meeting.conclusions", {"Kết luận", "Conclusions"}},
      {"meeting.open", {"Chưa xong", "Open"}},
      {"meeting.none", {"Chưa có cuộc họp nào.", "No meetings yet."}},
      {"meeting.no_conclusions", {"Không có kết luận nào đang mở.", "No open conclusions."}},
      {"meeting.add", {"Ghi cuộc họp", "Record a meeting"}},
      {"meeting.add_conclusion", {"Thêm kết luận", "Add a conclusion"}},
      {"meeting.conclusion_text", {"Nội dung kết luận", "Conclusion"}},
      {"meeting.owners", {"Giao cho", "Assigned to"}},
      {"meeting.about", {"Liên quan", "About"}},
      {"meeting.all_sponsors", {"Tất cả đơn vị đỡ đầu", "Every sponsor unit"}},
      {"meeting.units", {"Địa bàn (mã, cách nhau bởi dấu phẩy)", "Units (codes, comma-separated)"}},
      {"meeting.communes_own", {"Giao cho các xã này thực hiện", "The communes listed carry it out"}},
      {"meeting.criteria", {"Tiêu chí (mã)", "Criteria (codes)"}},
      {"meeting.deadline", {"Hạn", "Deadline"}},
      {"meeting.report", {"Báo cáo tiến độ", "Progress report"}},
      {"meeting.send_report", {"Gửi báo cáo", "Send report"}},
      {"conclusion.open", {"Chưa thực hiện", "Open"}},
      {"conclusion.in_progress", {"Đang thực hiện", "In progress"}},
      {"conclusion.done", {"Đã hoàn thành", "Done"}},
      {"briefing.title", {"Trước cuộc họp", "Before the meeting"}},
      {"resp.title", {"Phân công trách nhiệm", "Responsibilities"}},
      {"report.title", {"Báo cáo đánh giá tiến độ", "Progress-assessment report"}},
      {"report.compare", {"So sánh với ngày", "Compare with"}},
      {"report.format", {"Định dạng", "Format"}},
      {"report.html", {"Bản in (HTML, A4 ngang)", "Print (HTML, A4 landscape)"}},
      {"report.get", {"Tạo báo cáo", "Make the report"}},
      {"report.scorecard", {"Biểu tự đánh giá", "Self-assessment form"}},
      {"report.print", {"Bản in", "Print"}},
      {"report.department", {"Báo cáo của sở, ngành", "Department report"}},
      {"report.sponsor", {"Báo cáo đỡ đầu", "Sponsor report"}},
      {"report.directives", {"Báo cáo theo dõi kết luận", "Directive follow-up report"}},
      {"resp.criteria", {"Tiêu chí và cơ quan phụ trách", "Criteria and responsible departments"}},
      {"resp.edit_departments", {"Sửa phân công sở, ngành", "Edit department assignments"}},
      {"resp.units", {"Địa bàn: thành viên BCĐ, đơn vị đỡ đầu, kế hoạch",
                      "Localities: steering members, sponsors, plan"}},
      {"resp.steering", {"Thành viên BCĐ phụ trách", "Steering members"}},
      {"resp.import_plans", {"Nhập khung kế hoạch từ tệp", "Import plans from a file"}},
      {"resp.import_help",
       {"CSV hoặc XLSX (trang tính đầu), cột unit_code,kind,code,set,target_year,date,criteria_met,"
        "note; kind là title, criterion hoặc milestone. Tệp mẫu:",
        "CSV or XLSX (first sheet), columns unit_code,kind,code,set,target_year,date,criteria_met,"
        "note; kind is title, criterion or milestone. Template:"}},
      {"resp.file", {"Tệp", "File"}},
      {"resp.import", {"Nhập", "Import"}},
      {"resp.imported", {"Đã nhập", "Imported"}},
      {"briefing.print", {"In", "Print"}},
      {"briefing.attention", {"xã cần chú ý (chậm, có nguy cơ, thiếu số liệu hoặc chưa có kế hoạch)",
                              "communes needing attention (behind, at risk, no data or no plan)"}},
      {"briefing.units", {"Xã chậm so với kế hoạch và lý do", "Communes behind plan and why"}},
      {"briefing.none_behind", {"Không có xã nào chậm kế hoạch.", "No commune is behind its plan."}},
      {"briefing.overdue_work", {"Phần việc quá hạn", "Overdue work items"}},
      {"briefing.open_conclusions", {"Kết luận chưa hoàn thành", "Open conclusions"}},
      {"briefing.last_delivery", {"lần gần nhất", "last"}},
      {"notify.title", {"Thông báo", "Notifications"}},
      {"notify.new", {"mới", "new"}},
      {"notify.none", {"Không có việc gì cần chú ý.", "Nothing needs your attention."}},
      {"notify.due_soon", {"Sắp đến hạn", "Due soon"}},
      {"notify.overdue", {"Quá hạn", "Overdue"}},
      {"notify.returned", {"Bị trả lại", "Returned"}},
      {"notify.directive", {"Kết luận được giao", "Directive assigned"}},
      {"notify.review_due", {"Đến kỳ rà soát", "Review due"}},
      {"obs.draft", {"nháp", "draft"}},
      {"obs.submitted", {"đã gửi", "submitted"}},
      {"obs.verified", {"đã thẩm định", "verified"}},
      {"obs.returned", {"bị trả lại", "returned"}},
      {"verify.title", {"Thẩm định số liệu", "Verification"}},
      {"verify.waiting", {"số liệu đang chờ thẩm định", "values waiting for verification"}},
      {"verify.by", {"Người gửi", "Submitted by"}},
      {"verify.action", {"Thẩm định", "Review"}},
      {"verify.comment", {"Nhận xét (bắt buộc khi trả lại)", "Comment (required to return)"}},
      {"verify.verify", {"Xác nhận", "Verify"}},
      {"verify.return", {"Trả lại", "Return"}},
      {"verify.done_verify", {"Đã xác nhận số liệu.", "Value verified."}},
      {"verify.done_return", {"Đã trả lại số liệu cho xã.", "Value returned to the commune."}},
      {"audit.title", {"Nhật ký thay đổi", "Audit log"}},
      {"audit.at", {"Thời điểm (UTC)", "Time (UTC)"}},
      {"audit.actor", {"Người thực hiện", "By"}},
      {"audit.action", {"Thao tác", "Action"}},
      {"users.title", {"Tài khoản", "Accounts"}},
      {"users.role", {"Vai trò", "Role"}},
      {"users.scope", {"Phạm vi", "Scope"}},
      {"users.unit",
       {"Mã đơn vị (xã của cán bộ xã; đơn vị được phân công)",
        "Unit code (the officer's commune; the assigned unit)"}},
      {"users.department",
       {"Mã cơ quan (cán bộ sở, ngành)", "Department code (department officers)"}},
      {"users.add", {"Thêm tài khoản", "Add an account"}},
      {"users.reset", {"Đặt lại mật khẩu", "Reset password"}},
      {"users.new_password", {"Mật khẩu mới", "New password"}},
      {"users.disable", {"Khóa", "Disable"}},
      {"users.disabled", {"đã khóa", "disabled"}},
      {"users.active", {"đang dùng", "active"}},
      {"dep.title",
       {"Phân công cơ quan phụ trách tiêu chí", "Departments responsible for criteria"}},
      {"dep.source", {"Theo", "Set by"}},
      {"dep.by_set", {"bộ tiêu chí", "the criteria set"}},
      {"dep.by_office", {"văn phòng điều phối", "the office"}},
      {"dep.change", {"Đổi", "Change"}},
      {"dep.name", {"Tên cơ quan", "Department name"}},
      {"dep.save", {"Lưu", "Save"}},
      {"dep.saved", {"Đã lưu phân công.", "Assignment saved."}},
      {"audit.measure", {"Chỉ số (mã)", "Measure (id)"}},
      {"audit.subject", {"Đối tượng", "Subject"}},
      {"audit.change", {"Cũ → mới", "Old → new"}},
      {"audit.reason", {"Lý do", "Reason"}},
      {"level.province", {"Tỉnh", "Province"}},
      {"level.district", {"Huyện", "District"}},
      {"level.commune", {"Xã", "Commune"}},
      {"level.village", {"Thôn", "Village"}},
      {"error.not_found", {"Không tìm thấy", "Not found"}},
      {"error.back", {"Về trang chủ", "Back to the home page"}},
      {"error.bad_date",
       {"Ngày không hợp lệ, hãy nhập dạng dd/mm/yyyy hoặc chọn trên lịch.",
        "Invalid date: use the calendar or yyyy-mm-dd."}},
  };
  return k;
}

}  // namespace

Lang parse_lang(const std::string& code) { return code == "en" ? Lang::kEn : Lang::kVi; }
const char* lang_code(Lang lang) { return lang == Lang::kEn ? "en" : "vi"; }

std::string tr(Lang lang, const std::string& key) {
  const auto it = entries().find(key);
  if (it == entries().end()) return key;
  return lang == Lang::kEn ? it->second.en : it->second.vi;
}

const nlohmann::json& catalogue(Lang lang) {
  // Template names use '_' where keys use '.' or ' ' ("status.met" -> status_met).
  auto build = [](Lang l) {
    nlohmann::json j;
    for (const auto& [k, e] : entries()) {
      std::string key = k;
      for (char& c : key) c = (c == '.' || c == ' ') ? '_' : c;
      j[key] = l == Lang::kEn ? e.en : e.vi;
    }
    return j;
  };
  static const nlohmann::json vi = build(Lang::kVi), en = build(Lang::kEn);
  return lang == Lang::kEn ? en : vi;
}

std::vector<std::string> catalogue_gaps() {
  std::vector<std::string> gaps;
  for (const auto& [k, e] : entries()) {
    if (std::string(e.vi).empty() || std::string(e.en).empty()) gaps.push_back(k);
  }
  return gaps;
}

std::string format_num(Lang lang, double v, int decimals) {
  std::string s = format_number_vi(v, decimals);
  if (lang == Lang::kVi) return s;
  for (char& c : s) c = c == '.' ? ',' : c == ',' ? '.' : c;
  return s;
}

std::string format_date(Lang lang, Date d) { return lang == Lang::kEn ? d.iso() : d.vi(); }

std::string outcome_label(Lang lang, Outcome o) {
  switch (o) {
    case Outcome::kMet:
      return tr(lang, "status.met");
    case Outcome::kNotMet:
      return tr(lang, "status.not_met");
    case Outcome::kUnknown:
      return tr(lang, "status.unknown");
  }
  return "";
}

std::string reason_label(Lang lang, const std::string& reason) {
  return reason.empty() ? "" : tr(lang, "reason." + reason);
}

std::string level_label(Lang lang, Level level) {
  return tr(lang, std::string("level.") + level_name(level));
}

}  // namespace ntm
