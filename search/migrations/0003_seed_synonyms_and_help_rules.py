"""Starting synonyms and help rules; editors change them in the admin (Search menu)."""

from django.db import migrations

SYNONYMS = [
    "vape\nthuốc lá điện tử\nthuốc lá nung nóng",
    "bắt nạt\nbạo lực học đường",
    "ma túy\nchất cấm\nchất gây nghiện",
]

HELP_RULES = [
    {
        "name": "Drugs: buying or using",
        "language": "vi",
        "patterns": "\n".join(
            [
                "mua ma túy",
                "bán ma túy",
                "mua thuốc lắc",
                "mua cần sa",
                "cách dùng ma túy",
                "cách sử dụng ma túy",
                "cách chơi ke",
                "cách hút cần",
                "ma túy ở đâu",
                "tự chế ma túy",
            ]
        ),
        "title": "Bạn không đơn độc",
        "message": (
            "Nếu bạn hoặc người thân đang gặp khó khăn với ma túy hay chất gây nghiện, hãy nói chuyện với "
            "thầy cô, cha mẹ hoặc gọi ngay các đường dây nóng dưới đây. Cuộc gọi được giữ kín."
        ),
    },
    {
        "name": "Violence: hurting someone",
        "language": "vi",
        "patterns": "\n".join(
            [
                "cách đánh bạn",
                "cách đánh người",
                "cách trả thù",
                "làm sao đánh",
                "cách làm hại",
                "cách tự tử",
                "cách tự làm hại",
                "muốn chết",
                "đánh hội đồng",
            ]
        ),
        "title": "Hãy tìm sự giúp đỡ ngay",
        "message": (
            "Nếu bạn đang tức giận, sợ hãi hoặc muốn làm hại ai đó hay chính mình, hãy dừng lại và nói "
            "chuyện với người bạn tin tưởng, hoặc gọi ngay các đường dây nóng dưới đây."
        ),
    },
    {
        "name": "Drugs and violence (English)",
        "language": "en",
        "patterns": "\n".join(
            [
                "buy drugs",
                "where to get drugs",
                "how to use drugs",
                "how to make drugs",
                "how to hurt",
                "how to beat up",
                "how to kill",
                "revenge on",
            ]
        ),
        "title": "You are not alone",
        "message": (
            "If you or someone close to you is struggling with drugs or thinking about hurting someone, "
            "talk to a teacher or a parent, or call one of these hotlines now. Calls are confidential."
        ),
    },
]


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    HelpRule = apps.get_model("search", "HelpRule")
    for terms in SYNONYMS:
        SynonymGroup.objects.create(terms=terms)
    for rule in HELP_RULES:
        HelpRule.objects.create(**rule)


def unseed(apps, schema_editor):
    apps.get_model("search", "SynonymGroup").objects.filter(terms__in=SYNONYMS).delete()
    apps.get_model("search", "HelpRule").objects.filter(name__in=[rule["name"] for rule in HELP_RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_full_text_index"),
    ]

    operations = [
        migrations.RunPython(seed, unseed),
    ]
