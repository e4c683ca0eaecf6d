"""The settings read the environment, and production passes `check --deploy`."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(args, env, module):
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "EMAIL_", "DATABASE_", "CACHE_"))
    }
    environment.update(env, DJANGO_SETTINGS_MODULE=module)
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _settings(module, **env):
    code = (
        "import django, json; django.setup(); from django.conf import settings as s;"
        "db = s.DATABASES['default'];"
        "print(json.dumps({'engine': db['ENGINE'], 'options': db.get('OPTIONS', {}),"
        "'conn_max_age': db.get('CONN_MAX_AGE'), 'email': s.EMAIL_BACKEND,"
        "'email_host': s.EMAIL_HOST, 'email_port': s.EMAIL_PORT,"
        "'email_path': str(getattr(s, 'EMAIL_FILE_PATH', '')),"
        "'cache': s.CACHES['default']['BACKEND'], 'debug': s.DEBUG,"
        "'hosts': s.ALLOWED_HOSTS, 'from': s.DEFAULT_FROM_EMAIL,"
        "'site_url': s.SITE_URL}))"
    )
    result = _run(["-c", code], env, module)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_settings_pass_check_deploy_without_warning(tmp_path):
    result = _run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        {
            "SECRET_KEY": "k" * 20 + "-Z9@x!q2#r5$t8%u1^w4&y7*b0(c3)d6_e9+f2=g5",
            "ALLOWED_HOSTS": "diese.example.org",
            "SITE_URL": "https://diese.example.org",
            "DIESE_VAR_DIR": str(tmp_path),
        },
        "diese.settings.production",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_defaults_are_sqlite_wal_files_for_mail_and_local_memory_cache(tmp_path):
    values = _settings("diese.settings.dev", DIESE_VAR_DIR=str(tmp_path))

    assert values["engine"] == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in values["options"]["init_command"]
    assert values["options"]["timeout"] >= 5
    assert values["email"] == "django.core.mail.backends.filebased.EmailBackend"
    assert values["email_path"] == str(tmp_path / "mail")
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["debug"] is False


def test_environment_selects_postgresql_smtp_and_redis(tmp_path):
    values = _settings(
        "diese.settings.dev",
        DIESE_VAR_DIR=str(tmp_path),
        DATABASE_URL="postgres://diese:secret@db.example.org:5432/diese",
        EMAIL_HOST="smtp.example.org",
        EMAIL_PORT="587",
        CACHE_URL="redis://cache.example.org:6379/1",
        DEFAULT_FROM_EMAIL="Diese <lettre@example.org>",
        ALLOWED_HOSTS="diese.example.org,www.diese.example.org",
        DEBUG="1",
    )

    assert values["engine"] == "django.db.backends.postgresql"
    assert values["conn_max_age"] > 0
    assert values["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (values["email_host"], values["email_port"]) == ("smtp.example.org", 587)
    assert values["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert values["from"] == "Diese <lettre@example.org>"
    assert values["hosts"] == ["diese.example.org", "www.diese.example.org"]
    assert values["debug"] is True
