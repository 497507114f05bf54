import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext_lazy as _


class Command(BaseCommand):
    help = _("Publish and unpublish scheduled pages every INTERVAL seconds (development helper).")

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60)
        parser.add_argument("--once", action="store_true", help=_("Run one pass and stop."))

    def handle(self, *args, interval, once, **options):
        while True:
            call_command("publish_scheduled", verbosity=0)
            if once:
                return
            time.sleep(interval)
