import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

BASE_DIR = Path(__file__).resolve().parents[2]


PRODUCTION_VARIABLES = {"SECRET_KEY", "ALLOWED_HOSTS", "MAILBOX_ENCRYPTION_KEY"}
VALID_MAILBOX_KEY = "bWFpbGJveC1rZXktZm9yLXRoZS1zZXR0aW5ncy10ZXM="


def run_manage(*args, env_overrides):
    env = {key: value for key, value in os.environ.items() if key not in PRODUCTION_VARIABLES}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "missing, present",
    [
        ("SECRET_KEY", {"ALLOWED_HOSTS": "portal.example.vn", "MAILBOX_ENCRYPTION_KEY": VALID_MAILBOX_KEY}),
        ("ALLOWED_HOSTS", {"SECRET_KEY": "x" * 60, "MAILBOX_ENCRYPTION_KEY": VALID_MAILBOX_KEY}),
        ("MAILBOX_ENCRYPTION_KEY", {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "portal.example.vn"}),
    ],
)
def test_production_refuses_to_start_without_required_variable(missing, present):
    result = run_manage("check", env_overrides={"DJANGO_SETTINGS_MODULE": "portal.settings.production", **present})
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_production_refuses_to_start_with_a_malformed_mailbox_key():
    result = run_manage(
        "check",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "portal.example.vn",
            "MAILBOX_ENCRYPTION_KEY": "not-a-fernet-key",
        },
    )
    assert result.returncode != 0
    assert "MAILBOX_ENCRYPTION_KEY is not a valid Fernet key" in result.stderr


def test_production_deploy_check_is_clean():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "a-long-random-production-secret-key-for-the-check-0123456789abcdef",
            "ALLOWED_HOSTS": "portal.example.vn",
            "MAILBOX_ENCRYPTION_KEY": VALID_MAILBOX_KEY,
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_models_and_migrations_are_in_sync():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    assert "No changes detected" in out.getvalue()
