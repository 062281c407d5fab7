FROM python:3.12-slim
# [START cloudrun_helloworld_dockerfile]
RUN pip install --no-cache-dir flask
# [END cloudrun_helloworld_dockerfile]
RUN pip install --no-cache-dir gunicorn
RUN mkdir /app
