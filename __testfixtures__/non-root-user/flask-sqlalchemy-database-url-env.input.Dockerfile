FROM python:slim
COPY requirements.txt requirements.txt
RUN pip install -r requirements.txt
RUN pip install gunicorn psycopg2-binary
COPY app app
COPY microblog.py config.py boot.sh ./
RUN chmod a+x boot.sh
ENV FLASK_APP microblog.py
ENV DATABASE_URL=postgresql://microblog:secret@db/microblog
EXPOSE 5000
ENTRYPOINT ["./boot.sh"]
