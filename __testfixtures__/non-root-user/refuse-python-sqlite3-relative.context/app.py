from flask import Flask
from db import get_db

app = Flask(__name__)


@app.route('/')
def index():
    return str(get_db().execute('select count(*) from todo').fetchone()[0])
