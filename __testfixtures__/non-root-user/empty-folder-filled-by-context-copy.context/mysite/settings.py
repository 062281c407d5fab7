MEDIA_ROOT = BASE_DIR / "media"
