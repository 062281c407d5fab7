FROM python:3.12-slim
WORKDIR /srv/app
USER 1001
RUN pip install --user -r requirements.txt
# No RUN creates uid 1001, so where ~ is is not known: the COPY could write into ~/.cache/pip.
COPY --chown=1001 static/ /srv/static/
RUN rm -rf ~/.cache/pip
CMD ["python", "-m", "app"]
