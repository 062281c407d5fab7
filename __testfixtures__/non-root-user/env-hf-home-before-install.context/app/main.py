from model import load

load()
