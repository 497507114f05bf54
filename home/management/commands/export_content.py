from django.core.management.base import BaseCommand, CommandError

from home.exchange.errors import ExchangeError
from home.exchange.exporter import export_bundle


class Command(BaseCommand):
    help = (
        "Export the site's live content as a bundle: a new or empty folder (content.jsonl and files/), "
        "or a lone .jsonl file when no item has a file. Topics first, then each default-locale item "
        "followed by its translations, in a stable order."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The folder (new or empty) or .jsonl file to write.")

    def handle(self, *args, path, **options):
        try:
            report = export_bundle(path=path)
        except ExchangeError as error:
            raise CommandError(str(error)) from error
        for note in report.notes:
            self.stderr.write(note)
        for line in report.summary_lines():
            self.stdout.write(line)
