FROM fedora:40
VOLUME /var/lib/app
RUN dnf install -y python3-flask shadow-utils && dnf clean all
WORKDIR /srv
COPY app.py .
CMD ["python3", "-m", "flask", "--app", "app", "run", "--host", "0.0.0.0"]
