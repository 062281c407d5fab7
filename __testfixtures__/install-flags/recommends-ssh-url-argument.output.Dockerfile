FROM python:3.12-slim
RUN apt-get update && apt-get install --no-install-recommends -y git openssh-client && rm -rf /var/lib/apt/lists/*
# pip hands the URL to git, which runs ssh for it
RUN --mount=type=ssh pip install --no-cache-dir "acme-lib @ git+ssh://git@github.com/acme/lib.git@v1.2"
RUN pip install --no-cache-dir git+https://github.com/acme/tools.git
CMD ["python", "-m", "acme_lib"]
