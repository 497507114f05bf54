"""Writes that set up the demo site beyond what a content bundle expresses.

A bundle (see content-format.md) carries topics, articles, campaigns and
resources. The home page's own wording, the hotlines, the portal settings,
the about / privacy / accessibility pages and the home page's featured items
are set here, in Vietnamese and English. Every function is idempotent: a
second run updates in place and creates nothing new.

The district ("quận Hòa Bình") and its local phone numbers are fictional;
111, 113, 114 and 115 are Vietnam's real national lines.
"""

import re

from django.conf import settings
from django.db import transaction
from django.utils.html import escape
from wagtail.models import Locale
from wagtail.rich_text import RichText

from home.kinds import all_kinds, get_kind
from home.models import (
    DangerPhrase,
    HomePage,
    HomePageFeaturedCampaign,
    HomePageFeaturedResource,
    Hotline,
    MailboxPage,
    PortalSettings,
    PortalSettingsHotline,
    School,
    StandardPage,
)
from home.services import ensure_home_page, get_or_create_locale

TRANSLATION_LOCALE = "en"
# The privacy page states the mailbox's retention period as configured when the demo is loaded.
RETENTION_DAYS = settings.MAILBOX_RETENTION_DAYS

FEATURED_CAMPAIGN_SLUGS = (
    "truong-hoc-khong-khoi-thuoc-nam-hoc-2026-2027",
    "thang-hanh-dong-phong-chong-ma-tuy-2027",
)
FEATURED_RESOURCE_SLUGS = (
    "cong-van-1234-bao-dam-an-ninh-trat-tu-truong-hoc-2026-2027",
    "cam-nang-cha-me-phong-chong-xam-hai-tre-em",
    "ap-phich-so-dien-thoai-khan-cap",
)

CONTACT_EMAIL = "lienhe@antoanhocduong.example"
CONTACT_ADDRESS = "Phòng Giáo dục và Đào tạo quận Hòa Bình, số 12 đường Lê Lợi, quận Hòa Bình"

HOME_PAGE_TEXT = {
    "vi": {
        "title": "Trang chủ",
        "hero_title": "Chung tay vì trường học an toàn",
        "hero_message": (
            "Thông tin pháp luật, cẩm nang và tài liệu về phòng, chống ma túy, bạo lực học đường, xâm hại trẻ em, "
            "an toàn giao thông và lừa đảo trực tuyến, dành cho phụ huynh, học sinh và thầy cô quận Hòa Bình."
        ),
        "search_prompt": "Ví dụ: thuốc lá điện tử, 1234/PGDĐT-CTHSSV",
        "campaigns_heading": "Chiến dịch và phong trào",
        "articles_heading": "Bài viết mới",
        "resources_heading": "Tài liệu nổi bật",
        "hotlines_heading": "Cần giúp đỡ ngay?",
        "hotlines_message": (
            "Các tổng đài 111, 113, 114, 115 đều miễn phí và trực 24/24 giờ. "
            "Khi trẻ em gặp nguy hiểm, hãy gọi ngay, đừng chờ đợi."
        ),
        "search_description": (
            "Cổng thông tin An toàn học đường quận Hòa Bình: pháp luật, chiến dịch và tài liệu "
            "cho phụ huynh, học sinh và thầy cô."
        ),
    },
    "en": {
        "title": "Home",
        "hero_title": "Together for safe schools",
        "hero_message": (
            "Legal information, guides and materials on drugs, school violence, child abuse, road safety and online "
            "scams, for parents, pupils and teachers in Hòa Bình district."
        ),
        "search_prompt": "For example: e-cigarettes, 1234/PGDĐT-CTHSSV",
        "campaigns_heading": "Campaigns",
        "articles_heading": "Latest articles",
        "resources_heading": "Featured resources",
        "hotlines_heading": "Need help now?",
        "hotlines_message": (
            "The 111, 113, 114 and 115 lines are free and answered 24 hours a day. "
            "If a child is in danger, call now; do not wait."
        ),
        "search_description": (
            "The Hòa Bình district school-safety portal: the law, campaigns and materials for parents, pupils "
            "and teachers."
        ),
    },
}

HOTLINES = [
    {
        "number": "111",
        "vi": (
            "Tổng đài quốc gia bảo vệ trẻ em",
            "Miễn phí, 24/24 giờ: tiếp nhận tin báo và tư vấn khi trẻ em bị bạo lực, xâm hại.",
        ),
        "en": (
            "National child protection hotline",
            "Free, 24 hours a day: reports and advice when a child suffers violence or abuse.",
        ),
    },
    {
        "number": "113",
        "vi": ("Công an", "Khi cần ngăn chặn hành vi phạm tội: đánh nhau, trộm cắp, đe dọa."),
        "en": ("Police", "To stop a crime: fights, theft, threats."),
    },
    {
        "number": "114",
        "vi": ("Cứu hỏa, cứu nạn, cứu hộ", "Khi có cháy, nổ, người bị mắc kẹt hoặc đuối nước."),
        "en": ("Fire and rescue", "Fires, explosions, people trapped or drowning."),
    },
    {
        "number": "115",
        "vi": ("Cấp cứu y tế", "Khi có người bị thương, ngất, khó thở hoặc ngộ độc."),
        "en": ("Ambulance", "Injuries, fainting, breathing difficulties or poisoning."),
    },
    {
        "number": "024 0000 0113",
        "vi": (
            "Đường dây nóng Công an quận Hòa Bình",
            "Tin báo về an ninh, trật tự quanh trường học, ma túy, thuốc lá điện tử.",
        ),
        "en": (
            "Hòa Bình District Police hotline",
            "Reports about security around schools, drugs and e-cigarettes.",
        ),
    },
    {
        "number": "024 0000 0222",
        "vi": (
            "Đường dây nóng Phòng Giáo dục và Đào tạo quận",
            "Giờ hành chính: phản ánh về an toàn trường học, bạo lực học đường.",
        ),
        "en": (
            "District Office of Education and Training hotline",
            "Office hours: concerns about school safety and school violence.",
        ),
    },
]

# Body blocks: ("h2", text), ("p", text with **bold**), ("ul", [items]),
# ("links", [(page key, link text)]), ("callout", style, title, text).
STANDARD_PAGES = [
    {
        "key": "privacy",
        "slugs": {"vi": "chinh-sach-bao-mat", "en": "privacy-policy"},
        "show_in_menus": False,
        "vi": {
            "title": "Chính sách bảo mật",
            "introduction": (
                "Cổng thông tin thu thập ít dữ liệu nhất có thể. Trang này nói rõ chúng tôi lưu gì, vì sao và "
                "trong bao lâu."
            ),
            "body": [
                ("h2", "Người đọc không cần tài khoản"),
                (
                    "p",
                    "Bạn có thể đọc bài viết, tìm kiếm và tải tài liệu mà không cần đăng ký hay đăng nhập. Trang "
                    "không có mục bình luận. Chỉ có hai biểu mẫu: hộp thư “Điều em muốn nói” dành cho học sinh và "
                    "câu hỏi “Trang này có hữu ích không?”; cả hai đều không hỏi họ tên và được mô tả dưới đây.",
                ),
                ("h2", "Những gì được ghi nhận"),
                (
                    "ul",
                    [
                        "**Số lượt tải tài liệu:** mỗi tài liệu chỉ có một con số đếm tổng số lượt tải. Không lưu "
                        "địa chỉ IP, thiết bị hay bất kỳ thông tin nào về người tải.",
                        "**Từ khóa tìm kiếm:** để cải thiện nội dung, hệ thống đếm số lần mỗi từ khóa được tìm trong "
                        "ngày và số lần không có kết quả, không kèm địa chỉ IP hay thông tin người tìm. Số liệu này "
                        "được tự động xóa sau ba tháng.",
                        "**Ý kiến “Trang này có hữu ích không?”:** chỉ lưu câu trả lời có hoặc không, góp ý bạn tự "
                        "viết (nếu có) và trang được đánh giá. Không lưu địa chỉ IP, thiết bị, cookie hay bất kỳ "
                        "thông tin cá nhân nào về người trả lời.",
                        "**Nhật ký máy chủ:** như mọi trang web, máy chủ có thể ghi nhật ký kỹ thuật (thời gian, "
                        "địa chỉ trang được yêu cầu, địa chỉ IP) để bảo đảm an toàn và khắc phục sự cố. Nhật ký chỉ "
                        "được giữ trong thời gian ngắn theo quy định của đơn vị vận hành và không được dùng để theo "
                        "dõi người đọc.",
                    ],
                ),
                ("h2", "Hộp thư “Điều em muốn nói”"),
                (
                    "p",
                    "Học sinh có thể gửi thư xin giúp đỡ mà không cần tài khoản và không cần ghi tên. Khi gửi, em "
                    "nhận được một mã thư và một mã PIN để quay lại đọc câu trả lời. Hệ thống chỉ lưu:",
                ),
                (
                    "ul",
                    [
                        "**Nội dung thư** của em và câu trả lời của tư vấn viên, được mã hóa khi lưu trữ.",
                        "**Trường và chủ đề** nếu em chọn (không bắt buộc).",
                        "**Ngày giờ** gửi thư và trả lời, **mã thư** và **mã PIN**. Mã PIN chỉ được lưu dưới dạng "
                        "mã băm: không ai đọc lại được mã PIN của em, kể cả chúng tôi.",
                    ],
                ),
                (
                    "p",
                    "**Không bao giờ lưu:** họ tên (trừ khi em tự viết trong thư), địa chỉ IP, thông tin về thiết "
                    "bị hay trình duyệt, cookie theo dõi. Để chặn thư rác, hệ thống chỉ đếm tạm số lần gửi từ cùng "
                    "một mạng trong bộ nhớ đệm, trong thời gian ngắn; con số này không gắn với thư của em và tự "
                    "mất đi.",
                ),
                (
                    "p",
                    "**Ai được đọc:** chỉ tư vấn viên được phân công cho trường của em, hoặc cho toàn thành phố, "
                    "mới đọc được thư; nếu em không chọn trường, chỉ tư vấn viên của toàn thành phố đọc được. Biên "
                    "tập viên, người duyệt bài và quản trị viên trang web không đọc được thư. Mỗi lần tư vấn viên "
                    "mở, trả lời, in hoặc xuất thư đều được ghi lại (ai, khi nào, mã thư nào; không ghi nội dung).",
                ),
                (
                    "p",
                    f"**Lưu trong bao lâu:** thư được tự động xóa {RETENTION_DAYS} ngày sau lần hoạt động cuối "
                    "cùng (lần gửi hoặc trả lời gần nhất). Trước đó, nếu cần tiếp tục giúp em, tư vấn viên có thể "
                    "in hoặc lưu thư thành tệp PDF; bản này được nhà trường giữ kín.",
                ),
                (
                    "callout",
                    "warning",
                    "Nếu em đang gặp nguy hiểm",
                    "Đừng chờ trả lời qua hộp thư: hãy gọi ngay **111** (Tổng đài quốc gia bảo vệ trẻ em, miễn phí) "
                    "hoặc **113** (Công an).",
                ),
                ("h2", "Cookie và dịch vụ bên ngoài"),
                (
                    "p",
                    "Trang không dùng cookie quảng cáo, không dùng công cụ phân tích của bên thứ ba và không tải "
                    "phông chữ, tập lệnh hay hình ảnh từ máy chủ bên ngoài. Cookie chỉ được dùng cho biên tập viên "
                    "khi đăng nhập trang quản trị.",
                ),
                ("h2", "Biên tập viên"),
                (
                    "p",
                    "Tài khoản biên tập viên lưu họ tên, địa chỉ e-mail và lịch sử chỉnh sửa nội dung để bảo đảm "
                    "trách nhiệm biên tập. Những thông tin này không được công khai.",
                ),
                ("h2", "Khi bạn liên hệ với chúng tôi"),
                (
                    "p",
                    "Nếu bạn gửi e-mail đến địa chỉ liên hệ của cổng thông tin, chúng tôi chỉ dùng thông tin đó để "
                    "trả lời bạn. Đừng gửi thông tin về trẻ em bị xâm hại qua e-mail: hãy gọi Tổng đài 111 hoặc 113.",
                ),
                ("h2", "Quyền của bạn"),
                (
                    "p",
                    "Bạn có quyền hỏi chúng tôi đang lưu thông tin gì về bạn và yêu cầu xóa, theo quy định của pháp "
                    "luật Việt Nam về bảo vệ dữ liệu cá nhân. Vì người đọc không có tài khoản, thông thường chúng "
                    "tôi không lưu thông tin nào có thể nhận diện bạn.",
                ),
            ],
        },
        "en": {
            "title": "Privacy policy",
            "introduction": (
                "This portal collects as little data as it can. This page says what we keep, why, and for how long."
            ),
            "body": [
                ("h2", "Readers do not need an account"),
                (
                    "p",
                    "You can read articles, search and download materials without registering or signing in. The "
                    "site has no comments. It has only two forms: the students' help mailbox and the “Was this page "
                    "helpful?” question; neither asks for a name, and both are described below.",
                ),
                ("h2", "What is recorded"),
                (
                    "ul",
                    [
                        "**Download counts:** each document has a single number counting its downloads. No IP "
                        "address, device or any other information about who downloaded it is kept.",
                        "**Search terms:** to improve the content, the site counts how many times each search term "
                        "was used each day and how often it found nothing, without any IP address or information "
                        "about who searched. These counts are deleted automatically after three months.",
                        "**“Was this page helpful?” answers:** only the yes or no answer, the comment you choose to "
                        "write (if any) and the page it is about are kept. No IP address, device, cookie or any "
                        "other personal information about who answered is kept.",
                        "**Server logs:** like any website, the server may keep technical logs (time, requested "
                        "address, IP address) for security and troubleshooting. They are kept for a short time as "
                        "set by the hosting operator and are not used to track readers.",
                    ],
                ),
                ("h2", "The students' help mailbox"),
                (
                    "p",
                    "Students can write to ask for help without an account and without giving their name. After "
                    "sending, they get a case code and a PIN to come back and read the reply. The mailbox keeps "
                    "only:",
                ),
                (
                    "ul",
                    [
                        "**The text of the messages** and the counsellors' replies, encrypted when stored.",
                        "**The school and the topic**, if the student chose them (both are optional).",
                        "**The dates and times** of messages and replies, the **case code** and the **PIN**. The PIN "
                        "is kept only as a hash: nobody can read it back, not even us.",
                    ],
                ),
                (
                    "p",
                    "**Never kept:** the student's name (unless they write it in the message), IP address, device "
                    "or browser details, tracking cookies. To stop spam, the site only counts recent messages from "
                    "the same network, for a short time, in a temporary cache; the count is never linked to a "
                    "message and disappears by itself.",
                ),
                (
                    "p",
                    "**Who can read it:** only counsellors assigned to the student's school, or to the whole city, "
                    "can read the messages; when no school was chosen, only the city-wide counsellors can. Editors, "
                    "reviewers and the site's administrators cannot read them. Every time a counsellor opens, "
                    "answers, prints or exports a case, it is recorded (who, when, which case code; never the "
                    "content).",
                ),
                (
                    "p",
                    f"**How long:** a case is deleted automatically {RETENTION_DAYS} days after its last activity "
                    "(the latest message or reply). Before then, if the student still needs help, a counsellor may "
                    "print the case or save it as a PDF file, which the school keeps confidential.",
                ),
                (
                    "callout",
                    "warning",
                    "If you are in danger",
                    "Do not wait for a reply from the mailbox: call **111** (national child protection hotline, "
                    "free) or **113** (police) now.",
                ),
                ("h2", "Cookies and outside services"),
                (
                    "p",
                    "The site uses no advertising cookies and no third-party analytics, and loads no fonts, scripts "
                    "or images from outside servers. Cookies are only used for editors signed in to the admin.",
                ),
                ("h2", "Editors"),
                (
                    "p",
                    "Editor accounts hold a name, an e-mail address and the history of content changes, so that "
                    "editing is accountable. This information is not made public.",
                ),
                ("h2", "When you contact us"),
                (
                    "p",
                    "If you e-mail the portal's contact address, we use what you send only to reply to you. Do not "
                    "send information about a child being abused by e-mail: call the 111 helpline or 113.",
                ),
                ("h2", "Your rights"),
                (
                    "p",
                    "You may ask us what information we hold about you and ask for it to be deleted, under "
                    "Vietnam's personal data protection law. As readers have no accounts, we normally hold nothing "
                    "that identifies you.",
                ),
            ],
        },
    },
    {
        "key": "accessibility",
        "slugs": {"vi": "kha-nang-tiep-can", "en": "accessibility"},
        "show_in_menus": False,
        "vi": {
            "title": "Tuyên bố về khả năng tiếp cận",
            "introduction": (
                "Chúng tôi muốn mọi người, kể cả người khuyết tật, người dùng điện thoại cũ hay mạng chậm, đều đọc "
                "được thông tin trên cổng thông tin này."
            ),
            "body": [
                ("h2", "Những gì chúng tôi đã làm"),
                (
                    "ul",
                    [
                        "Trang dùng được đầy đủ khi không có JavaScript và trên màn hình nhỏ.",
                        "Có thể điều hướng bằng bàn phím; đầu mỗi trang có liên kết để bỏ qua, đi thẳng đến nội "
                        "dung chính.",
                        "Tiêu đề, danh sách và bảng được đánh dấu đúng cấu trúc để trình đọc màn hình đọc được.",
                        "Hình ảnh có văn bản thay thế; biên tập viên được yêu cầu mô tả hình ảnh khi đăng.",
                        "Mỗi tài liệu tải về có trang giới thiệu tóm tắt nội dung, kèm định dạng và dung lượng tệp.",
                        "Nội dung có bằng tiếng Việt, một phần có bằng tiếng Anh.",
                    ],
                ),
                ("h2", "Mục tiêu"),
                (
                    "p",
                    "Chúng tôi hướng tới đáp ứng mức AA của Hướng dẫn về khả năng tiếp cận nội dung web (WCAG) 2.1.",
                ),
                ("h2", "Hạn chế đã biết"),
                (
                    "ul",
                    [
                        "Một số tệp PDF, nhất là bản chụp văn bản hành chính, có thể chưa đọc được bằng trình đọc màn "
                        "hình. Khi cần, hãy liên hệ để nhận nội dung ở dạng văn bản.",
                        "Nhiều tài liệu tải về chỉ có bằng tiếng Việt.",
                    ],
                ),
                ("h2", "Phản hồi"),
                (
                    "p",
                    "Nếu bạn gặp khó khăn khi sử dụng trang, hãy gửi e-mail đến địa chỉ liên hệ ở cuối trang, cho "
                    "biết trang nào và khó khăn gì. Chúng tôi sẽ trả lời trong vòng 5 ngày làm việc.",
                ),
                ("p", "Tuyên bố này được cập nhật vào tháng 11/2026."),
            ],
        },
        "en": {
            "title": "Accessibility statement",
            "introduction": (
                "We want everyone, including disabled people and people with old phones or slow connections, to be "
                "able to read the information on this portal."
            ),
            "body": [
                ("h2", "What we have done"),
                (
                    "ul",
                    [
                        "The site works fully without JavaScript and on small screens.",
                        "It can be used with a keyboard; every page starts with a link that skips straight to the "
                        "main content.",
                        "Headings, lists and tables are marked up properly so that screen readers can read them.",
                        "Images have text alternatives; editors are asked to describe images when they add them.",
                        "Every downloadable file has a page that summarises it and gives its format and size.",
                        "Content is in Vietnamese, and part of it in English.",
                    ],
                ),
                ("h2", "Our goal"),
                ("p", "We aim to meet level AA of the Web Content Accessibility Guidelines (WCAG) 2.1."),
                ("h2", "Known limitations"),
                (
                    "ul",
                    [
                        "Some PDF files, especially scans of official documents, may not work with screen readers. "
                        "Contact us if you need their content as text.",
                        "Many downloadable files are in Vietnamese only.",
                    ],
                ),
                ("h2", "Feedback"),
                (
                    "p",
                    "If something on the site is hard to use, e-mail the contact address at the bottom of the page and "
                    "tell us which page and what the problem was. We will reply within 5 working days.",
                ),
                ("p", "This statement was last updated in November 2026."),
            ],
        },
    },
    {
        "key": "about",
        "slugs": {"vi": "gioi-thieu", "en": "about"},
        "show_in_menus": True,
        "vi": {
            "title": "Giới thiệu",
            "introduction": (
                "Cổng thông tin An toàn học đường giúp phụ huynh, học sinh và thầy cô tìm hiểu pháp luật, nhận biết "
                "nguy cơ và biết tìm đến ai khi cần giúp đỡ."
            ),
            "body": [
                ("h2", "Cổng thông tin này dành cho ai?"),
                (
                    "p",
                    "Trang được xây dựng cho cha mẹ học sinh, học sinh, giáo viên và cán bộ quản lý các trường mầm "
                    "non, tiểu học, trung học cơ sở trên địa bàn quận Hòa Bình. Mọi nội dung đều miễn phí và không "
                    "cần đăng ký tài khoản.",
                ),
                ("h2", "Nội dung"),
                (
                    "ul",
                    [
                        "**Tìm hiểu pháp luật:** bài viết tóm tắt những quy định liên quan đến trẻ em và học sinh, "
                        "kèm lời khuyên thiết thực.",
                        "**Chiến dịch:** các đợt tuyên truyền, phong trào theo năm học và cách tham gia.",
                        "**Thư viện tài liệu:** công văn, kế hoạch, cẩm nang, áp phích, bài giảng để tải về và sử "
                        "dụng.",
                    ],
                ),
                ("h2", "Ai biên soạn?"),
                (
                    "p",
                    "Nội dung do Phòng Giáo dục và Đào tạo quận Hòa Bình phối hợp với Công an quận, Trung tâm y tế "
                    "quận và các trường học biên soạn. Các bài viết về pháp luật tóm tắt văn bản cho dễ hiểu; khi cần "
                    "áp dụng, hãy đối chiếu với văn bản gốc hoặc hỏi cơ quan có thẩm quyền.",
                ),
                ("h2", "Khi cần giúp đỡ ngay"),
                (
                    "p",
                    "Cổng thông tin không thay thế các tổng đài khẩn cấp. Khi trẻ em gặp nguy hiểm, hãy gọi **111** "
                    "(bảo vệ trẻ em), **113** (công an), **114** (cứu hỏa, cứu nạn) hoặc **115** (cấp cứu).",
                ),
                ("h2", "Chính sách của cổng thông tin"),
                ("links", [("privacy", "Chính sách bảo mật"), ("accessibility", "Tuyên bố về khả năng tiếp cận")]),
                (
                    "callout",
                    "info",
                    "Dữ liệu minh họa",
                    "Nội dung hiện có là dữ liệu minh họa đi kèm phần mềm. Quận Hòa Bình, các văn bản mang số hiệu "
                    "của quận và các số điện thoại địa phương là giả định; các tổng đài 111, 113, 114, 115 là số "
                    "thật trên toàn quốc.",
                ),
            ],
        },
        "en": {
            "title": "About",
            "introduction": (
                "The school-safety portal helps parents, pupils and teachers understand the law, recognise risks and "
                "know who to turn to for help."
            ),
            "body": [
                ("h2", "Who is this portal for?"),
                (
                    "p",
                    "It is built for parents, pupils, teachers and the staff of preschools, primary and "
                    "lower-secondary schools in Hòa Bình district. Everything is free and needs no account.",
                ),
                ("h2", "What you will find"),
                (
                    "ul",
                    [
                        "**Know the law:** articles that sum up the rules concerning children and pupils, with "
                        "practical advice.",
                        "**Campaigns:** awareness drives and movements through the school year, and how to take part.",
                        "**Resource library:** official dispatches, plans, guides, posters and lesson slides to "
                        "download and use.",
                    ],
                ),
                ("h2", "Who writes it?"),
                (
                    "p",
                    "The content is written by the Hòa Bình District Office of Education and Training together with "
                    "the district police, the district health centre and the schools. Articles about the law "
                    "summarise it in plain words; before relying on a rule, check the original text or ask the "
                    "competent authority.",
                ),
                ("h2", "If you need help now"),
                (
                    "p",
                    "This portal does not replace the emergency lines. If a child is in danger, call **111** (child "
                    "protection), **113** (police), **114** (fire and rescue) or **115** (ambulance).",
                ),
                ("h2", "Portal policies"),
                ("links", [("privacy", "Privacy policy"), ("accessibility", "Accessibility statement")]),
                (
                    "callout",
                    "info",
                    "Demonstration content",
                    "The content currently on this site is demonstration data shipped with the software. Hòa Bình "
                    "district, the documents numbered by the district and the local phone numbers are fictional; "
                    "111, 113, 114 and 115 are Vietnam's real national lines.",
                ),
            ],
        },
    },
]


MAILBOX_PAGE = {
    "vi": {
        "slug": "hop-thu-dieu-em-muon-noi",
        "title": "Hộp thư điều em muốn nói",
        "introduction": (
            "Em đang lo lắng vì bị bắt nạt, bị rủ rê thử ma túy, bị ai đó làm hại hay gặp chuyện trên mạng? "
            "Hãy viết cho chúng tôi. Thầy cô tư vấn tâm lý của trường sẽ đọc và trả lời em ngay trên trang này."
        ),
        "read_introduction": "Nhập mã thư và mã PIN em nhận được khi gửi thư để đọc câu trả lời và viết thêm.",
    },
    "en": {
        "slug": "help-mailbox",
        "title": "Tell us what's on your mind",
        "introduction": (
            "Are you worried because you are bullied, pressured to try drugs, hurt by someone or facing something "
            "online? Write to us. A school counsellor will read your message and answer you on this page."
        ),
        "read_introduction": "Enter the case code and PIN you got when you sent your message to read the answer.",
    },
}

# Fictional schools of the fictional Hòa Bình district.
DEMO_SCHOOLS = (
    "Trường Tiểu học Kim Đồng",
    "Trường THCS Lê Lợi",
    "Trường THCS Nguyễn Du",
    "Trường THCS Trần Phú",
    "Trường THPT Hòa Bình",
)

DEMO_DANGER_PHRASES = (
    "tự tử",
    "tự sát",
    "muốn chết",
    "không muốn sống",
    "tự làm đau",
    "tự hại",
    "bị đánh",
    "đánh đập",
    "xâm hại",
    "hiếp dâm",
    "sờ mó",
    "ma túy",
    "đe dọa",
    "tống tiền",
    "suicide",
    "kill myself",
    "want to die",
    "self-harm",
    "hurt myself",
    "beaten",
    "abused",
    "rape",
    "drugs",
    "threatened",
)


def ensure_mailbox_lists():
    """The demo schools (in order) and danger phrases; existing ones are kept as they are."""
    schools = [
        School.objects.get_or_create(name=name, defaults={"sort_order": order})[0]
        for order, name in enumerate(DEMO_SCHOOLS, start=1)
    ]
    phrases = [DangerPhrase.objects.get_or_create(phrase=phrase)[0] for phrase in DEMO_DANGER_PHRASES]
    return {"schools": schools, "danger_phrases": phrases}


def ensure_mailbox_page(*, home, home_translation):
    """The help mailbox under `home`, translated under `home_translation`; returns both."""
    default_code, translation_code = home.locale.language_code, home_translation.locale.language_code
    page = MailboxPage.objects.child_of(home).first()
    is_new = page is None
    page = page or MailboxPage(slug=MAILBOX_PAGE[default_code]["slug"])
    _fill_mailbox_page(page, text=MAILBOX_PAGE[default_code])
    if is_new:
        home.add_child(instance=page)
    page.save_revision().publish()

    locale = home_translation.locale
    translation = MailboxPage.objects.filter(translation_key=page.translation_key, locale=locale).first()
    is_new = translation is None
    translation = translation or MailboxPage(
        slug=MAILBOX_PAGE[translation_code]["slug"], locale=locale, translation_key=page.translation_key
    )
    _fill_mailbox_page(translation, text=MAILBOX_PAGE[translation_code])
    if is_new:
        home_translation.add_child(instance=translation)
    translation.save_revision().publish()
    return [page, translation]


def _fill_mailbox_page(page, *, text):
    page.title = page.draft_title = text["title"]
    page.introduction = text["introduction"]
    page.read_introduction = text["read_introduction"]
    page.search_description = text["introduction"]
    page.show_in_menus = True


def site_has_content():
    """True when any page of a registered content kind exists, live or not, in any locale."""
    return any(kind.page_model.objects.exists() for kind in all_kinds())


@transaction.atomic
def set_up_demo_site():
    """Home pages, hotlines, portal settings and standard pages, in the default locale and English."""
    translation_locale = get_or_create_locale(language_code=TRANSLATION_LOCALE)
    home = set_home_page_text(locale=Locale.get_default())
    home_en = set_home_page_text(locale=translation_locale)
    hotlines = ensure_hotlines(translation_locale=translation_locale)
    set_portal_settings(site=home.get_site(), hotlines=hotlines)
    pages = ensure_standard_pages(home=home, home_translation=home_en)
    mailbox_pages = ensure_mailbox_page(home=home, home_translation=home_en)
    return {
        "home_pages": [home, home_en],
        "hotlines": hotlines,
        "standard_pages": pages,
        "mailbox_pages": mailbox_pages,
        **ensure_mailbox_lists(),
    }


def set_home_page_text(*, locale):
    home = ensure_home_page(locale=locale)
    for field, value in HOME_PAGE_TEXT[locale.language_code].items():
        setattr(home, field, value)
    home.draft_title = home.title
    home.save_revision().publish()
    return HomePage.objects.get(pk=home.pk)


def ensure_hotlines(*, translation_locale):
    """The demo hotlines in the default locale, each with its translation; returns the default-locale ones."""
    default_locale = Locale.get_default()
    hotlines = []
    for order, entry in enumerate(HOTLINES, start=1):
        hotline = Hotline.objects.filter(locale=default_locale, number=entry["number"]).first()
        hotline = hotline or Hotline(locale=default_locale, number=entry["number"])
        hotline.name, hotline.description = entry[default_locale.language_code]
        hotline.sort_order = order
        hotline.save()
        translation = hotline.get_translation_or_none(translation_locale)
        translation = translation or hotline.copy_for_translation(translation_locale)
        translation.name, translation.description = entry[translation_locale.language_code]
        translation.number, translation.sort_order = hotline.number, hotline.sort_order
        translation.save()
        hotlines.append(hotline)
    return hotlines


def set_portal_settings(*, site, hotlines):
    portal_settings = PortalSettings.for_site(site)
    portal_settings.contact_email = CONTACT_EMAIL
    portal_settings.contact_address = CONTACT_ADDRESS
    portal_settings.hotline_links = [
        PortalSettingsHotline(hotline=hotline, sort_order=order) for order, hotline in enumerate(hotlines)
    ]
    portal_settings.save()
    return portal_settings


def ensure_standard_pages(*, home, home_translation):
    """The about, privacy and accessibility pages under `home`, each translated under `home_translation`."""
    default_code, translation_code = home.locale.language_code, home_translation.locale.language_code
    pages = {default_code: {}, translation_code: {}}
    for spec in STANDARD_PAGES:
        page = StandardPage.objects.child_of(home).filter(slug=spec["slugs"][default_code]).first()
        is_new = page is None
        page = page or StandardPage(slug=spec["slugs"][default_code])
        _fill_standard_page(page, spec=spec, language_code=default_code, pages=pages[default_code])
        if is_new:
            home.add_child(instance=page)
        page.save_revision().publish()
        pages[default_code][spec["key"]] = page

        translation = StandardPage.objects.filter(
            translation_key=page.translation_key, locale=home_translation.locale
        ).first()
        is_new = translation is None
        # Built as a translation directly rather than by copy_for_translation():
        # a copy keeps the Vietnamese slug, and renaming it afterwards makes
        # Wagtail auto-create a redirect from that slug.
        translation = translation or StandardPage(
            slug=spec["slugs"][translation_code], locale=home_translation.locale, translation_key=page.translation_key
        )
        _fill_standard_page(translation, spec=spec, language_code=translation_code, pages=pages[translation_code])
        if is_new:
            home_translation.add_child(instance=translation)
        translation.save_revision().publish()
        pages[translation_code][spec["key"]] = translation
    return pages


def _fill_standard_page(page, *, spec, language_code, pages):
    text = spec[language_code]
    page.title = page.draft_title = text["title"]
    page.introduction = text["introduction"]
    page.search_description = text["introduction"]
    page.show_in_menus = spec["show_in_menus"]
    page.body = body_blocks(text["body"], pages=pages)


def body_blocks(blocks, *, pages):
    """StreamField data from the compact block list above; `pages` maps page keys to pages for links."""
    stream = []
    for block in blocks:
        kind = block[0]
        if kind == "h2":
            stream.append(("heading", {"text": block[1], "level": "h2"}))
        elif kind == "p":
            stream.append(("paragraph", RichText(f"<p>{_inline(block[1])}</p>")))
        elif kind == "ul":
            items = "".join(f"<li>{_inline(item)}</li>" for item in block[1])
            stream.append(("paragraph", RichText(f"<ul>{items}</ul>")))
        elif kind == "links":
            items = "".join(
                f'<li><a linktype="page" id="{pages[key].pk}">{escape(label)}</a></li>'
                for key, label in block[1]
                if key in pages
            )
            stream.append(("paragraph", RichText(f"<ul>{items}</ul>")))
        elif kind == "callout":
            _kind, style, title, text = block
            stream.append(("callout", {"style": style, "title": title, "text": RichText(f"<p>{_inline(text)}</p>")}))
        else:
            raise ValueError(f"Unknown block kind: {kind}")
    return stream


def _inline(text):
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", str(escape(text)))


@transaction.atomic
def feature_demo_content(*, campaign_slugs=FEATURED_CAMPAIGN_SLUGS, resource_slugs=FEATURED_RESOURCE_SLUGS):
    """Feature the demo's campaigns and resources on every locale's home page that has versions of them.

    Pages are looked up by slug in the default locale; each home page links
    its own locale's live versions. Slugs that match nothing are skipped.
    Returns {language code: (number of campaigns, number of resources)}.
    """
    default_locale = Locale.get_default()
    campaigns = _default_locale_pages(kind_name="campaign", slugs=campaign_slugs, locale=default_locale)
    resources = _default_locale_pages(kind_name="resource", slugs=resource_slugs, locale=default_locale)
    featured = {}
    for home in HomePage.objects.filter(depth=2).select_related("locale"):
        local_campaigns = _versions_in(pages=campaigns, locale=home.locale)
        local_resources = _versions_in(pages=resources, locale=home.locale)
        home.featured_campaigns = [
            HomePageFeaturedCampaign(page=page, sort_order=order) for order, page in enumerate(local_campaigns)
        ]
        home.featured_resources = [
            HomePageFeaturedResource(page=page, sort_order=order) for order, page in enumerate(local_resources)
        ]
        home.save_revision().publish()
        featured[home.locale.language_code] = (len(local_campaigns), len(local_resources))
    return featured


def _default_locale_pages(*, kind_name, slugs, locale):
    model = get_kind(kind_name).page_model
    by_slug = {page.slug: page for page in model.objects.filter(locale=locale, slug__in=slugs)}
    return [by_slug[slug] for slug in slugs if slug in by_slug]


def _versions_in(*, pages, locale):
    versions = []
    for page in pages:
        version = page if page.locale_id == locale.pk else page.get_translation_or_none(locale)
        if version is not None and version.live:
            versions.append(version)
    return versions
