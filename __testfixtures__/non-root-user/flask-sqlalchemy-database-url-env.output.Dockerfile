FROM python:slim
COPY requirements.txt requirements.txt
RUN pip install -r requirements.txt
RUN pip install gunicorn psycopg2-binary
COPY app app
COPY microblog.py config.py boot.sh ./
RUN chmod a+x boot.sh
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
ENV FLASK_APP microblog.py
ENV DATABASE_URL=postgresql://microblog:secret@db/microblog
EXPOSE 5000
ENTRYPOINT ["./boot.sh"]
