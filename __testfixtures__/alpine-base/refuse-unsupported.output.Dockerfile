FROM python:3.12-slim
RUN dpkgArch="$(dpkg --print-architecture)" && echo "$dpkgArch"
CMD ["python"]
