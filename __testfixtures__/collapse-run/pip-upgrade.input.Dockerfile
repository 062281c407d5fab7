FROM python:3.12
RUN pip install --upgrade pip
RUN pip install -r requirements.txt
RUN pip check
