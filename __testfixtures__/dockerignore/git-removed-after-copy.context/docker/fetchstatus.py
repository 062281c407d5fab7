#!/usr/bin/env python
import sys
from urllib.request import urlopen

sys.exit(0 if urlopen("http://localhost:8000/api/v3/status/").status == 200 else 1)
