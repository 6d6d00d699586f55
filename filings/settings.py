"""One settings file, driven by environment variables with safe development defaults.

Variables (all optional):
  DJANGO_SECRET_KEY      required when DJANGO_DEBUG is off
  DJANGO_DEBUG           "1" to enable debug pages (default off)
  DJANGO_ALLOWED_HOSTS   comma-separated (default 127.0.0.1,localhost)
  DATABASE_URL           e.g. postgres://user:pass@host/db (default: SQLite in DATA_DIR)
  FILINGS_DATA_DIR       where the SQLite database and stored uploads live (default ./data)
  FILINGS_MAX_UPLOAD_MB  largest accepted upload per file (default 100)
  FILINGS_STORAGE_URL    raw uploads in object storage (S3 API) instead of DATA_DIR/raw:
                         s3://BUCKET[/PREFIX][?endpoint_url=URL&region=NAME]; credentials
                         from the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
  FILINGS_HTTPS          "1" when served over HTTPS behind a TLS-terminating proxy: secure
                         cookies, HSTS, redirect to HTTPS, trust the proxy's X-Forwarded-Proto
  FILINGS_HSTS_SECONDS   HSTS max-age with FILINGS_HTTPS (default one year)
  DJANGO_CSRF_TRUSTED_ORIGINS  comma-separated origins (https://dash.example.com) behind a proxy
  FILINGS_LOG_FORMAT     "json" (one object a line: request id, user, path, status, time) or
                         "plain" (default)
  EMAIL_HOST ...         watches' alert emails (see below); FILINGS_BASE_URL links in them
"""

import os
import tempfile
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("FILINGS_DATA_DIR", BASE_DIR / "data")).resolve()


def env_flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in {
        "1",
        "true",
        "yes",
        "on",
    }


DEBUG = env_flag("DJANGO_DEBUG")
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    # A per-checkout key keeps sessions valid across restarts without shipping a fixed secret.
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        SECRET_KEY = key_file.read_text().strip()
    else:
        import secrets

        DATA_DIR.mkdir(parents=True, exist_ok=True)
        SECRET_KEY = secrets.token_urlsafe(50)
        key_file.write_text(SECRET_KEY)
        key_file.chmod(0o600)

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks_db",
    "axes",
    "filings",
]

MIDDLEWARE = [
    "filings.logs.RequestLog",
    # Last to see a view's exception: a database that is down answers 503, not 500.
    "filings.views.errors.DatabaseUnavailable",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # With FILINGS_PUBLIC_READING off, every page, fragment, file, feed and API needs login.
    *([] if env_flag("FILINGS_PUBLIC_READING", default=True) else ["filings.access.LoginRequired"]),
    # Counts failed logins; last, as django-axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "filings.urls"
CSRF_FAILURE_VIEW = "filings.views.errors.csrf_failure"
WSGI_APPLICATION = "filings.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "filings.access.account",
                "filings.watches.unread",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'filings.sqlite3'}",
        # Kept open between requests, on SQLite too: a new connection costs PostgreSQL a
        # login and SQLite a re-read of the schema and its PRAGMAs, milliseconds a request.
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite makes the file, not its folder: a new FILINGS_DATA_DIR is made here.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers carry on while one writer ingests; IMMEDIATE takes the write
        # lock up front so two concurrent ingests queue instead of deadlocking.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
    }
    # A file, not shared-cache memory, so tests see SQLite's real locking (WAL, busy timeout).
    # One per process, so concurrent test runs never share a file.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"filings-test-{os.getpid()}.sqlite3")
    }


def raw_storage(url: str) -> dict:
    """The storage for raw uploads: the local folder, or a bucket named by an s3:// URL."""
    if not url:
        return {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": DATA_DIR / "raw"},
        }
    from urllib.parse import parse_qs, urlsplit

    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.netloc:
        raise ValueError(
            f"FILINGS_STORAGE_URL is s3://BUCKET[/PREFIX][?endpoint_url=...], not {url!r}"
        )
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    options = {
        "bucket_name": parts.netloc,
        "location": parts.path.strip("/"),
        # Names are content hashes or batch positions: the same name is the same bytes.
        "file_overwrite": True,
        "querystring_auth": False,
    }
    if "endpoint_url" in query:
        options["endpoint_url"] = query["endpoint_url"]
    if "region" in query:
        options["region_name"] = query["region"]
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


STORAGES = {
    # Raw uploads, content-addressed by sha256: a folder, or object storage (S3 API).
    "default": raw_storage(os.environ.get("FILINGS_STORAGE_URL", "").strip()),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
WHITENOISE_USE_FINDERS = True

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
AUTHENTICATION_BACKENDS = [
    "filings.access.LoginThrottle",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one account from one address lock that pair out for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked.html"
AXES_VERBOSE = False

MAX_UPLOAD_MB = int(os.environ.get("FILINGS_MAX_UPLOAD_MB", "100"))
# More than any real submission holds: a file past these is refused before it is rendered.
MAX_DOCUMENTS = int(os.environ.get("FILINGS_MAX_DOCUMENTS", "5000"))
MAX_PARTIES = int(os.environ.get("FILINGS_MAX_PARTIES", "2000"))

# Background ingest: uploads of several files, or of one larger than this, and
# `ingest --background`, become tasks a worker (`manage.py db_worker`) runs from the
# database; a worker that dies holds a file at most FILINGS_TASK_LEASE seconds, and a file
# is tried FILINGS_TASK_ATTEMPTS times before it is shown as failed.
BACKGROUND_MB = float(os.environ.get("FILINGS_BACKGROUND_MB", "5"))
TASK_LEASE_SECONDS = int(os.environ.get("FILINGS_TASK_LEASE", "600"))
TASK_ATTEMPTS = int(os.environ.get("FILINGS_TASK_ATTEMPTS", "3"))
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Email for watches' alerts (filings.alerts): Django's "default" mailer, made from the
# environment. EMAIL_HOST (with EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, and
# EMAIL_USE_TLS or EMAIL_USE_SSL) sends through that SMTP server; DJANGO_EMAIL_BACKEND
# names any other backend instead (e.g. django.core.mail.backends.console.EmailBackend).
# With neither, MAILERS stays undefined (Django then has no mailer to check or warn
# about) and alerts stay in the app. FILINGS_BASE_URL is the site's address as the emails
# link to it.
if os.environ.get("DJANGO_EMAIL_BACKEND"):
    MAILERS = {"default": {"BACKEND": os.environ["DJANGO_EMAIL_BACKEND"]}}
elif os.environ.get("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["EMAIL_HOST"],
                "port": int(os.environ.get("EMAIL_PORT", "25")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_flag("EMAIL_USE_TLS"),
                "use_ssl": env_flag("EMAIL_USE_SSL"),
                "timeout": 30,
            },
        }
    }
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "filings@localhost")
BASE_URL = os.environ.get("FILINGS_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# Security headers. Filer HTML never runs script: only our static files may.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    # Filings lay themselves out with style attributes; nothing else is relaxed.
    "style-src-attr": [CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "frame-src": [CSP.SELF],
}
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False

# Behind a TLS-terminating reverse proxy (`make serve`, README "Serving"): the proxy says
# the request came over HTTPS in X-Forwarded-Proto; without FILINGS_HTTPS the header is
# not trusted, so a client cannot claim it.
HTTPS = env_flag("FILINGS_HTTPS")
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    # The health check answers the load balancer over plain HTTP inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("FILINGS_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("FILINGS_HSTS_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_flag("FILINGS_HSTS_PRELOAD", default=True)
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

# Requests and ingests are logged by the "filings" logger (filings.logs): one JSON object a
# line for a log collector, or plain lines to read in a terminal.
LOG_FORMAT = os.environ.get("FILINGS_LOG_FORMAT", "plain").strip().lower()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "filings.logs.JsonFormatter"},
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "plain",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {
        # Through the root's handler (and so to pytest's log capture).
        # INFO (every request and ingest) under make run, serve and worker; quieter for
        # commands run by hand, which print their own lines.
        "filings": {"level": os.environ.get("FILINGS_LOG_LEVEL", "WARNING")}
    },
}
