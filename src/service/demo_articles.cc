// Demo portal content: a handful of articles in every category, marked as
// illustrative, including a write-up of the 2017 Lộc Hà steering-committee
// meeting linked to its directive (the demo meeting), a scheduled article
// and a draft (neither visible to the public).
#include "service/articles.h"
#include "service/demo.h"

namespace ntm {
namespace {

struct DemoArticle {
  const char* author;
  const char* category;
  const char* publish_at;  // "" = left as a draft
  const char* title;
  const char* summary;
  const char* body;
  const char* tags;
  const char* units;
  const char* meeting_date;  // links the demo meeting of that date
};

const DemoArticle kArticles[] = {
    {"vanphong", "tin-tuc", "2017-08-16T02:00:00Z",
     "Ban Chỉ đạo huyện Lộc Hà họp đánh giá tiến độ xây dựng nông thôn mới (bài minh họa)",
     "Cuộc họp ngày 15/8/2017 rà soát tiến độ theo khung kế hoạch, trách nhiệm của các phòng, "
     "ban, đơn vị đỡ đầu và các xã. Bài viết minh họa dựng theo biên bản cuộc họp.",
     "*Bài viết minh họa: nội dung dựng theo biên bản cuộc họp năm 2017 của huyện Lộc Hà, "
     "không phải tin chính thức.*\n\n"
     "Ngày 15/8/2017, Ban Chỉ đạo xây dựng nông thôn mới huyện Lộc Hà họp đánh giá tiến độ "
     "thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới.\n\n"
     "## Những việc Ban Chỉ đạo yêu cầu\n\n"
     "1. Các thành viên Ban Chỉ đạo **bám sát khung kế hoạch**, đôn đốc, chỉ đạo các địa phương "
     "được phân công.\n"
     "2. Các phòng, ban, ngành hướng dẫn các địa phương thực hiện **các tiêu chí được phân công "
     "phụ trách**.\n"
     "3. Mọi đơn vị đỡ đầu phải có **chương trình, nhiệm vụ và phần việc cụ thể** hỗ trợ địa "
     "phương được giao.\n"
     "4. Các địa phương hoàn thành mọi phần việc, nhất là các tiêu chí cần cả cộng đồng: khu "
     "dân cư mẫu, môi trường, mô hình sản xuất.\n\n"
     "Văn phòng Điều phối theo dõi từng kết luận, đơn vị chủ trì và thời hạn; kết quả thực hiện "
     "được cập nhật trên trang [Tiến độ](/tien-do).",
     "Ban Chỉ đạo, khung kế hoạch, đơn vị đỡ đầu", "448", "2017-08-15"},
    {"vanphong", "van-ban-chi-dao", "2017-08-18T01:30:00Z",
     "Thông báo kết luận cuộc họp Ban Chỉ đạo nông thôn mới huyện Lộc Hà ngày 15/8/2017 "
     "(minh họa)",
     "Bốn kết luận giao việc cho thành viên Ban Chỉ đạo, các phòng ban, đơn vị đỡ đầu và các "
     "xã, kèm thời hạn. Văn bản minh họa.",
     "*Văn bản minh họa.*\n\n"
     "| Kết luận | Đơn vị chủ trì | Thời hạn |\n|---|---|---|\n"
     "| Bám sát khung kế hoạch, đôn đốc địa phương được phân công | Thành viên Ban Chỉ đạo | "
     "31/12/2017 |\n"
     "| Hướng dẫn các tiêu chí được phân công phụ trách | Các phòng, ban, ngành | 31/10/2017 |\n"
     "| Chương trình, nhiệm vụ, phần việc cụ thể của đơn vị đỡ đầu | Mọi đơn vị đỡ đầu | "
     "30/09/2017 |\n"
     "| Khu dân cư mẫu, môi trường, mô hình sản xuất | Các xã | 31/12/2017 |\n",
     "kết luận, Ban Chỉ đạo", "448", "2017-08-15"},
    {"vanphong", "tin-tuc", "2025-07-02T03:00:00Z",
     "Từ 01/7/2025, 209 xã cũ hợp thành 69 xã mới: lịch sử đánh giá nông thôn mới được giữ "
     "nguyên (minh họa)",
     "Các xã sau sáp nhập được đánh giá lại từ số liệu của các xã cũ; hồ sơ và lịch sử của từng "
     "xã cũ vẫn tra cứu được.",
     "Từ ngày 01/7/2025, tỉnh thực hiện mô hình chính quyền địa phương hai cấp. Các huyện "
     "không còn; các xã cũ hợp thành xã mới.\n\n"
     "Trên trang của mỗi xã mới có danh sách **các xã cũ hợp thành**, với đường dẫn tới lịch "
     "sử đánh giá của từng xã. Ví dụ: xã Lộc Hà mới gồm thị trấn Lộc Hà, xã Thạch Kim, xã Bình "
     "An và xã Thịnh Lộc.",
     "sáp nhập, đánh giá lại", "18568,18580", ""},
    {"vanphong", "van-ban-chi-dao", "2026-02-20T02:00:00Z",
     "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026-2030 áp dụng từ 15/02/2026",
     "Bộ tiêu chí mới gồm 10 tiêu chí, ngưỡng theo nhóm xã (nhóm 1, 2, 3). Văn phòng cập nhật "
     "ngưỡng khi có hướng dẫn của các bộ, ngành.",
     "Từ ngày 15/02/2026, việc đánh giá xã đạt chuẩn nông thôn mới theo **Quyết định số "
     "51/2025/QĐ-TTg**: 10 tiêu chí, ngưỡng đánh giá theo **nhóm xã** thay cho theo vùng.\n\n"
     "Ngưỡng của từng chỉ tiêu chỉ được nhập vào hệ thống khi có văn bản; chỉ tiêu chưa có "
     "ngưỡng được ghi là *chưa xác định — chưa có ngưỡng*, không suy đoán.",
     "QĐ 51/2025, bộ tiêu chí, nhóm xã", "", ""},
    {"vanphong", "thong-bao", "2026-06-01T01:00:00Z",
     "Thông báo: nhập số liệu tự đánh giá 6 tháng đầu năm 2026 trước ngày 10/7/2026 (minh họa)",
     "Các xã nhập số liệu trên hệ thống hoặc tải biểu mẫu Excel, điền và tải lên; các sở, "
     "ngành thẩm định trước ngày 20/7/2026.",
     "Các xã đăng nhập, chọn **Nhập số liệu**, điền hoặc tải biểu mẫu Excel, kiểm tra và gửi "
     "thẩm định. Mỗi giá trị cần kèm minh chứng (PDF, ảnh).\n\n"
     "- Hạn gửi: **10/7/2026**\n- Hạn thẩm định: **20/7/2026**",
     "nhập số liệu, thẩm định", "", ""},
    {"so.nnmt", "thong-bao", "2026-06-01T01:00:00Z",
     "Hướng dẫn minh chứng tiêu chí đường giao thông và môi trường (minh họa)",
     "Sở Nông nghiệp và Môi trường hướng dẫn hồ sơ minh chứng cho các chỉ tiêu về đường giao "
     "thông nội đồng và môi trường.",
     "Đường giao thông nội đồng: ảnh hiện trạng và biên bản nghiệm thu. Môi trường: kết quả "
     "thu gom, xử lý chất thải rắn.",
     "đường giao thông, môi trường, minh chứng", "", ""},
    {"vanphong", "ket-qua-thuc-hien", "2026-07-21T08:00:00Z",
     "Sơ kết 6 tháng đầu năm 2026: các xã chậm kế hoạch được giao phần việc cụ thể (minh họa)",
     "Ban Chỉ đạo tỉnh giao các sở, ngành rà soát các xã chậm kế hoạch và lập phần việc cho "
     "từng tiêu chí chưa đạt trước 30/9/2026.",
     "Số liệu tiến độ của từng xã (đã thẩm định) có trên trang [Tiến độ](/tien-do). Kết luận của "
     "cuộc họp được theo dõi đến khi hoàn thành.",
     "sơ kết, phần việc", "", "2026-07-20"},
    {"vanphong", "tin-tuc", "2027-01-05T01:00:00Z",
     "Tổng kết năm 2026 (bài hẹn giờ đăng, minh họa)", "Bài này hẹn giờ đăng, chưa hiện công khai.",
     "Nội dung tổng kết.", "", "", ""},
    {"so.yte", "tin-tuc", "", "Bản nháp: tỷ lệ tham gia bảo hiểm y tế (minh họa)",
     "Bản nháp của Sở Y tế, chưa gửi duyệt.", "Nháp.", "", "", ""},
};

}  // namespace

Status build_demo_articles(Store& store) {
  const User office = *TRY(store.find_user("vanphong"));
  const auto meetings = TRY(store.meetings());
  for (const DemoArticle& d : kArticles) {
    const auto author = TRY(store.find_user(d.author));
    if (!author) return Status::internal(std::string("demo account missing: ") + d.author);
    Article a;
    a.title = d.title;
    a.summary = d.summary;
    a.body = d.body;
    a.category = d.category;
    a.tags = d.tags;
    a.unit_codes = d.units;
    for (const Meeting& m : meetings)
      if (*d.meeting_date && m.date.iso() == d.meeting_date) a.meeting_id = m.id;
    const Article created = TRY(create_article(store, *author, a));
    if (!*d.publish_at) continue;
    TRY(send_for_review(store, *author, created.id));
    TRY(publish_article(store, office, created.id, d.publish_at));
  }
  return Status::ok();
}

}  // namespace ntm
