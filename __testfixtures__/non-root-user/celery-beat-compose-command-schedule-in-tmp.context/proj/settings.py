CELERY_BROKER_URL = 'redis://redis:6379/0'
DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'HOST': 'db', 'NAME': 'app'}}
