FROM python:3.12
ENV CC=gcc
WORKDIR /app
COPY hello.c app.py ./
# the C helper the app shells out to
RUN $CC -O2 -o /usr/local/bin/hello hello.c
CMD ["python", "app.py"]
