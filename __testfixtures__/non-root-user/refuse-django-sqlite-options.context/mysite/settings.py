from pathlib import Path
BASE_DIR = Path(__file__).resolve().parent.parent
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "OPTIONS": {"timeout": 20},
        "NAME": str(BASE_DIR / "db.sqlite3"),
    }
}
