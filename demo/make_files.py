"""Regenerate the files of the demo bundle (`demo/bundle/files/`).

The generated files are committed; run this only after changing their text:

    .venv/bin/pip install fpdf2        # PDF writer, needed by this script only
    .venv/bin/python demo/make_files.py

python-docx and python-pptx are project dependencies already. PDFs embed a
subset of the DejaVu fonts (they have Vietnamese glyphs), looked up under
/usr/share/fonts. Dates inside the files are fixed, so unchanged text gives
byte-identical files and no noise in git.

Each file's text matches the page that links it in `content.jsonl`: search
indexes the text of uploaded files.
"""

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

FILES_DIR = Path(__file__).resolve().parent / "bundle" / "files"
FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]
FIXED_TIME = dt.datetime(2026, 11, 1, 8, 0, 0, tzinfo=dt.UTC)
ZIP_TIME = (2026, 11, 1, 8, 0, 0)

PGD = "Phòng Giáo dục và Đào tạo quận Hòa Bình"
CA = "Công an quận Hòa Bình"

# Blocks are tuples: ("title", text), ("subtitle", text), ("h", text), ("p", text),
# ("note", text), ("ul", [items]), ("ol", [items]), ("table", headers, rows),
# ("fill", [rows of field labels, each followed by a dotted blank]), ("official_header", {...}),
# ("signature", {...}), ("page_break",).


def official_header(*, number, subject, place_date, parent="ỦY BAN NHÂN DÂN QUẬN HÒA BÌNH"):
    return (
        "official_header",
        {
            "left": [parent, "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", f"Số: {number}", subject],
            "right": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", place_date],
        },
    )


def signature(*, recipients, title="TRƯỞNG PHÒNG"):
    return ("signature", {"left": ["Nơi nhận:", *recipients], "right": [title, "(Đã ký)"]})


CONG_VAN_1234 = [
    official_header(
        number="1234/PGDĐT-CTHSSV",
        subject="V/v triển khai công tác bảo đảm an ninh, trật tự trường học năm học 2026–2027",
        place_date="Hòa Bình, ngày 08 tháng 9 năm 2026",
    ),
    ("p", "Kính gửi: Hiệu trưởng các trường mầm non, tiểu học, trung học cơ sở trên địa bàn quận."),
    (
        "p",
        "Căn cứ Nghị định số 80/2017/NĐ-CP của Chính phủ quy định về môi trường giáo dục an toàn, lành mạnh, "
        "thân thiện, phòng, chống bạo lực học đường;",
    ),
    (
        "p",
        "Căn cứ Quy chế phối hợp số 15/QCPH-CAQ-PGDĐT ngày 20 tháng 8 năm 2025 giữa Công an quận và Phòng Giáo dục "
        "và Đào tạo quận Hòa Bình về bảo đảm an ninh, trật tự trong các cơ sở giáo dục trên địa bàn quận;",
    ),
    (
        "p",
        "Phòng Giáo dục và Đào tạo đề nghị Hiệu trưởng các trường triển khai thực hiện công tác bảo đảm an ninh, "
        "trật tự trường học năm học 2026–2027 với những nội dung sau:",
    ),
    (
        "ol",
        [
            "Phát động phong trào “Toàn dân bảo vệ an ninh Tổ quốc” trong toàn thể cán bộ, giáo viên, nhân viên và "
            "học sinh ngay từ đầu năm học; đăng ký phấn đấu xây dựng trường đạt tiêu chuẩn “An toàn về an ninh, "
            "trật tự” năm học 2026–2027 theo quy định của Bộ Công an.",
            "Xây dựng kế hoạch bảo đảm an ninh, trật tự của đơn vị; rà soát, ký kết hoặc bổ sung quy chế phối hợp "
            "với Công an phường nơi trường đóng. Hằng tháng trao đổi thông tin về tình hình an ninh, trật tự; "
            "tuyệt đối không che giấu vụ việc.",
            "Tăng cường các biện pháp phòng, chống bạo lực học đường, xâm hại trẻ em: phân công giáo viên trực "
            "trong giờ ra chơi; duy trì phòng tư vấn tâm lý và hộp thư tâm sự của học sinh; xử lý kịp thời, đúng "
            "quy trình khi phát hiện vụ việc.",
            "Phòng, chống ma túy, thuốc lá điện tử và các tệ nạn xã hội xâm nhập học đường; phối hợp với gia đình "
            "quản lý học sinh ngoài giờ học.",
            "Bảo đảm trật tự, an toàn giao thông trước cổng trường: bố trí khu vực đưa đón, tổ chức tan học lệch "
            "giờ khi cần thiết; kiểm tra, quản lý phương tiện đưa đón học sinh theo hợp đồng.",
            "Rà soát hệ thống điện, phương tiện phòng cháy, chữa cháy tại chỗ; tổ chức ít nhất một buổi diễn tập "
            "phòng cháy, chữa cháy và thoát nạn trong học kỳ I.",
            "Bố trí lực lượng bảo vệ, camera giám sát ở các vị trí phù hợp; thực hiện nghiêm nội quy ra vào cổng "
            "trường.",
            "Chế độ báo cáo: gửi kế hoạch thực hiện về Phòng Giáo dục và Đào tạo (bộ phận Công tác học sinh, sinh "
            "viên) trước ngày 30/9/2026; báo cáo sơ kết học kỳ I trước ngày 15/01/2027; báo cáo đột xuất ngay khi "
            "xảy ra vụ việc.",
        ],
    ),
    ("p", "Đề nghị Hiệu trưởng các trường triển khai thực hiện nghiêm túc nội dung công văn này./."),
    signature(recipients=["- Như trên;", "- Công an quận (để phối hợp);", "- Lưu: VT, CTHSSV."]),
]

KE_HOACH_87 = [
    official_header(
        number="87/KH-PGDĐT",
        subject="",
        place_date="Hòa Bình, ngày 15 tháng 9 năm 2026",
    ),
    ("title", "KẾ HOẠCH"),
    ("subtitle", "Phòng, chống ma túy và thuốc lá điện tử trong trường học năm học 2026–2027"),
    (
        "p",
        "Căn cứ Luật Phòng, chống ma túy năm 2021; Luật Phòng, chống tác hại của thuốc lá năm 2012; Nghị quyết của "
        "Quốc hội tại kỳ họp thứ 8 (tháng 11/2024) về việc cấm thuốc lá điện tử, thuốc lá nung nóng từ năm 2025; "
        "Phòng Giáo dục và Đào tạo quận Hòa Bình xây dựng kế hoạch như sau:",
    ),
    ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
    (
        "ol",
        [
            "Nâng cao nhận thức của học sinh, giáo viên, nhân viên và cha mẹ học sinh về tác hại của ma túy, thuốc "
            "lá điện tử, thuốc lá nung nóng và các chất gây nghiện trá hình.",
            "Không để ma túy, thuốc lá điện tử xâm nhập trường học; không có cán bộ, giáo viên, nhân viên, học sinh "
            "sử dụng thuốc lá điện tử.",
            "Các hoạt động thiết thực, phù hợp lứa tuổi, tránh hình thức; bảo đảm bí mật thông tin và không kỳ thị "
            "học sinh có nguy cơ.",
        ],
    ),
    ("h", "II. NỘI DUNG VÀ GIẢI PHÁP"),
    (
        "ol",
        [
            "Tuyên truyền, giáo dục: lồng ghép vào tiết sinh hoạt lớp, hoạt động trải nghiệm, sinh hoạt dưới cờ; "
            "giáo dục kỹ năng từ chối cho học sinh trung học cơ sở.",
            "Quản lý học sinh: giáo viên chủ nhiệm theo dõi chuyên cần, thay đổi bất thường về sức khỏe, tâm lý; "
            "trao đổi kịp thời với gia đình.",
            "Phối hợp: với Trung tâm y tế quận trong tư vấn cai nghiện nicotine; với Công an phường trong rà soát "
            "các điểm kinh doanh quanh trường và xử lý vi phạm.",
            "Hỗ trợ học sinh có nguy cơ: tư vấn tâm lý, giữ bí mật, tạo điều kiện để học sinh tiếp tục học tập.",
        ],
    ),
    ("h", "III. TIẾN ĐỘ THỰC HIỆN"),
    (
        "table",
        ["Thời gian", "Nội dung", "Đơn vị thực hiện"],
        [
            [
                "Tháng 9/2026",
                "Ban hành kế hoạch; phát động chiến dịch “Trường học không khói thuốc, không thuốc lá điện tử”; ký "
                "cam kết của giáo viên, nhân viên, học sinh.",
                "Phòng GD&ĐT; các trường",
            ],
            [
                "Tháng 10/2026",
                "Tập huấn cho giáo viên chủ nhiệm, tổng phụ trách Đội về nhận biết dấu hiệu sử dụng chất gây nghiện.",
                "Phòng GD&ĐT; Công an quận; Trung tâm y tế quận",
            ],
            [
                "Tháng 11/2026 – 01/2027",
                "Tiết sinh hoạt chủ đề; cuộc thi vẽ tranh, làm video ngắn “Nói không với thuốc lá điện tử”.",
                "Các trường",
            ],
            [
                "Tháng 02 – 04/2027",
                "Nói chuyện chuyên đề cho cha mẹ học sinh; rà soát các điểm kinh doanh quanh trường.",
                "Các trường; Công an phường",
            ],
            [
                "Tháng 5/2027",
                "Tổng kết, khen thưởng; xây dựng kế hoạch sinh hoạt hè gắn với Tháng hành động phòng, chống ma túy.",
                "Phòng GD&ĐT; các trường",
            ],
        ],
    ),
    ("h", "IV. TỔ CHỨC THỰC HIỆN"),
    (
        "ol",
        [
            "Phòng Giáo dục và Đào tạo: hướng dẫn, kiểm tra, tổng hợp kết quả; phối hợp với Công an quận và Trung "
            "tâm y tế quận.",
            "Hiệu trưởng các trường: xây dựng kế hoạch của đơn vị, gửi về Phòng Giáo dục và Đào tạo trước ngày "
            "30/9/2026; báo cáo kết quả theo học kỳ.",
            "Giáo viên chủ nhiệm, tổng phụ trách Đội: tổ chức hoạt động cho học sinh, phối hợp chặt chẽ với cha mẹ "
            "học sinh.",
        ],
    ),
    signature(recipients=["- Các trường TH, THCS;", "- Công an quận;", "- Trung tâm y tế quận;", "- Lưu: VT."]),
]

CAM_KET_ATGT = [
    (
        "official_header",
        {
            "left": ["TRƯỜNG ........................................", "", "", ""],
            "right": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", ""],
        },
    ),
    ("title", "BẢN CAM KẾT"),
    ("subtitle", "Chấp hành pháp luật về trật tự, an toàn giao thông năm học 2026–2027"),
    ("p", "Kính gửi: Ban giám hiệu Trường ........................................................"),
    (
        "fill",
        [
            ["Họ và tên cha/mẹ/người giám hộ:", "Số điện thoại:"],
            ["Là cha/mẹ/người giám hộ của học sinh:", "Lớp:"],
        ],
    ),
    (
        "p",
        "Sau khi được nhà trường phổ biến Luật Trật tự, an toàn giao thông đường bộ năm 2024, gia đình và học "
        "sinh cam kết:",
    ),
    (
        "ol",
        [
            "Không giao xe máy, xe máy điện cho học sinh chưa đủ tuổi điều khiển theo quy định.",
            "Đội mũ bảo hiểm đạt chuẩn, cài quai đúng quy cách cho học sinh khi ngồi trên xe mô tô, xe gắn máy; "
            "khuyến khích học sinh đội mũ bảo hiểm khi đi xe đạp điện.",
            "Đưa đón học sinh đúng khu vực nhà trường bố trí; không dừng, đỗ xe dưới lòng đường trước cổng trường.",
            "Nhắc nhở học sinh đi bộ, đi xe đạp an toàn: đi đúng phần đường, không dàn hàng ngang, không lạng lách, "
            "không sử dụng điện thoại khi đi đường.",
            "Khi chở học sinh bằng ô tô, cho trẻ dưới 10 tuổi và cao dưới 1,35 mét ngồi hàng ghế sau, sử dụng thiết "
            "bị an toàn phù hợp.",
            "Phối hợp với nhà trường khi học sinh vi phạm pháp luật về giao thông.",
        ],
    ),
    (
        "note",
        "Nhà trường chỉ dùng bản cam kết này cho mục đích giáo dục an toàn giao thông và lưu tại lớp đến hết năm học.",
    ),
    ("p", "................, ngày ...... tháng ...... năm 20......"),
    (
        "table",
        ["HỌC SINH", "CHA/MẸ HOẶC NGƯỜI GIÁM HỘ"],
        [["(Ký, ghi rõ họ tên)\n\n\n", "(Ký, ghi rõ họ tên)\n\n\n"]],
    ),
]

GIAO_AN_PCCC = [
    ("title", "GIÁO ÁN HOẠT ĐỘNG TRẢI NGHIỆM"),
    ("subtitle", "Chủ đề: EM BIẾT PHÒNG CHÁY VÀ THOÁT NẠN"),
    ("p", "Đối tượng: học sinh lớp 3 đến lớp 5. Thời lượng: 1 tiết (35 phút)."),
    ("h", "I. YÊU CẦU CẦN ĐẠT"),
    (
        "ul",
        [
            "Kể được những vật dụng, thói quen dễ gây cháy trong gia đình: bếp đang đun, ổ cắm quá tải, sạc xe điện "
            "qua đêm, nghịch bật lửa.",
            "Biết cách gọi số 114 và nói rõ địa chỉ, điểm mốc, điều đang xảy ra.",
            "Thực hành được động tác che mũi miệng bằng khăn ướt, cúi thấp người khi thoát nạn qua khói.",
        ],
    ),
    ("h", "II. CHUẨN BỊ"),
    (
        "ul",
        [
            "Giáo viên: tranh ngôi nhà có các nguy cơ cháy, điện thoại đồ chơi, khăn mặt, thẻ Đúng/Sai.",
            "Học sinh: bút màu, giấy A4.",
        ],
    ),
    ("h", "III. TIẾN TRÌNH HOẠT ĐỘNG"),
    (
        "table",
        ["Hoạt động", "Thời gian", "Nội dung và cách tổ chức"],
        [
            [
                "1. Khởi động: Đúng hay sai?",
                "5 phút",
                "Giáo viên đọc tình huống, học sinh giơ thẻ: “Chơi diêm khi bố mẹ vắng nhà” (sai); “Thấy khói thì "
                "báo ngay người lớn” (đúng); “Trốn vào gầm giường khi cháy” (sai).",
            ],
            [
                "2. Khám phá: Tìm nguy cơ cháy",
                "10 phút",
                "Nhóm 4 học sinh quan sát tranh, khoanh tròn nguy cơ cháy và nói cách phòng tránh.",
            ],
            [
                "3. Luyện tập: Gọi 114",
                "10 phút",
                "Đóng vai theo cặp: “Alô, 114 phải không ạ? Nhà cháu ở số ..., đường ..., gần ... Bếp nhà cháu "
                "đang cháy, trong nhà còn em cháu.” Thực hành che mũi miệng, cúi thấp người đi ra cửa lớp.",
            ],
            [
                "4. Vận dụng: Sơ đồ thoát nạn nhà em",
                "10 phút",
                "Học sinh vẽ sơ đồ ngôi nhà, đánh dấu hai lối ra và điểm tập trung của gia đình; về nhà chia sẻ "
                "với bố mẹ.",
            ],
        ],
    ),
    ("h", "IV. PHIẾU HỌC TẬP"),
    (
        "ol",
        [
            "Số điện thoại báo cháy là số nào? Khi gọi, em cần nói những gì?",
            "Vì sao khi thoát nạn qua khói em phải cúi thấp người?",
            "Nếu quần áo bị bén lửa, em làm gì? (Dừng lại – nằm xuống – lăn tròn.)",
            "Kể tên hai việc em có thể làm để phòng cháy trong nhà mình.",
        ],
    ),
    ("h", "V. GỢI Ý ĐÁNH GIÁ"),
    (
        "p",
        "Đánh giá qua quan sát khi học sinh đóng vai và qua sơ đồ thoát nạn. Khen ngợi học sinh nói đúng địa chỉ và "
        "bình tĩnh khi thực hành. Có thể kết hợp tiết học với buổi diễn tập thoát nạn của nhà trường.",
    ),
]

HUONG_DAN_95 = [
    official_header(
        number="95/HD-PGDĐT",
        subject="",
        place_date="Hòa Bình, ngày 02 tháng 10 năm 2026",
    ),
    ("title", "HƯỚNG DẪN"),
    ("subtitle", "Xử lý tình huống bạo lực học đường dành cho giáo viên"),
    (
        "p",
        "Căn cứ Nghị định số 80/2017/NĐ-CP của Chính phủ quy định về môi trường giáo dục an toàn, lành mạnh, thân "
        "thiện, phòng, chống bạo lực học đường, Phòng Giáo dục và Đào tạo hướng dẫn giáo viên chủ nhiệm, giáo viên "
        "bộ môn và nhân viên các trường tiểu học, trung học cơ sở xử lý khi xảy ra bạo lực học đường như sau.",
    ),
    ("h", "I. NGUYÊN TẮC"),
    (
        "ul",
        [
            "Bảo đảm lợi ích tốt nhất và an toàn của học sinh.",
            "Kịp thời, khách quan, đúng thẩm quyền.",
            "Giữ bí mật thông tin cá nhân của học sinh; không nêu tên, hình ảnh học sinh trước tập thể hay trên mạng.",
            "Lấy giáo dục, hỗ trợ làm chính; không xúc phạm, không trù dập học sinh có hành vi bạo lực.",
        ],
    ),
    ("h", "II. QUY TRÌNH NĂM BƯỚC"),
    (
        "ol",
        [
            "Bảo đảm an toàn: tách các học sinh ra, đưa học sinh bị hại đến nơi an toàn; sơ cứu và gọi 115 nếu có "
            "người bị thương.",
            "Tiếp nhận thông tin: lắng nghe riêng từng học sinh, kể cả học sinh chứng kiến; ghi chép khách quan vào "
            "biên bản, không gợi ý câu trả lời.",
            "Báo cáo: báo ngay cho ban giám hiệu. Vụ việc gây thương tích, có dấu hiệu tội phạm hoặc có người ngoài "
            "nhà trường tham gia được báo cho Công an phường hoặc gọi 113.",
            "Phối hợp với gia đình: thông báo cho cha mẹ học sinh các bên trong ngày; tổ chức trao đổi khi đã đủ "
            "thông tin và học sinh bị hại sẵn sàng.",
            "Theo dõi, hỗ trợ: tư vấn tâm lý cho học sinh bị hại, học sinh có hành vi bạo lực và học sinh chứng "
            "kiến; theo dõi ít nhất một tháng sau vụ việc.",
        ],
    ),
    ("h", "III. NHỮNG ĐIỀU KHÔNG LÀM"),
    (
        "ul",
        [
            "Không xử lý, phê bình học sinh trước lớp khi chưa làm rõ sự việc.",
            "Không quay phim, chụp ảnh, chia sẻ hình ảnh vụ việc; yêu cầu học sinh xóa video đã quay.",
            "Không ép các bên hòa giải khi học sinh bị hại chưa sẵn sàng.",
            "Không che giấu vụ việc vì lý do thi đua.",
        ],
    ),
    ("page_break",),
    ("h", "IV. MẪU BIÊN BẢN GHI NHẬN SỰ VIỆC"),
    (
        "fill",
        [
            ["Thời gian xảy ra:", "Địa điểm:"],
            ["Người ghi nhận:", "Chức vụ:"],
            ["Học sinh liên quan (lớp):"],
            ["Diễn biến sự việc:"],
            [""],
            [""],
            ["Biện pháp đã thực hiện:"],
            [""],
            ["Thông báo cho gia đình lúc:", "Báo cáo ban giám hiệu lúc:"],
        ],
    ),
    ("h", "V. SỐ ĐIỆN THOẠI CẦN NHỚ"),
    (
        "ul",
        [
            "111 – Tổng đài quốc gia bảo vệ trẻ em (miễn phí, 24/24 giờ).",
            "113 – Công an.",
            "115 – Cấp cứu y tế.",
        ],
    ),
    signature(recipients=["- Các trường TH, THCS;", "- Lưu: VT, CTHSSV."]),
]

CAM_NANG_XAM_HAI = [
    ("title", "CẨM NANG CHO CHA MẸ"),
    ("subtitle", "Phòng, chống xâm hại trẻ em"),
    ("note", f"Dành cho cha mẹ có con ở bậc mầm non và tiểu học · {PGD}"),
    ("h", "1. Xâm hại trẻ em là gì?"),
    (
        "p",
        "Theo Luật Trẻ em năm 2016, xâm hại trẻ em là hành vi gây tổn hại về thể chất, tình cảm, tâm lý, danh dự, "
        "nhân phẩm của trẻ dưới các hình thức bạo lực, bóc lột, xâm hại tình dục, mua bán, bỏ rơi, bỏ mặc trẻ em và "
        "các hình thức gây tổn hại khác. Phần lớn kẻ xâm hại là người mà trẻ quen biết, vì vậy dặn con tránh người "
        "lạ là chưa đủ.",
    ),
    ("h", "2. Năm nguyên tắc dạy con tự bảo vệ"),
    (
        "ol",
        [
            "Cơ thể của con là của con. Câu nói mẫu: “Đây là cơ thể của con, con được quyết định ai chạm vào con.”",
            "Vùng đồ lót che là vùng riêng tư. Câu nói mẫu: “Không ai được nhìn hay chạm vào chỗ đồ lót che, trừ "
            "khi bố mẹ tắm cho con hoặc bác sĩ khám khi có bố mẹ ở bên.”",
            "Con có quyền nói “không”. Câu nói mẫu: “Nếu ai ôm, hôn khiến con khó chịu, con cứ nói: Cháu không thích!”",
            "Không có bí mật xấu. Câu nói mẫu: “Bí mật làm con sợ hay buồn thì con phải kể với bố mẹ, con sẽ không "
            "bị mắng.”",
            "Con biết kể với ai. Câu nói mẫu: “Ba người con có thể kể bất cứ chuyện gì là: bố mẹ, cô giáo và ...”",
        ],
    ),
    ("page_break",),
    ("h", "3. Dấu hiệu cần quan tâm"),
    (
        "ul",
        [
            "Đột nhiên sợ hãi, né tránh một người hoặc một nơi cụ thể.",
            "Có lời nói, hành vi hoặc hiểu biết về tình dục không phù hợp với lứa tuổi.",
            "Đau, ngứa, chảy máu vùng kín; quần áo lót bị rách, bẩn bất thường.",
            "Đái dầm trở lại, gặp ác mộng thường xuyên, thu mình, cáu giận.",
            "Có quà, tiền hoặc điện thoại không rõ ai cho.",
        ],
    ),
    ("h", "4. Khi con kể với bạn"),
    ("p", "Bốn việc nên làm:"),
    (
        "ol",
        [
            "Tin con và giữ bình tĩnh trước mặt con.",
            "Cảm ơn con đã kể, nói rõ con không có lỗi.",
            "Bảo đảm con an toàn, tránh để con tiếp xúc với người bị nghi ngờ.",
            "Gọi ngay 111 hoặc 113 để được hướng dẫn; đưa con đến cơ sở y tế nếu cần.",
        ],
    ),
    ("p", "Bốn việc không nên làm:"),
    (
        "ol",
        [
            "Không tra hỏi con nhiều lần hay bắt con kể lại trước nhiều người.",
            "Không đổ lỗi cho con hay hỏi “Sao con không kêu lên?”.",
            "Không tự đi tìm, đối chất với người bị nghi ngờ.",
            "Không đăng thông tin, hình ảnh của con lên mạng xã hội.",
        ],
    ),
    ("page_break",),
    ("h", "5. Gọi ai khi cần?"),
    (
        "table",
        ["Số điện thoại", "Khi nào gọi"],
        [
            ["111", "Tổng đài quốc gia bảo vệ trẻ em: tư vấn, tiếp nhận tin báo trẻ bị xâm hại, miễn phí, 24/24 giờ."],
            ["113", "Công an: khi trẻ đang gặp nguy hiểm hoặc cần ngăn chặn ngay hành vi phạm tội."],
            ["115", "Cấp cứu y tế: khi trẻ bị thương hoặc cần được khám ngay."],
        ],
    ),
    ("h", "6. Ghi chú của gia đình"),
    (
        "fill",
        [
            ["Ba người lớn con tin cậy: 1."],
            ["2."],
            ["3."],
            ["Số điện thoại giáo viên chủ nhiệm:"],
            ["Địa chỉ nhà (tập cho con nói thuộc):"],
        ],
    ),
    (
        "note",
        "Cẩm nang có thể được in và sao chụp tự do cho mục đích giáo dục. Mọi thông tin về trẻ bị xâm hại phải được "
        "giữ bí mật.",
    ),
]


def find_font(name):
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return str(folder / name)
    sys.exit(f"Font {name} not found in {', '.join(map(str, FONT_DIRS))}: install fonts-dejavu-core.")


def new_pdf(*, title, family="serif", page_format="A4"):
    from fpdf import FPDF

    pdf = FPDF(format=page_format)
    faces = {
        "serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf"),
        "sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"),
    }[family]
    for style, filename in zip(("", "B", "I", "BI"), faces, strict=True):
        pdf.add_font("Doc", style, find_font(filename))
    pdf.set_title(title)
    pdf.set_author(PGD)
    pdf.set_lang("vi")
    pdf.set_creation_date(FIXED_TIME)
    margin = 20 if page_format == "A4" else 14
    pdf.set_margins(margin, margin - 2, margin - 2)
    pdf.set_auto_page_break(True, margin=margin - 2)
    pdf.add_page()
    return pdf


def write_pdf_blocks(pdf, blocks, *, base=11.5):
    from fpdf.enums import XPos, YPos

    step = base * 0.54

    def line(text, *, size=base, style="", align="J", height=step):
        pdf.set_font("Doc", style, size)
        pdf.multi_cell(0, height, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    for block in blocks:
        kind = block[0]
        if kind == "official_header":
            write_pdf_official_header(pdf, block[1])
        elif kind == "title":
            pdf.ln(2)
            line(block[1], size=base + 3.5, style="B", align="C", height=step + 1.8)
        elif kind == "subtitle":
            line(block[1], size=base + 1, style="B", align="C", height=step + 0.8)
            pdf.ln(3)
        elif kind == "h":
            pdf.ln(2)
            line(block[1], size=base + 0.5, style="B", align="L", height=step + 0.8)
        elif kind == "p":
            line(block[1])
            pdf.ln(1.5)
        elif kind == "note":
            line(block[1], size=base - 1.5, style="I", align="L", height=step - 0.7)
            pdf.ln(1.5)
        elif kind in ("ul", "ol"):
            for number, item in enumerate(block[1], start=1):
                marker = f"{number}." if kind == "ol" else "•"
                pdf.set_font("Doc", "", base)
                pdf.cell(step + 1.8, step, marker)
                pdf.multi_cell(0, step, item, align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                pdf.ln(0.8)
        elif kind == "fill":
            write_pdf_fill(pdf, block[1], size=base)
        elif kind == "table":
            write_pdf_table(pdf, block[1], block[2], size=base - 1)
        elif kind == "signature":
            write_pdf_signature(pdf, block[1])
        elif kind == "page_break":
            pdf.add_page()
        else:
            raise ValueError(kind)


def write_pdf_official_header(pdf, header):
    from fpdf.enums import XPos, YPos

    top = pdf.get_y()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    left_width = width * 0.42
    styles = ["", "B", "", "I"]
    pdf.set_xy(pdf.l_margin, top)
    for text, style in zip(header["left"], styles, strict=True):
        if text:
            pdf.set_font("Doc", style, 9.5)
            pdf.multi_cell(left_width, 5.5, text, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    left_bottom = pdf.get_y()
    pdf.set_xy(pdf.l_margin + left_width, top)
    for text, style in zip(header["right"], ["B", "B", "I"], strict=True):
        if text:
            pdf.set_font("Doc", style, 10)
            pdf.set_x(pdf.l_margin + left_width)
            pdf.multi_cell(width - left_width, 5.5, text, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_xy(pdf.l_margin, max(left_bottom, pdf.get_y()) + 6)


def write_pdf_fill(pdf, rows, *, size):
    """Form fields: each label followed by a dotted blank, the row's labels sharing the width."""
    pdf.set_font("Doc", "", size)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for labels in rows:
        field_width = width / len(labels)
        for label in labels:
            text = f"{label} " if label else ""
            dots = int((field_width - pdf.get_string_width(text) - 2) / pdf.get_string_width("."))
            pdf.cell(field_width, size * 0.75, text + "." * dots)
        pdf.ln(size * 0.75)
    pdf.set_x(pdf.l_margin)
    pdf.ln(1)


def write_pdf_table(pdf, headers, rows, *, size):
    pdf.set_font("Doc", "", size)
    widths = {2: (25, 75), 3: (22, 55, 28)}[len(headers)]
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=size * 0.53, padding=(1, 1.5)) as table:
        header_row = table.row()
        for text in headers:
            header_row.cell(text)
        for row in rows:
            table_row = table.row()
            for text in row:
                table_row.cell(text)
    pdf.ln(3)


def write_pdf_signature(pdf, signature_block):
    from fpdf.enums import XPos, YPos

    pdf.ln(4)
    top = pdf.get_y()
    half = (pdf.w - pdf.l_margin - pdf.r_margin) / 2
    for index, text in enumerate(signature_block["left"]):
        pdf.set_font("Doc", "BI" if index == 0 else "", 10)
        pdf.set_x(pdf.l_margin)
        pdf.multi_cell(half, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(top)
    for index, text in enumerate(signature_block["right"]):
        pdf.set_font("Doc", "B" if index == 0 else "I", 11)
        pdf.set_x(pdf.l_margin + half)
        pdf.multi_cell(half, 6, text, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)


def document_pdf(*, title, blocks, family="serif", page_format="A4", base=11.5):
    pdf = new_pdf(title=title, family=family, page_format=page_format)
    write_pdf_blocks(pdf, blocks, base=base)
    return bytes(pdf.output())


def poster_smoke_free_pdf():
    from fpdf.enums import XPos, YPos

    pdf = new_pdf(title="Nói không với thuốc lá điện tử", family="sans")
    pdf.set_auto_page_break(False)
    width = pdf.w - pdf.l_margin - pdf.r_margin

    pdf.set_fill_color(180, 30, 45)
    pdf.rect(0, 0, pdf.w, 62, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_xy(pdf.l_margin, 14)
    pdf.set_font("Doc", "B", 30)
    pdf.multi_cell(width, 13, "NÓI KHÔNG VỚI\nTHUỐC LÁ ĐIỆN TỬ", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Doc", "", 12)
    pdf.multi_cell(
        width, 7, "Trường học không khói thuốc – năm học 2026–2027", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )

    pdf.set_text_color(20, 20, 20)
    pdf.set_y(72)
    sections = [
        (
            "4 TÁC HẠI",
            [
                "Gây nghiện nicotine rất nhanh, làm giảm trí nhớ và sự tập trung.",
                "Tổn thương phổi, tim mạch; hơi thuốc chứa hạt siêu mịn và kim loại.",
                "Tinh dầu không nhãn mác có thể bị pha ma túy tổng hợp.",
                "Pin có thể cháy, nổ khi sạc hoặc để trong túi quần.",
            ],
        ),
        (
            "PHÁP LUẬT",
            [
                "Từ năm 2025, cấm sản xuất, kinh doanh, nhập khẩu, tàng trữ, vận chuyển và sử dụng thuốc lá điện tử, "
                "thuốc lá nung nóng.",
                "Cấm hút thuốc trong khuôn viên trường học; cấm bán thuốc lá cho người chưa đủ 18 tuổi.",
            ],
        ),
        (
            "3 CÁCH NÓI “KHÔNG”",
            [
                "Nói thẳng: “Không, cảm ơn. Mình không dùng.”",
                "Rủ làm việc khác: “Thôi, đi ăn kem đi!”",
                "Rời khỏi chỗ đó và đi cùng một người bạn cũng từ chối.",
            ],
        ),
    ]
    for heading, items in sections:
        pdf.set_font("Doc", "B", 18)
        pdf.set_text_color(180, 30, 45)
        pdf.cell(width, 11, heading, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(20, 20, 20)
        pdf.set_font("Doc", "", 14)
        for item in items:
            pdf.cell(8, 8, "•")
            pdf.multi_cell(width - 8, 8, item, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(7)

    pdf.set_fill_color(245, 245, 245)
    pdf.rect(pdf.l_margin, 245, width, 36, style="F")
    pdf.set_xy(pdf.l_margin + 4, 249)
    pdf.set_font("Doc", "B", 14)
    pdf.multi_cell(
        width - 8,
        8,
        "Có người mệt lả, co giật sau khi hút? Gọi ngay 115\nBáo nơi bán thuốc lá điện tử cho học sinh: 113",
        align="C",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_font("Doc", "", 9.5)
    pdf.set_x(pdf.l_margin + 4)
    pdf.multi_cell(width - 8, 6, PGD, align="C")
    return bytes(pdf.output())


def poster_emergency_numbers_pdf():
    from fpdf.enums import XPos, YPos

    pdf = new_pdf(title="Nhớ số khẩn cấp: 111 – 113 – 114 – 115", family="sans")
    pdf.set_auto_page_break(False)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font("Doc", "B", 28)
    pdf.set_y(18)
    pdf.multi_cell(width, 12, "NHỚ SỐ KHẨN CẤP", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Doc", "", 13)
    pdf.multi_cell(
        width, 7, "Miễn phí · Trực 24/24 giờ", align="C",
        new_x=XPos.LMARGIN, new_y=YPos.NEXT,
    )  # fmt: skip
    numbers = [
        ("111", "BẢO VỆ TRẺ EM", "Khi trẻ em bị bạo lực, xâm hại, bị bỏ mặc hoặc cần được tư vấn.", (30, 100, 170)),
        ("113", "CÔNG AN", "Khi có đánh nhau, trộm cắp, đe dọa, lừa đảo hoặc hành vi phạm tội.", (30, 60, 120)),
        ("114", "CỨU HỎA, CỨU NẠN", "Khi có cháy, nổ, người bị mắc kẹt, đuối nước.", (200, 60, 30)),
        ("115", "CẤP CỨU Y TẾ", "Khi có người bị thương, ngất, khó thở, ngộ độc.", (20, 130, 80)),
    ]
    top = 52
    for index, (number, name, when, colour) in enumerate(numbers):
        y = top + index * 52
        pdf.set_fill_color(*colour)
        pdf.rect(pdf.l_margin, y, width, 46, style="F")
        pdf.set_text_color(255, 255, 255)
        pdf.set_xy(pdf.l_margin + 4, y + 8)
        pdf.set_font("Doc", "B", 40)
        pdf.cell(48, 30, number)
        pdf.set_xy(pdf.l_margin + 56, y + 7)
        pdf.set_font("Doc", "B", 17)
        pdf.cell(width - 60, 10, name, new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_font("Doc", "", 12.5)
        pdf.multi_cell(width - 60, 6.5, when, align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_text_color(20, 20, 20)
    pdf.set_xy(pdf.l_margin, top + 4 * 52 + 2)
    pdf.set_font("Doc", "", 11)
    pdf.multi_cell(
        width,
        6,
        "Khi gọi, hãy nói rõ: ĐỊA CHỈ – ĐIỀU GÌ ĐANG XẢY RA – CÓ AI BỊ THƯƠNG. Tập cho trẻ thuộc địa chỉ nhà và "
        f"tên trường.\n{PGD}",
        align="C",
    )
    return bytes(pdf.output())


def leaflet_trafficking_pdf():
    blocks = [
        ("title", "CẢNH GIÁC VỚI LỜI MỜI VIỆC LÀM LƯƠNG CAO"),
        ("subtitle", "Phòng, chống mua bán người · Ngày toàn dân phòng, chống mua bán người 30/7"),
        ("h", "Những lời mời thường gặp"),
        (
            "ul",
            [
                "“Không cần kinh nghiệm, bao ăn ở, lương 1.500 đô la một tháng.”",
                "“Xuất cảnh ngay trong tuần, công ty lo hết chi phí, hộ chiếu.”",
                "“Việc nhẹ: chỉ cần ngồi máy tính chăm sóc khách hàng.”",
            ],
        ),
        ("h", "6 dấu hiệu của bẫy mua bán người"),
        (
            "ol",
            [
                "Lương rất cao so với công việc, không cần bằng cấp, ngoại ngữ.",
                "Không có hợp đồng, không có tên công ty kiểm chứng được.",
                "Được lo toàn bộ chi phí đi lại, làm giấy tờ.",
                "Được hướng dẫn đi đường mòn, lối mở thay vì cửa khẩu chính.",
                "Bị dặn giữ bí mật với gia đình.",
                "Bị giữ hộ chiếu, điện thoại khi đến nơi.",
            ],
        ),
        ("h", "5 điều cần làm trước khi nhận việc"),
        (
            "ol",
            [
                "Kiểm tra công ty với cơ quan lao động hoặc công an địa phương.",
                "Đọc kỹ hợp đồng; với việc làm ở nước ngoài, chỉ đi qua doanh nghiệp được cấp phép đưa người lao "
                "động đi làm việc.",
                "Không giao giấy tờ tùy thân cho người khác giữ hộ.",
                "Cho gia đình biết nơi đến, số điện thoại của người tuyển dụng.",
                "Thống nhất với gia đình một “câu mật khẩu” để báo khi gặp nguy hiểm.",
            ],
        ),
        ("h", "Khi người thân bị giữ ở nước ngoài"),
        (
            "p",
            "Báo ngay cho công an qua số 113 và liên hệ cơ quan đại diện Việt Nam ở nước sở tại. Nếu nạn nhân là trẻ "
            "em, gọi Tổng đài quốc gia bảo vệ trẻ em 111. Luật Phòng, chống mua bán người năm 2024 bảo vệ an toàn và "
            "giữ bí mật thông tin của nạn nhân.",
        ),
        ("note", CA),
    ]
    return document_pdf(title="Cảnh giác với lời mời việc làm lương cao", blocks=blocks, family="sans")


def write_docx(blocks, *, title):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)

    def paragraph(text, *, bold=False, italic=False, align=None, size=None, style_name=None):
        par = document.add_paragraph(style=style_name)
        run = par.add_run(text)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
        if align:
            par.alignment = align
        return par

    for block in blocks:
        kind = block[0]
        if kind == "official_header":
            table = document.add_table(rows=1, cols=2)
            left, right = table.rows[0].cells
            for cell, lines, styles in (
                (left, block[1]["left"], ["", "B", "", "I"]),
                (right, block[1]["right"], ["B", "B", "I"]),
            ):
                cell.paragraphs[0].text = ""
                for index, (text, text_style) in enumerate(zip(lines, styles, strict=True)):
                    if not text:
                        continue
                    par = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                    run = par.add_run(text)
                    run.bold, run.italic = "B" in text_style, "I" in text_style
                    run.font.size = Pt(12)
                    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            document.add_paragraph()
        elif kind == "title":
            paragraph(block[1], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=15)
        elif kind == "subtitle":
            paragraph(block[1], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        elif kind == "h":
            paragraph(block[1], bold=True)
        elif kind == "p":
            paragraph(block[1], align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        elif kind == "note":
            paragraph(block[1], italic=True, size=11)
        elif kind == "fill":
            for labels in block[1]:
                dots = "." * (70 // len(labels) - 4)
                paragraph("   ".join(f"{label} {dots}".strip() for label in labels))
        elif kind in ("ul", "ol"):
            for number, item in enumerate(block[1], start=1):
                marker = f"{number}. " if kind == "ol" else "- "
                paragraph(marker + item, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        elif kind == "table":
            headers, rows = block[1], block[2]
            table = document.add_table(rows=1, cols=len(headers))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, headers, strict=True):
                cell.text = ""
                cell.paragraphs[0].add_run(text).bold = True
            for row in rows:
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    cell.text = text
            document.add_paragraph()
        elif kind == "signature":
            table = document.add_table(rows=1, cols=2)
            left, right = table.rows[0].cells
            left.text, right.text = "", ""
            for index, text in enumerate(block[1]["left"]):
                par = left.paragraphs[0] if index == 0 else left.add_paragraph()
                run = par.add_run(text)
                run.font.size = Pt(11)
                run.bold = run.italic = index == 0
            for index, text in enumerate(block[1]["right"]):
                par = right.paragraphs[0] if index == 0 else right.add_paragraph()
                run = par.add_run(text)
                run.bold, run.italic = index == 0, index > 0
                par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "page_break":
            document.add_page_break()
        else:
            raise ValueError(kind)

    properties = document.core_properties
    properties.title, properties.author, properties.language = title, PGD, "vi-VN"
    properties.created = properties.modified = FIXED_TIME.replace(tzinfo=None)
    properties.last_modified_by, properties.revision = PGD, 1
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue())


LESSON_SLIDES = [
    (
        "Nhận diện và phòng tránh lừa đảo trực tuyến",
        ["Tiết sinh hoạt lớp – bậc trung học", f"{CA} phối hợp với {PGD}"],
        "Giới thiệu mục tiêu: sau tiết học, học sinh nhận ra 5 chiêu lừa đảo thường gặp và biết phải làm gì.",
    ),
    (
        "Khởi động: Bạn đã bao giờ nhận được tin nhắn lạ?",
        [
            "Tin nhắn báo trúng thưởng điện thoại, xe máy",
            "Lời mời nạp thẻ để nhận vật phẩm game",
            "Người lạ kết bạn, vài hôm sau hỏi mượn tiền",
        ],
        "Cho học sinh giơ tay nếu đã từng gặp. Mời 2–3 em kể ngắn, không nêu tên người thật.",
    ),
    (
        "Chiêu 1: Giả danh giáo viên báo người thân cấp cứu",
        [
            "Gọi cho phụ huynh: “Con anh chị bị tai nạn, cần chuyển tiền mổ gấp”",
            "Biết tên học sinh, tên trường nhờ mạng xã hội",
            "Cách phòng: gọi lại giáo viên chủ nhiệm bằng số đã lưu sẵn",
        ],
        "Nhấn mạnh: bệnh viện không bắt chuyển khoản trước rồi mới cấp cứu. Học sinh nên hạn chế đăng tên trường, lớp.",
    ),
    (
        "Chiêu 2: Nạp thẻ game, nhận quà miễn phí",
        [
            "Trang web giả mạo giao diện trò chơi",
            "Yêu cầu nhập mật khẩu hoặc nạp trước một khoản nhỏ",
            "Cách phòng: không nhập mật khẩu ở trang lạ, bật xác thực hai lớp",
        ],
        "Hỏi học sinh: dấu hiệu nào cho thấy trang web là giả? (Tên miền lạ, hứa hẹn quá tốt, thúc giục.)",
    ),
    (
        "Chiêu 3: “Việc nhẹ lương cao” – làm nhiệm vụ online",
        [
            "Lúc đầu trả tiền thật để tạo lòng tin",
            "Sau đó yêu cầu “nạp vốn” để nhận hoa hồng lớn hơn",
            "Có trường hợp bị dụ ra nước ngoài, trở thành nạn nhân mua bán người",
        ],
        "Liên hệ với chủ đề phòng, chống mua bán người. Lời mời càng hấp dẫn càng cần kiểm tra.",
    ),
    (
        "Chiêu 4: Giả danh công an, tòa án",
        [
            "Báo học sinh, phụ huynh “liên quan đến vụ án”",
            "Yêu cầu chuyển tiền “để xác minh” hoặc cài ứng dụng lạ",
            "Công an không làm việc qua điện thoại, không yêu cầu chuyển tiền",
        ],
        "Dặn học sinh: gặp cuộc gọi như vậy thì cúp máy và kể với cha mẹ.",
    ),
    (
        "Chiêu 5: Thuê, mua tài khoản ngân hàng",
        [
            "Trả tiền để “mượn” hoặc mua tài khoản của học sinh",
            "Tài khoản bị dùng để nhận tiền lừa đảo",
            "Người đứng tên có thể phải chịu trách nhiệm trước pháp luật",
        ],
        "Giải thích vì sao không bao giờ cho người khác mượn tài khoản, mã OTP hay thẻ ngân hàng.",
    ),
    (
        "Thảo luận nhóm: 3 tình huống",
        [
            "Nhóm 1: Bạn nhận tin “trúng iPhone, chỉ cần trả phí vận chuyển”",
            "Nhóm 2: Một người quen qua game rủ làm cộng tác viên, hứa trả 500.000 đồng/ngày",
            "Nhóm 3: Mẹ bạn nhận cuộc gọi báo bạn đang cấp cứu trong khi bạn đang ở lớp",
        ],
        "Mỗi nhóm 5 phút thảo luận, 1 phút trình bày: dấu hiệu lừa đảo là gì, em sẽ làm gì.",
    ),
    (
        "Quy tắc: Dừng lại – Kiểm tra – Hỏi người lớn",
        [
            "DỪNG LẠI: không bấm đường link, không chuyển tiền ngay",
            "KIỂM TRA: gọi lại số chính thức, tìm thông tin từ nguồn tin cậy",
            "HỎI NGƯỜI LỚN: cha mẹ, thầy cô, công an phường",
        ],
        "Cho cả lớp đọc to quy tắc. Gợi ý học sinh chép vào sổ tay.",
    ),
    (
        "Khi đã lỡ bị lừa",
        [
            "Báo ngay cho cha mẹ và gọi ngân hàng để tạm khóa tài khoản",
            "Giữ lại tin nhắn, số điện thoại, biên lai chuyển khoản",
            "Trình báo công an phường hoặc gọi 113",
            "Đổi mật khẩu, bật xác thực hai lớp",
        ],
        "Kết thúc: bị lừa không phải là lỗi đáng xấu hổ; báo tin sớm giúp ngăn kẻ gian lừa người khác.",
    ),
]


def lesson_slides_pptx():
    from pptx import Presentation
    from pptx.util import Pt

    presentation = Presentation()
    for index, (title, bullets, notes) in enumerate(LESSON_SLIDES):
        layout = presentation.slide_layouts[0 if index == 0 else 1]
        slide = presentation.slides.add_slide(layout)
        slide.shapes.title.text = title
        body = slide.placeholders[1].text_frame
        body.text = bullets[0]
        for bullet in bullets[1:]:
            body.add_paragraph().text = bullet
        if index:
            for paragraph in body.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(22)
        slide.notes_slide.notes_text_frame.text = notes
    properties = presentation.core_properties
    properties.title, properties.author, properties.language = LESSON_SLIDES[0][0], CA, "vi-VN"
    properties.created = properties.modified = FIXED_TIME.replace(tzinfo=None)
    properties.last_modified_by, properties.revision = CA, 1
    buffer = io.BytesIO()
    presentation.save(buffer)
    return normalise_zip(buffer.getvalue())


def normalise_zip(data):
    """Rewrite an OOXML package with fixed entry timestamps, for reproducible bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return output.getvalue()


FILES = {
    "cong-van-1234-pgddt-cthssv.pdf": lambda: document_pdf(title="Công văn số 1234/PGDĐT-CTHSSV", blocks=CONG_VAN_1234),
    "ke-hoach-87-phong-chong-ma-tuy-thuoc-la-dien-tu.docx": lambda: write_docx(
        KE_HOACH_87, title="Kế hoạch số 87/KH-PGDĐT"
    ),
    "ap-phich-noi-khong-voi-thuoc-la-dien-tu.pdf": poster_smoke_free_pdf,
    "bai-giang-nhan-dien-lua-dao-truc-tuyen.pptx": lesson_slides_pptx,
    "mau-ban-cam-ket-an-toan-giao-thong.docx": lambda: write_docx(
        CAM_KET_ATGT, title="Bản cam kết chấp hành pháp luật về trật tự, an toàn giao thông"
    ),
    "cam-nang-cha-me-phong-chong-xam-hai-tre-em.pdf": lambda: document_pdf(
        title="Cẩm nang cho cha mẹ: phòng, chống xâm hại trẻ em",
        blocks=CAM_NANG_XAM_HAI,
        family="sans",
        page_format="A5",
        base=10,
    ),
    "giao-an-em-biet-phong-chay-va-thoat-nan.docx": lambda: write_docx(
        GIAO_AN_PCCC, title="Giáo án: Em biết phòng cháy và thoát nạn"
    ),
    "huong-dan-xu-ly-tinh-huong-bao-luc-hoc-duong.pdf": lambda: document_pdf(
        title="Hướng dẫn số 95/HD-PGDĐT", blocks=HUONG_DAN_95
    ),
    "ap-phich-so-dien-thoai-khan-cap.pdf": poster_emergency_numbers_pdf,
    "to-roi-canh-giac-loi-moi-viec-lam-luong-cao.pdf": leaflet_trafficking_pdf,
}


def main():
    FILES_DIR.mkdir(parents=True, exist_ok=True)
    for name, build in FILES.items():
        data = build()
        (FILES_DIR / name).write_bytes(data)
        print(f"{len(data) / 1024:6.1f} KB  {name}")


if __name__ == "__main__":
    main()
