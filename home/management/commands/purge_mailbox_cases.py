from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from home.mailbox.counselling import expired_cases
from home.mailbox.counselling_services import purge_expired_cases


class Command(BaseCommand):
    help = _(
        "Delete student mailbox cases, with their messages, whose last activity is older than "
        "MAILBOX_RETENTION_DAYS (default 180). The access log is kept: it holds no content."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help=_("Only count the cases that would be deleted."))

    def handle(self, *args, dry_run, verbosity, **options):
        days = settings.MAILBOX_RETENTION_DAYS
        if dry_run:
            count = expired_cases(retention_days=days).count()
            template = ngettext(
                "%(count)d case older than %(days)d days would be deleted.",
                "%(count)d cases older than %(days)d days would be deleted.",
                count,
            )
        else:
            count = purge_expired_cases(retention_days=days)
            template = ngettext(
                "%(count)d case older than %(days)d days deleted.",
                "%(count)d cases older than %(days)d days deleted.",
                count,
            )
        if verbosity >= 1:
            self.stdout.write(template % {"count": count, "days": days})
