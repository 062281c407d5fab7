FROM python:3.12
RUN python3 -Im pip install flask
RUN python -W ignore -m pip install gunicorn
