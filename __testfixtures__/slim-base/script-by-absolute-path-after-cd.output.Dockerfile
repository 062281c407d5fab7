FROM python:3.12-slim
WORKDIR /app
COPY . .
# an absolute path names the same file wherever the RUN has moved to
RUN cd /tmp && /app/build.sh
CMD ["python", "app.py"]
