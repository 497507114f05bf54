from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home import demo


class Command(BaseCommand):
    help = gettext_lazy(
        "Load the demo site: home page text, hotlines, settings and standard pages in Vietnamese and English, "
        "then the content bundle at PATH (through import_content), then the home page's featured items. "
        "All or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help=gettext_lazy("The demo bundle folder, e.g. demo/bundle."))
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help=gettext_lazy("Do nothing when the site already has articles, campaigns or resources."),
        )

    def handle(self, *args, path, if_empty, **options):
        if if_empty and demo.site_has_content():
            self.stdout.write(_("The site already has content: demo not loaded."))
            return
        with transaction.atomic():
            site = demo.set_up_demo_site()
            call_command("import_content", path, stdout=self.stdout, stderr=self.stderr)
            featured = demo.feature_demo_content()
        self.stdout.write(
            _("Set up %(homes)d home pages, %(hotlines)d hotlines and %(pages)d standard pages per locale.")
            % {
                "homes": len(site["home_pages"]),
                "hotlines": len(site["hotlines"]),
                "pages": len(demo.STANDARD_PAGES),
            }
        )
        for language_code, (campaigns, resources) in sorted(featured.items()):
            self.stdout.write(
                _("Home page (%(language)s): %(campaigns)d featured campaigns, %(resources)d featured resources.")
                % {"language": language_code, "campaigns": campaigns, "resources": resources}
            )
        self.stdout.write(self.style.SUCCESS(_("Demo site loaded.")))
