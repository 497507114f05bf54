from django.core.management.base import BaseCommand, CommandError

from home.exchange.errors import ExchangeError
from home.exchange.importer import import_bundle


class Command(BaseCommand):
    help = (
        "Import a content bundle (a folder holding content.jsonl and its files, or a lone .jsonl file). "
        "All or nothing: the first bad line stops the import with “line N: key: reason” and nothing is written. "
        "Items are matched by kind, locale and slug and updated in place."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The bundle folder or .jsonl file.")
        parser.add_argument("--draft", action="store_true", help="Save pages as drafts instead of publishing them.")

    def handle(self, *args, path, draft, **options):
        try:
            report = import_bundle(path=path, draft=draft)
        except ExchangeError as error:
            raise CommandError(str(error)) from error
        for line in report.summary_lines():
            self.stdout.write(line)
