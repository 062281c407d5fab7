# Checks the spelling of the repository mounted at /src:
#   docker run --rm -v "$PWD:/src" spellcheck --write-changes /src
FROM python:3.12-slim

WORKDIR /opt/tools
RUN pip install --no-cache-dir codespell==2.4.1
WORKDIR /src
ENTRYPOINT ["codespell"]
