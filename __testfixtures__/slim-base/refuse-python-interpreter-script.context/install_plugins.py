import subprocess
import sys

# the plugins the site is configured with, installed from their sources
for plugin in open("plugins.txt").read().split():
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--no-binary", ":all:", plugin])
