FROM registry.access.redhat.com/ubi9/ubi:9.4
# The file continues its RUNs with a leading &&: the account's RUN does too.
RUN dnf install -y python3 python3-pip \
  && dnf clean all
WORKDIR /opt/app
COPY requirements.txt app.py /opt/app/
RUN dnf install -y shadow-utils \
  && dnf clean all \
  && groupadd --system --gid 10001 app \
  && useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
EXPOSE 8080
CMD ["python3", "/opt/app/app.py"]
