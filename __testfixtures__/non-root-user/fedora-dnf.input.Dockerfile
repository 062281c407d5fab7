FROM fedora:40
RUN dnf install -y python3-flask && dnf clean all
WORKDIR /srv
COPY app.py .
EXPOSE 5000
CMD ["python3", "-m", "flask", "--app", "app", "run", "--host", "0.0.0.0"]
