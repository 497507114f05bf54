"""A deterministic corpus for the search benchmark (`python -m search.bench`).

Two parts:

- *anchors*: hand-written pages, each the right answer to one or more judged
  queries in `search/bench_queries.py`;
- *fillers*: thousands of generated pages about the portal's topics, built
  from real Vietnamese (and, for `en`, English) phrases. They share words with
  the queries, so an engine has to rank, but they never contain an anchor's
  distinctive phrase (`RESERVED_PHRASES`), so the judgments stay complete:
  a filler is never secretly the right answer.

Nothing here touches the database; `search.bench` loads the specs.
"""

import random
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from search.text import fold_aligned

FILLER_KIND_WEIGHTS = (("article", 6), ("resource", 3), ("campaign", 1))
ENGLISH_SHARE = 0.1


@dataclass(frozen=True)
class PageSpec:
    kind: str
    locale: str
    slug: str
    title: str
    summary: str
    body: tuple[str, ...]  # paragraphs, plain text
    published_at: datetime
    topics: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    school_levels: tuple[str, ...] = ()
    resource_type: str = ""
    document_number: str = ""
    document_type: str = ""
    issuer: str = ""
    anchor: bool = field(default=False, compare=False)

    @property
    def key(self):
        return (self.locale, self.kind, self.slug)

    @property
    def text(self):
        return " ".join((self.title, self.summary, *self.body, self.document_number, self.issuer))


TOPICS = {
    "security-order": ("An ninh trật tự trường học", "School security and order"),
    "drugs": ("Phòng, chống ma túy", "Drug prevention"),
    "school-violence": ("Phòng, chống bạo lực học đường", "Preventing school violence"),
    "traffic-safety": ("An toàn giao thông", "Road safety"),
    "child-protection": ("Bảo vệ trẻ em", "Child protection"),
    "online-safety": ("An toàn trên không gian mạng", "Online safety"),
    "fire-safety": ("Phòng cháy, chữa cháy", "Fire safety"),
    "mental-health": ("Sức khỏe tinh thần", "Mental health"),
    "law-education": ("Giáo dục pháp luật", "Legal education"),
    "school-health": ("Y tế trường học", "School health"),
    "drowning": ("Phòng, chống đuối nước", "Drowning prevention"),  # anchors only
}

# Phrases that only anchors may contain (checked on folded text, whole words).
RESERVED_PHRASES = (
    "hop thu",
    "dieu em muon noi",
    "thuoc la",
    "vape",
    "vaping",
    "e-cigarette",
    "bong cuoi",
    "khi cuoi",
    "duoi nuoc",
    "chet duoi",
    "hoc boi",
    "day boi",
    "drowning",
    "swimming",
    "mua he",
    "1520",
    "87/kh-ubnd",
    "32/2020",
    "45/2023",
    "dieu le truong",
    "hoa giai",
    "hoa nhap",
    "tam ly",
    "tam li",
    "mua thi",
    "duong thuy",
    "thuy dau",
    "xam hai tre em qua mang",
    "bat nat qua mang",
    "bat nat truc tuyen",
    "lua dao",
    "scam",
    "scams",
    "dua xe",
    "ky tuc xa",
    "ki tuc xa",
    "cong truong an toan",
    "school gate",
    "truong hoc khong ma tuy",
    "ngoi nha an toan",
    "lop hoc hanh phuc",
    "mailbox",
    "counselling",
    "jura",
    "xyzzy",
    "9999",
)


RESERVED_RE = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, RESERVED_PHRASES)) + r")(?!\w)")


def reserved_phrases_in(text):
    """The reserved phrases `text` contains, whole words, accents and case ignored."""
    # The generated text is NFC with one tone placement already, so the fast character fold suffices.
    return sorted(set(RESERVED_RE.findall(fold_aligned(unicodedata.normalize("NFC", text)))))


def _at(day):
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), tzinfo=UTC) + timedelta(hours=1)


def _vi(slug, kind, title, summary, body, day, **extra):
    return PageSpec(kind=kind, locale="vi", slug=slug, title=title, summary=summary, body=tuple(body),
                    published_at=_at(day), anchor=True, **extra)  # fmt: skip


def _en(slug, kind, title, summary, body, day, **extra):
    return PageSpec(kind=kind, locale="en", slug=slug, title=title, summary=summary, body=tuple(body),
                    published_at=_at(day), anchor=True, **extra)  # fmt: skip


ANCHORS = (
    _vi(
        "hop-thu-dieu-em-muon-noi",
        "article",
        "Hộp thư “Điều em muốn nói”: nơi học sinh được lắng nghe",
        "Mỗi trường đặt một hộp thư để học sinh gửi tâm sự, góp ý hoặc báo tin về bạo lực, xâm hại mà không "
        "cần ghi tên.",
        [
            "Hộp thư “Điều em muốn nói” được đặt ở nơi kín đáo, gần thư viện hoặc phòng y tế.",
            "Thư được Ban giám hiệu mở hằng tuần và chuyển cho bộ phận phù hợp xử lý.",
            "Học sinh có thể viết tay hoặc dùng mẫu phiếu do nhà trường phát; mọi thông tin đều được giữ bí mật.",
        ],
        "2024-10-02",
        topics=("school-violence", "mental-health"),
        audiences=("students", "parents", "teachers"),
    ),
    _vi(
        "mau-phieu-hop-thu",
        "resource",
        "Mẫu phiếu dùng cho hộp thư “Điều em muốn nói”",
        "Phiếu in sẵn để học sinh điền và bỏ vào hộp thư của trường.",
        [
            "Phiếu gồm ba phần: điều em muốn kể, điều em mong muốn và cách liên lạc nếu em đồng ý.",
            "Nhà trường in phiếu khổ A5 và đặt cạnh hộp thư.",
        ],
        "2024-10-03",
        topics=("school-violence",),
        audiences=("teachers",),
        school_levels=("primary", "lower-secondary"),
        resource_type="form",
    ),
    _vi(
        "tac-hai-thuoc-la-dien-tu",
        "article",
        "Tác hại của thuốc lá điện tử đối với học sinh",
        "Thuốc lá điện tử chứa nicotine và nhiều hóa chất độc hại, dễ gây nghiện ở tuổi vị thành niên.",
        [
            "Nhiều sản phẩm có hình dáng như bút bi, thỏi son nên thầy cô và cha mẹ khó nhận biết.",
            "Một số loại dung dịch còn bị trộn chất ma túy tổng hợp.",
            "Nhà trường cấm sử dụng thuốc lá điện tử trong khuôn viên và đề nghị phụ huynh trò chuyện với con.",
        ],
        "2025-03-12",
        topics=("drugs", "school-health"),
        audiences=("students", "parents"),
    ),
    _vi(
        "ap-phich-thuoc-la-dien-tu",
        "resource",
        "Áp phích: Nói không với thuốc lá điện tử",
        "Áp phích khổ A3 treo ở hành lang, căng tin và cổng trường.",
        ["Thông điệp ngắn gọn, hình ảnh dễ nhớ dành cho học sinh trung học.", "Có bản màu và bản đen trắng để in."],
        "2025-03-20",
        topics=("drugs",),
        audiences=("students",),
        school_levels=("lower-secondary", "upper-secondary"),
        resource_type="poster",
    ),
    _vi(
        "canh-bao-bong-cuoi",
        "article",
        "Cảnh báo trào lưu bóng cười trong giới trẻ",
        "Hít bóng cười có thể gây thiếu oxy, tổn thương thần kinh và dẫn tới tử vong.",
        [
            "Bóng cười là bóng bay được bơm nitơ oxit.",
            "Nhiều quán ăn, quán bar bán bóng cười cho cả người chưa đủ tuổi.",
            "Phụ huynh cần chú ý nếu con có biểu hiện chóng mặt, mất tập trung.",
        ],
        "2024-12-15",
        topics=("drugs",),
        audiences=("students", "parents"),
    ),
    _vi(
        "ky-nang-phong-tranh-duoi-nuoc",
        "article",
        "Kỹ năng phòng tránh đuối nước cho trẻ trong dịp hè",
        "Đuối nước là nguyên nhân hàng đầu gây tử vong ở trẻ em vào mùa nóng; cha mẹ cần trang bị cho con kỹ "
        "năng an toàn.",
        [
            "Không để trẻ tự đi bơi ở ao, hồ, sông, suối.",
            "Cho trẻ học bơi tại bể có người hướng dẫn.",
            "Dạy trẻ cách nổi, cách kêu cứu và không tự nhảy xuống nước cứu bạn.",
        ],
        "2025-05-20",
        topics=("drowning", "child-protection"),
        audiences=("parents", "students"),
    ),
    _vi(
        "huong-dan-day-boi-an-toan",
        "resource",
        "Hướng dẫn tổ chức học bơi an toàn cho học sinh tiểu học",
        "Tài liệu giúp giáo viên tổ chức lớp học bơi và dạy kỹ năng phòng tránh đuối nước.",
        [
            "Mỗi lớp học bơi tối đa 15 em và có ít nhất hai người hướng dẫn.",
            "Bể bơi phải có phao cứu sinh và sào cứu hộ.",
        ],
        "2025-04-28",
        topics=("drowning",),
        audiences=("teachers", "parents"),
        school_levels=("primary",),
        resource_type="guide",
    ),
    _vi(
        "chien-dich-mua-he-an-toan-2025",
        "campaign",
        "Chiến dịch Mùa hè an toàn 2025",
        "Ba tháng hè, đoàn viên thanh niên cùng phụ huynh trông coi các điểm sông nước và hướng dẫn trẻ kỹ "
        "năng an toàn.",
        [
            "Các đội hình tình nguyện trực tại bến đò, hồ nước vào chiều cuối tuần.",
            "Mục tiêu của chiến dịch là không để trẻ bị đuối nước trên địa bàn.",
        ],
        "2025-05-30",
        topics=("drowning", "traffic-safety"),
        audiences=("students", "parents"),
    ),
    _vi(
        "cong-van-an-ninh-trat-tu-truong-hoc-2024",
        "resource",
        "Công văn về bảo đảm an ninh, trật tự trường học năm học 2024-2025",
        "Sở đề nghị các trường rà soát lực lượng bảo vệ, lắp camera và phối hợp với công an địa phương.",
        [
            "Các trường báo cáo kết quả thực hiện trước ngày 15 tháng 12.",
            "Hiệu trưởng chịu trách nhiệm nếu để xảy ra vụ việc mà không báo cáo.",
        ],
        "2024-09-10",
        topics=("security-order",),
        audiences=("teachers",),
        school_levels=("primary", "lower-secondary", "upper-secondary"),
        resource_type="legal-document",
        document_number="1520/SGDĐT-CTTT",
        document_type="cong-van",
        issuer="Sở Giáo dục và Đào tạo",
    ),
    _vi(
        "ke-hoach-thang-hanh-dong-phong-chong-ma-tuy-2024",
        "resource",
        "Kế hoạch triển khai Tháng hành động phòng, chống ma túy năm 2024",
        "Ủy ban nhân dân quận giao nhiệm vụ cho các phòng, ban và trường học trong tháng 6.",
        [
            "Mỗi trường tổ chức ít nhất một buổi sinh hoạt dưới cờ về phòng, chống ma túy.",
            "Công an quận cung cấp tài liệu và báo cáo viên.",
        ],
        "2024-05-25",
        topics=("drugs",),
        audiences=("teachers",),
        school_levels=("lower-secondary", "upper-secondary"),
        resource_type="legal-document",
        document_number="87/KH-UBND",
        document_type="ke-hoach",
        issuer="Ủy ban nhân dân quận",
    ),
    _vi(
        "thong-tu-dieu-le-truong-trung-hoc",
        "resource",
        "Thông tư ban hành Điều lệ trường trung học",
        "Quy định về tổ chức, hoạt động của trường trung học cơ sở, trung học phổ thông và trường có nhiều cấp học.",
        [
            "Văn bản quy định nhiệm vụ, quyền của giáo viên và học sinh.",
            "Các hành vi học sinh không được làm bao gồm đánh nhau, gây rối trật tự.",
        ],
        "2024-02-01",
        topics=("law-education",),
        audiences=("teachers",),
        school_levels=("lower-secondary", "upper-secondary"),
        resource_type="legal-document",
        document_number="32/2020/TT-BGDĐT",
        document_type="thong-tu",
        issuer="Bộ Giáo dục và Đào tạo",
    ),
    _vi(
        "nghi-dinh-moi-truong-giao-duc-an-toan",
        "resource",
        "Nghị định về môi trường giáo dục an toàn, lành mạnh, thân thiện",
        "Quy định trách nhiệm của nhà trường, gia đình và xã hội trong phòng, chống bạo lực học đường.",
        [
            "Nhà trường công khai quy tắc ứng xử và kênh tiếp nhận thông tin.",
            "Người đứng đầu cơ sở giáo dục chịu trách nhiệm khi để xảy ra bạo lực.",
        ],
        "2024-06-15",
        topics=("school-violence", "law-education"),
        audiences=("teachers", "parents"),
        school_levels=("primary", "lower-secondary", "upper-secondary"),
        resource_type="legal-document",
        document_number="45/2023/NĐ-CP",
        document_type="nghi-dinh",
        issuer="Chính phủ",
    ),
    _vi(
        "hoa-giai-mau-thuan-giua-hoc-sinh",
        "article",
        "Hòa giải mâu thuẫn giữa học sinh: năm bước cho giáo viên chủ nhiệm",
        "Lắng nghe cả hai phía, giữ bình tĩnh và cùng học sinh tìm giải pháp giúp ngăn xô xát trở thành bạo lực.",
        [
            "Bước đầu tiên là tách hai bên ra và để các em bình tĩnh lại.",
            "Giáo viên mời cha mẹ tham gia khi mâu thuẫn kéo dài.",
        ],
        "2024-11-05",
        topics=("school-violence",),
        audiences=("teachers", "students"),
    ),
    _vi(
        "giao-duc-hoa-nhap-tre-khuyet-tat",
        "article",
        "Giáo dục hoà nhập: để trẻ khuyết tật được đến trường cùng bạn",
        "Lớp học hoà nhập cần giáo viên được tập huấn, kế hoạch giáo dục cá nhân và sự đồng hành của gia đình.",
        [
            "Trẻ khuyết tật học cùng lớp với các bạn và được hỗ trợ riêng khi cần.",
            "Các bạn cùng lớp được hướng dẫn cách giúp đỡ, tôn trọng sự khác biệt.",
        ],
        "2024-08-20",
        topics=("child-protection",),
        audiences=("teachers", "parents"),
    ),
    _vi(
        "giu-suc-khoe-tam-ly-mua-thi",
        "article",
        "Giữ sức khoẻ tâm lý trong mùa thi",
        "Ngủ đủ giấc, chia nhỏ mục tiêu và biết tìm người chia sẻ giúp học sinh vượt qua áp lực thi cử.",
        [
            "Phụ huynh không nên so sánh con với bạn bè.",
            "Khi thấy lo âu kéo dài, học sinh có thể tìm đến phòng tư vấn của trường.",
        ],
        "2025-04-10",
        topics=("mental-health",),
        audiences=("students", "parents"),
    ),
    _vi(
        "phong-tu-van-tam-ly-hoc-duong",
        "article",
        "Phòng tư vấn tâm lý học đường: học sinh cần biết",
        "Phòng tư vấn mở cửa các buổi chiều, chuyên viên tâm lý lắng nghe và giữ bí mật cho học sinh.",
        [
            "Học sinh có thể đặt lịch trực tiếp hoặc nhờ giáo viên chủ nhiệm giới thiệu.",
            "Những vấn đề thường gặp là áp lực học tập, mâu thuẫn bạn bè và chuyện gia đình.",
        ],
        "2025-01-08",
        topics=("mental-health",),
        audiences=("students",),
    ),
    _vi(
        "an-toan-giao-thong-duong-thuy",
        "article",
        "An toàn giao thông đường thủy cho học sinh vùng sông nước",
        "Mặc áo phao, không chen lấn khi lên xuống đò và không đi đò quá số người quy định.",
        ["Nhiều em ở vùng sông nước đi học bằng đò mỗi ngày.", "Chủ đò phải trang bị đủ áo phao và không chở quá tải."],
        "2024-09-25",
        topics=("traffic-safety",),
        audiences=("students", "parents"),
    ),
    _vi(
        "phong-benh-thuy-dau-truong-mam-non",
        "article",
        "Phòng bệnh thủy đậu trong trường mầm non",
        "Thủy đậu lây qua đường hô hấp và tiếp xúc; trẻ mắc bệnh cần nghỉ học đến khi khỏi.",
        [
            "Giáo viên theo dõi trẻ sốt, nổi mụn nước và báo ngay cho phụ huynh.",
            "Lớp học được lau rửa đồ chơi, tay nắm cửa hằng ngày.",
        ],
        "2025-02-18",
        topics=("school-health",),
        audiences=("parents", "teachers"),
    ),
    _vi(
        "phong-ngua-xam-hai-tre-em-qua-mang",
        "article",
        "Phòng ngừa xâm hại trẻ em qua mạng",
        "Kẻ xấu làm quen với trẻ qua trò chơi, mạng xã hội rồi dụ dỗ gửi hình ảnh riêng tư.",
        [
            "Cha mẹ đặt máy tính ở phòng chung và cùng con thống nhất quy tắc dùng mạng.",
            "Khi phát hiện dấu hiệu bất thường, gọi ngay tổng đài 111.",
        ],
        "2025-02-05",
        topics=("child-protection", "online-safety"),
        audiences=("parents", "students"),
    ),
    _vi(
        "khi-con-bi-bat-nat-truc-tuyen",
        "article",
        "Khi con bị bắt nạt trực tuyến: cha mẹ nên làm gì",
        "Giữ bình tĩnh, lưu lại bằng chứng, chặn tài khoản quấy rối và báo cho nhà trường.",
        [
            "Những lời chế giễu, bêu xấu trên nhóm chat lớp cũng là một hình thức bạo lực.",
            "Cha mẹ nên khen con vì đã dám kể và cùng con tìm cách xử lý.",
        ],
        "2025-03-02",
        topics=("online-safety", "school-violence"),
        audiences=("parents",),
    ),
    _vi(
        "canh-giac-lua-dao-qua-mang-xa-hoi",
        "article",
        "Cảnh giác với lừa đảo qua mạng xã hội",
        "Kẻ gian giả danh giáo viên, nhà trường để yêu cầu phụ huynh chuyển tiền học phí, tiền viện phí.",
        [
            "Luôn gọi điện xác minh với giáo viên chủ nhiệm trước khi chuyển tiền.",
            "Không bấm vào đường link lạ và không cung cấp mã OTP cho bất kỳ ai.",
        ],
        "2025-04-01",
        topics=("online-safety",),
        audiences=("parents", "students"),
    ),
    _vi(
        "bao-ve-tai-khoan-mang-xa-hoi",
        "resource",
        "Hướng dẫn bảo vệ tài khoản mạng xã hội cho học sinh",
        "Đặt mật khẩu mạnh, bật xác thực hai lớp và nhận biết tin nhắn lừa đảo.",
        ["Tài liệu gồm mười tình huống thường gặp và cách xử lý.", "Phù hợp cho tiết sinh hoạt lớp."],
        "2025-01-20",
        topics=("online-safety",),
        audiences=("students", "teachers"),
        school_levels=("lower-secondary", "upper-secondary"),
        resource_type="guide",
    ),
    _vi(
        "ngan-chan-hoc-sinh-dua-xe-trai-phep",
        "article",
        "Ngăn chặn tình trạng học sinh tụ tập đua xe trái phép",
        "Công an phường phối hợp với nhà trường và gia đình quản lý học sinh vào các tối cuối tuần.",
        [
            "Nhiều vụ đua xe xảy ra sau các buổi sinh nhật, liên hoan.",
            "Phụ huynh không giao xe máy cho con khi chưa đủ tuổi.",
        ],
        "2024-12-01",
        topics=("traffic-safety", "security-order"),
        audiences=("parents", "students"),
    ),
    _vi(
        "hoc-sinh-di-xe-may-dien",
        "article",
        "Học sinh đi xe máy điện: cần biết quy định về độ tuổi",
        "Học sinh từ đủ 16 tuổi mới được điều khiển xe máy điện và phải đội mũ bảo hiểm.",
        [
            "Không chở quá số người quy định, không chạy hàng ba, không đua xe.",
            "Nhà trường ghi nhận và thông báo cho gia đình các trường hợp vi phạm.",
        ],
        "2024-10-20",
        topics=("traffic-safety",),
        audiences=("parents", "students"),
    ),
    _vi(
        "dien-tap-phong-chay-chua-chay-ky-tuc-xa",
        "article",
        "Diễn tập phòng cháy chữa cháy tại ký túc xá",
        "Học sinh nội trú thực hành thoát nạn ban đêm, sử dụng bình chữa cháy và sơ cứu người bị ngạt khói.",
        [
            "Buổi diễn tập có sự tham gia của cảnh sát phòng cháy chữa cháy.",
            "Mỗi phòng ở ký túc xá có sơ đồ thoát nạn dán sau cửa.",
        ],
        "2024-11-22",
        topics=("fire-safety",),
        audiences=("students", "teachers"),
    ),
    _vi(
        "mo-hinh-cong-truong-an-toan-giao-thong",
        "article",
        "Mô hình “Cổng trường an toàn giao thông” ở các trường tiểu học",
        "Phụ huynh và đoàn viên thay phiên hướng dẫn học sinh qua đường, xếp xe đưa đón ngay ngắn.",
        ["Cổng trường an toàn giao thông được duy trì vào giờ tan học.", "Mô hình giúp giảm ùn tắc trước cổng trường."],
        "2024-10-15",
        topics=("traffic-safety", "security-order"),
        audiences=("parents", "teachers"),
    ),
    _vi(
        "xay-dung-truong-hoc-khong-ma-tuy",
        "article",
        "Xây dựng trường học không ma túy",
        "Nhà trường phối hợp với công an xây dựng môi trường học đường an toàn, phát hiện sớm học sinh có "
        "biểu hiện nghi vấn.",
        ["Ký cam kết trường học không ma túy với từng lớp.", "Tổ chức kiểm tra khu vực xung quanh trường định kỳ."],
        "2024-07-01",
        topics=("drugs",),
        audiences=("teachers", "parents"),
    ),
    _vi(
        "ngoi-nha-an-toan-cho-tre-nho",
        "article",
        "Ngôi nhà an toàn cho trẻ nhỏ: rà soát từng góc bếp, ổ điện",
        "Che ổ điện, cất thuốc và hóa chất lên cao, lắp chắn cầu thang để phòng tai nạn thương tích.",
        [
            "Phần lớn tai nạn của trẻ dưới 5 tuổi xảy ra ngay trong nhà.",
            "Cha mẹ nên cùng con đi một vòng quanh nhà để chỉ chỗ nguy hiểm.",
        ],
        "2024-08-05",
        topics=("child-protection",),
        audiences=("parents",),
    ),
    _vi(
        "lop-hoc-hanh-phuc-khong-bao-luc",
        "article",
        "Lớp học hạnh phúc, không bạo lực",
        "Giáo viên và học sinh cùng xây dựng nội quy lớp, khen ngợi hành vi tốt và giải quyết xung đột bằng đối thoại.",
        ["Mỗi sáng thứ hai lớp dành năm phút để chia sẻ cảm xúc.", "Không dùng hình phạt làm tổn thương học sinh."],
        "2025-01-15",
        topics=("school-violence", "mental-health"),
        audiences=("teachers", "students"),
    ),
    _en(
        "harms-of-e-cigarettes",
        "article",
        "The harms of e-cigarettes and vaping for students",
        "E-cigarettes contain nicotine and toxic chemicals and are highly addictive for teenagers.",
        [
            "Many devices look like pens or lipstick, so teachers and parents find them hard to spot.",
            "The school bans vaping on its premises and asks parents to talk with their children.",
        ],
        "2025-03-12",
        topics=("drugs", "school-health"),
        audiences=("students", "parents"),
    ),
    _en(
        "drowning-prevention-skills",
        "article",
        "Drowning prevention skills for children this summer",
        "Drowning is a leading cause of death for children in the hot season; parents should teach water safety.",
        [
            "Never let children swim alone in ponds, lakes or rivers.",
            "Enrol children in swimming lessons with a qualified instructor.",
        ],
        "2025-05-20",
        topics=("drowning", "child-protection"),
        audiences=("parents", "students"),
    ),
    _en(
        "safe-swimming-lessons",
        "resource",
        "Running safe swimming lessons for primary pupils",
        "A guide for teachers organising swimming classes that teach children how to prevent drowning.",
        ["Each class has at most 15 pupils and two instructors.", "The pool must have lifebuoys and rescue poles."],
        "2025-04-28",
        topics=("drowning",),
        audiences=("teachers",),
        school_levels=("primary",),
        resource_type="guide",
    ),
    _en(
        "beware-of-online-scams",
        "article",
        "Beware of online scams on social media",
        "Fraudsters pretend to be teachers and ask parents to transfer money for fees.",
        [
            "Always call the homeroom teacher to check before sending money.",
            "Never share one-time passwords with anyone.",
        ],
        "2025-04-01",
        topics=("online-safety",),
        audiences=("parents", "students"),
    ),
    _en(
        "what-i-want-to-say-counselling-mailbox",
        "article",
        "The “What I want to say” counselling mailbox",
        "Every school has a mailbox where students can share worries or report violence without giving their name.",
        ["Letters are opened weekly by the school board and kept confidential."],
        "2024-10-02",
        topics=("school-violence", "mental-health"),
        audiences=("students", "parents", "teachers"),
    ),
    _en(
        "safe-school-gate-model",
        "article",
        "Safe School Gate: road safety at the school gate",
        "Parents and volunteers take turns helping pupils cross the road and keeping school buses in order.",
        ["The model runs at the end of every school day at primary schools."],
        "2024-10-15",
        topics=("traffic-safety",),
        audiences=("parents", "teachers"),
    ),
)

# Vocabulary of the fillers: real phrases of the portal's subjects, none of them reserved.
VI_TOPIC_PHRASES = {
    "security-order": ["an ninh trật tự", "trật tự an toàn xã hội", "phòng chống tội phạm", "tụ tập đông người",
                       "gây rối trật tự công cộng", "trộm cắp tài sản", "bảo vệ an ninh Tổ quốc", "camera giám sát"],
    "drugs": ["phòng chống ma túy", "tệ nạn ma túy", "chất hướng thần", "cai nghiện ma túy", "tàng trữ chất cấm",
              "tệ nạn xã hội", "môi trường lành mạnh"],
    "school-violence": ["bạo lực học đường", "xô xát giữa học sinh", "hành vi bạo lực", "ứng xử văn hóa",
                        "bắt nạt bạn bè", "quy tắc ứng xử"],
    "traffic-safety": ["an toàn giao thông", "đội mũ bảo hiểm", "vi phạm luật giao thông", "tai nạn giao thông",
                       "văn hóa giao thông", "đi bộ qua đường", "xe đưa đón học sinh"],
    "child-protection": ["bảo vệ trẻ em", "quyền trẻ em", "xâm hại trẻ em", "lao động trẻ em", "tổng đài 111",
                         "trẻ em có hoàn cảnh khó khăn"],
    "online-safety": ["an toàn thông tin", "mạng xã hội", "bảo mật tài khoản", "thông tin sai sự thật",
                      "trò chơi trực tuyến", "thời gian sử dụng điện thoại"],
    "fire-safety": ["phòng cháy chữa cháy", "thoát nạn", "bình chữa cháy", "an toàn điện", "diễn tập thoát hiểm"],
    "mental-health": ["sức khỏe tinh thần", "áp lực học tập", "kỹ năng sống", "chăm sóc cảm xúc",
                      "giao tiếp trong gia đình"],
    "law-education": ["giáo dục pháp luật", "phổ biến pháp luật", "Ngày Pháp luật Việt Nam", "tủ sách pháp luật",
                      "quyền và nghĩa vụ công dân"],
    "school-health": ["y tế trường học", "phòng bệnh truyền nhiễm", "vệ sinh an toàn thực phẩm", "tiêm chủng",
                      "bữa ăn bán trú", "rửa tay bằng xà phòng"],
}  # fmt: skip
VI_ACTORS = ["Nhà trường", "Ban giám hiệu", "Công an phường", "Công an quận", "Phòng Giáo dục và Đào tạo",
             "Sở Giáo dục và Đào tạo", "Đoàn thanh niên", "Hội cha mẹ học sinh", "Giáo viên chủ nhiệm",
             "Tổng phụ trách Đội", "Ủy ban nhân dân phường", "Trạm y tế phường"]  # fmt: skip
VI_VERBS = ["phối hợp tổ chức tuyên truyền về", "triển khai công tác", "tổ chức tập huấn về", "kiểm tra công tác",
            "hướng dẫn thực hiện", "quán triệt nội dung", "nhắc nhở về", "tăng cường", "sơ kết công tác",
            "xây dựng kế hoạch", "phát động phong trào"]  # fmt: skip
VI_PLACES = ["trên địa bàn quận", "tại các trường tiểu học", "tại các trường trung học cơ sở",
             "trong các trường mầm non", "tại khu dân cư", "ở các lớp khối 9", "trong toàn ngành giáo dục",
             "tại hội trường", "ở các điểm trường vùng sâu"]  # fmt: skip
VI_TIMES = ["trong năm học 2023-2024", "từ đầu học kỳ I", "trong tháng cao điểm", "vào dịp đầu năm học mới",
            "trước kỳ nghỉ Tết", "trong quý II", "hằng tháng", "định kỳ mỗi học kỳ",
            "trong năm học 2022-2023"]  # fmt: skip
VI_AUDIENCES = ["học sinh", "phụ huynh", "giáo viên", "cán bộ quản lý", "nhân viên bảo vệ", "học sinh nội trú"]
VI_SENTENCES = [
    "{actor} {verb} {topic} cho {audience} {place}.",
    "Qua kiểm tra {time}, {actor_lower} ghi nhận nhiều chuyển biến tích cực trong công tác {topic}.",
    "Bên cạnh đó, vẫn còn một số {audience} chưa nắm rõ các quy định về {topic}.",
    "{actor} đề nghị các đơn vị tiếp tục {verb} {topic} {time}.",
    "Các lớp đã tổ chức sinh hoạt chuyên đề về {topic} với sự tham gia của {number} {audience}.",
    "Mỗi tập thể lớp xây dựng nội quy riêng, gắn trách nhiệm của {audience} với {topic}.",
    "Kết quả thực hiện được báo cáo về {actor_lower} {time}.",
    "Theo thống kê, {number} {audience} đã tham gia các buổi ngoại khóa về {topic} {place}.",
    "{actor} yêu cầu báo cáo kịp thời các vụ việc liên quan đến {topic}, không để kéo dài.",
    "Thông tin chi tiết được niêm yết tại bảng tin và trang thông tin điện tử của đơn vị.",
    "Nhà trường duy trì đường dây nóng để {audience} phản ánh các vấn đề về {topic}.",
    "Đây là một trong những nhiệm vụ trọng tâm {time}, gắn với {topic2}.",
]
VI_TITLES = {
    "article": ["{Verb} {topic} {place}", "Hội nghị sơ kết công tác {topic} {time}", "{Audience} với {topic}",
                "Tập huấn {topic} cho {audience} {place}", "Nâng cao nhận thức về {topic} {time}"],
    "resource": ["Kế hoạch {topic} {time}", "Tài liệu hướng dẫn {topic} cho {audience}",
                 "Công văn về {topic} {time}", "Bài giảng {topic} dành cho {audience}"],
    "campaign": ["Tháng hành động vì {topic} {time}", "Phong trào {topic} {place}", "Chiến dịch {topic} {time}"],
}  # fmt: skip

EN_TOPIC_PHRASES = {
    "security-order": ["school security", "public order", "crime prevention", "theft of property",
                       "surveillance cameras"],
    "drugs": ["drug prevention", "illegal drugs", "addictive substances", "drug rehabilitation",
              "a healthy environment"],
    "school-violence": ["school violence", "fights between students", "violent behaviour", "respectful conduct"],
    "traffic-safety": ["road safety", "wearing helmets", "traffic accidents", "crossing the street", "school buses"],
    "child-protection": ["child protection", "children's rights", "child labour", "the 111 hotline"],
    "online-safety": ["information security", "social networks", "account passwords", "false information",
                      "screen time"],
    "fire-safety": ["fire safety", "evacuation drills", "fire extinguishers", "electrical safety"],
    "mental-health": ["emotional wellbeing", "study pressure", "life skills", "family communication"],
    "law-education": ["legal education", "Vietnam Law Day", "the law bookshelf", "civic rights and duties"],
    "school-health": ["school health", "infectious disease prevention", "food safety", "vaccination",
                      "washing hands with soap"],
}  # fmt: skip
EN_ACTORS = ["The school", "The school board", "Ward police", "The district education office",
             "The provincial education department", "The Youth Union", "The parents' association",
             "Homeroom teachers", "The ward people's committee", "The ward health station"]  # fmt: skip
EN_VERBS = ["organised talks on", "launched work on", "held training on", "inspected work on", "issued guidance on",
            "reviewed", "reminded everyone about", "stepped up"]  # fmt: skip
EN_PLACES = ["across the district", "at primary schools", "at lower secondary schools", "in kindergartens",
             "in residential areas", "in grade 9 classes", "across the education sector"]  # fmt: skip
EN_TIMES = ["in the 2023-2024 school year", "since the start of the first term", "during the peak month",
            "at the start of the school year", "before the Tet holiday", "every term"]  # fmt: skip
EN_AUDIENCES = ["students", "parents", "teachers", "school managers", "security staff", "boarding students"]
EN_SENTENCES = [
    "{actor} {verb} {topic} for {audience} {place}.",
    "Inspections {time} found clear progress in {topic}.",
    "Some {audience} still do not know the rules on {topic}.",
    "{actor} asked every unit to keep working on {topic} {time}.",
    "Classes held themed sessions on {topic} with {number} {audience} taking part.",
    "Results are reported to {actor_lower} {time}.",
    "{number} {audience} joined extra-curricular activities on {topic} {place}.",
    "The school keeps a hotline so that {audience} can raise concerns about {topic}.",
    "This is a key task {time}, together with {topic2}.",
]
EN_TITLES = {
    "article": ["{Actor} {verb} {topic} {place}", "Review conference on {topic} {time}", "{Audience} and {topic}",
                "Training on {topic} for {audience}"],
    "resource": ["Plan for {topic} {time}", "Guide to {topic} for {audience}", "Lesson on {topic} for {audience}"],
    "campaign": ["Action month for {topic}", "Campaign on {topic} {time}"],
}  # fmt: skip

RESOURCE_TYPES = ["guide", "legal-document", "poster", "slides", "lesson-plan", "form", "other"]
SCHOOL_LEVELS = ["preschool", "primary", "lower-secondary", "upper-secondary"]
AUDIENCES = ["parents", "students", "teachers"]
VI_ISSUERS = ["Sở Giáo dục và Đào tạo", "Phòng Giáo dục và Đào tạo quận", "Ủy ban nhân dân quận", "Công an quận",
              "Bộ Giáo dục và Đào tạo"]  # fmt: skip
NUMBER_FORMATS = [
    ("cong-van", "{n}/SGDĐT-CTTT"),
    ("cong-van", "{n}/GDĐT-TH"),
    ("ke-hoach", "{n}/KH-UBND"),
    ("ke-hoach", "{n}/KH-PGDĐT"),
    ("quyet-dinh", "{n}/QĐ-UBND"),
    ("thong-tu", "{n}/{year}/TT-BGDĐT"),
    ("nghi-dinh", "{n}/{year}/NĐ-CP"),
    ("chi-thi", "{n}/CT-UBND"),
]
RESERVED_NUMBERS = {1520, 87, 32, 45, 9999}
FIRST_DAY = date(2018, 1, 1)
DAYS = (date(2025, 10, 31) - FIRST_DAY).days


class FillerWriter:
    def __init__(self, *, rng, locale):
        self.rng = rng
        self.locale = locale
        english = locale == "en"
        self.topic_phrases = EN_TOPIC_PHRASES if english else VI_TOPIC_PHRASES
        self.actors = EN_ACTORS if english else VI_ACTORS
        self.verbs = EN_VERBS if english else VI_VERBS
        self.places = EN_PLACES if english else VI_PLACES
        self.times = EN_TIMES if english else VI_TIMES
        self.audiences = EN_AUDIENCES if english else VI_AUDIENCES
        self.sentences = EN_SENTENCES if english else VI_SENTENCES
        self.titles = EN_TITLES if english else VI_TITLES

    def slots(self, topic):
        rng = self.rng
        actor = rng.choice(self.actors)
        other_topic = rng.choice([name for name in self.topic_phrases if name != topic])
        audience = rng.choice(self.audiences)
        verb = rng.choice(self.verbs)
        return {
            "actor": actor,
            "actor_lower": actor[0].lower() + actor[1:],
            "Actor": actor,
            "verb": verb,
            "Verb": verb[0].upper() + verb[1:],
            "topic": rng.choice(self.topic_phrases[topic]),
            "topic2": rng.choice(self.topic_phrases[other_topic]),
            "place": rng.choice(self.places),
            "time": rng.choice(self.times),
            "audience": audience,
            "Audience": audience[0].upper() + audience[1:],
            "number": str(rng.randint(20, 1500)),
        }

    def line(self, templates, topic):
        # Redraw until no reserved phrase appears (generic words can meet across slots).
        while True:
            text = self.rng.choice(templates).format(**self.slots(topic))
            if not reserved_phrases_in(text):
                return text

    def page(self, *, number, kind):
        rng = self.rng
        topic_names = list(self.topic_phrases)
        topic = rng.choice(topic_names)
        topics = (topic,) if rng.random() < 0.7 else (topic, rng.choice(topic_names))
        body = []
        for _paragraph in range(rng.randint(2, 4)):
            body.append(" ".join(self.line(self.sentences, topic) for _ in range(rng.randint(2, 4))))
        extra = {}
        if kind == "resource":
            extra = self.resource_fields()
        return PageSpec(
            kind=kind,
            locale=self.locale,
            slug=f"{kind}-{number:05d}",
            title=self.line(self.titles[kind], topic),
            summary=self.line(self.sentences, topic),
            body=tuple(body),
            published_at=_at(str(FIRST_DAY + timedelta(days=rng.randrange(DAYS)))) + timedelta(minutes=number),
            topics=tuple(dict.fromkeys(topics)),
            audiences=tuple(sorted(rng.sample(AUDIENCES, rng.randint(1, 3)))),
            **extra,
        )

    def resource_fields(self):
        rng = self.rng
        resource_type = rng.choice(RESOURCE_TYPES)
        fields = {
            "resource_type": resource_type,
            "school_levels": tuple(level for level in SCHOOL_LEVELS if rng.random() < 0.4) or ("primary",),
        }
        if resource_type == "legal-document" and self.locale == "vi":
            document_type, template = rng.choice(NUMBER_FORMATS)
            number = rng.randint(1, 2999)
            while number in RESERVED_NUMBERS:
                number = rng.randint(1, 2999)
            fields |= {
                "document_type": document_type,
                "document_number": template.format(n=number, year=rng.randint(2015, 2025)),
                "issuer": rng.choice(VI_ISSUERS),
            }
        return fields


def filler_pages(*, count, seed):
    rng = random.Random(seed)
    writers = {"vi": FillerWriter(rng=rng, locale="vi"), "en": FillerWriter(rng=rng, locale="en")}
    kinds = [kind for kind, weight in FILLER_KIND_WEIGHTS for _ in range(weight)]
    pages = []
    for number in range(count):
        locale = "en" if rng.random() < ENGLISH_SHARE else "vi"
        pages.append(writers[locale].page(number=number, kind=rng.choice(kinds)))
    return pages


def build_corpus(*, size=10_000, seed=20240905):
    """Anchors plus enough fillers to make `size` pages; the same seed always gives the same pages."""
    return [*ANCHORS, *filler_pages(count=max(0, size - len(ANCHORS)), seed=seed)]
