FROM fedora:40
RUN dnf install -y shadow-utils && \
    dnf clean all && \
    groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    mkdir -p /var/lib/app && \
    chown 10001:10001 /var/lib/app
VOLUME /var/lib/app
RUN dnf install -y python3-flask shadow-utils && dnf clean all
WORKDIR /srv
COPY app.py .
USER 10001:10001
CMD ["python3", "-m", "flask", "--app", "app", "run", "--host", "0.0.0.0"]
