from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from home.two_factor import reset_two_factor


class Command(BaseCommand):
    help = (
        "Turn off two-factor sign-in for a user who lost their authenticator app "
        "(check who is asking first). They can sign in with their password and set it up again."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model()._default_manager.filter(**{get_user_model().USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        if reset_two_factor(user=user):
            self.stdout.write(f"Two-factor sign-in turned off for {username}.")
        else:
            self.stdout.write(f"{username} had no two-factor sign-in; nothing changed.")
