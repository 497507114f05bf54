import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext_lazy as _


class Command(BaseCommand):
    help = _(
        "Every INTERVAL seconds: publish and unpublish scheduled pages, and delete mailbox cases past "
        "their retention period (development helper; cron does this in production)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60)
        parser.add_argument("--once", action="store_true", help=_("Run one pass and stop."))

    def handle(self, *args, interval, once, **options):
        while True:
            call_command("publish_scheduled", verbosity=0)
            # One indexed query when nothing is due: cheap enough for every pass.
            call_command("purge_mailbox_cases", verbosity=0)
            if once:
                return
            time.sleep(interval)
