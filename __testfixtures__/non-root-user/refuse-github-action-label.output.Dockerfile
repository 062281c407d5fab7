FROM python:3.12-slim

LABEL "com.github.actions.name"="Spellcheck Action" \
      "com.github.actions.description"="Check spelling of files in repository"
LABEL "maintainer"="someone <someone@example.com>"

COPY requirements.txt /requirements.txt
RUN pip3 install --no-cache-dir -r /requirements.txt
COPY entrypoint.sh /entrypoint.sh

ENTRYPOINT ["/bin/bash", "/entrypoint.sh"]
