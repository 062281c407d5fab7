from pathlib import Path
BASE_DIR = Path(__file__).resolve().parent.parent
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "/tmp/db.sqlite3",  # outside the project: only the TEST dict names BASE_DIR
        "TEST": {"NAME": BASE_DIR / "test.sqlite3"},
    }
}
