import sqlite3
sqlite3.connect("/app/data/todo.db")
