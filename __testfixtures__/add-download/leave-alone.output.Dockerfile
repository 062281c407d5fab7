FROM python:3.12
ADD requirements.txt /app/
ADD https://github.com/example/project.git#v1.0 /src/project
RUN pip install -r /app/requirements.txt
