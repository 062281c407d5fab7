FROM opensuse/leap:15.6
RUN zypper --non-interactive install python311 && zypper clean --all
WORKDIR /srv
COPY worker.py .
RUN zypper --non-interactive install shadow && \
    zypper clean --all && \
    groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["python3.11", "worker.py"]
