FROM python:3.12
RUN python3 --version && cmake --version
RUN pip install -r /tmp/requirements.txt
RUN pip install gunicorn
RUN python3 -m gunicorn --version && cmake --version
