"""The judged query set of the search benchmark.

Each query names the pages that answer it by (kind, slug) in its locale, with
a graded relevance: 3 = the answer, 2 = clearly relevant, 1 = related. Pages
not listed count as irrelevant; the corpus (`search/bench_corpus.py`) makes
sure no generated page holds a query's distinctive phrase, so the lists are
complete. A query with no relevant page must return nothing at all.
"""

import unicodedata
from dataclasses import dataclass, field

CATEGORIES = (
    "accentless",
    "tone-variants",
    "nfd-input",
    "phrases",
    "document-numbers",
    "english",
    "synonyms",
    "typos",
    "filters",
    "nothing",
)

# The synonym groups the benchmark installs before it measures (through the search app's own
# synonym store); the anchors answering "synonyms" queries never contain the words typed.
SYNONYM_GROUPS = (
    ("bóng cười", "khí cười"),
    ("thuốc lá điện tử", "vape"),
    ("đuối nước", "chết đuối"),
    ("bắt nạt qua mạng", "bắt nạt trực tuyến"),
    ("lừa đảo qua mạng", "lừa đảo trực tuyến"),
)


@dataclass(frozen=True)
class JudgedQuery:
    category: str
    text: str
    relevant: dict[tuple[str, str], int]  # (kind, slug) -> grade 1..3
    locale: str = "vi"
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def label(self):
        """How the query reads in the report: the text (NFD shown as NFC, marked), locale and filters."""
        composed = unicodedata.normalize("NFC", self.text)
        parts = [repr(composed) + (" [NFD]" if composed != self.text else "")]
        if self.locale != "vi":
            parts.append(f"locale={self.locale}")
        parts.extend(f"{name}={','.join(values)}" for name, values in self.filters.items())
        return " ".join(parts)


def nfd(text):
    return unicodedata.normalize("NFD", text)


def article(slug):
    return ("article", slug)


def resource(slug):
    return ("resource", slug)


def campaign(slug):
    return ("campaign", slug)


HOP_THU = article("hop-thu-dieu-em-muon-noi")
PHIEU_HOP_THU = resource("mau-phieu-hop-thu")
THUOC_LA = article("tac-hai-thuoc-la-dien-tu")
AP_PHICH = resource("ap-phich-thuoc-la-dien-tu")
BONG_CUOI = article("canh-bao-bong-cuoi")
DUOI_NUOC = article("ky-nang-phong-tranh-duoi-nuoc")
HOC_BOI = resource("huong-dan-day-boi-an-toan")
MUA_HE = campaign("chien-dich-mua-he-an-toan-2025")
CONG_VAN_1520 = resource("cong-van-an-ninh-trat-tu-truong-hoc-2024")
KE_HOACH_87 = resource("ke-hoach-thang-hanh-dong-phong-chong-ma-tuy-2024")
THONG_TU_32 = resource("thong-tu-dieu-le-truong-trung-hoc")
NGHI_DINH_45 = resource("nghi-dinh-moi-truong-giao-duc-an-toan")
HOA_GIAI = article("hoa-giai-mau-thuan-giua-hoc-sinh")
HOA_NHAP = article("giao-duc-hoa-nhap-tre-khuyet-tat")
MUA_THI = article("giu-suc-khoe-tam-ly-mua-thi")
TU_VAN = article("phong-tu-van-tam-ly-hoc-duong")
DUONG_THUY = article("an-toan-giao-thong-duong-thuy")
THUY_DAU = article("phong-benh-thuy-dau-truong-mam-non")
XAM_HAI_MANG = article("phong-ngua-xam-hai-tre-em-qua-mang")
BAT_NAT = article("khi-con-bi-bat-nat-truc-tuyen")
LUA_DAO = article("canh-giac-lua-dao-qua-mang-xa-hoi")
TAI_KHOAN = resource("bao-ve-tai-khoan-mang-xa-hoi")
DUA_XE = article("ngan-chan-hoc-sinh-dua-xe-trai-phep")
XE_DIEN = article("hoc-sinh-di-xe-may-dien")
KY_TUC_XA = article("dien-tap-phong-chay-chua-chay-ky-tuc-xa")
CONG_TRUONG = article("mo-hinh-cong-truong-an-toan-giao-thong")
KHONG_MA_TUY = article("xay-dung-truong-hoc-khong-ma-tuy")
NGOI_NHA = article("ngoi-nha-an-toan-cho-tre-nho")
LOP_HOC = article("lop-hoc-hanh-phuc-khong-bao-luc")
EN_VAPING = article("harms-of-e-cigarettes")
EN_DROWNING = article("drowning-prevention-skills")
EN_SWIMMING = resource("safe-swimming-lessons")
EN_SCAMS = article("beware-of-online-scams")
EN_MAILBOX = article("what-i-want-to-say-counselling-mailbox")
EN_GATE = article("safe-school-gate-model")


def q(category, text, relevant=None, **options):
    return JudgedQuery(category=category, text=text, relevant=relevant or {}, **options)


QUERIES = (
    # Typed without diacritics.
    q("accentless", "tac hai thuoc la dien tu", {THUOC_LA: 3, AP_PHICH: 1}),
    q("accentless", "bong cuoi", {BONG_CUOI: 3}),
    q("accentless", "hop thu dieu em muon noi", {HOP_THU: 3, PHIEU_HOP_THU: 2}),
    q("accentless", "ky nang phong tranh duoi nuoc", {DUOI_NUOC: 3, HOC_BOI: 2, MUA_HE: 1}),
    q("accentless", "lua dao qua mang", {LUA_DAO: 3, TAI_KHOAN: 1}),
    q("accentless", "dua xe trai phep", {DUA_XE: 3, XE_DIEN: 1}),
    # The tone mark of oa/oe/uy placed the other way than in the page.
    q("tone-variants", "hoà giải mâu thuẫn", {HOA_GIAI: 3}),
    q("tone-variants", "giáo dục hòa nhập", {HOA_NHAP: 3}),
    q("tone-variants", "sức khỏe tâm lý mùa thi", {MUA_THI: 3, TU_VAN: 1}),
    q("tone-variants", "giao thông đường thuỷ", {DUONG_THUY: 3}),
    q("tone-variants", "bệnh thuỷ đậu", {THUY_DAU: 3}),
    # Decomposed Unicode, as some keyboards send it.
    q("nfd-input", nfd("xâm hại trẻ em qua mạng"), {XAM_HAI_MANG: 3}),
    q("nfd-input", nfd("tư vấn tâm lý học đường"), {TU_VAN: 3, MUA_THI: 1}),
    q("nfd-input", nfd("phòng cháy chữa cháy ký túc xá"), {KY_TUC_XA: 3}),
    q("nfd-input", nfd("Điều lệ trường trung học"), {THONG_TU_32: 3}),
    q("nfd-input", nfd("bóng cười"), {BONG_CUOI: 3}),
    # Common words whose order makes the answer.
    q("phrases", '"trường học không ma túy"', {KHONG_MA_TUY: 3}),
    q("phrases", "cổng trường an toàn", {CONG_TRUONG: 3}),
    q("phrases", "ngôi nhà an toàn", {NGOI_NHA: 3}),
    q("phrases", '"lớp học hạnh phúc"', {LOP_HOC: 3}),
    q("phrases", "mùa hè an toàn", {MUA_HE: 3, DUOI_NUOC: 1}),
    # Official document numbers, whole or in part.
    q("document-numbers", "1520/SGDĐT-CTTT", {CONG_VAN_1520: 3}),
    q("document-numbers", "1520/sgddt-cttt", {CONG_VAN_1520: 3}),
    q("document-numbers", "87/KH-UBND", {KE_HOACH_87: 3}),
    q("document-numbers", "32/2020/TT-BGDĐT", {THONG_TU_32: 3}),
    q("document-numbers", "công văn 1520", {CONG_VAN_1520: 3}),
    q("document-numbers", "nghị định 45/2023", {NGHI_DINH_45: 3}),
    # The English site.
    q("english", "vaping harms", {EN_VAPING: 3}, locale="en"),
    q("english", "drowning prevention", {EN_DROWNING: 3, EN_SWIMMING: 2}, locale="en"),
    q("english", "online scams", {EN_SCAMS: 3}, locale="en"),
    q("english", "counselling mailbox", {EN_MAILBOX: 3}, locale="en"),
    q("english", "school gate safety", {EN_GATE: 3}, locale="en"),
    # Words the page never uses, joined by the synonym groups above.
    q("synonyms", "khí cười", {BONG_CUOI: 3}),
    q("synonyms", "vape", {THUOC_LA: 3, AP_PHICH: 2}),
    q("synonyms", "chết đuối", {DUOI_NUOC: 3, HOC_BOI: 2, MUA_HE: 1}),
    q("synonyms", "bắt nạt qua mạng", {BAT_NAT: 3}),
    q("synonyms", "lừa đảo trực tuyến", {LUA_DAO: 3, TAI_KHOAN: 1}),
    # One letter wrong, missing or extra.
    q("typos", "bong cuoj", {BONG_CUOI: 3}),
    q("typos", "tâm lí học đường", {TU_VAN: 3, MUA_THI: 1}),
    q("typos", "đua xe trái phé", {DUA_XE: 3, XE_DIEN: 1}),
    q("typos", "thuốc lá điệm tử", {THUOC_LA: 3, AP_PHICH: 2}),
    q("typos", "phòng tránh đuối nướcc", {DUOI_NUOC: 3, HOC_BOI: 2}),
    q("typos", "phòng cháy kí túc xá", {KY_TUC_XA: 3}),
    # Filters narrow the answers (and an empty query lists them).
    q("filters", "thuốc lá điện tử", {AP_PHICH: 3}, filters={"kind": ("resource",)}),
    q("filters", "đuối nước", {HOC_BOI: 3}, filters={"kind": ("resource",)}),
    q("filters", "hộp thư", {HOP_THU: 3}, filters={"audience": ("students",)}),
    q("filters", "", {DUOI_NUOC: 3, HOC_BOI: 3, MUA_HE: 3}, filters={"topic": ("drowning",)}),
    q("filters", "học bơi", {HOC_BOI: 3}, filters={"school_level": ("primary",)}),
    q("filters", "mùa hè", {MUA_HE: 3}, filters={"kind": ("campaign",)}),
    q("filters", "drowning", {EN_SWIMMING: 3}, locale="en", filters={"kind": ("resource",)}),
    # Nothing should come back.
    q("nothing", "khủng long kỷ jura"),
    q("nothing", "xyzzy qwerty"),
    q("nothing", "9999/ZZZ-QQQ"),
    q("nothing", "bóng cười", locale="en"),
    q("nothing", "thuốc lá điện tử", filters={"kind": ("campaign",)}),
    q("nothing", "học bơi", filters={"topic": ("khong-ton-tai",)}),
)
