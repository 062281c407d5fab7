FROM opensuse/leap:15.6
RUN zypper --non-interactive install python311 && zypper clean --all
WORKDIR /srv
COPY worker.py .
CMD ["python3.11", "worker.py"]
