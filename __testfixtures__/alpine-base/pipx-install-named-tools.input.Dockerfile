FROM python:3.12-slim
RUN pip install --no-cache-dir pipx && pipx install --python python3.12 poetry==1.8.3
ENV PATH=/root/.local/bin:$PATH
WORKDIR /app
CMD ["poetry", "--version"]
